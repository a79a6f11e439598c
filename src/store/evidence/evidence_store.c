/*
** Evidence files and items in the database, the content check of an
** upload, and the compliance feeder (see evidence_store.h).
*/
#include <magic.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/plan_catalog.h"
#include "store/courses/courses.h"
#include "store/evidence/evidence_store.h"

/* The types accepted, as libmagic names them. */
static const char *const azAccepted[] = {"image/jpeg", "image/png",
                                         "image/webp", "application/pdf"};

static int exec_done(DbStmt *p) {
  int rc = db_step(p);
  db_done(p);
  return rc == DB_DONE ? DB_OK : rc;
}

/* ---- Settings ---- */

/* The positive integer setting zKey, or nDefault. */
static size_t setting_bytes(Db *pDb, const char *zKey, size_t nDefault) {
  DbStmt *p = db_prepare(pDb, "SELECT value FROM settings WHERE key = ?");
  size_t n = nDefault;
  if (!p) return n;
  db_bind_text(p, 1, zKey);
  if (db_step(p) == DB_ROW) {
    long long v = atoll(db_column_text(p, 0));
    if (v > 0) n = (size_t)v;
  }
  db_done(p);
  return n;
}

static int setting_bytes_set(Db *pDb, const char *zKey, size_t nValue) {
  char zValue[32];
  snprintf(zValue, sizeof(zValue), "%zu", nValue);
  DbStmt *p = db_prepare(pDb,
                         "INSERT INTO settings(key, value) VALUES (?, ?) ON "
                         "CONFLICT (key) DO UPDATE SET value = excluded.value");
  if (!p) return DB_ERROR;
  db_bind_text(p, 1, zKey);
  db_bind_text(p, 2, zValue);
  return exec_done(p);
}

size_t evidence_max_bytes(Db *pDb) {
  return setting_bytes(pDb, "evidence_max_bytes", EVIDENCE_MAX_BYTES_DEFAULT);
}

int evidence_max_bytes_set(Db *pDb, size_t nMax) {
  return setting_bytes_set(pDb, "evidence_max_bytes", nMax);
}

size_t evidence_request_max_bytes(Db *pDb) {
  return setting_bytes(pDb, "evidence_request_max_bytes",
                       EVIDENCE_REQUEST_MAX_BYTES_DEFAULT);
}

int evidence_request_max_bytes_set(Db *pDb, size_t nMax) {
  return setting_bytes_set(pDb, "evidence_request_max_bytes", nMax);
}

void evidence_photo_limits(Db *pDb, PhotoLimits *pLim) {
  pLim->nMaxPixels = (int64_t)setting_bytes(pDb, "evidence_max_pixels",
                                            EVIDENCE_MAX_PIXELS_DEFAULT);
  pLim->nMaxSide =
      (int)setting_bytes(pDb, "evidence_max_side", EVIDENCE_MAX_SIDE_DEFAULT);
}

int evidence_photo_limits_set(Db *pDb, const PhotoLimits *pLim) {
  int rc =
      setting_bytes_set(pDb, "evidence_max_pixels", (size_t)pLim->nMaxPixels);
  return rc == DB_OK ? setting_bytes_set(pDb, "evidence_max_side",
                                         (size_t)pLim->nMaxSide)
                     : rc;
}

void evidence_limits(Db *pDb, EvidenceLimits *pLim) {
  pLim->nMaxBytes = evidence_max_bytes(pDb);
  evidence_photo_limits(pDb, &pLim->photo);
}

int evidence_limits_save(Db *pDb, const EvidenceLimits *pLim,
                         size_t nRequestMax) {
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  int rc = evidence_max_bytes_set(pDb, pLim->nMaxBytes);
  if (rc == DB_OK) rc = evidence_request_max_bytes_set(pDb, nRequestMax);
  if (rc == DB_OK) rc = evidence_photo_limits_set(pDb, &pLim->photo);
  DbStmt *p = rc == DB_OK ? db_prepare(pDb,
                                       "INSERT INTO settings(key, value, "
                                       "updated_at) VALUES ('evidence_limits',"
                                       " '', ?) ON CONFLICT (key) DO UPDATE "
                                       "SET updated_at = excluded.updated_at, "
                                       "version = settings.version + 1")
                          : NULL;
  if (!p) rc = DB_ERROR;
  if (rc == DB_OK) {
    db_bind_int64(p, 1, db_now());
    rc = exec_done(p);
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    return rc;
  }
  return db_commit(pDb);
}

