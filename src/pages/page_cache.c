/*
** The render cache (see page_cache.h): one table per process, shared by
** the server's threads under a mutex, bounded in entries and bytes so that
** it cannot grow the process past its memory budget.
**
** It must never hand out an entry for a data version other than the one the
** request read from the database, and never one keyed for another viewer.
*/
#include "pages/page_cache.h"
#include "pages/page.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "domain/compliance.h"

#define PAGE_CACHE_SLOTS 64                /* Entries kept */
#define PAGE_CACHE_BYTES (8 * 1024 * 1024) /* Their bytes, at most */
#define PAGE_CACHE_ENTRY_MAX (1024 * 1024) /* A bigger answer is not kept */

typedef struct CacheEntry {
  uint64_t hKey;      /* Hash of zKey, to skip most strcmp() */
  int64_t iCouncil;   /* Whose pages (the key's first field) */
  char *zKey;         /* Owned; NULL for a free slot */
  int64_t iVersion;   /* Data version the bytes were rendered from */
  const char *zType;  /* Content type (static storage); NULL: fragment */
  int bNoStore;       /* Send Cache-Control: no-store with it */
  char *zDisposition; /* Owned Content-Disposition to send, or NULL */
  char *pData;        /* Owned bytes, NUL-terminated */
  size_t nData;       /* Bytes in pData, without the NUL */
  uint64_t iUsed;     /* Clock of the last use, for eviction */
} CacheEntry;

static struct {
  pthread_mutex_t mutex; /* Guards everything below */
  CacheEntry aEntry[PAGE_CACHE_SLOTS];
  size_t nBytes;   /* Sum of nData over the entries */
  uint64_t iClock; /* Ticks on every use */
} cache = {.mutex = PTHREAD_MUTEX_INITIALIZER};

/* FNV-1a: short keys, no adversary worth a keyed hash (a collision costs a
** strcmp, never a wrong answer). */
static uint64_t key_hash(const char *z) {
  uint64_t h = 1469598103934665603ULL;
  while (*z) h = (h ^ (unsigned char)*z++) * 1099511628211ULL;
  return h;
}

static void entry_free(CacheEntry *p) {
  cache.nBytes -= p->nData;
  free(p->zKey);
  free(p->zDisposition);
  free(p->pData);
  memset(p, 0, sizeof(*p));
}

int64_t page_cache_version(Request *r) {
  return db_council_data_version(request_db(r), page_council_id(r));
}

const char *page_cache_key(Request *r, const char *zWhat) {
  const User *pUser = request_user(r);
  const char *zPrefix = request_path_prefix(r);
  /* The council first (cache_put reads it back), and the prefix the
  ** page's links carry. A signed-in user with no role in this council has
  ** the public's role bits but not the public's page: 's' or 'a'. */
  return arena_printf(request_arena(r), "%lld\x1f%s\x1f%s\x1f%d%c",
                      (long long)page_council_id(r), zPrefix ? zPrefix : "",
                      zWhat, pUser ? (int)pUser->mRole : ROLE_ANONYMOUS,
                      pUser ? 's' : 'a');
}

/* Copies the entry for zKey at iVersion into pArena; NULL when there is
** none. Must hold the mutex. */
static CacheEntry *entry_find(const char *zKey, uint64_t h, int64_t iVersion) {
  for (int i = 0; i < PAGE_CACHE_SLOTS; i++) {
    CacheEntry *p = &cache.aEntry[i];
    if (p->zKey && p->hKey == h && p->iVersion == iVersion &&
        strcmp(p->zKey, zKey) == 0) {
      p->iUsed = ++cache.iClock;
      return p;
    }
  }
  return NULL;
}

/* Looks zKey up at iVersion. On a hit the bytes are appended to hInto when
** given, else copied into the request's arena: the entry may be replaced
** by another thread as soon as the mutex is released. */
static int cache_get(Request *r, const char *zKey, int64_t iVersion,
                     Html *hInto, const char **ppData, size_t *pnData,
                     const char **pzType, int *pbNoStore,
                     const char **pzDisposition) {
  if (iVersion < 0) return 0;
  uint64_t h = key_hash(zKey);
  int bHit = 0;
  pthread_mutex_lock(&cache.mutex);
  CacheEntry *p = entry_find(zKey, h, iVersion);
  if (p && hInto) {
    /* Markup this program rendered with the escaping writer. */
    html_raw_trusted_n(hInto, p->pData, p->nData);
  } else if (p) {
    char *zCopy = arena_alloc_uninit(request_arena(r), p->nData + 1);
    memcpy(zCopy, p->pData, p->nData + 1);
    *ppData = zCopy;
    *pnData = p->nData;
    *pzType = p->zType;
    *pbNoStore = p->bNoStore;
    *pzDisposition = p->zDisposition
                         ? arena_strdup(request_arena(r), p->zDisposition)
                         : NULL;
  }
  bHit = p != NULL;
  pthread_mutex_unlock(&cache.mutex);
  return bHit;
}

