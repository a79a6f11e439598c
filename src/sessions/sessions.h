/*
** Sessions, stored: attendance per activity, the council's quorum rules,
** and agreements (acuerdos) with their follow-up log. All SQL about these
** tables (migration 0006) lives in src/sessions/; the rules themselves are
** the pure functions of domain/quorum.h, domain/attendance.h and
** domain/agreement.h, which this code feeds and never re-implements.
**
** Strings in the structs returned live in the caller's arena. Functions
** that write nest in the caller's transaction (db_begin counts).
*/
#ifndef COSOC_SESSIONS_SESSIONS_H
#define COSOC_SESSIONS_SESSIONS_H

#include <stdint.h>

#include "db/db.h"
#include "domain/agreement.h"
#include "domain/attendance.h"
#include "domain/quorum.h"
#include "util/arena.h"

/* ---- Attendance ---- */

/* One person expected at a session: a councillor in office. */
typedef struct SessionExpected {
  int64_t iMember;           /* members.id */
  const char *zName;         /* "Nombres Apellidos" */
  const char *zOrganization; /* Their organization, or "" */
  int bTitular;              /* 1: titular, 0: suplente */
  int64_t iSubstituteFor;    /* Suplente: the titular they cover, or 0 */
} SessionExpected;

/* One stored attendance row. */
typedef struct SessionAttendance {
  int64_t iMember;           /* > 0: a member; 0: a guest */
  const char *zName;         /* Member's or guest's name */
  const char *zOrganization; /* Guest's organization, or the member's */
  const char *zCommune;      /* Guest's commune as written, or "" */
  Attendance eStatus;        /* presente, ausente, justificado */
  const char *zReason;       /* Excuse, or "" */
  int64_t iSubstituteFor;    /* A suplente attending for this titular, or 0 */
} SessionAttendance;

/* The councillors in office of the council, titulares first, by name. */
int session_expected_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                          SessionExpected **paExp, int *pnExp);

/* The stored attendance of an activity, in the order it was entered. */
int session_attendance_list(Db *pDb, Arena *pArena, int64_t iActivity,
                            SessionAttendance **paRow, int *pnRow);

/* Replaces the attendance of an activity with a[0..n) (already validated
** with attendance_validate()); azCommune[i] (may be NULL) is a guest's
** commune and aiSubstituteFor[i] (may be NULL) the titular a suplente
** replaces. In one transaction: everything or nothing. */
int session_attendance_replace(Db *pDb, int64_t iActivity, int64_t iUser,
                               const AttendanceEntry *a, int n,
                               const char *const *azCommune,
                               const int64_t *aiSubstituteFor);

/* The council's quorum rules (quorum_rules_default() when none stored). */
int session_quorum_rules(Db *pDb, int64_t iCouncil, QuorumRules *pRules);

/* Quorum of an activity from the rules, the councillors in office and the
** stored attendance (a suplente's iTitularOf is the titular they were
** recorded attending for, else the one they cover). */
int session_quorum(Db *pDb, Arena *pArena, int64_t iCouncil,
                   int64_t iActivity, QuorumResult *pOut);

/* ---- Agreements ---- */

typedef struct SessionAgreement {
  int64_t id;
  int64_t iActivity;        /* The adopting session */
  const char *zSession;     /* Its title */
  const char *zSessionDate; /* Its date, "YYYY-MM-DD" (Santiago) */
  const char *zText;        /* What was agreed */
  int bVoted;               /* Votes recorded */
  int nFor, nAgainst, nAbstain;
  const char *zResponsibleKind; /* ninguno, consejero, autoridad, encargado */
  const char *zResponsible;     /* Name as shown, or "" */
  const char *zDue;             /* "YYYY-MM-DD" or "" */
  AgreementState eState;
  int iVersion;
} SessionAgreement;

/* One follow-up entry. */
typedef struct SessionAgreementNote {
  const char *zDate;     /* "YYYY-MM-DD" */
  const char *zOldState; /* Slugs */
  const char *zNewState;
  const char *zNote;
} SessionAgreementNote;

/* The council's agreements, newest session first (iActivity > 0: only
** that session's). */
int session_agreement_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                           int64_t iActivity, SessionAgreement **paAgr,
                           int *pnAgr);
/* DB_OK, DB_DONE when there is none in the council, DB_ERROR. */
int session_agreement_get(Db *pDb, Arena *pArena, int64_t iCouncil,
                          int64_t iId, SessionAgreement *pAgr);
/* Inserts a checked agreement; sets pAgr->id. */
int session_agreement_insert(Db *pDb, int64_t iCouncil, SessionAgreement *pAgr);
/* Moves an agreement to eNew (already checked with
** agreement_transition_check(), may equal the old state for a plain note)
** and logs zNote dated zDate, if the stored version is still iVersion:
** DB_OK, DB_BUSY when someone else changed it first. */
int session_agreement_follow(Db *pDb, int64_t iUser,
                             const SessionAgreement *pOld, AgreementState eNew,
                             const char *zDate, const char *zNote);
/* Its log, oldest first. */
int session_agreement_notes(Db *pDb, Arena *pArena, int64_t iAgreement,
                            SessionAgreementNote **paNote, int *pnNote);

/* Today in Santiago, "YYYY-MM-DD" (arena memory). */
const char *session_today(Arena *pArena);

#endif
