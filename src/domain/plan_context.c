/*
** Lookups in a council's plan context (see plan_context.h).
*/
#include "domain/plan_context.h"

#include <string.h>

#include "domain/plan_words.h"
#include "domain/territory.h"

const PlanPlace *plan_place_by_code(const PlanContext *pCtx,
                                    const char *zCode) {
  for (int i = 0; pCtx && zCode && i < pCtx->nPlace; i++) {
    if (strcmp(pCtx->aPlace[i].zCode, zCode) == 0) return &pCtx->aPlace[i];
  }
  return NULL;
}

const PlanPlace *plan_place_by_name(const PlanContext *pCtx,
                                    const char *zName) {
  if (!pCtx || !zName) return NULL;
  char zKey[TERRITORY_KEY_MAX], zOther[TERRITORY_KEY_MAX];
  territory_fold(zName, zKey);
  if (!zKey[0]) return NULL;
  for (int i = 0; i < pCtx->nPlace; i++) {
    territory_fold(pCtx->aPlace[i].zName, zOther);
    if (strcmp(zKey, zOther) == 0) return &pCtx->aPlace[i];
  }
  return plan_place_by_code(pCtx, territory_alias_code(zKey));
}

int plan_region_provinces(const PlanContext *pCtx, const char **azCode,
                          const char **azName) {
  int n = 0;
  if (!pCtx || !pCtx->zRegionCode) return 0;
  size_t nRegion = strlen(pCtx->zRegionCode);
  for (int i = 0; i < pCtx->nPlace && n < PLAN_PROVINCES_MAX; i++) {
    const PlanPlace *p = &pCtx->aPlace[i];
    if (strncmp(p->zCode, pCtx->zRegionCode, nRegion) != 0) continue;
    int bSeen = 0;
    for (int k = 0; k < n; k++)
      bSeen |= strcmp(azCode[k], p->zProvinceCode) == 0;
    if (bSeen) continue;
    azCode[n] = p->zProvinceCode;
    azName[n] = p->zProvinceName;
    n++;
  }
  /* Places come ordered by commune code, so provinces already are; keep
  ** that promise even for a caller that did not sort. */
  for (int i = 1; i < n; i++) {
    for (int k = i; k > 0 && strcmp(azCode[k - 1], azCode[k]) > 0; k--) {
      const char *z = azCode[k];
      azCode[k] = azCode[k - 1], azCode[k - 1] = z;
      z = azName[k];
      azName[k] = azName[k - 1], azName[k - 1] = z;
    }
  }
  return n;
}

const PlanCouncilKind *plan_council_kind(const PlanContext *pCtx,
                                         const char *zSlug) {
  for (int i = 0; pCtx && zSlug && i < pCtx->nKind; i++) {
    if (strcmp(pCtx->aKind[i].zSlug, zSlug) == 0) return &pCtx->aKind[i];
  }
  return NULL;
}

const char *plan_region_capital(const PlanContext *pCtx, const char *zRegion) {
  const char *zBest = NULL;
  size_t n = zRegion ? strlen(zRegion) : 0;
  for (int i = 0; n && pCtx && i < pCtx->nPlace; i++) {
    const char *z = pCtx->aPlace[i].zCode;
    if (strncmp(z, zRegion, n) == 0 && (!zBest || strcmp(z, zBest) < 0))
      zBest = z;
  }
  return zBest;
}

/* 1 when the words of name tokens n[i..j) stand at text token t[k…]. */
static int words_at(const PlanToken *t, int nT, int k, const PlanToken *n,
                    int i, int j) {
  if (j <= i || k + (j - i) > nT) return 0;
  for (int m = i; m < j; m++) {
    if (strcmp(t[k + m - i].zText, n[m].zText) != 0) return 0;
  }
  return 1;
}

/* The name's words that may stand for it: all, those before its first
** "del"/"de"/"y", the last word, the last two. */
static int region_named_at(const PlanToken *t, int nT, int k,
                           const PlanToken *n, int nN) {
  int iCut = nN;
  for (int m = 1; m < nN && iCut == nN; m++) {
    if (strcmp(n[m].zText, "del") == 0 || strcmp(n[m].zText, "de") == 0 ||
        strcmp(n[m].zText, "y") == 0)
      iCut = m;
  }
  return words_at(t, nT, k, n, 0, nN) || words_at(t, nT, k, n, 0, iCut) ||
         (nN >= 3 && (words_at(t, nT, k, n, nN - 1, nN) ||
                      words_at(t, nT, k, n, nN - 2, nN)));
}

int plan_region_in_text(const char *zText, const char *const *azName,
                        int nName) {
  Arena *pArena = arena_new();
  PlanToken *t;
  int nT = plan_tokens(pArena, zText, &t), iFound = -1;
  for (int k = 0; k < nT && iFound < 0; k++) {
    if (strcmp(t[k].zText, "region") != 0) continue;
    int j = k + 1;
    if (j < nT &&
        (strcmp(t[j].zText, "de") == 0 || strcmp(t[j].zText, "del") == 0))
      j++;
    if (j < nT && strcmp(t[j].zText, "la") == 0 && j + 1 < nT) {
      /* «Región de la Araucanía»: the name may or may not say "La". */
      for (int i = 0; i < nName && iFound < 0; i++) {
        PlanToken *n;
        int nN = plan_tokens(pArena, azName[i], &n);
        if (region_named_at(t, nT, j + 1, n, nN)) iFound = i;
      }
    }
    for (int i = 0; i < nName && iFound < 0; i++) {
      PlanToken *n;
      int nN = plan_tokens(pArena, azName[i], &n);
      if (region_named_at(t, nT, j, n, nN)) iFound = i;
    }
  }
  arena_free(pArena);
  return iFound;
}
