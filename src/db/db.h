/*
** The database interface: the only way cosoc talks to its database.
**
** It is deliberately narrow (open, prepare with `?` parameters, bind, step,
** read columns, transactions) so that a second backend (PostgreSQL, through
** libpq) fits behind it without any caller changing: each backend is a
** DbBackend of x-methods, like SQLite's VFS.
**
** Rules for callers:
**  - SQL text is a string literal next to the code that uses it, written in
**    the subset both SQLite and PostgreSQL accept, with `?` parameters.
**    Values are always bound, never pasted into SQL.
**  - db_prepare() returns a statement cached on the connection (prepared
**    once, reused); give it back with db_done() when finished. The pointer
**    stays valid and stays that statement until db_done(), however many
**    other statements are prepared meanwhile (slots never move). Asking
**    for a statement that is already in use gives a private copy.
**  - db_prepare() returns NULL on a SQL error: check it. Every other
**    function accepts that NULL (binds are ignored, db_step() answers
**    DB_ERROR, columns read as SQL NULL), so a missed check is an error
**    the caller sees, never a crash.
**  - Text and blobs read from a column are valid until the next db_step()
**    or db_done() on that statement: copy them into an arena to keep them.
**  - A Db is used by one thread at a time (the server opens one per thread).
**
** Writing SQL that both backends run the same way (tests run every suite on
** both: scripts/run-tests.sh):
**  - Ids come from `RETURNING id`, never last_insert_rowid(); never insert
**    an explicit value into an @PK@ column (PostgreSQL's identity would
**    later hand out the same number).
**  - Conflicts: `INSERT … ON CONFLICT (col) DO NOTHING/DO UPDATE`, never
**    INSERT OR IGNORE / REPLACE.
**  - Booleans are INTEGER 0/1 columns compared with `= 1`; times are BIGINT
**    seconds (db_now()), dates 'YYYY-MM-DD' TEXT: no date functions in SQL.
**  - PostgreSQL infers each parameter's type from its context; where there
**    is none (`? IS NULL`, `SELECT ?`, `? || x`) write `CAST(? AS TEXT)` /
**    `CAST(? AS BIGINT)`.
**  - `LIKE` ignores case on SQLite only: write lower(x) LIKE lower(?).
**    avg() and sum() of decimals give NUMERIC text on PostgreSQL: compute
**    ratios in C from counts.
**  - Every selected column is grouped or aggregated (PostgreSQL insists);
**    ORDER BY names a column whenever the order matters (the test cluster
**    sorts text bytewise, as SQLite does; a production one may not).
**  - On PostgreSQL a failed statement inside a transaction aborts it: after
**    DB_CONSTRAINT in db_begin() roll back, or avoid the error with
**    ON CONFLICT. Outside a transaction a failed statement harms nothing.
**  - db_begin() is a write transaction on both: it waits for other writers
**    (SQLite's write lock, a database-wide advisory lock on PostgreSQL), so
**    "read, decide, write" inside it cannot interleave with another
**    transaction. Keep transactions short.
*/
#ifndef COSOC_DB_DB_H
#define COSOC_DB_DB_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

/* Result codes, the same for every backend. */
#define DB_OK 0
#define DB_ERROR 1 /* Any failure; db_errmsg() has the detail */
#define DB_BUSY 5  /* Locked by another connection past the timeout */
#define DB_STALE                                                             \
  6                      /* A versioned save lost the race: the record is no \
                         ** longer at the version the form was drawn from    \
                         ** (someone saved first). Never from db_step(): the \
                         ** stores' versioned saves answer it */
#define DB_CONSTRAINT 19 /* UNIQUE, FOREIGN KEY, CHECK or NOT NULL refused */
#define DB_ROW 100       /* db_step(): a row is ready */
#define DB_DONE 101      /* db_step(): no more rows */

typedef struct Db Db;
typedef struct DbStmt DbStmt;

