/*
** The audit log for the officer: /admin/auditoria (filters by who acted,
** object and dates; CSV and XLSX of what is shown) and GET /api/audit
** [?object=KIND:ID][&since=ISO][&limit=N&offset=M] → [{"at", "user",
** "action", "object", "fields"}] (CONTRACT), oldest first: every entry,
** or the page asked for, with X-Total-Count and Link (page_list.h). The
** page shows LIST_PAGE_SIZE entries (?pagina=), newest first; its CSV and
** XLSX every entry the filters select. There is no route that changes an
** entry.
*/
#include <string.h>

#include "domain/chile_time.h"
#include "pages/page_list.h"
#include "pages/people/people_widgets.h"
#include "pages/privacy/privacy_pages.h"
#include "store/council/council.h"
#include "render/pager.h"
#include "render/table.h"
#include "store/privacy/audit_store.h"

/* "KIND:ID" or "KIND" into the filter; 0 when malformed. */
static int object_filter(Arena *pArena, const char *z, AuditFilter *f) {
  if (!z || !*z) return 1;
  const char *zColon = strchr(z, ':');
  f->zKind = zColon ? arena_strndup(pArena, z, (size_t)(zColon - z))
                    : arena_strdup(pArena, z);
  f->zObjectId = zColon && zColon[1] ? zColon + 1 : NULL;
  return *f->zKind != 0;
}

/* A date "YYYY-MM-DD" (Santiago midnight) or an ISO instant; 0 when empty,
** -1 when not a time. bEnd: a bare date means the end of that day. */
static int64_t time_arg(const char *z, int bEnd) {
  if (!z || !*z) return 0;
  int64_t t = 0;
  if (strlen(z) == 10) {
    char zFull[20];
    snprintf(zFull, sizeof(zFull), "%sT00:00", z);
    if (chile_time_parse_iso(zFull, &t) != 0) return -1;
    return bEnd ? t + 86400 : t;
  }
  return chile_time_parse_iso(z, &t) == 0 ? t : -1;
}

static const char *object_text(Arena *pArena, const AuditEntry *p) {
  return *p->zObjectId ? arena_printf(pArena, "%s:%s", p->zKind, p->zObjectId)
                       : p->zKind;
}

static const char *const azAuditHeader[] = {
    "Fecha", "Usuario", "Dirección", "Acción", "Objeto", "Tabla", "Campos"};

static void audit_export_row(Arena *pArena, const void *pRow,
                             const char **azCell) {
  const AuditEntry *p = pRow;
  char zIso[40];
  chile_time_format_iso(p->iAt, zIso, sizeof(zIso));
  azCell[0] = arena_strdup(pArena, zIso);
  azCell[1] = p->zUser;
  azCell[2] = p->zAddress;
  azCell[3] = p->zAction;
  azCell[4] = object_text(pArena, p);
  azCell[5] = p->zTable;
  azCell[6] = p->zFields;
}

static const PeopleExport audit_export = {
    "Registro de auditoría", azAuditHeader, 7, audit_export_row, "auditoria"};

/* The entries of no council (the command line's, the accounts') are the
** installation's: its one council's officer, or the national team. */
static int audit_sees_installation(Request *r) {
  return council_count(request_db(r)) <= 1 || page_is_national(r);
}

