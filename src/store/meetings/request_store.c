/*
** Requests to authorities and their answers, stored (see sessions.h). Plan
** line 5 asks authorities to report: the council records what it asked,
** when and by which agreement, and each answer as it arrives.
*/
#include <string.h>

#include "store/meetings/meetings.h"

static int load_answers(Db *pDb, Arena *pArena, MeetingRequest *pReq) {
  pReq->nAnswer = 0;
  pReq->aAnswer = NULL;
  DbStmt *p = db_prepare(pDb,
                         "SELECT answered_on, body FROM authority_answers "
                         "WHERE request_id = ? ORDER BY answered_on, id");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, pReq->id);
  int nAlloc = 0, rc;
  while ((rc = db_step(p)) == DB_ROW) {
    pReq->aAnswer = arena_grow(pArena, pReq->aAnswer, pReq->nAnswer, &nAlloc,
                               sizeof(MeetingAnswer));
    MeetingAnswer *a = &pReq->aAnswer[pReq->nAnswer++];
    a->zDate = arena_strdup(pArena, db_column_text(p, 0));
    a->zBody = arena_strdup(pArena, db_column_text(p, 1));
  }
  db_done(p);
  return rc == DB_DONE ? DB_OK : DB_ERROR;
}

int meeting_request_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                         MeetingRequest **paReq, int *pnReq) {
  *paReq = NULL;
  *pnReq = 0;
  DbStmt *p = db_prepare(
      pDb,
      "SELECT r.id, r.authority_name, coalesce(r.agreement_id, 0), "
      "coalesce(g.body, ''), r.asked_on, r.question, "
      "(SELECT count(*) FROM authority_answers a WHERE a.request_id = r.id) "
      "AS answers "
      "FROM authority_requests r LEFT JOIN agreements g ON g.id = "
      "r.agreement_id WHERE r.council_id = ? "
      "ORDER BY (SELECT count(*) FROM authority_answers a "
      "WHERE a.request_id = r.id) > 0, r.asked_on DESC, r.id DESC");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iCouncil);
  int nAlloc = 0, rc;
  while ((rc = db_step(p)) == DB_ROW) {
    *paReq =
        arena_grow(pArena, *paReq, *pnReq, &nAlloc, sizeof(MeetingRequest));
    MeetingRequest *q = &(*paReq)[(*pnReq)++];
    q->id = db_column_int64(p, 0);
    q->zAuthority = arena_strdup(pArena, db_column_text(p, 1));
    q->iAgreement = db_column_int64(p, 2);
    q->zAgreement = arena_strdup(pArena, db_column_text(p, 3));
    q->zAskedOn = arena_strdup(pArena, db_column_text(p, 4));
    q->zQuestion = arena_strdup(pArena, db_column_text(p, 5));
  }
  db_done(p);
  if (rc != DB_DONE) return DB_ERROR;
  for (int i = 0; i < *pnReq; i++) {
    if (load_answers(pDb, pArena, &(*paReq)[i]) != DB_OK) return DB_ERROR;
  }
  return DB_OK;
}

int meeting_request_insert(Db *pDb, int64_t iCouncil, MeetingRequest *pReq) {
  DbStmt *p =
      db_prepare(pDb,
                 "INSERT INTO authority_requests(council_id, authority_name, "
                 "agreement_id, asked_on, question, created_at) "
                 "VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iCouncil);
  db_bind_text(p, 2, pReq->zAuthority);
  if (pReq->iAgreement > 0)
    db_bind_int64(p, 3, pReq->iAgreement);
  else
    db_bind_null(p, 3);
  db_bind_text(p, 4, pReq->zAskedOn);
  db_bind_text(p, 5, pReq->zQuestion);
  db_bind_int64(p, 6, db_now());
  int rc = db_step(p);
  if (rc == DB_ROW) pReq->id = db_column_int64(p, 0);
  db_done(p);
  return rc == DB_ROW ? DB_OK : rc;
}

int meeting_request_answer(Db *pDb, int64_t iCouncil, int64_t iRequest,
                           const char *zDate, const char *zBody) {
  DbStmt *p =
      db_prepare(pDb,
                 "INSERT INTO authority_answers(request_id, answered_on, body, "
                 "created_at) SELECT id, CAST(? AS TEXT), CAST(? AS TEXT), "
                 "CAST(? AS BIGINT) FROM authority_requests "
                 "WHERE id = ? AND council_id = ? RETURNING id");
  if (!p) return DB_ERROR;
  db_bind_text(p, 1, zDate);
  db_bind_text(p, 2, zBody);
  db_bind_int64(p, 3, db_now());
  db_bind_int64(p, 4, iRequest);
  db_bind_int64(p, 5, iCouncil);
  int rc = db_step(p);
  db_done(p);
  return rc == DB_ROW ? DB_OK : rc == DB_DONE ? DB_DONE : DB_ERROR;
}