/* A backend: the x-methods behind the interface. pConn/pStmt are the
** backend's own handles. */
typedef struct DbBackend {
  const char *zName; /* "sqlite" or "postgresql": also selects migration SQL */
  int (*xOpen)(const char *zTarget, void **ppConn, char *zErr, size_t nErr);
  void (*xClose)(void *pConn);
  int (*xPrepare)(void *pConn, const char *zSql, void **ppStmt);
  int (*xBindInt64)(void *pStmt, int i, int64_t v);
  int (*xBindText)(void *pStmt, int i, const char *z, size_t n);
  int (*xBindBlob)(void *pStmt, int i, const void *p, size_t n);
  int (*xBindNull)(void *pStmt, int i);
  int (*xStep)(void *pStmt);
  int (*xColumnIsNull)(void *pStmt, int i);
  int64_t (*xColumnInt64)(void *pStmt, int i);
  const char *(*xColumnText)(void *pStmt, int i);
  const void *(*xColumnBlob)(void *pStmt, int i);
  size_t (*xColumnBytes)(void *pStmt, int i);
  void (*xReset)(void *pStmt);
  void (*xFinalize)(void *pStmt);
  int (*xExecScript)(void *pConn, const char *zSql); /* Several statements */
  const char *zBegin; /* SQL that starts a write transaction */
  const char *(*xErrmsg)(void *pConn);
  /* SQL that drops every table of the database (cosoc demo --force); NULL
  ** when the caller removes files instead (SQLite). */
  const char *zDropAll;
  /* Copies the live database into the file zFile, consistently and without
  ** stopping writers; NULL when the backend has its own tool (pg_dump). */
  int (*xBackup)(void *pConn, const char *zFile, char *zErr, size_t nErr);
  /* Who the connection's next writes are by, for the audit triggers (see
  ** db_set_actor): kept by the connection, also across a reconnect. */
  int (*xSetActor)(void *pConn, int64_t iUser, const char *zActor,
                   const char *zAddress);
  /* The council the connection's next writes are for (0: none known). */
  int (*xSetCouncil)(void *pConn, int64_t iCouncil);
  /* How many of this process's connections wait to write the same
  ** database (the SQLite write queue); NULL: the backend keeps none. */
  int (*xWriteWaiters)(void *pConn);
  /* Requests sent to the server and answered, since the connection was
  ** opened; NULL: the backend is a library in the process (SQLite). */
  int64_t (*xRoundTrips)(void *pConn);
} DbBackend;

extern const DbBackend db_sqlite_backend;
extern const DbBackend db_postgres_backend;

/* Whether zTarget names a PostgreSQL database (a postgresql:// URL). */
int db_target_is_postgres(const char *zTarget);

/* PostgreSQL backend: zSql with `?` turned into $1..$n outside literals,
** quoted identifiers and comments; malloc'ed. Exposed for unit tests. */
char *db_pg_translate_placeholders(const char *zSql, int *pnParam);

/* Opens the database named by zTarget (a file path for SQLite). On failure
** returns DB_ERROR and writes a one-line Spanish reason into zErr. */
int db_open(const char *zTarget, Db **ppDb, char *zErr, size_t nErr);
void db_close(Db *pDb); /* NULL is allowed */
const char *db_backend_name(const Db *pDb);
const char *db_errmsg(Db *pDb);

/* A cached statement for zSql (see the rules above); NULL on a SQL error
** (logged) or when out of memory. */
DbStmt *db_prepare(Db *pDb, const char *zSql);
void db_done(DbStmt *pStmt); /* Reset and give back to the cache */

/* Parameters are numbered from 1. Text is copied by the backend. A NULL
** zText binds SQL NULL. */
void db_bind_int64(DbStmt *pStmt, int i, int64_t v);
void db_bind_text(DbStmt *pStmt, int i, const char *zText);
void db_bind_blob(DbStmt *pStmt, int i, const void *p, size_t n);
void db_bind_null(DbStmt *pStmt, int i);

int db_step(
    DbStmt *pStmt); /* DB_ROW, DB_DONE, DB_CONSTRAINT, DB_BUSY, DB_ERROR */
