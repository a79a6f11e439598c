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
#include <string.h>

#include "domain/rut.h"
#include "pages/people/people_widgets.h"

void page_admin_orgs(Request *r) {
  int64_t iCouncil = people_require_council(r);
  if (!iCouncil) return;
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  PeopleFilter filter;
  people_filter_from_request(r, &filter);
  TerritoryIndex idx;
  Organization *aOrg = NULL;
  int nOrg = 0;
  if (territory_index_load(pDb, pArena, &idx) != DB_OK ||
      people_org_list(pDb, pArena, iCouncil, &filter, &aOrg, &nOrg) != DB_OK) {
    respond_error(r, 500, NULL);
    return;
  }
  Html h;
  page_begin(r, &h, "Organizaciones", "admin-organizaciones");
  html_printf(&h,
              "<h1>Organizaciones</h1>\n<p class=\"actions\"><a class=\""
              "button button-primary\" href=\"/admin/organizaciones/nueva"
              "\">Agregar</a> <a class=\"button\" href=\"/admin/"
              "organizaciones/importar\">Importar CSV</a></p>\n");
  people_filter_form(
      &h, &filter, &idx, territory_council_region(pDb, pArena, iCouncil),
      "/admin/organizaciones", &people_org_kinds, "tipo", "Tipo", NULL);
  people_export_links(&h, pArena, "/admin/organizaciones", &filter);
  html_printf(&h,
              "<div class=\"table-wrap\"><table class=\"table "
              "table-cards\"><caption>%d %s</caption><thead><tr>"
              "<th scope=\"col\">Nombre</th><th scope=\"col\">Tipo</th>"
              "<th scope=\"col\">RUT</th><th scope=\"col\">Comuna</th>"
              "<th scope=\"col\">Provincia</th><th scope=\"col\">Contacto"
              "</th><th scope=\"col\">Miembro</th></tr></thead><tbody>\n",
              nOrg, nOrg == 1 ? "organización" : "organizaciones");
  for (int i = 0; i < nOrg; i++) {
    const Organization *o = &aOrg[i];
    char zRut[RUT_DISPLAY_MAX];
    rut_format(o->zRut, zRut);
    html_printf(&h,
                "<tr><td data-label=\"Nombre\"><a href=\"/admin/"
                "organizaciones/%lld\">%s</a></td><td data-label=\"Tipo\">"
                "%s</td><td data-label=\"RUT\">%s</td><td data-label=\""
                "Comuna\">%s</td><td data-label=\"Provincia\">%s</td>"
                "<td data-label=\"Contacto\">%s</td><td data-label=\""
                "Miembro\">%s</td></tr>\n",
                (long long)o->id, o->zName,
                people_label(&people_org_kinds, o->zKind), zRut,
                o->zCommuneName, o->zProvinceName, o->zContactName,
                o->bMember ? "Sí" : "No");
  }
  html_printf(&h, "</tbody></table></div>\n");
  page_finish(r, &h, 200);
}

/* The form with values from o; iBase is the version it is drawn from (0:
** the stored one), zConflictDiscard non-NULL closes it with the conflict
** page's buttons. */
static void org_form(Html *h, Request *r, int64_t iCouncil,
                     const TerritoryIndex *pIdx, const char *zAction,
                     const Organization *o, const FormErrors *pErr, int iBase,
                     const char *zConflictDiscard) {
  static const PeopleChoice aYesNo[] = {{"si", "Sí"}, {"no", "No"}};
  static const PeopleChoices yesNo = {aYesNo, 2};
  char zRut[RUT_DISPLAY_MAX];
  rut_format(o->zRut, zRut);
  form_errors_summary(h, pErr);
  html_printf(h, "<form class=\"form\" method=\"post\" action=\"%s\">\n",
              zAction);
  form_csrf(h, request_csrf_token(r));
  people_version_field(h, r, RECORD_ORGANIZATION, o->id, iBase);
  form_input(h, pErr, "nombre", "Nombre", "text", o->zName, NULL,
             "required autocomplete=\"off\"");
  people_choice_select(h, pErr, "tipo", "Tipo", &people_org_kinds, o->zKind, 1);
  form_input(h, pErr, "rut", "RUT", "text", zRut[0] ? zRut : o->zRut, NULL,
             "autocomplete=\"off\"");
  form_input(h, pErr, "personalidad_juridica", "N° de personalidad jurídica",
             "text", o->zLegalNumber, NULL, "autocomplete=\"off\"");
  people_commune_select(
      h, pErr, "comuna", "Comuna", pIdx,
      territory_council_region(request_db(r), request_arena(r), iCouncil),
      o->zCommuneCode, 1);
  form_input(h, pErr, "contacto", "Persona de contacto", "text",
             o->zContactName, NULL, "autocomplete=\"off\"");
  form_input(h, pErr, "correo", "Correo electrónico", "email", o->zEmail, NULL,
             "autocomplete=\"off\"");
  form_input(h, pErr, "telefono", "Teléfono", "tel", o->zPhone, NULL,
             "autocomplete=\"off\"");
  people_choice_select(h, pErr, "miembro",
                       "¿Es organización miembro del "
                       "consejo?",
                       &yesNo, o->bMember ? "si" : "no", 0);
  if (zConflictDiscard) {
    conflict_submit(h, zConflictDiscard);
    return;
  }
  html_printf(h,
              "<div class=\"actions\"><button type=\"submit\" class=\""
              "button button-primary\">Guardar</button> <a href=\"/admin/"
              "organizaciones\">Cancelar</a></div>\n</form>\n");
}

