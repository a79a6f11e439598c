/*
** Access, erasure and blocking of a person's data (see person_store.h).
*/
#include "store/privacy/person_store.h"

#include <string.h>

#include "domain/chile_time.h"
#include "mail/outbox.h"
#include "store/privacy/consent_store.h"

/* ---- Access and portability ---- */

/* Every row of zSql as a JSON object whose keys are azKey (as many as
** columns); integer columns are those marked 'i' in zTypes. */
static json_t *rows_json(Db *pDb, const char *zTypes, const char *const *azKey,
                         const char *zSql, const DbArg *aArg, int nArg,
                         int *pRc) {
  json_t *pArr = json_array();
  DbStmt *p = db_query_args(pDb, zSql, aArg, nArg);
  int rc;
  int nCol = (int)strlen(zTypes);
  while ((rc = db_step(p)) == DB_ROW) {
    json_t *pObj = json_object();
    for (int i = 0; i < nCol; i++) {
      json_t *pVal;
      if (db_column_is_null(p, i)) {
        pVal = json_null();
      } else if (zTypes[i] == 'i') {
        pVal = json_integer(db_column_int64(p, i));
      } else if (zTypes[i] == 'd') { /* A time: ISO 8601, Santiago */
        char z[40];
        chile_time_format_iso(db_column_int64(p, i), z, sizeof(z));
        pVal = json_string(z);
      } else {
        pVal = json_string(db_column_text(p, i));
      }
      json_object_set_new(pObj, azKey[i], pVal);
    }
    json_array_append_new(pArr, pObj);
  }
  if (db_end(p, rc) != DB_OK) *pRc = DB_ERROR;
  return pArr;
}
#define ROWS(pDb, zTypes, azKey, zSql, pRc, ...) \
  rows_json(pDb, zTypes, azKey, zSql, DB_ARGS_(__VA_ARGS__), pRc)

/* What every person record has: consents, tagged evidence, their own
** sensitive categories, and who changed their record (the audit log). */
static int common_sections(Db *pDb, Arena *pArena, json_t *pDoc,
                           int64_t iCouncil, const char *zKind, int64_t id) {
  int rc = DB_OK;
  json_t *pConsents = NULL, *pEvidence = NULL, *pSensitive = NULL;
  if (consent_person_json(pDb, iCouncil, zKind, id, &pConsents, &pEvidence,
                          &pSensitive) != DB_OK) {
    rc = DB_ERROR;
  }
  json_object_set_new(pDoc, "consents", pConsents);
  json_object_set_new(pDoc, "evidence", pEvidence);
  /* Their own sensitive categories: this export is the officer's, for the
  ** person themself (access and portability). */
  json_object_set_new(pDoc, "sensitive", pSensitive);
  /* Who changed their data: the audit log of their record (field names
  ** only; who as their account's e-mail or the actor's label). */
  static const char *const azChange[] = {"at", "user", "action", "fields"};
  json_object_set_new(
      pDoc, "changes",
      ROWS(pDb, "dttt", azChange,
           "SELECT a.at, COALESCE(u.email, a.actor), a.action, a.fields FROM "
           "audit_log a LEFT JOIN users u ON u.id = a.user_id WHERE "
           "a.object_kind = ? AND a.object_id = ? ORDER BY a.id",
           &rc, DB_T(zKind),
           DB_T(arena_printf(pArena, "%lld", (long long)id))));
  return rc;
}

/* Adds the common sections, then hands the document over (DB_OK) or
** drops it (the failure, rc's or theirs). */
static int finish_person(Db *pDb, Arena *pArena, json_t *pDoc, int64_t iCouncil,
                         const char *zKind, int64_t id, int rc,
                         json_t **ppJson) {
  if (common_sections(pDb, pArena, pDoc, iCouncil, zKind, id) != DB_OK) {
    rc = DB_ERROR;
  }
  if (rc != DB_OK) {
    json_decref(pDoc);
    return rc;
  }
  *ppJson = pDoc;
  return DB_OK;
}

/* A list in a person's document: the rows of zSql as objects whose keys
** are azKey, its parameters the person's as zArgs says, a letter each:
** 'p' their id, 'c' the council, 'e' their e-mail. */
typedef struct PersonList {
  const char *zName;        /* Its key in the document */
  const char *zTypes;       /* The columns' types (rows_json) */
  const char *const *azKey; /* The columns' keys */
  const char *zArgs;        /* The parameters */
  const char *zSql;
} PersonList;

