/*
** Arena allocator and arena-backed buffers (see arena.h).
**
** Memory comes in chunks from malloc; small requests are carved from the
** current chunk, large ones get a chunk of their own so that a big upload
** does not waste the rest of a small chunk.
*/
#include "util/arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_CHUNK_SIZE (16 * 1024) /* Default chunk payload */

typedef struct ArenaChunk ArenaChunk;
struct ArenaChunk {
  ArenaChunk *pNext; /* Older chunk */
  size_t nSize;      /* Payload bytes in aData */
  size_t nUsed;      /* Payload bytes handed out */
  alignas(max_align_t) unsigned char aData[];
};

struct Arena {
  ArenaChunk *pChunk; /* Newest chunk first */
  size_t nTotal;      /* Bytes handed out */
};

static void out_of_memory(size_t n) {
  fprintf(stderr, "cosoc: sin memoria (se pidieron %zu bytes)\n", n);
  abort();
}

Arena *arena_new(void) {
  Arena *p = calloc(1, sizeof(*p));
  if (!p) out_of_memory(sizeof(*p));
  return p;
}

void arena_free(Arena *pArena) {
  if (!pArena) return;
  ArenaChunk *p = pArena->pChunk;
  while (p) {
    ArenaChunk *pNext = p->pNext;
    free(p);
    p = pNext;
  }
  free(pArena);
}

static ArenaChunk *chunk_new(size_t nPayload) {
  if (nPayload > SIZE_MAX - sizeof(ArenaChunk)) out_of_memory(nPayload);
  ArenaChunk *p = malloc(sizeof(ArenaChunk) + nPayload);
  if (!p) out_of_memory(nPayload);
  p->pNext = NULL;
  p->nSize = nPayload;
  p->nUsed = 0;
  return p;
}

void *arena_alloc_uninit(Arena *pArena, size_t nByte) {
  const size_t align = alignof(max_align_t);
  size_t n = (nByte + align - 1) & ~(align - 1);
  if (n < nByte) out_of_memory(nByte);
  ArenaChunk *pChunk = pArena->pChunk;
  if (!pChunk || pChunk->nSize - pChunk->nUsed < n) {
    if (n > ARENA_CHUNK_SIZE / 4) {
      /* A large block gets its own chunk, linked behind the current one so
      ** the current chunk's free space stays usable. */
      ArenaChunk *pBig = chunk_new(n);
      pBig->nUsed = n;
      if (pChunk) {
        pBig->pNext = pChunk->pNext;
        pChunk->pNext = pBig;
      } else {
        pArena->pChunk = pBig;
      }
      pArena->nTotal += n;
      return pBig->aData;
    }
    pChunk = chunk_new(ARENA_CHUNK_SIZE);
    pChunk->pNext = pArena->pChunk;
    pArena->pChunk = pChunk;
  }
  void *p = pChunk->aData + pChunk->nUsed;
  pChunk->nUsed += n;
  pArena->nTotal += n;
  return p;
}

void *arena_alloc(Arena *pArena, size_t nByte) {
  void *p = arena_alloc_uninit(pArena, nByte);
  memset(p, 0, nByte);
  return p;
}

char *arena_strndup(Arena *pArena, const char *z, size_t n) {
  char *zNew = arena_alloc_uninit(pArena, n + 1);
  memcpy(zNew, z, n);
  zNew[n] = 0;
  return zNew;
}

char *arena_strdup(Arena *pArena, const char *z) {
  if (!z) return NULL;
  return arena_strndup(pArena, z, strlen(z));
}

void *arena_memdup(Arena *pArena, const void *p, size_t n) {
  void *pNew = arena_alloc(pArena, n ? n : 1);
  if (n) memcpy(pNew, p, n);
  return pNew;
}

