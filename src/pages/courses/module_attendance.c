/*
** A module's attendance, taken from the course's enrolled people: marked
** on a phone (one line a person), or read from the participants report a
** videoconference exports (Zoom, Google Meet, Microsoft Teams), matched by
** e-mail then name, reviewed before it is saved.
**
** POST /actividades/ID/asistencia-curso   admin: e_ENROLMENT = presente,
**      ausente or justificado for each enrolled person; min_ENROLMENT =
**      minutes connected (from a report); u_N = the enrolment an
**      unmatched report row N is, with um_N its minutes (a row given to
**      someone counts as present when its minutes reach the setting).
**      Replaces the module's attendance; 303 to the activity. "version":
**      the list's version the form was drawn from; when it was saved
**      meanwhile (another form, the API), 409 with both, person by person,
**      nothing written, and «Guardar mi versión».
** POST /actividades/ID/asistencia-reporte admin, multipart: archivo (the
**      CSV). Answers the review (200), or the reason it cannot be read
**      (422); nothing is written until the review is saved.
*/
#include <stdlib.h>
#include <string.h>

#include "store/council/council.h"
#include "pages/activities/activities_pages.h"
#include "pages/record_page.h"
#include "pages/courses/courses_pages.h"
#include "pages/meetings/meetings_pages.h"
#include "util/text.h"

/* The most minutes a form may carry for one person in one module (a week):
** what the report's review sends back is a number typed in a page. */
#define MINUTES_TYPED_MAX (7 * 24 * 60)

/* A module as its two forms need it: its activity, the council, its
** course and the course's enrolments. */
typedef struct Module {
  Activity act;
  int64_t iCouncil;
  Course course;
  Enrolment *aEnrol;
  int nEnrol;
} Module;

/* The module named by the route, or answers and returns 0. */
static int module_load(Request *r, Module *m) {
  memset(m, 0, sizeof(*m));
  if (!act_load(r, &m->act, 0)) return 0;
  m->iCouncil = page_require_council(r);
  if (!m->iCouncil) return 0;
  Db *pDb = request_db(r);
  int64_t iCourse = 0;
  int rc = course_of_activity(pDb, m->iCouncil, m->act.id, &iCourse);
  if (!page_found(r, rc, "Esta actividad no es un módulo de un curso.")) {
    return 0;
  }
  if (course_get(pDb, request_arena(r), m->iCouncil, iCourse, &m->course) !=
          DB_OK ||
      enrolment_list(pDb, request_arena(r), m->iCouncil, iCourse, &m->aEnrol,
                     &m->nEnrol) != DB_OK) {
    respond_error(r, 500, NULL);
    return 0;
  }
  return 1;
}

static const char *const azStatus[] = {"presente", "ausente", "justificado"};
static const char *const azStatusLabel[] = {"Presente", "Ausente",
                                            "Justificado"};

/* One compact line: the name and a select of the status. */
static void person_line(Html *h, const Enrolment *e, const char *zStatus,
                        int nMinutes) {
  html_printf(h,
              "<li class=\"att-row\"><label for=\"e_%lld\">%s</label> "
              "<select id=\"e_%lld\" name=\"e_%lld\">",
              (long long)e->id, e->part.zName, (long long)e->id,
              (long long)e->id);
  for (int k = 0; k < 3; k++) {
    html_printf(h, "<option value=\"%s\"%s>%s</option>", azStatus[k],
                strcmp(zStatus, azStatus[k]) == 0 ? " selected" : "",
                azStatusLabel[k]);
  }
  html_printf(h, "</select>");
  if (nMinutes >= 0) {
    html_printf(h,
                " <span class=\"muted\">%d min</span><input type=\"hidden\" "
                "name=\"min_%lld\" value=\"%d\">",
                nMinutes, (long long)e->id, nMinutes);
  }
  html_printf(h, "</li>\n");
}

int courses_activity_is_module(Request *r, const Activity *pAct) {
  int64_t iCouncil = page_council_id(r);
  int64_t iCourse = 0;
  return iCouncil &&
         course_of_activity(request_db(r), iCouncil, pAct->id, &iCourse) ==
             DB_OK &&
         iCourse > 0;
}