/* ---- Checks ---- */

const char *evidence_check(const void *pData, size_t nData, size_t nMax,
                           const char **pzErr) {
  if (nData == 0) {
    *pzErr = "El archivo está vacío: elija otro.";
    return NULL;
  }
  if (nData > nMax) {
    *pzErr =
        "El archivo es demasiado grande: reduzca su tamaño o súbalo "
        "en partes.";
    return NULL;
  }
  /* A magic handle is not thread-safe: one per call (the check is rare). */
  magic_t m = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS);
  const char *zFound = NULL;
  if (m && magic_load(m, NULL) == 0) {
    const char *z = magic_buffer(m, pData, nData);
    for (size_t i = 0; z && i < sizeof(azAccepted) / sizeof(azAccepted[0]);
         i++) {
      if (strcmp(z, azAccepted[i]) == 0) zFound = azAccepted[i];
    }
  }
  if (m) magic_close(m);
  if (!zFound) {
    *pzErr =
        "El contenido del archivo no es una foto (JPEG, PNG o WebP) "
        "ni un PDF: elija otro archivo.";
  }
  return zFound;
}

int evidence_kind_valid(const char *zSlug) {
  return evidence_kind_label(zSlug) != NULL;
}

const char *evidence_kind_label(const char *zSlug) {
  for (int i = 0; zSlug && i < plan_evidence_kinds_count; i++) {
    if (strcmp(plan_evidence_kinds[i].zSlug, zSlug) == 0) {
      return plan_evidence_kinds[i].zLabel;
    }
  }
  return NULL;
}

/* The Spanish reason a file of type zMime is not evidence of kind zKind,
** or NULL when it is (arena memory). */
static const char *kind_content_refusal(Arena *pArena, const char *zKind,
                                        const char *zMime) {
  unsigned mAccept = plan_evidence_kind_content(zKind);
  /* A council's own kind (issue 17: «Registro audiovisual», «Bitácora»):
  ** the caller checked it is the council's; its proof may be either. */
  if (zKind && !mAccept) mAccept = PLAN_CONTENT_PHOTO | PLAN_CONTENT_DOCUMENT;
  unsigned mIs =
      photo_public_needed(zMime) ? PLAN_CONTENT_PHOTO : PLAN_CONTENT_DOCUMENT;
  if (!zKind || (mAccept & mIs)) return NULL;
  const char *zLabel = evidence_kind_label(zKind);
  const char *zWant = mAccept == PLAN_CONTENT_PHOTO
                          ? "una foto (JPEG, PNG o WebP)"
                      : mAccept == PLAN_CONTENT_DOCUMENT
                          ? "un PDF (un documento en papel se escanea como "
                            "PDF con el teléfono)"
                          : "una foto o un PDF";
  return arena_printf(pArena,
                      "Un verificador de tipo «%s» debe ser %s, y este "
                      "archivo es %s. Elija otro archivo u otro tipo.",
                      zLabel ? zLabel : zKind, zWant,
                      mIs == PLAN_CONTENT_PHOTO ? "una foto" : "un PDF");
}

/* The Spanish reason for a photo libvips did not make (photo_public.h). */
static const char *photo_refusal(Arena *pArena, PhotoResult e,
                                 const void *pData, size_t nData,
                                 const PhotoLimits *pLim) {
  int w = 0, h = 0;
  switch (e) {
    case PHOTO_TOO_LARGE:
      photo_check(pData, nData, NULL, &w, &h);
      return arena_printf(
          pArena,
          "La foto mide %d × %d píxeles, más de lo que se acepta (%d "
          "píxeles por lado y %lld megapíxeles en total). Redúzcala o "
          "elija otra.",
          w, h, pLim->nMaxSide, (long long)(pLim->nMaxPixels / 1000000));
    case PHOTO_TOO_SLOW:
      return arena_printf(pArena,
                          "La foto tardó demasiado en procesarse (el máximo "
                          "es de %d s) y se descartó. Redúzcala o elija otra.",
                          (photo_time_limit() + 999) / 1000);
    case PHOTO_STOPPED:
      return "El servidor se está reiniciando y no terminó de procesar la "
             "foto. Vuelva a subirla en un momento.";
    default:
      return "La foto está dañada o incompleta: no se pudo abrir. Elija "
             "otro archivo.";
  }
}

