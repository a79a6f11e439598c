/*
** Shared by the compliance pages (compliance.c: the API and the
** dashboard; compliance_report.c: the report downloads).
*/
#ifndef COSOC_PAGES_COMPLIANCE_PAGES_H
#define COSOC_PAGES_COMPLIANCE_PAGES_H

#include "domain/compliance.h"
#include "http/request.h"
#include "store/plan/plan_store.h"

/* Everything a compliance view needs. */
typedef struct ComplianceView {
  PlanDoc doc;             /* The latest approved plan */
  PlanVersionInfo info;    /* Its version */
  ComplianceResult result; /* The engine's output as on the day asked */
  int nAct;                /* The council's activities, as fed */
  ComplianceActivity *aAct;
} ComplianceView;

/* Computes *pView as on zAsOf (NULL or "": today). Returns 0 (done), 400
** with *pzErr (bad as_of), 404 with *pzErr (no approved plan) or 500. */
int compliance_view_load(Request *r, const char *zAsOf, ComplianceView *pView,
                         const char **pzErr);

#endif
