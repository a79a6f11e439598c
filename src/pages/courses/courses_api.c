/*
** The courses' API (CONTRACT.md, "Courses").
**
** GET  /api/courses                    signed in: the council's courses
** POST /api/courses                    admin: {"title", "plan_lines": [n],
**      "completion": {"min_modules"} or {"percent"}, "modules": [{"title",
**      "start", "end", "modality", "link", "speaker"}], optional
**      "description", "programme", "enrol_opens", "enrol_closes",
**      "capacity"} -> 201 {"id", "modules": [{"id", "activity_id"}]};
**      everything checked before the one transaction.
** GET  /api/courses/ID                 signed in: the course and its modules
** GET  /api/courses/ID/enrolments      admin: who is enrolled, what each
**      attended, whether they completed it
** POST /api/courses/ID/enrolments      admin: {"name", "run", "email",
**      "organization", "commune", "consent": true, "photos", "phone"} ->
**      201 {"id"}; 200 {"id", "already": true} when that person (same RUN
**      or e-mail) was enrolled; 422 without consent; 409 when full
** POST /api/courses/ID/certificates    admin: issues what is due -> 200
**      [{"enrolment_id", "code", "url", "name"}] (again: the same codes);
**      the new ones are mailed with their PDF
** POST /api/certificates/CODE/revoke   admin: {"reason"} -> 200
*/
#include <string.h>

#include "pages/record_page.h"
#include "pages/activities/activities_pages.h"
#include "pages/courses/courses_pages.h"
#include "store/people/people.h"
#include "util/text.h"

static json_t *course_json(Request *r, int64_t iCouncil, const Course *c) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  CourseModule *aMod = NULL;
  int nMod = 0;
  if (course_modules(pDb, pArena, iCouncil, c->id, &aMod, &nMod) != DB_OK)
    return NULL;
  json_t *p = json_object();
  json_object_set_new(p, "id", json_integer(c->id));
  json_object_set_new(p, "title", json_string(c->zTitle));
  json_object_set_new(p, "description", json_string(c->zDescription));
  json_object_set_new(p, "programme", json_string(c->zProgramme));
  json_t *aLine = json_array();
  for (int i = 0; i < c->nLine; i++)
    json_array_append_new(aLine, json_integer(c->aLine[i]));
  json_object_set_new(p, "plan_lines", aLine);
  json_t *pRule = json_object();
  json_object_set_new(
      pRule, c->rule.eKind == COURSE_RULE_PERCENT ? "percent" : "min_modules",
      json_integer(c->rule.nValue));
  json_object_set_new(pRule, "required",
                      json_integer(course_modules_required(&c->rule, nMod)));
  json_object_set_new(pRule, "text",
                      json_string(course_rule_text(pArena, &c->rule, nMod)));
  json_object_set_new(p, "completion", pRule);
  json_object_set_new(
      p, "enrol_opens",
      c->zEnrolOpens[0] ? json_string(c->zEnrolOpens) : json_null());
  json_object_set_new(
      p, "enrol_closes",
      c->zEnrolCloses[0] ? json_string(c->zEnrolCloses) : json_null());
  json_object_set_new(p, "capacity", json_integer(c->nCapacity));
  json_object_set_new(p, "enrolled", json_integer(enrolment_count(pDb, c->id)));
  json_object_set_new(
      p, "enrolment_url",
      json_string(arena_printf(pArena, "%s/cursos/%lld", request_public_url(r),
                               (long long)c->id)));
  json_t *aM = json_array();
  for (int i = 0; i < nMod; i++) {
    json_t *m = act_json(&aMod[i].act);
    json_object_set_new(m, "activity_id", json_integer(aMod[i].act.id));
    json_object_set_new(m, "id", json_integer(aMod[i].id));
    json_object_set_new(m, "position", json_integer(aMod[i].iPosition));
    json_object_set_new(m, "speaker", json_string(aMod[i].zSpeaker));
    json_object_set_new(m, "present", json_integer(aMod[i].nPresent));
    json_object_del(m, "evidence");
    json_array_append_new(aM, m);
  }
  json_object_set_new(p, "modules", aM);
  json_object_set_new(p, "version", json_integer(c->iVersion));
  return p;
}

/* A text member: "" when absent, NULL (and a problem) when not text. */
static const char *opt_text(Arena *pArena, json_t *pObj, const char *zKey,
                            Problems *pP) {
  json_t *v = json_object_get(pObj, zKey);
  if (!v || json_is_null(v)) return "";
  if (!json_is_string(v)) {
    problem_add(pP, zKey, "Este campo debe ser un texto.");
    return "";
  }
  return arena_strdup(pArena, json_string_value(v));
}

