/*
** The mail outbox store (see outbox.h).
*/
#include "mail/outbox.h"

#include <sodium.h>
#include <string.h>

#include "domain/email.h"

#define OUTBOX_SUBJECT_MAX 998 /* RFC 5322 line limit */

/* The claim: mark up to N due rows as ours, in one statement whose
** parameters are (now, now, N, claim, lease end, now) on both backends.
** On PostgreSQL the rows are chosen and locked first, once (a MATERIALIZED
** CTE: a subquery in "id IN (...)" may be re-run and take more than N),
** and SKIP LOCKED makes concurrent senders take different rows without
** waiting. SQLite has no row locks: the write transaction around the
** claim serializes senders. */
static const char zClaimSqlite[] =
    "WITH due AS (SELECT id FROM mail_outbox WHERE state = 'pendiente' "
    "AND next_attempt_at <= ? AND (claimed_by IS NULL OR claimed_until < ?) "
    "ORDER BY next_attempt_at, id LIMIT ?) "
    "UPDATE mail_outbox SET claimed_by = ?, claimed_until = ?, updated_at = ? "
    "WHERE id IN (SELECT id FROM due)";
static const char zClaimPostgresql[] =
    "WITH due AS MATERIALIZED (SELECT id FROM mail_outbox "
    "WHERE state = 'pendiente' AND next_attempt_at <= ? "
    "AND (claimed_by IS NULL OR claimed_until < ?) "
    "ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED) "
    "UPDATE mail_outbox SET claimed_by = ?, claimed_until = ?, updated_at = ? "
    "FROM due WHERE mail_outbox.id = due.id";

void outbox_retry_default(OutboxRetry *p) {
  p->nMaxAttempts = 8;
  p->iBaseDelay = 60;
  p->iMaxDelay = 3600;
}

int64_t outbox_retry_delay(const OutboxRetry *p, int nAttempt) {
  int64_t iDelay = p->iBaseDelay > 0 ? p->iBaseDelay : 1;
  for (int i = 1; i < nAttempt && iDelay < p->iMaxDelay; i++) iDelay *= 2;
  return iDelay > p->iMaxDelay ? p->iMaxDelay : iDelay;
}

/* File names go into MIME headers as quoted ASCII: letters, digits and a
** few signs only (no quotes, no line breaks, no bytes above 127). */
static int is_safe_filename(const char *z) {
  if (!z || !*z) return 0;
  for (; *z; z++) {
    unsigned char c = (unsigned char)*z;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
          (c >= '0' && c <= '9') || strchr("._- ()", c))) {
      return 0;
    }
  }
  return 1;
}

static int has_line_break(const char *z) {
  return z && (strchr(z, '\r') || strchr(z, '\n'));
}

/* NULL when the message may be queued, else the Spanish reason. */
static const char *message_problem(const OutboxMessage *p) {
  if (!p->zIdempotencyKey || !*p->zIdempotencyKey) {
    return "Falta la clave que identifica el mensaje.";
  }
  const char *zProblem = email_problem(p->zTo);
  if (zProblem) return zProblem;
  if (has_line_break(p->zToName)) {
    return "El nombre del destinatario no puede tener saltos de línea.";
  }
  if (!p->zSubject || !*p->zSubject) return "Escriba el asunto del mensaje.";
  if (has_line_break(p->zSubject) || strlen(p->zSubject) > OUTBOX_SUBJECT_MAX) {
    return "El asunto debe ser una sola línea, no demasiado larga.";
  }
  if (!p->zText) return "Falta el texto del mensaje.";
  for (int i = 0; i < p->nAttach; i++) {
    const OutboxAttachment *a = &p->aAttach[i];
    if (!is_safe_filename(a->zFilename)) {
      return "El nombre de un archivo adjunto solo puede tener letras sin "
             "tilde, números, espacios, puntos, guiones y paréntesis.";
    }
    if (!a->zContentType || !*a->zContentType ||
        has_line_break(a->zContentType) || (!a->pData && a->nData)) {
      return "Un archivo adjunto no tiene un tipo válido.";
    }
  }
  return NULL;
}

