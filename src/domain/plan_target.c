/*
** Targets read from a line's text (see plan_target.h).
**
** A quantity counts when an "at least" phrase introduces it («a lo menos
** 5», «al menos», «como mínimo», «mínimo», even «a los menos» as one plan
** wrote it) or when an activity noun follows it («4 sesiones», «cuatro (4)
** talleres»). The nouns after it say which activities count (the synonym
** table of plan_catalog.c). Place rules: «fuera de X», «distintas a X»,
** «excepto X» exclude the communes named (looked up in the council's
** context; «la capital regional» and «la comuna sede» are the council's
** seat), and «en cada provincia», «en las N provincias» ask for one in each
** province of the council's region.
*/
#include "domain/plan_target.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "domain/plan_catalog.h"
#include "util/arena.h"

/* Phrases that introduce a minimum quantity. */
static const char *const azAtLeast[] = {
    "al menos un total de",
    "a lo menos",
    "a los menos",
    "al menos",
    "por lo menos",
    "como minimo",
    "un minimo de",
    "minimo de",
    "minimo",
    "no menos de",
};

/* Phrases that exclude the places after them. */
static const char *const azExcluding[] = {
    "fuera de",   "fuera del",   "distinta a",       "distinta de",
    "distinto a", "distinto de", "diferente a",      "diferente de",
    "excepto",    "salvo",       "con excepcion de", "que no sea",
};

/* Words between an excluding phrase and the place ("fuera de la comuna
** de …"). */
static const char *const azPlaceFiller[] = {
    "la", "las", "el", "los", "comuna", "ciudad", "de", "del", "localidad",
};

/* What the council's seat is called. */
static const char *const azSeat[] = {
    "capital regional", "capital de la region", "comuna sede",
    "ciudad sede",      "sede del consejo",     "sede",
    "capital",
};

/* Places that are no commune: said after "fuera de" they are no rule we
** read, and no reason to flag. */
static const char *const azNotCommune[] = {
    "region", "provincia", "pais", "horario", "plazo", "oficina", "sala",
};

#define READ_KINDS_MAX PLAN_TARGET_KINDS_MAX

/* What one text (the actions or the target column) says. */
typedef struct Reading {
  int nCount;   /* Sum of the quantities read (0: none) */
  int bAtLeast; /* An "at least" phrase was seen */
  int bAnyKind; /* A noun that means any activity was counted */
  int nKind;
  const char *azKind[READ_KINDS_MAX];
  int nExclude;
  const char *azExclude[PLAN_TARGET_COMMUNES_MAX];
  int bEachProvince;
  int nProvincesSaid;             /* "en las 3 provincias": 3 (0: not said) */
  int bModules;                   /* A course's parts were counted */
  char zReason[PLAN_REASON_SIZE]; /* The first thing that could not be read */
} Reading;

static void reading_flag(Reading *p, const char *zFmt, ...)
    __attribute__((format(printf, 2, 3)));
static void reading_flag(Reading *p, const char *zFmt, ...) {
  if (p->zReason[0]) return;
  va_list ap;
  va_start(ap, zFmt);
  vsnprintf(p->zReason, sizeof(p->zReason), zFmt, ap);
  va_end(ap);
}

static int tok_word(const PlanToken *aTok, int nTok, int i, const char *z) {
  return i < nTok && aTok[i].eKind == PLAN_TOK_WORD &&
         strcmp(aTok[i].zText, z) == 0;
}

static int match_any(Arena *pArena, const PlanToken *aTok, int nTok, int i,
                     const char *const *az, size_t n) {
  for (size_t k = 0; k < n; k++) {
    int m = plan_tokens_match(pArena, aTok, nTok, i, az[k]);
    if (m) return m;
  }
  return 0;
}
#define MATCH_ANY(a) \
  match_any(pArena, aTok, nTok, i, a, sizeof(a) / sizeof(a[0]))

