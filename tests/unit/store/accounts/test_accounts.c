/*
** Passwords are stored as argon2id hashes, sessions and tokens as SHA-256
** hashes; validation speaks Spanish; throttling slows failures with growing
** delays per account, address and both, never locking the owner out, and
** refuses when it cannot count.
*/
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/accounts/accounts.h"
#include "store/council/council.h"
#include "test_db_target.h"

static int setup(void **state) {
  if (test_dir_setup(state) != 0) return -1;
  return accounts_init() == 0 ? 0 : -1;
}

static Db *open_migrated(void) { return test_db_open(test_db_path(), 1); }

static void passwords_hash_with_argon2id_and_verify(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *zHash = accounts_password_hash(pArena, "contraseña segura");
  assert_non_null(zHash);
  assert_int_equal(strncmp(zHash, "$argon2id$", 10), 0);
  assert_null(strstr(zHash, "contraseña"));
  assert_true(accounts_password_verify(zHash, "contraseña segura"));
  assert_false(accounts_password_verify(zHash, "contraseña segurA"));
  assert_false(accounts_password_verify(zHash, ""));
  assert_false(accounts_password_verify(NULL, "x"));
  const char *zHash2 = accounts_password_hash(pArena, "contraseña segura");
  assert_string_not_equal(zHash, zHash2); /* salted */
  arena_free(pArena);
}

static void validation_messages_are_spanish_and_specific(void **state) {
  (void)state;
  static const struct {
    const char *zEmail;
    int bOk;
  } aEmail[] = {
      {"maria@ejemplo.cl", 1},
      {"MARIA.PEREZ@serviu.cl", 1},
      {"", 0},
      {"sin-arroba", 0},
      {"a@b", 0},
      {"a@@b.cl", 0},
      {"a b@c.cl", 0},
      {"@c.cl", 0},
      {"a@c.cl.", 0},
      {"<a>@c.cl", 0},
  };
  for (size_t i = 0; i < sizeof(aEmail) / sizeof(aEmail[0]); i++) {
    const char *z = email_problem(aEmail[i].zEmail);
    if (aEmail[i].bOk) {
      assert_null(z);
    } else {
      assert_non_null(z);
    }
  }
  assert_non_null(accounts_password_problem("corta", NULL, NULL));
  assert_null(
      accounts_password_problem("ñandú azul", NULL, NULL)); /* 10 characters */
  assert_non_null(accounts_password_problem("ñññññññ", NULL,
                                            NULL)); /* 7 characters, 14 bytes */
  assert_non_null(accounts_name_problem("   "));
  assert_null(accounts_name_problem("María Pérez"));
}

