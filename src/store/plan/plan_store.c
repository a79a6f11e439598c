/*
** Plan storage (see plan_store.h).
**
** "No change" is decided by a SHA-256 of the canonical text form of the
** content (plan_doc_canonical), stored with each version, so importing the
** same document twice — or saving a form without changing anything — never
** creates a version.
*/
#include "store/plan/plan_store.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "domain/plan_catalog.h"
#include "domain/plan_import.h"
#include "store/people/people.h"

static const char *content_hash(Arena *pArena, const PlanDoc *pDoc) {
  const char *z = plan_doc_canonical(pArena, pDoc);
  unsigned char aHash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(aHash, (const unsigned char *)z, strlen(z));
  char *zHex = arena_alloc(pArena, 2 * sizeof(aHash) + 1);
  sodium_bin2hex(zHex, 2 * sizeof(aHash) + 1, aHash, sizeof(aHash));
  return zHex;
}

int64_t plan_store_default_council(Db *pDb) {
  return db_query_int64(pDb, "SELECT min(id) FROM councils", 0);
}

int plan_store_council_exists(Db *pDb, int64_t iCouncil) {
  DbStmt *p = db_prepare(pDb, "SELECT 1 FROM councils WHERE id = ?");
  if (!p) return 0;
  db_bind_int64(p, 1, iCouncil);
  int bFound = db_step(p) == DB_ROW;
  db_done(p);
  return bFound;
}

int plan_store_context(Db *pDb, Arena *pArena, int64_t iCouncil,
                       PlanContext *pCtx) {
  memset(pCtx, 0, sizeof(*pCtx));
  TerritoryIndex idx;
  if (territory_index_load(pDb, pArena, &idx) != DB_OK) return DB_ERROR;
  PlanPlace *aPlace =
      arena_alloc(pArena, sizeof(PlanPlace) * (size_t)(idx.nCommune + 1));
  for (int i = 0; i < idx.nCommune; i++) {
    aPlace[i].zCode = idx.aCommune[i].zCode;
    aPlace[i].zName = idx.aCommune[i].zName;
    aPlace[i].zProvinceCode = idx.aCommune[i].zProvinceCode;
    aPlace[i].zProvinceName = idx.aCommune[i].zProvinceName;
  }
  pCtx->aPlace = aPlace;
  pCtx->nPlace = idx.nCommune;
  if (!iCouncil) return DB_OK;
  DbStmt *p = db_prepare(pDb,
                         "SELECT region_code, seat_commune_code FROM councils "
                         "WHERE id = ?");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iCouncil);
  if (db_step(p) == DB_ROW) {
    if (!db_column_is_null(p, 0) && *db_column_text(p, 0))
      pCtx->zRegionCode = arena_strdup(pArena, db_column_text(p, 0));
    if (!db_column_is_null(p, 1) && *db_column_text(p, 1))
      pCtx->zSeatCode = arena_strdup(pArena, db_column_text(p, 1));
  }
  db_done(p);
  if (!pCtx->zSeatCode)
    pCtx->zSeatCode = plan_region_capital(pCtx, pCtx->zRegionCode);
  PlanCouncilKind *aKind = NULL;
  int nKind = 0;
  if (plan_kinds_list(pDb, pArena, iCouncil, &aKind, &nKind) != DB_OK)
    return DB_ERROR;
  pCtx->aKind = aKind;
  pCtx->nKind = nKind;
  return DB_OK;
}

/* The council's plan id, 0 when it has none yet. */
static int64_t plan_id(Db *pDb, int64_t iCouncil) {
  DbStmt *p = db_prepare(pDb, "SELECT min(id) FROM plans WHERE council_id = ?");
  if (!p) return 0;
  db_bind_int64(p, 1, iCouncil);
  int64_t id = 0;
  if (db_step(p) == DB_ROW && !db_column_is_null(p, 0))
    id = db_column_int64(p, 0);
  db_done(p);
  return id;
}

/* Runs an INSERT … RETURNING id; 0 on failure. The statement is given
** back here. */
static int64_t insert_returning_id(DbStmt *p) {
  int64_t id = 0;
  if (db_step(p) == DB_ROW) id = db_column_int64(p, 0);
  db_done(p);
  return id;
}

