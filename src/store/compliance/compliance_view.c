/*
** The compliance view (see compliance_view.h).
*/
#include "store/compliance/compliance_view.h"

#include <stdlib.h>
#include <string.h>

#include "domain/chile_time.h"

#include "store/council/council.h"
#include "store/evidence/evidence_store.h"

int compliance_view_as_of_valid(const char *z) {
  if (!z || strlen(z) != 10 || z[4] != '-' || z[7] != '-') return 0;
  for (int i = 0; i < 10; i++) {
    if (i != 4 && i != 7 && (z[i] < '0' || z[i] > '9')) return 0;
  }
  return 1;
}

int64_t compliance_view_cut(const char *zDay) {
  char zToday[PLAN_DATE_SIZE];
  compliance_today(zToday);
  if (!zDay || strcmp(zDay, zToday) >= 0) return EVIDENCE_CUT_NONE;
  LocalTime lt;
  memset(&lt, 0, sizeof(lt));
  lt.iYear = atoi(zDay);
  lt.iMonth = atoi(zDay + 5);
  lt.iDay = atoi(zDay + 8);
  lt.iHour = 23;
  lt.iMinute = 59;
  lt.iSecond = 59;
  int64_t t = 0;
  if (chile_time_to_utc(&lt, &t) != 0) return EVIDENCE_CUT_NONE;
  return t;
}

int compliance_view_load(Db *pDb, Arena *pArena, int64_t iCouncil,
                         const char *zAsOf, int iVersion, ComplianceView *pView,
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
  int iNumber =
      iVersion > 0 ? iVersion : plan_store_version_on(pDb, iCouncil, zAsOf);
  if (iNumber < 0) return COMPLIANCE_VIEW_ERROR;
  int rc = iNumber == 0 ? DB_DONE
                        : plan_store_load(pDb, pArena, iCouncil, iNumber, 1,
                                          &pView->doc, &pView->info);
  if (rc == DB_DONE) {
    *pzErr = iVersion > 0 ? "No hay una versión aprobada con ese número."
                          : "Aún no hay un plan aprobado.";
    return COMPLIANCE_VIEW_NO_PLAN;
  }
  pView->tCut = compliance_view_cut(zAsOf);
  if (rc != DB_OK ||
      evidence_compliance_feed(pDb, pArena, iCouncil, pView->tCut, &pView->aAll,
                               &pView->nAll) != DB_OK) {
    return COMPLIANCE_VIEW_ERROR;
  }
  /* The plan counts the activities of its own period: one dated in
  ** another plan's years counts there, and here would only be «outside the
  ** window». */
  pView->aAct = arena_alloc(
      pArena, sizeof(ComplianceActivity) * (size_t)(pView->nAll + 1));
  for (int i = 0; i < pView->nAll; i++) {
    const char *zDate = pView->aAll[i].zDate;
    if (strncmp(zDate, pView->doc.zPeriodStart, 10) >= 0 &&
        strncmp(zDate, pView->doc.zPeriodEnd, 10) <= 0) {
      pView->aAct[pView->nAct++] = pView->aAll[i];
    }
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
