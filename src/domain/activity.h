/*
** Activities, the rules: what makes an activity valid, which status
** changes are allowed, and which changes must be sent again to the people
** invited (a new iCalendar SEQUENCE). Pure functions over plain structs:
** no SQL, no HTTP. Spanish messages are kept here together.
**
** Slugs (kinds, status, modality, replies) are the CONTRACT's. Kinds are a
** catalogue the officer can extend (table activity_kinds), so this file only
** checks that a kind looks like a slug; the store checks it exists.
*/
#ifndef COSOC_DOMAIN_ACTIVITY_H
#define COSOC_DOMAIN_ACTIVITY_H

#include <stddef.h>
#include <stdint.h>

#include "domain/problems.h"
#include "domain/slug.h"

#define ACTIVITY_LINES_MAX 32  /* Plan lines one activity may serve */
#define ACTIVITY_TITLE_MAX 200 /* Characters (bytes) in a title */
#define ACTIVITY_TEXT_MAX 8000 /* Description */
#define ACTIVITY_MAX_DAYS 14   /* Longest activity, start to end */

/* Status slugs. */
#define ACTIVITY_PROGRAMADA "programada"
#define ACTIVITY_CONVOCADA "convocada"
#define ACTIVITY_REALIZADA "realizada"
#define ACTIVITY_SUSPENDIDA "suspendida"
#define ACTIVITY_REPROGRAMADA "reprogramada"

/* An activity as the rules see it. Strings are never NULL once read ("" for
** none); they live in the caller's arena. */
typedef struct Activity {
  int64_t id;             /* 0 before it is saved */
  int64_t iCouncil;       /* The council it belongs to; filled when read */
  const char *zKind;      /* activity_kinds slug */
  const char *zKindLabel; /* Filled when read */
  const char *zTitle;
  const char *zDescription;
  int64_t iStart;           /* UTC seconds */
  int64_t iEnd;             /* UTC seconds, > iStart */
  const char *zModality;    /* presencial, virtual, mixta */
  const char *zLink;        /* Videoconference URL, "" when none */
  const char *zCommune;     /* CUT code, "" when none */
  const char *zCommuneName; /* Filled when read */
  const char *zProvince;    /* Province code, filled when read */
  const char *zAddress;
  const char *zOrganizer;
  const char *zStatus;  /* Status slug */
  int bPublic;          /* Shown on the public calendar and feed */
  const char *zIcalUid; /* Stable UID of its calendar event */
  int iSequence;        /* SEQUENCE of the last version sent out */
  int iVersion;         /* Optimistic concurrency: bumped on each save */
  int nLine;            /* Plan lines it serves */
  int aLine[ACTIVITY_LINES_MAX]; /* Their numbers, ascending */
} Activity;

/* Problems found in an activity: field (API name) and Spanish sentence
** (problems_init, problem_add). */
typedef Problems ActivityProblems;

/* Catalogues of slugs with their Spanish labels. */
typedef SlugLabel ActivitySlug;
extern const ActivitySlug activity_statuses[];
extern const int activity_statuses_count;
extern const ActivitySlug activity_modalities[];
extern const int activity_modalities_count;
extern const ActivitySlug activity_replies[];
extern const int activity_replies_count;

/* The label of zSlug in a catalogue, or NULL when it is not there. */
const char *activity_slug_label(const ActivitySlug *a, int n,
                                const char *zSlug);

/* 1 when z is a slug: 1..40 of a-z, 0-9 and '_', starting with a letter. */
int activity_slug_wellformed(const char *z);

/* Checks every field of *pAct (kind only for form, see above) into
** pProblems. Field names: kind, title, description, start, end, modality,
** link, commune, status, plan_lines. */
void activity_check(const Activity *pAct, ActivityProblems *pProblems);

/* NULL when the status may go from zFrom to zTo (the same status always
** may), otherwise a Spanish sentence saying why not. */
const char *activity_transition_problem(const char *zFrom, const char *zTo);

/* NULL when pAct may carry its status at iNow, otherwise the Spanish
** reason: an activity is `realizada` only once its start has passed (a
** session dated tomorrow was not held). */
const char *activity_held_problem(const Activity *pAct, int64_t iNow);

#define ACTIVITY_REASON_MAX 500 /* Bytes of a status correction's reason */

/* A status change activity_transition_problem() refuses may still be made
** as a correction of a wrong state (a session marked realizada that was
** not held) when it gives a reason, which the history keeps. NULL when the
** move from zFrom to zTo is allowed with zReason (NULL or "": none given),
** otherwise the Spanish sentence saying what is missing. */
const char *activity_correction_problem(const char *zFrom, const char *zTo,
                                        const char *zReason);

/* What a saved change means for the people already invited. */
typedef enum ActivityResend {
  ACTIVITY_RESEND_NONE = 0, /* Nothing they need to hear about */
  ACTIVITY_RESEND_UPDATE,   /* When, where or what changed: REQUEST, seq+1 */
  ACTIVITY_RESEND_CANCEL,   /* Suspended: CANCEL, seq+1 */
} ActivityResend;
ActivityResend activity_resend_for(const Activity *pOld, const Activity *pNew);

/* Whether the start or end moved (a reschedule, kept in the history). */
int activity_is_rescheduled(const Activity *pOld, const Activity *pNew);

/* The status after a change: a convened activity whose dates move becomes
** reprogramada, unless the change itself names another status. */
const char *activity_status_after(const Activity *pOld, const Activity *pNew,
                                  int bStatusGiven);

/* Whether a modality takes place somewhere (presencial, mixta): then
** transport may be asked for. */
int activity_is_in_person(const char *zModality);

/* Whether the kind is a session of the council (ordinaria or
** extraordinaria): sessions have quorum, an acta and agreements. */
int activity_kind_is_session(const char *zKind);

/* Whether an invitation may still be answered at iNow. */
int activity_reply_open(const Activity *pAct, int64_t iNow);

/* "martes 15 de abril de 2025, de 10:00 a 12:00" in Santiago time (the end
** with its own date when on another day), into z of n bytes. */
#define ACTIVITY_WHEN_MAX 160
void activity_format_when(int64_t iStart, int64_t iEnd, char *z, size_t n);
/* "15-04-2025 10:00" in Santiago time. */
void activity_format_short(int64_t iUtc, char *z, size_t n);
/* "15 de abril de 2025" from "2025-04-15" (anything may follow the date;
** a copy of the input when it is not one), into z of n bytes. */
#define ACTIVITY_DATE_LONG_MAX 32
void activity_format_date_long(const char *zDate, char *z, size_t n);

#endif