/* How many statements (db_step() other than DB_ROW/DB_DONE) and commits
** have failed on this connection since it was opened: a request compares
** it before and after to tell "the database refused the write" from other
** failures (NULL: 0). */
int db_failures(const Db *pDb);
/* How many round trips to the database server this connection has made
** since it was opened (PostgreSQL; 0 on SQLite, which has no server): a
** request compares it before and after, and the server logs the
** difference, so that a page's cost in network latency shows. */
int64_t db_round_trips(Db *pDb);

/* Columns are numbered from 0. db_column_text() never returns NULL ("" for
** SQL NULL). */
int db_column_is_null(DbStmt *pStmt, int i);
int64_t db_column_int64(DbStmt *pStmt, int i);
const char *db_column_text(DbStmt *pStmt, int i);
const void *db_column_blob(DbStmt *pStmt, int i);
size_t db_column_bytes(DbStmt *pStmt, int i);

/* Runs a statement that returns no rows (or ignores them), with no
** parameters: only for fixed SQL such as migrations' bookkeeping. */
int db_exec_script(Db *pDb, const char *zSql);

/* Transactions nest by counting (as Fossil's db_begin_transaction): only the
** outermost begin/commit reach the database; a rollback anywhere makes the
** outermost commit roll back instead, so a failed inner step cannot be
** committed by accident. */
int db_begin(Db *pDb);
int db_commit(Db *pDb); /* DB_ERROR if any level rolled back */
void db_rollback(Db *pDb);
/* Ends the transaction db_begin() opened: commits when rc is DB_OK and
** returns what the commit returns, else rolls back and returns rc. rc may
** be the failure of that db_begin() itself (nothing to roll back then), so
** a write reads: rc = db_begin(); if (rc == DB_OK) …; return db_finish(). */
int db_finish(Db *pDb, int rc);
int db_in_transaction(const Db *pDb);
/* How many other connections of this process wait for their turn to write
** pDb's database (SQLite queues its writers first come, first served;
** 0 on PostgreSQL, whose server orders them). For tests. */
int db_write_waiters(Db *pDb);

/* Drops every table (PostgreSQL; DB_ERROR on SQLite, whose file the caller
** removes instead). In one write transaction. */
int db_drop_all(Db *pDb);

/* Backs the database up into the file zFile (SQLite online backup: safe
** while servers write). DB_ERROR with a Spanish reason in zErr otherwise,
** also for PostgreSQL (use pg_dump). */
int db_backup(Db *pDb, const char *zFile, char *zErr, size_t nErr);

/* Convenience: runs a one-row, one-integer query with no parameters.
** Returns iDefault when there is no row. */
int64_t db_query_int64(Db *pDb, const char *zSql, int64_t iDefault);

/* Applies the migrations compiled into the binary that the database has not
** seen, each in its own transaction. Returns DB_OK or DB_ERROR with a reason
** in zErr. *pnApplied gets how many were applied (may be NULL). */
int db_migrate(Db *pDb, int *pnApplied, char *zErr, size_t nErr);
/* Number of the newest migration applied, 0 for an empty database. */
int db_schema_version(Db *pDb);
/* Whether the database holds any user data (any user or council). */
int db_has_data(Db *pDb);

/*
** The audit log (db/audit.c, migration 0040): every table but those of
** db_audit_excluded has triggers that record each row written in
** audit_log, with the actor the connection was last given here. The
** server sets it at the start of each request (the signed-in user, or
** "visitante"), the command line once ("línea de comandos"), background
** jobs "sistema". iUser 0: no user. Returns DB_OK or DB_ERROR.
*/
int db_set_actor(Db *pDb, int64_t iUser, const char *zActor,
                 const char *zAddress);
