/*
** Enrolments, stored (see courses.h).
*/
#include <string.h>

#include "store/courses/courses.h"

int enrolment_count(Db *pDb, int64_t iCourse) {
  DbStmt *p =
      db_prepare(pDb, "SELECT count(*) FROM enrolments WHERE course_id = ?");
  if (!p) return 0;
  db_bind_int64(p, 1, iCourse);
  int n = db_step(p) == DB_ROW ? (int)db_column_int64(p, 0) : 0;
  db_done(p);
  return n;
}

int enrolment_list(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iCourse,
                   Enrolment **paEnrol, int *pnEnrol) {
  *paEnrol = NULL;
  *pnEnrol = 0;
  Course course;
  int rc = course_get(pDb, pArena, iCouncil, iCourse, &course);
  if (rc != DB_OK) return rc == DB_DONE ? DB_OK : rc;
  DbStmt *p = db_prepare(
      pDb,
      "SELECT e.id, e.participant_id, e.consent_photos, e.source, "
      "e.created_at, "
      "(SELECT count(*) FROM attendance t JOIN course_modules m ON "
      "m.activity_id = t.activity_id JOIN activities a ON a.id = "
      "m.activity_id WHERE m.course_id = e.course_id AND t.participant_id = "
      "e.participant_id AND t.status = 'presente' AND a.status = "
      "'realizada'), "
      "(SELECT coalesce(sum(a.ends_at - a.starts_at), 0) FROM attendance t "
      "JOIN course_modules m ON m.activity_id = t.activity_id JOIN "
      "activities a ON a.id = m.activity_id WHERE m.course_id = e.course_id "
      "AND t.participant_id = e.participant_id AND t.status = 'presente' "
      "AND a.status = 'realizada'), "
      "coalesce((SELECT k.code FROM certificates k WHERE k.enrolment_id = "
      "e.id AND k.revoked_at IS NULL), ''), "
      "(SELECT count(*) FROM course_modules m WHERE m.course_id = "
      "e.course_id) "
      "FROM enrolments e JOIN participants p ON p.id = e.participant_id "
      "WHERE e.course_id = ? AND p.council_id = ? ORDER BY p.name, e.id");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iCourse);
  db_bind_int64(p, 2, iCouncil);
  int nAlloc = 0;
  while ((rc = db_step(p)) == DB_ROW) {
    *paEnrol =
        arena_grow(pArena, *paEnrol, *pnEnrol, &nAlloc, sizeof(Enrolment));
    Enrolment *e = &(*paEnrol)[(*pnEnrol)++];
    memset(e, 0, sizeof(*e));
    e->id = db_column_int64(p, 0);
    e->iCourse = iCourse;
    e->part.id = db_column_int64(p, 1);
    e->bConsentPhotos = (int)db_column_int64(p, 2);
    e->zSource = arena_strdup(pArena, db_column_text(p, 3));
    e->iCreated = db_column_int64(p, 4);
    e->nAttended = (int)db_column_int64(p, 5);
    e->nMinutes = db_column_int64(p, 6) / 60;
    e->zCode = arena_strdup(pArena, db_column_text(p, 7));
    e->bComplete =
        course_rule_met(&course.rule, e->nAttended, (int)db_column_int64(p, 8));
  }
  db_done(p);
  if (rc != DB_DONE) return DB_ERROR;
  for (int i = 0; i < *pnEnrol; i++) {
    Enrolment *e = &(*paEnrol)[i];
    if (participant_get(pDb, pArena, iCouncil, e->part.id, &e->part) != DB_OK)
      return DB_ERROR;
  }
  return DB_OK;
}

