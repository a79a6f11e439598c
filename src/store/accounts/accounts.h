/*
** Accounts: users, passwords, sessions, API tokens and sign-in throttling.
**
** Used by the web pages and by the command line alike. It stores everything
** in the database (nothing in process memory) so that several app servers
** behave as one. Secrets are never stored: passwords as argon2id hashes,
** session cookies and API tokens as SHA-256 hashes.
**
** It knows nothing of HTTP.
*/
#ifndef COSOC_ACCOUNTS_ACCOUNTS_H
#define COSOC_ACCOUNTS_ACCOUNTS_H

#include <stddef.h>
#include <stdint.h>

#include "db/db.h"
#include "domain/email.h"
#include "domain/user.h"
#include "util/arena.h"

#define ACCOUNTS_TOKEN_CHARS 43 /* base64url of 32 random bytes */
#define ACCOUNTS_TOKEN_MAX (ACCOUNTS_TOKEN_CHARS + 1)
#define ACCOUNTS_PASSWORD_MIN 8
#define ACCOUNTS_PASSWORD_MAX 256
#define ACCOUNTS_SESSION_IDLE_SECONDS (14 * 24 * 3600)
/* Sign-in throttling: growing delays, never a lock. Failures are counted
** in three scopes; past a scope's free failures, each further failure makes
** the next try in that scope wait BASE * 2^(n - free) seconds, up to the
** scope's cap. One account from one address (a guesser at one keyboard)
** and one address over any accounts (a password sprayed over many) may
** wait long; one account from any address waits at most a minute, so its
** owner at another address is never locked out by someone else's
** failures. A success clears the account's failures (not the address's). */
#define ACCOUNTS_THROTTLE_WINDOW_SECONDS (60 * 60) /* Older ones ignored */
#define ACCOUNTS_THROTTLE_BASE_SECONDS 5
#define ACCOUNTS_THROTTLE_FREE_PAIR 5           /* This account, this address */
#define ACCOUNTS_THROTTLE_FREE_ADDRESS 20       /* This address, any account */
#define ACCOUNTS_THROTTLE_FREE_ACCOUNT 10       /* This account, any address */
#define ACCOUNTS_THROTTLE_MAX_SECONDS (15 * 60) /* Pair and address cap */
#define ACCOUNTS_THROTTLE_ACCOUNT_MAX_SECONDS 60 /* Account-wide cap */

/* Must be called once before anything else here (initializes libsodium). */
int accounts_init(void);

/* The role slug's bit (ROLE_ADMIN...), or 0 for an unknown slug. */
int accounts_role_bit(const char *zRole);
/* The role's Spanish name for display ("Encargada/o PAC", ...). */
const char *accounts_role_label(const char *zRole);

/* Validation: NULL when acceptable, else a Spanish sentence. E-mail
** addresses: email_problem() and email_normalize() (domain/email.h). */
/* Length, the list of common passwords (data/passwords/), and the
** account's own name and e-mail (either may be NULL). */
const char *accounts_password_problem(const char *zPassword, const char *zName,
                                      const char *zEmail);
/* 1 when zPassword, in lower case, is a common password or one followed by
** digits and signs only. */
int accounts_password_is_common(const char *zPassword);
const char *accounts_name_problem(const char *zName);

/* Random token for cookies and API tokens (base64url, 43 characters). */
void accounts_random_token(char zOut[ACCOUNTS_TOKEN_MAX]);
/* SHA-256 of zToken as 64 hex digits (plus NUL). */
void accounts_token_hash(const char *zToken, char zOut[65]);
/* A live single-use link (a password reset, an invitation) found by its
** token: zSql selects its id and its owner from the token's hash and now
** (and zToday when not NULL, a third parameter). The id, with the owner in
** *piOwner; 0 when the token is malformed or no live link has it. */
int64_t accounts_link_lookup(Db *pDb, const char *zToken, const char *zSql,
                             const char *zToday, int64_t *piOwner);
/* A new single-use link for iOwner, valid nSeconds, its token into zToken:
** in one transaction zSpend (parameters: now, iOwner) spends the owner's
** older links — only the newest works, an older one may have gone astray —
** and zInsert (iOwner, the hash, iBy or NULL, now, the expiry) stores it.
** DB_OK or DB_ERROR. */
int accounts_link_create(Db *pDb, const char *zSpend, const char *zInsert,
                         int64_t iOwner, int64_t iBy, int64_t nSeconds,
                         char zToken[ACCOUNTS_TOKEN_MAX]);

/* argon2id hash of zPassword into an arena string; NULL if out of memory. */
const char *accounts_password_hash(Arena *pArena, const char *zPassword);
/* 1 when zPassword matches zHash. */
int accounts_password_verify(const char *zHash, const char *zPassword);

