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

/* One evidence item of an activity, as the report lists it. */
typedef struct ComplianceReportEvidence {
  const char *zKind;      /* Evidence kind slug */
  const char *zFilename;  /* As uploaded; NULL for one the system made */
  const char *zUploader;  /* Who uploaded it ("" unknown) */
  const char *zUploaded;  /* Santiago date uploaded, YYYY-MM-DD, or NULL */
  int bPublic;            /* Shown on the public site */
  const char *zSha256;    /* Hex digest of the file, or NULL */
  const void *pThumb;     /* A photo's thumbnail, or NULL */
  size_t nThumb;          /* Its size */
  const char *zThumbMime; /* Its type: image/jpeg or image/png */
  int nThumbWidth;        /* Its pixels (needed for a JPEG) */
  int nThumbHeight;
} ComplianceReportEvidence;

/* What the report shows of an activity beyond the engine's input. */
typedef struct ComplianceReportActivity {
  int64_t iId;           /* ComplianceActivity.iId it belongs to */
  const char *zProvince; /* Province of its commune, or NULL */
  int nEvidence;         /* Items, uploaded and made by the system */
  const ComplianceReportEvidence *aEvidence;
} ComplianceReportActivity;

typedef struct ComplianceReportInfo {
  const char *zCouncil;  /* Council name for the subtitle, or NULL */
  int iPlanVersion;      /* Plan version computed from; 0: not stated */
  const char *zProduced; /* Day the report is produced, YYYY-MM-DD, or
                         ** NULL (then not stated) */
  int nActivity;         /* Entries in aActivity (0: no evidence shown) */
  const ComplianceReportActivity *aActivity; /* By activity, any order */
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

/* The whole Informe de cumplimiento as a PDF (compliance_pdf.c), A4
** portrait: a cover (council, plan and period, the day it shows, the day
** produced and the plan version), the summary of the lines and the
** rollup by objective, then a section per line: its target, the linked
** activities (date, place, kind, whether they count and are verified),
** their evidence with photo thumbnails, and what is missing. Same return
** values as export_pdf(). */
int compliance_report_pdf(Arena *pArena, const PlanDoc *pPlan,
                          const ComplianceResult *pResult,
                          const ComplianceReportInfo *pInfo, const char **ppOut,
                          size_t *pnOut, char *zErr, size_t nErr);

/* The workbook (compliance_xlsx.c): "Resumen" (one row per line, counts as
** numbers), "Actividades" (one row per activity linked to a line) and
** "Verificadores" (one row per evidence item per line), each stating the
** day, plan version and day produced above its table. Same return values
** as export_xlsx(). */
int compliance_report_xlsx(Arena *pArena, const PlanDoc *pPlan,
                           const ComplianceResult *pResult,
                           const ComplianceReportInfo *pInfo,
                           const char **ppOut, size_t *pnOut, char *zErr,
                           size_t nErr);

/* The report's own pieces, shared by its PDF and XLSX writers. */
const char *compliance_report_subtitle(Arena *pArena, const PlanDoc *pPlan,
                                       const ComplianceReportInfo *pInfo);
/* "Situación al 30-06-2025, calculada sobre la versión 3 del plan.
** Informe producido el 24-11-2026." */
const char *compliance_report_stamp(Arena *pArena,
                                    const ComplianceResult *pResult,
                                    const ComplianceReportInfo *pInfo);
/* The report's extra data for activity iId, or NULL. */
const ComplianceReportActivity *compliance_report_activity(
    const ComplianceReportInfo *pInfo, int64_t iId);
/* Labels: activity kind, evidence kind ("Fotografías"), and the commune
** of an activity ("Ovalle", "Sin comuna"). */
const char *compliance_report_kind_label(const char *zKind);
const char *compliance_report_evidence_label(const char *zKind);
const char *compliance_report_commune(const ComplianceActivity *pAct);
/* Evidence kinds a counting link lacks, as labels ("Acta, Citación"), or
** "—". */
const char *compliance_report_missing_kinds(Arena *pArena,
                                            const ComplianceLink *pLink);
/* Whether an activity counts for the line: "Sí" or "No: <reason>"; and
** whether it is verified: "Sí", "No" or "—" (it does not count). */
const char *compliance_report_counts_text(Arena *pArena,
                                          const ComplianceLink *pLink);
const char *compliance_report_verified_text(const ComplianceLink *pLink);

/* "87 %": a compliance_percent() as text (arena memory). */
const char *compliance_report_percent(Arena *pArena, int iPercent);
/* The plan's state on the report's day: "Plan vigente, del 01-01-2026 al
** 31-12-2027." / "Plan terminado el 31-12-2025: resultado final." */
const char *compliance_report_plan_state(Arena *pArena, const PlanDoc *pPlan,
                                         const ComplianceResult *pResult);

/* The activities linked to lines, over all lines: the rows of a table of
** them. */
int compliance_report_link_count(const ComplianceResult *pResult);

#endif
