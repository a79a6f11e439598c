/*
** Photo thumbnails for reports with libvips (see thumbnail.h).
**
** vips_thumbnail_buffer() shrinks while it decodes (JPEG shrink-on-load),
** so a 12-megapixel phone photo costs a fraction of a full decode.
*/
#include "export/thumbnail.h"

#include <pthread.h>
#include <string.h>
#include <vips/vips.h>

#include "export/export.h"

static pthread_once_t g_vipsOnce = PTHREAD_ONCE_INIT;
static int g_bVipsOk;

static void vips_start(void) {
  /* vips_init() returns at once when src/evidence already started it. */
  g_bVipsOk = vips_init("cosoc") == 0;
  if (!g_bVipsOk) return;
  /* The server's pool already uses the cores; a report's photos are read
  ** once, so libvips' operation cache would only hold memory. */
  vips_concurrency_set(1);
  vips_cache_set_max(0);
}

int thumbnail_supported(const char *zMime) {
  return zMime && (strcmp(zMime, "image/jpeg") == 0 ||
                   strcmp(zMime, "image/png") == 0 ||
                   strcmp(zMime, "image/webp") == 0);
}

int thumbnail_png(Arena *pArena, const void *pData, size_t nData, int nMaxPx,
                  const void **ppPng, size_t *pnPng) {
  *ppPng = NULL;
  *pnPng = 0;
  pthread_once(&g_vipsOnce, vips_start);
  if (!g_bVipsOk || nData == 0) return EXPORT_ERROR;
  VipsImage *pThumb = NULL;
  /* Width and height both nMaxPx: fits the box, keeps the aspect ratio;
  ** thumbnail turns the photo upright by its EXIF orientation. */
  if (vips_thumbnail_buffer((void *)pData, nData, &pThumb, nMaxPx, "height",
                            nMaxPx, NULL) != 0) {
    vips_error_clear();
    return EXPORT_ERROR;
  }
  void *pBuf = NULL;
  size_t nBuf = 0;
  int rc = vips_pngsave_buffer(pThumb, &pBuf, &nBuf, "strip", TRUE, NULL);
  g_object_unref(pThumb);
  if (rc != 0) {
    vips_error_clear();
    g_free(pBuf);
    return EXPORT_ERROR;
  }
  *ppPng = arena_memdup(pArena, pBuf, nBuf);
  *pnPng = nBuf;
  g_free(pBuf);
  return EXPORT_OK;
}
