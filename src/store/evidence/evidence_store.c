/*
** Evidence files and items in the database, the content check of an
** upload, and the compliance feeder (see evidence_store.h).
*/
#include <ctype.h>
#include <magic.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "domain/plan_catalog.h"
#include "store/courses/courses.h"
#include "store/evidence/evidence_store.h"

#include "store/council/council.h"

/* The types accepted, as libmagic names them. */
static const char *const azAccepted[] = {"image/jpeg", "image/png",
                                         "image/webp", "application/pdf"};

/* ---- Limits ---- */

void evidence_limits(Db *pDb, int64_t iCouncil, EvidenceLimits *pLim) {
  pLim->nMaxBytes = council_evidence_max_bytes(pDb, iCouncil);
  pLim->photo.nMaxPixels =
      council_setting(pDb, iCouncil, COUNCIL_EVIDENCE_MAX_PIXELS);
  pLim->photo.nMaxSide =
      (int)council_setting(pDb, iCouncil, COUNCIL_EVIDENCE_MAX_SIDE);
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

/* The extensions files of type zMime may carry, the first the one given;
** NULL for a type not accepted. */
static const char *const *mime_extensions(const char *zMime) {
  static const char *const azJpeg[] = {"jpg", "jpeg", NULL};
  static const char *const azPng[] = {"png", NULL};
  static const char *const azWebp[] = {"webp", NULL};
  static const char *const azPdf[] = {"pdf", NULL};
  if (!zMime) return NULL;
  if (strcmp(zMime, "image/jpeg") == 0) return azJpeg;
  if (strcmp(zMime, "image/png") == 0) return azPng;
  if (strcmp(zMime, "image/webp") == 0) return azWebp;
  if (strcmp(zMime, "application/pdf") == 0) return azPdf;
  return NULL;
}

/* The extension of zName (after its last dot) when it looks like one: one
** to five ASCII letters and digits, a letter among them, after a stem
** («informe.bat», not «.bashrc» nor «acta 2.5»); else NULL. */
static const char *name_extension(const char *zName) {
  const char *zDot = strrchr(zName, '.');
  if (!zDot || zDot == zName) return NULL;
  size_t n = strlen(zDot + 1);
  int bLetter = 0;
  for (const char *z = zDot + 1; *z; z++) {
    if (!isalnum((unsigned char)*z) || (unsigned char)*z >= 0x80) return NULL;
    bLetter |= isalpha((unsigned char)*z) != 0;
  }
  return n >= 1 && n <= 5 && bLetter ? zDot + 1 : NULL;
}

/* Whether zExt (NULL: none) is one of azExt, in any case. */
static int extension_is(const char *zExt, const char *const *azExt) {
  for (int i = 0; zExt && azExt[i]; i++) {
    if (strcasecmp(zExt, azExt[i]) == 0) return 1;
  }
  return 0;
}

const char *evidence_download_name(Arena *pArena, const char *zFilename,
                                   const char *zMime) {
  const char *const *azExt = mime_extensions(zMime);
  const char *zName = zFilename && *zFilename ? zFilename : "archivo";
  if (!azExt) return zName;
  const char *zExt = name_extension(zName);
  if (extension_is(zExt, azExt)) return zName;
  /* Another type's extension goes; the stem may carry the right one
  ** already («informe.pdf.bat» -> «informe.pdf»). */
  const char *zStem =
      zExt ? arena_strndup(pArena, zName, (size_t)(zExt - 1 - zName)) : zName;
  if (extension_is(name_extension(zStem), azExt)) return zStem;
  return arena_printf(pArena, "%s.%s", zStem, azExt[0]);
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
    case PHOTO_TOO_MANY_SCANS:
      return arena_printf(
          pArena,
          "La foto JPEG está guardada en %d pasadas (se aceptan hasta %d): "
          "abrirla tomaría demasiado. Guárdela de nuevo como JPEG desde el "
          "teléfono o el computador, o elija otra.",
          photo_jpeg_scans(pData, nData), PHOTO_JPEG_SCANS_MAX);
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
  int n = (int)db_int(pDb, -1,
                      "SELECT count(*) FROM evidence_files WHERE sha256 = ?",
                      DB_T(zSha256));
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
  int rc = db_exec(pDb,
                   "INSERT INTO evidence_files(sha256, bytes, size, "
                   "mime_type, created_at) VALUES (?, ?, ?, ?, ?) ON "
                   "CONFLICT (sha256) DO NOTHING",
                   DB_T(pFile->zSha256), DB_B(pFile->pData, pFile->nData),
                   DB_I(pFile->nData), DB_T(pFile->zMime), DB_I(tNow));
  if (rc == DB_OK) {
    rc = evidence_derivatives_store(pDb, pFile->zSha256, pFile->aDeriv,
                                    pFile->nDeriv);
  }
  if (rc == DB_OK) {
    rc = db_exec_id(pDb,
                    "INSERT INTO evidence_items(activity_id, kind, "
                    "file_sha256, filename, caption, is_public, uploaded_by, "
                    "uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING "
                    "id",
                    piId, DB_I(iActivity), DB_T(zKind), DB_T(pFile->zSha256),
                    DB_T(zFilename), DB_TE(zCaption), DB_I(bPublic ? 1 : 0),
                    DB_IN(iUser), DB_I(tNow));
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  return db_commit(pDb);
}

int evidence_delete(Db *pDb, int64_t iCouncil, int64_t iId, int64_t iUser) {
  int rc =
      db_exec_id(pDb,
                 "UPDATE evidence_items SET deleted_at = ?, deleted_by "
                 "= ? WHERE id = ? AND deleted_at IS NULL AND "
                 "activity_id IN (SELECT id FROM activities WHERE "
                 "council_id = ?) RETURNING id",
                 NULL, DB_I(db_now()), DB_IN(iUser), DB_I(iId), DB_I(iCouncil));
  return rc == DB_OK || rc == DB_DONE ? rc : DB_ERROR;
}

/* ---- Reading ---- */

/* Withheld from the public whatever its flag (issue 21): a photo showing
** a person whose latest consent to photographs was refused or withdrawn,
** or who objected to public pages (blocked) or was erased. */
#define ITEM_WITHHELD                                                      \
  "(EXISTS (SELECT 1 FROM evidence_people ep JOIN consents c ON "          \
  "c.person_kind = ep.person_kind AND c.person_id = ep.person_id WHERE "   \
  "ep.evidence_id = i.id AND c.purpose = 'fotografias' AND (c.given = 0 "  \
  "OR c.withdrawn_on IS NOT NULL) AND c.id = (SELECT max(c2.id) FROM "     \
  "consents c2 WHERE c2.person_kind = c.person_kind AND c2.person_id = "   \
  "c.person_id AND c2.purpose = 'fotografias')) OR EXISTS (SELECT 1 FROM " \
  "evidence_people ep JOIN members m ON ep.person_kind = 'member' AND "    \
  "m.id = ep.person_id WHERE ep.evidence_id = i.id AND m.blocked_at IS "   \
  "NOT NULL))"
#define ITEM_PUBLIC "(i.is_public = 1 AND NOT " ITEM_WITHHELD ")"

#define ITEM_COLUMNS                                                    \
  "SELECT i.id, i.activity_id, i.kind, i.file_sha256, i.filename, "     \
  "i.caption, f.mime_type, f.size, CASE WHEN " ITEM_PUBLIC              \
  " THEN 1 "                                                            \
  "ELSE 0 END, COALESCE(u.name, ''), "                                  \
  "i.uploaded_at, COALESCE(d.width, 0), COALESCE(d.height, 0) FROM "    \
  "evidence_items i JOIN evidence_files f ON f.sha256 = i.file_sha256 " \
  "LEFT JOIN users u ON u.id = i.uploaded_by LEFT JOIN "                \
  "evidence_derivatives d ON d.sha256 = i.file_sha256 AND d.kind = "    \
  "'" EVIDENCE_DERIVATIVE_THUMB "' "

static const DbMap item_read_map =
    DB_MAP(EvidenceItem, "iitttttibtinn", id, iActivity, zKind, zSha256,
           zFilename, zCaption, zMime, nSize, bPublic, zUploader, iUploaded,
           nThumbWidth, nThumbHeight);

int evidence_list(Db *pDb, Arena *pArena, int64_t iActivity, int bPublicOnly,
                  EvidenceItem **paItem, int *pnItem) {
  return db_list(pDb, pArena, &item_read_map, paItem, pnItem,
                 ITEM_COLUMNS
                 "WHERE i.activity_id = ? AND i.deleted_at IS NULL "
                 "AND (" ITEM_PUBLIC " OR ? = 0) ORDER BY i.id",
                 DB_I(iActivity), DB_I(bPublicOnly ? 1 : 0));
}

int evidence_list_range(Db *pDb, Arena *pArena, int64_t iCouncil,
                        int64_t iFirst, int64_t iLast, EvidenceItem **paItem,
                        int *pnItem) {
  return db_list(pDb, pArena, &item_read_map, paItem, pnItem,
                 ITEM_COLUMNS
                 "WHERE i.activity_id IN (SELECT id FROM activities WHERE "
                 "council_id = ? AND id BETWEEN ? AND ?) AND i.deleted_at IS "
                 "NULL ORDER BY i.activity_id, i.id",
                 DB_I(iCouncil), DB_I(iFirst), DB_I(iLast));
}

int evidence_get(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iId,
                 EvidenceItem *pItem) {
  return db_get(pDb, pArena, &item_read_map, pItem,
                ITEM_COLUMNS
                "WHERE i.id = ? AND i.deleted_at IS NULL AND "
                "i.activity_id IN (SELECT id FROM activities WHERE council_id "
                "= ?)",
                DB_I(iId), DB_I(iCouncil));
}

int evidence_bytes(Db *pDb, Arena *pArena, const char *zSha256,
                   const void **ppData, size_t *pnData) {
  DbStmt *p = db_query(pDb, "SELECT bytes FROM evidence_files WHERE sha256 = ?",
                       DB_T(zSha256));
  if (!p) return DB_ERROR;
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

/* Activities of council ?1 with evidence the system made by ?2: the
** attendance first recorded, the acta approved (or published), a notice
** sent to someone whose mail did not fail. */
#define EVIDENCE_SQL_SYSTEM_ATTENDANCE                                 \
  "SELECT a.id FROM activities a WHERE a.council_id = ? AND "          \
  "a.attendance_taken_at <= ? AND EXISTS (SELECT 1 FROM attendance t " \
  "WHERE t.activity_id = a.id) ORDER BY a.id"
#define EVIDENCE_SQL_SYSTEM_ACTA                                          \
  "SELECT x.activity_id FROM actas x JOIN activities a ON a.id = "        \
  "x.activity_id WHERE a.council_id = ? AND x.state IN ('aprobada', "     \
  "'publicada') AND COALESCE(x.approved_at, x.updated_at) <= ? ORDER BY " \
  "x.activity_id"
#define EVIDENCE_SQL_SYSTEM_NOTICE                                    \
  "SELECT DISTINCT n.activity_id FROM activity_notices n JOIN "       \
  "activities a ON a.id = n.activity_id LEFT JOIN mail_outbox o ON "  \
  "o.id = n.outbox_id WHERE a.council_id = ? AND n.sent_at <= ? AND " \
  "(o.id IS NULL OR o.state <> 'fallido') ORDER BY n.activity_id"

const char *const evidence_notice_kinds[] = {"citacion", "convocatoria",
                                             "invitacion", NULL};

/* The flags of what the times say (0: nothing by the cut). */
static void system_fix(DbStmt *p, Arena *pArena, void *pRow) {
  (void)p;
  (void)pArena;
  EvidenceSystem *pSys = pRow;
  pSys->bNotice = pSys->tNotice > 0;
  pSys->bAttendance = pSys->tAttendance > 0;
  pSys->bActa = pSys->tActa > 0;
}

static const DbMap system_map =
    DB_MAP_FIX(EvidenceSystem, system_fix, "inii", tNotice, nRecipients,
               tAttendance, tActa);

int evidence_system(Db *pDb, int64_t iActivity, int64_t tCut,
                    EvidenceSystem *pOut) {
  memset(pOut, 0, sizeof(*pOut));
  /* One statement for the four facts, each about activity k.id by the cut
  ** k.cut: one round trip. */
  int rc = db_get(
      pDb, NULL, &system_map, pOut,
      "WITH k(id, cut) AS (SELECT CAST(? AS BIGINT), CAST(? AS BIGINT)) "
      "SELECT (SELECT COALESCE(min(n.sent_at), 0) FROM activity_notices n "
      "LEFT JOIN mail_outbox o ON o.id = n.outbox_id WHERE n.activity_id = "
      "k.id AND n.sent_at <= k.cut AND (o.id IS NULL OR o.state <> "
      "'fallido')), "
      "(SELECT count(DISTINCT recipient) FROM activity_notices WHERE "
      "activity_id = k.id AND sent_at <= k.cut), "
      "(SELECT COALESCE(max(a.attendance_taken_at), 0) FROM activities a "
      "WHERE a.id = k.id AND a.attendance_taken_at <= k.cut AND EXISTS "
      "(SELECT 1 FROM attendance t WHERE t.activity_id = a.id)), "
      "(SELECT COALESCE(max(COALESCE(approved_at, updated_at)), 0) FROM "
      "actas WHERE activity_id = k.id AND state IN ('aprobada', "
      "'publicada') AND COALESCE(approved_at, updated_at) <= k.cut) FROM k",
      DB_I(iActivity), DB_I(tCut));
  return rc == DB_OK ? DB_OK : DB_ERROR;
}

/* Appends evidence kind zKind to activity c, growing its arena array
** (*pnAlloc slots) when full; a kind already there is not repeated. */
static void feed_add_kind(Arena *pArena, ComplianceActivity *c, int *pnAlloc,
                          const char *zKind) {
  for (int i = 0; i < c->nEvidence; i++) {
    if (strcmp(c->azEvidence[i], zKind) == 0) return;
  }
  c->azEvidence = arena_grow(pArena, (void *)c->azEvidence, c->nEvidence,
                             pnAlloc, sizeof(char *));
  ((const char **)c->azEvidence)[c->nEvidence++] = arena_strdup(pArena, zKind);
}

/* What the feeder fills, for the row functions below. */
typedef struct Feed {
  Arena *pArena;
  ComplianceActivity *a; /* The council's activities, by id */
  int n;
  int *anLineAlloc;           /* Slots of each one's aiLine */
  int *anEvAlloc;             /* Slots of each one's azEvidence */
  const char *zKind;          /* The evidence kind a system row stands for */
  const char *const *azKinds; /* Or the kinds (a notice stands for three) */
} Feed;

static void feed_activity(DbStmt *p, Arena *pArena, void *pRow) {
  ComplianceActivity *c = pRow;
  c->iId = db_column_int64(p, 0);
  c->zKind = db_column_dup(p, pArena, 1);
  c->zTitle = db_column_dup(p, pArena, 2);
  char *zDate = arena_alloc(pArena, PLAN_DATE_SIZE);
  compliance_local_date(db_column_int64(p, 3), zDate);
  c->zDate = zDate;
  c->zCommune = db_column_dup(p, pArena, 4);
  c->zCommuneName = db_column_dup(p, pArena, 5);
  c->zStatus = db_column_dup(p, pArena, 6);
}

static void feed_line(Feed *f, int i, DbStmt *p) {
  ComplianceActivity *c = &f->a[i];
  c->aiLine = arena_grow(f->pArena, (void *)c->aiLine, c->nLine,
                         &f->anLineAlloc[i], sizeof(int));
  ((int *)c->aiLine)[c->nLine++] = (int)db_column_int64(p, 1);
}

static void feed_kind(Feed *f, int i, DbStmt *p) {
  if (f->azKinds) {
    for (int k = 0; f->azKinds[k]; k++)
      feed_add_kind(f->pArena, &f->a[i], &f->anEvAlloc[i], f->azKinds[k]);
    return;
  }
  feed_add_kind(f->pArena, &f->a[i], &f->anEvAlloc[i],
                f->zKind ? f->zKind : db_column_text(p, 1));
}

/* A status as it stood at the cut: rows come newest first, so the last
** one an activity gets is the earliest change after the cut, whose old
** status is the one it had then. */
static void feed_status(Feed *f, int i, DbStmt *p) {
  f->a[i].zStatus = db_column_dup(p, f->pArena, 1);
}

#define FEED_PARAMS_MAX 4 /* The council, then the cut as often as used */

/* Runs zSql (the council as its first parameter, the cut as every other;
** each row an activity id, then a value) and hands each row of one of the
** council's activities to xRow. */
static int feed_rows(Db *pDb, Feed *f, const char *zSql, int64_t iCouncil,
                     int64_t tCut, void (*xRow)(Feed *, int, DbStmt *)) {
  DbArg aArg[FEED_PARAMS_MAX];
  int nArg = 0;
  for (const char *z = strchr(zSql, '?'); z && nArg < FEED_PARAMS_MAX;
       z = strchr(z + 1, '?')) {
    aArg[nArg] = nArg == 0 ? DB_I(iCouncil) : DB_I(tCut);
    nArg++;
  }
  DbStmt *p = db_query_args(pDb, zSql, aArg, nArg);
  int rc = p ? DB_DONE : DB_ERROR;
  while (p && (rc = db_step(p)) == DB_ROW) {
    int i = act_index(f->a, f->n, db_column_int64(p, 0));
    if (i >= 0) xRow(f, i, p);
  }
  return db_end(p, rc) == DB_OK ? DB_OK : DB_ERROR;
}

int evidence_compliance_feed(Db *pDb, Arena *pArena, int64_t iCouncil,
                             int64_t tCut, ComplianceActivity **paAct,
                             int *pnAct) {
  Feed f = {pArena, NULL, 0, NULL, NULL, NULL, NULL};
  *paAct = NULL;
  *pnAct = 0;
  if (db_rows(db_query(pDb,
                       "SELECT a.id, a.kind, a.title, a.starts_at, "
                       "COALESCE(a.commune_code, ''), COALESCE(c.name, ''), "
                       "a.status FROM activities a LEFT JOIN "
                       "territory_communes c ON c.code = a.commune_code WHERE "
                       "a.council_id = ? ORDER BY a.id",
                       DB_I(iCouncil)),
              pArena, feed_activity, sizeof(ComplianceActivity), &f.a,
              &f.n) != DB_OK) {
    return DB_ERROR;
  }
  f.anLineAlloc = arena_alloc(pArena, sizeof(int) * (size_t)(f.n + 1));
  f.anEvAlloc = arena_alloc(pArena, sizeof(int) * (size_t)(f.n + 1));
  int rc = feed_rows(pDb, &f,
                     "SELECT l.activity_id, l.line_number FROM "
                     "activity_plan_lines l JOIN activities a ON a.id = "
                     "l.activity_id WHERE a.council_id = ? ORDER BY "
                     "l.activity_id, l.line_number",
                     iCouncil, tCut, feed_line);
  if (rc == DB_OK && tCut != EVIDENCE_CUT_NONE) {
    rc = feed_rows(pDb, &f,
                   "SELECT h.activity_id, h.old_status FROM activity_history "
                   "h JOIN activities a ON a.id = h.activity_id WHERE "
                   "a.council_id = ? AND h.at > ? AND h.old_status <> "
                   "h.new_status ORDER BY h.activity_id, h.at DESC, h.id DESC",
                   iCouncil, tCut, feed_status);
  }
  if (rc == DB_OK) {
    rc = feed_rows(pDb, &f,
                   "SELECT e.activity_id, e.kind FROM evidence_items e JOIN "
                   "activities a ON a.id = e.activity_id WHERE a.council_id "
                   "= ? AND e.uploaded_at <= ? AND (e.deleted_at IS NULL OR "
                   "e.deleted_at > ?) ORDER BY e.activity_id, e.id",
                   iCouncil, tCut, feed_kind);
  }
  /* What the system made itself counts too: the notice it sent is the
  ** citación (or convocatoria, invitación), recorded attendance is the
  ** attendance evidence, an approved or published acta is the acta. */
  f.zKind = EVIDENCE_KIND_ATTENDANCE;
  if (rc == DB_OK) {
    rc = feed_rows(pDb, &f, EVIDENCE_SQL_SYSTEM_ATTENDANCE, iCouncil, tCut,
                   feed_kind);
  }
  f.zKind = EVIDENCE_KIND_ACTA;
  if (rc == DB_OK) {
    rc =
        feed_rows(pDb, &f, EVIDENCE_SQL_SYSTEM_ACTA, iCouncil, tCut, feed_kind);
  }
  f.azKinds = evidence_notice_kinds;
  if (rc == DB_OK) {
    rc = feed_rows(pDb, &f, EVIDENCE_SQL_SYSTEM_NOTICE, iCouncil, tCut,
                   feed_kind);
  }
  /* Modules of a course: which course, and what the course proves. */
  if (rc == DB_OK) rc = course_compliance_feed(pDb, pArena, iCouncil, f.a, f.n);
  if (rc != DB_OK) return DB_ERROR;
  *paAct = f.a ? f.a : arena_alloc(pArena, sizeof(ComplianceActivity));
  *pnAct = f.n;
  return DB_OK;
}

int evidence_backdate(Db *pDb, int64_t iActivity, int64_t t) {
  return db_exec(pDb,
                 "UPDATE evidence_items SET uploaded_at = ? WHERE "
                 "activity_id = ?",
                 DB_I(t), DB_I(iActivity));
}
