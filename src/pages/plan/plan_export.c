/*
** The plan table as files (same visibility as /plan: the public get the
** latest approved version, the officer the latest).
**
** GET /plan.csv   — UTF-8 with BOM, one row per line (src/export/)
** GET /plan.xlsx  — one sheet: title, introduction and objectives, the table
** GET /plan.pdf   — A4 landscape: title, objectives, the table with its
**                   header repeated on every page
*/
#include <string.h>

#include "store/accounts/accounts.h"
#include "export/export.h"
#include "pages/plan/plan_pages.h"

#define PLAN_EXPORT_COLUMNS 7

static const char *const azHeader[PLAN_EXPORT_COLUMNS] = {
    "N°",          "Objetivo", "Acciones", "Responsables",
    "Verificador", "Fechas",   "Meta"};
static const double aWidth[PLAN_EXPORT_COLUMNS] = {0.04, 0.18, 0.22, 0.15,
                                                   0.11, 0.13, 0.17};

/* Fills *pTable from the plan the visitor may see; 0 after answering. */
static int plan_table(Request *r, ExportTable *pTable, PlanVersionInfo *pInfo) {
  Arena *pArena = request_arena(r);
  PlanDoc doc;
  int64_t iCouncil = page_council_id(r);
  int rc = plan_page_load(r, iCouncil, 0, &doc, pInfo);
  if (!page_found(r, rc, "Aún no hay un plan aprobado para descargar.")) {
    return 0;
  }
  const char *zName = page_council(r) ? page_council(r)->zName : NULL;
  memset(pTable, 0, sizeof(*pTable));
  pTable->zTitle = doc.zTitle;
  pTable->zSubtitle =
      arena_printf(pArena, "%s · Periodo %s al %s · Versión %d%s",
                   zName ? zName : "", plan_page_date(pArena, doc.zPeriodStart),
                   plan_page_date(pArena, doc.zPeriodEnd), pInfo->iNumber,
                   pInfo->bApproved ? " (aprobada)" : " (borrador)");
  Buf pre;
  buf_init(&pre, pArena);
  if (doc.zIntro && *doc.zIntro) buf_printf(&pre, "%s\n\n", doc.zIntro);
  buf_puts(&pre, "Objetivos generales");
  for (int i = 0; i < doc.nObjective; i++) {
    buf_printf(&pre, "\n\n%d.- %s", doc.aObjective[i].iNumber,
               doc.aObjective[i].zText);
  }
  pTable->zPreamble = buf_str(&pre);
  pTable->nCol = PLAN_EXPORT_COLUMNS;
  pTable->azHeader = azHeader;
  pTable->aWidth = aWidth;
  pTable->nRow = doc.nLine;
  const char **azCell = arena_alloc(
      pArena, sizeof(char *) * (size_t)(doc.nLine * PLAN_EXPORT_COLUMNS + 1));
  for (int i = 0; i < doc.nLine; i++) {
    const PlanLine *pL = &doc.aLine[i];
    const char **az = &azCell[i * PLAN_EXPORT_COLUMNS];
    Buf ev;
    buf_init(&ev, pArena);
    for (int k = 0; k < pL->nEvidence; k++) {
      if (k) buf_putc(&ev, '\n');
      buf_puts(&ev, pL->aEvidence[k].zLabel);
    }
    az[0] = arena_printf(pArena, "%d", pL->iNumber);
    az[1] = pL->zObjective;
    az[2] = pL->zActions;
    az[3] = pL->zResponsible;
    az[4] = buf_str(&ev);
    az[5] = arena_printf(pArena, "%s\n%s al %s%s", pL->zWindowPhrase,
                         plan_page_date(pArena, pL->window.zStart),
                         plan_page_date(pArena, pL->window.zEnd),
                         pL->window.bFlagged ? "\n(fecha por revisar)" : "");
    az[6] = plan_target_describe(pArena, &pL->target);
  }
  pTable->azCell = azCell;
  return 1;
}

/* The files the plan downloads as. */
typedef enum PlanFormat { PLAN_CSV, PLAN_XLSX, PLAN_PDF } PlanFormat;

/* The plan's table as a file of eFormat, "plan-anual-vN.EXT", never kept
** by the browser's cache (the plan changes under the same name). An
** exporter's failure is a 500 that names its reason. */
static void plan_download(Request *r, PlanFormat eFormat) {
  ExportTable t;
  PlanVersionInfo info;
  if (!plan_table(r, &t, &info)) return;
  Arena *pArena = request_arena(r);
  const char *p = NULL;
  size_t n = 0;
  char zErr[256] = "";
  int rc = EXPORT_OK;
  const char *zType, *zExt;
  if (eFormat == PLAN_CSV) {
    zType = EXPORT_CSV_TYPE;
    zExt = "csv";
    export_csv(pArena, &t, &p, &n);
  } else if (eFormat == PLAN_XLSX) {
    zType = EXPORT_XLSX_TYPE;
    zExt = "xlsx";
    rc = export_xlsx(pArena, &t, &p, &n, zErr, sizeof(zErr));
  } else {
    ExportPdfOptions opt;
    memset(&opt, 0, sizeof(opt));
    opt.bLandscape = 1;
    opt.zFooter = t.zSubtitle;
    zType = EXPORT_PDF_TYPE;
    zExt = "pdf";
    rc = export_pdf(pArena, &t, &opt, &p, &n, zErr, sizeof(zErr));
  }
  if (rc != EXPORT_OK) {
    respond_error(r, 500, zErr);
    return;
  }
  response_header(r, "Cache-Control", "no-store");
  page_send_file(
      r, zType,
      arena_printf(pArena, "attachment; filename=\"plan-anual-v%d.%s\"",
                   info.iNumber, zExt),
      p, n);
}

void page_plan_csv(Request *r) { plan_download(r, PLAN_CSV); }

void page_plan_xlsx(Request *r) { plan_download(r, PLAN_XLSX); }

void page_plan_pdf(Request *r) { plan_download(r, PLAN_PDF); }
