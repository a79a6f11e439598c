/*
** Attendance and quorum, stored (see sessions.h). The list of an activity
** is replaced as a whole: what the officer sends is the attendance.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/chile_time.h"
#include "store/meetings/meetings.h"
#include "store/people/participants.h"

/* Grows an arena array of nSize-byte elements holding n, to room for n+1. */
static void *grow(Arena *pArena, void *a, int n, int *pnAlloc, size_t nSize) {
  if (n < *pnAlloc) return a;
  *pnAlloc = *pnAlloc ? *pnAlloc * 2 : 32;
  void *aNew = arena_alloc(pArena, nSize * (size_t)*pnAlloc);
  if (n) memcpy(aNew, a, nSize * (size_t)n);
  return aNew;
}

int session_expected_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                          SessionExpected **paExp, int *pnExp) {
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
    *paExp = grow(pArena, *paExp, *pnExp, &nAlloc, sizeof(SessionExpected));
    SessionExpected *e = &(*paExp)[(*pnExp)++];
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

int session_attendance_list(Db *pDb, Arena *pArena, int64_t iActivity,
                            SessionAttendance **paRow, int *pnRow) {
  *paRow = NULL;
  *pnRow = 0;
  /* A guest's name, organization and commune are their participant's
  ** (migration 0035); rows of no participant keep what they were written
  ** with. */
  DbStmt *p = db_prepare(
      pDb,
      "SELECT coalesce(a.member_id, 0), m.first_names, m.last_names, "
      "coalesce(g.name, a.guest_name), coalesce(go.name, "
      "g.organization_name, a.guest_organization), coalesce(o.name, ''), "
      "coalesce(gc.name, a.guest_commune), a.status, a.reason, "
      "coalesce(a.substitute_for, 0), coalesce(a.participant_id, 0), "
      "coalesce(a.minutes, -1) "
      "FROM attendance a LEFT JOIN members m ON m.id = a.member_id "
      "LEFT JOIN organizations o ON o.id = m.organization_id "
      "LEFT JOIN participants g ON g.id = a.participant_id "
      "LEFT JOIN organizations go ON go.id = g.organization_id "
      "LEFT JOIN territory_communes gc ON gc.code = g.commune_code "
      "WHERE a.activity_id = ? ORDER BY a.sort_order, a.id");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iActivity);
  int nAlloc = 0, rc;
  while ((rc = db_step(p)) == DB_ROW) {
    *paRow = grow(pArena, *paRow, *pnRow, &nAlloc, sizeof(SessionAttendance));
    SessionAttendance *s = &(*paRow)[(*pnRow)++];
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
    s->iParticipant = db_column_int64(p, 10);
    s->nMinutes = (int)db_column_int64(p, 11);
  }
  db_done(p);
  return rc == DB_DONE ? DB_OK : DB_ERROR;
}

