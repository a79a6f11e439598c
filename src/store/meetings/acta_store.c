/*
** Actas, stored (see sessions.h): the acta of a session, its items with
** Markdown summaries, councillors' comments, corrections. Whether a change
** is allowed is decided by domain/acta.h in the caller; the version check
** here only keeps two editors from overwriting each other.
*/
#include <string.h>

#include "domain/chile_time.h"
#include "store/meetings/meetings.h"

int meeting_acta_get(Db *pDb, int64_t iActivity, MeetingActa *pActa) {
  DbStmt *p = db_prepare(pDb,
                         "SELECT id, state, coalesce(approved_in, 0), version "
                         "FROM actas WHERE activity_id = ?");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iActivity);
  int rc = db_step(p);
  if (rc == DB_ROW) {
    pActa->id = db_column_int64(p, 0);
    pActa->iActivity = iActivity;
    pActa->eState = ACTA_BORRADOR;
    acta_state_parse(db_column_text(p, 1), &pActa->eState);
    pActa->iApprovedIn = db_column_int64(p, 2);
    pActa->iVersion = (int)db_column_int64(p, 3);
  }
  db_done(p);
  return rc == DB_ROW ? DB_OK : rc == DB_DONE ? DB_DONE : DB_ERROR;
}

int meeting_acta_create(Db *pDb, int64_t iActivity, const char *const *azTitle,
                        int nTitle, MeetingActa *pActa) {
  int rc = db_begin(pDb);
  if (rc != DB_OK) return rc;
  int64_t iNow = db_now(), iActa = 0;
  DbStmt *p =
      db_prepare(pDb,
                 "INSERT INTO actas(activity_id, created_at, updated_at) "
                 "VALUES (?, ?, ?) ON CONFLICT (activity_id) DO NOTHING "
                 "RETURNING id");
  if (!p)
    rc = DB_ERROR;
  else {
    db_bind_int64(p, 1, iActivity);
    db_bind_int64(p, 2, iNow);
    db_bind_int64(p, 3, iNow);
    int s = db_step(p);
    if (s == DB_ROW) iActa = db_column_int64(p, 0);
    rc = s == DB_ROW ? DB_OK : s == DB_DONE ? DB_CONSTRAINT : DB_ERROR;
    db_done(p);
  }
  for (int i = 0; i < nTitle && rc == DB_OK; i++) {
    p = db_prepare(pDb,
                   "INSERT INTO acta_items(acta_id, title, sort_order) "
                   "VALUES (?, ?, ?)");
    if (!p) {
      rc = DB_ERROR;
      break;
    }
    db_bind_int64(p, 1, iActa);
    db_bind_text(p, 2, azTitle[i]);
    db_bind_int64(p, 3, i);
    rc = db_step(p) == DB_DONE ? DB_OK : DB_ERROR;
    db_done(p);
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    return rc;
  }
  rc = db_commit(pDb);
  return rc == DB_OK ? meeting_acta_get(pDb, iActivity, pActa) : rc;
}

int meeting_acta_items(Db *pDb, Arena *pArena, int64_t iActa,
                       MeetingActaItem **paItem, int *pnItem) {
  *paItem = NULL;
  *pnItem = 0;
  DbStmt *p = db_prepare(pDb,
                         "SELECT id, title, summary_md FROM acta_items "
                         "WHERE acta_id = ? ORDER BY sort_order, id");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iActa);
  int nAlloc = 0, rc;
  while ((rc = db_step(p)) == DB_ROW) {
    *paItem =
        arena_grow(pArena, *paItem, *pnItem, &nAlloc, sizeof(MeetingActaItem));
    MeetingActaItem *it = &(*paItem)[(*pnItem)++];
    it->id = db_column_int64(p, 0);
    it->zTitle = arena_strdup(pArena, db_column_text(p, 1));
    it->zSummary = arena_strdup(pArena, db_column_text(p, 2));
  }
  db_done(p);
  return rc == DB_DONE ? DB_OK : DB_ERROR;
}

