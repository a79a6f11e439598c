/*
** The directory of authorities and services the council wants to meet
** (the plan's "catastro"), officer only; and the territory API.
**
** GET  /admin/directorio           ?q, provincia, comuna, tipo, estado
** GET|POST /admin/directorio/nuevo fields: nombre, cargo, institucion, tipo,
**                                  provincia, comuna, correo, telefono,
**                                  motivo, estado
** GET|POST /admin/directorio/ID    detail and edit form
** GET  /api/territory/regions/CODE public: {"code", "name", "provinces":
**                                  [{"code", "name", "communes":
**                                  [{"code", "name"}]}]}
*/
#include <string.h>

#include "pages/people/people_widgets.h"

void page_admin_directory(Request *r) {
  int64_t iCouncil = people_require_council(r);
  if (!iCouncil) return;
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  PeopleFilter filter;
  people_filter_from_request(r, &filter);
  TerritoryIndex idx;
  DirectoryEntry *aEntry = NULL;
  int nEntry = 0;
  if (territory_index_load(pDb, pArena, &idx) != DB_OK ||
      people_directory_list(pDb, pArena, iCouncil, &filter, &aEntry, &nEntry) !=
          DB_OK) {
    respond_error(r, 500, NULL);
    return;
  }
  Html h;
  page_begin(r, &h, "Directorio de autoridades y servicios",
             "admin-directorio");
  html_printf(&h,
              "<h1>Directorio de autoridades y servicios</h1>\n<p>El "
              "catastro de autoridades y servicios con que el consejo "
              "quiere reunirse.</p>\n<p class=\"actions\"><a class=\""
              "button button-primary\" href=\"/admin/directorio/nuevo\">"
              "Agregar</a></p>\n");
  people_filter_form(&h, &filter, &idx,
                     territory_council_region(pDb, pArena, iCouncil),
                     "/admin/directorio", &people_directory_kinds, "tipo",
                     "Tipo", &people_directory_statuses);
  people_export_links(&h, pArena, "/admin/directorio", &filter);
  html_printf(&h,
              "<div class=\"table-wrap\"><table class=\"table "
              "table-cards\"><caption>%d %s</caption><thead><tr>"
              "<th scope=\"col\">Institución</th><th scope=\"col\">"
              "Persona</th><th scope=\"col\">Cargo</th><th scope=\"col\">"
              "Tipo</th><th scope=\"col\">Territorio</th><th scope=\"col\">"
              "Estado</th></tr></thead><tbody>\n",
              nEntry, nEntry == 1 ? "registro" : "registros");
  for (int i = 0; i < nEntry; i++) {
    const DirectoryEntry *d = &aEntry[i];
    html_printf(&h,
                "<tr><td data-label=\"Institución\"><a href=\"/admin/"
                "directorio/%lld\">%s</a></td><td data-label=\"Persona\">"
                "%s</td><td data-label=\"Cargo\">%s</td><td data-label=\""
                "Tipo\">%s</td><td data-label=\"Territorio\">%s</td>"
                "<td data-label=\"Estado\">%s</td></tr>\n",
                (long long)d->id, d->zInstitution, d->zPersonName, d->zPosition,
                people_label(&people_directory_kinds, d->zKind),
                d->zPlaceName[0] ? d->zPlaceName : "Regional",
                people_label(&people_directory_statuses, d->zStatus));
  }
  html_printf(&h, "</tbody></table></div>\n");
  page_finish(r, &h, 200);
}

/* The form with values from d; iBase is the version it is drawn from (0:
** the stored one), zConflictDiscard non-NULL closes it with the conflict
** page's buttons. */
static void directory_form(Html *h, Request *r, const TerritoryIndex *pIdx,
                           const char *zRegion, const char *zAction,
                           const DirectoryEntry *d, const FormErrors *pErr,
                           int iBase, const char *zConflictDiscard) {
  form_errors_summary(h, pErr);
  html_printf(h, "<form class=\"form\" method=\"post\" action=\"%s\">\n",
              zAction);
  form_csrf(h, request_csrf_token(r));
  people_version_field(h, r, RECORD_DIRECTORY_ENTRY, d->id, iBase);
  form_input(h, pErr, "institucion", "Institución o servicio", "text",
             d->zInstitution, NULL, "required");
  people_choice_select(h, pErr, "tipo", "Tipo", &people_directory_kinds,
                       d->zKind, 1);
  form_input(h, pErr, "nombre", "Persona", "text", d->zPersonName,
             "En blanco si es el servicio y no una persona.", NULL);
  form_input(h, pErr, "cargo", "Cargo", "text", d->zPosition, NULL, NULL);
  const char *zError = form_error_for(pErr, "provincia");
  html_printf(h,
              "<div class=\"field%s\"><label for=\"provincia\">Provincia"
              "</label><select id=\"provincia\" name=\"provincia\"><option "
              "value=\"\">Toda la región</option>",
              zError ? " has-error" : "");
  people_province_options(h, pIdx, zRegion, d->zProvinceCode);
  html_printf(h, "</select>");
  if (zError) html_printf(h, "<p class=\"field-error\">%s</p>", zError);
  html_printf(h, "</div>\n");
  people_commune_select(h, pErr, "comuna", "Comuna", pIdx, zRegion,
                        d->zCommuneCode, 1);
  form_input(h, pErr, "correo", "Correo electrónico", "email", d->zEmail, NULL,
             NULL);
  form_input(h, pErr, "telefono", "Teléfono", "tel", d->zPhone, NULL, NULL);
  form_input(h, pErr, "motivo", "Para qué queremos reunirnos", "text",
             d->zReason, NULL, NULL);
  people_choice_select(h, pErr, "estado", "Estado", &people_directory_statuses,
                       d->zStatus, 0);
  if (zConflictDiscard) {
    conflict_submit(h, zConflictDiscard);
    return;
  }
  html_printf(h,
              "<div class=\"actions\"><button type=\"submit\" class=\""
              "button button-primary\">Guardar</button> <a href=\"/admin/"
              "directorio\">Cancelar</a></div>\n</form>\n");
}

