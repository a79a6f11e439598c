/*
** The next plan, stored (see plan_store.h): the council's latest approved
** version, its compliance as on the end of its period (or today, when that
** is earlier), and the next plan built from them (domain/plan_next.h)
** saved as a new draft version.
*/
#include <string.h>

#include "domain/compliance.h"
#include "domain/plan_next.h"
#include "store/evidence/evidence_store.h"
#include "store/plan/plan_store.h"

int plan_store_next(Db *pDb, Arena *pArena, int64_t iCouncil, const char *zAsOf,
                    int bOnlyUnmet, int64_t iAuthorId, const char *zAuthorName,
                    int *piNumber, const char **pzErr) {
  *pzErr = NULL;
  PlanDoc old;
  PlanVersionInfo info;
  int rc = plan_store_load(pDb, pArena, iCouncil, 0, 1, &old, &info);
  if (rc == DB_DONE) {
    *pzErr = "el consejo no tiene un plan aprobado del cual partir";
    return DB_DONE;
  }
  ComplianceActivity *aAct = NULL;
  int nAct = 0;
  if (rc != DB_OK ||
      evidence_compliance_feed(pDb, pArena, iCouncil, EVIDENCE_CUT_NONE, &aAct,
                               &nAct) != DB_OK) {
    *pzErr = "no se pudo leer el plan ni sus actividades";
    return DB_ERROR;
  }
  char zAt[PLAN_DATE_SIZE];
  if (zAsOf && plan_date_valid(zAsOf) && strcmp(zAsOf, old.zPeriodEnd) < 0) {
    memcpy(zAt, zAsOf, PLAN_DATE_SIZE);
  } else {
    memcpy(zAt, old.zPeriodEnd, PLAN_DATE_SIZE);
  }
  ComplianceOptions opt;
  memset(&opt, 0, sizeof(opt));
  opt.zAsOf = zAt;
  ComplianceResult res;
  if (compliance_compute(pArena, &old, aAct, nAct, &opt, &res, pzErr) !=
      COMPLIANCE_OK)
    return DB_ERROR;
  PlanDoc next;
  plan_next_from(pArena, &old, &res, bOnlyUnmet, &next);
  if (next.nLine == 0) {
    *pzErr =
        "todas las líneas del plan se cumplieron: no hay líneas que "
        "arrastrar";
    return DB_CONSTRAINT;
  }
  rc = plan_store_save(
      pDb, pArena, iCouncil, &next, "edicion",
      arena_printf(pArena, "Plan siguiente, a partir de la versión %d («%s»)%s",
                   info.iNumber, old.zTitle,
                   bOnlyUnmet ? ": solo las líneas no cumplidas" : ""),
      iAuthorId, zAuthorName, piNumber, NULL);
  if (rc == DB_ERROR) {
    *pzErr = "no se pudo guardar el plan siguiente";
    return DB_ERROR;
  }
  return DB_OK;
}
