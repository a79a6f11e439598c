/*
** What this process knows about sessions and API tokens, kept in memory
** and trusted only while the installation's auth version (migration 0050)
** is the one it was read at (see accounts.h).
**
** The version is read once per request (accounts_request_mark), before
** anything the request learns from the database, so an entry read from
** data newer than its version is at worst thrown away early; an entry is
** never kept or used inside a transaction, whose reads may include its own
** uncommitted writes (a rollback would take the version back and another
** write could then reach the same number with other data).
*/
#include "store/accounts/accounts.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define AUTH_CACHE_SLOTS 4096 /* Sessions and tokens kept (direct-mapped) */

/* This thread's request: the version, read at most once in it. Threads of
** the server handle one request's callbacks at a time but may interleave
** requests; a request that lost the mark (another began meanwhile) reads
** the version again, which is only slower. */
static __thread struct {
  const Db *pDb;    /* The connection it is for */
  int bOn;          /* Inside a request */
  int64_t iVersion; /* -1: not read yet in this request */
} tReq;

/* The last session this thread found, for council_session_choice(). */
static __thread struct { int64_t iSession, iVersion, iCouncil; } tLastSession;

void accounts_request_mark(Db *pDb, int bOn) {
  tReq.pDb = pDb;
  tReq.bOn = bOn && pDb;
  tReq.iVersion = -1;
}

void accounts_auth_forget(Db *pDb) {
  if (tReq.pDb == pDb) tReq.iVersion = -1;
  tLastSession.iSession = 0;
}

int accounts_auth_version_known(Db *pDb) {
  return pDb && tReq.bOn && tReq.pDb == pDb && tReq.iVersion >= 0 &&
         !db_in_transaction(pDb);
}

static int64_t version_read(Db *pDb) {
  return db_query_int64(pDb, "SELECT n FROM auth_version WHERE id = 1", -1);
}

int64_t accounts_auth_version(Db *pDb) {
  if (!pDb || db_in_transaction(pDb)) return -1;
  if (tReq.bOn && tReq.pDb == pDb) {
    if (tReq.iVersion < 0) tReq.iVersion = version_read(pDb);
    return tReq.iVersion;
  }
  return version_read(pDb);
}

/* ---- Sessions and tokens ---- */

typedef struct AuthSlot {
  char zHash[65];   /* SHA-256 of the cookie or token, hex; "" free */
  int eKind;        /* AUTH_SESSION or AUTH_TOKEN */
  int64_t iVersion; /* Auth version it was read at */
  char zDay[11];    /* The day it was read (a term of office may end) */
  AuthFound found;  /* Strings owned (malloc) */
} AuthSlot;

static struct {
  pthread_mutex_t mutex;
  AuthSlot aSlot[AUTH_CACHE_SLOTS];
} cache = {.mutex = PTHREAD_MUTEX_INITIALIZER};

static AuthSlot *slot_for(const char *zHash) {
  /* The hash is a secret's SHA-256: its first hex digits are uniform. */
  unsigned i = 0;
  for (int k = 0; k < 6; k++) {
    char c = zHash[k];
    i = i * 16 + (unsigned)(c <= '9' ? c - '0' : (c | 32) - 'a' + 10);
  }
  return &cache.aSlot[i % AUTH_CACHE_SLOTS];
}

static void slot_free(AuthSlot *p) {
  free((char *)p->found.user.zEmail);
  free((char *)p->found.user.zName);
  free((char *)p->found.user.zRole);
  memset(p, 0, sizeof(*p));
}

int accounts_auth_cache_get(Db *pDb, Arena *pArena, int eKind,
                            const char *zHash, const char *zToday, int64_t tNow,
                            int64_t nTouch, AuthFound *pFound) {
  int64_t iVersion = accounts_auth_version(pDb);
  if (iVersion < 0) return 0;
  int bHit = 0;
  pthread_mutex_lock(&cache.mutex);
  AuthSlot *p = slot_for(zHash);
  if (p->eKind == eKind && p->iVersion == iVersion &&
      strcmp(p->zHash, zHash) == 0 && strcmp(p->zDay, zToday) == 0 &&
      tNow < p->found.tExpires && tNow - p->found.tLast < nTouch) {
    *pFound = p->found;
    pFound->user.zEmail = arena_strdup(pArena, p->found.user.zEmail);
    pFound->user.zName = arena_strdup(pArena, p->found.user.zName);
    pFound->user.zRole = arena_strdup(pArena, p->found.user.zRole);
    bHit = 1;
  }
  pthread_mutex_unlock(&cache.mutex);
  if (bHit && eKind == AUTH_SESSION)
    accounts_auth_session_seen(pFound, iVersion);
  return bHit;
}

void accounts_auth_cache_put(Db *pDb, int eKind, const char *zHash,
                             const char *zToday, int64_t iVersion,
                             const AuthFound *pFound) {
  if (iVersion < 0 || db_in_transaction(pDb)) return;
  char *zEmail = strdup(pFound->user.zEmail);
  char *zName = strdup(pFound->user.zName);
  char *zRole = strdup(pFound->user.zRole);
  if (!zEmail || !zName || !zRole) {
    free(zEmail);
    free(zName);
    free(zRole);
    return;
  }
  pthread_mutex_lock(&cache.mutex);
  AuthSlot *p = slot_for(zHash);
  slot_free(p);
  memcpy(p->zHash, zHash, sizeof(p->zHash));
  p->zHash[64] = 0;
  p->eKind = eKind;
  p->iVersion = iVersion;
  memcpy(p->zDay, zToday, sizeof(p->zDay));
  p->zDay[10] = 0;
  p->found = *pFound;
  p->found.user.zEmail = zEmail;
  p->found.user.zName = zName;
  p->found.user.zRole = zRole;
  pthread_mutex_unlock(&cache.mutex);
}

void accounts_auth_session_seen(const AuthFound *pFound, int64_t iVersion) {
  tLastSession.iSession = iVersion >= 0 ? pFound->iWhich : 0;
  tLastSession.iCouncil = pFound->iCouncil;
  tLastSession.iVersion = iVersion;
}

int accounts_auth_session_council(Db *pDb, int64_t iSession,
                                  int64_t *piCouncil) {
  if (!iSession || tLastSession.iSession != iSession) return 0;
  int64_t iVersion = accounts_auth_version(pDb);
  if (iVersion < 0 || iVersion != tLastSession.iVersion) return 0;
  *piCouncil = tLastSession.iCouncil;
  return 1;
}

void accounts_auth_cache_clear(void) {
  pthread_mutex_lock(&cache.mutex);
  for (int i = 0; i < AUTH_CACHE_SLOTS; i++) slot_free(&cache.aSlot[i]);
  pthread_mutex_unlock(&cache.mutex);
}
