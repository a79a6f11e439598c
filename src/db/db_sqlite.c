/*
** The SQLite backend of the database interface.
**
** Each connection runs in WAL mode (readers never wait for the writer), with
** foreign keys enforced, a busy timeout so that concurrent writers queue
** instead of failing, and synchronous=FULL so that a write acknowledged to a
** user survives a power cut, not only a crash of the process.
**
** Writers of this process queue in order (WriteQueue below) before they
** ask SQLite for its write lock, so that the busy handler is only ever
** reached when another process writes the same file.
*/
#include <errno.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "db/db.h"

#define SQLITE_BUSY_TIMEOUT_MS 10000

/*
** The in-process write queue (issue 22): one per database file, a FIFO of
** the connections that want to write. SQLite's busy handler makes a
** writer that finds the lock taken sleep 1, 2, 5 … 100 ms and try again,
** so under load the unlucky ones kept losing the race and waited a
** second while others came and went. Here a writer waits on its own
** condition variable and the one that finishes hands the lock straight to
** the oldest waiter: first come, first served, nobody sleeps past the
** moment the lock is free. Readers never touch it (WAL: they never wait
** for a writer). Another process writing the same file still meets the
** busy handler: the queue only orders this process's writers.
**
** A connection enters the queue before BEGIN IMMEDIATE, or before the
** first step of a writing statement outside a transaction, and leaves it
** once it is back in autocommit mode with no writing statement running.
** The wait is bounded by the busy timeout: past it the writer gets
** DB_BUSY, as SQLite would have answered.
*/
typedef struct QueueWaiter {
  pthread_cond_t cond;
  sqlite3 *db;  /* Who waits */
  int bGranted; /* The lock was handed to this waiter */
  struct QueueWaiter *pNext;
} QueueWaiter;

typedef struct WriteQueue {
  char *zFile;         /* The database file (sqlite3_db_filename) */
  sqlite3 *pHolder;    /* The connection holding the lock, or NULL */
  QueueWaiter *pFirst; /* Waiters, oldest first */
  QueueWaiter *pLast;
  struct WriteQueue *pNext;
} WriteQueue;

static pthread_mutex_t g_queueMutex = PTHREAD_MUTEX_INITIALIZER;
static WriteQueue *g_pQueues; /* Never freed: one per file the process
                              ** opened, a few bytes each */

/* The queue of db's file, made on first use; NULL for an in-memory or
** temporary database (nobody else can write it). Holds g_queueMutex. */
static WriteQueue *queue_of(sqlite3 *db) {
  const char *zFile = sqlite3_db_filename(db, "main");
  if (!zFile || !*zFile) return NULL;
  for (WriteQueue *q = g_pQueues; q; q = q->pNext) {
    if (strcmp(q->zFile, zFile) == 0) return q;
  }
  WriteQueue *q = calloc(1, sizeof(*q));
  if (!q || !(q->zFile = strdup(zFile))) {
    free(q);
    return NULL;
  }
  q->pNext = g_pQueues;
  g_pQueues = q;
  return q;
}

/* Takes db's place in its file's queue and waits for its turn: DB_OK
** (also when db holds it already, or has no queue), DB_BUSY after the busy
** timeout. */
static int queue_enter(sqlite3 *db) {
  pthread_mutex_lock(&g_queueMutex);
  WriteQueue *q = queue_of(db);
  if (!q || q->pHolder == db) {
    pthread_mutex_unlock(&g_queueMutex);
    return DB_OK;
  }
  if (!q->pHolder && !q->pFirst) {
    q->pHolder = db;
    pthread_mutex_unlock(&g_queueMutex);
    return DB_OK;
  }
  QueueWaiter w = {.db = db, .bGranted = 0, .pNext = NULL};
  pthread_condattr_t attr;
  pthread_condattr_init(&attr);
  pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
  pthread_cond_init(&w.cond, &attr);
  pthread_condattr_destroy(&attr);
  if (q->pLast) {
    q->pLast->pNext = &w;
  } else {
    q->pFirst = &w;
  }
  q->pLast = &w;
  struct timespec deadline;
  clock_gettime(CLOCK_MONOTONIC, &deadline);
  deadline.tv_sec += SQLITE_BUSY_TIMEOUT_MS / 1000;
  int e = 0;
  while (!w.bGranted && e != ETIMEDOUT) {
    e = pthread_cond_timedwait(&w.cond, &g_queueMutex, &deadline);
  }
  if (!w.bGranted) {
    /* Out of the line: nobody hands the lock to a waiter who left. */
    QueueWaiter **pp = &q->pFirst;
    QueueWaiter *pPrev = NULL;
    while (*pp != &w) {
      pPrev = *pp;
      pp = &(*pp)->pNext;
    }
    *pp = w.pNext;
    if (q->pLast == &w) q->pLast = pPrev;
  }
  pthread_mutex_unlock(&g_queueMutex);
  pthread_cond_destroy(&w.cond);
  return w.bGranted ? DB_OK : DB_BUSY;
}

