/*
** The plan as the council reads it (public).
**
** GET /plan             — the latest approved version (the officer sees the
**                         latest, approved or not): title, period,
**                         introduction, general objectives and the table of
**                         lines, which becomes cards on a phone.
** GET /plan/lineas/N    — one line: its objective, actions, responsible
**                         parties, evidence, window and target.
*/
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/plan_catalog.h"
#include "pages/compliance/compliance_pages.h"
#include "pages/courses/courses_pages.h"
#include "pages/page_cache.h"
#include "pages/plan/plan_pages.h"
#include "render/table.h"

int plan_page_load(Request *r, int64_t iCouncil, int iNumber, PlanDoc *pDoc,
                   PlanVersionInfo *pInfo) {
  if (!iCouncil) return DB_DONE;
  return plan_store_load(request_db(r), request_arena(r), iCouncil, iNumber,
                         !page_user_is(r, ROLE_ADMIN), pDoc, pInfo);
}

void plan_page_context(Request *r, int64_t iCouncil, PlanContext *pCtx) {
  if (plan_store_context(request_db(r), request_arena(r), iCouncil, pCtx) !=
      DB_OK)
    memset(pCtx, 0, sizeof(*pCtx));
}

int plan_page_kinds(Request *r, const PlanContext *pCtx, PlanKind **paKind) {
  PlanKind *a = arena_alloc(
      request_arena(r),
      sizeof(PlanKind) * (size_t)(plan_evidence_kinds_count + pCtx->nKind + 1));
  int n = 0;
  for (int i = 0; i < plan_evidence_kinds_count; i++)
    a[n++] = plan_evidence_kinds[i];
  for (int i = 0; i < pCtx->nKind; i++) {
    if (pCtx->aKind[i].zMergedInto) continue;
    a[n].zSlug = pCtx->aKind[i].zSlug;
    a[n].zLabel = pCtx->aKind[i].zLabel;
    n++;
  }
  *paKind = a;
  return n;
}

void plan_page_flag(Html *h, const char *zReason) {
  if (!zReason || !*zReason) return;
  html_printf(h,
              " <span class=\"badge badge-warn flag\">Por revisar</span> "
              "<small class=\"flag-reason\">%s</small>",
              zReason);
}

const char *plan_page_date(Arena *pArena, const char *zIso) {
  if (!zIso || strlen(zIso) != 10) return zIso ? zIso : "";
  return arena_printf(pArena, "%.2s-%.2s-%.4s", zIso + 8, zIso + 5, zIso);
}

const char *plan_page_time(Arena *pArena, int64_t t) {
  time_t tt = (time_t)t;
  struct tm tm;
  localtime_r(&tt, &tm);
  char z[32];
  strftime(z, sizeof(z), "%d-%m-%Y %H:%M", &tm);
  return arena_strdup(pArena, z);
}

void plan_page_text(Html *h, const char *zText) {
  int bList = 0;
  const char *z = zText ? zText : "";
  while (*z) {
    const char *zEnd = strchr(z, '\n');
    size_t n = zEnd ? (size_t)(zEnd - z) : strlen(z);
    int bItem = n >= 2 && z[0] == '-' && z[1] == ' ';
    if (bItem && !bList) html_printf(h, "<ul>");
    if (!bItem && bList) html_printf(h, "</ul>");
    bList = bItem;
    if (bItem)
      html_printf(h, "<li>%.*s</li>", (int)(n - 2), z + 2);
    else
      html_printf(h, "<p>%.*s</p>", (int)n, z);
    z += n;
    if (*z == '\n') z++;
  }
  if (bList) html_printf(h, "</ul>");
}

void plan_page_status(Html *h, const PlanVersionInfo *pInfo) {
  if (pInfo->bApproved) {
    html_printf(h,
                "<span class=\"badge badge-ok\">Versión %d · aprobada</span>",
                pInfo->iNumber);
  } else {
    html_printf(h,
                "<span class=\"badge badge-warn\">Versión %d · borrador "
                "(no publicada)</span>",
                pInfo->iNumber);
  }
}

/* A cell of the plan's table holding one of the line's texts. */
static void plan_text_cell(HtmlTable *t, const char *zText) {
  table_cell_open(t);
  plan_page_text(t->h, zText);
  table_cell_close(t);
}

/* The window cell: the phrase as written, the dates under it. */
static void window_cell(Html *h, Arena *pArena, const PlanLine *pL) {
  html_printf(h,
              "%s<br><small><span class=\"nowrap\">%s</span> al "
              "<span class=\"nowrap\">%s</span></small>",
              pL->zWindowPhrase, plan_page_date(pArena, pL->window.zStart),
              plan_page_date(pArena, pL->window.zEnd));
  if (pL->window.bFlagged) {
    html_printf(h,
                " <span class=\"badge badge-warn\">Fecha por revisar</span>");
  }
}

