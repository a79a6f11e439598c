/*
** Councillors: the public page, the officer's list, detail and forms, the
** account invitation, the CSV import and the members API.
**
** GET  /integrantes                    public: names, organizations, roles,
**                                      titular/suplente, term. Never RUN,
**                                      e-mail or phone.
** GET  /admin/integrantes              ?q, provincia, comuna, rol, estado
** GET|POST /admin/integrantes/nuevo    the form (fields: see people.h)
** GET|POST /admin/integrantes/ID       detail and edit form
** POST /admin/integrantes/ID/invitar   a single-use account link, shown
** GET|POST /invitacion?t=TOKEN         the councillor chooses a password
**                                      (the token rides in the query string
**                                      or a hidden field: never logged)
** GET|POST /admin/integrantes/importar CSV: archivo (file) or texto
** GET  /admin/integrantes/plantilla.csv
** GET  /api/members                    signed in: [{"id", "name",
**                                      "organization", "role", "titular",
**                                      "commune", ...}]; the list's filters,
**                                      ?limit=&offset= (page_list.h)
*/
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "domain/rut.h"
#include "pages/page_list.h"
#include "pages/people/people_widgets.h"
#include "store/accounts/accounts.h"

/* "Titular", "Suplente de NAME" or "Suplente", as the public list says. */
static const char *member_quality(Arena *pArena, const Member *m) {
  return m->bTitular ? "Titular"
         : m->zSubstituteFor[0]
             ? arena_printf(pArena, "Suplente de %s", m->zSubstituteFor)
             : "Suplente";
}

/* ---- Public page ---- */

/* The council as the public sees it today (no filters, no personal data);
** 0 after answering 500. */
static int public_rows(Request *r, Member **paMember, int *pnMember) {
  PeopleFilter filter;
  memset(&filter, 0, sizeof(filter));
  int64_t iCouncil = page_council_id(r);
  *paMember = NULL;
  *pnMember = 0;
  return !iCouncil ||
         page_db_ok(
             r, people_member_list(request_db(r), request_arena(r), iCouncil,
                                   &filter, 1, paMember, pnMember));
}

void page_members_public(Request *r) {
  Arena *pArena = request_arena(r);
  Member *aMember = NULL;
  int nMember = 0;
  if (!public_rows(r, &aMember, &nMember)) return;
  Html h;
  page_begin_titled(r, &h, "Integrantes del consejo", "integrantes");
  if (nMember == 0) {
    html_printf(&h, "<p>Aún no hay integrantes registrados.</p>\n");
  } else {
    static const char *const azColumn[] = {"Nombre", "Organización", "Cargo",
                                           "Calidad", "Periodo"};
    HtmlTable t;
    table_open(&t, &h, "table table-cards", NULL);
    table_caption(&t, "Consejeras y consejeros en ejercicio");
    table_head(&t, azColumn, 5);
    for (int i = 0; i < nMember; i++) {
      const Member *m = &aMember[i];
      table_row_open(&t);
      table_cell(&t, "%s %s", m->zFirstNames, m->zLastNames);
      table_cell(&t, "%s", m->zOrganization);
      table_cell(&t, "%s", people_label(&people_council_roles, m->zRole));
      table_cell(&t, "%s", member_quality(pArena, m));
      table_cell(&t, "%s al %s", page_date(pArena, m->zTermStart),
                 page_date(pArena, m->zTermEnd));
      table_row_close(&t);
    }
    table_close(&t);
    people_export_links(&h, pArena, "/integrantes", NULL);
  }
  page_finish(r, &h, 200);
}

/* ---- Officer's list ---- */

