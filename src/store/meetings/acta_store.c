/*
** Actas, stored (see meetings.h): the acta of a meeting, its items with
** Markdown summaries, councillors' comments, corrections, and what an
** approved acta shows of its session, frozen. Whether a change is allowed
** is decided by domain/acta.h in the caller; the version check here only
** keeps two editors from overwriting each other.
*/
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "store/activities/activity_store.h"
#include "store/activities/convene.h"
#include "domain/chile_time.h"
#include "store/meetings/meetings.h"

/* The state from its slug (column 2). */
static void acta_fix(DbStmt *p, Arena *pArena, void *pRow) {
  (void)pArena;
  MeetingActa *a = pRow;
  a->eState = ACTA_BORRADOR;
  acta_state_parse(db_column_text(p, 2), &a->eState);
}

static const DbMap acta_from_row_map = DB_MAP_FIX(
    MeetingActa, acta_fix, "ii-in", id, iActivity, iApprovedIn, iVersion);

int meeting_acta_get(Db *pDb, int64_t iActivity, MeetingActa *pActa) {
  return db_get(pDb, NULL, &acta_from_row_map, pActa,
                "SELECT id, activity_id, state, coalesce(approved_in, "
                "0), version FROM actas WHERE activity_id = ?",
                DB_I(iActivity));
}

int meeting_acta_create(Db *pDb, int64_t iActivity, const char *const *azTitle,
                        int nTitle, MeetingActa *pActa) {
  int rc = db_begin(pDb);
  if (rc != DB_OK) return rc;
  int64_t iNow = db_now(), iActa = 0;
  rc = db_exec_id(pDb,
                  "INSERT INTO actas(activity_id, created_at, updated_at) "
                  "VALUES (?, ?, ?) ON CONFLICT (activity_id) DO NOTHING "
                  "RETURNING id",
                  &iActa, DB_I(iActivity), DB_I(iNow), DB_I(iNow));
  if (rc == DB_DONE) rc = DB_CONSTRAINT; /* It has one already */
  for (int i = 0; i < nTitle && rc == DB_OK; i++) {
    rc = db_exec(pDb,
                 "INSERT INTO acta_items(acta_id, title, sort_order) VALUES "
                 "(?, ?, ?)",
                 DB_I(iActa), DB_T(azTitle[i]), DB_I(i));
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    return rc;
  }
  rc = db_commit(pDb);
  return rc == DB_OK ? meeting_acta_get(pDb, iActivity, pActa) : rc;
}

static const DbMap item_from_row_map =
    DB_MAP(MeetingActaItem, "itt", id, zTitle, zSummary);

int meeting_acta_items(Db *pDb, Arena *pArena, int64_t iActa,
                       MeetingActaItem **paItem, int *pnItem) {
  return db_list(pDb, pArena, &item_from_row_map, paItem, pnItem,
                 "SELECT id, title, summary_md FROM acta_items WHERE "
                 "acta_id = ? ORDER BY sort_order, id",
                 DB_I(iActa));
}

/* Bumps the version if it is still pActa's: DB_OK, DB_STALE, DB_ERROR. */
static int acta_bump(Db *pDb, const MeetingActa *pActa, const char *zState,
                     int64_t iApprovedIn, int64_t iUser) {
  int64_t iNow = db_now();
  int rc = db_exec_id(
      pDb,
      "UPDATE actas SET state = ?, approved_in = CAST(? AS BIGINT), "
      "approved_at = CASE WHEN ? = 'aprobada' THEN CAST(? AS BIGINT) "
      "ELSE approved_at END, "
      "published_at = CASE WHEN ? = 'publicada' THEN CAST(? AS BIGINT) "
      "ELSE published_at END, "
      "updated_at = ?, updated_by = CAST(? AS BIGINT), version = version + 1 "
      "WHERE id = ? AND version = ? RETURNING id",
      NULL, DB_T(zState), DB_IN(iApprovedIn), DB_T(zState), DB_I(iNow),
      DB_T(zState), DB_I(iNow), DB_I(iNow), DB_IN(iUser), DB_I(pActa->id),
      DB_I(pActa->iVersion));
  return rc == DB_OK ? DB_OK : rc == DB_DONE ? DB_STALE : DB_ERROR;
}

