/*
** Activities, stored (see activity_store.h): the activities table, its
** plan lines and history, the kinds catalogue.
*/
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/accounts/accounts.h"
#include "store/activities/activity_store.h"

#define ACTIVITY_LIST_MAX 2000

static const char *col_dup(Arena *pArena, DbStmt *p, int i) {
  return arena_strdup(pArena, db_column_text(p, i));
}

static int exec_done(DbStmt *p) {
  if (!p) return DB_ERROR;
  int rc = db_step(p);
  db_done(p);
  return rc == DB_DONE ? DB_OK : rc == DB_CONSTRAINT ? DB_CONSTRAINT : DB_ERROR;
}

/* ---- Kinds ---- */

int activity_kinds_list(Db *pDb, Arena *pArena, ActivityKind **paKind,
                        int *pnKind) {
  DbStmt *p = db_prepare(pDb,
                         "SELECT slug, label FROM activity_kinds "
                         "ORDER BY sort_order, slug");
  if (!p) return DB_ERROR;
  int nAlloc = 16, n = 0;
  ActivityKind *a = arena_alloc(pArena, sizeof(*a) * (size_t)nAlloc);
  int rc;
  while ((rc = db_step(p)) == DB_ROW) {
    if (n == nAlloc) {
      ActivityKind *aNew = arena_alloc(pArena, sizeof(*a) * (size_t)nAlloc * 2);
      memcpy(aNew, a, sizeof(*a) * (size_t)n);
      a = aNew;
      nAlloc *= 2;
    }
    a[n].zSlug = col_dup(pArena, p, 0);
    a[n].zLabel = col_dup(pArena, p, 1);
    n++;
  }
  db_done(p);
  *paKind = a;
  *pnKind = n;
  return rc == DB_DONE ? DB_OK : DB_ERROR;
}

int activity_kind_exists(Db *pDb, const char *zSlug) {
  DbStmt *p = db_prepare(pDb, "SELECT 1 FROM activity_kinds WHERE slug = ?");
  if (!p) return 0;
  db_bind_text(p, 1, zSlug ? zSlug : "");
  int bFound = db_step(p) == DB_ROW;
  db_done(p);
  return bFound;
}

int activity_kind_add(Db *pDb, const char *zSlug, const char *zLabel) {
  DbStmt *p = db_prepare(
      pDb,
      "INSERT INTO activity_kinds(slug, label, sort_order) "
      "SELECT ?, ?, COALESCE(MAX(sort_order), 0) + 1 "
      "FROM activity_kinds WHERE 1 = 1 ON CONFLICT (slug) DO NOTHING "
      "RETURNING slug");
  if (!p) return DB_ERROR;
  db_bind_text(p, 1, zSlug);
  db_bind_text(p, 2, zLabel);
  int rc = db_step(p);
  db_done(p);
  return rc == DB_ROW ? DB_OK : rc == DB_DONE ? DB_CONSTRAINT : DB_ERROR;
}

/* ---- Activities ---- */

#define ACTIVITY_COLUMNS                                                       \
  "a.id, a.kind, COALESCE(k.label, a.kind), a.title, a.description, "          \
  "a.starts_at, a.ends_at, a.modality, a.link, COALESCE(a.commune_code, ''), " \
  "COALESCE(c.name, ''), COALESCE(c.province_code, ''), a.address, "           \
  "a.organizer, a.status, a.is_public, a.ical_uid, a.ical_sequence, "          \
  "a.version, a.council_id "                                                   \
  "FROM activities a LEFT JOIN activity_kinds k ON k.slug = a.kind "           \
  "LEFT JOIN territory_communes c ON c.code = a.commune_code "

static void read_activity(Arena *pArena, DbStmt *p, Activity *a) {
  memset(a, 0, sizeof(*a));
  a->id = db_column_int64(p, 0);
  a->zKind = col_dup(pArena, p, 1);
  a->zKindLabel = col_dup(pArena, p, 2);
  a->zTitle = col_dup(pArena, p, 3);
  a->zDescription = col_dup(pArena, p, 4);
  a->iStart = db_column_int64(p, 5);
  a->iEnd = db_column_int64(p, 6);
  a->zModality = col_dup(pArena, p, 7);
  a->zLink = col_dup(pArena, p, 8);
  a->zCommune = col_dup(pArena, p, 9);
  a->zCommuneName = col_dup(pArena, p, 10);
  a->zProvince = col_dup(pArena, p, 11);
  a->zAddress = col_dup(pArena, p, 12);
  a->zOrganizer = col_dup(pArena, p, 13);
  a->zStatus = col_dup(pArena, p, 14);
  a->bPublic = db_column_int64(p, 15) != 0;
  a->zIcalUid = col_dup(pArena, p, 16);
  a->iSequence = (int)db_column_int64(p, 17);
  a->iVersion = (int)db_column_int64(p, 18);
  a->iCouncil = db_column_int64(p, 19);
}

