/*
** Which council (see council.h): the councils table.
*/
#include "store/council/council.h"

#include <string.h>

#define COUNCIL_COLUMNS                                            \
  "id, name, short_name, institution, coalesce(region_code, ''), " \
  "term_years FROM councils "

static void council_from_row(DbStmt *p, Arena *pArena, void *pRow) {
  Council *c = pRow;
  c->id = db_column_int64(p, 0);
  c->zName = db_column_dup(p, pArena, 1);
  c->zShortName = db_column_dup(p, pArena, 2);
  c->zInstitution = db_column_dup(p, pArena, 3);
  c->zRegion = db_column_dup(p, pArena, 4);
  int n = (int)db_column_int64(p, 5);
  c->nTermYears = n >= COUNCIL_TERM_YEARS_MIN && n <= COUNCIL_TERM_YEARS_MAX
                      ? n
                      : COUNCIL_TERM_YEARS_DEFAULT;
}

int64_t council_default_id(Db *pDb) {
  return db_query_int64(pDb, "SELECT coalesce(min(id), 0) FROM councils", 0);
}

int council_count(Db *pDb) {
  return (int)db_query_int64(pDb, "SELECT count(*) FROM councils", 0);
}

int council_exists(Db *pDb, int64_t iCouncil) {
  return db_int(pDb, 0, "SELECT 1 FROM councils WHERE id = ?",
                DB_I(iCouncil)) == 1;
}

int council_get(Db *pDb, Arena *pArena, int64_t iCouncil, Council *pCouncil) {
  memset(pCouncil, 0, sizeof(*pCouncil));
  return db_row(
      db_query(pDb, "SELECT " COUNCIL_COLUMNS "WHERE id = ?", DB_I(iCouncil)),
      pArena, council_from_row, pCouncil);
}

int council_list(Db *pDb, Arena *pArena, Council **paCouncil, int *pnCouncil) {
  return db_rows(db_prepare(pDb, "SELECT " COUNCIL_COLUMNS "ORDER BY id"),
                 pArena, council_from_row, sizeof(Council), paCouncil,
                 pnCouncil);
}

int council_term_years(Db *pDb, int64_t iCouncil) {
  int n = (int)db_int(pDb, 0, "SELECT term_years FROM councils WHERE id = ?",
                      DB_I(iCouncil));
  return n >= COUNCIL_TERM_YEARS_MIN && n <= COUNCIL_TERM_YEARS_MAX
             ? n
             : COUNCIL_TERM_YEARS_DEFAULT;
}

int council_create(Db *pDb, const Council *pNew, int64_t *piCouncil) {
  const char *zRegion = pNew->zRegion && *pNew->zRegion ? pNew->zRegion : NULL;
  return db_exec_id(pDb,
                    "INSERT INTO councils(name, short_name, institution, "
                    "region_code, created_at) VALUES (?, ?, ?, ?, ?) "
                    "RETURNING id",
                    piCouncil, DB_T(pNew->zName), DB_T(pNew->zShortName),
                    DB_T(pNew->zInstitution ? pNew->zInstitution : ""),
                    DB_T(zRegion), DB_I(db_now())) == DB_OK
             ? DB_OK
             : DB_ERROR;
}

int council_set_term_years(Db *pDb, int64_t iCouncil, int nYears) {
  return db_exec(pDb,
                 "UPDATE councils SET term_years = ?, version = version + 1 "
                 "WHERE id = ?",
                 DB_I(nYears), DB_I(iCouncil));
}