static void evidence_list(Html *h, const PlanLine *pL, int bReasons) {
  html_printf(h, "<ul class=\"plain-list\">");
  for (int i = 0; i < pL->nEvidence; i++) {
    const PlanEvidence *e = &pL->aEvidence[i];
    html_printf(h, "<li>%s", e->zLabel);
    if (e->bFlagged && bReasons) plan_page_flag(h, e->zReason);
    html_printf(h, "</li>");
  }
  html_printf(h, "</ul>");
}

static void admin_actions(Html *h, const PlanVersionInfo *pInfo) {
  html_printf(
      h,
      "<div class=\"actions\">"
      "<a class=\"button\" href=\"/admin/plan\">Editar plan</a>"
      "<a class=\"button\" href=\"/admin/plan/objetivos\">Editar objetivos</a>"
      "<a class=\"button\" href=\"/admin/plan/importar\">Importar documento</a>"
      "<a class=\"button\" href=\"/admin/plan/revision\">Revisar lo "
      "entendido</a>"
      "<a class=\"button\" href=\"/admin/plan/verificadores\">Verificadores "
      "del consejo</a>"
      "<a class=\"button\" href=\"/admin/plan/siguiente\">Plan siguiente</a>"
      "<a class=\"button\" href=\"/plan/historial\">Historial</a>");
  if (!pInfo->bApproved) {
    html_printf(h,
                "<form method=\"post\" action=\"/admin/plan/aprobar\" "
                "class=\"inline-form\">");
    page_cache_csrf_field(h); /* The body is cached: page_plan stitches */
    html_printf(h,
                "<input type=\"hidden\" name=\"version\" value=\"%d\">"
                "<button type=\"submit\" class=\"button button-primary\">"
                "Aprobar versión %d</button></form>",
                pInfo->iNumber, pInfo->iNumber);
  }
  html_printf(h, "</div>\n");
}

