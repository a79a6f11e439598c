/*
** The Informe de cumplimiento del Plan Anual as one PDF document (see
** compliance_report_pdf() in compliance_report.h): cover, summary, then a
** section per plan line with what was done, its evidence (photos drawn as
** thumbnails) and what is missing. Laid out with the ExportDoc blocks of
** pdf.c, so there is still one PDF engine. Spanish text of the report is
** gathered at the top of this file.
*/
#include <string.h>

#include "domain/activity.h"
#include "domain/date_text.h"
#include "export/compliance_report.h"

#define COVER_COUNCIL_FALLBACK "Consejo de la Sociedad Civil"
#define NO_ACTIVITIES "No hay actividades vinculadas a esta línea."
#define NO_EVIDENCE "No hay verificadores de las actividades de esta línea."
#define NOTHING_MISSING_LINE "Nada: la meta está cumplida."
#define SYSTEM_MADE "(generado por el sistema)"

#define PDF_SECTION_GAP 8.0 /* Between the parts of a line's section */
#define PDF_COVER_GAP 28.0  /* Between the blocks of the cover */

/* Summary: the first SUMMARY_PDF_COLS columns of the summary table (the
** "qué falta" column moves into each line's section). */
#define SUMMARY_PDF_COLS 6
static const double aSummaryPdfWidth[SUMMARY_PDF_COLS] = {0.4, 4.0, 2.9,
                                                          1.4, 1.4, 1.3};
/* The objectives' table, narrowed to portrait: its counts keep their
** headings on one line. */
static const double aObjectivePdfWidth[] = {3.0,  0.9, 1.45, 1.1, 1.1,
                                            1.35, 1.1, 1.6,  1.0};

#define ACT_COLS 6
static const char *const azActHeader[ACT_COLS] = {
    "Fecha", "Actividad", "Tipo", "Lugar", "¿Cuenta?", "Verificada"};
static const double aActWidth[ACT_COLS] = {1.5, 3.0, 1.6, 1.6, 2.0, 0.9};

#define EV_COLS 5
static const char *const azEvHeader[EV_COLS] = {
    "Actividad", "Verificador", "Archivo", "Subido por / fecha", "Público"};
static const double aEvWidth[EV_COLS] = {1.6, 1.3, 2.4, 2.0, 0.7};

static const char *date_long(Arena *pArena, const char *zDate) {
  char z[ACTIVITY_DATE_LONG_MAX];
  activity_format_date_long(zDate, z, sizeof(z));
  return arena_strdup(pArena, z);
}

static const char *date_short(Arena *pArena, const char *zDate) {
  char z[PLAN_DATE_SIZE];
  date_text_dmy(zDate, z);
  return arena_strdup(pArena, z);
}

static void cover(ExportDoc *pDoc, Arena *pArena, const PlanDoc *pPlan,
                  const ComplianceResult *pResult,
                  const ComplianceReportInfo *pInfo) {
  const char *zCouncil = pInfo && pInfo->zCouncil && pInfo->zCouncil[0]
                             ? pInfo->zCouncil
                             : COVER_COUNCIL_FALLBACK;
  export_doc_text(pDoc, EXPORT_TEXT_SUBTITLE, zCouncil);
  export_doc_gap(pDoc, PDF_COVER_GAP);
  export_doc_text(pDoc, EXPORT_TEXT_COVER, COMPLIANCE_REPORT_TITLE);
  export_doc_gap(pDoc, PDF_COVER_GAP);
  export_doc_text(pDoc, EXPORT_TEXT_HEADING,
                  pPlan->zTitle ? pPlan->zTitle : "Plan anual");
  export_doc_text(pDoc, EXPORT_TEXT_BODY,
                  arena_printf(pArena, "Periodo del plan: %s al %s.",
                               date_long(pArena, pPlan->zPeriodStart),
                               date_long(pArena, pPlan->zPeriodEnd)));
  export_doc_gap(pDoc, PDF_COVER_GAP);
  export_doc_text(pDoc, EXPORT_TEXT_HEADING,
                  arena_printf(pArena, "Situación al %s",
                               date_long(pArena, pResult->zAsOf)));
  Buf b;
  buf_init(&b, pArena);
  if (pInfo && pInfo->zProduced) {
    buf_printf(&b, "Informe producido el %s",
               date_long(pArena, pInfo->zProduced));
  } else {
    buf_puts(&b, "Informe producido");
  }
  if (pInfo && pInfo->iPlanVersion > 0) {
    buf_printf(&b, " a partir de la versión %d del plan", pInfo->iPlanVersion);
  }
  buf_putc(&b, '.');
  export_doc_text(pDoc, EXPORT_TEXT_BODY, buf_str(&b));
  export_doc_gap(pDoc, PDF_COVER_GAP);
  const ComplianceRollup *pAll = &pResult->total;
  export_doc_text(
      pDoc, EXPORT_TEXT_BODY,
      arena_printf(pArena,
                   "%s %d líneas de compromiso; avance general %s: %d de %d "
                   "actividades comprometidas están realizadas y "
                   "verificadas. %s Una actividad cuenta para una línea "
                   "cuando se realizó dentro del plazo de la línea, es del "
                   "tipo y en un lugar que la meta acepta; está verificada "
                   "cuando tiene todos los verificadores que la línea "
                   "exige. Una línea está en riesgo cuando quedan %d días "
                   "o menos para el fin de su plazo.",
                   compliance_report_plan_state(pArena, pPlan, pResult),
                   pAll->nLine,
                   compliance_report_percent(pArena, pAll->iPercent),
                   pAll->nVerified, pAll->nTarget,
                   compliance_percent_definition(), pResult->nAtRiskDays));
  export_doc_page_break(pDoc);
}

