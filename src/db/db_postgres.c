/*
** The PostgreSQL backend of the database interface, through libpq.
**
** What it does so that callers write the same code as for SQLite:
**  - `?` parameters become `$1..$n` when a statement is prepared (string
**    literals, quoted identifiers and comments are skipped); each statement
**    is a named prepared statement of its connection (PQprepare). Values go
**    as text (blobs as binary) and their types are left to the server, which
**    infers them from the context: a bare `? IS NULL` has no context, so
**    callers write `CAST(? AS TEXT) IS NULL`.
**  - Results come in text format; a bytea column is decoded with
**    PQunescapeBytea the first time a row's blob is read.
**  - SQLSTATE class 23 is DB_CONSTRAINT; serialization failure, deadlock and
**    lock timeout are DB_BUSY.
**  - A write transaction (zBegin) takes one database-wide advisory lock, so
**    transactions run one at a time as with SQLite's BEGIN IMMEDIATE: code
**    that reads then writes inside db_begin() sees no interleaved writer on
**    either backend. It also makes concurrent migrations wait for each other.
**  - When the server restarts, the next statement finds the connection
**    broken, resets it and prepares its statements again. A statement that
**    was not in a transaction is retried once; a transaction in progress is
**    lost, so everything up to its COMMIT fails and nothing half-done is
**    committed.
**
** It must never build SQL from values: parameters are always sent apart.
*/
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"

#define PG_LOCK_TIMEOUT "10s"   /* As SQLite's busy timeout */
#define PG_CONNECT_TIMEOUT "10" /* Seconds to wait for the server */
#define PG_WRITE_LOCK_KEY                            \
  "7236950528" /* pg_advisory_xact_lock key, "cosoc" \
                */
#define PG_BYTEA_OID 17
#define PG_BOOL_OID 16

typedef struct PgConn {
  PGconn *pConn;     /* libpq connection */
  int iGeneration;   /* Bumped on every reconnect: statements re-prepare */
  int nStmtName;     /* Counter for statement names */
  int bTxnLost;      /* The connection dropped inside a transaction */
  char zActorId[24]; /* The actor (db_set_actor), sent again after a */
  char zActor[128];  /* reconnect */
  char zAddress[64];
  char zCouncil[24]; /* db_set_council(), "" none */
  char zSent[256];   /* The four as last sent (pg_flush_actor), "" none */
  char zErr[512];    /* Last error, one line */
  int64_t nTrips;    /* Round trips to the server (pg_trip) */
} PgConn;

/* Counts one round trip to the server: every request cosoc sends waits for
** its answer, so this is the number a page pays in network latency
** (db_round_trips; the server logs it per request). */
static PGconn *pg_trip(PgConn *pPg) {
  pPg->nTrips++;
  return pPg->pConn;
}

typedef struct PgStmt {
  PgConn *pPg;           /* Connection */
  char *zSql;            /* Translated SQL with $n parameters */
  char zName[32];        /* Server-side name of the prepared statement */
  int iGeneration;       /* Connection generation it was prepared in; -1 none */
  int nParam;            /* Number of $n parameters */
  char **azParam;        /* Parameter values (owned), NULL for SQL NULL */
  int *anParamLen;       /* Their lengths (used for binary ones) */
  int *aParamFormat;     /* 0 text, 1 binary */
  PGresult *pRes;        /* Result of the last execution, NULL before step */
  int iRow;              /* Current row in pRes */
  int nCol;              /* Columns in pRes */
  unsigned char **aBlob; /* Decoded bytea of the current row, per column */
  size_t *anBlob;        /* Their sizes */
} PgStmt;

/* ---- Errors ---- */

static void pg_set_error(PgConn *pPg, const char *zMsg) {
  if (!zMsg || !*zMsg) zMsg = "error desconocido de PostgreSQL";
  snprintf(pPg->zErr, sizeof(pPg->zErr), "%s", zMsg);
  /* One line: libpq adds a newline and sometimes a DETAIL. */
  size_t n = strcspn(pPg->zErr, "\n");
  pPg->zErr[n] = 0;
}