int meeting_acta_save(Db *pDb, int64_t iUser, const MeetingActa *pActa,
                      const int64_t *aiItem, const char *const *azSummary,
                      int n) {
  int rc = db_begin(pDb);
  if (rc != DB_OK) return rc;
  rc = acta_bump(pDb, pActa, acta_state_slug(pActa->eState), pActa->iApprovedIn,
                 iUser);
  for (int i = 0; i < n && rc == DB_OK; i++) {
    rc = db_exec(pDb,
                 "UPDATE acta_items SET summary_md = ? WHERE id = ? AND "
                 "acta_id = ?",
                 DB_T(azSummary[i]), DB_I(aiItem[i]), DB_I(pActa->id));
  }
  return db_finish(pDb, rc);
}

int meeting_acta_set_state(Db *pDb, int64_t iUser, const MeetingActa *pActa,
                           ActaState eNew, int64_t iApprovedIn) {
  int rc = db_begin(pDb);
  if (rc != DB_OK) return rc;
  rc = acta_bump(pDb, pActa, acta_state_slug(eNew),
                 eNew >= ACTA_APROBADA
                     ? (iApprovedIn ? iApprovedIn : pActa->iApprovedIn)
                     : 0,
                 iUser);
  /* Approved: what it shows is fixed with it, in the same transaction, so
  ** that no attendance or agreement saved in between is left out. */
  if (rc == DB_OK && acta_freezes_session(eNew, NULL)) {
    rc = meeting_acta_freeze(pDb, pActa);
  }
  return db_finish(pDb, rc);
}

int meeting_acta_freezes(Db *pDb, int64_t iActivity) {
  MeetingActa acta;
  int rc = meeting_acta_get(pDb, iActivity, &acta);
  if (rc == DB_DONE) return 0;
  if (rc != DB_OK) return -1;
  return acta_freezes_session(acta.eState, NULL);
}

int meeting_actas_approved_in(Db *pDb, int64_t iActivity) {
  return (int)db_int(pDb, -1,
                     "SELECT count(*) FROM actas WHERE approved_in = ? AND "
                     "state IN ('aprobada', 'publicada')",
                     DB_I(iActivity));
}

/* ---- Frozen: what an approved acta shows of its session ---- */

/* The JSON document of migration 0015 (a new reference). */
static json_t *frozen_json(Arena *pArena, const Activity *a,
                           const MeetingAttendance *aRow, int nRow,
                           const MeetingAgreement *aAgr, int nAgr,
                           const QuorumResult *q) {
  json_t *pRows = json_array();
  for (int i = 0; i < nRow; i++) {
    const MeetingAttendance *s = &aRow[i];
    json_array_append_new(
        pRows,
        json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:I, s:i, s:s}", "member_id",
                  (json_int_t)s->iMember, "name", s->zName, "organization",
                  s->zOrganization, "commune", s->zCommune, "status",
                  attendance_slug(s->eStatus), "reason", s->zReason,
                  "substitute_for", (json_int_t)s->iSubstituteFor, "quality",
                  s->eQuality, "replaces", s->zReplaces ? s->zReplaces : ""));
  }
  json_t *pAgr = json_array();
  for (int i = 0; i < nAgr; i++) {
    const MeetingAgreement *g = &aAgr[i];
    json_array_append_new(
        pAgr, json_pack("{s:I, s:s, s:b, s:i, s:i, s:i, s:s, s:s, s:s}", "id",
                        (json_int_t)g->id, "text", g->zText, "voted", g->bVoted,
                        "for", g->nFor, "against", g->nAgainst, "abstain",
                        g->nAbstain, "responsible_kind", g->zResponsibleKind,
                        "responsible", g->zResponsible, "due", g->zDue));
  }
  return json_pack("{s:i, s:s, s:I, s:I, s:s, s:s, s:o, s:o}", "v", 1, "title",
                   a->zTitle, "start", (json_int_t)a->iStart, "end",
                   (json_int_t)a->iEnd, "place", convene_place(pArena, a),
                   "quorum", q->session.zExplain, "attendance", pRows,
                   "agreements", pAgr);
}