/* The mail council iCouncil (or the installation) sent to the person's
** e-mail ("" none). */
static const PersonList mail_list = {
    "mail", "itttddti",
    (const char *const[]){"id", "to", "subject", "state", "created", "sent",
                          "related_kind", "related_id"},
    "eec",
    "SELECT o.id, o.recipient, o.subject, o.state, o.created_at, o.sent_at, "
    "o.related_kind, o.related_id FROM mail_outbox o WHERE ? <> '' AND "
    "lower(o.recipient) = lower(?) AND (o.council_id = ? OR o.council_id IS "
    "NULL) ORDER BY o.id"};

/* Adds the lists apList[0..nList) of person id, whose e-mail is zEmail, to
** pDoc, in that order; a failure goes to *pRc. */
static void add_lists(Db *pDb, json_t *pDoc, const PersonList *const *apList,
                      int nList, int64_t iCouncil, int64_t id,
                      const char *zEmail, int *pRc) {
  for (int i = 0; i < nList; i++) {
    const PersonList *pList = apList[i];
    DbArg aArg[4];
    int nArg = 0;
    for (const char *z = pList->zArgs; *z && nArg < 4; z++) {
      aArg[nArg++] = *z == 'p'   ? DB_I(id)
                     : *z == 'c' ? DB_I(iCouncil)
                                 : DB_T(zEmail);
    }
    json_object_set_new(pDoc, pList->zName,
                        rows_json(pDb, pList->zTypes, pList->azKey, pList->zSql,
                                  aArg, nArg, pRc));
  }
}

/* The document of one person: its kind, id and record, the first row of
** pRecord (which it takes over). NULL when the record could not be read
** (*pRc stays the failure) or there is no row (*pRc becomes DB_DONE). */
static json_t *person_doc_new(const char *zKind, int64_t id, json_t *pRecord,
                              int *pRc) {
  if (*pRc == DB_OK && json_array_size(pRecord) == 0) *pRc = DB_DONE;
  if (*pRc != DB_OK) {
    json_decref(pRecord);
    return NULL;
  }
  json_t *pDoc = json_object();
  json_object_set_new(pDoc, "kind", json_string(zKind));
  json_object_set_new(pDoc, "id", json_integer(id));
  json_object_set(pDoc, "record", json_array_get(pRecord, 0));
  json_decref(pRecord);
  return pDoc;
}

/* The record's e-mail, copied into pArena ("" when none). */
static const char *record_email(Arena *pArena, json_t *pDoc) {
  const char *z = json_string_value(
      json_object_get(json_object_get(pDoc, "record"), "email"));
  return arena_strdup(pArena, z ? z : "");
}

/* The lists of a member's document, after their record and account. */
static const PersonList member_attendance = {
    "attendance", "ittdtti",
    (const char *const[]){"activity_id", "activity", "kind", "start", "status",
                          "reason", "substitute_for"},
    "p",
    "SELECT a.id, a.title, a.kind, a.starts_at, t.status, t.reason, "
    "t.substitute_for FROM attendance t JOIN activities a ON a.id = "
    "t.activity_id WHERE t.member_id = ? ORDER BY a.starts_at, a.id"};
static const PersonList member_citations = {
    "citations", "itttd",
    (const char *const[]){"activity_id", "activity", "email", "reply",
                          "replied_at"},
    "p",
    "SELECT a.id, a.title, i.email, i.reply, i.replied_at FROM "
    "activity_invitations i JOIN activities a ON a.id = i.activity_id WHERE "
    "i.member_id = ? ORDER BY a.starts_at, a.id"};
static const PersonList member_requests = {
    "requests", "ittttd",
    (const char *const[]){"id", "kind", "received_on", "due_on", "state",
                          "answered_at"},
    "cp",
    "SELECT id, kind, received_on, due_on, state, answered_at FROM "
    "privacy_requests WHERE council_id = ? AND member_id = ? ORDER BY id"};
static const PersonList *const apMemberList[] = {
    &member_attendance, &mail_list, &member_citations, &member_requests};

