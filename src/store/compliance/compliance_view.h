/*
** The compliance view: the latest approved plan of a council, its
** activities and their evidence, and the engine's verdict as on a day,
** with the council's own settings (the at-risk days). One function that
** the pages (dashboard, /api/compliance), the reports (PDF, XLSX, ZIP) and
** the command line (cosoc compliance-summary) all call, so that they
** cannot disagree.
**
** Reads the plan store, the evidence feed and the council's settings;
** the rules are domain/compliance.h's. Knows nothing of HTTP.
*/
#ifndef COSOC_STORE_COMPLIANCE_COMPLIANCE_VIEW_H
#define COSOC_STORE_COMPLIANCE_COMPLIANCE_VIEW_H

#include <stdint.h>

#include "db/db.h"
#include "domain/compliance.h"
#include "store/plan/plan_store.h"
#include "util/arena.h"

/* Everything a compliance view needs. */
typedef struct ComplianceView {
  int64_t iCouncil;        /* Whose */
  int64_t tCut;            /* What was recorded by then counts (UTC
                           ** seconds; EVIDENCE_CUT_NONE: now) */
  PlanDoc doc;             /* The plan of the day asked (or the version
                           ** asked for) */
  PlanVersionInfo info;    /* Its version */
  ComplianceResult result; /* The engine's output as on the day asked */
  int nAct;                /* The council's activities of the plan's
                           ** period, as fed: what the result counts */
  ComplianceActivity *aAct;
  int nAll; /* Every activity of the council, as fed (one
            ** outside the period belongs to another plan) */
  ComplianceActivity *aAll;
} ComplianceView;

/* compliance_view_load() results. */
#define COMPLIANCE_VIEW_OK 0
#define COMPLIANCE_VIEW_BAD_DATE 1 /* zAsOf is not YYYY-MM-DD: *pzErr */
#define COMPLIANCE_VIEW_NO_PLAN 2  /* No approved plan yet: *pzErr */
#define COMPLIANCE_VIEW_ERROR 3    /* The database failed */

/* 1 when z is exactly YYYY-MM-DD with digits (the engine checks the date
** itself; this refuses what it would read leniently, "2025-3-1x"). */
int compliance_view_as_of_valid(const char *z);

/* Computes *pView for council iCouncil as on zAsOf (NULL or "": today in
** Santiago), in pArena, for approved version iVersion of its plan, or
** when iVersion is 0 for the plan of that day (plan_store_version_on: the
** one whose period holds it). A day before today is a historical view:
** only what had happened and been recorded by the end of that day counts
** (evidence uploaded, attendance taken, actas approved, notices sent by
** then; each activity's status as it stood then). A COMPLIANCE_VIEW_
** result; *pzErr is a Spanish sentence for BAD_DATE and NO_PLAN. */
int compliance_view_load(Db *pDb, Arena *pArena, int64_t iCouncil,
                         const char *zAsOf, int iVersion, ComplianceView *pView,
                         const char **pzErr);

/* The end of day zDay in Santiago as a cut for the evidence feed:
** EVIDENCE_CUT_NONE for today or later (everything recorded so far). */
int64_t compliance_view_cut(const char *zDay);

#endif
