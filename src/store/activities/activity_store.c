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

#define col_dup(pArena, p, i) db_column_dup(p, pArena, i)

/* ---- Kinds ---- */

static const DbMap kind_from_row_map =
    DB_MAP(ActivityKind, "tt", zSlug, zLabel);

int activity_kinds_list(Db *pDb, Arena *pArena, ActivityKind **paKind,
                        int *pnKind) {
  return db_rows_map(db_prepare(pDb,
                                "SELECT slug, label FROM activity_kinds "
                                "ORDER BY sort_order, slug"),
                     pArena, &kind_from_row_map, paKind, pnKind);
}

int activity_kind_exists(Db *pDb, const char *zSlug) {
  return db_int(pDb, 0, "SELECT 1 FROM activity_kinds WHERE slug = ?",
                DB_TE(zSlug)) == 1;
}

int activity_kind_add(Db *pDb, const char *zSlug, const char *zLabel) {
  int rc = db_exec_id(pDb,
                      "INSERT INTO activity_kinds(slug, label, sort_order) "
                      "SELECT ?, ?, COALESCE(MAX(sort_order), 0) + 1 FROM "
                      "activity_kinds WHERE 1 = 1 ON CONFLICT (slug) DO "
                      "NOTHING RETURNING 1",
                      NULL, DB_T(zSlug), DB_T(zLabel));
  return rc == DB_DONE ? DB_CONSTRAINT : rc == DB_OK ? DB_OK : DB_ERROR;
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

static const DbMap activity_map =
    DB_MAP(Activity, "ittttiittttttttbtnni", id, zKind, zKindLabel, zTitle,
           zDescription, iStart, iEnd, zModality, zLink, zCommune, zCommuneName,
           zProvince, zAddress, zOrganizer, zStatus, bPublic, zIcalUid,
           iSequence, iVersion, iCouncil);

static int load_lines(Db *pDb, Activity *a) {
  DbStmt *p = db_query(pDb,
                       "SELECT line_number FROM activity_plan_lines WHERE "
                       "activity_id = ? ORDER BY line_number",
                       DB_I(a->id));
  int rc = p ? DB_DONE : DB_ERROR;
  a->nLine = 0;
  while (p && (rc = db_step(p)) == DB_ROW) {
    if (a->nLine < ACTIVITY_LINES_MAX) {
      a->aLine[a->nLine++] = (int)db_column_int64(p, 0);
    }
  }
  return db_end(p, rc);
}

int activity_get(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iId,
                 Activity *pAct) {
  int rc = db_get_council_row(pDb, pArena, &activity_map, pAct,
                              "SELECT " ACTIVITY_COLUMNS
                              "WHERE a.council_id = ? AND a.id = ?",
                              iCouncil, iId);
  return rc == DB_OK ? load_lines(pDb, pAct) : rc;
}

int64_t activity_council(Db *pDb, int64_t iId) {
  return db_int(pDb, 0, "SELECT council_id FROM activities WHERE id = ?",
                DB_I(iId));
}

/* The list's filter: one fixed literal for every filter, a NULL parameter
** switching its condition off (FILTER_ARGS binds them). The province is
** the commune's, hence the join. */
#define ACTIVITY_FILTER_FROM                                      \
  "FROM activities a LEFT JOIN territory_communes c ON c.code = " \
  "a.commune_code "
#define ACTIVITY_FILTER                                      \
  "WHERE a.council_id = ? AND (? = 0 OR a.is_public = 1) "   \
  "AND (CAST(? AS TEXT) IS NULL OR a.kind = ?) "             \
  "AND (CAST(? AS TEXT) IS NULL OR c.province_code = ?) "    \
  "AND (CAST(? AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM " \
  "activity_plan_lines l WHERE l.activity_id = a.id AND "    \
  "l.line_number = ?)) "                                     \
  "AND (CAST(? AS BIGINT) IS NULL OR a.starts_at >= ?) "     \
  "AND (CAST(? AS BIGINT) IS NULL OR a.starts_at < ?) "
#define FILTER_ARGS 12
#define ACTIVITY_ASC "ORDER BY a.starts_at, a.id LIMIT ? OFFSET ?"
#define ACTIVITY_DESC "ORDER BY a.starts_at DESC, a.id DESC LIMIT ? OFFSET ?"
/* The plan lines of the page's activities, in one statement: the page's
** ids come from the same filter, order and window. */
#define ACTIVITY_LINES                                                    \
  "SELECT l.activity_id, l.line_number FROM activity_plan_lines l WHERE " \
  "l.activity_id IN (SELECT a.id " ACTIVITY_FILTER_FROM ACTIVITY_FILTER
#define ACTIVITY_LINES_END ") ORDER BY l.activity_id, l.line_number"

/* aArg[0..FILTER_ARGS) from the filter, then the page's LIMIT and OFFSET. */
static void filter_args(int64_t iCouncil, const ActivityFilter *f,
                        const ListPage *pPage, DbArg *aArg) {
  const char *zKind = f && f->zKind && *f->zKind ? f->zKind : NULL;
  const char *zProv = f && f->zProvince && *f->zProvince ? f->zProvince : NULL;
  DbArg aLine = DB_IN(f ? f->iLine : 0), aFrom = DB_IN(f ? f->iFrom : 0);
  DbArg aTo = DB_IN(f ? f->iTo : 0);
  DbArg a[FILTER_ARGS + 2] = {DB_I(iCouncil),
                              DB_I(f && f->bPublicOnly),
                              DB_T(zKind),
                              DB_T(zKind),
                              DB_T(zProv),
                              DB_T(zProv),
                              aLine,
                              aLine,
                              aFrom,
                              aFrom,
                              aTo,
                              aTo,
                              DB_I(list_page_sql_limit(pPage)),
                              DB_I(pPage->nOffset)};
  memcpy(aArg, a, sizeof(a));
}

/* Activity ids in ascending order with their index in the page, to find
** an activity by id once (the lines come ordered by activity id). */
typedef struct ActIndex {
  int64_t id;
  int i;
} ActIndex;

static int act_index_cmp(const void *pA, const void *pB) {
  const ActIndex *a = pA, *b = pB;
  return a->id < b->id ? -1 : a->id > b->id;
}

/* Fills each activity's plan lines with one statement for the page. */
static int load_page_lines(Db *pDb, Arena *pArena, const char *zSql,
                           const DbArg *aArg, Activity *a, int n) {
  if (n == 0) return DB_OK;
  ActIndex *aIdx = arena_alloc(pArena, sizeof(*aIdx) * (size_t)n);
  for (int k = 0; k < n; k++) {
    aIdx[k].id = a[k].id;
    aIdx[k].i = k;
    a[k].nLine = 0;
  }
  qsort(aIdx, (size_t)n, sizeof(*aIdx), act_index_cmp);
  DbStmt *p = db_query_args(pDb, zSql, aArg, FILTER_ARGS + 2);
  int rc = p ? DB_DONE : DB_ERROR, k = 0;
  while (p && (rc = db_step(p)) == DB_ROW) {
    int64_t id = db_column_int64(p, 0);
    while (k < n && aIdx[k].id < id) k++;
    if (k == n) break;
    Activity *pAct = &a[aIdx[k].i];
    if (aIdx[k].id == id && pAct->nLine < ACTIVITY_LINES_MAX) {
      pAct->aLine[pAct->nLine++] = (int)db_column_int64(p, 1);
    }
  }
  if (rc == DB_ROW) rc = DB_DONE;
  return db_end(p, rc);
}

int activity_page(Db *pDb, Arena *pArena, int64_t iCouncil,
                  const ActivityFilter *f, ListPage *pPage, Activity **paAct,
                  int *pnAct) {
  int bDesc = f && f->bNewestFirst;
  DbArg aArg[FILTER_ARGS + 2];
  filter_args(iCouncil, f, pPage, aArg);
  Activity *a = NULL;
  int n = 0;
  if (db_list_args(
          pDb, pArena, &activity_map, &a, &n,
          bDesc ? "SELECT " ACTIVITY_COLUMNS ACTIVITY_FILTER ACTIVITY_DESC
                : "SELECT " ACTIVITY_COLUMNS ACTIVITY_FILTER ACTIVITY_ASC,
          aArg, FILTER_ARGS + 2) != DB_OK ||
      load_page_lines(pDb, pArena,
                      bDesc ? ACTIVITY_LINES ACTIVITY_DESC ACTIVITY_LINES_END
                            : ACTIVITY_LINES ACTIVITY_ASC ACTIVITY_LINES_END,
                      aArg, a, n) != DB_OK) {
    return DB_ERROR;
  }
  if (!list_page_total_known(pPage, n)) {
    pPage->nTotal = db_int_args(
        pDb, -1, "SELECT count(*) " ACTIVITY_FILTER_FROM ACTIVITY_FILTER, aArg,
        FILTER_ARGS);
    if (pPage->nTotal < 0) return DB_ERROR;
  }
  *paAct = a;
  *pnAct = n;
  return DB_OK;
}

int activity_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                  const ActivityFilter *f, Activity **paAct, int *pnAct) {
  ListPage page;
  memset(&page, 0, sizeof(page));
  page.nLimit = f && f->nMax > 0 ? f->nMax : 0;
  return activity_page(pDb, pArena, iCouncil, f, &page, paAct, pnAct);
}