static int load_lines(Db *pDb, Activity *a) {
  DbStmt *p = db_prepare(pDb,
                         "SELECT line_number FROM activity_plan_lines "
                         "WHERE activity_id = ? ORDER BY line_number");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, a->id);
  int rc;
  a->nLine = 0;
  while ((rc = db_step(p)) == DB_ROW) {
    if (a->nLine < ACTIVITY_LINES_MAX) {
      a->aLine[a->nLine++] = (int)db_column_int64(p, 0);
    }
  }
  db_done(p);
  return rc == DB_DONE ? DB_OK : DB_ERROR;
}

int activity_get(Db *pDb, Arena *pArena, int64_t iId, Activity *pAct) {
  DbStmt *p = db_prepare(pDb, "SELECT " ACTIVITY_COLUMNS "WHERE a.id = ?");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iId);
  int rc = db_step(p);
  if (rc == DB_ROW) read_activity(pArena, p, pAct);
  db_done(p);
  if (rc != DB_ROW) return rc == DB_DONE ? DB_DONE : DB_ERROR;
  return load_lines(pDb, pAct);
}

int activity_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                  const ActivityFilter *f, Activity **paAct, int *pnAct) {
  /* One statement for every filter: a NULL parameter switches its
  ** condition off, so the SQL stays a fixed literal. */
  DbStmt *p =
      db_prepare(pDb, "SELECT " ACTIVITY_COLUMNS
                      "WHERE a.council_id = ? AND (? = 0 OR a.is_public = 1) "
                      "AND (CAST(? AS TEXT) IS NULL OR a.kind = ?) "
                      "AND (CAST(? AS TEXT) IS NULL OR c.province_code = ?) "
                      "AND (CAST(? AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM "
                      "activity_plan_lines l WHERE l.activity_id = a.id AND "
                      "l.line_number = ?)) "
                      "AND (CAST(? AS BIGINT) IS NULL OR a.starts_at >= ?) "
                      "AND (CAST(? AS BIGINT) IS NULL OR a.starts_at < ?) "
                      "ORDER BY a.starts_at, a.id");
  if (!p) return DB_ERROR;
  int i = 1;
  db_bind_int64(p, i++, iCouncil);
  db_bind_int64(p, i++, f && f->bPublicOnly);
  const char *zKind = f && f->zKind && *f->zKind ? f->zKind : NULL;
  db_bind_text(p, i++, zKind);
  db_bind_text(p, i++, zKind);
  const char *zProv = f && f->zProvince && *f->zProvince ? f->zProvince : NULL;
  db_bind_text(p, i++, zProv);
  db_bind_text(p, i++, zProv);
  for (int k = 0; k < 2; k++) {
    if (f && f->iLine > 0) {
      db_bind_int64(p, i++, f->iLine);
    } else {
      db_bind_null(p, i++);
    }
  }
  for (int k = 0; k < 2; k++) {
    if (f && f->iFrom) {
      db_bind_int64(p, i++, f->iFrom);
    } else {
      db_bind_null(p, i++);
    }
  }
  for (int k = 0; k < 2; k++) {
    if (f && f->iTo) {
      db_bind_int64(p, i++, f->iTo);
    } else {
      db_bind_null(p, i++);
    }
  }
  int nMax = f && f->nMax > 0 ? f->nMax : ACTIVITY_LIST_MAX;
  int nAlloc = 16, n = 0;
  Activity *a = arena_alloc(pArena, sizeof(*a) * (size_t)nAlloc);
  int rc;
  while ((rc = db_step(p)) == DB_ROW) {
    if (n == nAlloc) {
      Activity *aNew = arena_alloc(pArena, sizeof(*a) * (size_t)nAlloc * 2);
      memcpy(aNew, a, sizeof(*a) * (size_t)n);
      a = aNew;
      nAlloc *= 2;
    }
    read_activity(pArena, p, &a[n++]);
  }
  db_done(p);
  if (rc != DB_DONE) return DB_ERROR;
  for (int k = 0; k < n; k++) {
    if (load_lines(pDb, &a[k]) != DB_OK) return DB_ERROR;
  }
  if (f && f->bNewestFirst) {
    for (int k = 0; k < n / 2; k++) {
      Activity t = a[k];
      a[k] = a[n - 1 - k];
      a[n - 1 - k] = t;
    }
  }
  if (n > nMax) n = nMax;
  *paAct = a;
  *pnAct = n;
  return DB_OK;
}

