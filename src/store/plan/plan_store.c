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
#include "store/council/council.h"
#include "store/people/people.h"

static const char *content_hash(Arena *pArena, const PlanDoc *pDoc) {
  const char *z = plan_doc_canonical(pArena, pDoc);
  unsigned char aHash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(aHash, (const unsigned char *)z, strlen(z));
  char *zHex = arena_alloc(pArena, 2 * sizeof(aHash) + 1);
  sodium_bin2hex(zHex, 2 * sizeof(aHash) + 1, aHash, sizeof(aHash));
  return zHex;
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
  Council c;
  int rc = council_get(pDb, pArena, iCouncil, &c);
  if (rc == DB_ERROR) return DB_ERROR;
  if (rc == DB_OK && c.zRegion[0]) pCtx->zRegionCode = c.zRegion;
  if (rc == DB_OK && c.zSeatCommune[0]) pCtx->zSeatCode = c.zSeatCommune;
  if (!pCtx->zSeatCode) {
    pCtx->zSeatCode = plan_region_capital(pCtx, pCtx->zRegionCode);
  }
  PlanCouncilKind *aKind = NULL;
  int nKind = 0;
  if (plan_kinds_list(pDb, pArena, iCouncil, &aKind, &nKind) != DB_OK) {
    return DB_ERROR;
  }
  pCtx->aKind = aKind;
  pCtx->nKind = nKind;
  return DB_OK;
}

/* The council's plan id, 0 when it has none yet. */
static int64_t plan_id(Db *pDb, int64_t iCouncil) {
  return db_int(pDb, 0, "SELECT min(id) FROM plans WHERE council_id = ?",
                DB_I(iCouncil));
}

static int save_objectives(Db *pDb, int64_t iVersion, const PlanDoc *pDoc) {
  int rc = DB_OK;
  for (int i = 0; rc == DB_OK && i < pDoc->nObjective; i++) {
    rc = db_exec(pDb,
                 "INSERT INTO plan_objectives(version_id, number, text) "
                 "VALUES (?, ?, ?)",
                 DB_I(iVersion), DB_I(pDoc->aObjective[i].iNumber),
                 DB_T(pDoc->aObjective[i].zText));
  }
  return rc == DB_OK ? DB_OK : DB_ERROR;
}

static int save_line(Db *pDb, Arena *pArena, int64_t iVersion,
                     const PlanLine *pL) {
  int64_t iLine = 0;
  int rc = db_exec_id(
      pDb,
      "INSERT INTO plan_lines(version_id, number, objective, actions, "
      "responsible, window_phrase, window_start, window_end, "
      "window_flagged, window_as_needed, target_count, target_kinds, "
      "target_exclude, meta, notes, window_reason, target_flagged, "
      "target_reason, target_provinces, carried_over, target_modules) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?) RETURNING id",
      &iLine, DB_I(iVersion), DB_I(pL->iNumber), DB_T(pL->zObjective),
      DB_T(pL->zActions), DB_T(pL->zResponsible), DB_T(pL->zWindowPhrase),
      DB_T(pL->window.zStart), DB_T(pL->window.zEnd), DB_I(pL->window.bFlagged),
      DB_I(pL->window.bAsNeeded), DB_I(pL->target.nCount),
      DB_T(plan_target_kinds_text(pArena, &pL->target)),
      DB_T(plan_target_exclude_text(pArena, &pL->target)), DB_TE(pL->zMeta),
      DB_TE(pL->zNotes), DB_T(pL->window.bFlagged ? pL->window.zReason : ""),
      DB_I(pL->target.bFlagged),
      DB_T(pL->target.bFlagged ? pL->target.zReason : ""),
      DB_T(plan_target_provinces_text(pArena, &pL->target)),
      DB_TE(pL->zCarried), DB_I(pL->target.bModules ? 1 : 0));
  for (int k = 0; rc == DB_OK && k < pL->nEvidence; k++) {
    rc = db_exec(pDb,
                 "INSERT INTO plan_line_evidence(line_id, sort_order, kind, "
                 "label) VALUES (?, ?, ?, ?)",
                 DB_I(iLine), DB_I(k + 1), DB_T(pL->aEvidence[k].zKind),
                 DB_T(pL->aEvidence[k].zLabel));
  }
  return rc == DB_OK ? DB_OK : DB_ERROR;
}

