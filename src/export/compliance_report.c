/*
** The Informe de cumplimiento as export tables (see compliance_report.h).
** Spanish headings and phrases are together at the top of this file.
*/
#include "export/compliance_report.h"

#include <string.h>

#include "domain/date_text.h"
#include "domain/plan_catalog.h"

#define SUMMARY_COLUMNS 7
static const char *const azSummaryHeader[SUMMARY_COLUMNS] = {
    "N°",          "Compromiso", "Meta",     "Realizadas",
    "Verificadas", "Estado",     "Qué falta"};
static const double aSummaryWidth[SUMMARY_COLUMNS] = {0.5, 3.2, 2.4, 1.1,
                                                      1.1, 1.2, 4.0};

#define OBJECTIVE_COLUMNS 9
static const char *const azObjectiveHeader[OBJECTIVE_COLUMNS] = {
    "Objetivo",  "Líneas",    "Cumplidas",   "En curso",
    "En riesgo", "Atrasadas", "Sin iniciar", "Actividades verificadas / meta",
    "Avance"};
static const double aObjectiveWidth[OBJECTIVE_COLUMNS] = {
    5.0, 0.8, 1.0, 1.0, 1.0, 1.0, 1.0, 1.6, 0.9};

#define ACTIVITY_COLUMNS 8
static const char *const azActivityHeader[ACTIVITY_COLUMNS] = {
    "Línea",  "Fecha",    "Actividad",  "Tipo",
    "Comuna", "¿Cuenta?", "Verificada", "Evidencia faltante"};
static const double aActivityWidth[ACTIVITY_COLUMNS] = {0.6, 1.0, 3.0, 1.6,
                                                        1.2, 2.2, 1.0, 2.4};

#define NOTHING_MISSING "Nada: la meta está cumplida."
#define NO_MISSING_KIND "—"

const char *compliance_report_percent(Arena *pArena, int iPercent) {
  return arena_printf(pArena, "%d %%", iPercent);
}

static const char *date_display(Arena *pArena, const char *zDate) {
  char z[PLAN_DATE_SIZE];
  date_text_dmy(zDate, z);
  return arena_strdup(pArena, z);
}

/* The line's actions on one line, cut at a space to at most
** COMPLIANCE_REPORT_ACTIONS_MAX bytes with "…" (a space is never inside
** a UTF-8 sequence, so the cut is always clean). */
static const char *actions_short(Arena *pArena, const char *zActions) {
  char *z = arena_strdup(pArena, zActions ? zActions : "");
  for (char *p = z; *p; p++) {
    if (*p == '\n') *p = ' ';
  }
  if (strlen(z) <= COMPLIANCE_REPORT_ACTIONS_MAX) return z;
  size_t n = COMPLIANCE_REPORT_ACTIONS_MAX;
  while (n > 0 && z[n] != ' ') n--;
  if (n == 0) n = COMPLIANCE_REPORT_ACTIONS_MAX;
  while (n > 0 && (z[n - 1] == ' ' || z[n - 1] == ',')) n--;
  return arena_printf(pArena, "%.*s…", (int)n, z);
}

const char *compliance_report_subtitle(Arena *pArena, const PlanDoc *pPlan,
                                       const ComplianceReportInfo *pInfo) {
  Buf b;
  buf_init(&b, pArena);
  if (pInfo && pInfo->zCouncil && pInfo->zCouncil[0])
    buf_printf(&b, "%s · ", pInfo->zCouncil);
  buf_puts(&b, pPlan->zTitle ? pPlan->zTitle : "Plan anual");
  if (pInfo && pInfo->iPlanVersion > 0)
    buf_printf(&b, " · Versión %d", pInfo->iPlanVersion);
  return buf_str(&b);
}

/* The states in a sentence, one and several, in rule order. */
static const char *const azStateWords[COMPLIANCE_STATE_COUNT][2] = {
    [COMPLIANCE_CUMPLIDA] = {"cumplida", "cumplidas"},
    [COMPLIANCE_ATRASADA] = {"atrasada", "atrasadas"},
    [COMPLIANCE_EN_RIESGO] = {"en riesgo", "en riesgo"},
    [COMPLIANCE_EN_CURSO] = {"en curso", "en curso"},
    [COMPLIANCE_SIN_INICIAR] = {"sin iniciar", "sin iniciar"},
};

