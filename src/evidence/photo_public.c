/*
** Public copies of photos with libvips (see photo_public.h).
*/
#include "evidence/photo_public.h"

#include <pthread.h>
#include <string.h>
#include <vips/vips.h>

static pthread_once_t g_vipsOnce = PTHREAD_ONCE_INIT;
static int g_bVipsOk;

static void vips_start(void) {
  g_bVipsOk = vips_init("cosoc") == 0;
  if (!g_bVipsOk) return;
  /* One request, one thread: the server's pool already uses the cores, and
  ** libvips' operation cache would only hold photos nobody asks for twice
  ** (browsers and proxies cache the public copy). */
  vips_concurrency_set(1);
  vips_cache_set_max(0);
}

/* The libvips save suffix for a MIME type; "strip" drops every metadata
** block the saver would otherwise copy. */
static const char *save_suffix(const char *zMime) {
  if (strcmp(zMime, "image/jpeg") == 0) return ".jpg[strip,Q=88]";
  if (strcmp(zMime, "image/png") == 0) return ".png[strip]";
  if (strcmp(zMime, "image/webp") == 0) return ".webp[strip,Q=88]";
  return NULL;
}

int photo_public_needed(const char *zMime) {
  return zMime && save_suffix(zMime) != NULL;
}

int photo_public_copy(Arena *pArena, const void *pData, size_t nData,
                      const char *zMime, const void **ppOut, size_t *pnOut) {
  const char *zSuffix = save_suffix(zMime);
  pthread_once(&g_vipsOnce, vips_start);
  if (!zSuffix || !g_bVipsOk) return -1;
  VipsImage *pIn = vips_image_new_from_buffer(pData, nData, "", NULL);
  if (!pIn) {
    vips_error_clear();
    return -1;
  }
  VipsImage *pUpright = NULL;
  void *pBuf = NULL;
  size_t nBuf = 0;
  int rc = vips_autorot(pIn, &pUpright, NULL);
  if (rc == 0) rc = vips_image_write_to_buffer(pUpright, zSuffix, &pBuf, &nBuf, NULL);
  if (pUpright) g_object_unref(pUpright);
  g_object_unref(pIn);
  if (rc != 0) {
    vips_error_clear();
    g_free(pBuf);
    return -1;
  }
  *ppOut = arena_memdup(pArena, pBuf, nBuf);
  *pnOut = nBuf;
  g_free(pBuf);
  return 0;
}
