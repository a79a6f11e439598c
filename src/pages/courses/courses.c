/*
** The officer's pages of the Escuela de Dirigentes.
**
** GET  /admin/cursos                 the courses, and the settings form
** POST /admin/cursos/ajustes         minutos_minimos, firmante, cargo
** GET|POST /admin/cursos/nuevo       a new course: titulo, descripcion,
**                                    programa, lineas ("10, 2"), regla
**                                    (modulos|porcentaje), valor,
**                                    abre, cierra, cupos
** GET|POST /admin/cursos/ID          the course: its form (versioned: 409
**                                    when saved meanwhile), modules,
**                                    enrolled people, certificates and the
**                                    coverage of the region
** POST /admin/cursos/ID/modulos      a module: titulo, inicio, fin
**                                    (AAAA-MM-DDTHH:MM, Chile), modalidad,
**                                    enlace, expositor
** POST /admin/cursos/ID/certificados issues what is due (and mails it)
** POST /admin/cursos/ID/revocar      codigo, motivo
** GET  /admin/cursos/ID/cobertura.xlsx  the coverage, three sheets
*/
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/council/council.h"
#include "domain/chile_time.h"
#include "export/export.h"
#include "pages/record_page.h"
#include "render/table.h"
#include "pages/activities/activities_pages.h"
#include "pages/courses/courses_pages.h"
#include "pages/people/people_widgets.h"
#include "util/text.h"

/* ---- The list and the settings ---- */

void page_admin_courses(Request *r) {
  int64_t iCouncil = page_require_council(r);
  if (!iCouncil) return;
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  CourseSummary *a = NULL;
  int n = 0;
  if (!page_db_ok(r, course_list(pDb, pArena, iCouncil, 0, &a, &n))) return;
  Html h;
  page_begin(r, &h, "Cursos", "admin-cursos");
  html_printf(&h,
              "<h1>Cursos de la Escuela de Dirigentes</h1>\n<p "
              "class=\"actions\"><a class=\"button button-primary\" "
              "href=\"/admin/cursos/nuevo\">Nuevo curso</a> <a "
              "href=\"/admin/participantes\">Participantes</a></p>\n");
  static const char *const azColumn[] = {"Curso", "Módulos realizados",
                                         "Inscritos", "Certificados", "Líneas"};
  HtmlTable t;
  table_open(&t, &h, "table table-cards", NULL);
  table_caption_count(&t, n, "curso", "cursos");
  table_head(&t, azColumn, 5);
  for (int i = 0; i < n; i++) {
    const CourseSummary *s = &a[i];
    table_row_open(&t);
    table_cell(&t, "<a href=\"/admin/cursos/%lld\">%s</a>",
               (long long)s->course.id, s->course.zTitle);
    table_cell(&t, "%d de %d", s->nHeld, s->nModules);
    table_cell(&t, "%d", s->nEnrolled);
    table_cell(&t, "%d", s->nCertified);
    table_cell_open(&t);
    for (int k = 0; k < s->course.nLine; k++)
      html_printf(&h, "%s%d", k ? ", " : "", s->course.aLine[k]);
    table_cell_close(&t);
    table_row_close(&t);
  }
  table_close(&t);
  const char *zSigner =
      council_text(pDb, pArena, iCouncil, COUNCIL_SIGNER_NAME);
  const char *zTitle =
      council_text(pDb, pArena, iCouncil, COUNCIL_SIGNER_TITLE);
  html_printf(&h, "<h2 id=\"ajustes\">Ajustes</h2>\n");
  page_post_form(&h, r, "form", "/admin/cursos/ajustes");
  form_input(
      &h, NULL, "minutos_minimos",
      "Minutos conectados para contar como presente", "number",
      arena_printf(pArena, "%d", council_course_min_minutes(pDb, iCouncil)),
      "Al importar el reporte de una videoconferencia.",
      "min=\"1\" max=\"600\" required");
  form_input(&h, NULL, "firmante", "Quien firma los certificados", "text",
             zSigner, NULL, "autocomplete=\"off\"");
  form_input(&h, NULL, "cargo", "Su cargo", "text", zTitle, NULL,
             "autocomplete=\"off\"");
  html_printf(&h,
              "<div class=\"actions\"><button type=\"submit\" class=\"button"
              "\">Guardar ajustes</button></div></form>\n");
  page_finish(r, &h, 200);
}

