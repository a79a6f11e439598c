/*
** Account lifecycle (see accounts.h): the officer's list of accounts,
** disabling and enabling, roles, API tokens listed and revoked, and password
** reset links. Used by the users page and the command line alike.
**
** Disabling is immediate: the same transaction ends the account's sessions,
** revokes its tokens and spends its reset links, so nothing that was
** handed out before keeps working.
*/
#include <string.h>

#include "store/accounts/accounts.h"

/* 1 when the account's councillor left office (see ACCOUNTS_USABLE_SQL):
** one parameter, today. */
#define LEFT_OFFICE_SQL                                                   \
  "CASE WHEN EXISTS (SELECT 1 FROM members mo WHERE mo.user_id = u.id) "  \
  "AND NOT EXISTS (SELECT 1 FROM members mo WHERE mo.user_id = u.id AND " \
  "mo.status = 'vigente' AND mo.term_end >= ?) THEN 1 ELSE 0 END"

#define USER_ROW_SQL                                 \
  "SELECT u.id, u.email, u.name, u.role, u.active, " \
  "u.created_at, " LEFT_OFFICE_SQL " FROM users u "

static void user_row_read(DbStmt *p, Arena *pArena, UserRow *pRow) {
  pRow->id = db_column_int64(p, 0);
  pRow->zEmail = arena_strdup(pArena, db_column_text(p, 1));
  pRow->zName = arena_strdup(pArena, db_column_text(p, 2));
  pRow->zRole = arena_strdup(pArena, db_column_text(p, 3));
  pRow->bActive = db_column_int64(p, 4) != 0;
  pRow->iCreated = db_column_int64(p, 5);
  pRow->bLeftOffice = db_column_int64(p, 6) != 0;
}

int accounts_user_list(Db *pDb, Arena *pArena, UserRow **paRow, int *pnRow) {
  *paRow = NULL;
  *pnRow = 0;
  char zToday[11];
  accounts_today(zToday);
  DbStmt *p = db_prepare(pDb, USER_ROW_SQL "ORDER BY u.name, u.id");
  if (!p) return DB_ERROR;
  db_bind_text(p, 1, zToday);
  int nAlloc = 0, rc;
  while ((rc = db_step(p)) == DB_ROW) {
    *paRow = arena_grow(pArena, *paRow, *pnRow, &nAlloc, sizeof(UserRow));
    user_row_read(p, pArena, &(*paRow)[(*pnRow)++]);
  }
  db_done(p);
  return rc == DB_DONE ? DB_OK : DB_ERROR;
}

/* The one row a bound USER_ROW_SQL statement gives (DB_DONE: none). */
static int user_row_one(DbStmt *p, Arena *pArena, UserRow *pRow) {
  if (!p) return DB_ERROR;
  int rc = db_step(p);
  if (rc == DB_ROW) user_row_read(p, pArena, pRow);
  db_done(p);
  return rc == DB_ROW ? DB_OK : (rc == DB_DONE ? DB_DONE : DB_ERROR);
}

int accounts_user_row(Db *pDb, Arena *pArena, int64_t iId, UserRow *pRow) {
  char zToday[11];
  accounts_today(zToday);
  DbStmt *p = db_prepare(pDb, USER_ROW_SQL "WHERE u.id = ?");
  db_bind_text(p, 1, zToday);
  db_bind_int64(p, 2, iId);
  return user_row_one(p, pArena, pRow);
}

int accounts_user_row_by_email(Db *pDb, Arena *pArena, const char *zEmail,
                               UserRow *pRow) {
  char zToday[11];
  accounts_today(zToday);
  DbStmt *p = db_prepare(pDb, USER_ROW_SQL "WHERE u.email = ?");
  db_bind_text(p, 1, zToday);
  db_bind_text(p, 2, accounts_email_normalize(pArena, zEmail));
  return user_row_one(p, pArena, pRow);
}

/* Runs one statement of a transaction with (a, b) bound as int64 (b
** skipped when bOne). DB_OK when it ran to the end. */
static int exec2(Db *pDb, const char *zSql, int64_t a, int64_t b, int bOne) {
  DbStmt *p = db_prepare(pDb, zSql);
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, a);
  if (!bOne) db_bind_int64(p, 2, b);
  int rc = db_step(p);
  db_done(p);
  return rc == DB_DONE ? DB_OK : DB_ERROR;
}