/* The page below the shell: everything but the admin's actions is the same
** for every viewer of a role. DB_ERROR (nothing written), else DB_OK. */
static int plan_body(Request *r, Html *pH) {
  Arena *pArena = request_arena(r);
  PlanDoc doc;
  PlanVersionInfo info;
  int64_t iCouncil = page_council_id(r);
  int rc = plan_page_load(r, iCouncil, 0, &doc, &info);
  if (rc == DB_ERROR) return DB_ERROR;
  if (rc == DB_DONE) {
    html_printf(pH,
                "<h1>Plan anual</h1>\n<div class=\"notice notice-info\">"
                "Aún no hay un plan anual aprobado para mostrar.</div>\n");
    if (page_user_is(r, ROLE_ADMIN)) {
      html_printf(pH,
                  "<p><a class=\"button button-primary\" "
                  "href=\"/admin/plan/importar\">Importar el plan</a></p>\n");
    }
    return DB_OK;
  }
  html_printf(pH, "<h1>%s</h1>\n<p>", doc.zTitle);
  plan_page_status(pH, &info);
  html_printf(pH, " Periodo: %s al %s.",
              plan_page_date(pArena, doc.zPeriodStart),
              plan_page_date(pArena, doc.zPeriodEnd));
  if (info.bApproved && info.tApproved) {
    html_printf(pH, " Aprobado el %s.", plan_page_time(pArena, info.tApproved));
  }
  html_printf(pH, "</p>\n");
  /* Which plan this is on today's calendar: current, ended (with its final
  ** result and the next plan) or yet to begin. */
  ComplianceView v;
  const char *zErr = NULL;
  if (info.bApproved &&
      compliance_page_view_version(r, NULL, info.iNumber, &v, &zErr) == 0) {
    compliance_plan_banner(r, pH, &v);
  }
  if (page_user_is(r, ROLE_ADMIN)) {
    admin_actions(pH, &info);
    int nFlagged = 0, nLines = 0;
    for (int i = 0; i < doc.nLine; i++) {
      nFlagged += doc.aLine[i].window.bFlagged;
      nLines += plan_line_flags(&doc.aLine[i]) > 0;
    }
    if (nFlagged) {
      html_printf(pH,
                  "<div class=\"notice notice-warn\">%d línea%s tiene%s "
                  "una fecha que no se entendió y quedó con todo el periodo "
                  "del plan: corríjala%s en «Editar esta línea».</div>\n",
                  nFlagged, nFlagged == 1 ? "" : "s", nFlagged == 1 ? "" : "n",
                  nFlagged == 1 ? "" : "s");
    }
    if (nLines) {
      html_printf(pH,
                  "<div class=\"notice notice-warn\">%d línea%s con algo por "
                  "revisar (fechas, metas o verificadores): <a "
                  "href=\"/admin/plan/revision\">revise lo entendido</a> "
                  "antes de aprobar.</div>\n",
                  nLines, nLines == 1 ? "" : "s");
    }
  }
  if (doc.zIntro && *doc.zIntro) {
    html_printf(pH, "<div class=\"plan-intro\">");
    /* Paragraphs are separated by blank lines. */
    const char *z = doc.zIntro;
    while (*z) {
      const char *zEnd = strstr(z, "\n\n");
      size_t n = zEnd ? (size_t)(zEnd - z) : strlen(z);
      html_printf(pH, "<p>%.*s</p>", (int)n, z);
      z += n;
      while (*z == '\n') z++;
    }
    html_printf(pH, "</div>\n");
  }
  html_printf(pH,
              "<h2>Objetivos generales</h2>\n<ol class=\"plan-objectives\">");
  for (int i = 0; i < doc.nObjective; i++) {
    html_printf(pH, "<li value=\"%d\">%s</li>", doc.aObjective[i].iNumber,
                doc.aObjective[i].zText);
  }
  int bMeta = 0;
  for (int i = 0; i < doc.nLine; i++) bMeta |= *doc.aLine[i].zMeta != 0;
  html_printf(pH, "</ol>\n<h2>Líneas de trabajo</h2>\n");
  /* The goal column only when some line has one. */
  static const char *const azColumn[] = {
      "N°",          "Objetivo", "Acciones", "Responsables",
      "Verificador", "Fechas",   "Meta"};
  HtmlTable t;
  table_open(&t, pH, "table table-cards plan-table", NULL);
  table_caption(&t, "Acciones del plan, responsables, verificadores y fechas");
  table_head(&t, azColumn, bMeta ? 7 : 6);
  for (int i = 0; i < doc.nLine; i++) {
    const PlanLine *pL = &doc.aLine[i];
    table_row_open_with(&t, "id=\"linea-%d\"", pL->iNumber);
    table_cell_open(&t);
    html_printf(pH, "<a href=\"/plan/lineas/%d\">Línea %d</a>", pL->iNumber,
                pL->iNumber);
    if (*pL->zCarried)
      html_printf(pH,
                  " <span class=\"badge badge-warn\">Pendiente del plan "
                  "anterior</span>");
    table_cell_close(&t);
    plan_text_cell(&t, pL->zObjective);
    plan_text_cell(&t, pL->zActions);
    plan_text_cell(&t, pL->zResponsible);
    table_cell_open(&t);
    evidence_list(pH, pL, 0);
    table_cell_close(&t);
    table_cell_open(&t);
    window_cell(pH, pArena, pL);
    table_cell_close(&t);
    if (bMeta) plan_text_cell(&t, pL->zMeta);
    table_row_close(&t);
  }
  table_close(&t);
  html_printf(pH,
              "<p class=\"actions\">Descargar la tabla: "
              "<a class=\"button\" href=\"/plan.pdf\">PDF</a>"
              "<a class=\"button\" href=\"/plan.xlsx\">Excel (XLSX)</a>"
              "<a class=\"button\" href=\"/plan.csv\">CSV</a></p>\n");
  return DB_OK;
}

/* GET /plan. The body is cached per role with its links already under the
** request's /c/SLUG/ prefix (page_finish_linked); the officer's approve
** button gets the session's CSRF token per request (page_cache_stitch). */
void page_plan(Request *r) {
  /* Keyed by the day too: which plan is current, ended or not yet started
  ** (the banner) changes at midnight without any write. */
  char zToday[PLAN_DATE_SIZE];
  compliance_today(zToday);
  const char *zKey =
      page_cache_key(r, arena_printf(request_arena(r), "plan\x1f%s", zToday));
  int64_t iVersion = page_cache_version(r);
  Html body, h;
  html_init(&body, request_arena(r));
  if (!page_cache_get_html(r, zKey, iVersion, &body)) {
    Html raw;
    html_init(&raw, request_arena(r));
    if (!page_db_ok(r, plan_body(r, &raw))) return;
    html_append(&body, page_links(r, &raw));
    page_cache_put_html(zKey, iVersion, &body);
  }
  page_begin(r, &h, "Plan anual", "plan");
  page_finish_linked(r, &h, page_cache_stitch(r, &body));
}

