/*
** Council meetings (sesiones), stored: attendance per activity, quorum,
** and agreements (acuerdos) with their follow-up log. All SQL about these
** tables (migration 0006) lives in src/store/meetings/; the rules
** themselves are the pure functions of domain/quorum.h,
** domain/attendance.h and domain/agreement.h, which this code feeds and
** never re-implements.
**
** Strings in the structs returned live in the caller's arena. Functions
** that write nest in the caller's transaction (db_begin counts).
*/
#ifndef COSOC_STORE_MEETINGS_MEETINGS_H
#define COSOC_STORE_MEETINGS_MEETINGS_H

#include <stdint.h>

#include "db/db.h"
#include "domain/acta.h"
#include "domain/agreement.h"
#include "domain/attendance.h"
#include "domain/quorum.h"
#include "util/arena.h"
#include "util/list_page.h"

/* ---- Attendance ---- */

/* One person expected at a session: a councillor in office. */
typedef struct MeetingExpected {
  int64_t iMember;           /* members.id */
  const char *zName;         /* "Nombres Apellidos" */
  const char *zOrganization; /* Their organization, or "" */
  int bTitular;              /* 1: titular, 0: suplente */
  int64_t iSubstituteFor;    /* Suplente: the titular they cover, or 0 */
} MeetingExpected;

/* One stored attendance row. */
typedef struct MeetingAttendance {
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
  int eQuality;              /* MEETING_TITULAR, MEETING_SUPLENTE, or
                             ** MEETING_GUEST (also a member whose quality an
                             ** acta frozen before it was kept does not say) */
  const char *zReplaces;     /* The titular a suplente attends for, by
                             ** name, or "" */
} MeetingAttendance;
#define MEETING_GUEST 0
#define MEETING_TITULAR 1
#define MEETING_SUPLENTE 2
/* "Titular", "Suplente", "Invitado/a" ("Consejero/a" for a member of
** unknown quality). */
const char *meeting_quality_label(const MeetingAttendance *s);

/* Dates an activity's attendance as taken at t, and its acta as approved
** at t: a demonstration's past (cosoc demo). */
int meeting_attendance_backdate(Db *pDb, int64_t iActivity, int64_t t);
int meeting_acta_backdate(Db *pDb, int64_t iActivity, int64_t t);

/* The councillors in office of the council, titulares first, by name. */
int meeting_expected_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                          MeetingExpected **paExp, int *pnExp);

/* The stored attendance of an activity, in the order it was entered. */
int meeting_attendance_list(Db *pDb, Arena *pArena, int64_t iActivity,
                            MeetingAttendance **paRow, int *pnRow);

/* What a write refused because the session's acta is approved or
** published answers (acta_freezes_session() gives the reason). */
#define MEETING_ACTA_FROZEN 1001

/* Replaces the attendance of an activity with a[0..n) (already validated
** with attendance_validate()); azCommune[i] (may be NULL) is a guest's
** commune and aiSubstituteFor[i] (may be NULL) the titular a suplente
** replaces. In one transaction: everything or nothing. Bumps the list's
** version (RECORD_ATTENDANCE) and marks it as saved by iUser (0: nobody
** known); a save checked against the version a form was drawn from calls
** record_stamp_claim() first, in its own transaction around this one.
** MEETING_ACTA_FROZEN, nothing written, once the acta is approved. */
int meeting_attendance_replace(Db *pDb, int64_t iActivity, int64_t iUser,
                               const AttendanceEntry *a, int n,
                               const char *const *azCommune,
                               const int64_t *aiSubstituteFor);
/* The same, with the minutes each person was connected (aiMinutes[i] < 0
** or aiMinutes NULL: not measured). A guest with no participant id is
** found among the council's participants (name, organization) or added
** (store/people/participants.h), so the same person is one across
** activities. */
int meeting_attendance_replace_timed(Db *pDb, int64_t iActivity, int64_t iUser,
                                     const AttendanceEntry *a, int n,
                                     const char *const *azCommune,
                                     const int64_t *aiSubstituteFor,
                                     const int *aiMinutes);

/* What the attendance chart counts for a council: its members with their
** terms (by last names), the activities whose attendance is recorded and
** every (member, activity) where the member was present. */
typedef struct MeetingMemberTerm {
  int64_t iMember;
  const char *zName;      /* "Nombres Apellidos" */
  const char *zTermStart; /* YYYY-MM-DD */
  const char *zTermEnd;   /* YYYY-MM-DD, "" when open */
} MeetingMemberTerm;
typedef struct MeetingPresence {
  int64_t iMember;
  int64_t iActivity;
} MeetingPresence;
typedef struct MeetingAttendanceFacts {
  int nRecorded;
  int64_t *aiRecorded; /* Activities with attendance recorded */
  int nMember;
  MeetingMemberTerm *aMember;
  int nPresent;
  MeetingPresence *aPresent;
} MeetingAttendanceFacts;
int meeting_attendance_facts(Db *pDb, Arena *pArena, int64_t iCouncil,
                             MeetingAttendanceFacts *pFacts);