/* DB_* for a failed result, from its SQLSTATE. */
static int pg_map_error(PgConn *pPg, const PGresult *pRes) {
  const char *zState = pRes ? PQresultErrorField(pRes, PG_DIAG_SQLSTATE) : NULL;
  pg_set_error(pPg,
               pRes ? PQresultErrorMessage(pRes) : PQerrorMessage(pPg->pConn));
  if (pRes && !*PQresultErrorMessage(pRes)) {
    pg_set_error(pPg, PQerrorMessage(pPg->pConn));
  }
  if (!zState) return DB_ERROR;
  if (strncmp(zState, "23", 2) == 0) return DB_CONSTRAINT;
  if (strcmp(zState, "40001") == 0 || strcmp(zState, "40P01") == 0 ||
      strcmp(zState, "55P03") == 0) {
    return DB_BUSY;
  }
  return DB_ERROR;
}

/* ---- Placeholders ---- */

/* zSql with each `?` outside literals, quoted identifiers and comments
** replaced by $1, $2, …; malloc'ed. *pnParam gets the count. */
char *db_pg_translate_placeholders(const char *zSql, int *pnParam) {
  size_t nSql = strlen(zSql);
  /* "$n" is at most 6 bytes longer than "?" for any realistic n. */
  size_t nCount = 0;
  for (const char *z = zSql; *z; z++) nCount += *z == '?';
  char *zOut = malloc(nSql + nCount * 6 + 1);
  if (!zOut) return NULL;
  int nParam = 0;
  size_t j = 0;
  for (size_t i = 0; i < nSql;) {
    char c = zSql[i];
    if (c == '\'' || c == '"') {
      /* A literal or quoted identifier; a doubled quote stays inside, and
      ** an E'' literal may also escape with a backslash. */
      int bBackslash =
          c == '\'' && i > 0 && (zSql[i - 1] == 'E' || zSql[i - 1] == 'e');
      zOut[j++] = zSql[i++];
      while (i < nSql) {
        if (bBackslash && zSql[i] == '\\' && i + 1 < nSql) {
          zOut[j++] = zSql[i++];
          zOut[j++] = zSql[i++];
          continue;
        }
        if (zSql[i] == c) {
          zOut[j++] = zSql[i++];
          if (i < nSql && zSql[i] == c) {
            zOut[j++] = zSql[i++];
            continue;
          }
          break;
        }
        zOut[j++] = zSql[i++];
      }
    } else if (c == '-' && zSql[i + 1] == '-') {
      while (i < nSql && zSql[i] != '\n') zOut[j++] = zSql[i++];
    } else if (c == '/' && zSql[i + 1] == '*') {
      zOut[j++] = zSql[i++];
      zOut[j++] = zSql[i++];
      while (i < nSql && !(zSql[i] == '*' && zSql[i + 1] == '/')) {
        zOut[j++] = zSql[i++];
      }
      if (i < nSql) {
        zOut[j++] = zSql[i++];
        zOut[j++] = zSql[i++];
      }
    } else if (c == '?') {
      j += (size_t)sprintf(zOut + j, "$%d", ++nParam);
      i++;
    } else {
      zOut[j++] = zSql[i++];
    }
  }
  zOut[j] = 0;
  *pnParam = nParam;
  return zOut;
}

/* ---- Connections ---- */

