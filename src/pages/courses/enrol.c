/*
** The public pages of the Escuela de Dirigentes: the courses, and each
** course with its modules and its enrolment form (no account needed).
**
** GET  /cursos           the council's courses
** GET  /cursos/ID        the course, its modules and, while enrolment is
**                        open, the form
** POST /cursos/ID        fields: nombre, run (optional), correo, telefono
**                        (optional), organizacion, comuna, consentimiento
**                        (required: "si"), fotos ("si" or absent). 422 with
**                        what was typed kept; capacity and dates enforced;
**                        someone enrolled before (same RUN or e-mail) is told
**                        so kindly and nothing changes; 303 to the course
**                        with a notice; the confirmation mail carries the
**                        course's calendar.
*/
#include <string.h>

#include "pages/courses/courses_pages.h"
#include "pages/people/people_widgets.h"
#include "render/markdown.h"

void page_courses_public(Request *r) {
  int64_t iCouncil = page_require_council(r);
  if (!iCouncil) return;
  Arena *pArena = request_arena(r);
  CourseSummary *a = NULL;
  int n = 0;
  if (!page_db_ok(r, course_list(request_db(r), pArena, iCouncil, 0, &a, &n)))
    return;
  Html h;
  page_begin_titled(r, &h, "Escuela de Dirigentes", "cursos");
  if (!n) html_printf(&h, "<p>Aún no hay cursos.</p>\n");
  html_printf(&h, "<ul class=\"cards\">\n");
  for (int i = 0; i < n; i++) {
    const CourseSummary *s = &a[i];
    html_printf(&h,
                "<li class=\"card\"><h2><a href=\"/cursos/%lld\">%s</a></h2>"
                "<p>%d %s",
                (long long)s->course.id, s->course.zTitle, s->nModules,
                s->nModules == 1 ? "módulo" : "módulos");
    if (s->iFirst) {
      html_printf(&h, ", desde el %.10s", page_time(pArena, s->iFirst));
    }
    html_printf(&h, ".</p></li>\n");
  }
  html_printf(&h, "</ul>\n");
  page_finish(r, &h, 200);
}

/* The enrolment form with pPart's values (what was typed, after a 422). */
static void enrol_form(Html *h, Request *r, int64_t iCourse,
                       const TerritoryIndex *pIdx, const FormErrors *pErr) {
#define TYPED(z) (request_field(r, z) ? request_field(r, z) : "")
  html_printf(h, "<h2 id=\"inscripcion\">Inscripción</h2>\n");
  form_errors_summary(h, pErr);
  page_post_form(h, r, "form", "/cursos/%lld", (long long)iCourse);
  form_input(h, pErr, "nombre", "Nombre completo", "text", TYPED("nombre"),
             NULL, "required autocomplete=\"name\"");
  form_input(h, pErr, "run", "RUN (opcional)", "text", TYPED("run"),
             "Por ejemplo 12.345.678-5",
             "autocomplete=\"off\" "
             "inputmode=\"text\"");
  form_input(h, pErr, "correo", "Correo electrónico", "email", TYPED("correo"),
             "Le enviaremos la confirmación y el calendario de los módulos.",
             "required autocomplete=\"email\"");
  form_input(h, pErr, "telefono", "Teléfono (opcional)", "tel",
             TYPED("telefono"), NULL, "autocomplete=\"tel\"");
  form_input(h, pErr, "organizacion", "Organización", "text",
             TYPED("organizacion"),
             "La junta de vecinos, comité u organización que usted dirige.",
             "autocomplete=\"organization\"");
  people_commune_select(h, pErr, "comuna", "Comuna", pIdx,
                        page_council_region(r), TYPED("comuna"), 1);
  const char *zErr = form_error_for(pErr, "consentimiento");
  html_printf(h,
              "<div class=\"field field-check%s\"><label><input "
              "type=\"checkbox\" id=\"consentimiento\" name=\"consentimiento\" "
              "value=\"si\"%s%s> Autorizo el tratamiento de mis datos "
              "personales para este curso: inscripción, asistencia, "
              "certificado y avisos del curso.</label>",
              zErr ? " has-error" : "",
              strcmp(TYPED("consentimiento"), "si") == 0 ? " checked" : "",
              zErr ? " aria-invalid=\"true\" aria-describedby=\""
                     "consentimiento-error\""
                   : "");
  if (zErr)
    html_printf(
        h, "<p class=\"field-error\" id=\"consentimiento-error\">%s</p>", zErr);
  html_printf(h,
              "</div>\n<div class=\"field field-check\"><label><input "
              "type=\"checkbox\" id=\"fotos\" name=\"fotos\" value=\"si\"%s> "
              "Acepto aparecer en fotografías del curso (opcional).</label>"
              "</div>\n<div class=\"actions\"><button type=\"submit\" "
              "class=\"button button-primary\">Inscribirme</button></div>\n"
              "</form>\n",
              strcmp(TYPED("fotos"), "si") == 0 ? " checked" : "");
#undef TYPED
}

