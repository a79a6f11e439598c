/*
** Accounts (see accounts.h): validation, hashing, and the SQL for users,
** sessions, API tokens and sign-in attempts.
*/
#include "store/accounts/accounts.h"

#include <ctype.h>
#include <stdint.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "domain/chile_time.h"
#include "util/text.h"

/* argon2id cost: OWASP's recommended minimum (19 MiB, 2 passes). Sodium's
** "interactive" preset needs 64 MiB a sign-in, which on a 2-core server
** would let a handful of simultaneous sign-ins dominate memory. */
#define PWHASH_OPSLIMIT 2
#define PWHASH_MEMLIMIT (19u * 1024 * 1024)

/* Touch a session's last_seen_at at most this often: a write per page view
** would serialize every request on the database's write lock. */
#define SESSION_TOUCH_SECONDS 300

int accounts_init(void) { return sodium_init() < 0 ? -1 : 0; }

typedef struct RoleInfo {
  const char *zSlug;  /* As stored and in the API */
  int mBit;           /* ROLE_ bit */
  const char *zLabel; /* Spanish, for display */
} RoleInfo;

static const RoleInfo aRole[] = {
    {"admin", ROLE_ADMIN, "Encargada/o de Participación Ciudadana"},
    {"consejero", ROLE_CONSEJERO, "Consejero/a"},
    {"autoridad", ROLE_AUTORIDAD, "Autoridad"},
};

int accounts_role_bit(const char *zRole) {
  for (size_t i = 0; zRole && i < sizeof(aRole) / sizeof(aRole[0]); i++) {
    if (strcmp(aRole[i].zSlug, zRole) == 0) return aRole[i].mBit;
  }
  return 0;
}

const char *accounts_role_label(const char *zRole) {
  for (size_t i = 0; zRole && i < sizeof(aRole) / sizeof(aRole[0]); i++) {
    if (strcmp(aRole[i].zSlug, zRole) == 0) return aRole[i].zLabel;
  }
  return "";
}

const char *accounts_name_problem(const char *zName) {
  if (!zName) return "Escriba el nombre.";
  const char *z = zName;
  while (*z == ' ') z++;
  if (!*z) return "Escriba el nombre.";
  if (strlen(zName) > 200) return "El nombre es demasiado largo.";
  return text_single_line_problem(zName);
}

