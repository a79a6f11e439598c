/*
** The compliance view (see compliance_view.h).
*/
#include "store/compliance/compliance_view.h"

#include <string.h>

#include "store/council/council.h"
#include "store/evidence/evidence_store.h"

int compliance_view_as_of_valid(const char *z) {
  if (!z || strlen(z) != 10 || z[4] != '-' || z[7] != '-') return 0;
  for (int i = 0; i < 10; i++) {
    if (i != 4 && i != 7 && (z[i] < '0' || z[i] > '9')) return 0;
  }
  return 1;
}

int compliance_view_load(Db *pDb, Arena *pArena, int64_t iCouncil,
                         const char *zAsOf, ComplianceView *pView,
                         const char **pzErr) {
  memset(pView, 0, sizeof(*pView));
  pView->iCouncil = iCouncil;
  char zToday[PLAN_DATE_SIZE];
  if (!zAsOf || !*zAsOf) {
    compliance_today(zToday);
    zAsOf = zToday;
  } else if (!compliance_view_as_of_valid(zAsOf)) {
    *pzErr =
        "La fecha as_of debe tener la forma AAAA-MM-DD, por ejemplo "
        "2025-06-30.";
    return COMPLIANCE_VIEW_BAD_DATE;
  }
  int rc =
      plan_store_load(pDb, pArena, iCouncil, 0, 1, &pView->doc, &pView->info);
  if (rc == DB_DONE) {
    *pzErr = "Aún no hay un plan aprobado.";
    return COMPLIANCE_VIEW_NO_PLAN;
  }
  if (rc != DB_OK ||
      evidence_compliance_feed(pDb, pArena, iCouncil, &pView->aAct,
                               &pView->nAct) != DB_OK) {
    return COMPLIANCE_VIEW_ERROR;
  }
  ComplianceOptions opt;
  memset(&opt, 0, sizeof(opt));
  opt.zAsOf = zAsOf;
  opt.nAtRiskDays = council_at_risk_days(pDb, iCouncil);
  if (compliance_compute(pArena, &pView->doc, pView->aAct, pView->nAct, &opt,
                         &pView->result, pzErr) != COMPLIANCE_OK) {
    return COMPLIANCE_VIEW_BAD_DATE;
  }
  return COMPLIANCE_VIEW_OK;
}
