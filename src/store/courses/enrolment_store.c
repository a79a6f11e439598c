/*
** Enrolments, stored (see courses.h).
*/
#include <string.h>

#include "store/courses/courses.h"

int enrolment_count(Db *pDb, int64_t iCourse) {
  return (int)db_int(pDb, 0,
                     "SELECT count(*) FROM enrolments WHERE course_id = ?",
                     DB_I(iCourse));
}

/* The scheduled seconds of the modules attended, as minutes. */
static void enrol_fix(DbStmt *p, Arena *pArena, void *pRow) {
  (void)p;
  (void)pArena;
  ((Enrolment *)pRow)->nMinutes /= 60;
}

static const DbMap enrol_map =
    DB_MAP_FIX(Enrolment, enrol_fix, "iintinit", id, part.id, bConsentPhotos,
               zSource, iCreated, nAttended, nMinutes, zCode);

int enrolment_list(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iCourse,
                   Enrolment **paEnrol, int *pnEnrol) {
  *paEnrol = NULL;
  *pnEnrol = 0;
  Course course;
  int rc = course_get(pDb, pArena, iCouncil, iCourse, &course);
  if (rc != DB_OK) return rc == DB_DONE ? DB_OK : rc;
  rc = db_list(
      pDb, pArena, &enrol_map, paEnrol, pnEnrol,
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
      "e.id AND k.revoked_at IS NULL), '') "
      "FROM enrolments e JOIN participants p ON p.id = e.participant_id "
      "WHERE e.course_id = ? AND p.council_id = ? ORDER BY p.name, e.id",
      DB_I(iCourse), DB_I(iCouncil));
  if (rc != DB_OK) return DB_ERROR;
  int nMod = (int)db_int(
      pDb, 0, "SELECT count(*) FROM course_modules WHERE course_id = ?",
      DB_I(iCourse));
  for (int i = 0; i < *pnEnrol; i++) {
    Enrolment *e = &(*paEnrol)[i];
    e->iCourse = iCourse;
    e->bComplete = course_rule_met(&course.rule, e->nAttended, nMod);
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
  if (rc == DB_OK) {
    int64_t now = db_now();
    rc = db_exec_id(
        pDb,
        "INSERT INTO enrolments (course_id, participant_id, consent_data, "
        "consent_photos, consent_at, source, created_at, created_by) SELECT "
        "c.id, ?, 1, ?, ?, ?, ?, CAST(? AS BIGINT) FROM courses c WHERE "
        "c.council_id = ? AND c.id = ? ON CONFLICT (course_id, "
        "participant_id) DO NOTHING RETURNING id",
        piId, DB_I(iPart), DB_I(bPhotos ? 1 : 0), DB_I(now), DB_T(zSource),
        DB_I(now), DB_IN(iUser), DB_I(iCouncil), DB_I(iCourse));
    rc = rc == DB_OK || rc == DB_DONE ? DB_OK : DB_ERROR;
  }
  if (rc == DB_OK && !*piId) {
    /* Enrolled before: the same person, once. */
    *piId = db_int(pDb, 0,
                   "SELECT id FROM enrolments WHERE course_id = ? AND "
                   "participant_id = ?",
                   DB_I(iCourse), DB_I(iPart));
    if (*piId)
      *pbAlready = 1;
    else
      rc = DB_DONE; /* No such course in the council */
  }
  return db_finish(pDb, rc);
}

int64_t enrolment_participant(Db *pDb, int64_t iCouncil, int64_t iCourse,
                              int64_t iEnrolment) {
  return db_int(
      pDb, 0,
      "SELECT e.participant_id FROM enrolments e JOIN courses c ON c.id = "
      "e.course_id WHERE c.council_id = ? AND e.course_id = ? AND e.id = ?",
      DB_I(iCouncil), DB_I(iCourse), DB_I(iEnrolment));
}
