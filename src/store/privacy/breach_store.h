/*
** The breach register (issue 21, item 7): security incidents affecting
** personal data, with the records they affected found from the audit log.
** Scoped by council.
*/
#ifndef COSOC_STORE_PRIVACY_BREACH_STORE_H
#define COSOC_STORE_PRIVACY_BREACH_STORE_H

#include <stdint.h>

#include "db/db.h"
#include "domain/problems.h"
#include "util/arena.h"

typedef struct Breach {
  int64_t id;
  const char *zTitle;
  const char *zDescription;
  const char *zOccurred; /* YYYY-MM-DD */
  const char *zDetected;
  const char *zData; /* Whose data, which */
  const char *zMeasures;
  const char *zAgency; /* Notified to the Agencia on, "" not yet */
  const char *zPeople; /* Notified to the people on, "" not yet */
  int nObjects;        /* Records affected */
} Breach;

/* Checks the form's fields (titulo, descripcion, ocurrio, detectado,
** datos, medidas, agencia, personas) into pBreach. */
void breach_check(Arena *pArena, const char *const azField[8], Breach *p,
                  Problems *pProblems);
int breach_save(Db *pDb, int64_t iCouncil, Breach *p); /* id 0: new */
int breach_list(Db *pDb, Arena *pArena, int64_t iCouncil, Breach **pa, int *pn);
int breach_get(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iId,
               Breach *p);

/* Adds to breach iId every person record (member, participant, contact,
** user, privacy_request) the audit log shows touched in [iSince, iUntil):
** how many it added into *pnAdded. */
int breach_add_from_audit(Db *pDb, int64_t iCouncil, int64_t iId,
                          int64_t iSince, int64_t iUntil, int *pnAdded);

/* One affected record, with a member's name when it is one. */
typedef struct BreachObject {
  const char *zKind;
  const char *zId;
  const char *zName;
} BreachObject;
int breach_objects(Db *pDb, Arena *pArena, int64_t iId, BreachObject **pa,
                   int *pn);

#endif
