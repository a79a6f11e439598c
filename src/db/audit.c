/*
** The audit triggers (issue 21): every table but a short list records each
** row it gains, changes or loses in audit_log (migration 0040), whoever
** writes: a page, the API, the command line, a background job or SQL typed
** by hand. They are made here, from the database's own catalogue, after
** the migrations run, rather than written out in a migration: a table
** another issue adds later gets them without anyone remembering to, and
** tests/http/test_audit.py fails on a table without them.
**
** Who acted comes from the connection (db_set_actor): on PostgreSQL the
** session settings cosoc.actor_id/actor/address read by the one trigger
** function cosoc_audit(); on SQLite, whose database triggers cannot read a
** connection's state, the entry is written without it and the
** connection's TEMP trigger (db_sqlite.c) stamps it in the same statement.
** Hand-made SQL thus still leaves an entry, with no actor.
**
** Table and column names come from the catalogue, never from input, and
** are quoted; they cannot be bound as parameters (DDL).
*/
#include <stdio.h>
#include <string.h>

#include "db/db.h"
#include "util/arena.h"

/* Tables without audit triggers, and why. Keep it short: each one is a
** write nobody can trace. */
const char *const db_audit_excluded[] = {
    "audit_log",            /* The log itself */
    "schema_migrations",    /* Migrations, applied by cosoc migrate */
    "data_version",         /* A counter that triggers bump on every write */
    "council_data_version", /* The same counter per council (the render
                            ** cache's): no personal data, bumped by
                            ** triggers with every write */
    "auth_version",         /* A counter bumped by triggers with every
                            ** write that changes who may do what
                            ** (migration 0050) */
    "sessions",             /* Sign-in sessions: signing in and out are
                            ** explicit entries; last_seen_at moves on every
                            ** request */
    "login_attempts",       /* The throttling record of sign-ins: each sign-in
                            ** and failed sign-in is an explicit entry */
    "evidence_derivatives", /* Thumbnails computed from evidence files: a
                            ** cache, remade from the file at will */
    NULL};

/* Columns whose change alone makes no entry: bookkeeping that moves with
** every save or every use. */
static const char *const azNoise[] = {"updated_at",
                                      "updated_by",
                                      "version",
                                      "last_used_at",
                                      "last_seen_at",
                                      "attendance_updated_at",
                                      "attendance_updated_by",
                                      "claimed_by",
                                      "claimed_until",
                                      "next_attempt_at",
                                      NULL};

/* The object an entry names: a table's rows belong to the record they are
** part of (an attendance row to its activity), found from the table's
** name first, then from the column that points to its record. */
typedef struct AuditKind {
  const char *zName; /* A table */
  const char *zKind; /* The object kind */
  const char *zId;   /* The column holding the object's id */
} AuditKind;

/* A column that points to the record its row is part of: the column holds
** that record's id. */
typedef struct AuditParent {
  const char *zColumn; /* The column, also the object's id */
  const char *zKind;   /* The object kind */
} AuditParent;

static const AuditKind aTableKind[] = {
    {"members", "member", "id"},
    {"organizations", "organization", "id"},
    {"directory_entries", "contact", "id"},
    {"users", "user", "id"},
    {"councils", "council", "id"},
    {"settings", "council", "key"},
    {"council_settings", "council", "council_id"},
    {"activities", "activity", "id"},
    {"actas", "acta", "id"},
    {"agreements", "agreement", "id"},
    {"plans", "plan", "id"},
    {"plan_versions", "plan", "id"},
    {"evidence_items", "evidence", "id"},
    {"evidence_files", "evidence", "sha256"},
    {"mail_outbox", "mail", "id"},
    {"participants", "participant", "id"},
    {"courses", "course", "id"},
    {"authority_requests", "authority_request", "id"},
    {"privacy_requests", "privacy_request", "id"},
    {"consents", "consent", "id"},
    {"breaches", "breach", "id"},
    {"breach_objects", "breach", "breach_id"},
    {"sensitive_data", "sensitive_data", "id"},
    {NULL, NULL, NULL}};

