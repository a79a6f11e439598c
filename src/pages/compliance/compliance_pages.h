/*
** Shared by the compliance pages (compliance.c: the API and the
** dashboard; compliance_report.c: the report downloads).
*/
#ifndef COSOC_PAGES_COMPLIANCE_PAGES_H
#define COSOC_PAGES_COMPLIANCE_PAGES_H

#include "domain/compliance.h"
#include "http/request.h"
#include "render/html.h"
#include "domain/activity.h"
#include <jansson.h>
#include "store/compliance/compliance_view.h"

/* The compliance view of the request's council (page_council) as on zAsOf
** (NULL or "": today), as an HTTP status: 0 (done), 400 with *pzErr (bad
** as_of), 404 with *pzErr (no approved plan) or 500. */
int compliance_page_view(Request *r, const char *zAsOf, ComplianceView *pView,
                         const char **pzErr);
/* The same for approved version iVersion (0: the plan of that day; -1: a
** bad ?version=, answered 400). The request's ?version= is what
** compliance_page_view() passes. */
int compliance_page_view_version(Request *r, const char *zAsOf, int iVersion,
                                 ComplianceView *pView, const char **pzErr);

/* Which plan a view shows, its period and state (vigente, terminado, por
** comenzar); an ended plan's final result and, for the officer, the next
** plan; whether the view is historical. Every page that shows progress
** starts with it. */
void compliance_plan_banner(Request *r, Html *h, const ComplianceView *pView);

/* A line's page (/plan/lineas/N): its state and progress in approved
** version iVersion (0: the plan of today), what is missing, the
** activities that count with their evidence, and the linked ones that do
** not, with why. */
void compliance_line_section(Request *r, Html *h, int iLine, int iVersion);

/* Whether one activity counts for each of its plan lines, and why not:
** compliance_explain() against the approved plan in force on the
** activity's day, with the evidence recorded for it by zAsOf (NULL:
** today). bPreview: pAct is a form's unsaved change (its status too).
** 0 (done; n may be 0), 404 (no approved plan for that day) or another
** status. */
typedef struct CompliancePageVerdicts {
  ComplianceView view;                 /* The plan and the day */
  const ComplianceActivity *pActivity; /* As judged */
  ComplianceVerdict *a;                /* One per line it names */
  int n;
} CompliancePageVerdicts;
int compliance_page_verdicts(Request *r, const Activity *pAct,
                             const char *zAsOf, int bPreview,
                             CompliancePageVerdicts *pOut);
/* The verdicts as a list under zHeading ("Cuenta para el plan"). */
void compliance_verdicts_html(Request *r, Html *h,
                              const CompliancePageVerdicts *pV,
                              const char *zHeading);
/* [{"line", "plan_version", "counts", "verified", "will_count", "reason",
** "missing": [kinds], "text"}]. */
json_t *compliance_verdicts_json(const CompliancePageVerdicts *pV);

#endif
