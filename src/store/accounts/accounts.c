/*
** Accounts (see accounts.h): validation, hashing, and the SQL for users,
** sessions, API tokens and sign-in attempts.
*/
#include "store/accounts/accounts.h"

#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

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

const char *accounts_password_problem(const char *zPassword) {
  if (!zPassword || !*zPassword) return "Escriba una contraseña.";
  /* Counted in characters, not bytes: "contraseña" has 10. */
  size_t nChar = 0;
  for (const unsigned char *z = (const unsigned char *)zPassword; *z; z++) {
    if ((*z & 0xc0) != 0x80) nChar++;
  }
  if (nChar < ACCOUNTS_PASSWORD_MIN) {
    return "La contraseña debe tener al menos 8 caracteres.";
  }
  if (strlen(zPassword) > ACCOUNTS_PASSWORD_MAX) {
    return "La contraseña es demasiado larga (máximo 256 caracteres).";
  }
  return NULL;
}

const char *accounts_name_problem(const char *zName) {
  if (!zName) return "Escriba el nombre.";
  const char *z = zName;
  while (*z == ' ') z++;
  if (!*z) return "Escriba el nombre.";
  if (strlen(zName) > 200) return "El nombre es demasiado largo.";
  for (z = zName; *z; z++) {
    if ((unsigned char)*z < ' ') return "El nombre tiene caracteres no válidos.";
  }
  return NULL;
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
  if ((zProblem = email_problem(zEmail))) FAIL_FIELD("email", zProblem);
  if ((zProblem = accounts_name_problem(zName))) FAIL_FIELD("name", zProblem);
  if (!accounts_role_bit(zRole)) {
    FAIL_FIELD("role", "Elija un rol: admin, consejero o autoridad.");
  }
  if ((zProblem = accounts_password_problem(zPassword))) {
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

/* Fills the User at pRow from columns 0..3 (id, email, name, role). */
static void user_from_row(DbStmt *pStmt, Arena *pArena, void *pRow) {
  User *pUser = pRow;
  pUser->id = db_column_int64(pStmt, 0);
  pUser->zEmail = db_column_dup(pStmt, pArena, 1);
  pUser->zName = db_column_dup(pStmt, pArena, 2);
  pUser->zRole = db_column_dup(pStmt, pArena, 3);
  pUser->mRole = accounts_role_bit(pUser->zRole);
}

int accounts_user_list(Db *pDb, Arena *pArena, User **paUser, int *pnUser) {
  return db_rows(db_prepare(pDb,
                            "SELECT id, email, name, role FROM users "
                            "WHERE active = 1 ORDER BY name, id"),
                 pArena, user_from_row, sizeof(User), paUser, pnUser);
}

/* A user and, when pzHash is not NULL, the password hash (column 4). */
typedef struct UserRow {
  User user;
  const char *zHash;
  int64_t iExtra[2]; /* Columns 4 and 5 of a session lookup */
} UserRow;

static void user_hash_from_row(DbStmt *pStmt, Arena *pArena, void *pRow) {
  UserRow *u = pRow;
  user_from_row(pStmt, pArena, &u->user);
  u->zHash = db_column_dup(pStmt, pArena, 4);
}

static int user_with_hash(DbStmt *pStmt, Arena *pArena, User *pUser,
                          const char **pzHash) {
  UserRow u;
  int rc = db_row(pStmt, pArena, user_hash_from_row, &u);
  if (rc == DB_OK) {
    *pUser = u.user;
    if (pzHash) *pzHash = u.zHash;
  }
  return rc;
}

int accounts_user_by_email(Db *pDb, Arena *pArena, const char *zEmail,
                           User *pUser, const char **pzHash) {
  return user_with_hash(
      db_query(pDb,
               "SELECT id, email, name, role, password_hash FROM users WHERE "
               "email = ? AND active = 1",
               DB_T(email_normalize(pArena, zEmail))),
      pArena, pUser, pzHash);
}

int accounts_user_by_id(Db *pDb, Arena *pArena, int64_t iId, User *pUser,
                        const char **pzHash) {
  return user_with_hash(db_query(pDb,
                                 "SELECT id, email, name, role, password_hash "
                                 "FROM users WHERE id = ? AND active = 1",
                                 DB_I(iId)),
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
  int64_t tNow = db_now(), iSession = 0;
  int rc = db_exec_id(pDb,
                      "INSERT INTO sessions(token_hash, user_id, created_at, "
                      "last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?) "
                      "RETURNING id",
                      &iSession, DB_T(zHash), DB_I(iUserId), DB_I(tNow),
                      DB_I(tNow), DB_I(tNow + ACCOUNTS_SESSION_IDLE_SECONDS));
  if (piSession) *piSession = iSession;
  return rc == DB_OK ? DB_OK : DB_ERROR;
}

static void signin_from_row(DbStmt *pStmt, Arena *pArena, void *pRow) {
  UserRow *u = pRow;
  user_from_row(pStmt, pArena, &u->user);
  u->iExtra[0] = db_column_int64(pStmt, 4); /* The session's id */
  u->iExtra[1] = db_column_int64(pStmt, 5); /* When last seen */
}

int accounts_session_lookup(Db *pDb, Arena *pArena, const char *zToken,
                            User *pUser, int64_t *piSession) {
  if (!zToken || strlen(zToken) != ACCOUNTS_TOKEN_CHARS) return DB_DONE;
  char zHash[65];
  accounts_token_hash(zToken, zHash);
  int64_t tNow = db_now();
  UserRow u;
  int rc = db_row(db_query(pDb,
                           "SELECT u.id, u.email, u.name, u.role, s.id, "
                           "s.last_seen_at FROM sessions s JOIN users u ON "
                           "u.id = s.user_id WHERE s.token_hash = ? AND "
                           "s.expires_at > ? AND u.active = 1",
                           DB_T(zHash), DB_I(tNow)),
                  pArena, signin_from_row, &u);
  if (rc != DB_OK) return rc;
  *pUser = u.user;
  if (piSession) *piSession = u.iExtra[0];
  if (tNow - u.iExtra[1] >= SESSION_TOUCH_SECONDS) {
    db_exec(pDb,
            "UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id = ?",
            DB_I(tNow), DB_I(tNow + ACCOUNTS_SESSION_IDLE_SECONDS),
            DB_I(u.iExtra[0]));
  }
  return DB_OK;
}

void accounts_session_delete(Db *pDb, int64_t iSession) {
  db_exec(pDb, "DELETE FROM sessions WHERE id = ?", DB_I(iSession));
}

int accounts_token_create(Db *pDb, int64_t iUserId, const char *zLabel,
                          char zToken[ACCOUNTS_TOKEN_MAX]) {
  char zHash[65];
  accounts_random_token(zToken);
  accounts_token_hash(zToken, zHash);
  return db_exec(pDb,
                 "INSERT INTO api_tokens(token_hash, user_id, label, "
                 "created_at) VALUES (?, ?, ?, ?)",
                 DB_T(zHash), DB_I(iUserId), DB_TE(zLabel),
                 DB_I(db_now())) == DB_OK
             ? DB_OK
             : DB_ERROR;
}

int accounts_token_lookup(Db *pDb, Arena *pArena, const char *zToken,
                          User *pUser) {
  if (!zToken || strlen(zToken) != ACCOUNTS_TOKEN_CHARS) return DB_DONE;
  char zHash[65];
  accounts_token_hash(zToken, zHash);
  return db_row(db_query(pDb,
                         "SELECT u.id, u.email, u.name, u.role FROM "
                         "api_tokens t JOIN users u ON u.id = t.user_id WHERE "
                         "t.token_hash = ? AND t.revoked_at IS NULL AND "
                         "u.active = 1",
                         DB_T(zHash)),
                pArena, user_from_row, pUser);
}

int accounts_login_throttled(Db *pDb, const char *zEmail,
                             const char *zAddress) {
  int64_t tSince = db_now() - ACCOUNTS_THROTTLE_WINDOW_SECONDS;
  /* Per account: failures since the later of the window start and the last
  ** successful sign-in, so that a user who finally gets it right starts
  ** clean. */
  int64_t nAcct = db_int(
      pDb, 0,
      "SELECT count(*) FROM login_attempts WHERE email = ? AND success = 0 "
      "AND at > ? AND at >= coalesce((SELECT max(at) FROM login_attempts "
      "WHERE email = ? AND success = 1), 0)",
      DB_T(zEmail), DB_I(tSince), DB_T(zEmail));
  if (nAcct >= ACCOUNTS_THROTTLE_PER_ACCOUNT) return 1;
  return db_int(pDb, 0,
                "SELECT count(*) FROM login_attempts WHERE address = ? AND "
                "success = 0 AND at > ?",
                DB_T(zAddress), DB_I(tSince)) >= ACCOUNTS_THROTTLE_PER_ADDRESS;
}

void accounts_login_record(Db *pDb, const char *zEmail, const char *zAddress,
                           int bSuccess) {
  int64_t tNow = db_now();
  db_exec(pDb,
          "INSERT INTO login_attempts(email, address, at, success) VALUES "
          "(?, ?, ?, ?)",
          DB_T(zEmail), DB_T(zAddress), DB_I(tNow), DB_I(bSuccess ? 1 : 0));
  /* Old attempts say nothing any more: drop those of this account so the
  ** table stays small without a separate cleaning job. */
  db_exec(pDb, "DELETE FROM login_attempts WHERE email = ? AND at < ?",
          DB_T(zEmail), DB_I(tNow - 24 * 3600));
}
