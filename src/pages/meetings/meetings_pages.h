/*
** What the session pages share (meetings_api.c, meetings_attendance.c,
** agreements.c): attendance and agreements read from JSON or forms,
** checked completely before anything is written, and their JSON.
*/
#ifndef COSOC_PAGES_SESSIONS_PAGES_H
#define COSOC_PAGES_SESSIONS_PAGES_H

#include "pages/activities/activities_pages.h"
#include "store/meetings/meetings.h"

#define MEETING_ATTENDANCE_MAX 500 /* Entries in one attendance list */

/* An attendance list as received, with what the domain entry lacks. */
typedef struct MeetingAttendanceInput {
  AttendanceEntry *a;       /* Entries (arena) */
  const char **azCommune;   /* Guest communes, parallel to a */
  int64_t *aiSubstituteFor; /* Titular a suplente attends for, or 0 */
  int64_t *aiEnrolment;     /* A module's enrolled person, or 0 (API) */
  int *aiMinutes;           /* Time connected, or -1 (NULL: none given) */
  int n;
} MeetingAttendanceInput;

/* Checks p (domain rules plus: members in office, substitute_for a
** titular) for pAct. Returns NULL when valid, else the Spanish sentence;
** *pzField gets the field to blame. */
const char *meeting_attendance_check(Request *r, MeetingAttendanceInput *p,
                                     const char **pzField);
/* The same, and *piEntry gets the index in p of the entry to blame (-1
** when none), so a form can show the message next to that row. */
const char *meeting_attendance_check_at(Request *r, MeetingAttendanceInput *p,
                                        const char **pzField, int *piEntry);

/* {"attendance": [...], "quorum": {"required", "present", "reached",
** "explanation", ...}} of an activity, or NULL on a database error. */
json_t *meeting_attendance_json(Request *r, int64_t iActivity);

/* The JSON of one agreement. */
json_t *meeting_agreement_json(const MeetingAgreement *g, const char *zToday);

/* Checks an agreement's text, votes, responsible and due date. NULL when
** valid, else the sentence and *pzField. */
const char *meeting_agreement_check(const MeetingAgreement *g,
                                    const char **pzField);

/* NULL when session iActivity may adopt agreement g: its attendance gives
** quorum to adopt agreements and g's votes fit the councillors present
** (acta_agreement_check()); else the Spanish reason, *pzField "session"
** or "votes". (A database failure reads as no quorum.) */
const char *meeting_agreement_quorum_problem(Request *r,
                                             const MeetingAgreement *g,
                                             const char **pzField);

/* With session iActivity's attendance just written, inside the caller's
** transaction: NULL while what the session decided still fits it (the
** quorum of an acta approved in it; each agreement's quorum and votes
** within the councillors present), else the Spanish reason naming the
** first that no longer does, so the save is rolled back: lowering the
** attendance afterwards left 6 votes standing with 2 present. */
const char *meeting_attendance_decisions_problem(Request *r, int64_t iActivity);

/* Once a session's acta is approved, its attendance and agreements are
** fixed with it (acta_freezes_session()): the Spanish reason a change is
** refused, or NULL while they may change. Forms use it to show the list
** read-only; the stores refuse the write itself (MEETING_ACTA_FROZEN). */
const char *meeting_frozen_reason(Request *r, int64_t iActivity);
/* Answers a write the store refused as MEETING_ACTA_FROZEN: 409 with the
** reason (JSON on the API) and a link to the acta on a page. */
void meeting_frozen_respond(Request *r, int64_t iActivity);

/* Handlers. */
void page_api_activity_attendance(Request *r);
void page_api_agreements(Request *r);
void page_api_agreement(Request *r);
void page_activity_attendance(Request *r);
void page_agreements(Request *r);
void page_agreement(Request *r);
void page_activity_agreements(Request *r);
void page_activity_agenda_overdue(Request *r);
void page_activity_attendance_pdf(Request *r);
void page_activity_acta(Request *r);
void page_activity_acta_pdf(Request *r);
void page_actas(Request *r);
void page_authority_requests(Request *r);
void page_authority_request(Request *r);
void page_admin_quorum(Request *r);

/* PDFs of an activity for the evidence ZIP, as their pages make them:
** the approved (or published) acta, and the attendance sheet. DB_OK with
** the bytes (arena), DB_DONE when there is no such activity or acta, or
** DB_ERROR. */
int actas_pdf_bytes(Db *pDb, Arena *pArena, const Council *pCouncil,
                    int64_t iActivity, const char **ppOut, size_t *pnOut);
int attendance_sheet_bytes(Db *pDb, Arena *pArena, const Council *pCouncil,
                           int64_t iActivity, const char **ppOut,
                           size_t *pnOut);

/* The activity page's attendance and agreements sections. */
void activity_attendance_section(Html *h, Request *r, const Activity *pAct);
void activity_agreements_section(Html *h, Request *r, const Activity *pAct);

/* The conflict page of activity a's attendance (a session's or a course
** module's: one list, one version) up to its rows: the list saved meanwhile
** into *paSaved and *pnSaved and its version into *piVersion, then the
** shell titled zTitle, the heading that links to a and the comparison
** opened in h. 0 once it has answered 500. */
int meeting_attendance_conflict_begin(Request *r, Html *h, const Activity *a,
                                      const char *zTitle,
                                      MeetingAttendance **paSaved, int *pnSaved,
                                      int *piVersion);

#endif
