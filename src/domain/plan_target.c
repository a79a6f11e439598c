/*
** Target suggestions from the actions' text (see plan_target.h).
**
** The rules follow how these plans are written: a quantity after "a lo
** menos" / "al menos" / "mínimo", then the noun says which activities count
** ("reuniones" with the council are its sessions; "reuniones de trabajo
** citando a las autoridades" are meetings with authorities; "sesiones o
** actividades" are any), and "comunas distintas a La Serena" / "fuera de La
** Serena" excludes the usual commune.
*/
#include "domain/plan_target.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "domain/plan_catalog.h"
#include "util/arena.h"

/* Phrases that introduce a minimum quantity (folded). */
static const char *const azAtLeast[] = {"a lo menos ", "a los menos ",
                                        "al menos ",   "como minimo ",
                                        "minimo de ",  "minimo "};

/* Number words the plans use instead of digits. */
static const char *const azNumberWord[] = {"un",    "dos",  "tres",  "cuatro",
                                           "cinco", "seis", "siete", "ocho",
                                           "nueve", "diez"};

static int read_quantity(const char *z, const char **pzAfter) {
  if (isdigit((unsigned char)*z)) {
    char *zEnd;
    long n = strtol(z, &zEnd, 10);
    *pzAfter = zEnd;
    return n > 0 && n <= PLAN_TARGET_COUNT_MAX ? (int)n : 0;
  }
  for (int i = 0; i < 10; i++) {
    size_t n = strlen(azNumberWord[i]);
    if (strncmp(z, azNumberWord[i], n) == 0 && (z[n] == ' ' || z[n] == 'a')) {
      /* "una" is "un" + 'a' */
      *pzAfter = z + n + (z[n] == 'a');
      return i + 1;
    }
  }
  return 0;
}

static void add_kind(PlanTarget *p, const char *zSlug) {
  if (p->nKind < PLAN_TARGET_KINDS_MAX) p->azKind[p->nKind++] = zSlug;
}

void plan_target_suggest(const char *zActions, PlanTarget *pOut) {
  memset(pOut, 0, sizeof(*pOut));
  pOut->nCount = 1;
  Arena *pArena = arena_new();
  const char *z = plan_text_fold(pArena, zActions);
  const char *zAfter = NULL;
  for (size_t i = 0; !zAfter && i < sizeof(azAtLeast) / sizeof(azAtLeast[0]);
       i++) {
    const char *zHit = strstr(z, azAtLeast[i]);
    if (!zHit) continue;
    const char *zRest = NULL;
    int n = read_quantity(zHit + strlen(azAtLeast[i]), &zRest);
    if (n > 0) {
      pOut->nCount = n;
      zAfter = zRest;
    }
  }
  if (zAfter) {
    while (*zAfter == ' ') zAfter++;
    /* What is counted: the words right after the quantity. */
    if (strncmp(zAfter, "sesiones o actividades", 22) == 0 ||
        strncmp(zAfter, "actividades", 11) == 0) {
      /* Any kind of the council's own activities. */
    } else if (strncmp(zAfter, "reuniones", 9) == 0 &&
               (strstr(zAfter, "autoridad") || strstr(zAfter, "seremi"))) {
      add_kind(pOut, "reunion_autoridades");
    } else if (strncmp(zAfter, "reuniones", 9) == 0 ||
               strncmp(zAfter, "sesiones", 8) == 0) {
      add_kind(pOut, "sesion_ordinaria");
      add_kind(pOut, "sesion_extraordinaria");
    } else if (strncmp(zAfter, "charla", 6) == 0) {
      add_kind(pOut, "charla");
    } else if (strncmp(zAfter, "capacitacion", 12) == 0 ||
               strncmp(zAfter, "jornadas de capacitacion", 24) == 0) {
      add_kind(pOut, "capacitacion");
    } else if (strncmp(zAfter, "mesas de trabajo", 16) == 0) {
      add_kind(pOut, "mesa_trabajo");
    }
  }
  if (strstr(z, "distintas a la serena") || strstr(z, "distinta a la serena") ||
      strstr(z, "fuera de la comuna de la serena") ||
      strstr(z, "fuera de la serena")) {
    pOut->azExclude[pOut->nExclude++] = PLAN_CUT_LA_SERENA;
  }
  arena_free(pArena);
}

static int contains(const char *const *az, int n, const char *z) {
  for (int i = 0; i < n; i++) {
    if (strcmp(az[i], z) == 0) return 1;
  }
  return 0;
}

int plan_target_equal(const PlanTarget *pA, const PlanTarget *pB) {
  if (pA->nCount != pB->nCount || pA->nKind != pB->nKind ||
      pA->nExclude != pB->nExclude) {
    return 0;
  }
  for (int i = 0; i < pA->nKind; i++) {
    if (!contains(pB->azKind, pB->nKind, pA->azKind[i])) return 0;
  }
  for (int i = 0; i < pA->nExclude; i++) {
    if (!contains(pB->azExclude, pB->nExclude, pA->azExclude[i])) return 0;
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
