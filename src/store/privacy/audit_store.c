/*
** The audit log's events and lists (see audit_store.h).
*/
#include "store/privacy/audit_store.h"

#include <string.h>

#include "store/council/council.h"

int audit_event(Db *pDb, const AuditEvent *p) {
  /* stamped = 1: written whole here, so SQLite's stamping trigger (which
  ** fills in the connection's actor) leaves it as it is. */
  return db_exec(pDb,
                 "INSERT INTO audit_log (at, council_id, user_id, actor, "
                 "address, object_kind, object_id, action, tbl, fields, "
                 "stamped) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?, 1)",
                 DB_I(db_now()), DB_IN(p->iCouncil), DB_IN(p->iUser),
                 DB_TE(p->zActor), DB_TE(p->zAddress), DB_T(p->zKind),
                 DB_TE(p->zId), DB_T(p->zAction), DB_TE(p->zFields));
}

static void entry_fix(DbStmt *pStmt, Arena *pArena, void *pRow) {
  (void)pStmt;
  AuditEntry *p = pRow;
  if (!*p->zUser) {
    p->zUser = p->iUser > 0
                   ? arena_printf(pArena, "usuario n.º %lld (ya no existe)",
                                  (long long)p->iUser)
                   : "SQL directo (fuera de cosoc)";
  }
}

static const DbMap entry_map =
    DB_MAP_FIX(AuditEntry, entry_fix, "iiittttttt", id, iAt, iUser, zUser,
               zAddress, zKind, zObjectId, zAction, zTable, zFields);

#define AUDIT_SELECT                                                        \
  "SELECT a.id, a.at, COALESCE(a.user_id, 0), COALESCE(u.email, a.actor), " \
  "a.address, a.object_kind, a.object_id, a.action, a.tbl, a.fields "       \
  "FROM audit_log a LEFT JOIN users u ON u.id = a.user_id "

/* The filter's WHERE (AUDIT_ARGS parameters, bound by audit_args). */
#define AUDIT_WHERE                                                \
  "WHERE (a.council_id = ? OR (a.council_id IS NULL AND ? <> 0)) " \
  "AND (CAST(? AS TEXT) IS NULL OR a.object_kind = ?) "            \
  "AND (CAST(? AS TEXT) IS NULL OR a.object_id = ?) "              \
  "AND (CAST(? AS TEXT) IS NULL OR "                               \
  "lower(COALESCE(u.email, a.actor)) LIKE lower(?)) "              \
  "AND a.at >= ? AND (CAST(? AS BIGINT) = 0 OR a.at < ?) "
#define AUDIT_ARGS 11

int audit_list(Db *pDb, Arena *pArena, const AuditFilter *f, ListPage *pPage,
               AuditEntry **paEntry, int *pnEntry) {
  const char *zUserLike =
      f->zUser && *f->zUser ? arena_printf(pArena, "%%%s%%", f->zUser) : NULL;
  DbArg aArg[AUDIT_ARGS + 2] = {
      DB_I(f->iCouncil),   DB_I(f->bNone),
      DB_TN(f->zKind),     DB_TN(f->zKind),
      DB_TN(f->zObjectId), DB_TN(f->zObjectId),
      DB_TN(zUserLike),    DB_TN(zUserLike),
      DB_I(f->iSince),     DB_I(f->iUntil),
      DB_I(f->iUntil),     DB_I(list_page_sql_limit(pPage)),
      DB_I(pPage->nOffset)};
  if (db_list_args(pDb, pArena, &entry_map, paEntry, pnEntry,
                   f->bOldestFirst ? AUDIT_SELECT AUDIT_WHERE
                       "ORDER BY a.id LIMIT ? OFFSET ?"
                                   : AUDIT_SELECT AUDIT_WHERE
                       "ORDER BY a.id DESC LIMIT ? OFFSET ?",
                   aArg, AUDIT_ARGS + 2) != DB_OK) {
    return DB_ERROR;
  }
  if (!list_page_total_known(pPage, *pnEntry)) {
    pPage->nTotal = db_int_args(pDb, -1,
                                "SELECT count(*) FROM audit_log a LEFT JOIN "
                                "users u ON u.id = a.user_id " AUDIT_WHERE,
                                aArg, AUDIT_ARGS);
    if (pPage->nTotal < 0) return DB_ERROR;
  }
  return DB_OK;
}

int audit_objects_between(Db *pDb, Arena *pArena, int64_t iCouncil,
                          int64_t iSince, int64_t iUntil, AuditEntry **paEntry,
                          int *pnEntry) {
  AuditFilter f = {.iCouncil = iCouncil,
                   .bNone = council_count(pDb) <= 1,
                   .iSince = iSince,
                   .iUntil = iUntil};
  ListPage all = {0}; /* Every object: who may have been affected */
  return audit_list(pDb, pArena, &f, &all, paEntry, pnEntry);
}