/* The council the next writes are for: an entry of a row without a
** council_id of its own (an attendance row, a plan line) takes it, so that
** each council's officer sees its own entries. db_set_actor() resets it
** to none; the pages set it once they know the request's council
** (page_council). */
int db_set_council(Db *pDb, int64_t iCouncil);
/* The tables left without audit triggers, NULL-terminated, each with its
** reason in audit.c. */
extern const char *const db_audit_excluded[];
int db_audit_is_excluded(const char *zTable);
/* (Re)creates the audit triggers of every table not excluded: after
** migrations (db_migrate does it). DB_OK or DB_ERROR. */
int db_audit_install(Db *pDb);
/* Drops SQLite's audit triggers (before a migration alters tables). */
int db_audit_drop(Db *pDb);
/* How many tables (not excluded) lack their audit triggers, their names
** into *pazTable when not NULL; -1 when the catalogue cannot be read. */
int db_audit_tables_missing(Db *pDb, Arena *pArena, const char ***pazTable);

/* Seconds since the epoch; the clock every stored time uses. */
int64_t db_now(void);

/* A number that grows with every committed write to the data pages show
** (data_version, kept by triggers: migration 0010); -1 when unreadable.
** The page cache keys its entries by it. */
int64_t db_data_version(Db *pDb);
/* The same for what council iCouncil's pages show: the installation's
** version (high 32 bits) and the council's own (council_data_version,
** migration 0026), so that it grows with writes to either and a write to
** another council leaves it alone; -1 when unreadable. */
int64_t db_council_data_version(Db *pDb, int64_t iCouncil);
/* The SQL expression of that number for the council whose id is the SQL
** expression zId (a `?` or a column), so that a query that reads a
** council's row can read its version in the same round trip and hand it
** to db_version_read(). */
#define DB_COUNCIL_VERSION_SQL(zId)                                      \
  "((SELECT n FROM data_version WHERE id = 1) * 4294967296 + "           \
  "coalesce((SELECT n FROM council_data_version WHERE council_id = " zId \
  "), 0))"

/*
** Versions read once per request (issue 22: on PostgreSQL every query is a
** round trip, and a cached page should cost one). The server calls
** db_request_start() when a request begins; from then on a version read
** with a council's row (db_version_read) answers db_council_data_version()
** for that council without asking again, until this connection writes
** anything (any statement that is not a SELECT, any transaction or
** script) or the next request starts. Without db_request_start() (the
** command line, background jobs) nothing is remembered.
*/
void db_request_start(Db *pDb);
/* Which request the connection remembers for: it changes with each
** db_request_start(), so that a request served over several calls can tell
** whether its connection served another request in between. */
uint64_t db_request_serial(const Db *pDb);
void db_version_read(Db *pDb, int64_t iCouncil, int64_t iVersion);
/* The remembered version of iCouncil, or -1. */
int64_t db_version_recalled(Db *pDb, int64_t iCouncil);

/*
** The shapes every store repeats (db_exec.c): prepare, bind, step, read.
** Parameters are a list of DbArg made with DB_I(), DB_T() and DB_NULL, so
** that each is converted to its SQL type at the call (an int becomes an
** int64_t; no varargs to get wrong):
**
**   rc = db_exec(pDb, "UPDATE x SET a = ? WHERE id = ?", DB_T(z), DB_I(id));
**   p = db_query(pDb, "SELECT ... WHERE council_id = ?", DB_I(iCouncil));
**   rc = db_rows(p, pArena, x_from_row, sizeof(X), &aX, &nX);
*/
typedef struct DbArg {
  char eType;    /* 'i' integer, 't' text (NULL binds NULL), 'b' blob,
                 ** 'n' NULL */
  int64_t i;     /* 'i': the value; 'b': the blob's bytes */
  const char *z; /* 't': the text; 'b': the blob */
} DbArg;
#define DB_I(v) ((DbArg){'i', (int64_t)(v), NULL})
#define DB_T(s) ((DbArg){'t', 0, (s)})
#define DB_B(p, n) ((DbArg){'b', (int64_t)(n), (const char *)(p)})
#define DB_NULL ((DbArg){'n', 0, NULL})
/* The optional ones: text or "" (never NULL), text or NULL when it is NULL
** or "", an id or NULL when it is not positive (an optional reference). */
static inline DbArg db_arg_text_empty(const char *z) {
  return DB_T(z ? z : "");
}
static inline DbArg db_arg_text_null(const char *z) {
  return z && *z ? DB_T(z) : DB_NULL;
}
static inline DbArg db_arg_id_null(int64_t v) {
  return v > 0 ? DB_I(v) : DB_NULL;
}
#define DB_TE(s) db_arg_text_empty(s)
#define DB_TN(s) db_arg_text_null(s)
#define DB_IN(v) db_arg_id_null(v)
#define DB_ARGS_(...)           \
  (const DbArg[]){__VA_ARGS__}, \
      (int)(sizeof((const DbArg[]){__VA_ARGS__}) / sizeof(DbArg))