/* Settings every session gets, after connecting and after each reset. */
/* Sends the actor of the audit triggers (cosoc_audit(), migration 0040)
** as session settings: they outlast transactions, and db_set_actor()
** replaces them at the start of each request. */
static int pg_send_actor(PgConn *pPg) {
  const char *azVal[4] = {pPg->zActorId, pPg->zActor, pPg->zAddress,
                          pPg->zCouncil};
  PGresult *pRes =
      PQexecParams(pg_trip(pPg),
                   "SELECT set_config('cosoc.actor_id', $1, false), "
                   "set_config('cosoc.actor', $2, false), "
                   "set_config('cosoc.address', $3, false), "
                   "set_config('cosoc.council', $4, false)",
                   4, NULL, azVal, NULL, NULL, 0);
  int rc =
      PQresultStatus(pRes) == PGRES_TUPLES_OK ? DB_OK : pg_map_error(pPg, pRes);
  PQclear(pRes);
  return rc;
}

static int pg_session_setup(PgConn *pPg) {
  PGresult *pRes = PQexec(pg_trip(pPg), "SET lock_timeout = '" PG_LOCK_TIMEOUT
                                        "';"
                                        "SET client_min_messages = warning");
  int rc = PQresultStatus(pRes) == PGRES_COMMAND_OK ? DB_OK
                                                    : pg_map_error(pPg, pRes);
  PQclear(pRes);
  pPg->zSent[0] = 0; /* A new session: the actor goes again */
  return rc;
}

/* Where a connection goes, for messages: never the password. */
static void pg_describe(PGconn *pConn, char *z, size_t n) {
  const char *zHost = pConn ? PQhost(pConn) : NULL;
  const char *zPort = pConn ? PQport(pConn) : NULL;
  const char *zDb = pConn ? PQdb(pConn) : NULL;
  snprintf(z, n, "%s:%s/%s", zHost && *zHost ? zHost : "localhost",
           zPort && *zPort ? zPort : "5432", zDb ? zDb : "");
}

static int pg_open(const char *zTarget, void **ppConn, char *zErr,
                   size_t nErr) {
  /* Defaults first: what the URL says overrides them. */
  const char *azKey[] = {"connect_timeout", "client_encoding",
                         "fallback_application_name", "dbname", NULL};
  const char *azVal[] = {PG_CONNECT_TIMEOUT, "UTF8", "cosoc", zTarget, NULL};
  PGconn *pConn = PQconnectdbParams(azKey, azVal, 1);
  if (!pConn || PQstatus(pConn) != CONNECTION_OK) {
    char zWhere[256], zWhy[256];
    pg_describe(pConn, zWhere, sizeof(zWhere));
    snprintf(zWhy, sizeof(zWhy), "%s",
             pConn ? PQerrorMessage(pConn) : "sin memoria");
    zWhy[strcspn(zWhy, "\n")] = 0;
    snprintf(zErr, nErr,
             "no se pudo conectar con PostgreSQL en %s (%s): revise que el "
             "servidor esté en marcha y la dirección de --db",
             zWhere, zWhy);
    PQfinish(pConn);
    return DB_ERROR;
  }
  PgConn *pPg = calloc(1, sizeof(*pPg));
  if (!pPg) {
    PQfinish(pConn);
    snprintf(zErr, nErr, "sin memoria");
    return DB_ERROR;
  }
  pPg->pConn = pConn;
  if (pg_session_setup(pPg) != DB_OK) {
    snprintf(zErr, nErr, "no se pudo preparar la sesión de PostgreSQL: %s",
             pPg->zErr);
    PQfinish(pConn);
    free(pPg);
    return DB_ERROR;
  }
  *ppConn = pPg;
  return DB_OK;
}

/* The actor and council are only remembered here; they reach the server
** with the next statement (pg_flush_actor), and only when they differ from
** what it already has: a request that sets the same actor and council as
** the one before costs no round trip. */
static int pg_set_actor(void *pConn, int64_t iUser, const char *zActor,
                        const char *zAddress) {
  PgConn *pPg = pConn;
  pPg->zActorId[0] = 0;
  if (iUser > 0) {
    snprintf(pPg->zActorId, sizeof(pPg->zActorId), "%lld", (long long)iUser);
  }
  snprintf(pPg->zActor, sizeof(pPg->zActor), "%s", zActor);
  snprintf(pPg->zAddress, sizeof(pPg->zAddress), "%s", zAddress);
  return DB_OK;
}