/* What the officer typed (pMine) next to the organization as saved
** meanwhile (pSaved). */
static void org_conflict_table(Html *h, Request *r, const Organization *pMine,
                               const Organization *pSaved) {
  people_conflict_begin(h, r, RECORD_ORGANIZATION, pSaved->id,
                        "de la organización");
  conflict_row(h, "Nombre", pMine->zName, pSaved->zName);
  conflict_row(h, "Tipo", people_label(&people_org_kinds, pMine->zKind),
               people_label(&people_org_kinds, pSaved->zKind));
  conflict_row(h, "RUT", pMine->zRut, pSaved->zRut);
  conflict_row(h, "N° de personalidad jurídica", pMine->zLegalNumber,
               pSaved->zLegalNumber);
  conflict_row(h, "Comuna", pMine->zCommuneCode, pSaved->zCommuneCode);
  conflict_row(h, "Persona de contacto", pMine->zContactName,
               pSaved->zContactName);
  conflict_row(h, "Correo electrónico", pMine->zEmail, pSaved->zEmail);
  conflict_row(h, "Teléfono", pMine->zPhone, pSaved->zPhone);
  conflict_row(h, "Miembro del consejo", pMine->bMember ? "Sí" : "No",
               pSaved->bMember ? "Sí" : "No");
  conflict_end(h);
}

static void org_edit(Request *r, int64_t iCouncil, int64_t iId) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  TerritoryIndex idx;
  if (territory_index_load(pDb, pArena, &idx) != DB_OK) {
    respond_error(r, 500, NULL);
    return;
  }
  Organization o;
  memset(&o, 0, sizeof(o));
  o.bMember = 1;
  if (iId && people_org_get(pDb, pArena, iCouncil, iId, &o) != DB_OK) {
    respond_error(r, 404, NULL);
    return;
  }
  const char *zAction =
      iId ? arena_printf(pArena, "/admin/organizaciones/%lld", (long long)iId)
          : "/admin/organizaciones/nueva";
  FormErrors err;
  form_errors_init(&err);
  int iStatus = 200, iBase = 0;
  Organization mine;
  memset(&mine, 0, sizeof(mine));
  if (request_is_post(r)) {
    PeopleProblems problems;
    people_problems_init(&problems);
    Organization checked;
    people_org_check(pDb, pArena, iCouncil, &idx, people_request_get, r, iId,
                     &checked, &problems);
    if (!problems.n) {
      int rc = people_save_begin(r, RECORD_ORGANIZATION, iId);
      if (rc == DB_OK) rc = people_org_save(pDb, iCouncil, &checked);
      rc = people_save_end(r, RECORD_ORGANIZATION, checked.id, !iId, rc);
      if (rc == DB_OK) {
        respond_redirect(
            r, arena_printf(pArena, "/admin/organizaciones/%lld?aviso=guardado",
                            (long long)checked.id));
        return;
      }
      if (rc != DB_BUSY ||
          people_org_get(pDb, pArena, iCouncil, iId, &o) != DB_OK) {
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
      /* Re-show what was typed. */
      o = checked;
      const char *z;
      o.zName = (z = request_field(r, "nombre")) ? z : "";
      o.zRut = (z = request_field(r, "rut")) ? z : "";
      o.zCommuneCode = request_field(r, "comuna");
      o.zKind = request_field(r, "tipo");
      o.zEmail = (z = request_field(r, "correo")) ? z : "";
      o.zPhone = (z = request_field(r, "telefono")) ? z : "";
      iStatus = 422;
    }
  }
  Html h;
  const char *zTitle = iId ? o.zName : "Agregar organización";
  page_begin(r, &h, zTitle, "admin-organizaciones");
  html_printf(&h,
              "<p><a href=\"/admin/organizaciones\">← Organizaciones</a>"
              "</p>\n<h1>%s</h1>\n",
              zTitle);
  if (iId && iStatus == 200) {
    html_printf(&h,
                "<dl class=\"facts\"><dt>Comuna</dt><dd>%s (provincia de "
                "%s)</dd></dl>\n<p><a href=\"/admin/integrantes?q=%s\">Ver "
                "sus consejeros y consejeras</a></p>\n<h2>Editar</h2>\n",
                o.zCommuneName, o.zProvinceName, html_url_arg(pArena, o.zName));
  }
  if (iStatus == 409) {
    org_conflict_table(&h, r, &mine, &o);
    org_form(
        &h, r, iCouncil, &idx, zAction, &mine, &err, 0,
        arena_printf(pArena, "/admin/organizaciones/%lld", (long long)iId));
  } else {
    org_form(&h, r, iCouncil, &idx, zAction, &o, &err, iBase, NULL);
  }
  page_finish(r, &h, iStatus);
}