/* Who is in office by gender (for the council's parity report) and the
** term length setting. */
static void members_summary(Html *h, Request *r, int64_t iCouncil) {
  PeopleFilter filter;
  memset(&filter, 0, sizeof(filter));
  filter.zStatus = "vigente";
  Member *aMember = NULL;
  int nMember = 0;
  people_member_list(request_db(r), request_arena(r), iCouncil, &filter, 0,
                     &aMember, &nMember);
  int anCount[4] = {0, 0, 0, 0};
  for (int i = 0; i < nMember; i++) {
    for (int k = 0; k < people_genders.n && k < 4; k++) {
      if (strcmp(aMember[i].zGender, people_genders.aChoice[k].zSlug) == 0) {
        anCount[k]++;
      }
    }
  }
  html_printf(h,
              "<details class=\"summary\"><summary>En ejercicio: %d "
              "(paridad y periodo)</summary><p>Femenino: %d · Masculino: %d"
              " · Otro: %d · No informa: %d</p>\n",
              nMember, anCount[0], anCount[1], anCount[2], anCount[3]);
  page_post_form(h, r, "inline-form", "/admin/integrantes/periodo");
  html_printf(h,
              "<label for=\"anos\">Largo del periodo de consejeros (años)"
              "</label> <input id=\"anos\" name=\"anos\" type=\"number\" "
              "min=\"%d\" max=\"%d\" value=\"%d\"> <button type=\"submit\" "
              "class=\"button\">Guardar</button></form></details>\n",
              COUNCIL_TERM_YEARS_MIN, COUNCIL_TERM_YEARS_MAX,
              page_council(r)->nTermYears);
}

/* POST /admin/integrantes/periodo  anos — the council's term length, used
** when a councillor's term end is left blank. */
void page_admin_members_term(Request *r) {
  int64_t iCouncil = page_require_council(r);
  if (!iCouncil) return;
  const char *z = request_field(r, "anos");
  int nYears = 0;
  if (z && strlen(z) <= 2 && strspn(z, "0123456789") == strlen(z) && *z) {
    nYears = atoi(z);
  }
  if (nYears < COUNCIL_TERM_YEARS_MIN || nYears > COUNCIL_TERM_YEARS_MAX) {
    respond_error(r, 422,
                  "El largo del periodo debe ser un número de años "
                  "entre 1 y 10.");
    return;
  }
  if (!page_db_ok(r, council_set_term_years(request_db(r), iCouncil, nYears)))
    return;
  respond_redirect(r, "/admin/integrantes?aviso=guardado");
}

/* ---- Form ---- */

/* Options "#ID" for the organization and titular selects. */
static void member_org_select(Html *h, Request *r, int64_t iCouncil,
                              const FormErrors *pErr, int64_t iSelected) {
  PeopleFilter filter;
  memset(&filter, 0, sizeof(filter));
  Organization *aOrg = NULL;
  int nOrg = 0;
  people_org_list(request_db(r), request_arena(r), iCouncil, &filter, &aOrg,
                  &nOrg);
  const char *zError = form_error_for(pErr, "organizacion");
  html_printf(h,
              "<div class=\"field%s\"><label for=\"organizacion\">"
              "Organización que representa</label><select id=\""
              "organizacion\" name=\"organizacion\"><option value=\"\">—"
              "</option>",
              zError ? " has-error" : "");
  for (int i = 0; i < nOrg; i++) {
    html_printf(h, "<option value=\"#%lld\"%s>%s</option>",
                (long long)aOrg[i].id,
                aOrg[i].id == iSelected ? " selected" : "", aOrg[i].zName);
  }
  html_printf(h, "</select>");
  if (zError) html_printf(h, "<p class=\"field-error\">%s</p>", zError);
  html_printf(h,
              "<p class=\"field-hint\">¿No está? <a href=\"/admin/"
              "organizaciones/nueva\">Registre la organización</a>.</p>"
              "</div>\n");
}

