/*
** The breach register (see breach_store.h).
*/
#include "store/privacy/breach_store.h"

#include <string.h>

#include "domain/privacy.h"
#include "util/text.h"

static const char *const azName[8] = {"titulo",    "descripcion", "ocurrio",
                                      "detectado", "datos",       "medidas",
                                      "agencia",   "personas"};

static int bad_date(const char *z) {
  char zDue[11];
  return *z && privacy_due_date(z, zDue) != 0;
}

void breach_check(Arena *pArena, const char *const az[8], Breach *p,
                  Problems *pP) {
  memset(p, 0, sizeof(*p));
  const char **apOut[8] = {&p->zTitle,    &p->zDescription, &p->zOccurred,
                           &p->zDetected, &p->zData,        &p->zMeasures,
                           &p->zAgency,   &p->zPeople};
  for (int i = 0; i < 8; i++) {
    *apOut[i] = az[i] ? arena_strdup(pArena, az[i]) : "";
    if (strlen(*apOut[i]) > 4000) {
      problem_add(pP, azName[i], "El texto es demasiado largo.");
    }
  }
  if (!*p->zTitle) problem_add(pP, "titulo", "Escriba qué pasó, en breve.");
  problem_add(pP, "titulo", text_single_line_problem(p->zTitle));
  if (!*p->zOccurred || bad_date(p->zOccurred)) {
    problem_add(pP, "ocurrio", "Indique la fecha del incidente.");
  }
  if (!*p->zDetected || bad_date(p->zDetected)) {
    problem_add(pP, "detectado", "Indique cuándo se detectó.");
  } else if (*p->zOccurred && strcmp(p->zDetected, p->zOccurred) < 0) {
    problem_add(pP, "detectado", "No puede detectarse antes de ocurrir.");
  }
  if (bad_date(p->zAgency)) {
    problem_add(pP, "agencia", "La fecha no es válida.");
  }
  if (bad_date(p->zPeople)) {
    problem_add(pP, "personas", "La fecha no es válida.");
  }
}

int breach_save(Db *pDb, int64_t iCouncil, Breach *p) {
  if (p->id) {
    return db_exec(pDb,
                   "UPDATE breaches SET title = ?, description = ?, "
                   "occurred_on = ?, detected_on = ?, data_affected = ?, "
                   "measures = ?, agency_notified_on = ?, "
                   "people_notified_on = ?, updated_at = ?, version = "
                   "version + 1 WHERE council_id = ? AND id = ?",
                   DB_T(p->zTitle), DB_T(p->zDescription), DB_T(p->zOccurred),
                   DB_T(p->zDetected), DB_T(p->zData), DB_T(p->zMeasures),
                   DB_TN(p->zAgency), DB_TN(p->zPeople), DB_I(db_now()),
                   DB_I(iCouncil), DB_I(p->id));
  }
  return db_exec_id(
      pDb,
      "INSERT INTO breaches (council_id, title, description, occurred_on, "
      "detected_on, data_affected, measures, agency_notified_on, "
      "people_notified_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?, ?) RETURNING id",
      &p->id, DB_I(iCouncil), DB_T(p->zTitle), DB_T(p->zDescription),
      DB_T(p->zOccurred), DB_T(p->zDetected), DB_T(p->zData),
      DB_T(p->zMeasures), DB_TN(p->zAgency), DB_TN(p->zPeople), DB_I(db_now()),
      DB_I(db_now()));
}

static const DbMap breach_map =
    DB_MAP(Breach, "ittttttttn", id, zTitle, zDescription, zOccurred, zDetected,
           zData, zMeasures, zAgency, zPeople, nObjects);

#define BREACH_SELECT                                                   \
  "SELECT b.id, b.title, b.description, b.occurred_on, b.detected_on, " \
  "b.data_affected, b.measures, COALESCE(b.agency_notified_on, ''), "   \
  "COALESCE(b.people_notified_on, ''), (SELECT count(*) FROM "          \
  "breach_objects o WHERE o.breach_id = b.id) FROM breaches b "

int breach_list(Db *pDb, Arena *pArena, int64_t iCouncil, Breach **pa,
                int *pn) {
  return db_list(pDb, pArena, &breach_map, pa, pn,
                 BREACH_SELECT "WHERE b.council_id = ? ORDER BY b.id DESC",
                 DB_I(iCouncil));
}

int breach_get(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iId,
               Breach *p) {
  return db_get_council_row(pDb, pArena, &breach_map, p,
                            BREACH_SELECT "WHERE b.council_id = ? AND b.id = ?",
                            iCouncil, iId);
}

int breach_add_from_audit(Db *pDb, int64_t iCouncil, int64_t iId,
                          int64_t iSince, int64_t iUntil, int *pnAdded) {
  int64_t nBefore = db_int(pDb, 0,
                           "SELECT count(*) FROM breach_objects WHERE "
                           "breach_id = ?",
                           DB_I(iId));
  int rc = db_exec(
      pDb,
      "INSERT INTO breach_objects (breach_id, object_kind, object_id) "
      "SELECT DISTINCT CAST(? AS BIGINT), a.object_kind, a.object_id FROM "
      "audit_log a WHERE "
      "(a.council_id = ? OR (a.council_id IS NULL AND (SELECT count(*) FROM "
      "councils) <= 1)) AND a.at >= ? AND a.at < "
      "? AND a.object_id <> '' AND a.object_kind IN ('member', "
      "'participant', 'contact', 'user', 'privacy_request') AND EXISTS "
      "(SELECT 1 FROM breaches b WHERE b.id = ? AND b.council_id = ?) ON "
      "CONFLICT (breach_id, object_kind, object_id) DO NOTHING",
      DB_I(iId), DB_I(iCouncil), DB_I(iSince), DB_I(iUntil), DB_I(iId),
      DB_I(iCouncil));
  *pnAdded = (int)(db_int(pDb, 0,
                          "SELECT count(*) FROM breach_objects WHERE "
                          "breach_id = ?",
                          DB_I(iId)) -
                   nBefore);
  return rc;
}

static const DbMap object_map = DB_MAP(BreachObject, "ttt", zKind, zId, zName);

int breach_objects(Db *pDb, Arena *pArena, int64_t iId, BreachObject **pa,
                   int *pn) {
  return db_list(pDb, pArena, &object_map, pa, pn,
                 "SELECT o.object_kind, o.object_id, COALESCE(m.first_names "
                 "|| ' ' || m.last_names, u.name, '') FROM breach_objects o "
                 "LEFT JOIN members m ON o.object_kind = 'member' AND "
                 "CAST(m.id AS TEXT) = o.object_id LEFT JOIN users u ON "
                 "o.object_kind = 'user' AND CAST(u.id AS TEXT) = "
                 "o.object_id WHERE o.breach_id = ? ORDER BY o.object_kind, "
                 "o.object_id",
                 DB_I(iId));
}
