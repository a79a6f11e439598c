/*
** The mail outbox: the only way cosoc sends e-mail.
**
** Code that causes mail (a citation, a reminder, a test from /admin/correo)
** calls outbox_queue() inside the same transaction as its own change, so
** the message exists exactly when the change does. Senders then claim due
** rows with a lease, send them (src/mail/sender.c) and record the outcome:
** `enviado` right after the SMTP server accepts it, or a retry later with a
** growing delay, or `fallido` with a Spanish reason after the last attempt.
**
** Claiming works with several senders at once: on PostgreSQL the claim
** takes rows with SELECT ... FOR UPDATE SKIP LOCKED, so concurrent servers
** never wait for nor take each other's rows; on SQLite the claim runs in a
** write transaction, which serializes senders. The SQL dialect choice lives
** here and nowhere else (db_backend_name()).
**
** This file never talks SMTP and never builds MIME.
*/
#ifndef COSOC_MAIL_OUTBOX_H
#define COSOC_MAIL_OUTBOX_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"
#include "util/arena.h"
#include "util/list_page.h"

/* Results of outbox_queue(). */
#define OUTBOX_QUEUED 0         /* A new row */
#define OUTBOX_ALREADY_QUEUED 1 /* Its idempotency key was queued before */
#define OUTBOX_INVALID 2        /* Bad address or subject: nothing written */
#define OUTBOX_ERROR (-1)       /* Database error: roll back the caller */
#define OUTBOX_SUPPRESSED                    \
  3 /* The recipient objected to mail or had \
    ** their data erased (mail_suppressions, \
    ** issue 21): nothing written */

/* Mail states (CONTRACT slugs). */
#define OUTBOX_STATE_PENDING "pendiente"
#define OUTBOX_STATE_SENT "enviado"
#define OUTBOX_STATE_FAILED "fallido"

#define OUTBOX_TOKEN_HEX 32 /* Hex digits in a message token */

/* A file sent with a message. */
typedef struct OutboxAttachment {
  const char *zFilename;    /* "invitacion.ics" */
  const char *zContentType; /* "text/calendar; method=REQUEST; charset=UTF-8" */
  int bCalendar;            /* Also shown inline as text/calendar (an
                            ** invitation calendar clients act on) */
  const void *pData;        /* The bytes */
  size_t nData;
} OutboxAttachment;

/* A message to queue. */
typedef struct OutboxMessage {
  const char *zIdempotencyKey;     /* Unique per intended message, e.g.
                                   ** "citacion:ACTIVIDAD:SECUENCIA:CORREO" */
  const char *zTo;                 /* One address */
  const char *zToName;             /* Display name, or NULL */
  const char *zSubject;            /* UTF-8, one line */
  const char *zText;               /* Plain-text body, UTF-8 */
  const char *zHtml;               /* HTML alternative, or NULL */
  const char *zRelatedKind;        /* 'actividad', 'prueba'..., or NULL */
  int64_t iRelatedId;              /* The related object's id (0: none) */
  int64_t iNotBefore;              /* Send no earlier (0: now), for reminders */
  int64_t iCouncil;                /* Whose business it is (0: the
                                   ** installation's own) */
  const OutboxAttachment *aAttach; /* nAttach entries */
  int nAttach;
} OutboxMessage;

/* Queues a message (nested in the caller's transaction if any). *piId gets
** the row's id, also when it was already queued. When OUTBOX_INVALID,
** *pzProblem (if given) gets a Spanish sentence. */
/* The suppression list keeps a SHA-256 of each lower-case address, never
** the address (migration 0041): its hex into zHex. */
#define OUTBOX_HASH_HEX 64
void outbox_address_hash(const char *zTo, char zHex[OUTBOX_HASH_HEX + 1]);
/* Whether zTo is on the suppression list. */
int outbox_suppressed(Db *pDb, const char *zTo);
int outbox_queue(Db *pDb, const OutboxMessage *pMsg, int64_t *piId,
                 const char **pzProblem);

/* A claimed message, ready to be composed and sent (arena memory). */
typedef struct OutboxMail {
  int64_t id;
  const char *zMessageToken; /* Stable: the Message-ID's left part */
  const char *zTo;
  const char *zToName;
  const char *zSubject;
  const char *zText;
  const char *zHtml;         /* NULL when none */
  int nAttempt;              /* Attempts made before this one */
  int64_t iCreated;          /* When it was queued */
  OutboxAttachment *aAttach; /* nAttach entries */
  int nAttach;
} OutboxMail;

/* Claims up to nMax due messages for zClaim (a token unique to this claim)
** until iNow + iLease. Returns DB_OK with the messages (maybe none). */
int outbox_claim(Db *pDb, Arena *pArena, const char *zClaim, int64_t iNow,
                 int64_t iLease, int nMax, OutboxMail **paMail, int *pnMail);

/* The retry policy. */
typedef struct OutboxRetry {
  int nMaxAttempts;   /* After this many failures: fallido */
  int64_t iBaseDelay; /* Seconds before the 2nd attempt; doubles after */
  int64_t iMaxDelay;  /* Cap on the delay */
} OutboxRetry;

/* The default policy: 8 attempts, 60 s doubling to at most an hour (about
** two hours in all before giving up). */
void outbox_retry_default(OutboxRetry *pRetry);
/* Seconds to wait after the nAttempt-th failure (1 = the first). */
int64_t outbox_retry_delay(const OutboxRetry *pRetry, int nAttempt);

/* Records that the SMTP server accepted message id. */
int outbox_mark_sent(Db *pDb, int64_t id, int64_t iNow);
/* Records a failed attempt: retried later, or `fallido` after the last
** attempt or at once when bPermanent (the server refused the address).
** zError is a Spanish sentence. Returns DB_OK. */
int outbox_mark_failed(Db *pDb, const OutboxMail *pMail, const char *zError,
                       int bPermanent, const OutboxRetry *pRetry, int64_t iNow);
/* Gives back every row still claimed by zClaim (a sender stopping). */
int outbox_release(Db *pDb, const char *zClaim);
/* The officer asks to try a failed message again: pendiente, 0 attempts. */
int outbox_retry_now(Db *pDb, int64_t iCouncil, int64_t id, int64_t iNow);

/* Withdraws the message queued under zIdempotencyKey if no sender has
** taken it yet (still pendiente, unclaimed): a reminder for a time that
** changed. DB_OK also when there was nothing to withdraw. */
int outbox_withdraw(Db *pDb, const char *zIdempotencyKey);

/* One row as the officer's list shows it (arena memory). */
typedef struct OutboxRow {
  int64_t id;
  const char *zTo;
  const char *zSubject;
  const char *zState; /* pendiente, enviado, fallido */
  int nAttempt;
  const char *zError; /* "" when none */
  int64_t iCreated;
  int64_t iNextAttempt;
  int64_t iSent;            /* 0 when not sent */
  const char *zRelatedKind; /* "" when none */
  int64_t iRelatedId;
} OutboxRow;

/* Page pPage (util/list_page.h; nLimit 0: every row) of the rows of
** council iCouncil (0: every council's and the installation's), newest
** first, optionally only those related to (zKind, iId); pPage->nTotal gets
** how many there are. */
int outbox_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                const char *zRelatedKind, int64_t iRelatedId, ListPage *pPage,
                OutboxRow **paRow, int *pnRow);
/* How many messages of council iCouncil (0: all) are in each state. */
void outbox_counts(Db *pDb, int64_t iCouncil, int *pnPending, int *pnSent,
                   int *pnFailed);

#endif
