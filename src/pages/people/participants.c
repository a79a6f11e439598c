/*
** Participants: people who are not councillors — leaders enrolled in a
** course, guests of mesas and talks — one record each (officer only).
**
** GET  /admin/participantes              ?q, provincia, comuna
** GET|POST /admin/participantes/nuevo    fields: nombre, run, correo,
**                                        telefono, organizacion (a name:
**                                        the registry's when it has it),
**                                        comuna
** GET|POST /admin/participantes/ID       the record, the activities they
**                                        took part in, and its form (422
**                                        with what was typed; 409 when
**                                        saved meanwhile)
*/
#include <string.h>

#include "domain/rut.h"
#include "pages/courses/courses_pages.h"
#include "pages/people/people_widgets.h"
#include "store/people/participants.h"

void page_admin_participants(Request *r) {
  int64_t iCouncil = people_require_council(r);
  if (!iCouncil) return;
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  PeopleFilter filter;
  people_filter_from_request(r, &filter);
  TerritoryIndex idx;
  Participant *a = NULL;
  int n = 0;
  if (territory_index_load(pDb, pArena, &idx) != DB_OK ||
      participant_list(pDb, pArena, iCouncil, &filter, &a, &n) != DB_OK) {
    respond_error(r, 500, NULL);
    return;
  }
  Html h;
  page_begin(r, &h, "Participantes", "admin-participantes");
  html_printf(&h,
              "<h1>Participantes</h1>\n<p>Dirigentes y personas invitadas que "
              "no son consejeros: las inscritas en cursos y las invitadas a "
              "mesas y charlas. Cada persona es una sola, en todas las "
              "actividades.</p>\n<p class=\"actions\"><a class=\"button "
              "button-primary\" href=\"/admin/participantes/nuevo\">Agregar"
              "</a></p>\n");
  people_filter_form(&h, &filter, &idx,
                     territory_council_region(pDb, pArena, iCouncil),
                     "/admin/participantes", NULL, "tipo", "Tipo", NULL);
  html_printf(&h,
              "<div class=\"table-wrap\"><table class=\"table "
              "table-cards\"><caption>%d %s</caption><thead><tr>"
              "<th scope=\"col\">Nombre</th><th scope=\"col\">Organización"
              "</th><th scope=\"col\">Comuna</th><th scope=\"col\">Provincia"
              "</th><th scope=\"col\">Correo</th></tr></thead><tbody>\n",
              n, n == 1 ? "persona" : "personas");
  for (int i = 0; i < n; i++) {
    const Participant *p = &a[i];
    html_printf(&h,
                "<tr><td data-label=\"Nombre\"><a href=\"/admin/"
                "participantes/%lld\">%s</a></td><td data-label=\""
                "Organización\">%s</td><td data-label=\"Comuna\">%s</td><td "
                "data-label=\"Provincia\">%s</td><td data-label=\"Correo\">%s"
                "</td></tr>\n",
                (long long)p->id, p->zName, p->zOrganization, p->zCommuneName,
                p->zProvinceName, p->zEmail);
  }
  html_printf(&h, "</tbody></table></div>\n");
  page_finish(r, &h, 200);
}

static void part_form(Html *h, Request *r, int64_t iCouncil,
                      const TerritoryIndex *pIdx, const Participant *p,
                      const FormErrors *pErr, int iBase,
                      const char *zConflictDiscard) {
  Arena *pArena = request_arena(r);
  char zRun[RUT_DISPLAY_MAX];
  rut_format(p->zRun, zRun);
  form_errors_summary(h, pErr);
  html_printf(h, "<form class=\"form\" method=\"post\" action=\"%s\">\n",
              p->id ? arena_printf(pArena, "/admin/participantes/%lld",
                                   (long long)p->id)
                    : "/admin/participantes/nuevo");
  form_csrf(h, request_csrf_token(r));
  people_version_field(h, r, RECORD_PARTICIPANT, p->id, iBase);
  form_input(h, pErr, "nombre", "Nombre completo", "text", p->zName, NULL,
             "required autocomplete=\"off\"");
  form_input(h, pErr, "run", "RUN", "text", zRun[0] ? zRun : p->zRun, NULL,
             "autocomplete=\"off\"");
  form_input(h, pErr, "correo", "Correo electrónico", "email", p->zEmail, NULL,
             "autocomplete=\"off\"");
  form_input(h, pErr, "telefono", "Teléfono", "tel", p->zPhone, NULL,
             "autocomplete=\"off\"");
  form_input(h, pErr, "organizacion", "Organización", "text", p->zOrganization,
             "Si está en el registro de organizaciones, queda unida a ella; "
             "si no, se guarda como una organización nueva escrita aquí.",
             "autocomplete=\"off\" list=\"organizaciones\"");
  Organization *aOrg = NULL;
  int nOrg = 0;
  PeopleFilter none;
  memset(&none, 0, sizeof(none));
  if (people_org_list(request_db(r), pArena, iCouncil, &none, &aOrg, &nOrg) ==
      DB_OK) {
    html_printf(h, "<datalist id=\"organizaciones\">");
    for (int i = 0; i < nOrg; i++)
      html_printf(h, "<option value=\"%s\">", aOrg[i].zName);
    html_printf(h, "</datalist>\n");
  }
  people_commune_select(
      h, pErr, "comuna", "Comuna", pIdx,
      territory_council_region(request_db(r), pArena, iCouncil),
      p->zCommuneCode, 1);
  if (zConflictDiscard) {
    conflict_submit(h, zConflictDiscard);
    return;
  }
  html_printf(h,
              "<div class=\"actions\"><button type=\"submit\" class=\""
              "button button-primary\">Guardar</button> <a href=\"/admin/"
              "participantes\">Cancelar</a></div>\n</form>\n");
}

