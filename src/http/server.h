/*
** The HTTP server: libmicrohttpd with a thread pool on epoll, a pool of
** database connections (one per thread unless --db-connections says
** fewer), clean shutdown on SIGINT/SIGTERM.
*/
#ifndef COSOC_HTTP_SERVER_H
#define COSOC_HTTP_SERVER_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"
#include "domain/user.h"
#include "http/request.h"
#include "util/arena.h"

/* The length of a session cookie or anonymous CSRF cookie value (base64url
** of 32 random bytes) and the buffer that holds one. */
#define AUTH_TOKEN_CHARS 43
#define AUTH_TOKEN_MAX 64

/* Who is asking: the server authenticates every request through these,
** handed over by the caller (cmd_serve: the accounts store), so that it
** knows no store. Strings come back in pArena. */
typedef struct Authenticator {
  /* The user of a live session cookie value (sliding its expiry): DB_OK
  ** with *pUser and *piSession, DB_DONE when there is none. */
  int (*xSession)(Db *pDb, Arena *pArena, const char *zCookie, User *pUser,
                  int64_t *piSession);
  /* The user of an API token (Authorization: Bearer): DB_OK, DB_DONE. */
  int (*xToken)(Db *pDb, Arena *pArena, const char *zToken, User *pUser);
  /* Signs user iUser in: a new session, its cookie value (AUTH_TOKEN_CHARS
  ** characters) into zCookie, its id into *piSession. DB_OK or DB_ERROR. */
  int (*xSessionStart)(Db *pDb, int64_t iUser, char *zCookie,
                       int64_t *piSession);
  /* Ends session iSession (sign-out). */
  void (*xSessionEnd)(Db *pDb, int64_t iSession);
  /* The key that signs CSRF tokens, as 64 hex digits, or NULL. */
  const char *(*xCsrfKey)(Db *pDb, Arena *pArena);
  /* Told when a request begins (pDb NULL, bOn 0), is admitted with its
  ** connection (bOn 1, before xSession/xToken) and ends (NULL, 0), so that
  ** what it checks once per request (whether what it keeps in memory still
  ** holds) it checks once; NULL: nothing to tell. */
  void (*xRequestMark)(Db *pDb, int bOn);
} Authenticator;

typedef struct ServerConfig ServerConfig;
struct ServerConfig {
  const char *zListen;       /* "HOST:PORT" */
  const char *zDb;           /* Database target (file or URL) */
  int bSecureCookies;        /* Behind TLS: mark cookies Secure */
  unsigned nThreads;         /* Pool threads (0: chosen from the cores) */
  unsigned nDbConnections;   /* Database connections at most (0: one per
                             ** thread) */
  unsigned nMaxConnections;  /* All connections at once */
  unsigned nMaxPerAddress;   /* Connections from one address at once */
  unsigned nTimeoutSeconds;  /* Idle keep-alive connections are closed */
  const char *zTrustProxy;   /* Proxy addresses (comma-separated) whose
                             ** X-Forwarded-For names the client; NULL:
                             ** the header is ignored */
  /* What is served, handed over by the caller (cmd_serve), so that the
  ** server knows nothing of the pages: */
  const Authenticator *pAuth; /* Who is asking (see above) */
  const Route *aRoute;       /* The route table (see router.h) */
  int nRoute;
  /* Answers respond_error(): the Spanish error page, or JSON on the API. */
  void (*xErrorPage)(Request *r, int iStatus, const char *zMessage);
  /* The body limit of ROUTE_BODY_SETTING routes, as the officer set it
  ** (asked before the body is read, so before the user is known; the
  ** request has its database connection); NULL: the route's own
  ** nBodyMax. */
  size_t (*xUploadBodyMax)(Request *r);
  /* Called before the handler of every request that passed the checks,
  ** after xScope and the actor (cmd_serve: the pages' routes_before_write,
  ** which tells the audit log the council xScope resolved); NULL: none. */
  void (*xBeforeWrite)(Request *r);
  void (*xStopping)(void); /* Called when SIGINT/SIGTERM arrives, before
                           ** waiting for requests in flight: stops long
                           ** work (image processing) so that it ends
                           ** soon; NULL: none */
  /* The path as routed, with a prefix the caller serves several things
  ** under taken off ("/c/x/plan" → "/plan", *pzPrefix "/c/x"), so that one
  ** route table answers both forms; NULL: paths are routed as they come.
  ** The prefix (NULL: none) is kept for request_path_prefix(). */
  const char *(*xRewritePath)(Arena *pArena, const char *zPath,
                              const char **pzPrefix);
  /* Called once the user is known, before the route's roles are checked
  ** (except on ROUTE_UNSCOPED routes): may narrow or widen the user's roles
  ** for this request (request_set_roles). Called first from the headers
  ** (bFinal 0: it never answers then), and again when the body is in
  ** (bFinal 1), when it may answer the request itself (an unknown prefix:
  ** 404) and return nonzero. NULL: nothing. */
  int (*xScope)(Request *r, int bFinal);
  /* A local path ("/actividades/3") as a link or redirect of this request
  ** (with its prefix put back); NULL: as it is. respond_redirect uses it. */
  const char *(*xLinkPath)(Request *r, const char *zPath);
  const char *zPublicUrl;  /* "https://cosoc.example.cl": the base of
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
** server could not start (the reason is printed as one line). pAuth,
** aRoute and xErrorPage are required. */
int server_run(const ServerConfig *pCfg);

#endif