static int pg_set_council(void *pConn, int64_t iCouncil) {
  PgConn *pPg = pConn;
  pPg->zCouncil[0] = 0;
  if (iCouncil > 0) {
    snprintf(pPg->zCouncil, sizeof(pPg->zCouncil), "%lld", (long long)iCouncil);
  }
  return DB_OK;
}

/* Sends the actor and council before a statement when the server's are
** not those. Sent inside a transaction they would be undone by its
** rollback: pg_exec_script forgets what was sent on a ROLLBACK. */
static int pg_flush_actor(PgConn *pPg) {
  char zKey[sizeof(pPg->zSent)];
  snprintf(zKey, sizeof(zKey), "%s\x1f%s\x1f%s\x1f%s", pPg->zActorId,
           pPg->zActor, pPg->zAddress, pPg->zCouncil);
  if (strcmp(zKey, pPg->zSent) == 0) return DB_OK;
  if (!pPg->zSent[0] && strcmp(zKey, "\x1f\x1f\x1f") == 0) return DB_OK;
  int rc = pg_send_actor(pPg);
  if (rc == DB_OK) snprintf(pPg->zSent, sizeof(pPg->zSent), "%s", zKey);
  return rc;
}

static void pg_close(void *pConn) {
  PgConn *pPg = pConn;
  if (!pPg) return;
  PQfinish(pPg->pConn);
  free(pPg);
}

/* Reconnects a broken connection. bInTxn says the break interrupted a
** transaction, which is then lost. */
static int pg_reconnect(PgConn *pPg, int bInTxn) {
  PQreset(pPg->pConn);
  pPg->iGeneration++;
  if (bInTxn) pPg->bTxnLost = 1;
  if (PQstatus(pPg->pConn) != CONNECTION_OK) {
    char zWhere[256], zMsg[512];
    pg_describe(pPg->pConn, zWhere, sizeof(zWhere));
    snprintf(zMsg, sizeof(zMsg),
             "se perdió la conexión con PostgreSQL en %s: %s", zWhere,
             PQerrorMessage(pPg->pConn));
    pg_set_error(pPg, zMsg);
    return DB_ERROR;
  }
  return pg_session_setup(pPg);
}

static int pg_in_txn(PgConn *pPg) {
  PGTransactionStatusType e = PQtransactionStatus(pPg->pConn);
  return e == PQTRANS_INTRANS || e == PQTRANS_INERROR || e == PQTRANS_ACTIVE;
}

/* ---- Statements ---- */

/* Prepares pStmt on the server in the connection's current generation. */
static int pg_prepare_on_server(PgStmt *pStmt) {
  PgConn *pPg = pStmt->pPg;
  snprintf(pStmt->zName, sizeof(pStmt->zName), "cosoc_%d", ++pPg->nStmtName);
  PGresult *pRes = PQprepare(pg_trip(pPg), pStmt->zName, pStmt->zSql, 0, NULL);
  int rc = PQresultStatus(pRes) == PGRES_COMMAND_OK ? DB_OK
                                                    : pg_map_error(pPg, pRes);
  PQclear(pRes);
  if (rc == DB_OK) pStmt->iGeneration = pPg->iGeneration;
  return rc;
}

static void pg_clear_row(PgStmt *pStmt) {
  for (int i = 0; pStmt->aBlob && i < pStmt->nCol; i++) {
    PQfreemem(pStmt->aBlob[i]);
    pStmt->aBlob[i] = NULL;
  }
}

static void pg_clear_result(PgStmt *pStmt) {
  pg_clear_row(pStmt);
  free(pStmt->aBlob);
  free(pStmt->anBlob);
  pStmt->aBlob = NULL;
  pStmt->anBlob = NULL;
  PQclear(pStmt->pRes);
  pStmt->pRes = NULL;
  pStmt->nCol = 0;
}

