/*
** Which council a request is about, the user's roles in it, and the links
** of a request that came under a council's /c/SLUG/ prefix (see page.h).
** The one place pages learn "which council": everything here goes through
** the council module (store/council/council.h).
*/
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "pages/page.h"
#include "store/accounts/accounts.h"
#include "store/council/council.h"

#define PREFIX "/c/" /* A council's pages: /c/SLUG/… */

/* What the pages keep on a request (request_page_state). */
typedef struct PageState {
  int bCouncilRead;  /* pCouncil has been looked up */
  int bUnknown;      /* The request named a council that does not exist */
  int bMalformed;    /* … or named it with something not a number */
  int bDefault;      /* Nothing named one: the installation's first */
  Council *pCouncil; /* NULL: none (yet, or none could be told) */
  /* Rows already read in this request, kept when page_scope() looks again
  ** (it runs before the body and after it): each is a round trip on
  ** PostgreSQL. NULL: not read (or not found) */
  Council *pBySlug; /* The /c/SLUG/ prefix's council */
  Council *pFirst;  /* The installation's first council */
} PageState;

static PageState *page_state(Request *r) {
  PageState *p = request_page_state(r);
  if (!p) {
    p = arena_alloc(request_arena(r), sizeof(*p));
    request_set_page_state(r, p);
  }
  return p;
}

const char *page_rewrite_path(Arena *pArena, const char *zPath,
                              const char **pzPrefix) {
  *pzPrefix = NULL;
  if (strncmp(zPath, PREFIX, strlen(PREFIX)) != 0) return zPath;
  const char *zSlug = zPath + strlen(PREFIX);
  const char *zEnd = strchr(zSlug, '/');
  size_t nSlug = zEnd ? (size_t)(zEnd - zSlug) : strlen(zSlug);
  if (nSlug == 0) return zPath;
  *pzPrefix = arena_strndup(pArena, zPath, (size_t)(zSlug - zPath) + nSlug);
  return zEnd ? zEnd : "/";
}

/* The council id "council" names in the request: ?council=ID on GET, the
** JSON body's "council" on an API POST; 0 when none; -1 when it names
** none that could exist (not a number). */
static int64_t asked_council(Request *r) {
  if (!request_is_post(r)) {
    const char *z = request_query(r, "council");
    if (!z || !*z) return 0;
    int64_t i = request_query_id(r, "council");
    return i > 0 ? i : -1;
  }
  if (!request_is_api(r)) return 0;
  size_t n = 0;
  const char *zBody = request_body(r, &n);
  if (!zBody || n == 0 || zBody[0] != '{') return 0;
  json_t *pJson = json_loadb(zBody, n, 0, NULL);
  json_t *pId = pJson ? json_object_get(pJson, "council") : NULL;
  int64_t i = 0;
  if (pId && json_is_integer(pId) && json_integer_value(pId) > 0) {
    i = json_integer_value(pId);
  } else if (pId && !json_is_null(pId)) {
    i = -1;
  }
  json_decref(pJson);
  return i;
}

/* The signed-in user's current council: the one chosen in this sign-in
** session when the user still belongs to it (or is the national team),
** else the first the user belongs to; 0 when none. */
static int64_t user_council(Request *r) {
  const User *pUser = request_user(r);
  if (!pUser) return 0;
  Db *pDb = request_db(r);
  int64_t iChosen = council_session_choice(pDb, request_session_id(r));
  if (iChosen &&
      (council_member_role(pDb, request_arena(r), pUser->id, iChosen) ||
       council_member_count(pDb, pUser->id) == 0)) {
    return iChosen;
  }
  return council_member_first(pDb, pUser->id);
}

static void council_lookup(Request *r, PageState *p) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  CouncilAsk ask;
  memset(&ask, 0, sizeof(ask));
  Council *c = arena_alloc(pArena, sizeof(*c));
  const char *zPrefix = request_path_prefix(r);
  if (zPrefix) {
    if (!p->pBySlug && council_get_by_slug(
                           pDb, pArena, zPrefix + strlen(PREFIX), c) == DB_OK) {
      p->pBySlug = c;
      c = arena_alloc(pArena, sizeof(*c));
    }
    if (!p->pBySlug) {
      p->bUnknown = 1;
      return;
    }
    ask.iPrefix = p->pBySlug->id;
  }
  ask.iAsked = asked_council(r);
  if (ask.iAsked < 0) {
    p->bUnknown = p->bMalformed = 1;
    return;
  }
  ask.iUser = user_council(r);
  /* The first council only when nothing else names one: read whole, it is
  ** the one shown. */
  if (!ask.iPrefix && !ask.iAsked && !ask.iUser && !p->pFirst &&
      council_get_first(pDb, pArena, c) == DB_OK) {
    p->pFirst = c;
    c = arena_alloc(pArena, sizeof(*c));
  }
  ask.iOnly = p->pFirst ? p->pFirst->id : 0;
  int64_t iCouncil = council_resolve(&ask);
  p->bDefault = !ask.iPrefix && !ask.iAsked && !ask.iUser;
  if (iCouncil == ask.iPrefix && ask.iPrefix) {
    p->pCouncil = p->pBySlug;
  } else if (p->pFirst && iCouncil == p->pFirst->id) {
    p->pCouncil = p->pFirst;
  } else if (iCouncil) {
    if (council_get(pDb, pArena, iCouncil, c) == DB_OK) {
      p->pCouncil = c;
    } else {
      p->bUnknown = 1;
    }
  }
}

