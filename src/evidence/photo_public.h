/*
** The copy of a photo that the public sees.
**
** Phones write where a photo was taken (EXIF GPS), the device, and often the
** owner's name into the file. A verificador marked public is shown to
** anyone, so what anonymous visitors get is re-encoded with libvips with all
** metadata removed (EXIF, XMP, IPTC, comments) and the EXIF orientation
** applied to the pixels first, so the photo still stands the right way up.
** The officer and councillors, signed in, get the original file: it is the
** evidence.
**
** Knows nothing of HTTP or SQL; safe to call from any server thread.
*/
#ifndef COSOC_EVIDENCE_PHOTO_PUBLIC_H
#define COSOC_EVIDENCE_PHOTO_PUBLIC_H

#include <stddef.h>

#include "util/arena.h"

/* 1 when zMime is a photo type whose public copy must be stripped. */
int photo_public_needed(const char *zMime);

/* Writes the stripped copy of the photo (pData, nData of type zMime) into
** arena memory. Returns 0, or -1 when the photo cannot be decoded: the
** caller must then not show it publicly at all. */
int photo_public_copy(Arena *pArena, const void *pData, size_t nData,
                      const char *zMime, const void **ppOut, size_t *pnOut);

#endif