static int save_objectives(Db *pDb, int64_t iVersion, const PlanDoc *pDoc) {
  for (int i = 0; i < pDoc->nObjective; i++) {
    DbStmt *p = db_prepare(pDb,
                           "INSERT INTO plan_objectives(version_id, "
                           "number, text) VALUES (?, ?, ?)");
    if (!p) return DB_ERROR;
    db_bind_int64(p, 1, iVersion);
    db_bind_int64(p, 2, pDoc->aObjective[i].iNumber);
    db_bind_text(p, 3, pDoc->aObjective[i].zText);
    int rc = db_step(p);
    db_done(p);
    if (rc != DB_DONE) return DB_ERROR;
  }
  return DB_OK;
}

static int save_line(Db *pDb, Arena *pArena, int64_t iVersion,
                     const PlanLine *pL) {
  DbStmt *p = db_prepare(
      pDb,
      "INSERT INTO plan_lines(version_id, number, objective, actions, "
      "responsible, window_phrase, window_start, window_end, "
      "window_flagged, window_as_needed, target_count, target_kinds, "
      "target_exclude, meta, notes, window_reason, target_flagged, "
      "target_reason, target_provinces, carried_over, target_modules) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?) RETURNING id");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iVersion);
  db_bind_int64(p, 2, pL->iNumber);
  db_bind_text(p, 3, pL->zObjective);
  db_bind_text(p, 4, pL->zActions);
  db_bind_text(p, 5, pL->zResponsible);
  db_bind_text(p, 6, pL->zWindowPhrase);
  db_bind_text(p, 7, pL->window.zStart);
  db_bind_text(p, 8, pL->window.zEnd);
  db_bind_int64(p, 9, pL->window.bFlagged);
  db_bind_int64(p, 10, pL->window.bAsNeeded);
  db_bind_int64(p, 11, pL->target.nCount);
  db_bind_text(p, 12, plan_target_kinds_text(pArena, &pL->target));
  db_bind_text(p, 13, plan_target_exclude_text(pArena, &pL->target));
  db_bind_text(p, 14, pL->zMeta ? pL->zMeta : "");
  db_bind_text(p, 15, pL->zNotes ? pL->zNotes : "");
  db_bind_text(p, 16, pL->window.bFlagged ? pL->window.zReason : "");
  db_bind_int64(p, 17, pL->target.bFlagged);
  db_bind_text(p, 18, pL->target.bFlagged ? pL->target.zReason : "");
  db_bind_text(p, 19, plan_target_provinces_text(pArena, &pL->target));
  db_bind_text(p, 20, pL->zCarried ? pL->zCarried : "");
  db_bind_int64(p, 21, pL->target.bModules ? 1 : 0);
  int64_t iLine = insert_returning_id(p);
  if (!iLine) return DB_ERROR;
  for (int k = 0; k < pL->nEvidence; k++) {
    DbStmt *pE = db_prepare(pDb,
                            "INSERT INTO plan_line_evidence(line_id, "
                            "sort_order, kind, label) VALUES (?, ?, ?, ?)");
    if (!pE) return DB_ERROR;
    db_bind_int64(pE, 1, iLine);
    db_bind_int64(pE, 2, k + 1);
    db_bind_text(pE, 3, pL->aEvidence[k].zKind);
    db_bind_text(pE, 4, pL->aEvidence[k].zLabel);
    int rc = db_step(pE);
    db_done(pE);
    if (rc != DB_DONE) return DB_ERROR;
  }
  return DB_OK;
}

/* The latest version's number and hash (0 and "" when none). */
static int latest_version(Db *pDb, Arena *pArena, int64_t iPlan,
                          const char **pzHash) {
  DbStmt *p = db_prepare(pDb,
                         "SELECT number, content_hash FROM plan_versions "
                         "WHERE plan_id = ? ORDER BY number DESC LIMIT 1");
  *pzHash = "";
  if (!p) return -1;
  db_bind_int64(p, 1, iPlan);
  int iNumber = 0;
  if (db_step(p) == DB_ROW) {
    iNumber = (int)db_column_int64(p, 0);
    *pzHash = arena_strdup(pArena, db_column_text(p, 1));
  }
  db_done(p);
  return iNumber;
}

