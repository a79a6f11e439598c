/*
** Requests to exercise a right over personal data (issue 21): from the
** public form /privacidad/solicitud or entered by the officer, each due
** PRIVACY_ANSWER_DAYS calendar days after it arrived, answered with a
** letter sent through the outbox. Scoped by council.
*/
#ifndef COSOC_STORE_PRIVACY_REQUEST_STORE_H
#define COSOC_STORE_PRIVACY_REQUEST_STORE_H

#include <stdint.h>

#include "db/db.h"
#include "domain/problems.h"
#include "util/arena.h"

typedef struct PrivacyRequest {
  int64_t id;
  const char *zKind; /* privacy_rights slug */
  const char *zName;
  const char *zEmail;
  const char *zPhone;
  const char *zRun;
  const char *zDetails;
  const char *zChannel;  /* formulario, encargado */
  int64_t iMember;       /* The record it concerns, 0: not yet known */
  const char *zReceived; /* YYYY-MM-DD */
  const char *zDue;
  const char *zState; /* recibida, respondida */
  const char *zAnswer;
  int64_t iAnswered; /* When, 0 */
  int64_t iMail;     /* The letter in the outbox, 0 */
  int iVersion;
} PrivacyRequest;

/* Checks a request as typed (fields derecho, nombre, correo, telefono, run,
** detalle) into pReq; problems under those names. */
void privacy_request_check(Arena *pArena, const char *zKind, const char *zName,
                           const char *zEmail, const char *zPhone,
                           const char *zRun, const char *zDetails,
                           PrivacyRequest *pReq, Problems *pProblems);
/* Saves a new request received today; its id into pReq->id. */
int privacy_request_create(Db *pDb, int64_t iCouncil, PrivacyRequest *pReq);
/* Open requests first by due date, then the answered, newest first. */
int privacy_request_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                         PrivacyRequest **paReq, int *pnReq);
int privacy_request_get(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iId,
                        PrivacyRequest *pReq);
/* How many are open, and the earliest due date among them ("" none). */
int privacy_request_open(Db *pDb, Arena *pArena, int64_t iCouncil, int *pnOpen,
                         const char **pzFirstDue);
/* Links the request to the member it concerns (0: none). */
int privacy_request_link(Db *pDb, int64_t iCouncil, int64_t iId,
                         int64_t iMember);
/* Records the answer (the letter's text and its mail, 0 when it could not
** be mailed) as iUser. */
int privacy_request_answer(Db *pDb, int64_t iCouncil, int64_t iId,
                           const char *zAnswer, int64_t iMail, int64_t iUser);

#endif