void page_plan_line(Request *r) {
  Arena *pArena = request_arena(r);
  int64_t iNumber = request_param_id(r, 0);
  if (!iNumber || iNumber > 1000000) {
    respond_error(r, 404, NULL);
    return;
  }
  PlanDoc doc;
  PlanVersionInfo info;
  int64_t iCouncil = page_council_id(r);
  int rc = plan_page_load(r, iCouncil, 0, &doc, &info);
  if (rc == DB_ERROR) {
    respond_error(r, 500, NULL);
    return;
  }
  const PlanLine *pL = rc == DB_OK ? plan_doc_line(&doc, (int)iNumber) : NULL;
  if (!pL) {
    respond_error(r, 404, "El plan no tiene esa línea.");
    return;
  }
  Html h;
  const char *zTitle = arena_printf(pArena, "Línea %d del plan", pL->iNumber);
  page_begin(r, &h, zTitle, "plan");
  html_printf(&h,
              "<p><a href=\"/plan#linea-%d\">← %s</a></p>\n<h1>%s</h1>\n<p>",
              pL->iNumber, doc.zTitle, zTitle);
  plan_page_status(&h, &info);
  html_printf(&h, "</p>\n<dl class=\"facts plan-line\"><dt>Objetivo</dt><dd>");
  plan_page_text(&h, pL->zObjective);
  html_printf(&h, "</dd><dt>Acciones</dt><dd>");
  plan_page_text(&h, pL->zActions);
  html_printf(&h, "</dd><dt>Responsables</dt><dd>");
  plan_page_text(&h, pL->zResponsible);
  int bAdmin = page_user_is(r, ROLE_ADMIN);
  html_printf(&h, "</dd><dt>Verificadores</dt><dd>");
  evidence_list(&h, pL, bAdmin);
  html_printf(&h, "</dd><dt>Fechas</dt><dd>");
  window_cell(&h, pArena, pL);
  if (pL->window.bAsNeeded) {
    html_printf(&h,
                "<br><small>Durante todo el periodo, según se vayan "
                "agendando.</small>");
  }
  if (bAdmin && pL->window.bFlagged) plan_page_flag(&h, pL->window.zReason);
  if (*pL->zMeta) {
    html_printf(&h, "</dd><dt>Meta según el plan</dt><dd>");
    plan_page_text(&h, pL->zMeta);
  }
  html_printf(&h, "</dd><dt>Meta</dt><dd>%s",
              plan_target_describe(pArena, &pL->target));
  PlanContext ctx;
  plan_page_context(r, iCouncil, &ctx);
  PlanTarget suggested;
  plan_target_suggest(*pL->zActions ? pL->zActions : pL->zObjective, pL->zMeta,
                      &ctx, &pL->window, &suggested);
  html_printf(&h, " <small>(%s)</small>",
              plan_target_equal(&suggested, &pL->target)
                  ? (*pL->zMeta ? "sugerida a partir de la meta y las acciones"
                                : "sugerida a partir del texto de las acciones")
                  : "corregida por la encargada");
  if (pL->target.nProvince) {
    html_printf(&h,
                "<br><small>No se cumple hasta que cada provincia de la "
                "región tenga al menos una actividad verificada.</small>");
  }
  if (bAdmin && pL->target.bFlagged) plan_page_flag(&h, pL->target.zReason);
  html_printf(&h, "</dd>");
  if (*pL->zCarried) {
    html_printf(&h, "<dt>Pendiente del plan anterior</dt><dd>%s</dd>",
                pL->zCarried);
  }
  if (*pL->zNotes) {
    html_printf(&h, "<dt>Notas</dt><dd>");
    plan_page_text(&h, pL->zNotes);
    html_printf(&h, "</dd>");
  }
  html_printf(&h, "</dl>\n");
  courses_line_section(&h, r, pL->iNumber);
  if (bAdmin) {
    html_printf(&h,
                "<div class=\"actions\"><a class=\"button button-primary\" "
                "href=\"/admin/plan/lineas/%d\">Editar esta línea</a></div>\n",
                pL->iNumber);
  }
  compliance_line_section(r, &h, pL->iNumber,
                          info.bApproved ? info.iNumber : 0);
  page_finish(r, &h, 200);
}

void plan_page_home_card(Request *r, Html *h) {
  Arena *pArena = request_arena(r);
  PlanDoc doc;
  PlanVersionInfo info;
  int64_t iCouncil = page_council_id(r);
  if (plan_page_load(r, iCouncil, 0, &doc, &info) != DB_OK) return;
  html_printf(h,
              "<div class=\"cards\"><section class=\"card\"><h2>Plan anual"
              "</h2><p>%s: %d objetivos generales y %d líneas de trabajo, "
              "del %s al %s.</p><p><a class=\"button button-primary\" "
              "href=\"/plan\">Ver el plan</a></p></section></div>\n",
              doc.zTitle, doc.nObjective, doc.nLine,
              plan_page_date(pArena, doc.zPeriodStart),
              plan_page_date(pArena, doc.zPeriodEnd));
}
