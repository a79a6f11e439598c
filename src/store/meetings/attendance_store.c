/*
** Attendance and quorum, stored (see meetings.h). The list of an activity
** is replaced as a whole: what the officer sends is the attendance.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/chile_time.h"
#include "store/council/council.h"
#include "store/meetings/meetings.h"

static const DbMap expected_from_row_map =
    DB_MAP(MeetingExpected, "ittni", iMember, zName, zOrganization, bTitular,
           iSubstituteFor);

int meeting_expected_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                          MeetingExpected **paExp, int *pnExp) {
  return db_list(pDb, pArena, &expected_from_row_map, paExp, pnExp,
                 "SELECT m.id, m.first_names || ' ' || m.last_names, "
                 "coalesce(o.name, ''), m.titular, coalesce(m.substitute_for, "
                 "0) FROM members m LEFT JOIN organizations o ON o.id = "
                 "m.organization_id WHERE m.council_id = ? AND m.status = "
                 "'vigente' ORDER BY m.titular DESC, m.last_names, "
                 "m.first_names, m.id",
                 DB_I(iCouncil));
}

/* The status from its slug (column 4). */
static void attendance_fix(DbStmt *p, Arena *pArena, void *pRow) {
  (void)pArena;
  MeetingAttendance *s = pRow;
  s->eStatus = ATTENDANCE_AUSENTE;
  attendance_parse(db_column_text(p, 4), &s->eStatus);
}

/* A member's name and organization, or a guest's as written; whether a
** member is titular or suplente, and whom a suplente replaces. */
static const DbMap attendance_map = DB_MAP_FIX(
    MeetingAttendance, attendance_fix, "ittt-tint", iMember, zName,
    zOrganization, zCommune, zReason, iSubstituteFor, eQuality, zReplaces);

const char *meeting_quality_label(const MeetingAttendance *s) {
  switch (s->eQuality) {
    case MEETING_TITULAR:
      return "Titular";
    case MEETING_SUPLENTE:
      return "Suplente";
  }
  return s->iMember ? "Consejero/a" : "Invitado/a";
}

int meeting_attendance_list(Db *pDb, Arena *pArena, int64_t iActivity,
                            MeetingAttendance **paRow, int *pnRow) {
  return db_list(pDb, pArena, &attendance_map, paRow, pnRow,
                 "SELECT coalesce(a.member_id, 0), CASE WHEN a.member_id IS "
                 "NULL THEN a.guest_name ELSE m.first_names || ' ' || "
                 "m.last_names END, CASE WHEN a.member_id IS NULL THEN "
                 "a.guest_organization ELSE coalesce(o.name, '') END, "
                 "a.guest_commune, a.status, a.reason, "
                 "coalesce(a.substitute_for, 0), CASE WHEN a.member_id IS "
                 "NULL THEN 0 WHEN m.titular = 1 THEN 1 ELSE 2 END, "
                 "coalesce(t.first_names || ' ' || t.last_names, '') FROM "
                 "attendance a LEFT JOIN members m ON m.id = a.member_id LEFT "
                 "JOIN members t ON t.id = a.substitute_for LEFT JOIN "
                 "organizations o ON o.id = m.organization_id WHERE "
                 "a.activity_id = ? ORDER BY a.sort_order, a.id",
                 DB_I(iActivity));
}

static int insert_row(Db *pDb, int64_t iActivity, int64_t iUser,
                      const AttendanceEntry *e, const char *zCommune,
                      int64_t iSubstituteFor, int iOrder) {
  int bGuest = e->iMemberId <= 0;
  return db_exec(
      pDb,
      "INSERT INTO attendance(activity_id, member_id, guest_name, "
      "guest_organization, guest_commune, status, reason, substitute_for, "
      "sort_order, updated_at, updated_by) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      DB_I(iActivity), DB_IN(bGuest ? 0 : e->iMemberId),
      DB_TE(bGuest ? e->zName : NULL), DB_TE(bGuest ? e->zOrganization : NULL),
      DB_TE(bGuest ? zCommune : NULL), DB_T(attendance_slug(e->eStatus)),
      DB_TE(e->eStatus == ATTENDANCE_JUSTIFICADO ? e->zReason : NULL),
      DB_IN(bGuest ? 0 : iSubstituteFor), DB_I(iOrder), DB_I(db_now()),
      DB_IN(iUser));
}

int meeting_attendance_replace(Db *pDb, int64_t iActivity, int64_t iUser,
                               const AttendanceEntry *a, int n,
                               const char *const *azCommune,
                               const int64_t *aiSubstituteFor) {
  int rc = db_begin(pDb);
  if (rc != DB_OK) return rc;
  /* An approved acta shows this list: it is fixed with it. Checked inside
  ** the write transaction, which orders it with the approval's. */
  int bFrozen = meeting_acta_freezes(pDb, iActivity);
  if (bFrozen != 0) {
    db_rollback(pDb);
    return bFrozen > 0 ? MEETING_ACTA_FROZEN : DB_ERROR;
  }
  /* The list's version first: on PostgreSQL the row lock also orders two
  ** saves of the same list, and a checked save (record_stamp_claim() in the
  ** caller's transaction) sees the version it claimed. */
  /* attendance_taken_at: when a list was first recorded (the generated
  ** sheet counts as evidence from then on); an emptied list has none. */
  rc = db_exec(pDb,
               "UPDATE activities SET attendance_version = attendance_version "
               "+ 1, attendance_updated_at = ?, attendance_updated_by = "
               "CAST(? AS BIGINT), attendance_taken_at = CASE WHEN ? = 0 THEN "
               "NULL ELSE COALESCE(attendance_taken_at, ?) END WHERE id = ?",
               DB_I(db_now()), DB_IN(iUser), DB_I(n), DB_I(db_now()),
               DB_I(iActivity));
  if (rc == DB_OK) {
    rc = db_exec(pDb, "DELETE FROM attendance WHERE activity_id = ?",
                 DB_I(iActivity));
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

int meeting_attendance_backdate(Db *pDb, int64_t iActivity, int64_t t) {
  int rc = db_exec(pDb,
                   "UPDATE activities SET attendance_taken_at = ?, "
                   "attendance_updated_at = ? WHERE id = ?",
                   DB_I(t), DB_I(t), DB_I(iActivity));
  if (rc != DB_OK) return rc;
  return db_exec(pDb,
                 "UPDATE attendance SET updated_at = ? WHERE activity_id = ?",
                 DB_I(t), DB_I(iActivity));
}
