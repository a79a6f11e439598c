/*
** Account lifecycle: common and personal passwords refused; disabling ends
** sessions and tokens at once; roles change; tokens are listed and revoked
** by prefix; reset links are single use, newest only, expire, and end the
** sessions; a councillor who leaves office loses access. Both backends.
*/
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/accounts/accounts.h"
#include "test_db_target.h"

static int setup(void **state) {
  if (test_dir_setup(state) != 0) return -1;
  return accounts_init() == 0 ? 0 : -1;
}

static int64_t make_user(Db *pDb, Arena *pArena, const char *zEmail,
                         const char *zRole) {
  const char *zErr = NULL;
  int64_t iId = 0;
  assert_int_equal(
      accounts_user_create(pDb, pArena, zEmail, "Persona Prueba", zRole,
                           "faro del norte 77", &iId, &zErr, NULL),
      DB_OK);
  return iId;
}

static void exec(Db *pDb, const char *zSql, int64_t a, int64_t b) {
  DbStmt *p = db_prepare(pDb, zSql);
  assert_non_null(p);
  db_bind_int64(p, 1, a);
  db_bind_int64(p, 2, b);
  assert_int_equal(db_step(p), DB_DONE);
  db_done(p);
}

static void common_and_personal_passwords_are_refused(void **state) {
  (void)state;
  static const char *azCommon[] = {"12345678",      "password",   "PASSWORD",
                                   "contraseña",    "contrasena", "qwerty123",
                                   "Mariposa2024!", "tequiero",   "colocolo1",
                                   "iloveyou",      "123456789"};
  for (size_t i = 0; i < sizeof(azCommon) / sizeof(azCommon[0]); i++) {
    const char *z = accounts_password_problem(azCommon[i], NULL, NULL);
    assert_non_null(z);
    assert_non_null(strstr(z, "más usadas"));
  }
  assert_null(
      accounts_password_problem("cuatro gatos en la azotea", NULL, NULL));
  assert_null(accounts_password_problem("faro del norte 77", "Rosa Díaz",
                                        "rosa.diaz@example.cl"));
  /* Made of the person's own name or e-mail. */
  const char *z =
      accounts_password_problem("RosaDiaz2024", "Rosa Diaz", "rd@example.cl");
  assert_non_null(z);
  assert_non_null(strstr(z, "nombre"));
  assert_non_null(accounts_password_problem("rosa.diaz.1990", "Ana Pérez",
                                            "rosa.diaz@example.cl"));
  assert_non_null(accounts_password_problem("mi correo rd@example.cl",
                                            "Ana Pérez", "rd@example.cl"));
  assert_non_null(accounts_password_problem("Valenzuela", "Ana Valenzuela",
                                            "ana@example.cl"));
  /* A short name inside a phrase is not the name. */
  assert_null(accounts_password_problem("otra clave larga", "Otra", "o@b.cl"));
  /* Patterns no list holds every length of: one character repeated (with
  ** digits or signs after it), two taking turns, a straight run. */
  static const char *azPattern[] = {
      "        ", "!!!!!!!!",     "zzzzzzzzzz1", "abababab",
      "ññññññññ", "abcdefghij",   "ABCDEFGH",    "zyxwvuts",
      "98765432", "lmnopqrs2024", "12121212",    "0000000000000",
  };
  for (size_t i = 0; i < sizeof(azPattern) / sizeof(azPattern[0]); i++) {
    const char *zWhy = accounts_password_problem(azPattern[i], NULL, NULL);
    if (!zWhy) fail_msg("«%s» was accepted", azPattern[i]);
  }
  assert_non_null(strstr(accounts_password_problem("abcdefghijk", NULL, NULL),
                         "serie seguida"));
  /* Phrases and ordinary passwords with a run inside still pass. */
  assert_null(accounts_password_problem("abcde fuera del plan", NULL, NULL));
  assert_null(accounts_password_problem("mi clave 12345 azul", NULL, NULL));
}