int outbox_queue(Db *pDb, const OutboxMessage *p, int64_t *piId,
                 const char **pzProblem) {
  const char *zProblem = message_problem(p);
  if (zProblem) {
    if (pzProblem) *pzProblem = zProblem;
    return OUTBOX_INVALID;
  }
  unsigned char aRand[OUTBOX_TOKEN_HEX / 2];
  char zToken[OUTBOX_TOKEN_HEX + 1];
  randombytes_buf(aRand, sizeof(aRand));
  sodium_bin2hex(zToken, sizeof(zToken), aRand, sizeof(aRand));
  int64_t iNow = db_now();
  if (db_begin(pDb) != DB_OK) return OUTBOX_ERROR;
  /* ON CONFLICT DO NOTHING (SQLite and PostgreSQL alike) rather than a
  ** failed INSERT: on PostgreSQL a failed statement would spoil the
  ** caller's whole transaction. RETURNING gives a row only when inserted. */
  DbStmt *pIns = db_prepare(
      pDb,
      "INSERT INTO mail_outbox(idempotency_key, message_token, recipient, "
      "recipient_name, subject, body_text, body_html, related_kind, "
      "related_id, state, attempts, next_attempt_at, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pendiente', 0, ?, ?, ?) "
      "ON CONFLICT (idempotency_key) DO NOTHING RETURNING id");
  if (!pIns) {
    db_rollback(pDb);
    return OUTBOX_ERROR;
  }
  db_bind_text(pIns, 1, p->zIdempotencyKey);
  db_bind_text(pIns, 2, zToken);
  db_bind_text(pIns, 3, p->zTo);
  db_bind_text(pIns, 4, p->zToName ? p->zToName : "");
  db_bind_text(pIns, 5, p->zSubject);
  db_bind_text(pIns, 6, p->zText);
  db_bind_text(pIns, 7, p->zHtml);
  db_bind_text(pIns, 8, p->zRelatedKind);
  if (p->iRelatedId)
    db_bind_int64(pIns, 9, p->iRelatedId);
  else
    db_bind_null(pIns, 9);
  db_bind_int64(pIns, 10, p->iNotBefore > iNow ? p->iNotBefore : iNow);
  db_bind_int64(pIns, 11, iNow);
  db_bind_int64(pIns, 12, iNow);
  int rc = db_step(pIns);
  int64_t iId = rc == DB_ROW ? db_column_int64(pIns, 0) : 0;
  db_done(pIns);
  if (rc == DB_DONE) {
    /* Already queued: report its id. */
    DbStmt *pSel =
        db_prepare(pDb, "SELECT id FROM mail_outbox WHERE idempotency_key = ?");
    db_bind_text(pSel, 1, p->zIdempotencyKey);
    if (db_step(pSel) == DB_ROW) iId = db_column_int64(pSel, 0);
    db_done(pSel);
    if (piId) *piId = iId;
    return db_commit(pDb) == DB_OK ? OUTBOX_ALREADY_QUEUED : OUTBOX_ERROR;
  }
  if (rc != DB_ROW) {
    db_rollback(pDb);
    return OUTBOX_ERROR;
  }
  for (int i = 0; i < p->nAttach; i++) {
    const OutboxAttachment *a = &p->aAttach[i];
    DbStmt *pAtt = db_prepare(
        pDb,
        "INSERT INTO mail_attachments(mail_id, position, filename, "
        "content_type, is_calendar, content) VALUES (?, ?, ?, ?, ?, ?)");
    db_bind_int64(pAtt, 1, iId);
    db_bind_int64(pAtt, 2, i);
    db_bind_text(pAtt, 3, a->zFilename);
    db_bind_text(pAtt, 4, a->zContentType);
    db_bind_int64(pAtt, 5, a->bCalendar ? 1 : 0);
    db_bind_blob(pAtt, 6, a->pData ? a->pData : "", a->nData);
    int rcAtt = db_step(pAtt);
    db_done(pAtt);
    if (rcAtt != DB_DONE) {
      db_rollback(pDb);
      return OUTBOX_ERROR;
    }
  }
  if (piId) *piId = iId;
  return db_commit(pDb) == DB_OK ? OUTBOX_QUEUED : OUTBOX_ERROR;
}

static void load_attachments(Db *pDb, Arena *pArena, OutboxMail *m) {
  DbStmt *p = db_prepare(pDb,
                         "SELECT filename, content_type, is_calendar, "
                         "content FROM mail_attachments WHERE mail_id = ? "
                         "ORDER BY position");
  db_bind_int64(p, 1, m->id);
  int nAlloc = 0;
  while (db_step(p) == DB_ROW) {
    m->aAttach = arena_grow(pArena, m->aAttach, m->nAttach, &nAlloc,
                            sizeof(OutboxAttachment));
    OutboxAttachment *a = &m->aAttach[m->nAttach++];
    a->zFilename = arena_strdup(pArena, db_column_text(p, 0));
    a->zContentType = arena_strdup(pArena, db_column_text(p, 1));
    a->bCalendar = db_column_int64(p, 2) != 0;
    a->nData = db_column_bytes(p, 3);
    const void *pBlob = db_column_blob(p, 3);
    a->pData = a->nData && pBlob ? arena_memdup(pArena, pBlob, a->nData) : "";
  }
  db_done(p);
}