/* The summary table without its last column, and the objectives. */
static void summary(ExportDoc *pDoc, Arena *pArena, const PlanDoc *pPlan,
                    const ComplianceResult *pResult,
                    const ComplianceReportInfo *pInfo) {
  ExportTable *pFull = arena_alloc(pArena, sizeof(ExportTable) * 3);
  compliance_report_summary(pArena, pPlan, pResult, pInfo, &pFull[0]);
  ExportTable *pT = &pFull[1];
  *pT = pFull[0];
  pT->nCol = SUMMARY_PDF_COLS;
  pT->aWidth = aSummaryPdfWidth;
  const char **az = arena_alloc(
      pArena, sizeof(char *) * (size_t)(pT->nRow * SUMMARY_PDF_COLS + 1));
  for (int r = 0; r < pT->nRow; r++) {
    memcpy(&az[r * SUMMARY_PDF_COLS], &pFull[0].azCell[r * pFull[0].nCol],
           sizeof(char *) * SUMMARY_PDF_COLS);
  }
  pT->azCell = az;
  export_doc_text(pDoc, EXPORT_TEXT_TITLE, "Resumen por línea del plan");
  export_doc_text(pDoc, EXPORT_TEXT_SMALL,
                  compliance_report_stamp(pArena, pResult, pInfo));
  export_doc_gap(pDoc, PDF_SECTION_GAP);
  export_doc_table(pDoc, pT, 0);
  export_doc_gap(pDoc, 2 * PDF_SECTION_GAP);
  compliance_report_objectives(pArena, pPlan, pResult, pInfo, &pFull[2]);
  if (pFull[2].nCol ==
      (int)(sizeof(aObjectivePdfWidth) / sizeof(aObjectivePdfWidth[0]))) {
    pFull[2].aWidth = aObjectivePdfWidth;
  }
  export_doc_text(pDoc, EXPORT_TEXT_HEADING, pFull[2].zTitle);
  export_doc_gap(pDoc, PDF_SECTION_GAP / 2);
  export_doc_table(pDoc, &pFull[2], 0);
}

/* "La Serena, provincia de Elqui" */
static const char *place(Arena *pArena, const ComplianceActivity *pAct,
                         const ComplianceReportInfo *pInfo) {
  const ComplianceReportActivity *pX =
      compliance_report_activity(pInfo, pAct->iId);
  const char *zCommune = compliance_report_commune(pAct);
  if (pX && pX->zProvince && pX->zProvince[0]) {
    return arena_printf(pArena, "%s, provincia de %s", zCommune, pX->zProvince);
  }
  return zCommune;
}

