/*
** Courses and their modules, stored (see courses.h).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/chile_time.h"
#include "store/activities/activity_store.h"
#include "store/courses/courses.h"

static const char *col(Arena *pArena, DbStmt *p, int i) {
  return arena_strdup(pArena, db_column_text(p, i));
}

static int step_done(DbStmt *p) {
  if (!p) return DB_ERROR;
  int rc = db_step(p);
  db_done(p);
  return rc == DB_DONE || rc == DB_ROW ? DB_OK : rc;
}

#define COURSE_COLUMNS                                             \
  "c.id, c.title, c.description, c.programme, c.completion_kind, " \
  "c.completion_value, coalesce(c.enrol_opens, ''), "              \
  "coalesce(c.enrol_closes, ''), c.capacity, c.version "

static void course_from_row(Arena *pArena, DbStmt *p, Course *c) {
  memset(c, 0, sizeof(*c));
  c->id = db_column_int64(p, 0);
  c->zTitle = col(pArena, p, 1);
  c->zDescription = col(pArena, p, 2);
  c->zProgramme = col(pArena, p, 3);
  int eKind = course_rule_from_slug(db_column_text(p, 4));
  c->rule.eKind = eKind < 0 ? COURSE_RULE_MODULES : (CourseRuleKind)eKind;
  c->rule.nValue = (int)db_column_int64(p, 5);
  c->zEnrolOpens = col(pArena, p, 6);
  c->zEnrolCloses = col(pArena, p, 7);
  c->nCapacity = (int)db_column_int64(p, 8);
  c->iVersion = (int)db_column_int64(p, 9);
}

static int course_lines_load(Db *pDb, Course *c) {
  DbStmt *p = db_prepare(pDb,
                         "SELECT line_number FROM course_plan_lines WHERE "
                         "course_id = ? ORDER BY line_number");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, c->id);
  int rc;
  c->nLine = 0;
  while ((rc = db_step(p)) == DB_ROW && c->nLine < COURSE_LINES_MAX)
    c->aLine[c->nLine++] = (int)db_column_int64(p, 0);
  db_done(p);
  return rc == DB_DONE || rc == DB_ROW ? DB_OK : DB_ERROR;
}

int course_list(Db *pDb, Arena *pArena, int64_t iCouncil, int iLine,
                CourseSummary **paCourse, int *pnCourse) {
  *paCourse = NULL;
  *pnCourse = 0;
  DbStmt *p = db_prepare(
      pDb,
      "SELECT " COURSE_COLUMNS
      ", (SELECT count(*) FROM course_modules m WHERE m.course_id = c.id), "
      "(SELECT count(*) FROM course_modules m JOIN activities a ON a.id = "
      "m.activity_id WHERE m.course_id = c.id AND a.status = 'realizada'), "
      "(SELECT count(*) FROM enrolments e WHERE e.course_id = c.id), "
      "(SELECT count(*) FROM certificates t WHERE t.course_id = c.id AND "
      "t.revoked_at IS NULL), "
      "(SELECT coalesce(min(a.starts_at), 0) FROM course_modules m JOIN "
      "activities a ON a.id = m.activity_id WHERE m.course_id = c.id), "
      "(SELECT coalesce(max(a.starts_at), 0) FROM course_modules m JOIN "
      "activities a ON a.id = m.activity_id WHERE m.course_id = c.id) "
      "FROM courses c WHERE c.council_id = ? AND (? = 0 OR EXISTS (SELECT 1 "
      "FROM course_plan_lines l WHERE l.course_id = c.id AND "
      "l.line_number = ?)) ORDER BY c.id DESC");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iCouncil);
  db_bind_int64(p, 2, iLine);
  db_bind_int64(p, 3, iLine);
  int nAlloc = 0, rc;
  while ((rc = db_step(p)) == DB_ROW) {
    *paCourse = arena_grow(pArena, *paCourse, *pnCourse, &nAlloc,
                           sizeof(CourseSummary));
    CourseSummary *s = &(*paCourse)[(*pnCourse)++];
    course_from_row(pArena, p, &s->course);
    s->nModules = (int)db_column_int64(p, 10);
    s->nHeld = (int)db_column_int64(p, 11);
    s->nEnrolled = (int)db_column_int64(p, 12);
    s->nCertified = (int)db_column_int64(p, 13);
    s->iFirst = db_column_int64(p, 14);
    s->iLast = db_column_int64(p, 15);
  }
  db_done(p);
  if (rc != DB_DONE) return DB_ERROR;
  for (int i = 0; i < *pnCourse; i++) {
    if (course_lines_load(pDb, &(*paCourse)[i].course) != DB_OK)
      return DB_ERROR;
  }
  return DB_OK;
}

int course_get(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iId,
               Course *pCourse) {
  memset(pCourse, 0, sizeof(*pCourse));
  DbStmt *p = db_prepare(pDb, "SELECT " COURSE_COLUMNS
                              "FROM courses c WHERE c.council_id = ? AND "
                              "c.id = ?");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iCouncil);
  db_bind_int64(p, 2, iId);
  int rc = db_step(p);
  if (rc == DB_ROW) course_from_row(pArena, p, pCourse);
  db_done(p);
  if (rc == DB_DONE) return DB_DONE;
  if (rc != DB_ROW) return DB_ERROR;
  return course_lines_load(pDb, pCourse);
}

static void bind_text_or_null(DbStmt *p, int i, const char *z) {
  if (z && z[0])
    db_bind_text(p, i, z);
  else
    db_bind_null(p, i);
}

int course_save(Db *pDb, int64_t iCouncil, int64_t iUser, Course *pCourse) {
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  int bNew = pCourse->id == 0;
  DbStmt *p = db_prepare(
      pDb,
      bNew ? "INSERT INTO courses (title, description, programme, "
             "completion_kind, completion_value, enrol_opens, enrol_closes, "
             "capacity, updated_by, updated_at, council_id, created_at) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS BIGINT), ?, ?, ?) "
             "RETURNING id"
           : "UPDATE courses SET title = ?, description = ?, programme = ?, "
             "completion_kind = ?, completion_value = ?, enrol_opens = ?, "
             "enrol_closes = ?, capacity = ?, updated_by = CAST(? AS "
             "BIGINT), updated_at = ?, version = version + 1 WHERE "
             "council_id = ? AND id = ? RETURNING id");
  int rc = DB_ERROR;
  if (p) {
    int64_t now = db_now();
    db_bind_text(p, 1, pCourse->zTitle);
    db_bind_text(p, 2, pCourse->zDescription ? pCourse->zDescription : "");
    db_bind_text(p, 3, pCourse->zProgramme ? pCourse->zProgramme : "");
    db_bind_text(p, 4, course_rule_slug(pCourse->rule.eKind));
    db_bind_int64(p, 5, pCourse->rule.nValue);
    bind_text_or_null(p, 6, pCourse->zEnrolOpens);
    bind_text_or_null(p, 7, pCourse->zEnrolCloses);
    db_bind_int64(p, 8, pCourse->nCapacity);
    if (iUser > 0)
      db_bind_int64(p, 9, iUser);
    else
      db_bind_null(p, 9);
    db_bind_int64(p, 10, now);
    db_bind_int64(p, 11, iCouncil);
    db_bind_int64(p, 12, bNew ? now : pCourse->id);
    rc = db_step(p);
    if (rc == DB_ROW) pCourse->id = db_column_int64(p, 0);
    db_done(p);
    rc = rc == DB_ROW ? DB_OK : rc == DB_DONE ? DB_DONE : DB_ERROR;
  }
  if (rc == DB_OK) {
    p = db_prepare(pDb, "DELETE FROM course_plan_lines WHERE course_id = ?");
    if (p) db_bind_int64(p, 1, pCourse->id);
    rc = step_done(p);
  }
  for (int i = 0; rc == DB_OK && i < pCourse->nLine; i++) {
    p = db_prepare(pDb,
                   "INSERT INTO course_plan_lines (course_id, line_number) "
                   "VALUES (?, ?) ON CONFLICT (course_id, line_number) DO "
                   "NOTHING");
    if (p) {
      db_bind_int64(p, 1, pCourse->id);
      db_bind_int64(p, 2, pCourse->aLine[i]);
    }
    rc = step_done(p);
  }
  /* The modules serve the course's lines. */
  if (rc == DB_OK && !bNew) {
    p = db_prepare(pDb,
                   "DELETE FROM activity_plan_lines WHERE activity_id IN "
                   "(SELECT activity_id FROM course_modules WHERE course_id "
                   "= ?)");
    if (p) db_bind_int64(p, 1, pCourse->id);
    rc = step_done(p);
    if (rc == DB_OK) {
      p = db_prepare(pDb,
                     "INSERT INTO activity_plan_lines (activity_id, "
                     "line_number) SELECT m.activity_id, l.line_number FROM "
                     "course_modules m JOIN course_plan_lines l ON "
                     "l.course_id = m.course_id WHERE m.course_id = ?");
      if (p) db_bind_int64(p, 1, pCourse->id);
      rc = step_done(p);
    }
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    return rc;
  }
  return db_commit(pDb);
}