static void part_facts(Html *h, Request *r, int64_t iCouncil,
                       const Participant *p) {
  Arena *pArena = request_arena(r);
  ParticipantActivity *a = NULL;
  int n = 0;
  if (participant_activities(request_db(r), pArena, iCouncil, p->id, &a, &n) !=
      DB_OK)
    return;
  html_printf(h, "<h2>Actividades</h2>\n");
  if (!n) html_printf(h, "<p>Aún no figura en ninguna actividad.</p>\n");
  html_printf(h, "<ul>\n");
  for (int i = 0; i < n; i++) {
    html_printf(h,
                "<li><a href=\"/actividades/%lld\">%s</a> — %.10s, %s</li>\n",
                (long long)a[i].iActivity, a[i].zTitle,
                page_time(pArena, a[i].iStart), a[i].zStatus);
  }
  html_printf(h, "</ul>\n<h2>Editar</h2>\n");
}

static void part_edit(Request *r, int64_t iCouncil, int64_t iId) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  TerritoryIndex idx;
  if (territory_index_load(pDb, pArena, &idx) != DB_OK) {
    respond_error(r, 500, NULL);
    return;
  }
  Participant p;
  memset(&p, 0, sizeof(p));
  p.zName = p.zRun = p.zEmail = p.zPhone = p.zOrganization = p.zCommuneCode =
      "";
  if (iId && participant_get(pDb, pArena, iCouncil, iId, &p) != DB_OK) {
    respond_error(r, 404, NULL);
    return;
  }
  FormErrors err;
  form_errors_init(&err);
  int iStatus = 200, iBase = 0;
  Participant mine;
  memset(&mine, 0, sizeof(mine));
  if (request_is_post(r)) {
    Problems prob;
    problems_init(&prob);
    Participant checked;
    participant_check(pDb, pArena, iCouncil, &idx, people_request_get, r, iId,
                      0, 0, &checked, &prob);
    for (int i = 0; i < prob.n; i++)
      form_error(&err, prob.azField[i], prob.azMessage[i]);
    if (!prob.n) {
      int rc = people_save_begin(r, RECORD_PARTICIPANT, iId);
      if (rc == DB_OK)
        rc = participant_save(pDb, iCouncil, request_user(r)->id, &checked);
      rc = people_save_end(r, RECORD_PARTICIPANT, checked.id, !iId, rc);
      if (rc == DB_OK) {
        respond_redirect(
            r, arena_printf(pArena, "/admin/participantes/%lld?aviso=guardado",
                            (long long)checked.id));
        return;
      }
      if (rc != DB_BUSY ||
          participant_get(pDb, pArena, iCouncil, iId, &p) != DB_OK) {
        respond_error(r, 500, NULL);
        return;
      }
      mine = checked;
      iStatus = 409;
    } else {
      iBase = people_posted_version(r);
      /* What was typed, as typed. */
      p = checked;
      p.id = iId;
      const char *z;
      p.zRun = (z = request_field(r, "run")) ? z : "";
      p.zEmail = (z = request_field(r, "correo")) ? z : "";
      p.zCommuneCode = (z = request_field(r, "comuna")) ? z : "";
      iStatus = 422;
    }
  }
  Html h;
  const char *zTitle = iId ? p.zName : "Agregar participante";
  if (iStatus == 422 && iId) zTitle = "Editar participante";
  page_begin(r, &h, zTitle, "admin-participantes");
  html_printf(&h,
              "<p><a href=\"/admin/participantes\">← Participantes</a></p>\n"
              "<h1>%s</h1>\n",
              zTitle);
  if (iId && iStatus == 200) part_facts(&h, r, iCouncil, &p);
  if (iStatus == 409) {
    people_conflict_begin(&h, r, RECORD_PARTICIPANT, iId, "de la persona");
    conflict_row(&h, "Nombre", mine.zName, p.zName);
    conflict_row(&h, "RUN", mine.zRun, p.zRun);
    conflict_row(&h, "Correo electrónico", mine.zEmail, p.zEmail);
    conflict_row(&h, "Teléfono", mine.zPhone, p.zPhone);
    conflict_row(&h, "Organización", mine.zOrganization, p.zOrganization);
    conflict_row(&h, "Comuna", mine.zCommuneCode, p.zCommuneCode);
    conflict_end(&h);
    mine.id = iId;
    part_form(
        &h, r, iCouncil, &idx, &mine, &err, 0,
        arena_printf(pArena, "/admin/participantes/%lld", (long long)iId));
  } else {
    part_form(&h, r, iCouncil, &idx, &p, &err, iBase, NULL);
  }
  page_finish(r, &h, iStatus);
}

void page_admin_participant_new(Request *r) {
  people_edit_route(r, 1, part_edit);
}

void page_admin_participant(Request *r) { people_edit_route(r, 0, part_edit); }