static void tokens_are_random_and_stored_only_as_hashes(void **state) {
  (void)state;
  char a[ACCOUNTS_TOKEN_MAX], b[ACCOUNTS_TOKEN_MAX], h[65];
  accounts_random_token(a);
  accounts_random_token(b);
  assert_int_equal(strlen(a), ACCOUNTS_TOKEN_CHARS);
  assert_string_not_equal(a, b);
  accounts_token_hash("abc", h);
  assert_string_equal(
      h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static void users_are_created_once_per_email_in_any_case(void **state) {
  (void)state;
  Db *pDb = open_migrated();
  Arena *pArena = arena_new();
  const char *zErr = NULL, *zField = NULL;
  int64_t iId = 0;
  assert_int_equal(accounts_user_create(pDb, pArena, "Maria@Ejemplo.cl",
                                        "María", "consejero", "una clave larga",
                                        &iId, &zErr, &zField),
                   DB_OK);
  assert_true(iId > 0);
  assert_int_equal(
      accounts_user_create(pDb, pArena, "maria@ejemplo.CL", "Otra", "admin",
                           "otra clave larga", NULL, &zErr, &zField),
      DB_ERROR);
  assert_string_equal(zField, "email");
  assert_int_equal(
      accounts_user_create(pDb, pArena, "x@ejemplo.cl", "X", "superadmin",
                           "otra clave larga", NULL, &zErr, &zField),
      DB_ERROR);
  assert_string_equal(zField, "role");
  User u;
  assert_int_equal(
      accounts_user_by_email(pDb, pArena, "MARIA@ejemplo.cl", &u, NULL), DB_OK);
  assert_string_equal(u.zEmail, "maria@ejemplo.cl");
  assert_int_equal(u.mRole, ROLE_CONSEJERO);
  assert_int_equal(db_query_int64(pDb, "SELECT count(*) FROM users", -1), 1);
  arena_free(pArena);
  db_close(pDb);
}

static void sessions_are_found_by_cookie_and_end_on_password_change(
    void **state) {
  (void)state;
  Db *pDb = open_migrated();
  Arena *pArena = arena_new();
  const char *zErr = NULL;
  int64_t iId = 0, iS1 = 0, iS2 = 0, iFound = 0;
  assert_int_equal(accounts_user_create(pDb, pArena, "a@b.cl", "A", "admin",
                                        "clave inicial", &iId, &zErr, NULL),
                   DB_OK);
  char z1[ACCOUNTS_TOKEN_MAX], z2[ACCOUNTS_TOKEN_MAX];
  assert_int_equal(accounts_session_create(pDb, iId, z1, &iS1), DB_OK);
  assert_int_equal(accounts_session_create(pDb, iId, z2, &iS2), DB_OK);
  User u;
  assert_int_equal(accounts_session_lookup(pDb, pArena, z1, &u, &iFound),
                   DB_OK);
  assert_int_equal(iFound, iS1);
  assert_int_equal(
      accounts_session_lookup(pDb, pArena, "no-es-un-token", &u, NULL),
      DB_DONE);
  /* The cookie value itself is nowhere in the database. */
  DbStmt *p =
      db_prepare(pDb, "SELECT count(*) FROM sessions WHERE token_hash = ?");
  db_bind_text(p, 1, z1);
  assert_int_equal(db_step(p), DB_ROW);
  assert_int_equal(db_column_int64(p, 0), 0);
  db_done(p);
  assert_int_equal(
      accounts_set_password(pDb, pArena, iId, "clave nueva larga", iS1), DB_OK);
  assert_int_equal(accounts_session_lookup(pDb, pArena, z1, &u, NULL), DB_OK);
  assert_int_equal(accounts_session_lookup(pDb, pArena, z2, &u, NULL), DB_DONE);
  arena_free(pArena);
  db_close(pDb);
}

/* One request of a server on connection pDb: what it learns of sessions
** and tokens it keeps in memory for the next requests. */
static int lookup_in_request(Db *pDb, Arena *pArena, const char *zCookie,
                             int bToken) {
  User u;
  accounts_request_mark(pDb, 1);
  int rc = bToken ? accounts_token_lookup(pDb, pArena, zCookie, &u)
                  : accounts_session_lookup(pDb, pArena, zCookie, &u, NULL);
  accounts_request_mark(NULL, 0);
  return rc;
}

static void kept_sessions_and_tokens_end_when_another_connection_ends_them(
    void **state) {
  (void)state;
  accounts_auth_cache_clear();
  Db *pA = open_migrated();
  Db *pB = test_db_reopen(test_db_path()); /* Another server */
  Arena *pArena = arena_new();
  const char *zErr = NULL;
  int64_t iId = 0, iS1 = 0, iS2 = 0;
  assert_int_equal(accounts_user_create(pA, pArena, "k@b.cl", "K", "admin",
                                        "clave inicial", &iId, &zErr, NULL),
                   DB_OK);
  char z1[ACCOUNTS_TOKEN_MAX], z2[ACCOUNTS_TOKEN_MAX], zTok[ACCOUNTS_TOKEN_MAX];
  assert_int_equal(accounts_session_create(pA, iId, z1, &iS1), DB_OK);
  assert_int_equal(accounts_session_create(pA, iId, z2, &iS2), DB_OK);
  assert_int_equal(accounts_token_create(pA, iId, "prueba", zTok), DB_OK);
  for (int i = 0; i < 2; i++) { /* The second time from memory */
    assert_int_equal(lookup_in_request(pB, pArena, z1, 0), DB_OK);
    assert_int_equal(lookup_in_request(pB, pArena, z2, 0), DB_OK);
    assert_int_equal(lookup_in_request(pB, pArena, zTok, 1), DB_OK);
  }
  /* Signed out on A: refused on B's next request. */
  accounts_session_delete(pA, iS1);
  assert_int_equal(lookup_in_request(pB, pArena, z1, 0), DB_DONE);
  assert_int_equal(lookup_in_request(pB, pArena, z2, 0), DB_OK);
  /* The token revoked on A. */
  int nRevoked = 0;
  assert_int_equal(accounts_token_revoke(pA, iId, NULL, &nRevoked), DB_OK);
  assert_int_equal(nRevoked, 1);
  assert_int_equal(lookup_in_request(pB, pArena, zTok, 1), DB_DONE);
  /* The account disabled on A: its other session too. */
  assert_int_equal(accounts_user_set_active(pA, iId, 0), DB_OK);
  assert_int_equal(lookup_in_request(pB, pArena, z2, 0), DB_DONE);
  arena_free(pArena);
  db_close(pB);
  db_close(pA);
}

/* What a process keeps of one database (the councils, read whole) is never
** served for another it opens next: each starts its auth version at a
** random number. */
static void kept_councils_never_cross_databases(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *azName[] = {"Consejo Uno", "Consejo Dos"};
  for (int i = 0; i < 2; i++) {
    /* The same steps on a new, empty database: the same number of writes */
    Db *pDb = open_migrated();
    Council c = {.zName = azName[i], .zShortName = azName[i], .zRegion = "04"};
    int64_t iCouncil = 0;
    assert_int_equal(council_create(pDb, &c, &iCouncil), DB_OK);
    Council got;
    assert_int_equal(council_get(pDb, pArena, iCouncil, &got), DB_OK);
    assert_string_equal(got.zName, azName[i]);
    assert_int_equal(council_count(pDb), 1);
    db_close(pDb);
  }
  arena_free(pArena);
}

/* Failures recorded at chosen times (the store records db_now()). */
static void fail_at(Db *pDb, const char *zEmail, const char *zAddress,
                    int64_t tAt, int bSuccess) {
  DbStmt *p = db_prepare(pDb,
                         "INSERT INTO login_attempts(email, address, at, "
                         "success) VALUES (?, ?, ?, ?)");
  db_bind_text(p, 1, zEmail);
  db_bind_text(p, 2, zAddress);
  db_bind_int64(p, 3, tAt);
  db_bind_int64(p, 4, bSuccess);
  assert_int_equal(db_step(p), DB_DONE);
  db_done(p);
}

static void throttle_delays_grow_from_the_free_failures_up_to_a_cap(
    void **state) {
  (void)state;
  static const struct {
    int64_t nFail;
    int nFree;
    int64_t iCap, iWant;
  } a[] = {
      {0, 5, 900, 0},  {4, 5, 900, 0},    {5, 5, 900, 5},    {6, 5, 900, 10},
      {7, 5, 900, 20}, {12, 5, 900, 640}, {13, 5, 900, 900}, {500, 5, 900, 900},
      {10, 10, 60, 5}, {13, 10, 60, 40},  {14, 10, 60, 60},  {99, 10, 60, 60},
  };
  for (size_t i = 0; i < sizeof(a) / sizeof(a[0]); i++) {
    assert_int_equal(accounts_throttle_delay(a[i].nFail, a[i].nFree, a[i].iCap),
                     a[i].iWant);
  }
}

/* One address's failures on an account slow that address, not the owner
** at another address (who waits at most the account-wide minute). */
static void throttling_slows_the_guesser_and_never_locks_out_the_owner(
    void **state) {
  (void)state;
  Db *pDb = open_migrated();
  for (int i = 0; i < ACCOUNTS_THROTTLE_FREE_PAIR - 1; i++) {
    assert_int_equal(accounts_login_record(pDb, "a@b.cl", "10.0.0.1", 0),
                     DB_OK);
  }
  assert_int_equal(accounts_login_wait(pDb, "a@b.cl", "10.0.0.1"), 0);
  accounts_login_record(pDb, "a@b.cl", "10.0.0.1", 0);
  int64_t iWait = accounts_login_wait(pDb, "a@b.cl", "10.0.0.1");
  assert_true(iWait > 0 && iWait <= ACCOUNTS_THROTTLE_BASE_SECONDS);
  /* The owner elsewhere, and other accounts from the guesser's address. */
  assert_int_equal(accounts_login_wait(pDb, "a@b.cl", "10.0.0.2"), 0);
  assert_int_equal(accounts_login_wait(pDb, "otra@b.cl", "10.0.0.1"), 0);
  /* A hundred failures from one address, the last just now: that address
  ** waits a quarter of an hour, the owner at another at most a minute. */
  int64_t tNow = db_now();
  for (int i = 0; i < 100; i++)
    fail_at(pDb, "x@b.cl", "10.6.6.6", tNow - 100 + i, 0);
  iWait = accounts_login_wait(pDb, "x@b.cl", "10.6.6.6");
  assert_true(iWait > 14 * 60 && iWait <= ACCOUNTS_THROTTLE_MAX_SECONDS);
  iWait = accounts_login_wait(pDb, "x@b.cl", "10.7.7.7");
  assert_true(iWait > 0 && iWait <= ACCOUNTS_THROTTLE_ACCOUNT_MAX_SECONDS);
  /* Once the delay after the last failure has passed, the owner may try. */
  fail_at(pDb, "y@b.cl", "10.6.6.6", tNow - 4000, 0); /* Out of the window */
  for (int i = 0; i < 30; i++)
    fail_at(pDb, "y@b.cl", "10.6.6.6", tNow - 300 - i, 0);
  assert_int_equal(accounts_login_wait(pDb, "y@b.cl", "10.7.7.7"), 0);
  /* A success clears the account's failures. */
  accounts_login_record(pDb, "a@b.cl", "10.0.0.1", 1);
  assert_int_equal(accounts_login_wait(pDb, "a@b.cl", "10.0.0.1"), 0);
  db_close(pDb);
}

/* Many accounts tried from one address: that address waits for any
** account; failures spread over addresses slow the account they target. */
static void throttling_counts_per_address_and_per_account(void **state) {
  (void)state;
  Db *pDb = open_migrated();
  for (int i = 0; i < ACCOUNTS_THROTTLE_FREE_ADDRESS; i++) {
    char zEmail[32];
    snprintf(zEmail, sizeof(zEmail), "u%d@b.cl", i);
    accounts_login_record(pDb, zEmail, "10.9.9.9", 0);
  }
  assert_true(accounts_login_wait(pDb, "nueva@b.cl", "10.9.9.9") > 0);
  assert_int_equal(accounts_login_wait(pDb, "nueva@b.cl", "10.9.9.8"), 0);
  /* A success from the address does not clear what it did to others. */
  accounts_login_record(pDb, "u0@b.cl", "10.9.9.9", 1);
  assert_true(accounts_login_wait(pDb, "nueva@b.cl", "10.9.9.9") > 0);
  for (int i = 0; i < ACCOUNTS_THROTTLE_FREE_ACCOUNT; i++) {
    char zAddr[32];
    snprintf(zAddr, sizeof(zAddr), "10.1.1.%d", i);
    accounts_login_record(pDb, "blanco@b.cl", zAddr, 0);
  }
  int64_t iWait = accounts_login_wait(pDb, "blanco@b.cl", "10.2.2.2");
  assert_true(iWait > 0 && iWait <= ACCOUNTS_THROTTLE_ACCOUNT_MAX_SECONDS);
  db_close(pDb);
}

/* An IPv6 client is counted by its /64 network, written one way: its
** 2^64 addresses are one address to the throttle. */
static void ipv6_addresses_count_by_their_network(void **state) {
  (void)state;
  static const struct {
    const char *zIn, *zWant;
  } a[] = {
      {"10.0.0.1", "10.0.0.1"},
      {"2001:db8:7:1::1", "2001:db8:7:1::/64"},
      {"2001:0DB8:0007:0001:ffff:0:0:9", "2001:db8:7:1::/64"},
      {"2001:db8:7:1::0.0.0.7", "2001:db8:7:1::/64"},
      {"2001:db8:7:2::1", "2001:db8:7:2::/64"},
      {"::ffff:192.0.2.9", "192.0.2.9"},
      {"::1", "::/64"},
      {"?", "?"},
  };
  char zOut[ACCOUNTS_ADDRESS_MAX];
  for (size_t i = 0; i < sizeof(a) / sizeof(a[0]); i++) {
    assert_string_equal(accounts_throttle_address(a[i].zIn, zOut), a[i].zWant);
  }
  Db *pDb = open_migrated();
  for (int i = 0; i < ACCOUNTS_THROTTLE_FREE_PAIR; i++) {
    char zAddr[64];
    snprintf(zAddr, sizeof(zAddr), "2001:db8:5:5::%x", i + 1);
    accounts_login_record(pDb, "v6@b.cl", zAddr, 0);
  }
  assert_true(accounts_login_wait(pDb, "v6@b.cl", "2001:db8:5:5::99") > 0);
  assert_int_equal(accounts_login_wait(pDb, "v6@b.cl", "2001:db8:5:6::1"), 0);
  db_close(pDb);
}

/* When the failures cannot be counted, sign-in is refused (-1), never
** let through as "no failures". */
static void throttling_fails_closed_when_it_cannot_count(void **state) {
  (void)state;
  Db *pDb = open_migrated();
  assert_int_equal(accounts_login_wait(pDb, "a@b.cl", "10.0.0.1"), 0);
  assert_int_equal(db_exec_script(pDb, "DROP TABLE login_attempts"), DB_OK);
  assert_int_equal(accounts_login_wait(pDb, "a@b.cl", "10.0.0.1"), -1);
  assert_int_equal(accounts_login_record(pDb, "a@b.cl", "10.0.0.1", 0),
                   DB_ERROR);
  db_close(pDb);
}

/* A wrong e-mail costs what a wrong password costs: one argon2 check (of
** a dummy hash made once), and never a match. */
static void unknown_accounts_are_checked_against_a_dummy_hash(void **state) {
  (void)state;
  assert_false(accounts_password_check(NULL, "cualquier cosa"));
  assert_false(accounts_password_check("", ""));
  Arena *pArena = arena_new();
  const char *zHash = accounts_password_hash(pArena, "la clave real 1");
  assert_true(accounts_password_check(zHash, "la clave real 1"));
  assert_false(accounts_password_check(zHash, "otra"));
  arena_free(pArena);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(passwords_hash_with_argon2id_and_verify),
      cmocka_unit_test(validation_messages_are_spanish_and_specific),
      cmocka_unit_test(tokens_are_random_and_stored_only_as_hashes),
      cmocka_unit_test(users_are_created_once_per_email_in_any_case),
      cmocka_unit_test(sessions_are_found_by_cookie_and_end_on_password_change),
      cmocka_unit_test(
          kept_sessions_and_tokens_end_when_another_connection_ends_them),
      cmocka_unit_test(kept_councils_never_cross_databases),
      cmocka_unit_test(throttle_delays_grow_from_the_free_failures_up_to_a_cap),
      cmocka_unit_test(
          throttling_slows_the_guesser_and_never_locks_out_the_owner),
      cmocka_unit_test(throttling_counts_per_address_and_per_account),
      cmocka_unit_test(ipv6_addresses_count_by_their_network),
      cmocka_unit_test(throttling_fails_closed_when_it_cannot_count),
      cmocka_unit_test(unknown_accounts_are_checked_against_a_dummy_hash),
  };
  return cmocka_run_group_tests_name("accounts", tests, setup,
                                     test_dir_teardown);
}