/* Evidence kinds of pDoc that are neither standard nor in the council's
** catalogue join it, unreviewed, with the first wording that used them;
** evidence_kinds gets the slug too (the lines refer to it). */
static int save_new_kinds(Db *pDb, int64_t iCouncil, const PlanDoc *pDoc) {
  for (int i = 0; i < pDoc->nLine; i++) {
    const PlanLine *pL = &pDoc->aLine[i];
    for (int k = 0; k < pL->nEvidence; k++) {
      const PlanEvidence *e = &pL->aEvidence[k];
      if (plan_evidence_is_standard(e->zKind)) continue;
      DbStmt *p = db_prepare(pDb,
                             "INSERT INTO evidence_kinds(slug, label, "
                             "sort_order) VALUES (?, ?, 100) "
                             "ON CONFLICT (slug) DO NOTHING");
      if (!p) return DB_ERROR;
      db_bind_text(p, 1, e->zKind);
      db_bind_text(p, 2, e->zLabel);
      int rc = db_step(p);
      db_done(p);
      if (rc != DB_DONE) return DB_ERROR;
      p = db_prepare(pDb,
                     "INSERT INTO council_evidence_kinds(council_id, slug, "
                     "label, reviewed, created_at, updated_at) VALUES "
                     "(?, ?, ?, 0, ?, ?) ON CONFLICT (council_id, slug) DO "
                     "NOTHING");
      if (!p) return DB_ERROR;
      db_bind_int64(p, 1, iCouncil);
      db_bind_text(p, 2, e->zKind);
      db_bind_text(p, 3, e->zLabel);
      db_bind_int64(p, 4, db_now());
      db_bind_int64(p, 5, db_now());
      rc = db_step(p);
      db_done(p);
      if (rc != DB_DONE) return DB_ERROR;
    }
  }
  return DB_OK;
}

