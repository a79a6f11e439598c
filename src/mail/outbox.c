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

void outbox_address_hash(const char *zTo, char zHex[OUTBOX_HASH_HEX + 1]) {
  char zLower[320];
  size_t n = strlen(zTo);
  if (n >= sizeof(zLower)) n = sizeof(zLower) - 1;
  for (size_t i = 0; i < n; i++) {
    char c = zTo[i];
    zLower[i] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  zLower[n] = 0;
  unsigned char aHash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(aHash, (const unsigned char *)zLower, n);
  sodium_bin2hex(zHex, OUTBOX_HASH_HEX + 1, aHash, sizeof(aHash));
}

int outbox_suppressed(Db *pDb, const char *zTo) {
  char zHex[OUTBOX_HASH_HEX + 1];
  outbox_address_hash(zTo, zHex);
  return db_int(pDb, 0,
                "SELECT count(*) FROM mail_suppressions WHERE email_sha256 = ?",
                DB_T(zHex)) > 0;
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
  if (outbox_suppressed(pDb, p->zTo)) return OUTBOX_SUPPRESSED;
  if (db_begin(pDb) != DB_OK) return OUTBOX_ERROR;
  /* ON CONFLICT DO NOTHING (SQLite and PostgreSQL alike) rather than a
  ** failed INSERT: on PostgreSQL a failed statement would spoil the
  ** caller's whole transaction. RETURNING gives a row only when inserted. */
  int64_t iId = 0;
  int rc = db_exec_id(
      pDb,
      "INSERT INTO mail_outbox(idempotency_key, message_token, recipient, "
      "recipient_name, subject, body_text, body_html, related_kind, "
      "related_id, state, attempts, next_attempt_at, created_at, updated_at, "
      "council_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pendiente', 0, ?, ?, "
      "?, ?) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id",
      &iId, DB_T(p->zIdempotencyKey), DB_T(zToken), DB_T(p->zTo),
      DB_TE(p->zToName), DB_T(p->zSubject), DB_T(p->zText), DB_T(p->zHtml),
      DB_T(p->zRelatedKind), DB_IN(p->iRelatedId),
      DB_I(p->iNotBefore > iNow ? p->iNotBefore : iNow), DB_I(iNow), DB_I(iNow),
      DB_IN(p->iCouncil));
  if (rc == DB_DONE) {
    /* Already queued: report its id. */
    iId =
        db_int(pDb, -1, "SELECT id FROM mail_outbox WHERE idempotency_key = ?",
               DB_T(p->zIdempotencyKey));
    if (iId < 0) {
      db_rollback(pDb);
      return OUTBOX_ERROR;
    }
    if (piId) *piId = iId;
    return db_commit(pDb) == DB_OK ? OUTBOX_ALREADY_QUEUED : OUTBOX_ERROR;
  }
  for (int i = 0; rc == DB_OK && i < p->nAttach; i++) {
    const OutboxAttachment *a = &p->aAttach[i];
    rc = db_exec(pDb,
                 "INSERT INTO mail_attachments(mail_id, position, filename, "
                 "content_type, is_calendar, content) VALUES (?, ?, ?, ?, ?, "
                 "?)",
                 DB_I(iId), DB_I(i), DB_T(a->zFilename), DB_T(a->zContentType),
                 DB_I(a->bCalendar ? 1 : 0), DB_B(a->pData, a->nData));
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    return OUTBOX_ERROR;
  }
  if (piId) *piId = iId;
  return db_commit(pDb) == DB_OK ? OUTBOX_QUEUED : OUTBOX_ERROR;
}

static void attachment_from_row(DbStmt *p, Arena *pArena, void *pRow) {
  OutboxAttachment *a = pRow;
  a->zFilename = db_column_dup(p, pArena, 0);
  a->zContentType = db_column_dup(p, pArena, 1);
  a->bCalendar = db_column_int64(p, 2) != 0;
  a->nData = db_column_bytes(p, 3);
  const void *pBlob = db_column_blob(p, 3);
  a->pData = a->nData && pBlob ? arena_memdup(pArena, pBlob, a->nData) : "";
}

/* DB_OK, or DB_ERROR when they could not be read: the message must then
** not go out without them. */
static int load_attachments(Db *pDb, Arena *pArena, OutboxMail *m) {
  return db_rows(db_query(pDb,
                          "SELECT filename, content_type, is_calendar, "
                          "content FROM mail_attachments WHERE mail_id = ? "
                          "ORDER BY position",
                          DB_I(m->id)),
                 pArena, attachment_from_row, sizeof(OutboxAttachment),
                 &m->aAttach, &m->nAttach);
}

static const DbMap mail_map =
    DB_MAP(OutboxMail, "itttttTni", id, zMessageToken, zTo, zToName, zSubject,
           zText, zHtml, nAttempt, iCreated);

int outbox_claim(Db *pDb, Arena *pArena, const char *zClaim, int64_t iNow,
                 int64_t iLease, int nMax, OutboxMail **paMail, int *pnMail) {
  *paMail = NULL;
  *pnMail = 0;
  int bPg = strcmp(db_backend_name(pDb), "postgresql") == 0;
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  int rc = db_exec(pDb, bPg ? zClaimPostgresql : zClaimSqlite, DB_I(iNow),
                   DB_I(iNow), DB_I(nMax), DB_T(zClaim), DB_I(iNow + iLease),
                   DB_I(iNow));
  if (rc != DB_OK) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  if (db_commit(pDb) != DB_OK) return DB_ERROR;
  /* Every row this claim holds is returned, even beyond nMax should the
  ** claim have taken more: a claimed row left unsent would wait out its
  ** lease. */
  OutboxMail *aMail = NULL;
  int n = 0;
  rc = db_list(pDb, pArena, &mail_map, &aMail, &n,
               "SELECT id, message_token, recipient, recipient_name, "
               "subject, body_text, body_html, attempts, created_at "
               "FROM mail_outbox WHERE claimed_by = ? AND state = "
               "'pendiente' ORDER BY id",
               DB_T(zClaim));
  for (int i = 0; rc == DB_OK && i < n; i++) {
    rc = load_attachments(pDb, pArena, &aMail[i]);
  }
  if (rc != DB_OK) {
    /* Given back for a later claim rather than sent incomplete. */
    outbox_release(pDb, zClaim);
    return DB_ERROR;
  }
  *paMail = aMail;
  *pnMail = n;
  return DB_OK;
}

/* Runs one UPDATE: DB_OK or DB_ERROR. */
#define exec_update(...) (db_exec(__VA_ARGS__) == DB_OK ? DB_OK : DB_ERROR)

int outbox_mark_sent(Db *pDb, int64_t id, int64_t iNow) {
  return exec_update(
      pDb,
      "UPDATE mail_outbox SET state = 'enviado', attempts = attempts + 1, "
      "sent_at = ?, last_error = NULL, claimed_by = NULL, "
      "claimed_until = NULL, updated_at = ? WHERE id = ?",
      DB_I(iNow), DB_I(iNow), DB_I(id));
}

int outbox_mark_failed(Db *pDb, const OutboxMail *pMail, const char *zError,
                       int bPermanent, const OutboxRetry *pRetry,
                       int64_t iNow) {
  int nAttempt = pMail->nAttempt + 1;
  int bFinal = bPermanent || nAttempt >= pRetry->nMaxAttempts;
  return exec_update(
      pDb,
      "UPDATE mail_outbox SET state = ?, attempts = ?, last_error = ?, "
      "next_attempt_at = ?, claimed_by = NULL, claimed_until = NULL, "
      "updated_at = ? WHERE id = ? AND state = 'pendiente'",
      DB_T(bFinal ? OUTBOX_STATE_FAILED : OUTBOX_STATE_PENDING), DB_I(nAttempt),
      DB_T(zError),
      DB_I(iNow + (bFinal ? 0 : outbox_retry_delay(pRetry, nAttempt))),
      DB_I(iNow), DB_I(pMail->id));
}

int outbox_release(Db *pDb, const char *zClaim) {
  return exec_update(pDb,
                     "UPDATE mail_outbox SET claimed_by = NULL, claimed_until "
                     "= NULL WHERE claimed_by = ? AND state = 'pendiente'",
                     DB_T(zClaim));
}

int outbox_retry_now(Db *pDb, int64_t iCouncil, int64_t id, int64_t iNow) {
  return exec_update(
      pDb,
      "UPDATE mail_outbox SET state = 'pendiente', attempts = 0, "
      "next_attempt_at = ?, claimed_by = NULL, claimed_until = NULL, "
      "updated_at = ? WHERE id = ? AND state = 'fallido' AND (? = 0 OR "
      "council_id = ?)",
      DB_I(iNow), DB_I(iNow), DB_I(id), DB_I(iCouncil), DB_I(iCouncil));
}

int outbox_withdraw(Db *pDb, const char *zKey) {
  /* Attachments go with their message (ON DELETE CASCADE). */
  return exec_update(pDb,
                     "DELETE FROM mail_outbox WHERE idempotency_key = ? AND "
                     "state = 'pendiente' AND claimed_by IS NULL",
                     DB_T(zKey));
}

static const DbMap row_from_row_map =
    DB_MAP(OutboxRow, "itttntiiiti", id, zTo, zSubject, zState, nAttempt,
           zError, iCreated, iNextAttempt, iSent, zRelatedKind, iRelatedId);

/* Which rows a list shows: a NULL kind lists every message; council 0
** every council's. OUTBOX_LIST_ARGS parameters. */
#define OUTBOX_LIST_WHERE                                                 \
  "WHERE (CAST(? AS TEXT) IS NULL OR (related_kind = ? AND related_id = " \
  "?)) AND (? = 0 OR council_id = ?) "
#define OUTBOX_LIST_ARGS 5

int outbox_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                const char *zRelatedKind, int64_t iRelatedId, ListPage *pPage,
                OutboxRow **paRow, int *pnRow) {
  DbArg aArg[OUTBOX_LIST_ARGS + 2] = {
      DB_T(zRelatedKind),  DB_T(zRelatedKind), DB_I(iRelatedId),
      DB_I(iCouncil),      DB_I(iCouncil),     DB_I(list_page_sql_limit(pPage)),
      DB_I(pPage->nOffset)};
  int rc = db_list_args(
      pDb, pArena, &row_from_row_map, paRow, pnRow,
      "SELECT id, recipient, subject, state, attempts, last_error, "
      "created_at, next_attempt_at, coalesce(sent_at, 0), related_kind, "
      "coalesce(related_id, 0) FROM mail_outbox " OUTBOX_LIST_WHERE
      "ORDER BY id DESC LIMIT ? OFFSET ?",
      aArg, OUTBOX_LIST_ARGS + 2);
  if (!*paRow) *paRow = arena_alloc(pArena, sizeof(OutboxRow));
  if (rc == DB_OK && !list_page_total_known(pPage, *pnRow)) {
    pPage->nTotal = db_int_args(
        pDb, -1, "SELECT count(*) FROM mail_outbox " OUTBOX_LIST_WHERE, aArg,
        OUTBOX_LIST_ARGS);
    if (pPage->nTotal < 0) rc = DB_ERROR;
  }
  return rc;
}

void outbox_counts(Db *pDb, int64_t iCouncil, int *pnPending, int *pnSent,
                   int *pnFailed) {
  *pnPending = *pnSent = *pnFailed = 0;
  DbStmt *p = db_query(pDb,
                       "SELECT state, count(*) FROM mail_outbox WHERE (? = 0 "
                       "OR council_id = ?) GROUP BY state",
                       DB_I(iCouncil), DB_I(iCouncil));
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
