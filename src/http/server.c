/*
** The HTTP server (see server.h): libmicrohttpd setup, the access handler's
** call sequence, the central checks every route gets, request logging.
**
** libmicrohttpd calls the access handler several times per request: first
** with only the headers (we set up the Request and the body parser), then
** once per piece of body (we consume it), then once more with no data: only
** then do we authenticate, check the route's rules and run the page, so
** that the body is never discarded and keep-alive connections stay open.
*/
#include "http/server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>

#include "http/request_impl.h"
#include "http/watchdog.h"

#define POST_BUFFER_SIZE (16 * 1024)
#define SHUTDOWN_GRACE_SECONDS 10

static const ServerConfig *g_pCfg;   /* Set once by server_run */
static unsigned char g_aCsrfKey[32]; /* HMAC key for CSRF tokens */
static atomic_int g_nInFlight;       /* Requests being processed */
static atomic_int g_bStopping;       /* SIGINT/SIGTERM received */
/*
** The database connections: a pool of at most nDbConnections
** (--db-connections; as many as threads by default), opened when first needed.
*A thread
** borrows one for each call that runs a request's code and gives it back
** when the call returns: no transaction or statement outlives a call.
** Each thread takes back the connection it had last when it is free, so
** that with a connection per thread (the default) every thread keeps its
** own, with its prepared statements and what it remembered for the
** request (db_request_start). With fewer connections than threads a
** thread waits for one to be given back: a PostgreSQL server allows only
** so many connections, shared by every process that serves the site.
*/
typedef struct PoolSlot {
  Db *pDb;
  int bBusy;
} PoolSlot;
static pthread_mutex_t g_dbMutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_dbFree = PTHREAD_COND_INITIALIZER;
static PoolSlot *g_aPool; /* g_nPool slots, g_nDb of them opened */
static unsigned g_nPool;
static unsigned g_nDb;
static _Thread_local Db *tl_pDb;   /* The connection this call borrowed */
static _Thread_local Db *tl_pLast; /* The one this thread had last */