static int save_lines(Db *pDb, const Activity *a) {
  DbStmt *p =
      db_prepare(pDb, "DELETE FROM activity_plan_lines WHERE activity_id = ?");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, a->id);
  if (exec_done(p) != DB_OK) return DB_ERROR;
  for (int i = 0; i < a->nLine; i++) {
    p = db_prepare(pDb,
                   "INSERT INTO activity_plan_lines(activity_id, "
                   "line_number) VALUES (?, ?) ON CONFLICT "
                   "(activity_id, line_number) DO NOTHING");
    if (!p) return DB_ERROR;
    db_bind_int64(p, 1, a->id);
    db_bind_int64(p, 2, a->aLine[i]);
    if (exec_done(p) != DB_OK) return DB_ERROR;
  }
  return DB_OK;
}

/* The saving user, or NULL when saved by the command line or the demo. */
static void bind_user_or_null(DbStmt *p, int i, int64_t iUser) {
  if (iUser > 0)
    db_bind_int64(p, i, iUser);
  else
    db_bind_null(p, i);
}

static void bind_text_or_null(DbStmt *p, int i, const char *z) {
  if (z && *z) {
    db_bind_text(p, i, z);
  } else {
    db_bind_null(p, i);
  }
}

int activity_insert(Db *pDb, int64_t iCouncil, int64_t iUser, Activity *a) {
  /* The UID is random, not the id: stable, and it does not reveal how many
  ** activities the council has. */
  unsigned char aRand[12];
  char zHex[25];
  randombytes_buf(aRand, sizeof(aRand));
  sodium_bin2hex(zHex, sizeof(zHex), aRand, sizeof(aRand));
  char zUid[64];
  snprintf(zUid, sizeof(zUid), "actividad-%s@cosoc", zHex);
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  DbStmt *p = db_prepare(
      pDb,
      "INSERT INTO activities(council_id, kind, title, description, "
      "starts_at, ends_at, modality, link, commune_code, address, organizer, "
      "status, is_public, ical_uid, ical_sequence, created_by, created_at, "
      "updated_at, updated_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?, 0, ?, ?, ?, ?, 1) RETURNING id");
  if (!p) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  int64_t iNow = db_now();
  db_bind_int64(p, 1, iCouncil);
  db_bind_text(p, 2, a->zKind);
  db_bind_text(p, 3, a->zTitle);
  db_bind_text(p, 4, a->zDescription ? a->zDescription : "");
  db_bind_int64(p, 5, a->iStart);
  db_bind_int64(p, 6, a->iEnd);
  db_bind_text(p, 7, a->zModality);
  db_bind_text(p, 8, a->zLink ? a->zLink : "");
  bind_text_or_null(p, 9, a->zCommune);
  db_bind_text(p, 10, a->zAddress ? a->zAddress : "");
  db_bind_text(p, 11, a->zOrganizer ? a->zOrganizer : "");
  db_bind_text(p, 12, a->zStatus);
  db_bind_int64(p, 13, a->bPublic ? 1 : 0);
  db_bind_text(p, 14, zUid);
  bind_user_or_null(p, 15, iUser);
  db_bind_int64(p, 16, iNow);
  db_bind_int64(p, 17, iNow);
  bind_user_or_null(p, 18, iUser);
  int rc = db_step(p);
  if (rc == DB_ROW) a->id = db_column_int64(p, 0);
  db_done(p);
  if (rc != DB_ROW || save_lines(pDb, a) != DB_OK) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  a->iSequence = 0;
  a->iVersion = 1;
  return db_commit(pDb);
}