/* "1 cumplida, 4 en riesgo, …": the states present. */
static void put_state_counts(Buf *pB, const ComplianceRollup *pR) {
  int bFirst = 1;
  for (int s = 0; s < COMPLIANCE_STATE_COUNT; s++) {
    if (pR->anState[s] == 0) continue;
    buf_printf(pB, "%s%d %s", bFirst ? "" : ", ", pR->anState[s],
               azStateWords[s][pR->anState[s] != 1]);
    bFirst = 0;
  }
}

const char *compliance_report_stamp(Arena *pArena,
                                    const ComplianceResult *pResult,
                                    const ComplianceReportInfo *pInfo) {
  Buf b;
  buf_init(&b, pArena);
  buf_printf(&b, "Situación al %s", date_display(pArena, pResult->zAsOf));
  if (pInfo && pInfo->iPlanVersion > 0)
    buf_printf(&b, ", calculada sobre la versión %d del plan",
               pInfo->iPlanVersion);
  if (pInfo && pInfo->zProduced)
    buf_printf(&b, ". Informe producido el %s",
               date_display(pArena, pInfo->zProduced));
  buf_putc(&b, '.');
  return buf_str(&b);
}

const char *compliance_report_plan_state(Arena *pArena, const PlanDoc *pPlan,
                                         const ComplianceResult *pResult) {
  const char *zStart = date_display(pArena, pPlan->zPeriodStart);
  const char *zEnd = date_display(pArena, pPlan->zPeriodEnd);
  switch (pResult->ePlan) {
    case COMPLIANCE_PLAN_TERMINADO:
      return arena_printf(pArena,
                          "Plan terminado (periodo del %s al %s): este es su "
                          "resultado final.",
                          zStart, zEnd);
    case COMPLIANCE_PLAN_POR_COMENZAR:
      return arena_printf(pArena, "Plan por comenzar (periodo del %s al %s).",
                          zStart, zEnd);
    case COMPLIANCE_PLAN_VIGENTE:
      break;
  }
  return arena_printf(pArena, "Plan vigente, periodo del %s al %s.", zStart,
                      zEnd);
}

static const char *summary_preamble(Arena *pArena, const PlanDoc *pPlan,
                                    const ComplianceResult *pResult,
                                    const ComplianceReportInfo *pInfo) {
  Buf b;
  buf_init(&b, pArena);
  buf_puts(&b, compliance_report_stamp(pArena, pResult, pInfo));
  buf_printf(&b, " %s", compliance_report_plan_state(pArena, pPlan, pResult));
  buf_printf(&b,
             "\n\nUna actividad cuenta para una línea cuando se realizó "
             "dentro del plazo de la línea, es del tipo y en un lugar que "
             "la meta acepta; está verificada cuando tiene todos los "
             "verificadores que la línea exige. Una línea está en riesgo "
             "cuando quedan %d días o menos para el fin de su plazo.",
             pResult->nAtRiskDays);
  const ComplianceRollup *pAll = &pResult->total;
  buf_printf(&b, "\n\n%d líneas: ", pAll->nLine);
  put_state_counts(&b, pAll);
  buf_printf(&b, ". Avance general %s: %d de %d actividades comprometidas. %s",
             compliance_report_percent(pArena, pAll->iPercent), pAll->nVerified,
             pAll->nTarget, compliance_percent_definition());
  return buf_str(&b);
}

/* The headings of the tables after the summary: their title, the report's
** subtitle and "Situación al 30-06-2025." (the summary says more). */
static void detail_headings(Arena *pArena, ExportTable *pTable,
                            const char *zTitle, const PlanDoc *pPlan,
                            const ComplianceResult *pResult,
                            const ComplianceReportInfo *pInfo) {
  pTable->zTitle = zTitle;
  pTable->zSubtitle = compliance_report_subtitle(pArena, pPlan, pInfo);
  pTable->zPreamble = arena_printf(pArena, "Situación al %s.",
                                   date_display(pArena, pResult->zAsOf));
}

static const char *meta_text(Arena *pArena, const PlanLine *pLine) {
  return arena_printf(pArena, "%s\nPlazo: %s al %s",
                      plan_target_describe(pArena, &pLine->target),
                      date_display(pArena, pLine->window.zStart),
                      date_display(pArena, pLine->window.zEnd));
}

