/*
** Councils: the national view, the choice of council, the councils'
** edit pages (issue «Many councils»).
**
** GET  /consejos           every council: its plan period, progress and
**                          lines per compliance state, linked to /c/SLUG/;
**                          for the national team also councils × lines
**                          (?orden=consejo|linea|estado)
** GET  /consejos.xlsx      that table, one row per council and line
** GET  /api/councils       [{"id", "slug", "name", "short_name", "region"}]
** GET|POST /consejo        a person in several councils picks one (council)
** GET  /admin/consejos     the councils (national team)
** GET|POST /admin/consejos/nuevo, /admin/consejos/ID   the record page
**
** Every number comes from the compliance view (compliance_view_load), as
** each council's dashboard and `cosoc compliance-summary` do.
**
** The national view computes every council's compliance, so its body is
** kept in the render cache (page_cache.h) under a pseudo-council of its
** own, NATIONAL_CACHE_COUNCIL, at the national data version (any write to
** any council's data, or to the councils, makes it new), keyed by today
** (states are computed as of today), the order and the viewer's role.
*/
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "domain/compliance.h"
#include "export/export.h"
#include "pages/page_cache.h"
#include "pages/record_page.h"
#include "store/compliance/compliance_view.h"
#include "store/council/council.h"
#include "store/people/people.h"

/* One council as the national view shows it. */
typedef struct CouncilRow {
  const Council *pCouncil;
  int bPlan;        /* An approved plan */
  ComplianceView v; /* Valid when bPlan */
} CouncilRow;

static int council_rows(Request *r, CouncilRow **paRow, int *pnRow) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  Council *aCouncil = NULL;
  int nCouncil = 0;
  if (council_list(pDb, pArena, &aCouncil, &nCouncil) != DB_OK) return DB_ERROR;
  CouncilRow *aRow =
      arena_alloc(pArena, sizeof(*aRow) * (size_t)(nCouncil + 1));
  for (int i = 0; i < nCouncil; i++) {
    const char *zErr = NULL;
    aRow[i].pCouncil = &aCouncil[i];
    /* The plan of today, as the council's dashboard shows it */
    int rc = compliance_view_load(pDb, pArena, aCouncil[i].id, NULL, 0,
                                  &aRow[i].v, &zErr);
    if (rc == COMPLIANCE_VIEW_ERROR) return DB_ERROR;
    aRow[i].bPlan = rc == COMPLIANCE_VIEW_OK;
  }
  *paRow = aRow;
  *pnRow = nCouncil;
  return DB_OK;
}

void page_api_councils(Request *r) {
  Council *a = NULL;
  int n = 0;
  if (!page_db_ok(r, council_list(request_db(r), request_arena(r), &a, &n))) {
    return;
  }
  json_t *pArr = json_array();
  for (int i = 0; i < n; i++) {
    json_array_append_new(
        pArr, json_pack("{s:I, s:s, s:s, s:s, s:s}", "id", (json_int_t)a[i].id,
                        "slug", a[i].zSlug, "name", a[i].zName, "short_name",
                        a[i].zShortName, "region", a[i].zRegion));
  }
  respond_json(r, 200, pArr);
}

/* Sorting the national table. */
typedef struct LineCell {
  const CouncilRow *pRow;
  const ComplianceLine *pLine;
} LineCell;

static int by_council(const void *a, const void *b) {
  const LineCell *x = a, *y = b;
  int c = strcmp(x->pRow->pCouncil->zShortName, y->pRow->pCouncil->zShortName);
  return c ? c : x->pLine->iNumber - y->pLine->iNumber;
}

static int by_line(const void *a, const void *b) {
  const LineCell *x = a, *y = b;
  int c = x->pLine->iNumber - y->pLine->iNumber;
  return c ? c : by_council(a, b);
}

static int by_state(const void *a, const void *b) {
  const LineCell *x = a, *y = b;
  int c = (int)x->pLine->eState - (int)y->pLine->eState;
  return c ? c : by_council(a, b);
}