static void disabling_ends_sessions_and_tokens_at_once(void **state) {
  (void)state;
  Db *pDb = test_db_open(test_db_path(), 1);
  Arena *pArena = arena_new();
  int64_t iId = make_user(pDb, pArena, "a@ejemplo.cl", "consejero");
  char zSession[ACCOUNTS_TOKEN_MAX], zToken[ACCOUNTS_TOKEN_MAX];
  int64_t iSession = 0;
  assert_int_equal(accounts_session_create(pDb, iId, zSession, &iSession),
                   DB_OK);
  assert_int_equal(accounts_token_create(pDb, iId, "script", zToken), DB_OK);
  User u;
  assert_int_equal(accounts_token_lookup(pDb, pArena, zToken, &u), DB_OK);
  assert_int_equal(accounts_user_set_active(pDb, iId, 0), DB_OK);
  assert_int_equal(accounts_session_lookup(pDb, pArena, zSession, &u, NULL),
                   DB_DONE);
  assert_int_equal(accounts_token_lookup(pDb, pArena, zToken, &u), DB_DONE);
  assert_int_equal(
      accounts_user_by_email(pDb, pArena, "a@ejemplo.cl", &u, NULL), DB_DONE);
  /* Enabled again: it signs in, but what was handed out stays ended. */
  assert_int_equal(accounts_user_set_active(pDb, iId, 1), DB_OK);
  assert_int_equal(
      accounts_user_by_email(pDb, pArena, "a@ejemplo.cl", &u, NULL), DB_OK);
  assert_int_equal(accounts_token_lookup(pDb, pArena, zToken, &u), DB_DONE);
  assert_int_equal(accounts_session_lookup(pDb, pArena, zSession, &u, NULL),
                   DB_DONE);
  assert_int_equal(accounts_user_set_active(pDb, 99999, 0), DB_DONE);
  /* Roles. */
  assert_int_equal(accounts_user_set_role(pDb, iId, "autoridad"), DB_OK);
  assert_int_equal(accounts_user_by_id(pDb, pArena, iId, &u, NULL), DB_OK);
  assert_int_equal(u.mRole, ROLE_AUTORIDAD);
  assert_int_equal(accounts_user_set_role(pDb, iId, "rey"), DB_ERROR);
  arena_free(pArena);
  db_close(pDb);
}

static void tokens_are_listed_with_dates_and_revoked_by_prefix(void **state) {
  (void)state;
  Db *pDb = test_db_open(test_db_path(), 1);
  Arena *pArena = arena_new();
  int64_t iId = make_user(pDb, pArena, "b@ejemplo.cl", "admin");
  int64_t iOther = make_user(pDb, pArena, "c@ejemplo.cl", "admin");
  char z1[ACCOUNTS_TOKEN_MAX], z2[ACCOUNTS_TOKEN_MAX], z3[ACCOUNTS_TOKEN_MAX];
  assert_int_equal(accounts_token_create(pDb, iId, "uno", z1), DB_OK);
  assert_int_equal(accounts_token_create(pDb, iId, "dos", z2), DB_OK);
  assert_int_equal(accounts_token_create(pDb, iOther, "otro", z3), DB_OK);
  User u;
  assert_int_equal(accounts_token_lookup(pDb, pArena, z1, &u), DB_OK);
  TokenRow *aRow = NULL;
  int nRow = 0;
  assert_int_equal(accounts_token_list(pDb, pArena, iId, &aRow, &nRow), DB_OK);
  assert_int_equal(nRow, 2);
  for (int i = 0; i < nRow; i++) {
    assert_int_equal(strlen(aRow[i].zPrefix), ACCOUNTS_TOKEN_PREFIX);
    assert_true(aRow[i].iCreated > 0);
    assert_int_equal(aRow[i].iRevoked, 0);
    /* The one just used has a last use; the other has none. */
    int bUsed = strncmp(aRow[i].zPrefix, z1, ACCOUNTS_TOKEN_PREFIX) == 0;
    assert_int_equal(aRow[i].iLastUsed > 0, bUsed);
  }
  int n = 0;
  char zPrefix[8];
  memcpy(zPrefix, z1, 6);
  zPrefix[6] = 0;
  /* Another account's token is never revoked through this one. */
  assert_int_equal(accounts_token_revoke(pDb, iOther, zPrefix, &n), DB_OK);
  assert_int_equal(n, strncmp(z3, z1, 6) == 0 ? 1 : 0);
  assert_int_equal(accounts_token_revoke(pDb, iId, zPrefix, &n), DB_OK);
  assert_int_equal(n, 1);
  assert_int_equal(accounts_token_lookup(pDb, pArena, z1, &u), DB_DONE);
  assert_int_equal(accounts_token_lookup(pDb, pArena, z2, &u), DB_OK);
  /* A prefix that names two tokens revokes nothing. */
  exec(pDb,
       "UPDATE api_tokens SET token_prefix = 'AAAAAAAA' WHERE user_id = ? "
       "AND ? > 0",
       iOther, 1);
  char z4[ACCOUNTS_TOKEN_MAX];
  assert_int_equal(accounts_token_create(pDb, iOther, "cuatro", z4), DB_OK);
  exec(pDb,
       "UPDATE api_tokens SET token_prefix = 'AAAAAAAA' WHERE user_id = ? "
       "AND ? > 0",
       iOther, 1);
  assert_int_equal(accounts_token_revoke(pDb, iOther, "AAAA", &n),
                   DB_CONSTRAINT);
  assert_int_equal(n, 0);
  /* The whole token names one; no prefix names them all. */
  assert_int_equal(accounts_token_revoke(pDb, iOther, z4, &n), DB_OK);
  assert_int_equal(n, 1);
  assert_int_equal(accounts_token_revoke(pDb, iId, NULL, &n), DB_OK);
  assert_int_equal(n, 1);
  assert_int_equal(accounts_token_lookup(pDb, pArena, z2, &u), DB_DONE);
  arena_free(pArena);
  db_close(pDb);
}