/* Binds aArg[0..nArg) to parameters 1..nArg of pStmt (NULL is ignored). */
void db_bind_args(DbStmt *pStmt, const DbArg *aArg, int nArg);
#define db_bind(pStmt, ...) db_bind_args(pStmt, DB_ARGS_(__VA_ARGS__))

/* Prepares zSql and binds the arguments: the statement, or NULL on a SQL
** error (logged). Give it back with db_done(), db_end(), db_row() or
** db_rows(). */
DbStmt *db_query_args(Db *pDb, const char *zSql, const DbArg *aArg, int nArg);
#define db_query(pDb, zSql, ...) db_query_args(pDb, zSql, DB_ARGS_(__VA_ARGS__))

/* Gives pStmt back after it was stepped to rc and says how it ended:
** DB_OK when it ran to the end (DB_DONE), the failure otherwise
** (DB_CONSTRAINT, DB_BUSY, DB_ERROR; a row nobody read is DB_ERROR). */
int db_end(DbStmt *pStmt, int rc);

/* Runs a statement that returns no rows: DB_OK, DB_CONSTRAINT, DB_BUSY or
** DB_ERROR. */
int db_exec_args(Db *pDb, const char *zSql, const DbArg *aArg, int nArg);
#define db_exec(pDb, zSql, ...) db_exec_args(pDb, zSql, DB_ARGS_(__VA_ARGS__))

/* Runs a statement whose first column of its one row is an id (INSERT …
** RETURNING id, UPDATE … RETURNING id): DB_OK with *piId set, DB_DONE when
** no row came back (an UPDATE that matched nothing), or the failure. */
int db_exec_id_args(Db *pDb, const char *zSql, int64_t *piId, const DbArg *aArg,
                    int nArg);
#define db_exec_id(pDb, zSql, piId, ...) \
  db_exec_id_args(pDb, zSql, piId, DB_ARGS_(__VA_ARGS__))

/* The first column of the first row as an integer; iDefault when there is
** no row, it is NULL or the query failed. */
int64_t db_int_args(Db *pDb, int64_t iDefault, const char *zSql,
                    const DbArg *aArg, int nArg);
#define db_int(pDb, iDefault, zSql, ...) \
  db_int_args(pDb, iDefault, zSql, DB_ARGS_(__VA_ARGS__))

/* The first column of the first row as text copied into pArena; NULL when
** there is no row or the query failed. */
const char *db_text_args(Db *pDb, Arena *pArena, const char *zSql,
                         const DbArg *aArg, int nArg);
#define db_text(pDb, pArena, zSql, ...) \
  db_text_args(pDb, pArena, zSql, DB_ARGS_(__VA_ARGS__))

/* Reads one row of pStmt into *pRow (strings copied into pArena). */
typedef void (*DbRowMap)(DbStmt *pStmt, Arena *pArena, void *pRow);