static const char *missing_text(Arena *pArena, const ComplianceLine *pL) {
  if (pL->nMissing == 0) return NOTHING_MISSING;
  return arena_join(pArena, pL->azMissing, pL->nMissing, "\n");
}

void compliance_report_summary(Arena *pArena, const PlanDoc *pPlan,
                               const ComplianceResult *pResult,
                               const ComplianceReportInfo *pInfo,
                               ExportTable *pTable) {
  const char **az =
      export_table_start(pArena, pTable, SUMMARY_COLUMNS, azSummaryHeader,
                         aSummaryWidth, pResult->nLine);
  pTable->zTitle = COMPLIANCE_REPORT_TITLE;
  pTable->zSubtitle = compliance_report_subtitle(pArena, pPlan, pInfo);
  pTable->zPreamble = summary_preamble(pArena, pPlan, pResult, pInfo);
  for (int i = 0; i < pResult->nLine; i++) {
    const ComplianceLine *pL = &pResult->aLine[i];
    const char **azRow = &az[i * SUMMARY_COLUMNS];
    azRow[0] = arena_printf(pArena, "%d", pL->iNumber);
    azRow[1] = actions_short(pArena, pL->pLine->zActions);
    azRow[2] = meta_text(pArena, pL->pLine);
    azRow[3] = arena_printf(pArena, "%d de %d", pL->nQualifying, pL->nTarget);
    azRow[4] = arena_printf(pArena, "%d de %d", pL->nCounted, pL->nTarget);
    azRow[5] =
        arena_printf(pArena, "%s\n%s", compliance_line_state_label(pResult, pL),
                     compliance_report_percent(pArena, pL->iPercent));
    azRow[6] = missing_text(pArena, pL);
  }
}

static void objective_row(Arena *pArena, const ComplianceRollup *pR,
                          const char *zName, const char **azRow) {
  azRow[0] = zName;
  azRow[1] = arena_printf(pArena, "%d", pR->nLine);
  azRow[2] = arena_printf(pArena, "%d", pR->anState[COMPLIANCE_CUMPLIDA]);
  azRow[3] = arena_printf(pArena, "%d", pR->anState[COMPLIANCE_EN_CURSO]);
  azRow[4] = arena_printf(pArena, "%d", pR->anState[COMPLIANCE_EN_RIESGO]);
  azRow[5] = arena_printf(pArena, "%d", pR->anState[COMPLIANCE_ATRASADA]);
  azRow[6] = arena_printf(pArena, "%d", pR->anState[COMPLIANCE_SIN_INICIAR]);
  azRow[7] = arena_printf(pArena, "%d de %d", pR->nVerified, pR->nTarget);
  azRow[8] = compliance_report_percent(pArena, pR->iPercent);
}

void compliance_report_objectives(Arena *pArena, const PlanDoc *pPlan,
                                  const ComplianceResult *pResult,
                                  const ComplianceReportInfo *pInfo,
                                  ExportTable *pTable) {
  /* A row per objective, then the whole plan. */
  const char **az =
      export_table_start(pArena, pTable, OBJECTIVE_COLUMNS, azObjectiveHeader,
                         aObjectiveWidth, pResult->nObjective + 1);
  detail_headings(pArena, pTable, "Cumplimiento por objetivo general", pPlan,
                  pResult, pInfo);
  for (int i = 0; i < pResult->nObjective; i++) {
    const ComplianceRollup *pR = &pResult->aObjective[i];
    const char *zName =
        pR->iObjective > 0
            ? arena_printf(pArena, "%d.- %s", pR->iObjective, pR->zText)
            : pR->zText;
    objective_row(pArena, pR, zName, &az[i * OBJECTIVE_COLUMNS]);
  }
  objective_row(pArena, &pResult->total, "Todo el plan",
                &az[pResult->nObjective * OBJECTIVE_COLUMNS]);
}