/* Frees a statement's own buffers and itself. */
static void pg_stmt_drop(PgStmt *pStmt) {
  free(pStmt->zSql);
  free(pStmt->azParam);
  free(pStmt->anParamLen);
  free(pStmt->aParamFormat);
  free(pStmt);
}

static int pg_prepare(void *pConn, const char *zSql, void **ppStmt) {
  PgConn *pPg = pConn;
  PgStmt *pStmt = calloc(1, sizeof(*pStmt));
  if (!pStmt) return DB_ERROR;
  pStmt->pPg = pPg;
  pStmt->iGeneration = -1;
  pStmt->zSql = db_pg_translate_placeholders(zSql, &pStmt->nParam);
  int n = pStmt->nParam > 0 ? pStmt->nParam : 1;
  pStmt->azParam = calloc((size_t)n, sizeof(char *));
  pStmt->anParamLen = calloc((size_t)n, sizeof(int));
  pStmt->aParamFormat = calloc((size_t)n, sizeof(int));
  if (!pStmt->zSql || !pStmt->azParam || !pStmt->anParamLen ||
      !pStmt->aParamFormat) {
    pg_set_error(pPg, "sin memoria");
    pg_stmt_drop(pStmt);
    return DB_ERROR;
  }
  /* A broken connection, or a transaction already aborted by an earlier
  ** error, is not a SQL error of this statement: it is prepared on the
  ** server when it first runs (and its step reports the real problem), so
  ** callers never get NULL for a correct statement. */
  if (PQstatus(pPg->pConn) == CONNECTION_OK && !pPg->bTxnLost &&
      PQtransactionStatus(pPg->pConn) != PQTRANS_INERROR) {
    if (pg_prepare_on_server(pStmt) != DB_OK &&
        PQstatus(pPg->pConn) == CONNECTION_OK) {
      pg_stmt_drop(pStmt);
      return DB_ERROR;
    }
  }
  *ppStmt = pStmt;
  return DB_OK;
}

static int pg_bind(PgStmt *pStmt, int i, const void *p, size_t n, int bBinary) {
  if (i < 1 || i > pStmt->nParam) return DB_ERROR;
  free(pStmt->azParam[i - 1]);
  pStmt->azParam[i - 1] = NULL;
  if (p) {
    char *z = malloc(n + 1);
    if (!z) return DB_ERROR;
    memcpy(z, p, n);
    z[n] = 0;
    pStmt->azParam[i - 1] = z;
  }
  pStmt->anParamLen[i - 1] = (int)n;
  pStmt->aParamFormat[i - 1] = bBinary;
  return DB_OK;
}

static int pg_bind_int64(void *pStmt, int i, int64_t v) {
  char z[24];
  int n = snprintf(z, sizeof(z), "%lld", (long long)v);
  return pg_bind(pStmt, i, z, (size_t)n, 0);
}

static int pg_bind_text(void *pStmt, int i, const char *z, size_t n) {
  return pg_bind(pStmt, i, z, n, 0);
}

static int pg_bind_blob(void *pStmt, int i, const void *p, size_t n) {
  /* A zero-length blob is an empty value, not NULL. */
  return pg_bind(pStmt, i, p ? p : "", n, 1);
}

static int pg_bind_null(void *pStmt, int i) {
  return pg_bind(pStmt, i, NULL, 0, 0);
}

