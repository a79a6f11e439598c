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
#include <stdlib.h>
#include <string.h>

#include "domain/plan_catalog.h"
#include "domain/territory.h"
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

/* Words after an activity noun that say how often, when no count is
** said: «sesiones mensuales», «reunión trimestral». One every nMonths
** months, nPerMonth a month. */
static const struct {
  const char *zWord;
  int nMonths;
  int nPerMonth;
} aFrequency[] = {
    {"mensual", 1, 1},    {"bimensual", 2, 1},     {"bimestral", 2, 1},
    {"trimestral", 3, 1}, {"cuatrimestral", 4, 1}, {"semestral", 6, 1},
    {"anual", 12, 1},     {"quincenal", 1, 2},     {"semanal", 1, 4},
};

/* What a quantity in parentheses may say after its number: «(6 en el
** año)», «(4 en total)», «(2 al año)». */
static const char *const azAfterCount[] = {
    "en",    "el",      "al", "ano",     "total",
    "anual", "durante", "la", "periodo", "vigencia",
};

/* A rule that repeats the quantity in each province: «una sesión en cada
** provincia», «una mesa por provincia». */
static const char *const azDistributive[] = {
    "en cada una de las provincia",
    "cada una de las provincia",
    "en cada provincia",
    "cada provincia",
    "por provincia",
};

/* Places that are no commune: said after "fuera de" they are no rule we
** read, and no reason to flag. */
static const char *const azNotCommune[] = {
    "region", "provincia", "pais", "horario", "plazo", "oficina", "sala",
};

#define READ_KINDS_MAX PLAN_TARGET_KINDS_MAX

/* What one text (the actions or the target column) says. */
typedef struct Reading {
  int nCount;    /* Sum of the quantities read (0: none) */
  int nQuantity; /* How many quantities were read */
  int bAtLeast;  /* An "at least" phrase was seen, not of days or people */
  int bAnyKind;  /* A noun that means any activity was counted */
  int nKind;
  const char *azKind[READ_KINDS_MAX];
  int nExclude;
  const char *azExclude[PLAN_TARGET_COMMUNES_MAX];
  int bEachProvince;
  int bDistributive;  /* «en cada provincia»: the quantity is per province */
  int nProvincesSaid; /* "en las 3 provincias": 3 (0: not said) */
  const char *zLastNoun;  /* Slugs of the last activity noun seen ("" any) */
  int bLastNounCounted;   /* A quantity came with it */
  int nFreqMonths;        /* «sesiones mensuales»: one every N months */
  int nFreqPerMonth;      /* «semanales»: N a month */
  const char *zFreqSlugs; /* The kinds of that noun */
  const char *zFreqText;  /* The words, for the officer: "sesiones mensuales" */
  int nUnknownCount;      /* META «2 cuentas públicas»: a quantity of a */
  const char *zUnknownNoun; /* noun that is no activity kind cosoc knows */
  int bPercent;             /* A percentage: «100% de las actas» */
  int nBareCount;           /* META «4»: a number and nothing else */
  const char *zFirstNoun;   /* Slugs of the first activity noun seen */
  int bModules;             /* A course's parts were counted */
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
** provincias» is about people, not places). bAfterCount: the rule follows
** the quantity counted last in the same clause («2 charlas en cada
** provincia»), so a distributive rule repeats that quantity; not «3 visitas,
** una por provincia». */
static void read_provinces(const PlanToken *aTok, int i, int bAfterCount,
                           Reading *p) {
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
  /* «en cada provincia», «por provincia» (not «en todas las provincias»):
  ** what is counted is counted in each. */
  int bCada = 0;
  for (int j = k + 1; j < i; j++) bCada |= strcmp(aTok[j].zText, "cada") == 0;
  p->bDistributive |= bAfterCount && bIn && (bCada || (bPer && !bPlural));
}

/* 1 when a rule that repeats the quantity in each province comes in
** aTok[i…] before the sentence ends. */
static int distributive_follows(Arena *pArena, const PlanToken *aTok, int nTok,
                                int i) {
  for (; i < nTok; i++) {
    if (aTok[i].eKind == PLAN_TOK_PUNCT && strchr(".;:", aTok[i].zText[0]))
      return 0;
    if (MATCH_ANY(azDistributive)) return 1;
  }
  return 0;
}

