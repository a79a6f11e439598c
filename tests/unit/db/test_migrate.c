/*
** Migrations apply once, in order, in transactions; the database interface
** binds parameters, reports constraints and nests transactions.
*/
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/db.h"
#include "util/embedded.h"
#include "test_db_target.h"

static Db *open_fresh(void) { return test_db_open(test_db_path(), 0); }

static void migrations_apply_once_and_record_their_version(void **state) {
  (void)state;
  Db *pDb = open_fresh();
  char zErr[256];
  int n = 0;
  assert_int_equal(db_schema_version(pDb), 0);
  assert_int_equal(db_migrate(pDb, &n, zErr, sizeof(zErr)), DB_OK);
  assert_int_equal(n, embedded_migrations_count);
  int iLast = atoi(embedded_migrations[embedded_migrations_count - 1].zName);
  assert_int_equal(db_schema_version(pDb), iLast);
  assert_int_equal(db_migrate(pDb, &n, zErr, sizeof(zErr)), DB_OK);
  assert_int_equal(n, 0);
  assert_int_equal(db_query_int64(pDb, "SELECT count(*) FROM schema_migrations", -1),
                   embedded_migrations_count);
  assert_false(db_has_data(pDb));
  db_close(pDb);
}

/* Numbers are reserved per feature branch (0004 mail before 0002/0003 have
** merged), so a gap may exist for a while; order and uniqueness may not. */
static void migration_files_are_numbered_in_order(void **state) {
  (void)state;
  int iPrev = 0;
  for (int i = 0; i < embedded_migrations_count; i++) {
    int iNumber = atoi(embedded_migrations[i].zName);
    assert_true(iNumber > iPrev); /* In order, each number once */
    iPrev = iNumber;
    assert_non_null(strstr(embedded_migrations[i].zName, ".sql"));
  }
}

static void parameters_are_bound_never_pasted(void **state) {
  (void)state;
  Db *pDb = open_fresh();
  char zErr[256];
  assert_int_equal(db_migrate(pDb, NULL, zErr, sizeof(zErr)), DB_OK);
  const char *zEvil = "x'); DROP TABLE settings; --";
  DbStmt *p = db_prepare(pDb, "INSERT INTO settings(key, value) VALUES (?, ?)");
  db_bind_text(p, 1, "k");
  db_bind_text(p, 2, zEvil);
  assert_int_equal(db_step(p), DB_DONE);
  db_done(p);
  p = db_prepare(pDb, "SELECT value FROM settings WHERE key = ?");
  db_bind_text(p, 1, "k");
  assert_int_equal(db_step(p), DB_ROW);
  assert_string_equal(db_column_text(p, 0), zEvil);
  db_done(p);
  db_close(pDb);
}

static void a_unique_violation_is_reported_as_constraint(void **state) {
  (void)state;
  Db *pDb = open_fresh();
  char zErr[256];
  assert_int_equal(db_migrate(pDb, NULL, zErr, sizeof(zErr)), DB_OK);
  for (int i = 0; i < 2; i++) {
    DbStmt *p = db_prepare(pDb, "INSERT INTO settings(key, value) VALUES ('a', 'b')");
    assert_int_equal(db_step(p), i == 0 ? DB_DONE : DB_CONSTRAINT);
    db_done(p);
  }
  db_close(pDb);
}

static void an_inner_rollback_makes_the_outer_commit_fail(void **state) {
  (void)state;
  Db *pDb = open_fresh();
  char zErr[256];
  assert_int_equal(db_migrate(pDb, NULL, zErr, sizeof(zErr)), DB_OK);
  assert_int_equal(db_begin(pDb), DB_OK);
  DbStmt *p = db_prepare(pDb, "INSERT INTO settings(key, value) VALUES ('x', '1')");
  assert_int_equal(db_step(p), DB_DONE);
  db_done(p);
  assert_int_equal(db_begin(pDb), DB_OK);
  db_rollback(pDb);
  assert_int_equal(db_commit(pDb), DB_ERROR);
  assert_false(db_in_transaction(pDb));
  assert_int_equal(db_query_int64(pDb, "SELECT count(*) FROM settings WHERE key = 'x'", -1), 0);
  db_close(pDb);
}

static void a_file_that_is_not_a_database_is_refused_clearly(void **state) {
  (void)state;
  if (test_db_pg_url()) skip();
  FILE *f = fopen(test_db_path(), "w");
  fputs("esto no es una base de datos, es un texto cualquiera que ocupa espacio", f);
  fclose(f);
  char zErr[256];
  Db *pDb = NULL;
  assert_int_equal(db_open(test_db_path(), &pDb, zErr, sizeof(zErr)), DB_ERROR);
  assert_null(pDb);
  assert_non_null(strstr(zErr, test_db_path()));
  assert_int_equal(db_open(test_dir(), &pDb, zErr, sizeof(zErr)), DB_ERROR);
  assert_non_null(strstr(zErr, "carpeta"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(migrations_apply_once_and_record_their_version),
      cmocka_unit_test(migration_files_are_numbered_in_order),
      cmocka_unit_test(parameters_are_bound_never_pasted),
      cmocka_unit_test(a_unique_violation_is_reported_as_constraint),
      cmocka_unit_test(an_inner_rollback_makes_the_outer_commit_fail),
      cmocka_unit_test(a_file_that_is_not_a_database_is_refused_clearly),
  };
  return cmocka_run_group_tests_name("db/migrate", tests, test_dir_setup,
                                     test_dir_teardown);
}