static void member_titular_select(Html *h, Request *r, int64_t iCouncil,
                                  const FormErrors *pErr, int64_t iSelf,
                                  int64_t iSelected) {
  PeopleFilter filter;
  memset(&filter, 0, sizeof(filter));
  Member *aMember = NULL;
  int nMember = 0;
  people_member_list(request_db(r), request_arena(r), iCouncil, &filter, 0,
                     &aMember, &nMember);
  const char *zError = form_error_for(pErr, "suplente_de");
  html_printf(h,
              "<div class=\"field%s\"><label for=\"suplente_de\">Suplente "
              "de (solo si es suplente)</label><select id=\"suplente_de\" "
              "name=\"suplente_de\"><option value=\"\">—</option>",
              zError ? " has-error" : "");
  for (int i = 0; i < nMember; i++) {
    if (!aMember[i].bTitular || aMember[i].id == iSelf) continue;
    html_printf(h, "<option value=\"#%lld\"%s>%s %s</option>",
                (long long)aMember[i].id,
                aMember[i].id == iSelected ? " selected" : "",
                aMember[i].zFirstNames, aMember[i].zLastNames);
  }
  html_printf(h, "</select>");
  if (zError) html_printf(h, "<p class=\"field-error\">%s</p>", zError);
  html_printf(h, "</div>\n");
}

/* The form's fields with values from m (re-shown input or the stored
** record). */
static void member_fields(Html *h, RecordEdit *e, const void *pRec,
                          const FormErrors *pErr) {
  static const PeopleChoice aKind[] = {{"titular", "Titular"},
                                       {"suplente", "Suplente"}};
  static const PeopleChoices kinds = {aKind, 2};
  const Member *m = pRec;
  Request *r = e->r;
  char zRun[RUT_DISPLAY_MAX];
  rut_format(m->zRun, zRun);
  html_printf(h, "<fieldset><legend>Persona</legend>\n");
  form_input(h, pErr, "nombres", "Nombres", "text", m->zFirstNames, NULL,
             "required autocomplete=\"off\"");
  form_input(h, pErr, "apellidos", "Apellidos", "text", m->zLastNames, NULL,
             "required autocomplete=\"off\"");
  form_input(h, pErr, "run", "RUN", "text", zRun[0] ? zRun : m->zRun,
             "Con dígito verificador, por ejemplo 12.345.678-5.",
             "required autocomplete=\"off\"");
  form_input(h, pErr, "correo", "Correo electrónico", "email", m->zEmail, NULL,
             "autocomplete=\"off\"");
  form_input(h, pErr, "telefono", "Teléfono", "tel", m->zPhone, NULL,
             "autocomplete=\"off\"");
  people_commune_select(h, pErr, "comuna", "Comuna", e->pCtx,
                        page_council_region(r), m->zCommuneCode, 1);
  people_choice_select(h, pErr, "genero", "Género (para el informe de paridad)",
                       &people_genders, m->zGender, 0);
  html_printf(h, "</fieldset>\n<fieldset><legend>En el consejo</legend>\n");
  member_org_select(h, r, e->iCouncil, pErr, m->iOrganization);
  people_choice_select(h, pErr, "cargo", "Cargo", &people_council_roles,
                       m->zRole, 0);
  people_choice_select(h, pErr, "calidad", "Calidad", &kinds,
                       m->bTitular ? "titular" : "suplente", 0);
  member_titular_select(h, r, e->iCouncil, pErr, m->id, m->iSubstituteFor);
  form_input(h, pErr, "inicio_periodo", "Inicio del periodo", "date",
             m->zTermStart, NULL, "required");
  form_input(h, pErr, "fin_periodo", "Fin del periodo", "date", m->zTermEnd,
             "Si lo deja en blanco, se calcula con el largo del periodo del "
             "consejo.",
             NULL);
  people_choice_select(h, pErr, "estado", "Estado", &people_member_statuses,
                       m->zStatus, 0);
  form_input(h, pErr, "fecha_estado", "Fecha del cambio de estado", "date",
             m->zStatusDate, NULL, NULL);
  form_input(h, pErr, "motivo_estado", "Motivo del cambio de estado", "text",
             m->zStatusReason, NULL, NULL);
  html_printf(h, "</fieldset>\n");
}