/* Bumps the version if it is still pActa's: DB_OK, DB_STALE, DB_ERROR. */
static int acta_bump(Db *pDb, const MeetingActa *pActa, const char *zState,
                     int64_t iApprovedIn, int64_t iUser) {
  DbStmt *p = db_prepare(
      pDb,
      "UPDATE actas SET state = ?, approved_in = CAST(? AS BIGINT), "
      "approved_at = CASE WHEN ? = 'aprobada' THEN CAST(? AS BIGINT) "
      "ELSE approved_at END, "
      "published_at = CASE WHEN ? = 'publicada' THEN CAST(? AS BIGINT) "
      "ELSE published_at END, "
      "updated_at = ?, updated_by = CAST(? AS BIGINT), version = version + 1 "
      "WHERE id = ? AND version = ? RETURNING id");
  if (!p) return DB_ERROR;
  int64_t iNow = db_now();
  db_bind_text(p, 1, zState);
  if (iApprovedIn > 0)
    db_bind_int64(p, 2, iApprovedIn);
  else
    db_bind_null(p, 2);
  db_bind_text(p, 3, zState);
  db_bind_int64(p, 4, iNow);
  db_bind_text(p, 5, zState);
  db_bind_int64(p, 6, iNow);
  db_bind_int64(p, 7, iNow);
  if (iUser > 0)
    db_bind_int64(p, 8, iUser);
  else
    db_bind_null(p, 8);
  db_bind_int64(p, 9, pActa->id);
  db_bind_int64(p, 10, pActa->iVersion);
  int s = db_step(p);
  db_done(p);
  return s == DB_ROW ? DB_OK : s == DB_DONE ? DB_STALE : DB_ERROR;
}

int meeting_acta_save(Db *pDb, int64_t iUser, const MeetingActa *pActa,
                      const int64_t *aiItem, const char *const *azSummary,
                      int n) {
  int rc = db_begin(pDb);
  if (rc != DB_OK) return rc;
  rc = acta_bump(pDb, pActa, acta_state_slug(pActa->eState), pActa->iApprovedIn,
                 iUser);
  for (int i = 0; i < n && rc == DB_OK; i++) {
    DbStmt *p = db_prepare(pDb,
                           "UPDATE acta_items SET summary_md = ? "
                           "WHERE id = ? AND acta_id = ?");
    if (!p) {
      rc = DB_ERROR;
      break;
    }
    db_bind_text(p, 1, azSummary[i]);
    db_bind_int64(p, 2, aiItem[i]);
    db_bind_int64(p, 3, pActa->id);
    rc = db_step(p) == DB_DONE ? DB_OK : DB_ERROR;
    db_done(p);
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    return rc;
  }
  return db_commit(pDb);
}

int meeting_acta_set_state(Db *pDb, int64_t iUser, const MeetingActa *pActa,
                           ActaState eNew, int64_t iApprovedIn) {
  return acta_bump(pDb, pActa, acta_state_slug(eNew),
                   eNew >= ACTA_APROBADA
                       ? (iApprovedIn ? iApprovedIn : pActa->iApprovedIn)
                       : 0,
                   iUser);
}

static int insert_note(Db *pDb, const char *zSql, int64_t iParent,
                       int64_t iUser, const char *zBody) {
  DbStmt *p = db_prepare(pDb, zSql);
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iParent);
  if (iUser > 0)
    db_bind_int64(p, 2, iUser);
  else
    db_bind_null(p, 2);
  db_bind_text(p, 3, zBody);
  db_bind_int64(p, 4, db_now());
  int rc = db_step(p);
  db_done(p);
  return rc == DB_DONE ? DB_OK : rc;
}

int meeting_acta_comment_add(Db *pDb, int64_t iItem, int64_t iUser,
                             const char *zBody) {
  return insert_note(pDb,
                     "INSERT INTO acta_comments(acta_item_id, user_id, body, "
                     "created_at) VALUES (?, ?, ?, ?)",
                     iItem, iUser, zBody);
}