static void line_activities(ExportDoc *pDoc, Arena *pArena,
                            const ComplianceLine *pL,
                            const ComplianceReportInfo *pInfo) {
  export_doc_text(pDoc, EXPORT_TEXT_HEADING, "Lo realizado");
  if (pL->nLink == 0) {
    export_doc_text(pDoc, EXPORT_TEXT_BODY, NO_ACTIVITIES);
    return;
  }
  ExportTable *pT = arena_alloc(pArena, sizeof(*pT));
  const char **az = export_table_start(pArena, pT, ACT_COLS, azActHeader,
                                       aActWidth, pL->nLink);
  for (int k = 0; k < pL->nLink; k++) {
    const ComplianceLink *pLink = &pL->aLink[k];
    const ComplianceActivity *pAct = pLink->pActivity;
    const char **azRow = &az[k * ACT_COLS];
    azRow[0] = date_long(pArena, pAct->zDate);
    azRow[1] = pAct->zTitle ? pAct->zTitle : "";
    azRow[2] = compliance_report_kind_label(pAct->zKind);
    azRow[3] = place(pArena, pAct, pInfo);
    azRow[4] = compliance_report_counts_text(pArena, pLink);
    const char *zMissing = compliance_report_missing_kinds(pArena, pLink);
    azRow[5] = pLink->eReason == COMPLIANCE_COUNTS && !pLink->bVerified
                   ? arena_printf(pArena, "No (falta: %s)", zMissing)
                   : compliance_report_verified_text(pLink);
  }
  export_doc_table(pDoc, pT, 0);
}

/* One piece of evidence of a line, with its activity. */
typedef struct LineEvidence {
  const ComplianceActivity *pAct;
  const ComplianceReportEvidence *e;
} LineEvidence;

/* Every piece of evidence of the line's activities, in their order. */
static int line_evidence_list(Arena *pArena, const ComplianceLine *pL,
                              const ComplianceReportInfo *pInfo,
                              LineEvidence **paEv) {
  int n = 0, nAlloc = 0;
  *paEv = NULL;
  for (int k = 0; k < pL->nLink; k++) {
    const ComplianceActivity *pAct = pL->aLink[k].pActivity;
    const ComplianceReportActivity *pX =
        compliance_report_activity(pInfo, pAct->iId);
    for (int i = 0; pX && i < pX->nEvidence; i++) {
      *paEv = arena_grow(pArena, *paEv, n, &nAlloc, sizeof(LineEvidence));
      (*paEv)[n++] = (LineEvidence){pAct, &pX->aEvidence[i]};
    }
  }
  return n;
}

/* The evidence table of a line's activities, then its photos. */
static void line_evidence(ExportDoc *pDoc, Arena *pArena,
                          const ComplianceLine *pL,
                          const ComplianceReportInfo *pInfo) {
  export_doc_text(pDoc, EXPORT_TEXT_HEADING, "Verificadores");
  LineEvidence *aEv = NULL;
  int nRow = line_evidence_list(pArena, pL, pInfo, &aEv);
  if (nRow == 0) {
    export_doc_text(pDoc, EXPORT_TEXT_BODY, NO_EVIDENCE);
    return;
  }
  ExportTable *pT = arena_alloc(pArena, sizeof(*pT));
  const char **az =
      export_table_start(pArena, pT, EV_COLS, azEvHeader, aEvWidth, nRow);
  for (int k = 0; k < nRow; k++) {
    const ComplianceActivity *pAct = aEv[k].pAct;
    const ComplianceReportEvidence *e = aEv[k].e;
    const char **azRow = &az[k * EV_COLS];
    azRow[0] = arena_printf(pArena, "%s\n%s", date_short(pArena, pAct->zDate),
                            pAct->zTitle ? pAct->zTitle : "");
    azRow[1] = compliance_report_evidence_label(e->zKind);
    azRow[2] = e->zFilename ? e->zFilename : SYSTEM_MADE;
    azRow[3] =
        e->zFilename
            ? arena_printf(pArena, "%s\n%s",
                           e->zUploader && e->zUploader[0] ? e->zUploader
                                                           : "Sin registro",
                           e->zUploaded ? date_short(pArena, e->zUploaded) : "")
            : "—";
    azRow[4] = e->bPublic ? "Sí" : "No";
  }
  export_doc_table(pDoc, pT, 0);
  int bPhotoHeading = 0;
  for (int k = 0; k < nRow; k++) {
    const ComplianceReportEvidence *e = aEv[k].e;
    if (!e->pThumb) continue;
    if (!bPhotoHeading) {
      export_doc_gap(pDoc, PDF_SECTION_GAP);
      export_doc_text(pDoc, EXPORT_TEXT_HEADING, "Fotografías");
      export_doc_gap(pDoc, PDF_SECTION_GAP / 2);
      bPhotoHeading = 1;
    }
    export_doc_image(
        pDoc, e->pThumb, e->nThumb, e->zThumbMime, e->nThumbWidth,
        e->nThumbHeight,
        arena_printf(pArena, "%s · %s", date_short(pArena, aEv[k].pAct->zDate),
                     e->zFilename ? e->zFilename : ""));
  }
}