int courses_module_section(Html *h, Request *r, const Activity *pAct) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  int64_t iCouncil = page_council_id(r);
  int64_t iCourse = 0;
  if (!iCouncil ||
      course_of_activity(pDb, iCouncil, pAct->id, &iCourse) != DB_OK)
    return 0;
  Course c;
  if (course_get(pDb, pArena, iCouncil, iCourse, &c) != DB_OK) return 0;
  html_printf(h,
              "<section id=\"curso\"><h2>Módulo del curso</h2>\n<p>Este "
              "módulo es parte del curso <a href=\"/cursos/%lld\">%s</a>.",
              (long long)c.id, c.zTitle);
  const User *pUser = request_user(r);
  if (!pUser || !(pUser->mRole & ROLE_ADMIN)) {
    html_printf(h, "</p></section>\n");
    return 1;
  }
  html_printf(h,
              " <a href=\"/admin/cursos/%lld\">Administrar el curso</a>"
              "</p>\n",
              (long long)c.id);
  Enrolment *aEnrol = NULL;
  MeetingAttendance *aRow = NULL;
  int nEnrol = 0, nRow = 0;
  if (enrolment_list(pDb, pArena, iCouncil, iCourse, &aEnrol, &nEnrol) !=
          DB_OK ||
      meeting_attendance_list(pDb, pArena, pAct->id, &aRow, &nRow) != DB_OK) {
    html_printf(h, "<p>No se pudo leer la lista de inscritos.</p></section>\n");
    return 1;
  }
  html_printf(h, "<h3>Asistencia de los inscritos</h3>\n");
  page_post_form(h, r, "form attendance-compact",
                 "/actividades/%lld/asistencia-curso", (long long)pAct->id);
  record_version_field(h, r, RECORD_ATTENDANCE, pAct->id, 0);
  html_printf(h, "<ul class=\"att-list\">\n");
  for (int i = 0; i < nEnrol; i++) {
    const char *zStatus = "ausente";
    int nMin = -1;
    for (int k = 0; k < nRow; k++) {
      if (aRow[k].iParticipant == aEnrol[i].part.id) {
        zStatus = attendance_slug(aRow[k].eStatus);
        nMin = aRow[k].nMinutes;
      }
    }
    person_line(h, &aEnrol[i], zStatus, nMin);
  }
  html_printf(h, "</ul>\n");
  if (!nEnrol) html_printf(h, "<p>Aún no hay personas inscritas.</p>\n");
  html_printf(h,
              "<div class=\"actions\"><button type=\"submit\" class=\"button "
              "button-primary\">Guardar asistencia</button></div></form>\n"
              "<h3>Importar el reporte de la videoconferencia</h3>\n<p>Suba "
              "el CSV de participantes que descarga de Zoom, Google Meet o "
              "Microsoft Teams: se reconoce a cada persona por su correo o su "
              "nombre, y cuenta como presente quien estuvo conectado al menos "
              "%d minutos. Podrá revisar el resultado antes de guardarlo.</p>"
              "\n<form class=\"form\" method=\"post\" action=\"/actividades/"
              "%lld/asistencia-reporte\" enctype=\"multipart/form-data\">\n",
              council_course_min_minutes(pDb, iCouncil), (long long)pAct->id);
  form_csrf(h, request_csrf_token(r));
  html_printf(h,
              "<div class=\"field\"><label for=\"archivo\">Reporte (CSV)"
              "</label><input id=\"archivo\" name=\"archivo\" type=\"file\" "
              "accept=\".csv,text/csv\" required></div>\n<div "
              "class=\"actions\"><button type=\"submit\" class=\"button\">"
              "Revisar</button></div></form></section>\n");
  return 1;
}

