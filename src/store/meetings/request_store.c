/*
** Requests to authorities and their answers, stored (see meetings.h). Plan
** line 5 asks authorities to report: the council records what it asked,
** when and by which agreement, and each answer as it arrives.
*/
#include <string.h>

#include "store/meetings/meetings.h"

static const DbMap request_from_row_map =
    DB_MAP(MeetingRequest, "itittt", id, zAuthority, iAgreement, zAgreement,
           zAskedOn, zQuestion);

/* One answer with the request it answers: the answers of every request of
** a council come in one statement, by request. */
typedef struct AnswerRow {
  int64_t iRequest;
  MeetingAnswer answer;
} AnswerRow;

static const DbMap answer_row_map =
    DB_MAP(AnswerRow, "itt", iRequest, answer.zDate, answer.zBody);

int meeting_request_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                         MeetingRequest **paReq, int *pnReq) {
  AnswerRow *aRow = NULL;
  int nRow = 0;
  if (db_list(pDb, pArena, &request_from_row_map, paReq, pnReq,
              "SELECT r.id, r.authority_name, coalesce(r.agreement_id, "
              "0), coalesce(g.body, ''), r.asked_on, r.question "
              "FROM authority_requests r LEFT JOIN agreements g ON "
              "g.id = r.agreement_id WHERE r.council_id = ? "
              "ORDER BY EXISTS (SELECT 1 FROM authority_answers a "
              "WHERE a.request_id = r.id), r.asked_on DESC, r.id DESC",
              DB_I(iCouncil)) != DB_OK ||
      db_list(pDb, pArena, &answer_row_map, &aRow, &nRow,
              "SELECT a.request_id, a.answered_on, a.body FROM "
              "authority_answers a JOIN authority_requests r ON r.id = "
              "a.request_id WHERE r.council_id = ? ORDER BY a.request_id, "
              "a.answered_on, a.id",
              DB_I(iCouncil)) != DB_OK) {
    return DB_ERROR;
  }
  for (int i = 0; i < *pnReq; i++) {
    MeetingRequest *q = &(*paReq)[i];
    int k = 0; /* The first answer of q, the rows being by request */
    for (int n = nRow; n > 0;) {
      int half = n / 2;
      if (aRow[k + half].iRequest < q->id) {
        k += half + 1;
        n -= half + 1;
      } else {
        n = half;
      }
    }
    q->nAnswer = 0;
    while (k + q->nAnswer < nRow && aRow[k + q->nAnswer].iRequest == q->id) {
      q->nAnswer++;
    }
    q->aAnswer =
        arena_alloc(pArena, sizeof(MeetingAnswer) * (size_t)(q->nAnswer + 1));
    for (int j = 0; j < q->nAnswer; j++) q->aAnswer[j] = aRow[k + j].answer;
  }
  return DB_OK;
}

int meeting_request_insert(Db *pDb, int64_t iCouncil, MeetingRequest *pReq) {
  return db_exec_id(pDb,
                    "INSERT INTO authority_requests(council_id, "
                    "authority_name, agreement_id, asked_on, question, "
                    "created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                    &pReq->id, DB_I(iCouncil), DB_T(pReq->zAuthority),
                    DB_IN(pReq->iAgreement), DB_T(pReq->zAskedOn),
                    DB_T(pReq->zQuestion), DB_I(db_now()));
}

int meeting_request_answer(Db *pDb, int64_t iCouncil, int64_t iRequest,
                           const char *zDate, const char *zBody) {
  int rc = db_exec_id(pDb,
                      "INSERT INTO authority_answers(request_id, answered_on, "
                      "body, created_at) SELECT id, CAST(? AS TEXT), CAST(? "
                      "AS TEXT), CAST(? AS BIGINT) FROM authority_requests "
                      "WHERE id = ? AND council_id = ? RETURNING id",
                      NULL, DB_T(zDate), DB_T(zBody), DB_I(db_now()),
                      DB_I(iRequest), DB_I(iCouncil));
  return rc == DB_OK || rc == DB_DONE ? rc : DB_ERROR;
}