/* The body of plan_store_save, inside its transaction. */
static int save_in_transaction(Db *pDb, Arena *pArena, int64_t iCouncil,
                               const PlanDoc *pDoc, const char *zSource,
                               const char *zReason, int64_t iAuthorId,
                               const char *zAuthorName, int *piNumber,
                               int *pnChanges) {
  int64_t iPlan = plan_id(pDb, iCouncil);
  if (!iPlan) {
    DbStmt *p = db_prepare(pDb,
                           "INSERT INTO plans(council_id, created_at) "
                           "VALUES (?, ?) RETURNING id");
    if (!p) return DB_ERROR;
    db_bind_int64(p, 1, iCouncil);
    db_bind_int64(p, 2, db_now());
    if (!(iPlan = insert_returning_id(p))) return DB_ERROR;
  }
  if (save_new_kinds(pDb, iCouncil, pDoc) != DB_OK) return DB_ERROR;
  const char *zHash = content_hash(pArena, pDoc);
  const char *zLatestHash = NULL;
  int iLatest = latest_version(pDb, pArena, iPlan, &zLatestHash);
  if (iLatest < 0) return DB_ERROR;
  if (iLatest > 0 && strcmp(zHash, zLatestHash) == 0) {
    *piNumber = iLatest;
    return PLAN_UNCHANGED;
  }
  if (pnChanges) {
    *pnChanges = 0;
    PlanDoc prev;
    if (iLatest > 0 && plan_store_load(pDb, pArena, iCouncil, iLatest, 0, &prev,
                                       NULL) == DB_OK) {
      PlanChange *aChange;
      *pnChanges = plan_diff(pArena, &prev, pDoc, &aChange);
    }
  }
  DbStmt *p =
      db_prepare(pDb,
                 "INSERT INTO plan_versions(plan_id, number, title, intro, "
                 "period_start, period_end, content_hash, source, reason, "
                 "author_id, author_name, created_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iPlan);
  db_bind_int64(p, 2, iLatest + 1);
  db_bind_text(p, 3, pDoc->zTitle);
  db_bind_text(p, 4, pDoc->zIntro ? pDoc->zIntro : "");
  db_bind_text(p, 5, pDoc->zPeriodStart);
  db_bind_text(p, 6, pDoc->zPeriodEnd);
  db_bind_text(p, 7, zHash);
  db_bind_text(p, 8, zSource);
  db_bind_text(p, 9, zReason);
  if (iAuthorId)
    db_bind_int64(p, 10, iAuthorId);
  else
    db_bind_null(p, 10);
  db_bind_text(p, 11, zAuthorName);
  db_bind_int64(p, 12, db_now());
  int64_t iVersion = insert_returning_id(p);
  if (!iVersion) return DB_ERROR;
  if (save_objectives(pDb, iVersion, pDoc) != DB_OK) return DB_ERROR;
  for (int i = 0; i < pDoc->nLine; i++) {
    if (save_line(pDb, pArena, iVersion, &pDoc->aLine[i]) != DB_OK)
      return DB_ERROR;
  }
  *piNumber = iLatest + 1;
  return PLAN_SAVED;
}

int plan_store_save(Db *pDb, Arena *pArena, int64_t iCouncil,
                    const PlanDoc *pDoc, const char *zSource,
                    const char *zReason, int64_t iAuthorId,
                    const char *zAuthorName, int *piNumber, int *pnChanges) {
  if (pnChanges) *pnChanges = 0;
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  int rc = save_in_transaction(pDb, pArena, iCouncil, pDoc, zSource, zReason,
                               iAuthorId, zAuthorName, piNumber, pnChanges);
  if (rc == DB_ERROR) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  if (db_commit(pDb) != DB_OK) return DB_ERROR;
  return rc;
}

const char *plan_store_doc_region(Db *pDb, Arena *pArena, const PlanDoc *pDoc) {
  DbStmt *p =
      db_prepare(pDb, "SELECT code, name FROM territory_regions ORDER BY code");
  if (!p) return NULL;
  const char **azCode = NULL, **azName = NULL;
  int n = 0, nAlloc = 0, nAlloc2 = 0;
  while (db_step(p) == DB_ROW) {
    azCode = arena_grow(pArena, azCode, n, &nAlloc, sizeof(char *));
    azName = arena_grow(pArena, azName, n, &nAlloc2, sizeof(char *));
    azCode[n] = arena_strdup(pArena, db_column_text(p, 0));
    azName[n++] = arena_strdup(pArena, db_column_text(p, 1));
  }
  db_done(p);
  int i = plan_region_in_text(arena_printf(pArena, "%s\n%s", pDoc->zTitle,
                                           pDoc->zIntro ? pDoc->zIntro : ""),
                              azName, n);
  return i >= 0 ? azCode[i] : NULL;
}

int plan_store_import_council(Db *pDb, Arena *pArena, int64_t iCouncil,
                              int64_t *piCouncil, const char **pzErr) {
  *pzErr = NULL;
  *piCouncil = 0;
  int64_t nCouncil = db_query_int64(pDb, "SELECT count(*) FROM councils", 0);
  if (iCouncil) {
    if (!plan_store_council_exists(pDb, iCouncil)) {
      *pzErr = arena_printf(pArena, "no existe el consejo %lld",
                            (long long)iCouncil);
      return DB_ERROR;
    }
    *piCouncil = iCouncil;
  } else if (nCouncil == 1) {
    *piCouncil = plan_store_default_council(pDb);
  } else if (nCouncil > 1) {
    *pzErr = arena_printf(pArena,
                          "hay %lld consejos: indique a cuál "
                          "importar el plan con --council ID",
                          (long long)nCouncil);
    return DB_ERROR;
  }
  return DB_OK;
}

int plan_store_import(Db *pDb, Arena *pArena, int64_t iCouncil,
                      const PlanDoc *pDoc, const char *zReason,
                      int64_t iAuthorId, const char *zAuthorName,
                      int64_t *piCouncil, int *piNumber, int *pnChanges,
                      const char **pzErr) {
  *pzErr = NULL;
  if (db_begin(pDb) != DB_OK) {
    *pzErr = "la base de datos está ocupada; intente de nuevo";
    return DB_ERROR;
  }
  int64_t iUsed = 0;
  if (plan_store_import_council(pDb, pArena, iCouncil, &iUsed, pzErr) ==
          DB_OK &&
      !iUsed) {
    /* No council yet: one named after the document. */
    /* Its region when the document names it: the places of the plan
    ** («en cada provincia», «la capital regional») are that region's. */
    const char *zRegion = plan_store_doc_region(pDb, pArena, pDoc);
    DbStmt *p = db_prepare(pDb,
                           "INSERT INTO councils(name, short_name, "
                           "institution, region_code, created_at) VALUES "
                           "(?, ?, '', ?, ?) RETURNING id");
    if (p) {
      db_bind_text(p, 1, pDoc->zTitle);
      db_bind_text(p, 2, pDoc->zTitle);
      if (zRegion)
        db_bind_text(p, 3, zRegion);
      else
        db_bind_null(p, 3);
      db_bind_int64(p, 4, db_now());
      iUsed = insert_returning_id(p);
    }
    if (!iUsed) *pzErr = "no se pudo crear el consejo";
  }
  int rc = DB_ERROR;
  if (!*pzErr) {
    rc = plan_store_save(pDb, pArena, iUsed, pDoc, "importacion", zReason,
                         iAuthorId, zAuthorName, piNumber, pnChanges);
    if (rc == DB_ERROR)
      *pzErr = "no se pudo guardar el plan en la base de datos";
  }
  if (rc == DB_ERROR) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  if (db_commit(pDb) != DB_OK) {
    *pzErr = "no se pudo guardar el plan en la base de datos";
    return DB_ERROR;
  }
  if (piCouncil) *piCouncil = iUsed;
  return rc;
}

/* ---- Loading ---- */

static void read_info(DbStmt *p, Arena *pArena, int64_t iCouncil,
                      PlanVersionInfo *pInfo) {
  /* Columns: id, number, source, reason, author_name, created_at, approved,
  ** approved_at, approver name. */
  memset(pInfo, 0, sizeof(*pInfo));
  pInfo->id = db_column_int64(p, 0);
  pInfo->iCouncil = iCouncil;
  pInfo->iNumber = (int)db_column_int64(p, 1);
  pInfo->zSource = arena_strdup(pArena, db_column_text(p, 2));
  pInfo->zReason = arena_strdup(pArena, db_column_text(p, 3));
  pInfo->zAuthor = arena_strdup(pArena, db_column_text(p, 4));
  pInfo->tCreated = db_column_int64(p, 5);
  pInfo->bApproved = (int)db_column_int64(p, 6);
  pInfo->tApproved = db_column_int64(p, 7);
  pInfo->zApprovedBy = arena_strdup(pArena, db_column_text(p, 8));
}

#define VERSION_COLUMNS                                                     \
  "v.id, v.number, v.source, v.reason, v.author_name, v.created_at, "       \
  "v.approved, coalesce(v.approved_at, 0), coalesce(u.name, ''), v.title, " \
  "v.intro, v.period_start, v.period_end "                                  \
  "FROM plan_versions v JOIN plans p ON p.id = v.plan_id "                  \
  "LEFT JOIN users u ON u.id = v.approved_by "

static int load_lines(Db *pDb, Arena *pArena, int64_t iVersion, PlanDoc *pDoc) {
  int nLine = 0;
  DbStmt *pCount =
      db_prepare(pDb, "SELECT count(*) FROM plan_lines WHERE version_id = ?");
  if (!pCount) return DB_ERROR;
  db_bind_int64(pCount, 1, iVersion);
  if (db_step(pCount) == DB_ROW) nLine = (int)db_column_int64(pCount, 0);
  db_done(pCount);
  pDoc->aLine = arena_alloc(pArena, sizeof(PlanLine) * (size_t)(nLine + 1));
  DbStmt *p = db_prepare(
      pDb,
      "SELECT number, objective, actions, responsible, window_phrase, "
      "window_start, window_end, window_flagged, window_as_needed, "
      "target_count, target_kinds, target_exclude, id, meta, notes, "
      "window_reason, target_flagged, target_reason, target_provinces, "
      "carried_over, target_modules FROM plan_lines WHERE version_id = ? "
      "ORDER BY number");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iVersion);
  int64_t *aId = arena_alloc(pArena, sizeof(int64_t) * (size_t)(nLine + 1));
  while (pDoc->nLine < nLine && db_step(p) == DB_ROW) {
    PlanLine *pL = &pDoc->aLine[pDoc->nLine];
    pL->iNumber = (int)db_column_int64(p, 0);
    pL->zObjective = arena_strdup(pArena, db_column_text(p, 1));
    pL->zActions = arena_strdup(pArena, db_column_text(p, 2));
    pL->zResponsible = arena_strdup(pArena, db_column_text(p, 3));
    pL->zWindowPhrase = arena_strdup(pArena, db_column_text(p, 4));
    snprintf(pL->window.zStart, PLAN_DATE_SIZE, "%s", db_column_text(p, 5));
    snprintf(pL->window.zEnd, PLAN_DATE_SIZE, "%s", db_column_text(p, 6));
    pL->window.bFlagged = (int)db_column_int64(p, 7);
    pL->window.bAsNeeded = (int)db_column_int64(p, 8);
    pL->target.nCount = (int)db_column_int64(p, 9);
    plan_target_kinds_from_text(pArena, &pL->target, db_column_text(p, 10));
    plan_target_exclude_from_text(pArena, &pL->target, db_column_text(p, 11));
    aId[pDoc->nLine] = db_column_int64(p, 12);
    pL->zMeta = arena_strdup(pArena, db_column_text(p, 13));
    pL->zNotes = arena_strdup(pArena, db_column_text(p, 14));
    snprintf(pL->window.zReason, PLAN_REASON_SIZE, "%s", db_column_text(p, 15));
    pL->target.bFlagged = (int)db_column_int64(p, 16);
    snprintf(pL->target.zReason, PLAN_REASON_SIZE, "%s", db_column_text(p, 17));
    plan_target_provinces_from_text(pArena, &pL->target, db_column_text(p, 18));
    pL->zCarried = arena_strdup(pArena, db_column_text(p, 19));
    pL->target.bModules = (int)db_column_int64(p, 20);
    pL->aEvidence =
        arena_alloc(pArena, sizeof(PlanEvidence) * PLAN_EVIDENCE_MAX);
    pDoc->nLine++;
  }
  db_done(p);
  DbStmt *pE = db_prepare(pDb,
                          "SELECT e.line_id, e.kind, e.label FROM "
                          "plan_line_evidence e JOIN plan_lines l ON "
                          "l.id = e.line_id WHERE l.version_id = ? "
                          "ORDER BY e.line_id, e.sort_order");
  if (!pE) return DB_ERROR;
  db_bind_int64(pE, 1, iVersion);
  while (db_step(pE) == DB_ROW) {
    int64_t iLine = db_column_int64(pE, 0);
    for (int i = 0; i < pDoc->nLine; i++) {
      PlanLine *pL = &pDoc->aLine[i];
      if (aId[i] != iLine || pL->nEvidence >= PLAN_EVIDENCE_MAX) continue;
      pL->aEvidence[pL->nEvidence].zKind =
          arena_strdup(pArena, db_column_text(pE, 1));
      pL->aEvidence[pL->nEvidence].zLabel =
          arena_strdup(pArena, db_column_text(pE, 2));
      pL->nEvidence++;
    }
  }
  db_done(pE);
  return DB_OK;
}