/* What the officer typed (pMine) next to the entry as saved meanwhile
** (pSaved). */
static void directory_conflict_table(Html *h, Request *r,
                                     const DirectoryEntry *pMine,
                                     const DirectoryEntry *pSaved) {
  people_conflict_begin(h, r, RECORD_DIRECTORY_ENTRY, pSaved->id,
                        "de la ficha del directorio");
  conflict_row(h, "Institución o servicio", pMine->zInstitution,
               pSaved->zInstitution);
  conflict_row(h, "Tipo", people_label(&people_directory_kinds, pMine->zKind),
               people_label(&people_directory_kinds, pSaved->zKind));
  conflict_row(h, "Persona", pMine->zPersonName, pSaved->zPersonName);
  conflict_row(h, "Cargo", pMine->zPosition, pSaved->zPosition);
  conflict_row(h, "Provincia", pMine->zProvinceCode, pSaved->zProvinceCode);
  conflict_row(h, "Comuna", pMine->zCommuneCode, pSaved->zCommuneCode);
  conflict_row(h, "Correo electrónico", pMine->zEmail, pSaved->zEmail);
  conflict_row(h, "Teléfono", pMine->zPhone, pSaved->zPhone);
  conflict_row(h, "Para qué queremos reunirnos", pMine->zReason,
               pSaved->zReason);
  conflict_row(h, "Estado",
               people_label(&people_directory_statuses, pMine->zStatus),
               people_label(&people_directory_statuses, pSaved->zStatus));
  conflict_end(h);
}

static void directory_edit(Request *r, int64_t iCouncil, int64_t iId) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  TerritoryIndex idx;
  if (territory_index_load(pDb, pArena, &idx) != DB_OK) {
    respond_error(r, 500, NULL);
    return;
  }
  DirectoryEntry d;
  memset(&d, 0, sizeof(d));
  d.zStatus = "por_contactar";
  if (iId && people_directory_get(pDb, pArena, iCouncil, iId, &d) != DB_OK) {
    respond_error(r, 404, NULL);
    return;
  }
  const char *zAction =
      iId ? arena_printf(pArena, "/admin/directorio/%lld", (long long)iId)
          : "/admin/directorio/nuevo";
  FormErrors err;
  form_errors_init(&err);
  int iStatus = 200, iBase = 0;
  DirectoryEntry mine;
  memset(&mine, 0, sizeof(mine));
  if (request_is_post(r)) {
    PeopleProblems problems;
    people_problems_init(&problems);
    DirectoryEntry checked;
    memset(&checked, 0, sizeof(checked));
    checked.id = iId;
    people_directory_check(pDb, pArena, &idx, people_request_get, r, &checked,
                           &problems);
    if (!problems.n) {
      int rc = people_save_begin(r, RECORD_DIRECTORY_ENTRY, iId);
      if (rc == DB_OK) rc = people_directory_save(pDb, iCouncil, &checked);
      rc = people_save_end(r, RECORD_DIRECTORY_ENTRY, checked.id, !iId, rc);
      if (rc == DB_OK) {
        respond_redirect(
            r, arena_printf(pArena, "/admin/directorio/%lld?aviso=guardado",
                            (long long)checked.id));
        return;
      }
      if (rc != DB_BUSY ||
          people_directory_get(pDb, pArena, iCouncil, iId, &d) != DB_OK) {
        respond_error(r, 500, NULL);
        return;
      }
      /* Saved by someone else meanwhile: compare; "mine" is based on the
      ** stored version. */
      mine = checked;
      mine.id = iId;
      iStatus = 409;
    } else {
      iBase = people_posted_version(r);
      people_problems_to_form(&problems, &err);
      d = checked;
      const char *z;
      d.zEmail = (z = request_field(r, "correo")) ? z : "";
      d.zPhone = (z = request_field(r, "telefono")) ? z : "";
      d.zKind = request_field(r, "tipo");
      d.zStatus = request_field(r, "estado");
      iStatus = 422;
    }
  }
  Html h;
  const char *zTitle = iId ? d.zInstitution : "Agregar al directorio";
  page_begin(r, &h, zTitle, "admin-directorio");
  html_printf(&h,
              "<p><a href=\"/admin/directorio\">← Directorio</a></p>\n"
              "<h1>%s</h1>\n",
              zTitle);
  const char *zRegion = territory_council_region(pDb, pArena, iCouncil);
  if (iStatus == 409) {
    directory_conflict_table(&h, r, &mine, &d);
    directory_form(
        &h, r, &idx, zRegion, zAction, &mine, &err, 0,
        arena_printf(pArena, "/admin/directorio/%lld", (long long)iId));
  } else {
    directory_form(&h, r, &idx, zRegion, zAction, &d, &err, iBase, NULL);
  }
  page_finish(r, &h, iStatus);
}