/* Whether the file zSha256 is stored: 1, 0, or -1 on a failed query. */
static int file_stored(Db *pDb, const char *zSha256) {
  DbStmt *p =
      db_prepare(pDb, "SELECT count(*) FROM evidence_files WHERE sha256 = ?");
  if (!p) return -1;
  db_bind_text(p, 1, zSha256);
  int rc = db_step(p);
  int n = rc == DB_ROW ? (int)db_column_int64(p, 0) : -1;
  db_done(p);
  return n > 0 ? 1 : n;
}

EvidenceRefusal evidence_file_prepare(Db *pDb, Arena *pArena, const void *pData,
                                      size_t nData, const EvidenceLimits *pLim,
                                      const char *zKind, int bPublic,
                                      EvidenceFile *pFile, const char **pzErr) {
  memset(pFile, 0, sizeof(*pFile));
  pFile->zMime = evidence_check(pData, nData, pLim->nMaxBytes, pzErr);
  if (!pFile->zMime) return EVIDENCE_REFUSED;
  *pzErr = kind_content_refusal(pArena, zKind, pFile->zMime);
  if (*pzErr) return EVIDENCE_REFUSED;
  pFile->pData = pData;
  pFile->nData = nData;
  unsigned char aHash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(aHash, pData, nData);
  sodium_bin2hex(pFile->zSha256, sizeof(pFile->zSha256), aHash, sizeof(aHash));
  if (!photo_public_needed(pFile->zMime)) return EVIDENCE_READY;
  /* The same bytes stored before were checked then: only a derivative
  ** still missing (a private photo's public copy, say) is made now. */
  int bStored = file_stored(pDb, pFile->zSha256);
  if (bStored < 0) return EVIDENCE_FAILED;
  unsigned mStored =
      bStored ? evidence_derivatives_stored(pDb, pFile->zSha256) : 0;
  PhotoResult e = evidence_derivatives_make(pArena, pData, nData, pFile->zMime,
                                            &pLim->photo, bPublic, mStored,
                                            pFile->aDeriv, &pFile->nDeriv);
  if (e == PHOTO_OK) return EVIDENCE_READY;
  *pzErr = photo_refusal(pArena, e, pData, nData, &pLim->photo);
  return e == PHOTO_STOPPED ? EVIDENCE_RETRY : EVIDENCE_REFUSED;
}

int evidence_add(Db *pDb, int64_t iActivity, const char *zKind,
                 const EvidenceFile *pFile, const char *zFilename,
                 const char *zCaption, int bPublic, int64_t iUser,
                 int64_t *piId) {
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  int64_t tNow = db_now();
  /* Stored once however often uploaded: the same bytes are the same row. */
  DbStmt *p = db_prepare(pDb,
                         "INSERT INTO evidence_files(sha256, bytes, "
                         "size, mime_type, created_at) VALUES (?, ?, ?, "
                         "?, ?) ON CONFLICT (sha256) DO NOTHING");
  int rc = p ? DB_OK : DB_ERROR;
  if (p) {
    db_bind_text(p, 1, pFile->zSha256);
    db_bind_blob(p, 2, pFile->pData, pFile->nData);
    db_bind_int64(p, 3, (int64_t)pFile->nData);
    db_bind_text(p, 4, pFile->zMime);
    db_bind_int64(p, 5, tNow);
    rc = exec_done(p);
  }
  if (rc == DB_OK) {
    rc = evidence_derivatives_store(pDb, pFile->zSha256, pFile->aDeriv,
                                    pFile->nDeriv);
  }
  if (rc == DB_OK) {
    p = db_prepare(pDb,
                   "INSERT INTO evidence_items(activity_id, kind, "
                   "file_sha256, filename, caption, is_public, "
                   "uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, "
                   "?, ?) RETURNING id");
    rc = DB_ERROR;
    if (p) {
      db_bind_int64(p, 1, iActivity);
      db_bind_text(p, 2, zKind);
      db_bind_text(p, 3, pFile->zSha256);
      db_bind_text(p, 4, zFilename);
      db_bind_text(p, 5, zCaption ? zCaption : "");
      db_bind_int64(p, 6, bPublic ? 1 : 0);
      if (iUser > 0) {
        db_bind_int64(p, 7, iUser);
      } else {
        db_bind_null(p, 7);
      }
      db_bind_int64(p, 8, tNow);
      if (db_step(p) == DB_ROW) {
        *piId = db_column_int64(p, 0);
        rc = DB_OK;
      }
      db_done(p);
    }
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  return db_commit(pDb);
}

int evidence_delete(Db *pDb, int64_t iId, int64_t iUser) {
  DbStmt *p = db_prepare(pDb,
                         "UPDATE evidence_items SET deleted_at = ?, "
                         "deleted_by = ? WHERE id = ? AND deleted_at IS "
                         "NULL RETURNING id");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, db_now());
  if (iUser > 0) {
    db_bind_int64(p, 2, iUser);
  } else {
    db_bind_null(p, 2);
  }
  db_bind_int64(p, 3, iId);
  int rc = db_step(p);
  db_done(p);
  return rc == DB_ROW ? DB_OK : rc == DB_DONE ? DB_DONE : DB_ERROR;
}

