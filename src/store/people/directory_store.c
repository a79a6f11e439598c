/*
** The directory of authorities and services the council wants to meet
** (the plan's "catastro"): reading, checking and saving entries.
*/
#include <string.h>

#include "domain/people.h"
#include "store/people/people_internal.h"
#include "util/text.h"

#define DIRECTORY_COLUMNS                                         \
  "d.id, d.person_name, d.position, d.institution, d.kind, "      \
  "coalesce(d.province_code, ''), coalesce(d.commune_code, ''), " \
  "coalesce(c.name, p.name, ''), d.email, d.phone, d.reason, d.status "
#define DIRECTORY_FROM                                         \
  "FROM directory_entries d "                                  \
  "LEFT JOIN territory_communes c ON c.code = d.commune_code " \
  "LEFT JOIN territory_provinces p ON p.code = d.province_code "

static const DbMap entry_from_row_map =
    DB_MAP(DirectoryEntry, "ittttttttttt", id, zPersonName, zPosition,
           zInstitution, zKind, zProvinceCode, zCommuneCode, zPlaceName, zEmail,
           zPhone, zReason, zStatus);

int people_directory_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                          const PeopleFilter *pFilter, DirectoryEntry **paEntry,
                          int *pnEntry) {
  return people_list_rows(
      pDb,
      "SELECT " DIRECTORY_COLUMNS ", count(*) OVER () " DIRECTORY_FROM
      "WHERE d.council_id = ? "
      "AND (? = '' OR lower(d.person_name) LIKE ? ESCAPE '\\' "
      "OR lower(d.institution) LIKE ? ESCAPE '\\' "
      "OR lower(d.position) LIKE ? ESCAPE '\\') "
      "AND (? = '' OR d.province_code = ? OR c.province_code = ?) "
      "AND (? = '' OR d.commune_code = ?) "
      "AND (? = '' OR d.kind = ?) AND (? = '' OR d.status = ?) "
      "ORDER BY d.institution, d.person_name, d.id LIMIT ? OFFSET ?",
      pArena, iCouncil, pFilter, 4, 3, 1,
      pFilter->zStatus ? pFilter->zStatus : "", &entry_from_row_map, paEntry,
      pnEntry);
}

int people_directory_get(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iId,
                         DirectoryEntry *pEntry) {
  return db_get_council_row(pDb, pArena, &entry_from_row_map, pEntry,
                            "SELECT " DIRECTORY_COLUMNS DIRECTORY_FROM
                            "WHERE d.council_id = ? AND d.id = ?",
                            iCouncil, iId);
}

static const PeopleChoiceField kind_field = {
    "tipo", &people_directory_kinds, NULL, "Elija el tipo de institución.",
    "Elija el tipo de institución."};
static const PeopleChoiceField status_field = {
    "estado", &people_directory_statuses, "por_contactar", NULL,
    "Elija el estado del contacto."};

void people_directory_check(Db *pDb, Arena *pArena, const TerritoryIndex *pIdx,
                            PeopleFieldGetter xGet, void *pCtx,
                            DirectoryEntry *p, PeopleProblems *pP) {
  (void)pDb;
  int64_t iId = p->id;
  memset(p, 0, sizeof(*p));
  p->id = iId;
  p->zPersonName = people_get(pArena, xGet, pCtx, "nombre");
  p->zPosition = people_get(pArena, xGet, pCtx, "cargo");
  p->zInstitution = people_get(pArena, xGet, pCtx, "institucion");
  problem_add(pP, "nombre", text_single_line_problem(p->zPersonName));
  problem_add(pP, "cargo", text_single_line_problem(p->zPosition));
  problem_add(pP, "institucion", text_single_line_problem(p->zInstitution));
  if (!p->zInstitution[0]) {
    problem_add(pP, "institucion", "Escriba la institución o el servicio.");
  }
  p->zKind = people_check_choice(pArena, xGet, pCtx, &kind_field, pP);
  p->zProvinceCode = people_get(pArena, xGet, pCtx, "provincia");
  p->zCommuneCode = "";
  const char *zCommune = people_get(pArena, xGet, pCtx, "comuna");
  if (zCommune[0]) {
    const TerritoryCommune *pCommune = territory_index_resolve(pIdx, zCommune);
    if (!pCommune) {
      problem_add(pP, "comuna", "Esa comuna no existe en Chile.");
    } else {
      p->zCommuneCode = pCommune->zCode;
      /* A commune fixes its province. */
      p->zProvinceCode = pCommune->zProvinceCode;
    }
  }
  if (p->zProvinceCode[0]) {
    int bFound = 0;
    for (int i = 0; i < pIdx->nCommune && !bFound; i++) {
      bFound = strcmp(pIdx->aCommune[i].zProvinceCode, p->zProvinceCode) == 0;
    }
    if (!bFound) problem_add(pP, "provincia", "Esa provincia no existe.");
  }
  p->zEmail = people_check_email(
      pArena, people_get(pArena, xGet, pCtx, "correo"), 0, "correo", pP);
  p->zPhone = people_get(pArena, xGet, pCtx, "telefono");
  if (p->zPhone[0])
    problem_add(pP, "telefono", people_phone_problem(p->zPhone));
  p->zReason = people_get(pArena, xGet, pCtx, "motivo");
  p->zStatus = people_check_choice(pArena, xGet, pCtx, &status_field, pP);
}

int people_directory_save(Db *pDb, int64_t iCouncil, DirectoryEntry *p) {
  return people_save(
      pDb, iCouncil, &p->id,
      "INSERT INTO directory_entries(person_name, position, institution, "
      "kind, province_code, commune_code, email, phone, reason, status, "
      "updated_at, created_at, council_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?, ?) RETURNING id",
      "UPDATE directory_entries SET person_name = ?, position = ?, "
      "institution = ?, kind = ?, province_code = ?, commune_code = ?, "
      "email = ?, phone = ?, reason = ?, status = ?, updated_at = ?, "
      "version = version + 1 WHERE id = ? AND council_id = ?",
      DB_T(p->zPersonName), DB_T(p->zPosition), DB_T(p->zInstitution),
      DB_T(p->zKind), DB_TN(p->zProvinceCode), DB_TN(p->zCommuneCode),
      DB_T(p->zEmail), DB_T(p->zPhone), DB_T(p->zReason), DB_T(p->zStatus));
}
