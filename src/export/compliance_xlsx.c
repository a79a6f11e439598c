/*
** The Informe de cumplimiento as a workbook (see compliance_report_xlsx()
** in compliance_report.h): a summary sheet with the counts as numbers, a
** sheet of the activities linked to each line and one of their evidence.
** Dates are real dates (EXPORT_COL_DATE) so that the sheet sorts and
** filters by them; every sheet says above its table which day it shows,
** the plan version and the day it was produced.
*/
#include <string.h>

#include "domain/activity.h"
#include "export/compliance_report.h"

#define SUM_COLS 9
static const char *const azSumHeader[SUM_COLS] = {
    "N°",          "Compromiso", "Meta",       "Meta (cantidad)", "Realizadas",
    "Verificadas", "Estado",     "Avance (%)", "Qué falta"};
static const double aSumWidth[SUM_COLS] = {0.4, 3.0, 2.4, 0.8, 0.8,
                                           0.8, 1.0, 0.8, 4.0};
static const ExportColType aeSumType[SUM_COLS] = {
    EXPORT_COL_INT,  EXPORT_COL_TEXT, EXPORT_COL_TEXT,
    EXPORT_COL_INT,  EXPORT_COL_INT,  EXPORT_COL_INT,
    EXPORT_COL_TEXT, EXPORT_COL_INT,  EXPORT_COL_TEXT};

#define ACT_COLS 11
static const char *const azActHeader[ACT_COLS] = {"Línea",
                                                  "Fecha",
                                                  "Tipo",
                                                  "Actividad",
                                                  "Comuna",
                                                  "Provincia",
                                                  "Estado",
                                                  "¿Cuenta?",
                                                  "Verificada",
                                                  "Verificadores presentes",
                                                  "Verificadores faltantes"};
static const double aActWidth[ACT_COLS] = {0.5, 0.9, 1.4, 2.8, 1.1, 1.0,
                                           1.0, 1.8, 0.8, 2.4, 2.0};
static const ExportColType aeActType[ACT_COLS] = {
    EXPORT_COL_INT,  EXPORT_COL_DATE, EXPORT_COL_TEXT, EXPORT_COL_TEXT,
    EXPORT_COL_TEXT, EXPORT_COL_TEXT, EXPORT_COL_TEXT, EXPORT_COL_TEXT,
    EXPORT_COL_TEXT, EXPORT_COL_TEXT, EXPORT_COL_TEXT};

#define EV_COLS 10
static const char *const azEvHeader[EV_COLS] = {
    "Línea",       "Actividad", "Fecha de la actividad",
    "Verificador", "Archivo",   "Subido por",
    "Subido el",   "Público",   "SHA-256",
    "Origen"};
static const double aEvWidth[EV_COLS] = {0.5, 2.6, 1.0, 1.2, 2.2,
                                         1.4, 1.0, 0.6, 4.6, 1.2};
static const ExportColType aeEvType[EV_COLS] = {
    EXPORT_COL_INT,  EXPORT_COL_TEXT, EXPORT_COL_DATE, EXPORT_COL_TEXT,
    EXPORT_COL_TEXT, EXPORT_COL_TEXT, EXPORT_COL_DATE, EXPORT_COL_TEXT,
    EXPORT_COL_TEXT, EXPORT_COL_TEXT};

/* A sheet's title rows, once export_table_start() has set its columns: the
** report, then what it was computed from. */
static void sheet_head(Arena *pArena, ExportTable *pT, const char *zTitle,
                       const PlanDoc *pPlan, const ComplianceResult *pResult,
                       const ComplianceReportInfo *pInfo) {
  pT->zTitle = zTitle;
  pT->zSubtitle =
      arena_printf(pArena, "%s · %s", COMPLIANCE_REPORT_TITLE,
                   compliance_report_subtitle(pArena, pPlan, pInfo));
  pT->zPreamble = compliance_report_stamp(pArena, pResult, pInfo);
}

static void summary_sheet(Arena *pArena, const PlanDoc *pPlan,
                          const ComplianceResult *pResult,
                          const ComplianceReportInfo *pInfo, ExportTable *pT) {
  ExportTable full;
  compliance_report_summary(pArena, pPlan, pResult, pInfo, &full);
  const char **az = export_table_start(pArena, pT, SUM_COLS, azSumHeader,
                                       aSumWidth, pResult->nLine);
  sheet_head(pArena, pT, "Resumen", pPlan, pResult, pInfo);
  pT->zPreamble = full.zPreamble; /* The stamp, the rules, the totals */
  for (int i = 0; i < pResult->nLine; i++) {
    const ComplianceLine *pL = &pResult->aLine[i];
    /* Pointer arithmetic rather than &azCell[...]: cppcheck 2.10 takes the
    ** latter for the address of the local "full" (objectIndex). */
    const char *const *azFull = full.azCell + i * full.nCol;
    const char **azRow = &az[i * SUM_COLS];
    azRow[0] = azFull[0];
    azRow[1] = azFull[1];
    azRow[2] = azFull[2];
    azRow[3] = arena_printf(pArena, "%d", pL->nTarget);
    azRow[4] = arena_printf(pArena, "%d", pL->nQualifying);
    azRow[5] = arena_printf(pArena, "%d", pL->nCounted);
    azRow[6] = compliance_line_state_label(pResult, pL);
    azRow[7] = arena_printf(pArena, "%d", pL->iPercent);
    azRow[8] = azFull[6];
  }
}

