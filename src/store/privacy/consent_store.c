/*
** Consents, evidence tags and sensitive data (see consent_store.h).
*/
#include "store/privacy/consent_store.h"

#include <stdlib.h>
#include <string.h>

#include "domain/chile_time.h"
#include "domain/privacy.h"
#include "util/text.h"

const char *const consent_purposes[][2] = {
    {"participacion", "Participación en el trabajo del consejo"},
    {"fotografias", "Fotografías (publicarlas)"},
    {"datos_sensibles", "Datos sensibles para una mesa de trabajo"},
    {NULL, NULL}};
const char *const consent_methods[][2] = {
    {"formulario", "Formulario"},
    {"hoja_firmada", "Hoja firmada (subida como evidencia)"},
    {"correo", "Correo electrónico"},
    {NULL, NULL}};

const char *consent_label(const char *const aList[][2], const char *zSlug) {
  for (int i = 0; zSlug && aList[i][0]; i++) {
    if (strcmp(aList[i][0], zSlug) == 0) return aList[i][1];
  }
  return NULL;
}

int consent_person_exists(Db *pDb, int64_t iCouncil, const char *zKind,
                          int64_t iPerson) {
  /* The person tables differ by kind; each is scoped by council. */
  if (strcmp(zKind, "member") == 0) {
    return db_int(pDb, 0,
                  "SELECT count(*) FROM members WHERE council_id = ? AND id "
                  "= ?",
                  DB_I(iCouncil), DB_I(iPerson)) > 0;
  }
  if (strcmp(zKind, "participant") == 0) {
    return db_int(pDb, 0,
                  "SELECT count(*) FROM participants WHERE council_id = ? AND "
                  "id = ?",
                  DB_I(iCouncil), DB_I(iPerson)) > 0;
  }
  if (strcmp(zKind, "contact") == 0) {
    return db_int(pDb, 0,
                  "SELECT count(*) FROM directory_entries WHERE council_id = "
                  "? AND id = ?",
                  DB_I(iCouncil), DB_I(iPerson)) > 0;
  }
  return 0;
}

void consent_check(Db *pDb, Arena *pArena, int64_t iCouncil,
                   const char *zPurpose, const char *zGiven, const char *zDate,
                   const char *zMethod, const char *zEvidence,
                   const char *zNotes, Consent *p, Problems *pP) {
  memset(p, 0, sizeof(*p));
  p->zPurpose = zPurpose ? zPurpose : "";
  p->zMethod = zMethod ? zMethod : "";
  p->zNotes = zNotes ? zNotes : "";
  p->zWithdrawnOn = "";
  if (!consent_label(consent_purposes, p->zPurpose)) {
    problem_add(pP, "proposito", "Elija para qué es el consentimiento.");
  }
  if (!zGiven || (strcmp(zGiven, "1") != 0 && strcmp(zGiven, "0") != 0)) {
    problem_add(pP, "otorgado", "Indique si la persona lo dio o lo negó.");
  } else {
    p->bGiven = zGiven[0] == '1';
  }
  char zToday[CHILE_TIME_DATE_SIZE];
  chile_time_format_date(db_now(), zToday);
  char zDue[11];
  if (!zDate || !*zDate) {
    p->zGivenOn = arena_strdup(pArena, zToday);
  } else if (privacy_due_date(zDate, zDue) != 0) {
    problem_add(pP, "fecha", "La fecha no es válida.");
  } else if (strcmp(zDate, zToday) > 0) {
    problem_add(pP, "fecha", "La fecha no puede ser futura.");
  } else {
    p->zGivenOn = zDate;
  }
  if (!consent_label(consent_methods, p->zMethod)) {
    problem_add(pP, "medio", "Elija cómo se dio.");
  }
  if (zEvidence && *zEvidence) {
    int64_t id = 0;
    if (!text_parse_id(zEvidence, &id) ||
        db_int(pDb, 0,
               "SELECT count(*) FROM evidence_items i JOIN activities a ON "
               "a.id = i.activity_id WHERE i.id = ? AND a.council_id = ? AND "
               "i.deleted_at IS NULL",
               DB_I(id), DB_I(iCouncil)) == 0) {
      problem_add(pP, "evidencia", "No hay una evidencia con ese número.");
    } else {
      p->iEvidence = id;
    }
  } else if (strcmp(p->zMethod, "hoja_firmada") == 0) {
    problem_add(pP, "evidencia",
                "Indique el número de la evidencia con la hoja firmada "
                "(súbala en la actividad).");
  }
  problem_add(pP, "notas", text_single_line_problem(p->zNotes));
  if (strlen(p->zNotes) > 500) {
    problem_add(pP, "notas", "Las notas son demasiado largas.");
  }
}

