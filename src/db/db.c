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
#include <strings.h>
#include <time.h>

/* Distinct statements kept prepared per connection. Tests lower it with
** COSOC_TEST_STMT_CACHE (at least DB_STMT_CACHE_MIN) so that a short run
** evicts; nothing else should set it. On PostgreSQL preparing costs a
** round trip and evicting another (DEALLOCATE): room for every statement
** cosoc has (a few hundred), so that each is prepared once per connection
** (issue 22); SQLite prepares in the process, and a smaller cache keeps
** its memory down. */
#define DB_STMT_CACHE_SIZE 128
#define DB_STMT_CACHE_SIZE_PG 1024
#define DB_STMT_CACHE_MIN 2

struct DbStmt {
  Db *pDb;           /* Connection this statement belongs to */
  const char *zSql;  /* The SQL text (a string literal, so the key); NULL
                     ** for a free slot */
  void *pHandle;     /* Backend statement */
  int bInUse;        /* Between db_prepare() and db_done() */
  int bOverflow;     /* Not a cache slot: malloc'ed for one use, because
                     ** every slot was in use; freed by db_done() */
  uint64_t iLastUse; /* Db.iClock at its last db_prepare(): eviction takes
                     ** the least recently used slot that is not in use */
  int bWrites;       /* Not a SELECT: stepping it forgets the versions */
};

/* The cache is a fixed array of slots allocated once with the connection
** and never moved or compacted: a DbStmt pointer handed to a caller stays
** valid, and stays the same statement, until that caller's db_done().
** Evicting replaces a free slot's statement in place; it never touches a
** slot in use. (It used to close the gap with memmove, which slid the
** statements another caller held under its pointer: stepping one then ran
** another statement's SQL.) */
struct Db {
  const DbBackend *pBackend; /* x-methods */
  void *pConn;               /* Backend connection */
  int nFailed;               /* Statements and commits that failed */

  int nTxn;        /* Nesting depth of db_begin() */
  int bRollback;   /* An inner level rolled back */
  int nSlot;       /* Entries in aStmt */
  int nStmt;       /* Slots filled so far (0..nStmt-1) */
  uint64_t iClock; /* Counts db_prepare() calls, for iLastUse */
  DbStmt *aStmt;   /* nSlot slots, never reallocated */

  /* The version remembered for this request (db_request_start) */
  int bRequest;        /* A request is being served: remember */
  uint64_t nRequests;  /* db_request_start() calls: whose memory this is */
  int64_t iVerCouncil; /* Whose version, or -1 for none */
  int64_t iVerRemembered;
};

/* The cache size: nMax unless a test asks for fewer. */
static int stmt_cache_size(int nMax) {
  const char *z = getenv("COSOC_TEST_STMT_CACHE");
  if (!z || !*z) return nMax;
  char *zEnd = NULL;
  long n = strtol(z, &zEnd, 10);
  if (*zEnd || n < DB_STMT_CACHE_MIN) return DB_STMT_CACHE_MIN;
  return n > nMax ? nMax : (int)n;
}

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
  int nSlot =
      stmt_cache_size(pBackend == &db_postgres_backend ? DB_STMT_CACHE_SIZE_PG
                                                       : DB_STMT_CACHE_SIZE);
  DbStmt *aStmt = calloc((size_t)nSlot, sizeof(DbStmt));
  if (!pDb || !aStmt) {
    free(pDb);
    free(aStmt);
    pBackend->xClose(pConn);
    snprintf(zErr, nErr, "sin memoria");
    return DB_ERROR;
  }
  pDb->pBackend = pBackend;
  pDb->pConn = pConn;
  pDb->nSlot = nSlot;
  pDb->aStmt = aStmt;
  pDb->iVerCouncil = -1;
  *ppDb = pDb;
  return DB_OK;
}

void db_close(Db *pDb) {
  if (!pDb) return;
  for (int i = 0; i < pDb->nStmt; i++) {
    if (pDb->aStmt[i].pHandle) pDb->pBackend->xFinalize(pDb->aStmt[i].pHandle);
  }
  pDb->pBackend->xClose(pDb->pConn);
  free(pDb->aStmt);
  free(pDb);
}

const char *db_backend_name(const Db *pDb) { return pDb->pBackend->zName; }

int db_set_actor(Db *pDb, int64_t iUser, const char *zActor,
                 const char *zAddress) {
  if (!pDb || !pDb->pBackend->xSetActor) return DB_ERROR;
  int rc = pDb->pBackend->xSetActor(pDb->pConn, iUser, zActor ? zActor : "",
                                    zAddress ? zAddress : "");
  return rc == DB_OK ? db_set_council(pDb, 0) : rc;
}