void page_admin_course_settings(Request *r) {
  int64_t iCouncil = page_require_council(r);
  if (!iCouncil) return;
  Db *pDb = request_db(r);
  const char *zMin = request_field(r, "minutos_minimos");
  const char *zSigner = request_field(r, "firmante");
  const char *zTitle = request_field(r, "cargo");
  int nMin = 0;
  if (!text_parse_count(zMin, COURSE_MIN_MINUTES_MAX, &nMin) || nMin < 1 ||
      text_single_line_problem(zSigner) || text_single_line_problem(zTitle) ||
      (zSigner && strlen(zSigner) > 200) || (zTitle && strlen(zTitle) > 200)) {
    respond_error(r, 422,
                  "Los minutos deben ser un número entre 1 y 600, y el "
                  "nombre y el cargo de quien firma, una línea de texto.");
    return;
  }
  int rc = db_begin(pDb);
  int64_t iUser = request_user(r)->id;
  if (rc == DB_OK) {
    rc = council_setting_save(pDb, iCouncil, COUNCIL_COURSE_MIN_MINUTES, nMin,
                              -1, iUser);
  }
  if (rc == DB_OK) {
    const CouncilText aeText[] = {COUNCIL_SIGNER_NAME, COUNCIL_SIGNER_TITLE};
    const char *azValue[] = {zSigner, zTitle};
    rc = council_texts_save(pDb, iCouncil, aeText, azValue, 2, iUser);
  }
  if (!courses_commit(r, rc)) return;
  respond_redirect(r, "/admin/cursos?aviso=guardado");
}

/* ---- The course form ---- */

/* Reads the course form into *c; problems into pErr. */
static void course_from_form(Request *r, int64_t iId, int nMod, Course *c,
                             FormErrors *pErr) {
  memset(c, 0, sizeof(*c));
  c->id = iId;
#define FIELD(z) (request_field(r, z) ? request_field(r, z) : "")
  c->zTitle = FIELD("titulo");
  c->zDescription = FIELD("descripcion");
  c->zProgramme = FIELD("programa");
  c->zEnrolOpens = FIELD("abre");
  c->zEnrolCloses = FIELD("cierra");
  const char *zCap = FIELD("cupos");
  /* -1: not a count the course's checks accept (INT_MAX is past them). */
  c->nCapacity = 0;
  if (zCap[0] && !text_parse_count(zCap, INT_MAX, &c->nCapacity))
    c->nCapacity = -1;
  int eKind = course_rule_from_slug(FIELD("regla"));
  c->rule.eKind = eKind < 0 ? COURSE_RULE_MODULES : (CourseRuleKind)eKind;
  if (!text_parse_count(FIELD("valor"), INT_MAX, &c->rule.nValue))
    c->rule.nValue = -1; /* Refused by the rule's check */
  const char *zLines = FIELD("lineas");
#undef FIELD
  for (const char *z = zLines; *z;) {
    while (*z == ' ' || *z == ',' || *z == ';') z++;
    if (!*z) break;
    char *zEnd;
    long n = strtol(z, &zEnd, 10);
    if (zEnd == z || c->nLine >= COURSE_LINES_MAX) {
      form_error(pErr, "lineas",
                 "Escriba los números de las líneas separados por comas.");
      break;
    }
    int bDup = 0;
    for (int k = 0; k < c->nLine; k++) bDup |= c->aLine[k] == (int)n;
    if (!bDup) c->aLine[c->nLine++] = (int)n;
    z = zEnd;
  }
  Problems p;
  problems_init(&p);
  course_check(c, nMod, &p);
  static const char *const azMap[][2] = {
      {"title", "titulo"},       {"description", "descripcion"},
      {"programme", "programa"}, {"completion", "valor"},
      {"enrol_opens", "abre"},   {"enrol_closes", "cierra"},
      {"capacity", "cupos"},     {"plan_lines", "lineas"},
  };
  for (int i = 0; i < p.n; i++) {
    const char *zField = p.azField[i];
    for (size_t k = 0; zField && k < sizeof(azMap) / sizeof(azMap[0]); k++) {
      if (strcmp(zField, azMap[k][0]) == 0) zField = azMap[k][1];
    }
    form_error(pErr, zField, p.azMessage[i]);
  }
}