int course_modules(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iCourse,
                   CourseModule **paModule, int *pnModule) {
  *paModule = NULL;
  *pnModule = 0;
  DbStmt *p = db_prepare(
      pDb,
      "SELECT m.id, m.position, m.speaker, m.activity_id, "
      "(SELECT count(*) FROM attendance t WHERE t.activity_id = "
      "m.activity_id AND t.status = 'presente'), "
      "(SELECT count(*) FROM attendance t WHERE t.activity_id = "
      "m.activity_id) FROM course_modules m JOIN courses c ON c.id = "
      "m.course_id WHERE c.council_id = ? AND m.course_id = ? "
      "ORDER BY m.position, m.id");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iCouncil);
  db_bind_int64(p, 2, iCourse);
  int nAlloc = 0, rc;
  while ((rc = db_step(p)) == DB_ROW) {
    *paModule =
        arena_grow(pArena, *paModule, *pnModule, &nAlloc, sizeof(CourseModule));
    CourseModule *m = &(*paModule)[(*pnModule)++];
    memset(m, 0, sizeof(*m));
    m->id = db_column_int64(p, 0);
    m->iPosition = (int)db_column_int64(p, 1);
    m->zSpeaker = col(pArena, p, 2);
    m->act.id = db_column_int64(p, 3);
    m->nPresent = (int)db_column_int64(p, 4);
    m->bAttendance = db_column_int64(p, 5) > 0;
  }
  db_done(p);
  if (rc != DB_DONE) return DB_ERROR;
  for (int i = 0; i < *pnModule; i++) {
    if (activity_get(pDb, pArena, (*paModule)[i].act.id, &(*paModule)[i].act) !=
        DB_OK)
      return DB_ERROR;
  }
  return DB_OK;
}