/* A connection of this backend: SQLite's handle, and what is known of its
** TEMP cosoc_actor row (sqlite_set_actor). The memory lives with the
** connection, not with a thread: the server's pool hands a connection to
** whichever thread serves the next call, and a thread's memory of "its"
** connection went stale as soon as another thread set another actor on it
** (an officer's API write was then filed under the councillor served
** before on that connection). */
typedef struct SqliteConn {
  sqlite3 *db;
  /* The TEMP row as written outside a transaction (a rollback cannot undo
  ** it then): the server sets the same actor on every request of a
  ** signed-in user, and writing it costs two statements parsed again each
  ** time (a fifth of a cached page, issue 22). Any call inside a
  ** transaction forgets it. */
  int bActorKnown;
  int bCouncil;
  int64_t iUser, iCouncil;
  char zActor[160], zAddress[80];
  sqlite3_stmt *pCouncil; /* Its UPDATE of the council, prepared once */
} SqliteConn;

/* How many connections wait in db's queue (for tests). */
static int sqlite_write_waiters(void *pConn) {
  int n = 0;
  pthread_mutex_lock(&g_queueMutex);
  WriteQueue *q = queue_of(((SqliteConn *)pConn)->db);
  for (QueueWaiter *w = q ? q->pFirst : NULL; w; w = w->pNext) n++;
  pthread_mutex_unlock(&g_queueMutex);
  return n;
}

/* SQLite's own automatic checkpoint runs inside the COMMIT that crosses
** its threshold, so the writer would still hold the queue while it copies
** the log into the database and syncs it: every writer behind would wait
** for it (the p99 of the writes). The WAL hook only notes that one is due;
** the writer runs it after leaving the queue (checkpoint_if_due). A
** PASSIVE checkpoint waits for nobody and needs no write lock, and writers
** go on appending to the log meanwhile. */
#define WAL_CHECKPOINT_PAGES 1000 /* SQLite's default threshold */
static _Thread_local sqlite3 *tl_pCheckpointDue;

static int wal_hook(void *pArg, sqlite3 *db, const char *zDb, int nPage) {
  (void)pArg;
  (void)zDb;
  if (nPage >= WAL_CHECKPOINT_PAGES) tl_pCheckpointDue = db;
  return SQLITE_OK;
}