/* The latest version's number and hash (0 and "" when none). */
static int latest_version(Db *pDb, Arena *pArena, int64_t iPlan,
                          const char **pzHash) {
  DbStmt *p = db_query(pDb,
                       "SELECT number, content_hash FROM plan_versions WHERE "
                       "plan_id = ? ORDER BY number DESC LIMIT 1",
                       DB_I(iPlan));
  *pzHash = "";
  if (!p) return -1;
  int iNumber = 0;
  if (db_step(p) == DB_ROW) {
    iNumber = (int)db_column_int64(p, 0);
    *pzHash = db_column_dup(p, pArena, 1);
  }
  db_done(p);
  return iNumber;
}

/* Evidence kinds of pDoc that are neither standard nor in the council's
** catalogue join it, unreviewed, with the first wording that used them;
** evidence_kinds gets the slug too (the lines refer to it). */
static int save_new_kinds(Db *pDb, int64_t iCouncil, const PlanDoc *pDoc) {
  int rc = DB_OK;
  for (int i = 0; rc == DB_OK && i < pDoc->nLine; i++) {
    const PlanLine *pL = &pDoc->aLine[i];
    for (int k = 0; rc == DB_OK && k < pL->nEvidence; k++) {
      const PlanEvidence *e = &pL->aEvidence[k];
      if (plan_evidence_is_standard(e->zKind)) continue;
      rc = db_exec(pDb,
                   "INSERT INTO evidence_kinds(slug, label, sort_order) "
                   "VALUES (?, ?, 100) ON CONFLICT (slug) DO NOTHING",
                   DB_T(e->zKind), DB_T(e->zLabel));
      if (rc == DB_OK) {
        rc = db_exec(pDb,
                     "INSERT INTO council_evidence_kinds(council_id, slug, "
                     "label, reviewed, created_at, updated_at) VALUES "
                     "(?, ?, ?, 0, ?, ?) ON CONFLICT (council_id, slug) DO "
                     "NOTHING",
                     DB_I(iCouncil), DB_T(e->zKind), DB_T(e->zLabel),
                     DB_I(db_now()), DB_I(db_now()));
      }
    }
  }
  return rc == DB_OK ? DB_OK : DB_ERROR;
}

