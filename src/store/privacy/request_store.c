/*
** Requests to exercise a right (see request_store.h).
*/
#include "store/privacy/request_store.h"

#include <string.h>

#include "domain/chile_time.h"
#include "domain/email.h"
#include "domain/privacy.h"
#include "domain/rut.h"
#include "util/text.h"

#define REQUEST_TEXT_MAX 4000
#define REQUEST_FIELD_MAX 200

void privacy_request_check(Arena *pArena, const char *zKind, const char *zName,
                           const char *zEmail, const char *zPhone,
                           const char *zRun, const char *zDetails,
                           PrivacyRequest *p, Problems *pP) {
  memset(p, 0, sizeof(*p));
  p->zKind = zKind ? zKind : "";
  p->zName = zName ? arena_strdup(pArena, zName) : "";
  p->zEmail = zEmail && *zEmail ? email_normalize(pArena, zEmail) : "";
  p->zPhone = zPhone ? zPhone : "";
  p->zRun = "";
  p->zDetails = zDetails ? zDetails : "";
  if (!privacy_right(p->zKind)) {
    problem_add(pP, "derecho", "Elija qué derecho quiere ejercer.");
  }
  if (!*p->zName) problem_add(pP, "nombre", "Escriba su nombre.");
  problem_add(pP, "nombre", text_single_line_problem(p->zName));
  if (strlen(p->zName) > REQUEST_FIELD_MAX) {
    problem_add(pP, "nombre", "El nombre es demasiado largo.");
  }
  if (!*p->zEmail && !*p->zPhone) {
    problem_add(pP, "correo",
                "Indique un correo (o un teléfono) para responderle.");
  } else if (*p->zEmail) {
    problem_add(pP, "correo", email_problem(p->zEmail));
  }
  problem_add(pP, "telefono", text_single_line_problem(p->zPhone));
  if (strlen(p->zPhone) > 40) {
    problem_add(pP, "telefono", "El teléfono es demasiado largo.");
  }
  if (zRun && *zRun) {
    char zNorm[RUT_NORM_MAX];
    if (!rut_parse(zRun, zNorm, NULL)) {
      problem_add(pP, "run",
                  "El RUN no es válido (revise el dígito "
                  "verificador).");
    } else {
      p->zRun = arena_strdup(pArena, zNorm);
    }
  }
  if (strlen(p->zDetails) > REQUEST_TEXT_MAX) {
    problem_add(pP, "detalle",
                "El detalle es demasiado largo (máximo 4000 "
                "caracteres).");
  }
}

int privacy_request_create(Db *pDb, int64_t iCouncil, PrivacyRequest *p) {
  char zToday[CHILE_TIME_DATE_SIZE], zDue[11];
  chile_time_format_date(db_now(), zToday);
  privacy_due_date(zToday, zDue);
  p->zReceived = "";
  p->zDue = "";
  return db_exec_id(
      pDb,
      "INSERT INTO privacy_requests (council_id, kind, name, email, phone, "
      "run, details, channel, member_id, received_on, due_on, created_at, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING "
      "id",
      &p->id, DB_I(iCouncil), DB_T(p->zKind), DB_T(p->zName), DB_TE(p->zEmail),
      DB_TE(p->zPhone), DB_TE(p->zRun), DB_TE(p->zDetails), DB_T(p->zChannel),
      DB_IN(p->iMember), DB_T(zToday), DB_T(zDue), DB_I(db_now()),
      DB_I(db_now()));
}

static const DbMap request_map =
    DB_MAP(PrivacyRequest, "itttttttittttiin", id, zKind, zName, zEmail, zPhone,
           zRun, zDetails, zChannel, iMember, zReceived, zDue, zState, zAnswer,
           iAnswered, iMail, iVersion);

#define REQUEST_SELECT                                            \
  "SELECT id, kind, name, email, phone, run, details, channel, "  \
  "COALESCE(member_id, 0), received_on, due_on, state, answer, "  \
  "COALESCE(answered_at, 0), COALESCE(mail_id, 0), version FROM " \
  "privacy_requests "

int privacy_request_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                         PrivacyRequest **paReq, int *pnReq) {
  return db_list(pDb, pArena, &request_map, paReq, pnReq,
                 REQUEST_SELECT
                 "WHERE council_id = ? ORDER BY CASE state WHEN 'recibida' "
                 "THEN 0 ELSE 1 END, CASE state WHEN 'recibida' THEN due_on "
                 "ELSE '' END, id DESC",
                 DB_I(iCouncil));
}

int privacy_request_get(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iId,
                        PrivacyRequest *pReq) {
  return db_get_council_row(pDb, pArena, &request_map, pReq,
                            REQUEST_SELECT "WHERE council_id = ? AND id = ?",
                            iCouncil, iId);
}

int privacy_request_open(Db *pDb, Arena *pArena, int64_t iCouncil, int *pnOpen,
                         const char **pzFirstDue) {
  *pnOpen = (int)db_int(pDb, 0,
                        "SELECT count(*) FROM privacy_requests WHERE "
                        "council_id = ? AND state = 'recibida'",
                        DB_I(iCouncil));
  const char *z = db_text(pDb, pArena,
                          "SELECT min(due_on) FROM privacy_requests WHERE "
                          "council_id = ? AND state = 'recibida'",
                          DB_I(iCouncil));
  *pzFirstDue = z ? z : "";
  return DB_OK;
}

int privacy_request_link(Db *pDb, int64_t iCouncil, int64_t iId,
                         int64_t iMember) {
  return db_exec(pDb,
                 "UPDATE privacy_requests SET member_id = (SELECT id FROM "
                 "members WHERE council_id = ? AND id = ?), updated_at = ?, "
                 "version = version + 1 WHERE council_id = ? AND id = ?",
                 DB_I(iCouncil), DB_I(iMember), DB_I(db_now()), DB_I(iCouncil),
                 DB_I(iId));
}

int privacy_request_answer(Db *pDb, int64_t iCouncil, int64_t iId,
                           const char *zAnswer, int64_t iMail, int64_t iUser) {
  return db_exec(pDb,
                 "UPDATE privacy_requests SET state = 'respondida', answer = "
                 "?, answered_at = ?, answered_by = ?, mail_id = ?, "
                 "updated_at = ?, version = version + 1 WHERE council_id = ? "
                 "AND id = ?",
                 DB_T(zAnswer), DB_I(db_now()), DB_IN(iUser), DB_IN(iMail),
                 DB_I(db_now()), DB_I(iCouncil), DB_I(iId));
}