int meeting_acta_freeze(Db *pDb, const MeetingActa *pActa) {
  Arena *pArena = arena_new();
  Activity act;
  QuorumResult q;
  MeetingAttendance *aRow = NULL;
  MeetingAgreement *aAgr = NULL;
  int nRow = 0, nAgr = 0;
  int rc = activity_get(pDb, pArena, activity_council(pDb, pActa->iActivity),
                        pActa->iActivity, &act);
  int64_t iCouncil = act.iCouncil; /* The activity's own council */
  if (rc == DB_OK) {
    rc = meeting_attendance_list(pDb, pArena, pActa->iActivity, &aRow, &nRow);
  }
  if (rc == DB_OK) {
    rc = meeting_agreement_list(pDb, pArena, iCouncil, pActa->iActivity, &aAgr,
                                &nAgr);
  }
  if (rc == DB_OK) {
    rc = meeting_quorum(pDb, pArena, iCouncil, pActa->iActivity, &q);
  }
  char *zJson = NULL;
  if (rc == DB_OK) {
    json_t *pDoc = frozen_json(pArena, &act, aRow, nRow, aAgr, nAgr, &q);
    zJson = pDoc ? json_dumps(pDoc, JSON_COMPACT) : NULL;
    json_decref(pDoc);
    if (!zJson) rc = DB_ERROR;
  }
  if (rc == DB_OK) {
    rc = db_exec(pDb,
                 "UPDATE actas SET frozen = ? WHERE id = ? AND frozen IS "
                 "NULL",
                 DB_T(zJson), DB_I(pActa->id)) == DB_OK
             ? DB_OK
             : DB_ERROR;
  }
  free(zJson);
  arena_free(pArena);
  return rc;
}

/* Member zKey of object p as an arena string ("" when absent). */
static const char *frozen_text(Arena *pArena, json_t *p, const char *zKey) {
  const char *z = json_string_value(json_object_get(p, zKey));
  return arena_strdup(pArena, z ? z : "");
}

static int64_t frozen_int(json_t *p, const char *zKey) {
  return (int64_t)json_integer_value(json_object_get(p, zKey));
}

int meeting_acta_frozen(Db *pDb, Arena *pArena, int64_t iActa,
                        MeetingActaFrozen *pOut) {
  memset(pOut, 0, sizeof(*pOut));
  Arena *pText = arena_new();
  const char *zDoc = db_text(pDb, pText,
                             "SELECT frozen FROM actas WHERE id = ? AND "
                             "frozen IS NOT NULL",
                             DB_I(iActa));
  json_t *pDoc = zDoc ? json_loads(zDoc, 0, NULL) : NULL;
  arena_free(pText);
  if (!zDoc) return DB_DONE;
  if (!json_is_object(pDoc)) {
    json_decref(pDoc);
    return DB_ERROR;
  }
  pOut->zTitle = frozen_text(pArena, pDoc, "title");
  pOut->iStart = frozen_int(pDoc, "start");
  pOut->iEnd = frozen_int(pDoc, "end");
  pOut->zPlace = frozen_text(pArena, pDoc, "place");
  pOut->zQuorum = frozen_text(pArena, pDoc, "quorum");
  json_t *pArr = json_object_get(pDoc, "attendance");
  size_t n = json_array_size(pArr), i;
  json_t *e;
  pOut->aRow = arena_alloc(pArena, sizeof(MeetingAttendance) * (n + 1));
  json_array_foreach(pArr, i, e) {
    MeetingAttendance *s = &pOut->aRow[pOut->nRow++];
    s->iMember = frozen_int(e, "member_id");
    s->zName = frozen_text(pArena, e, "name");
    s->zOrganization = frozen_text(pArena, e, "organization");
    s->zCommune = frozen_text(pArena, e, "commune");
    s->eStatus = ATTENDANCE_AUSENTE;
    attendance_parse(json_string_value(json_object_get(e, "status")),
                     &s->eStatus);
    s->zReason = frozen_text(pArena, e, "reason");
    s->iSubstituteFor = frozen_int(e, "substitute_for");
    /* Actas frozen before the quality was kept say nothing of it. */
    s->eQuality = (int)frozen_int(e, "quality");
    s->zReplaces = frozen_text(pArena, e, "replaces");
  }
  pArr = json_object_get(pDoc, "agreements");
  n = json_array_size(pArr);
  pOut->aAgr = arena_alloc(pArena, sizeof(MeetingAgreement) * (n + 1));
  json_array_foreach(pArr, i, e) {
    MeetingAgreement *g = &pOut->aAgr[pOut->nAgr++];
    memset(g, 0, sizeof(*g));
    g->id = frozen_int(e, "id");
    g->zText = frozen_text(pArena, e, "text");
    g->bVoted = json_is_true(json_object_get(e, "voted"));
    g->nFor = (int)frozen_int(e, "for");
    g->nAgainst = (int)frozen_int(e, "against");
    g->nAbstain = (int)frozen_int(e, "abstain");
    g->zResponsibleKind = frozen_text(pArena, e, "responsible_kind");
    g->zResponsible = frozen_text(pArena, e, "responsible");
    g->zDue = frozen_text(pArena, e, "due");
    g->zSession = pOut->zTitle;
    g->zSessionDate = "";
    g->eState = AGREEMENT_PENDIENTE;
  }
  json_decref(pDoc);
  return DB_OK;
}

