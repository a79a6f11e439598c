/*
** The mail sender: takes due messages from the outbox, composes them
** (mime.c), hands them to the SMTP server (smtp.c) and records the outcome
** (outbox.c).
**
** Two ways to run it: mail_send_due() once (`cosoc mail send-pending`), or
** a background thread of `cosoc serve` (mail_sender_start/stop) that polls
** the outbox with its own database connection. Any number of senders may
** run at once against one database: each message is claimed by one.
**
** A message is marked `enviado` right after the server accepts it. A crash
** between the two can only cause a resend after the lease expires, with
** the same Message-ID, which mail clients treat as the same message.
*/
#ifndef COSOC_MAIL_SENDER_H
#define COSOC_MAIL_SENDER_H

#include <stdatomic.h>

#include "db/db.h"
#include "mail/outbox.h"
#include "mail/smtp.h"

typedef struct MailSenderConfig {
  SmtpConfig smtp;   /* Where and as whom */
  OutboxRetry retry; /* When to give up */
  int64_t iLease;    /* Seconds a claim lasts (longer than one send) */
  int nBatch;        /* Messages claimed at a time */
  int nPollSeconds;  /* Thread: pause between looks at the outbox */
} MailSenderConfig;

/* Defaults: lease 300 s, batches of 10, a look every 5 s, the default retry
** policy; smtp from smtp_config_from_env(zUrl). */
void mail_sender_config_init(MailSenderConfig *pCfg, const char *zUrl);

typedef struct MailSendStats {
  int nSent;   /* Accepted by the server */
  int nRetry;  /* Failed, will be retried */
  int nFailed; /* Failed for good (fallido) */
} MailSendStats;

/* Sends every message due when called, each at most once per call; stops
** between messages when *pbStop (may be NULL) becomes nonzero. Returns
** DB_OK unless the database failed. */
int mail_send_due(Db *pDb, const MailSenderConfig *pCfg,
                  const atomic_int *pbStop, MailSendStats *pStats);

typedef struct MailSender MailSender;

/* Starts the background sender on its own connection to zDb. NULL when the
** thread could not start (message printed). */
MailSender *mail_sender_start(const char *zDb, const MailSenderConfig *pCfg);
/* Asks it to stop, waits for the message in flight, frees it. NULL ok. */
void mail_sender_stop(MailSender *pSender);
/* Whether a background sender runs in this process (pages say so). */
int mail_sender_running(void);
/* Asks this process's background sender (if any) to look at the outbox now
** rather than at its next poll: call it after committing queued mail. */
void mail_sender_wake(void);

#endif
