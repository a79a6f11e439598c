/*
** Shared bytes (see shared_bytes.h): a list of held copies under one mutex.
** The list holds only what answers are sending right now, a handful of
** entries, so a list is enough.
*/
#include "util/shared_bytes.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct SharedBytes {
  char *zKey;           /* Owned */
  unsigned char *pData; /* Owned, nData bytes */
  size_t nData;
  int nRef; /* Answers sending it; freed at 0 */
  SharedBytes *pNext;
};

static pthread_mutex_t g_mutex = PTHREAD_MUTEX_INITIALIZER;
static SharedBytes *g_pHead; /* Every copy held */
static size_t g_nHeld;       /* Their bytes, and those being copied in */
static size_t g_nBudget = SHARED_BYTES_BUDGET_DEFAULT;

/* The entry for zKey, or NULL. Must hold the mutex. */
static SharedBytes *entry_find(const char *zKey) {
  for (SharedBytes *p = g_pHead; p; p = p->pNext) {
    if (strcmp(p->zKey, zKey) == 0) return p;
  }
  return NULL;
}

SharedBytes *shared_bytes_find(const char *zKey) {
  pthread_mutex_lock(&g_mutex);
  SharedBytes *p = entry_find(zKey);
  if (p) p->nRef++;
  pthread_mutex_unlock(&g_mutex);
  return p;
}

SharedBytes *shared_bytes_add(const char *zKey, const void *pData, size_t n) {
  pthread_mutex_lock(&g_mutex);
  SharedBytes *p = entry_find(zKey);
  if (p) {
    p->nRef++;
    pthread_mutex_unlock(&g_mutex);
    return p;
  }
  if (n > g_nBudget || g_nHeld > g_nBudget - n) {
    pthread_mutex_unlock(&g_mutex);
    return NULL;
  }
  g_nHeld += n; /* Reserved while the copy is made outside the mutex */
  pthread_mutex_unlock(&g_mutex);
  SharedBytes *pNew = calloc(1, sizeof(*pNew));
  char *zCopy = strdup(zKey);
  unsigned char *pCopy = malloc(n ? n : 1);
  if (!pNew || !zCopy || !pCopy) {
    fprintf(stderr, "cosoc: sin memoria para una respuesta\n");
    abort(); /* As the arena does: no useful way to go on */
  }
  memcpy(pCopy, pData, n);
  pNew->zKey = zCopy;
  pNew->pData = pCopy;
  pNew->nData = n;
  pNew->nRef = 1;
  pthread_mutex_lock(&g_mutex);
  p = entry_find(zKey);
  if (p) {
    /* Another thread added it meanwhile: share theirs. */
    p->nRef++;
    g_nHeld -= n;
  } else {
    pNew->pNext = g_pHead;
    g_pHead = pNew;
  }
  pthread_mutex_unlock(&g_mutex);
  if (p) {
    free(pCopy);
    free(zCopy);
    free(pNew);
    return p;
  }
  return pNew;
}

void shared_bytes_release(SharedBytes *p) {
  if (!p) return;
  pthread_mutex_lock(&g_mutex);
  if (--p->nRef > 0) {
    pthread_mutex_unlock(&g_mutex);
    return;
  }
  for (SharedBytes **pp = &g_pHead; *pp; pp = &(*pp)->pNext) {
    if (*pp == p) {
      *pp = p->pNext;
      break;
    }
  }
  g_nHeld -= p->nData;
  pthread_mutex_unlock(&g_mutex);
  free(p->pData);
  free(p->zKey);
  free(p);
}

const void *shared_bytes_data(const SharedBytes *p) { return p->pData; }

size_t shared_bytes_size(const SharedBytes *p) { return p->nData; }

size_t shared_bytes_held(void) {
  pthread_mutex_lock(&g_mutex);
  size_t n = g_nHeld;
  pthread_mutex_unlock(&g_mutex);
  return n;
}

void shared_bytes_budget_set(size_t nBudget) {
  pthread_mutex_lock(&g_mutex);
  g_nBudget = nBudget;
  pthread_mutex_unlock(&g_mutex);
}