void page_admin_audit(Request *r) {
  Arena *pArena = request_arena(r);
  AuditFilter f = {.iCouncil = page_council_id(r),
                   .bNone = audit_sees_installation(r)};
  const char *zPerson = request_query(r, "persona");
  const char *zObject = request_query(r, "objeto");
  const char *zFrom = request_query(r, "desde");
  const char *zTo = request_query(r, "hasta");
  f.zUser = zPerson;
  int bBad = !object_filter(pArena, zObject, &f);
  f.iSince = time_arg(zFrom, 0);
  f.iUntil = time_arg(zTo, 1);
  if (f.iSince < 0 || f.iUntil < 0) bBad = 1;
  if (bBad) f.iSince = f.iUntil = 0;
  /* The downloads carry every entry the filters select; the page
  ** LIST_PAGE_SIZE of them at a time. */
  const char *zPath = request_path(r);
  int bExport = strstr(zPath, ".csv") || strstr(zPath, ".xlsx");
  ListPage pg;
  list_page_numbered(&pg, request_query(r, "pagina"), LIST_PAGE_SIZE);
  if (bExport) pg.nLimit = 0;
  AuditEntry *aEntry = NULL;
  int nEntry = 0;
  if (!bBad && !page_db_ok(r, audit_list(request_db(r), pArena, &f, &pg,
                                         &aEntry, &nEntry))) {
    return;
  }
  if (bExport) {
    people_send_export(r, &audit_export, aEntry, sizeof(AuditEntry), nEntry);
    return;
  }
  Html h;
  page_begin_titled(r, &h, "Registro de auditoría", "auditoria");
  html_printf(&h,
              "<p class=\"lead\">Cada "
              "cambio hecho en cosoc —en la web, la API o la línea de "
              "comandos— con quién lo hizo, cuándo, desde qué dirección y "
              "qué campos cambió (nunca sus valores). Nadie puede modificar "
              "ni borrar estas entradas.</p>\n");
  html_printf(&h,
              "<form class=\"filters\" method=\"get\" "
              "action=\"/admin/auditoria\" role=\"search\">\n"
              "<div class=\"field\"><label for=\"persona\">Persona (quién "
              "actuó)</label><input id=\"persona\" name=\"persona\" "
              "type=\"search\" value=\"%s\"></div>\n"
              "<div class=\"field\"><label for=\"objeto\">Objeto</label>"
              "<input id=\"objeto\" name=\"objeto\" value=\"%s\" "
              "placeholder=\"member:12\" aria-describedby=\"objeto-ayuda\">"
              "<p class=\"hint\" id=\"objeto-ayuda\">Tipo y número: "
              "member:12, activity:3, user:1…</p></div>\n"
              "<div class=\"field\"><label for=\"desde\">Desde</label>"
              "<input id=\"desde\" name=\"desde\" type=\"date\" "
              "value=\"%s\"></div>\n"
              "<div class=\"field\"><label for=\"hasta\">Hasta</label>"
              "<input id=\"hasta\" name=\"hasta\" type=\"date\" "
              "value=\"%s\"></div>\n"
              "<div class=\"actions\"><button type=\"submit\" "
              "class=\"button\">Filtrar</button> <a "
              "href=\"/admin/auditoria\">Quitar filtros</a></div>\n</form>\n",
              zPerson ? zPerson : "", zObject ? zObject : "",
              zFrom ? zFrom : "", zTo ? zTo : "");
  if (bBad) {
    html_printf(&h,
                "<p class=\"notice notice-error\" role=\"alert\">Revise los "
                "filtros: el objeto se escribe como tipo:número (member:12) "
                "y las fechas como día-mes-año.</p>\n");
  }
  const char *zQuery =
      arena_printf(pArena, "persona=%s&objeto=%s&desde=%s&hasta=%s",
                   html_url_arg(pArena, zPerson ? zPerson : ""),
                   html_url_arg(pArena, zObject ? zObject : ""),
                   html_url_arg(pArena, zFrom ? zFrom : ""),
                   html_url_arg(pArena, zTo ? zTo : ""));
  html_printf(&h,
              "<p><a href=\"/admin/auditoria.csv?%s\">Descargar CSV</a> · "
              "<a href=\"/admin/auditoria.xlsx?%s\">Descargar Excel</a></p>\n",
              zQuery, zQuery);
  HtmlTable t;
  table_open(&t, &h, "table table-cards", NULL);
  table_caption(&t, "%lld %s, las más recientes primero", (long long)pg.nTotal,
                pg.nTotal == 1 ? "entrada" : "entradas");
  table_head(&t, azAuditHeader, 7);
  for (int i = 0; i < nEntry; i++) {
    const AuditEntry *p = &aEntry[i];
    const char *zObjectText = object_text(pArena, p);
    table_row_open(&t);
    table_cell(&t, "%s", page_time(pArena, p->iAt));
    table_cell(&t, "%s", p->zUser);
    table_cell(&t, "%s", p->zAddress);
    table_cell(&t, "%s", p->zAction);
    table_cell(&t, "<a href=\"/admin/auditoria?objeto=%s\">%s</a>",
               html_url_arg(pArena, zObjectText), zObjectText);
    table_cell(&t, "%s", p->zTable);
    table_cell(&t, "%s", p->zFields);
    table_row_close(&t);
  }
  table_close(&t);
  pager_html(&h, "/admin/auditoria", arena_printf(pArena, "&%s", zQuery), &pg,
             "entrada", "entradas");
  page_finish(r, &h, 200);
}

void page_api_audit(Request *r) {
  Arena *pArena = request_arena(r);
  AuditFilter f = {.iCouncil = page_council_id(r),
                   .bNone = audit_sees_installation(r),
                   .bOldestFirst = 1};
  if (!object_filter(pArena, request_query(r, "object"), &f)) {
    respond_json_error(r, 400,
                       "El objeto se escribe como tipo:número, por ejemplo "
                       "member:12.",
                       "object");
    return;
  }
  f.iSince = time_arg(request_query(r, "since"), 0);
  if (f.iSince < 0) {
    respond_json_error(r, 400,
                       "since debe ser una fecha (2026-12-01) o un instante "
                       "ISO 8601 (2026-12-01T10:00:00-03:00).",
                       "since");
    return;
  }
  ListPage pg;
  if (!page_list_from_api(r, &pg)) return;
  AuditEntry *aEntry = NULL;
  int nEntry = 0;
  if (!page_db_ok(
          r, audit_list(request_db(r), pArena, &f, &pg, &aEntry, &nEntry))) {
    return;
  }
  json_t *pArr = json_array();
  for (int i = 0; i < nEntry; i++) {
    const AuditEntry *p = &aEntry[i];
    json_t *pFields = json_array();
    const char *z = p->zFields;
    while (*z) {
      const char *zEnd = strchr(z, ',');
      size_t n = zEnd ? (size_t)(zEnd - z) : strlen(z);
      json_array_append_new(pFields, json_stringn(z, n));
      z += n + (zEnd ? 1 : 0);
    }
    json_array_append_new(
        pArr, json_pack("{s:o, s:s, s:s, s:s, s:o, s:s, s:s}", "at",
                        page_json_time(p->iAt), "user", p->zUser, "action",
                        p->zAction, "object", object_text(pArena, p), "fields",
                        pFields, "address", p->zAddress, "table", p->zTable));
  }
  const char *zObject = request_query(r, "object");
  const char *zSince = request_query(r, "since");
  page_list_headers(r, &pg, "/api/audit",
                    arena_printf(pArena, "%s%s%s%s", zObject ? "&object=" : "",
                                 zObject ? html_url_arg(pArena, zObject) : "",
                                 zSince ? "&since=" : "",
                                 zSince ? html_url_arg(pArena, zSince) : ""));
  respond_json(r, 200, pArr);
}
