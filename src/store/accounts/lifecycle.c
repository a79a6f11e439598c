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
#include "domain/email.h"

/* 1 when the account's councillor left office (see ACCOUNTS_USABLE_SQL):
** one parameter, today. */
#define LEFT_OFFICE_SQL                                                   \
  "CASE WHEN EXISTS (SELECT 1 FROM members mo WHERE mo.user_id = u.id) "  \
  "AND NOT EXISTS (SELECT 1 FROM members mo WHERE mo.user_id = u.id AND " \
  "mo.status = 'vigente' AND mo.term_end >= ?) THEN 1 ELSE 0 END"

#define USER_ROW_SQL                                 \
  "SELECT u.id, u.email, u.name, u.role, u.active, " \
  "u.created_at, " LEFT_OFFICE_SQL " FROM users u "

static const DbMap user_map = DB_MAP(UserRow, "itttbib", id, zEmail, zName,
                                     zRole, bActive, iCreated, bLeftOffice);

int accounts_user_list(Db *pDb, Arena *pArena, UserRow **paRow, int *pnRow) {
  char zToday[11];
  accounts_today(zToday);
  return db_list(pDb, pArena, &user_map, paRow, pnRow,
                 USER_ROW_SQL "ORDER BY u.name, u.id", DB_T(zToday));
}

int accounts_user_row(Db *pDb, Arena *pArena, int64_t iId, UserRow *pRow) {
  char zToday[11];
  accounts_today(zToday);
  return db_get(pDb, pArena, &user_map, pRow, USER_ROW_SQL "WHERE u.id = ?",
                DB_T(zToday), DB_I(iId));
}

int accounts_user_row_by_email(Db *pDb, Arena *pArena, const char *zEmail,
                               UserRow *pRow) {
  char zToday[11];
  accounts_today(zToday);
  return db_get(pDb, pArena, &user_map, pRow, USER_ROW_SQL "WHERE u.email = ?",
                DB_T(zToday), DB_T(email_normalize(pArena, zEmail)));
}

/* An UPDATE … RETURNING id of one row: DB_OK, DB_DONE when it matched
** none, DB_ERROR. */
static int update_one(int rc) {
  return rc == DB_OK || rc == DB_DONE ? rc : DB_ERROR;
}

int accounts_user_set_active(Db *pDb, int64_t iUserId, int bActive) {
  int64_t tNow = db_now(), iId = 0;
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  int rc = update_one(db_exec_id(pDb,
                                 "UPDATE users SET active = ?, updated_at = ?, "
                                 "version = version + 1 WHERE id = ? "
                                 "RETURNING id",
                                 &iId, DB_I(bActive ? 1 : 0), DB_I(tNow),
                                 DB_I(iUserId)));
  if (rc == DB_OK && !bActive) {
    if (db_exec(pDb, "DELETE FROM sessions WHERE user_id = ?", DB_I(iUserId)) !=
            DB_OK ||
        db_exec(pDb,
                "UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND "
                "revoked_at IS NULL",
                DB_I(tNow), DB_I(iUserId)) != DB_OK ||
        db_exec(pDb,
                "UPDATE password_resets SET used_at = ? WHERE user_id = ? AND "
                "used_at IS NULL",
                DB_I(tNow), DB_I(iUserId)) != DB_OK) {
      rc = DB_ERROR;
    }
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    return rc;
  }
  rc = db_commit(pDb);
  accounts_auth_forget(pDb); /* Its sessions ended: not in this request */
  return rc;
}

int accounts_user_set_role(Db *pDb, int64_t iUserId, const char *zRole) {
  if (!accounts_role_bit(zRole)) return DB_ERROR;
  int64_t iId = 0;
  return update_one(db_exec_id(pDb,
                               "UPDATE users SET role = ?, updated_at = ?, "
                               "version = version + 1 WHERE id = ? "
                               "RETURNING id",
                               &iId, DB_T(zRole), DB_I(db_now()),
                               DB_I(iUserId)));
}

static const DbMap token_map = DB_MAP(TokenRow, "ittiii", id, zPrefix, zLabel,
                                      iCreated, iLastUsed, iRevoked);

int accounts_token_list(Db *pDb, Arena *pArena, int64_t iUserId,
                        TokenRow **paRow, int *pnRow) {
  return db_list(pDb, pArena, &token_map, paRow, pnRow,
                 "SELECT id, token_prefix, label, created_at, "
                 "coalesce(last_used_at, 0), coalesce(revoked_at, 0) "
                 "FROM api_tokens WHERE user_id = ? "
                 "ORDER BY created_at DESC, id DESC",
                 DB_I(iUserId));
}

int accounts_token_revoke_id(Db *pDb, int64_t iUserId, int64_t iTokenId) {
  int64_t iId = 0;
  return update_one(db_exec_id(pDb,
                               "UPDATE api_tokens SET revoked_at = ? WHERE "
                               "id = ? AND user_id = ? AND revoked_at IS NULL "
                               "RETURNING id",
                               &iId, DB_I(db_now()), DB_I(iTokenId),
                               DB_I(iUserId)));
}