/* Steps pStmt once and gives it back: DB_OK with the row mapped into pRow,
** DB_DONE when there is none, DB_ERROR. pStmt may be NULL (DB_ERROR). */
int db_row(DbStmt *pStmt, Arena *pArena, DbRowMap xMap, void *pRow);
/* Steps pStmt to the end and gives it back, mapping every row into a new
** element of nElem bytes of an array grown in pArena: ppRow is the address
** of the caller's `T *` (NULL when there are no rows), *pnRow the count.
** DB_OK or DB_ERROR (the rows read so far stay in *ppRow). */
int db_rows(DbStmt *pStmt, Arena *pArena, DbRowMap xMap, size_t nElem,
            void *ppRow, int *pnRow);

/* A row read into a struct by a map instead of a function: the columns'
** types in order — 'i' an int64_t, 'n' an int, 'b' an int that is 1 when
** the column is not 0, 't' text copied into the arena ("" for NULL), 'T'
** the same but NULL for NULL, '-' a column skipped — and the fields they
** go to, in the same order:
**
**   static const DbMap org_map = DB_MAP(Organization, "itt", id, zName,
**                                        zKind);
**
** DB_MAP_FIX(T, xFix, …) then calls xFix on the mapped row, for what a
** column does not give as it is (a state parsed from its slug, a time
** shown as a date; it may read the skipped columns). Each field's size is
** kept and checked against its type (an assert). A map is a file-scope
** constant: its arrays are compound literals. */
typedef struct DbMap {
  const char *zTypes;          /* One letter per column */
  const size_t *aiOffset;      /* Where each field is, skips excluded */
  const unsigned char *aiSize; /* Its size, for the check */
  size_t nRow;                 /* sizeof the struct */
  void (*xFix)(DbStmt *pStmt, Arena *pArena, void *pRow); /* Or NULL */
} DbMap;
#define DB_MAP_OFF_(T, f) offsetof(T, f)
#define DB_MAP_SIZE_(T, f) (unsigned char)sizeof(((T *)0)->f)
#define DB_FE1_(X, T, a) X(T, a)
#define DB_FE2_(X, T, a, ...) X(T, a), DB_FE1_(X, T, __VA_ARGS__)
#define DB_FE3_(X, T, a, ...) X(T, a), DB_FE2_(X, T, __VA_ARGS__)
#define DB_FE4_(X, T, a, ...) X(T, a), DB_FE3_(X, T, __VA_ARGS__)
#define DB_FE5_(X, T, a, ...) X(T, a), DB_FE4_(X, T, __VA_ARGS__)
#define DB_FE6_(X, T, a, ...) X(T, a), DB_FE5_(X, T, __VA_ARGS__)
#define DB_FE7_(X, T, a, ...) X(T, a), DB_FE6_(X, T, __VA_ARGS__)
#define DB_FE8_(X, T, a, ...) X(T, a), DB_FE7_(X, T, __VA_ARGS__)
#define DB_FE9_(X, T, a, ...) X(T, a), DB_FE8_(X, T, __VA_ARGS__)
#define DB_FE10_(X, T, a, ...) X(T, a), DB_FE9_(X, T, __VA_ARGS__)
#define DB_FE11_(X, T, a, ...) X(T, a), DB_FE10_(X, T, __VA_ARGS__)
#define DB_FE12_(X, T, a, ...) X(T, a), DB_FE11_(X, T, __VA_ARGS__)
#define DB_FE13_(X, T, a, ...) X(T, a), DB_FE12_(X, T, __VA_ARGS__)
#define DB_FE14_(X, T, a, ...) X(T, a), DB_FE13_(X, T, __VA_ARGS__)
#define DB_FE15_(X, T, a, ...) X(T, a), DB_FE14_(X, T, __VA_ARGS__)
#define DB_FE16_(X, T, a, ...) X(T, a), DB_FE15_(X, T, __VA_ARGS__)
#define DB_FE17_(X, T, a, ...) X(T, a), DB_FE16_(X, T, __VA_ARGS__)
#define DB_FE18_(X, T, a, ...) X(T, a), DB_FE17_(X, T, __VA_ARGS__)
#define DB_FE19_(X, T, a, ...) X(T, a), DB_FE18_(X, T, __VA_ARGS__)
#define DB_FE20_(X, T, a, ...) X(T, a), DB_FE19_(X, T, __VA_ARGS__)
#define DB_FE21_(X, T, a, ...) X(T, a), DB_FE20_(X, T, __VA_ARGS__)
#define DB_FE22_(X, T, a, ...) X(T, a), DB_FE21_(X, T, __VA_ARGS__)
#define DB_FE23_(X, T, a, ...) X(T, a), DB_FE22_(X, T, __VA_ARGS__)
#define DB_FE24_(X, T, a, ...) X(T, a), DB_FE23_(X, T, __VA_ARGS__)
#define DB_FE_PICK_(_1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13,   \
                    _14, _15, _16, _17, _18, _19, _20, _21, _22, _23, _24, N, \
                    ...)                                                      \
  N