static int insert_row(Db *pDb, int64_t iActivity, int64_t iUser,
                      const AttendanceEntry *e, int64_t iParticipant,
                      int64_t iSubstituteFor, int nMinutes, int iOrder) {
  DbStmt *p = db_prepare(
      pDb,
      "INSERT INTO attendance(activity_id, member_id, participant_id, "
      "status, reason, substitute_for, minutes, sort_order, updated_at, "
      "updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!p) return DB_ERROR;
  int bGuest = e->iMemberId <= 0;
  db_bind_int64(p, 1, iActivity);
  if (bGuest)
    db_bind_null(p, 2);
  else
    db_bind_int64(p, 2, e->iMemberId);
  if (bGuest && iParticipant > 0)
    db_bind_int64(p, 3, iParticipant);
  else
    db_bind_null(p, 3);
  db_bind_text(p, 4, attendance_slug(e->eStatus));
  db_bind_text(
      p, 5,
      e->eStatus == ATTENDANCE_JUSTIFICADO && e->zReason ? e->zReason : "");
  if (!bGuest && iSubstituteFor > 0)
    db_bind_int64(p, 6, iSubstituteFor);
  else
    db_bind_null(p, 6);
  if (nMinutes >= 0)
    db_bind_int64(p, 7, nMinutes);
  else
    db_bind_null(p, 7);
  db_bind_int64(p, 8, iOrder);
  db_bind_int64(p, 9, db_now());
  if (iUser > 0)
    db_bind_int64(p, 10, iUser);
  else
    db_bind_null(p, 10);
  int rc = db_step(p);
  db_done(p);
  return rc == DB_DONE ? DB_OK : rc;
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
    DbStmt *p = db_prepare(pDb,
                           "SELECT id FROM participants WHERE council_id = ? "
                           "AND id = ?");
    if (!p) return DB_ERROR;
    db_bind_int64(p, 1, iCouncil);
    db_bind_int64(p, 2, e->iParticipantId);
    int rc = db_step(p);
    if (rc == DB_ROW) *piPart = db_column_int64(p, 0);
    db_done(p);
    return rc == DB_ROW ? DB_OK : rc == DB_DONE ? DB_CONSTRAINT : DB_ERROR;
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
  want.zCommuneCode = "";
  if (zCommune && zCommune[0]) {
    DbStmt *p = db_prepare(pDb,
                           "SELECT code FROM territory_communes WHERE code = "
                           "? OR lower(name) = lower(?) ORDER BY code");
    if (p) {
      db_bind_text(p, 1, zCommune);
      db_bind_text(p, 2, zCommune);
      if (db_step(p) == DB_ROW)
        want.zCommuneCode = arena_strdup(pArena, db_column_text(p, 0));
      db_done(p);
    }
  }
  return participant_resolve(pDb, pArena, iCouncil, iUser, &want, piPart, NULL);
}

int session_attendance_replace(Db *pDb, int64_t iActivity, int64_t iUser,
                               const AttendanceEntry *a, int n,
                               const char *const *azCommune,
                               const int64_t *aiSubstituteFor) {
  return session_attendance_replace_timed(pDb, iActivity, iUser, a, n,
                                          azCommune, aiSubstituteFor, NULL);
}

int session_attendance_replace_timed(Db *pDb, int64_t iActivity, int64_t iUser,
                                     const AttendanceEntry *a, int n,
                                     const char *const *azCommune,
                                     const int64_t *aiSubstituteFor,
                                     const int *aiMinutes) {
  int rc = db_begin(pDb);
  if (rc != DB_OK) return rc;
  /* An approved acta shows this list: it is fixed with it. Checked inside
  ** the write transaction, which orders it with the approval's. */
  int bFrozen = session_acta_freezes(pDb, iActivity);
  if (bFrozen != 0) {
    db_rollback(pDb);
    return bFrozen > 0 ? SESSION_ACTA_FROZEN : DB_ERROR;
  }
  /* The list's version first: on PostgreSQL the row lock also orders two
  ** saves of the same list, and a checked save (record_stamp_claim() in the
  ** caller's transaction) sees the version it claimed. */
  DbStmt *p = db_prepare(
      pDb,
      "UPDATE activities SET attendance_version = attendance_version + 1, "
      "attendance_updated_at = ?, attendance_updated_by = CAST(? AS BIGINT) "
      "WHERE id = ? RETURNING council_id");
  int64_t iCouncil = 0;
  if (!p)
    rc = DB_ERROR;
  else {
    db_bind_int64(p, 1, db_now());
    if (iUser > 0)
      db_bind_int64(p, 2, iUser);
    else
      db_bind_null(p, 2);
    db_bind_int64(p, 3, iActivity);
    rc = db_step(p) == DB_ROW ? DB_OK : DB_ERROR;
    if (rc == DB_OK) iCouncil = db_column_int64(p, 0);
    db_done(p);
  }
  /* Every guest is a participant: found or added before the rows go in. */
  Arena *pArena = arena_new();
  int64_t *aiPart = arena_alloc(pArena, sizeof(int64_t) * (size_t)(n + 1));
  for (int i = 0; i < n && rc == DB_OK; i++) {
    rc = guest_participant(pDb, pArena, iCouncil, iUser, &a[i],
                           azCommune ? azCommune[i] : "", &aiPart[i]);
  }
  p = rc == DB_OK ? db_prepare(pDb,
                               "DELETE FROM attendance WHERE "
                               "activity_id = ?")
                  : NULL;
  if (!p) {
    if (rc == DB_OK) rc = DB_ERROR;
  } else {
    db_bind_int64(p, 1, iActivity);
    rc = db_step(p) == DB_DONE ? DB_OK : DB_ERROR;
    db_done(p);
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
  if (rc != DB_OK) {
    db_rollback(pDb);
    return rc;
  }
  return db_commit(pDb);
}

static QuorumKind kind_parse(const char *z) {
  if (strcmp(z, "al_menos") == 0) return QUORUM_AT_LEAST;
  if (strcmp(z, "numero") == 0) return QUORUM_FIXED;
  return QUORUM_MORE_THAN;
}

int session_quorum_rules(Db *pDb, int64_t iCouncil, QuorumRules *pRules) {
  *pRules = quorum_rules_default();
  DbStmt *p = db_prepare(
      pDb,
      "SELECT counts, session_kind, session_num, session_den, session_fixed, "
      "agreement_kind, agreement_num, agreement_den, agreement_fixed, "
      "agreement_base, seats, vacancies_reduce_base "
      "FROM quorum_settings WHERE council_id = ?");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iCouncil);
  int rc = db_step(p);
  if (rc == DB_ROW) {
    pRules->eCounts = strcmp(db_column_text(p, 0), "suplentes") == 0
                          ? QUORUM_COUNTS_SUBSTITUTES
                          : QUORUM_COUNTS_TITULARES;
    pRules->session.eKind = kind_parse(db_column_text(p, 1));
    pRules->session.num = (int)db_column_int64(p, 2);
    pRules->session.den = (int)db_column_int64(p, 3);
    pRules->session.nFixed = (int)db_column_int64(p, 4);
    pRules->session.zLabel = NULL;
    pRules->agreement.eKind = kind_parse(db_column_text(p, 5));
    pRules->agreement.num = (int)db_column_int64(p, 6);
    pRules->agreement.den = (int)db_column_int64(p, 7);
    pRules->agreement.nFixed = (int)db_column_int64(p, 8);
    pRules->agreement.zLabel = NULL;
    pRules->eAgreementBase = strcmp(db_column_text(p, 9), "presentes") == 0
                                 ? QUORUM_OF_PRESENT
                                 : QUORUM_OF_MEMBERS;
    pRules->nSeat = (int)db_column_int64(p, 10);
    pRules->bVacanciesReduceBase = (int)db_column_int64(p, 11);
    QuorumThreshold *at[2] = {&pRules->session, &pRules->agreement};
    for (int i = 0; i < 2; i++) { /* The names people use for the usual ones */
      if (at[i]->eKind == QUORUM_MORE_THAN && at[i]->num * 2 == at[i]->den) {
        at[i]->zLabel = "mayoría absoluta";
      } else if (at[i]->eKind == QUORUM_AT_LEAST &&
                 at[i]->num * 3 == at[i]->den * 2) {
        at[i]->zLabel = "dos tercios";
      }
    }
  }
  db_done(p);
  return rc == DB_ROW || rc == DB_DONE ? DB_OK : DB_ERROR;
}

static const char *kind_slug(QuorumKind e) {
  return e == QUORUM_AT_LEAST ? "al_menos"
         : e == QUORUM_FIXED  ? "numero"
                              : "mas_de";
}

int session_quorum_rules_save(Db *pDb, int64_t iCouncil,
                              const QuorumRules *pRules) {
  DbStmt *p = db_prepare(
      pDb,
      "INSERT INTO quorum_settings(council_id, counts, session_kind, "
      "session_num, session_den, session_fixed, agreement_kind, "
      "agreement_num, agreement_den, agreement_fixed, agreement_base, seats, "
      "vacancies_reduce_base, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (council_id) DO UPDATE SET counts = excluded.counts, "
      "session_kind = excluded.session_kind, session_num = "
      "excluded.session_num, session_den = excluded.session_den, "
      "session_fixed = excluded.session_fixed, agreement_kind = "
      "excluded.agreement_kind, agreement_num = excluded.agreement_num, "
      "agreement_den = excluded.agreement_den, agreement_fixed = "
      "excluded.agreement_fixed, agreement_base = excluded.agreement_base, "
      "seats = excluded.seats, vacancies_reduce_base = "
      "excluded.vacancies_reduce_base, updated_at = excluded.updated_at, "
      "version = quorum_settings.version + 1");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iCouncil);
  db_bind_text(
      p, 2,
      pRules->eCounts == QUORUM_COUNTS_SUBSTITUTES ? "suplentes" : "titulares");
  db_bind_text(p, 3, kind_slug(pRules->session.eKind));
  db_bind_int64(p, 4, pRules->session.num);
  db_bind_int64(p, 5, pRules->session.den);
  db_bind_int64(p, 6, pRules->session.nFixed);
  db_bind_text(p, 7, kind_slug(pRules->agreement.eKind));
  db_bind_int64(p, 8, pRules->agreement.num);
  db_bind_int64(p, 9, pRules->agreement.den);
  db_bind_int64(p, 10, pRules->agreement.nFixed);
  db_bind_text(
      p, 11,
      pRules->eAgreementBase == QUORUM_OF_PRESENT ? "presentes" : "miembros");
  db_bind_int64(p, 12, pRules->nSeat);
  db_bind_int64(p, 13, pRules->bVacanciesReduceBase ? 1 : 0);
  db_bind_int64(p, 14, db_now());
  int rc = db_step(p);
  db_done(p);
  return rc == DB_DONE ? DB_OK : rc;
}

int session_quorum(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iActivity,
                   QuorumResult *pOut) {
  QuorumRules rules;
  SessionExpected *aExp = NULL;
  SessionAttendance *aRow = NULL;
  int nExp = 0, nRow = 0;
  if (session_quorum_rules(pDb, iCouncil, &rules) != DB_OK ||
      session_expected_list(pDb, pArena, iCouncil, &aExp, &nExp) != DB_OK ||
      session_attendance_list(pDb, pArena, iActivity, &aRow, &nRow) != DB_OK) {
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

const char *session_today(Arena *pArena) {
  char z[CHILE_TIME_ISO_MAX];
  chile_time_format_iso(db_now(), z, sizeof(z));
  return arena_strndup(pArena, z, 10);
}
