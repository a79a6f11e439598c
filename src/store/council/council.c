/*
** Which council (see council.h): the councils table.
*/
#include "store/council/council.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "store/accounts/accounts.h"

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

/* ---- The councils and who belongs to them, in memory ----
**
** Every request asks which council it is about and the user's role in it,
** several times (the scope, the shell, the page): the councils and
** council_members tables, read whole into this process and kept while the
** auth version (migration 0050: every write to either bumps it) is the one
** they were read at. Outside a request the version costs a read; inside a
** transaction nothing is served from here (accounts_auth_version() is -1)
** and the functions below read the tables as before. */

typedef struct MemberRow {
  int64_t iUser, iCouncil;
  const char *zRole;
} MemberRow;

static const DbMap member_row_map =
    DB_MAP(MemberRow, "iit", iUser, iCouncil, zRole);

static struct {
  pthread_mutex_t mutex; /* Guards all below */
  int64_t iVersion;      /* Auth version read at; 0: none */
  Arena *pArena;         /* Owns the rows */
  Council *aCouncil;     /* By id */
  int nCouncil;
  MemberRow *aMember; /* By user, then council */
  int nMember;
} snap = {.mutex = PTHREAD_MUTEX_INITIALIZER};

/* Locks the snapshot, read again when the version moved; NULL (unlocked)
** when it cannot be used: the caller asks the database. */
static int snap_lock(Db *pDb) {
  int64_t iVersion = accounts_auth_version(pDb);
  if (iVersion < 0) return 0;
  pthread_mutex_lock(&snap.mutex);
  if (snap.iVersion == iVersion && snap.pArena) return 1;
  Arena *pArena = arena_new();
  Council *aCouncil = NULL;
  MemberRow *aMember = NULL;
  int nCouncil = 0, nMember = 0;
  if (db_rows_map(db_prepare(pDb, "SELECT " COUNCIL_COLUMNS "ORDER BY id"),
                  pArena, &council_map, &aCouncil, &nCouncil) != DB_OK ||
      db_list(pDb, pArena, &member_row_map, &aMember, &nMember,
              "SELECT user_id, council_id, role FROM council_members "
              "ORDER BY user_id, council_id") != DB_OK) {
    pthread_mutex_unlock(&snap.mutex);
    arena_free(pArena);
    return 0;
  }
  arena_free(snap.pArena);
  snap.pArena = pArena;
  snap.iVersion = iVersion;
  snap.aCouncil = aCouncil;
  snap.nCouncil = nCouncil;
  snap.aMember = aMember;
  snap.nMember = nMember;
  return 1;
}

static void snap_unlock(void) { pthread_mutex_unlock(&snap.mutex); }

static const Council *snap_council(int64_t iCouncil) {
  for (int i = 0; i < snap.nCouncil; i++) {
    if (snap.aCouncil[i].id == iCouncil) return &snap.aCouncil[i];
  }
  return NULL;
}

/* A copy of *c in pArena (the snapshot may be replaced once unlocked). */
static int council_copy(Arena *pArena, const Council *c, Council *pOut) {
  if (!c) {
    memset(pOut, 0, sizeof(*pOut));
    return DB_DONE;
  }
  *pOut = *c;
  pOut->zName = arena_strdup(pArena, c->zName);
  pOut->zShortName = arena_strdup(pArena, c->zShortName);
  pOut->zInstitution = arena_strdup(pArena, c->zInstitution);
  pOut->zRegion = arena_strdup(pArena, c->zRegion);
  pOut->zSeatCommune = arena_strdup(pArena, c->zSeatCommune);
  pOut->zSlug = arena_strdup(pArena, c->zSlug);
  pOut->zLogoUrl = arena_strdup(pArena, c->zLogoUrl);
  pOut->zTermStart = arena_strdup(pArena, c->zTermStart);
  pOut->zTermEnd = arena_strdup(pArena, c->zTermEnd);
  return DB_OK;
}