int db_set_council(Db *pDb, int64_t iCouncil) {
  if (!pDb || !pDb->pBackend->xSetCouncil) return DB_ERROR;
  return pDb->pBackend->xSetCouncil(pDb->pConn, iCouncil);
}

const char *db_errmsg(Db *pDb) { return pDb->pBackend->xErrmsg(pDb->pConn); }

/* The cached statement for zSql, or NULL. Statements are string literals,
** so pointer equality finds them fast; strcmp catches the same text from
** another translation unit, in a second pass so that a hit never pays for
** comparing every text. */
static DbStmt *stmt_cache_find(Db *pDb, const char *zSql) {
  for (int i = 0; i < pDb->nStmt; i++) {
    if (pDb->aStmt[i].zSql == zSql) return &pDb->aStmt[i];
  }
  for (int i = 0; i < pDb->nStmt; i++) {
    if (pDb->aStmt[i].zSql && strcmp(pDb->aStmt[i].zSql, zSql) == 0) {
      return &pDb->aStmt[i];
    }
  }
  return NULL;
}

/* A slot for a new statement: an unused one, else the least recently used
** one not in use (its statement is finalized here), else NULL when every
** slot is in use. */
static DbStmt *stmt_cache_slot(Db *pDb) {
  if (pDb->nStmt < pDb->nSlot) return &pDb->aStmt[pDb->nStmt++];
  DbStmt *pVictim = NULL;
  for (int i = 0; i < pDb->nSlot; i++) {
    DbStmt *p = &pDb->aStmt[i];
    if (!p->bInUse && (!pVictim || p->iLastUse < pVictim->iLastUse)) {
      pVictim = p;
    }
  }
  if (pVictim && pVictim->pHandle) {
    pDb->pBackend->xFinalize(pVictim->pHandle);
    pVictim->pHandle = NULL;
    pVictim->zSql = NULL;
  }
  return pVictim;
}

/* Whether zSql is a plain SELECT (a WITH may write: it counts as a
** write). */
static int sql_only_reads(const char *zSql) {
  while (*zSql == ' ' || *zSql == '\n' || *zSql == '\t') zSql++;
  return strncasecmp(zSql, "SELECT", 6) == 0;
}

/* This connection wrote (or may have): what it remembered may be old. */
static void versions_forget(Db *pDb) { pDb->iVerCouncil = -1; }

void db_request_start(Db *pDb) {
  if (!pDb) return;
  pDb->bRequest = 1;
  pDb->nRequests++;
  versions_forget(pDb);
}

uint64_t db_request_serial(const Db *pDb) { return pDb ? pDb->nRequests : 0; }

void db_version_read(Db *pDb, int64_t iCouncil, int64_t iVersion) {
  if (!pDb || !pDb->bRequest || iVersion < 0) return;
  pDb->iVerCouncil = iCouncil;
  pDb->iVerRemembered = iVersion;
}

int64_t db_version_recalled(Db *pDb, int64_t iCouncil) {
  return pDb && pDb->bRequest && pDb->iVerCouncil == iCouncil && iCouncil >= 0
             ? pDb->iVerRemembered
             : -1;
}

DbStmt *db_prepare(Db *pDb, const char *zSql) {
  if (!pDb || !zSql) return NULL;
  pDb->iClock++;
  DbStmt *pFound = stmt_cache_find(pDb, zSql);
  if (pFound && !pFound->bInUse) {
    pFound->bInUse = 1;
    pFound->iLastUse = pDb->iClock;
    return pFound;
  }
  /* In use already (a recursive caller): a second, private copy below,
  ** rather than handing out the same statement twice. */
  void *pHandle = NULL;
  if (pDb->pBackend->xPrepare(pDb->pConn, zSql, &pHandle) != DB_OK) {
    fprintf(stderr, "cosoc: error de SQL: %s\n  en: %s\n", db_errmsg(pDb),
            zSql);
    return NULL;
  }
  DbStmt *p = pFound ? NULL : stmt_cache_slot(pDb);
  if (!p) {
    /* Every slot is held by a caller: this statement lives for one use. */
    p = calloc(1, sizeof(*p));
    if (!p) {
      pDb->pBackend->xFinalize(pHandle);
      fprintf(stderr, "cosoc: sin memoria para una consulta\n");
      return NULL;
    }
    p->bOverflow = 1;
  }
  p->pDb = pDb;
  p->zSql = zSql;
  p->pHandle = pHandle;
  p->bInUse = 1;
  p->iLastUse = pDb->iClock;
  p->bWrites = !sql_only_reads(zSql);
  return p;
}

