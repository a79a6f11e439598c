/*
** Public copies and thumbnails of photos with libvips (see photo_public.h).
*/
#include "store/evidence/photo_public.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <vips/vips.h>

/* libvips warnings logged per minute; the rest are counted and the count
** is logged once. A damaged image makes one warning per tile: tens of
** thousands of lines that would bury every other line of the log. */
#define PHOTO_WARNINGS_PER_MINUTE 20

static pthread_once_t g_vipsOnce = PTHREAD_ONCE_INIT;
static int g_bVipsOk;
static atomic_int g_nMillis = PHOTO_SECONDS_DEFAULT * 1000;
static atomic_int g_bStopping;

/* The warning rate limit's state, under g_warnMutex. */
static pthread_mutex_t g_warnMutex = PTHREAD_MUTEX_INITIALIZER;
static time_t g_tWarnWindow; /* Start of the current minute */
static int g_nWarnLogged;    /* Logged in it */
static long g_nWarnDropped;  /* Not logged in it */

static void on_vips_warning(const gchar *zDomain, GLogLevelFlags eLevel,
                            const gchar *zMessage, gpointer pArg) {
  (void)zDomain;
  (void)eLevel;
  (void)pArg;
  pthread_mutex_lock(&g_warnMutex);
  time_t t = time(NULL);
  if (t - g_tWarnWindow >= 60) {
    if (g_nWarnDropped > 0) {
      fprintf(stderr, "cosoc: libvips: %ld avisos más omitidos\n",
              g_nWarnDropped);
    }
    g_tWarnWindow = t;
    g_nWarnLogged = 0;
    g_nWarnDropped = 0;
  }
  if (g_nWarnLogged < PHOTO_WARNINGS_PER_MINUTE) {
    g_nWarnLogged++;
    fprintf(stderr, "cosoc: libvips: %s\n", zMessage ? zMessage : "");
  } else {
    g_nWarnDropped++;
  }
  pthread_mutex_unlock(&g_warnMutex);
}

static void vips_start(void) {
  g_bVipsOk = vips_init("cosoc") == 0;
  if (!g_bVipsOk) return;
  /* One upload, one thread: the server's pool already uses the cores, and
  ** libvips' operation cache would only hold photos nobody asks for twice
  ** (each is made once and stored). */
  vips_concurrency_set(1);
  vips_cache_set_max(0);
  g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE,
                    on_vips_warning, NULL);
}

void photo_time_limit_set(int nMillis) {
  if (nMillis < 1) nMillis = 1;
  if (nMillis > PHOTO_SECONDS_MAX * 1000) nMillis = PHOTO_SECONDS_MAX * 1000;
  atomic_store(&g_nMillis, nMillis);
}

int photo_time_limit(void) { return atomic_load(&g_nMillis); }

void photo_stop_all(void) { atomic_store(&g_bStopping, 1); }

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

/* ---- Opening: the header, and nothing more ---- */

/* Whether marker m stands alone (no length follows): RSTn, TEM, SOI. */
static int jpeg_marker_alone(unsigned m) {
  return (m >= 0xD0 && m <= 0xD8) || m == 0x01;
}

int photo_jpeg_scans(const void *pData, size_t nData) {
  const unsigned char *p = pData;
  if (nData < 4 || p[0] != 0xFF || p[1] != 0xD8) return 0;
  /* The marker segments of ITU T.81 B.1.1: 0xFF, the marker (after any
  ** fill 0xFF), and, unless it stands alone, a two-byte length that counts
  ** itself. A scan's entropy-coded data follows its SOS segment: there a
  ** 0xFF is always followed by 0x00 (a stuffed byte) or an RSTn, so the
  ** next other marker ends it. Stray bytes are skipped as libjpeg does. */
  int nScan = 0;
  size_t i = 2;
  while (i + 1 < nData) {
    if (p[i] != 0xFF) {
      i++;
      continue;
    }
    while (i + 1 < nData && p[i + 1] == 0xFF) i++;
    if (i + 1 >= nData) break;
    unsigned m = p[i + 1];
    if (m == 0xD9) break; /* EOI: what follows is not this picture */
    if (m == 0x00 || jpeg_marker_alone(m)) {
      i += 2;
      continue;
    }
    if (i + 3 >= nData) break;
    size_t nLen = (size_t)p[i + 2] << 8 | p[i + 3];
    if (nLen < 2) break;
    i += 2 + nLen;
    if (m != 0xDA) continue;
    nScan++;
    while (i + 1 < nData && !(p[i] == 0xFF && p[i + 1] != 0x00 &&
                              !(p[i + 1] >= 0xD0 && p[i + 1] <= 0xD7))) {
      i++;
    }
  }
  return nScan;
}

