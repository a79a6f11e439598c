/*
** Agreements and their follow-up log, stored (see sessions.h). Every state
** change or note is a log row in the same transaction as the change.
*/
#include <string.h>

#include "store/activities/activity_store.h"
#include "domain/chile_time.h"
#include "domain/date_text.h"
#include "store/meetings/meetings.h"

#define AGR_COLUMNS                                                        \
  "g.id, g.activity_id, a.title, a.starts_at, g.body, "                    \
  "coalesce(g.votes_for, -1), coalesce(g.votes_against, 0), "              \
  "coalesce(g.votes_abstain, 0), g.responsible_kind, g.responsible_name, " \
  "coalesce(g.due_date, ''), g.state, g.version "
#define AGR_FROM "FROM agreements g JOIN activities a ON a.id = g.activity_id "

static void agreement_from_row(Arena *pArena, DbStmt *p, MeetingAgreement *g) {
  char zIso[CHILE_TIME_ISO_MAX];
  g->id = db_column_int64(p, 0);
  g->iActivity = db_column_int64(p, 1);
  g->zSession = arena_strdup(pArena, db_column_text(p, 2));
  chile_time_format_iso(db_column_int64(p, 3), zIso, sizeof(zIso));
  g->zSessionDate = arena_strndup(pArena, zIso, 10);
  g->zText = arena_strdup(pArena, db_column_text(p, 4));
  g->nFor = (int)db_column_int64(p, 5);
  g->bVoted = g->nFor >= 0;
  if (!g->bVoted) g->nFor = 0;
  g->nAgainst = (int)db_column_int64(p, 6);
  g->nAbstain = (int)db_column_int64(p, 7);
  g->zResponsibleKind = arena_strdup(pArena, db_column_text(p, 8));
  g->zResponsible = arena_strdup(pArena, db_column_text(p, 9));
  g->zDue = arena_strdup(pArena, db_column_text(p, 10));
  g->eState = AGREEMENT_PENDIENTE;
  agreement_state_parse(db_column_text(p, 11), &g->eState);
  g->iVersion = (int)db_column_int64(p, 12);
}

int meeting_agreement_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                           int64_t iActivity, MeetingAgreement **paAgr,
                           int *pnAgr) {
  *paAgr = NULL;
  *pnAgr = 0;
  DbStmt *p = db_prepare(pDb, "SELECT " AGR_COLUMNS AGR_FROM
                              "WHERE g.council_id = ? AND (? = 0 OR "
                              "g.activity_id = ?) "
                              "ORDER BY a.starts_at DESC, g.id");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iCouncil);
  db_bind_int64(p, 2, iActivity);
  db_bind_int64(p, 3, iActivity);
  int nAlloc = 0, rc;
  while ((rc = db_step(p)) == DB_ROW) {
    *paAgr =
        arena_grow(pArena, *paAgr, *pnAgr, &nAlloc, sizeof(MeetingAgreement));
    agreement_from_row(pArena, p, &(*paAgr)[(*pnAgr)++]);
  }
  db_done(p);
  return rc == DB_DONE ? DB_OK : DB_ERROR;
}

int meeting_agreement_get(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iId,
                          MeetingAgreement *pAgr) {
  DbStmt *p = db_prepare(pDb, "SELECT " AGR_COLUMNS AGR_FROM
                              "WHERE g.council_id = ? AND g.id = ?");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iCouncil);
  db_bind_int64(p, 2, iId);
  int rc = db_step(p);
  if (rc == DB_ROW) agreement_from_row(pArena, p, pAgr);
  db_done(p);
  return rc == DB_ROW ? DB_OK : rc == DB_DONE ? DB_DONE : DB_ERROR;
}