void page_admin_org_new(Request *r) { people_edit_route(r, 1, org_edit); }

void page_admin_org(Request *r) { people_edit_route(r, 0, org_edit); }

void page_admin_orgs_import(Request *r) {
  int64_t iCouncil = people_require_council(r);
  if (!iCouncil) return;
  PeopleImportResult res;
  memset(&res, 0, sizeof(res));
  const PeopleImportResult *pRes = NULL;
  int iStatus = 200;
  PeopleImportError empty = {0, NULL,
                             "Elija un archivo CSV o pegue su "
                             "contenido."};
  if (request_is_post(r)) {
    size_t nCsv = 0;
    const char *zCsv = people_import_upload(r, &nCsv);
    if (!zCsv) {
      res.aError = &empty;
      res.nError = 1;
    } else if (people_import_orgs(request_db(r), request_arena(r), iCouncil,
                                  zCsv, nCsv, &res) != DB_OK) {
      respond_error(r, 500, NULL);
      return;
    }
    pRes = &res;
    iStatus = res.nError ? 422 : 200;
  }
  people_import_page(r, "Importar organizaciones", "admin-organizaciones",
                     "/admin/organizaciones/importar",
                     "/admin/organizaciones/plantilla.csv", people_org_columns,
                     people_org_columns_count, "/admin/organizaciones", pRes,
                     iStatus);
}

void page_admin_orgs_template(Request *r) {
  const char *z = people_import_template(request_arena(r), 0);
  response_header(r, "Content-Disposition",
                  "attachment; filename=\"plantilla-organizaciones.csv\"");
  respond_bytes(r, 200, "text/csv; charset=utf-8", z, strlen(z));
}

/* GET /admin/organizaciones.csv|.xlsx — with the list's filters. */
void page_admin_orgs_export(Request *r) {
  int64_t iCouncil = people_require_council(r);
  if (!iCouncil) return;
  Arena *pArena = request_arena(r);
  PeopleFilter filter;
  people_filter_from_request(r, &filter);
  Organization *aOrg = NULL;
  int nOrg = 0;
  if (people_org_list(request_db(r), pArena, iCouncil, &filter, &aOrg, &nOrg) !=
      DB_OK) {
    respond_error(r, 500, NULL);
    return;
  }
  static const char *const azHeader[] = {
      "Nombre",   "Tipo",      "RUT",      "Personalidad jurídica",
      "Comuna",   "Provincia", "Contacto", "Correo",
      "Teléfono", "Miembro"};
  enum { N_COL = sizeof(azHeader) / sizeof(azHeader[0]) };
  const char **az = arena_alloc(pArena, sizeof(char *) * N_COL * (nOrg + 1));
  for (int i = 0; i < nOrg; i++) {
    const Organization *o = &aOrg[i];
    char zRut[RUT_DISPLAY_MAX];
    rut_format(o->zRut, zRut);
    const char *azRow[N_COL] = {o->zName,
                                people_label(&people_org_kinds, o->zKind),
                                arena_strdup(pArena, zRut),
                                o->zLegalNumber,
                                o->zCommuneName,
                                o->zProvinceName,
                                o->zContactName,
                                o->zEmail,
                                o->zPhone,
                                o->bMember ? "Sí" : "No"};
    memcpy(&az[i * N_COL], azRow, sizeof(azRow));
  }
  ExportTable t = {"Organizaciones", NULL, NULL, N_COL,
                   azHeader,         NULL, nOrg, az};
  people_send_export(r, &t, "organizaciones");
}