/* Every council's lines, sorted by zOrder (consejo, linea, estado). */
static LineCell *line_cells(Arena *pArena, const CouncilRow *aRow, int nRow,
                            const char *zOrder, int *pnCell) {
  int n = 0;
  for (int i = 0; i < nRow; i++)
    n += aRow[i].bPlan ? aRow[i].v.result.nLine : 0;
  LineCell *a = arena_alloc(pArena, sizeof(*a) * (size_t)(n + 1));
  n = 0;
  for (int i = 0; i < nRow; i++) {
    for (int j = 0; aRow[i].bPlan && j < aRow[i].v.result.nLine; j++) {
      a[n].pRow = &aRow[i];
      a[n++].pLine = &aRow[i].v.result.aLine[j];
    }
  }
  int (*xCmp)(const void *, const void *) =
      zOrder && strcmp(zOrder, "linea") == 0    ? by_line
      : zOrder && strcmp(zOrder, "estado") == 0 ? by_state
                                                : by_council;
  if (n > 1) qsort(a, (size_t)n, sizeof(*a), xCmp);
  *pnCell = n;
  return a;
}

static void national_table(Html *h, Request *r, const CouncilRow *aRow,
                           int nRow) {
  int n = 0;
  const char *zOrder = request_query(r, "orden");
  LineCell *a = line_cells(request_arena(r), aRow, nRow, zOrder, &n);
  html_printf(h,
              "<h2>Líneas de todos los consejos</h2>\n<p><a class=\"button\" "
              "href=\"/consejos.xlsx\">Descargar Excel (una fila por consejo "
              "y línea)</a></p>\n<div class=\"table-wrap\"><table class=\""
              "table\" id=\"consejos-lineas\"><thead><tr>"
              "<th><a href=\"/consejos?orden=consejo\">Consejo</a></th>"
              "<th><a href=\"/consejos?orden=linea\">Línea</a></th>"
              "<th>Meta</th><th>Realizadas</th><th>Verificadas</th>"
              "<th><a href=\"/consejos?orden=estado\">Estado</a></th>"
              "</tr></thead><tbody>\n");
  for (int i = 0; i < n; i++) {
    const ComplianceLine *l = a[i].pLine;
    html_printf(h,
                "<tr><td data-label=\"Consejo\"><a href=\"/c/%s/\">%s</a></td>"
                "<td data-label=\"Línea\">%d</td><td data-label=\"Meta\">%d"
                "</td><td data-label=\"Realizadas\">%d</td><td data-label=\""
                "Verificadas\">%d</td><td data-label=\"Estado\"><span class=\""
                "state state-%s\" data-state=\"%s\">%s</span></td></tr>\n",
                a[i].pRow->pCouncil->zSlug, a[i].pRow->pCouncil->zShortName,
                l->iNumber, l->nTarget, l->nQualifying, l->nVerified,
                compliance_state_slug(l->eState),
                compliance_state_slug(l->eState),
                compliance_state_label(l->eState));
  }
  html_printf(h, "</tbody></table></div>\n");
}

/* The render-cache group of the national pages: no council has this id,
** so a council's new version never drops them, nor theirs a council's. */
#define NATIONAL_CACHE_COUNCIL (-1)