/* The course's form fields (record_edit_page() draws the form). */
static void course_fields(Html *h, RecordEdit *e, const void *pRec,
                          const FormErrors *pErr) {
  const Course *c = pRec;
  Arena *pArena = e->pArena;
  form_input(h, pErr, "titulo", "Nombre del curso", "text", c->zTitle, NULL,
             "required autocomplete=\"off\"");
  const char *zErr = form_error_for(pErr, "descripcion");
  html_printf(h,
              "<div class=\"field%s\"><label for=\"descripcion\">Descripción"
              "</label><textarea id=\"descripcion\" name=\"descripcion\" "
              "rows=\"3\">%s</textarea>%s</div>\n",
              zErr ? " has-error" : "", c->zDescription, "");
  html_printf(h,
              "<div class=\"field\"><label for=\"programa\">Programa de "
              "formación</label><textarea id=\"programa\" name=\"programa\" "
              "rows=\"6\" aria-describedby=\"programa-hint\">%s</textarea><p "
              "class=\"hint\" id=\"programa-hint\">Cuenta como el verificador "
              "«Programa de formación» de las líneas del curso. Admite "
              "Markdown.</p></div>\n",
              c->zProgramme);
  Buf b;
  buf_init(&b, pArena);
  for (int i = 0; i < c->nLine; i++)
    buf_printf(&b, "%s%d", i ? ", " : "", c->aLine[i]);
  form_input(h, pErr, "lineas", "Líneas del plan", "text", buf_str(&b),
             "Los números separados por comas, por ejemplo «10».",
             "inputmode=\"numeric\"");
  static const char *const azRule[] = {"modulos", "porcentaje"};
  static const char *const azRuleLabel[] = {"Mínimo de módulos",
                                            "Porcentaje de los módulos"};
  form_select(h, pErr, "regla", "Regla de aprobación", azRule, azRuleLabel, 2,
              course_rule_slug(c->rule.eKind));
  form_input(h, pErr, "valor", "Módulos o porcentaje para aprobar", "number",
             arena_printf(pArena, "%d", c->rule.nValue), NULL,
             "min=\"1\" max=\"100\" required");
  form_input(h, pErr, "abre", "Inscripciones desde", "date", c->zEnrolOpens,
             "Vacío: desde ya.", NULL);
  form_input(h, pErr, "cierra", "Inscripciones hasta", "date", c->zEnrolCloses,
             "Vacío: hasta que empiece el último módulo.", NULL);
  form_input(h, pErr, "cupos", "Cupos", "number",
             arena_printf(pArena, "%d", c->nCapacity), "0: sin límite.",
             "min=\"0\"");
}

/* ---- The course's page ---- */

/* What was typed in the form that adds a module (its fields' names are
** their own: the course's form on the same page has a «titulo» too, and
** two inputs with one id gave the course's label to the module's field). */
typedef struct ModuleTyped {
  const char *zTitle, *zStart, *zEnd, *zModality, *zLink, *zCommune, *zAddress,
      *zSpeaker;
} ModuleTyped;

static void module_form(Html *h, Request *r, const Course *c,
                        const ModuleTyped *t, const FormErrors *pErr) {
  if (pErr) form_errors_summary(h, pErr);
  page_post_form(h, r, "form", "/admin/cursos/%lld/modulos", (long long)c->id);
  form_input(h, pErr, "modulo_titulo", "Título del módulo", "text", t->zTitle,
             NULL, "required");
  form_input(h, pErr, "inicio", "Inicio (hora de Chile)", "datetime-local",
             t->zStart, NULL, "required");
  form_input(h, pErr, "fin", "Término", "datetime-local", t->zEnd, NULL,
             "required");
  static const char *const azMod[] = {"virtual", "presencial", "mixta"};
  static const char *const azModLabel[] = {"En línea", "Presencial", "Mixta"};
  form_select(h, pErr, "modalidad", "Modalidad", azMod, azModLabel, 3,
              t->zModality);
  form_input(h, pErr, "enlace", "Enlace de la videoconferencia", "url",
             t->zLink, "Necesario si es en línea o mixta.", NULL);
  /* A module in a room needs its place, as any activity does. */
  TerritoryIndex idx;
  if (territory_index_load(request_db(r), request_arena(r), &idx) == DB_OK) {
    people_commune_select(h, pErr, "comuna",
                          "Comuna (si es presencial o mixta)", &idx,
                          page_council_region(r), t->zCommune, 1);
  }
  form_input(h, pErr, "lugar", "Dirección o lugar (si es presencial o mixta)",
             "text", t->zAddress, NULL, NULL);
  form_input(h, pErr, "expositor", "Expone", "text", t->zSpeaker, NULL, NULL);
  html_printf(h,
              "<div class=\"actions\"><button type=\"submit\" class=\"button\">"
              "Agregar módulo</button></div></form>\n<p class=\"hint\">Los "
              "materiales de cada módulo se suben en la página del módulo, "
              "como verificador «Material del módulo».</p>\n");
}

static void modules_section(Html *h, Request *r, const Course *c,
                            const CourseModule *aMod, int nMod) {
  Arena *pArena = request_arena(r);
  html_printf(h, "<h2 id=\"modulos\">Módulos</h2>\n<ol class=\"modules\">\n");
  for (int i = 0; i < nMod; i++) {
    const Activity *a = &aMod[i].act;
    char zWhen[ACTIVITY_WHEN_MAX];
    activity_format_when(a->iStart, a->iEnd, zWhen, sizeof(zWhen));
    html_printf(h,
                "<li><a href=\"/actividades/%lld#curso\">%s</a> — %s · %s · "
                "%d %s%s%s</li>\n",
                (long long)a->id, a->zTitle, zWhen,
                act_status_label(a->zStatus), aMod[i].nPresent,
                aMod[i].nPresent == 1 ? "presente" : "presentes",
                aMod[i].zSpeaker[0] ? " · Expone: " : "", aMod[i].zSpeaker);
  }
  html_printf(h, "</ol>\n<details><summary>Agregar un módulo</summary>\n");
  ModuleTyped t = {arena_printf(pArena, "Módulo %d", nMod + 1),
                   "",
                   "",
                   "virtual",
                   "",
                   "",
                   "",
                   ""};
  module_form(h, r, c, &t, NULL);
  html_printf(h, "</details>\n");
}