const Council *page_council(Request *r) {
  PageState *p = page_state(r);
  if (!p->bCouncilRead && request_db(r)) {
    p->bCouncilRead = 1;
    council_lookup(r, p);
  }
  return p->pCouncil;
}

void page_council_use(Request *r, int64_t iCouncil) {
  PageState *p = page_state(r);
  Council *c = arena_alloc(request_arena(r), sizeof(*c));
  p->bCouncilRead = 1;
  p->pCouncil = iCouncil && council_get(request_db(r), request_arena(r),
                                        iCouncil, c) == DB_OK
                    ? c
                    : NULL;
  /* The audit log files this request's writes under the object's council. */
  db_set_council(request_db(r), p->pCouncil ? p->pCouncil->id : 0);
}

int page_council_named(Request *r) {
  page_council(r);
  PageState *p = page_state(r);
  return p->pCouncil && !p->bDefault;
}

int64_t page_council_id(Request *r) {
  const Council *c = page_council(r);
  return c ? c->id : 0;
}

const char *page_council_region(Request *r) {
  const Council *c = page_council(r);
  return c && c->zRegion[0] ? c->zRegion : NULL;
}

int64_t page_require_council(Request *r) {
  int64_t iCouncil = page_council_id(r);
  if (!iCouncil) {
    respond_error(r, 409,
                  "Primero hay que registrar el consejo (cosoc demo "
                  "crea uno de demostración).");
  }
  return iCouncil;
}

int page_is_national(Request *r) {
  const User *pUser = request_user(r);
  Db *pDb = request_db(r);
  return pUser && pDb && strcmp(pUser->zRole, "admin") == 0 &&
         council_member_count(pDb, pUser->id) == 0 && council_count(pDb) > 1;
}

/* The signed-in user's ROLE_ bits in council iCouncil: the role of the
** membership; for an account tied to no council, its own role when the
** installation has one council, and for the national team (an admin tied
** to none, several councils) the officer's to read but not to write;
** none (ROLE_ANONYMOUS) in a council the user does not belong to. */
static int council_roles(Request *r, int64_t iCouncil) {
  const User *pUser = request_user(r);
  if (!pUser) return ROLE_ANONYMOUS;
  Db *pDb = request_db(r);
  const char *zRole =
      council_member_role(pDb, request_arena(r), pUser->id, iCouncil);
  if (zRole) return accounts_role_bit(zRole);
  if (council_member_count(pDb, pUser->id) > 0) return ROLE_ANONYMOUS;
  if (council_count(pDb) <= 1) return accounts_role_bit(pUser->zRole);
  if (page_is_national(r)) {
    return request_is_post(r) && !(request_route_flags(r) & ROUTE_NATIONAL)
               ? ROLE_ANONYMOUS
               : ROLE_ADMIN;
  }
  return ROLE_ANONYMOUS;
}

int page_scope(Request *r, int bFinal) {
  PageState *p = page_state(r);
  /* Asked before the user was known (uploads): look again, but the rows
  ** read then are still those. */
  Council *pBySlug = p->pBySlug, *pFirst = p->pFirst;
  memset(p, 0, sizeof(*p));
  p->pBySlug = pBySlug;
  p->pFirst = pFirst;
  const Council *c = page_council(r);
  if (!bFinal) {
    /* Before the body: the roles as far as the headers tell; what to
    ** answer is for the final call. */
    if (c && request_user(r)) request_set_roles(r, council_roles(r, c->id));
    return 0;
  }
  if (p->bUnknown) {
    int iStatus = p->bMalformed ? 400 : 404;
    const char *zMessage = p->bMalformed ? "El consejo debe ser un número."
                                         : "No existe ese consejo.";
    if (request_is_api(r)) {
      respond_json_error(r, iStatus, zMessage, "council");
    } else {
      respond_error(r, iStatus, zMessage);
    }
    return 1;
  }
  /* Several councils and nothing names one: the home page is the national
  ** view's to show; other addresses go on serving the installation's first
  ** council, as before there could be several. */
  if (c && p->bDefault && strcmp(request_path(r), "/") == 0 &&
      !request_is_post(r) && council_count(request_db(r)) > 1) {
    respond_redirect(r, "/consejos");
    return 1;
  }
  if (c && request_user(r)) request_set_roles(r, council_roles(r, c->id));
  return 0;
}