static void checkpoint_if_due(sqlite3 *db) {
  if (tl_pCheckpointDue != db || !sqlite3_get_autocommit(db)) return;
  tl_pCheckpointDue = NULL;
  sqlite3_wal_checkpoint_v2(db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
}

/* Whether db is writing: in a transaction, or running a statement that
** writes (autocommit: its implicit transaction ends when it does). */
static int conn_is_writing(sqlite3 *db) {
  if (!sqlite3_get_autocommit(db)) return 1;
  for (sqlite3_stmt *p = sqlite3_next_stmt(db, NULL); p;
       p = sqlite3_next_stmt(db, p)) {
    if (sqlite3_stmt_busy(p) && !sqlite3_stmt_readonly(p)) return 1;
  }
  return 0;
}

/* Leaves the queue when db holds it and has stopped writing (or always,
** with bClosing), handing the lock to the oldest waiter: it is its holder
** from now on, so that nobody jumps the line while it wakes. */
static void queue_leave(sqlite3 *db, int bClosing) {
  pthread_mutex_lock(&g_queueMutex);
  WriteQueue *q = queue_of(db);
  if (q && q->pHolder == db && (bClosing || !conn_is_writing(db))) {
    QueueWaiter *w = q->pFirst;
    q->pHolder = NULL;
    if (w) {
      q->pFirst = w->pNext;
      if (!q->pFirst) q->pLast = NULL;
      w->bGranted = 1;
      q->pHolder = w->db;
      pthread_cond_signal(&w->cond);
    }
  }
  pthread_mutex_unlock(&g_queueMutex);
}

static int map_rc(int rc) {
  switch (rc & 0xff) {
    case SQLITE_OK:
      return DB_OK;
    case SQLITE_ROW:
      return DB_ROW;
    case SQLITE_DONE:
      return DB_DONE;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return DB_BUSY;
    case SQLITE_CONSTRAINT:
      return DB_CONSTRAINT;
    default:
      return DB_ERROR;
  }
}

static int sqlite_open(const char *zTarget, void **ppConn, char *zErr,
                       size_t nErr) {
  sqlite3 *db = NULL;
  struct stat st;
  if (stat(zTarget, &st) == 0 && S_ISDIR(st.st_mode)) {
    snprintf(zErr, nErr, "%s es una carpeta, no un archivo de base de datos",
             zTarget);
    return DB_ERROR;
  }
  int rc = sqlite3_open_v2(
      zTarget, &db,
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK) {
    snprintf(zErr, nErr, "no se pudo abrir la base de datos %s: %s", zTarget,
             (rc & 0xff) == SQLITE_CANTOPEN
                 ? "la carpeta no existe o no hay permiso para escribir en ella"
                 : (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
    sqlite3_close(db);
    return DB_ERROR;
  }
  sqlite3_busy_timeout(db, SQLITE_BUSY_TIMEOUT_MS);
  sqlite3_wal_hook(db, wal_hook, NULL); /* Replaces the automatic one */
  sqlite3_extended_result_codes(db, 1);
  /* Reading the schema is the first thing that fails on a file that is not
  ** a database, or that we may not read: check it here, once, with a clear
  ** message, rather than on the first query. */
  rc = sqlite3_exec(db,
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA foreign_keys=ON;"
                    "PRAGMA synchronous=FULL;"
                    "SELECT count(*) FROM sqlite_schema;",
                    NULL, NULL, NULL);
  if (rc != SQLITE_OK) {
    int iCode = sqlite3_errcode(db) & 0xff;
    snprintf(zErr, nErr, "no se pudo usar la base de datos %s: %s", zTarget,
             iCode == SQLITE_NOTADB
                 ? "el archivo no es una base de datos SQLite"
             : iCode == SQLITE_PERM || iCode == SQLITE_READONLY ||
                     iCode == SQLITE_CANTOPEN
                 ? "no hay permiso para leerla y escribirla"
                 : sqlite3_errmsg(db));
    sqlite3_close(db);
    return DB_ERROR;
  }
  SqliteConn *pConn = calloc(1, sizeof(*pConn));
  if (!pConn) {
    snprintf(zErr, nErr, "no queda memoria para abrir la base de datos");
    sqlite3_close(db);
    return DB_ERROR;
  }
  pConn->db = db;
  *ppConn = pConn;
  return DB_OK;
}

static void sqlite_close(void *pConn) {
  SqliteConn *c = pConn;
  if (!c) return;
  queue_leave(c->db, 1); /* Closing rolls back what it wrote */
  /* What is left is pCouncil (db_close finalized the statement cache). */
  sqlite3_stmt *pLeft;
  while ((pLeft = sqlite3_next_stmt(c->db, NULL)) != NULL) {
    sqlite3_finalize(pLeft);
  }
  sqlite3_close_v2(c->db);
  free(c);
}

static int sqlite_prepare(void *pConn, const char *zSql, void **ppStmt) {
  sqlite3_stmt *pStmt = NULL;
  int rc = sqlite3_prepare_v3(((SqliteConn *)pConn)->db, zSql, -1,
                              SQLITE_PREPARE_PERSISTENT, &pStmt, NULL);
  if (rc != SQLITE_OK) return DB_ERROR;
  *ppStmt = pStmt;
  return DB_OK;
}

static int sqlite_bind_int64(void *pStmt, int i, int64_t v) {
  return map_rc(sqlite3_bind_int64(pStmt, i, v));
}

static int sqlite_bind_text(void *pStmt, int i, const char *z, size_t n) {
  return map_rc(
      sqlite3_bind_text64(pStmt, i, z, n, SQLITE_TRANSIENT, SQLITE_UTF8));
}

static int sqlite_bind_blob(void *pStmt, int i, const void *p, size_t n) {
  return map_rc(sqlite3_bind_blob64(pStmt, i, p, n, SQLITE_TRANSIENT));
}

static int sqlite_bind_null(void *pStmt, int i) {
  return map_rc(sqlite3_bind_null(pStmt, i));
}

/* A writing statement outside a transaction queues first (its implicit
** transaction ends with it); inside one, BEGIN already queued. */
static int sqlite_step(void *pStmt) {
  if (sqlite3_stmt_readonly(pStmt)) return map_rc(sqlite3_step(pStmt));
  sqlite3 *db = sqlite3_db_handle(pStmt);
  int bAuto = sqlite3_get_autocommit(db);
  if (bAuto && !sqlite3_stmt_busy(pStmt) && queue_enter(db) != DB_OK) {
    return DB_BUSY;
  }
  int rc = sqlite3_step(pStmt);
  if (bAuto && rc != SQLITE_ROW) {
    queue_leave(db, 0);
    checkpoint_if_due(db);
  }
  return map_rc(rc);
}

static int sqlite_column_is_null(void *pStmt, int i) {
  return sqlite3_column_type(pStmt, i) == SQLITE_NULL;
}

static int64_t sqlite_column_int64(void *pStmt, int i) {
  return sqlite3_column_int64(pStmt, i);
}

static const char *sqlite_column_text(void *pStmt, int i) {
  return (const char *)sqlite3_column_text(pStmt, i);
}

static const void *sqlite_column_blob(void *pStmt, int i) {
  return sqlite3_column_blob(pStmt, i);
}

static size_t sqlite_column_bytes(void *pStmt, int i) {
  return (size_t)sqlite3_column_bytes(pStmt, i);
}

static void sqlite_reset(void *pStmt) {
  sqlite3_reset(pStmt);
  sqlite3_clear_bindings(pStmt);
  /* A writing statement left before its end (rows of RETURNING unread). */
  if (!sqlite3_stmt_readonly(pStmt)) queue_leave(sqlite3_db_handle(pStmt), 0);
}

static void sqlite_finalize(void *pStmt) {
  sqlite3 *db = pStmt ? sqlite3_db_handle(pStmt) : NULL;
  int bWrites = pStmt && !sqlite3_stmt_readonly(pStmt);
  sqlite3_finalize(pStmt);
  if (bWrites) queue_leave(db, 0);
}

/* A write transaction (zBegin) queues before it asks for SQLite's lock;
** the queue is left when the connection is back in autocommit mode (a
** COMMIT or ROLLBACK, or a BEGIN that failed). */
static int sqlite_exec_script(void *pConn, const char *zSql) {
  sqlite3 *db = ((SqliteConn *)pConn)->db;
  int bQueued = 0;
  if (strncmp(zSql, "BEGIN", 5) == 0 && sqlite3_get_autocommit(db)) {
    if (queue_enter(db) != DB_OK) return DB_BUSY;
    bQueued = 1;
  }
  int rc = map_rc(sqlite3_exec(db, zSql, NULL, NULL, NULL));
  if (bQueued || sqlite3_get_autocommit(db)) {
    queue_leave(db, 0);
    checkpoint_if_due(db);
  }
  return rc;
}

static const char *sqlite_errmsg(void *pConn) {
  return sqlite3_errmsg(((SqliteConn *)pConn)->db);
}

/* The online backup API copies the database page by page into a new file
** next to zFile, which replaces zFile only when complete: a reader never
** finds half a backup. In WAL mode the copy is one read transaction, a
** consistent snapshot, and writers on other connections go on meanwhile. */
static int sqlite_backup(void *pConn, const char *zFile, char *zErr,
                         size_t nErr) {
  char zTmp[4096];
  if ((size_t)snprintf(zTmp, sizeof(zTmp), "%s.parcial", zFile) >=
      sizeof(zTmp)) {
    snprintf(zErr, nErr, "el nombre del respaldo es demasiado largo");
    return DB_ERROR;
  }
  unlink(zTmp);
  sqlite3 *pDest = NULL;
  int rc = sqlite3_open_v2(zTmp, &pDest,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK) {
    sqlite3_backup *pBackup =
        sqlite3_backup_init(pDest, "main", ((SqliteConn *)pConn)->db, "main");
    if (!pBackup) {
      rc = sqlite3_errcode(pDest);
    } else {
      /* All pages in one step: restarting after every write elsewhere would
      ** never finish on a busy server. BUSY only while a checkpoint holds
      ** the file: wait and go on. */
      do {
        rc = sqlite3_backup_step(pBackup, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(100);
      } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
      sqlite3_backup_finish(pBackup);
      rc = rc == SQLITE_DONE ? sqlite3_errcode(pDest) : rc;
    }
  }
  if (rc != SQLITE_OK) {
    snprintf(zErr, nErr, "no se pudo escribir el respaldo %s: %s", zFile,
             pDest ? sqlite3_errmsg(pDest) : sqlite3_errstr(rc));
    sqlite3_close(pDest);
    unlink(zTmp);
    return DB_ERROR;
  }
  sqlite3_close(pDest);
  if (rename(zTmp, zFile) != 0) {
    snprintf(zErr, nErr, "no se pudo dejar el respaldo en %s: %s", zFile,
             strerror(errno));
    unlink(zTmp);
    return DB_ERROR;
  }
  return DB_OK;
}

/* The actor of this connection's writes (db_set_actor). The database's
** audit triggers cannot read a connection's state, so they write each
** entry without it, and this connection's TEMP trigger (which may read the
** connection's TEMP table) stamps it in at once, in the same statement.
** Made on first use, once audit_log exists (migration 0040). */
static int sqlite_set_actor(void *pConn, int64_t iUser, const char *zActor,
                            const char *zAddress) {
  SqliteConn *c = pConn;
  sqlite3 *db = c->db;
  if (c->bActorKnown && c->iUser == iUser && strcmp(c->zActor, zActor) == 0 &&
      strcmp(c->zAddress, zAddress) == 0 && sqlite3_get_autocommit(db)) {
    return DB_OK;
  }
  c->bActorKnown = 0;
  sqlite3_stmt *pStmt = NULL;
  int rc = sqlite3_prepare_v2(
      db, "UPDATE temp.cosoc_actor SET user_id = ?1, actor = ?2, address = ?3",
      -1, &pStmt, NULL);
  if (rc != SQLITE_OK) {
    /* First use on this connection: the TEMP table and trigger. */
    sqlite3_finalize(pStmt);
    pStmt = NULL;
    rc = sqlite3_exec(db,
                      "CREATE TEMP TABLE IF NOT EXISTS cosoc_actor ("
                      "user_id INTEGER, actor TEXT NOT NULL, "
                      "address TEXT NOT NULL, council_id INTEGER);"
                      "INSERT INTO temp.cosoc_actor SELECT NULL, '', '', NULL "
                      "WHERE NOT EXISTS (SELECT 1 FROM temp.cosoc_actor)",
                      NULL, NULL, NULL);
    if (rc != SQLITE_OK) return DB_ERROR;
    rc = sqlite3_prepare_v2(
        db,
        "UPDATE temp.cosoc_actor SET user_id = ?1, actor = ?2, address = ?3",
        -1, &pStmt, NULL);
    if (rc != SQLITE_OK) return DB_ERROR;
  }
  /* The trigger, as soon as there is an audit_log to stamp. */
  sqlite3_exec(db,
               "CREATE TEMP TRIGGER IF NOT EXISTS cosoc_actor_stamp AFTER "
               "INSERT ON main.audit_log WHEN NEW.stamped = 0 BEGIN "
               "UPDATE audit_log SET user_id = (SELECT user_id FROM "
               "cosoc_actor), actor = (SELECT actor FROM cosoc_actor), "
               "address = (SELECT address FROM cosoc_actor), council_id = "
               "COALESCE(NEW.council_id, (SELECT council_id FROM "
               "cosoc_actor)), stamped = 1 "
               "WHERE id = NEW.id; END",
               NULL, NULL, NULL);
  if (iUser > 0) {
    sqlite3_bind_int64(pStmt, 1, iUser);
  } else {
    sqlite3_bind_null(pStmt, 1);
  }
  sqlite3_bind_text(pStmt, 2, zActor, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(pStmt, 3, zAddress, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step(pStmt);
  sqlite3_finalize(pStmt);
  if (rc == SQLITE_DONE && sqlite3_get_autocommit(db) &&
      strlen(zActor) < sizeof(c->zActor) &&
      strlen(zAddress) < sizeof(c->zAddress)) {
    c->bActorKnown = 1;
    c->iUser = iUser;
    c->bCouncil = 0;
    strcpy(c->zActor, zActor);
    strcpy(c->zAddress, zAddress);
  }
  return rc == SQLITE_DONE ? DB_OK : DB_ERROR;
}

/* The council of the connection's next writes (db_set_council): stamped
** into an entry whose row has no council_id. Nothing to do before the
** first db_set_actor() made the TEMP table. */
static int sqlite_set_council(void *pConn, int64_t iCouncil) {
  SqliteConn *c = pConn;
  if (iCouncil < 0) iCouncil = 0;
  int bKnown = c->bActorKnown && sqlite3_get_autocommit(c->db);
  if (bKnown && c->bCouncil && c->iCouncil == iCouncil) return DB_OK;
  if (!bKnown) c->bActorKnown = 0;
  /* Set twice a request (db_set_actor clears it): prepared once. */
  if (!c->pCouncil &&
      sqlite3_prepare_v3(c->db, "UPDATE temp.cosoc_actor SET council_id = ?1",
                         -1, SQLITE_PREPARE_PERSISTENT, &c->pCouncil,
                         NULL) != SQLITE_OK) {
    sqlite3_finalize(c->pCouncil);
    c->pCouncil = NULL;
    return DB_OK;
  }
  sqlite3_stmt *pStmt = c->pCouncil;
  if (iCouncil > 0) {
    sqlite3_bind_int64(pStmt, 1, iCouncil);
  } else {
    sqlite3_bind_null(pStmt, 1);
  }
  int rc = sqlite3_step(pStmt);
  sqlite3_reset(pStmt);
  if (bKnown && rc == SQLITE_DONE) {
    c->bCouncil = 1;
    c->iCouncil = iCouncil;
  }
  return rc == SQLITE_DONE ? DB_OK : DB_ERROR;
}

const DbBackend db_sqlite_backend = {
    .zName = "sqlite",
    .xOpen = sqlite_open,
    .xClose = sqlite_close,
    .xPrepare = sqlite_prepare,
    .xBindInt64 = sqlite_bind_int64,
    .xBindText = sqlite_bind_text,
    .xBindBlob = sqlite_bind_blob,
    .xBindNull = sqlite_bind_null,
    .xStep = sqlite_step,
    .xColumnIsNull = sqlite_column_is_null,
    .xColumnInt64 = sqlite_column_int64,
    .xColumnText = sqlite_column_text,
    .xColumnBlob = sqlite_column_blob,
    .xColumnBytes = sqlite_column_bytes,
    .xReset = sqlite_reset,
    .xFinalize = sqlite_finalize,
    .xExecScript = sqlite_exec_script,
    /* IMMEDIATE takes the write lock at once: a deferred transaction that
    ** reads then writes can fail with BUSY instead of waiting. */
    .zBegin = "BEGIN IMMEDIATE",
    .xErrmsg = sqlite_errmsg,
    .zDropAll = NULL, /* cosoc demo --force removes the file instead */
    .xBackup = sqlite_backup,
    .xSetActor = sqlite_set_actor,
    .xSetCouncil = sqlite_set_council,
    .xWriteWaiters = sqlite_write_waiters,
};
