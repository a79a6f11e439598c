/*
** Courses and their modules, stored (see courses.h).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/chile_time.h"
#include "store/activities/activity_store.h"
#include "store/courses/courses.h"

#define COURSE_COLUMNS                                             \
  "c.id, c.title, c.description, c.programme, c.completion_kind, " \
  "c.completion_value, coalesce(c.enrol_opens, ''), "              \
  "coalesce(c.enrol_closes, ''), c.capacity, c.version "

/* What a column does not give as it is: the rule's kind, from its slug
** (column 4). The plan lines come from course_lines_load(). */
static void course_fix(DbStmt *p, Arena *pArena, void *pRow) {
  (void)pArena;
  Course *c = pRow;
  int eKind = course_rule_from_slug(db_column_text(p, 4));
  c->rule.eKind = eKind < 0 ? COURSE_RULE_MODULES : (CourseRuleKind)eKind;
  c->nLine = 0;
}

static const DbMap course_map = DB_MAP_FIX(
    Course, course_fix, "ittt-nttnn", id, zTitle, zDescription, zProgramme,
    rule.nValue, zEnrolOpens, zEnrolCloses, nCapacity, iVersion);

static void summary_fix(DbStmt *p, Arena *pArena, void *pRow) {
  course_fix(p, pArena, &((CourseSummary *)pRow)->course);
}

static const DbMap summary_map = DB_MAP_FIX(
    CourseSummary, summary_fix, "ittt-nttnnnnnnii", course.id, course.zTitle,
    course.zDescription, course.zProgramme, course.rule.nValue,
    course.zEnrolOpens, course.zEnrolCloses, course.nCapacity, course.iVersion,
    nModules, nHeld, nEnrolled, nCertified, iFirst, iLast);

static int course_lines_load(Db *pDb, Course *c) {
  DbStmt *p = db_query(pDb,
                       "SELECT line_number FROM course_plan_lines WHERE "
                       "course_id = ? ORDER BY line_number",
                       DB_I(c->id));
  if (!p) return DB_ERROR;
  int rc;
  c->nLine = 0;
  while ((rc = db_step(p)) == DB_ROW && c->nLine < COURSE_LINES_MAX)
    c->aLine[c->nLine++] = (int)db_column_int64(p, 0);
  db_done(p);
  return rc == DB_DONE || rc == DB_ROW ? DB_OK : DB_ERROR;
}

int course_list(Db *pDb, Arena *pArena, int64_t iCouncil, int iLine,
                CourseSummary **paCourse, int *pnCourse) {
  int rc = db_list(
      pDb, pArena, &summary_map, paCourse, pnCourse,
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
      "l.line_number = ?)) ORDER BY c.id DESC",
      DB_I(iCouncil), DB_I(iLine), DB_I(iLine));
  if (rc != DB_OK) return DB_ERROR;
  /* Every course's plan lines in one statement, by course id: the list is
  ** by id descending, so the courses are walked from its end. */
  DbStmt *p = db_query(pDb,
                       "SELECT l.course_id, l.line_number FROM "
                       "course_plan_lines l JOIN courses c ON c.id = "
                       "l.course_id WHERE c.council_id = ? ORDER BY "
                       "l.course_id, l.line_number",
                       DB_I(iCouncil));
  int k = *pnCourse - 1;
  rc = p ? DB_DONE : DB_ERROR;
  for (int i = 0; i < *pnCourse; i++) (*paCourse)[i].course.nLine = 0;
  while (p && (rc = db_step(p)) == DB_ROW) {
    int64_t id = db_column_int64(p, 0);
    while (k >= 0 && (*paCourse)[k].course.id < id) k--;
    Course *c = k >= 0 ? &(*paCourse)[k].course : NULL;
    if (c && c->id == id && c->nLine < COURSE_LINES_MAX) {
      c->aLine[c->nLine++] = (int)db_column_int64(p, 1);
    }
  }
  return db_end(p, rc) == DB_OK ? DB_OK : DB_ERROR;
}

int course_get(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iId,
               Course *pCourse) {
  int rc = db_get_council_row(pDb, pArena, &course_map, pCourse,
                              "SELECT " COURSE_COLUMNS
                              "FROM courses c WHERE c.council_id = ? AND "
                              "c.id = ?",
                              iCouncil, iId);
  if (rc != DB_OK) return rc;
  return course_lines_load(pDb, pCourse);
}

