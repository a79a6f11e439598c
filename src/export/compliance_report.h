/*
** The Informe de cumplimiento del Plan Anual as export tables: what the
** compliance engine computed (src/domain/compliance.h), laid out for
** export_pdf / export_xlsx / export_csv (src/export/export.h).
**
** - compliance_report_summary: one row per plan line — N°, compromiso
**   (the line's actions, shortened), meta (target and window), realizadas
**   (qualifying), verificadas, estado (Spanish label and progress), qué
**   falta (the engine's sentences). The preamble states the day and plan
**   version it was computed from and the plan's totals.
** - compliance_report_objectives: one row per general objective (and the
**   lines of none) plus the whole plan.
** - compliance_report_activities: one row per activity linked to a line:
**   whether it counts (or why not) and the evidence it lacks.
**
** Knows nothing of HTTP or SQL; every string lives in the caller's arena
** (or in the plan and result given, which must outlive the tables).
*/
#ifndef COSOC_EXPORT_COMPLIANCE_REPORT_H
#define COSOC_EXPORT_COMPLIANCE_REPORT_H

#include "domain/compliance.h"
#include "export/export.h"

#define COMPLIANCE_REPORT_TITLE "Informe de cumplimiento del Plan Anual"
#define COMPLIANCE_REPORT_ACTIONS_MAX 160 /* Bytes of ACCIONES kept */

typedef struct ComplianceReportInfo {
  const char *zCouncil;  /* Council name for the subtitle, or NULL */
  int iPlanVersion;      /* Plan version computed from; 0: not stated */
  const char *zProduced; /* Day the report is produced, YYYY-MM-DD, or
                         ** NULL (then not stated) */
} ComplianceReportInfo;

/* Fill *pTable (arena memory). pInfo may be NULL. */
void compliance_report_summary(Arena *pArena, const PlanDoc *pPlan,
                               const ComplianceResult *pResult,
                               const ComplianceReportInfo *pInfo,
                               ExportTable *pTable);
void compliance_report_objectives(Arena *pArena, const PlanDoc *pPlan,
                                  const ComplianceResult *pResult,
                                  const ComplianceReportInfo *pInfo,
                                  ExportTable *pTable);
void compliance_report_activities(Arena *pArena, const PlanDoc *pPlan,
                                  const ComplianceResult *pResult,
                                  const ComplianceReportInfo *pInfo,
                                  ExportTable *pTable);

/* The page setup the summary is meant for: A4 landscape, a footer naming
** the report, the day and the plan version. */
ExportPdfOptions compliance_report_pdf_options(
    Arena *pArena, const ComplianceResult *pResult,
    const ComplianceReportInfo *pInfo);

/* "80 %": progress 0..1 as a rounded percentage (arena memory). */
const char *compliance_report_percent(Arena *pArena, double rProgress);

#endif
