/*
** Consents, the people tagged in evidence, and sensitive data kept apart
** (issue 21, items 1-2). A person is (kind, id): member, participant,
** contact or user. Every function is scoped by council.
*/
#ifndef COSOC_STORE_PRIVACY_CONSENT_STORE_H
#define COSOC_STORE_PRIVACY_CONSENT_STORE_H

#include <jansson.h>
#include <stdint.h>

#include "db/db.h"
#include "domain/problems.h"
#include "util/arena.h"

typedef struct Consent {
  int64_t id;
  const char *zPersonKind;
  int64_t iPerson;
  const char *zPurpose; /* participacion, fotografias, datos_sensibles */
  int bGiven;           /* 1 given, 0 refused */
  const char *zGivenOn; /* YYYY-MM-DD */
  const char *zMethod;  /* formulario, hoja_firmada, correo */
  int64_t iEvidence;    /* The signed sheet (an evidence item), 0 */
  const char *zNotes;
  const char *zWithdrawnOn; /* "" in force */
} Consent;

/* The purposes and methods: slug and Spanish label, NULL-terminated. */
extern const char *const consent_purposes[][2];
extern const char *const consent_methods[][2];
const char *consent_label(const char *const aList[][2], const char *zSlug);

/* Whether the person exists in the council (member, participant…). */
int consent_person_exists(Db *pDb, int64_t iCouncil, const char *zKind,
                          int64_t iPerson);
/* Checks a consent as typed into pConsent (fields proposito, otorgado,
** fecha, medio, evidencia, notas). */
void consent_check(Db *pDb, Arena *pArena, int64_t iCouncil,
                   const char *zPurpose, const char *zGiven, const char *zDate,
                   const char *zMethod, const char *zEvidence,
                   const char *zNotes, Consent *pConsent, Problems *pProblems);
int consent_add(Db *pDb, int64_t iCouncil, const Consent *pConsent,
                int64_t *piId);
/* Withdraws consent iId on zDate: DB_OK, DB_DONE (none in force). Its
** sensitive data goes with it. */
int consent_withdraw(Db *pDb, int64_t iCouncil, int64_t iId, const char *zDate);
int consent_list(Db *pDb, Arena *pArena, int64_t iCouncil, const char *zKind,
                 int64_t iPerson, Consent **paConsent, int *pnConsent);
/* The person's consents and the evidence they are tagged in, as JSON
** arrays, for their data export. */
int consent_person_json(Db *pDb, int64_t iCouncil, const char *zKind,
                        int64_t iPerson, json_t **ppConsents,
                        json_t **ppEvidence, json_t **ppSensitive);

/* 1 when evidence item iEvidence is council iCouncil's (and not deleted). */
int consent_evidence_exists(Db *pDb, int64_t iCouncil, int64_t iEvidence);
/* Tags the person in evidence item iEvidence (of the council), or untags
** (bTag 0). DB_OK, DB_DONE: no such item. */
int consent_tag_evidence(Db *pDb, int64_t iCouncil, int64_t iEvidence,
                         const char *zKind, int64_t iPerson, int bTag);

/* ---- Sensitive data ---- */
typedef struct ProtectionGroup {
  int64_t id;
  const char *zLabel;
  int nPeople; /* In the aggregate: people with that category */
} ProtectionGroup;

/* The groups the council may use. */
int sensitive_groups(Db *pDb, Arena *pArena, int64_t iCouncil,
                     ProtectionGroup **paGroup, int *pnGroup);
/* Adds a group of the council's own. */
int sensitive_group_add(Db *pDb, int64_t iCouncil, const char *zLabel,
                        int64_t *piId);
/* Records the person's own category: only with a consent for sensitive
** data given and in force: DB_OK, DB_CONSTRAINT without one, DB_DONE
** for a group the council does not have. */
int sensitive_record(Db *pDb, int64_t iCouncil, const char *zKind,
                     int64_t iPerson, int64_t iGroup);
/* The person's categories (labels), for the officer's page. */
int sensitive_person(Db *pDb, Arena *pArena, int64_t iCouncil,
                     const char *zKind, int64_t iPerson,
                     ProtectionGroup **paGroup, int *pnGroup);
/* The aggregate: every group with how many people hold that category. */
int sensitive_aggregate(Db *pDb, Arena *pArena, int64_t iCouncil,
                        ProtectionGroup **paGroup, int *pnGroup);
/* The groups taking part in an activity, and setting them. */
int sensitive_activity_groups(Db *pDb, Arena *pArena, int64_t iActivity,
                              ProtectionGroup **paGroup, int *pnGroup);
int sensitive_activity_set(Db *pDb, int64_t iCouncil, int64_t iActivity,
                           const int64_t *aiGroup, int nGroup);

#endif