/* Reads the course's own fields from JSON into *c. */
static void course_from_json(Arena *pArena, json_t *pObj, Course *c,
                             Problems *pP) {
  memset(c, 0, sizeof(*c));
  c->zTitle = opt_text(pArena, pObj, "title", pP);
  c->zDescription = opt_text(pArena, pObj, "description", pP);
  c->zProgramme = opt_text(pArena, pObj, "programme", pP);
  c->zEnrolOpens = opt_text(pArena, pObj, "enrol_opens", pP);
  c->zEnrolCloses = opt_text(pArena, pObj, "enrol_closes", pP);
  json_t *v = json_object_get(pObj, "capacity");
  if (v && !json_is_null(v)) {
    if (!json_is_integer(v))
      problem_add(pP, "capacity", "Los cupos deben ser un número entero.");
    else
      c->nCapacity = (int)json_integer_value(v);
  }
  c->rule.eKind = COURSE_RULE_MODULES;
  c->rule.nValue = 1;
  v = json_object_get(pObj, "completion");
  if (v && !json_is_null(v)) {
    json_t *pMin = json_is_object(v) ? json_object_get(v, "min_modules") : NULL;
    json_t *pPct = json_is_object(v) ? json_object_get(v, "percent") : NULL;
    if (json_is_integer(pMin)) {
      c->rule.nValue = (int)json_integer_value(pMin);
    } else if (json_is_integer(pPct)) {
      c->rule.eKind = COURSE_RULE_PERCENT;
      c->rule.nValue = (int)json_integer_value(pPct);
    } else {
      problem_add(pP, "completion",
                  "Indique la regla de aprobación como {\"min_modules\": N} "
                  "o {\"percent\": N}.");
    }
  }
  v = json_object_get(pObj, "plan_lines");
  if (v && !json_is_null(v)) {
    size_t i;
    json_t *e;
    if (!json_is_array(v) || json_array_size(v) > COURSE_LINES_MAX) {
      problem_add(pP, "plan_lines",
                  "Indique las líneas del plan como una lista de números.");
    } else {
      json_array_foreach(v, i, e) {
        if (!json_is_integer(e)) {
          problem_add(pP, "plan_lines",
                      "Indique las líneas del plan como una lista de "
                      "números.");
          break;
        }
        int n = (int)json_integer_value(e), bDup = 0;
        for (int k = 0; k < c->nLine; k++) bDup |= c->aLine[k] == n;
        if (!bDup) c->aLine[c->nLine++] = n;
      }
    }
  }
}

static void respond_problems(Request *r, const Problems *p) {
  respond_json_error(r, 422, p->azMessage[0], p->azField[0]);
}

static void api_course_create(Request *r, int64_t iCouncil) {
  json_t *pObj = page_json_object(r);
  if (!pObj) return;
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  Problems prob;
  problems_init(&prob);
  Course c;
  course_from_json(pArena, pObj, &c, &prob);
  json_t *pMods = json_object_get(pObj, "modules");
  int nMod = 0;
  if (pMods && !json_is_null(pMods)) {
    if (!json_is_array(pMods) || json_array_size(pMods) > COURSE_MODULES_MAX) {
      problem_add(&prob, "modules", "Indique los módulos como una lista.");
    } else {
      nMod = (int)json_array_size(pMods);
    }
  }
  course_check(&c, nMod, &prob);
  Activity *aAct = arena_alloc(pArena, sizeof(Activity) * (size_t)(nMod + 1));
  const char **azSpeaker =
      arena_alloc(pArena, sizeof(char *) * (size_t)(nMod + 1));
  for (int i = 0; i < nMod && !prob.n; i++) {
    json_t *m = json_array_get(pMods, (size_t)i);
    if (!json_is_object(m)) {
      problem_add(&prob, "modules", "Cada módulo debe ser un objeto JSON.");
      break;
    }
    /* A module is an activity of kind modulo_escuela serving the course's
    ** lines, checked as any activity is. */
    json_t *pAct = json_deep_copy(m);
    json_object_set_new(pAct, "kind", json_string(COURSE_KIND_MODULE));
    json_object_del(pAct, "plan_lines");
    Activity *a = &aAct[i];
    act_defaults(a);
    if (!json_object_get(pAct, "modality"))
      json_object_set_new(pAct, "modality", json_string("virtual"));
    ActivityProblems ap;
    problems_init(&ap);
    int bStatus = 0, iVersion = 0;
    act_from_json(r, pAct, 1, a, &ap, &bStatus, &iVersion);
    json_decref(pAct);
    a->nLine = c.nLine;
    memcpy(a->aLine, c.aLine, sizeof(int) * (size_t)c.nLine);
    if (!ap.n) act_check_all(r, a, &ap);
    if (ap.n) {
      problem_add(
          &prob, arena_printf(pArena, "modules[%d].%s", i, ap.azField[0]),
          arena_printf(pArena, "Módulo %d: %s", i + 1, ap.azMessage[0]));
      break;
    }
    azSpeaker[i] = opt_text(pArena, m, "speaker", &prob);
  }
  json_decref(pObj);
  if (prob.n) {
    respond_problems(r, &prob);
    return;
  }
  int64_t iUser = request_user(r)->id;
  int64_t *aiModule = arena_alloc(pArena, sizeof(int64_t) * (size_t)(nMod + 1));
  int rc = db_begin(pDb);
  if (rc == DB_OK) rc = course_save(pDb, iCouncil, iUser, &c);
  for (int i = 0; i < nMod && rc == DB_OK; i++) {
    rc = course_module_add(pDb, iCouncil, iUser, c.id, &aAct[i], azSpeaker[i],
                           &aiModule[i]);
  }
  if (!courses_commit(r, rc)) return;
  json_t *aOut = json_array();
  for (int i = 0; i < nMod; i++) {
    json_array_append_new(aOut,
                          json_pack("{s:I, s:I}", "id", (json_int_t)aiModule[i],
                                    "activity_id", (json_int_t)aAct[i].id));
  }
  respond_json(
      r, 201, json_pack("{s:I, s:o}", "id", (json_int_t)c.id, "modules", aOut));
}

