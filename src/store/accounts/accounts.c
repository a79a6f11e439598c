/*
** Accounts (see accounts.h): validation, hashing, and the SQL for users,
** sessions, API tokens and sign-in attempts.
*/
#include "store/accounts/accounts.h"

#include <ctype.h>
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

const char *accounts_email_problem(const char *zEmail) {
  if (!zEmail || !*zEmail) return "Escriba un correo electrónico.";
  size_t n = strlen(zEmail);
  if (n > 254) return "El correo electrónico es demasiado largo.";
  const char *zAt = strchr(zEmail, '@');
  if (!zAt || zAt == zEmail || strchr(zAt + 1, '@')) {
    return "Escriba un correo electrónico válido, como nombre@ejemplo.cl.";
  }
  const char *zDot = strchr(zAt + 1, '.');
  if (!zDot || zDot == zAt + 1 || zDot[1] == 0 || zEmail[n - 1] == '.') {
    return "Escriba un correo electrónico válido, como nombre@ejemplo.cl.";
  }
  for (const char *z = zEmail; *z; z++) {
    unsigned char c = (unsigned char)*z;
    if (c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == '"' ||
        c == ',' || c == ';') {
      return "El correo electrónico no puede tener espacios ni los signos "
             "< > \" , ;";
    }
  }
  return NULL;
}