/* A frequency word within two words after the noun that ends at aTok[i]
** («sesiones mensuales», «reunión ordinaria trimestral»): recorded in p
** with the noun's kinds, when no frequency was recorded before. */
static void read_frequency(Arena *pArena, const char *z, const PlanToken *aTok,
                           int nTok, int iNoun, int i, const char *zSlugs,
                           Reading *p) {
  for (int k = i; k < i + 2 && k < nTok && !p->nFreqMonths; k++) {
    if (aTok[k].eKind != PLAN_TOK_WORD) return;
    for (size_t f = 0; f < sizeof(aFrequency) / sizeof(aFrequency[0]); f++) {
      if (plan_tokens_match(pArena, aTok, nTok, k, aFrequency[f].zWord)) {
        p->nFreqMonths = aFrequency[f].nMonths;
        p->nFreqPerMonth = aFrequency[f].nPerMonth;
        p->zFreqSlugs = zSlugs;
        p->zFreqText = plan_tokens_source(pArena, z, aTok, iNoun, k + 1);
        return;
      }
    }
  }
}

/* «(4)», «(6 en el año)», «(mínimo 2)» at aTok[i] (a "("): the quantity of
** the activity named before it; the index after ")" in *piEnd. 0 when it is
** not one (a number followed by its own noun, or other words). */
static int read_aside_quantity(Arena *pArena, const PlanToken *aTok, int nTok,
                               int i, int *piEnd) {
  if (i >= nTok || aTok[i].eKind != PLAN_TOK_PUNCT || aTok[i].zText[0] != '(')
    return 0;
  int j = i + 1, bOne;
  j += match_any(pArena, aTok, nTok, j, azAtLeast,
                 sizeof(azAtLeast) / sizeof(azAtLeast[0]));
  int n = read_quantity(aTok, nTok, &j, &bOne);
  if (!n || plan_counts_not_activities(aTok, nTok, j)) return 0;
  for (int k = 0; k < 4 && j < nTok && aTok[j].eKind == PLAN_TOK_WORD; k++) {
    if (!match_any(pArena, aTok, nTok, j, azAfterCount,
                   sizeof(azAfterCount) / sizeof(azAfterCount[0])))
      return 0;
    j++;
  }
  if (j >= nTok || aTok[j].eKind != PLAN_TOK_PUNCT || aTok[j].zText[0] != ')')
    return 0;
  *piEnd = j + 1;
  return n;
}