/* The national view's body (everything between the navigation and the
** footer) into h: DB_OK or DB_ERROR. */
static int councils_body(Request *r, Html *pH) {
  CouncilRow *aRow = NULL;
  int nRow = 0;
  if (council_rows(r, &aRow, &nRow) != DB_OK) return DB_ERROR;
  html_printf(pH,
              "<h1>Consejos de la sociedad civil</h1>\n<p>%d consejo%s en "
              "esta instalación. Cada uno con su plan, sus integrantes y su "
              "calendario.</p>\n<div class=\"table-wrap\"><table class=\""
              "table\" id=\"consejos\"><thead><tr><th>Consejo</th><th>Región"
              "</th><th>Plan</th><th>Avance</th>",
              nRow, nRow == 1 ? "" : "s");
  for (int s = 0; s < COMPLIANCE_STATE_COUNT; s++) {
    html_printf(pH, "<th>%s</th>", compliance_state_label((ComplianceState)s));
  }
  html_printf(pH, "</tr></thead><tbody>\n");
  for (int i = 0; i < nRow; i++) {
    const Council *c = aRow[i].pCouncil;
    html_printf(pH, "<tr data-council=\"%s\"><td data-label=\"Consejo\">",
                c->zSlug);
    /* A logo of this site only: the pages' policy loads no other images */
    if (c->zLogoUrl[0] == '/' && c->zLogoUrl[1] != '/') {
      html_printf(pH,
                  "<img class=\"council-logo\" src=\"%s\" alt=\"\" "
                  "width=\"32\" height=\"32\"> ",
                  c->zLogoUrl);
    }
    html_printf(pH,
                "<a href=\"/c/%s/\">%s</a></td><td data-label=\"Región\">%s"
                "</td>",
                c->zSlug, c->zShortName, c->zRegion);
    if (!aRow[i].bPlan) {
      html_printf(pH,
                  "<td data-label=\"Plan\" colspan=\"%d\">Sin plan "
                  "aprobado</td></tr>\n",
                  2 + COMPLIANCE_STATE_COUNT);
      continue;
    }
    const ComplianceRollup *t = &aRow[i].v.result.total;
    html_printf(pH,
                "<td data-label=\"Plan\">%s al %s</td><td data-label=\""
                "Avance\">%.0f%%</td>",
                page_date(request_arena(r), aRow[i].v.doc.zPeriodStart),
                page_date(request_arena(r), aRow[i].v.doc.zPeriodEnd),
                t->rProgress * 100);
    for (int s = 0; s < COMPLIANCE_STATE_COUNT; s++) {
      html_printf(pH, "<td data-label=\"%s\" data-state=\"%s\">%d</td>",
                  compliance_state_label((ComplianceState)s),
                  compliance_state_slug((ComplianceState)s), t->anState[s]);
    }
    html_printf(pH, "</tr>\n");
  }
  html_printf(pH, "</tbody></table></div>\n");
  if (page_may_manage_councils(r)) national_table(pH, r, aRow, nRow);
  return DB_OK;
}

/* GET /consejos */
void page_councils(Request *r) {
  char zToday[PLAN_DATE_SIZE];
  compliance_today(zToday);
  const char *zOrder = request_query(r, "orden");
  const User *pUser = request_user(r);
  /* The national team sees every council's lines: not what others see */
  const char *zKey = arena_printf(request_arena(r),
                                  "%d\x1f"
                                  "consejos\x1f%s\x1f%s\x1f%d\x1f%d",
                                  NATIONAL_CACHE_COUNCIL, zToday,
                                  zOrder && strlen(zOrder) <= 16 ? zOrder : "",
                                  pUser ? (int)pUser->mRole : ROLE_ANONYMOUS,
                                  page_may_manage_councils(r));
  int64_t iVersion = council_national_data_version(request_db(r));
  Html body, h;
  html_init(&body, request_arena(r));
  if (!page_cache_get_html(r, zKey, iVersion, &body)) {
    if (!page_db_ok(r, councils_body(r, &body))) return;
    page_cache_put_html(zKey, iVersion, &body);
  }
  page_begin(r, &h, "Consejos", "consejos");
  html_append(&h, &body);
  page_finish(r, &h, 200);
}