/* ---- Reading ---- */

#define ITEM_COLUMNS                                                    \
  "SELECT i.id, i.activity_id, i.kind, i.file_sha256, i.filename, "     \
  "i.caption, f.mime_type, f.size, i.is_public, COALESCE(u.name, ''), " \
  "i.uploaded_at, COALESCE(d.width, 0), COALESCE(d.height, 0) FROM "    \
  "evidence_items i JOIN evidence_files f ON f.sha256 = i.file_sha256 " \
  "LEFT JOIN users u ON u.id = i.uploaded_by LEFT JOIN "                \
  "evidence_derivatives d ON d.sha256 = i.file_sha256 AND d.kind = "    \
  "'" EVIDENCE_DERIVATIVE_THUMB "' "

static void item_read(DbStmt *p, Arena *pArena, EvidenceItem *e) {
  e->id = db_column_int64(p, 0);
  e->iActivity = db_column_int64(p, 1);
  e->zKind = arena_strdup(pArena, db_column_text(p, 2));
  e->zSha256 = arena_strdup(pArena, db_column_text(p, 3));
  e->zFilename = arena_strdup(pArena, db_column_text(p, 4));
  e->zCaption = arena_strdup(pArena, db_column_text(p, 5));
  e->zMime = arena_strdup(pArena, db_column_text(p, 6));
  e->nSize = db_column_int64(p, 7);
  e->bPublic = db_column_int64(p, 8) == 1;
  e->zUploader = arena_strdup(pArena, db_column_text(p, 9));
  e->iUploaded = db_column_int64(p, 10);
  e->nThumbWidth = (int)db_column_int64(p, 11);
  e->nThumbHeight = (int)db_column_int64(p, 12);
}

int evidence_list(Db *pDb, Arena *pArena, int64_t iActivity, int bPublicOnly,
                  EvidenceItem **paItem, int *pnItem) {
  *paItem = NULL;
  *pnItem = 0;
  DbStmt *p = db_prepare(pDb, ITEM_COLUMNS
                         "WHERE i.activity_id = ? AND i.deleted_at IS NULL "
                         "AND (i.is_public = 1 OR ? = 0) ORDER BY i.id");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iActivity);
  db_bind_int64(p, 2, bPublicOnly ? 1 : 0);
  int nAlloc = 0, rc;
  EvidenceItem *a = NULL;
  while ((rc = db_step(p)) == DB_ROW) {
    a = arena_grow(pArena, a, *pnItem, &nAlloc, sizeof(EvidenceItem));
    item_read(p, pArena, &a[(*pnItem)++]);
  }
  db_done(p);
  *paItem = a;
  return rc == DB_DONE ? DB_OK : DB_ERROR;
}

int evidence_get(Db *pDb, Arena *pArena, int64_t iId, EvidenceItem *pItem) {
  DbStmt *p =
      db_prepare(pDb, ITEM_COLUMNS "WHERE i.id = ? AND i.deleted_at IS NULL");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iId);
  int rc = db_step(p);
  if (rc == DB_ROW) item_read(p, pArena, pItem);
  db_done(p);
  return rc == DB_ROW ? DB_OK : rc == DB_DONE ? DB_DONE : DB_ERROR;
}