/* The ids of the user's live tokens that zWhich names (see accounts.h);
** at most nMax of them into aId. Returns how many match, -1 on error. */
static int tokens_named(Db *pDb, int64_t iUserId, const char *zWhich,
                        int64_t *aId, int nMax) {
  DbStmt *p;
  if (strlen(zWhich) == ACCOUNTS_TOKEN_CHARS) {
    char zHash[65];
    accounts_token_hash(zWhich, zHash);
    p = db_query(pDb,
                 "SELECT id FROM api_tokens WHERE user_id = ? AND "
                 "revoked_at IS NULL AND token_hash = ?",
                 DB_I(iUserId), DB_T(zHash));
  } else {
    /* Only the first ACCOUNTS_TOKEN_PREFIX characters are kept. */
    size_t n = strlen(zWhich);
    if (n > ACCOUNTS_TOKEN_PREFIX) n = ACCOUNTS_TOKEN_PREFIX;
    char zPrefix[ACCOUNTS_TOKEN_PREFIX + 1];
    memcpy(zPrefix, zWhich, n);
    zPrefix[n] = 0;
    p = db_query(pDb,
                 "SELECT id FROM api_tokens WHERE user_id = ? AND "
                 "revoked_at IS NULL AND token_prefix <> '' AND "
                 "substr(token_prefix, 1, ?) = ?",
                 DB_I(iUserId), DB_I((int64_t)n), DB_T(zPrefix));
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
    DbStmt *p = db_query(pDb,
                         "UPDATE api_tokens SET revoked_at = ? WHERE "
                         "user_id = ? AND revoked_at IS NULL RETURNING id",
                         DB_I(db_now()), DB_I(iUserId));
    int rc = p ? DB_ROW : DB_ERROR;
    while (p && (rc = db_step(p)) == DB_ROW) (*pnRevoked)++;
    return p ? db_end(p, rc) : DB_ERROR;
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

int accounts_link_create(Db *pDb, const char *zSpend, const char *zInsert,
                         int64_t iOwner, int64_t iBy, int64_t nSeconds,
                         char zToken[ACCOUNTS_TOKEN_MAX]) {
  char zHash[65];
  accounts_random_token(zToken);
  accounts_token_hash(zToken, zHash);
  int64_t tNow = db_now();
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  if (db_exec(pDb, zSpend, DB_I(tNow), DB_I(iOwner)) != DB_OK ||
      db_exec(pDb, zInsert, DB_I(iOwner), DB_T(zHash), DB_IN(iBy), DB_I(tNow),
              DB_I(tNow + nSeconds)) != DB_OK) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  return db_commit(pDb);
}

int accounts_reset_create(Db *pDb, int64_t iUserId, int64_t iBy,
                          char zToken[ACCOUNTS_TOKEN_MAX]) {
  return accounts_link_create(
      pDb,
      "UPDATE password_resets SET used_at = ? WHERE user_id = ? AND "
      "used_at IS NULL",
      "INSERT INTO password_resets(user_id, token_hash, created_by, "
      "created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
      iUserId, iBy, ACCOUNTS_RESET_SECONDS, zToken);
}

/* The live link's id and its user (a usable account); 0 when none. */
static int64_t reset_lookup(Db *pDb, const char *zToken, int64_t *piUser) {
  char zToday[11];
  accounts_today(zToday);
  return accounts_link_lookup(
      pDb, zToken,
      "SELECT r.id, r.user_id FROM password_resets r JOIN "
      "users u ON u.id = r.user_id WHERE r.token_hash = ? "
      "AND r.used_at IS NULL AND r.expires_at > ? AND " ACCOUNTS_USABLE_SQL,
      zToday, piUser);
}

typedef struct LinkRow {
  int64_t id, iOwner;
} LinkRow;
static const DbMap link_map = DB_MAP(LinkRow, "ii", id, iOwner);

int64_t accounts_link_lookup(Db *pDb, const char *zToken, const char *zSql,
                             const char *zToday, int64_t *piOwner) {
  LinkRow row = {0, 0};
  if (zToken && strlen(zToken) == ACCOUNTS_TOKEN_CHARS) {
    char zHash[65];
    accounts_token_hash(zToken, zHash);
    DbArg aArg[] = {DB_T(zHash), DB_I(db_now()), DB_T(zToday)};
    db_row_map(db_query_args(pDb, zSql, aArg, zToday ? 3 : 2), NULL, &link_map,
               &row);
  }
  *piOwner = row.iOwner;
  return row.id;
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
  int64_t iId = 0;
  int rc = update_one(db_exec_id(pDb,
                                 "UPDATE password_resets SET used_at = ? "
                                 "WHERE id = ? AND used_at IS NULL "
                                 "RETURNING id",
                                 &iId, DB_I(db_now()), DB_I(iReset)));
  if (rc == DB_OK &&
      accounts_set_password(pDb, pArena, iUser, zPassword, 0) != DB_OK) {
    rc = DB_ERROR;
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    return rc;
  }
  if (db_commit(pDb) != DB_OK) return DB_ERROR;
  *piUser = iUser;
  return DB_OK;
}
