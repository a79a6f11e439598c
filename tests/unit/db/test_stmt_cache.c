/*
** The statement cache hands out statements that stay put: a statement a
** caller holds keeps running its own SQL however many other statements are
** prepared, cached and evicted meanwhile; a failed db_prepare() gives a
** NULL that every other db_* function accepts. Runs on both backends.
*/
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "test_db_target.h"

#define N_TEXTS 400 /* More distinct statements than the cache holds (128) */

static char *g_azSql[N_TEXTS]; /* Live until the connection closes */

static int setup(void **state) {
  if (test_dir_setup(state) != 0) return -1;
  for (int i = 0; i < N_TEXTS; i++) {
    /* Each text selects its own number, so a statement that runs another
    ** one's SQL gives itself away. */
    char z[64];
    snprintf(z, sizeof(z), "SELECT CAST(%d AS BIGINT) + CAST(? AS BIGINT)",
             1000 + i);
    g_azSql[i] = strdup(z);
  }
  return 0;
}

static int teardown(void **state) {
  for (int i = 0; i < N_TEXTS; i++) free(g_azSql[i]);
  return test_dir_teardown(state);
}

/* Runs statement i once (bound to iAdd) and checks its answer. */
static void run_and_check(DbStmt *p, int i, int64_t iAdd) {
  assert_non_null(p);
  db_bind_int64(p, 1, iAdd);
  assert_int_equal(db_step(p), DB_ROW);
  assert_int_equal(db_column_int64(p, 0), 1000 + i + iAdd);
  assert_int_equal(db_step(p), DB_DONE);
}

/* Statements held across an overfilled cache, prepared and bound but not
** yet stepped, as a caller that prepares two statements and then runs both
** does. Some are taken after others were prepared and given back, so that
** evicting those would slide the held ones if slots moved. */
static void held_statements_keep_their_sql_while_the_cache_overflows(
    void **state) {
  (void)state;
  Db *pDb = test_db_open(test_db_path(), 0);
  DbStmt *apHeld[N_TEXTS] = {0};
  int nHeld = 0;
  for (int i = 0; i < N_TEXTS; i++) {
    DbStmt *p = db_prepare(pDb, g_azSql[i]);
    assert_non_null(p);
    if (i % 23 == 5) {
      db_bind_int64(p, 1, 3 * i);
      apHeld[i] = p; /* Run at the end */
      nHeld++;
      continue;
    }
    run_and_check(p, i, 0);
    db_done(p);
  }
  assert_true(nHeld > 10);
  for (int i = 0; i < N_TEXTS; i++) {
    if (!apHeld[i]) continue;
    assert_int_equal(db_step(apHeld[i]), DB_ROW);
    assert_int_equal(db_column_int64(apHeld[i], 0), 1000 + i + 3 * i);
    db_done(apHeld[i]);
  }
  /* Given back, the texts are found (or prepared) again and still right. */
  for (int i = N_TEXTS - 1; i >= 0; i--) {
    DbStmt *p = db_prepare(pDb, g_azSql[i]);
    run_and_check(p, i, 1);
    db_done(p);
  }
  db_close(pDb);
}

/* A tiny cache (the test setting): more statements held at once than
** there are slots still works, and nothing leaks (LeakSanitizer). */
static void more_statements_held_than_slots_still_run(void **state) {
  (void)state;
  setenv("COSOC_TEST_STMT_CACHE", "3", 1);
  Db *pDb = test_db_open(test_db_path(), 0);
  unsetenv("COSOC_TEST_STMT_CACHE");
  DbStmt *ap[10];
  for (int i = 0; i < 10; i++) {
    ap[i] = db_prepare(pDb, g_azSql[i]);
    assert_non_null(ap[i]);
    db_bind_int64(ap[i], 1, 2);
  }
  for (int i = 9; i >= 0; i--) {
    assert_int_equal(db_step(ap[i]), DB_ROW);
    assert_int_equal(db_column_int64(ap[i], 0), 1000 + i + 2);
    db_done(ap[i]);
  }
  /* The same text asked for while it is held gets its own copy. */
  DbStmt *pA = db_prepare(pDb, g_azSql[0]);
  DbStmt *pB = db_prepare(pDb, g_azSql[0]);
  assert_ptr_not_equal(pA, pB);
  db_bind_int64(pA, 1, 1);
  assert_int_equal(db_step(pA), DB_ROW);
  run_and_check(pB, 0, 5);
  assert_int_equal(db_column_int64(pA, 0), 1001);
  db_done(pB);
  db_done(pA);
  db_close(pDb);
}

/* A statement that cannot be prepared is NULL, and using that NULL is an
** error the caller sees, not a crash. */
static void a_failed_prepare_is_null_and_safe_to_use(void **state) {
  (void)state;
  Db *pDb = test_db_open(test_db_path(), 0);
  DbStmt *p = db_prepare(pDb, "SELECT no_such_column FROM no_such_table");
  assert_null(p);
  db_bind_int64(p, 1, 1);
  db_bind_text(p, 2, "x");
  db_bind_text(p, 3, NULL);
  db_bind_blob(p, 4, "x", 1);
  db_bind_null(p, 5);
  assert_int_equal(db_step(p), DB_ERROR);
  assert_true(db_column_is_null(p, 0));
  assert_int_equal(db_column_int64(p, 0), 0);
  assert_string_equal(db_column_text(p, 0), "");
  assert_null(db_column_blob(p, 0));
  assert_int_equal(db_column_bytes(p, 0), 0);
  db_done(p);
  /* The connection is fine afterwards. */
  DbStmt *pOk = db_prepare(pDb, g_azSql[3]);
  run_and_check(pOk, 3, 0);
  db_done(pOk);
  db_close(pDb);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(
          held_statements_keep_their_sql_while_the_cache_overflows),
      cmocka_unit_test(more_statements_held_than_slots_still_run),
      cmocka_unit_test(a_failed_prepare_is_null_and_safe_to_use),
  };
  return cmocka_run_group_tests_name("stmt_cache", tests, setup, teardown);
}