static void reset_links_are_single_use_newest_only_and_expire(void **state) {
  (void)state;
  Db *pDb = test_db_open(test_db_path(), 1);
  Arena *pArena = arena_new();
  int64_t iId = make_user(pDb, pArena, "d@ejemplo.cl", "consejero");
  char zSession[ACCOUNTS_TOKEN_MAX], zOld[ACCOUNTS_TOKEN_MAX],
      zLink[ACCOUNTS_TOKEN_MAX];
  int64_t iSession = 0;
  assert_int_equal(accounts_session_create(pDb, iId, zSession, &iSession),
                   DB_OK);
  assert_int_equal(accounts_reset_create(pDb, iId, 0, zOld), DB_OK);
  assert_int_equal(accounts_reset_user(pDb, zOld), iId);
  assert_int_equal(accounts_reset_create(pDb, iId, 0, zLink), DB_OK);
  assert_int_equal(accounts_reset_user(pDb, zOld), 0); /* Newest only */
  assert_int_equal(accounts_reset_user(pDb, zLink), iId);
  int64_t iUser = 0;
  assert_int_equal(
      accounts_reset_use(pDb, pArena, zLink, "brisa marina 2031", &iUser),
      DB_OK);
  assert_int_equal(iUser, iId);
  User u;
  const char *zHash = NULL;
  assert_int_equal(accounts_user_by_id(pDb, pArena, iId, &u, &zHash), DB_OK);
  assert_true(accounts_password_verify(zHash, "brisa marina 2031"));
  assert_int_equal(accounts_session_lookup(pDb, pArena, zSession, &u, NULL),
                   DB_DONE);
  /* Used once. */
  assert_int_equal(
      accounts_reset_use(pDb, pArena, zLink, "otra brisa 2032", &iUser),
      DB_DONE);
  /* Expired. */
  assert_int_equal(accounts_reset_create(pDb, iId, 0, zLink), DB_OK);
  exec(pDb, "UPDATE password_resets SET expires_at = ? WHERE user_id = ?",
       db_now() - 1, iId);
  assert_int_equal(accounts_reset_user(pDb, zLink), 0);
  assert_int_equal(
      accounts_reset_use(pDb, pArena, zLink, "otra brisa 2032", &iUser),
      DB_DONE);
  /* A disabled account's link is spent with it. */
  assert_int_equal(accounts_reset_create(pDb, iId, 0, zLink), DB_OK);
  assert_int_equal(accounts_user_set_active(pDb, iId, 0), DB_OK);
  assert_int_equal(accounts_user_set_active(pDb, iId, 1), DB_OK);
  assert_int_equal(accounts_reset_user(pDb, zLink), 0);
  arena_free(pArena);
  db_close(pDb);
}

