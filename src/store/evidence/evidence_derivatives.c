/*
** Evidence derivatives in the database (see evidence_derivatives.h).
*/
#include "store/evidence/evidence_derivatives.h"

#include "store/evidence/evidence_store.h"

#include <stdio.h>
#include <string.h>

/* The derivative kinds, in the bit order of evidence_derivatives_stored(). */
static const char *const azKind[EVIDENCE_DERIVATIVES_MAX] = {
    EVIDENCE_DERIVATIVE_THUMB, EVIDENCE_DERIVATIVE_PUBLIC};

/* The static MIME string equal to z, so that PhotoImage.zMime stays a
** static string as photo_public.h promises. */
static const char *mime_static(const char *z) {
  static const char *const azMime[] = {"image/jpeg", "image/png", "image/webp"};
  for (size_t i = 0; i < sizeof(azMime) / sizeof(azMime[0]); i++) {
    if (strcmp(z, azMime[i]) == 0) return azMime[i];
  }
  return "application/octet-stream";
}

/* Reads derivative zKind of zSha256: DB_OK, DB_DONE or DB_ERROR. */
static void image_from_row(DbStmt *p, Arena *pArena, void *pRow) {
  PhotoImage *pOut = pRow;
  pOut->nData = db_column_bytes(p, 0);
  pOut->pData = arena_memdup(pArena, db_column_blob(p, 0), pOut->nData);
  pOut->zMime = mime_static(db_column_text(p, 1));
  pOut->nWidth = (int)db_column_int64(p, 2);
  pOut->nHeight = (int)db_column_int64(p, 3);
}

static int derivative_read(Db *pDb, Arena *pArena, const char *zSha256,
                           const char *zKind, PhotoImage *pOut) {
  return db_row(db_query(pDb,
                         "SELECT bytes, mime_type, width, height FROM "
                         "evidence_derivatives WHERE sha256 = ? AND kind = ?",
                         DB_T(zSha256), DB_T(zKind)),
                pArena, image_from_row, pOut);
}

/* Makes derivative zKind from the original's bytes. */
static PhotoResult derivative_make(Arena *pArena, const char *zKind,
                                   const void *pData, size_t nData,
                                   const char *zMime, const PhotoLimits *pLim,
                                   PhotoImage *pOut) {
  if (strcmp(zKind, EVIDENCE_DERIVATIVE_THUMB) == 0) {
    return photo_thumbnail(pArena, pData, nData, zMime, pLim, pOut);
  }
  return photo_public_copy(pArena, pData, nData, zMime, pLim, pOut);
}

unsigned evidence_derivatives_stored(Db *pDb, const char *zSha256) {
  DbStmt *p = db_query(pDb,
                       "SELECT kind FROM evidence_derivatives WHERE sha256 = "
                       "? ORDER BY kind",
                       DB_T(zSha256));
  unsigned m = 0;
  while (p && db_step(p) == DB_ROW) {
    for (int i = 0; i < EVIDENCE_DERIVATIVES_MAX; i++) {
      if (strcmp(db_column_text(p, 0), azKind[i]) == 0) m |= 1u << i;
    }
  }
  db_done(p);
  return m;
}

PhotoResult evidence_derivatives_make(Arena *pArena, const void *pData,
                                      size_t nData, const char *zMime,
                                      const PhotoLimits *pLim, int bPublic,
                                      unsigned mStored,
                                      EvidenceDerivative *aOut, int *pn) {
  *pn = 0;
  if (!photo_public_needed(zMime)) return PHOTO_OK;
  for (int i = 0; i < (bPublic ? 2 : 1); i++) {
    if (mStored & (1u << i)) continue;
    EvidenceDerivative *d = &aOut[*pn];
    d->zKind = azKind[i];
    PhotoResult e = derivative_make(pArena, azKind[i], pData, nData, zMime,
                                    pLim, &d->image);
    if (e != PHOTO_OK) {
      *pn = 0;
      return e;
    }
    (*pn)++;
  }
  return PHOTO_OK;
}

int evidence_derivatives_store(Db *pDb, const char *zSha256,
                               const EvidenceDerivative *a, int n) {
  int64_t tNow = db_now();
  for (int i = 0; i < n; i++) {
    /* Another upload of the same bytes, or another server making the same
    ** missing derivative, may have stored it first: theirs is as good. */
    const PhotoImage *m = &a[i].image;
    if (db_exec(pDb,
                "INSERT INTO evidence_derivatives(sha256, kind, bytes, size, "
                "mime_type, width, height, created_at) VALUES (?, ?, ?, ?, ?, "
                "?, ?, ?) ON CONFLICT (sha256, kind) DO NOTHING",
                DB_T(zSha256), DB_T(a[i].zKind), DB_B(m->pData, m->nData),
                DB_I(m->nData), DB_T(m->zMime), DB_I(m->nWidth),
                DB_I(m->nHeight), DB_I(tNow)) != DB_OK) {
      return DB_ERROR;
    }
  }
  return DB_OK;
}

int evidence_derivative(Db *pDb, Arena *pArena, const char *zSha256,
                        const char *zKind, PhotoImage *pOut) {
  int rc = derivative_read(pDb, pArena, zSha256, zKind, pOut);
  if (rc != DB_DONE) return rc;
  /* Not there: a file stored before migration 0008, or a private photo's
  ** public copy. Make it from the original, store it, and answer with what
  ** is stored, so that every server serves the same bytes. */
  DbStmt *p = db_query(pDb,
                       "SELECT bytes, mime_type FROM evidence_files WHERE "
                       "sha256 = ?",
                       DB_T(zSha256));
  if (!p) return DB_ERROR;
  rc = db_step(p);
  EvidenceDerivative d;
  d.zKind = zKind;
  int bMade = 0;
  if (rc == DB_ROW && photo_public_needed(db_column_text(p, 1))) {
    /* Copied out first: reading the limits uses the connection. */
    size_t nData = db_column_bytes(p, 0);
    const void *pData = arena_memdup(pArena, db_column_blob(p, 0), nData);
    const char *zMime = arena_strdup(pArena, db_column_text(p, 1));
    db_done(p);
    /* The limits of the council whose activity holds the file. */
    EvidenceLimits lim;
    evidence_limits(pDb,
                    db_int(pDb, 0,
                           "SELECT min(a.council_id) FROM evidence_items i "
                           "JOIN activities a ON a.id = i.activity_id WHERE "
                           "i.file_sha256 = ?",
                           DB_T(zSha256)),
                    &lim);
    bMade = derivative_make(pArena, zKind, pData, nData, zMime, &lim.photo,
                            &d.image) == PHOTO_OK;
  } else {
    db_done(p);
  }
  if (rc != DB_ROW && rc != DB_DONE) return DB_ERROR;
  if (!bMade) return DB_DONE;
  if (evidence_derivatives_store(pDb, zSha256, &d, 1) != DB_OK) {
    /* Storing failed (a busy database, say): what was made is still right
    ** to show, and the next request tries to store it again. */
    fprintf(stderr, "cosoc: could not store the %s of %s: %s\n", zKind, zSha256,
            db_errmsg(pDb));
    *pOut = d.image;
    return DB_OK;
  }
  rc = derivative_read(pDb, pArena, zSha256, zKind, pOut);
  return rc;
}

int evidence_thumbnail(Db *pDb, Arena *pArena, const char *zSha256,
                       PhotoImage *pOut) {
  return evidence_derivative(pDb, pArena, zSha256, EVIDENCE_DERIVATIVE_THUMB,
                             pOut);
}
