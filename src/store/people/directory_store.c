/*
** The directory of authorities and services the council wants to meet
** (the plan's "catastro"): reading, checking and saving entries.
*/
#include <string.h>

#include "domain/people.h"
#include "store/people/people_internal.h"
#include "util/text.h"

#define DIRECTORY_COLUMNS                                               \
  "d.id, d.person_name, d.position, d.institution, d.kind, "            \
  "coalesce(d.province_code, ''), coalesce(d.commune_code, ''), "       \
  "coalesce(c.name, p.name, ''), d.email, d.phone, d.reason, d.status " \
  "FROM directory_entries d "                                           \
  "LEFT JOIN territory_communes c ON c.code = d.commune_code "          \
  "LEFT JOIN territory_provinces p ON p.code = d.province_code "

static void entry_from_row(Arena *pArena, DbStmt *pStmt, DirectoryEntry *p) {
  p->id = db_column_int64(pStmt, 0);
  p->zPersonName = people_col(pArena, pStmt, 1);
  p->zPosition = people_col(pArena, pStmt, 2);
  p->zInstitution = people_col(pArena, pStmt, 3);
  p->zKind = people_col(pArena, pStmt, 4);
  p->zProvinceCode = people_col(pArena, pStmt, 5);
  p->zCommuneCode = people_col(pArena, pStmt, 6);
  p->zPlaceName = people_col(pArena, pStmt, 7);
  p->zEmail = people_col(pArena, pStmt, 8);
  p->zPhone = people_col(pArena, pStmt, 9);
  p->zReason = people_col(pArena, pStmt, 10);
  p->zStatus = people_col(pArena, pStmt, 11);
}

int people_directory_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                          const PeopleFilter *pFilter, DirectoryEntry **paEntry,
                          int *pnEntry) {
  *paEntry = NULL;
  *pnEntry = 0;
  DbStmt *pStmt = db_prepare(
      pDb, "SELECT " DIRECTORY_COLUMNS
           "WHERE d.council_id = ? "
           "AND (? = '' OR lower(d.person_name) LIKE ? ESCAPE '\\' "
           "OR lower(d.institution) LIKE ? ESCAPE '\\' "
           "OR lower(d.position) LIKE ? ESCAPE '\\') "
           "AND (? = '' OR d.province_code = ? OR c.province_code = ?) "
           "AND (? = '' OR d.commune_code = ?) "
           "AND (? = '' OR d.kind = ?) AND (? = '' OR d.status = ?) "
           "ORDER BY d.institution, d.person_name, d.id");
  if (!pStmt) return DB_ERROR;
  people_bind_filter(pStmt, pArena, iCouncil, pFilter, 4, 3, 1,
                     pFilter->zStatus ? pFilter->zStatus : "");
  int nAlloc = 0, rc;
  while ((rc = db_step(pStmt)) == DB_ROW) {
    *paEntry =
        arena_grow(pArena, *paEntry, *pnEntry, &nAlloc, sizeof(DirectoryEntry));
    entry_from_row(pArena, pStmt, &(*paEntry)[(*pnEntry)++]);
  }
  db_done(pStmt);
  return rc == DB_DONE ? DB_OK : DB_ERROR;
}

