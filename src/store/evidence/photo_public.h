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
** Knows nothing of HTTP or SQL; safe to call from any server thread.
*/
#ifndef COSOC_EVIDENCE_PHOTO_PUBLIC_H
#define COSOC_EVIDENCE_PHOTO_PUBLIC_H

#include <stddef.h>

#include "util/arena.h"

#define PHOTO_THUMB_WIDTH 320         /* Pixels: a list column on a phone */
#define PHOTO_THUMB_HEIGHT_MAX 480    /* A tall photo is bounded by height */
#define PHOTO_THUMB_MIME "image/jpeg" /* Any browser, PDF and cairo take it */

/* A picture libvips wrote, in the caller's arena. */
typedef struct PhotoImage {
  const void *pData;
  size_t nData;
  const char *zMime; /* Static string */
  int nWidth;        /* Pixels, upright */
  int nHeight;
} PhotoImage;

/* 1 when zMime is a photo type (JPEG, PNG, WebP) that gets derivatives. */
int photo_public_needed(const char *zMime);

/* The stripped, upright copy of the photo (pData, nData of type zMime), in
** its own format. Returns 0, or -1 when the photo cannot be decoded: the
** caller must then not show it publicly at all. */
int photo_public_copy(Arena *pArena, const void *pData, size_t nData,
                      const char *zMime, PhotoImage *pOut);

/* The thumbnail: upright, PHOTO_THUMB_WIDTH wide at most (never enlarged),
** JPEG with no metadata, transparency flattened on white. 0 or -1 as
** above. */
int photo_thumbnail(Arena *pArena, const void *pData, size_t nData,
                    PhotoImage *pOut);

#endif