/* "Invitación, Fotografías": the kinds an activity carries, once each. */
static const char *kinds_present(Arena *pArena, const ComplianceActivity *a) {
  Buf b;
  buf_init(&b, pArena);
  for (int i = 0; i < a->nEvidence; i++) {
    int bSeen = 0;
    for (int j = 0; j < i; j++) {
      if (strcmp(a->azEvidence[i], a->azEvidence[j]) == 0) bSeen = 1;
    }
    if (bSeen) continue;
    if (b.n) buf_puts(&b, ", ");
    buf_puts(&b, compliance_report_evidence_label(a->azEvidence[i]));
  }
  return b.n ? buf_str(&b) : "—";
}

static void activity_sheet(Arena *pArena, const PlanDoc *pPlan,
                           const ComplianceResult *pResult,
                           const ComplianceReportInfo *pInfo, ExportTable *pT) {
  const char **az =
      export_table_start(pArena, pT, ACT_COLS, azActHeader, aActWidth,
                         compliance_report_link_count(pResult));
  sheet_head(pArena, pT, "Actividades", pPlan, pResult, pInfo);
  int iRow = 0;
  for (int i = 0; i < pResult->nLine; i++) {
    const ComplianceLine *pL = &pResult->aLine[i];
    for (int k = 0; k < pL->nLink; k++) {
      const ComplianceLink *pLink = &pL->aLink[k];
      const ComplianceActivity *a = pLink->pActivity;
      const ComplianceReportActivity *pX =
          compliance_report_activity(pInfo, a->iId);
      const char *zStatus = activity_slug_label(
          activity_statuses, activity_statuses_count, a->zStatus);
      const char **azRow = &az[iRow++ * ACT_COLS];
      azRow[0] = arena_printf(pArena, "%d", pL->iNumber);
      azRow[1] = a->zDate;
      azRow[2] = compliance_report_kind_label(a->zKind);
      azRow[3] = a->zTitle ? a->zTitle : "";
      azRow[4] = compliance_report_commune(a);
      azRow[5] = pX && pX->zProvince ? pX->zProvince : "";
      azRow[6] = zStatus ? zStatus : (a->zStatus ? a->zStatus : "");
      azRow[7] = compliance_report_counts_text(pArena, pLink);
      azRow[8] = compliance_report_verified_text(pLink);
      azRow[9] = kinds_present(pArena, a);
      azRow[10] = compliance_report_missing_kinds(pArena, pLink);
    }
  }
}

static void evidence_sheet(Arena *pArena, const PlanDoc *pPlan,
                           const ComplianceResult *pResult,
                           const ComplianceReportInfo *pInfo, ExportTable *pT) {
  int nRow = 0;
  for (int i = 0; i < pResult->nLine; i++) {
    const ComplianceLine *pL = &pResult->aLine[i];
    for (int k = 0; k < pL->nLink; k++) {
      const ComplianceReportActivity *pX =
          compliance_report_activity(pInfo, pL->aLink[k].pActivity->iId);
      if (pX) nRow += pX->nEvidence;
    }
  }
  const char **az =
      export_table_start(pArena, pT, EV_COLS, azEvHeader, aEvWidth, nRow);
  sheet_head(pArena, pT, "Verificadores", pPlan, pResult, pInfo);
  int iRow = 0;
  for (int i = 0; i < pResult->nLine; i++) {
    const ComplianceLine *pL = &pResult->aLine[i];
    for (int k = 0; k < pL->nLink; k++) {
      const ComplianceActivity *a = pL->aLink[k].pActivity;
      const ComplianceReportActivity *pX =
          compliance_report_activity(pInfo, a->iId);
      for (int j = 0; pX && j < pX->nEvidence; j++) {
        const ComplianceReportEvidence *e = &pX->aEvidence[j];
        const char **azRow = &az[iRow++ * EV_COLS];
        azRow[0] = arena_printf(pArena, "%d", pL->iNumber);
        azRow[1] = a->zTitle ? a->zTitle : "";
        azRow[2] = a->zDate;
        azRow[3] = compliance_report_evidence_label(e->zKind);
        azRow[4] = e->zFilename ? e->zFilename : "";
        azRow[5] = e->zUploader ? e->zUploader : "";
        azRow[6] = e->zUploaded ? e->zUploaded : "";
        azRow[7] = e->bPublic ? "Sí" : "No";
        azRow[8] = e->zSha256 ? e->zSha256 : "";
        azRow[9] = e->zFilename ? "Subido" : "Generado por el sistema";
      }
    }
  }
}

int compliance_report_xlsx(Arena *pArena, const PlanDoc *pPlan,
                           const ComplianceResult *pResult,
                           const ComplianceReportInfo *pInfo,
                           const char **ppOut, size_t *pnOut, char *zErr,
                           size_t nErr) {
  ExportTable *aT = arena_alloc(pArena, sizeof(ExportTable) * 3);
  summary_sheet(pArena, pPlan, pResult, pInfo, &aT[0]);
  activity_sheet(pArena, pPlan, pResult, pInfo, &aT[1]);
  evidence_sheet(pArena, pPlan, pResult, pInfo, &aT[2]);
  const ExportSheet aSheet[3] = {
      {&aT[0], aeSumType}, {&aT[1], aeActType}, {&aT[2], aeEvType}};
  return export_xlsx_book(pArena, aSheet, 3, ppOut, pnOut, zErr, nErr);
}