/* Runs the prepared statement once; the result is kept in pStmt->pRes. */
static int pg_execute(PgStmt *pStmt) {
  PgConn *pPg = pStmt->pPg;
  if (pPg->bTxnLost) {
    pg_set_error(pPg,
                 "se perdió la conexión con PostgreSQL durante la "
                 "transacción; no se guardó nada de ella");
    return DB_ERROR;
  }
  if (PQstatus(pPg->pConn) == CONNECTION_OK && pg_flush_actor(pPg) != DB_OK) {
    return DB_ERROR;
  }
  for (int iTry = 0; iTry < 2; iTry++) {
    int bInTxn = pg_in_txn(pPg);
    int rc = DB_OK;
    if (PQstatus(pPg->pConn) != CONNECTION_OK) {
      rc = pg_reconnect(pPg, bInTxn);
      if (rc != DB_OK || pPg->bTxnLost) return DB_ERROR;
    }
    if (pStmt->iGeneration != pPg->iGeneration) {
      rc = pg_prepare_on_server(pStmt);
    }
    if (rc == DB_OK) {
      pStmt->pRes = PQexecPrepared(pg_trip(pPg), pStmt->zName, pStmt->nParam,
                                   (const char *const *)pStmt->azParam,
                                   pStmt->anParamLen, pStmt->aParamFormat, 0);
      ExecStatusType e = PQresultStatus(pStmt->pRes);
      if (e == PGRES_TUPLES_OK || e == PGRES_COMMAND_OK) {
        pStmt->nCol = PQnfields(pStmt->pRes);
        pStmt->aBlob =
            calloc((size_t)(pStmt->nCol + 1), sizeof(unsigned char *));
        pStmt->anBlob = calloc((size_t)(pStmt->nCol + 1), sizeof(size_t));
        if (!pStmt->aBlob || !pStmt->anBlob) {
          pg_clear_result(pStmt);
          pg_set_error(pPg, "sin memoria");
          return DB_ERROR;
        }
        return DB_OK;
      }
      rc = pg_map_error(pPg, pStmt->pRes);
      pg_clear_result(pStmt);
    }
    if (PQstatus(pPg->pConn) == CONNECTION_OK) return rc;
    /* The server went away (restarted, or the connection was cut). Out of
    ** a transaction the statement can run again on a new connection; in a
    ** transaction the work so far is gone and must not be half-continued. */
    if (pg_reconnect(pPg, bInTxn) != DB_OK || bInTxn) return DB_ERROR;
  }
  return DB_ERROR;
}

static int pg_step(void *p) {
  PgStmt *pStmt = p;
  if (!pStmt->pRes) {
    int rc = pg_execute(pStmt);
    if (rc != DB_OK) return rc;
    pStmt->iRow = -1;
  }
  pg_clear_row(pStmt);
  if (pStmt->iRow + 1 < PQntuples(pStmt->pRes)) {
    pStmt->iRow++;
    return DB_ROW;
  }
  pStmt->iRow = PQntuples(pStmt->pRes);
  return DB_DONE;
}

/* Whether column i of the current row exists and is not NULL. */
static int pg_has_value(PgStmt *pStmt, int i) {
  return pStmt->pRes && i >= 0 && i < pStmt->nCol && pStmt->iRow >= 0 &&
         pStmt->iRow < PQntuples(pStmt->pRes) &&
         !PQgetisnull(pStmt->pRes, pStmt->iRow, i);
}

static int pg_column_is_null(void *pStmt, int i) {
  return !pg_has_value(pStmt, i);
}

static int64_t pg_column_int64(void *p, int i) {
  PgStmt *pStmt = p;
  if (!pg_has_value(pStmt, i)) return 0;
  const char *z = PQgetvalue(pStmt->pRes, pStmt->iRow, i);
  /* Comparisons and EXISTS give booleans on PostgreSQL, integers on SQLite. */
  if (PQftype(pStmt->pRes, i) == PG_BOOL_OID) return z[0] == 't';
  return strtoll(z, NULL, 10);
}

static const char *pg_column_text(void *p, int i) {
  PgStmt *pStmt = p;
  if (!pg_has_value(pStmt, i)) return NULL;
  return PQgetvalue(pStmt->pRes, pStmt->iRow, i);
}