/* The record as typed, for re-showing the form after a refusal. */
static void member_retyped(RecordEdit *e, const void *pChecked, void *pRec) {
  Request *r = e->r;
  Member *m = pRec;
  *m = *(const Member *)pChecked;
  const char *azField[] = {"nombres",     "apellidos",    "run",
                           "correo",      "telefono",     "inicio_periodo",
                           "fin_periodo", "fecha_estado", "motivo_estado"};
  const char **apz[] = {&m->zFirstNames, &m->zLastNames,  &m->zRun,
                        &m->zEmail,      &m->zPhone,      &m->zTermStart,
                        &m->zTermEnd,    &m->zStatusDate, &m->zStatusReason};
  for (size_t i = 0; i < sizeof(azField) / sizeof(azField[0]); i++) {
    *apz[i] = people_field(r, azField[i]);
  }
  m->zCommuneCode = request_field(r, "comuna");
  m->zGender = request_field(r, "genero");
  m->zRole = request_field(r, "cargo");
  m->zStatus = request_field(r, "estado");
}

/* What the officer typed (pMine) next to the councillor as saved meanwhile
** (pSaved). */
static void member_conflict_rows(Html *h, RecordEdit *e, const void *pM,
                                 const void *pS) {
  (void)e;
  const Member *pMine = pM, *pSaved = pS;
  conflict_row(h, "Nombres", pMine->zFirstNames, pSaved->zFirstNames);
  conflict_row(h, "Apellidos", pMine->zLastNames, pSaved->zLastNames);
  conflict_row(h, "RUN", pMine->zRun, pSaved->zRun);
  conflict_row(h, "Correo electrónico", pMine->zEmail, pSaved->zEmail);
  conflict_row(h, "Teléfono", pMine->zPhone, pSaved->zPhone);
  conflict_row(h, "Comuna", pMine->zCommuneCode, pSaved->zCommuneCode);
  conflict_row(h, "Género", people_label(&people_genders, pMine->zGender),
               people_label(&people_genders, pSaved->zGender));
  conflict_row(h, "Cargo", people_label(&people_council_roles, pMine->zRole),
               people_label(&people_council_roles, pSaved->zRole));
  conflict_row(h, "Calidad", pMine->bTitular ? "Titular" : "Suplente",
               pSaved->bTitular ? "Titular" : "Suplente");
  conflict_row(h, "Inicio del periodo", pMine->zTermStart, pSaved->zTermStart);
  conflict_row(h, "Fin del periodo", pMine->zTermEnd, pSaved->zTermEnd);
  conflict_row(h, "Estado",
               people_label(&people_member_statuses, pMine->zStatus),
               people_label(&people_member_statuses, pSaved->zStatus));
  conflict_row(h, "Motivo del cambio de estado", pMine->zStatusReason,
               pSaved->zStatusReason);
}

static int member_prepare(RecordEdit *e) {
  e->pCtx = arena_alloc(e->pArena, sizeof(TerritoryIndex));
  return territory_index_load(e->pDb, e->pArena, e->pCtx);
}

static void member_defaults(RecordEdit *e, void *pRec) {
  (void)e;
  Member *m = pRec;
  m->bTitular = 1;
  m->zRole = "consejero";
  m->zStatus = "vigente";
  m->zGender = "no_informa";
}

static int member_load(RecordEdit *e, void *pRec) {
  return people_member_get(e->pDb, e->pArena, e->iCouncil, e->iId, pRec);
}

static void member_check(RecordEdit *e, void *pChecked, FormErrors *pErr) {
  people_member_check(e->pDb, e->pArena, e->iCouncil, e->pCtx,
                      people_request_get, e->r, e->iId, NULL, 0, pChecked,
                      pErr);
}

static int member_save(RecordEdit *e, const void *pStored, void *pChecked) {
  Member *m = pChecked;
  m->iUserId = ((const Member *)pStored)->iUserId; /* Not on the form */
  return people_member_save(e->pDb, e->iCouncil, m);
}

static const char *member_title(RecordEdit *e, const void *pRec) {
  return people_member_name(e->pArena, pRec);
}

