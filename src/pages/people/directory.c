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
#include <stddef.h>
#include <string.h>

#include "pages/people/people_widgets.h"

/* ---- The record page (record_page.h) ---- */

static int directory_prepare(RecordEdit *e) {
  e->pCtx = arena_alloc(e->pArena, sizeof(TerritoryIndex));
  return territory_index_load(e->pDb, e->pArena, e->pCtx);
}

static void directory_defaults(RecordEdit *e, void *pRec) {
  (void)e;
  ((DirectoryEntry *)pRec)->zStatus = "por_contactar";
}

static int directory_load(RecordEdit *e, void *pRec) {
  return people_directory_get(e->pDb, e->pArena, e->iCouncil, e->iId, pRec);
}

static void directory_check(RecordEdit *e, void *pChecked, FormErrors *pErr) {
  people_directory_check(e->pDb, e->pArena, e->pCtx, people_request_get, e->r,
                         pChecked, pErr);
}

static int directory_save(RecordEdit *e, const void *pStored, void *pChecked) {
  (void)pStored;
  return people_directory_save(e->pDb, e->iCouncil, pChecked);
}

static void directory_retyped(RecordEdit *e, const void *pChecked, void *pRec) {
  DirectoryEntry *d = pRec;
  *d = *(const DirectoryEntry *)pChecked;
  d->zEmail = people_field(e->r, "correo");
  d->zPhone = people_field(e->r, "telefono");
  d->zKind = request_field(e->r, "tipo");
  d->zStatus = request_field(e->r, "estado");
}

static const char *directory_title(RecordEdit *e, const void *pRec) {
  (void)e;
  return ((const DirectoryEntry *)pRec)->zInstitution;
}

static void directory_fields(Html *h, RecordEdit *e, const void *pRec,
                             const FormErrors *pErr) {
  const DirectoryEntry *d = pRec;
  const char *zRegion = page_council_region(e->r);
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
  people_province_options(h, e->pCtx, zRegion, d->zProvinceCode);
  html_printf(h, "</select>");
  if (zError) html_printf(h, "<p class=\"field-error\">%s</p>", zError);
  html_printf(h, "</div>\n");
  people_commune_select(h, pErr, "comuna", "Comuna", e->pCtx, zRegion,
                        d->zCommuneCode, 1);
  form_input(h, pErr, "correo", "Correo electrónico", "email", d->zEmail, NULL,
             NULL);
  form_input(h, pErr, "telefono", "Teléfono", "tel", d->zPhone, NULL, NULL);
  form_input(h, pErr, "motivo", "Para qué queremos reunirnos", "text",
             d->zReason, NULL, NULL);
  people_choice_select(h, pErr, "estado", "Estado", &people_directory_statuses,
                       d->zStatus, 0);
}

static void directory_conflict_rows(Html *h, RecordEdit *e, const void *pMine,
                                    const void *pSaved) {
  (void)e;
  const DirectoryEntry *m = pMine, *s = pSaved;
  conflict_row(h, "Institución o servicio", m->zInstitution, s->zInstitution);
  conflict_row(h, "Tipo", people_label(&people_directory_kinds, m->zKind),
               people_label(&people_directory_kinds, s->zKind));
  conflict_row(h, "Persona", m->zPersonName, s->zPersonName);
  conflict_row(h, "Cargo", m->zPosition, s->zPosition);
  conflict_row(h, "Provincia", m->zProvinceCode, s->zProvinceCode);
  conflict_row(h, "Comuna", m->zCommuneCode, s->zCommuneCode);
  conflict_row(h, "Correo electrónico", m->zEmail, s->zEmail);
  conflict_row(h, "Teléfono", m->zPhone, s->zPhone);
  conflict_row(h, "Para qué queremos reunirnos", m->zReason, s->zReason);
  conflict_row(h, "Estado",
               people_label(&people_directory_statuses, m->zStatus),
               people_label(&people_directory_statuses, s->zStatus));
}