static int load_objectives(Db *pDb, Arena *pArena, int64_t iVersion,
                           PlanDoc *pDoc) {
  int n = 0;
  DbStmt *pCount = db_prepare(
      pDb, "SELECT count(*) FROM plan_objectives WHERE version_id = ?");
  if (!pCount) return DB_ERROR;
  db_bind_int64(pCount, 1, iVersion);
  if (db_step(pCount) == DB_ROW) n = (int)db_column_int64(pCount, 0);
  db_done(pCount);
  pDoc->aObjective =
      arena_alloc(pArena, sizeof(PlanObjective) * (size_t)(n + 1));
  DbStmt *p = db_prepare(pDb,
                         "SELECT number, text FROM plan_objectives "
                         "WHERE version_id = ? ORDER BY number");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iVersion);
  while (pDoc->nObjective < n && db_step(p) == DB_ROW) {
    pDoc->aObjective[pDoc->nObjective].iNumber = (int)db_column_int64(p, 0);
    pDoc->aObjective[pDoc->nObjective].zText =
        arena_strdup(pArena, db_column_text(p, 1));
    pDoc->nObjective++;
  }
  db_done(p);
  return DB_OK;
}

int plan_store_load(Db *pDb, Arena *pArena, int64_t iCouncil, int iNumber,
                    int bApprovedOnly, PlanDoc *pDoc, PlanVersionInfo *pInfo) {
  memset(pDoc, 0, sizeof(*pDoc));
  DbStmt *p =
      db_prepare(pDb, "SELECT " VERSION_COLUMNS
                      "WHERE p.council_id = ? AND (? = 0 OR v.number = ?) "
                      "AND (? = 0 OR v.approved = 1) "
                      "ORDER BY p.id, v.number DESC LIMIT 1");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iCouncil);
  db_bind_int64(p, 2, iNumber);
  db_bind_int64(p, 3, iNumber);
  db_bind_int64(p, 4, bApprovedOnly);
  int rc = db_step(p);
  if (rc != DB_ROW) {
    db_done(p);
    return rc == DB_DONE ? DB_DONE : DB_ERROR;
  }
  PlanVersionInfo info;
  read_info(p, pArena, iCouncil, &info);
  pDoc->zTitle = arena_strdup(pArena, db_column_text(p, 9));
  pDoc->zIntro = arena_strdup(pArena, db_column_text(p, 10));
  snprintf(pDoc->zPeriodStart, PLAN_DATE_SIZE, "%s", db_column_text(p, 11));
  snprintf(pDoc->zPeriodEnd, PLAN_DATE_SIZE, "%s", db_column_text(p, 12));
  db_done(p);
  PlanContext ctx;
  if (load_objectives(pDb, pArena, info.id, pDoc) != DB_OK ||
      load_lines(pDb, pArena, info.id, pDoc) != DB_OK ||
      plan_store_context(pDb, pArena, iCouncil, &ctx) != DB_OK) {
    return DB_ERROR;
  }
  plan_doc_apply_context(pArena, pDoc, &ctx);
  if (pInfo) *pInfo = info;
  return DB_OK;
}

