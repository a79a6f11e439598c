/*
** Sign-in throttling (see accounts.h): growing delays per account and
** address instead of a lock, kept in the database (login_attempts) so that
** several app servers throttle as one.
**
** Three scopes are counted, each over the last hour:
**   - this account from this address: a guesser at one keyboard;
**   - this address, any account: one password sprayed over many accounts;
**   - this account, any address: guessers spread over many addresses.
** The wait is the longest any scope asks for, counted from that scope's
** latest failure. Only the account-wide scope can slow the account's owner
** at another address, and it is capped at a minute: nobody can lock
** someone else out.
**
** When the failures cannot be counted the answer is -1 and sign-in is
** refused: a broken counter must not open the door to unlimited guesses.
**
** An "address" is an IPv4 address, or an IPv6 address's /64 network:
** whoever has one address of a network usually has all 2^64 of them, one
** per try, and counted one by one they escaped the address and pair
** scopes altogether. Each is written in one canonical form, so that an
** address spelled two ways is one.
*/
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "store/accounts/accounts.h"

const char *accounts_throttle_address(const char *zAddress,
                                      char zOut[ACCOUNTS_ADDRESS_MAX]) {
  unsigned char a[sizeof(struct in6_addr)];
  char zText[INET6_ADDRSTRLEN];
  if (zAddress && inet_pton(AF_INET, zAddress, a) == 1) {
    inet_ntop(AF_INET, a, zOut, ACCOUNTS_ADDRESS_MAX);
  } else if (zAddress && inet_pton(AF_INET6, zAddress, a) == 1) {
    static const unsigned char aMapped[12] = {0, 0, 0, 0, 0,    0,
                                              0, 0, 0, 0, 0xFF, 0xFF};
    if (memcmp(a, aMapped, sizeof(aMapped)) == 0) {
      inet_ntop(AF_INET, a + 12, zOut, ACCOUNTS_ADDRESS_MAX);
    } else {
      memset(a + 8, 0, 8);
      inet_ntop(AF_INET6, a, zText, sizeof(zText));
      snprintf(zOut, ACCOUNTS_ADDRESS_MAX, "%s/64", zText);
    }
  } else {
    /* Not an address ("?" when the peer is unknown): as it is. */
    snprintf(zOut, ACCOUNTS_ADDRESS_MAX, "%s", zAddress ? zAddress : "");
  }
  return zOut;
}

int64_t accounts_throttle_delay(int64_t nFail, int nFree, int64_t iCap) {
  if (nFail < nFree) return 0;
  int64_t iDelay = ACCOUNTS_THROTTLE_BASE_SECONDS;
  for (int64_t i = nFree; i < nFail && iDelay < iCap; i++) iDelay *= 2;
  return iDelay < iCap ? iDelay : iCap;
}

/* Failures in one scope: how many, and the latest one's time. */
typedef struct Failures {
  int64_t n;
  int64_t tLast;
} Failures;
static const DbMap failures_map = DB_MAP(Failures, "ii", n, tLast);

/* The one row of pStmt (count(*), max(at)) into *p: DB_OK or DB_ERROR. */
static int count_failures(DbStmt *pStmt, Failures *p) {
  return db_row_map(pStmt, NULL, &failures_map, p) == DB_OK ? DB_OK : DB_ERROR;
}

/* Seconds still to wait in one scope, from its failures. */
static int64_t scope_wait(int64_t nFail, int64_t tLast, int nFree, int64_t iCap,
                          int64_t tNow) {
  int64_t iDelay = accounts_throttle_delay(nFail, nFree, iCap);
  int64_t iLeft = tLast + iDelay - tNow;
  return iDelay > 0 && iLeft > 0 ? iLeft : 0;
}

int64_t accounts_login_wait(Db *pDb, const char *zEmail, const char *zAddress) {
  char zKey[ACCOUNTS_ADDRESS_MAX];
  zAddress = accounts_throttle_address(zAddress, zKey);
  int64_t tNow = db_now();
  int64_t tSince = tNow - ACCOUNTS_THROTTLE_WINDOW_SECONDS;
  Failures pair, addr, acct;
  /* The account's scopes count failures since its last success (by id:
  ** several attempts fall in one second), so that the owner who finally
  ** gets it right starts clean; the pair's, since the last success from
  ** that address, so that the owner signing in elsewhere does not clear
  ** the guesser's count. */
  if (count_failures(
          db_query(pDb,
                   "SELECT count(*), coalesce(max(at), 0) FROM login_attempts "
                   "WHERE email = ? AND address = ? AND success = 0 AND id > "
                   "coalesce((SELECT max(id) FROM login_attempts WHERE "
                   "email = ? AND address = ? AND success = 1), 0) AND at > ?",
                   DB_T(zEmail), DB_T(zAddress), DB_T(zEmail), DB_T(zAddress),
                   DB_I(tSince)),
          &pair) != DB_OK ||
      count_failures(db_query(pDb,
                              "SELECT count(*), coalesce(max(at), 0) FROM "
                              "login_attempts WHERE address = ? AND "
                              "success = 0 AND at > ?",
                              DB_T(zAddress), DB_I(tSince)),
                     &addr) != DB_OK ||
      count_failures(
          db_query(pDb,
                   "SELECT count(*), coalesce(max(at), 0) FROM login_attempts "
                   "WHERE email = ? AND success = 0 AND id > "
                   "coalesce((SELECT max(id) FROM login_attempts WHERE "
                   "email = ? AND success = 1), 0) AND at > ?",
                   DB_T(zEmail), DB_T(zEmail), DB_I(tSince)),
          &acct) != DB_OK) {
    return -1;
  }
  int64_t iWait = scope_wait(pair.n, pair.tLast, ACCOUNTS_THROTTLE_FREE_PAIR,
                             ACCOUNTS_THROTTLE_MAX_SECONDS, tNow);
  int64_t w = scope_wait(addr.n, addr.tLast, ACCOUNTS_THROTTLE_FREE_ADDRESS,
                         ACCOUNTS_THROTTLE_MAX_SECONDS, tNow);
  if (w > iWait) iWait = w;
  w = scope_wait(acct.n, acct.tLast, ACCOUNTS_THROTTLE_FREE_ACCOUNT,
                 ACCOUNTS_THROTTLE_ACCOUNT_MAX_SECONDS, tNow);
  return w > iWait ? w : iWait;
}

int accounts_login_record(Db *pDb, const char *zEmail, const char *zAddress,
                          int bSuccess) {
  char zKey[ACCOUNTS_ADDRESS_MAX];
  zAddress = accounts_throttle_address(zAddress, zKey);
  int64_t tNow = db_now();
  if (db_exec(pDb,
              "INSERT INTO login_attempts(email, address, at, success) "
              "VALUES (?, ?, ?, ?)",
              DB_T(zEmail), DB_T(zAddress), DB_I(tNow),
              DB_I(bSuccess ? 1 : 0)) != DB_OK) {
    return DB_ERROR;
  }
  /* Old attempts say nothing any more: drop this account's and this
  ** address's so the table stays small without a separate cleaning job. */
  return db_exec(pDb,
                 "DELETE FROM login_attempts WHERE (email = ? OR "
                 "address = ?) AND at < ?",
                 DB_T(zEmail), DB_T(zAddress), DB_I(tNow - 24 * 3600)) == DB_OK
             ? DB_OK
             : DB_ERROR;
}