static const RecordPage directory_page = {RECORD_DIRECTORY_ENTRY,
                                          sizeof(DirectoryEntry),
                                          offsetof(DirectoryEntry, id),
                                          "/admin/directorio",
                                          "nuevo",
                                          "Directorio",
                                          "admin-directorio",
                                          "Agregar al directorio",
                                          "de la ficha del directorio",
                                          directory_prepare,
                                          directory_defaults,
                                          directory_load,
                                          directory_check,
                                          directory_save,
                                          directory_retyped,
                                          directory_title,
                                          NULL,
                                          directory_fields,
                                          directory_conflict_rows};

void page_admin_directory_new(Request *r) {
  record_edit_page(r, &directory_page, 1);
}

void page_admin_directory_entry(Request *r) {
  record_edit_page(r, &directory_page, 0);
}

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

static void directory_export_row(Arena *pArena, const void *pRow,
                                 const char **az) {
  (void)pArena;
  const DirectoryEntry *d = pRow;
  const char *azRow[] = {d->zInstitution,
                         d->zPersonName,
                         d->zPosition,
                         people_label(&people_directory_kinds, d->zKind),
                         d->zPlaceName[0] ? d->zPlaceName : "Regional",
                         d->zEmail,
                         d->zPhone,
                         d->zReason,
                         people_label(&people_directory_statuses, d->zStatus)};
  memcpy(az, azRow, sizeof(azRow));
}

static int directory_rows(Request *r, int64_t iCouncil,
                          const PeopleFilter *pFilter, void *ppRow,
                          int *pnRow) {
  return people_directory_list(request_db(r), request_arena(r), iCouncil,
                               pFilter, (DirectoryEntry **)ppRow, pnRow);
}

static void directory_row(HtmlTable *t, Request *r, const void *pRow) {
  (void)r;
  const DirectoryEntry *d = pRow;
  table_cell(t, "<a href=\"/admin/directorio/%lld\">%s</a>", (long long)d->id,
             d->zInstitution);
  table_cell(t, "%s", d->zPersonName);
  table_cell(t, "%s", d->zPosition);
  table_cell(t, "%s", people_label(&people_directory_kinds, d->zKind));
  table_cell(t, "%s", d->zPlaceName[0] ? d->zPlaceName : "Regional");
  table_cell(t, "%s", people_label(&people_directory_statuses, d->zStatus));
}

static const char *const azDirectoryColumn[] = {
    "Institución", "Persona", "Cargo", "Tipo", "Territorio", "Estado"};
static const char *const azDirectoryExportColumn[] = {
    "Institución", "Persona",  "Cargo",  "Tipo",  "Territorio",
    "Correo",      "Teléfono", "Motivo", "Estado"};

static const PeopleList directory_list = {
    .zTitle = "Directorio de autoridades y servicios",
    .zNav = "admin-directorio",
    .zBase = "/admin/directorio",
    .zNew = "nuevo",
    .zIntro =
        "El catastro de autoridades y servicios con que el consejo "
        "quiere reunirse.",
    .pRole = &people_directory_kinds,
    .zRoleParam = "tipo",
    .zRoleLabel = "Tipo",
    .pStatus = &people_directory_statuses,
    .xRows = directory_rows,
    .nRow = sizeof(DirectoryEntry),
    .zOne = "registro",
    .zMany = "registros",
    .azHeader = azDirectoryColumn,
    .nHeader = 6,
    .xRow = directory_row,
    .exp = {"Directorio de autoridades y servicios", azDirectoryExportColumn, 9,
            directory_export_row, "directorio"}};

/* GET /admin/directorio — with its filters. */
void page_admin_directory(Request *r) { people_list_page(r, &directory_list); }

/* GET /admin/directorio.csv|.xlsx — with the list's filters. */
void page_admin_directory_export(Request *r) {
  people_list_export(r, &directory_list);
}