int plan_store_versions(Db *pDb, Arena *pArena, int64_t iCouncil,
                        PlanVersionInfo **paInfo, int *pnInfo) {
  *paInfo = NULL;
  *pnInfo = 0;
  DbStmt *p = db_prepare(pDb, "SELECT " VERSION_COLUMNS
                              "WHERE p.council_id = ? ORDER BY v.number DESC");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iCouncil);
  int nAlloc = 0;
  while (db_step(p) == DB_ROW) {
    *paInfo =
        arena_grow(pArena, *paInfo, *pnInfo, &nAlloc, sizeof(PlanVersionInfo));
    read_info(p, pArena, iCouncil, &(*paInfo)[(*pnInfo)++]);
  }
  db_done(p);
  return DB_OK;
}

int plan_store_approve(Db *pDb, int64_t iCouncil, int iNumber,
                       int64_t iUserId) {
  DbStmt *p = db_prepare(pDb,
                         "UPDATE plan_versions SET approved = 1, "
                         "approved_at = ?, approved_by = ? "
                         "WHERE approved = 0 AND number = ? AND plan_id = "
                         "(SELECT min(id) FROM plans WHERE council_id = ?)");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, db_now());
  if (iUserId)
    db_bind_int64(p, 2, iUserId);
  else
    db_bind_null(p, 2);
  db_bind_int64(p, 3, iNumber);
  db_bind_int64(p, 4, iCouncil);
  int rc = db_step(p);
  db_done(p);
  if (rc != DB_DONE) return DB_ERROR;
  DbStmt *pSeen = db_prepare(pDb,
                             "SELECT 1 FROM plan_versions v JOIN plans p "
                             "ON p.id = v.plan_id WHERE p.council_id = ? "
                             "AND v.number = ?");
  if (!pSeen) return DB_ERROR;
  db_bind_int64(pSeen, 1, iCouncil);
  db_bind_int64(pSeen, 2, iNumber);
  int bFound = db_step(pSeen) == DB_ROW;
  db_done(pSeen);
  return bFound ? DB_OK : DB_DONE;
}