/* The first of iUser's memberships (by council), or NULL; *pn how many. */
static const MemberRow *snap_member_first(int64_t iUser, int *pn) {
  int lo = 0, hi = snap.nMember;
  while (lo < hi) {
    int mid = lo + (hi - lo) / 2;
    if (snap.aMember[mid].iUser < iUser) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  int n = 0;
  while (lo + n < snap.nMember && snap.aMember[lo + n].iUser == iUser) n++;
  *pn = n;
  return n ? &snap.aMember[lo] : NULL;
}

/* A council's row with its data version read in the same round trip and
** handed to the database layer (db_version_read): the page that needs the
** row then asks for its version without another query (issue 22). */
typedef struct CouncilRead {
  Council c;
  int64_t iDataVersion;
} CouncilRead;

static const DbMap council_read_map =
    DB_MAP_FIX(CouncilRead, NULL, "itttttnttttni", c.id, c.zName, c.zShortName,
               c.zInstitution, c.zRegion, c.zSeatCommune, c.nTermYears, c.zSlug,
               c.zLogoUrl, c.zTermStart, c.zTermEnd, c.iVersion, iDataVersion);

#define COUNCIL_READ_COLUMNS                                       \
  "id, name, short_name, institution, coalesce(region_code, ''), " \
  "coalesce(seat_commune_code, ''), term_years, slug, logo_url, "  \
  "term_start, term_end, version, " DB_COUNCIL_VERSION_SQL(        \
      "councils.id") " FROM councils "

/* Reads the one row of pStmt into *pCouncil and remembers its version. */
static int council_read(Db *pDb, Arena *pArena, DbStmt *pStmt,
                        Council *pCouncil) {
  CouncilRead row;
  memset(&row, 0, sizeof(row));
  int rc = db_row_map(pStmt, pArena, &council_read_map, &row);
  if (rc == DB_OK) {
    row.c.nTermYears = term_years(row.c.nTermYears);
    db_version_read(pDb, row.c.id, row.iDataVersion);
  }
  *pCouncil = row.c;
  return rc;
}

/* Whether the snapshot may serve council c in this request: only when the
** request has read its data version already (council_read, or the page
** cache) and knows the auth version (its session check read it). Otherwise
** council_read() costs the one round trip that reads the row and its data
** version together, where the snapshot would cost one for the auth version
** and the page another for the data version. Called with the snapshot
** locked or c NULL. */
static int snap_serves(Db *pDb, const Council *c) {
  return c && db_version_recalled(pDb, c->id) >= 0;
}

/* Which council a lookup asks for: the first, the one with an id, or the
** one with a slug. */
typedef struct SnapAsk {
  int bFirst;
  int64_t id;
  const char *zSlug;
} SnapAsk;

/* The council asked for, from the snapshot when it may serve it
** (snap_serves): DB_OK, or DB_DONE when there is none; -1 when the caller
** is to read it with council_read(). */
static int snap_get(Db *pDb, Arena *pArena, const SnapAsk *pAsk,
                    Council *pCouncil) {
  if (!accounts_auth_version_known(pDb) || !snap_lock(pDb)) return -1;
  const Council *c = NULL;
  if (pAsk->bFirst) {
    c = snap.nCouncil ? &snap.aCouncil[0] : NULL;
  } else if (pAsk->zSlug) {
    for (int i = 0; i < snap.nCouncil && !c; i++) {
      if (strcmp(snap.aCouncil[i].zSlug, pAsk->zSlug) == 0) {
        c = &snap.aCouncil[i];
      }
    }
  } else {
    c = snap_council(pAsk->id);
  }
  int rc = -1;
  if (!c || snap_serves(pDb, c)) rc = council_copy(pArena, c, pCouncil);
  snap_unlock();
  return rc;
}

/* The council asked for: from the snapshot when it may serve it, else
** from the database (with its data version, in one round trip). */
static int council_lookup(Db *pDb, Arena *pArena, const SnapAsk *pAsk,
                          Council *pCouncil) {
  int rc = snap_get(pDb, pArena, pAsk, pCouncil);
  if (rc >= 0) return rc;
  DbStmt *pStmt;
  if (pAsk->bFirst) {
    pStmt = db_prepare(pDb, "SELECT " COUNCIL_READ_COLUMNS
                            "WHERE id = (SELECT min(id) FROM councils)");
  } else if (pAsk->zSlug) {
    pStmt = db_query(pDb, "SELECT " COUNCIL_READ_COLUMNS "WHERE slug = ?",
                     DB_T(pAsk->zSlug));
  } else {
    pStmt = db_query(pDb, "SELECT " COUNCIL_READ_COLUMNS "WHERE id = ?",
                     DB_I(pAsk->id));
  }
  return council_read(pDb, pArena, pStmt, pCouncil);
}

int council_get_first(Db *pDb, Arena *pArena, Council *pCouncil) {
  const SnapAsk ask = {.bFirst = 1};
  return council_lookup(pDb, pArena, &ask, pCouncil);
}

int64_t council_default_id(Db *pDb) {
  if (snap_lock(pDb)) {
    int64_t i = snap.nCouncil ? snap.aCouncil[0].id : 0;
    snap_unlock();
    return i;
  }
  return db_query_int64(pDb, "SELECT coalesce(min(id), 0) FROM councils", 0);
}

int council_count(Db *pDb) {
  if (snap_lock(pDb)) {
    int n = snap.nCouncil;
    snap_unlock();
    return n;
  }
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
  if (snap_lock(pDb)) {
    int b = snap_council(iCouncil) != NULL;
    snap_unlock();
    return b;
  }
  return db_int(pDb, 0, "SELECT 1 FROM councils WHERE id = ?",
                DB_I(iCouncil)) == 1;
}

int council_get(Db *pDb, Arena *pArena, int64_t iCouncil, Council *pCouncil) {
  const SnapAsk ask = {.id = iCouncil};
  return council_lookup(pDb, pArena, &ask, pCouncil);
}

int council_list(Db *pDb, Arena *pArena, Council **paCouncil, int *pnCouncil) {
  if (snap_lock(pDb)) {
    int n = snap.nCouncil;
    Council *a = n ? arena_alloc(pArena, sizeof(*a) * (size_t)n) : NULL;
    for (int i = 0; i < n; i++) council_copy(pArena, &snap.aCouncil[i], &a[i]);
    snap_unlock();
    *paCouncil = a;
    *pnCouncil = n;
    return DB_OK;
  }
  return db_rows_map(db_prepare(pDb, "SELECT " COUNCIL_COLUMNS "ORDER BY id"),
                     pArena, &council_map, paCouncil, pnCouncil);
}

int council_term_years(Db *pDb, int64_t iCouncil) {
  if (snap_lock(pDb)) {
    const Council *c = snap_council(iCouncil);
    int n = c ? c->nTermYears : term_years(0);
    snap_unlock();
    return n;
  }
  return term_years(db_int(
      pDb, 0, "SELECT term_years FROM councils WHERE id = ?", DB_I(iCouncil)));
}

int council_get_by_slug(Db *pDb, Arena *pArena, const char *zSlug,
                        Council *pCouncil) {
  const SnapAsk ask = {.zSlug = zSlug};
  return council_lookup(pDb, pArena, &ask, pCouncil);
}

int64_t council_only_id(Db *pDb) {
  if (snap_lock(pDb)) {
    int64_t i = snap.nCouncil == 1 ? snap.aCouncil[0].id : 0;
    snap_unlock();
    return i;
  }
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
  accounts_auth_forget(pDb); /* The rest of the request sees it */
  return rc == DB_OK ? DB_OK : DB_ERROR;
}

int council_set_term_years(Db *pDb, int64_t iCouncil, int nYears) {
  int rc = db_exec(pDb,
                   "UPDATE councils SET term_years = ?, version = version + 1 "
                   "WHERE id = ?",
                   DB_I(nYears), DB_I(iCouncil));
  accounts_auth_forget(pDb); /* The rest of the request sees it */
  return rc;
}

int council_update(Db *pDb, int64_t iUser, const Council *pCouncil) {
  const char *zRegion =
      pCouncil->zRegion && *pCouncil->zRegion ? pCouncil->zRegion : NULL;
  const char *zSeat = pCouncil->zSeatCommune && *pCouncil->zSeatCommune
                          ? pCouncil->zSeatCommune
                          : NULL;
  int rc =
      db_exec(pDb,
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
  accounts_auth_forget(pDb); /* The rest of the request sees it */
  return rc;
}

/* ---- Who belongs to it ---- */

const char *council_member_role(Db *pDb, Arena *pArena, int64_t iUser,
                                int64_t iCouncil) {
  if (snap_lock(pDb)) {
    int n = 0;
    const MemberRow *p = snap_member_first(iUser, &n);
    const char *zRole = NULL;
    for (int i = 0; i < n && !zRole; i++) {
      if (p[i].iCouncil == iCouncil) zRole = arena_strdup(pArena, p[i].zRole);
    }
    snap_unlock();
    return zRole;
  }
  return db_text(pDb, pArena,
                 "SELECT role FROM council_members WHERE user_id = ? AND "
                 "council_id = ?",
                 DB_I(iUser), DB_I(iCouncil));
}

int council_member_count(Db *pDb, int64_t iUser) {
  if (snap_lock(pDb)) {
    int n = 0;
    snap_member_first(iUser, &n);
    snap_unlock();
    return n;
  }
  return db_int(pDb, 0,
                "SELECT count(*) FROM council_members WHERE user_id = ?",
                DB_I(iUser));
}

int64_t council_member_first(Db *pDb, int64_t iUser) {
  if (snap_lock(pDb)) {
    int n = 0;
    const MemberRow *p = snap_member_first(iUser, &n);
    int64_t i = p ? p->iCouncil : 0;
    snap_unlock();
    return i;
  }
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
  int rc = db_exec(pDb,
                   "INSERT INTO council_members(user_id, council_id, role, "
                   "created_at) VALUES (?, ?, ?, ?) ON CONFLICT (user_id, "
                   "council_id) DO UPDATE SET role = excluded.role",
                   DB_I(iUser), DB_I(iCouncil), DB_T(zRole), DB_I(db_now()));
  accounts_auth_forget(pDb); /* The rest of the request sees it */
  return rc;
}

int council_member_set_all(Db *pDb, int64_t iUser, const char *zRole) {
  int rc = db_exec(pDb, "UPDATE council_members SET role = ? WHERE user_id = ?",
                   DB_T(zRole), DB_I(iUser));
  accounts_auth_forget(pDb); /* The rest of the request sees it */
  return rc;
}

int64_t council_session_choice(Db *pDb, int64_t iSession) {
  int64_t iCouncil = 0;
  if (accounts_auth_session_council(pDb, iSession, &iCouncil)) return iCouncil;
  return db_int(pDb, 0,
                "SELECT coalesce(council_id, 0) FROM sessions WHERE id = ?",
                DB_I(iSession));
}

int council_session_choose(Db *pDb, int64_t iSession, int64_t iCouncil) {
  int rc = db_exec(pDb, "UPDATE sessions SET council_id = ? WHERE id = ?",
                   DB_IN(iCouncil), DB_I(iSession));
  accounts_auth_forget(pDb); /* The choice is read again */
  return rc;
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
                "(su código CUT, de cinco dígitos).");
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