#define DB_FE_(X, T, ...)                                                    \
  DB_FE_PICK_(__VA_ARGS__, DB_FE24_, DB_FE23_, DB_FE22_, DB_FE21_, DB_FE20_, \
              DB_FE19_, DB_FE18_, DB_FE17_, DB_FE16_, DB_FE15_, DB_FE14_,    \
              DB_FE13_, DB_FE12_, DB_FE11_, DB_FE10_, DB_FE9_, DB_FE8_,      \
              DB_FE7_, DB_FE6_, DB_FE5_, DB_FE4_, DB_FE3_, DB_FE2_, DB_FE1_) \
  (X, T, __VA_ARGS__)
#define DB_MAP_FIX(T, xFix, zTypes, ...)                               \
  {                                                                    \
    (zTypes), (const size_t[]){DB_FE_(DB_MAP_OFF_, T, __VA_ARGS__)},   \
        (const unsigned char[]){DB_FE_(DB_MAP_SIZE_, T, __VA_ARGS__)}, \
        sizeof(T), (xFix)                                              \
  }
#define DB_MAP(T, zTypes, ...) DB_MAP_FIX(T, NULL, zTypes, __VA_ARGS__)

/* Reads the current row of pStmt into *pRow as pMap says. */
void db_map_row(DbStmt *pStmt, Arena *pArena, const DbMap *pMap, void *pRow);
/* db_row() and db_rows() with a map. */
int db_row_map(DbStmt *pStmt, Arena *pArena, const DbMap *pMap, void *pRow);
int db_rows_map(DbStmt *pStmt, Arena *pArena, const DbMap *pMap, void *ppRow,
                int *pnRow);

/* A query and its rows in one call: db_query() then db_row_map() (DB_OK,
** DB_DONE when there is no row, DB_ERROR) or db_rows_map(). */
int db_get_args(Db *pDb, Arena *pArena, const DbMap *pMap, void *pRow,
                const char *zSql, const DbArg *aArg, int nArg);
#define db_get(pDb, pArena, pMap, pRow, zSql, ...) \
  db_get_args(pDb, pArena, pMap, pRow, zSql, DB_ARGS_(__VA_ARGS__))
int db_list_args(Db *pDb, Arena *pArena, const DbMap *pMap, void *ppRow,
                 int *pnRow, const char *zSql, const DbArg *aArg, int nArg);
#define db_list(pDb, pArena, pMap, ppRow, pnRow, zSql, ...) \
  db_list_args(pDb, pArena, pMap, ppRow, pnRow, zSql, DB_ARGS_(__VA_ARGS__))

/* A copy of column i's text in pArena ("" for NULL). */
const char *db_column_dup(DbStmt *pStmt, Arena *pArena, int i);

/* One record of a council by its id: the row of zSql, whose first two
** parameters are the council and the id in that order, read by pMap into
** *pRow, cleared first (all zero when there is no row; the fields the map
** does not fill stay zero). A record is only ever read within its
** council, so that an id from another council reads as none: DB_OK,
** DB_DONE when the council has no such record, DB_ERROR. */
int db_get_council_row(Db *pDb, Arena *pArena, const DbMap *pMap, void *pRow,
                       const char *zSql, int64_t iCouncil, int64_t iId);

#endif
