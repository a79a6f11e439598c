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

/* Failures in one scope: how many since tSince and the latest one's time.
** pStmt is bound except its last parameter (tSince), at iSince. DB_OK or
** DB_ERROR. */
static int count_failures(DbStmt *pStmt, int iSince, int64_t tSince,
                          int64_t *pnFail, int64_t *ptLast) {
  if (!pStmt) return DB_ERROR;
  db_bind_int64(pStmt, iSince, tSince);
  int rc = db_step(pStmt);
  if (rc == DB_ROW) {
    *pnFail = db_column_int64(pStmt, 0);
    *ptLast = db_column_int64(pStmt, 1);
  }
  db_done(pStmt);
  return rc == DB_ROW ? DB_OK : DB_ERROR;
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
  int64_t nPair = 0, tPair = 0, nAddr = 0, tAddr = 0, nAcct = 0, tAcct = 0;
  /* The account's scopes count failures since its last success (by id:
  ** several attempts fall in one second), so that the owner who finally
  ** gets it right starts clean; the pair's, since the last success from
  ** that address, so that the owner signing in elsewhere does not clear
  ** the guesser's count. */
  DbStmt *pPair =
      db_prepare(pDb,
                 "SELECT count(*), coalesce(max(at), 0) FROM login_attempts "
                 "WHERE email = ? AND address = ? AND success = 0 AND id > "
                 "coalesce((SELECT max(id) FROM login_attempts WHERE email = ? "
                 "AND address = ? AND success = 1), 0) AND at > ?");
  db_bind_text(pPair, 1, zEmail);
  db_bind_text(pPair, 2, zAddress);
  db_bind_text(pPair, 3, zEmail);
  db_bind_text(pPair, 4, zAddress);
  if (count_failures(pPair, 5, tSince, &nPair, &tPair) != DB_OK) return -1;
  DbStmt *pAddr = db_prepare(pDb,
                             "SELECT count(*), coalesce(max(at), 0) FROM "
                             "login_attempts WHERE address = ? AND "
                             "success = 0 AND at > ?");
  db_bind_text(pAddr, 1, zAddress);
  if (count_failures(pAddr, 2, tSince, &nAddr, &tAddr) != DB_OK) return -1;
  DbStmt *pAcct =
      db_prepare(pDb,
                 "SELECT count(*), coalesce(max(at), 0) FROM login_attempts "
                 "WHERE email = ? AND success = 0 AND id > "
                 "coalesce((SELECT max(id) FROM login_attempts WHERE email = ? "
                 "AND success = 1), 0) AND at > ?");
  db_bind_text(pAcct, 1, zEmail);
  db_bind_text(pAcct, 2, zEmail);
  if (count_failures(pAcct, 3, tSince, &nAcct, &tAcct) != DB_OK) return -1;
  int64_t iWait = scope_wait(nPair, tPair, ACCOUNTS_THROTTLE_FREE_PAIR,
                             ACCOUNTS_THROTTLE_MAX_SECONDS, tNow);
  int64_t w = scope_wait(nAddr, tAddr, ACCOUNTS_THROTTLE_FREE_ADDRESS,
                         ACCOUNTS_THROTTLE_MAX_SECONDS, tNow);
  if (w > iWait) iWait = w;
  w = scope_wait(nAcct, tAcct, ACCOUNTS_THROTTLE_FREE_ACCOUNT,
                 ACCOUNTS_THROTTLE_ACCOUNT_MAX_SECONDS, tNow);
  return w > iWait ? w : iWait;
}

int accounts_login_record(Db *pDb, const char *zEmail, const char *zAddress,
                          int bSuccess) {
  char zKey[ACCOUNTS_ADDRESS_MAX];
  zAddress = accounts_throttle_address(zAddress, zKey);
  int64_t tNow = db_now();
  DbStmt *pStmt = db_prepare(pDb,
                             "INSERT INTO login_attempts(email, address, at, "
                             "success) VALUES (?, ?, ?, ?)");
  db_bind_text(pStmt, 1, zEmail);
  db_bind_text(pStmt, 2, zAddress);
  db_bind_int64(pStmt, 3, tNow);
  db_bind_int64(pStmt, 4, bSuccess ? 1 : 0);
  int rc = db_step(pStmt);
  db_done(pStmt);
  if (rc != DB_DONE) return DB_ERROR;
  /* Old attempts say nothing any more: drop this account's and this
  ** address's so the table stays small without a separate cleaning job. */
  DbStmt *pOld = db_prepare(pDb,
                            "DELETE FROM login_attempts WHERE (email = ? OR "
                            "address = ?) AND at < ?");
  db_bind_text(pOld, 1, zEmail);
  db_bind_text(pOld, 2, zAddress);
  db_bind_int64(pOld, 3, tNow - 24 * 3600);
  rc = db_step(pOld);
  db_done(pOld);
  return rc == DB_DONE ? DB_OK : DB_ERROR;
}