void page_module_report(Request *r) {
  Module m;
  if (!module_load(r, &m)) return;
  Arena *pArena = request_arena(r);
  int nField = 0;
  const FormField *aField = request_fields(r, &nField);
  const FormField *pFile = NULL;
  for (int i = 0; i < nField; i++) {
    if (strcmp(aField[i].zName, "archivo") == 0) pFile = &aField[i];
  }
  CourseReportReview rep;
  const char *zErr = "Elija el archivo CSV del reporte.";
  int rc = pFile && pFile->nValue
               ? course_report_review(pArena, pFile->zValue, pFile->nValue,
                                      m.aEnrol, m.nEnrol, &rep, &zErr)
               : DB_DONE;
  Html h;
  page_begin(r, &h, "Revisar la asistencia del módulo", "actividades");
  html_printf(&h,
              "<p><a href=\"/actividades/%lld\">← %s</a></p>\n<h1>Revisar la "
              "asistencia del módulo</h1>\n",
              (long long)m.act.id, m.act.zTitle);
  if (rc != DB_OK) {
    html_printf(&h,
                "<div class=\"error-summary\" role=\"alert\"><p>%s</p></div>"
                "\n<p><a class=\"button\" href=\"/actividades/%lld#curso\">"
                "Volver</a></p>\n",
                zErr, (long long)m.act.id);
    page_finish(r, &h, 422);
    return;
  }
  const int *aiMatch = rep.aiMatch;
  int nMatched = rep.nMatched;
  int nMin = council_course_min_minutes(request_db(r), m.iCouncil);
  html_printf(&h,
              "<p>Reporte de %s: %d %s en %d filas; %d reconocidas entre los "
              "inscritos. Cuenta como presente quien estuvo conectado al "
              "menos %d minutos.</p>\n",
              rep.zTool[0] ? rep.zTool : "videoconferencia", rep.nPerson,
              rep.nPerson == 1 ? "persona" : "personas", rep.nRow, nMatched,
              nMin);
  page_post_form(&h, r, "form attendance-compact",
                 "/actividades/%lld/asistencia-curso", (long long)m.act.id);
  /* The list as it was when the report was read: saving checks it. */
  record_version_field(&h, r, RECORD_ATTENDANCE, m.act.id, 0);
  html_printf(&h, "<h2>Inscritos</h2>\n<ul class=\"att-list\">\n");
  for (int i = 0; i < m.nEnrol; i++) {
    int nMinutes = -1;
    for (int k = 0; k < rep.nPerson; k++) {
      if (aiMatch[k] == i) nMinutes = rep.aPerson[k].nSeconds / 60;
    }
    person_line(&h, &m.aEnrol[i], nMinutes >= nMin ? "presente" : "ausente",
                nMinutes);
  }
  html_printf(&h, "</ul>\n");
  int nUnmatched = rep.nPerson - nMatched;
  if (nUnmatched) {
    html_printf(&h,
                "<h2>Sin reconocer (%d)</h2>\n<p>Estas filas del reporte no "
                "se reconocieron: indique quién es cada una, o déjela sin "
                "asignar (por ejemplo, quien dirigió la sesión).</p>\n<ul "
                "class=\"att-list\">\n",
                nUnmatched);
    for (int k = 0; k < rep.nPerson; k++) {
      if (aiMatch[k] >= 0) continue;
      const ReportPerson *p = &rep.aPerson[k];
      html_printf(&h,
                  "<li class=\"att-row\"><label for=\"u_%d\">%s%s%s%s — %d "
                  "min</label> <select id=\"u_%d\" name=\"u_%d\"><option "
                  "value=\"\">Sin asignar</option>",
                  k, p->zName, p->zEmail[0] ? " (" : "", p->zEmail,
                  p->zEmail[0] ? ")" : "", p->nSeconds / 60, k, k);
      for (int i = 0; i < m.nEnrol; i++) {
        int bTaken = 0;
        for (int j = 0; j < rep.nPerson; j++) bTaken |= aiMatch[j] == i;
        if (!bTaken)
          html_printf(&h, "<option value=\"%lld\">%s</option>",
                      (long long)m.aEnrol[i].id, m.aEnrol[i].part.zName);
      }
      html_printf(&h,
                  "</select><input type=\"hidden\" name=\"um_%d\" "
                  "value=\"%d\"></li>\n",
                  k, p->nSeconds / 60);
    }
    html_printf(&h, "</ul>\n");
  }
  html_printf(&h,
              "<div class=\"actions\"><button type=\"submit\" class=\"button "
              "button-primary\">Guardar asistencia</button> <a href=\""
              "/actividades/%lld#curso\">Cancelar</a></div></form>\n",
              (long long)m.act.id);
  page_finish(r, &h, 200);
}

/* 409: the module's list was saved meanwhile. Each enrolled person's
** status as typed (a, aiMinutes) beside the stored one, then the form with
** the typed values drawn from the stored version. Nothing was written. */
static void module_conflict(Request *r, const Activity *pAct,
                            const Enrolment *aEnrol, int nEnrol,
                            const AttendanceEntry *a, const int *aiMinutes) {
  Arena *pArena = request_arena(r);
  MeetingAttendance *aSaved = NULL;
  int nSaved = 0, iVersion = 0;
  Html h;
  if (!meeting_attendance_conflict_begin(r, &h, pAct, "Asistencia del módulo",
                                         &aSaved, &nSaved, &iVersion)) {
    return;
  }
  for (int i = 0; i < nEnrol; i++) {
    Attendance eMine = ATTENDANCE_AUSENTE, eSaved = ATTENDANCE_AUSENTE;
    attendance_parse(a[i].zStatus, &eMine);
    for (int k = 0; k < nSaved; k++) {
      if (aSaved[k].iParticipant == aEnrol[i].part.id)
        eSaved = aSaved[k].eStatus;
    }
    conflict_row(&h, aEnrol[i].part.zName, attendance_label(eMine),
                 attendance_label(eSaved));
  }
  conflict_end(&h);
  page_post_form(&h, r, "form attendance-compact",
                 "/actividades/%lld/asistencia-curso", (long long)pAct->id);
  record_version_field(&h, r, RECORD_ATTENDANCE, pAct->id, iVersion);
  html_printf(&h, "<ul class=\"att-list\">\n");
  for (int i = 0; i < nEnrol; i++)
    person_line(&h, &aEnrol[i], a[i].zStatus, aiMinutes[i]);
  html_printf(&h, "</ul>\n");
  conflict_submit(
      &h, arena_printf(pArena, "/actividades/%lld#curso", (long long)pAct->id));
  page_finish(r, &h, 409);
}