int consent_add(Db *pDb, int64_t iCouncil, const Consent *p, int64_t *piId) {
  return db_exec_id(
      pDb,
      "INSERT INTO consents (council_id, person_kind, person_id, purpose, "
      "given, given_on, method, evidence_id, notes, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      piId, DB_I(iCouncil), DB_T(p->zPersonKind), DB_I(p->iPerson),
      DB_T(p->zPurpose), DB_I(p->bGiven), DB_T(p->zGivenOn), DB_T(p->zMethod),
      DB_IN(p->iEvidence), DB_T(p->zNotes), DB_I(db_now()), DB_I(db_now()));
}

int consent_withdraw(Db *pDb, int64_t iCouncil, int64_t iId,
                     const char *zDate) {
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  int rc =
      db_exec_id(pDb,
                 "UPDATE consents SET withdrawn_on = ?, updated_at = ?, "
                 "version = version + 1 WHERE council_id = ? AND id = ? "
                 "AND withdrawn_on IS NULL AND given = 1 RETURNING id",
                 NULL, DB_T(zDate), DB_I(db_now()), DB_I(iCouncil), DB_I(iId));
  /* Sensitive data was held on this consent only: it goes with it. */
  if (rc == DB_OK) {
    rc = db_exec(pDb, "DELETE FROM sensitive_data WHERE consent_id = ?",
                 DB_I(iId));
  }
  return db_finish(pDb, rc);
}

static const DbMap consent_map =
    DB_MAP(Consent, "ititbttitt", id, zPersonKind, iPerson, zPurpose, bGiven,
           zGivenOn, zMethod, iEvidence, zNotes, zWithdrawnOn);

int consent_list(Db *pDb, Arena *pArena, int64_t iCouncil, const char *zKind,
                 int64_t iPerson, Consent **paConsent, int *pnConsent) {
  return db_list(pDb, pArena, &consent_map, paConsent, pnConsent,
                 "SELECT id, person_kind, person_id, purpose, given, "
                 "given_on, method, COALESCE(evidence_id, 0), notes, "
                 "COALESCE(withdrawn_on, '') FROM consents WHERE council_id "
                 "= ? AND person_kind = ? AND person_id = ? ORDER BY id",
                 DB_I(iCouncil), DB_T(zKind), DB_I(iPerson));
}