int person_member_data(Db *pDb, Arena *pArena, int64_t iCouncil,
                       int64_t iMember, json_t **ppJson) {
  *ppJson = NULL;
  int rc = DB_OK;
  static const char *const azRecord[] = {
      "id",           "first_names",  "last_names",  "run",
      "email",        "phone",        "commune",     "gender",
      "organization", "council_role", "titular",     "term_start",
      "term_end",     "status",       "status_date", "status_reason",
      "created_at",   "updated_at",   "blocked_at",  "erased_at"};
  json_t *pRecord =
      ROWS(pDb,
           "i"
           "ttttttttt"
           "i"
           "ttttt"
           "dddd",
           azRecord,
           "SELECT m.id, m.first_names, m.last_names, m.run, m.email, m.phone, "
           "m.commune_code, m.gender, COALESCE(o.name, ''), m.council_role, "
           "m.titular, m.term_start, m.term_end, m.status, m.status_date, "
           "m.status_reason, m.created_at, m.updated_at, m.blocked_at, "
           "m.erased_at FROM members m LEFT JOIN organizations o ON o.id = "
           "m.organization_id WHERE m.council_id = ? AND m.id = ?",
           &rc, DB_I(iCouncil), DB_I(iMember));
  json_t *pDoc = person_doc_new("member", iMember, pRecord, &rc);
  if (!pDoc) return rc;

  static const char *const azAccount[] = {"id",   "email",  "name",
                                          "role", "active", "created_at"};
  json_t *pAccount =
      ROWS(pDb, "itttid", azAccount,
           "SELECT u.id, u.email, u.name, u.role, u.active, u.created_at FROM "
           "users u JOIN members m ON m.user_id = u.id WHERE m.id = ?",
           &rc, DB_I(iMember));
  json_object_set(
      pDoc, "account",
      json_array_size(pAccount) ? json_array_get(pAccount, 0) : json_null());
  json_decref(pAccount);

  add_lists(pDb, pDoc, apMemberList,
            (int)(sizeof(apMemberList) / sizeof(apMemberList[0])), iCouncil,
            iMember, record_email(pArena, pDoc), &rc);
  return finish_person(pDb, pArena, pDoc, iCouncil, "member", iMember, rc,
                       ppJson);
}

/* The lists of a participant's document, after their record. */
static const PersonList participant_attendance = {
    "attendance", "ittdti",
    (const char *const[]){"activity_id", "activity", "kind", "start", "status",
                          "minutes"},
    "pc",
    "SELECT a.id, a.title, a.kind, a.starts_at, t.status, t.minutes FROM "
    "attendance t JOIN activities a ON a.id = t.activity_id WHERE "
    "t.participant_id = ? AND a.council_id = ? ORDER BY a.starts_at, a.id"};
static const PersonList participant_enrolments = {
    "enrolments", "ititd",
    (const char *const[]){"course_id", "course", "consent_photos", "source",
                          "enrolled_at"},
    "p",
    "SELECT c.id, c.title, e.consent_photos, e.source, e.created_at FROM "
    "enrolments e JOIN courses c ON c.id = e.course_id WHERE "
    "e.participant_id = ? ORDER BY e.id"};
static const PersonList participant_certificates = {
    "certificates", "ttttd",
    (const char *const[]){"code", "course", "name", "issued_on", "revoked_at"},
    "pc",
    "SELECT k.code, k.course_title, k.participant_name, k.issued_on, "
    "k.revoked_at FROM certificates k JOIN enrolments e ON e.id = "
    "k.enrolment_id WHERE e.participant_id = ? AND k.council_id = ? ORDER BY "
    "k.id"};
static const PersonList *const apParticipantList[] = {
    &participant_attendance, &mail_list, &participant_enrolments,
    &participant_certificates};

int person_participant_data(Db *pDb, Arena *pArena, int64_t iCouncil,
                            int64_t iPart, json_t **ppJson) {
  *ppJson = NULL;
  int rc = DB_OK;
  static const char *const azRecord[] = {
      "id",           "name",    "run",        "email",     "phone",
      "organization", "commune", "created_at", "updated_at"};
  json_t *pRecord = ROWS(
      pDb, "ittttttdd", azRecord,
      "SELECT p.id, p.name, COALESCE(p.run, ''), p.email, p.phone, "
      "COALESCE(o.name, p.organization_name), COALESCE(p.commune_code, ''), "
      "p.created_at, p.updated_at FROM participants p LEFT JOIN "
      "organizations o ON o.id = p.organization_id WHERE p.council_id = ? "
      "AND p.id = ?",
      &rc, DB_I(iCouncil), DB_I(iPart));
  json_t *pDoc = person_doc_new("participant", iPart, pRecord, &rc);
  if (!pDoc) return rc;
  add_lists(pDb, pDoc, apParticipantList,
            (int)(sizeof(apParticipantList) / sizeof(apParticipantList[0])),
            iCouncil, iPart, record_email(pArena, pDoc), &rc);
  return finish_person(pDb, pArena, pDoc, iCouncil, "participant", iPart, rc,
                       ppJson);
}