int meeting_agreement_insert(Db *pDb, int64_t iCouncil,
                             MeetingAgreement *pAgr) {
  DbStmt *p = db_prepare(
      pDb,
      "INSERT INTO agreements(council_id, activity_id, body, votes_for, "
      "votes_against, votes_abstain, responsible_kind, responsible_name, "
      "due_date, state, created_at, updated_at, responsible_member, "
      "responsible_directory) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  if (!p) return DB_ERROR;
  int64_t iNow = db_now();
  db_bind_int64(p, 1, iCouncil);
  db_bind_int64(p, 2, pAgr->iActivity);
  db_bind_text(p, 3, pAgr->zText);
  if (pAgr->bVoted) {
    db_bind_int64(p, 4, pAgr->nFor);
    db_bind_int64(p, 5, pAgr->nAgainst);
    db_bind_int64(p, 6, pAgr->nAbstain);
  } else {
    db_bind_null(p, 4);
    db_bind_null(p, 5);
    db_bind_null(p, 6);
  }
  db_bind_text(p, 7,
               pAgr->zResponsibleKind ? pAgr->zResponsibleKind : "ninguno");
  db_bind_text(p, 8, pAgr->zResponsible ? pAgr->zResponsible : "");
  db_bind_text(p, 9, pAgr->zDue && *pAgr->zDue ? pAgr->zDue : NULL);
  db_bind_text(p, 10, agreement_state_slug(pAgr->eState));
  db_bind_int64(p, 11, iNow);
  db_bind_int64(p, 12, iNow);
  if (pAgr->iResponsibleMember > 0)
    db_bind_int64(p, 13, pAgr->iResponsibleMember);
  else
    db_bind_null(p, 13);
  if (pAgr->iResponsibleDirectory > 0)
    db_bind_int64(p, 14, pAgr->iResponsibleDirectory);
  else
    db_bind_null(p, 14);
  int rc = db_step(p);
  if (rc == DB_ROW) pAgr->id = db_column_int64(p, 0);
  db_done(p);
  pAgr->iVersion = 1;
  return rc == DB_ROW ? DB_OK : rc;
}

int meeting_agreement_follow(Db *pDb, int64_t iUser,
                             const MeetingAgreement *pOld, AgreementState eNew,
                             const char *zDate, const char *zNote) {
  int rc = db_begin(pDb);
  if (rc != DB_OK) return rc;
  int64_t iNow = db_now();
  DbStmt *p =
      db_prepare(pDb,
                 "UPDATE agreements SET state = ?, updated_at = ?, "
                 "updated_by = CAST(? AS BIGINT), version = version + 1 "
                 "WHERE id = ? AND version = ? RETURNING id");
  if (!p)
    rc = DB_ERROR;
  else {
    db_bind_text(p, 1, agreement_state_slug(eNew));
    db_bind_int64(p, 2, iNow);
    if (iUser > 0)
      db_bind_int64(p, 3, iUser);
    else
      db_bind_null(p, 3);
    db_bind_int64(p, 4, pOld->id);
    db_bind_int64(p, 5, pOld->iVersion);
    int s = db_step(p);
    rc = s == DB_ROW ? DB_OK : s == DB_DONE ? DB_STALE : DB_ERROR;
    db_done(p);
  }
  if (rc == DB_OK) {
    p = db_prepare(pDb,
                   "INSERT INTO agreement_log(agreement_id, at, note_date, "
                   "user_id, old_state, new_state, note) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!p)
      rc = DB_ERROR;
    else {
      db_bind_int64(p, 1, pOld->id);
      db_bind_int64(p, 2, iNow);
      db_bind_text(p, 3, zDate);
      if (iUser > 0)
        db_bind_int64(p, 4, iUser);
      else
        db_bind_null(p, 4);
      db_bind_text(p, 5, agreement_state_slug(pOld->eState));
      db_bind_text(p, 6, agreement_state_slug(eNew));
      db_bind_text(p, 7, zNote ? zNote : "");
      rc = db_step(p) == DB_DONE ? DB_OK : DB_ERROR;
      db_done(p);
    }
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    return rc;
  }
  return db_commit(pDb);
}

int meeting_agreement_notes(Db *pDb, Arena *pArena, int64_t iAgreement,
                            MeetingAgreementNote **paNote, int *pnNote) {
  *paNote = NULL;
  *pnNote = 0;
  DbStmt *p = db_prepare(pDb,
                         "SELECT note_date, old_state, new_state, note "
                         "FROM agreement_log WHERE agreement_id = ? "
                         "ORDER BY at, id");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iAgreement);
  int nAlloc = 0, rc;
  while ((rc = db_step(p)) == DB_ROW) {
    *paNote = arena_grow(pArena, *paNote, *pnNote, &nAlloc,
                         sizeof(MeetingAgreementNote));
    MeetingAgreementNote *n = &(*paNote)[(*pnNote)++];
    n->zDate = arena_strdup(pArena, db_column_text(p, 0));
    n->zOldState = arena_strdup(pArena, db_column_text(p, 1));
    n->zNewState = arena_strdup(pArena, db_column_text(p, 2));
    n->zNote = arena_strdup(pArena, db_column_text(p, 3));
  }
  db_done(p);
  return rc == DB_DONE ? DB_OK : DB_ERROR;
}

AgreementItem *meeting_agreement_items(Arena *pArena,
                                       const MeetingAgreement *aAgr, int nAgr) {
  AgreementItem *aItem =
      arena_alloc(pArena, sizeof(AgreementItem) * (size_t)(nAgr + 1));
  for (int i = 0; i < nAgr; i++) {
    aItem[i].iId = aAgr[i].id;
    aItem[i].eState = aAgr[i].eState;
    aItem[i].zDue = aAgr[i].zDue;
    aItem[i].zResponsible = aAgr[i].zResponsible;
  }
  return aItem;
}

int meeting_agreements_overdue(Arena *pArena, const MeetingAgreement *aAgr,
                               int nAgr, const char *zToday, int **paiOver) {
  *paiOver = arena_alloc(pArena, sizeof(int) * (size_t)(nAgr + 1));
  return agreement_overdue_list(meeting_agreement_items(pArena, aAgr, nAgr),
                                nAgr, zToday, *paiOver);
}

#define OVERDUE_ITEM_PREFIX "Acuerdos atrasados"

/* The agenda item listing the overdue agreements of aAll[aiOver[0..nOver)),
** one line (the agenda editor keeps one item per line). */
static const char *overdue_agenda_item(Arena *pArena,
                                       const MeetingAgreement *aAll,
                                       const int *aiOver, int nOver) {
  const char *z = OVERDUE_ITEM_PREFIX ":";
  for (int i = 0; i < nOver; i++) {
    const MeetingAgreement *g = &aAll[aiOver[i]];
    char zDue[PLAN_DATE_SIZE];
    date_text_dmy(g->zDue, zDue);
    z = arena_printf(pArena, "%s%s %s (responsable: %s; plazo: %s)", z,
                     i ? ";" : "", g->zText,
                     g->zResponsible[0] ? g->zResponsible : "sin responsable",
                     g->zDue[0] ? zDue : "sin plazo");
  }
  return z;
}

int meeting_agenda_put_overdue(Db *pDb, Arena *pArena, int64_t iCouncil,
                               int64_t iActivity, const char *zToday) {
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  MeetingAgreement *aAll = NULL;
  int nAll = 0;
  const char **azAgenda = NULL;
  int nAgenda = 0;
  if (meeting_agreement_list(pDb, pArena, iCouncil, 0, &aAll, &nAll) != DB_OK ||
      activity_agenda_get(pDb, pArena, iActivity, &azAgenda, &nAgenda) !=
          DB_OK) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  int *aiOver = NULL;
  int nOver = meeting_agreements_overdue(pArena, aAll, nAll, zToday, &aiOver);
  const char **azNew =
      arena_alloc(pArena, sizeof(char *) * (size_t)(nAgenda + 1));
  int nNew = 0;
  if (nOver > 0)
    azNew[nNew++] = overdue_agenda_item(pArena, aAll, aiOver, nOver);
  for (int i = 0; i < nAgenda && nNew < ACTIVITY_AGENDA_MAX; i++) {
    if (strncmp(azAgenda[i], OVERDUE_ITEM_PREFIX,
                strlen(OVERDUE_ITEM_PREFIX)) == 0) {
      continue;
    }
    azNew[nNew++] = azAgenda[i];
  }
  if (activity_agenda_set(pDb, iActivity, azNew, nNew) != DB_OK) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  return db_commit(pDb);
}