static PhotoResult limits_check(VipsImage *pIn, const PhotoLimits *pLim) {
  int64_t w = vips_image_get_width(pIn), h = vips_image_get_height(pIn);
  if (!pLim) return PHOTO_OK;
  if (pLim->nMaxSide > 0 && (w > pLim->nMaxSide || h > pLim->nMaxSide)) {
    return PHOTO_TOO_LARGE;
  }
  if (pLim->nMaxPixels > 0 && w * h > pLim->nMaxPixels) return PHOTO_TOO_LARGE;
  return PHOTO_OK;
}

/* Opens the photo by its header (libvips decodes pixels only when they are
** asked for) and checks its size: the image, or NULL with *pe. Decoding is
** sequential (top to bottom, once) unless bRandom, and fails on the first
** error instead of carrying on with warnings. nShrink > 1 (JPEG only):
** decoded at 1/nShrink, which costs a fraction of the full size. */
static VipsImage *photo_open(const void *pData, size_t nData,
                             const PhotoLimits *pLim, int bRandom, int nShrink,
                             PhotoResult *pe) {
  pthread_once(&g_vipsOnce, vips_start);
  *pe = PHOTO_UNREADABLE;
  if (!g_bVipsOk) return NULL;
  if (atomic_load(&g_bStopping)) {
    *pe = PHOTO_STOPPED;
    return NULL;
  }
  if (photo_jpeg_scans(pData, nData) > PHOTO_JPEG_SCANS_MAX) {
    *pe = PHOTO_TOO_MANY_SCANS;
    return NULL;
  }
  VipsAccess eAccess = bRandom ? VIPS_ACCESS_RANDOM : VIPS_ACCESS_SEQUENTIAL;
  VipsImage *pIn =
      nShrink > 1
          ? vips_image_new_from_buffer(pData, nData, "", "access", eAccess,
                                       "fail_on", VIPS_FAIL_ON_ERROR, "shrink",
                                       nShrink, NULL)
          : vips_image_new_from_buffer(pData, nData, "", "access", eAccess,
                                       "fail_on", VIPS_FAIL_ON_ERROR, NULL);
  if (!pIn) {
    vips_error_clear();
    return NULL;
  }
  /* A shrunk JPEG's header is already divided: the limits are checked on
  ** the first opening, at full size. */
  *pe = nShrink > 1 ? PHOTO_OK : limits_check(pIn, pLim);
  if (*pe != PHOTO_OK) {
    g_object_unref(pIn);
    return NULL;
  }
  return pIn;
}

PhotoResult photo_check(const void *pData, size_t nData,
                        const PhotoLimits *pLim, int *pnW, int *pnH) {
  PhotoResult e;
  *pnW = *pnH = 0;
  pthread_once(&g_vipsOnce, vips_start);
  if (!g_bVipsOk) return PHOTO_UNREADABLE;
  if (photo_jpeg_scans(pData, nData) > PHOTO_JPEG_SCANS_MAX) {
    return PHOTO_TOO_MANY_SCANS;
  }
  VipsImage *pIn = vips_image_new_from_buffer(pData, nData, "", "access",
                                              VIPS_ACCESS_SEQUENTIAL, NULL);
  if (!pIn) {
    vips_error_clear();
    return PHOTO_UNREADABLE;
  }
  *pnW = vips_image_get_width(pIn);
  *pnH = vips_image_get_height(pIn);
  e = limits_check(pIn, pLim);
  g_object_unref(pIn);
  return e;
}

/* ---- Making: with a deadline ---- */

/* One picture being made: its deadline and, once stopped, why. Written by
** the eval callback, which libvips may call from its worker thread. */
typedef struct PhotoRun {
  gint64 tDeadline; /* g_get_monotonic_time() microseconds */
  atomic_int eWhy;  /* PHOTO_OK, or PHOTO_TOO_SLOW / PHOTO_STOPPED */
} PhotoRun;

/* Called by libvips after every tile computed from the watched image:
** past the deadline, or when the server stops, tells it to stop. The kill
** flag is set on the image the signal names, the one the sinks check. */
static void on_eval(VipsImage *pImage, VipsProgress *pProgress, void *pArg) {
  (void)pProgress;
  PhotoRun *pRun = pArg;
  PhotoResult e = atomic_load(&g_bStopping)                  ? PHOTO_STOPPED
                  : g_get_monotonic_time() > pRun->tDeadline ? PHOTO_TOO_SLOW
                                                             : PHOTO_OK;
  if (e != PHOTO_OK) {
    atomic_store(&pRun->eWhy, (int)e);
    vips_image_set_kill(pImage, TRUE);
  }
}