int accounts_user_set_active(Db *pDb, int64_t iUserId, int bActive) {
  int64_t tNow = db_now();
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  DbStmt *p = db_prepare(pDb,
                         "UPDATE users SET active = ?, updated_at = ?, "
                         "version = version + 1 WHERE id = ? RETURNING id");
  db_bind_int64(p, 1, bActive ? 1 : 0);
  db_bind_int64(p, 2, tNow);
  db_bind_int64(p, 3, iUserId);
  int rc = db_step(p);
  db_done(p);
  if (rc != DB_ROW) {
    db_rollback(pDb);
    return rc == DB_DONE ? DB_DONE : DB_ERROR;
  }
  if (!bActive &&
      (exec2(pDb, "DELETE FROM sessions WHERE user_id = ?", iUserId, 0, 1) ||
       exec2(pDb,
             "UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND "
             "revoked_at IS NULL",
             tNow, iUserId, 0) ||
       exec2(pDb,
             "UPDATE password_resets SET used_at = ? WHERE user_id = ? AND "
             "used_at IS NULL",
             tNow, iUserId, 0))) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  return db_commit(pDb);
}

int accounts_user_set_role(Db *pDb, int64_t iUserId, const char *zRole) {
  if (!accounts_role_bit(zRole)) return DB_ERROR;
  DbStmt *p = db_prepare(pDb,
                         "UPDATE users SET role = ?, updated_at = ?, "
                         "version = version + 1 WHERE id = ? RETURNING id");
  db_bind_text(p, 1, zRole);
  db_bind_int64(p, 2, db_now());
  db_bind_int64(p, 3, iUserId);
  int rc = db_step(p);
  db_done(p);
  return rc == DB_ROW ? DB_OK : (rc == DB_DONE ? DB_DONE : DB_ERROR);
}

int accounts_token_list(Db *pDb, Arena *pArena, int64_t iUserId,
                        TokenRow **paRow, int *pnRow) {
  *paRow = NULL;
  *pnRow = 0;
  DbStmt *p = db_prepare(pDb,
                         "SELECT id, token_prefix, label, created_at, "
                         "coalesce(last_used_at, 0), coalesce(revoked_at, 0) "
                         "FROM api_tokens WHERE user_id = ? "
                         "ORDER BY created_at DESC, id DESC");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iUserId);
  int nAlloc = 0, rc;
  while ((rc = db_step(p)) == DB_ROW) {
    *paRow = arena_grow(pArena, *paRow, *pnRow, &nAlloc, sizeof(TokenRow));
    TokenRow *t = &(*paRow)[(*pnRow)++];
    t->id = db_column_int64(p, 0);
    t->zPrefix = arena_strdup(pArena, db_column_text(p, 1));
    t->zLabel = arena_strdup(pArena, db_column_text(p, 2));
    t->iCreated = db_column_int64(p, 3);
    t->iLastUsed = db_column_int64(p, 4);
    t->iRevoked = db_column_int64(p, 5);
  }
  db_done(p);
  return rc == DB_DONE ? DB_OK : DB_ERROR;
}

int accounts_token_revoke_id(Db *pDb, int64_t iUserId, int64_t iTokenId) {
  DbStmt *p = db_prepare(pDb,
                         "UPDATE api_tokens SET revoked_at = ? WHERE id = ? "
                         "AND user_id = ? AND revoked_at IS NULL RETURNING id");
  db_bind_int64(p, 1, db_now());
  db_bind_int64(p, 2, iTokenId);
  db_bind_int64(p, 3, iUserId);
  int rc = db_step(p);
  db_done(p);
  return rc == DB_ROW ? DB_OK : (rc == DB_DONE ? DB_DONE : DB_ERROR);
}

/* The ids of the user's live tokens that zWhich names (see accounts.h);
** at most nMax of them into aId. Returns how many match, -1 on error. */
static int tokens_named(Db *pDb, int64_t iUserId, const char *zWhich,
                        int64_t *aId, int nMax) {
  DbStmt *p;
  if (strlen(zWhich) == ACCOUNTS_TOKEN_CHARS) {
    char zHash[65];
    accounts_token_hash(zWhich, zHash);
    p = db_prepare(pDb,
                   "SELECT id FROM api_tokens WHERE user_id = ? AND "
                   "revoked_at IS NULL AND token_hash = ?");
    db_bind_int64(p, 1, iUserId);
    db_bind_text(p, 2, zHash);
  } else {
    /* Only the first ACCOUNTS_TOKEN_PREFIX characters are kept. */
    size_t n = strlen(zWhich);
    if (n > ACCOUNTS_TOKEN_PREFIX) n = ACCOUNTS_TOKEN_PREFIX;
    char zPrefix[ACCOUNTS_TOKEN_PREFIX + 1];
    memcpy(zPrefix, zWhich, n);
    zPrefix[n] = 0;
    p = db_prepare(pDb,
                   "SELECT id FROM api_tokens WHERE user_id = ? AND "
                   "revoked_at IS NULL AND token_prefix <> '' AND "
                   "substr(token_prefix, 1, ?) = ?");
    db_bind_int64(p, 1, iUserId);
    db_bind_int64(p, 2, (int64_t)n);
    db_bind_text(p, 3, zPrefix);
  }
  if (!p) return -1;
  int n = 0, rc;
  while ((rc = db_step(p)) == DB_ROW) {
    if (n < nMax) aId[n] = db_column_int64(p, 0);
    n++;
  }
  db_done(p);
  return rc == DB_DONE ? n : -1;
}

