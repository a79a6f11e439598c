/*
** Routes are declared, not improvised: one table (the caller's, handed to
** the server in ServerConfig; cosoc's is src/pages/routes.c) says
** for every path who may GET it and who may POST to it, whether its POST
** must carry a CSRF token, and how large a body it accepts. The server
** enforces all of that centrally before the handler runs.
*/
#ifndef COSOC_HTTP_ROUTER_H
#define COSOC_HTTP_ROUTER_H

#include <stddef.h>

#include "db/db.h"
#include "http/request.h"

typedef void (*PageHandler)(Request *r);

/* Route flags. */
#define ROUTE_CSRF 0x01 /* A POST must carry a valid csrf_token (bearer-token
                        ** API calls excepted: they carry no cookie) */
#define ROUTE_BODY_SETTING 0x02 /* The body limit is the officer's upload
                        ** setting, ServerConfig.xUploadBodyMax(); the
                        ** route's nBodyMax only if the database does not
                        ** answer */
#define ROUTE_UNSCOPED 0x04 /* Not about one part of what is served: the
                        ** caller's ServerConfig.xScope() leaves the user's
                        ** roles as the authenticator gave them */
#define ROUTE_CALLER 0x100 /* This bit and those above it are the caller's,
                        ** for its hooks; the server ignores them */

#define ROUTE_BODY_SMALL (64 * 1024)          /* Ordinary forms and JSON */
#define ROUTE_BODY_UPLOAD (64 * 1024 * 1024)  /* Forms that carry files */

struct Route {
  const char *zPattern; /* "/admin/usuarios", or "/actividades/:" with ':'
                        ** standing for one captured path segment */
  int mGet;             /* ROLE_ bits that may GET (and HEAD) it; 0: the
                        ** path answers no GET (405) */
  int mPost;            /* ROLE_ bits that may POST to it; 0: no POST */
  int mFlag;            /* ROUTE_ bits */
  size_t nBodyMax;      /* Largest body accepted, bytes */
  PageHandler xHandler; /* The page */
};

/* The ROLE_ bits that may use pRoute with method bit eMethod; 0 when it
** does not answer that method. */
int route_roles(const Route *pRoute, int eMethod);

/* The route of the table aRoute (nRoute entries) for zPath and the method
** bit eMethod. When the path matches but not the method, returns NULL and
** sets *pmAllowed to the methods the path answers (for 405); when nothing
** matches, *pmAllowed is 0. Captured segments go into *pazParam (arena
** memory). */
const Route *router_match(const Route *aRoute, int nRoute, Arena *pArena,
                          const char *zPath, int eMethod, int *pmAllowed,
                          const char ***pazParam, int *pnParam);

/* 1 when zPath matches zPattern; captures go to azParam (at most nMax). */
int router_pattern_match(Arena *pArena, const char *zPattern,
                         const char *zPath, const char **azParam, int nMax,
                         int *pnParam);

#endif