const char *compliance_report_missing_kinds(Arena *pArena,
                                            const ComplianceLink *pLink) {
  if (pLink->eReason != COMPLIANCE_COUNTS || pLink->nMissingKind == 0)
    return NO_MISSING_KIND;
  Buf b;
  buf_init(&b, pArena);
  for (int i = 0; i < pLink->nMissingKind; i++) {
    if (i) buf_puts(&b, ", ");
    buf_puts(&b, compliance_report_evidence_label(pLink->azMissingKind[i]));
  }
  return buf_str(&b);
}

void compliance_report_activities(Arena *pArena, const PlanDoc *pPlan,
                                  const ComplianceResult *pResult,
                                  const ComplianceReportInfo *pInfo,
                                  ExportTable *pTable) {
  const char **az =
      export_table_start(pArena, pTable, ACTIVITY_COLUMNS, azActivityHeader,
                         aActivityWidth, compliance_report_link_count(pResult));
  detail_headings(pArena, pTable, "Actividades por línea del plan", pPlan,
                  pResult, pInfo);
  int iRow = 0;
  for (int i = 0; i < pResult->nLine; i++) {
    const ComplianceLine *pL = &pResult->aLine[i];
    for (int k = 0; k < pL->nLink; k++) {
      const ComplianceLink *pLink = &pL->aLink[k];
      const ComplianceActivity *pAct = pLink->pActivity;
      const char **azRow = &az[iRow++ * ACTIVITY_COLUMNS];
      azRow[0] = arena_printf(pArena, "%d", pL->iNumber);
      azRow[1] = date_display(pArena, pAct->zDate);
      azRow[2] = pAct->zTitle ? pAct->zTitle : "";
      azRow[3] = compliance_report_kind_label(pAct->zKind);
      azRow[4] = compliance_report_commune(pAct);
      azRow[5] = compliance_report_counts_text(pArena, pLink);
      azRow[6] = compliance_report_verified_text(pLink);
      azRow[7] = compliance_report_missing_kinds(pArena, pLink);
    }
  }
}

const ComplianceReportActivity *compliance_report_activity(
    const ComplianceReportInfo *pInfo, int64_t iId) {
  if (!pInfo) return NULL;
  for (int i = 0; i < pInfo->nActivity; i++) {
    if (pInfo->aActivity[i].iId == iId) return &pInfo->aActivity[i];
  }
  return NULL;
}

const char *compliance_report_kind_label(const char *zKind) {
  const char *z =
      slug_label(plan_activity_kinds, plan_activity_kinds_count, zKind);
  return z ? z : (zKind ? zKind : "");
}

const char *compliance_report_evidence_label(const char *zKind) {
  const char *z =
      slug_label(plan_evidence_kinds, plan_evidence_kinds_count, zKind);
  return z ? z : (zKind ? zKind : "");
}

const char *compliance_report_commune(const ComplianceActivity *pAct) {
  if (pAct->zCommuneName && pAct->zCommuneName[0]) return pAct->zCommuneName;
  return pAct->zCommune && pAct->zCommune[0] ? pAct->zCommune : "Sin comuna";
}

const char *compliance_report_counts_text(Arena *pArena,
                                          const ComplianceLink *pLink) {
  if (pLink->eReason == COMPLIANCE_COUNTS) return "Sí";
  return arena_printf(pArena, "No: %s", compliance_reason_text(pLink->eReason));
}

const char *compliance_report_verified_text(const ComplianceLink *pLink) {
  if (pLink->eReason != COMPLIANCE_COUNTS) return NO_MISSING_KIND;
  return pLink->bVerified ? "Sí" : "No";
}

ExportPdfOptions compliance_report_pdf_options(
    Arena *pArena, const ComplianceResult *pResult,
    const ComplianceReportInfo *pInfo) {
  ExportPdfOptions opt = {.bLandscape = 1};
  Buf b;
  buf_init(&b, pArena);
  buf_printf(&b, "%s · situación al %s", COMPLIANCE_REPORT_TITLE,
             date_display(pArena, pResult->zAsOf));
  if (pInfo && pInfo->iPlanVersion > 0)
    buf_printf(&b, " · plan versión %d", pInfo->iPlanVersion);
  opt.zFooter = buf_str(&b);
  return opt;
}

int compliance_report_link_count(const ComplianceResult *pResult) {
  int n = 0;
  for (int i = 0; i < pResult->nLine; i++) n += pResult->aLine[i].nLink;
  return n;
}
