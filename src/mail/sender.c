/*
** The mail sender (see sender.h).
*/
#include "mail/sender.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "mail/mime.h"
#include "util/thread.h"

#define SENDER_DEFAULT_LEASE 300
#define SENDER_DEFAULT_BATCH 10
#define SENDER_DEFAULT_POLL 5
#define SENDER_MARK_TRIES 5 /* Attempts to record a message as sent */

void mail_sender_config_init(MailSenderConfig *pCfg, const char *zUrl) {
  memset(pCfg, 0, sizeof(*pCfg));
  smtp_config_from_env(&pCfg->smtp, zUrl);
  outbox_retry_default(&pCfg->retry);
  pCfg->iLease = SENDER_DEFAULT_LEASE;
  pCfg->nBatch = SENDER_DEFAULT_BATCH;
  pCfg->nPollSeconds = SENDER_DEFAULT_POLL;
}

/* A token naming one claim: host, process and randomness, so that no two
** senders anywhere share one. */
static void claim_token(char *z, size_t n) {
  char zHost[64] = "host";
  gethostname(zHost, sizeof(zHost) - 1);
  zHost[sizeof(zHost) - 1] = 0;
  unsigned char aRand[8];
  char zHex[17];
  randombytes_buf(aRand, sizeof(aRand));
  sodium_bin2hex(zHex, sizeof(zHex), aRand, sizeof(aRand));
  snprintf(z, n, "%.40s:%ld:%s", zHost, (long)getpid(), zHex);
}

/* Composes and sends one claimed message, then records the outcome. */
static void send_one(Db *pDb, Arena *pArena, const MailSenderConfig *pCfg,
                     const OutboxMail *m, const atomic_int *pbStop,
                     MailSendStats *pStats) {
  const char *zFromAddr = mime_address_of(pArena, pCfg->smtp.zFrom);
  MimeMessage msg;
  memset(&msg, 0, sizeof(msg));
  msg.zFrom = pCfg->smtp.zFrom;
  msg.zTo = m->zTo;
  msg.zToName = m->zToName;
  msg.zSubject = m->zSubject;
  msg.zText = m->zText;
  msg.zHtml = m->zHtml;
  msg.zMessageId = arena_printf(pArena, "%s@%s", m->zMessageToken,
                                mime_domain_of(zFromAddr));
  msg.iDate = db_now();
  msg.aAttach = m->aAttach;
  msg.nAttach = m->nAttach;
  const char *zMime = mime_build(pArena, &msg);
  SmtpResult res;
  smtp_send(&pCfg->smtp, zFromAddr, m->zTo, zMime, strlen(zMime), pbStop, &res);
  if (res.bOk) {
    /* Recorded at once: from here on a restart must not send it again. A
    ** busy database gets a few more tries, since failing here means the
    ** message is sent again when its lease runs out. */
    int rcMark = DB_ERROR;
    for (int iTry = 0; iTry < SENDER_MARK_TRIES && rcMark != DB_OK; iTry++) {
      if (iTry > 0) sleep(1);
      rcMark = outbox_mark_sent(pDb, m->id, db_now());
    }
    if (rcMark != DB_OK) {
      fprintf(stderr, "cosoc: correo %lld enviado pero no se pudo anotar: %s\n",
              (long long)m->id, db_errmsg(pDb));
    }
    fprintf(stderr, "cosoc: correo %lld a %s: enviado\n", (long long)m->id,
            m->zTo);
    pStats->nSent++;
    return;
  }
  if (res.bCancelled) {
    /* Not an attempt: the caller releases the claim and stops. */
    fprintf(stderr,
            "cosoc: correo %lld a %s: envío interrumpido al detenerse\n",
            (long long)m->id, m->zTo);
    return;
  }
  int bFinal = res.bPermanent || m->nAttempt + 1 >= pCfg->retry.nMaxAttempts;
  outbox_mark_failed(pDb, m, res.zError, res.bPermanent, &pCfg->retry,
                     db_now());
  fprintf(stderr, "cosoc: correo %lld a %s: intento %d fallido%s: %s\n",
          (long long)m->id, m->zTo, m->nAttempt + 1,
          bFinal ? " (no se reintentará)" : "", res.zDetail);
  if (bFinal)
    pStats->nFailed++;
  else
    pStats->nRetry++;
}

int mail_send_due(Db *pDb, const MailSenderConfig *pCfg,
                  const atomic_int *pbStop, MailSendStats *pStats) {
  memset(pStats, 0, sizeof(*pStats));
  /* Only what is due now: a message that fails in this call is due again
  ** later, so no call retries the same message in a loop. */
  int64_t iStart = db_now();
  int rc = DB_OK;
  while (!(pbStop && atomic_load(pbStop))) {
    char zClaim[128];
    claim_token(zClaim, sizeof(zClaim));
    Arena *pArena = arena_new();
    OutboxMail *aMail = NULL;
    int nMail = 0;
    /* The lease counts from now, however long this call has run. */
    rc = outbox_claim(pDb, pArena, zClaim, iStart,
                      pCfg->iLease + (db_now() - iStart), pCfg->nBatch, &aMail,
                      &nMail);
    int i = 0;
    for (; rc == DB_OK && i < nMail && !(pbStop && atomic_load(pbStop)); i++) {
      send_one(pDb, pArena, pCfg, &aMail[i], pbStop, pStats);
    }
    /* Whatever is still claimed (not reached, or interrupted) goes back. */
    if (i < nMail || (pbStop && atomic_load(pbStop))) {
      outbox_release(pDb, zClaim);
    }
    arena_free(pArena);
    if (rc != DB_OK || nMail == 0) break;
  }
  return rc;
}