/* ---- Suppression ---- */

static int suppress(Db *pDb, int64_t iCouncil, const char *zEmail,
                    const char *zReason) {
  if (!zEmail || !*zEmail) return DB_OK;
  char zHex[OUTBOX_HASH_HEX + 1];
  outbox_address_hash(zEmail, zHex);
  return db_exec(pDb,
                 "INSERT INTO mail_suppressions (email_sha256, council_id, "
                 "reason, created_at) VALUES (?, ?, ?, ?) ON CONFLICT "
                 "(email_sha256) DO UPDATE SET reason = excluded.reason",
                 DB_T(zHex), DB_IN(iCouncil), DB_T(zReason), DB_I(db_now()));
}

static int unsuppress(Db *pDb, const char *zEmail) {
  if (!zEmail || !*zEmail) return DB_OK;
  char zHex[OUTBOX_HASH_HEX + 1];
  outbox_address_hash(zEmail, zHex);
  return db_exec(pDb,
                 "DELETE FROM mail_suppressions WHERE email_sha256 = ? AND "
                 "reason = 'bloqueo'",
                 DB_T(zHex));
}

/* ---- Erasure and blocking ---- */

int person_member_state(Db *pDb, int64_t iCouncil, int64_t iMember,
                        int *pbBlocked, int *pbErased) {
  int64_t v = db_int(pDb, -1,
                     "SELECT CASE WHEN blocked_at IS NULL THEN 0 ELSE 1 END "
                     "+ CASE WHEN erased_at IS NULL THEN 0 ELSE 2 END FROM "
                     "members WHERE council_id = ? AND id = ?",
                     DB_I(iCouncil), DB_I(iMember));
  if (v < 0) return -1;
  if (pbBlocked) *pbBlocked = (v & 1) != 0;
  if (pbErased) *pbErased = (v & 2) != 0;
  return 0;
}

/* The e-mail of a member and of a participant, by council and id. */
#define MEMBER_EMAIL_SQL \
  "SELECT email FROM members WHERE council_id = ? AND id = ?"
#define PARTICIPANT_EMAIL_SQL \
  "SELECT email FROM participants WHERE council_id = ? AND id = ?"

/* Starts the transaction of a change to person id and reads their e-mail
** by zEmailSql: DB_OK, DB_DONE when the council has no such person,
** DB_ERROR; begun whatever it answers (but DB_ERROR), for the caller to
** end. */
static int begin_with_email(Db *pDb, Arena *pArena, const char *zEmailSql,
                            int64_t iCouncil, int64_t id,
                            const char **pzEmail) {
  *pzEmail = NULL;
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  *pzEmail = db_text(pDb, pArena, zEmailSql, DB_I(iCouncil), DB_I(id));
  return *pzEmail ? DB_OK : DB_DONE;
}

int person_member_block(Db *pDb, int64_t iCouncil, int64_t iMember,
                        int bBlock) {
  Arena *pArena = arena_new();
  const char *zEmail = NULL;
  int rc = begin_with_email(pDb, pArena, MEMBER_EMAIL_SQL, iCouncil, iMember,
                            &zEmail);
  if (rc == DB_OK) {
    rc = db_exec(pDb,
                 bBlock ? "UPDATE members SET blocked_at = ? WHERE id = ? AND "
                          "blocked_at IS NULL"
                        : "UPDATE members SET blocked_at = NULL WHERE id = ? "
                          "AND ? > 0",
                 bBlock ? DB_I(db_now()) : DB_I(iMember),
                 bBlock ? DB_I(iMember) : DB_I(1));
  }
  if (rc == DB_OK) {
    rc = bBlock ? suppress(pDb, iCouncil, zEmail, "bloqueo")
                : unsuppress(pDb, zEmail);
  }
  rc = db_finish(pDb, rc);
  arena_free(pArena);
  return rc;
}