static long long now_us(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

/* A free connection from the pool, opening one when there are fewer than
** its size, waiting for one otherwise; NULL when one cannot be opened. */
static Db *pool_take(void) {
  pthread_mutex_lock(&g_dbMutex);
  PoolSlot *pEmpty = NULL; /* A slot to open a connection in */
  for (;;) {
    PoolSlot *pFree = NULL;
    for (unsigned i = 0; i < g_nDb; i++) {
      PoolSlot *p = &g_aPool[i];
      if (p->bBusy) continue;
      if (!p->pDb) {
        pEmpty = p; /* One that failed to open: try again */
      } else if (!pFree || p->pDb == tl_pLast) {
        pFree = p;
      }
    }
    if (pFree) {
      pFree->bBusy = 1;
      pthread_mutex_unlock(&g_dbMutex);
      return pFree->pDb;
    }
    if (!pEmpty && g_nDb < g_nPool) pEmpty = &g_aPool[g_nDb++];
    if (pEmpty) break;
    pthread_cond_wait(&g_dbFree, &g_dbMutex);
  }
  pEmpty->bBusy = 1; /* Reserved while it opens, unlocked */
  pthread_mutex_unlock(&g_dbMutex);
  char zErr[256];
  Db *pDb = NULL;
  if (db_open(g_pCfg->zDb, &pDb, zErr, sizeof(zErr)) != DB_OK) {
    fprintf(stderr, "cosoc: %s\n", zErr);
  }
  pthread_mutex_lock(&g_dbMutex);
  pEmpty->pDb = pDb;
  if (!pDb) {
    pEmpty->bBusy = 0;
    pthread_cond_signal(&g_dbFree);
  }
  pthread_mutex_unlock(&g_dbMutex);
  return pDb;
}

static void pool_give(Db *pDb) {
  pthread_mutex_lock(&g_dbMutex);
  for (unsigned i = 0; i < g_nDb; i++) {
    if (g_aPool[i].pDb == pDb) g_aPool[i].bBusy = 0;
  }
  pthread_cond_signal(&g_dbFree);
  pthread_mutex_unlock(&g_dbMutex);
}

/* The connection of this call, borrowed on first use (call_end gives it
** back). */
static Db *thread_db(void) {
  if (!tl_pDb) tl_pDb = pool_take();
  if (tl_pDb) tl_pLast = tl_pDb;
  return tl_pDb;
}

/* The call is over: its connection goes back to the pool. */
static void call_end(void) {
  if (tl_pDb) pool_give(tl_pDb);
  tl_pDb = NULL;
}

/* Whether zAddr is one of the comma-separated addresses in zList. */
static int address_in_list(const char *zList, const char *zAddr) {
  size_t nAddr = strlen(zAddr);
  for (const char *z = zList; z && *z;) {
    z += strspn(z, " ,");
    size_t n = strcspn(z, " ,");
    if (n > 0 && n == nAddr && strncmp(z, zAddr, n) == 0) return 1;
    z += n;
  }
  return 0;
}

/* The client's address as the proxy saw it: the last entry of
** X-Forwarded-For, which the proxy appended (earlier entries come from the
** client and prove nothing). Written into zAddr when it is a valid address;
** zAddr is left alone otherwise. */
static void forwarded_address(struct MHD_Connection *pConn, char *zAddr,
                              size_t nAddr) {
  const char *zHeader =
      MHD_lookup_connection_value(pConn, MHD_HEADER_KIND, "X-Forwarded-For");
  if (!zHeader) return;
  const char *zLast = strrchr(zHeader, ',');
  zLast = zLast ? zLast + 1 : zHeader;
  zLast += strspn(zLast, " \t");
  char zCand[INET6_ADDRSTRLEN];
  size_t n = strcspn(zLast, " \t");
  if (n == 0 || n >= sizeof(zCand)) return;
  memcpy(zCand, zLast, n);
  zCand[n] = 0;
  /* Written back in the one canonical form (inet_ntop), so that an address
  ** spelled two ways is one address. */
  unsigned char aBin[sizeof(struct in6_addr)];
  if (inet_pton(AF_INET, zCand, aBin) == 1) {
    inet_ntop(AF_INET, aBin, zAddr, (socklen_t)nAddr);
  } else if (inet_pton(AF_INET6, zCand, aBin) == 1) {
    inet_ntop(AF_INET6, aBin, zAddr, (socklen_t)nAddr);
  }
}

/* The address that sign-in throttling counts: the peer, or, when the peer
** is a trusted proxy (--trust-proxy), the client it forwards for. */
static const char *client_address(Arena *pArena, struct MHD_Connection *pConn) {
  const union MHD_ConnectionInfo *pInfo =
      MHD_get_connection_info(pConn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  char zAddr[INET6_ADDRSTRLEN] = "?";
  if (pInfo && pInfo->client_addr) {
    const struct sockaddr *pSa = pInfo->client_addr;
    if (pSa->sa_family == AF_INET) {
      inet_ntop(AF_INET,
                &((const struct sockaddr_in *)(const void *)pSa)->sin_addr,
                zAddr, sizeof(zAddr));
    } else if (pSa->sa_family == AF_INET6) {
      inet_ntop(AF_INET6,
                &((const struct sockaddr_in6 *)(const void *)pSa)->sin6_addr,
                zAddr, sizeof(zAddr));
    }
  }
  /* An IPv4 peer on a dual-stack socket: compare it as plain IPv4. */
  const char *zPeer = strncmp(zAddr, "::ffff:", 7) == 0 && strchr(zAddr, '.')
                          ? zAddr + 7
                          : zAddr;
  if (g_pCfg->zTrustProxy && address_in_list(g_pCfg->zTrustProxy, zPeer)) {
    forwarded_address(pConn, zAddr, sizeof(zAddr));
    zPeer = zAddr;
  }
  return arena_strdup(pArena, zPeer);
}

/* ---- Body parsing ---- */

static enum MHD_Result on_post_field(void *pCls, enum MHD_ValueKind eKind,
                                     const char *zKey, const char *zFilename,
                                     const char *zContentType,
                                     const char *zEncoding, const char *pData,
                                     uint64_t iOff, size_t nSize) {
  Request *r = pCls;
  (void)eKind;
  (void)zEncoding;
  if (!zKey) return MHD_YES;
  FormField *pField = NULL;
  if (iOff > 0 && r->nField > 0 &&
      strcmp(r->aField[r->nField - 1].zName, zKey) == 0) {
    pField = &r->aField[r->nField - 1]; /* Continuation of the last field */
  } else {
    r->aField = arena_grow(r->pArena, r->aField, r->nField, &r->nFieldAlloc,
                           sizeof(FormField));
    pField = &r->aField[r->nField++];
    memset(pField, 0, sizeof(*pField));
    pField->zName = arena_strdup(r->pArena, zKey);
    pField->zFilename = zFilename ? arena_strdup(r->pArena, zFilename) : NULL;
    pField->zContentType =
        zContentType ? arena_strdup(r->pArena, zContentType) : NULL;
    pField->zValue = arena_strdup(r->pArena, "");
    r->nLastValueAlloc = 1;
  }
  if (nSize > 0) {
    size_t nNeed = pField->nValue + nSize + 1;
    if (nNeed > r->nLastValueAlloc) {
      /* The old block stays in the arena: doubling bounds the waste to
      ** the size of the value itself. */
      size_t nAlloc = r->nLastValueAlloc * 2;
      if (nAlloc < nNeed) nAlloc = nNeed;
      char *zNew = arena_alloc(r->pArena, nAlloc);
      memcpy(zNew, pField->zValue, pField->nValue);
      pField->zValue = zNew;
      r->nLastValueAlloc = nAlloc;
    }
    memcpy(pField->zValue + pField->nValue, pData, nSize);
    pField->nValue += nSize;
    pField->zValue[pField->nValue] = 0;
  }
  return MHD_YES;
}

/* ---- Authentication and the central checks ---- */

static void authenticate(Request *r) {
  const char *zAuth = request_header(r, MHD_HTTP_HEADER_AUTHORIZATION);
  if (zAuth && strncmp(zAuth, "Bearer ", 7) == 0) {
    if (g_pCfg->pAuth->xToken(r->pDb, r->pArena, zAuth + 7, &r->user) ==
        DB_OK) {
      r->bSignedIn = 1;
      r->bBearer = 1;
    }
    return; /* A bad token is not silently replaced by the cookie */
  }
  const char *zCookie =
      MHD_lookup_connection_value(r->pConn, MHD_COOKIE_KIND, COOKIE_SESSION);
  if (zCookie && g_pCfg->pAuth->xSession(r->pDb, r->pArena, zCookie, &r->user,
                                         &r->iSession) == DB_OK) {
    r->bSignedIn = 1;
    r->zSessionToken = arena_strdup(r->pArena, zCookie);
  }
}

/* Who sends the request, from its headers, and whether the route takes
** them, before any of the body is read: a body the route would refuse is
** dropped unread, never kept. (Bodies used to be read whole first: an
** upload route takes 100 MB, so anonymous senders made the server hold
** that much per connection.) Without a database it is left to the
** dispatch, which answers 503. Called again at the dispatch when a body
** came, so that what happened to the account meanwhile counts. */
static void request_admit(Request *r) {
  r->pDb = thread_db();
  /* What this connection remembered for another request is not this
  ** one's: versions are read again (once) from here. */
  db_request_start(r->pDb);
  if (!r->pDb || !r->pRoute) return;
  if (g_pCfg->pAuth->xRequestMark) g_pCfg->pAuth->xRequestMark(r->pDb, 1);
  memset(&r->user, 0, sizeof(r->user));
  r->bSignedIn = r->bBearer = 0;
  r->iSession = 0;
  r->zSessionToken = NULL;
  authenticate(r);
  r->bAdmitted = 1;
  r->pAdmitDb = r->pDb;
  r->nAdmitSerial = db_request_serial(r->pDb);
  /* The user's roles in the part of the installation the request is about,
  ** as far as the headers tell (the caller's hook) */
  if (g_pCfg->xScope && !(r->pRoute->mFlag & ROUTE_UNSCOPED)) {
    g_pCfg->xScope(r, 0);
  }
  int mRole = r->bSignedIn ? r->user.mRole : ROLE_ANONYMOUS;
  r->bDenied = !(route_roles(r->pRoute, r->eMethod) & mRole);
}

/* Whether the client waits for «100 Continue» before sending its body. */
static int expects_continue(struct MHD_Connection *pConn) {
  const char *z = MHD_lookup_connection_value(pConn, MHD_HEADER_KIND,
                                              MHD_HTTP_HEADER_EXPECT);
  return z && strcasecmp(z, "100-continue") == 0;
}

/* First call: set up the Request, match the route, prepare the body. */
static Request *request_begin(struct MHD_Connection *pConn, const char *zUrl,
                              const char *zMethod) {
  Arena *pArena = arena_new();
  Request *r = arena_alloc(pArena, sizeof(*r));
  if (g_pCfg->pAuth->xRequestMark) g_pCfg->pAuth->xRequestMark(NULL, 0);
  r->pArena = pArena;
  r->pConn = pConn;
  r->pCfg = g_pCfg;
  r->pCsrfKey = g_aCsrfKey;
  r->tStartUs = now_us();
  r->zMethod = arena_strdup(pArena, zMethod);
  r->zFullPath = arena_strdup(pArena, zUrl);
  r->zPath = r->zFullPath;
  if (g_pCfg->xRewritePath) {
    r->zPath = g_pCfg->xRewritePath(pArena, r->zFullPath, &r->zPathPrefix);
  }
  r->zAddress = client_address(pArena, pConn);
  buf_init(&r->body, pArena);
  if (strcmp(zMethod, "GET") == 0 || strcmp(zMethod, "HEAD") == 0) {
    r->eMethod = METHOD_GET;
  } else if (strcmp(zMethod, "POST") == 0) {
    r->eMethod = METHOD_POST;
  }
  r->pRoute = router_match(g_pCfg->aRoute, g_pCfg->nRoute, pArena, r->zPath,
                           r->eMethod, &r->mAllowed, &r->azParam, &r->nParam);
  r->nBodyMax = r->pRoute ? r->pRoute->nBodyMax : 0;
  if (r->pRoute && (r->pRoute->mFlag & ROUTE_BODY_SETTING) &&
      r->eMethod == METHOD_POST) {
    /* A limit the officer sets (evidence uploads): asked for now, before
    ** the body, so that a larger one is never read into memory. */
    r->pDb = thread_db();
    if (r->pDb && g_pCfg->xUploadBodyMax) {
      r->nBodyMax = g_pCfg->xUploadBodyMax(r);
    }
  }
  const char *zLength = MHD_lookup_connection_value(
      pConn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
  if (zLength && strtoull(zLength, NULL, 10) > r->nBodyMax) {
    r->bTooLarge = 1; /* Answered with 413 once the body is skipped */
  }
  request_admit(r);
  if (r->pRoute && r->eMethod == METHOD_POST && !r->bTooLarge && !r->bDenied) {
    /* NULL for bodies that are not forms (JSON): those are collected raw. */
    r->pPost =
        MHD_create_post_processor(pConn, POST_BUFFER_SIZE, on_post_field, r);
  }
  atomic_fetch_add(&g_nInFlight, 1);
  return r;
}

static void request_consume(Request *r, const char *pData, size_t nData) {
  r->nBodySeen += nData;
  if (r->bDenied) return; /* Answered 401 or 403 once the body is skipped */
  if (r->bTooLarge || r->nBodySeen > r->nBodyMax) {
    r->bTooLarge = 1; /* Keep reading (and dropping) to answer cleanly */
    return;
  }
  if (r->pPost) {
    if (MHD_post_process(r->pPost, pData, nData) != MHD_YES) r->bBadBody = 1;
  } else {
    buf_append(&r->body, pData, nData);
  }
}

/* What a 413 says: the limit in words, and for uploads what to do. */
static const char *body_too_large_message(Request *r) {
  size_t n = r->nBodyMax;
  const char *zLimit =
      n >= 1024 * 1024 ? arena_printf(r->pArena, "%zu MB", n / (1024 * 1024))
                       : arena_printf(r->pArena, "%zu KB", n / 1024);
  return arena_printf(r->pArena,
                      "Lo que intentó enviar supera el máximo de %s por "
                      "envío, y no se guardó nada.%s",
                      zLimit,
                      r->pRoute && (r->pRoute->mFlag & ROUTE_BODY_SETTING)
                          ? " Suba los archivos en partes, en varios "
                            "envíos, o elija archivos más pequeños."
                          : "");
}

/* Runs the route's checks and its handler. */
static void request_dispatch(Request *r) {
  if (!r->pRoute) {
    if (r->mAllowed) {
      response_header(
          r, "Allow",
          (r->mAllowed & METHOD_POST)
              ? ((r->mAllowed & METHOD_GET) ? "GET, HEAD, POST" : "POST")
              : "GET, HEAD");
      respond_error(r, 405, NULL);
    } else {
      respond_error(r, 404, NULL);
    }
    return;
  }
  /* After the route check: a path or method we do not answer is a 404 or
  ** 405 whatever its body, not a 413. */
  if (r->bTooLarge) {
    respond_error(r, 413, body_too_large_message(r));
    return;
  }
  if (r->pPost) {
    /* Destroying the parser flushes the last field; it reports an
    ** incomplete body (a truncated multipart upload) as failure. */
    if (MHD_destroy_post_processor(r->pPost) != MHD_YES) r->bBadBody = 1;
    r->pPost = NULL;
  }
  if (r->bBadBody) {
    respond_error(r, 400,
                  "El formulario llegó incompleto o dañado. "
                  "Vuelva a intentarlo.");
    return;
  }
  int iStatus = 0;
  const char *zMessage = NULL, *zField = NULL;
  if (request_text_check(r, &iStatus, &zMessage, &zField)) {
    if (request_is_api(r)) {
      respond_json_error(r, iStatus, zMessage, zField);
    } else {
      respond_error(r, iStatus, zMessage);
    }
    return;
  }
  /* Admitted again after a body: an account disabled (or a session ended)
  ** while its upload was arriving must not get the upload stored. */
  if (!r->bAdmitted || r->nBodySeen > 0) {
    int bDenied = r->bDenied; /* Its body was dropped: it stays refused */
    request_admit(r);
    r->bDenied |= bDenied;
  }
  if (!r->pDb) {
    respond_error(r, 503, NULL);
    return;
  }
  r->nDbFailedAtStart = db_failures(r->pDb);
  /* The scope again, now with the body (an API POST may name its part
  ** there): it may answer (an unknown part: 404) or take roles away. */
  if (g_pCfg->xScope && !(r->pRoute->mFlag & ROUTE_UNSCOPED)) {
    if (g_pCfg->xScope(r, 1)) {
      if (!r->bResponded) respond_error(r, 500, NULL);
      return;
    }
    int mRole = r->bSignedIn ? r->user.mRole : ROLE_ANONYMOUS;
    r->bDenied |= !(route_roles(r->pRoute, r->eMethod) & mRole);
  }
  /* Every write this request makes is logged with who made it (the audit
  ** triggers read it from the connection: db/audit.c). Set before the role
  ** check, so that even a refused request's writes (none, normally) would
  ** say who. */
  if (db_set_actor(r->pDb, r->bSignedIn ? r->user.id : 0,
                   r->bSignedIn ? "" : "visitante", r->zAddress) != DB_OK) {
    respond_error(r, 503, NULL);
    return;
  }
  if (r->bDenied) {
    if (r->bSignedIn) {
      respond_error(r, 403, NULL);
    } else if (request_is_api(r)) {
      respond_json_error(r, 401, "Debe identificarse para usar esta función.",
                         NULL);
    } else if (r->eMethod == METHOD_GET) {
      respond_redirect(r, arena_printf(r->pArena, "/login?next=%s",
                                       html_url_arg(r->pArena, r->zFullPath)));
    } else {
      respond_error(r, 401, NULL);
    }
    return;
  }
  if (r->eMethod == METHOD_POST && (r->pRoute->mFlag & ROUTE_CSRF) &&
      !r->bBearer && !csrf_token_valid(r)) {
    respond_error(r, 403,
                  "No pudimos verificar que este envío viene de un formulario "
                  "de cosoc (falta el código de seguridad o venció). Vuelva "
                  "a abrir la página e intente de nuevo.");
    return;
  }
  /* Every method: a GET may write too (a reply link, a sign-out), and
  ** its writes belong to the council the scope hook resolved. */
  if (g_pCfg->xBeforeWrite) g_pCfg->xBeforeWrite(r);
  r->pRoute->xHandler(r);
  if (!r->bResponded) respond_error(r, 500, NULL);
}

/* libmicrohttpd is done with shared bytes it was sending. */
static void release_shared(void *pCls) { shared_bytes_release(pCls); }

/* Builds the libmicrohttpd response from what the page set. */
static enum MHD_Result request_queue(Request *r) {
  struct MHD_Response *pResp;
  if (r->bBodyFd) {
    pResp = MHD_create_response_from_fd64(r->nBodyFd, r->iBodyFd);
    if (pResp) r->bBodyFd = 0; /* libmicrohttpd closes it now */
  } else if (r->pShared) {
    pResp = MHD_create_response_from_buffer_with_free_callback_cls(
        shared_bytes_size(r->pShared), (void *)shared_bytes_data(r->pShared),
        release_shared, r->pShared);
    if (pResp) r->pShared = NULL; /* libmicrohttpd releases it now */
  } else {
    pResp = MHD_create_response_from_buffer(r->nBody, (void *)r->pBody,
                                            MHD_RESPMEM_PERSISTENT);
  }
  if (!pResp) return MHD_NO;
  MHD_add_response_header(
      pResp, MHD_HTTP_HEADER_CONTENT_TYPE,
      r->zContentType ? r->zContentType : "text/plain; charset=utf-8");
  /* No inline script or style anywhere: the policy can be strict. */
  MHD_add_response_header(
      pResp, "Content-Security-Policy",
      "default-src 'self'; img-src 'self' data:; style-src 'self'; "
      "script-src 'self'; object-src 'none'; base-uri 'none'; "
      "form-action 'self'; frame-ancestors 'none'");
  MHD_add_response_header(pResp, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(pResp, "Referrer-Policy", "same-origin");
  MHD_add_response_header(pResp, "X-Frame-Options", "DENY");
  for (HeaderLine *p = r->pHeaders; p; p = p->pNext) {
    MHD_add_response_header(pResp, p->zName, p->zValue);
  }
  enum MHD_Result rc =
      MHD_queue_response(r->pConn, (unsigned)r->iStatus, pResp);
  MHD_destroy_response(pResp);
  return rc;
}

static enum MHD_Result on_access(void *pCls, struct MHD_Connection *pConn,
                                 const char *zUrl, const char *zMethod,
                                 const char *zVersion, const char *pUpload,
                                 size_t *pnUpload, void **ppReqCls) {
  (void)pCls;
  (void)zVersion;
  Request *r = *ppReqCls;
  if (r && *pnUpload > 0) {
    watchdog_body_received(pConn, *pnUpload);
    request_consume(r, pUpload, *pnUpload); /* No database */
    *pnUpload = 0;
    return MHD_YES;
  }
  /* The calls that run the request's code borrow a connection for their
  ** length (thread_db, call_end). */
  int64_t nTrips = db_round_trips(thread_db());
  if (!r) {
    watchdog_request_begin(pConn); /* The headers are in */
    *ppReqCls = r = request_begin(pConn, zUrl, zMethod);
    /* A client that waits for «100 Continue» before sending a body that
    ** would be refused is answered now: libmicrohttpd then sends no 100,
    ** the body never comes, and the connection closes after the answer
    ** (one that does not wait gets its answer after the body, which a
    ** browser needs to show it). */
    if (!((r->bTooLarge || r->bDenied) && expects_continue(pConn))) {
      r->nRoundTrips += db_round_trips(tl_pDb) - nTrips;
      call_end();
      return MHD_YES;
    }
  }
  watchdog_body_done(pConn); /* The page runs: no deadline now */
  r->pDb = thread_db();      /* This call's, maybe not the first call's */
  if (r->pDb &&
      (r->pDb != r->pAdmitDb || db_request_serial(r->pDb) != r->nAdmitSerial)) {
    /* Another connection, or this one served another request between the
    ** calls: what it remembers (a council's data version, the auth
    ** version) is not this request's and may predate a write. */
    db_request_start(r->pDb);
    if (g_pCfg->pAuth->xRequestMark) g_pCfg->pAuth->xRequestMark(r->pDb, 1);
  }
  request_dispatch(r);
  r->nRoundTrips += db_round_trips(tl_pDb) - nTrips;
  enum MHD_Result rc = request_queue(r);
  call_end();
  return rc;
}

static void on_completed(void *pCls, struct MHD_Connection *pConn,
                         void **ppReqCls,
                         enum MHD_RequestTerminationCode eToe) {
  (void)pCls;
  watchdog_request_end(pConn); /* Waiting for the next request's headers */
  Request *r = *ppReqCls;
  if (!r) return;
  *ppReqCls = NULL;
  if (g_pCfg->pAuth->xRequestMark) g_pCfg->pAuth->xRequestMark(NULL, 0);
  if (r->pPost) MHD_destroy_post_processor(r->pPost);
  /* One line per request. The query string is never logged: reply links
  ** and feeds carry secret tokens there. */
  time_t t = time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  char zTime[32];
  strftime(zTime, sizeof(zTime), "%Y-%m-%dT%H:%M:%SZ", &tm);
  double ms = (double)(now_us() - r->tStartUs) / 1000.0;
  /* Secrets in the path (reply links, private feeds) are cut off too. */
  const char *zLogPath = r->zPath;
  if (strncmp(zLogPath, "/r/", 3) == 0) {
    zLogPath = "/r/…";
  } else if (strncmp(zLogPath, "/calendario/privado/", 20) == 0) {
    zLogPath = "/calendario/privado/…";
  }
  /* On PostgreSQL, the round trips the request made to its server: what
  ** a page costs in network latency beyond its own time (issue 22). */
  char zTrips[32] = "";
  if (db_target_is_postgres(g_pCfg->zDb)) {
    snprintf(zTrips, sizeof(zTrips), " bd=%lld", (long long)r->nRoundTrips);
  }
  /* With the council's /c/SLUG prefix the client asked for: which council
  ** a slow or failing request was about. */
  fprintf(stderr, "%s %s %s%s %d %.1fms%s%s\n", zTime, r->zMethod,
          r->zPathPrefix ? r->zPathPrefix : "", zLogPath,
          r->bResponded ? r->iStatus : 0, ms, zTrips,
          eToe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " (cortada)");
  request_drop_body_fd(r);
  arena_free(r->pArena);
  atomic_fetch_sub(&g_nInFlight, 1);
}

/* MHD_OPTION_UNESCAPE_CALLBACK: the path and the query arguments decoded
** as libmicrohttpd does, but a NUL (%00) kept as the byte 0xFF. As a NUL it
** ended the C string there and silently cut what followed
** ("/evidencias/3%00.html" was "/evidencias/3", "?as_of=2025-06-30%00..."
** a date); as an invalid byte the door refuses it as not UTF-8
** (request_check.c). */
static size_t on_unescape(void *pCls, struct MHD_Connection *pConn, char *z) {
  (void)pCls;
  (void)pConn;
  size_t n = MHD_http_unescape(z);
  for (size_t i = 0; i < n; i++) {
    if (z[i] == 0) z[i] = (char)0xFF;
  }
  return n;
}

/* While stopping, new connections are closed as soon as they are accepted.
** (MHD_quiesce_daemon() would take the listening socket out of every pool
** thread's epoll set, but with a thread pool it races with the threads
** doing the same and aborts the process: libmicrohttpd 0.9.75.) */
static enum MHD_Result on_accept(void *pCls, const struct sockaddr *pAddr,
                                 socklen_t nAddr) {
  (void)pCls;
  (void)pAddr;
  (void)nAddr;
  return atomic_load(&g_bStopping) ? MHD_NO : MHD_YES;
}

static void on_mhd_log(void *pCls, const char *zFmt, va_list ap) {
  (void)pCls;
  char zMsg[512];
  vsnprintf(zMsg, sizeof(zMsg), zFmt, ap);
  size_t n = strlen(zMsg);
  while (n > 0 && zMsg[n - 1] == '\n') zMsg[--n] = 0;
  fprintf(stderr, "cosoc: libmicrohttpd: %s\n", zMsg);
}

/* ---- Start and stop ---- */

/* Binds HOST:PORT ourselves so that a port in use or a bad address gets a
** clear one-line message. Returns the listening socket or -1. */
static int listen_socket(const char *zListen, char *zErr, size_t nErr) {
  const char *zColon = strrchr(zListen, ':');
  if (!zColon || zColon == zListen || !zColon[1]) {
    snprintf(zErr, nErr,
             "--listen debe ser HOST:PUERTO, por ejemplo 127.0.0.1:8080");
    return -1;
  }
  char zHost[256];
  size_t nHost = (size_t)(zColon - zListen);
  if (nHost >= sizeof(zHost)) nHost = sizeof(zHost) - 1;
  memcpy(zHost, zListen, nHost);
  zHost[nHost] = 0;
  if (zHost[0] == '[' && nHost > 1 && zHost[nHost - 1] == ']') {
    memmove(zHost, zHost + 1, nHost - 2);
    zHost[nHost - 2] = 0;
  }
  char *zEnd = NULL;
  long iPort = strtol(zColon + 1, &zEnd, 10);
  if (*zEnd || iPort < 0 || iPort > 65535) {
    snprintf(zErr, nErr, "el puerto de --listen no es válido: %s", zColon + 1);
    return -1;
  }
  struct addrinfo hints = {0}, *pRes = NULL;
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  int rc = getaddrinfo(zHost[0] ? zHost : NULL, zColon + 1, &hints, &pRes);
  if (rc != 0) {
    snprintf(zErr, nErr, "no se reconoce la dirección %s: %s", zHost,
             gai_strerror(rc));
    return -1;
  }
  int fd = socket(pRes->ai_family, pRes->ai_socktype | SOCK_CLOEXEC, 0);
  int iOne = 1;
  if (fd >= 0) setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &iOne, sizeof(iOne));
  if (fd < 0 || bind(fd, pRes->ai_addr, pRes->ai_addrlen) != 0 ||
      listen(fd, 1024) != 0) {
    int e = errno;
    if (e == EADDRINUSE) {
      snprintf(zErr, nErr,
               "el puerto %ld ya está en uso en %s: detenga el "
               "otro programa o elija otro con --listen",
               iPort, zHost[0] ? zHost : "*");
    } else {
      snprintf(zErr, nErr, "no se pudo escuchar en %s: %s", zListen,
               strerror(e));
    }
    if (fd >= 0) close(fd);
    freeaddrinfo(pRes);
    return -1;
  }
  freeaddrinfo(pRes);
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  return fd;
}

/* Raises the open-file limit as far as allowed: every connection is a
** descriptor, and the default soft limit (1024) is below what we promise. */
static unsigned raise_fd_limit(void) {
  struct rlimit rl;
  if (getrlimit(RLIMIT_NOFILE, &rl) != 0) return 1024;
  if (rl.rlim_cur < rl.rlim_max) {
    rl.rlim_cur = rl.rlim_max;
    setrlimit(RLIMIT_NOFILE, &rl);
    getrlimit(RLIMIT_NOFILE, &rl);
  }
  return rl.rlim_cur > 1000000 ? 1000000u : (unsigned)rl.rlim_cur;
}

static int load_csrf_key(void) {
  Db *pDb = thread_db();
  if (!pDb) return -1;
  Arena *pArena = arena_new();
  const char *zHex = g_pCfg->pAuth->xCsrfKey(pDb, pArena);
  int rc = -1;
  if (zHex && strlen(zHex) == 64) {
    for (int i = 0; i < 32; i++) {
      unsigned v = 0;
      sscanf(zHex + 2 * i, "%2x", &v);
      g_aCsrfKey[i] = (unsigned char)v;
    }
    rc = 0;
  }
  arena_free(pArena);
  call_end();
  return rc;
}

int server_run(const ServerConfig *pCfg) {
  if (!pCfg->pAuth || !pCfg->aRoute || !pCfg->xErrorPage) {
    fprintf(stderr, "cosoc: el servidor no recibió la tabla de rutas\n");
    return 1;
  }
  g_pCfg = pCfg;
  char zErr[640];
  unsigned nThreads = pCfg->nThreads;
  if (nThreads == 0) {
    long nCpu = sysconf(_SC_NPROCESSORS_ONLN);
    /* Twice the cores: a thread waiting on the database or hashing a
    ** password should not leave a core idle. */
    nThreads = nCpu > 1 ? (unsigned)(2 * nCpu) : 2;
    if (nThreads < 4) nThreads = 4;
  }
  /* One connection per thread unless told fewer (more would stay idle). */
  g_nPool = pCfg->nDbConnections && pCfg->nDbConnections < nThreads
                ? pCfg->nDbConnections
                : nThreads;
  g_aPool = calloc(g_nPool, sizeof(*g_aPool));
  if (!g_aPool) {
    fprintf(stderr, "cosoc: sin memoria\n");
    return 1;
  }
  if (load_csrf_key() != 0) {
    fprintf(stderr,
            "cosoc: la base de datos no tiene la clave de seguridad; "
            "ejecute cosoc migrate\n");
    return 1;
  }
  int fd = listen_socket(pCfg->zListen, zErr, sizeof(zErr));
  if (fd < 0) {
    fprintf(stderr, "cosoc: %s\n", zErr);
    return 1;
  }
  unsigned nFd = raise_fd_limit();
  unsigned nMaxConn = pCfg->nMaxConnections;
  if (nMaxConn + 64 > nFd) nMaxConn = nFd > 128 ? nFd - 64 : 64;

  /* Signals are taken by the main thread with sigwait(); the pool threads
  ** inherit this mask and never see them. */
  sigset_t sigs;
  sigemptyset(&sigs);
  sigaddset(&sigs, SIGINT);
  sigaddset(&sigs, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &sigs, NULL);
  signal(SIGPIPE, SIG_IGN);

  struct MHD_Daemon *pDaemon = MHD_start_daemon(
      MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ITC |
          MHD_USE_ERROR_LOG,
      0, on_accept, NULL, on_access, NULL, MHD_OPTION_EXTERNAL_LOGGER,
      on_mhd_log, NULL, MHD_OPTION_LISTEN_SOCKET, (MHD_socket)fd,
      MHD_OPTION_THREAD_POOL_SIZE, nThreads, MHD_OPTION_CONNECTION_LIMIT,
      nMaxConn, MHD_OPTION_PER_IP_CONNECTION_LIMIT, pCfg->nMaxPerAddress,
      MHD_OPTION_CONNECTION_TIMEOUT, pCfg->nTimeoutSeconds,
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(32 * 1024),
      MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024u, MHD_OPTION_NOTIFY_COMPLETED,
      on_completed, NULL, MHD_OPTION_NOTIFY_CONNECTION, watchdog_notify, NULL,
      MHD_OPTION_UNESCAPE_CALLBACK, on_unescape, NULL, MHD_OPTION_END);
  if (!pDaemon) {
    fprintf(stderr, "cosoc: no se pudo iniciar el servidor HTTP en %s\n",
            pCfg->zListen);
    close(fd);
    return 1;
  }
  if (watchdog_start(
          pCfg->nHeaderTimeoutSeconds ? pCfg->nHeaderTimeoutSeconds : 30,
          pCfg->nBodyMinRate) != 0) {
    fprintf(stderr,
            "cosoc: no se pudo iniciar el control de conexiones "
            "lentas\n");
    MHD_stop_daemon(pDaemon);
    return 1;
  }
  fprintf(stderr,
          "cosoc: escuchando en http://%s (%u hilos, hasta %u "
          "conexiones, hasta %u con la base de datos)\n",
          pCfg->zListen, nThreads, nMaxConn, g_nPool);

  int iSig = 0;
  sigwait(&sigs, &iSig);
  fprintf(stderr,
          "cosoc: deteniendo (%s), terminando las solicitudes en "
          "curso\n",
          iSig == SIGINT ? "SIGINT" : "SIGTERM");
  /* Stop accepting, let requests in flight finish, then stop. */
  atomic_store(&g_bStopping, 1);
  if (pCfg->xStopping) pCfg->xStopping();
  for (int i = 0;
       i < SHUTDOWN_GRACE_SECONDS * 20 && atomic_load(&g_nInFlight) > 0; i++) {
    struct timespec ts = {0, 50 * 1000 * 1000};
    nanosleep(&ts, NULL);
  }
  watchdog_stop();
  MHD_stop_daemon(pDaemon);
  pthread_mutex_lock(&g_dbMutex);
  for (unsigned i = 0; i < g_nDb; i++) db_close(g_aPool[i].pDb);
  g_nDb = 0;
  pthread_mutex_unlock(&g_dbMutex);
  free(g_aPool);
  g_aPool = NULL;
  fprintf(stderr, "cosoc: detenido\n");
  return 0;
}
