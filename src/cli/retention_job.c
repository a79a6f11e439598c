/*
** The daily retention run inside `cosoc serve` (see retention_job.h).
*/
#include "cli/retention_job.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "db/db.h"
#include "store/privacy/retention_store.h"
#include "util/thread.h"

#define RETENTION_POLL_SECONDS 600 /* How often the lease is asked */
#define RETENTION_LEASE_SECONDS 3600

struct RetentionJob {
  pthread_t thread;
  pthread_mutex_t mutex;
  pthread_cond_t cond;
  atomic_int bStop;
  char *zDb;
  char zHolder[64]; /* This server, in the lease row */
};

static void pause_or_stop(RetentionJob *p, int nSeconds) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  ts.tv_sec += nSeconds;
  pthread_mutex_lock(&p->mutex);
  while (!atomic_load(&p->bStop)) {
    if (pthread_cond_timedwait(&p->cond, &p->mutex, &ts) != 0) break;
  }
  pthread_mutex_unlock(&p->mutex);
}

static void *job_main(void *pArg) {
  RetentionJob *p = pArg;
  while (!atomic_load(&p->bStop)) {
    Db *pDb = NULL;
    char zErr[256];
    if (db_open(p->zDb, &pDb, zErr, sizeof(zErr)) == DB_OK) {
      db_set_actor(pDb, 0, "sistema (conservación)", "");
      int64_t iNow = db_now();
      if (retention_claim(pDb, p->zHolder, iNow, RETENTION_LEASE_SECONDS) ==
          1) {
        RetentionCounts c;
        memset(&c, 0, sizeof(c));
        if (retention_run_all(pDb, iNow, "sistema (conservación)", &c) ==
            DB_OK) {
          retention_done(pDb, p->zHolder, iNow);
          fprintf(stderr,
                  "cosoc: conservación aplicada: %d invitados, %d "
                  "citaciones, %d correos, %d solicitudes, %d ingresos\n",
                  c.nGuests, c.nInvitations, c.nMail, c.nRequests, c.nSignins);
        } else {
          fprintf(stderr, "cosoc: la conservación falló: %s\n", db_errmsg(pDb));
        }
      }
      db_close(pDb);
    }
    pause_or_stop(p, RETENTION_POLL_SECONDS);
  }
  return NULL;
}

RetentionJob *retention_job_start(const char *zDb) {
  RetentionJob *p = calloc(1, sizeof(*p));
  if (!p) return NULL;
  p->zDb = strdup(zDb);
  char zHost[32] = "";
  gethostname(zHost, sizeof(zHost) - 1);
  snprintf(p->zHolder, sizeof(p->zHolder), "%s:%ld", zHost, (long)getpid());
  pthread_mutex_init(&p->mutex, NULL);
  pthread_cond_init(&p->cond, NULL);
  /* Signals belong to the server's main thread (sigwait). */
  int rc = p->zDb ? thread_start_background(&p->thread, job_main, p) : -1;
  if (rc != 0) {
    free(p->zDb);
    free(p);
    return NULL;
  }
  return p;
}

void retention_job_stop(RetentionJob *p) {
  if (!p) return;
  pthread_mutex_lock(&p->mutex);
  atomic_store(&p->bStop, 1);
  pthread_cond_broadcast(&p->cond);
  pthread_mutex_unlock(&p->mutex);
  pthread_join(p->thread, NULL);
  pthread_mutex_destroy(&p->mutex);
  pthread_cond_destroy(&p->cond);
  free(p->zDb);
  free(p);
}