/* A councillor's account follows their member record: it stops working
** when they resign, are replaced or removed, or when their term ends. */
static void a_councillor_who_leaves_office_loses_access(void **state) {
  (void)state;
  Db *pDb = test_db_open(test_db_path(), 1);
  Arena *pArena = arena_new();
  int64_t iId = make_user(pDb, pArena, "e@ejemplo.cl", "consejero");
  char zSession[ACCOUNTS_TOKEN_MAX], zToken[ACCOUNTS_TOKEN_MAX];
  int64_t iSession = 0;
  assert_int_equal(accounts_session_create(pDb, iId, zSession, &iSession),
                   DB_OK);
  assert_int_equal(accounts_token_create(pDb, iId, "", zToken), DB_OK);
  int64_t iCouncil =
      db_query_int64(pDb,
                     "INSERT INTO councils(name, short_name, created_at) "
                     "VALUES ('Consejo', 'C', 0) RETURNING id",
                     0);
  assert_true(iCouncil > 0);
  DbStmt *p = db_prepare(
      pDb,
      "INSERT INTO members(council_id, first_names, last_names, run, "
      "email, commune_code, term_start, term_end, user_id, created_at, "
      "updated_at) VALUES (?, 'Elena', 'Soto', '11111111-1', "
      "'e@ejemplo.cl', (SELECT min(code) FROM territory_communes), "
      "'2024-01-01', '2099-12-31', ?, 0, 0) RETURNING id");
  db_bind_int64(p, 1, iCouncil);
  db_bind_int64(p, 2, iId);
  assert_int_equal(db_step(p), DB_ROW);
  int64_t iMember = db_column_int64(p, 0);
  db_done(p);
  User u;
  UserRow row;
  assert_int_equal(
      accounts_user_by_email(pDb, pArena, "e@ejemplo.cl", &u, NULL), DB_OK);
  static const char *azLeft[] = {"renuncio", "reemplazado", "cesado"};
  for (size_t i = 0; i < 3; i++) {
    DbStmt *pUp = db_prepare(pDb, "UPDATE members SET status = ? WHERE id = ?");
    db_bind_text(pUp, 1, azLeft[i]);
    db_bind_int64(pUp, 2, iMember);
    assert_int_equal(db_step(pUp), DB_DONE);
    db_done(pUp);
    assert_int_equal(
        accounts_user_by_email(pDb, pArena, "e@ejemplo.cl", &u, NULL), DB_DONE);
    assert_int_equal(accounts_session_lookup(pDb, pArena, zSession, &u, NULL),
                     DB_DONE);
    assert_int_equal(accounts_token_lookup(pDb, pArena, zToken, &u), DB_DONE);
    assert_int_equal(accounts_user_row(pDb, pArena, iId, &row), DB_OK);
    assert_true(row.bLeftOffice);
  }
  exec(pDb,
       "UPDATE members SET status = 'vigente', term_end = '2020-12-31' "
       "WHERE id = ? AND ? > 0",
       iMember, 1);
  assert_int_equal(
      accounts_user_by_email(pDb, pArena, "e@ejemplo.cl", &u, NULL), DB_DONE);
  assert_int_equal(accounts_token_lookup(pDb, pArena, zToken, &u), DB_DONE);
  exec(pDb, "UPDATE members SET term_end = '2099-12-31' WHERE id = ? AND ? > 0",
       iMember, 1);
  assert_int_equal(accounts_session_lookup(pDb, pArena, zSession, &u, NULL),
                   DB_OK);
  assert_int_equal(accounts_token_lookup(pDb, pArena, zToken, &u), DB_OK);
  assert_int_equal(accounts_user_row(pDb, pArena, iId, &row), DB_OK);
  assert_false(row.bLeftOffice);
  arena_free(pArena);
  db_close(pDb);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(common_and_personal_passwords_are_refused),
      cmocka_unit_test(disabling_ends_sessions_and_tokens_at_once),
      cmocka_unit_test(tokens_are_listed_with_dates_and_revoked_by_prefix),
      cmocka_unit_test(reset_links_are_single_use_newest_only_and_expire),
      cmocka_unit_test(a_councillor_who_leaves_office_loses_access),
  };
  return cmocka_run_group_tests_name("lifecycle", tests, setup,
                                     test_dir_teardown);
}
