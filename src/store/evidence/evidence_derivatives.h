/*
** Evidence derivatives: what is made from an evidence photo to show it —
** the thumbnail (EVIDENCE_DERIVATIVE_THUMB) and the public copy without
** metadata (EVIDENCE_DERIVATIVE_PUBLIC) — stored in the database once per
** original, keyed by the original's SHA-256 (table evidence_derivatives,
** migration 0008), so no request re-encodes a photo.
**
** For other code (the compliance report's photo thumbnails, say) the one
** call is evidence_thumbnail(): give it an evidence file's sha256 (the
** EvidenceItem's zSha256) and it gives the thumbnail's JPEG bytes and its
** size in pixels. It never refuses a photo for being old: a file stored
** before thumbnails existed gets its thumbnail made and stored then, within
** today's limits (evidence_photo_limits(), evidence_store.h).
**
** The pictures themselves are made by photo_public.h (libvips); this file
** holds their SQL. Memory returned lives in the caller's arena. Never knows
** HTTP.
*/
#ifndef COSOC_EVIDENCE_EVIDENCE_DERIVATIVES_H
#define COSOC_EVIDENCE_EVIDENCE_DERIVATIVES_H

#include "db/db.h"
#include "store/evidence/photo_public.h"
#include "util/arena.h"

#define EVIDENCE_DERIVATIVE_THUMB "miniatura"
#define EVIDENCE_DERIVATIVE_PUBLIC "publica"
#define EVIDENCE_DERIVATIVES_MAX 2 /* Kinds above */

/* One derivative, made or read back. */
typedef struct EvidenceDerivative {
  const char *zKind; /* EVIDENCE_DERIVATIVE_ */
  PhotoImage image;  /* Its bytes (arena), type and size in pixels */
} EvidenceDerivative;

/* The thumbnail of evidence file zSha256 into *pOut: DB_OK; DB_DONE when
** there is no such file or it is not a photo libvips can read (a PDF, or
** one past the limits); DB_ERROR. Made and stored first when missing; may
** take a moment then. */
int evidence_thumbnail(Db *pDb, Arena *pArena, const char *zSha256,
                       PhotoImage *pOut);

/* Derivative zKind of file zSha256, as evidence_thumbnail() does for the
** thumbnail. */
int evidence_derivative(Db *pDb, Arena *pArena, const char *zSha256,
                        const char *zKind, PhotoImage *pOut);

/* Which derivatives of zSha256 are stored: bit i for kind i of
** EVIDENCE_DERIVATIVE_THUMB, EVIDENCE_DERIVATIVE_PUBLIC (0: none, or on a
** failed query, which only means they are made again). */
unsigned evidence_derivatives_stored(Db *pDb, const char *zSha256);

/* Makes what a photo gets at upload: its thumbnail and, when bPublic, its
** public copy (a private photo's is made if it is ever asked for), except
** the kinds in mStored (evidence_derivatives_stored()). *pn gets how many
** were made (0 for a PDF). PHOTO_OK, or why not (photo_public.h): the
** photo's header is checked against pLim before any pixel is decoded.
** Slow and SQL-free: call it before the write transaction. */
PhotoResult evidence_derivatives_make(Arena *pArena, const void *pData,
                                      size_t nData, const char *zMime,
                                      const PhotoLimits *pLim, int bPublic,
                                      unsigned mStored,
                                      EvidenceDerivative *aOut, int *pn);

/* Stores a[0..n) for zSha256, nested in the caller's transaction; one
** already there is kept (ON CONFLICT DO NOTHING). */
int evidence_derivatives_store(Db *pDb, const char *zSha256,
                               const EvidenceDerivative *a, int n);

#endif
