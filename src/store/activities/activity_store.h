/*
** Activities, stored: the activities themselves, the plan lines they serve,
** their history, agenda, invitations with replies and transport, the kinds
** catalogue and the settings. All SQL about these tables lives in
** src/activities/; pages, the demo and later features (attendance,
** evidence, compliance) call these functions.
**
** Strings in the structs returned live in the caller's arena. Functions
** that write nest in the caller's transaction (db_begin counts).
*/
#ifndef COSOC_ACTIVITIES_ACTIVITY_STORE_H
#define COSOC_ACTIVITIES_ACTIVITY_STORE_H

#include <stdint.h>

#include "db/db.h"
#include "domain/activity.h"
#include "util/arena.h"
#include "util/list_page.h"

#define ACTIVITY_REMINDER_HOURS_DEFAULT 48

/* What a list shows. Zero/NULL fields do not filter. */
typedef struct ActivityFilter {
  int bPublicOnly;       /* Only public activities */
  const char *zKind;     /* Kind slug */
  const char *zProvince; /* Province code of the activity's commune */
  int iLine;             /* Serves this plan line */
  int64_t iFrom;         /* Starts at or after (UTC seconds) */
  int64_t iTo;           /* Starts before */
  int nMax;              /* At most this many (0: every one) */
  int bNewestFirst;      /* Order by start descending */
} ActivityFilter;

/* One kind of the catalogue. */
typedef struct ActivityKind {
  const char *zSlug;
  const char *zLabel;
} ActivityKind;

int activity_kinds_list(Db *pDb, Arena *pArena, ActivityKind **paKind,
                        int *pnKind);
/* 1 when the slug is in the catalogue. */
int activity_kind_exists(Db *pDb, const char *zSlug);
/* Adds a kind (the officer extends the catalogue); DB_CONSTRAINT when the
** slug is taken. */
int activity_kind_add(Db *pDb, const char *zSlug, const char *zLabel);

/* The council's activities matching pFilter, by start (arena memory):
** every one (or the first pFilter->nMax). */
int activity_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                  const ActivityFilter *pFilter, Activity **paAct, int *pnAct);
/* Page pPage of that list, read with LIMIT/OFFSET in SQL, the plan lines
** of the whole page in one more statement; pPage->nTotal gets how many
** match (a count only when the page alone cannot tell). pFilter->nMax is
** ignored. */
int activity_page(Db *pDb, Arena *pArena, int64_t iCouncil,
                  const ActivityFilter *pFilter, ListPage *pPage,
                  Activity **paAct, int *pnAct);
/* Activity iId of council iCouncil: DB_OK, DB_DONE when the council has no
** such activity (another council's is not found either), DB_ERROR. */
int activity_get(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iId,
                 Activity *pAct);
/* The council activity iId belongs to, 0 when there is none: for what
** reaches an activity by a secret token rather than through a council
** (a reply link), which then reads it with activity_get. */
int64_t activity_council(Db *pDb, int64_t iId);

/* Inserts a checked activity (status as given), its plan lines; sets id,
** zIcalUid, iSequence 0, iVersion 1. */
int activity_insert(Db *pDb, int64_t iCouncil, int64_t iUser, Activity *pAct);
/* Saves pNew over pOld (same id) if the stored version is still
** pOld->iVersion: DB_OK (pNew->iVersion bumped), DB_STALE when someone else
** saved first, DB_ERROR. A change of status or dates adds a history row
** with zNote. pNew->iSequence is stored as given. */
int activity_update(Db *pDb, int64_t iUser, const Activity *pOld,
                    Activity *pNew, const char *zNote);

/* One status change or reschedule. */
typedef struct ActivityHistory {
  int64_t iAt;
  const char *zUser; /* "" when unknown */
  const char *zOldStatus;
  const char *zNewStatus;
  int64_t iOldStart, iOldEnd, iNewStart, iNewEnd;
  const char *zNote;
} ActivityHistory;
int activity_history_list(Db *pDb, Arena *pArena, int64_t iAct,
                          ActivityHistory **paHist, int *pnHist);

/* ---- The notices cosoc sent (notice_store.c) ---- */

/* One recipient of one notice: the record that counts as a line's
** Citación, Convocatoria or Invitación (activity_notices). */
typedef struct ActivityNotice {
  int64_t id;
  const char *zKind;     /* "citacion" or "actualizacion" */
  int iSequence;         /* The activity's SEQUENCE it announced */
  int64_t tSent;         /* When cosoc queued it */
  const char *zSentBy;   /* Who sent it ("" for the command line) */
  const char *zEmail;    /* Recipient */
  const char *zName;     /* "" when unknown */
  const char *zDelivery; /* The outbox's state: pendiente, enviado,
                         ** fallido; "" once the outbox row is gone */
} ActivityNotice;