void *arena_grow(Arena *pArena, void *a, int nUsed, int *pnAlloc,
                 size_t nElem) {
  if (nUsed < *pnAlloc) return a;
  *pnAlloc = *pnAlloc ? *pnAlloc * 2 : 16;
  void *aNew = arena_alloc(pArena, nElem * (size_t)*pnAlloc);
  if (nUsed) memcpy(aNew, a, nElem * (size_t)nUsed);
  return aNew;
}

char *arena_vprintf(Arena *pArena, const char *zFmt, va_list ap) {
  Buf b;
  buf_init(&b, pArena);
  buf_vprintf(&b, zFmt, ap);
  return (char *)buf_str(&b);
}

char *arena_printf(Arena *pArena, const char *zFmt, ...) {
  va_list ap;
  va_start(ap, zFmt);
  char *z = arena_vprintf(pArena, zFmt, ap);
  va_end(ap);
  return z;
}

size_t arena_used(const Arena *pArena) { return pArena->nTotal; }

/* ---- Buf ---- */

void buf_init(Buf *pBuf, Arena *pArena) {
  pBuf->pArena = pArena;
  pBuf->z = NULL;
  pBuf->n = 0;
  pBuf->nAlloc = 0;
}

/* Make room for n more bytes plus the NUL. */
static void buf_reserve(Buf *pBuf, size_t n) {
  if (n >= SIZE_MAX / 2 - pBuf->n) out_of_memory(n);
  size_t nNeed = pBuf->n + n + 1;
  if (nNeed <= pBuf->nAlloc) return;
  size_t nNew = pBuf->nAlloc ? pBuf->nAlloc * 2 : 256;
  while (nNew < nNeed) nNew *= 2;
  /* Not zeroed: everything up to n is copied and z[n] is the terminator;
  ** zeroing every doubling cost more than the page's own rendering. */
  char *z = arena_alloc_uninit(pBuf->pArena, nNew);
  if (pBuf->n) memcpy(z, pBuf->z, pBuf->n);
  z[pBuf->n] = 0;
  pBuf->z = z;
  pBuf->nAlloc = nNew;
}

void buf_append(Buf *pBuf, const void *p, size_t n) {
  if (n == 0) return;
  buf_reserve(pBuf, n);
  memcpy(pBuf->z + pBuf->n, p, n);
  pBuf->n += n;
  pBuf->z[pBuf->n] = 0;
}

void buf_puts(Buf *pBuf, const char *z) { buf_append(pBuf, z, strlen(z)); }

void buf_putc(Buf *pBuf, char c) { buf_append(pBuf, &c, 1); }

void buf_vprintf(Buf *pBuf, const char *zFmt, va_list ap) {
  va_list ap2;
  va_copy(ap2, ap);
  char aSmall[256];
  int n = vsnprintf(aSmall, sizeof(aSmall), zFmt, ap2);
  va_end(ap2);
  if (n < 0) return;
  if ((size_t)n < sizeof(aSmall)) {
    buf_append(pBuf, aSmall, (size_t)n);
    return;
  }
  buf_reserve(pBuf, (size_t)n);
  vsnprintf(pBuf->z + pBuf->n, (size_t)n + 1, zFmt, ap);
  pBuf->n += (size_t)n;
}

void buf_printf(Buf *pBuf, const char *zFmt, ...) {
  va_list ap;
  va_start(ap, zFmt);
  buf_vprintf(pBuf, zFmt, ap);
  va_end(ap);
}

const char *buf_str(const Buf *pBuf) { return pBuf->z ? pBuf->z : ""; }

void buf_reset(Buf *pBuf) {
  pBuf->n = 0;
  if (pBuf->z) pBuf->z[0] = 0;
}

const char *arena_join(Arena *pArena, const char *const *az, int n,
                       const char *zSep) {
  Buf b;
  buf_init(&b, pArena);
  for (int i = 0; i < n; i++) {
    if (i) buf_puts(&b, zSep);
    buf_puts(&b, az[i]);
  }
  return buf_str(&b);
}