static const AuditParent aParentColumn[] = {{"activity_id", "activity"},
                                            {"acta_id", "acta"},
                                            {"agreement_id", "agreement"},
                                            {"version_id", "plan"},
                                            {"plan_version_id", "plan"},
                                            {"course_id", "course"},
                                            {"participant_id", "participant"},
                                            {"member_id", "member"},
                                            {"user_id", "user"},
                                            {"mail_id", "mail"},
                                            {"evidence_id", "evidence"},
                                            {"request_id", "authority_request"},
                                            {NULL, NULL}};

static int in_list(const char *const *az, const char *z) {
  for (int i = 0; az[i]; i++) {
    if (strcmp(az[i], z) == 0) return 1;
  }
  return 0;
}

int db_audit_is_excluded(const char *zTable) {
  return in_list(db_audit_excluded, zTable);
}

static int has_column(const char **azCol, int nCol, const char *z) {
  for (int i = 0; i < nCol; i++) {
    if (strcmp(azCol[i], z) == 0) return 1;
  }
  return 0;
}

/* The kind and id column of zTable's rows. */
static void table_kind(Arena *pArena, const char *zTable, const char **azCol,
                       int nCol, const char **pzKind, const char **pzId) {
  for (int i = 0; aTableKind[i].zName; i++) {
    if (strcmp(aTableKind[i].zName, zTable) == 0) {
      *pzKind = aTableKind[i].zKind;
      *pzId = aTableKind[i].zId;
      return;
    }
  }
  for (int i = 0; aParentColumn[i].zColumn; i++) {
    if (has_column(azCol, nCol, aParentColumn[i].zColumn)) {
      *pzKind = aParentColumn[i].zKind;
      *pzId = aParentColumn[i].zColumn;
      return;
    }
  }
  /* Anything else is its own kind: the table's name in the singular. */
  size_t n = strlen(zTable);
  *pzKind = arena_printf(
      pArena, "%.*s", (int)(n > 1 && zTable[n - 1] == 's' ? n - 1 : n), zTable);
  *pzId = has_column(azCol, nCol, "id") ? "id" : (nCol > 0 ? azCol[0] : "id");
}

/* ---- The catalogue ---- */

static int is_postgres(Db *pDb) {
  return strcmp(db_backend_name(pDb), "postgresql") == 0;
}

/* The first column of every row of p, as a list of strings. */
static int column_list(DbStmt *p, Arena *pArena, const char ***paz, int *pn) {
  const char **az = NULL;
  int n = 0, nAlloc = 0, rc;
  while ((rc = db_step(p)) == DB_ROW) {
    az = arena_grow(pArena, az, n, &nAlloc, sizeof(char *));
    az[n++] = db_column_dup(p, pArena, 0);
  }
  *paz = az;
  *pn = n;
  return db_end(p, rc);
}

/* Every table of the database, in name order. */
static int list_tables(Db *pDb, Arena *pArena, const char ***pazTable,
                       int *pnTable) {
  DbStmt *p = db_query(
      pDb, is_postgres(pDb)
               ? "SELECT table_name FROM information_schema.tables "
                 "WHERE table_schema = current_schema() AND "
                 "table_type = 'BASE TABLE' ORDER BY table_name"
               : "SELECT name FROM sqlite_schema WHERE type = 'table' AND "
                 "name NOT LIKE 'sqlite_%' ORDER BY name");
  return column_list(p, pArena, pazTable, pnTable);
}

static int list_columns(Db *pDb, Arena *pArena, const char *zTable,
                        const char ***pazCol, int *pnCol) {
  DbStmt *p =
      db_query(pDb,
               is_postgres(pDb)
                   ? "SELECT column_name FROM information_schema.columns "
                     "WHERE table_schema = current_schema() AND table_name = ? "
                     "ORDER BY ordinal_position"
                   : "SELECT name FROM pragma_table_info(?) ORDER BY cid",
               DB_T(zTable));
  return column_list(p, pArena, pazCol, pnCol);
}