void accounts_random_token(char zOut[ACCOUNTS_TOKEN_MAX]) {
  unsigned char aRand[32];
  randombytes_buf(aRand, sizeof(aRand));
  sodium_bin2base64(zOut, ACCOUNTS_TOKEN_MAX, aRand, sizeof(aRand),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

void accounts_token_hash(const char *zToken, char zOut[65]) {
  unsigned char aHash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(aHash, (const unsigned char *)zToken, strlen(zToken));
  sodium_bin2hex(zOut, 65, aHash, sizeof(aHash));
}

const char *accounts_password_hash(Arena *pArena, const char *zPassword) {
  char *zHash = arena_alloc(pArena, crypto_pwhash_STRBYTES);
  if (crypto_pwhash_str_alg(zHash, zPassword, strlen(zPassword),
                            PWHASH_OPSLIMIT, PWHASH_MEMLIMIT,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return NULL;
  }
  return zHash;
}

int accounts_password_verify(const char *zHash, const char *zPassword) {
  if (!zHash || !zPassword) return 0;
  return crypto_pwhash_str_verify(zHash, zPassword, strlen(zPassword)) == 0;
}

/* A hash of the same cost as real ones, made once per process, that no
** password matches in practice: checked when there is no account, so that
** a wrong e-mail costs exactly what a wrong password costs. */
static char g_zDummyHash[crypto_pwhash_STRBYTES];
static pthread_once_t g_dummyOnce = PTHREAD_ONCE_INIT;

static void dummy_hash_make(void) {
  char zRandom[ACCOUNTS_TOKEN_MAX];
  accounts_random_token(zRandom);
  if (crypto_pwhash_str_alg(g_zDummyHash, zRandom, strlen(zRandom),
                            PWHASH_OPSLIMIT, PWHASH_MEMLIMIT,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    g_zDummyHash[0] = 0;
  }
  sodium_memzero(zRandom, sizeof(zRandom));
}

int accounts_password_check(const char *zHash, const char *zPassword) {
  if (!zPassword) zPassword = "";
  if (zHash && *zHash) return accounts_password_verify(zHash, zPassword);
  pthread_once(&g_dummyOnce, dummy_hash_make);
  if (g_zDummyHash[0]) accounts_password_verify(g_zDummyHash, zPassword);
  return 0;
}

void accounts_today(char zDay[11]) {
  LocalTime t;
  chile_time_from_utc(db_now(), &t, NULL);
  char z[32];
  snprintf(z, sizeof(z), "%04d-%02d-%02d", t.iYear, t.iMonth, t.iDay);
  memcpy(zDay, z, 10);
  zDay[10] = 0;
}

int accounts_user_create(Db *pDb, Arena *pArena, const char *zEmail,
                         const char *zName, const char *zRole,
                         const char *zPassword, int64_t *piId,
                         const char **pzErr, const char **pzField) {
  const char *zProblem;
  *pzErr = NULL;
  if (pzField) *pzField = NULL;
#define FAIL_FIELD(F, MSG)       \
  do {                           \
    *pzErr = (MSG);              \
    if (pzField) *pzField = (F); \
    return DB_ERROR;             \
  } while (0)
  if ((zProblem = email_problem(zEmail))) FAIL_FIELD("email", zProblem);
  if ((zProblem = accounts_name_problem(zName))) FAIL_FIELD("name", zProblem);
  if (!accounts_role_bit(zRole)) {
    FAIL_FIELD("role", "Elija un rol: admin, consejero o autoridad.");
  }
  if ((zProblem = accounts_password_problem(zPassword, zName, zEmail))) {
    FAIL_FIELD("password", zProblem);
  }
  const char *zHash = accounts_password_hash(pArena, zPassword);
  if (!zHash) FAIL_FIELD(NULL, "No se pudo proteger la contraseña.");
  const char *zLower = email_normalize(pArena, zEmail);
  int64_t tNow = db_now();
  int rc = db_exec_id(pDb,
                      "INSERT INTO users(email, name, role, password_hash, "
                      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
                      "RETURNING id",
                      piId, DB_T(zLower), DB_T(zName), DB_T(zRole), DB_T(zHash),
                      DB_I(tNow), DB_I(tNow));
  if (rc == DB_CONSTRAINT) {
    FAIL_FIELD("email", "Ya existe un usuario con ese correo electrónico.");
  }
  if (rc != DB_OK) FAIL_FIELD(NULL, "No se pudo guardar el usuario.");
#undef FAIL_FIELD
  return DB_OK;
}

/* A user (columns 0..3: id, email, name, role) and columns 4 and 5 of its
** query: the password hash, or the id and the last use of the session or
** token it was found by. */
typedef struct FoundUser {
  User user;
  const char *zHash;
  int64_t iWhich, tLast;
} FoundUser;

static void found_fix(DbStmt *pStmt, Arena *pArena, void *pRow) {
  FoundUser *u = pRow;
  u->user.mRole = accounts_role_bit(u->user.zRole);
  u->iWhich = db_column_int64(pStmt, 4); /* Column 4 read both ways */
  (void)pArena;
}

static const DbMap found_map =
    DB_MAP_FIX(FoundUser, found_fix, "itttti", user.id, user.zEmail, user.zName,
               user.zRole, zHash, tLast);

/* The user pStmt finds (and its hash when pzHash is not NULL). */
static int user_found(DbStmt *pStmt, Arena *pArena, User *pUser,
                      const char **pzHash) {
  FoundUser u;
  memset(&u, 0, sizeof(u));
  int rc = db_row_map(pStmt, pArena, &found_map, &u);
  if (rc == DB_OK) {
    *pUser = u.user;
    if (pzHash) *pzHash = u.zHash;
  }
  return rc;
}

int accounts_user_by_email(Db *pDb, Arena *pArena, const char *zEmail,
                           User *pUser, const char **pzHash) {
  char zToday[11];
  accounts_today(zToday);
  return user_found(
      db_query(pDb,
               "SELECT u.id, u.email, u.name, u.role, "
               "u.password_hash, 0 FROM users u WHERE u.email "
               "= ? AND " ACCOUNTS_USABLE_SQL,
               DB_T(email_normalize(pArena, zEmail)), DB_T(zToday)),
      pArena, pUser, pzHash);
}

int accounts_user_by_id(Db *pDb, Arena *pArena, int64_t iId, User *pUser,
                        const char **pzHash) {
  char zToday[11];
  accounts_today(zToday);
  return user_found(db_query(pDb,
                             "SELECT u.id, u.email, u.name, u.role, "
                             "u.password_hash, 0 FROM users u WHERE u.id = ? "
                             "AND " ACCOUNTS_USABLE_SQL,
                             DB_I(iId), DB_T(zToday)),
                    pArena, pUser, pzHash);
}

int accounts_set_password(Db *pDb, Arena *pArena, int64_t iUserId,
                          const char *zPassword, int64_t iKeepSession) {
  const char *zHash = accounts_password_hash(pArena, zPassword);
  if (!zHash) return DB_ERROR;
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  int rc = db_exec(pDb,
                   "UPDATE users SET password_hash = ?, updated_at = ?, "
                   "version = version + 1 WHERE id = ?",
                   DB_T(zHash), DB_I(db_now()), DB_I(iUserId));
  /* A changed password must lock out whoever knew the old one: end every
  ** other session of this user. */
  if (rc == DB_OK) {
    rc = db_exec(pDb, "DELETE FROM sessions WHERE user_id = ? AND id <> ?",
                 DB_I(iUserId), DB_I(iKeepSession));
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  return db_commit(pDb);
}

int accounts_session_create(Db *pDb, int64_t iUserId,
                            char zToken[ACCOUNTS_TOKEN_MAX],
                            int64_t *piSession) {
  char zHash[65];
  accounts_random_token(zToken);
  accounts_token_hash(zToken, zHash);
  int64_t tNow = db_now();
  return db_exec_id(pDb,
                    "INSERT INTO sessions(token_hash, user_id, created_at, "
                    "last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?) "
                    "RETURNING id",
                    piSession, DB_T(zHash), DB_I(iUserId), DB_I(tNow),
                    DB_I(tNow),
                    DB_I(tNow + ACCOUNTS_SESSION_IDLE_SECONDS)) == DB_OK
             ? DB_OK
             : DB_ERROR;
}

/* A session as found: the user, the session's id, last use, expiry and
** the council it chose. */
static void auth_found_fix(DbStmt *pStmt, Arena *pArena, void *pRow) {
  (void)pStmt;
  (void)pArena;
  AuthFound *f = pRow;
  f->user.mRole = accounts_role_bit(f->user.zRole);
}

static const DbMap session_map =
    DB_MAP_FIX(AuthFound, auth_found_fix, "itttiiii", user.id, user.zEmail,
               user.zName, user.zRole, iWhich, tLast, tExpires, iCouncil);
static const DbMap token_map =
    DB_MAP_FIX(AuthFound, auth_found_fix, "itttii", user.id, user.zEmail,
               user.zName, user.zRole, iWhich, tLast);

/* The usable account of a session and of an API token, from the hash of
** its token (parameters: the hash; now, for a session; today). */
#define AUTH_SESSION_SQL                                                \
  "SELECT u.id, u.email, u.name, u.role, s.id, s.last_seen_at, "        \
  "s.expires_at, coalesce(s.council_id, 0) FROM sessions s JOIN users " \
  "u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ? "  \
  "AND " ACCOUNTS_USABLE_SQL
#define AUTH_TOKEN_SQL                                                    \
  "SELECT u.id, u.email, u.name, u.role, t.id, "                          \
  "coalesce(t.last_used_at, 0) FROM api_tokens t JOIN users u ON u.id = " \
  "t.user_id WHERE t.token_hash = ? AND t.revoked_at IS NULL "            \
  "AND " ACCOUNTS_USABLE_SQL

/* The usable account of the session or API token zToken (eKind): from this
** process's cache while the auth version holds, else found from its hash
** and then kept. *pbTouch tells the caller to note the use in the
** database (at most every SESSION_TOUCH_SECONDS: a cached entry is not
** used past that). */
static int auth_lookup(Db *pDb, Arena *pArena, int eKind, const char *zToken,
                       int64_t tNow, AuthFound *pFound, int *pbTouch) {
  *pbTouch = 0;
  if (!zToken || strlen(zToken) != ACCOUNTS_TOKEN_CHARS) return DB_DONE;
  char zHash[65], zToday[11];
  accounts_token_hash(zToken, zHash);
  accounts_today(zToday);
  if (accounts_auth_cache_get(pDb, pArena, eKind, zHash, zToday, tNow,
                              SESSION_TOUCH_SECONDS, pFound)) {
    return DB_OK;
  }
  /* The version before the rows: a write between the two can only make the
  ** entry older than the data, never the other way round. */
  int64_t iVersion = accounts_auth_version(pDb);
  int bSession = eKind == AUTH_SESSION;
  DbArg aArg[] = {DB_T(zHash), DB_I(tNow), DB_T(zToday)};
  if (!bSession) aArg[1] = aArg[2];
  memset(pFound, 0, sizeof(*pFound));
  int rc = db_row_map(
      db_query_args(pDb, bSession ? AUTH_SESSION_SQL : AUTH_TOKEN_SQL, aArg,
                    bSession ? 3 : 2),
      pArena, bSession ? &session_map : &token_map, pFound);
  if (rc != DB_OK) return rc;
  if (!bSession) pFound->tExpires = INT64_MAX;
  if (tNow - pFound->tLast >= SESSION_TOUCH_SECONDS) {
    *pbTouch = 1;
    pFound->tLast = tNow;
    if (bSession) pFound->tExpires = tNow + ACCOUNTS_SESSION_IDLE_SECONDS;
  }
  accounts_auth_cache_put(pDb, eKind, zHash, zToday, iVersion, pFound);
  if (bSession) accounts_auth_session_seen(pFound, iVersion);
  return DB_OK;
}

int accounts_session_lookup(Db *pDb, Arena *pArena, const char *zToken,
                            User *pUser, int64_t *piSession) {
  int64_t tNow = db_now();
  AuthFound f;
  int bTouch = 0;
  int rc = auth_lookup(pDb, pArena, AUTH_SESSION, zToken, tNow, &f, &bTouch);
  if (rc != DB_OK) return rc;
  *pUser = f.user;
  if (piSession) *piSession = f.iWhich;
  if (bTouch) {
    /* Not touching it only shortens the session: no error to report. */
    db_exec(pDb,
            "UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id = ?",
            DB_I(f.tLast), DB_I(f.tExpires), DB_I(f.iWhich));
  }
  return DB_OK;
}

void accounts_session_delete(Db *pDb, int64_t iSession) {
  db_exec(pDb, "DELETE FROM sessions WHERE id = ?", DB_I(iSession));
  accounts_auth_forget(pDb);
}

int accounts_token_create(Db *pDb, int64_t iUserId, const char *zLabel,
                          char zToken[ACCOUNTS_TOKEN_MAX]) {
  char zHash[65];
  accounts_random_token(zToken);
  accounts_token_hash(zToken, zHash);
  char zPrefix[ACCOUNTS_TOKEN_PREFIX + 1];
  memcpy(zPrefix, zToken, ACCOUNTS_TOKEN_PREFIX);
  zPrefix[ACCOUNTS_TOKEN_PREFIX] = 0;
  return db_exec(pDb,
                 "INSERT INTO api_tokens(token_hash, user_id, label, "
                 "created_at, token_prefix) VALUES (?, ?, ?, ?, ?)",
                 DB_T(zHash), DB_I(iUserId), DB_TE(zLabel), DB_I(db_now()),
                 DB_T(zPrefix)) == DB_OK
             ? DB_OK
             : DB_ERROR;
}

int accounts_token_lookup(Db *pDb, Arena *pArena, const char *zToken,
                          User *pUser) {
  int64_t tNow = db_now();
  AuthFound f;
  int bTouch = 0;
  int rc = auth_lookup(pDb, pArena, AUTH_TOKEN, zToken, tNow, &f, &bTouch);
  if (rc != DB_OK) return rc;
  *pUser = f.user;
  /* The officer's list shows when each token was last used; to the minutes
  ** is enough, and spares a write on every API call. Best effort: the
  ** request is not refused for it. */
  if (bTouch) {
    db_exec(pDb, "UPDATE api_tokens SET last_used_at = ? WHERE id = ?",
            DB_I(tNow), DB_I(f.iWhich));
  }
  return DB_OK;
}