int people_directory_get(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iId,
                         DirectoryEntry *pEntry) {
  memset(pEntry, 0, sizeof(*pEntry));
  DbStmt *pStmt = db_prepare(
      pDb, "SELECT " DIRECTORY_COLUMNS "WHERE d.council_id = ? AND d.id = ?");
  if (!pStmt) return DB_ERROR;
  db_bind_int64(pStmt, 1, iCouncil);
  db_bind_int64(pStmt, 2, iId);
  int rc = db_step(pStmt);
  if (rc == DB_ROW) entry_from_row(pArena, pStmt, pEntry);
  db_done(pStmt);
  return rc == DB_ROW ? DB_OK : rc == DB_DONE ? DB_DONE : DB_ERROR;
}

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
  people_problem(pP, "nombre", text_single_line_problem(p->zPersonName));
  people_problem(pP, "cargo", text_single_line_problem(p->zPosition));
  people_problem(pP, "institucion", text_single_line_problem(p->zInstitution));
  if (!p->zInstitution[0]) {
    people_problem(pP, "institucion", "Escriba la institución o el servicio.");
  }
  const char *zKind = people_get(pArena, xGet, pCtx, "tipo");
  p->zKind = people_slug_from_input(&people_directory_kinds, zKind);
  if (!p->zKind) {
    p->zKind = "";
    people_problem(pP, "tipo", "Elija el tipo de institución.");
  }
  p->zProvinceCode = people_get(pArena, xGet, pCtx, "provincia");
  p->zCommuneCode = "";
  const char *zCommune = people_get(pArena, xGet, pCtx, "comuna");
  if (zCommune[0]) {
    const TerritoryCommune *pCommune = territory_index_resolve(pIdx, zCommune);
    if (!pCommune) {
      people_problem(pP, "comuna", "Esa comuna no existe en Chile.");
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
    if (!bFound) people_problem(pP, "provincia", "Esa provincia no existe.");
  }
  p->zEmail = people_check_email(
      pArena, people_get(pArena, xGet, pCtx, "correo"), 0, "correo", pP);
  p->zPhone = people_get(pArena, xGet, pCtx, "telefono");
  if (p->zPhone[0])
    people_problem(pP, "telefono", people_phone_problem(p->zPhone));
  p->zReason = people_get(pArena, xGet, pCtx, "motivo");
  const char *zStatus = people_get(pArena, xGet, pCtx, "estado");
  p->zStatus = zStatus[0]
                   ? people_slug_from_input(&people_directory_statuses, zStatus)
                   : "por_contactar";
  if (!p->zStatus) {
    p->zStatus = "";
    people_problem(pP, "estado", "Elija el estado del contacto.");
  }
}

int people_directory_save(Db *pDb, int64_t iCouncil, DirectoryEntry *p) {
  int64_t iNow = db_now();
  DbStmt *pStmt;
  if (p->id == 0) {
    pStmt = db_prepare(
        pDb,
        "INSERT INTO directory_entries(person_name, position, "
        "institution, kind, province_code, commune_code, email, phone, "
        "reason, status, updated_at, created_at, council_id) VALUES "
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  } else {
    pStmt = db_prepare(
        pDb,
        "UPDATE directory_entries SET person_name = ?, position = ?, "
        "institution = ?, kind = ?, province_code = ?, commune_code = ?, "
        "email = ?, phone = ?, reason = ?, status = ?, updated_at = ?, "
        "version = version + 1 WHERE id = ? AND council_id = ?");
  }
  if (!pStmt) return DB_ERROR;
  db_bind_text(pStmt, 1, p->zPersonName);
  db_bind_text(pStmt, 2, p->zPosition);
  db_bind_text(pStmt, 3, p->zInstitution);
  db_bind_text(pStmt, 4, p->zKind);
  db_bind_text(pStmt, 5, p->zProvinceCode[0] ? p->zProvinceCode : NULL);
  db_bind_text(pStmt, 6, p->zCommuneCode[0] ? p->zCommuneCode : NULL);
  db_bind_text(pStmt, 7, p->zEmail);
  db_bind_text(pStmt, 8, p->zPhone);
  db_bind_text(pStmt, 9, p->zReason);
  db_bind_text(pStmt, 10, p->zStatus);
  db_bind_int64(pStmt, 11, iNow);
  if (p->id == 0) {
    db_bind_int64(pStmt, 12, iNow);
    db_bind_int64(pStmt, 13, iCouncil);
  } else {
    db_bind_int64(pStmt, 12, p->id);
    db_bind_int64(pStmt, 13, iCouncil);
  }
  int rc = db_step(pStmt);
  if (rc == DB_ROW) {
    p->id = db_column_int64(pStmt, 0);
    rc = DB_DONE;
  }
  db_done(pStmt);
  return rc == DB_DONE ? DB_OK : rc;
}
