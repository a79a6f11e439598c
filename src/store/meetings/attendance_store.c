/*
** Attendance and quorum, stored (see sessions.h). The list of an activity
** is replaced as a whole: what the officer sends is the attendance.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/chile_time.h"
#include "store/council/council.h"
#include "store/meetings/meetings.h"

/* Grows an arena array of nSize-byte elements holding n, to room for n+1. */
static void *grow(Arena *pArena, void *a, int n, int *pnAlloc, size_t nSize) {
  if (n < *pnAlloc) return a;
  *pnAlloc = *pnAlloc ? *pnAlloc * 2 : 32;
  void *aNew = arena_alloc(pArena, nSize * (size_t)*pnAlloc);
  if (n) memcpy(aNew, a, nSize * (size_t)n);
  return aNew;
}

int meeting_expected_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                          MeetingExpected **paExp, int *pnExp) {
  *paExp = NULL;
  *pnExp = 0;
  DbStmt *p = db_prepare(
      pDb,
      "SELECT m.id, m.first_names, m.last_names, coalesce(o.name, ''), "
      "m.titular, coalesce(m.substitute_for, 0) "
      "FROM members m LEFT JOIN organizations o ON o.id = m.organization_id "
      "WHERE m.council_id = ? AND m.status = 'vigente' "
      "ORDER BY m.titular DESC, m.last_names, m.first_names, m.id");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iCouncil);
  int nAlloc = 0, rc;
  while ((rc = db_step(p)) == DB_ROW) {
    *paExp = grow(pArena, *paExp, *pnExp, &nAlloc, sizeof(MeetingExpected));
    MeetingExpected *e = &(*paExp)[(*pnExp)++];
    e->iMember = db_column_int64(p, 0);
    e->zName = arena_printf(pArena, "%s %s", db_column_text(p, 1),
                            db_column_text(p, 2));
    e->zOrganization = arena_strdup(pArena, db_column_text(p, 3));
    e->bTitular = (int)db_column_int64(p, 4);
    e->iSubstituteFor = db_column_int64(p, 5);
  }
  db_done(p);
  return rc == DB_DONE ? DB_OK : DB_ERROR;
}

int meeting_attendance_list(Db *pDb, Arena *pArena, int64_t iActivity,
                            MeetingAttendance **paRow, int *pnRow) {
  *paRow = NULL;
  *pnRow = 0;
  DbStmt *p = db_prepare(
      pDb,
      "SELECT coalesce(a.member_id, 0), m.first_names, m.last_names, "
      "a.guest_name, a.guest_organization, coalesce(o.name, ''), "
      "a.guest_commune, a.status, a.reason, coalesce(a.substitute_for, 0) "
      "FROM attendance a LEFT JOIN members m ON m.id = a.member_id "
      "LEFT JOIN organizations o ON o.id = m.organization_id "
      "WHERE a.activity_id = ? ORDER BY a.sort_order, a.id");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iActivity);
  int nAlloc = 0, rc;
  while ((rc = db_step(p)) == DB_ROW) {
    *paRow = grow(pArena, *paRow, *pnRow, &nAlloc, sizeof(MeetingAttendance));
    MeetingAttendance *s = &(*paRow)[(*pnRow)++];
    s->iMember = db_column_int64(p, 0);
    if (s->iMember) {
      s->zName = arena_printf(pArena, "%s %s", db_column_text(p, 1),
                              db_column_text(p, 2));
      s->zOrganization = arena_strdup(pArena, db_column_text(p, 5));
    } else {
      s->zName = arena_strdup(pArena, db_column_text(p, 3));
      s->zOrganization = arena_strdup(pArena, db_column_text(p, 4));
    }
    s->zCommune = arena_strdup(pArena, db_column_text(p, 6));
    s->eStatus = ATTENDANCE_AUSENTE;
    attendance_parse(db_column_text(p, 7), &s->eStatus);
    s->zReason = arena_strdup(pArena, db_column_text(p, 8));
    s->iSubstituteFor = db_column_int64(p, 9);
  }
  db_done(p);
  return rc == DB_DONE ? DB_OK : DB_ERROR;
}

