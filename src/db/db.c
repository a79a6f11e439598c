/*
** The backend-independent half of the database interface: choosing the
** backend, the per-connection statement cache, nested transactions.
**
** Never put SQL dialect knowledge here: that belongs to the backends and to
** the migration files.
*/
#include "db/db.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DB_STMT_CACHE_SIZE 128 /* Distinct statements kept prepared */

struct DbStmt {
  Db *pDb;          /* Connection this statement belongs to */
  const char *zSql; /* The SQL text (a string literal, so the key) */
  void *pHandle;    /* Backend statement */
  int bInUse;       /* Between db_prepare() and db_done() */
};

struct Db {
  const DbBackend *pBackend; /* x-methods */
  void *pConn;               /* Backend connection */
  int nFailed;               /* Statements and commits that failed */

  int nTxn;                  /* Nesting depth of db_begin() */
  int bRollback;             /* An inner level rolled back */
  int nStmt;                 /* Entries used in aStmt */
  DbStmt aStmt[DB_STMT_CACHE_SIZE]; /* Prepared statements */
};

int64_t db_now(void) { return (int64_t)time(NULL); }

int db_target_is_postgres(const char *zTarget) {
  return zTarget && (strncmp(zTarget, "postgresql://", 13) == 0 ||
                     strncmp(zTarget, "postgres://", 11) == 0);
}

int db_open(const char *zTarget, Db **ppDb, char *zErr, size_t nErr) {
  *ppDb = NULL;
  if (!zTarget || !*zTarget) {
    snprintf(zErr, nErr, "falta la base de datos (--db o COSOC_DB)");
    return DB_ERROR;
  }
  const DbBackend *pBackend = db_target_is_postgres(zTarget)
                                  ? &db_postgres_backend
                                  : &db_sqlite_backend;
  void *pConn = NULL;
  if (pBackend->xOpen(zTarget, &pConn, zErr, nErr) != DB_OK) return DB_ERROR;
  Db *pDb = calloc(1, sizeof(*pDb));
  if (!pDb) {
    pBackend->xClose(pConn);
    snprintf(zErr, nErr, "sin memoria");
    return DB_ERROR;
  }
  pDb->pBackend = pBackend;
  pDb->pConn = pConn;
  *ppDb = pDb;
  return DB_OK;
}

void db_close(Db *pDb) {
  if (!pDb) return;
  for (int i = 0; i < pDb->nStmt; i++) {
    pDb->pBackend->xFinalize(pDb->aStmt[i].pHandle);
  }
  pDb->pBackend->xClose(pDb->pConn);
  free(pDb);
}

const char *db_backend_name(const Db *pDb) { return pDb->pBackend->zName; }

const char *db_errmsg(Db *pDb) { return pDb->pBackend->xErrmsg(pDb->pConn); }

DbStmt *db_prepare(Db *pDb, const char *zSql) {
  /* Statements are string literals, so pointer equality finds them fast;
  ** strcmp catches the same text from another translation unit, in a
  ** second pass so that a hit never pays for comparing every text. */
  DbStmt *pFound = NULL;
  for (int i = 0; i < pDb->nStmt && !pFound; i++) {
    if (pDb->aStmt[i].zSql == zSql) pFound = &pDb->aStmt[i];
  }
  for (int i = 0; i < pDb->nStmt && !pFound; i++) {
    if (strcmp(pDb->aStmt[i].zSql, zSql) == 0) pFound = &pDb->aStmt[i];
  }
  if (pFound) {
    assert(!pFound->bInUse && "statement used twice at the same time");
    pFound->bInUse = 1;
    return pFound;
  }
  void *pHandle = NULL;
  if (pDb->pBackend->xPrepare(pDb->pConn, zSql, &pHandle) != DB_OK) {
    fprintf(stderr, "cosoc: error de SQL: %s\n  en: %s\n", db_errmsg(pDb),
            zSql);
    return NULL;
  }
  if (pDb->nStmt == DB_STMT_CACHE_SIZE) {
    /* Full: drop the oldest statement that is not in use. */
    int iVictim = -1;
    for (int i = 0; i < pDb->nStmt && iVictim < 0; i++) {
      if (!pDb->aStmt[i].bInUse) iVictim = i;
    }
    if (iVictim < 0) {
      pDb->pBackend->xFinalize(pHandle);
      fprintf(stderr, "cosoc: demasiadas consultas abiertas a la vez\n");
      return NULL;
    }
    pDb->pBackend->xFinalize(pDb->aStmt[iVictim].pHandle);
    memmove(&pDb->aStmt[iVictim], &pDb->aStmt[iVictim + 1],
            sizeof(DbStmt) * (size_t)(pDb->nStmt - iVictim - 1));
    pDb->nStmt--;
  }
  DbStmt *p = &pDb->aStmt[pDb->nStmt++];
  p->pDb = pDb;
  p->zSql = zSql;
  p->pHandle = pHandle;
  p->bInUse = 1;
  return p;
}