/* Whether a person who has not completed the course yet can still do it,
** with the modules still to be held: «No» beside someone who has attended
** the two modules held so far read as failed. The answer, as the table
** says it. */
static const char *completion_text(Arena *pArena, const Course *c,
                                   const CourseModule *aMod, int nMod,
                                   const Enrolment *e) {
  if (e->bComplete) return "Sí";
  int nPending = 0;
  for (int i = 0; i < nMod; i++) {
    const char *z = aMod[i].act.zStatus;
    if (!aMod[i].bAttendance && strcmp(z, "realizada") != 0 &&
        strcmp(z, "suspendida") != 0) {
      nPending++;
    }
  }
  int nLack = course_modules_required(&c->rule, nMod) - e->nAttended;
  if (nLack <= 0 || nLack > nPending) return "No";
  return arena_printf(pArena, "Aún no: le %s %d %s de los %d por realizar",
                      nLack == 1 ? "falta" : "faltan", nLack,
                      nLack == 1 ? "módulo" : "módulos", nPending);
}

static void enrolled_section(Html *h, Request *r, const Course *c,
                             const Enrolment *aEnrol, int nEnrol,
                             const CourseModule *aMod, int nMod) {
  Arena *pArena = request_arena(r);
  html_printf(h,
              "<h2 id=\"inscritos\">Inscritos</h2>\n<p>Enlace público de "
              "inscripción: <a href=\"/cursos/%lld\">%s/cursos/%lld</a>. "
              "Para aprobar: %s.</p>\n",
              (long long)c->id, request_public_url(r), (long long)c->id,
              course_rule_text(pArena, &c->rule, nMod));
  static const char *const azColumn[] = {
      "Nombre", "Organización", "Comuna", "Módulos", "Aprueba", "Certificado"};
  HtmlTable t;
  table_open(&t, h, "table table-cards", NULL);
  table_caption_count(&t, nEnrol, "persona", "personas");
  table_head(&t, azColumn, 6);
  for (int i = 0; i < nEnrol; i++) {
    const Enrolment *e = &aEnrol[i];
    table_row_open(&t);
    table_cell(&t, "<a href=\"/admin/participantes/%lld\">%s</a>",
               (long long)e->part.id, e->part.zName);
    table_cell(&t, "%s", e->part.zOrganization);
    table_cell(&t, "%s", e->part.zCommuneName);
    table_cell(&t, "%d de %d", e->nAttended, nMod);
    table_cell(&t, "%s", completion_text(pArena, c, aMod, nMod, e));
    table_cell_open(&t);
    if (e->zCode[0])
      html_printf(h, "<a href=\"/certificados/%s\">%s</a>", e->zCode, e->zCode);
    table_cell_close(&t);
    table_row_close(&t);
  }
  table_close(&t);
  html_printf(h,
              "<details><summary>Inscribir a varias personas</summary>\n"
              "<form class=\"form\" method=\"post\" action=\"/admin/cursos/"
              "%lld/inscribir\" enctype=\"multipart/form-data\">\n",
              (long long)c->id);
  form_csrf(h, request_csrf_token(r));
  html_printf(h,
              "<p>Una persona por línea, con las columnas <code>nombre; run; "
              "correo; organizacion; comuna</code> (la primera línea con "
              "esos títulos), pegadas aquí o en un archivo CSV. Verá una "
              "vista previa antes de inscribirlas.</p>\n<div class=\"field\">"
              "<label for=\"texto\">Lista</label><textarea id=\"texto\" "
              "name=\"texto\" rows=\"6\"></textarea></div>\n<div "
              "class=\"field\"><label for=\"archivo\">o un archivo CSV"
              "</label><input id=\"archivo\" name=\"archivo\" type=\"file\" "
              "accept=\".csv,text/csv\"></div>\n<div class=\"actions\">"
              "<button type=\"submit\" class=\"button\">Vista previa</button>"
              "</div></form></details>\n");
}