static int insert_row(Db *pDb, int64_t iActivity, int64_t iUser,
                      const AttendanceEntry *e, const char *zCommune,
                      int64_t iSubstituteFor, int iOrder) {
  DbStmt *p = db_prepare(
      pDb,
      "INSERT INTO attendance(activity_id, member_id, guest_name, "
      "guest_organization, guest_commune, status, reason, substitute_for, "
      "sort_order, updated_at, updated_by) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!p) return DB_ERROR;
  int bGuest = e->iMemberId <= 0;
  db_bind_int64(p, 1, iActivity);
  if (bGuest)
    db_bind_null(p, 2);
  else
    db_bind_int64(p, 2, e->iMemberId);
  db_bind_text(p, 3, bGuest && e->zName ? e->zName : "");
  db_bind_text(p, 4, bGuest && e->zOrganization ? e->zOrganization : "");
  db_bind_text(p, 5, bGuest && zCommune ? zCommune : "");
  db_bind_text(p, 6, attendance_slug(e->eStatus));
  db_bind_text(
      p, 7,
      e->eStatus == ATTENDANCE_JUSTIFICADO && e->zReason ? e->zReason : "");
  if (!bGuest && iSubstituteFor > 0)
    db_bind_int64(p, 8, iSubstituteFor);
  else
    db_bind_null(p, 8);
  db_bind_int64(p, 9, iOrder);
  db_bind_int64(p, 10, db_now());
  if (iUser > 0)
    db_bind_int64(p, 11, iUser);
  else
    db_bind_null(p, 11);
  int rc = db_step(p);
  db_done(p);
  return rc == DB_DONE ? DB_OK : rc;
}

int meeting_attendance_replace(Db *pDb, int64_t iActivity, int64_t iUser,
                               const AttendanceEntry *a, int n,
                               const char *const *azCommune,
                               const int64_t *aiSubstituteFor) {
  int rc = db_begin(pDb);
  if (rc != DB_OK) return rc;
  /* The list's version first: on PostgreSQL the row lock also orders two
  ** saves of the same list, and a checked save (record_stamp_claim() in the
  ** caller's transaction) sees the version it claimed. */
  DbStmt *p = db_prepare(
      pDb,
      "UPDATE activities SET attendance_version = attendance_version + 1, "
      "attendance_updated_at = ?, attendance_updated_by = CAST(? AS BIGINT) "
      "WHERE id = ?");
  if (!p)
    rc = DB_ERROR;
  else {
    db_bind_int64(p, 1, db_now());
    if (iUser > 0)
      db_bind_int64(p, 2, iUser);
    else
      db_bind_null(p, 2);
    db_bind_int64(p, 3, iActivity);
    rc = db_step(p) == DB_DONE ? DB_OK : DB_ERROR;
    db_done(p);
  }
  p = rc == DB_OK ? db_prepare(pDb,
                               "DELETE FROM attendance WHERE "
                               "activity_id = ?")
                  : NULL;
  if (!p)
    rc = DB_ERROR;
  else {
    db_bind_int64(p, 1, iActivity);
    rc = db_step(p) == DB_DONE ? DB_OK : DB_ERROR;
    db_done(p);
  }
  for (int i = 0; i < n && rc == DB_OK; i++) {
    rc = insert_row(pDb, iActivity, iUser, &a[i], azCommune ? azCommune[i] : "",
                    aiSubstituteFor ? aiSubstituteFor[i] : 0, i);
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    return rc;
  }
  return db_commit(pDb);
}

int meeting_quorum(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iActivity,
                   QuorumResult *pOut) {
  QuorumRules rules;
  MeetingExpected *aExp = NULL;
  MeetingAttendance *aRow = NULL;
  int nExp = 0, nRow = 0;
  if (council_quorum_rules(pDb, iCouncil, &rules) != DB_OK ||
      meeting_expected_list(pDb, pArena, iCouncil, &aExp, &nExp) != DB_OK ||
      meeting_attendance_list(pDb, pArena, iActivity, &aRow, &nRow) != DB_OK) {
    return DB_ERROR;
  }
  QuorumPerson *aPerson =
      arena_alloc(pArena, sizeof(QuorumPerson) * (size_t)(nExp + 1));
  for (int i = 0; i < nExp; i++) {
    QuorumPerson *q = &aPerson[i];
    q->iId = aExp[i].iMember;
    q->bTitular = aExp[i].bTitular;
    q->iTitularOf = aExp[i].bTitular ? 0 : aExp[i].iSubstituteFor;
    q->bInOffice = 1;
    q->eAttendance = ATTENDANCE_AUSENTE;
    for (int k = 0; k < nRow; k++) {
      if (aRow[k].iMember != q->iId) continue;
      q->eAttendance = aRow[k].eStatus;
      if (!q->bTitular && aRow[k].iSubstituteFor) {
        q->iTitularOf = aRow[k].iSubstituteFor;
      }
    }
  }
  const char *zErr = NULL;
  if (quorum_compute(&rules, aPerson, nExp, pOut, &zErr) != QUORUM_OK) {
    /* Stored rules that the domain refuses: explain instead of guessing. */
    memset(pOut, 0, sizeof(*pOut));
    snprintf(pOut->session.zExplain, sizeof(pOut->session.zExplain),
             "Las reglas de quórum guardadas no son válidas: %s",
             zErr ? zErr : "");
  }
  return DB_OK;
}

const char *meeting_today(Arena *pArena) {
  char z[CHILE_TIME_ISO_MAX];
  chile_time_format_iso(db_now(), z, sizeof(z));
  return arena_strndup(pArena, z, 10);
}
