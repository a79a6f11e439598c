/*
** Agreements and their follow-up log, stored (see meetings.h). Every state
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

/* The session's date (column 3), whether votes were recorded (a negative
** count says not) and the state from its slug (column 11). */
static void agreement_fix(DbStmt *p, Arena *pArena, void *pRow) {
  MeetingAgreement *g = pRow;
  char zDate[CHILE_TIME_DATE_SIZE];
  chile_time_format_date(db_column_int64(p, 3), zDate);
  g->zSessionDate = arena_strdup(pArena, zDate);
  g->bVoted = g->nFor >= 0;
  if (!g->bVoted) g->nFor = 0;
  g->eState = AGREEMENT_PENDIENTE;
  agreement_state_parse(db_column_text(p, 11), &g->eState);
}

static const DbMap agreement_from_row_map =
    DB_MAP_FIX(MeetingAgreement, agreement_fix, "iit-tnnnttt-n", id, iActivity,
               zSession, zText, nFor, nAgainst, nAbstain, zResponsibleKind,
               zResponsible, zDue, iVersion);

int meeting_agreement_page(Db *pDb, Arena *pArena, int64_t iCouncil,
                           int64_t iActivity, ListPage *pPage,
                           MeetingAgreement **paAgr, int *pnAgr) {
  if (db_list(pDb, pArena, &agreement_from_row_map, paAgr, pnAgr,
              "SELECT " AGR_COLUMNS AGR_FROM
              "WHERE g.council_id = ? AND (? = 0 OR g.activity_id = ?) "
              "ORDER BY a.starts_at DESC, g.id LIMIT ? OFFSET ?",
              DB_I(iCouncil), DB_I(iActivity), DB_I(iActivity),
              DB_I(list_page_sql_limit(pPage)),
              DB_I(pPage->nOffset)) != DB_OK) {
    return DB_ERROR;
  }
  if (!list_page_total_known(pPage, *pnAgr)) {
    pPage->nTotal = db_int(pDb, -1,
                           "SELECT count(*) FROM agreements WHERE council_id "
                           "= ? AND (? = 0 OR activity_id = ?)",
                           DB_I(iCouncil), DB_I(iActivity), DB_I(iActivity));
    if (pPage->nTotal < 0) return DB_ERROR;
  }
  return DB_OK;
}

int meeting_agreement_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                           int64_t iActivity, MeetingAgreement **paAgr,
                           int *pnAgr) {
  ListPage all = {0};
  return meeting_agreement_page(pDb, pArena, iCouncil, iActivity, &all, paAgr,
                                pnAgr);
}

int meeting_agreement_get(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iId,
                          MeetingAgreement *pAgr) {
  return db_get(pDb, pArena, &agreement_from_row_map, pAgr,
                "SELECT " AGR_COLUMNS AGR_FROM
                "WHERE g.council_id = ? AND g.id = ?",
                DB_I(iCouncil), DB_I(iId));
}

/* The insert itself, in meeting_agreement_insert()'s transaction. */
static int agreement_insert_row(Db *pDb, int64_t iCouncil,
                                MeetingAgreement *pAgr) {
  int64_t iNow = db_now();
  int bVoted = pAgr->bVoted; /* Votes not taken are NULL */
  pAgr->iVersion = 1;
  return db_exec_id(
      pDb,
      "INSERT INTO agreements(council_id, activity_id, body, votes_for, "
      "votes_against, votes_abstain, responsible_kind, responsible_name, "
      "due_date, state, created_at, updated_at, responsible_member, "
      "responsible_directory) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      &pAgr->id, DB_I(iCouncil), DB_I(pAgr->iActivity), DB_T(pAgr->zText),
      bVoted ? DB_I(pAgr->nFor) : DB_NULL,
      bVoted ? DB_I(pAgr->nAgainst) : DB_NULL,
      bVoted ? DB_I(pAgr->nAbstain) : DB_NULL,
      DB_T(pAgr->zResponsibleKind ? pAgr->zResponsibleKind : "ninguno"),
      DB_TE(pAgr->zResponsible), DB_TN(pAgr->zDue),
      DB_T(agreement_state_slug(pAgr->eState)), DB_I(iNow), DB_I(iNow),
      DB_IN(pAgr->iResponsibleMember), DB_IN(pAgr->iResponsibleDirectory));
}

int meeting_agreement_insert(Db *pDb, int64_t iCouncil,
                             MeetingAgreement *pAgr) {
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  /* An approved acta lists its session's agreements: none is added after
  ** (checked in the write transaction, ordered with the approval). */
  int bFrozen = meeting_acta_freezes(pDb, pAgr->iActivity);
  int rc = bFrozen > 0    ? MEETING_ACTA_FROZEN
           : bFrozen == 0 ? agreement_insert_row(pDb, iCouncil, pAgr)
                          : DB_ERROR;
  return db_finish(pDb, rc);
}

int meeting_agreement_follow(Db *pDb, int64_t iUser,
                             const MeetingAgreement *pOld, AgreementState eNew,
                             const char *zDate, const char *zNote) {
  int rc = db_begin(pDb);
  if (rc != DB_OK) return rc;
  int64_t iNow = db_now();
  rc = db_exec_id(pDb,
                  "UPDATE agreements SET state = ?, updated_at = ?, "
                  "updated_by = CAST(? AS BIGINT), version = version + 1 "
                  "WHERE id = ? AND version = ? RETURNING id",
                  NULL, DB_T(agreement_state_slug(eNew)), DB_I(iNow),
                  DB_IN(iUser), DB_I(pOld->id), DB_I(pOld->iVersion));
  if (rc == DB_DONE) rc = DB_STALE; /* Not at the version followed up */
  if (rc == DB_OK) {
    rc = db_exec(pDb,
                 "INSERT INTO agreement_log(agreement_id, at, note_date, "
                 "user_id, old_state, new_state, note) VALUES (?, ?, ?, ?, "
                 "?, ?, ?)",
                 DB_I(pOld->id), DB_I(iNow), DB_T(zDate), DB_IN(iUser),
                 DB_T(agreement_state_slug(pOld->eState)),
                 DB_T(agreement_state_slug(eNew)), DB_TE(zNote));
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    return rc == DB_STALE ? DB_STALE : DB_ERROR;
  }
  return db_commit(pDb);
}

static const DbMap note_from_row_map =
    DB_MAP(MeetingAgreementNote, "tttt", zDate, zOldState, zNewState, zNote);

int meeting_agreement_notes(Db *pDb, Arena *pArena, int64_t iAgreement,
                            MeetingAgreementNote **paNote, int *pnNote) {
  return db_list(pDb, pArena, &note_from_row_map, paNote, pnNote,
                 "SELECT note_date, old_state, new_state, note FROM "
                 "agreement_log WHERE agreement_id = ? ORDER BY at, "
                 "id",
                 DB_I(iAgreement));
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
