/*
** The HTTP server: libmicrohttpd with a thread pool on epoll, one database
** connection per pool thread, clean shutdown on SIGINT/SIGTERM.
*/
#ifndef COSOC_HTTP_SERVER_H
#define COSOC_HTTP_SERVER_H

#include <stddef.h>

#include "db/db.h"
#include "http/request.h"

typedef struct ServerConfig ServerConfig;
struct ServerConfig {
  const char *zListen;       /* "HOST:PORT" */
  const char *zDb;           /* Database target (file or URL) */
  int bSecureCookies;        /* Behind TLS: mark cookies Secure */
  unsigned nThreads;         /* Pool threads (0: chosen from the cores) */
  unsigned nMaxConnections;  /* All connections at once */
  unsigned nMaxPerAddress;   /* Connections from one address at once */
  unsigned nTimeoutSeconds;  /* Idle keep-alive connections are closed */
  const char *zTrustProxy;   /* Proxy addresses (comma-separated) whose
                             ** X-Forwarded-For names the client; NULL:
                             ** the header is ignored */
  /* What is served, handed over by the caller (cmd_serve), so that the
  ** server knows nothing of the pages: */
  const Route *aRoute;       /* The route table (see router.h) */
  int nRoute;
  /* Answers respond_error(): the Spanish error page, or JSON on the API. */
  void (*xErrorPage)(Request *r, int iStatus, const char *zMessage);
  /* The body limit of ROUTE_BODY_SETTING routes, as the officer set it;
  ** NULL: the route's own nBodyMax. */
  size_t (*xUploadBodyMax)(Db *pDb);
  void (*xStopping)(void);   /* Called when SIGINT/SIGTERM arrives, before
                             ** waiting for requests in flight: stops long
                             ** work (image processing) so that it ends
                             ** soon; NULL: none */
  const char *zPublicUrl;    /* "https://cosoc.example.cl": the base of
                             ** every link in mail and calendars, never
                             ** taken from the request's Host header */
  unsigned nHeaderTimeoutSeconds; /* A request's headers must have arrived
                                   ** this long after the connection opened or
                                   ** its previous answer went out, however
                                   ** slowly they trickle: then it is closed */
  unsigned nBodyMinRate;          /* Bytes a second a body must average once
                                  ** nHeaderTimeoutSeconds have passed since its
                                  ** headers (a trickled body is closed); 0: no
                                  ** limit */
};

/* Runs until SIGINT or SIGTERM. Returns 0 after a clean stop, 1 when the
** server could not start (the reason is printed as one line). aRoute and
** xErrorPage are required. */
int server_run(const ServerConfig *pCfg);

#endif