/* A stored councillor's facts and the account invitation. */
static void member_facts(Html *h, RecordEdit *e, const void *pRec) {
  const Member *m = pRec;
  char zRun[RUT_DISPLAY_MAX];
  rut_format(m->zRun, zRun);
  html_printf(h,
              "<dl class=\"facts\"><dt>RUN</dt><dd>%s</dd>"
              "<dt>Organización</dt><dd>%s</dd><dt>Comuna</dt><dd>%s "
              "(provincia de %s)</dd><dt>Cuenta</dt><dd>%s</dd></dl>\n",
              zRun, m->zOrganization, m->zCommuneName, m->zProvinceName,
              m->iUserId ? "Tiene cuenta para ingresar" : "Sin cuenta aún");
  if (!m->iUserId && m->zEmail[0]) {
    html_printf(h,
                "<form method=\"post\" action=\"/admin/integrantes/%lld/"
                "invitar\" class=\"inline-form\">",
                (long long)m->id);
    form_csrf(h, request_csrf_token(e->r));
    html_printf(h,
                "<button type=\"submit\" class=\"button\">Crear enlace "
                "de invitación</button></form>\n");
  }
  html_printf(h,
              "<p><a href=\"/admin/integrantes/%lld/datos\">Datos "
              "personales</a>: consentimientos, exportación, bloqueo y "
              "supresión.</p>\n<h2>Editar</h2>\n",
              (long long)m->id);
}

static const RecordPage member_page = {RECORD_MEMBER,
                                       sizeof(Member),
                                       offsetof(Member, id),
                                       "/admin/integrantes",
                                       "nuevo",
                                       "Consejeros y consejeras",
                                       "admin-integrantes",
                                       "Agregar consejero/a",
                                       "de la ficha del consejero o consejera",
                                       member_prepare,
                                       member_defaults,
                                       member_load,
                                       member_check,
                                       member_save,
                                       member_retyped,
                                       member_title,
                                       member_facts,
                                       member_fields,
                                       member_conflict_rows};

void page_admin_member_new(Request *r) { record_edit_page(r, &member_page, 1); }

void page_admin_member(Request *r) { record_edit_page(r, &member_page, 0); }

/* ---- Invitation ---- */

void page_admin_member_invite(Request *r) {
  int64_t iCouncil = page_require_council(r);
  if (!iCouncil) return;
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  Member m;
  int64_t iId = request_param_id(r, 0);
  if (!iId || people_member_get(pDb, pArena, iCouncil, iId, &m) != DB_OK) {
    respond_error(r, 404, NULL);
    return;
  }
  if (m.iUserId || !m.zEmail[0]) {
    respond_error(r, 409,
                  m.iUserId ? "Esta persona ya tiene cuenta."
                            : "Registre primero su correo electrónico.");
    return;
  }
  char zToken[44];
  if (!page_db_ok(
          r, people_invitation_create(pDb, iId, request_user(r)->id, zToken))) {
    return;
  }
  Html h;
  page_begin_titled(r, &h, "Enlace de invitación", "admin-integrantes");
  html_printf(&h,
              "<p>Entregue este enlace a "
              "%s (%s). Sirve una sola vez y vence en %d días; con él "
              "elegirá su contraseña.</p>\n<p><code id=\"enlace\">"
              "/invitacion?t=%s</code></p>\n<p><a href=\"/admin/"
              "integrantes/%lld\">Volver a la ficha</a></p>\n",
              people_member_name(pArena, &m), m.zEmail, PEOPLE_INVITATION_DAYS,
              zToken, (long long)iId);
  page_finish(r, &h, 200);
}

void page_invitation(Request *r) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  const char *zToken = page_link_token(r);
  int64_t iMember = people_invitation_member(pDb, zToken);
  Member m;
  if (iMember) page_council_use(r, people_member_council(pDb, iMember));
  if (!iMember || people_member_get(pDb, pArena, page_council_id(r), iMember,
                                    &m) != DB_OK) {
    page_link_gone(r);
    return;
  }
  FormErrors err;
  const char *zPassword =
      page_new_password(r, &err, people_member_name(pArena, &m), m.zEmail);
  if (zPassword) {
    int64_t iUser = 0;
    const char *zErr = NULL;
    if (people_invitation_accept(pDb, pArena, zToken, zPassword, &iUser,
                                 &zErr) == DB_OK &&
        request_start_session(r, iUser) == DB_OK) {
      respond_redirect(r, "/cuenta");
      return;
    }
    form_error(&err, NULL, zErr ? zErr : "No se pudo crear la cuenta.");
  }
  Html h;
  page_begin_titled(r, &h, "Crear su cuenta", NULL);
  html_printf(&h,
              "<p>%s, elija una contraseña "
              "para ingresar con su correo %s.</p>\n",
              people_member_name(pArena, &m), m.zEmail);
  page_password_form(&h, r, &err, "/invitacion", zToken, 0,
                     "Al menos 8 caracteres.", "Crear cuenta");
  page_finish(r, &h, request_is_post(r) ? 422 : 200);
}