static int save_lines(Db *pDb, const Activity *a) {
  int rc = db_exec(pDb, "DELETE FROM activity_plan_lines WHERE activity_id = ?",
                   DB_I(a->id));
  for (int i = 0; rc == DB_OK && i < a->nLine; i++) {
    rc = db_exec(pDb,
                 "INSERT INTO activity_plan_lines(activity_id, line_number) "
                 "VALUES (?, ?) ON CONFLICT (activity_id, line_number) DO "
                 "NOTHING",
                 DB_I(a->id), DB_I(a->aLine[i]));
  }
  return rc == DB_OK ? DB_OK : DB_ERROR;
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
  int64_t iNow = db_now();
  /* The saving user is NULL when the command line or the demo saves. */
  int rc = db_exec_id(
      pDb,
      "INSERT INTO activities(council_id, kind, title, description, "
      "starts_at, ends_at, modality, link, commune_code, address, organizer, "
      "status, is_public, ical_uid, ical_sequence, created_by, created_at, "
      "updated_at, updated_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?, 0, ?, ?, ?, ?, 1) RETURNING id",
      &a->id, DB_I(iCouncil), DB_T(a->zKind), DB_T(a->zTitle),
      DB_TE(a->zDescription), DB_I(a->iStart), DB_I(a->iEnd),
      DB_T(a->zModality), DB_TE(a->zLink), DB_TN(a->zCommune),
      DB_TE(a->zAddress), DB_TE(a->zOrganizer), DB_T(a->zStatus),
      DB_I(a->bPublic ? 1 : 0), DB_T(zUid), DB_IN(iUser), DB_I(iNow),
      DB_I(iNow), DB_IN(iUser));
  if (rc != DB_OK || save_lines(pDb, a) != DB_OK) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  a->iSequence = 0;
  a->iVersion = 1;
  return db_commit(pDb);
}