static void line_section(ExportDoc *pDoc, Arena *pArena,
                         const ComplianceResult *pResult,
                         const ComplianceLine *pL,
                         const ComplianceReportInfo *pInfo) {
  const PlanLine *pLine = pL->pLine;
  export_doc_page_break(pDoc);
  export_doc_text(
      pDoc, EXPORT_TEXT_TITLE,
      arena_printf(pArena, "Línea %d · %s · %s", pL->iNumber,
                   compliance_line_state_label(pResult, pL),
                   compliance_report_percent(pArena, pL->iPercent)));
  export_doc_gap(pDoc, PDF_SECTION_GAP / 2);
  if (pLine->zObjective && pLine->zObjective[0]) {
    export_doc_text(pDoc, EXPORT_TEXT_SMALL,
                    arena_printf(pArena, "Objetivo: %s", pLine->zObjective));
  }
  export_doc_text(pDoc, EXPORT_TEXT_BODY, pLine->zActions);
  export_doc_gap(pDoc, PDF_SECTION_GAP / 2);
  export_doc_text(
      pDoc, EXPORT_TEXT_BODY,
      arena_printf(pArena,
                   "Meta: %s. Plazo: %s al %s. Verificadores exigidos: %s.\n"
                   "Realizadas que cuentan: %d de %d. Verificadas que "
                   "cuentan para la meta: %d de %d.",
                   plan_target_describe(pArena, &pLine->target),
                   date_long(pArena, pLine->window.zStart),
                   date_long(pArena, pLine->window.zEnd),
                   plan_evidence_text(pArena, pLine), pL->nQualifying,
                   pL->nTarget, pL->nCounted, pL->nTarget));
  export_doc_gap(pDoc, PDF_SECTION_GAP);
  line_activities(pDoc, pArena, pL, pInfo);
  export_doc_gap(pDoc, PDF_SECTION_GAP);
  line_evidence(pDoc, pArena, pL, pInfo);
  export_doc_gap(pDoc, PDF_SECTION_GAP);
  export_doc_text(pDoc, EXPORT_TEXT_HEADING, "Qué falta");
  if (pL->nMissing == 0) {
    export_doc_text(pDoc, EXPORT_TEXT_BODY, NOTHING_MISSING_LINE);
  }
  for (int i = 0; i < pL->nMissing; i++) {
    export_doc_text(pDoc, EXPORT_TEXT_BODY,
                    arena_printf(pArena, "• %s", pL->azMissing[i]));
  }
}

int compliance_report_pdf(Arena *pArena, const PlanDoc *pPlan,
                          const ComplianceResult *pResult,
                          const ComplianceReportInfo *pInfo, const char **ppOut,
                          size_t *pnOut, char *zErr, size_t nErr) {
  ExportDoc *pDoc = export_doc_new(pArena);
  cover(pDoc, pArena, pPlan, pResult, pInfo);
  summary(pDoc, pArena, pPlan, pResult, pInfo);
  for (int i = 0; i < pResult->nLine; i++) {
    line_section(pDoc, pArena, pResult, &pResult->aLine[i], pInfo);
  }
  ExportPdfOptions opt = compliance_report_pdf_options(pArena, pResult, pInfo);
  opt.bLandscape = 0; /* The whole report is A4 portrait */
  return export_doc_pdf(pArena, pDoc, COMPLIANCE_REPORT_TITLE, &opt, ppOut,
                        pnOut, zErr, nErr);
}