static int add_history(Db *pDb, int64_t iUser, const Activity *pOld,
                       const Activity *pNew, const char *zNote) {
  DbStmt *p = db_prepare(
      pDb,
      "INSERT INTO activity_history(activity_id, at, user_id, old_status, "
      "new_status, old_starts_at, old_ends_at, new_starts_at, new_ends_at, "
      "note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, pNew->id);
  db_bind_int64(p, 2, db_now());
  if (iUser) {
    db_bind_int64(p, 3, iUser);
  } else {
    db_bind_null(p, 3);
  }
  db_bind_text(p, 4, pOld->zStatus);
  db_bind_text(p, 5, pNew->zStatus);
  db_bind_int64(p, 6, pOld->iStart);
  db_bind_int64(p, 7, pOld->iEnd);
  db_bind_int64(p, 8, pNew->iStart);
  db_bind_int64(p, 9, pNew->iEnd);
  db_bind_text(p, 10, zNote ? zNote : "");
  return exec_done(p);
}

int activity_update(Db *pDb, int64_t iUser, const Activity *pOld,
                    Activity *pNew, const char *zNote) {
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  DbStmt *p = db_prepare(
      pDb,
      "UPDATE activities SET kind = ?, title = ?, description = ?, "
      "starts_at = ?, ends_at = ?, modality = ?, link = ?, commune_code = ?, "
      "address = ?, organizer = ?, status = ?, is_public = ?, "
      "ical_sequence = ?, updated_at = ?, updated_by = ?, "
      "version = version + 1 WHERE id = ? AND version = ? RETURNING version");
  if (!p) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  db_bind_text(p, 1, pNew->zKind);
  db_bind_text(p, 2, pNew->zTitle);
  db_bind_text(p, 3, pNew->zDescription ? pNew->zDescription : "");
  db_bind_int64(p, 4, pNew->iStart);
  db_bind_int64(p, 5, pNew->iEnd);
  db_bind_text(p, 6, pNew->zModality);
  db_bind_text(p, 7, pNew->zLink ? pNew->zLink : "");
  bind_text_or_null(p, 8, pNew->zCommune);
  db_bind_text(p, 9, pNew->zAddress ? pNew->zAddress : "");
  db_bind_text(p, 10, pNew->zOrganizer ? pNew->zOrganizer : "");
  db_bind_text(p, 11, pNew->zStatus);
  db_bind_int64(p, 12, pNew->bPublic ? 1 : 0);
  db_bind_int64(p, 13, pNew->iSequence);
  db_bind_int64(p, 14, db_now());
  bind_user_or_null(p, 15, iUser);
  db_bind_int64(p, 16, pOld->id);
  db_bind_int64(p, 17, pOld->iVersion);
  int rc = db_step(p);
  if (rc == DB_ROW) pNew->iVersion = (int)db_column_int64(p, 0);
  db_done(p);
  if (rc == DB_DONE) {
    db_rollback(pDb);
    return DB_STALE;
  }
  pNew->id = pOld->id;
  if (rc != DB_ROW || save_lines(pDb, pNew) != DB_OK ||
      ((strcmp(pOld->zStatus, pNew->zStatus) != 0 ||
        activity_is_rescheduled(pOld, pNew)) &&
       add_history(pDb, iUser, pOld, pNew, zNote) != DB_OK)) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  return db_commit(pDb);
}

int activity_history_list(Db *pDb, Arena *pArena, int64_t iAct,
                          ActivityHistory **paHist, int *pnHist) {
  DbStmt *p = db_prepare(
      pDb,
      "SELECT h.at, COALESCE(u.name, ''), h.old_status, h.new_status, "
      "h.old_starts_at, h.old_ends_at, h.new_starts_at, h.new_ends_at, h.note "
      "FROM activity_history h LEFT JOIN users u ON u.id = h.user_id "
      "WHERE h.activity_id = ? ORDER BY h.at, h.id LIMIT 200");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iAct);
  ActivityHistory *a = arena_alloc(pArena, sizeof(*a) * 200);
  int n = 0, rc;
  while ((rc = db_step(p)) == DB_ROW) {
    ActivityHistory *h = &a[n++];
    h->iAt = db_column_int64(p, 0);
    h->zUser = col_dup(pArena, p, 1);
    h->zOldStatus = col_dup(pArena, p, 2);
    h->zNewStatus = col_dup(pArena, p, 3);
    h->iOldStart = db_column_int64(p, 4);
    h->iOldEnd = db_column_int64(p, 5);
    h->iNewStart = db_column_int64(p, 6);
    h->iNewEnd = db_column_int64(p, 7);
    h->zNote = col_dup(pArena, p, 8);
  }
  db_done(p);
  *paHist = a;
  *pnHist = n;
  return rc == DB_DONE ? DB_OK : DB_ERROR;
}