/* A quantity at aTok[*pi]: digits or a number word, then an optional
** "(4)" or "(cuatro)". 0 when there is none. */
static int read_quantity(const PlanToken *aTok, int nTok, int *pi, int *pbOne) {
  int i = *pi, n = 0;
  *pbOne = 0;
  if (i >= nTok) return 0;
  if (aTok[i].eKind == PLAN_TOK_NUM && aTok[i].nDigit <= 4) {
    n = (int)aTok[i].iValue;
  } else if (aTok[i].eKind == PLAN_TOK_WORD) {
    n = plan_number_word(aTok[i].zText);
    *pbOne = n == 1;
  }
  if (n <= 0 || n > PLAN_TARGET_COUNT_MAX) return 0;
  i++;
  if (i + 2 < nTok && aTok[i].eKind == PLAN_TOK_PUNCT &&
      aTok[i].zText[0] == '(' && aTok[i + 2].eKind == PLAN_TOK_PUNCT &&
      aTok[i + 2].zText[0] == ')' &&
      (aTok[i + 1].iValue == n || plan_number_word(aTok[i + 1].zText) == n))
    i += 3;
  *pi = i;
  return n;
}

static void add_kinds(Reading *p, const char *zSlugs) {
  if (!*zSlugs) {
    p->bAnyKind = 1;
    return;
  }
  for (int k = 0; k < plan_activity_kinds_count; k++) {
    const char *zSlug = plan_activity_kinds[k].zSlug;
    size_t n = strlen(zSlug);
    for (const char *z = strstr(zSlugs, zSlug); z; z = strstr(z + 1, zSlug)) {
      if ((z == zSlugs || z[-1] == ' ') && (z[n] == 0 || z[n] == ' ')) {
        int bSeen = 0;
        for (int i = 0; i < p->nKind; i++) bSeen |= p->azKind[i] == zSlug;
        if (!bSeen && p->nKind < READ_KINDS_MAX) p->azKind[p->nKind++] = zSlug;
        break;
      }
    }
  }
}

/* The activity nouns at aTok[i…] ("sesiones o actividades"), added to p;
** returns the index after them, or i when there is none within two words
** ("2 grandes jornadas"). */
static int read_nouns(Arena *pArena, const PlanToken *aTok, int nTok, int i,
                      Reading *p) {
  int iNoun = -1;
  const char *zSlugs = NULL;
  int n = 0;
  for (int k = i; k < i + 3 && k < nTok && aTok[k].eKind == PLAN_TOK_WORD;
       k++) {
    if ((n = plan_activity_noun(pArena, aTok, nTok, k, &zSlugs)) > 0) {
      iNoun = k;
      break;
    }
  }
  if (iNoun < 0) return i;
  add_kinds(p, zSlugs);
  if (plan_noun_is_course_part(pArena, aTok, nTok, iNoun)) p->bModules = 1;
  int k = iNoun + n;
  /* "sesiones o actividades", "charlas y talleres", "talleres, charlas". */
  while (k + 1 < nTok &&
         (tok_word(aTok, nTok, k, "o") || tok_word(aTok, nTok, k, "y") ||
          tok_word(aTok, nTok, k, "u") || tok_word(aTok, nTok, k, "e") ||
          (aTok[k].eKind == PLAN_TOK_PUNCT && aTok[k].zText[0] == ',')) &&
         (n = plan_activity_noun(pArena, aTok, nTok, k + 1, &zSlugs)) > 0) {
    add_kinds(p, zSlugs);
    k += 1 + n;
  }
  return k;
}

static void add_exclude(Reading *p, const char *zCode) {
  for (int i = 0; i < p->nExclude; i++) {
    if (strcmp(p->azExclude[i], zCode) == 0) return;
  }
  if (p->nExclude < PLAN_TARGET_COMMUNES_MAX)
    p->azExclude[p->nExclude++] = zCode;
}

/* The longest run of words at aTok[i…] (five at most) that names a
** commune; its length goes to *pn. */
static const PlanPlace *commune_at(Arena *pArena, const PlanToken *aTok,
                                   int nTok, int i, const PlanContext *pCtx,
                                   int *pn) {
  for (int n = 5; n >= 1; n--) {
    int bWords = i + n <= nTok;
    for (int k = i; bWords && k < i + n; k++)
      bWords = aTok[k].eKind != PLAN_TOK_PUNCT;
    if (!bWords) continue;
    const PlanPlace *pPlace =
        plan_place_by_name(pCtx, plan_tokens_text(pArena, aTok, i, i + n));
    if (pPlace) {
      *pn = n;
      return pPlace;
    }
  }
  return NULL;
}