/* The body of plan_store_save, inside its transaction. */
static int save_in_transaction(Db *pDb, Arena *pArena, int64_t iCouncil,
                               const PlanDoc *pDoc, const char *zSource,
                               const char *zReason, int64_t iAuthorId,
                               const char *zAuthorName, int *piNumber,
                               int *pnChanges) {
  int64_t iPlan = plan_id(pDb, iCouncil);
  if (!iPlan && db_exec_id(pDb,
                           "INSERT INTO plans(council_id, created_at) VALUES "
                           "(?, ?) RETURNING id",
                           &iPlan, DB_I(iCouncil), DB_I(db_now())) != DB_OK) {
    return DB_ERROR;
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
  int64_t iVersion = 0;
  if (db_exec_id(pDb,
                 "INSERT INTO plan_versions(plan_id, number, title, intro, "
                 "period_start, period_end, content_hash, source, reason, "
                 "author_id, author_name, created_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                 &iVersion, DB_I(iPlan), DB_I(iLatest + 1), DB_T(pDoc->zTitle),
                 DB_TE(pDoc->zIntro), DB_T(pDoc->zPeriodStart),
                 DB_T(pDoc->zPeriodEnd), DB_T(zHash), DB_T(zSource),
                 DB_T(zReason), DB_IN(iAuthorId), DB_T(zAuthorName),
                 DB_I(db_now())) != DB_OK) {
    return DB_ERROR;
  }
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

typedef struct RegionRow {
  const char *zCode, *zName;
} RegionRow;
static const DbMap region_map = DB_MAP(RegionRow, "tt", zCode, zName);

const char *plan_store_doc_region(Db *pDb, Arena *pArena, const PlanDoc *pDoc) {
  RegionRow *aRegion = NULL;
  int nRegion = 0;
  if (db_rows_map(db_prepare(pDb,
                             "SELECT code, name FROM territory_regions "
                             "ORDER BY code"),
                  pArena, &region_map, &aRegion, &nRegion) != DB_OK) {
    return NULL;
  }
  const char **azName =
      arena_alloc(pArena, sizeof(char *) * (size_t)(nRegion + 1));
  for (int i = 0; i < nRegion; i++) azName[i] = aRegion[i].zName;
  int i = plan_region_in_text(arena_printf(pArena, "%s\n%s", pDoc->zTitle,
                                           pDoc->zIntro ? pDoc->zIntro : ""),
                              azName, nRegion);
  return i >= 0 ? aRegion[i].zCode : NULL;
}

int plan_store_import_council(Db *pDb, Arena *pArena, int64_t iCouncil,
                              int64_t *piCouncil, const char **pzErr) {
  *pzErr = NULL;
  *piCouncil = 0;
  int nCouncil = council_count(pDb);
  if (iCouncil) {
    if (!council_exists(pDb, iCouncil)) {
      *pzErr = arena_printf(pArena, "no existe el consejo %lld",
                            (long long)iCouncil);
      return DB_ERROR;
    }
    *piCouncil = iCouncil;
  } else if (nCouncil == 1) {
    *piCouncil = council_default_id(pDb);
  } else if (nCouncil > 1) {
    *pzErr = arena_printf(pArena,
                          "hay %d consejos: indique a cuál "
                          "importar el plan con --council ID",
                          nCouncil);
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
    /* No council yet: one named after the document, in its region when the
    ** document names it: the places of the plan («en cada provincia», «la
    ** capital regional») are that region's. */
    Council c = {.zName = pDoc->zTitle,
                 .zShortName = pDoc->zTitle,
                 .zRegion = plan_store_doc_region(pDb, pArena, pDoc)};
    if (council_create(pDb, &c, &iUsed) != DB_OK) {
      *pzErr = "no se pudo crear el consejo";
    }
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

/* Columns: id, number, source, reason, author_name, created_at, approved,
** approved_at, approver name, (title, intro, period: the document's),
** council id. */
static const DbMap info_map =
    DB_MAP(PlanVersionInfo, "intttinitt-tti", id, iNumber, zSource, zReason,
           zAuthor, tCreated, bApproved, tApproved, zApprovedBy, zTitle,
           zPeriodStart, zPeriodEnd, iCouncil);

#define VERSION_COLUMNS                                                     \
  "v.id, v.number, v.source, v.reason, v.author_name, v.created_at, "       \
  "v.approved, coalesce(v.approved_at, 0), coalesce(u.name, ''), v.title, " \
  "v.intro, v.period_start, v.period_end, p.council_id "                    \
  "FROM plan_versions v JOIN plans p ON p.id = v.plan_id "                  \
  "LEFT JOIN users u ON u.id = v.approved_by "

static int load_lines(Db *pDb, Arena *pArena, int64_t iVersion, PlanDoc *pDoc) {
  int nLine = (int)db_int(
      pDb, 0, "SELECT count(*) FROM plan_lines WHERE version_id = ?",
      DB_I(iVersion));
  pDoc->aLine = arena_alloc(pArena, sizeof(PlanLine) * (size_t)(nLine + 1));
  DbStmt *p =
      db_query(pDb,
               "SELECT number, objective, actions, responsible, window_phrase, "
               "window_start, window_end, window_flagged, window_as_needed, "
               "target_count, target_kinds, target_exclude, id, meta, notes, "
               "window_reason, target_flagged, target_reason, "
               "target_provinces, carried_over, target_modules FROM plan_lines "
               "WHERE "
               "version_id = ? ORDER BY number",
               DB_I(iVersion));
  if (!p) return DB_ERROR;
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
  DbStmt *pE = db_query(pDb,
                        "SELECT e.line_id, e.kind, e.label FROM "
                        "plan_line_evidence e JOIN plan_lines l ON l.id = "
                        "e.line_id WHERE l.version_id = ? ORDER BY "
                        "e.line_id, e.sort_order",
                        DB_I(iVersion));
  if (!pE) return DB_ERROR;
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

static const DbMap objective_from_row_map =
    DB_MAP(PlanObjective, "nt", iNumber, zText);

static int load_objectives(Db *pDb, Arena *pArena, int64_t iVersion,
                           PlanDoc *pDoc) {
  int rc = db_list(pDb, pArena, &objective_from_row_map, &pDoc->aObjective,
                   &pDoc->nObjective,
                   "SELECT number, text FROM plan_objectives WHERE "
                   "version_id = ? ORDER BY number",
                   DB_I(iVersion));
  if (!pDoc->aObjective) {
    pDoc->aObjective = arena_alloc(pArena, sizeof(PlanObjective));
  }
  return rc;
}

int plan_store_load(Db *pDb, Arena *pArena, int64_t iCouncil, int iNumber,
                    int bApprovedOnly, PlanDoc *pDoc, PlanVersionInfo *pInfo) {
  memset(pDoc, 0, sizeof(*pDoc));
  DbStmt *p = db_query(pDb,
                       "SELECT " VERSION_COLUMNS
                       "WHERE p.council_id = ? AND (? = 0 OR v.number = ?) "
                       "AND (? = 0 OR v.approved = 1) "
                       "ORDER BY p.id, v.number DESC LIMIT 1",
                       DB_I(iCouncil), DB_I(iNumber), DB_I(iNumber),
                       DB_I(bApprovedOnly));
  int rc = p ? db_step(p) : DB_ERROR;
  if (rc != DB_ROW) {
    db_done(p);
    return rc == DB_DONE ? DB_DONE : DB_ERROR;
  }
  PlanVersionInfo info;
  memset(&info, 0, sizeof(info));
  db_map_row(p, pArena, &info_map, &info);
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

int plan_store_version_on(Db *pDb, int64_t iCouncil, const char *zDay) {
  return (int)db_int(
      pDb, -1,
      "SELECT COALESCE((SELECT v.number FROM plan_versions v JOIN plans p ON "
      "p.id = v.plan_id WHERE p.council_id = ? AND v.approved = 1 ORDER BY "
      "CASE WHEN v.period_start <= ? AND v.period_end >= ? THEN 0 WHEN "
      "v.period_end < ? THEN 1 ELSE 2 END, CASE WHEN v.period_end < ? THEN "
      "v.period_end ELSE '' END DESC, v.number DESC LIMIT 1), 0)",
      DB_I(iCouncil), DB_T(zDay), DB_T(zDay), DB_T(zDay), DB_T(zDay));
}

int plan_store_versions(Db *pDb, Arena *pArena, int64_t iCouncil,
                        PlanVersionInfo **paInfo, int *pnInfo) {
  return db_list(pDb, pArena, &info_map, paInfo, pnInfo,
                 "SELECT " VERSION_COLUMNS
                 "WHERE p.council_id = ? ORDER BY v.number DESC",
                 DB_I(iCouncil));
}

int plan_store_approve(Db *pDb, int64_t iCouncil, int iNumber,
                       int64_t iUserId) {
  if (db_exec(pDb,
              "UPDATE plan_versions SET approved = 1, approved_at = ?, "
              "approved_by = ? WHERE approved = 0 AND number = ? AND plan_id "
              "= (SELECT min(id) FROM plans WHERE council_id = ?)",
              DB_I(db_now()), DB_IN(iUserId), DB_I(iNumber),
              DB_I(iCouncil)) != DB_OK) {
    return DB_ERROR;
  }
  return db_int(pDb, 0,
                "SELECT 1 FROM plan_versions v JOIN plans p ON p.id = "
                "v.plan_id WHERE p.council_id = ? AND v.number = ?",
                DB_I(iCouncil), DB_I(iNumber)) == 1
             ? DB_OK
             : DB_DONE;
}

int plan_store_backdate_approval(Db *pDb, int64_t iCouncil, int iNumber,
                                 int64_t t) {
  return db_exec(pDb,
                 "UPDATE plan_versions SET approved_at = ?, created_at = ? "
                 "WHERE approved = 1 AND number = ? AND plan_id = (SELECT "
                 "min(id) FROM plans WHERE council_id = ?)",
                 DB_I(t), DB_I(t), DB_I(iNumber), DB_I(iCouncil));
}