/* Mail to zEmail stays in the log as having been sent (or not), with
** neither address, name nor content; pending messages are withdrawn. Only
** council iCouncil's mail and the installation's own (no council): what
** another council sent to the same address is that council's record. */
static int forget_mail(Db *pDb, int64_t iCouncil, const char *z, int64_t iNow) {
  if (!z || !*z) return DB_OK;
  int rc = db_exec(pDb,
                   "DELETE FROM mail_attachments WHERE mail_id IN (SELECT id "
                   "FROM mail_outbox WHERE lower(recipient) = lower(?) AND "
                   "(council_id = ? OR council_id IS NULL))",
                   DB_T(z), DB_I(iCouncil));
  if (rc != DB_OK) return rc;
  /* The record that a citation went out (proof for the plan) stays, without
  ** whom it went to. */
  rc = db_exec(pDb,
               "UPDATE activity_notices SET recipient = ?, recipient_name = "
               "'' WHERE lower(recipient) = lower(?) AND activity_id IN "
               "(SELECT id FROM activities WHERE council_id = ?)",
               DB_T(PERSON_ERASED_NAME), DB_T(z), DB_I(iCouncil));
  if (rc != DB_OK) return rc;
  return db_exec(
      pDb,
      "UPDATE mail_outbox SET recipient = ?, recipient_name = '', "
      "idempotency_key = 'supresion:' || CAST(id AS TEXT), body_text = "
      "'(contenido eliminado: datos personales suprimidos)', body_html = "
      "NULL, state = CASE WHEN state = 'pendiente' THEN 'fallido' ELSE "
      "state END, last_error = CASE WHEN state = 'pendiente' THEN "
      "'Retirado: los datos de la persona fueron suprimidos.' ELSE "
      "last_error END, updated_at = ? WHERE lower(recipient) = lower(?) "
      "AND (council_id = ? OR council_id IS NULL)",
      DB_T(PERSON_ERASED_NAME), DB_I(iNow), DB_T(z), DB_I(iCouncil));
}

/* What an erasure does first with each of the person's addresses, while
** they are still known: no more mail to it, and its mail forgotten. */
static int forget_address(Db *pDb, int64_t iCouncil, const char *zEmail,
                          int64_t iNow) {
  int rc = suppress(pDb, iCouncil, zEmail, "supresion");
  return rc == DB_OK ? forget_mail(pDb, iCouncil, zEmail, iNow) : rc;
}

/* The person's sensitive categories (zKind: "member" or "participant"). */
static int forget_sensitive(Db *pDb, const char *zKind, int64_t id) {
  return db_exec(pDb,
                 "DELETE FROM sensitive_data WHERE person_kind = ? AND "
                 "person_id = ?",
                 DB_T(zKind), DB_I(id));
}