int accounts_token_revoke(Db *pDb, int64_t iUserId, const char *zWhich,
                          int *pnRevoked) {
  *pnRevoked = 0;
  if (!zWhich) {
    DbStmt *p = db_prepare(pDb,
                           "UPDATE api_tokens SET revoked_at = ? WHERE "
                           "user_id = ? AND revoked_at IS NULL RETURNING id");
    db_bind_int64(p, 1, db_now());
    db_bind_int64(p, 2, iUserId);
    int rc;
    while ((rc = db_step(p)) == DB_ROW) (*pnRevoked)++;
    db_done(p);
    return rc == DB_DONE ? DB_OK : DB_ERROR;
  }
  if (strlen(zWhich) < 4) return DB_ERROR;
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  int64_t aId[1] = {0};
  int n = tokens_named(pDb, iUserId, zWhich, aId, 1);
  if (n < 0 || n > 1) {
    db_rollback(pDb);
    return n < 0 ? DB_ERROR : DB_CONSTRAINT;
  }
  if (n == 1 && accounts_token_revoke_id(pDb, iUserId, aId[0]) != DB_OK) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  *pnRevoked = n;
  return db_commit(pDb);
}

int accounts_reset_create(Db *pDb, int64_t iUserId, int64_t iBy,
                          char zToken[ACCOUNTS_TOKEN_MAX]) {
  char zHash[65];
  accounts_random_token(zToken);
  accounts_token_hash(zToken, zHash);
  int64_t tNow = db_now();
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  /* Only the newest link works: an older one may have gone astray. */
  if (exec2(pDb,
            "UPDATE password_resets SET used_at = ? WHERE user_id = ? AND "
            "used_at IS NULL",
            tNow, iUserId, 0) != DB_OK) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  DbStmt *p = db_prepare(pDb,
                         "INSERT INTO password_resets(user_id, token_hash, "
                         "created_by, created_at, expires_at) "
                         "VALUES (?, ?, ?, ?, ?)");
  db_bind_int64(p, 1, iUserId);
  db_bind_text(p, 2, zHash);
  if (iBy > 0) {
    db_bind_int64(p, 3, iBy);
  } else {
    db_bind_null(p, 3);
  }
  db_bind_int64(p, 4, tNow);
  db_bind_int64(p, 5, tNow + ACCOUNTS_RESET_SECONDS);
  int rc = db_step(p);
  db_done(p);
  if (rc != DB_DONE) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  return db_commit(pDb);
}

/* The live link's id and its user (a usable account); 0 when none. */
static int64_t reset_lookup(Db *pDb, const char *zToken, int64_t *piUser) {
  *piUser = 0;
  if (!zToken || strlen(zToken) != ACCOUNTS_TOKEN_CHARS) return 0;
  char zHash[65], zToday[11];
  accounts_token_hash(zToken, zHash);
  accounts_today(zToday);
  DbStmt *p = db_prepare(
      pDb,
      "SELECT r.id, r.user_id FROM password_resets r JOIN "
      "users u ON u.id = r.user_id WHERE r.token_hash = ? "
      "AND r.used_at IS NULL AND r.expires_at > ? AND " ACCOUNTS_USABLE_SQL);
  db_bind_text(p, 1, zHash);
  db_bind_int64(p, 2, db_now());
  db_bind_text(p, 3, zToday);
  int64_t iId = 0;
  if (db_step(p) == DB_ROW) {
    iId = db_column_int64(p, 0);
    *piUser = db_column_int64(p, 1);
  }
  db_done(p);
  return iId;
}

int64_t accounts_reset_user(Db *pDb, const char *zToken) {
  int64_t iUser = 0;
  reset_lookup(pDb, zToken, &iUser);
  return iUser;
}

int accounts_reset_use(Db *pDb, Arena *pArena, const char *zToken,
                       const char *zPassword, int64_t *piUser) {
  *piUser = 0;
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  int64_t iUser = 0;
  int64_t iReset = reset_lookup(pDb, zToken, &iUser);
  if (!iReset) {
    db_rollback(pDb);
    return DB_DONE;
  }
  /* Spent first, so that two submissions of the same link cannot both
  ** set a password. */
  DbStmt *p = db_prepare(pDb,
                         "UPDATE password_resets SET used_at = ? WHERE "
                         "id = ? AND used_at IS NULL RETURNING id");
  db_bind_int64(p, 1, db_now());
  db_bind_int64(p, 2, iReset);
  int rc = db_step(p);
  db_done(p);
  if (rc != DB_ROW ||
      accounts_set_password(pDb, pArena, iUser, zPassword, 0) != DB_OK) {
    db_rollback(pDb);
    return rc == DB_DONE ? DB_DONE : DB_ERROR;
  }
  if (db_commit(pDb) != DB_OK) return DB_ERROR;
  *piUser = iUser;
  return DB_OK;
}