void db_done(DbStmt *pStmt) {
  if (!pStmt) return;
  pStmt->pDb->pBackend->xReset(pStmt->pHandle);
  pStmt->bInUse = 0;
}

void db_bind_int64(DbStmt *pStmt, int i, int64_t v) {
  pStmt->pDb->pBackend->xBindInt64(pStmt->pHandle, i, v);
}

void db_bind_text(DbStmt *pStmt, int i, const char *zText) {
  if (!zText) {
    db_bind_null(pStmt, i);
    return;
  }
  pStmt->pDb->pBackend->xBindText(pStmt->pHandle, i, zText, strlen(zText));
}

void db_bind_blob(DbStmt *pStmt, int i, const void *p, size_t n) {
  pStmt->pDb->pBackend->xBindBlob(pStmt->pHandle, i, p, n);
}

void db_bind_null(DbStmt *pStmt, int i) {
  pStmt->pDb->pBackend->xBindNull(pStmt->pHandle, i);
}

int db_step(DbStmt *pStmt) {
  int rc = pStmt->pDb->pBackend->xStep(pStmt->pHandle);
  if (rc == DB_ERROR || rc == DB_CONSTRAINT) {
    fprintf(stderr, "cosoc: error de base de datos: %s\n  en: %s\n",
            db_errmsg(pStmt->pDb), pStmt->zSql);
  }
  if (rc != DB_ROW && rc != DB_DONE) pStmt->pDb->nFailed++;
  return rc;
}

int db_failures(const Db *pDb) { return pDb ? pDb->nFailed : 0; }

int db_column_is_null(DbStmt *pStmt, int i) {
  return pStmt->pDb->pBackend->xColumnIsNull(pStmt->pHandle, i);
}

int64_t db_column_int64(DbStmt *pStmt, int i) {
  return pStmt->pDb->pBackend->xColumnInt64(pStmt->pHandle, i);
}

const char *db_column_text(DbStmt *pStmt, int i) {
  const char *z = pStmt->pDb->pBackend->xColumnText(pStmt->pHandle, i);
  return z ? z : "";
}

const void *db_column_blob(DbStmt *pStmt, int i) {
  return pStmt->pDb->pBackend->xColumnBlob(pStmt->pHandle, i);
}

size_t db_column_bytes(DbStmt *pStmt, int i) {
  return pStmt->pDb->pBackend->xColumnBytes(pStmt->pHandle, i);
}

int db_exec_script(Db *pDb, const char *zSql) {
  int rc = pDb->pBackend->xExecScript(pDb->pConn, zSql);
  if (rc != DB_OK) {
    fprintf(stderr, "cosoc: error de base de datos: %s\n", db_errmsg(pDb));
  }
  return rc;
}

int db_begin(Db *pDb) {
  if (pDb->nTxn++ > 0) return DB_OK;
  pDb->bRollback = 0;
  int rc = db_exec_script(pDb, pDb->pBackend->zBegin);
  if (rc != DB_OK) pDb->nTxn = 0;
  return rc;
}

int db_commit(Db *pDb) {
  assert(pDb->nTxn > 0);
  if (pDb->nTxn <= 0) return DB_ERROR;
  if (--pDb->nTxn > 0) return pDb->bRollback ? DB_ERROR : DB_OK;
  if (pDb->bRollback) {
    db_exec_script(pDb, "ROLLBACK");
    return DB_ERROR;
  }
  int rc = db_exec_script(pDb, "COMMIT");
  if (rc != DB_OK) {
    pDb->nFailed++;
    db_exec_script(pDb, "ROLLBACK");
  }
  return rc;
}

void db_rollback(Db *pDb) {
  assert(pDb->nTxn > 0);
  if (pDb->nTxn <= 0) return;
  pDb->bRollback = 1;
  if (--pDb->nTxn == 0) db_exec_script(pDb, "ROLLBACK");
}

int db_in_transaction(const Db *pDb) { return pDb->nTxn > 0; }

int64_t db_query_int64(Db *pDb, const char *zSql, int64_t iDefault) {
  DbStmt *pStmt = db_prepare(pDb, zSql);
  if (!pStmt) return iDefault;
  int64_t v = iDefault;
  if (db_step(pStmt) == DB_ROW && !db_column_is_null(pStmt, 0)) {
    v = db_column_int64(pStmt, 0);
  }
  db_done(pStmt);
  return v;
}

int db_drop_all(Db *pDb) {
  if (!pDb->pBackend->zDropAll) return DB_ERROR;
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  if (db_exec_script(pDb, pDb->pBackend->zDropAll) != DB_OK) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  return db_commit(pDb);
}

int db_backup(Db *pDb, const char *zFile, char *zErr, size_t nErr) {
  if (!pDb->pBackend->xBackup) {
    snprintf(zErr, nErr, "este motor de base de datos no se respalda con "
                         "cosoc backup");
    return DB_ERROR;
  }
  return pDb->pBackend->xBackup(pDb->pConn, zFile, zErr, nErr);
}