int course_save(Db *pDb, int64_t iCouncil, int64_t iUser, Course *pCourse) {
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  int bNew = pCourse->id == 0;
  int64_t now = db_now();
  int rc = db_exec_id(
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
             "council_id = ? AND id = ? RETURNING id",
      &pCourse->id, DB_T(pCourse->zTitle), DB_TE(pCourse->zDescription),
      DB_TE(pCourse->zProgramme), DB_T(course_rule_slug(pCourse->rule.eKind)),
      DB_I(pCourse->rule.nValue), DB_TN(pCourse->zEnrolOpens),
      DB_TN(pCourse->zEnrolCloses), DB_I(pCourse->nCapacity), DB_IN(iUser),
      DB_I(now), DB_I(iCouncil), DB_I(bNew ? now : pCourse->id));
  if (rc != DB_OK && rc != DB_DONE) rc = DB_ERROR;
  if (rc == DB_OK) {
    rc = db_exec(pDb, "DELETE FROM course_plan_lines WHERE course_id = ?",
                 DB_I(pCourse->id));
  }
  for (int i = 0; rc == DB_OK && i < pCourse->nLine; i++) {
    rc = db_exec(pDb,
                 "INSERT INTO course_plan_lines (course_id, line_number) "
                 "VALUES (?, ?) ON CONFLICT (course_id, line_number) DO "
                 "NOTHING",
                 DB_I(pCourse->id), DB_I(pCourse->aLine[i]));
  }
  /* The modules serve the course's lines. */
  if (rc == DB_OK && !bNew) {
    rc = db_exec(pDb,
                 "DELETE FROM activity_plan_lines WHERE activity_id IN "
                 "(SELECT activity_id FROM course_modules WHERE course_id "
                 "= ?)",
                 DB_I(pCourse->id));
    if (rc == DB_OK) {
      rc = db_exec(pDb,
                   "INSERT INTO activity_plan_lines (activity_id, "
                   "line_number) SELECT m.activity_id, l.line_number FROM "
                   "course_modules m JOIN course_plan_lines l ON "
                   "l.course_id = m.course_id WHERE m.course_id = ?",
                   DB_I(pCourse->id));
    }
  }
  return db_finish(pDb, rc);
}

/* The module's activity is read by activity_get() after its id. */
static const DbMap module_map = DB_MAP(CourseModule, "intinb", id, iPosition,
                                       zSpeaker, act.id, nPresent, bAttendance);

int course_modules(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iCourse,
                   CourseModule **paModule, int *pnModule) {
  int rc =
      db_list(pDb, pArena, &module_map, paModule, pnModule,
              "SELECT m.id, m.position, m.speaker, m.activity_id, "
              "(SELECT count(*) FROM attendance t WHERE t.activity_id = "
              "m.activity_id AND t.status = 'presente'), "
              "(SELECT count(*) FROM attendance t WHERE t.activity_id = "
              "m.activity_id) FROM course_modules m JOIN courses c ON c.id = "
              "m.course_id WHERE c.council_id = ? AND m.course_id = ? "
              "ORDER BY m.position, m.id",
              DB_I(iCouncil), DB_I(iCourse));
  if (rc != DB_OK) return DB_ERROR;
  for (int i = 0; i < *pnModule; i++) {
    if (activity_get(pDb, pArena, iCouncil, (*paModule)[i].act.id,
                     &(*paModule)[i].act) != DB_OK)
      return DB_ERROR;
  }
  return DB_OK;
}

int course_module_add(Db *pDb, int64_t iCouncil, int64_t iUser, int64_t iCourse,
                      Activity *pAct, const char *zSpeaker, int64_t *piModule) {
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  int rc = activity_insert(pDb, iCouncil, iUser, pAct);
  if (rc == DB_OK) {
    rc = db_exec_id(
        pDb,
        "INSERT INTO course_modules (course_id, activity_id, position, "
        "speaker) SELECT c.id, ?, (SELECT coalesce(max(position), 0) + 1 "
        "FROM course_modules WHERE course_id = c.id), ? FROM courses c "
        "WHERE c.council_id = ? AND c.id = ? RETURNING id",
        piModule, DB_I(pAct->id), DB_TE(zSpeaker), DB_I(iCouncil),
        DB_I(iCourse));
    if (rc != DB_OK && rc != DB_DONE) rc = DB_ERROR;
  }
  return db_finish(pDb, rc);
}

int course_of_activity(Db *pDb, int64_t iCouncil, int64_t iActivity,
                       int64_t *piCourse) {
  *piCourse = 0;
  int rc = db_exec_id(
      pDb,
      "SELECT m.course_id FROM course_modules m JOIN courses c ON c.id = "
      "m.course_id WHERE c.council_id = ? AND m.activity_id = ?",
      piCourse, DB_I(iCouncil), DB_I(iActivity));
  return rc == DB_OK || rc == DB_DONE ? rc : DB_ERROR;
}

const char *course_last_start(Db *pDb, Arena *pArena, int64_t iCourse) {
  int64_t t = db_int(pDb, 0,
                     "SELECT coalesce(max(a.starts_at), 0) FROM "
                     "course_modules m JOIN activities a ON a.id = "
                     "m.activity_id WHERE m.course_id = ?",
                     DB_I(iCourse));
  if (!t) return "";
  char z[CHILE_TIME_ISO_MAX];
  chile_time_format_iso(t, z, sizeof(z));
  return arena_strndup(pArena, z, 10);
}