static void certificates_section(Html *h, Request *r, const Course *c,
                                 const Certificate *aCert, int nCert) {
  Arena *pArena = request_arena(r);
  html_printf(h, "<h2 id=\"certificados\">Certificados</h2>\n");
  page_post_form(h, r, "form-inline", "/admin/cursos/%lld/certificados",
                 (long long)c->id);
  html_printf(h,
              "<button type=\"submit\" class=\"button button-primary\">Emitir "
              "los certificados de quienes aprobaron</button></form>\n");
  /* Said before issuing: a certificate without a signer's name has a
  ** bare line where a leader expects a name. */
  const char *zSigner = council_text(request_db(r), pArena, page_council_id(r),
                                     COUNCIL_SIGNER_NAME);
  if (!zSigner || !zSigner[0]) {
    html_printf(h,
                "<p class=\"notice notice-warn\">Los certificados saldrán "
                "sin nombre bajo la línea de la firma: indique quién los "
                "firma y su cargo en los <a href=\"/admin/cursos#ajustes\">"
                "ajustes de los cursos</a>.</p>\n");
  }
  if (!nCert) {
    html_printf(h, "<p>Aún no hay certificados emitidos.</p>\n");
    return;
  }
  html_printf(h, "<ul class=\"cert-list\">\n");
  for (int i = 0; i < nCert; i++) {
    const Certificate *k = &aCert[i];
    html_printf(h, "<li>%s — <a href=\"/certificados/%s\">%s</a> (%s)",
                k->zName, k->zCode, k->zCode,
                k->bRevoked
                    ? arena_printf(pArena, "revocado el %s: %s",
                                   page_date(pArena, k->zRevokedOn), k->zReason)
                    : arena_printf(pArena, "emitido el %s",
                                   page_date(pArena, k->zIssuedOn)));
    if (!k->bRevoked) {
      html_printf(h, " ");
      page_post_form(h, r, "form-inline", "/admin/cursos/%lld/revocar",
                     (long long)c->id);
      html_printf(h,
                  "<input type=\"hidden\" name=\"codigo\" value=\"%s\"><label "
                  "class=\"visually-hidden\" for=\"motivo-%d\">Motivo</label>"
                  "<input id=\"motivo-%d\" name=\"motivo\" type=\"text\" "
                  "placeholder=\"Motivo\" required> <button type=\"submit\" "
                  "class=\"button\">Revocar</button></form>",
                  k->zCode, i, i);
    }
    html_printf(h, "</li>\n");
  }
  html_printf(h, "</ul>\n");
}

/* One row of a coverage table: the place (with its province, when it has
** one) heads the row, its three counts follow. The total row is one too. */
static void coverage_row(HtmlTable *t, const char *zName, const char *zProvince,
                         const CoverageRow *w) {
  table_row_open(t);
  table_row_heading(t, "%s%s%s%s", zName, zProvince[0] ? " (" : "", zProvince,
                    zProvince[0] ? ")" : "");
  table_cell(t, "%d", w->nEnrolled);
  table_cell(t, "%d", w->nAttending);
  table_cell(t, "%d", w->nCertified);
  table_row_close(t);
}

void courses_coverage_tables(Html *h, const Coverage *pCov) {
  const struct {
    const char *zTitle, *zCol;
    const CoverageRow *a;
    int n;
  } aTable[] = {
      {"Por provincia", "Provincia", pCov->aProvince, pCov->nProvince},
      {"Por comuna", "Comuna", pCov->aCommune, pCov->nCommune},
      {"Por organización", "Organización", pCov->aOrg, pCov->nOrg},
  };
  for (size_t t = 0; t < sizeof(aTable) / sizeof(aTable[0]); t++) {
    if (t > 0 && !aTable[t].n) continue;
    const char *const azColumn[] = {aTable[t].zCol, "Inscritos", "Asistieron",
                                    "Certificados"};
    HtmlTable tab;
    table_open(&tab, h, "table coverage", NULL);
    table_caption(&tab, "%s", aTable[t].zTitle);
    table_head(&tab, azColumn, 4);
    for (int i = 0; i < aTable[t].n; i++) {
      const CoverageRow *w = &aTable[t].a[i];
      coverage_row(&tab, w->zName, w->zProvince, w);
    }
    coverage_row(&tab, "Total", "", &pCov->total);
    table_close(&tab);
  }
}

/* ---- The course's record page (record_page.h) ---- */

/* What a stored course's page shows besides its form. */
typedef struct CourseFacts {
  CourseModule *aMod;
  Enrolment *aEnrol;
  Certificate *aCert;
  int nMod, nEnrol, nCert;
  Coverage cov;
} CourseFacts;