const char *accounts_email_normalize(Arena *pArena, const char *zEmail) {
  char *z = arena_strdup(pArena, zEmail ? zEmail : "");
  for (char *p = z; *p; p++) *p = (char)tolower((unsigned char)*p);
  return z;
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
#define FAIL_FIELD(F, MSG)        \
  do {                            \
    *pzErr = (MSG);               \
    if (pzField) *pzField = (F);  \
    return DB_ERROR;              \
  } while (0)
  if ((zProblem = accounts_email_problem(zEmail))) FAIL_FIELD("email", zProblem);
  if ((zProblem = accounts_name_problem(zName))) FAIL_FIELD("name", zProblem);
  if (!accounts_role_bit(zRole)) {
    FAIL_FIELD("role", "Elija un rol: admin, consejero o autoridad.");
  }
  if ((zProblem = accounts_password_problem(zPassword, zName, zEmail))) {
    FAIL_FIELD("password", zProblem);
  }
  const char *zHash = accounts_password_hash(pArena, zPassword);
  if (!zHash) FAIL_FIELD(NULL, "No se pudo proteger la contraseña.");
  const char *zLower = accounts_email_normalize(pArena, zEmail);
  int64_t tNow = db_now();
  DbStmt *pStmt = db_prepare(pDb,
                             "INSERT INTO users(email, name, role, "
                             "password_hash, created_at, updated_at) "
                             "VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
  if (!pStmt) FAIL_FIELD(NULL, "No se pudo guardar el usuario.");
  db_bind_text(pStmt, 1, zLower);
  db_bind_text(pStmt, 2, zName);
  db_bind_text(pStmt, 3, zRole);
  db_bind_text(pStmt, 4, zHash);
  db_bind_int64(pStmt, 5, tNow);
  db_bind_int64(pStmt, 6, tNow);
  int rc = db_step(pStmt);
  if (rc == DB_ROW && piId) *piId = db_column_int64(pStmt, 0);
  db_done(pStmt);
  if (rc == DB_CONSTRAINT) {
    FAIL_FIELD("email", "Ya existe un usuario con ese correo electrónico.");
  }
  if (rc != DB_ROW) FAIL_FIELD(NULL, "No se pudo guardar el usuario.");
#undef FAIL_FIELD
  return DB_OK;
}

/* Fills *pUser from columns 0..3 (id, email, name, role) of pStmt. */
static void user_from_row(DbStmt *pStmt, Arena *pArena, User *pUser) {
  pUser->id = db_column_int64(pStmt, 0);
  pUser->zEmail = arena_strdup(pArena, db_column_text(pStmt, 1));
  pUser->zName = arena_strdup(pArena, db_column_text(pStmt, 2));
  pUser->zRole = arena_strdup(pArena, db_column_text(pStmt, 3));
  pUser->mRole = accounts_role_bit(pUser->zRole);
}

int accounts_user_by_email(Db *pDb, Arena *pArena, const char *zEmail,
                           User *pUser, const char **pzHash) {
  char zToday[11];
  accounts_today(zToday);
  DbStmt *pStmt = db_prepare(pDb,
                             "SELECT u.id, u.email, u.name, u.role, "
                             "u.password_hash FROM users u WHERE u.email = ? "
                             "AND " ACCOUNTS_USABLE_SQL);
  if (!pStmt) return DB_ERROR;
  db_bind_text(pStmt, 1, accounts_email_normalize(pArena, zEmail));
  db_bind_text(pStmt, 2, zToday);
  int rc = db_step(pStmt);
  if (rc == DB_ROW) {
    user_from_row(pStmt, pArena, pUser);
    if (pzHash) *pzHash = arena_strdup(pArena, db_column_text(pStmt, 4));
  }
  db_done(pStmt);
  return rc == DB_ROW ? DB_OK : (rc == DB_DONE ? DB_DONE : DB_ERROR);
}

int accounts_user_by_id(Db *pDb, Arena *pArena, int64_t iId, User *pUser,
                        const char **pzHash) {
  char zToday[11];
  accounts_today(zToday);
  DbStmt *pStmt = db_prepare(pDb,
                             "SELECT u.id, u.email, u.name, u.role, "
                             "u.password_hash FROM users u WHERE u.id = ? "
                             "AND " ACCOUNTS_USABLE_SQL);
  if (!pStmt) return DB_ERROR;
  db_bind_int64(pStmt, 1, iId);
  db_bind_text(pStmt, 2, zToday);
  int rc = db_step(pStmt);
  if (rc == DB_ROW) {
    user_from_row(pStmt, pArena, pUser);
    if (pzHash) *pzHash = arena_strdup(pArena, db_column_text(pStmt, 4));
  }
  db_done(pStmt);
  return rc == DB_ROW ? DB_OK : (rc == DB_DONE ? DB_DONE : DB_ERROR);
}

int accounts_set_password(Db *pDb, Arena *pArena, int64_t iUserId,
                          const char *zPassword, int64_t iKeepSession) {
  const char *zHash = accounts_password_hash(pArena, zPassword);
  if (!zHash) return DB_ERROR;
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  DbStmt *pUpd = db_prepare(pDb,
                            "UPDATE users SET password_hash = ?, "
                            "updated_at = ?, version = version + 1 "
                            "WHERE id = ?");
  if (!pUpd) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  db_bind_text(pUpd, 1, zHash);
  db_bind_int64(pUpd, 2, db_now());
  db_bind_int64(pUpd, 3, iUserId);
  int rc = db_step(pUpd);
  db_done(pUpd);
  /* A changed password must lock out whoever knew the old one: end every
  ** other session of this user. */
  DbStmt *pDel = db_prepare(pDb,
                            "DELETE FROM sessions WHERE user_id = ? "
                            "AND id <> ?");
  if (!pDel) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  db_bind_int64(pDel, 1, iUserId);
  db_bind_int64(pDel, 2, iKeepSession);
  int rc2 = db_step(pDel);
  db_done(pDel);
  if (rc != DB_DONE || rc2 != DB_DONE) {
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
  DbStmt *pStmt = db_prepare(pDb,
                             "INSERT INTO sessions(token_hash, user_id, "
                             "created_at, last_seen_at, expires_at) "
                             "VALUES (?, ?, ?, ?, ?) RETURNING id");
  if (!pStmt) return DB_ERROR;
  db_bind_text(pStmt, 1, zHash);
  db_bind_int64(pStmt, 2, iUserId);
  db_bind_int64(pStmt, 3, tNow);
  db_bind_int64(pStmt, 4, tNow);
  db_bind_int64(pStmt, 5, tNow + ACCOUNTS_SESSION_IDLE_SECONDS);
  int rc = db_step(pStmt);
  if (rc == DB_ROW && piSession) *piSession = db_column_int64(pStmt, 0);
  db_done(pStmt);
  return rc == DB_ROW ? DB_OK : DB_ERROR;
}

int accounts_session_lookup(Db *pDb, Arena *pArena, const char *zToken,
                            User *pUser, int64_t *piSession) {
  if (!zToken || strlen(zToken) != ACCOUNTS_TOKEN_CHARS) return DB_DONE;
  char zHash[65];
  accounts_token_hash(zToken, zHash);
  int64_t tNow = db_now();
  char zToday[11];
  accounts_today(zToday);
  DbStmt *pStmt = db_prepare(pDb,
                             "SELECT u.id, u.email, u.name, u.role, s.id, "
                             "s.last_seen_at FROM sessions s "
                             "JOIN users u ON u.id = s.user_id "
                             "WHERE s.token_hash = ? AND s.expires_at > ? "
                             "AND " ACCOUNTS_USABLE_SQL);
  if (!pStmt) return DB_ERROR;
  db_bind_text(pStmt, 1, zHash);
  db_bind_int64(pStmt, 2, tNow);
  db_bind_text(pStmt, 3, zToday);
  int rc = db_step(pStmt);
  int64_t iSession = 0, tSeen = 0;
  if (rc == DB_ROW) {
    user_from_row(pStmt, pArena, pUser);
    iSession = db_column_int64(pStmt, 4);
    tSeen = db_column_int64(pStmt, 5);
  }
  db_done(pStmt);
  if (rc != DB_ROW) return rc == DB_DONE ? DB_DONE : DB_ERROR;
  if (piSession) *piSession = iSession;
  if (tNow - tSeen >= SESSION_TOUCH_SECONDS) {
    DbStmt *pTouch = db_prepare(pDb,
                                "UPDATE sessions SET last_seen_at = ?, "
                                "expires_at = ? WHERE id = ?");
    /* Not touching it only shortens the session: no error to report. */
    if (pTouch) {
      db_bind_int64(pTouch, 1, tNow);
      db_bind_int64(pTouch, 2, tNow + ACCOUNTS_SESSION_IDLE_SECONDS);
      db_bind_int64(pTouch, 3, iSession);
      db_step(pTouch);
      db_done(pTouch);
    }
  }
  return DB_OK;
}

void accounts_session_delete(Db *pDb, int64_t iSession) {
  DbStmt *pStmt = db_prepare(pDb, "DELETE FROM sessions WHERE id = ?");
  if (!pStmt) return;
  db_bind_int64(pStmt, 1, iSession);
  db_step(pStmt);
  db_done(pStmt);
}

int accounts_token_create(Db *pDb, int64_t iUserId, const char *zLabel,
                          char zToken[ACCOUNTS_TOKEN_MAX]) {
  char zHash[65];
  accounts_random_token(zToken);
  accounts_token_hash(zToken, zHash);
  char zPrefix[ACCOUNTS_TOKEN_PREFIX + 1];
  memcpy(zPrefix, zToken, ACCOUNTS_TOKEN_PREFIX);
  zPrefix[ACCOUNTS_TOKEN_PREFIX] = 0;
  DbStmt *pStmt = db_prepare(pDb,
                             "INSERT INTO api_tokens(token_hash, user_id, "
                             "label, created_at, token_prefix) "
                             "VALUES (?, ?, ?, ?, ?)");
  if (!pStmt) return DB_ERROR;
  db_bind_text(pStmt, 1, zHash);
  db_bind_int64(pStmt, 2, iUserId);
  db_bind_text(pStmt, 3, zLabel ? zLabel : "");
  db_bind_int64(pStmt, 4, db_now());
  db_bind_text(pStmt, 5, zPrefix);
  int rc = db_step(pStmt);
  db_done(pStmt);
  return rc == DB_DONE ? DB_OK : DB_ERROR;
}

int accounts_token_lookup(Db *pDb, Arena *pArena, const char *zToken,
                          User *pUser) {
  if (!zToken || strlen(zToken) != ACCOUNTS_TOKEN_CHARS) return DB_DONE;
  char zHash[65];
  accounts_token_hash(zToken, zHash);
  char zToday[11];
  accounts_today(zToday);
  int64_t tNow = db_now();
  DbStmt *pStmt =
      db_prepare(pDb,
                 "SELECT u.id, u.email, u.name, u.role, t.id, "
                 "t.last_used_at FROM api_tokens t JOIN users u "
                 "ON u.id = t.user_id WHERE t.token_hash = ? "
                 "AND t.revoked_at IS NULL AND " ACCOUNTS_USABLE_SQL);
  if (!pStmt) return DB_ERROR;
  db_bind_text(pStmt, 1, zHash);
  db_bind_text(pStmt, 2, zToday);
  int rc = db_step(pStmt);
  int64_t iToken = 0, tUsed = 0;
  if (rc == DB_ROW) {
    user_from_row(pStmt, pArena, pUser);
    iToken = db_column_int64(pStmt, 4);
    tUsed = db_column_int64(pStmt, 5);
  }
  db_done(pStmt);
  if (rc != DB_ROW) return rc == DB_DONE ? DB_DONE : DB_ERROR;
  /* The officer's list shows when each token was last used; to the minutes
  ** is enough, and spares a write on every API call. */
  if (tNow - tUsed >= SESSION_TOUCH_SECONDS) {
    DbStmt *pTouch = db_prepare(pDb,
                                "UPDATE api_tokens SET last_used_at = ? "
                                "WHERE id = ?");
    if (pTouch) { /* Best effort: the request is not refused for it */
      db_bind_int64(pTouch, 1, tNow);
      db_bind_int64(pTouch, 2, iToken);
      db_step(pTouch);
      db_done(pTouch);
    }
  }
  return DB_OK;
}

int accounts_council_names(Db *pDb, Arena *pArena, const char **pzName,
                           const char **pzShortName) {
  *pzName = *pzShortName = NULL;
  DbStmt *pStmt = db_prepare(pDb,
                             "SELECT name, short_name FROM councils "
                             "ORDER BY id LIMIT 1");
  if (!pStmt) return 0;
  int bFound = db_step(pStmt) == DB_ROW;
  if (bFound) {
    *pzName = arena_strdup(pArena, db_column_text(pStmt, 0));
    *pzShortName = arena_strdup(pArena, db_column_text(pStmt, 1));
  }
  db_done(pStmt);
  return bFound;
}

const char *accounts_setting(Db *pDb, Arena *pArena, const char *zKey) {
  DbStmt *pStmt = db_prepare(pDb, "SELECT value FROM settings WHERE key = ?");
  if (!pStmt) return NULL;
  db_bind_text(pStmt, 1, zKey);
  const char *zValue = NULL;
  if (db_step(pStmt) == DB_ROW) {
    zValue = arena_strdup(pArena, db_column_text(pStmt, 0));
  }
  db_done(pStmt);
  return zValue;
}

int accounts_ensure_secrets(Db *pDb) {
  unsigned char aKey[crypto_auth_hmacsha256_KEYBYTES];
  char zHex[sizeof(aKey) * 2 + 1];
  crypto_auth_hmacsha256_keygen(aKey);
  sodium_bin2hex(zHex, sizeof(zHex), aKey, sizeof(aKey));
  sodium_memzero(aKey, sizeof(aKey));
  DbStmt *pStmt = db_prepare(pDb,
                             "INSERT INTO settings(key, value) VALUES "
                             "('csrf_key', ?) ON CONFLICT (key) DO NOTHING");
  if (!pStmt) return DB_ERROR;
  db_bind_text(pStmt, 1, zHex);
  int rc = db_step(pStmt);
  db_done(pStmt);
  sodium_memzero(zHex, sizeof(zHex));
  return rc == DB_DONE ? DB_OK : DB_ERROR;
}
