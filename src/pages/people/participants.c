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
#include <stddef.h>
#include <string.h>

#include "domain/rut.h"
#include "pages/record_page.h"
#include "pages/courses/courses_pages.h"
#include "pages/people/people_widgets.h"
#include "render/pager.h"
#include "render/table.h"
#include "store/people/participants.h"

void page_admin_participants(Request *r) {
  int64_t iCouncil = page_require_council(r);
  if (!iCouncil) return;
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  PeopleFilter filter;
  people_filter_from_request(r, &filter);
  ListPage pg;
  list_page_numbered(&pg, request_query(r, "pagina"), LIST_PAGE_SIZE);
  filter.pPage = &pg;
  TerritoryIndex idx;
  Participant *a = NULL;
  int n = 0;
  if (territory_index_load(pDb, pArena, &idx) != DB_OK ||
      participant_list(pDb, pArena, iCouncil, &filter, &a, &n) != DB_OK) {
    respond_error(r, 500, NULL);
    return;
  }
  Html h;
  page_begin_titled(r, &h, "Participantes", "admin-participantes");
  html_printf(&h,
              "<p>Dirigentes y personas invitadas que "
              "no son consejeros: las inscritas en cursos y las invitadas a "
              "mesas y charlas. Cada persona es una sola, en todas las "
              "actividades.</p>\n<p class=\"actions\"><a class=\"button "
              "button-primary\" href=\"/admin/participantes/nuevo\">Agregar"
              "</a></p>\n");
  people_filter_form(&h, &filter, &idx, page_council_region(r),
                     "/admin/participantes", NULL, "tipo", "Tipo", NULL);
  static const char *const azColumn[] = {"Nombre", "Organización", "Comuna",
                                         "Provincia", "Correo"};
  HtmlTable t;
  table_open(&t, &h, "table table-cards", NULL);
  table_caption_count(&t, pg.nTotal, "persona", "personas");
  table_head(&t, azColumn, 5);
  for (int i = 0; i < n; i++) {
    const Participant *p = &a[i];
    table_row_open(&t);
    table_cell(&t, "<a href=\"/admin/participantes/%lld\">%s</a>",
               (long long)p->id, p->zName);
    table_cell(&t, "%s", p->zOrganization);
    table_cell(&t, "%s", p->zCommuneName);
    table_cell(&t, "%s", p->zProvinceName);
    table_cell(&t, "%s", p->zEmail);
    table_row_close(&t);
  }
  table_close(&t);
  pager_html(&h, "/admin/participantes", people_filter_query(pArena, &filter),
             &pg, "persona", "personas");
  page_finish(r, &h, 200);
}

/* ---- The record page (record_page.h) ---- */

static int part_prepare(RecordEdit *e) {
  e->pCtx = arena_alloc(e->pArena, sizeof(TerritoryIndex));
  return territory_index_load(e->pDb, e->pArena, e->pCtx);
}

static void part_defaults(RecordEdit *e, void *pRec) {
  (void)e;
  Participant *p = pRec;
  p->zName = p->zRun = p->zEmail = p->zPhone = p->zOrganization =
      p->zCommuneCode = "";
}

static int part_load(RecordEdit *e, void *pRec) {
  return participant_get(e->pDb, e->pArena, e->iCouncil, e->iId, pRec);
}

static void part_check(RecordEdit *e, void *pChecked, FormErrors *pErr) {
  participant_check(e->pDb, e->pArena, e->iCouncil, e->pCtx, people_request_get,
                    e->r, e->iId, 0, 0, pChecked, pErr);
}

static int part_save(RecordEdit *e, const void *pStored, void *pChecked) {
  (void)pStored;
  return participant_save(e->pDb, e->iCouncil, request_user(e->r)->id,
                          pChecked);
}

/* What was typed, as typed. */
static void part_retyped(RecordEdit *e, const void *pChecked, void *pRec) {
  Participant *p = pRec;
  *p = *(const Participant *)pChecked;
  p->zRun = people_field(e->r, "run");
  p->zEmail = people_field(e->r, "correo");
  p->zCommuneCode = people_field(e->r, "comuna");
}

static const char *part_title(RecordEdit *e, const void *pRec) {
  (void)e;
  return ((const Participant *)pRec)->zName;
}

/* The activities the person took part in, above the form. */
static void part_facts(Html *h, RecordEdit *e, const void *pRec) {
  const Participant *p = pRec;
  ParticipantActivity *a = NULL;
  int n = 0;
  if (participant_activities(e->pDb, e->pArena, e->iCouncil, p->id, &a, &n) !=
      DB_OK)
    return;
  html_printf(h, "<h2>Actividades</h2>\n");
  if (!n) html_printf(h, "<p>Aún no figura en ninguna actividad.</p>\n");
  html_printf(h, "<ul>\n");
  for (int i = 0; i < n; i++) {
    html_printf(h,
                "<li><a href=\"/actividades/%lld\">%s</a> — %.10s, %s</li>\n",
                (long long)a[i].iActivity, a[i].zTitle,
                page_time(e->pArena, a[i].iStart), a[i].zStatus);
  }
  html_printf(h,
              "</ul>\n<p><a href=\"/admin/participantes/%lld/datos\">Datos "
              "personales</a>: consentimientos, exportación y supresión.</p>\n"
              "<h2>Editar</h2>\n",
              (long long)p->id);
}

static void part_fields(Html *h, RecordEdit *e, const void *pRec,
                        const FormErrors *pErr) {
  const Participant *p = pRec;
  char zRun[RUT_DISPLAY_MAX];
  rut_format(p->zRun, zRun);
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
  if (people_org_list(e->pDb, e->pArena, e->iCouncil, &none, &aOrg, &nOrg) ==
      DB_OK) {
    html_printf(h, "<datalist id=\"organizaciones\">");
    for (int i = 0; i < nOrg; i++)
      html_printf(h, "<option value=\"%s\">", aOrg[i].zName);
    html_printf(h, "</datalist>\n");
  }
  people_commune_select(h, pErr, "comuna", "Comuna", e->pCtx,
                        page_council_region(e->r), p->zCommuneCode, 1);
}

static void part_conflict_rows(Html *h, RecordEdit *e, const void *pMine,
                               const void *pSaved) {
  (void)e;
  const Participant *m = pMine, *s = pSaved;
  conflict_row(h, "Nombre", m->zName, s->zName);
  conflict_row(h, "RUN", m->zRun, s->zRun);
  conflict_row(h, "Correo electrónico", m->zEmail, s->zEmail);
  conflict_row(h, "Teléfono", m->zPhone, s->zPhone);
  conflict_row(h, "Organización", m->zOrganization, s->zOrganization);
  conflict_row(h, "Comuna", m->zCommuneCode, s->zCommuneCode);
}

static const RecordPage participant_page = {RECORD_PARTICIPANT,
                                            sizeof(Participant),
                                            offsetof(Participant, id),
                                            "/admin/participantes",
                                            "nuevo",
                                            "Participantes",
                                            "admin-participantes",
                                            "Agregar participante",
                                            "de la persona",
                                            part_prepare,
                                            part_defaults,
                                            part_load,
                                            part_check,
                                            part_save,
                                            part_retyped,
                                            part_title,
                                            part_facts,
                                            part_fields,
                                            part_conflict_rows};

void page_admin_participant_new(Request *r) {
  record_edit_page(r, &participant_page, 1);
}

void page_admin_participant(Request *r) {
  record_edit_page(r, &participant_page, 0);
}