/* Decodes a bytea column of the current row once; NULL on failure. */
static const unsigned char *pg_blob(PgStmt *pStmt, int i) {
  if (!pStmt->aBlob[i]) {
    const unsigned char *z =
        (const unsigned char *)PQgetvalue(pStmt->pRes, pStmt->iRow, i);
    pStmt->aBlob[i] = PQunescapeBytea(z, &pStmt->anBlob[i]);
  }
  return pStmt->aBlob[i];
}

static const void *pg_column_blob(void *p, int i) {
  PgStmt *pStmt = p;
  if (!pg_has_value(pStmt, i)) return NULL;
  if (PQftype(pStmt->pRes, i) == PG_BYTEA_OID) return pg_blob(pStmt, i);
  return PQgetvalue(pStmt->pRes, pStmt->iRow, i);
}

static size_t pg_column_bytes(void *p, int i) {
  PgStmt *pStmt = p;
  if (!pg_has_value(pStmt, i)) return 0;
  if (PQftype(pStmt->pRes, i) == PG_BYTEA_OID) {
    return pg_blob(pStmt, i) ? pStmt->anBlob[i] : 0;
  }
  return (size_t)PQgetlength(pStmt->pRes, pStmt->iRow, i);
}

static void pg_reset(void *p) {
  PgStmt *pStmt = p;
  pg_clear_result(pStmt);
  for (int i = 0; i < pStmt->nParam; i++) {
    free(pStmt->azParam[i]);
    pStmt->azParam[i] = NULL;
    pStmt->anParamLen[i] = 0;
    pStmt->aParamFormat[i] = 0;
  }
}

static void pg_finalize(void *p) {
  PgStmt *pStmt = p;
  if (!pStmt) return;
  pg_reset(pStmt);
  PgConn *pPg = pStmt->pPg;
  /* Only an evicted statement needs this; in an aborted transaction the
  ** server refuses and the name is simply never used again. */
  if (pStmt->iGeneration == pPg->iGeneration &&
      PQstatus(pPg->pConn) == CONNECTION_OK &&
      PQtransactionStatus(pPg->pConn) == PQTRANS_IDLE) {
    char zSql[64];
    snprintf(zSql, sizeof(zSql), "DEALLOCATE %s", pStmt->zName);
    PQclear(PQexec(pg_trip(pPg), zSql));
  }
  pg_stmt_drop(pStmt);
}

/* ---- Scripts and transactions ---- */

static int starts_with(const char *z, const char *zPrefix) {
  return strncmp(z, zPrefix, strlen(zPrefix)) == 0;
}

static int pg_exec_script(void *pConn, const char *zSql) {
  PgConn *pPg = pConn;
  int bBegin = starts_with(zSql, "BEGIN");
  int bRollback = starts_with(zSql, "ROLLBACK");
  if (bRollback) pPg->zSent[0] = 0; /* It may undo what was sent */
  if (!bRollback && !pPg->bTxnLost && PQstatus(pPg->pConn) == CONNECTION_OK &&
      pg_flush_actor(pPg) != DB_OK) {
    return DB_ERROR;
  }
  int bEnds = bRollback || starts_with(zSql, "COMMIT");
  if (pPg->bTxnLost) {
    /* The lost transaction ends here: a ROLLBACK agrees, a COMMIT fails. */
    if (bEnds) pPg->bTxnLost = 0;
    if (bRollback) return DB_OK;
    pg_set_error(pPg,
                 "se perdió la conexión con PostgreSQL durante la "
                 "transacción; no se guardó nada de ella");
    return DB_ERROR;
  }
  /* Broken and no transaction lost: a reconnect earlier failed, outside
  ** any transaction. Try again. */
  if (PQstatus(pPg->pConn) != CONNECTION_OK && pg_reconnect(pPg, 0) != DB_OK) {
    return bRollback ? DB_OK : DB_ERROR;
  }
  /* Nothing to roll back (db_commit() rolls back after a failed COMMIT). */
  if (bRollback && PQtransactionStatus(pPg->pConn) == PQTRANS_IDLE) {
    return DB_OK;
  }
  for (int iTry = 0; iTry < 2; iTry++) {
    int bInTxn = pg_in_txn(pPg);
    PGresult *pRes = PQexec(pg_trip(pPg), zSql);
    ExecStatusType e = PQresultStatus(pRes);
    int rc = DB_OK;
    if (e != PGRES_COMMAND_OK && e != PGRES_TUPLES_OK) {
      rc = pg_map_error(pPg, pRes);
    } else if (starts_with(zSql, "COMMIT") &&
               strcmp(PQcmdStatus(pRes), "ROLLBACK") == 0) {
      /* COMMIT of a transaction that had failed rolls back: say so. */
      pg_set_error(pPg, "la transacción tuvo un error y se deshizo");
      rc = DB_ERROR;
    }
    PQclear(pRes);
    if (rc != DB_OK && PQstatus(pPg->pConn) != CONNECTION_OK) {
      /* The server went away. A transaction in progress is lost (unless
      ** this script was ending it); a BEGIN can simply start again. */
      int rcRe = pg_reconnect(pPg, bInTxn && !bEnds);
      if (bRollback) return DB_OK;
      if (rcRe == DB_OK && bBegin && iTry == 0) continue;
      return rc;
    }
    /* A BEGIN that could not take the write lock leaves an aborted
    ** transaction behind, and db_begin() then never rolls back. */
    if (rc != DB_OK && bBegin && pg_in_txn(pPg)) {
      PQclear(PQexec(pg_trip(pPg), "ROLLBACK"));
    }
    return rc;
  }
  return DB_ERROR;
}