/* GET /consejos.xlsx (national team) */
void page_councils_xlsx(Request *r) {
  if (!page_may_manage_councils(r)) {
    respond_error(r, 403, NULL);
    return;
  }
  CouncilRow *aRow = NULL;
  int nRow = 0, n = 0;
  if (!page_db_ok(r, council_rows(r, &aRow, &nRow))) return;
  Arena *pArena = request_arena(r);
  LineCell *a = line_cells(pArena, aRow, nRow, "consejo", &n);
  static const char *const azHead[] = {"Consejo", "Región",     "Línea",
                                       "Meta",    "Realizadas", "Verificadas",
                                       "Estado",  "Al"};
  enum { NCOL = 8 };
  const char **az = arena_alloc(pArena, sizeof(*az) * (size_t)(n * NCOL + 1));
  for (int i = 0; i < n; i++) {
    const ComplianceLine *l = a[i].pLine;
    const char **c = az + i * NCOL;
    c[0] = a[i].pRow->pCouncil->zShortName;
    c[1] = a[i].pRow->pCouncil->zRegion;
    c[2] = arena_printf(pArena, "%d", l->iNumber);
    c[3] = arena_printf(pArena, "%d", l->nTarget);
    c[4] = arena_printf(pArena, "%d", l->nQualifying);
    c[5] = arena_printf(pArena, "%d", l->nVerified);
    /* As the page reads it («En riesgo»): a sheet is for people too. */
    c[6] = compliance_state_label(l->eState);
    c[7] = a[i].pRow->v.result.zAsOf;
  }
  static const ExportColType aeType[NCOL] = {
      EXPORT_COL_TEXT, EXPORT_COL_TEXT, EXPORT_COL_INT,  EXPORT_COL_INT,
      EXPORT_COL_INT,  EXPORT_COL_INT,  EXPORT_COL_TEXT, EXPORT_COL_DATE};
  ExportTable t = {"Consejos y líneas", NULL, NULL, NCOL, azHead, NULL, n, az};
  ExportSheet sheet = {&t, aeType};
  const char *pOut = NULL;
  size_t nOut = 0;
  char zErr[256];
  if (export_xlsx_book(pArena, &sheet, 1, &pOut, &nOut, zErr, sizeof(zErr)) !=
      EXPORT_OK) {
    respond_error(r, 500, zErr);
    return;
  }
  page_send_file(r, EXPORT_XLSX_TYPE,
                 "attachment; filename=\"consejos-lineas.xlsx\"", pOut, nOut);
}

/* GET|POST /consejo — the councils a person belongs to (every council for
** the national team); choosing one keeps it in the sign-in session. */
void page_council_choose(Request *r) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  const User *pUser = request_user(r);
  Council *a = NULL;
  int n = 0;
  int bAll = council_member_count(pDb, pUser->id) == 0;
  if (!page_db_ok(
          r, bAll ? council_list(pDb, pArena, &a, &n)
                  : council_member_councils(pDb, pArena, pUser->id, &a, &n))) {
    return;
  }
  if (request_is_post(r)) {
    int64_t iChoice = request_field_id(r, "council");
    for (int i = 0; i < n; i++) {
      if (a[i].id != iChoice) continue;
      if (!page_db_ok(
              r, council_session_choose(pDb, request_session_id(r), iChoice))) {
        return;
      }
      respond_redirect(r, page_council_link(r, &a[i], "/"));
      return;
    }
    respond_error(r, 403, "Usted no pertenece a ese consejo.");
    return;
  }
  int64_t iCurrent = council_session_choice(pDb, request_session_id(r));
  Html h;
  page_begin_titled(r, &h, "Elegir consejo", "consejo");
  html_printf(&h,
              "<p>Usted participa en %d "
              "consejos. Elija con cuál trabajar; puede cambiar cuando "
              "quiera desde su cuenta.</p>\n<ul class=\"council-choice\">\n",
              n);
  for (int i = 0; i < n; i++) {
    html_printf(&h,
                "<li><form method=\"post\" action=\"/consejo\">"
                "<input type=\"hidden\" name=\"council\" value=\"%lld\">",
                (long long)a[i].id);
    form_csrf(&h, request_csrf_token(r));
    html_printf(&h,
                "<button type=\"submit\" class=\"button%s\" name=\"elegir\" "
                "value=\"%s\">%s</button>%s</form></li>\n",
                a[i].id == iCurrent ? " button-primary" : "", a[i].zSlug,
                a[i].zShortName, a[i].id == iCurrent ? " (el actual)" : "");
  }
  html_printf(&h, "</ul>\n");
  page_finish(r, &h, 200);
}

/* ---- The councils' record page (record_page.h) ---- */

static void council_defaults(RecordEdit *e, void *pRec) {
  (void)e;
  Council *c = pRec;
  c->zName = c->zShortName = c->zInstitution = c->zRegion = "";
  c->zSeatCommune = c->zSlug = c->zLogoUrl = c->zTermStart = c->zTermEnd = "";
  c->nTermYears = COUNCIL_TERM_YEARS_DEFAULT;
}

