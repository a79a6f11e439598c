/*
** The plan's history (signed-in users).
**
** GET /plan/historial[?desde=N&hasta=M] — every version with its author,
**     time, reason and state (the officer can approve a draft from here),
**     and the field-by-field differences between versions N and M (by
**     default the latest and the one before it).
*/
#include <stdlib.h>
#include <string.h>

#include "pages/plan/plan_pages.h"
#include "render/table.h"

/* A version number from the query, 0 when absent or not a number. */
static int query_version(Request *r, const char *zName) {
  int64_t v = request_query_id(r, zName);
  return v < 1000000 ? (int)v : 0;
}

static void version_select(Html *h, const char *zName, const char *zLabel,
                           const PlanVersionInfo *aInfo, int nInfo,
                           int iSelected) {
  html_printf(
      h,
      "<div class=\"field\"><label for=\"%s\">%s</label><select id=\"%s\" "
      "name=\"%s\">",
      zName, zLabel, zName, zName);
  for (int i = 0; i < nInfo; i++) {
    html_printf(
        h, "<option value=\"%d\"%s>Versión %d</option>", aInfo[i].iNumber,
        aInfo[i].iNumber == iSelected ? " selected" : "", aInfo[i].iNumber);
  }
  html_printf(h, "</select></div>");
}

/* More changes than this are folded on a page whose subject is something
** else (the review of an import that replaced the whole plan lists every
** field of every line). */
#define PLAN_DIFF_OPEN_MAX 12

void plan_page_diff(Request *r, Html *h, int64_t iCouncil, int iFrom, int iTo,
                    int bFold) {
  Arena *pArena = request_arena(r);
  PlanDoc a, b;
  if (plan_store_load(request_db(r), pArena, iCouncil, iFrom, 0, &a, NULL) !=
          DB_OK ||
      plan_store_load(request_db(r), pArena, iCouncil, iTo, 0, &b, NULL) !=
          DB_OK) {
    html_printf(h,
                "<div class=\"notice notice-error\">No existe una de las "
                "versiones pedidas.</div>\n");
    return;
  }
  PlanChange *aChange = NULL;
  int n = plan_diff(pArena, &a, &b, &aChange);
  bFold = bFold && n > PLAN_DIFF_OPEN_MAX;
  if (bFold) html_printf(h, "<details class=\"plan-diff-fold\"><summary>");
  html_printf(h, "<h2 id=\"cambios\">Cambios de la versión %d a la %d", iFrom,
              iTo);
  if (bFold) html_printf(h, " (%d cambios)</h2></summary>\n", n);
  if (!bFold) html_printf(h, "</h2>\n");
  if (n == 0) {
    html_printf(h, "<p>Las dos versiones tienen el mismo contenido.</p>\n");
    return;
  }
  const char *const azColumn[] = {"Dónde", "Campo",
                                  arena_printf(pArena, "Versión %d", iFrom),
                                  arena_printf(pArena, "Versión %d", iTo)};
  HtmlTable t;
  table_open(&t, h, "table table-cards plan-diff", NULL);
  table_caption_count(&t, n, "cambio", "cambios");
  table_head(&t, azColumn, 4);
  for (int i = 0; i < n; i++) {
    table_row_open(&t);
    table_cell(&t, "%s", aChange[i].zWhere);
    table_cell(&t, "%s", aChange[i].zField);
    table_cell(&t, "<del>%s</del>", aChange[i].zOld);
    table_cell(&t, "<ins>%s</ins>", aChange[i].zNew);
    table_row_close(&t);
  }
  table_close(&t);
  if (bFold) html_printf(h, "</details>\n");
}

void page_plan_history(Request *r) {
  Arena *pArena = request_arena(r);
  int64_t iCouncil = page_council_id(r);
  PlanVersionInfo *aInfo = NULL;
  int nInfo = 0;
  if (!page_db_ok(
          r, iCouncil && plan_store_versions(request_db(r), pArena, iCouncil,
                                             &aInfo, &nInfo))) {
    return;
  }
  int bAdmin = page_user_is(r, ROLE_ADMIN);
  Html h;
  page_begin(r, &h, "Historial del plan", "plan");
  html_printf(&h,
              "<p><a href=\"/plan\">← Plan anual</a></p>\n<h1>Historial del "
              "plan</h1>\n");
  if (nInfo == 0) {
    html_printf(&h, "<p>El plan aún no tiene versiones.</p>\n");
    page_finish(r, &h, 200);
    return;
  }
  static const char *const azColumn[] = {"Versión", "Fecha",  "Autor",
                                         "Origen",  "Motivo", "Estado"};
  HtmlTable t;
  table_open(&t, &h, "table table-cards plan-versions", NULL);
  table_caption(&t, "Versiones, de la más reciente a la primera");
  table_head(&t, azColumn, 6);
  for (int i = 0; i < nInfo; i++) {
    const PlanVersionInfo *p = &aInfo[i];
    table_row_open_with(&t, "id=\"version-%d\"", p->iNumber);
    table_cell(&t, "%d", p->iNumber);
    table_cell(&t, "%s", plan_page_time(pArena, p->tCreated));
    table_cell(&t, "%s", p->zAuthor);
    table_cell(
        &t, "%s",
        strcmp(p->zSource, "importacion") == 0 ? "Importación" : "Edición");
    table_cell(&t, "%s", p->zReason);
    table_cell_open(&t);
    if (p->bApproved) {
      html_printf(&h,
                  "<span class=\"badge badge-ok\">Aprobada</span> el %s%s%s",
                  plan_page_time(pArena, p->tApproved),
                  *p->zApprovedBy ? " por " : "", p->zApprovedBy);
    } else {
      html_printf(&h, "<span class=\"badge badge-warn\">Borrador</span>");
      if (bAdmin) {
        html_printf(&h,
                    " <form method=\"post\" action=\"/admin/plan/aprobar\" "
                    "class=\"inline-form\">");
        form_csrf(&h, request_csrf_token(r));
        html_printf(
            &h,
            "<input type=\"hidden\" name=\"version\" value=\"%d\">"
            "<button type=\"submit\" class=\"button\">Aprobar</button></form>",
            p->iNumber);
      }
    }
    table_cell_close(&t);
    table_row_close(&t);
  }
  table_close(&t);
  if (nInfo >= 2) {
    int iFrom = query_version(r, "desde");
    int iTo = query_version(r, "hasta");
    if (!iFrom || !iTo) {
      iTo = aInfo[0].iNumber;
      iFrom = aInfo[1].iNumber;
    }
    html_printf(&h,
                "<form class=\"form compare-form\" method=\"get\" "
                "action=\"/plan/historial\"><h2>Comparar versiones</h2>");
    version_select(&h, "desde", "Desde la versión", aInfo, nInfo, iFrom);
    version_select(&h, "hasta", "Hasta la versión", aInfo, nInfo, iTo);
    html_printf(
        &h,
        "<div class=\"actions\"><button type=\"submit\" class=\"button\">"
        "Comparar</button></div></form>\n");
    plan_page_diff(r, &h, iCouncil, iFrom, iTo, 0);
  }
  page_finish(r, &h, 200);
}