void page_api_courses(Request *r) {
  int64_t iCouncil = page_require_council(r);
  if (!iCouncil) return;
  if (request_is_post(r)) {
    api_course_create(r, iCouncil);
    return;
  }
  CourseSummary *a = NULL;
  int n = 0;
  if (!page_db_ok(
          r, course_list(request_db(r), request_arena(r), iCouncil, 0, &a, &n)))
    return;
  json_t *pArr = json_array();
  for (int i = 0; i < n; i++) {
    json_t *p = course_json(r, iCouncil, &a[i].course);
    if (!p) {
      json_decref(pArr);
      respond_error(r, 500, NULL);
      return;
    }
    json_object_set_new(p, "certified", json_integer(a[i].nCertified));
    json_array_append_new(pArr, p);
  }
  respond_json(r, 200, pArr);
}

void page_api_course(Request *r) {
  Course c;
  int64_t iCouncil = course_load(r, &c);
  if (!iCouncil) return;
  json_t *p = course_json(r, iCouncil, &c);
  if (!p) {
    respond_error(r, 500, NULL);
    return;
  }
  respond_json(r, 200, p);
}

static json_t *enrolment_json(const Enrolment *e) {
  return json_pack(
      "{s:I, s:I, s:s, s:s, s:s, s:s, s:s, s:b, s:i, s:I, s:b, s:s}", "id",
      (json_int_t)e->id, "participant_id", (json_int_t)e->part.id, "name",
      e->part.zName, "email", e->part.zEmail, "organization",
      e->part.zOrganization, "commune", e->part.zCommuneCode, "province",
      e->part.zProvinceCode, "photos", e->bConsentPhotos, "attended",
      e->nAttended, "minutes", (json_int_t)e->nMinutes, "complete",
      e->bComplete, "certificate", e->zCode);
}

static void api_enrol(Request *r, int64_t iCouncil, const Course *c) {
  json_t *pObj = page_json_object(r);
  if (!pObj) return;
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  Problems prob;
  problems_init(&prob);
  json_t *v = json_object_get(pObj, "consent");
  if (!json_is_true(v)) {
    problem_add(&prob, "consent",
                "La inscripción requiere el consentimiento explícito de la "
                "persona para tratar sus datos en este curso "
                "(\"consent\": true).");
  }
  v = json_object_get(pObj, "photos");
  int bPhotos = json_is_true(v);
  TerritoryIndex idx;
  if (territory_index_load(pDb, pArena, &idx) != DB_OK) {
    json_decref(pObj);
    respond_error(r, 500, NULL);
    return;
  }
  Participant part;
  participant_check(pDb, pArena, iCouncil, &idx, courses_json_get, pObj, 0, 0,
                    0, &part, &prob);
  /* A RUN someone has is that person: found again, not refused. */
  if (problem_for(&prob, "run") && part.zRun[0]) {
    Problems keep;
    problems_init(&keep);
    for (int i = 0; i < prob.n; i++) {
      if (!prob.azField[i] || strcmp(prob.azField[i], "run") != 0)
        problem_add(&keep, prob.azField[i], prob.azMessage[i]);
    }
    prob = keep;
  }
  json_decref(pObj);
  if (prob.n) {
    respond_json_error(r, 422, prob.azMessage[0],
                       courses_api_field(prob.azField[0]));
    return;
  }
  int64_t iEnrol = 0;
  int bAlready = 0;
  int rc = db_begin(pDb);
  if (rc == DB_OK)
    rc = courses_enrol(r, iCouncil, request_user(r)->id, c->id, &part, bPhotos,
                       "api", &iEnrol, &bAlready);
  if (rc == DB_CONSTRAINT) {
    db_rollback(pDb);
    respond_json_error(r, 409, "El curso no tiene cupos disponibles.", NULL);
    return;
  }
  if (!courses_commit(r, rc)) return;
  if (bAlready) {
    respond_json(
        r, 200,
        json_pack("{s:I, s:b}", "id", (json_int_t)iEnrol, "already", 1));
    return;
  }
  respond_json(r, 201, json_pack("{s:I}", "id", (json_int_t)iEnrol));
}

