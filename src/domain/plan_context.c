/*
** Lookups in a council's plan context (see plan_context.h).
*/
#include "domain/plan_context.h"

#include <string.h>

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