static int add_history(Db *pDb, int64_t iUser, const Activity *pOld,
                       const Activity *pNew, const char *zNote) {
  return db_exec(
      pDb,
      "INSERT INTO activity_history(activity_id, at, user_id, old_status, "
      "new_status, old_starts_at, old_ends_at, new_starts_at, new_ends_at, "
      "note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      DB_I(pNew->id), DB_I(db_now()), DB_IN(iUser), DB_T(pOld->zStatus),
      DB_T(pNew->zStatus), DB_I(pOld->iStart), DB_I(pOld->iEnd),
      DB_I(pNew->iStart), DB_I(pNew->iEnd), DB_TE(zNote));
}

int activity_update(Db *pDb, int64_t iUser, const Activity *pOld,
                    Activity *pNew, const char *zNote) {
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  int64_t iVersion = 0;
  int rc = db_exec_id(
      pDb,
      "UPDATE activities SET kind = ?, title = ?, description = ?, "
      "starts_at = ?, ends_at = ?, modality = ?, link = ?, commune_code = ?, "
      "address = ?, organizer = ?, status = ?, is_public = ?, "
      "ical_sequence = ?, updated_at = ?, updated_by = ?, "
      "version = version + 1 WHERE id = ? AND version = ? AND council_id = ? "
      "RETURNING version",
      &iVersion, DB_T(pNew->zKind), DB_T(pNew->zTitle),
      DB_TE(pNew->zDescription), DB_I(pNew->iStart), DB_I(pNew->iEnd),
      DB_T(pNew->zModality), DB_TE(pNew->zLink), DB_TN(pNew->zCommune),
      DB_TE(pNew->zAddress), DB_TE(pNew->zOrganizer), DB_T(pNew->zStatus),
      DB_I(pNew->bPublic ? 1 : 0), DB_I(pNew->iSequence), DB_I(db_now()),
      DB_IN(iUser), DB_I(pOld->id), DB_I(pOld->iVersion), DB_I(pOld->iCouncil));
  if (rc == DB_DONE) { /* Not at the version the form was drawn from */
    db_rollback(pDb);
    return DB_STALE;
  }
  pNew->iVersion = (int)iVersion;
  pNew->id = pOld->id;
  if (rc != DB_OK || save_lines(pDb, pNew) != DB_OK ||
      ((strcmp(pOld->zStatus, pNew->zStatus) != 0 ||
        activity_is_rescheduled(pOld, pNew)) &&
       add_history(pDb, iUser, pOld, pNew, zNote) != DB_OK)) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  return db_commit(pDb);
}

