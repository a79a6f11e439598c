/*
** Organizations of the council (officer only).
**
** GET  /admin/organizaciones              ?q, provincia, comuna, tipo
** GET|POST /admin/organizaciones/nueva    fields: nombre, tipo, rut,
**                                         personalidad_juridica, comuna,
**                                         contacto, correo, telefono, miembro
** GET|POST /admin/organizaciones/ID       detail and edit form
** GET|POST /admin/organizaciones/importar CSV: archivo (file) or texto
** GET  /admin/organizaciones/plantilla.csv
*/
#include <stddef.h>
#include <string.h>

#include "domain/rut.h"
#include "pages/people/people_widgets.h"

/* ---- The record page (record_page.h) ---- */

static int org_prepare(RecordEdit *e) {
  e->pCtx = arena_alloc(e->pArena, sizeof(TerritoryIndex));
  return territory_index_load(e->pDb, e->pArena, e->pCtx);
}

static void org_defaults(RecordEdit *e, void *pRec) {
  (void)e;
  ((Organization *)pRec)->bMember = 1;
}

static int org_load(RecordEdit *e, void *pRec) {
  return people_org_get(e->pDb, e->pArena, e->iCouncil, e->iId, pRec);
}

static void org_check(RecordEdit *e, void *pChecked, FormErrors *pErr) {
  people_org_check(e->pDb, e->pArena, e->iCouncil, e->pCtx, people_request_get,
                   e->r, e->iId, pChecked, pErr);
}

static int org_save(RecordEdit *e, const void *pStored, void *pChecked) {
  (void)pStored;
  return people_org_save(e->pDb, e->iCouncil, pChecked);
}

static void org_retyped(RecordEdit *e, const void *pChecked, void *pRec) {
  Organization *o = pRec;
  *o = *(const Organization *)pChecked;
  o->zName = people_field(e->r, "nombre");
  o->zRut = people_field(e->r, "rut");
  o->zCommuneCode = request_field(e->r, "comuna");
  o->zKind = request_field(e->r, "tipo");
  o->zEmail = people_field(e->r, "correo");
  o->zPhone = people_field(e->r, "telefono");
}

static const char *org_title(RecordEdit *e, const void *pRec) {
  (void)e;
  return ((const Organization *)pRec)->zName;
}

static void org_facts(Html *h, RecordEdit *e, const void *pRec) {
  const Organization *o = pRec;
  html_printf(h,
              "<dl class=\"facts\"><dt>Comuna</dt><dd>%s (provincia de "
              "%s)</dd></dl>\n<p><a href=\"/admin/integrantes?q=%s\">Ver "
              "sus consejeros y consejeras</a></p>\n<h2>Editar</h2>\n",
              o->zCommuneName, o->zProvinceName,
              html_url_arg(e->pArena, o->zName));
}

static void org_fields(Html *h, RecordEdit *e, const void *pRec,
                       const FormErrors *pErr) {
  static const PeopleChoice aYesNo[] = {{"si", "Sí"}, {"no", "No"}};
  static const PeopleChoices yesNo = {aYesNo, 2};
  const Organization *o = pRec;
  char zRut[RUT_DISPLAY_MAX];
  rut_format(o->zRut, zRut);
  form_input(h, pErr, "nombre", "Nombre", "text", o->zName, NULL,
             "required autocomplete=\"off\"");
  people_choice_select(h, pErr, "tipo", "Tipo", &people_org_kinds, o->zKind, 1);
  form_input(h, pErr, "rut", "RUT", "text", zRut[0] ? zRut : o->zRut, NULL,
             "autocomplete=\"off\"");
  form_input(h, pErr, "personalidad_juridica", "N° de personalidad jurídica",
             "text", o->zLegalNumber, NULL, "autocomplete=\"off\"");
  people_commune_select(h, pErr, "comuna", "Comuna", e->pCtx,
                        page_council_region(e->r), o->zCommuneCode, 1);
  form_input(h, pErr, "contacto", "Persona de contacto", "text",
             o->zContactName, NULL, "autocomplete=\"off\"");
  form_input(h, pErr, "correo", "Correo electrónico", "email", o->zEmail, NULL,
             "autocomplete=\"off\"");
  form_input(h, pErr, "telefono", "Teléfono", "tel", o->zPhone, NULL,
             "autocomplete=\"off\"");
  people_choice_select(h, pErr, "miembro",
                       "¿Es organización miembro del consejo?", &yesNo,
                       o->bMember ? "si" : "no", 0);
}