/* ---- Import ---- */

static const PeopleImport member_import = {"Importar consejeros y consejeras",
                                           "admin-integrantes",
                                           "/admin/integrantes",
                                           people_member_columns,
                                           &people_member_columns_count,
                                           people_import_members};

void page_admin_members_import(Request *r) {
  people_import_route(r, &member_import);
}

void page_admin_members_template(Request *r) {
  people_template_route(r, 1, "plantilla-consejeros.csv");
}

/* ---- API ---- */

void page_api_members(Request *r) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  PeopleFilter filter;
  people_filter_from_request(r, &filter);
  ListPage pg;
  if (!page_list_from_api(r, &pg)) return;
  filter.pPage = &pg;
  Member *aMember = NULL;
  int nMember = 0;
  int64_t iCouncil = page_council_id(r);
  /* Every status (filter with ?estado=vigente); RUN, e-mail and phone are
  ** read but never put into the answer. */
  if (iCouncil && people_member_list(pDb, pArena, iCouncil, &filter, 0,
                                     &aMember, &nMember) != DB_OK) {
    respond_json_error(r, 500, "No se pudo leer la lista.", NULL);
    return;
  }
  json_t *pArr = json_array();
  for (int i = 0; i < nMember; i++) {
    const Member *m = &aMember[i];
    json_t *p = json_object();
    json_object_set_new(p, "id", json_integer(m->id));
    json_object_set_new(p, "name", json_string(people_member_name(pArena, m)));
    json_object_set_new(p, "organization", json_string(m->zOrganization));
    json_object_set_new(p, "role", json_string(m->zRole));
    json_object_set_new(p, "titular", json_boolean(m->bTitular));
    json_object_set_new(p, "commune", json_string(m->zCommuneCode));
    json_object_set_new(p, "commune_name", json_string(m->zCommuneName));
    json_object_set_new(p, "status", json_string(m->zStatus));
    json_object_set_new(
        p, "term",
        json_pack("{s:s, s:s}", "start", m->zTermStart, "end", m->zTermEnd));
    if (m->iSubstituteFor) {
      json_object_set_new(p, "substitute_for", json_integer(m->iSubstituteFor));
    }
    json_array_append_new(pArr, p);
  }
  page_list_headers(r, &pg, "/api/members",
                    people_filter_query(pArena, &filter));
  respond_json(r, 200, pArr);
}

/* ---- Exports ---- */

static void member_export_row(Arena *pArena, const void *pRow,
                              const char **az) {
  const Member *m = pRow;
  char zRun[RUT_DISPLAY_MAX];
  rut_format(m->zRun, zRun);
  const char *azRow[] = {m->zFirstNames,
                         m->zLastNames,
                         arena_strdup(pArena, zRun),
                         m->zEmail,
                         m->zPhone,
                         m->zCommuneName,
                         m->zProvinceName,
                         people_label(&people_genders, m->zGender),
                         m->zOrganization,
                         people_label(&people_council_roles, m->zRole),
                         m->bTitular ? "Titular" : "Suplente",
                         m->zSubstituteFor,
                         m->zTermStart,
                         m->zTermEnd,
                         people_label(&people_member_statuses, m->zStatus),
                         m->zStatusDate,
                         m->zStatusReason};
  memcpy(az, azRow, sizeof(azRow));
}