static atomic_int g_nRunning; /* Background senders in this process */

int mail_sender_running(void) { return atomic_load(&g_nRunning) > 0; }

/* The running sender, for mail_sender_wake(); guarded by g_wakeMutex so
** that a wake never touches a sender being freed. */
static pthread_mutex_t g_wakeMutex = PTHREAD_MUTEX_INITIALIZER;
static MailSender *g_pSender;

struct MailSender {
  pthread_t thread;      /* The sender */
  pthread_mutex_t mutex; /* Guards the wait */
  pthread_cond_t cond;   /* Signalled to stop or to look now */
  int bWake;             /* Look at the outbox now (under mutex) */
  atomic_int bStop;      /* Set by mail_sender_stop() */
  char *zDb;             /* Database target (owned) */
  MailSenderConfig cfg;  /* Copy of the configuration */
};

/* Waits nSeconds or until asked to stop. */
static void pause_or_stop(MailSender *p, int nSeconds) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  ts.tv_sec += nSeconds;
  pthread_mutex_lock(&p->mutex);
  while (!atomic_load(&p->bStop) && !p->bWake) {
    if (pthread_cond_timedwait(&p->cond, &p->mutex, &ts) != 0) break;
  }
  p->bWake = 0;
  pthread_mutex_unlock(&p->mutex);
}

static void *sender_main(void *pArg) {
  MailSender *p = pArg;
  Db *pDb = NULL;
  while (!atomic_load(&p->bStop)) {
    if (!pDb) {
      char zErr[256];
      if (db_open(p->zDb, &pDb, zErr, sizeof(zErr)) != DB_OK) {
        fprintf(stderr, "cosoc: envío de correo: %s\n", zErr);
        pDb = NULL;
      } else {
        /* What the sender records (a message sent, failed) is the
        ** system's in the audit log. */
        db_set_actor(pDb, 0, "sistema (envío de correo)", "");
      }
    }
    if (pDb) {
      MailSendStats stats;
      if (mail_send_due(pDb, &p->cfg, &p->bStop, &stats) != DB_OK) {
        /* Reconnect on the next round (a restarted database server). */
        db_close(pDb);
        pDb = NULL;
      }
    }
    pause_or_stop(p, p->cfg.nPollSeconds > 0 ? p->cfg.nPollSeconds : 1);
  }
  db_close(pDb);
  return NULL;
}

MailSender *mail_sender_start(const char *zDb, const MailSenderConfig *pCfg) {
  if (smtp_global_init() != 0 || sodium_init() < 0) {
    fprintf(stderr, "cosoc: no se pudo iniciar el envío de correo\n");
    return NULL;
  }
  MailSender *p = calloc(1, sizeof(*p));
  if (!p) return NULL;
  p->zDb = strdup(zDb);
  p->cfg = *pCfg;
  pthread_mutex_init(&p->mutex, NULL);
  pthread_cond_init(&p->cond, NULL);
  int rc = thread_start_background(&p->thread, sender_main, p);
  if (rc != 0 || !p->zDb) {
    fprintf(stderr, "cosoc: no se pudo iniciar el envío de correo\n");
    if (rc == 0) {
      atomic_store(&p->bStop, 1);
      pthread_join(p->thread, NULL);
    }
    free(p->zDb);
    free(p);
    return NULL;
  }
  atomic_fetch_add(&g_nRunning, 1);
  pthread_mutex_lock(&g_wakeMutex);
  if (!g_pSender) g_pSender = p;
  pthread_mutex_unlock(&g_wakeMutex);
  return p;
}

void mail_sender_wake(void) {
  pthread_mutex_lock(&g_wakeMutex);
  MailSender *p = g_pSender;
  if (p) {
    pthread_mutex_lock(&p->mutex);
    p->bWake = 1;
    pthread_cond_signal(&p->cond);
    pthread_mutex_unlock(&p->mutex);
  }
  pthread_mutex_unlock(&g_wakeMutex);
}

void mail_sender_stop(MailSender *p) {
  if (!p) return;
  pthread_mutex_lock(&g_wakeMutex);
  if (g_pSender == p) g_pSender = NULL;
  pthread_mutex_unlock(&g_wakeMutex);
  pthread_mutex_lock(&p->mutex);
  atomic_store(&p->bStop, 1);
  pthread_cond_signal(&p->cond);
  pthread_mutex_unlock(&p->mutex);
  pthread_join(p->thread, NULL);
  atomic_fetch_sub(&g_nRunning, 1);
  pthread_mutex_destroy(&p->mutex);
  pthread_cond_destroy(&p->cond);
  free(p->zDb);
  free(p);
}