static const DbMap history_from_row_map =
    DB_MAP(ActivityHistory, "itttiiiit", iAt, zUser, zOldStatus, zNewStatus,
           iOldStart, iOldEnd, iNewStart, iNewEnd, zNote);

int activity_history_list(Db *pDb, Arena *pArena, int64_t iAct,
                          ActivityHistory **paHist, int *pnHist) {
  return db_list(pDb, pArena, &history_from_row_map, paHist, pnHist,
                 "SELECT h.at, COALESCE(u.name, ''), h.old_status, "
                 "h.new_status, h.old_starts_at, h.old_ends_at, "
                 "h.new_starts_at, h.new_ends_at, h.note FROM activity_history "
                 "h LEFT JOIN users u ON u.id = h.user_id WHERE h.activity_id "
                 "= ? ORDER BY h.at, h.id",
                 DB_I(iAct));
}

/* ---- Agenda ---- */

int activity_agenda_get(Db *pDb, Arena *pArena, int64_t iAct,
                        const char ***pazItem, int *pnItem) {
  DbStmt *p = db_query(pDb,
                       "SELECT text FROM activity_agenda WHERE activity_id = "
                       "? ORDER BY position, id",
                       DB_I(iAct));
  const char **az = arena_alloc(pArena, sizeof(*az) * ACTIVITY_AGENDA_MAX);
  int n = 0, rc = p ? DB_DONE : DB_ERROR;
  while (p && (rc = db_step(p)) == DB_ROW) {
    if (n < ACTIVITY_AGENDA_MAX) az[n++] = col_dup(pArena, p, 0);
  }
  *pazItem = az;
  *pnItem = n;
  return db_end(p, rc) == DB_OK ? DB_OK : DB_ERROR;
}

int activity_agenda_set(Db *pDb, int64_t iAct, const char *const *azItem,
                        int nItem) {
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  int rc = db_exec(pDb, "DELETE FROM activity_agenda WHERE activity_id = ?",
                   DB_I(iAct));
  int iPos = 1;
  for (int i = 0; rc == DB_OK && i < nItem && i < ACTIVITY_AGENDA_MAX; i++) {
    if (!azItem[i] || !*azItem[i]) continue;
    rc = db_exec(pDb,
                 "INSERT INTO activity_agenda(activity_id, position, text) "
                 "VALUES (?, ?, ?)",
                 DB_I(iAct), DB_I(iPos++), DB_T(azItem[i]));
  }
  if (rc == DB_OK) {
    rc = db_exec(pDb,
                 "UPDATE activities SET version = version + 1, updated_at = "
                 "? WHERE id = ?",
                 DB_I(db_now()), DB_I(iAct));
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
  return db_exec(pDb,
                 "INSERT INTO calendar_feed_tokens(user_id, token_hash, "
                 "created_at) VALUES (?, ?, ?) ON CONFLICT (user_id) DO "
                 "UPDATE SET token_hash = excluded.token_hash, created_at = "
                 "excluded.created_at",
                 DB_I(iUser), DB_T(zHash), DB_I(db_now()));
}

int64_t activity_feed_token_user(Db *pDb, const char *zToken) {
  char zHash[65];
  accounts_token_hash(zToken, zHash);
  return db_int(pDb, 0,
                "SELECT t.user_id FROM calendar_feed_tokens t JOIN users u ON "
                "u.id = t.user_id WHERE t.token_hash = ? AND u.active = 1",
                DB_T(zHash));
}

int activity_feed_token_exists(Db *pDb, int64_t iUser) {
  return db_int(pDb, 0, "SELECT 1 FROM calendar_feed_tokens WHERE user_id = ?",
                DB_I(iUser)) == 1;
}