static void cache_put(const char *zKey, int64_t iVersion, const char *zType,
                      int bNoStore, const char *zDisposition, const void *pData,
                      size_t nData) {
  if (!zKey || iVersion < 0 || nData > PAGE_CACHE_ENTRY_MAX) return;
  char *zKeyCopy = strdup(zKey);
  char *zDispCopy = zDisposition ? strdup(zDisposition) : NULL;
  char *pCopy = malloc(nData + 1);
  if (!zKeyCopy || !pCopy || (zDisposition && !zDispCopy)) {
    free(zKeyCopy);
    free(zDispCopy);
    free(pCopy);
    return;
  }
  memcpy(pCopy, pData, nData);
  pCopy[nData] = 0;
  uint64_t h = key_hash(zKey);
  int64_t iCouncil = strtoll(zKey, NULL, 10); /* page_cache_key()'s */
  pthread_mutex_lock(&cache.mutex);
  int64_t iNewest = -1; /* The council's newest version kept */
  for (int i = 0; i < PAGE_CACHE_SLOTS; i++) {
    const CacheEntry *p = &cache.aEntry[i];
    if (p->zKey && p->iCouncil == iCouncil && p->iVersion > iNewest) {
      iNewest = p->iVersion;
    }
  }
  if (iVersion < iNewest) {
    /* Rendered from data that has changed since: useless to anyone. */
    pthread_mutex_unlock(&cache.mutex);
    free(zKeyCopy);
    free(zDispCopy);
    free(pCopy);
    return;
  }
  if (iVersion > iNewest) {
    /* The council's data changed: its older entries are dead for good;
    ** other councils' stay. */
    for (int i = 0; i < PAGE_CACHE_SLOTS; i++) {
      CacheEntry *p = &cache.aEntry[i];
      if (p->zKey && p->iCouncil == iCouncil) entry_free(p);
    }
  }
  /* The same key (another thread rendered it too), else a free slot, else
  ** the least recently used; then more of those until the bytes fit. */
  CacheEntry *pSlot = NULL;
  for (int i = 0; i < PAGE_CACHE_SLOTS && !pSlot; i++) {
    CacheEntry *p = &cache.aEntry[i];
    if (p->zKey && p->hKey == h && strcmp(p->zKey, zKey) == 0) pSlot = p;
  }
  for (int i = 0; i < PAGE_CACHE_SLOTS && !pSlot; i++) {
    if (!cache.aEntry[i].zKey) pSlot = &cache.aEntry[i];
  }
  if (pSlot && pSlot->zKey) entry_free(pSlot);
  while (!pSlot || cache.nBytes + nData > PAGE_CACHE_BYTES) {
    CacheEntry *pOld = NULL;
    for (int i = 0; i < PAGE_CACHE_SLOTS; i++) {
      CacheEntry *p = &cache.aEntry[i];
      if (p->zKey && (!pOld || p->iUsed < pOld->iUsed)) pOld = p;
    }
    if (!pOld) break;
    entry_free(pOld);
    if (!pSlot) pSlot = pOld;
  }
  if (!pSlot) { /* NEVER: PAGE_CACHE_SLOTS > 0 */
    pthread_mutex_unlock(&cache.mutex);
    free(zKeyCopy);
    free(zDispCopy);
    free(pCopy);
    return;
  }
  pSlot->hKey = h;
  pSlot->iCouncil = iCouncil;
  pSlot->zKey = zKeyCopy;
  pSlot->iVersion = iVersion;
  pSlot->zType = zType;
  pSlot->bNoStore = bNoStore;
  pSlot->zDisposition = zDispCopy;
  pSlot->pData = pCopy;
  pSlot->nData = nData;
  pSlot->iUsed = ++cache.iClock;
  cache.nBytes += nData;
  pthread_mutex_unlock(&cache.mutex);
}

void page_cache_clear(void) {
  pthread_mutex_lock(&cache.mutex);
  for (int i = 0; i < PAGE_CACHE_SLOTS; i++) {
    if (cache.aEntry[i].zKey) entry_free(&cache.aEntry[i]);
  }
  pthread_mutex_unlock(&cache.mutex);
}

