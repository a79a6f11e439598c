/*
** Public copies and thumbnails of photos with libvips (see photo_public.h).
*/
#include "store/evidence/photo_public.h"

#include <pthread.h>
#include <string.h>
#include <vips/vips.h>

static pthread_once_t g_vipsOnce = PTHREAD_ONCE_INIT;
static int g_bVipsOk;

static void vips_start(void) {
  g_bVipsOk = vips_init("cosoc") == 0;
  if (!g_bVipsOk) return;
  /* One upload, one thread: the server's pool already uses the cores, and
  ** libvips' operation cache would only hold photos nobody asks for twice
  ** (each is made once and stored). */
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

/* Writes pImage with zSuffix into *pOut (arena copy); consumes no
** reference. 0 or -1. */
static int photo_write(Arena *pArena, VipsImage *pImage, const char *zSuffix,
                       const char *zMime, PhotoImage *pOut) {
  void *pBuf = NULL;
  size_t nBuf = 0;
  if (vips_image_write_to_buffer(pImage, zSuffix, &pBuf, &nBuf, NULL) != 0) {
    g_free(pBuf);
    return -1;
  }
  pOut->pData = arena_memdup(pArena, pBuf, nBuf);
  pOut->nData = nBuf;
  pOut->zMime = zMime;
  pOut->nWidth = vips_image_get_width(pImage);
  pOut->nHeight = vips_image_get_height(pImage);
  g_free(pBuf);
  return 0;
}

int photo_public_copy(Arena *pArena, const void *pData, size_t nData,
                      const char *zMime, PhotoImage *pOut) {
  const char *zSuffix = zMime ? save_suffix(zMime) : NULL;
  pthread_once(&g_vipsOnce, vips_start);
  if (!zSuffix || !g_bVipsOk) return -1;
  VipsImage *pIn = vips_image_new_from_buffer(pData, nData, "", NULL);
  if (!pIn) {
    vips_error_clear();
    return -1;
  }
  VipsImage *pUpright = NULL;
  int rc = vips_autorot(pIn, &pUpright, NULL);
  if (rc == 0) {
    rc = photo_write(pArena, pUpright, zSuffix,
                     strcmp(zMime, "image/jpeg") == 0  ? "image/jpeg"
                     : strcmp(zMime, "image/png") == 0 ? "image/png"
                                                       : "image/webp",
                     pOut);
  }
  if (pUpright) g_object_unref(pUpright);
  g_object_unref(pIn);
  if (rc != 0) vips_error_clear();
  return rc;
}

int photo_thumbnail(Arena *pArena, const void *pData, size_t nData,
                    PhotoImage *pOut) {
  pthread_once(&g_vipsOnce, vips_start);
  if (!g_bVipsOk) return -1;
  /* vips_thumbnail_buffer shrinks while decoding (JPEG, WebP) and turns the
  ** photo upright; it does not write to the buffer despite its type. */
  VipsImage *pThumb = NULL;
  if (vips_thumbnail_buffer((void *)pData, nData, &pThumb, PHOTO_THUMB_WIDTH,
                            "height", PHOTO_THUMB_HEIGHT_MAX, "size",
                            VIPS_SIZE_DOWN, NULL) != 0) {
    vips_error_clear();
    return -1;
  }
  VipsImage *pFlat = NULL;
  int rc = 0;
  if (vips_image_hasalpha(pThumb)) {
    /* JPEG has no transparency: a logo's see-through parts become white
    ** rather than the saver's black. */
    VipsArrayDouble *pWhite = vips_array_double_newv(1, 255.0);
    rc = vips_flatten(pThumb, &pFlat, "background", pWhite, NULL);
    vips_area_unref(VIPS_AREA(pWhite));
  }
  if (rc == 0) {
    rc = photo_write(pArena, pFlat ? pFlat : pThumb, ".jpg[strip,Q=80]",
                     PHOTO_THUMB_MIME, pOut);
  }
  if (pFlat) g_object_unref(pFlat);
  g_object_unref(pThumb);
  if (rc != 0) vips_error_clear();
  return rc;
}