int person_member_erase(Db *pDb, int64_t iCouncil, int64_t iMember,
                        const char *zReason) {
  Arena *pArena = arena_new();
  const char *zEmail = NULL;
  int rc = begin_with_email(pDb, pArena, MEMBER_EMAIL_SQL, iCouncil, iMember,
                            &zEmail);
  int64_t iUser = rc == DB_OK ? db_int(pDb, 0,
                                       "SELECT COALESCE(user_id, 0) FROM "
                                       "members WHERE id = ?",
                                       DB_I(iMember))
                              : 0;
  const char *zUserEmail =
      iUser ? db_text(pDb, pArena, "SELECT email FROM users WHERE id = ?",
                      DB_I(iUser))
            : NULL;
  const char *zMark =
      arena_printf(pArena, "eliminado-%lld", (long long)iMember);
  int64_t iNow = db_now();
  if (rc == DB_OK) rc = forget_address(pDb, iCouncil, zEmail, iNow);
  if (rc == DB_OK) rc = forget_address(pDb, iCouncil, zUserEmail, iNow);
  if (rc == DB_OK) {
    rc = db_exec(pDb,
                 "UPDATE activity_invitations SET email = ? || '-' || "
                 "CAST(id AS TEXT), name = ?, pickup_commune = NULL WHERE "
                 "member_id = ? OR (? <> '' AND lower(email) = lower(?))",
                 DB_T(zMark), DB_T(PERSON_ERASED_NAME), DB_I(iMember),
                 DB_T(zEmail), DB_T(zEmail));
  }
  if (rc == DB_OK) {
    rc = db_exec(pDb, "DELETE FROM member_invitations WHERE member_id = ?",
                 DB_I(iMember));
  }
  if (rc == DB_OK) rc = forget_sensitive(pDb, "member", iMember);
  if (rc == DB_OK) {
    rc = db_exec(pDb,
                 "UPDATE privacy_requests SET name = ?, email = '', phone = "
                 "'', run = '' WHERE council_id = ? AND (member_id = ? OR (? "
                 "<> '' AND lower(email) = lower(?)))",
                 DB_T(PERSON_ERASED_NAME), DB_I(iCouncil), DB_I(iMember),
                 DB_T(zEmail), DB_T(zEmail));
  }
  if (rc == DB_OK && iUser) {
    rc = db_exec(pDb, "DELETE FROM sessions WHERE user_id = ?", DB_I(iUser));
    if (rc == DB_OK) {
      rc =
          db_exec(pDb, "DELETE FROM api_tokens WHERE user_id = ?", DB_I(iUser));
    }
    if (rc == DB_OK) {
      rc = db_exec(pDb,
                   "DELETE FROM login_attempts WHERE lower(email) = "
                   "lower(?)",
                   DB_T(zUserEmail));
    }
    if (rc == DB_OK) {
      rc = db_exec(
          pDb,
          "UPDATE users SET email = ? || '@eliminado.invalid', name "
          "= ?, active = 0, password_hash = '!', updated_at = ? "
          "WHERE id = ?",
          DB_T(arena_printf(pArena, "eliminado-u%lld", (long long)iUser)),
          DB_T(PERSON_ERASED_NAME), DB_I(iNow), DB_I(iUser));
    }
  }
  if (rc == DB_OK && zEmail && *zEmail) {
    rc = db_exec(pDb,
                 "DELETE FROM login_attempts WHERE lower(email) = "
                 "lower(?)",
                 DB_T(zEmail));
  }
  if (rc == DB_OK) {
    /* The row stays: attendance and quorum history count it. */
    rc = db_exec(pDb,
                 "UPDATE members SET first_names = ?, last_names = ?, run = "
                 "?, email = '', phone = '', gender = 'no_informa', "
                 "status_reason = '', erased_at = ?, erased_reason = ?, "
                 "blocked_at = COALESCE(blocked_at, ?), updated_at = ?, "
                 "version = version + 1 WHERE id = ?",
                 DB_T("Persona"), DB_T("eliminada"), DB_T(zMark), DB_I(iNow),
                 DB_T(zReason), DB_I(iNow), DB_I(iNow), DB_I(iMember));
  }
  rc = db_finish(pDb, rc);
  arena_free(pArena);
  return rc;
}

int person_participant_erase(Db *pDb, int64_t iCouncil, int64_t iPart) {
  Arena *pArena = arena_new();
  const char *zEmail = NULL;
  int rc = begin_with_email(pDb, pArena, PARTICIPANT_EMAIL_SQL, iCouncil, iPart,
                            &zEmail);
  int64_t iNow = db_now();
  if (rc == DB_OK) rc = forget_address(pDb, iCouncil, zEmail, iNow);
  if (rc == DB_OK && *zEmail) {
    rc = db_exec(pDb,
                 "UPDATE activity_invitations SET email = 'eliminado-' || "
                 "CAST(id AS TEXT), name = ?, pickup_commune = NULL WHERE "
                 "member_id IS NULL AND lower(email) = lower(?) AND "
                 "activity_id IN (SELECT id FROM activities WHERE council_id "
                 "= ?)",
                 DB_T(PERSON_ERASED_NAME), DB_T(zEmail), DB_I(iCouncil));
  }
  if (rc == DB_OK) rc = forget_sensitive(pDb, "participant", iPart);
  if (rc == DB_OK) {
    /* The row stays: attendance and enrolments count it; a certificate
    ** keeps the name it was issued with. */
    rc = db_exec(pDb,
                 "UPDATE participants SET name = ?, run = NULL, email = '', "
                 "phone = '', organization_name = '', commune_code = NULL, "
                 "updated_at = ?, version = version + 1 WHERE id = ?",
                 DB_T(PERSON_ERASED_NAME), DB_I(iNow), DB_I(iPart));
  }
  rc = db_finish(pDb, rc);
  arena_free(pArena);
  return rc;
}
