/*
** Each council's own evidence kinds (see plan_store.h): the wordings of its
** plans that are none of the standard kinds, which the officer reviews,
** renames or merges into another kind.
**
** A merge never rewrites a saved plan version: versions keep the slug they
** were saved with and read it as the kind it was merged into (through
** merged_into, see plan_doc_apply_context()). Evidence files already
** uploaded under the merged kind are moved, since the kind they were filed
** under no longer exists for the council.
*/
#include <string.h>

#include "domain/plan_catalog.h"
#include "store/plan/plan_store.h"

int plan_kinds_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                    PlanCouncilKind **paKind, int *pnKind) {
  *paKind = NULL;
  *pnKind = 0;
  DbStmt *p = db_prepare(pDb,
                         "SELECT slug, label, merged_into, reviewed FROM "
                         "council_evidence_kinds WHERE council_id = ? "
                         "ORDER BY created_at, slug");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iCouncil);
  int nAlloc = 0, rc;
  while ((rc = db_step(p)) == DB_ROW) {
    *paKind =
        arena_grow(pArena, *paKind, *pnKind, &nAlloc, sizeof(PlanCouncilKind));
    PlanCouncilKind *k = &(*paKind)[(*pnKind)++];
    k->zSlug = arena_strdup(pArena, db_column_text(p, 0));
    k->zLabel = arena_strdup(pArena, db_column_text(p, 1));
    k->zMergedInto = db_column_is_null(p, 2)
                         ? NULL
                         : arena_strdup(pArena, db_column_text(p, 2));
    k->bReviewed = (int)db_column_int64(p, 3);
  }
  db_done(p);
  return rc == DB_DONE ? DB_OK : DB_ERROR;
}

/* 0 no such kind, 1 a kind in force, 2 merged away. */
static int kind_state(Db *pDb, int64_t iCouncil, const char *zSlug) {
  DbStmt *p = db_prepare(pDb,
                         "SELECT merged_into FROM council_evidence_kinds "
                         "WHERE council_id = ? AND slug = ?");
  if (!p) return 0;
  db_bind_int64(p, 1, iCouncil);
  db_bind_text(p, 2, zSlug);
  int iState = 0;
  if (db_step(p) == DB_ROW) iState = db_column_is_null(p, 0) ? 1 : 2;
  db_done(p);
  return iState;
}

int plan_kinds_usable(Db *pDb, int64_t iCouncil, const char *zSlug) {
  return zSlug && (plan_evidence_is_standard(zSlug) ||
                   kind_state(pDb, iCouncil, zSlug) == 1);
}

int plan_kinds_rename(Db *pDb, int64_t iCouncil, const char *zSlug,
                      const char *zLabel) {
  if (kind_state(pDb, iCouncil, zSlug) == 0) return DB_DONE;
  DbStmt *p = db_prepare(pDb,
                         "UPDATE council_evidence_kinds SET label = ?, "
                         "reviewed = 1, updated_at = ? WHERE council_id = ? "
                         "AND slug = ?");
  if (!p) return DB_ERROR;
  db_bind_text(p, 1, zLabel);
  db_bind_int64(p, 2, db_now());
  db_bind_int64(p, 3, iCouncil);
  db_bind_text(p, 4, zSlug);
  int rc = db_step(p);
  db_done(p);
  return rc == DB_DONE ? DB_OK : DB_ERROR;
}

static int merge_in_transaction(Db *pDb, int64_t iCouncil, const char *zSlug,
                                const char *zInto) {
  if (kind_state(pDb, iCouncil, zSlug) != 1) return DB_DONE;
  if (strcmp(zSlug, zInto) == 0 || (!plan_evidence_is_standard(zInto) &&
                                    kind_state(pDb, iCouncil, zInto) != 1))
    return DB_CONSTRAINT;
  int64_t tNow = db_now();
  DbStmt *p = db_prepare(pDb,
                         "UPDATE council_evidence_kinds SET merged_into = ?, "
                         "reviewed = 1, updated_at = ? WHERE council_id = ? "
                         "AND (slug = ? OR merged_into = ?)");
  if (!p) return DB_ERROR;
  db_bind_text(p, 1, zInto);
  db_bind_int64(p, 2, tNow);
  db_bind_int64(p, 3, iCouncil);
  db_bind_text(p, 4, zSlug);
  db_bind_text(p, 5, zSlug);
  int rc = db_step(p);
  db_done(p);
  if (rc != DB_DONE) return DB_ERROR;
  p = db_prepare(pDb,
                 "UPDATE evidence_items SET kind = ? WHERE kind = ? AND "
                 "activity_id IN (SELECT id FROM activities WHERE "
                 "council_id = ?)");
  if (!p) return DB_ERROR;
  db_bind_text(p, 1, zInto);
  db_bind_text(p, 2, zSlug);
  db_bind_int64(p, 3, iCouncil);
  rc = db_step(p);
  db_done(p);
  return rc == DB_DONE ? DB_OK : DB_ERROR;
}

int plan_kinds_merge(Db *pDb, int64_t iCouncil, const char *zSlug,
                     const char *zInto) {
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  int rc = merge_in_transaction(pDb, iCouncil, zSlug, zInto);
  if (rc != DB_OK) {
    db_rollback(pDb);
    return rc;
  }
  return db_commit(pDb) == DB_OK ? DB_OK : DB_ERROR;
}
