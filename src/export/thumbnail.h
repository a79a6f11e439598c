/*
** A photo as a small PNG for a report (the Informe de cumplimiento draws
** the evidence photos of each line). Decodes the stored bytes with libvips
** today; once src/evidence keeps thumbnails of its own, this is the one
** place to switch to them. No SQL, no HTTP; the PNG lives in the arena.
*/
#ifndef COSOC_EXPORT_THUMBNAIL_H
#define COSOC_EXPORT_THUMBNAIL_H

#include <stddef.h>

#include "util/arena.h"

#define THUMBNAIL_MAX_PX 240 /* Longest side: 2x the 120 pt box in the PDF */

/* 1 when zMime is a photo a thumbnail can be made of (JPEG, PNG, WebP). */
int thumbnail_supported(const char *zMime);

/* A PNG of at most nMaxPx on its longest side, turned upright (EXIF
** orientation) and without metadata. EXPORT_OK, or EXPORT_ERROR when
** libvips cannot read the bytes. */
int thumbnail_png(Arena *pArena, const void *pData, size_t nData, int nMaxPx,
                  const void **ppPng, size_t *pnPng);

#endif