int evidence_bytes(Db *pDb, Arena *pArena, const char *zSha256,
                   const void **ppData, size_t *pnData) {
  DbStmt *p =
      db_prepare(pDb, "SELECT bytes FROM evidence_files WHERE sha256 = ?");
  if (!p) return DB_ERROR;
  db_bind_text(p, 1, zSha256);
  int rc = db_step(p);
  if (rc == DB_ROW) {
    *pnData = db_column_bytes(p, 0);
    *ppData = arena_memdup(pArena, db_column_blob(p, 0), *pnData + 1);
  }
  db_done(p);
  return rc == DB_ROW ? DB_OK : rc == DB_DONE ? DB_DONE : DB_ERROR;
}

/* ---- The compliance feeder ---- */

/* Index of activity id in a (sorted by id), or -1. */
static int act_index(const ComplianceActivity *a, int n, int64_t id) {
  int lo = 0, hi = n - 1;
  while (lo <= hi) {
    int mid = (lo + hi) / 2;
    if (a[mid].iId == id) return mid;
    if (a[mid].iId < id) {
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return -1;
}

/* Activities of council ?1 with attendance recorded, and those whose acta
** is approved or published: evidence the system made itself. */
#define EVIDENCE_SQL_SYSTEM_ATTENDANCE                                    \
  "SELECT DISTINCT t.activity_id FROM attendance t JOIN activities a ON " \
  "a.id = t.activity_id WHERE a.council_id = ? ORDER BY t.activity_id"
#define EVIDENCE_SQL_SYSTEM_ACTA                                      \
  "SELECT x.activity_id FROM actas x JOIN activities a ON a.id = "    \
  "x.activity_id WHERE a.council_id = ? AND x.state IN ('aprobada', " \
  "'publicada') ORDER BY x.activity_id"

int evidence_system_kinds(Db *pDb, int64_t iActivity, int *pbAttendance,
                          int *pbActa) {
  *pbAttendance = 0;
  *pbActa = 0;
  DbStmt *p = db_prepare(pDb,
                         "SELECT count(*) FROM attendance WHERE "
                         "activity_id = ?");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iActivity);
  int rc = db_step(p);
  if (rc == DB_ROW) *pbAttendance = db_column_int64(p, 0) > 0;
  db_done(p);
  if (rc != DB_ROW) return DB_ERROR;
  p = db_prepare(pDb,
                 "SELECT count(*) FROM actas WHERE activity_id = ? AND "
                 "state IN ('aprobada', 'publicada')");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iActivity);
  rc = db_step(p);
  if (rc == DB_ROW) *pbActa = db_column_int64(p, 0) > 0;
  db_done(p);
  return rc == DB_ROW ? DB_OK : DB_ERROR;
}

/* Appends evidence kind zKind to activity c, growing its arena array
** (*pnAlloc slots) when full; a kind already there is not repeated. */
static void feed_add_kind(Arena *pArena, ComplianceActivity *c, int *pnAlloc,
                          const char *zKind) {
  for (int i = 0; i < c->nEvidence; i++) {
    if (strcmp(c->azEvidence[i], zKind) == 0) return;
  }
  if (c->nEvidence == *pnAlloc) {
    *pnAlloc = *pnAlloc ? *pnAlloc * 2 : 4;
    const char **aNew = arena_alloc(pArena, sizeof(char *) * (size_t)*pnAlloc);
    if (c->nEvidence) {
      memcpy(aNew, c->azEvidence, sizeof(char *) * (size_t)c->nEvidence);
    }
    c->azEvidence = aNew;
  }
  ((const char **)c->azEvidence)[c->nEvidence++] = arena_strdup(pArena, zKind);
}