/* Records that a notice went to one person (in the caller's transaction,
** with the mail it queued). iUser 0: the command line. */
int activity_notice_add(Db *pDb, int64_t iActivity, const char *zKind,
                        int iSequence, int64_t iUser, const char *zEmail,
                        const char *zName, int64_t iOutbox);
/* Every notice of an activity, oldest first, recipients by name (arena). */
int activity_notice_list(Db *pDb, Arena *pArena, int64_t iActivity,
                         ActivityNotice **paNotice, int *pnNotice);
/* Sets when the notices of an activity were sent (the demo's past). */
int activity_notice_backdate(Db *pDb, int64_t iActivity, int64_t tSent);

#define ACTIVITY_AGENDA_MAX 100 /* Items on one agenda */

/* The agenda (tabla) in order. */
int activity_agenda_get(Db *pDb, Arena *pArena, int64_t iAct,
                        const char ***pazItem, int *pnItem);
/* Replaces the agenda with azItem (empty items skipped) and bumps the
** activity's version: the agenda is part of what its citation sends, and
** a form drawn before the change must not undo it. */
int activity_agenda_set(Db *pDb, int64_t iAct, const char *const *azItem,
                        int nItem);

/* One person invited, with their reply. */
typedef struct ActivityInvitation {
  int64_t id;
  int64_t iActivity;
  int64_t iMember;    /* 0 when not a councillor */
  int64_t iDirectory; /* 0 when not a directory contact */
  const char *zEmail;
  const char *zName;
  const char *zReply;      /* confirma, declina, quizas, or "" */
  int64_t iReplied;        /* 0 when not yet */
  int bTransport;          /* Asks for a seat */
  const char *zPickup;     /* Pickup commune code, "" when none */
  const char *zPickupName; /* Its name */
  int iSentSequence;       /* SEQUENCE last mailed to them */
  int64_t iVehicle;        /* Assigned vehicle, 0 when none */
} ActivityInvitation;

int activity_invitations_list(Db *pDb, Arena *pArena, int64_t iAct,
                              ActivityInvitation **paInv, int *pnInv);
/* Creates the invitation for (iAct, zEmail) or, when it exists, gives it
** the new token hash and sequence. *piId gets its id. */
int activity_invitation_upsert(Db *pDb, int64_t iAct, int64_t iMember,
                               int64_t iDirectory, const char *zEmail,
                               const char *zName, const char *zTokenHash,
                               int iSequence, int64_t *piId);
/* The invitation whose reply link has this token hash: DB_OK, DB_DONE. */
int activity_invitation_by_token(Db *pDb, Arena *pArena, const char *zHash,
                                 ActivityInvitation *pInv);
/* Records a reply (zPickup "" or NULL when no seat is asked for). */
int activity_invitation_reply(Db *pDb, int64_t iInv, const char *zReply,
                              int bTransport, const char *zPickup);

/* A vehicle for an activity's transport. */
typedef struct ActivityVehicle {
  int64_t id;
  const char *zLabel;
  const char *zDriver;
  int nCapacity;
  int nAssigned; /* Seats taken */
} ActivityVehicle;
int activity_vehicles_list(Db *pDb, Arena *pArena, int64_t iAct,
                           ActivityVehicle **paVeh, int *pnVeh);
int activity_vehicle_add(Db *pDb, int64_t iAct, const char *zLabel,
                         const char *zDriver, int nCapacity);
/* Seats invitation iInv in vehicle iVehicle (0: none). DB_DONE when the
** vehicle is full or not of the invitation's activity. */
int activity_seat_assign(Db *pDb, int64_t iInv, int64_t iVehicle);

/* Hours before an activity its reminder goes out: the council's setting
** COUNCIL_REMINDER_HOURS (store/council/council.h), 0 for none. Reminders
** already queued keep their time when it changes. */
#define ACTIVITY_REMINDER_HOURS_MAX (24 * 30)

/* The private calendar feed: a new secret for user iUser (replacing the
** old one); zToken gets it (shown once, ACCOUNTS_TOKEN_MAX bytes). */
int activity_feed_token_new(Db *pDb, int64_t iUser, char *zToken);
/* The user whose feed secret this is, 0 when none. */
int64_t activity_feed_token_user(Db *pDb, const char *zToken);
/* 1 when the user has a feed secret. */
int activity_feed_token_exists(Db *pDb, int64_t iUser);

#endif