/* ---- Agenda ---- */


int activity_agenda_get(Db *pDb, Arena *pArena, int64_t iAct,
                        const char ***pazItem, int *pnItem) {
  DbStmt *p = db_prepare(pDb,
                         "SELECT text FROM activity_agenda WHERE "
                         "activity_id = ? ORDER BY position, id");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iAct);
  const char **az = arena_alloc(pArena, sizeof(*az) * ACTIVITY_AGENDA_MAX);
  int n = 0, rc;
  while ((rc = db_step(p)) == DB_ROW) {
    if (n < ACTIVITY_AGENDA_MAX) az[n++] = col_dup(pArena, p, 0);
  }
  db_done(p);
  *pazItem = az;
  *pnItem = n;
  return rc == DB_DONE ? DB_OK : DB_ERROR;
}

int activity_agenda_set(Db *pDb, int64_t iAct, const char *const *azItem,
                        int nItem) {
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  DbStmt *p =
      db_prepare(pDb, "DELETE FROM activity_agenda WHERE activity_id = ?");
  if (p) db_bind_int64(p, 1, iAct);
  int rc = exec_done(p);
  int iPos = 1;
  for (int i = 0; rc == DB_OK && i < nItem && i < ACTIVITY_AGENDA_MAX; i++) {
    if (!azItem[i] || !*azItem[i]) continue;
    p = db_prepare(pDb,
                   "INSERT INTO activity_agenda(activity_id, position, "
                   "text) VALUES (?, ?, ?)");
    if (!p) {
      rc = DB_ERROR;
      break;
    }
    db_bind_int64(p, 1, iAct);
    db_bind_int64(p, 2, iPos++);
    db_bind_text(p, 3, azItem[i]);
    rc = exec_done(p);
  }
  if (rc == DB_OK) {
    p = db_prepare(pDb,
                   "UPDATE activities SET version = version + 1, "
                   "updated_at = ? WHERE id = ?");
    if (p) {
      db_bind_int64(p, 1, db_now());
      db_bind_int64(p, 2, iAct);
    }
    rc = exec_done(p);
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  return db_commit(pDb);
}

/* ---- Private feed secrets ---- */

int activity_feed_token_new(Db *pDb, int64_t iUser, char *zToken) {
  char zHash[65];
  accounts_random_token(zToken);
  accounts_token_hash(zToken, zHash);
  DbStmt *p = db_prepare(
      pDb,
      "INSERT INTO calendar_feed_tokens(user_id, token_hash, created_at) "
      "VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET "
      "token_hash = excluded.token_hash, created_at = excluded.created_at");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iUser);
  db_bind_text(p, 2, zHash);
  db_bind_int64(p, 3, db_now());
  return exec_done(p);
}

int64_t activity_feed_token_user(Db *pDb, const char *zToken) {
  char zHash[65];
  accounts_token_hash(zToken, zHash);
  DbStmt *p = db_prepare(pDb,
                         "SELECT t.user_id FROM calendar_feed_tokens t JOIN "
                         "users u ON u.id = t.user_id WHERE t.token_hash = ? "
                         "AND u.active = 1");
  if (!p) return 0;
  db_bind_text(p, 1, zHash);
  int64_t iUser = db_step(p) == DB_ROW ? db_column_int64(p, 0) : 0;
  db_done(p);
  return iUser;
}

int activity_feed_token_exists(Db *pDb, int64_t iUser) {
  DbStmt *p =
      db_prepare(pDb, "SELECT 1 FROM calendar_feed_tokens WHERE user_id = ?");
  if (!p) return 0;
  db_bind_int64(p, 1, iUser);
  int b = db_step(p) == DB_ROW;
  db_done(p);
  return b;
}