void page_admin_directory_new(Request *r) { people_edit_route(r, 1, directory_edit); }

void page_admin_directory_entry(Request *r) { people_edit_route(r, 0, directory_edit); }

void page_api_territory_region(Request *r) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  const char *zCode = request_param(r, 0);
  const char *zName = territory_is_region_code(zCode)
                          ? territory_region_name(pDb, pArena, zCode)
                          : NULL;
  TerritoryIndex idx;
  if (!zName) {
    respond_json_error(r, 404,
                       "No existe una región con ese código; los "
                       "códigos van de \"01\" a \"16\".",
                       "code");
    return;
  }
  if (territory_index_load(pDb, pArena, &idx) != DB_OK) {
    respond_json_error(r, 500, "No se pudo leer el territorio.", NULL);
    return;
  }
  json_t *pProvinces = json_array();
  json_t *pCommunes = NULL;
  const char *zLast = "";
  for (int i = 0; i < idx.nCommune; i++) {
    const TerritoryCommune *c = &idx.aCommune[i];
    if (strcmp(c->zRegionCode, zCode) != 0) continue;
    if (strcmp(c->zProvinceCode, zLast) != 0) {
      pCommunes = json_array();
      json_array_append_new(
          pProvinces,
          json_pack("{s:s, s:s, s:o}", "code", c->zProvinceCode, "name",
                    c->zProvinceName, "communes", pCommunes));
      zLast = c->zProvinceCode;
    }
    json_array_append_new(
        pCommunes, json_pack("{s:s, s:s}", "code", c->zCode, "name", c->zName));
  }
  respond_json(r, 200,
               json_pack("{s:s, s:s, s:o}", "code", zCode, "name", zName,
                         "provinces", pProvinces));
}

/* GET /admin/directorio.csv|.xlsx — with the list's filters. */
void page_admin_directory_export(Request *r) {
  int64_t iCouncil = people_require_council(r);
  if (!iCouncil) return;
  Arena *pArena = request_arena(r);
  PeopleFilter filter;
  people_filter_from_request(r, &filter);
  DirectoryEntry *aEntry = NULL;
  int nEntry = 0;
  if (people_directory_list(request_db(r), pArena, iCouncil, &filter, &aEntry,
                            &nEntry) != DB_OK) {
    respond_error(r, 500, NULL);
    return;
  }
  static const char *const azHeader[] = {"Institución", "Persona",    "Cargo",
                                         "Tipo",        "Territorio", "Correo",
                                         "Teléfono",    "Motivo",     "Estado"};
  enum { N_COL = sizeof(azHeader) / sizeof(azHeader[0]) };
  const char **az = arena_alloc(pArena, sizeof(char *) * N_COL * (nEntry + 1));
  for (int i = 0; i < nEntry; i++) {
    const DirectoryEntry *d = &aEntry[i];
    const char *azRow[N_COL] = {
        d->zInstitution,
        d->zPersonName,
        d->zPosition,
        people_label(&people_directory_kinds, d->zKind),
        d->zPlaceName[0] ? d->zPlaceName : "Regional",
        d->zEmail,
        d->zPhone,
        d->zReason,
        people_label(&people_directory_statuses, d->zStatus)};
    memcpy(&az[i * N_COL], azRow, sizeof(azRow));
  }
  ExportTable t = {"Directorio de autoridades y servicios",
                   NULL,
                   NULL,
                   N_COL,
                   azHeader,
                   NULL,
                   nEntry,
                   az};
  people_send_export(r, &t, "directorio");
}
