/*
** Passwords are stored as argon2id hashes, sessions and tokens as SHA-256
** hashes; validation speaks Spanish; throttling counts failures per account
** and per address.
*/
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/accounts/accounts.h"
#include "test_db_target.h"

static char g_zDir[64];
static char g_zPath[128];

static int setup(void **state) {
  (void)state;
  if (accounts_init() != 0) return -1;
  snprintf(g_zDir, sizeof(g_zDir), "/tmp/cosoc-test-XXXXXX");
  if (!mkdtemp(g_zDir)) return -1;
  snprintf(g_zPath, sizeof(g_zPath), "%s/t.db", g_zDir);
  return 0;
}

static int teardown(void **state) {
  (void)state;
  char zCmd[200];
  snprintf(zCmd, sizeof(zCmd), "rm -rf %s", g_zDir);
  return system(zCmd) == 0 ? 0 : -1;
}

static Db *open_migrated(void) { return test_db_open(g_zPath, 1); }

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
      {"maria@ejemplo.cl", 1}, {"MARIA.PEREZ@serviu.cl", 1}, {"", 0},
      {"sin-arroba", 0},       {"a@b", 0},                   {"a@@b.cl", 0},
      {"a b@c.cl", 0},         {"@c.cl", 0},                 {"a@c.cl.", 0},
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
  assert_non_null(accounts_password_problem("corta"));
  assert_null(accounts_password_problem("contraseña")); /* 10 characters */
  assert_non_null(accounts_password_problem("ñññññññ"));  /* 7 characters, 14 bytes */
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
  assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static void users_are_created_once_per_email_in_any_case(void **state) {
  (void)state;
  Db *pDb = open_migrated();
  Arena *pArena = arena_new();
  const char *zErr = NULL, *zField = NULL;
  int64_t iId = 0;
  assert_int_equal(accounts_user_create(pDb, pArena, "Maria@Ejemplo.cl", "María",
                                        "consejero", "una clave larga", &iId,
                                        &zErr, &zField),
                   DB_OK);
  assert_true(iId > 0);
  assert_int_equal(accounts_user_create(pDb, pArena, "maria@ejemplo.CL", "Otra",
                                        "admin", "otra clave larga", NULL,
                                        &zErr, &zField),
                   DB_ERROR);
  assert_string_equal(zField, "email");
  assert_int_equal(accounts_user_create(pDb, pArena, "x@ejemplo.cl", "X",
                                        "superadmin", "otra clave larga", NULL,
                                        &zErr, &zField),
                   DB_ERROR);
  assert_string_equal(zField, "role");
  User u;
  assert_int_equal(accounts_user_by_email(pDb, pArena, "MARIA@ejemplo.cl", &u, NULL), DB_OK);
  assert_string_equal(u.zEmail, "maria@ejemplo.cl");
  assert_int_equal(u.mRole, ROLE_CONSEJERO);
  assert_int_equal(db_query_int64(pDb, "SELECT count(*) FROM users", -1), 1);
  arena_free(pArena);
  db_close(pDb);
}

static void sessions_are_found_by_cookie_and_end_on_password_change(void **state) {
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
  assert_int_equal(accounts_session_lookup(pDb, pArena, z1, &u, &iFound), DB_OK);
  assert_int_equal(iFound, iS1);
  assert_int_equal(accounts_session_lookup(pDb, pArena, "no-es-un-token", &u, NULL), DB_DONE);
  /* The cookie value itself is nowhere in the database. */
  DbStmt *p = db_prepare(pDb, "SELECT count(*) FROM sessions WHERE token_hash = ?");
  db_bind_text(p, 1, z1);
  assert_int_equal(db_step(p), DB_ROW);
  assert_int_equal(db_column_int64(p, 0), 0);
  db_done(p);
  assert_int_equal(accounts_set_password(pDb, pArena, iId, "clave nueva larga", iS1), DB_OK);
  assert_int_equal(accounts_session_lookup(pDb, pArena, z1, &u, NULL), DB_OK);
  assert_int_equal(accounts_session_lookup(pDb, pArena, z2, &u, NULL), DB_DONE);
  arena_free(pArena);
  db_close(pDb);
}

static void throttling_counts_failures_since_the_last_success(void **state) {
  (void)state;
  Db *pDb = open_migrated();
  for (int i = 0; i < ACCOUNTS_THROTTLE_PER_ACCOUNT - 1; i++) {
    accounts_login_record(pDb, "a@b.cl", "10.0.0.1", 0);
  }
  assert_false(accounts_login_throttled(pDb, "a@b.cl", "10.0.0.1"));
  accounts_login_record(pDb, "a@b.cl", "10.0.0.1", 0);
  assert_true(accounts_login_throttled(pDb, "a@b.cl", "10.0.0.2"));
  assert_false(accounts_login_throttled(pDb, "otra@b.cl", "10.0.0.2"));
  /* Per address: many accounts tried from one place. */
  for (int i = 0; i < ACCOUNTS_THROTTLE_PER_ADDRESS; i++) {
    char zEmail[32];
    snprintf(zEmail, sizeof(zEmail), "u%d@b.cl", i);
    accounts_login_record(pDb, zEmail, "10.9.9.9", 0);
  }
  assert_true(accounts_login_throttled(pDb, "nueva@b.cl", "10.9.9.9"));
  db_close(pDb);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(passwords_hash_with_argon2id_and_verify),
      cmocka_unit_test(validation_messages_are_spanish_and_specific),
      cmocka_unit_test(tokens_are_random_and_stored_only_as_hashes),
      cmocka_unit_test(users_are_created_once_per_email_in_any_case),
      cmocka_unit_test(sessions_are_found_by_cookie_and_end_on_password_change),
      cmocka_unit_test(throttling_counts_failures_since_the_last_success),
  };
  return cmocka_run_group_tests_name("accounts", tests, setup, teardown);
}