static int course_prepare(RecordEdit *e) {
  CourseFacts *f = arena_alloc(e->pArena, sizeof(CourseFacts));
  memset(f, 0, sizeof(*f));
  e->pCtx = f;
  if (!e->iId) return DB_OK;
  if (course_modules(e->pDb, e->pArena, e->iCouncil, e->iId, &f->aMod,
                     &f->nMod) != DB_OK ||
      enrolment_list(e->pDb, e->pArena, e->iCouncil, e->iId, &f->aEnrol,
                     &f->nEnrol) != DB_OK ||
      certificate_list(e->pDb, e->pArena, e->iCouncil, e->iId, &f->aCert,
                       &f->nCert) != DB_OK ||
      course_coverage(e->pDb, e->pArena, e->iCouncil, e->iId, 0, &f->cov) !=
          DB_OK) {
    return DB_ERROR;
  }
  return DB_OK;
}

static void course_defaults(RecordEdit *e, void *pRec) {
  (void)e;
  Course *c = pRec;
  c->zTitle = c->zDescription = c->zProgramme = c->zEnrolOpens =
      c->zEnrolCloses = "";
  c->rule.nValue = 1;
}

static int course_load_rec(RecordEdit *e, void *pRec) {
  return course_get(e->pDb, e->pArena, e->iCouncil, e->iId, pRec);
}

static void course_check_form(RecordEdit *e, void *pChecked, FormErrors *pErr) {
  const CourseFacts *f = e->pCtx;
  course_from_form(e->r, e->iId, f->nMod, pChecked, pErr);
}

static int course_save_rec(RecordEdit *e, const void *pStored, void *pChecked) {
  (void)pStored;
  return course_save(e->pDb, e->iCouncil, request_user(e->r)->id, pChecked);
}

static const char *course_title(RecordEdit *e, const void *pRec) {
  (void)e;
  return ((const Course *)pRec)->zTitle;
}

static void course_facts(Html *h, RecordEdit *e, const void *pRec) {
  const Course *c = pRec;
  const CourseFacts *f = e->pCtx;
  html_printf(h,
              "<nav class=\"jump\" aria-label=\"En esta página\"><a "
              "href=\"#modulos\">Módulos</a> <a href=\"#inscritos\">Inscritos"
              "</a> <a href=\"#certificados\">Certificados</a> <a "
              "href=\"#cobertura\">Cobertura</a> <a href=\"#editar\">Editar"
              "</a></nav>\n");
  modules_section(h, e->r, c, f->aMod, f->nMod);
  enrolled_section(h, e->r, c, f->aEnrol, f->nEnrol, f->aMod, f->nMod);
  certificates_section(h, e->r, c, f->aCert, f->nCert);
  html_printf(h,
              "<h2 id=\"cobertura\">Cobertura</h2>\n<p>Personas inscritas, "
              "que asistieron al menos a un módulo y con certificado, por "
              "provincia y comuna de la región y por organización. <a "
              "href=\"/admin/cursos/%lld/cobertura.xlsx\">Descargar "
              "(XLSX)</a></p>\n",
              (long long)c->id);
  courses_coverage_tables(h, &f->cov);
  html_printf(h, "<h2 id=\"editar\">Editar el curso</h2>\n");
}

static void course_conflict_rows(Html *h, RecordEdit *e, const void *pMine,
                                 const void *pSaved) {
  Arena *pArena = e->pArena;
  const Course *m = pMine, *c = pSaved;
  conflict_row(h, "Nombre", m->zTitle, c->zTitle);
  conflict_row(h, "Descripción", m->zDescription, c->zDescription);
  conflict_row(h, "Programa", m->zProgramme, c->zProgramme);
  conflict_row(h, "Regla", course_rule_text(pArena, &m->rule, 0),
               course_rule_text(pArena, &c->rule, 0));
  conflict_row(h, "Inscripciones desde", m->zEnrolOpens, c->zEnrolOpens);
  conflict_row(h, "Inscripciones hasta", m->zEnrolCloses, c->zEnrolCloses);
  conflict_row(h, "Cupos", arena_printf(pArena, "%d", m->nCapacity),
               arena_printf(pArena, "%d", c->nCapacity));
}

static const RecordPage course_page = {
    RECORD_COURSE, sizeof(Course), offsetof(Course, id), "/admin/cursos",
    "nuevo", "Cursos", "admin-cursos", "Nuevo curso", "del curso",
    course_prepare, course_defaults, course_load_rec,
    /* No xRetyped: the checked course holds what was typed (numbers as
    ** read). */
    course_check_form, course_save_rec, NULL, course_title, course_facts,
    course_fields, course_conflict_rows};

void page_admin_course_new(Request *r) { record_edit_page(r, &course_page, 1); }

void page_admin_course(Request *r) { record_edit_page(r, &course_page, 0); }