/* Watches every computation made from pIn: progress is set before any
** operation uses it, so each image made from it signals here (libvips
** passes the progress signal downstream, and a loader's decoding to memory
** too). */
static void run_watch(PhotoRun *pRun, VipsImage *pIn) {
  pRun->tDeadline =
      g_get_monotonic_time() + (gint64)atomic_load(&g_nMillis) * 1000;
  atomic_init(&pRun->eWhy, PHOTO_OK);
  vips_image_set_progress(pIn, TRUE);
  g_signal_connect(pIn, "eval", G_CALLBACK(on_eval), pRun);
}

/* Stops watching pIn: nothing computed from it may call back into a
** PhotoRun that lives on a finished call's stack. */
static void run_unwatch(PhotoRun *pRun, VipsImage *pIn) {
  g_signal_handlers_disconnect_by_data(pIn, pRun);
}

/* Why a watched picture failed (after its libvips error is cleared). */
static PhotoResult run_failure(PhotoRun *pRun) {
  vips_error_clear();
  PhotoResult e = (PhotoResult)atomic_load(&pRun->eWhy);
  return e != PHOTO_OK ? e : PHOTO_UNREADABLE;
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

PhotoResult photo_public_copy(Arena *pArena, const void *pData, size_t nData,
                              const char *zMime, const PhotoLimits *pLim,
                              PhotoImage *pOut) {
  const char *zSuffix = zMime ? save_suffix(zMime) : NULL;
  if (!zSuffix) return PHOTO_UNREADABLE;
  PhotoResult e;
  VipsImage *pIn = photo_open(pData, nData, pLim, 0, 1, &e);
  if (!pIn) return e;
  /* Turning the pixels upright reads them out of order: a rotated photo is
  ** opened again for random access (decoded whole, within the limits). */
  if (vips_image_get_orientation(pIn) > 1) {
    g_object_unref(pIn);
    pIn = photo_open(pData, nData, pLim, 1, 1, &e);
    if (!pIn) return e;
  }
  PhotoRun run;
  run_watch(&run, pIn);
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
  run_unwatch(&run, pIn);
  g_object_unref(pIn);
  return rc == 0 ? PHOTO_OK : run_failure(&run);
}

/* The JPEG shrink-on-load factor for a w x h photo thumbnailed into the
** thumbnail box: a block shrink to a bit above the target, leaving at
** least a factor of two to vips_resize() for a smooth result (as
** vips_thumbnail() itself chooses it). */
static int jpeg_shrink(int w, int h) {
  double f = (double)w / PHOTO_THUMB_WIDTH;
  double fH = (double)h / PHOTO_THUMB_HEIGHT_MAX;
  if (fH > f) f = fH;
  /* The box is for the upright photo: a rotated one may be taller than
  ** wide once turned, so the smaller factor of both ways is safe. */
  double fSwap = (double)h / PHOTO_THUMB_WIDTH;
  double fSwapH = (double)w / PHOTO_THUMB_HEIGHT_MAX;
  if (fSwapH > fSwap) fSwap = fSwapH;
  if (fSwap < f) f = fSwap;
  return f >= 16 ? 8 : f >= 8 ? 4 : f >= 4 ? 2 : 1;
}

PhotoResult photo_thumbnail(Arena *pArena, const void *pData, size_t nData,
                            const char *zMime, const PhotoLimits *pLim,
                            PhotoImage *pOut) {
  PhotoResult e;
  VipsImage *pIn = photo_open(pData, nData, pLim, 0, 1, &e);
  if (!pIn) return e;
  int nShrink =
      zMime && strcmp(zMime, "image/jpeg") == 0
          ? jpeg_shrink(vips_image_get_width(pIn), vips_image_get_height(pIn))
          : 1;
  if (nShrink > 1) {
    g_object_unref(pIn);
    pIn = photo_open(pData, nData, pLim, 0, nShrink, &e);
    if (!pIn) return e;
  }
  PhotoRun run;
  run_watch(&run, pIn);
  VipsImage *pThumb = NULL, *pFlat = NULL;
  int rc = vips_thumbnail_image(pIn, &pThumb, PHOTO_THUMB_WIDTH, "height",
                                PHOTO_THUMB_HEIGHT_MAX, "size", VIPS_SIZE_DOWN,
                                NULL);
  if (rc == 0 && vips_image_hasalpha(pThumb)) {
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
  if (pThumb) g_object_unref(pThumb);
  run_unwatch(&run, pIn);
  g_object_unref(pIn);
  return rc == 0 ? PHOTO_OK : run_failure(&run);
}
