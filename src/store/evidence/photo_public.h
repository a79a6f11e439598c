/*
** What libvips makes from an evidence photo to show it: the public copy and
** the thumbnail. Both are stored once, at upload (evidence_derivatives.h),
** never made per request.
**
** Phones write where a photo was taken (EXIF GPS), the device, and often the
** owner's name into the file. A verificador marked public is shown to
** anyone, so what anonymous visitors get is re-encoded with all metadata
** removed (EXIF, XMP, IPTC, comments) and the EXIF orientation applied to
** the pixels first, so the photo still stands the right way up. The officer
** and councillors, signed in, get the original file: it is the evidence.
** The thumbnail is stripped the same way, whoever looks at it.
**
** An uploaded file is hostile until proven otherwise: a 69-byte PNG can
** claim a million pixels a side, and decoding it would keep a thread busy
** for hours. So every picture is opened by its header alone first (libvips
** reads pixels lazily), refused when its size passes the limits (a
** PhotoLimits, the officer's settings), decoded sequentially and failing
** on the first decoding error, and stopped when it takes longer than the
** time limit (photo_time_limit_set()) or the server is stopping
** (photo_stop_all()). libvips' warnings are rate-limited in the log.
** The time limit is checked between tiles, and a progressive JPEG decodes
** every scan before its first tile: 1.6 MB of repeated scans kept a thread
** busy for minutes. So a JPEG's scans are counted from its markers first
** and too many are refused (PHOTO_JPEG_SCANS_MAX).
**
** Knows nothing of HTTP or SQL; safe to call from any server thread.
*/
#ifndef COSOC_EVIDENCE_PHOTO_PUBLIC_H
#define COSOC_EVIDENCE_PHOTO_PUBLIC_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

#define PHOTO_THUMB_WIDTH 320         /* Pixels: a list column on a phone */
#define PHOTO_THUMB_HEIGHT_MAX 480    /* A tall photo is bounded by height */
#define PHOTO_THUMB_MIME "image/jpeg" /* Any browser, PDF and cairo take it */
#define PHOTO_SECONDS_DEFAULT 20      /* Time limit of one picture */
#define PHOTO_SECONDS_MAX 600
/* Scans of a JPEG decoded at most. A progressive JPEG is decoded scan by
** scan over the whole picture before its first row comes out, so work grows
** with scans x pixels whatever the file's size; cameras and editors write
** about ten. */
#define PHOTO_JPEG_SCANS_MAX 100

/* A picture libvips wrote, in the caller's arena. */
typedef struct PhotoImage {
  const void *pData;
  size_t nData;
  const char *zMime; /* Static string */
  int nWidth;        /* Pixels, upright */
  int nHeight;
} PhotoImage;

/* The largest photo that is decoded at all, as its header states it. */
typedef struct PhotoLimits {
  int64_t nMaxPixels; /* Width times height; 0: no limit */
  int nMaxSide;       /* Width or height, pixels; 0: no limit */
} PhotoLimits;

/* Why a picture was not made. PHOTO_OK is 0, so that `!= 0` is a failure. */
typedef enum PhotoResult {
  PHOTO_OK = 0,
  PHOTO_UNREADABLE = 1,    /* Not a photo libvips can decode: corrupt,
                           ** truncated, another type */
  PHOTO_TOO_LARGE = 2,     /* Its header claims more pixels than the limits */
  PHOTO_TOO_SLOW = 3,      /* Stopped at the time limit */
  PHOTO_STOPPED = 4,       /* Stopped because the server is stopping */
  PHOTO_TOO_MANY_SCANS = 5 /* A JPEG of more than PHOTO_JPEG_SCANS_MAX scans */
} PhotoResult;

/* 1 when zMime is a photo type (JPEG, PNG, WebP) that gets derivatives. */
int photo_public_needed(const char *zMime);

/* Reads the photo's header only (no pixel is decoded): its size in *pnW,
** *pnH (as stored, before any EXIF rotation), checked against pLim (NULL:
** no limits). PHOTO_OK, PHOTO_UNREADABLE, PHOTO_TOO_LARGE or
** PHOTO_TOO_MANY_SCANS. */
PhotoResult photo_check(const void *pData, size_t nData,
                        const PhotoLimits *pLim, int *pnW, int *pnH);

/* The number of scans of the JPEG in pData (0 when it is no JPEG), read
** from its markers alone: libjpeg would decode each scan to count it. */
int photo_jpeg_scans(const void *pData, size_t nData);

/* The stripped, upright copy of the photo (pData, nData of type zMime), in
** its own format. Anything but PHOTO_OK: the caller must then not show it
** publicly at all. pLim as photo_check(). */
PhotoResult photo_public_copy(Arena *pArena, const void *pData, size_t nData,
                              const char *zMime, const PhotoLimits *pLim,
                              PhotoImage *pOut);

/* The thumbnail: upright, PHOTO_THUMB_WIDTH wide at most (never enlarged),
** JPEG with no metadata, transparency flattened on white. A JPEG is shrunk
** while it is decoded. Results as above. */
PhotoResult photo_thumbnail(Arena *pArena, const void *pData, size_t nData,
                            const char *zMime, const PhotoLimits *pLim,
                            PhotoImage *pOut);

/* The time one picture may take, milliseconds (at least 1; the process's
** setting, `cosoc serve --image-seconds`). Past it, libvips is told to stop
** at its next tile and the picture is PHOTO_TOO_SLOW. */
void photo_time_limit_set(int nMillis);
int photo_time_limit(void);

/* The server is stopping: every picture being made stops at its next tile
** (PHOTO_STOPPED), and none is started, so that no thread keeps the
** process alive. Cannot be undone. */
void photo_stop_all(void);

#endif
