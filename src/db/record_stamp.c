/*
** record_stamp_get() and record_stamp_claim(): one constant statement per
** table (never a table name pasted into SQL), all of the same shape.
*/
#include "db/record_stamp.h"

#include <assert.h>
#include <string.h>

#define STAMP_SQL(zTable)                                             \
  "SELECT t.version, t.updated_at, coalesce(u.name, '') FROM " zTable \
  " t "                                                               \
  "LEFT JOIN users u ON u.id = t.updated_by WHERE t.id = ?"

static const char *const azStampSql[RECORD_N_KIND] = {
    [RECORD_ACTIVITY] = STAMP_SQL("activities"),
    [RECORD_ACTA] = STAMP_SQL("actas"),
    [RECORD_AGREEMENT] = STAMP_SQL("agreements"),
    [RECORD_ORGANIZATION] = STAMP_SQL("organizations"),
    [RECORD_MEMBER] = STAMP_SQL("members"),
    [RECORD_DIRECTORY_ENTRY] = STAMP_SQL("directory_entries"),
    [RECORD_QUORUM_SETTINGS] =
        "SELECT t.version, t.updated_at, coalesce(u.name, '') FROM "
        "quorum_settings t LEFT JOIN users u ON u.id = t.updated_by WHERE "
        "t.council_id = ?",
    [RECORD_ATTENDANCE] =
        "SELECT t.attendance_version, coalesce(t.attendance_updated_at, 0), "
        "coalesce(u.name, '') FROM activities t LEFT JOIN users u ON u.id = "
        "t.attendance_updated_by WHERE t.id = ?",
    [RECORD_COURSE] = STAMP_SQL("courses"),
    [RECORD_PARTICIPANT] = STAMP_SQL("participants"),
};

int record_stamp_get(Db *pDb, Arena *pArena, RecordKind eKind, int64_t iId,
                     RecordStamp *pStamp) {
  assert(eKind >= 0 && eKind < RECORD_N_KIND);
  memset(pStamp, 0, sizeof(*pStamp));
  pStamp->zAuthor = "";
  DbStmt *p = db_prepare(pDb, azStampSql[eKind]);
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iId);
  int rc = db_step(p);
  if (rc == DB_ROW) {
    pStamp->iVersion = (int)db_column_int64(p, 0);
    pStamp->tUpdated = db_column_int64(p, 1);
    pStamp->zAuthor = arena_strdup(pArena, db_column_text(p, 2));
    rc = DB_OK;
  }
  db_done(p);
  return rc;
}

#define CLAIM_SQL(zTable)                                 \
  "UPDATE " zTable                                        \
  " SET updated_by = CAST(? AS BIGINT) WHERE id = ? AND " \
  "version = ? RETURNING id"

static const char *const azClaimSql[RECORD_N_KIND] = {
    [RECORD_ACTIVITY] = CLAIM_SQL("activities"),
    [RECORD_ACTA] = CLAIM_SQL("actas"),
    [RECORD_AGREEMENT] = CLAIM_SQL("agreements"),
    [RECORD_ORGANIZATION] = CLAIM_SQL("organizations"),
    [RECORD_MEMBER] = CLAIM_SQL("members"),
    [RECORD_DIRECTORY_ENTRY] = CLAIM_SQL("directory_entries"),
    [RECORD_QUORUM_SETTINGS] =
        "UPDATE quorum_settings SET updated_by = CAST(? AS BIGINT) WHERE "
        "council_id = ? AND version = ? RETURNING council_id",
    [RECORD_ATTENDANCE] =
        "UPDATE activities SET attendance_updated_by = CAST(? AS BIGINT) "
        "WHERE id = ? AND attendance_version = ? RETURNING id",
    [RECORD_COURSE] = CLAIM_SQL("courses"),
    [RECORD_PARTICIPANT] = CLAIM_SQL("participants"),
};

int record_stamp_mark(Db *pDb, RecordKind eKind, int64_t iId, int64_t iUser) {
  Arena *pArena = arena_new();
  RecordStamp stamp;
  int rc = record_stamp_get(pDb, pArena, eKind, iId, &stamp);
  arena_free(pArena);
  if (rc != DB_OK) return DB_ERROR;
  return record_stamp_claim(pDb, eKind, iId, stamp.iVersion, iUser) == DB_OK
             ? DB_OK
             : DB_ERROR;
}

int record_stamp_claim(Db *pDb, RecordKind eKind, int64_t iId, int iVersion,
                       int64_t iUser) {
  assert(eKind >= 0 && eKind < RECORD_N_KIND);
  if (iVersion == 0) {
    /* Not stored yet when the form was drawn: still so, or a conflict. */
    Arena *pArena = arena_new();
    RecordStamp stamp;
    int rc = record_stamp_get(pDb, pArena, eKind, iId, &stamp);
    arena_free(pArena);
    return rc == DB_DONE ? DB_OK : rc == DB_OK ? DB_STALE : DB_ERROR;
  }
  DbStmt *p = db_prepare(pDb, azClaimSql[eKind]);
  if (!p) return DB_ERROR;
  if (iUser > 0)
    db_bind_int64(p, 1, iUser);
  else
    db_bind_null(p, 1);
  db_bind_int64(p, 2, iId);
  db_bind_int64(p, 3, iVersion);
  int rc = db_step(p);
  db_done(p);
  return rc == DB_ROW ? DB_OK : rc == DB_DONE ? DB_STALE : DB_ERROR;
}