static int council_load(RecordEdit *e, void *pRec) {
  if (!page_may_manage_councils(e->r)) return DB_DONE;
  return council_get(e->pDb, e->pArena, e->iId, pRec);
}

static const char *field(Request *r, const char *zName) {
  const char *z = request_field(r, zName);
  return z ? z : "";
}

static void council_read(RecordEdit *e, Council *c) {
  c->id = e->iId;
  c->zName = field(e->r, "nombre");
  c->zShortName = field(e->r, "nombre_corto");
  c->zInstitution = field(e->r, "institucion");
  c->zRegion = field(e->r, "region");
  c->zSeatCommune = field(e->r, "sede");
  c->zSlug = field(e->r, "slug");
  c->zLogoUrl = field(e->r, "logo");
  c->zTermStart = field(e->r, "periodo_inicio");
  c->zTermEnd = field(e->r, "periodo_fin");
  c->nTermYears = atoi(field(e->r, "anios"));
}

static void council_check_page(RecordEdit *e, void *pChecked,
                               FormErrors *pErr) {
  Council *c = pChecked;
  if (!page_may_manage_councils(e->r)) {
    form_error(pErr, NULL, "Solo el equipo nacional crea y edita consejos.");
  }
  council_read(e, c);
  council_check(e->pDb, e->pArena, c, pErr);
}

static int council_save_page(RecordEdit *e, const void *pStored,
                             void *pChecked) {
  (void)pStored;
  Council *c = pChecked;
  const User *pUser = request_user(e->r);
  if (!c->id) {
    if (council_create(e->pDb, c, &c->id) != DB_OK) return DB_ERROR;
  }
  if (!c->zSlug[0]) {
    Council stored;
    if (council_get(e->pDb, e->pArena, c->id, &stored) != DB_OK)
      return DB_ERROR;
    c->zSlug = stored.zSlug;
  }
  return council_update(e->pDb, pUser ? pUser->id : 0, c);
}

static const char *council_title(RecordEdit *e, const void *pRec) {
  (void)e;
  return ((const Council *)pRec)->zShortName;
}

static void council_facts(Html *h, RecordEdit *e, const void *pRec) {
  (void)e;
  const Council *c = pRec;
  html_printf(h,
              "<p>Sus páginas: <a href=\"/c/%s/\">/c/%s/</a>. Su plan, "
              "verificadores, quórum y ajustes se editan en sus propias "
              "páginas: <a href=\"/c/%s/admin/plan\">plan</a>, <a href=\"/c/"
              "%s/admin/plan/verificadores\">verificadores</a>, <a href=\"/c/"
              "%s/admin/quorum\">quórum</a>, <a href=\"/c/%s/admin/"
              "verificadores\">límites de archivos</a>.</p>\n<h2>Editar</h2>\n",
              c->zSlug, c->zSlug, c->zSlug, c->zSlug, c->zSlug, c->zSlug);
}

static void council_fields(Html *h, RecordEdit *e, const void *pRec,
                           const FormErrors *pErr) {
  const Council *c = pRec;
  form_input(h, pErr, "nombre", "Nombre", "text", c->zName, NULL, "required");
  form_input(h, pErr, "nombre_corto", "Nombre corto", "text", c->zShortName,
             NULL, "required");
  form_input(h, pErr, "institucion", "Institución", "text", c->zInstitution,
             NULL, "");
  form_input(h, pErr, "region", "Región (código CUT)", "text", c->zRegion,
             "Dos dígitos: el código CUT de la región.",
             "inputmode=\"numeric\"");
  form_input(h, pErr, "sede", "Comuna sede (código CUT)", "text",
             c->zSeatCommune,
             "La comuna que las reglas «fuera de la capital» del plan "
             "nombran.",
             "inputmode=\"numeric\"");
  form_input(h, pErr, "slug", "Nombre en la dirección", "text", c->zSlug,
             e->iId ? NULL : "Vacío: se forma del nombre corto.", "");
  form_input(h, pErr, "logo", "Logo (dirección de la imagen)", "text",
             c->zLogoUrl, NULL, "");
  form_input(h, pErr, "periodo_inicio", "Período del consejo: desde", "date",
             c->zTermStart, NULL, "");
  form_input(h, pErr, "periodo_fin", "Período del consejo: hasta", "date",
             c->zTermEnd, NULL, "");
  form_input(h, pErr, "anios", "Años del período de los consejeros", "number",
             arena_printf(e->pArena, "%d", c->nTermYears), NULL,
             "min=\"1\" max=\"10\"");
}