/* Creates a user after validating every field. Returns DB_OK, or
** DB_CONSTRAINT (e-mail taken) / DB_ERROR with a Spanish reason in *pzErr
** and, when a field is at fault, its name in *pzField. Nothing is written on
** failure. */
int accounts_user_create(Db *pDb, Arena *pArena, const char *zEmail,
                         const char *zName, const char *zRole,
                         const char *zPassword, int64_t *piId,
                         const char **pzErr, const char **pzField);

/* Finds a user who may sign in (ACCOUNTS_USABLE_SQL) by e-mail (any case).
** On success fills *pUser and, when pzHash is not NULL, the password hash;
** strings in pArena. DB_DONE when there is none. */
int accounts_user_by_email(Db *pDb, Arena *pArena, const char *zEmail,
                           User *pUser, const char **pzHash);
int accounts_user_by_id(Db *pDb, Arena *pArena, int64_t iId, User *pUser,
                        const char **pzHash);
/* Replaces a user's password (already validated) and ends all their
** sessions except iKeepSession (0: none kept). */
int accounts_set_password(Db *pDb, Arena *pArena, int64_t iUserId,
                          const char *zPassword, int64_t iKeepSession);

/* The SQL condition that an account (alias u) may be used: it is active
** and, when it belongs to council members, one of them is still in office
** (status vigente and a term that has not ended). A councillor who
** resigned, was replaced or removed, or whose term ended, can no longer
** sign in, and their sessions and tokens stop working at once. Its one
** parameter is today's date, accounts_today(). */
#define ACCOUNTS_USABLE_SQL                                       \
  "u.active = 1 AND (NOT EXISTS (SELECT 1 FROM members mo WHERE " \
  "mo.user_id = u.id) OR EXISTS (SELECT 1 FROM members mo WHERE " \
  "mo.user_id = u.id AND mo.status = 'vigente' AND mo.term_end >= ?))"
/* Today in Santiago, "YYYY-MM-DD". */
void accounts_today(char zDay[11]);

/* Sessions. accounts_session_create() writes the new cookie value into
** zToken and its id into *piSession. accounts_session_lookup() finds the
** live session for a cookie value, slides its expiry, fills *pUser. */
int accounts_session_create(Db *pDb, int64_t iUserId,
                            char zToken[ACCOUNTS_TOKEN_MAX],
                            int64_t *piSession);
int accounts_session_lookup(Db *pDb, Arena *pArena, const char *zToken,
                            User *pUser, int64_t *piSession);
void accounts_session_delete(Db *pDb, int64_t iSession);

/* ---- What this process knows of who is signed in (auth_cache.c) ----
**
** The installation's auth version (migration 0050) grows with every
** committed write that can change who may do what: a session ended, a
** token revoked, an account or a councillor's office changed, a membership,
** a council. Sessions and tokens found once are kept in memory with the
** version they were read at and served from there while it holds (and the
** day, the expiry and the touch interval allow); the councils and their
** memberships likewise (store/council/council.c). One small read per
** request checks it, so a sign-out or a disabled account on any server
** refuses the very next request everywhere. */

/* The server marks each request (bOn 1 when it is admitted, with its
** connection; 0 when it begins and ends): inside one, the version is read
** at most once. */
void accounts_request_mark(Db *pDb, int bOn);
/* The auth version to key in-memory copies by; -1 inside a transaction
** (nothing may be cached or served from a cache then) or on error. */
int64_t accounts_auth_version(Db *pDb);
/* 1 when this request has read the auth version already (so that what is
** kept by it costs no round trip now), else 0. */
int accounts_auth_version_known(Db *pDb);
/* After this connection wrote something that bumps the version: the rest
** of the request reads it again. */
void accounts_auth_forget(Db *pDb);
/* The council session iSession chose, when the session check of this
** request found it (1), else 0: ask the database. */
int accounts_auth_session_council(Db *pDb, int64_t iSession,
                                  int64_t *piCouncil);
/* Empties the cache (tests). */
void accounts_auth_cache_clear(void);

/* For accounts.c: a session or token as found, and its cache entry. */
#define AUTH_SESSION 1
#define AUTH_TOKEN 2
typedef struct AuthFound {
  User user;
  int64_t iWhich;   /* The session's or token's id */
  int64_t tLast;    /* Its last_seen_at / last_used_at */
  int64_t tExpires; /* When it stops working (INT64_MAX: a token) */
  int64_t iCouncil; /* The council the session chose, 0: none */
} AuthFound;
int accounts_auth_cache_get(Db *pDb, Arena *pArena, int eKind,
                            const char *zHash, const char *zToday, int64_t tNow,
                            int64_t nTouch, AuthFound *pFound);
void accounts_auth_cache_put(Db *pDb, int eKind, const char *zHash,
                             const char *zToday, int64_t iVersion,
                             const AuthFound *pFound);
void accounts_auth_session_seen(const AuthFound *pFound, int64_t iVersion);

