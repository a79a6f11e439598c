/*
** The shapes every store repeats (see the end of db.h): binding a list of
** arguments, running a statement to its end, reading one row or all of
** them into an arena array. Built on the public db_* calls only, so it
** knows nothing of either backend.
*/
#include <assert.h>
#include <string.h>

#include "db/db.h"

void db_bind_args(DbStmt *pStmt, const DbArg *aArg, int nArg) {
  if (!pStmt) return;
  for (int i = 0; i < nArg; i++) {
    switch (aArg[i].eType) {
      case 'i':
        db_bind_int64(pStmt, i + 1, aArg[i].i);
        break;
      case 't':
        db_bind_text(pStmt, i + 1, aArg[i].z);
        break;
      case 'b':
        db_bind_blob(pStmt, i + 1, aArg[i].z ? aArg[i].z : "",
                     (size_t)aArg[i].i);
        break;
      default:
        db_bind_null(pStmt, i + 1);
        break;
    }
  }
}

DbStmt *db_query_args(Db *pDb, const char *zSql, const DbArg *aArg, int nArg) {
  DbStmt *pStmt = db_prepare(pDb, zSql);
  db_bind_args(pStmt, aArg, nArg);
  return pStmt;
}

int db_end(DbStmt *pStmt, int rc) {
  db_done(pStmt);
  if (rc == DB_DONE) return DB_OK;
  return rc == DB_CONSTRAINT || rc == DB_BUSY ? rc : DB_ERROR;
}

int db_exec_args(Db *pDb, const char *zSql, const DbArg *aArg, int nArg) {
  DbStmt *pStmt = db_query_args(pDb, zSql, aArg, nArg);
  if (!pStmt) return DB_ERROR;
  return db_end(pStmt, db_step(pStmt));
}

int db_exec_id_args(Db *pDb, const char *zSql, int64_t *piId, const DbArg *aArg,
                    int nArg) {
  DbStmt *pStmt = db_query_args(pDb, zSql, aArg, nArg);
  if (!pStmt) return DB_ERROR;
  int rc = db_step(pStmt);
  if (rc == DB_ROW) {
    if (piId) *piId = db_column_int64(pStmt, 0);
    db_done(pStmt);
    return DB_OK;
  }
  db_done(pStmt);
  return rc == DB_DONE || rc == DB_CONSTRAINT || rc == DB_BUSY ? rc : DB_ERROR;
}

int64_t db_int_args(Db *pDb, int64_t iDefault, const char *zSql,
                    const DbArg *aArg, int nArg) {
  DbStmt *pStmt = db_query_args(pDb, zSql, aArg, nArg);
  if (!pStmt) return iDefault;
  int64_t v = iDefault;
  if (db_step(pStmt) == DB_ROW && !db_column_is_null(pStmt, 0)) {
    v = db_column_int64(pStmt, 0);
  }
  db_done(pStmt);
  return v;
}

const char *db_text_args(Db *pDb, Arena *pArena, const char *zSql,
                         const DbArg *aArg, int nArg) {
  DbStmt *pStmt = db_query_args(pDb, zSql, aArg, nArg);
  if (!pStmt) return NULL;
  const char *z = NULL;
  if (db_step(pStmt) == DB_ROW) z = db_column_dup(pStmt, pArena, 0);
  db_done(pStmt);
  return z;
}

/* db_row() and db_row_map(): the row by pMap or, when it is NULL, by
** xMap. */
static int row_read(DbStmt *pStmt, Arena *pArena, DbRowMap xMap,
                    const DbMap *pMap, void *pRow) {
  if (!pStmt) return DB_ERROR;
  int rc = db_step(pStmt);
  if (rc == DB_ROW && pMap) {
    db_map_row(pStmt, pArena, pMap, pRow);
  } else if (rc == DB_ROW && xMap) {
    xMap(pStmt, pArena, pRow);
  }
  db_done(pStmt);
  return rc == DB_ROW ? DB_OK : rc == DB_DONE ? DB_DONE : DB_ERROR;
}

int db_row(DbStmt *pStmt, Arena *pArena, DbRowMap xMap, void *pRow) {
  return row_read(pStmt, pArena, xMap, NULL, pRow);
}