/* bMeta: z is the target column, where "una charla" is a quantity; in the
** actions «Realizar un Plan Piloto» only names what is done. */
static void read_text(Arena *pArena, const char *z, const PlanContext *pCtx,
                      int bMeta, Reading *p) {
  memset(p, 0, sizeof(*p));
  PlanToken *aTok;
  int nTok = plan_tokens(pArena, z ? z : "", &aTok);
  for (size_t k = 0; k < (size_t)nTok; k++)
    p->bPercent |= aTok[k].eKind == PLAN_TOK_PUNCT && aTok[k].zText[0] == '%';
  int iCounted = -1; /* The token after the quantity counted last */
  for (int i = 0; i < nTok;) {
    int iEnd, n;
    int nAside = read_aside_quantity(pArena, aTok, nTok, i, &iEnd);
    if (nAside && !p->bLastNounCounted) {
      /* «Sesiones ordinarias trimestrales (4)»: the noun before counts. */
      add_kinds(p, p->zLastNoun ? p->zLastNoun : "");
      p->nCount += nAside;
      p->nQuantity++;
      p->bLastNounCounted = 1;
      i = iEnd;
      continue;
    }
    int nMarker = MATCH_ANY(azAtLeast);
    int bMarker = nMarker > 0;
    int iQuantity = i + nMarker, bOne = 0;
    int nValue = read_quantity(aTok, nTok, &iQuantity, &bOne);
    int bNotActivities =
        nValue && plan_counts_not_activities(aTok, nTok, iQuantity);
    /* «a lo menos 5 días hábiles antes» says nothing of how many. */
    p->bAtLeast |= bMarker && !bNotActivities;
    if (nValue && !bNotActivities &&
        !(bOne && !bMarker && !bMeta &&
          !distributive_follows(pArena, aTok, nTok, iQuantity))) {
      int iAfter = read_nouns(pArena, aTok, nTok, iQuantity, p);
      if (iAfter > iQuantity || bMarker) {
        if (iAfter == iQuantity) p->bAnyKind = 1;
        p->nCount += nValue;
        p->nQuantity++;
        if (p->nCount > PLAN_TARGET_COUNT_MAX)
          p->nCount = PLAN_TARGET_COUNT_MAX;
        p->bLastNounCounted = 1;
        i = iCounted = iAfter;
        continue;
      }
      if (bMeta && !p->nUnknownCount && iQuantity >= nTok) {
        /* META «4»: the count itself. */
        p->nBareCount = nValue;
      } else if (bMeta && !p->nUnknownCount && iQuantity < nTok &&
                 aTok[iQuantity].eKind == PLAN_TOK_WORD) {
        /* META «2 cuentas públicas»: a count of something cosoc does not
        ** know as an activity kind. */
        int j = iQuantity;
        while (j < nTok && j < iQuantity + 3 && aTok[j].eKind == PLAN_TOK_WORD)
          j++;
        p->nUnknownCount = nValue;
        p->zUnknownNoun = plan_tokens_source(pArena, z, aTok, iQuantity, j);
      }
    }
    if ((n = MATCH_ANY(azExcluding)) > 0) {
      read_excluded(pArena, aTok, nTok, i + n, pCtx, p);
      i += n;
      continue;
    }
    if (plan_tokens_match(pArena, aTok, nTok, i, "provincia")) {
      int bAfterCount = iCounted >= 0;
      for (int k = iCounted; bAfterCount && k < i; k++)
        bAfterCount = !(aTok[k].eKind == PLAN_TOK_PUNCT &&
                        strchr(",;.", aTok[k].zText[0])) &&
                      aTok[k].eKind != PLAN_TOK_NUM &&
                      (!plan_number_word(aTok[k].zText) ||
                       (k > 0 && tok_word(aTok, nTok, k - 1, "cada")));
      read_provinces(aTok, i, bAfterCount, p);
    }
    const char *zSlugs;
    if (!bMarker && (n = plan_activity_noun(pArena, aTok, nTok, i, &zSlugs))) {
      if (!p->zFirstNoun) p->zFirstNoun = zSlugs;
      p->zLastNoun = zSlugs;
      p->bLastNounCounted = 0;
      read_frequency(pArena, z, aTok, nTok, i, i + n, zSlugs, p);
      i += n;
      continue;
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

/* Months from the first to the last month of a window, both counted. */
static int window_months(const PlanWindow *pWindow) {
  if (!pWindow || !plan_date_valid(pWindow->zStart) ||
      !plan_date_valid(pWindow->zEnd))
    return 12;
  int n = (atoi(pWindow->zEnd) - atoi(pWindow->zStart)) * 12 +
          atoi(pWindow->zEnd + 5) - atoi(pWindow->zStart + 5) + 1;
  return n > 0 ? n : 1;
}

/* "15-04-2026" for the officer. */
static const char *date_text(Arena *pArena, const char *zIso) {
  return arena_printf(pArena, "%.2s-%.2s-%.4s", zIso + 8, zIso + 5, zIso);
}

/* «Sesiones mensuales» with no count: one each period of the window. */
static void target_from_frequency(Arena *pArena, const Reading *pFreq,
                                  const PlanWindow *pWindow, PlanTarget *pOut) {
  int nMonths = window_months(pWindow);
  int n = (nMonths * pFreq->nFreqPerMonth + pFreq->nFreqMonths - 1) /
          pFreq->nFreqMonths;
  pOut->nCount = n < 1                       ? 1
                 : n > PLAN_TARGET_COUNT_MAX ? PLAN_TARGET_COUNT_MAX
                                             : n;
  Reading kinds;
  memset(&kinds, 0, sizeof(kinds));
  add_kinds(&kinds, pFreq->zFreqSlugs ? pFreq->zFreqSlugs : "");
  for (int i = 0; !kinds.bAnyKind && i < kinds.nKind; i++)
    pOut->azKind[pOut->nKind++] = kinds.azKind[i];
  target_flag(
      pOut,
      pWindow ? arena_printf(pArena,
                             "«%s» no dice cuántas: se contaron %d, según las "
                             "fechas de la línea (del %s al %s); corrija la "
                             "cantidad si no es así.",
                             pFreq->zFreqText, pOut->nCount,
                             date_text(pArena, pWindow->zStart),
                             date_text(pArena, pWindow->zEnd))
              : arena_printf(pArena,
                             "«%s» no dice cuántas: se contaron %d en un año; "
                             "corrija la cantidad si no es así.",
                             pFreq->zFreqText, pOut->nCount));
}

/* Flags a target that names a place of another region than the council's:
** an excluded commune, or a province beside a rule for each province of the
** region («en cada provincia (Cachapoal, Colchagua…)» in a council of
** Coquimbo): the plan of another council, or a place named wrong. */
static void flag_other_region(Arena *pArena, const char *zActions,
                              const char *zMeta, const PlanContext *pCtx,
                              PlanTarget *pOut) {
  if (!pCtx || !pCtx->zRegionCode || pOut->bFlagged) return;
  size_t nRegion = strlen(pCtx->zRegionCode);
  for (int i = 0; i < pOut->nExclude; i++) {
    const PlanPlace *p = plan_place_by_code(pCtx, pOut->azExclude[i]);
    if (!p || strncmp(p->zCode, pCtx->zRegionCode, nRegion) == 0) continue;
    target_flag(pOut, arena_printf(pArena,
                                   "La meta excluye %s, que no es una comuna "
                                   "de la región del consejo: revísela (¿es "
                                   "el plan de otro consejo?).",
                                   p->zName));
    return;
  }
  if (!pOut->nProvince) return;
  PlanToken *aTok;
  int nTok =
      plan_tokens(pArena,
                  arena_printf(pArena, "%s\n%s", zActions ? zActions : "",
                               zMeta ? zMeta : ""),
                  &aTok);
  const char *zLast = NULL;
  for (int k = 0; k < pCtx->nPlace; k++) {
    const PlanPlace *p = &pCtx->aPlace[k];
    if (!p->zProvinceName ||
        strncmp(p->zProvinceCode, pCtx->zRegionCode, nRegion) == 0 ||
        (zLast && strcmp(zLast, p->zProvinceCode) == 0))
      continue;
    zLast = p->zProvinceCode;
    char zKey[TERRITORY_KEY_MAX];
    territory_fold(p->zProvinceName, zKey);
    if (plan_tokens_find(pArena, aTok, nTok, 0, zKey, NULL) < 0) continue;
    target_flag(pOut, arena_printf(pArena,
                                   "La meta nombra la provincia de %s, que no "
                                   "es de la región del consejo: revísela (¿es "
                                   "el plan de otro consejo?).",
                                   p->zProvinceName));
    return;
  }
}

void plan_target_suggest(const char *zActions, const char *zMeta,
                         const PlanContext *pCtx, const PlanWindow *pWindow,
                         PlanTarget *pOut) {
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
  const Reading *pFreq = pMain              ? NULL
                         : meta.nFreqMonths ? &meta
                         : act.nFreqMonths  ? &act
                                            : NULL;
  if (!pMain && !pFreq && meta.nBareCount) {
    /* META «4» beside «Sesiones ordinarias»: 4 of what the actions name. */
    pOut->nCount = meta.nBareCount;
    Reading kinds;
    memset(&kinds, 0, sizeof(kinds));
    add_kinds(&kinds, act.zFirstNoun ? act.zFirstNoun : "");
    for (int i = 0; !kinds.bAnyKind && i < kinds.nKind; i++)
      pOut->azKind[pOut->nKind++] = kinds.azKind[i];
  } else if (!pMain && !pFreq && meta.nUnknownCount) {
    /* META «Un informe», «2 cuentas públicas»: that many, of any kind. */
    pOut->nCount = meta.nUnknownCount;
    if (meta.nUnknownCount > 1)
      target_flag(pOut,
                  arena_printf(pArena,
                               "La meta cuenta «%s», que no es un tipo de "
                               "actividad conocido: se contaron %d "
                               "actividades de cualquier tipo; revise la "
                               "meta.",
                               meta.zUnknownNoun, meta.nUnknownCount));
  } else if (pFreq) {
    target_from_frequency(pArena, pFreq, pWindow, pOut);
  } else if (zMeta && *zMeta && !meta.nCount && meta.bPercent) {
    target_flag(pOut, arena_printf(pArena,
                                   "La meta es un porcentaje («%s») y cosoc "
                                   "cuenta actividades: se supuso 1; revise "
                                   "la cantidad.",
                                   zMeta));
  } else if (zMeta && *zMeta && !meta.nCount && says_a_number(pArena, zMeta)) {
    target_flag(pOut, arena_printf(pArena,
                                   "No se entendió la cantidad de la meta "
                                   "«%s»: revise la cantidad.",
                                   zMeta));
  }
  if (!pMain && !pFreq && !meta.nUnknownCount && !meta.nBareCount &&
      (meta.bAtLeast || act.bAtLeast)) {
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
    if (pMain == pEach && pEach->bDistributive && pEach->nQuantity == 1 &&
        pOut->nProvince > 0) {
      /* «una mesa por provincia», «2 charlas en cada provincia». */
      pOut->nCount = pMain->nCount * pOut->nProvince;
      if (pOut->nCount > PLAN_TARGET_COUNT_MAX)
        pOut->nCount = PLAN_TARGET_COUNT_MAX;
    } else if (!pMain && !pFreq && pOut->nCount < pOut->nProvince) {
      pOut->nCount = pOut->nProvince;
    } else if (pOut->nCount < pOut->nProvince) {
      target_flag(pOut,
                  arena_printf(pArena,
                               "La meta pide %d actividad%s y al menos una "
                               "en cada una de las %d provincias.",
                               pOut->nCount, pOut->nCount == 1 ? "" : "es",
                               pOut->nProvince));
    }
  }
  flag_other_region(pArena, zActions, zMeta, pCtx, pOut);
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
