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
#include "store/people/participants.h"

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

/* A member's name and organization, whether titular or suplente, and whom
** a suplente replaces; a guest's name and organization are their
** participant's (migration 0035), and rows of no participant keep what
** they were written with. */
static const DbMap attendance_map =
    DB_MAP_FIX(MeetingAttendance, attendance_fix, "ittt-tiinnt", iMember, zName,
               zOrganization, zCommune, zReason, iSubstituteFor, iParticipant,
               nMinutes, eQuality, zReplaces);

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
  return db_list(
      pDb, pArena, &attendance_map, paRow, pnRow,
      "SELECT coalesce(a.member_id, 0), CASE WHEN a.member_id IS NULL THEN "
      "coalesce(g.name, a.guest_name) ELSE m.first_names || ' ' || "
      "m.last_names END, CASE WHEN a.member_id IS NULL THEN coalesce(go.name, "
      "g.organization_name, a.guest_organization) ELSE coalesce(o.name, '') "
      "END, coalesce(gc.name, a.guest_commune), a.status, a.reason, "
      "coalesce(a.substitute_for, 0), coalesce(a.participant_id, 0), "
      "coalesce(a.minutes, -1), CASE WHEN a.member_id IS NULL THEN 0 WHEN "
      "m.titular = 1 THEN 1 ELSE 2 END, coalesce(t.first_names || ' ' || "
      "t.last_names, '') FROM attendance a LEFT JOIN members m ON m.id = "
      "a.member_id LEFT JOIN members t ON t.id = a.substitute_for LEFT JOIN "
      "organizations o ON o.id = m.organization_id LEFT JOIN participants g "
      "ON g.id = a.participant_id LEFT JOIN organizations go ON go.id = "
      "g.organization_id LEFT JOIN territory_communes gc ON gc.code = "
      "g.commune_code WHERE a.activity_id = ? ORDER BY a.sort_order, a.id",
      DB_I(iActivity));
}

static int insert_row(Db *pDb, int64_t iActivity, int64_t iUser,
                      const AttendanceEntry *e, int64_t iParticipant,
                      int64_t iSubstituteFor, int nMinutes, int iOrder) {
  int bGuest = e->iMemberId <= 0;
  return db_exec(
      pDb,
      "INSERT INTO attendance(activity_id, member_id, participant_id, "
      "status, reason, substitute_for, minutes, sort_order, updated_at, "
      "updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      DB_I(iActivity), DB_IN(bGuest ? 0 : e->iMemberId),
      DB_IN(bGuest ? iParticipant : 0), DB_T(attendance_slug(e->eStatus)),
      DB_TE(e->eStatus == ATTENDANCE_JUSTIFICADO ? e->zReason : NULL),
      DB_IN(bGuest ? 0 : iSubstituteFor),
      nMinutes >= 0 ? DB_I(nMinutes) : DB_NULL, DB_I(iOrder), DB_I(db_now()),
      DB_IN(iUser));
}

/* The participant a guest entry is: its own id, or the council's
** participant of that name and organization (added when there is none). */
static int guest_participant(Db *pDb, Arena *pArena, int64_t iCouncil,
                             int64_t iUser, const AttendanceEntry *e,
                             const char *zCommune, int64_t *piPart) {
  *piPart = 0;
  if (e->iMemberId > 0) return DB_OK;
  if (e->iParticipantId > 0) {
    /* Only a participant of the activity's council. */
    int64_t iFound = db_int(pDb, 0,
                            "SELECT id FROM participants WHERE council_id = ? "
                            "AND id = ?",
                            DB_I(iCouncil), DB_I(e->iParticipantId));
    if (!iFound) return DB_CONSTRAINT;
    *piPart = iFound;
    return DB_OK;
  }
  Participant want;
  memset(&want, 0, sizeof(want));
  want.zName = e->zName ? e->zName : "";
  want.zRun = "";
  want.zEmail = "";
  want.zPhone = "";
  want.zOrganization = e->zOrganization ? e->zOrganization : "";
  want.iOrganization =
      want.zOrganization[0]
          ? people_org_find(pDb, iCouncil, NULL, want.zOrganization)
          : 0;
  /* The commune as written, when it names one of the territory. */
  const char *zCode =
      zCommune && zCommune[0]
          ? db_text(pDb, pArena,
                    "SELECT code FROM territory_communes WHERE code = ? OR "
                    "lower(name) = lower(?) ORDER BY code",
                    DB_T(zCommune), DB_T(zCommune))
          : NULL;
  want.zCommuneCode = zCode ? zCode : "";
  return participant_resolve(pDb, iCouncil, iUser, &want, piPart, NULL);
}

int meeting_attendance_replace(Db *pDb, int64_t iActivity, int64_t iUser,
                               const AttendanceEntry *a, int n,
                               const char *const *azCommune,
                               const int64_t *aiSubstituteFor) {
  return meeting_attendance_replace_timed(pDb, iActivity, iUser, a, n,
                                          azCommune, aiSubstituteFor, NULL);
}

int meeting_attendance_replace_timed(Db *pDb, int64_t iActivity, int64_t iUser,
                                     const AttendanceEntry *a, int n,
                                     const char *const *azCommune,
                                     const int64_t *aiSubstituteFor,
                                     const int *aiMinutes) {
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
  int64_t iCouncil = 0;
  rc = db_exec_id(pDb,
                  "UPDATE activities SET attendance_version = "
                  "attendance_version + 1, attendance_updated_at = ?, "
                  "attendance_updated_by = CAST(? AS BIGINT), "
                  "attendance_taken_at = CASE WHEN ? = 0 THEN NULL ELSE "
                  "COALESCE(attendance_taken_at, ?) END WHERE id = ? "
                  "RETURNING council_id",
                  &iCouncil, DB_I(db_now()), DB_IN(iUser), DB_I(n),
                  DB_I(db_now()), DB_I(iActivity));
  if (rc == DB_DONE) rc = DB_ERROR;
  /* Every guest is a participant: found or added before the rows go in. */
  Arena *pArena = arena_new();
  int64_t *aiPart = arena_alloc(pArena, sizeof(int64_t) * (size_t)(n + 1));
  for (int i = 0; i < n && rc == DB_OK; i++) {
    rc = guest_participant(pDb, pArena, iCouncil, iUser, &a[i],
                           azCommune ? azCommune[i] : "", &aiPart[i]);
  }
  if (rc == DB_OK) {
    rc = db_exec(pDb, "DELETE FROM attendance WHERE activity_id = ?",
                 DB_I(iActivity));
  }
  for (int i = 0; i < n && rc == DB_OK; i++) {
    /* The same person listed twice as a guest (two spellings that fold
    ** alike) is one row. */
    int bSeen = 0;
    for (int j = 0; j < i && aiPart[i]; j++) bSeen |= aiPart[j] == aiPart[i];
    if (bSeen) continue;
    rc = insert_row(pDb, iActivity, iUser, &a[i], aiPart[i],
                    aiSubstituteFor ? aiSubstituteFor[i] : 0,
                    aiMinutes ? aiMinutes[i] : -1, i);
  }
  arena_free(pArena);
  return db_finish(pDb, rc);
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