/* DB_OK when participant iPart may take a place in the course: there is no
** limit, a place is left, or they hold one already. DB_CONSTRAINT when it
** is full. Read inside the write transaction, so that two people sending
** the form at once for the last place cannot both take it. */
static int enrolment_room(Db *pDb, int64_t iCourse, int64_t iPart) {
  DbStmt *p = db_prepare(
      pDb,
      "SELECT c.capacity, (SELECT count(*) FROM enrolments e WHERE "
      "e.course_id = c.id), (SELECT count(*) FROM enrolments e WHERE "
      "e.course_id = c.id AND e.participant_id = ?) FROM courses c WHERE "
      "c.id = ?");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iPart);
  db_bind_int64(p, 2, iCourse);
  int r = db_step(p);
  int rc = r == DB_ROW || r == DB_DONE ? DB_OK : DB_ERROR;
  if (r == DB_ROW && db_column_int64(p, 0) > 0 &&
      db_column_int64(p, 1) >= db_column_int64(p, 0) &&
      db_column_int64(p, 2) == 0)
    rc = DB_CONSTRAINT;
  db_done(p);
  return rc;
}

int enrolment_add(Db *pDb, int64_t iCouncil, int64_t iUser, int64_t iCourse,
                  const Participant *pPart, int bPhotos, const char *zSource,
                  int64_t *piId, int *pbAlready) {
  *piId = 0;
  *pbAlready = 0;
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  int64_t iPart = 0;
  int rc = participant_resolve(pDb, iCouncil, iUser, pPart, &iPart, NULL);
  if (rc == DB_OK) rc = enrolment_room(pDb, iCourse, iPart);
  DbStmt *p = NULL;
  if (rc == DB_OK) {
    p = db_prepare(
        pDb,
        "INSERT INTO enrolments (course_id, participant_id, consent_data, "
        "consent_photos, consent_at, source, created_at, created_by) SELECT "
        "c.id, ?, 1, ?, ?, ?, ?, CAST(? AS BIGINT) FROM courses c WHERE "
        "c.council_id = ? AND c.id = ? ON CONFLICT (course_id, "
        "participant_id) DO NOTHING RETURNING id");
    if (!p) rc = DB_ERROR;
  }
  if (p) {
    int64_t now = db_now();
    db_bind_int64(p, 1, iPart);
    db_bind_int64(p, 2, bPhotos ? 1 : 0);
    db_bind_int64(p, 3, now);
    db_bind_text(p, 4, zSource);
    db_bind_int64(p, 5, now);
    if (iUser > 0)
      db_bind_int64(p, 6, iUser);
    else
      db_bind_null(p, 6);
    db_bind_int64(p, 7, iCouncil);
    db_bind_int64(p, 8, iCourse);
    int r = db_step(p);
    if (r == DB_ROW) *piId = db_column_int64(p, 0);
    db_done(p);
    rc = r == DB_ROW || r == DB_DONE ? DB_OK : DB_ERROR;
  }
  if (rc == DB_OK && !*piId) {
    /* Enrolled before: the same person, once. */
    p = db_prepare(pDb,
                   "SELECT id FROM enrolments WHERE course_id = ? AND "
                   "participant_id = ?");
    if (p) {
      db_bind_int64(p, 1, iCourse);
      db_bind_int64(p, 2, iPart);
      if (db_step(p) == DB_ROW) *piId = db_column_int64(p, 0);
      db_done(p);
    }
    if (*piId)
      *pbAlready = 1;
    else
      rc = DB_DONE; /* No such course in the council */
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    return rc;
  }
  return db_commit(pDb);
}

int64_t enrolment_participant(Db *pDb, int64_t iCouncil, int64_t iCourse,
                              int64_t iEnrolment) {
  DbStmt *p = db_prepare(
      pDb,
      "SELECT e.participant_id FROM enrolments e JOIN courses c ON c.id = "
      "e.course_id WHERE c.council_id = ? AND e.course_id = ? AND e.id = ?");
  if (!p) return 0;
  db_bind_int64(p, 1, iCouncil);
  db_bind_int64(p, 2, iCourse);
  db_bind_int64(p, 3, iEnrolment);
  int64_t i = db_step(p) == DB_ROW ? db_column_int64(p, 0) : 0;
  db_done(p);
  return i;
}