int page_cache_get_html(Request *r, const char *zKey, int64_t iVersion,
                        Html *h) {
  return cache_get(r, zKey, iVersion, h, NULL, NULL, NULL, NULL, NULL);
}

void page_cache_put_html(const char *zKey, int64_t iVersion, const Html *h) {
  cache_put(zKey, iVersion, NULL, 0, NULL, html_str(h), html_len(h));
}

void page_cache_fragment(Request *r, Html *h, const char *zKey,
                         void (*xRender)(Request *r, Html *h)) {
  int64_t iVersion = page_cache_version(r);
  if (page_cache_get_html(r, zKey, iVersion, h)) return;
  Html frag;
  html_init(&frag, request_arena(r));
  xRender(r, &frag);
  page_cache_put_html(zKey, iVersion, &frag);
  html_append(h, &frag);
}

void page_cache_csrf_field(Html *h) {
  html_raw_trusted(
      h,
      "<input type=\"hidden\" name=\"csrf_token\" value=\"" PAGE_CACHE_CSRF_MARK
      "\">\n");
}

const Html *page_cache_stitch(Request *r, const Html *pIn) {
  const char *z = html_str(pIn);
  const char *zMark = strstr(z, PAGE_CACHE_CSRF_MARK);
  if (!zMark) return pIn;
  Arena *pArena = request_arena(r);
  Html *pOut = arena_alloc(pArena, sizeof(*pOut));
  html_init(pOut, pArena);
  /* The token is base64url: nothing in it to escape. */
  const char *zToken = request_csrf_token(r);
  for (; zMark; zMark = strstr(z, PAGE_CACHE_CSRF_MARK)) {
    /* Markup this program rendered with the escaping writer. */
    html_raw_trusted_n(pOut, z, (size_t)(zMark - z));
    html_raw_trusted(pOut, zToken ? zToken : "");
    z = zMark + strlen(PAGE_CACHE_CSRF_MARK);
  }
  html_raw_trusted(pOut, z);
  return pOut;
}

int page_cache_answer(Request *r, const char *zKey, int64_t *piVersion) {
  *piVersion = -1;
  if (!zKey) return 0;
  *piVersion = page_cache_version(r);
  const char *zData = NULL, *zType = NULL, *zDisposition = NULL;
  size_t nData = 0;
  int bNoStore = 0;
  if (!cache_get(r, zKey, *piVersion, NULL, &zData, &nData, &zType, &bNoStore,
                 &zDisposition)) {
    return 0;
  }
  if (bNoStore) response_header(r, "Cache-Control", "no-store");
  page_send_file(r, zType, zDisposition, zData, nData);
  return 1;
}

void page_cache_respond_json(Request *r, const char *zKey, int64_t iVersion,
                             json_t *pJson) {
  char *z = json_dumps(pJson, JSON_COMPACT);
  if (!z) {
    respond_json(r, 200, pJson); /* Answers the error as usual */
    return;
  }
  json_decref(pJson);
  size_t n = strlen(z);
  static const char zType[] = "application/json; charset=utf-8";
  cache_put(zKey, iVersion, zType, 1, NULL, z, n);
  char *zCopy = arena_alloc_uninit(request_arena(r), n + 1);
  memcpy(zCopy, z, n + 1);
  free(z);
  response_header(r, "Cache-Control", "no-store");
  respond_bytes(r, 200, zType, zCopy, n);
}

void page_cache_respond_bytes(Request *r, const char *zKey, int64_t iVersion,
                              const char *zType, const char *zDisposition,
                              const void *p, size_t n) {
  cache_put(zKey, iVersion, zType, 0, zDisposition, p, n);
  page_send_file(r, zType, zDisposition, p, n);
}

const char *page_cache_compliance_key(Request *r, const char *zWhat) {
  const char *zAsOf = request_query(r, "as_of");
  const char *zVersion = request_query(r, "version");
  if (zAsOf && strlen(zAsOf) > 10) return NULL;
  if (zVersion && strlen(zVersion) > 7) return NULL;
  char zToday[PLAN_DATE_SIZE];
  compliance_today(zToday);
  return page_cache_key(
      r, arena_printf(request_arena(r), "%s\x1f%s\x1f%s\x1f%s", zWhat, zToday,
                      zAsOf ? zAsOf : "", zVersion ? zVersion : ""));
}