int meeting_acta_correction_add(Db *pDb, int64_t iActa, int64_t iUser,
                                const char *zBody) {
  return insert_note(pDb,
                     "INSERT INTO acta_corrections(acta_id, created_by, "
                     "body_md, created_at) VALUES (?, ?, ?, ?)",
                     iActa, iUser, zBody);
}

static int list_notes(DbStmt *p, Arena *pArena, MeetingActaNote **paNote,
                      int *pnNote) {
  *paNote = NULL;
  *pnNote = 0;
  int nAlloc = 0, rc;
  while ((rc = db_step(p)) == DB_ROW) {
    *paNote =
        arena_grow(pArena, *paNote, *pnNote, &nAlloc, sizeof(MeetingActaNote));
    MeetingActaNote *n = &(*paNote)[(*pnNote)++];
    char zIso[CHILE_TIME_ISO_MAX];
    n->iItem = db_column_int64(p, 0);
    n->zAuthor = arena_strdup(pArena, db_column_text(p, 1));
    chile_time_format_iso(db_column_int64(p, 2), zIso, sizeof(zIso));
    n->zDate = arena_strndup(pArena, zIso, 10);
    n->zBody = arena_strdup(pArena, db_column_text(p, 3));
  }
  db_done(p);
  return rc == DB_DONE ? DB_OK : DB_ERROR;
}

int meeting_acta_comments(Db *pDb, Arena *pArena, int64_t iActa,
                          MeetingActaNote **paNote, int *pnNote) {
  DbStmt *p = db_prepare(
      pDb,
      "SELECT c.acta_item_id, coalesce(u.name, ''), c.created_at, c.body "
      "FROM acta_comments c JOIN acta_items i ON i.id = c.acta_item_id "
      "LEFT JOIN users u ON u.id = c.user_id "
      "WHERE i.acta_id = ? ORDER BY c.created_at, c.id");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iActa);
  return list_notes(p, pArena, paNote, pnNote);
}

int meeting_acta_corrections(Db *pDb, Arena *pArena, int64_t iActa,
                             MeetingActaNote **paNote, int *pnNote) {
  DbStmt *p = db_prepare(
      pDb,
      "SELECT 0, coalesce(u.name, ''), c.created_at, c.body_md "
      "FROM acta_corrections c LEFT JOIN users u ON u.id = c.created_by "
      "WHERE c.acta_id = ? ORDER BY c.created_at, c.id");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iActa);
  return list_notes(p, pArena, paNote, pnNote);
}

int meeting_acta_published(Db *pDb, Arena *pArena, int64_t iCouncil,
                           int64_t **paiActivity, const char ***pazTitle,
                           int64_t **paiStart, int *pn) {
  *pn = 0;
  DbStmt *p = db_prepare(pDb,
                         "SELECT a.id, a.title, a.starts_at FROM actas t "
                         "JOIN activities a ON a.id = t.activity_id "
                         "WHERE a.council_id = ? AND t.state = 'publicada' "
                         "ORDER BY a.starts_at DESC, a.id");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iCouncil);
  int nAlloc = 64, rc;
  *paiActivity = arena_alloc(pArena, sizeof(int64_t) * (size_t)nAlloc);
  *pazTitle = arena_alloc(pArena, sizeof(char *) * (size_t)nAlloc);
  *paiStart = arena_alloc(pArena, sizeof(int64_t) * (size_t)nAlloc);
  while ((rc = db_step(p)) == DB_ROW) {
    if (*pn == nAlloc) continue; /* A page of the newest is enough */
    (*paiActivity)[*pn] = db_column_int64(p, 0);
    (*pazTitle)[*pn] = arena_strdup(pArena, db_column_text(p, 1));
    (*paiStart)[*pn] = db_column_int64(p, 2);
    (*pn)++;
  }
  db_done(p);
  return rc == DB_DONE ? DB_OK : DB_ERROR;
}