void db_done(DbStmt *pStmt) {
  if (!pStmt) return;
  if (pStmt->bOverflow) {
    pStmt->pDb->pBackend->xFinalize(pStmt->pHandle);
    free(pStmt);
    return;
  }
  pStmt->pDb->pBackend->xReset(pStmt->pHandle);
  pStmt->bInUse = 0;
}

/* Every function below accepts the NULL that a failed db_prepare() returns:
** binds do nothing, db_step() answers DB_ERROR, columns read as NULL (0,
** "", no bytes). A caller that forgets its check thus gets an error, never
** a crash or another statement's rows. */

void db_bind_int64(DbStmt *pStmt, int i, int64_t v) {
  if (pStmt) pStmt->pDb->pBackend->xBindInt64(pStmt->pHandle, i, v);
}

void db_bind_text(DbStmt *pStmt, int i, const char *zText) {
  if (!pStmt) return;
  if (!zText) {
    db_bind_null(pStmt, i);
    return;
  }
  pStmt->pDb->pBackend->xBindText(pStmt->pHandle, i, zText, strlen(zText));
}

void db_bind_blob(DbStmt *pStmt, int i, const void *p, size_t n) {
  if (pStmt) pStmt->pDb->pBackend->xBindBlob(pStmt->pHandle, i, p, n);
}

void db_bind_null(DbStmt *pStmt, int i) {
  if (pStmt) pStmt->pDb->pBackend->xBindNull(pStmt->pHandle, i);
}

int db_step(DbStmt *pStmt) {
  if (!pStmt) return DB_ERROR;
  if (pStmt->bWrites) versions_forget(pStmt->pDb);
  int rc = pStmt->pDb->pBackend->xStep(pStmt->pHandle);
  if (rc == DB_ERROR || rc == DB_CONSTRAINT) {
    fprintf(stderr, "cosoc: error de base de datos: %s\n  en: %s\n",
            db_errmsg(pStmt->pDb), pStmt->zSql);
  }
  if (rc != DB_ROW && rc != DB_DONE) pStmt->pDb->nFailed++;
  return rc;
}

int db_failures(const Db *pDb) { return pDb ? pDb->nFailed : 0; }

int64_t db_round_trips(Db *pDb) {
  return pDb && pDb->pBackend->xRoundTrips
             ? pDb->pBackend->xRoundTrips(pDb->pConn)
             : 0;
}

int db_column_is_null(DbStmt *pStmt, int i) {
  return pStmt ? pStmt->pDb->pBackend->xColumnIsNull(pStmt->pHandle, i) : 1;
}

int64_t db_column_int64(DbStmt *pStmt, int i) {
  return pStmt ? pStmt->pDb->pBackend->xColumnInt64(pStmt->pHandle, i) : 0;
}

const char *db_column_text(DbStmt *pStmt, int i) {
  const char *z =
      pStmt ? pStmt->pDb->pBackend->xColumnText(pStmt->pHandle, i) : NULL;
  return z ? z : "";
}

const void *db_column_blob(DbStmt *pStmt, int i) {
  return pStmt ? pStmt->pDb->pBackend->xColumnBlob(pStmt->pHandle, i) : NULL;
}

size_t db_column_bytes(DbStmt *pStmt, int i) {
  return pStmt ? pStmt->pDb->pBackend->xColumnBytes(pStmt->pHandle, i) : 0;
}

int db_exec_script(Db *pDb, const char *zSql) {
  versions_forget(pDb); /* BEGIN, COMMIT, ROLLBACK, DDL */
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

int db_finish(Db *pDb, int rc) {
  if (rc == DB_OK) return db_commit(pDb);
  /* rc may be db_begin()'s own failure: then nothing began, nothing is
  ** open, and there is nothing to roll back. */
  if (pDb->nTxn > 0) db_rollback(pDb);
  return rc;
}

int db_in_transaction(const Db *pDb) { return pDb->nTxn > 0; }

int db_write_waiters(Db *pDb) {
  return pDb->pBackend->xWriteWaiters ? pDb->pBackend->xWriteWaiters(pDb->pConn)
                                      : 0;
}

int64_t db_query_int64(Db *pDb, const char *zSql, int64_t iDefault) {
  return db_int_args(pDb, iDefault, zSql, NULL, 0);
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
    snprintf(zErr, nErr,
             "este motor de base de datos no se respalda con "
             "cosoc backup");
    return DB_ERROR;
  }
  return pDb->pBackend->xBackup(pDb->pConn, zFile, zErr, nErr);
}