int outbox_claim(Db *pDb, Arena *pArena, const char *zClaim, int64_t iNow,
                 int64_t iLease, int nMax, OutboxMail **paMail, int *pnMail) {
  *paMail = NULL;
  *pnMail = 0;
  int bPg = strcmp(db_backend_name(pDb), "postgresql") == 0;
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  DbStmt *pUp = db_prepare(pDb, bPg ? zClaimPostgresql : zClaimSqlite);
  if (!pUp) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  db_bind_int64(pUp, 1, iNow);
  db_bind_int64(pUp, 2, iNow);
  db_bind_int64(pUp, 3, nMax);
  db_bind_text(pUp, 4, zClaim);
  db_bind_int64(pUp, 5, iNow + iLease);
  db_bind_int64(pUp, 6, iNow);
  int rc = db_step(pUp);
  db_done(pUp);
  if (rc != DB_DONE || db_commit(pDb) != DB_OK) {
    if (rc != DB_DONE) db_rollback(pDb);
    return DB_ERROR;
  }
  DbStmt *pSel = db_prepare(
      pDb,
      "SELECT id, message_token, recipient, recipient_name, subject, "
      "body_text, body_html, attempts, created_at FROM mail_outbox "
      "WHERE claimed_by = ? AND state = 'pendiente' ORDER BY id");
  db_bind_text(pSel, 1, zClaim);
  /* Every row this claim holds is returned, even beyond nMax should the
  ** claim have taken more: a claimed row left unsent would wait out its
  ** lease. */
  OutboxMail *aMail = NULL;
  int n = 0, nAlloc = 0;
  while (db_step(pSel) == DB_ROW) {
    if (n == nAlloc) {
      nAlloc = nAlloc ? 2 * nAlloc : (nMax > 0 ? nMax : 8);
      OutboxMail *aNew =
          arena_alloc(pArena, sizeof(OutboxMail) * (size_t)nAlloc);
      if (n) memcpy(aNew, aMail, sizeof(OutboxMail) * (size_t)n);
      aMail = aNew;
    }
    OutboxMail *m = &aMail[n++];
    m->id = db_column_int64(pSel, 0);
    m->zMessageToken = arena_strdup(pArena, db_column_text(pSel, 1));
    m->zTo = arena_strdup(pArena, db_column_text(pSel, 2));
    m->zToName = arena_strdup(pArena, db_column_text(pSel, 3));
    m->zSubject = arena_strdup(pArena, db_column_text(pSel, 4));
    m->zText = arena_strdup(pArena, db_column_text(pSel, 5));
    m->zHtml = db_column_is_null(pSel, 6)
                   ? NULL
                   : arena_strdup(pArena, db_column_text(pSel, 6));
    m->nAttempt = (int)db_column_int64(pSel, 7);
    m->iCreated = db_column_int64(pSel, 8);
  }
  db_done(pSel);
  for (int i = 0; i < n; i++) load_attachments(pDb, pArena, &aMail[i]);
  *paMail = aMail;
  *pnMail = n;
  return DB_OK;
}

/* Runs one UPDATE with the given parameters bound in order. */
static int exec_update(DbStmt *p) {
  if (!p) return DB_ERROR;
  int rc = db_step(p);
  db_done(p);
  return rc == DB_DONE ? DB_OK : DB_ERROR;
}

int outbox_mark_sent(Db *pDb, int64_t id, int64_t iNow) {
  DbStmt *p = db_prepare(
      pDb,
      "UPDATE mail_outbox SET state = 'enviado', attempts = attempts + 1, "
      "sent_at = ?, last_error = NULL, claimed_by = NULL, "
      "claimed_until = NULL, updated_at = ? WHERE id = ?");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iNow);
  db_bind_int64(p, 2, iNow);
  db_bind_int64(p, 3, id);
  return exec_update(p);
}

int outbox_mark_failed(Db *pDb, const OutboxMail *pMail, const char *zError,
                       int bPermanent, const OutboxRetry *pRetry,
                       int64_t iNow) {
  int nAttempt = pMail->nAttempt + 1;
  int bFinal = bPermanent || nAttempt >= pRetry->nMaxAttempts;
  DbStmt *p = db_prepare(
      pDb,
      "UPDATE mail_outbox SET state = ?, attempts = ?, last_error = ?, "
      "next_attempt_at = ?, claimed_by = NULL, claimed_until = NULL, "
      "updated_at = ? WHERE id = ? AND state = 'pendiente'");
  if (!p) return DB_ERROR;
  db_bind_text(p, 1, bFinal ? OUTBOX_STATE_FAILED : OUTBOX_STATE_PENDING);
  db_bind_int64(p, 2, nAttempt);
  db_bind_text(p, 3, zError);
  db_bind_int64(p, 4,
                iNow + (bFinal ? 0 : outbox_retry_delay(pRetry, nAttempt)));
  db_bind_int64(p, 5, iNow);
  db_bind_int64(p, 6, pMail->id);
  return exec_update(p);
}