/* db_rows() and db_rows_map(): each row into a new element, by pMap or,
** when it is NULL, by xMap. */
static int rows_read(DbStmt *pStmt, Arena *pArena, DbRowMap xMap,
                     const DbMap *pMap, size_t nElem, void *ppRow, int *pnRow) {
  /* ppRow is the caller's `T **`: read and written through memcpy, as a
  ** pointer to an object type converts to and from void * unchanged. */
  char *a = NULL;
  int n = 0, nAlloc = 0;
  int rc = pStmt ? DB_DONE : DB_ERROR;
  while (pStmt && (rc = db_step(pStmt)) == DB_ROW) {
    a = arena_grow(pArena, a, n, &nAlloc, nElem);
    if (pMap) {
      db_map_row(pStmt, pArena, pMap, a + (size_t)n * nElem);
    } else if (xMap) {
      xMap(pStmt, pArena, a + (size_t)n * nElem);
    }
    n++;
  }
  void *pOut = a;
  memcpy(ppRow, &pOut, sizeof(pOut));
  *pnRow = n;
  return db_end(pStmt, rc) == DB_OK ? DB_OK : DB_ERROR;
}

int db_rows(DbStmt *pStmt, Arena *pArena, DbRowMap xMap, size_t nElem,
            void *ppRow, int *pnRow) {
  return rows_read(pStmt, pArena, xMap, NULL, nElem, ppRow, pnRow);
}

const char *db_column_dup(DbStmt *pStmt, Arena *pArena, int i) {
  return arena_strdup(pArena, db_column_text(pStmt, i));
}

int64_t db_data_version(Db *pDb) {
  return db_query_int64(pDb, "SELECT n FROM data_version WHERE id = 1", -1);
}

int64_t db_council_data_version(Db *pDb, int64_t iCouncil) {
  int64_t v = db_version_recalled(pDb, iCouncil);
  if (v >= 0) return v;
  v = db_int(pDb, -1, "SELECT " DB_COUNCIL_VERSION_SQL("?"), DB_I(iCouncil));
  db_version_read(pDb, iCouncil, v);
  return v;
}

void db_map_row(DbStmt *pStmt, Arena *pArena, const DbMap *pMap, void *pRow) {
  char *pBase = pRow;
  int k = 0; /* The field */
  for (int i = 0; pMap->zTypes[i]; i++) {
    char e = pMap->zTypes[i];
    if (e == '-') continue;
    void *pField = pBase + pMap->aiOffset[k];
    switch (e) {
      case 'i':
        assert(pMap->aiSize[k] == sizeof(int64_t));
        *(int64_t *)pField = db_column_int64(pStmt, i);
        break;
      case 'n':
      case 'b':
        assert(pMap->aiSize[k] == sizeof(int));
        *(int *)pField = e == 'b' ? db_column_int64(pStmt, i) != 0
                                  : (int)db_column_int64(pStmt, i);
        break;
      default:
        assert((e == 't' || e == 'T') && pMap->aiSize[k] == sizeof(char *));
        *(const char **)pField = e == 'T' && db_column_is_null(pStmt, i)
                                     ? NULL
                                     : db_column_dup(pStmt, pArena, i);
        break;
    }
    k++;
  }
  if (pMap->xFix) pMap->xFix(pStmt, pArena, pRow);
}

int db_row_map(DbStmt *pStmt, Arena *pArena, const DbMap *pMap, void *pRow) {
  return row_read(pStmt, pArena, NULL, pMap, pRow);
}

int db_rows_map(DbStmt *pStmt, Arena *pArena, const DbMap *pMap, void *ppRow,
                int *pnRow) {
  return rows_read(pStmt, pArena, NULL, pMap, pMap->nRow, ppRow, pnRow);
}

int db_get_args(Db *pDb, Arena *pArena, const DbMap *pMap, void *pRow,
                const char *zSql, const DbArg *aArg, int nArg) {
  return db_row_map(db_query_args(pDb, zSql, aArg, nArg), pArena, pMap, pRow);
}

int db_list_args(Db *pDb, Arena *pArena, const DbMap *pMap, void *ppRow,
                 int *pnRow, const char *zSql, const DbArg *aArg, int nArg) {
  return db_rows_map(db_query_args(pDb, zSql, aArg, nArg), pArena, pMap, ppRow,
                     pnRow);
}

int db_get_council_row(Db *pDb, Arena *pArena, const DbMap *pMap, void *pRow,
                       const char *zSql, int64_t iCouncil, int64_t iId) {
  memset(pRow, 0, pMap->nRow);
  return db_get(pDb, pArena, pMap, pRow, zSql, DB_I(iCouncil), DB_I(iId));
}
