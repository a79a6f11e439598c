/*
** Convening: the citation (citación) e-mail with its calendar invitation,
** the reminder before the activity, the update sent when an activity
** changes and the cancellation when it is suspended — all queued in the
** outbox inside the caller's change, so mail exists exactly when the change
** does. Also the plain-text invitation for WhatsApp.
**
** Idempotency keys: "citacion:ACT:SEQ:EMAIL", "cancelacion:ACT:SEQ:EMAIL"
** and "recordatorio:ACT:SEQ:EMAIL", so that one version of an activity
** reaches each person once even with several servers. Every message carries
** a fresh personal reply link (/r/TOKEN); only the newest link works.
*/
#ifndef COSOC_ACTIVITIES_CONVENE_H
#define COSOC_ACTIVITIES_CONVENE_H

#include "export/ical.h"
#include "store/activities/activity_store.h"

/* One person to invite. */
typedef struct ConveneRecipient {
  int64_t iMember;    /* Councillor, 0 when not */
  int64_t iDirectory; /* Directory contact, 0 when not */
  const char *zEmail; /* Lower-case */
  const char *zName;  /* "" when unknown */
} ConveneRecipient;

/* The councillors in office with an e-mail address (arena memory). */
int convene_councillors(Db *pDb, Arena *pArena, int64_t iCouncil,
                        ConveneRecipient **paRec, int *pnRec);

/* Sends the citation to every recipient not yet invited to this version
** of the activity, queues their reminders, and marks a programada activity
** convocada — in one transaction. pAct is updated (status, version).
** zBaseUrl ("https://cosoc.example.cl") makes the reply links. *pnQueued
** gets how many citations were queued. DB_OK, DB_STALE (someone saved the
** activity meanwhile), DB_ERROR. */
int convene_send(Db *pDb, Arena *pArena, int64_t iUser, Activity *pAct,
                 const ConveneRecipient *aRec, int nRec, const char *zBaseUrl,
                 int *pnQueued);

/* Saves pNew over pOld (activity_update) and, in the same transaction,
** tells the people invited what changed: a new REQUEST (SEQUENCE+1, new
** reminder) or a CANCEL when suspended. Returns as activity_update. */
int convene_save_change(Db *pDb, Arena *pArena, int64_t iUser,
                        const Activity *pOld, Activity *pNew, const char *zNote,
                        const char *zBaseUrl);

/* The invitation as plain text for WhatsApp (no personal link). */
const char *convene_whatsapp_text(Arena *pArena, const char *zCouncil,
                                  const Activity *pAct,
                                  const char *const *azAgenda, int nAgenda,
                                  const char *zPageUrl);

/* Where it happens, in words: "Calle 1, La Serena", "Videoconferencia". */
const char *convene_place(Arena *pArena, const Activity *pAct);

/* The calendar event of activity pAct as every invitation and calendar of
** it shows it: its uid and sequence (so that a later version replaces this
** one), its times, its title as the summary, its place, and its link as
** the URL (NULL when it has none); the rest of *pEv cleared, for the
** caller to add. */
void convene_event_init(Arena *pArena, const Activity *pAct, IcalEvent *pEv);

#endif