void page_api_course_enrolments(Request *r) {
  Course c;
  int64_t iCouncil = course_load(r, &c);
  if (!iCouncil) return;
  if (request_is_post(r)) {
    api_enrol(r, iCouncil, &c);
    return;
  }
  Enrolment *a = NULL;
  int n = 0;
  if (!page_db_ok(r, enrolment_list(request_db(r), request_arena(r), iCouncil,
                                    c.id, &a, &n)))
    return;
  json_t *pArr = json_array();
  for (int i = 0; i < n; i++)
    json_array_append_new(pArr, enrolment_json(&a[i]));
  respond_json(r, 200, pArr);
}

/* Issues what is due and mails the new ones, the caller answering. */
int courses_issue(Request *r, int64_t iCouncil, int64_t iCourse,
                  Certificate **paCert, int *pnCert, int *pnNew) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  int *aiNew = NULL;
  int rc =
      certificate_issue(pDb, pArena, iCouncil, iCourse, request_user(r)->id,
                        courses_today(r), paCert, pnCert, &aiNew, pnNew);
  if (rc != DB_OK) return rc;
  /* The mail of each new certificate, with its PDF. Queued after the
  ** certificates are written: a PDF takes a moment, and a mail that fails
  ** to queue takes nothing back (the officer can send it again from the
  ** course's page). */
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  for (int i = 0; i < *pnNew && rc == DB_OK; i++) {
    rc = course_mail_certificate(pDb, pArena, &(*paCert)[aiNew[i]],
                                 request_public_url(r));
  }
  return db_finish(pDb, rc);
}

void page_api_course_certificates(Request *r) {
  Course c;
  int64_t iCouncil = course_load(r, &c);
  if (!iCouncil) return;
  Certificate *a = NULL;
  int n = 0, nNew = 0;
  if (!page_db_ok(r, courses_issue(r, iCouncil, c.id, &a, &n, &nNew))) return;
  Arena *pArena = request_arena(r);
  json_t *pArr = json_array();
  for (int i = 0; i < n; i++) {
    json_array_append_new(
        pArr, json_pack("{s:I, s:s, s:s, s:s}", "enrolment_id",
                        (json_int_t)a[i].iEnrolment, "code", a[i].zCode, "url",
                        course_certificate_url(pArena, request_public_url(r),
                                               a[i].zCode),
                        "name", a[i].zName));
  }
  respond_json(r, 200, pArr);
}

void page_api_certificate_revoke(Request *r) {
  int64_t iCouncil = page_require_council(r);
  if (!iCouncil) return;
  char zCanon[COURSE_CODE_CHARS + 1];
  if (!course_code_canonical(request_param(r, 0), zCanon)) {
    respond_json_error(r, 404, "No existe ese certificado.", NULL);
    return;
  }
  json_t *pObj = page_json_object(r);
  if (!pObj) return;
  json_t *v = json_object_get(pObj, "reason");
  const char *zReason =
      json_is_string(v) ? arena_strdup(request_arena(r), json_string_value(v))
                        : "";
  json_decref(pObj);
  size_t n = strlen(zReason);
  if (!n || strspn(zReason, " \t") == n) {
    respond_json_error(r, 422, "Escriba el motivo de la revocación.", "reason");
    return;
  }
  if (n > 500) {
    respond_json_error(r, 422, "El motivo es demasiado largo (máximo 500).",
                       "reason");
    return;
  }
  /* The public verification page shows it: one line, as the form asks. */
  const char *zProblem = text_single_line_problem(zReason);
  if (zProblem) {
    respond_json_error(r, 422, zProblem, "reason");
    return;
  }
  int rc = certificate_revoke(request_db(r), iCouncil, zCanon,
                              request_user(r)->id, zReason, courses_today(r));
  if (rc == DB_CONSTRAINT) {
    respond_json_error(r, 409, "Ese certificado ya estaba revocado.", NULL);
    return;
  }
  if (!page_found(r, rc, "No existe ese certificado.")) return;
  Certificate cert;
  certificate_by_code(request_db(r), request_arena(r), zCanon, &cert);
  respond_json(r, 200,
               json_pack("{s:s, s:s, s:b, s:s, s:s}", "code", cert.zCode,
                         "state", "revocado", "revoked", 1, "revoked_on",
                         cert.zRevokedOn, "reason", cert.zReason));
}