/* Checks and records the enrolment; the errors go to pErr. Returns 1 when
** it answered (a redirect), 0 to show the form again. */
static int enrol_post(Request *r, int64_t iCouncil, const Course *c,
                      const TerritoryIndex *pIdx, CourseEnrolState eState,
                      FormErrors *pErr) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  if (eState != COURSE_ENROL_OPEN && eState != COURSE_ENROL_FULL) {
    form_error(pErr, NULL, course_enrol_state_text(pArena, c, eState));
    return 0;
  }
  Problems prob;
  problems_init(&prob);
  Participant part;
  participant_check(pDb, pArena, iCouncil, pIdx, people_request_get, r, 0, 1, 1,
                    &part, &prob);
  const char *zConsent = request_field(r, "consentimiento");
  if (!zConsent || strcmp(zConsent, "si") != 0) {
    problem_add(&prob, "consentimiento",
                "Para inscribirse debe autorizar el tratamiento de sus datos "
                "para este curso.");
  }
  /* A RUN already registered is that person enrolling again. */
  int64_t iKnown =
      participant_find_contact(pDb, iCouncil, part.zRun, part.zEmail);
  for (int i = 0; i < prob.n; i++) {
    if (iKnown && prob.azField[i] && strcmp(prob.azField[i], "run") == 0 &&
        part.zRun[0])
      continue;
    form_error(pErr, prob.azField[i], prob.azMessage[i]);
  }
  if (pErr->n) return 0;
  /* The answer never tells a stranger who typed a RUN whether that person
  ** is enrolled: a full course is full for everyone who asks here, and a
  ** new and a repeated enrolment get the same notice (below). */
  if (eState == COURSE_ENROL_FULL) {
    form_error(pErr, NULL,
               arena_printf(pArena,
                            "%s Si usted ya estaba inscrita o inscrito, su "
                            "inscripción sigue vigente.",
                            course_enrol_state_text(pArena, c, eState)));
    return 0;
  }
  const char *zPhotos = request_field(r, "fotos");
  int bPhotos = zPhotos && strcmp(zPhotos, "si") == 0;
  int64_t iEnrol = 0;
  int bAlready = 0;
  int rc = db_begin(pDb);
  if (rc == DB_OK)
    rc = courses_enrol(r, iCouncil, 0, c->id, &part, bPhotos, "formulario",
                       &iEnrol, &bAlready);
  if (rc == DB_CONSTRAINT) {
    /* Someone else took the last place meanwhile. */
    db_rollback(pDb);
    form_error(pErr, NULL,
               course_enrol_state_text(pArena, c, COURSE_ENROL_FULL));
    return 0;
  }
  if (!courses_commit(r, rc)) return 1;
  respond_redirect(r, arena_printf(pArena, "/cursos/%lld?aviso=inscripcion",
                                   (long long)c->id));
  return 1;
}

void page_course_public(Request *r) {
  Course c;
  int64_t iCouncil = course_load(r, &c);
  if (!iCouncil) return;
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  CourseModule *aMod = NULL;
  int nMod = 0;
  TerritoryIndex idx;
  if (course_modules(pDb, pArena, iCouncil, c.id, &aMod, &nMod) != DB_OK ||
      territory_index_load(pDb, pArena, &idx) != DB_OK) {
    respond_error(r, 500, NULL);
    return;
  }
  CourseEnrolState eState = course_enrol_state(
      &c, courses_today(r), course_last_start(pDb, pArena, c.id),
      enrolment_count(pDb, c.id));
  FormErrors err;
  form_errors_init(&err);
  int iStatus = 200;
  if (request_is_post(r)) {
    if (enrol_post(r, iCouncil, &c, &idx, eState, &err)) return;
    iStatus = 422;
  }
  Html h;
  page_begin(r, &h, c.zTitle, "cursos");
  html_printf(&h,
              "<p><a href=\"/cursos\">← Escuela de Dirigentes</a></p>\n"
              "<h1>%s</h1>\n",
              c.zTitle);
  if (c.zDescription[0]) {
    html_printf(&h, "<p>");
    html_text_lines(&h, c.zDescription);
    html_printf(&h, "</p>\n");
  }
  html_printf(&h, "<p>Para aprobar: %s.",
              course_rule_text(pArena, &c.rule, nMod));
  if (c.nCapacity) html_printf(&h, " Cupos: %d.", c.nCapacity);
  html_printf(&h, "</p>\n<h2>Módulos</h2>\n<ol class=\"modules\">\n");
  for (int i = 0; i < nMod; i++) {
    char zWhen[ACTIVITY_WHEN_MAX];
    activity_format_when(aMod[i].act.iStart, aMod[i].act.iEnd, zWhen,
                         sizeof(zWhen));
    html_printf(&h, "<li><strong>%s</strong><br>%s", aMod[i].act.zTitle, zWhen);
    if (aMod[i].zSpeaker[0])
      html_printf(&h, "<br>Expone: %s", aMod[i].zSpeaker);
    html_printf(&h, "</li>\n");
  }
  html_printf(&h, "</ol>\n");
  if (c.zProgramme[0]) {
    html_printf(&h, "<details><summary>Programa del curso</summary>\n");
    markdown_render(&h, c.zProgramme);
    html_printf(&h, "</details>\n");
  }
  if (eState == COURSE_ENROL_OPEN || request_is_post(r)) {
    enrol_form(&h, r, c.id, &idx, &err);
  } else {
    html_printf(&h, "<p class=\"notice\">%s</p>\n",
                course_enrol_state_text(pArena, &c, eState));
  }
  page_finish(r, &h, iStatus);
}
