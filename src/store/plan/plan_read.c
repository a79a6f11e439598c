/*
** Reading an uploaded plan document for a council (see plan_store.h): the
** format told by content (import/plan_document.h), the plan read with the
** council's places and evidence kinds (domain/plan_import.h). Writes
** nothing: the caller saves the result with plan_store_import().
*/
#include "domain/plan_import.h"
#include "import/plan_document.h"
#include "store/plan/plan_store.h"

int plan_store_read_document(Db *pDb, Arena *pArena, int64_t iCouncil,
                             const void *pData, size_t nData, PlanDoc *pDoc,
                             const char **pzErr) {
  PlanSource src;
  if (plan_document_read(pArena, pData, nData, &src, pzErr) != 0)
    return PLAN_REFUSED;
  int64_t iUsed = 0;
  if (plan_store_import_council(pDb, pArena, iCouncil, &iUsed, pzErr) != DB_OK)
    return PLAN_REFUSED;
  PlanContext ctx;
  if (plan_store_context(pDb, pArena, iUsed, &ctx) != DB_OK) {
    *pzErr = "no se pudo leer el territorio ni los datos del consejo";
    return DB_ERROR;
  }
  if (plan_import_source(pArena, &src, &ctx, pDoc, pzErr) != PLAN_IMPORT_OK)
    return PLAN_REFUSED;
  /* No council yet: the one the import makes is of the region the
  ** document names, so the plan is read again with that region's places
  ** (its provinces, its capital as the seat). */
  const char *zRegion = iUsed ? NULL : plan_store_doc_region(pDb, pArena, pDoc);
  if (zRegion) {
    ctx.zRegionCode = zRegion;
    ctx.zSeatCode = plan_region_capital(&ctx, zRegion);
    if (plan_import_source(pArena, &src, &ctx, pDoc, pzErr) != PLAN_IMPORT_OK)
      return PLAN_REFUSED;
  }
  return DB_OK;
}