/* The places after an excluding phrase that ends at aTok[i]. */
static void read_excluded(Arena *pArena, const PlanToken *aTok, int nTok, int i,
                          const PlanContext *pCtx, Reading *p) {
  int bCommuneSaid = 0;
  for (; i < nTok; i++) {
    int n = MATCH_ANY(azSeat);
    if (n) {
      if (pCtx && pCtx->zSeatCode) {
        add_exclude(p, pCtx->zSeatCode);
      } else {
        reading_flag(p,
                     "La meta excluye «%s», pero no se sabe cuál es la "
                     "comuna sede del consejo: indíquela en sus datos.",
                     plan_tokens_text(pArena, aTok, i, i + n));
      }
      return;
    }
    const PlanPlace *pPlace = commune_at(pArena, aTok, nTok, i, pCtx, &n);
    if (pPlace) {
      add_exclude(p, pPlace->zCode);
      i += n;
      /* "… Ovalle y Vicuña", "Ovalle, Illapel o Vicuña" */
      while (i + 1 < nTok &&
             (tok_word(aTok, nTok, i, "y") || tok_word(aTok, nTok, i, "e") ||
              tok_word(aTok, nTok, i, "ni") || tok_word(aTok, nTok, i, "o") ||
              (aTok[i].eKind == PLAN_TOK_PUNCT &&
               strchr(",/", aTok[i].zText[0]))) &&
             (pPlace = commune_at(pArena, aTok, nTok, i + 1, pCtx, &n))) {
        add_exclude(p, pPlace->zCode);
        i += 1 + n;
      }
      return;
    }
    if (MATCH_ANY(azNotCommune)) return;
    n = MATCH_ANY(azPlaceFiller);
    if (!n) break;
    bCommuneSaid |= plan_tokens_match(pArena, aTok, nTok, i, "comuna") > 0;
  }
  /* A name nobody could look up: worth a flag only when it reads as one. */
  if (i < nTok && aTok[i].eKind == PLAN_TOK_WORD &&
      (bCommuneSaid || aTok[i].bCapital)) {
    int j = i;
    while (j < nTok && j < i + 4 && aTok[j].eKind == PLAN_TOK_WORD) j++;
    reading_flag(p,
                 "No se encontró la comuna «%s» en el territorio: la meta "
                 "no excluye ninguna comuna; corríjala.",
                 plan_tokens_text(pArena, aTok, i, j));
  }
}

/* "en cada provincia", "en las 3 provincias", "por provincia", "en cada
** una de las provincias": the province word at aTok[i], and before it only
** such little words back to "en", "por" or "entre" («dirigentes de las 3
** provincias» is about people, not places). */
static void read_provinces(const PlanToken *aTok, int i, Reading *p) {
  static const char *const azAllowed[] = {"cada", "una", "uno",   "de", "las",
                                          "los",  "sus", "todas", "la"};
  int bEach = 0, nSaid = 0, k = i - 1;
  for (; k >= 0; k--) {
    const char *z = aTok[k].zText;
    int bAllowed = aTok[k].eKind == PLAN_TOK_NUM && aTok[k].iValue < 100;
    for (size_t a = 0;
         !bAllowed && a < sizeof(azAllowed) / sizeof(azAllowed[0]); a++)
      bAllowed = strcmp(z, azAllowed[a]) == 0;
    if (!bAllowed && plan_number_word(z) > 1) bAllowed = 1;
    if (!bAllowed) break;
    if (strcmp(z, "cada") == 0 || strcmp(z, "todas") == 0) bEach = 1;
    if (aTok[k].eKind == PLAN_TOK_NUM) nSaid = (int)aTok[k].iValue;
    if (plan_number_word(z) > 1) nSaid = plan_number_word(z);
  }
  int bIn = k >= 0 && (strcmp(aTok[k].zText, "en") == 0 ||
                       strcmp(aTok[k].zText, "por") == 0 ||
                       strcmp(aTok[k].zText, "entre") == 0);
  size_t n = strlen(aTok[i].zText);
  int bPlural = n > 0 && aTok[i].zText[n - 1] == 's';
  int bPer = k == i - 1 && bIn && strcmp(aTok[k].zText, "por") == 0;
  if (bIn && (bEach || bPlural || bPer)) {
    p->bEachProvince = 1;
    if (nSaid) p->nProvincesSaid = nSaid;
  }
}