/* Quorum of an activity from the rules, the councillors in office and the
** stored attendance (a suplente's iTitularOf is the titular they were
** recorded attending for, else the one they cover). */
int meeting_quorum(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iActivity,
                   QuorumResult *pOut);

/* ---- Agreements ---- */

typedef struct MeetingAgreement {
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
} MeetingAgreement;

/* One follow-up entry. */
typedef struct MeetingAgreementNote {
  const char *zDate;     /* "YYYY-MM-DD" */
  const char *zOldState; /* Slugs */
  const char *zNewState;
  const char *zNote;
} MeetingAgreementNote;

/* The council's agreements, newest session first (iActivity > 0: only
** that session's). */
int meeting_agreement_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                           int64_t iActivity, MeetingAgreement **paAgr,
                           int *pnAgr);
/* Page pPage of that list (util/list_page.h), read with LIMIT/OFFSET;
** pPage->nTotal gets how many there are. */
int meeting_agreement_page(Db *pDb, Arena *pArena, int64_t iCouncil,
                           int64_t iActivity, ListPage *pPage,
                           MeetingAgreement **paAgr, int *pnAgr);
/* DB_OK, DB_DONE when there is none in the council, DB_ERROR. */
int meeting_agreement_get(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iId,
                          MeetingAgreement *pAgr);
/* Inserts a checked agreement; sets pAgr->id. MEETING_ACTA_FROZEN, nothing
** written, when the adopting session's acta is approved. */
int meeting_agreement_insert(Db *pDb, int64_t iCouncil, MeetingAgreement *pAgr);
/* Moves an agreement to eNew (already checked with
** agreement_transition_check(), may equal the old state for a plain note)
** and logs zNote dated zDate, if the stored version is still iVersion:
** DB_OK, DB_STALE when someone else changed it first. */
int meeting_agreement_follow(Db *pDb, int64_t iUser,
                             const MeetingAgreement *pOld, AgreementState eNew,
                             const char *zDate, const char *zNote);
/* Its log, oldest first. */
int meeting_agreement_notes(Db *pDb, Arena *pArena, int64_t iAgreement,
                            MeetingAgreementNote **paNote, int *pnNote);

/* The domain's view of stored agreements, for the tracker and the overdue
** list (arena memory, one per agreement, in the same order). */
AgreementItem *meeting_agreement_items(Arena *pArena,
                                       const MeetingAgreement *aAgr, int nAgr);
/* Indexes into aAgr of those overdue on zToday, oldest due first, into
** *paiOver (arena memory); returns how many. */
int meeting_agreements_overdue(Arena *pArena, const MeetingAgreement *aAgr,
                               int nAgr, const char *zToday, int **paiOver);

/* Puts one item listing the council's agreements overdue on zToday first
** on session iActivity's agenda, replacing an earlier such item (so running
** it twice lists them once), in one transaction. With no overdue agreement
** an earlier item is removed. Called when a session is created, and by the
** officer's button on the session page to bring the list up to date. */
int meeting_agenda_put_overdue(Db *pDb, Arena *pArena, int64_t iCouncil,
                               int64_t iActivity, const char *zToday);

/* Today in Santiago, "YYYY-MM-DD" (arena memory). */
const char *meeting_today(Arena *pArena);

/* ---- Actas ---- */

typedef struct MeetingActa {
  int64_t id;
  int64_t iActivity; /* The session it records */
  ActaState eState;
  int64_t iApprovedIn; /* The later session that approved it, or 0 */
  int iVersion;
} MeetingActa;

typedef struct MeetingActaItem {
  int64_t id;
  const char *zTitle;
  const char *zSummary; /* Markdown */
} MeetingActaItem;

typedef struct MeetingActaNote {
  int64_t iItem;       /* The item commented on (0 for a correction) */
  const char *zAuthor; /* Name of who wrote it */
  const char *zDate;   /* "YYYY-MM-DD" */
  const char *zBody;   /* Comment (text) or correction (Markdown) */
} MeetingActaNote;

/* DB_OK, DB_DONE when the activity has no acta yet. */
int meeting_acta_get(Db *pDb, int64_t iActivity, MeetingActa *pActa);
/* Creates the acta of an activity in borrador with one item per agenda
** title; DB_CONSTRAINT when it already has one. */
int meeting_acta_create(Db *pDb, int64_t iActivity, const char *const *azTitle,
                        int nTitle, MeetingActa *pActa);
int meeting_acta_items(Db *pDb, Arena *pArena, int64_t iActa,
                       MeetingActaItem **paItem, int *pnItem);
