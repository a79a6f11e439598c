/*
** Which council (see council.h): the councils table.
*/
#include "store/council/council.h"

#include <string.h>

#define COUNCIL_COLUMNS                                            \
  "id, name, short_name, institution, coalesce(region_code, ''), " \
  "coalesce(seat_commune_code, ''), term_years, slug, logo_url, "  \
  "term_start, term_end, version FROM councils "

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
    DB_MAP_FIX(Council, council_fix, "itttttnttttn", id, zName, zShortName,
               zInstitution, zRegion, zSeatCommune, nTermYears, zSlug, zLogoUrl,
               zTermStart, zTermEnd, iVersion);

int64_t council_default_id(Db *pDb) {
  return db_query_int64(pDb, "SELECT coalesce(min(id), 0) FROM councils", 0);
}

int council_count(Db *pDb) {
  return (int)db_query_int64(pDb, "SELECT count(*) FROM councils", 0);
}

int64_t council_national_data_version(Db *pDb) {
  return db_query_int64(
      pDb,
      "SELECT (SELECT n FROM data_version WHERE id = 1) * 4294967296 + "
      "CAST(coalesce((SELECT sum(n) FROM council_data_version), 0) AS BIGINT)",
      -1);
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

int council_get_by_slug(Db *pDb, Arena *pArena, const char *zSlug,
                        Council *pCouncil) {
  memset(pCouncil, 0, sizeof(*pCouncil));
  return db_get(pDb, pArena, &council_map, pCouncil,
                "SELECT " COUNCIL_COLUMNS "WHERE slug = ?", DB_T(zSlug));
}

int64_t council_only_id(Db *pDb) {
  return db_query_int64(
      pDb,
      "SELECT CASE WHEN count(*) = 1 THEN min(id) ELSE 0 END FROM councils", 0);
}

int council_slug_taken(Db *pDb, const char *zSlug, int64_t iExcept) {
  return db_int(pDb, 0, "SELECT 1 FROM councils WHERE slug = ? AND id <> ?",
                DB_T(zSlug), DB_I(iExcept)) == 1;
}

/* A free slug for a new council: its own, or derived from its short name
** (then its name, then "consejo"), with "-2", "-3"… when taken. */
static const char *council_free_slug(Db *pDb, Arena *pArena,
                                     const Council *pNew) {
  char zBase[COUNCIL_SLUG_SIZE];
  if (pNew->zSlug && *pNew->zSlug) return pNew->zSlug;
  council_slug_from(pNew->zShortName, zBase);
  if (!zBase[0]) council_slug_from(pNew->zName, zBase);
  if (!zBase[0]) strcpy(zBase, "consejo");
  const char *z = arena_strdup(pArena, zBase);
  for (int i = 2; council_slug_taken(pDb, z, 0) && i < 10000; i++) {
    zBase[COUNCIL_SLUG_MAX - 6] = 0;
    z = arena_printf(pArena, "%s-%d", zBase, i);
  }
  return z;
}

int council_create(Db *pDb, const Council *pNew, int64_t *piCouncil) {
  const char *zRegion = pNew->zRegion && *pNew->zRegion ? pNew->zRegion : NULL;
  const char *zSeat =
      pNew->zSeatCommune && *pNew->zSeatCommune ? pNew->zSeatCommune : NULL;
  Arena *pArena = arena_new();
  const char *zSlug = council_free_slug(pDb, pArena, pNew);
  int rc = db_exec_id(
      pDb,
      "INSERT INTO councils(name, short_name, institution, region_code, "
      "seat_commune_code, slug, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
      "RETURNING id",
      piCouncil, DB_T(pNew->zName), DB_T(pNew->zShortName),
      DB_T(pNew->zInstitution ? pNew->zInstitution : ""), DB_T(zRegion),
      DB_T(zSeat), DB_T(zSlug), DB_I(db_now()));
  arena_free(pArena);
  return rc == DB_OK ? DB_OK : DB_ERROR;
}

int council_set_term_years(Db *pDb, int64_t iCouncil, int nYears) {
  return db_exec(pDb,
                 "UPDATE councils SET term_years = ?, version = version + 1 "
                 "WHERE id = ?",
                 DB_I(nYears), DB_I(iCouncil));
}

int council_update(Db *pDb, int64_t iUser, const Council *pCouncil) {
  const char *zRegion =
      pCouncil->zRegion && *pCouncil->zRegion ? pCouncil->zRegion : NULL;
  const char *zSeat = pCouncil->zSeatCommune && *pCouncil->zSeatCommune
                          ? pCouncil->zSeatCommune
                          : NULL;
  return db_exec(
      pDb,
      "UPDATE councils SET name = ?, short_name = ?, institution = ?, "
      "region_code = ?, seat_commune_code = ?, slug = ?, logo_url = ?, "
      "term_start = ?, term_end = ?, term_years = ?, updated_at = ?, "
      "updated_by = ?, version = version + 1 WHERE id = ?",
      DB_T(pCouncil->zName), DB_T(pCouncil->zShortName),
      DB_T(pCouncil->zInstitution), DB_T(zRegion), DB_T(zSeat),
      DB_T(pCouncil->zSlug), DB_T(pCouncil->zLogoUrl),
      DB_T(pCouncil->zTermStart), DB_T(pCouncil->zTermEnd),
      DB_I(pCouncil->nTermYears), DB_I(db_now()), DB_IN(iUser),
      DB_I(pCouncil->id));
}

/* ---- Who belongs to it ---- */

const char *council_member_role(Db *pDb, Arena *pArena, int64_t iUser,
                                int64_t iCouncil) {
  return db_text(pDb, pArena,
                 "SELECT role FROM council_members WHERE user_id = ? AND "
                 "council_id = ?",
                 DB_I(iUser), DB_I(iCouncil));
}

int council_member_count(Db *pDb, int64_t iUser) {
  return db_int(pDb, 0,
                "SELECT count(*) FROM council_members WHERE user_id = ?",
                DB_I(iUser));
}

int64_t council_member_first(Db *pDb, int64_t iUser) {
  return db_int(pDb, 0,
                "SELECT coalesce(min(council_id), 0) FROM council_members "
                "WHERE user_id = ?",
                DB_I(iUser));
}

int council_member_councils(Db *pDb, Arena *pArena, int64_t iUser,
                            Council **paCouncil, int *pnCouncil) {
  return db_list(pDb, pArena, &council_map, paCouncil, pnCouncil,
                 "SELECT " COUNCIL_COLUMNS
                 "WHERE id IN (SELECT council_id "
                 "FROM council_members WHERE user_id = ?) ORDER BY id",
                 DB_I(iUser));
}

int council_member_set(Db *pDb, int64_t iUser, int64_t iCouncil,
                       const char *zRole) {
  return db_exec(pDb,
                 "INSERT INTO council_members(user_id, council_id, role, "
                 "created_at) VALUES (?, ?, ?, ?) ON CONFLICT (user_id, "
                 "council_id) DO UPDATE SET role = excluded.role",
                 DB_I(iUser), DB_I(iCouncil), DB_T(zRole), DB_I(db_now()));
}

int council_member_set_all(Db *pDb, int64_t iUser, const char *zRole) {
  return db_exec(pDb, "UPDATE council_members SET role = ? WHERE user_id = ?",
                 DB_T(zRole), DB_I(iUser));
}

int64_t council_session_choice(Db *pDb, int64_t iSession) {
  return db_int(pDb, 0,
                "SELECT coalesce(council_id, 0) FROM sessions WHERE id = ?",
                DB_I(iSession));
}

int council_session_choose(Db *pDb, int64_t iSession, int64_t iCouncil) {
  return db_exec(pDb, "UPDATE sessions SET council_id = ? WHERE id = ?",
                 DB_IN(iCouncil), DB_I(iSession));
}

/* 1 when z is "" or a YYYY-MM-DD date with digits where they go. */
static int date_or_empty(const char *z) {
  if (!z[0]) return 1;
  if (strlen(z) != 10 || z[4] != '-' || z[7] != '-') return 0;
  for (int i = 0; i < 10; i++) {
    if (i != 4 && i != 7 && (z[i] < '0' || z[i] > '9')) return 0;
  }
  return 1;
}

void council_check(Db *pDb, Arena *pArena, const Council *c, Problems *pErr) {
  if (!c->zName[0])
    problem_add(pErr, "nombre", "Escriba el nombre del consejo.");
  if (!c->zShortName[0]) {
    problem_add(pErr, "nombre_corto", "Escriba el nombre corto del consejo.");
  }
  if (c->zRegion[0] &&
      db_int(pDb, 0, "SELECT 1 FROM territory_regions WHERE code = ?",
             DB_T(c->zRegion)) != 1) {
    problem_add(pErr, "region",
                arena_printf(pArena,
                             "No existe la región %s: use su código "
                             "CUT de dos dígitos («04»).",
                             c->zRegion));
  }
  if (c->zSeatCommune[0] &&
      db_int(pDb, 0,
             "SELECT 1 FROM territory_communes c JOIN territory_provinces p "
             "ON p.code = c.province_code WHERE c.code = ? AND p.region_code "
             "= ?",
             DB_T(c->zSeatCommune), DB_T(c->zRegion)) != 1) {
    problem_add(pErr, "sede",
                "La comuna sede debe ser una comuna de la región del consejo "
                "(su código CUT de cinco dígitos, «04101»).");
  }
  if (c->zSlug && c->zSlug[0]) {
    if (!council_slug_valid(c->zSlug)) {
      problem_add(pErr, "slug",
                  "El nombre en la dirección lleva solo letras minúsculas sin "
                  "tilde, dígitos y guiones («cosoc-minvu-regional»).");
    } else if (council_slug_taken(pDb, c->zSlug, c->id)) {
      problem_add(pErr, "slug",
                  "Otro consejo ya usa ese nombre en la dirección.");
    }
  }
  if (c->zLogoUrl && c->zLogoUrl[0] &&
      (c->zLogoUrl[0] != '/' || c->zLogoUrl[1] == '/')) {
    problem_add(pErr, "logo",
                "El logo es la dirección de una imagen de este mismo sitio "
                "(/…): las páginas no cargan imágenes de otros.");
  }
  if (!date_or_empty(c->zTermStart)) {
    problem_add(pErr, "periodo_inicio", "Escriba la fecha como AAAA-MM-DD.");
  }
  if (!date_or_empty(c->zTermEnd)) {
    problem_add(pErr, "periodo_fin", "Escriba la fecha como AAAA-MM-DD.");
  } else if (c->zTermStart[0] && c->zTermEnd[0] &&
             strcmp(c->zTermEnd, c->zTermStart) < 0) {
    problem_add(pErr, "periodo_fin", "El período termina antes de empezar.");
  }
  if (c->nTermYears < COUNCIL_TERM_YEARS_MIN ||
      c->nTermYears > COUNCIL_TERM_YEARS_MAX) {
    problem_add(pErr, "anios",
                arena_printf(pArena,
                             "El período de los consejeros dura entre %d y %d "
                             "años.",
                             COUNCIL_TERM_YEARS_MIN, COUNCIL_TERM_YEARS_MAX));
  }
}