/* bMeta: z is the target column, where "una charla" is a quantity; in the
** actions «Realizar un Plan Piloto» only names what is done. */
static void read_text(Arena *pArena, const char *z, const PlanContext *pCtx,
                      int bMeta, Reading *p) {
  memset(p, 0, sizeof(*p));
  PlanToken *aTok;
  int nTok = plan_tokens(pArena, z ? z : "", &aTok);
  for (int i = 0; i < nTok;) {
    int nMarker = MATCH_ANY(azAtLeast), n;
    int bMarker = nMarker > 0;
    int iQuantity = i + nMarker, bOne = 0;
    int nValue = read_quantity(aTok, nTok, &iQuantity, &bOne);
    p->bAtLeast |= bMarker;
    if (nValue && !plan_counts_not_activities(aTok, nTok, iQuantity) &&
        !(bOne && !bMarker && !bMeta)) {
      int iAfter = read_nouns(pArena, aTok, nTok, iQuantity, p);
      if (iAfter > iQuantity || bMarker) {
        if (iAfter == iQuantity) p->bAnyKind = 1;
        p->nCount += nValue;
        if (p->nCount > PLAN_TARGET_COUNT_MAX)
          p->nCount = PLAN_TARGET_COUNT_MAX;
        i = iAfter;
        continue;
      }
    }
    if ((n = MATCH_ANY(azExcluding)) > 0) {
      read_excluded(pArena, aTok, nTok, i + n, pCtx, p);
      i += n;
      continue;
    }
    if (plan_tokens_match(pArena, aTok, nTok, i, "provincia")) {
      read_provinces(aTok, i, p);
    }
    i += bMarker ? nMarker : 1;
  }
}

static void target_flag(PlanTarget *p, const char *zReason) {
  if (p->bFlagged || !zReason || !*zReason) return;
  p->bFlagged = 1;
  snprintf(p->zReason, sizeof(p->zReason), "%s", zReason);
}

/* 1 when z says a number (digits or a number word). */
static int says_a_number(Arena *pArena, const char *z) {
  PlanToken *aTok;
  int nTok = plan_tokens(pArena, z ? z : "", &aTok);
  for (int i = 0; i < nTok; i++) {
    if (aTok[i].eKind == PLAN_TOK_NUM || plan_number_word(aTok[i].zText))
      return 1;
  }
  return 0;
}