static void council_conflict_rows(Html *h, RecordEdit *e, const void *pMine,
                                  const void *pSaved) {
  (void)e;
  const Council *m = pMine, *s = pSaved;
  conflict_row(h, "Nombre", m->zName, s->zName);
  conflict_row(h, "Nombre corto", m->zShortName, s->zShortName);
  conflict_row(h, "Institución", m->zInstitution, s->zInstitution);
  conflict_row(h, "Región", m->zRegion, s->zRegion);
  conflict_row(h, "Comuna sede", m->zSeatCommune, s->zSeatCommune);
  conflict_row(h, "Nombre en la dirección", m->zSlug, s->zSlug);
  conflict_row(h, "Logo", m->zLogoUrl, s->zLogoUrl);
  conflict_row(h, "Período desde", m->zTermStart, s->zTermStart);
  conflict_row(h, "Período hasta", m->zTermEnd, s->zTermEnd);
}

static const RecordPage council_page = {RECORD_COUNCIL,
                                        sizeof(Council),
                                        offsetof(Council, id),
                                        "/admin/consejos",
                                        "nuevo",
                                        "Consejos",
                                        "admin-consejos",
                                        "Agregar consejo",
                                        "del consejo",
                                        NULL,
                                        council_defaults,
                                        council_load,
                                        council_check_page,
                                        council_save_page,
                                        NULL, /* shown as checked */
                                        council_title,
                                        council_facts,
                                        council_fields,
                                        council_conflict_rows};

void page_admin_council_new(Request *r) {
  if (!page_may_manage_councils(r)) {
    respond_error(r, 403, "Solo el equipo nacional crea y edita consejos.");
    return;
  }
  record_edit_page(r, &council_page, 1);
}

void page_admin_council(Request *r) {
  if (!page_may_manage_councils(r)) {
    respond_error(r, 403, "Solo el equipo nacional crea y edita consejos.");
    return;
  }
  record_edit_page(r, &council_page, 0);
}

/* GET /admin/consejos */
void page_admin_councils(Request *r) {
  if (!page_may_manage_councils(r)) {
    respond_error(r, 403, "Solo el equipo nacional administra los consejos.");
    return;
  }
  Council *a = NULL;
  int n = 0;
  if (!page_db_ok(r, council_list(request_db(r), request_arena(r), &a, &n))) {
    return;
  }
  Html h;
  page_begin_titled(r, &h, "Consejos", "admin-consejos");
  html_printf(&h,
              "<p><a class=\"button button-primary\" "
              "href=\"/admin/consejos/nuevo\">Agregar consejo</a> <a href=\""
              "/consejos\">Vista nacional</a></p>\n<div class=\"table-wrap\">"
              "<table class=\"table\"><thead><tr><th>Consejo</th><th>"
              "Dirección</th><th>Región</th><th>Institución</th></tr></thead>"
              "<tbody>\n");
  for (int i = 0; i < n; i++) {
    html_printf(&h,
                "<tr><td data-label=\"Consejo\"><a href=\"/admin/consejos/"
                "%lld\">%s</a></td><td data-label=\"Dirección\"><a href=\"/c/"
                "%s/\">/c/%s/</a></td><td data-label=\"Región\">%s</td><td "
                "data-label=\"Institución\">%s</td></tr>\n",
                (long long)a[i].id, a[i].zShortName, a[i].zSlug, a[i].zSlug,
                a[i].zRegion, a[i].zInstitution);
  }
  html_printf(&h, "</tbody></table></div>\n");
  page_finish(r, &h, 200);
}