int evidence_compliance_feed(Db *pDb, Arena *pArena, int64_t iCouncil,
                             ComplianceActivity **paAct, int *pnAct) {
  *paAct = NULL;
  *pnAct = 0;
  int n = (int)db_query_int64(pDb, "SELECT count(*) FROM activities", 0);
  ComplianceActivity *a =
      arena_alloc(pArena, sizeof(ComplianceActivity) * (size_t)(n + 1));
  int *anLineAlloc = arena_alloc(pArena, sizeof(int) * (size_t)(n + 1));
  int *anEvAlloc = arena_alloc(pArena, sizeof(int) * (size_t)(n + 1));
  DbStmt *p =
      db_prepare(pDb,
                 "SELECT a.id, a.kind, a.title, a.starts_at, "
                 "COALESCE(a.commune_code, ''), COALESCE(c.name, ''), a.status "
                 "FROM activities a LEFT JOIN territory_communes c ON c.code = "
                 "a.commune_code WHERE a.council_id = ? ORDER BY a.id");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iCouncil);
  int k = 0, rc;
  while ((rc = db_step(p)) == DB_ROW && k < n) {
    ComplianceActivity *c = &a[k++];
    c->iId = db_column_int64(p, 0);
    c->zKind = arena_strdup(pArena, db_column_text(p, 1));
    c->zTitle = arena_strdup(pArena, db_column_text(p, 2));
    char *zDate = arena_alloc(pArena, PLAN_DATE_SIZE);
    compliance_local_date(db_column_int64(p, 3), zDate);
    c->zDate = zDate;
    c->zCommune = arena_strdup(pArena, db_column_text(p, 4));
    c->zCommuneName = arena_strdup(pArena, db_column_text(p, 5));
    c->zStatus = arena_strdup(pArena, db_column_text(p, 6));
  }
  db_done(p);
  if (rc != DB_DONE && rc != DB_ROW) return DB_ERROR;

  p = db_prepare(pDb,
                 "SELECT l.activity_id, l.line_number FROM "
                 "activity_plan_lines l JOIN activities a ON a.id = "
                 "l.activity_id WHERE a.council_id = ? ORDER BY "
                 "l.activity_id, l.line_number");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iCouncil);
  while ((rc = db_step(p)) == DB_ROW) {
    int i = act_index(a, k, db_column_int64(p, 0));
    if (i < 0) continue;
    ComplianceActivity *c = &a[i];
    if (c->nLine == anLineAlloc[i]) {
      anLineAlloc[i] = anLineAlloc[i] ? anLineAlloc[i] * 2 : 4;
      int *aNew = arena_alloc(pArena, sizeof(int) * (size_t)anLineAlloc[i]);
      if (c->nLine) memcpy(aNew, c->aiLine, sizeof(int) * (size_t)c->nLine);
      c->aiLine = aNew;
    }
    ((int *)c->aiLine)[c->nLine++] = (int)db_column_int64(p, 1);
  }
  db_done(p);
  if (rc != DB_DONE) return DB_ERROR;

  p = db_prepare(pDb,
                 "SELECT e.activity_id, e.kind FROM evidence_items e "
                 "JOIN activities a ON a.id = e.activity_id WHERE "
                 "a.council_id = ? AND e.deleted_at IS NULL ORDER BY "
                 "e.activity_id, e.id");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iCouncil);
  while ((rc = db_step(p)) == DB_ROW) {
    int i = act_index(a, k, db_column_int64(p, 0));
    if (i < 0) continue;
    feed_add_kind(pArena, &a[i], &anEvAlloc[i], db_column_text(p, 1));
  }
  db_done(p);
  if (rc != DB_DONE) return DB_ERROR;

  /* What the system made itself counts too: recorded attendance is the
  ** attendance evidence, an approved or published acta is the acta. */
  for (int j = 0; j < 2; j++) {
    p = db_prepare(pDb, j == 0 ? EVIDENCE_SQL_SYSTEM_ATTENDANCE
                               : EVIDENCE_SQL_SYSTEM_ACTA);
    if (!p) return DB_ERROR;
    db_bind_int64(p, 1, iCouncil);
    while ((rc = db_step(p)) == DB_ROW) {
      int i = act_index(a, k, db_column_int64(p, 0));
      if (i < 0) continue;
      feed_add_kind(pArena, &a[i], &anEvAlloc[i],
                    j == 0 ? EVIDENCE_KIND_ATTENDANCE : EVIDENCE_KIND_ACTA);
    }
    db_done(p);
    if (rc != DB_DONE) return DB_ERROR;
  }
  /* Modules of a course: which course, and what the course proves. */
  if (course_compliance_feed(pDb, pArena, iCouncil, a, k) != DB_OK)
    return DB_ERROR;
  *paAct = a;
  *pnAct = k;
  return DB_OK;
}