int consent_person_json(Db *pDb, int64_t iCouncil, const char *zKind,
                        int64_t iPerson, json_t **ppConsents,
                        json_t **ppEvidence, json_t **ppSensitive) {
  Arena *pArena = arena_new();
  Consent *a = NULL;
  int n = 0;
  int rc = consent_list(pDb, pArena, iCouncil, zKind, iPerson, &a, &n);
  *ppConsents = json_array();
  for (int i = 0; rc == DB_OK && i < n; i++) {
    json_array_append_new(
        *ppConsents,
        json_pack(
            "{s:I, s:s, s:b, s:s, s:s, s:o, s:s, s:o}", "id",
            (json_int_t)a[i].id, "purpose", a[i].zPurpose, "given", a[i].bGiven,
            "date", a[i].zGivenOn, "method", a[i].zMethod, "evidence_id",
            a[i].iEvidence ? json_integer(a[i].iEvidence) : json_null(),
            "notes", a[i].zNotes, "withdrawn_on",
            *a[i].zWithdrawnOn ? json_string(a[i].zWithdrawnOn) : json_null()));
  }
  *ppEvidence = json_array();
  DbStmt *p = db_query(pDb,
                       "SELECT i.id, i.activity_id, i.kind, i.filename FROM "
                       "evidence_people ep JOIN evidence_items i ON i.id = "
                       "ep.evidence_id JOIN activities a ON a.id = "
                       "i.activity_id WHERE a.council_id = ? AND "
                       "ep.person_kind = ? AND ep.person_id = ? AND "
                       "i.deleted_at IS NULL ORDER BY i.id",
                       DB_I(iCouncil), DB_T(zKind), DB_I(iPerson));
  int r;
  while ((r = db_step(p)) == DB_ROW) {
    json_array_append_new(
        *ppEvidence,
        json_pack("{s:I, s:I, s:s, s:s}", "id",
                  (json_int_t)db_column_int64(p, 0), "activity_id",
                  (json_int_t)db_column_int64(p, 1), "kind",
                  db_column_text(p, 2), "filename", db_column_text(p, 3)));
  }
  if (db_end(p, r) != DB_OK) rc = DB_ERROR;
  ProtectionGroup *aG = NULL;
  int nG = 0;
  if (rc == DB_OK) {
    rc = sensitive_person(pDb, pArena, iCouncil, zKind, iPerson, &aG, &nG);
  }
  *ppSensitive = json_array();
  for (int i = 0; i < nG; i++) {
    json_array_append_new(*ppSensitive, json_string(aG[i].zLabel));
  }
  arena_free(pArena);
  return rc;
}

int consent_evidence_exists(Db *pDb, int64_t iCouncil, int64_t iEvidence) {
  return db_int(pDb, 0,
                "SELECT count(*) FROM evidence_items i JOIN activities a ON "
                "a.id = i.activity_id WHERE i.id = ? AND a.council_id = ? AND "
                "i.deleted_at IS NULL",
                DB_I(iEvidence), DB_I(iCouncil)) > 0;
}

int consent_tag_evidence(Db *pDb, int64_t iCouncil, int64_t iEvidence,
                         const char *zKind, int64_t iPerson, int bTag) {
  if (!consent_evidence_exists(pDb, iCouncil, iEvidence)) return DB_DONE;
  return bTag ? db_exec(pDb,
                        "INSERT INTO evidence_people (evidence_id, "
                        "person_kind, person_id) VALUES (?, ?, ?) ON "
                        "CONFLICT (evidence_id, person_kind, person_id) DO "
                        "NOTHING",
                        DB_I(iEvidence), DB_T(zKind), DB_I(iPerson))
              : db_exec(pDb,
                        "DELETE FROM evidence_people WHERE evidence_id = ? "
                        "AND person_kind = ? AND person_id = ?",
                        DB_I(iEvidence), DB_T(zKind), DB_I(iPerson));
}

/* ---- Sensitive data ---- */

static const DbMap group_map =
    DB_MAP(ProtectionGroup, "itn", id, zLabel, nPeople);

int sensitive_groups(Db *pDb, Arena *pArena, int64_t iCouncil,
                     ProtectionGroup **paGroup, int *pnGroup) {
  return db_list(pDb, pArena, &group_map, paGroup, pnGroup,
                 "SELECT id, label, 0 FROM protection_groups WHERE "
                 "council_id IS NULL OR council_id = ? ORDER BY id",
                 DB_I(iCouncil));
}

int sensitive_group_add(Db *pDb, int64_t iCouncil, const char *zLabel,
                        int64_t *piId) {
  return db_exec_id(pDb,
                    "INSERT INTO protection_groups (council_id, label) VALUES "
                    "(?, ?) RETURNING id",
                    piId, DB_I(iCouncil), DB_T(zLabel));
}