void plan_target_suggest(const char *zActions, const char *zMeta,
                         const PlanContext *pCtx, PlanTarget *pOut) {
  memset(pOut, 0, sizeof(*pOut));
  Arena *pArena = arena_new();
  Reading act, meta;
  read_text(pArena, zActions, pCtx, 0, &act);
  read_text(pArena, zMeta, pCtx, 1, &meta);
  const Reading *pMain = meta.nCount ? &meta : act.nCount ? &act : NULL;
  pOut->nCount = pMain ? pMain->nCount : 1;
  pOut->bModules = pMain && pMain->bModules;
  if (pMain && !pMain->bAnyKind) {
    for (int i = 0; i < pMain->nKind; i++)
      pOut->azKind[pOut->nKind++] = pMain->azKind[i];
  }
  const Reading *apR[] = {&meta, &act};
  for (int r = 0; r < 2; r++) {
    for (int i = 0; i < apR[r]->nExclude; i++) {
      int bSeen = 0;
      for (int k = 0; k < pOut->nExclude; k++)
        bSeen |= strcmp(pOut->azExclude[k], apR[r]->azExclude[i]) == 0;
      if (!bSeen && pOut->nExclude < PLAN_TARGET_COMMUNES_MAX)
        pOut->azExclude[pOut->nExclude++] = apR[r]->azExclude[i];
    }
    target_flag(pOut, apR[r]->zReason);
  }
  if (zMeta && *zMeta && !meta.nCount && says_a_number(pArena, zMeta)) {
    target_flag(pOut, arena_printf(pArena,
                                   "No se entendió la cantidad de la meta "
                                   "«%s»: revise la cantidad.",
                                   zMeta));
  }
  if (!pMain && (meta.bAtLeast || act.bAtLeast)) {
    target_flag(pOut,
                "El texto dice «al menos» pero no cuántas "
                "actividades: se supuso 1.");
  }
  const Reading *pEach = meta.bEachProvince  ? &meta
                         : act.bEachProvince ? &act
                                             : NULL;
  if (pEach) {
    if (!plan_target_each_province(pOut, pCtx, 1)) {
      target_flag(pOut,
                  "La meta pide actividades en cada provincia, pero "
                  "no se sabe la región del consejo: indíquela en sus "
                  "datos.");
    } else if (pEach->nProvincesSaid &&
               pEach->nProvincesSaid != pOut->nProvince) {
      target_flag(pOut, arena_printf(pArena,
                                     "La meta habla de %d provincias y la "
                                     "región del consejo tiene %d.",
                                     pEach->nProvincesSaid, pOut->nProvince));
    }
    if (!pMain && pOut->nCount < pOut->nProvince) {
      pOut->nCount = pOut->nProvince;
    } else if (pOut->nCount < pOut->nProvince) {
      target_flag(pOut, arena_printf(pArena,
                                     "La meta pide %d actividades y una en "
                                     "cada una de las %d provincias.",
                                     pOut->nCount, pOut->nProvince));
    }
  }
  plan_target_name_places(pOut, pCtx);
  arena_free(pArena);
}

int plan_target_each_province(PlanTarget *pTarget, const PlanContext *pCtx,
                              int bEach) {
  pTarget->nProvince = 0;
  if (!bEach) return 1;
  pTarget->nProvince =
      plan_region_provinces(pCtx, pTarget->azProvince, pTarget->azProvinceName);
  return pTarget->nProvince > 0;
}

void plan_target_name_places(PlanTarget *pTarget, const PlanContext *pCtx) {
  for (int i = 0; i < pTarget->nExclude; i++) {
    const PlanPlace *p = plan_place_by_code(pCtx, pTarget->azExclude[i]);
    pTarget->azExcludeName[i] = p ? p->zName : NULL;
  }
  const char *azCode[PLAN_PROVINCES_MAX], *azName[PLAN_PROVINCES_MAX];
  int n = plan_region_provinces(pCtx, azCode, azName);
  for (int i = 0; i < pTarget->nProvince; i++) {
    pTarget->azProvinceName[i] = NULL;
    for (int k = 0; k < n; k++) {
      if (strcmp(azCode[k], pTarget->azProvince[i]) == 0)
        pTarget->azProvinceName[i] = azName[k];
    }
  }
}

static int contains(const char *const *az, int n, const char *z) {
  for (int i = 0; i < n; i++) {
    if (strcmp(az[i], z) == 0) return 1;
  }
  return 0;
}

int plan_target_equal(const PlanTarget *pA, const PlanTarget *pB) {
  if (pA->nCount != pB->nCount || pA->nKind != pB->nKind ||
      pA->nExclude != pB->nExclude || pA->nProvince != pB->nProvince ||
      !pA->bModules != !pB->bModules) {
    return 0;
  }
  for (int i = 0; i < pA->nKind; i++) {
    if (!contains(pB->azKind, pB->nKind, pA->azKind[i])) return 0;
  }
  for (int i = 0; i < pA->nExclude; i++) {
    if (!contains(pB->azExclude, pB->nExclude, pA->azExclude[i])) return 0;
  }
  for (int i = 0; i < pA->nProvince; i++) {
    if (!contains(pB->azProvince, pB->nProvince, pA->azProvince[i])) return 0;
  }
  return 1;
}

int plan_cut_code_valid(const char *z) {
  if (!z || strlen(z) != 5) return 0;
  for (int i = 0; i < 5; i++) {
    if (!isdigit((unsigned char)z[i])) return 0;
  }
  return 1;
}