int course_module_add(Db *pDb, int64_t iCouncil, int64_t iUser, int64_t iCourse,
                      Activity *pAct, const char *zSpeaker, int64_t *piModule) {
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  int rc = activity_insert(pDb, iCouncil, iUser, pAct);
  DbStmt *p = NULL;
  if (rc == DB_OK) {
    p = db_prepare(
        pDb,
        "INSERT INTO course_modules (course_id, activity_id, position, "
        "speaker) SELECT c.id, ?, (SELECT coalesce(max(position), 0) + 1 "
        "FROM course_modules WHERE course_id = c.id), ? FROM courses c "
        "WHERE c.council_id = ? AND c.id = ? RETURNING id");
    if (!p) rc = DB_ERROR;
  }
  if (p) {
    db_bind_int64(p, 1, pAct->id);
    db_bind_text(p, 2, zSpeaker ? zSpeaker : "");
    db_bind_int64(p, 3, iCouncil);
    db_bind_int64(p, 4, iCourse);
    int r = db_step(p);
    if (r == DB_ROW) *piModule = db_column_int64(p, 0);
    db_done(p);
    rc = r == DB_ROW ? DB_OK : r == DB_DONE ? DB_DONE : DB_ERROR;
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    return rc;
  }
  return db_commit(pDb);
}

int course_of_activity(Db *pDb, int64_t iCouncil, int64_t iActivity,
                       int64_t *piCourse) {
  *piCourse = 0;
  DbStmt *p = db_prepare(
      pDb,
      "SELECT m.course_id FROM course_modules m JOIN courses c ON c.id = "
      "m.course_id WHERE c.council_id = ? AND m.activity_id = ?");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iCouncil);
  db_bind_int64(p, 2, iActivity);
  int rc = db_step(p);
  if (rc == DB_ROW) *piCourse = db_column_int64(p, 0);
  db_done(p);
  return rc == DB_ROW ? DB_OK : rc == DB_DONE ? DB_DONE : DB_ERROR;
}

const char *course_last_start(Db *pDb, Arena *pArena, int64_t iCourse) {
  DbStmt *p = db_prepare(pDb,
                         "SELECT coalesce(max(a.starts_at), 0) FROM "
                         "course_modules m JOIN activities a ON a.id = "
                         "m.activity_id WHERE m.course_id = ?");
  if (!p) return "";
  db_bind_int64(p, 1, iCourse);
  int64_t t = db_step(p) == DB_ROW ? db_column_int64(p, 0) : 0;
  db_done(p);
  if (!t) return "";
  char z[CHILE_TIME_ISO_MAX];
  chile_time_format_iso(t, z, sizeof(z));
  return arena_strndup(pArena, z, 10);
}