/* API tokens: a new one for the user (printed once, stored hashed with its
** first ACCOUNTS_TOKEN_PREFIX characters, which name it in lists); lookup
** by the value a client sends, which also notes the token's last use. */
#define ACCOUNTS_TOKEN_PREFIX 8
int accounts_token_create(Db *pDb, int64_t iUserId, const char *zLabel,
                          char zToken[ACCOUNTS_TOKEN_MAX]);
int accounts_token_lookup(Db *pDb, Arena *pArena, const char *zToken,
                          User *pUser);

/* ---- Account lifecycle (lifecycle.c) ---- */

/* An account as the officer's list shows it, whatever its state. */
typedef struct UserRow {
  int64_t id;
  const char *zEmail;
  const char *zName;
  const char *zRole;
  int bActive;     /* Not disabled */
  int bLeftOffice; /* Its councillor left office: cannot sign in */
  int64_t iCreated;
} UserRow;

/* Every account, by name; or the one with id / e-mail (DB_DONE: none). */
int accounts_user_list(Db *pDb, Arena *pArena, UserRow **paRow, int *pnRow);
int accounts_user_row(Db *pDb, Arena *pArena, int64_t iId, UserRow *pRow);
int accounts_user_row_by_email(Db *pDb, Arena *pArena, const char *zEmail,
                               UserRow *pRow);

/* Disables an account, ending its sessions and revoking its tokens in the
** same transaction; or enables it again (its old tokens stay revoked). */
int accounts_user_set_active(Db *pDb, int64_t iUserId, int bActive);
/* Changes the role (a valid slug: accounts_role_bit() != 0). */
int accounts_user_set_role(Db *pDb, int64_t iUserId, const char *zRole);

/* An API token as lists show it: never the token itself. */
typedef struct TokenRow {
  int64_t id;
  const char *zPrefix; /* First characters, "" for tokens older than that */
  const char *zLabel;
  int64_t iCreated;
  int64_t iLastUsed; /* 0: never used */
  int64_t iRevoked;  /* 0: live */
} TokenRow;
int accounts_token_list(Db *pDb, Arena *pArena, int64_t iUserId,
                        TokenRow **paRow, int *pnRow);
/* Revokes the user's live tokens: every one (zWhich NULL), the one whose
** value is zWhich, or the one whose prefix starts with zWhich (at least 4
** characters). *pnRevoked gets how many. DB_CONSTRAINT (nothing revoked)
** when zWhich names more than one token. */
int accounts_token_revoke(Db *pDb, int64_t iUserId, const char *zWhich,
                          int *pnRevoked);
/* Revokes the user's token with that id; DB_DONE when there is no such
** live token of theirs. */
int accounts_token_revoke_id(Db *pDb, int64_t iUserId, int64_t iTokenId);

/* Password reset links: single use, valid ACCOUNTS_RESET_SECONDS, only the
** newest one of a user works. Created inside the caller's transaction (the
** mail that carries it is queued in the same one). */
#define ACCOUNTS_RESET_SECONDS (24 * 3600)
int accounts_reset_create(Db *pDb, int64_t iUserId, int64_t iBy,
                          char zToken[ACCOUNTS_TOKEN_MAX]);
/* The user a live link belongs to (a usable account), or 0. */
int64_t accounts_reset_user(Db *pDb, const char *zToken);
/* Uses a live link: sets the password (already validated), ends every
** session of the user and spends the link, in one transaction. DB_DONE
** when the link is not (or no longer) live. */
int accounts_reset_use(Db *pDb, Arena *pArena, const char *zToken,
                       const char *zPassword, int64_t *piUser);

/* Sign-in throttling (see ACCOUNTS_THROTTLE_ above). The delay after
** nFail failures in a scope with nFree free ones and the cap iCap. */
int64_t accounts_throttle_delay(int64_t nFail, int nFree, int64_t iCap);
/* The address the throttle counts for a client's zAddress, into zOut: an
** IPv4 address (also one mapped into IPv6) as such, an IPv6 address as
** its /64 network ("2001:db8:7:1::/64"), canonical (see throttle.c). */
#define ACCOUNTS_ADDRESS_MAX 64
const char *accounts_throttle_address(const char *zAddress,
                                      char zOut[ACCOUNTS_ADDRESS_MAX]);
/* Seconds zAddress must still wait before trying zEmail (normalized); 0:
** it may try now. -1 when the failures could not be counted: the caller
** refuses the sign-in (throttling fails closed). */
int64_t accounts_login_wait(Db *pDb, const char *zEmail, const char *zAddress);
/* Remembers an attempt (DB_OK or DB_ERROR). */
int accounts_login_record(Db *pDb, const char *zEmail, const char *zAddress,
                          int bSuccess);
/* Checks zPassword against the account's hash, or, for an e-mail with no
** usable account (zHash NULL), against a fixed dummy hash of the same cost
** so that the answer takes as long and says nothing about which e-mails
** exist. 1 only for a real match. */
int accounts_password_check(const char *zHash, const char *zPassword);

#endif
