/*
** Sessions, stored: attendance per activity, the council's quorum rules,
** and agreements (acuerdos) with their follow-up log. All SQL about these
** tables (migration 0006) lives in src/store/meetings/; the rules
** themselves are the pure functions of domain/quorum.h,
** domain/attendance.h and domain/agreement.h, which this code feeds and
** never re-implements.
**
** Strings in the structs returned live in the caller's arena. Functions
** that write nest in the caller's transaction (db_begin counts).
*/
#ifndef COSOC_SESSIONS_SESSIONS_H
#define COSOC_SESSIONS_SESSIONS_H

#include <stdint.h>

#include "db/db.h"
#include "domain/acta.h"
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
  int64_t iParticipant;      /* A guest: the participant they are (0: an
                             ** unnamed row written before migration 0035) */
  int nMinutes;              /* Connected to an online module, or -1 */
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

/* What a write refused because the session's acta is approved or
** published answers (acta_freezes_session() gives the reason). */
#define SESSION_ACTA_FROZEN 1001

/* Replaces the attendance of an activity with a[0..n) (already validated
** with attendance_validate()); azCommune[i] (may be NULL) is a guest's
** commune and aiSubstituteFor[i] (may be NULL) the titular a suplente
** replaces. In one transaction: everything or nothing. Bumps the list's
** version (RECORD_ATTENDANCE) and marks it as saved by iUser (0: nobody
** known); a save checked against the version a form was drawn from calls
** record_stamp_claim() first, in its own transaction around this one.
** SESSION_ACTA_FROZEN, nothing written, once the acta is approved. */
int session_attendance_replace(Db *pDb, int64_t iActivity, int64_t iUser,
                               const AttendanceEntry *a, int n,
                               const char *const *azCommune,
                               const int64_t *aiSubstituteFor);
/* The same, with the minutes each person was connected (aiMinutes[i] < 0
** or aiMinutes NULL: not measured). A guest with no participant id is
** found among the council's participants (name, organization) or added
** (store/people/participants.h), so the same person is one across
** activities. */
int session_attendance_replace_timed(Db *pDb, int64_t iActivity,
                                     int64_t iUser, const AttendanceEntry *a,
                                     int n, const char *const *azCommune,
                                     const int64_t *aiSubstituteFor,
                                     const int *aiMinutes);

/* The council's quorum rules (quorum_rules_default() when none stored). */
int session_quorum_rules(Db *pDb, int64_t iCouncil, QuorumRules *pRules);

/* Saves the council's rules (already accepted by quorum_compute()). */
int session_quorum_rules_save(Db *pDb, int64_t iCouncil,
                              const QuorumRules *pRules);

/* Quorum of an activity from the rules, the councillors in office and the
** stored attendance (a suplente's iTitularOf is the titular they were
** recorded attending for, else the one they cover). */
int session_quorum(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iActivity,
                   QuorumResult *pOut);

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
  int64_t iResponsibleMember;   /* members.id when picked from the list, or 0 */
  int64_t iResponsibleDirectory; /* directory_entries.id when picked, or 0 */
  const char *zDue;              /* "YYYY-MM-DD" or "" */
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
int session_agreement_get(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iId,
                          SessionAgreement *pAgr);
/* Inserts a checked agreement; sets pAgr->id. SESSION_ACTA_FROZEN, nothing
** written, when the adopting session's acta is approved. */
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

/* The domain's view of stored agreements, for the tracker and the overdue
** list (arena memory, one per agreement, in the same order). */
AgreementItem *session_agreement_items(Arena *pArena,
                                       const SessionAgreement *aAgr, int nAgr);
/* Indexes into aAgr of those overdue on zToday, oldest due first, into
** *paiOver (arena memory); returns how many. */
int session_agreements_overdue(Arena *pArena, const SessionAgreement *aAgr,
                               int nAgr, const char *zToday, int **paiOver);

/* Puts one item listing the council's agreements overdue on zToday first
** on session iActivity's agenda, replacing an earlier such item (so running
** it twice lists them once), in one transaction. With no overdue agreement
** an earlier item is removed. Called when a session is created, and by the
** officer's button on the session page to bring the list up to date. */
int session_agenda_put_overdue(Db *pDb, Arena *pArena, int64_t iCouncil,
                               int64_t iActivity, const char *zToday);

/* Today in Santiago, "YYYY-MM-DD" (arena memory). */
const char *session_today(Arena *pArena);

/* ---- Actas ---- */

typedef struct SessionActa {
  int64_t id;
  int64_t iActivity; /* The session it records */
  ActaState eState;
  int64_t iApprovedIn; /* The later session that approved it, or 0 */
  int iVersion;
} SessionActa;

typedef struct SessionActaItem {
  int64_t id;
  const char *zTitle;
  const char *zSummary; /* Markdown */
} SessionActaItem;