int outbox_release(Db *pDb, const char *zClaim) {
  DbStmt *p = db_prepare(pDb,
                         "UPDATE mail_outbox SET claimed_by = NULL, "
                         "claimed_until = NULL WHERE claimed_by = ? "
                         "AND state = 'pendiente'");
  if (!p) return DB_ERROR;
  db_bind_text(p, 1, zClaim);
  return exec_update(p);
}

int outbox_retry_now(Db *pDb, int64_t id, int64_t iNow) {
  DbStmt *p = db_prepare(
      pDb,
      "UPDATE mail_outbox SET state = 'pendiente', attempts = 0, "
      "next_attempt_at = ?, claimed_by = NULL, claimed_until = NULL, "
      "updated_at = ? WHERE id = ? AND state = 'fallido'");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iNow);
  db_bind_int64(p, 2, iNow);
  db_bind_int64(p, 3, id);
  return exec_update(p);
}

int outbox_withdraw(Db *pDb, const char *zKey) {
  /* Attachments go with their message (ON DELETE CASCADE). */
  DbStmt *p = db_prepare(pDb,
                         "DELETE FROM mail_outbox WHERE idempotency_key = ? "
                         "AND state = 'pendiente' AND claimed_by IS NULL");
  if (!p) return DB_ERROR;
  db_bind_text(p, 1, zKey);
  return exec_update(p);
}

int outbox_list(Db *pDb, Arena *pArena, const char *zRelatedKind,
                int64_t iRelatedId, int nMax, OutboxRow **paRow, int *pnRow) {
  DbStmt *p;
  if (zRelatedKind) {
    p = db_prepare(pDb,
                   "SELECT id, recipient, subject, state, attempts, "
                   "last_error, created_at, next_attempt_at, sent_at, "
                   "related_kind, related_id FROM mail_outbox "
                   "WHERE related_kind = ? AND related_id = ? "
                   "ORDER BY id DESC LIMIT ?");
    if (p) {
      db_bind_text(p, 1, zRelatedKind);
      db_bind_int64(p, 2, iRelatedId);
      db_bind_int64(p, 3, nMax);
    }
  } else {
    p = db_prepare(pDb,
                   "SELECT id, recipient, subject, state, attempts, "
                   "last_error, created_at, next_attempt_at, sent_at, "
                   "related_kind, related_id FROM mail_outbox "
                   "ORDER BY id DESC LIMIT ?");
    if (p) db_bind_int64(p, 1, nMax);
  }
  *paRow = NULL;
  *pnRow = 0;
  if (!p) return DB_ERROR;
  OutboxRow *aRow = arena_alloc(pArena, sizeof(OutboxRow) * (size_t)(nMax + 1));
  int n = 0;
  while (n < nMax && db_step(p) == DB_ROW) {
    OutboxRow *r = &aRow[n++];
    r->id = db_column_int64(p, 0);
    r->zTo = arena_strdup(pArena, db_column_text(p, 1));
    r->zSubject = arena_strdup(pArena, db_column_text(p, 2));
    r->zState = arena_strdup(pArena, db_column_text(p, 3));
    r->nAttempt = (int)db_column_int64(p, 4);
    r->zError = arena_strdup(pArena, db_column_text(p, 5));
    r->iCreated = db_column_int64(p, 6);
    r->iNextAttempt = db_column_int64(p, 7);
    r->iSent = db_column_is_null(p, 8) ? 0 : db_column_int64(p, 8);
    r->zRelatedKind = arena_strdup(pArena, db_column_text(p, 9));
    r->iRelatedId = db_column_is_null(p, 10) ? 0 : db_column_int64(p, 10);
  }
  db_done(p);
  *paRow = aRow;
  *pnRow = n;
  return DB_OK;
}

void outbox_counts(Db *pDb, int *pnPending, int *pnSent, int *pnFailed) {
  *pnPending = *pnSent = *pnFailed = 0;
  DbStmt *p = db_prepare(pDb,
                         "SELECT state, count(*) FROM mail_outbox "
                         "GROUP BY state");
  while (p && db_step(p) == DB_ROW) {
    const char *zState = db_column_text(p, 0);
    int n = (int)db_column_int64(p, 1);
    if (strcmp(zState, OUTBOX_STATE_PENDING) == 0)
      *pnPending = n;
    else if (strcmp(zState, OUTBOX_STATE_SENT) == 0)
      *pnSent = n;
    else if (strcmp(zState, OUTBOX_STATE_FAILED) == 0)
      *pnFailed = n;
  }
  db_done(p);
}