static int insert_note(Db *pDb, const char *zSql, int64_t iParent,
                       int64_t iUser, const char *zBody) {
  return db_exec(pDb, zSql, DB_I(iParent), DB_IN(iUser), DB_T(zBody),
                 DB_I(db_now()));
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

/* The date of the time in column 2. */
static void note_fix(DbStmt *p, Arena *pArena, void *pRow) {
  char zDate[CHILE_TIME_DATE_SIZE];
  chile_time_format_date(db_column_int64(p, 2), zDate);
  ((MeetingActaNote *)pRow)->zDate = arena_strdup(pArena, zDate);
}

static const DbMap note_from_row_map =
    DB_MAP_FIX(MeetingActaNote, note_fix, "it-t", iItem, zAuthor, zBody);

int meeting_acta_comments(Db *pDb, Arena *pArena, int64_t iActa,
                          MeetingActaNote **paNote, int *pnNote) {
  return db_rows_map(
      db_query(pDb,
               "SELECT c.acta_item_id, coalesce(u.name, ''), c.created_at, "
               "c.body FROM acta_comments c JOIN acta_items i ON i.id = "
               "c.acta_item_id LEFT JOIN users u ON u.id = c.user_id WHERE "
               "i.acta_id = ? ORDER BY c.created_at, c.id",
               DB_I(iActa)),
      pArena, &note_from_row_map, paNote, pnNote);
}

int meeting_acta_corrections(Db *pDb, Arena *pArena, int64_t iActa,
                             MeetingActaNote **paNote, int *pnNote) {
  return db_rows_map(
      db_query(pDb,
               "SELECT 0, coalesce(u.name, ''), c.created_at, c.body_md FROM "
               "acta_corrections c LEFT JOIN users u ON u.id = c.created_by "
               "WHERE c.acta_id = ? ORDER BY c.created_at, c.id",
               DB_I(iActa)),
      pArena, &note_from_row_map, paNote, pnNote);
}

static const DbMap acta_entry_map =
    DB_MAP(MeetingActaEntry, "itii", iActivity, zTitle, iStart, nTotal);

int meeting_acta_in_state(Db *pDb, Arena *pArena, int64_t iCouncil,
                          const char *zState, ListPage *pPage,
                          MeetingActaEntry **paActa, int *pnActa) {
  if (db_list(pDb, pArena, &acta_entry_map, paActa, pnActa,
              "SELECT a.id, a.title, a.starts_at, count(*) OVER () FROM "
              "actas t JOIN "
              "activities a ON a.id = t.activity_id WHERE a.council_id = ? "
              "AND t.state = ? ORDER BY a.starts_at DESC, a.id LIMIT ? "
              "OFFSET ?",
              DB_I(iCouncil), DB_T(zState), DB_I(list_page_sql_limit(pPage)),
              DB_I(pPage->nOffset)) != DB_OK) {
    return DB_ERROR;
  }
  if (list_page_total_known(pPage, *pnActa)) return DB_OK;
  if (*pnActa > 0) { /* A full page: its rows carry the count */
    pPage->nTotal = (*paActa)[0].nTotal;
  } else { /* Past the end */
    pPage->nTotal = db_int(pDb, -1,
                           "SELECT count(*) FROM actas t JOIN activities a ON "
                           "a.id = t.activity_id WHERE a.council_id = ? AND "
                           "t.state = ?",
                           DB_I(iCouncil), DB_T(zState));
    if (pPage->nTotal < 0) return DB_ERROR;
  }
  return DB_OK;
}

int meeting_acta_backdate(Db *pDb, int64_t iActivity, int64_t t) {
  return db_exec(pDb,
                 "UPDATE actas SET approved_at = ?, updated_at = ? WHERE "
                 "activity_id = ? AND approved_at IS NOT NULL",
                 DB_I(t), DB_I(t), DB_I(iActivity));
}