/* Saves the list, checked against the version the form was drawn from
** when it carries one: DB_OK, DB_STALE, MEETING_ACTA_FROZEN, DB_ERROR. */
static int module_save(Request *r, int64_t iActivity, const AttendanceEntry *a,
                       int n, const int *aiMinutes) {
  Db *pDb = request_db(r);
  int64_t iUser = request_user(r)->id;
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  int rc = request_field(r, "version")
               ? record_stamp_claim(pDb, RECORD_ATTENDANCE, iActivity,
                                    record_posted_version(r), iUser)
               : DB_OK;
  if (rc == DB_OK) {
    rc = meeting_attendance_replace_timed(pDb, iActivity, iUser, a, n, NULL,
                                          NULL, aiMinutes);
  }
  return db_finish(pDb, rc);
}

void page_module_attendance(Request *r) {
  Module m;
  if (!module_load(r, &m)) return;
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  int nMin = council_course_min_minutes(pDb, m.iCouncil);
  AttendanceEntry *a =
      arena_alloc(pArena, sizeof(AttendanceEntry) * (size_t)(m.nEnrol + 1));
  int *aiMinutes = arena_alloc(pArena, sizeof(int) * (size_t)(m.nEnrol + 1));
  for (int i = 0; i < m.nEnrol; i++) {
    const char *zStatus = request_field(
        r, arena_printf(pArena, "e_%lld", (long long)m.aEnrol[i].id));
    const char *zMin = request_field(
        r, arena_printf(pArena, "min_%lld", (long long)m.aEnrol[i].id));
    memset(&a[i], 0, sizeof(a[i]));
    a[i].iParticipantId = m.aEnrol[i].part.id;
    a[i].zStatus = zStatus ? zStatus : "ausente";
    if (!text_parse_count(zMin, MINUTES_TYPED_MAX, &aiMinutes[i]))
      aiMinutes[i] = -1; /* Not measured (or not a number of minutes) */
  }
  /* Report rows the officer said who they are. */
  int nField = 0;
  const FormField *aField = request_fields(r, &nField);
  for (int f = 0; f < nField; f++) {
    if (strncmp(aField[f].zName, "u_", 2) != 0) continue;
    int64_t iEnrol = 0;
    if (!text_parse_id(aField[f].zValue, &iEnrol)) continue;
    const char *zMin =
        request_field(r, arena_printf(pArena, "um_%s", aField[f].zName + 2));
    int nMinutes = 0;
    if (!text_parse_count(zMin, MINUTES_TYPED_MAX, &nMinutes)) nMinutes = 0;
    for (int i = 0; i < m.nEnrol; i++) {
      if (m.aEnrol[i].id != iEnrol) continue;
      /* Bounded: the rows of one person add up, never past a week. */
      aiMinutes[i] = (aiMinutes[i] > 0 ? aiMinutes[i] : 0) + nMinutes;
      if (aiMinutes[i] > MINUTES_TYPED_MAX) aiMinutes[i] = MINUTES_TYPED_MAX;
      if (aiMinutes[i] >= nMin) a[i].zStatus = "presente";
    }
  }
  AttendanceProblem prob;
  if (attendance_validate(a, m.nEnrol, NULL, 0, &prob) != ATTENDANCE_OK) {
    respond_error(r, 422, arena_strdup(pArena, prob.zMessage));
    return;
  }
  int rc = module_save(r, m.act.id, a, m.nEnrol, aiMinutes);
  if (rc == MEETING_ACTA_FROZEN) {
    meeting_frozen_respond(r, m.act.id);
    return;
  }
  if (rc == DB_STALE) {
    module_conflict(r, &m.act, m.aEnrol, m.nEnrol, a, aiMinutes);
    return;
  }
  if (!page_db_ok(r, rc)) return;
  respond_redirect(r, arena_printf(pArena,
                                   "/actividades/%lld?aviso=asistencia"
                                   "#curso",
                                   (long long)m.act.id));
}
