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
/* Throttling: failed sign-ins inside the window, per account and per
** network address, after which sign-in is refused until the window passes. */
#define ACCOUNTS_THROTTLE_WINDOW_SECONDS (15 * 60)
#define ACCOUNTS_THROTTLE_PER_ACCOUNT 5
#define ACCOUNTS_THROTTLE_PER_ADDRESS 20

/* Must be called once before anything else here (initializes libsodium). */
int accounts_init(void);

/* The role slug's bit (ROLE_ADMIN...), or 0 for an unknown slug. */
int accounts_role_bit(const char *zRole);
/* The role's Spanish name for display ("Encargada/o PAC", ...). */
const char *accounts_role_label(const char *zRole);

/* Validation: NULL when acceptable, else a Spanish sentence. E-mail
** addresses: email_problem() and email_normalize() (domain/email.h). */
const char *accounts_password_problem(const char *zPassword);
const char *accounts_name_problem(const char *zName);

/* Random token for cookies and API tokens (base64url, 43 characters). */
void accounts_random_token(char zOut[ACCOUNTS_TOKEN_MAX]);
/* SHA-256 of zToken as 64 hex digits (plus NUL). */
void accounts_token_hash(const char *zToken, char zOut[65]);

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

/* Finds an active user by e-mail (any case). On success fills *pUser and,
** when pzHash is not NULL, the password hash; strings in pArena. */
int accounts_user_by_email(Db *pDb, Arena *pArena, const char *zEmail,
                           User *pUser, const char **pzHash);
int accounts_user_by_id(Db *pDb, Arena *pArena, int64_t iId, User *pUser,
                        const char **pzHash);
/* Every active user, by name (strings in pArena). */
int accounts_user_list(Db *pDb, Arena *pArena, User **paUser, int *pnUser);
/* Replaces a user's password (already validated) and ends all their
** sessions except iKeepSession (0: none kept). */
int accounts_set_password(Db *pDb, Arena *pArena, int64_t iUserId,
                          const char *zPassword, int64_t iKeepSession);

/* Sessions. accounts_session_create() writes the new cookie value into
** zToken and its id into *piSession. accounts_session_lookup() finds the
** live session for a cookie value, slides its expiry, fills *pUser. */
int accounts_session_create(Db *pDb, int64_t iUserId,
                            char zToken[ACCOUNTS_TOKEN_MAX],
                            int64_t *piSession);
int accounts_session_lookup(Db *pDb, Arena *pArena, const char *zToken,
                            User *pUser, int64_t *piSession);
void accounts_session_delete(Db *pDb, int64_t iSession);

/* API tokens: a new one for the user (printed once, stored hashed); lookup
** by the value a client sends. */
int accounts_token_create(Db *pDb, int64_t iUserId, const char *zLabel,
                          char zToken[ACCOUNTS_TOKEN_MAX]);
int accounts_token_lookup(Db *pDb, Arena *pArena, const char *zToken,
                          User *pUser);

/* Sign-in throttling: 1 when too many recent failures for this account or
** address. accounts_login_record() remembers an attempt. */
int accounts_login_throttled(Db *pDb, const char *zEmail,
                             const char *zAddress);
void accounts_login_record(Db *pDb, const char *zEmail, const char *zAddress,
                           int bSuccess);

#endif