/* "2026-12-03T19:00" in Chile: UTC seconds, or -1. */
static int64_t local_input_time(const char *z) {
  int y, mo, d, h, mi;
  if (!z || sscanf(z, "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h, &mi) != 5)
    return -1;
  LocalTime lt;
  memset(&lt, 0, sizeof(lt));
  lt.iYear = y;
  lt.iMonth = mo;
  lt.iDay = d;
  lt.iHour = h;
  lt.iMinute = mi;
  int64_t t;
  return chile_time_to_utc(&lt, &t) == 0 ? t : -1;
}

/* A module refused: the form again on its own page, with what was typed
** and each problem at its field (422), not a bare error page that lost it. */
static void module_refused(Request *r, const Course *c, const Activity *a,
                           const char *zSpeaker, const ActivityProblems *p) {
  static const struct {
    const char *zProblem, *zField;
  } aMap[] = {
      {"title", "modulo_titulo"}, {"start", "inicio"}, {"end", "fin"},
      {"modality", "modalidad"},  {"link", "enlace"},  {"speaker", "expositor"},
      {"commune", "comuna"},      {"address", "lugar"}};
  FormErrors err;
  form_errors_init(&err);
  for (int i = 0; i < p->n; i++) {
    const char *zField = NULL;
    for (size_t k = 0; k < sizeof(aMap) / sizeof(aMap[0]); k++) {
      if (p->azField[i] && strcmp(p->azField[i], aMap[k].zProblem) == 0)
        zField = aMap[k].zField;
    }
    form_error(&err, zField, p->azMessage[i]);
  }
  const char *zStart = request_field(r, "inicio");
  const char *zEnd = request_field(r, "fin");
  ModuleTyped t = {
      a->zTitle, zStart ? zStart : "", zEnd ? zEnd : "", a->zModality,
      a->zLink,  a->zCommune,          a->zAddress,      zSpeaker};
  Html h;
  page_begin(r, &h, "Agregar un módulo", "admin-cursos");
  html_printf(&h,
              "<p><a href=\"/admin/cursos/%lld#modulos\">← %s</a></p>\n<h1>"
              "Agregar un módulo</h1>\n",
              (long long)c->id, c->zTitle);
  module_form(&h, r, c, &t, &err);
  page_finish(r, &h, 422);
}

void page_admin_course_module(Request *r) {
  Course c;
  int64_t iCouncil = course_load(r, &c);
  if (!iCouncil) return;
  Activity a;
  act_defaults(&a);
  a.zKind = COURSE_KIND_MODULE;
  /* «titulo»: the field's name before it had its own. */
  a.zTitle = request_field(r, "modulo_titulo")
                 ? request_field(r, "modulo_titulo")
             : request_field(r, "titulo") ? request_field(r, "titulo")
                                          : "";
  a.zModality =
      request_field(r, "modalidad") ? request_field(r, "modalidad") : "virtual";
  a.zLink = request_field(r, "enlace") ? request_field(r, "enlace") : "";
  a.zCommune = request_field(r, "comuna") ? request_field(r, "comuna") : "";
  a.zAddress = request_field(r, "lugar") ? request_field(r, "lugar") : "";
  a.iStart = local_input_time(request_field(r, "inicio"));
  a.iEnd = local_input_time(request_field(r, "fin"));
  a.nLine = c.nLine;
  memcpy(a.aLine, c.aLine, sizeof(int) * (size_t)c.nLine);
  const char *zSpeaker =
      request_field(r, "expositor") ? request_field(r, "expositor") : "";
  ActivityProblems p;
  problems_init(&p);
  if (a.iStart < 0) problem_add(&p, "start", "Indique el inicio.");
  if (a.iEnd < 0) problem_add(&p, "end", "Indique el término.");
  if (!p.n) act_check_all(r, &a, &p);
  if (!p.n && strlen(zSpeaker) > COURSE_SPEAKER_MAX)
    problem_add(&p, "speaker", "El nombre de quien expone es muy largo.");
  if (p.n) {
    module_refused(r, &c, &a, zSpeaker, &p);
    return;
  }
  int64_t iModule = 0;
  if (!page_db_ok(
          r, course_module_add(request_db(r), iCouncil, request_user(r)->id,
                               c.id, &a, zSpeaker, &iModule)))
    return;
  course_done(r, c.id, "guardado", "modulos");
}

void page_admin_course_certificates(Request *r) {
  Course c;
  int64_t iCouncil = course_load(r, &c);
  if (!iCouncil) return;
  Certificate *a;
  int n, nNew;
  if (!page_db_ok(r, courses_issue(r, iCouncil, c.id, &a, &n, &nNew))) return;
  course_done(r, c.id, "certificados", "certificados");
}

void page_admin_course_revoke(Request *r) {
  Course c;
  int64_t iCouncil = course_load(r, &c);
  if (!iCouncil) return;
  char zCanon[COURSE_CODE_CHARS + 1];
  const char *zReason = request_field(r, "motivo");
  if (!course_code_canonical(request_field(r, "codigo"), zCanon)) {
    respond_error(r, 404, "No existe ese certificado.");
    return;
  }
  if (!zReason || !zReason[strspn(zReason, " ")] || strlen(zReason) > 500 ||
      text_single_line_problem(zReason)) {
    respond_error(r, 422, "Escriba en una línea el motivo de la revocación.");
    return;
  }
  int rc = certificate_revoke(request_db(r), iCouncil, zCanon,
                              request_user(r)->id, zReason, courses_today(r));
  /* Revoked already (DB_CONSTRAINT): done all the same. */
  if (rc != DB_CONSTRAINT && !page_found(r, rc, NULL)) return;
  course_done(r, c.id, "revocado", "certificados");
}

/* The coverage as three tables of an export. */
static ExportTable coverage_table(Arena *pArena, const char *zTitle,
                                  const char *zCol, const CoverageRow *a, int n,
                                  const CoverageRow *pTotal) {
  const char **azHead = arena_alloc(pArena, sizeof(char *) * 5);
  azHead[0] = zCol;
  azHead[1] = "Provincia";
  azHead[2] = "Inscritos";
  azHead[3] = "Asistieron";
  azHead[4] = "Certificados";
  const char **az = arena_alloc(pArena, sizeof(char *) * 5 * (size_t)(n + 1));
  for (int i = 0; i <= n; i++) {
    const CoverageRow *w = i < n ? &a[i] : pTotal;
    az[i * 5] = i < n ? w->zName : "Total";
    az[i * 5 + 1] = w->zProvince;
    az[i * 5 + 2] = arena_printf(pArena, "%d", w->nEnrolled);
    az[i * 5 + 3] = arena_printf(pArena, "%d", w->nAttending);
    az[i * 5 + 4] = arena_printf(pArena, "%d", w->nCertified);
  }
  ExportTable t = {zTitle, NULL, NULL, 5, azHead, NULL, n + 1, az};
  return t;
}

void page_admin_course_coverage_xlsx(Request *r) {
  Course c;
  int64_t iCouncil = course_load(r, &c);
  if (!iCouncil) return;
  Arena *pArena = request_arena(r);
  Coverage cov;
  if (!page_db_ok(
          r, course_coverage(request_db(r), pArena, iCouncil, c.id, 0, &cov)))
    return;
  ExportTable t[3] = {coverage_table(pArena, "Por provincia", "Provincia",
                                     cov.aProvince, cov.nProvince, &cov.total),
                      coverage_table(pArena, "Por comuna", "Comuna",
                                     cov.aCommune, cov.nCommune, &cov.total),
                      coverage_table(pArena, "Por organización", "Organización",
                                     cov.aOrg, cov.nOrg, &cov.total)};
  static const ExportColType aeType[5] = {EXPORT_COL_TEXT, EXPORT_COL_TEXT,
                                          EXPORT_COL_INT, EXPORT_COL_INT,
                                          EXPORT_COL_INT};
  ExportSheet aSheet[3] = {{&t[0], aeType}, {&t[1], aeType}, {&t[2], aeType}};
  const char *pOut;
  size_t nOut;
  char zErr[160];
  int rc =
      export_xlsx_book(pArena, aSheet, 3, &pOut, &nOut, zErr, sizeof(zErr));
  page_send_export(r, rc, EXPORT_XLSX_TYPE,
                   "attachment; filename=\"cobertura-curso.xlsx\"", pOut, nOut);
}

void courses_line_section(Html *h, Request *r, int iLine) {
  int64_t iCouncil = page_council_id(r);
  if (!iCouncil) return;
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  CourseSummary *a = NULL;
  int n = 0;
  Coverage cov;
  if (course_list(pDb, pArena, iCouncil, iLine, &a, &n) != DB_OK || !n ||
      course_coverage(pDb, pArena, iCouncil, 0, iLine, &cov) != DB_OK)
    return;
  html_printf(h, "<section id=\"cursos\"><h2>Cursos de la línea</h2>\n<ul>\n");
  for (int i = 0; i < n; i++) {
    html_printf(h,
                "<li><a href=\"/cursos/%lld\">%s</a>: %d de %d módulos "
                "realizados, %d inscritos, %d certificados.</li>\n",
                (long long)a[i].course.id, a[i].course.zTitle, a[i].nHeld,
                a[i].nModules, a[i].nEnrolled, a[i].nCertified);
  }
  html_printf(h, "</ul>\n<h3>Cobertura</h3>\n");
  if (!request_user(r)) {
    /* The public sees the provinces: counts of places, no one named. */
    cov.nCommune = 0;
    cov.nOrg = 0;
  }
  courses_coverage_tables(h, &cov);
  html_printf(h, "</section>\n");
}