int sensitive_record(Db *pDb, int64_t iCouncil, const char *zKind,
                     int64_t iPerson, int64_t iGroup) {
  if (db_int(pDb, 0,
             "SELECT count(*) FROM protection_groups WHERE id = ? AND "
             "(council_id IS NULL OR council_id = ?)",
             DB_I(iGroup), DB_I(iCouncil)) == 0) {
    return DB_DONE;
  }
  /* The explicit consent in force: the latest for sensitive data, given
  ** and not withdrawn. */
  int64_t iConsent = db_int(
      pDb, 0,
      "SELECT id FROM consents WHERE council_id = ? AND person_kind = ? AND "
      "person_id = ? AND purpose = 'datos_sensibles' AND id = (SELECT "
      "max(id) FROM consents WHERE council_id = ? AND person_kind = ? AND "
      "person_id = ? AND purpose = 'datos_sensibles') AND given = 1 AND "
      "withdrawn_on IS NULL",
      DB_I(iCouncil), DB_T(zKind), DB_I(iPerson), DB_I(iCouncil), DB_T(zKind),
      DB_I(iPerson));
  if (!iConsent) return DB_CONSTRAINT;
  return db_exec(pDb,
                 "INSERT INTO sensitive_data (council_id, person_kind, "
                 "person_id, group_id, consent_id, recorded_at) VALUES (?, ?, "
                 "?, ?, ?, ?) ON CONFLICT (person_kind, person_id, group_id) "
                 "DO UPDATE SET consent_id = excluded.consent_id",
                 DB_I(iCouncil), DB_T(zKind), DB_I(iPerson), DB_I(iGroup),
                 DB_I(iConsent), DB_I(db_now()));
}

int sensitive_person(Db *pDb, Arena *pArena, int64_t iCouncil,
                     const char *zKind, int64_t iPerson,
                     ProtectionGroup **paGroup, int *pnGroup) {
  return db_list(pDb, pArena, &group_map, paGroup, pnGroup,
                 "SELECT g.id, g.label, 1 FROM sensitive_data s JOIN "
                 "protection_groups g ON g.id = s.group_id WHERE "
                 "s.council_id = ? AND s.person_kind = ? AND s.person_id = ? "
                 "ORDER BY g.id",
                 DB_I(iCouncil), DB_T(zKind), DB_I(iPerson));
}

int sensitive_aggregate(Db *pDb, Arena *pArena, int64_t iCouncil,
                        ProtectionGroup **paGroup, int *pnGroup) {
  return db_list(pDb, pArena, &group_map, paGroup, pnGroup,
                 "SELECT g.id, g.label, (SELECT count(*) FROM sensitive_data "
                 "s WHERE s.group_id = g.id AND s.council_id = ?) FROM "
                 "protection_groups g WHERE g.council_id IS NULL OR "
                 "g.council_id = ? ORDER BY g.id",
                 DB_I(iCouncil), DB_I(iCouncil));
}

int sensitive_activity_groups(Db *pDb, Arena *pArena, int64_t iActivity,
                              ProtectionGroup **paGroup, int *pnGroup) {
  return db_list(pDb, pArena, &group_map, paGroup, pnGroup,
                 "SELECT g.id, g.label, 0 FROM activity_protection_groups a "
                 "JOIN protection_groups g ON g.id = a.group_id WHERE "
                 "a.activity_id = ? ORDER BY g.id",
                 DB_I(iActivity));
}

int sensitive_activity_set(Db *pDb, int64_t iCouncil, int64_t iActivity,
                           const int64_t *aiGroup, int nGroup) {
  if (db_int(pDb, 0,
             "SELECT count(*) FROM activities WHERE id = ? AND council_id = ?",
             DB_I(iActivity), DB_I(iCouncil)) == 0) {
    return DB_DONE;
  }
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  int rc = db_exec(pDb,
                   "DELETE FROM activity_protection_groups WHERE activity_id "
                   "= ?",
                   DB_I(iActivity));
  for (int i = 0; rc == DB_OK && i < nGroup; i++) {
    rc = db_exec(pDb,
                 "INSERT INTO activity_protection_groups (activity_id, "
                 "group_id) SELECT ?, id FROM protection_groups WHERE id = ? "
                 "AND (council_id IS NULL OR council_id = ?) ON CONFLICT "
                 "(activity_id, group_id) DO NOTHING",
                 DB_I(iActivity), DB_I(aiGroup[i]), DB_I(iCouncil));
  }
  return db_finish(pDb, rc);
}