static int64_t pg_round_trips(void *pConn) { return ((PgConn *)pConn)->nTrips; }

static const char *pg_errmsg(void *pConn) {
  PgConn *pPg = pConn;
  return pPg->zErr[0] ? pPg->zErr : PQerrorMessage(pPg->pConn);
}

const DbBackend db_postgres_backend = {
    .zName = "postgresql",
    .xOpen = pg_open,
    .xSetActor = pg_set_actor,
    .xSetCouncil = pg_set_council,
    .xClose = pg_close,
    .xPrepare = pg_prepare,
    .xBindInt64 = pg_bind_int64,
    .xBindText = pg_bind_text,
    .xBindBlob = pg_bind_blob,
    .xBindNull = pg_bind_null,
    .xStep = pg_step,
    .xColumnIsNull = pg_column_is_null,
    .xColumnInt64 = pg_column_int64,
    .xColumnText = pg_column_text,
    .xColumnBlob = pg_column_blob,
    .xColumnBytes = pg_column_bytes,
    .xReset = pg_reset,
    .xFinalize = pg_finalize,
    .xExecScript = pg_exec_script,
    /* One writer at a time, as SQLite: see the header comment. */
    .zBegin = "BEGIN; SELECT pg_advisory_xact_lock(" PG_WRITE_LOCK_KEY ")",
    .xErrmsg = pg_errmsg,
    /* Drops every table, view and sequence of the schema cosoc uses (the
    ** first on the search path); for `cosoc demo --force`. */
    .zDropAll =
        "DO $$ DECLARE r record; BEGIN "
        "FOR r IN SELECT viewname AS n FROM pg_views "
        "WHERE schemaname = current_schema() LOOP "
        "EXECUTE format('DROP VIEW IF EXISTS %I CASCADE', r.n); END LOOP; "
        "FOR r IN SELECT tablename AS n FROM pg_tables "
        "WHERE schemaname = current_schema() LOOP "
        "EXECUTE format('DROP TABLE IF EXISTS %I CASCADE', r.n); END LOOP; "
        "FOR r IN SELECT sequencename AS n FROM pg_sequences "
        "WHERE schemaname = current_schema() LOOP "
        "EXECUTE format('DROP SEQUENCE IF EXISTS %I CASCADE', r.n); END LOOP; "
        "END $$",
    .xBackup = NULL,
    .xRoundTrips = pg_round_trips,
};