/* Paths that are the installation's, not a council's: never prefixed. */
static int path_unscoped(const char *zPath) {
  static const char *const azUnscoped[] = {
      PREFIX, "/static/", "/consejos", "/api/councils", "/consejo?",
  };
  if (strcmp(zPath, "/consejo") == 0) return 1;
  for (size_t i = 0; i < sizeof(azUnscoped) / sizeof(azUnscoped[0]); i++) {
    if (strncmp(zPath, azUnscoped[i], strlen(azUnscoped[i])) == 0) return 1;
  }
  return 0;
}

/* Whether a link of a page under a council's prefix takes the prefix: a
** local path that is the council's. */
static int link_prefixed(const char *zPath) {
  return zPath[0] == '/' && zPath[1] != '/' && !path_unscoped(zPath);
}

const char *page_link(Request *r, const char *zPath) {
  const char *zPrefix = request_path_prefix(r);
  if (!zPrefix || !link_prefixed(zPath)) return zPath;
  return arena_printf(request_arena(r), "%s%s", zPrefix, zPath);
}

const char *page_council_link(Request *r, const Council *c, const char *zPath) {
  return arena_printf(request_arena(r), PREFIX "%s%s", c->zSlug,
                      zPath[0] ? zPath : "/");
}

const Html *page_links(Request *r, const Html *h) {
  const char *zPrefix = request_path_prefix(r);
  if (!zPrefix) return h;
  /* Every local link and form target of the page (always written as
  ** href="/…" or action="/…" by the escaping writer) through page_link. */
  static const char *const azAttr[] = {"href=\"/", "action=\""};
  Html *pOut = arena_alloc(request_arena(r), sizeof(*pOut));
  html_init(pOut, request_arena(r));
  const char *z = html_str(h);
  /* Each attribute's next place, searched again only once passed: one
  ** scan of the page (searching both from every link was quadratic when
  ** one of them is rare, most of a prefixed page's time). */
  const char *azHit[sizeof(azAttr) / sizeof(azAttr[0])] = {0};
  int abDone[sizeof(azAttr) / sizeof(azAttr[0])] = {0};
  for (;;) {
    const char *zNext = NULL;
    size_t nAttr = 0;
    for (size_t i = 0; i < sizeof(azAttr) / sizeof(azAttr[0]); i++) {
      if (!abDone[i] && (!azHit[i] || azHit[i] < z)) {
        azHit[i] = strstr(z, azAttr[i]);
        abDone[i] = azHit[i] == NULL;
      }
      const char *zHit = azHit[i];
      if (zHit && (!zNext || zHit < zNext)) {
        zNext = zHit;
        nAttr = strlen(azAttr[i]) - (azAttr[i][strlen(azAttr[i]) - 1] == '/');
      }
    }
    if (!zNext) break;
    const char *zUrl = zNext + nAttr;
    const char *zEnd = strchr(zUrl, '"');
    if (!zEnd) break;
    /* Markup this program wrote; the link escaped when written, and a
    ** prefix of slug characters put before it (page_link's rule). */
    html_raw_trusted_n(pOut, z, (size_t)(zUrl - z));
    const char *zLink =
        arena_strndup(request_arena(r), zUrl, (size_t)(zEnd - zUrl));
    if (link_prefixed(zLink)) html_raw_trusted(pOut, zPrefix);
    html_raw_trusted(pOut, zLink);
    z = zEnd;
  }
  html_raw_trusted(pOut, z);
  return pOut;
}

int page_may_manage_councils(Request *r) {
  const User *pUser = request_user(r);
  Db *pDb = request_db(r);
  if (!pUser || strcmp(pUser->zRole, "admin") != 0) return 0;
  if (council_member_count(pDb, pUser->id) == 0) return 1;
  /* One council: its officer is the whole installation's */
  return council_count(pDb) <= 1 &&
         council_member_role(pDb, request_arena(r), pUser->id,
                             council_default_id(pDb)) != NULL &&
         strcmp(council_member_role(pDb, request_arena(r), pUser->id,
                                    council_default_id(pDb)),
                "admin") == 0;
}