/* Saves the summaries (aiItem[i] gets azSummary[i]) if the acta is still at
** iVersion and editable (checked by the caller): DB_OK, DB_STALE. iUser is
** who saved (0: the command line), named on a later conflict page. */
int meeting_acta_save(Db *pDb, int64_t iUser, const MeetingActa *pActa,
                      const int64_t *aiItem, const char *const *azSummary,
                      int n);
/* Moves it (already checked with acta_transition_check()), if still at
** iVersion: DB_OK, DB_STALE. Moving it to aprobada freezes what it shows
** (meeting_acta_freeze()) in the same transaction. */
int meeting_acta_set_state(Db *pDb, int64_t iUser, const MeetingActa *pActa,
                           ActaState eNew, int64_t iApprovedIn);

/* Whether activity iActivity's acta freezes its attendance and agreements
** (acta_freezes_session()): 1, 0, or -1 when the query failed. Writers
** call it inside their transaction, which orders them with the approval. */
int meeting_acta_freezes(Db *pDb, int64_t iActivity);
/* How many actas of other sessions were approved in session iActivity
** (approved or published since); -1 when the query failed. */
int meeting_actas_approved_in(Db *pDb, int64_t iActivity);

/* What an approved acta shows of its session, as it was when approved
** (migration 0015). Strings and arrays in the caller's arena. */
typedef struct MeetingActaFrozen {
  const char *zTitle; /* The session's title */
  int64_t iStart;     /* Its time, UTC seconds */
  int64_t iEnd;
  const char *zPlace;      /* Its place, as convene_place() wrote it */
  const char *zQuorum;     /* The session quorum sentence */
  MeetingAttendance *aRow; /* The attendance (with excuses: the caller
                           ** shows them to the officer only) */
  int nRow;
  MeetingAgreement *aAgr; /* The agreements adopted (text, votes,
                          ** responsible, due date; not their state, which
                          ** moves on) */
  int nAgr;
} MeetingActaFrozen;

/* Freezes the acta's session as it stands now, nested in the caller's
** transaction; an acta frozen already keeps what it has. DB_OK or
** DB_ERROR. */
int meeting_acta_freeze(Db *pDb, const MeetingActa *pActa);
/* Reads it back: DB_OK, DB_DONE when the acta was never frozen. */
int meeting_acta_frozen(Db *pDb, Arena *pArena, int64_t iActa,
                        MeetingActaFrozen *pOut);
int meeting_acta_comment_add(Db *pDb, int64_t iItem, int64_t iUser,
                             const char *zBody);
int meeting_acta_comments(Db *pDb, Arena *pArena, int64_t iActa,
                          MeetingActaNote **paNote, int *pnNote);
int meeting_acta_correction_add(Db *pDb, int64_t iActa, int64_t iUser,
                                const char *zBody);
int meeting_acta_corrections(Db *pDb, Arena *pArena, int64_t iActa,
                             MeetingActaNote **paNote, int *pnNote);
/* One acta in a list of actas: its session. */
typedef struct MeetingActaEntry {
  int64_t iActivity; /* The session's activity */
  const char *zTitle;
  int64_t iStart;
  int64_t nTotal; /* How many the whole list holds (the same on every row) */
} MeetingActaEntry;
/* Page pPage (util/list_page.h; nLimit 0: all) of the council's actas in
** state zState (`publicada`; `aprobada`: approved, still to be published),
** newest session first, read with LIMIT/OFFSET; pPage->nTotal gets how
** many there are. */
int meeting_acta_in_state(Db *pDb, Arena *pArena, int64_t iCouncil,
                          const char *zState, ListPage *pPage,
                          MeetingActaEntry **paActa, int *pnActa);

/* ---- Requests to authorities (plan line 5) and their answers ---- */

typedef struct MeetingAnswer {
  const char *zDate; /* "YYYY-MM-DD" */
  const char *zBody;
} MeetingAnswer;

typedef struct MeetingRequest {
  int64_t id;
  const char *zAuthority; /* Who was asked, as shown */
  int64_t iAgreement;     /* The agreement that asked, or 0 */
  const char *zAgreement; /* Its text, or "" */
  const char *zAskedOn;   /* "YYYY-MM-DD" */
  const char *zQuestion;
  int nAnswer; /* Answers in aAnswer, oldest first */
  MeetingAnswer *aAnswer;
} MeetingRequest;

/* The council's requests with their answers, unanswered first, then by
** date asked, newest first. */
int meeting_request_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                         MeetingRequest **paReq, int *pnReq);
/* Inserts a checked request; sets pReq->id. */
int meeting_request_insert(Db *pDb, int64_t iCouncil, MeetingRequest *pReq);
/* Adds an answer to a request of the council: DB_OK, DB_DONE when there is
** no such request. */
int meeting_request_answer(Db *pDb, int64_t iCouncil, int64_t iRequest,
                           const char *zDate, const char *zBody);

#endif