/* ---- The triggers ---- */

/* SQLite: the list of changed (or, for an insert, given) fields as one SQL
** expression of OLD/NEW, "" when none. */
static const char *sqlite_fields_expr(Arena *pArena, const char **azCol,
                                      int nCol, int bUpdate) {
  Buf b;
  buf_init(&b, pArena);
  buf_puts(&b, "substr(''");
  for (int i = 0; i < nCol; i++) {
    if (in_list(azNoise, azCol[i])) continue;
    if (bUpdate) {
      buf_printf(&b,
                 " || CASE WHEN OLD.\"%s\" IS NOT NEW.\"%s\" THEN ',%s' "
                 "ELSE '' END",
                 azCol[i], azCol[i], azCol[i]);
    } else {
      buf_printf(&b,
                 " || CASE WHEN NEW.\"%s\" IS NOT NULL THEN ',%s' ELSE '' END",
                 azCol[i], azCol[i]);
    }
  }
  buf_puts(&b, ", 2)");
  return buf_str(&b);
}

static const char *sqlite_changed_cond(Arena *pArena, const char **azCol,
                                       int nCol) {
  Buf b;
  buf_init(&b, pArena);
  buf_puts(&b, "0");
  for (int i = 0; i < nCol; i++) {
    if (in_list(azNoise, azCol[i])) continue;
    buf_printf(&b, " OR OLD.\"%s\" IS NOT NEW.\"%s\"", azCol[i], azCol[i]);
  }
  return buf_str(&b);
}

static int sqlite_install_table(Db *pDb, Arena *pArena, const char *zTable,
                                const char **azCol, int nCol) {
  const char *zKind, *zId;
  table_kind(pArena, zTable, azCol, nCol, &zKind, &zId);
  int bCouncil = has_column(azCol, nCol, "council_id");
  static const char *const azOp[] = {"INSERT", "UPDATE", "DELETE"};
  static const char *const azSuffix[] = {"i", "u", "d"};
  static const char *const azAction[] = {"crear", "modificar", "eliminar"};
  for (int k = 0; k < 3; k++) {
    const char *zRow = k == 2 ? "OLD" : "NEW";
    const char *zSql = arena_printf(
        pArena,
        "DROP TRIGGER IF EXISTS \"audit_%s_%s\";"
        "CREATE TRIGGER \"audit_%s_%s\" AFTER %s ON \"%s\"%s%s BEGIN "
        "INSERT INTO audit_log (at, council_id, object_kind, object_id, "
        "action, tbl, fields) VALUES (CAST(strftime('%%s', 'now') AS "
        "INTEGER), %s, '%s', COALESCE(CAST(%s.\"%s\" AS TEXT), ''), '%s', "
        "'%s', %s); END;",
        zTable, azSuffix[k], zTable, azSuffix[k], azOp[k], zTable,
        k == 1 ? " WHEN " : "",
        k == 1 ? sqlite_changed_cond(pArena, azCol, nCol) : "",
        bCouncil ? arena_printf(pArena, "%s.council_id", zRow) : "NULL", zKind,
        zRow, zId, azAction[k], zTable,
        k == 2 ? "''" : sqlite_fields_expr(pArena, azCol, nCol, k == 1));
    if (db_exec_script(pDb, zSql) != DB_OK) return DB_ERROR;
  }
  return DB_OK;
}

static int pg_install_table(Db *pDb, Arena *pArena, const char *zTable,
                            const char **azCol, int nCol) {
  const char *zKind, *zId;
  table_kind(pArena, zTable, azCol, nCol, &zKind, &zId);
  Buf noise;
  buf_init(&noise, pArena);
  for (int i = 0; azNoise[i]; i++) {
    buf_printf(&noise, "%s%s", i ? "," : "", azNoise[i]);
  }
  const char *zSql = arena_printf(
      pArena,
      "DROP TRIGGER IF EXISTS audit_row ON \"%s\";"
      "CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON \"%s\" "
      "FOR EACH ROW EXECUTE FUNCTION cosoc_audit('%s', '%s', '%s')",
      zTable, zTable, zKind, zId, buf_str(&noise));
  return db_exec_script(pDb, zSql);
}

