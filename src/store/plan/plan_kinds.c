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

static const DbMap kind_map =
    DB_MAP(PlanCouncilKind, "ttTb", zSlug, zLabel, zMergedInto, bReviewed);

int plan_kinds_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                    PlanCouncilKind **paKind, int *pnKind) {
  return db_list(pDb, pArena, &kind_map, paKind, pnKind,
                 "SELECT slug, label, merged_into, reviewed FROM "
                 "council_evidence_kinds WHERE council_id = ? "
                 "ORDER BY created_at, slug",
                 DB_I(iCouncil));
}

/* 0 no such kind, 1 a kind in force, 2 merged away. */
static int kind_state(Db *pDb, int64_t iCouncil, const char *zSlug) {
  return (int)db_int(pDb, 0,
                     "SELECT CASE WHEN merged_into IS NULL THEN 1 ELSE 2 END "
                     "FROM council_evidence_kinds WHERE council_id = ? AND "
                     "slug = ?",
                     DB_I(iCouncil), DB_T(zSlug));
}

int plan_kinds_usable(Db *pDb, int64_t iCouncil, const char *zSlug) {
  return zSlug && (plan_evidence_is_standard(zSlug) ||
                   kind_state(pDb, iCouncil, zSlug) == 1);
}

int plan_kinds_rename(Db *pDb, int64_t iCouncil, const char *zSlug,
                      const char *zLabel) {
  if (kind_state(pDb, iCouncil, zSlug) == 0) return DB_DONE;
  return db_exec(pDb,
                 "UPDATE council_evidence_kinds SET label = ?, reviewed = 1, "
                 "updated_at = ? WHERE council_id = ? AND slug = ?",
                 DB_T(zLabel), DB_I(db_now()), DB_I(iCouncil),
                 DB_T(zSlug)) == DB_OK
             ? DB_OK
             : DB_ERROR;
}

static int merge_in_transaction(Db *pDb, int64_t iCouncil, const char *zSlug,
                                const char *zInto) {
  if (kind_state(pDb, iCouncil, zSlug) != 1) return DB_DONE;
  if (strcmp(zSlug, zInto) == 0 || (!plan_evidence_is_standard(zInto) &&
                                    kind_state(pDb, iCouncil, zInto) != 1))
    return DB_CONSTRAINT;
  int rc = db_exec(pDb,
                   "UPDATE council_evidence_kinds SET merged_into = ?, "
                   "reviewed = 1, updated_at = ? WHERE council_id = ? "
                   "AND (slug = ? OR merged_into = ?)",
                   DB_T(zInto), DB_I(db_now()), DB_I(iCouncil), DB_T(zSlug),
                   DB_T(zSlug));
  if (rc == DB_OK) {
    rc = db_exec(pDb,
                 "UPDATE evidence_items SET kind = ? WHERE kind = ? AND "
                 "activity_id IN (SELECT id FROM activities WHERE "
                 "council_id = ?)",
                 DB_T(zInto), DB_T(zSlug), DB_I(iCouncil));
  }
  return rc == DB_OK ? DB_OK : DB_ERROR;
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