static void org_conflict_rows(Html *h, RecordEdit *e, const void *pMine,
                              const void *pSaved) {
  (void)e;
  const Organization *m = pMine, *s = pSaved;
  conflict_row(h, "Nombre", m->zName, s->zName);
  conflict_row(h, "Tipo", people_label(&people_org_kinds, m->zKind),
               people_label(&people_org_kinds, s->zKind));
  conflict_row(h, "RUT", m->zRut, s->zRut);
  conflict_row(h, "N° de personalidad jurídica", m->zLegalNumber,
               s->zLegalNumber);
  conflict_row(h, "Comuna", m->zCommuneCode, s->zCommuneCode);
  conflict_row(h, "Persona de contacto", m->zContactName, s->zContactName);
  conflict_row(h, "Correo electrónico", m->zEmail, s->zEmail);
  conflict_row(h, "Teléfono", m->zPhone, s->zPhone);
  conflict_row(h, "Miembro del consejo", m->bMember ? "Sí" : "No",
               s->bMember ? "Sí" : "No");
}

static const RecordPage org_page = {RECORD_ORGANIZATION,
                                    sizeof(Organization),
                                    offsetof(Organization, id),
                                    "/admin/organizaciones",
                                    "nueva",
                                    "Organizaciones",
                                    "admin-organizaciones",
                                    "Agregar organización",
                                    "de la organización",
                                    org_prepare,
                                    org_defaults,
                                    org_load,
                                    org_check,
                                    org_save,
                                    org_retyped,
                                    org_title,
                                    org_facts,
                                    org_fields,
                                    org_conflict_rows};

void page_admin_org_new(Request *r) { record_edit_page(r, &org_page, 1); }

void page_admin_org(Request *r) { record_edit_page(r, &org_page, 0); }

static const PeopleImport org_import = {
    "Importar organizaciones", "admin-organizaciones",
    "/admin/organizaciones",   people_org_columns,
    &people_org_columns_count, people_import_orgs};

void page_admin_orgs_import(Request *r) { people_import_route(r, &org_import); }

void page_admin_orgs_template(Request *r) {
  people_template_route(r, 0, "plantilla-organizaciones.csv");
}

static void org_export_row(Arena *pArena, const void *pRow, const char **az) {
  const Organization *o = pRow;
  char zRut[RUT_DISPLAY_MAX];
  rut_format(o->zRut, zRut);
  const char *azRow[] = {o->zName,
                         people_label(&people_org_kinds, o->zKind),
                         arena_strdup(pArena, zRut),
                         o->zLegalNumber,
                         o->zCommuneName,
                         o->zProvinceName,
                         o->zContactName,
                         o->zEmail,
                         o->zPhone,
                         o->bMember ? "Sí" : "No"};
  memcpy(az, azRow, sizeof(azRow));
}

static int org_rows(Request *r, int64_t iCouncil, const PeopleFilter *pFilter,
                    void *ppRow, int *pnRow) {
  return people_org_list(request_db(r), request_arena(r), iCouncil, pFilter,
                         (Organization **)ppRow, pnRow);
}

static void org_row(HtmlTable *t, Request *r, const void *pRow) {
  (void)r;
  const Organization *o = pRow;
  char zRut[RUT_DISPLAY_MAX];
  rut_format(o->zRut, zRut);
  table_cell(t, "<a href=\"/admin/organizaciones/%lld\">%s</a>",
             (long long)o->id, o->zName);
  table_cell(t, "%s", people_label(&people_org_kinds, o->zKind));
  table_cell(t, "%s", zRut);
  table_cell(t, "%s", o->zCommuneName);
  table_cell(t, "%s", o->zProvinceName);
  table_cell(t, "%s", o->zContactName);
  table_cell(t, "%s", o->bMember ? "Sí" : "No");
}

static const char *const azOrgColumn[] = {
    "Nombre", "Tipo", "RUT", "Comuna", "Provincia", "Contacto", "Miembro"};
static const char *const azOrgExportColumn[] = {
    "Nombre",   "Tipo",      "RUT",      "Personalidad jurídica",
    "Comuna",   "Provincia", "Contacto", "Correo",
    "Teléfono", "Miembro"};

static const PeopleList org_list = {
    .zTitle = "Organizaciones",
    .zNav = "admin-organizaciones",
    .zBase = "/admin/organizaciones",
    .zNew = "nueva",
    .bImport = 1,
    .pRole = &people_org_kinds,
    .zRoleParam = "tipo",
    .zRoleLabel = "Tipo",
    .xRows = org_rows,
    .nRow = sizeof(Organization),
    .zOne = "organización",
    .zMany = "organizaciones",
    .azHeader = azOrgColumn,
    .nHeader = 7,
    .xRow = org_row,
    .exp = {"Organizaciones", azOrgExportColumn, 10, org_export_row,
            "organizaciones"}};

/* GET /admin/organizaciones — with its filters. */
void page_admin_orgs(Request *r) { people_list_page(r, &org_list); }

/* GET /admin/organizaciones.csv|.xlsx — with the list's filters. */
void page_admin_orgs_export(Request *r) { people_list_export(r, &org_list); }
