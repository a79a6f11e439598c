/*
** Which council (see council.h): the councils table.
*/
#include "store/council/council.h"

#include <string.h>

#define COUNCIL_COLUMNS                                            \
  "id, name, short_name, institution, coalesce(region_code, ''), " \
  "coalesce(seat_commune_code, ''), term_years FROM councils "

/* A stored term length outside the bounds reads as the default. */
static int term_years(int64_t n) {
  return n >= COUNCIL_TERM_YEARS_MIN && n <= COUNCIL_TERM_YEARS_MAX
             ? (int)n
             : COUNCIL_TERM_YEARS_DEFAULT;
}

static void council_fix(DbStmt *p, Arena *pArena, void *pRow) {
  (void)p;
  (void)pArena;
  Council *c = pRow;
  c->nTermYears = term_years(c->nTermYears);
}

static const DbMap council_map =
    DB_MAP_FIX(Council, council_fix, "itttttn", id, zName, zShortName,
               zInstitution, zRegion, zSeatCommune, nTermYears);

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
  return db_get(pDb, pArena, &council_map, pCouncil,
                "SELECT " COUNCIL_COLUMNS "WHERE id = ?", DB_I(iCouncil));
}

int council_list(Db *pDb, Arena *pArena, Council **paCouncil, int *pnCouncil) {
  return db_rows_map(db_prepare(pDb, "SELECT " COUNCIL_COLUMNS "ORDER BY id"),
                     pArena, &council_map, paCouncil, pnCouncil);
}

int council_term_years(Db *pDb, int64_t iCouncil) {
  return term_years(db_int(
      pDb, 0, "SELECT term_years FROM councils WHERE id = ?", DB_I(iCouncil)));
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
