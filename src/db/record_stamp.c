/*
** record_stamp_get() and record_stamp_claim(): two constant statements
** per kind of record (never a table name pasted into SQL), most of them of
** the same shape.
*/
#include "db/record_stamp.h"

#include <assert.h>
#include <string.h>

/* The two statements of a kind of record: read its stamp (version, time,
** author's name) and claim its version for a user. */
typedef struct RecordSql {
  const char *zStamp; /* One parameter: the record's key */
  const char *zClaim; /* The user (NULL: nobody), the key, the version */
} RecordSql;

/* The statements of a table keyed by id whose version, updated_at and
** updated_by are the record's. */
#define RECORD_SQL(zTable)                                                \
  {                                                                       \
    "SELECT t.version, t.updated_at, coalesce(u.name, '') FROM " zTable   \
    " t LEFT JOIN users u ON u.id = t.updated_by WHERE t.id = ?",         \
        "UPDATE " zTable                                                  \
        " SET updated_by = CAST(? AS BIGINT) WHERE id = ? AND version = " \
        "? RETURNING id"                                                  \
  }

static const RecordSql aRecordSql[RECORD_N_KIND] = {
    [RECORD_ACTIVITY] = RECORD_SQL("activities"),
    [RECORD_ACTA] = RECORD_SQL("actas"),
    [RECORD_AGREEMENT] = RECORD_SQL("agreements"),
    [RECORD_ORGANIZATION] = RECORD_SQL("organizations"),
    [RECORD_MEMBER] = RECORD_SQL("members"),
    [RECORD_DIRECTORY_ENTRY] = RECORD_SQL("directory_entries"),
    /* Keyed by its council */
    [RECORD_QUORUM_SETTINGS] =
        {"SELECT t.version, t.updated_at, coalesce(u.name, '') FROM "
         "quorum_settings t LEFT JOIN users u ON u.id = t.updated_by WHERE "
         "t.council_id = ?",
         "UPDATE quorum_settings SET updated_by = CAST(? AS BIGINT) WHERE "
         "council_id = ? AND version = ? RETURNING council_id"},
    /* An activity's attendance list has a version of its own */
    [RECORD_ATTENDANCE] =
        {"SELECT t.attendance_version, coalesce(t.attendance_updated_at, 0), "
         "coalesce(u.name, '') FROM activities t LEFT JOIN users u ON u.id = "
         "t.attendance_updated_by WHERE t.id = ?",
         "UPDATE activities SET attendance_updated_by = CAST(? AS BIGINT) "
         "WHERE id = ? AND attendance_version = ? RETURNING id"},
    /* councils.updated_at came with migration 0025: NULL until saved since */
    [RECORD_COUNCIL] =
        {"SELECT t.version, coalesce(t.updated_at, 0), coalesce(u.name, '') "
         "FROM councils t LEFT JOIN users u ON u.id = t.updated_by WHERE "
         "t.id = ?",
         "UPDATE councils SET updated_by = CAST(? AS BIGINT) WHERE id = ? AND "
         "version = ? RETURNING id"},
    [RECORD_COURSE] = RECORD_SQL("courses"),
    [RECORD_PARTICIPANT] = RECORD_SQL("participants"),
};

const DbMap record_stamp_map =
    DB_MAP(RecordStamp, "nit", iVersion, tUpdated, zAuthor);

int record_stamp_get(Db *pDb, Arena *pArena, RecordKind eKind, int64_t iId,
                     RecordStamp *pStamp) {
  assert(eKind >= 0 && eKind < RECORD_N_KIND);
  memset(pStamp, 0, sizeof(*pStamp));
  pStamp->zAuthor = "";
  return db_get(pDb, pArena, &record_stamp_map, pStamp,
                aRecordSql[eKind].zStamp, DB_I(iId));
}

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
  int rc = db_exec_id(pDb, aRecordSql[eKind].zClaim, NULL, DB_IN(iUser),
                      DB_I(iId), DB_I(iVersion));
  return rc == DB_OK ? DB_OK : rc == DB_DONE ? DB_STALE : DB_ERROR;
}