typedef struct SessionActaNote {
  int64_t iItem;       /* The item commented on (0 for a correction) */
  const char *zAuthor; /* Name of who wrote it */
  const char *zDate;   /* "YYYY-MM-DD" */
  const char *zBody;   /* Comment (text) or correction (Markdown) */
} SessionActaNote;

/* DB_OK, DB_DONE when the activity has no acta yet. */
int session_acta_get(Db *pDb, int64_t iActivity, SessionActa *pActa);
/* Creates the acta of an activity in borrador with one item per agenda
** title; DB_CONSTRAINT when it already has one. */
int session_acta_create(Db *pDb, int64_t iActivity, const char *const *azTitle,
                        int nTitle, SessionActa *pActa);
int session_acta_items(Db *pDb, Arena *pArena, int64_t iActa,
                       SessionActaItem **paItem, int *pnItem);
/* Saves the summaries (aiItem[i] gets azSummary[i]) if the acta is still at
** iVersion and editable (checked by the caller): DB_OK, DB_BUSY. iUser is
** who saved (0: the command line), named on a later conflict page. */
int session_acta_save(Db *pDb, int64_t iUser, const SessionActa *pActa,
                      const int64_t *aiItem, const char *const *azSummary,
                      int n);
/* Moves it (already checked with acta_transition_check()), if still at
** iVersion: DB_OK, DB_BUSY. Moving it to aprobada freezes what it shows
** (session_acta_freeze()) in the same transaction. */
int session_acta_set_state(Db *pDb, int64_t iUser, const SessionActa *pActa,
                           ActaState eNew, int64_t iApprovedIn);

/* Whether activity iActivity's acta freezes its attendance and agreements
** (acta_freezes_session()): 1, 0, or -1 when the query failed. Writers
** call it inside their transaction, which orders them with the approval. */
int session_acta_freezes(Db *pDb, int64_t iActivity);

/* What an approved acta shows of its session, as it was when approved
** (migration 0015). Strings and arrays in the caller's arena. */
typedef struct SessionActaFrozen {
  const char *zTitle; /* The session's title */
  int64_t iStart;     /* Its time, UTC seconds */
  int64_t iEnd;
  const char *zPlace;      /* Its place, as convene_place() wrote it */
  const char *zQuorum;     /* The session quorum sentence */
  SessionAttendance *aRow; /* The attendance (with excuses: the caller
                           ** shows them to the officer only) */
  int nRow;
  SessionAgreement *aAgr; /* The agreements adopted (text, votes,
                          ** responsible, due date; not their state, which
                          ** moves on) */
  int nAgr;
} SessionActaFrozen;

/* Freezes the acta's session as it stands now, nested in the caller's
** transaction; an acta frozen already keeps what it has. DB_OK or
** DB_ERROR. */
int session_acta_freeze(Db *pDb, const SessionActa *pActa);
/* Reads it back: DB_OK, DB_DONE when the acta was never frozen. */
int session_acta_frozen(Db *pDb, Arena *pArena, int64_t iActa,
                        SessionActaFrozen *pOut);
int session_acta_comment_add(Db *pDb, int64_t iItem, int64_t iUser,
                             const char *zBody);
int session_acta_comments(Db *pDb, Arena *pArena, int64_t iActa,
                          SessionActaNote **paNote, int *pnNote);
int session_acta_correction_add(Db *pDb, int64_t iActa, int64_t iUser,
                                const char *zBody);
int session_acta_corrections(Db *pDb, Arena *pArena, int64_t iActa,
                             SessionActaNote **paNote, int *pnNote);
/* Published actas: activity ids and titles, newest first. */
int session_acta_published(Db *pDb, Arena *pArena, int64_t iCouncil,
                           int64_t **paiActivity, const char ***pazTitle,
                           int64_t **paiStart, int *pn);

/* ---- Requests to authorities (plan line 5) and their answers ---- */

typedef struct SessionAnswer {
  const char *zDate; /* "YYYY-MM-DD" */
  const char *zBody;
} SessionAnswer;

typedef struct SessionRequest {
  int64_t id;
  const char *zAuthority; /* Who was asked, as shown */
  int64_t iAgreement;     /* The agreement that asked, or 0 */
  const char *zAgreement; /* Its text, or "" */
  const char *zAskedOn;   /* "YYYY-MM-DD" */
  const char *zQuestion;
  int nAnswer; /* Answers in aAnswer, oldest first */
  SessionAnswer *aAnswer;
} SessionRequest;

/* The council's requests with their answers, unanswered first, then by
** date asked, newest first. */
int session_request_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                         SessionRequest **paReq, int *pnReq);
/* Inserts a checked request; sets pReq->id. */
int session_request_insert(Db *pDb, int64_t iCouncil, SessionRequest *pReq);
/* Adds an answer to a request of the council: DB_OK, DB_DONE when there is
** no such request. */
int session_request_answer(Db *pDb, int64_t iCouncil, int64_t iRequest,
                           const char *zDate, const char *zBody);

#endif
