/*
** The header-read deadline and the body's minimum rate (see watchdog.h).
**
** libmicrohttpd's connection timeout counts idle time: every byte received
** starts it again, so a client that sends one header line every few seconds
** holds its connection (and a slot of the connection limit) for ever; a few
** thousand of them starve everyone. Here each connection notes when it
** started waiting for a request (when it was accepted, or when its previous
** answer went out) and whether the request's headers have all arrived (the
** access handler's first call). A thread looks twice a second and shuts
** down the socket of any connection still waiting past the deadline;
** libmicrohttpd then sees the connection end and cleans it up as usual.
**
** A body trickled a byte at a time holds its connection the same way once
** the headers are in. A body gets the same grace from the headers' arrival,
** plus a second for every nBodyMinRate bytes received: a client that keeps
** that average (500 bytes a second by default; a phone on a poor network
** sends tens of kilobytes) never meets the deadline, however large its
** upload; one that trickles is cut. While the page runs (the body is all
** in) and while the answer goes out nothing is cut.
**
** The list is guarded by one mutex. libmicrohttpd reports a connection
** closed before it closes its socket, and the closed report removes it from
** the list under that mutex, so a socket is never shut down after its
** descriptor was closed (and perhaps reused).
*/
#include "http/watchdog.h"

#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>

/* One connection being watched. */
struct ConnWatch {
  int fd;            /* The connection's socket */
  long long tWaitMs; /* Since when it waits for a request's headers, or,
                     ** while bReadingBody, since the headers arrived */
  int bInRequest;    /* Headers arrived; its answer is not out yet */
  int bReadingBody;  /* Headers arrived; the body is still coming */
  long long nBody;   /* Body bytes received so far */
  int bCut;          /* Already shut down */
  struct ConnWatch *pPrev, *pNext;
};

static pthread_mutex_t g_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_cond = PTHREAD_COND_INITIALIZER;
static struct ConnWatch *g_pHead; /* Every open connection */
static long long g_nDeadlineMs;   /* 0: not running */
static long long g_nBodyMinRate;  /* Bytes per second; 0: no body rule */
static int g_bStop;
static pthread_t g_thread;
static int g_bThread;

static long long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static void *watchdog_main(void *pArg) {
  (void)pArg;
  pthread_mutex_lock(&g_mutex);
  while (!g_bStop) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += 500 * 1000000L;
    if (ts.tv_nsec >= 1000000000L) {
      ts.tv_sec++;
      ts.tv_nsec -= 1000000000L;
    }
    pthread_cond_timedwait(&g_cond, &g_mutex, &ts);
    long long tNow = now_ms();
    for (struct ConnWatch *p = g_pHead; p && !g_bStop; p = p->pNext) {
      long long tLate = tNow - p->tWaitMs - g_nDeadlineMs;
      /* A body earns a second per g_nBodyMinRate bytes past the grace:
      ** what mod_reqtimeout's MinRate does. */
      int bLate = 0;
      if (!p->bInRequest) {
        bLate = tLate > 0; /* Its headers are still coming */
      } else if (p->bReadingBody && g_nBodyMinRate > 0) {
        bLate = tLate > p->nBody * 1000 / g_nBodyMinRate;
      }
      if (bLate && !p->bCut) {
        shutdown(p->fd, SHUT_RDWR);
        p->bCut = 1;
      }
    }
  }
  pthread_mutex_unlock(&g_mutex);
  return NULL;
}

int watchdog_start(unsigned nSeconds, unsigned nBodyMinRate) {
  g_nDeadlineMs = (long long)nSeconds * 1000LL;
  g_nBodyMinRate = nBodyMinRate;
  g_bStop = 0;
  if (pthread_create(&g_thread, NULL, watchdog_main, NULL) != 0) return -1;
  g_bThread = 1;
  return 0;
}

void watchdog_stop(void) {
  if (!g_bThread) return;
  pthread_mutex_lock(&g_mutex);
  g_bStop = 1;
  pthread_cond_signal(&g_cond);
  pthread_mutex_unlock(&g_mutex);
  pthread_join(g_thread, NULL);
  g_bThread = 0;
}

void watchdog_notify(void *pCls, struct MHD_Connection *pConn,
                     void **ppSocketCtx,
                     enum MHD_ConnectionNotificationCode eCode) {
  (void)pCls;
  if (eCode == MHD_CONNECTION_NOTIFY_STARTED) {
    const union MHD_ConnectionInfo *pInfo =
        MHD_get_connection_info(pConn, MHD_CONNECTION_INFO_CONNECTION_FD);
    struct ConnWatch *p = calloc(1, sizeof(*p));
    if (!p || !pInfo) {
      free(p);
      *ppSocketCtx = NULL;
      return;
    }
    p->fd = pInfo->connect_fd;
    p->tWaitMs = now_ms();
    pthread_mutex_lock(&g_mutex);
    p->pNext = g_pHead;
    if (g_pHead) g_pHead->pPrev = p;
    g_pHead = p;
    pthread_mutex_unlock(&g_mutex);
    *ppSocketCtx = p;
    return;
  }
  struct ConnWatch *p = *ppSocketCtx;
  if (!p) return;
  pthread_mutex_lock(&g_mutex);
  if (p->pPrev) {
    p->pPrev->pNext = p->pNext;
  } else {
    g_pHead = p->pNext;
  }
  if (p->pNext) p->pNext->pPrev = p->pPrev;
  pthread_mutex_unlock(&g_mutex);
  free(p);
  *ppSocketCtx = NULL;
}

/* The connection's watch, or NULL. */
static struct ConnWatch *watch_of(struct MHD_Connection *pConn) {
  const union MHD_ConnectionInfo *pInfo =
      MHD_get_connection_info(pConn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
  return pInfo ? pInfo->socket_context : NULL;
}

void watchdog_request_begin(struct MHD_Connection *pConn) {
  struct ConnWatch *p = watch_of(pConn);
  if (!p) return;
  pthread_mutex_lock(&g_mutex);
  p->bInRequest = 1;
  p->bReadingBody = 1;
  p->nBody = 0;
  p->tWaitMs = now_ms();
  pthread_mutex_unlock(&g_mutex);
}

void watchdog_body_received(struct MHD_Connection *pConn, size_t nBytes) {
  struct ConnWatch *p = watch_of(pConn);
  if (!p) return;
  pthread_mutex_lock(&g_mutex);
  p->nBody += (long long)nBytes;
  pthread_mutex_unlock(&g_mutex);
}

void watchdog_body_done(struct MHD_Connection *pConn) {
  struct ConnWatch *p = watch_of(pConn);
  if (!p) return;
  pthread_mutex_lock(&g_mutex);
  p->bReadingBody = 0;
  pthread_mutex_unlock(&g_mutex);
}

void watchdog_request_end(struct MHD_Connection *pConn) {
  struct ConnWatch *p = watch_of(pConn);
  if (!p) return;
  pthread_mutex_lock(&g_mutex);
  p->bInRequest = 0;
  p->bReadingBody = 0;
  p->tWaitMs = now_ms();
  pthread_mutex_unlock(&g_mutex);
}
