/*
** Retention (see retention_store.h).
*/
#include "store/privacy/retention_store.h"

#include <stdio.h>
#include <string.h>

#include "store/council/council.h"
#include "store/council/council_privacy.h"
#include "store/privacy/audit_store.h"
#include "store/privacy/person_store.h"

#define DAY 86400
#define YEAR (365 * DAY)

/* Rows an UPDATE … RETURNING id touched. */
static int count_rows(DbStmt *p, int *pn) {
  int rc;
  while ((rc = db_step(p)) == DB_ROW) (*pn)++;
  return db_end(p, rc);
}

int retention_run(Db *pDb, int64_t iCouncil, int64_t iNow, const char *zActor,
                  RetentionCounts *pC) {
  RetentionCounts c;
  memset(&c, 0, sizeof(c));
  int64_t tGuest =
      iNow - council_retention(pDb, iCouncil, RETENTION_GUEST_YEARS) * YEAR;
  int64_t tMail =
      iNow - council_retention(pDb, iCouncil, RETENTION_MAIL_DAYS) * DAY;
  int64_t tRequest =
      iNow - council_retention(pDb, iCouncil, RETENTION_REQUEST_YEARS) * YEAR;
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  /* Guests of activities that ended before the limit: the row stays (it
  ** counts), without who they were. A published acta has its own copy. */
  int rc = count_rows(
      db_query(pDb,
               "UPDATE attendance SET guest_name = ?, guest_organization = "
               "'', guest_commune = '' WHERE member_id IS NULL AND "
               "guest_name <> '' AND guest_name <> ? AND activity_id IN "
               "(SELECT id FROM "
               "activities WHERE council_id = ? AND ends_at < ?) RETURNING "
               "id",
               DB_T("Persona invitada"), DB_T("Persona invitada"),
               DB_I(iCouncil), DB_I(tGuest)),
      &c.nGuests);
  /* Participants (guests, enrolled leaders) whose last activity or
  ** enrolment is older than the limit: the row stays (attendance and
  ** enrolments count it; a certificate keeps the name it was issued
  ** with), without who they were or how to reach them. */
  if (rc == DB_OK) {
    rc = count_rows(
        db_query(
            pDb,
            "UPDATE participants SET name = ?, run = NULL, email = '', phone "
            "= '', organization_name = '', commune_code = NULL, updated_at = "
            "? WHERE council_id = ? AND name <> ? AND name <> ? AND NOT "
            "EXISTS (SELECT 1 FROM attendance t JOIN activities a ON a.id = "
            "t.activity_id WHERE t.participant_id = participants.id AND "
            "a.ends_at >= ?) AND NOT EXISTS (SELECT 1 FROM enrolments e "
            "WHERE e.participant_id = participants.id AND e.created_at >= ?) "
            "AND (created_at < ? OR EXISTS (SELECT 1 FROM attendance t WHERE "
            "t.participant_id = participants.id) OR EXISTS (SELECT 1 FROM "
            "enrolments e WHERE e.participant_id = participants.id)) "
            "RETURNING id",
            DB_T("Persona invitada"), DB_I(iNow), DB_I(iCouncil),
            DB_T("Persona invitada"), DB_T(PERSON_ERASED_NAME), DB_I(tGuest),
            DB_I(tGuest), DB_I(tGuest)),
        &c.nGuests);
  }
  if (rc == DB_OK) {
    rc = count_rows(
        db_query(pDb,
                 "UPDATE activity_invitations SET email = 'retenido-' || "
                 "CAST(id AS TEXT), name = '', pickup_commune = NULL WHERE "
                 "member_id IS NULL AND email NOT LIKE 'retenido-%' AND "
                 "activity_id IN (SELECT id FROM activities WHERE council_id "
                 "= ? AND ends_at < ?) RETURNING id",
                 DB_I(iCouncil), DB_I(tGuest)),
        &c.nInvitations);
  }
  /* The mail log: its rows stay as a count of what was sent, without
  ** address, name or content. Each council's mail by its own setting; the
  ** installation's own (no council: a password reset) and the sign-in
  ** records by the first council's. */
  int bFirst = iCouncil == council_default_id(pDb);
  if (rc == DB_OK) {
    rc = db_exec(pDb,
                 "DELETE FROM mail_attachments WHERE mail_id IN (SELECT id "
                 "FROM mail_outbox WHERE (council_id = ? OR (council_id IS "
                 "NULL AND ? = 1)) AND created_at < ? AND state <> "
                 "'pendiente' AND recipient <> ?)",
                 DB_I(iCouncil), DB_I(bFirst), DB_I(tMail),
                 DB_T(PERSON_ERASED_NAME));
  }
  if (rc == DB_OK) {
    rc = count_rows(
        db_query(pDb,
                 "UPDATE mail_outbox SET recipient = ?, recipient_name = "
                 "'', idempotency_key = 'retencion:' || CAST(id AS TEXT), "
                 "body_text = '(contenido eliminado por el plazo de "
                 "conservación)', body_html = NULL, updated_at = ? WHERE "
                 "(council_id = ? OR (council_id IS NULL AND ? = 1)) AND "
                 "created_at < ? AND state <> 'pendiente' AND recipient <> "
                 "? RETURNING id",
                 DB_T(PERSON_ERASED_NAME), DB_I(iNow), DB_I(iCouncil),
                 DB_I(bFirst), DB_I(tMail), DB_T(PERSON_ERASED_NAME)),
        &c.nMail);
  }
  if (rc == DB_OK && bFirst) {
    int64_t tSignin =
        iNow - council_retention(pDb, iCouncil, RETENTION_SIGNIN_DAYS) * DAY;
    c.nSignins = (int)db_int(pDb, 0,
                             "SELECT count(*) FROM login_attempts WHERE at "
                             "< ?",
                             DB_I(tSignin));
    rc = db_exec(pDb, "DELETE FROM login_attempts WHERE at < ?", DB_I(tSignin));
  }
  if (rc == DB_OK) {
    rc = count_rows(
        db_query(pDb,
                 "UPDATE privacy_requests SET email = '', phone = '', run = "
                 "'', name = ? WHERE council_id = ? AND state = 'respondida' "
                 "AND answered_at < ? AND name <> ? RETURNING id",
                 DB_T(PERSON_ERASED_NAME), DB_I(iCouncil), DB_I(tRequest),
                 DB_T(PERSON_ERASED_NAME)),
        &c.nRequests);
  }
  if (rc == DB_OK) {
    /* One entry per run, saying which kinds were touched (never whose). */
    char zFields[128] = "";
    snprintf(zFields, sizeof(zFields), "%s%s%s%s%s",
             c.nGuests ? "participants," : "",
             c.nInvitations ? "activity_invitations," : "",
             c.nMail ? "mail_outbox," : "", c.nSignins ? "login_attempts," : "",
             c.nRequests ? "privacy_requests," : "");
    size_t n = strlen(zFields);
    if (n) zFields[n - 1] = 0;
    char zId[24];
    snprintf(zId, sizeof(zId), "%lld", (long long)iCouncil);
    AuditEvent ev = {.iCouncil = iCouncil,
                     .zActor = zActor,
                     .zKind = "council",
                     .zId = zId,
                     .zAction = "retencion",
                     .zFields = zFields};
    rc = audit_event(pDb, &ev);
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  if (db_commit(pDb) != DB_OK) return DB_ERROR;
  if (pC) {
    pC->nGuests += c.nGuests;
    pC->nInvitations += c.nInvitations;
    pC->nMail += c.nMail;
    pC->nSignins += c.nSignins;
    pC->nRequests += c.nRequests;
  }
  return DB_OK;
}

int retention_run_all(Db *pDb, int64_t iNow, const char *zActor,
                      RetentionCounts *pC) {
  Arena *pArena = arena_new();
  Council *a = NULL;
  int n = 0;
  int rc = council_list(pDb, pArena, &a, &n);
  for (int i = 0; rc == DB_OK && i < n; i++) {
    rc = retention_run(pDb, a[i].id, iNow, zActor, pC);
  }
  arena_free(pArena);
  return rc;
}

int retention_claim(Db *pDb, const char *zHolder, int64_t iNow,
                    int64_t nLease) {
  int rc = db_exec_id(pDb,
                      "UPDATE job_leases SET holder = ?, lease_until = ? "
                      "WHERE name = 'retencion' AND last_run <= ? AND "
                      "(lease_until < ? OR holder = ?) RETURNING 1",
                      NULL, DB_T(zHolder), DB_I(iNow + nLease),
                      DB_I(iNow - DAY), DB_I(iNow), DB_T(zHolder));
  return rc == DB_OK ? 1 : rc == DB_DONE ? 0 : -1;
}

int retention_done(Db *pDb, const char *zHolder, int64_t iNow) {
  return db_exec(pDb,
                 "UPDATE job_leases SET last_run = ?, lease_until = 0 WHERE "
                 "name = 'retencion' AND holder = ?",
                 DB_I(iNow), DB_T(zHolder));
}