static void member_public_row(Arena *pArena, const void *pRow,
                              const char **az) {
  const Member *m = pRow;
  const char *azRow[] = {people_member_name(pArena, m),
                         m->zOrganization,
                         people_label(&people_council_roles, m->zRole),
                         member_quality(pArena, m),
                         m->zTermStart,
                         m->zTermEnd};
  memcpy(az, azRow, sizeof(azRow));
}

static int member_list_rows(Request *r, int64_t iCouncil,
                            const PeopleFilter *pFilter, void *ppRow,
                            int *pnRow) {
  return people_member_list(request_db(r), request_arena(r), iCouncil, pFilter,
                            0, (Member **)ppRow, pnRow);
}

static void member_list_row(HtmlTable *t, Request *r, const void *pRow) {
  Arena *pArena = request_arena(r);
  const Member *m = pRow;
  char zRun[RUT_DISPLAY_MAX];
  rut_format(m->zRun, zRun);
  table_cell(t, "<a href=\"/admin/integrantes/%lld\">%s %s</a>",
             (long long)m->id, m->zFirstNames, m->zLastNames);
  table_cell(t, "%s", zRun);
  table_cell(t, "%s", m->zOrganization);
  table_cell(t, "%s", people_label(&people_council_roles, m->zRole));
  table_cell(t, "%s", m->bTitular ? "Titular" : "Suplente");
  table_cell(t, "%s", m->zCommuneName);
  table_cell(t, "%s al %s", page_date(pArena, m->zTermStart),
             page_date(pArena, m->zTermEnd));
  table_cell(t, "%s", people_label(&people_member_statuses, m->zStatus));
}

static const char *const azMemberColumn[] = {
    "Nombre",  "RUN",    "Organización", "Cargo",
    "Calidad", "Comuna", "Periodo",      "Estado"};
static const char *const azMemberExportColumn[] = {"Nombres",
                                                   "Apellidos",
                                                   "RUN",
                                                   "Correo",
                                                   "Teléfono",
                                                   "Comuna",
                                                   "Provincia",
                                                   "Género",
                                                   "Organización",
                                                   "Cargo",
                                                   "Calidad",
                                                   "Suplente de",
                                                   "Inicio del periodo",
                                                   "Fin del periodo",
                                                   "Estado",
                                                   "Fecha del estado",
                                                   "Motivo"};

static const PeopleList member_list = {
    .zTitle = "Consejeros y consejeras",
    .zNav = "admin-integrantes",
    .zBase = "/admin/integrantes",
    .zNew = "nuevo",
    .bImport = 1,
    .pRole = &people_council_roles,
    .zRoleParam = "rol",
    .zRoleLabel = "Cargo",
    .pStatus = &people_member_statuses,
    .xRows = member_list_rows,
    .nRow = sizeof(Member),
    .zOne = "persona",
    .zMany = "personas",
    .azHeader = azMemberColumn,
    .nHeader = 8,
    .xRow = member_list_row,
    .xAbove = members_summary,
    .exp = {"Consejeros y consejeras", azMemberExportColumn, 17,
            member_export_row, "consejeros"}};

/* GET /admin/integrantes — with its filters, and the parity summary. */
void page_admin_members(Request *r) { people_list_page(r, &member_list); }

/* GET /admin/integrantes.csv|.xlsx — the officer's list with the same
** filters, personal data included (admin only). */
void page_admin_members_export(Request *r) {
  people_list_export(r, &member_list);
}

/* GET /integrantes.csv|.xlsx — public: what /integrantes shows, no more. */
void page_members_public_export(Request *r) {
  Member *aMember = NULL;
  int nMember = 0;
  if (!public_rows(r, &aMember, &nMember)) return;
  static const char *const azHeader[] = {
      "Nombre",  "Organización",       "Cargo",
      "Calidad", "Inicio del periodo", "Fin del periodo"};
  static const PeopleExport exp = {"Integrantes del consejo", azHeader, 6,
                                   member_public_row, "integrantes"};
  people_send_export(r, &exp, aMember, sizeof(Member), nMember);
}