/* Drops SQLite's audit triggers before migrations run: ALTER TABLE … DROP
** COLUMN refuses a column a trigger names. PostgreSQL's name no column. */
int db_audit_drop(Db *pDb) {
  if (is_postgres(pDb)) return DB_OK;
  Arena *pArena = arena_new();
  DbStmt *p = db_query(pDb,
                       "SELECT name FROM sqlite_schema WHERE type = 'trigger' "
                       "AND name LIKE 'audit^_%' ESCAPE '^' AND "
                       "tbl_name <> 'audit_log'");
  const char **azName = NULL;
  int nName = 0;
  int rc = column_list(p, pArena, &azName, &nName);
  for (int i = 0; i < nName && rc == DB_OK; i++) {
    rc = db_exec_script(
        pDb, arena_printf(pArena, "DROP TRIGGER IF EXISTS \"%s\"", azName[i]));
  }
  arena_free(pArena);
  return rc;
}

/* Whether zTable has its audit triggers. */
static int has_triggers(Db *pDb, const char *zTable) {
  return db_int(pDb, 0,
                is_postgres(pDb)
                    ? "SELECT count(*) FROM pg_trigger g JOIN pg_class c ON "
                      "c.oid = g.tgrelid JOIN pg_namespace s ON s.oid = "
                      "c.relnamespace WHERE g.tgname = 'audit_row' AND "
                      "c.relname = ? AND s.nspname = current_schema()"
                    : "SELECT count(*) = 3 FROM sqlite_schema WHERE type = "
                      "'trigger' AND tbl_name = ? AND name LIKE 'audit^_%' "
                      "ESCAPE '^'",
                DB_T(zTable)) > 0;
}

int db_audit_tables_missing(Db *pDb, Arena *pArena, const char ***pazTable) {
  const char **azTable = NULL, **azMissing = NULL;
  int nTable = 0, nMissing = 0, nAlloc = 0;
  if (db_schema_version(pDb) >= 40 &&
      list_tables(pDb, pArena, &azTable, &nTable) != DB_OK) {
    return -1;
  }
  for (int i = 0; i < nTable; i++) {
    if (db_audit_is_excluded(azTable[i]) || has_triggers(pDb, azTable[i])) {
      continue;
    }
    azMissing =
        arena_grow(pArena, azMissing, nMissing, &nAlloc, sizeof(char *));
    azMissing[nMissing++] = azTable[i];
  }
  if (pazTable) *pazTable = azMissing;
  return nMissing;
}

int db_audit_install(Db *pDb) {
  if (db_schema_version(pDb) < 40) return DB_OK; /* No audit_log yet */
  Arena *pArena = arena_new();
  int rc = db_begin(pDb);
  const char **azTable = NULL;
  int nTable = 0;
  if (rc == DB_OK) rc = list_tables(pDb, pArena, &azTable, &nTable);
  for (int i = 0; i < nTable && rc == DB_OK; i++) {
    if (db_audit_is_excluded(azTable[i])) continue;
    const char **azCol = NULL;
    int nCol = 0;
    rc = list_columns(pDb, pArena, azTable[i], &azCol, &nCol);
    if (rc != DB_OK) break;
    rc = is_postgres(pDb)
             ? pg_install_table(pDb, pArena, azTable[i], azCol, nCol)
             : sqlite_install_table(pDb, pArena, azTable[i], azCol, nCol);
  }
  if (rc == DB_OK) {
    rc = db_commit(pDb);
  } else {
    fprintf(stderr,
            "cosoc: no se pudieron crear los registros de auditoría: "
            "%s\n",
            db_errmsg(pDb));
    db_rollback(pDb);
  }
  arena_free(pArena);
  return rc;
}
