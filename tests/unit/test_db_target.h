/*
** The database a unit test runs on: a fresh SQLite file, or, when
** scripts/run-tests.sh sets COSOC_TEST_PG_URL, the throw-away PostgreSQL
** database it names, emptied first. A unit test that opens its database
** with test_db_open() runs on both backends (run-tests.sh finds it by that
** name).
*/
#ifndef COSOC_TESTS_UNIT_TEST_DB_TARGET_H
#define COSOC_TESTS_UNIT_TEST_DB_TARGET_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "db/db.h"

/* A scratch folder for a test program, made by its group setup
** (test_dir_setup) and removed with what is in it by its teardown
** (test_dir_teardown); test_db_path() is the SQLite file in it. */
static inline char *test_dir(void) {
  static char zDir[64];
  return zDir;
}
/* Written once, by test_dir_setup, and only read after: tests call
** test_db_path() from many threads at once, and a path rewritten in place
** while another thread read it opened a different, empty database now and
** then (test_write_queue: "no such table: queued"). */
static inline char *test_db_path_buffer(void) {
  static char zPath[128];
  return zPath;
}
static inline const char *test_db_path(void) { return test_db_path_buffer(); }
static inline int test_dir_setup(void **state) {
  (void)state;
  snprintf(test_dir(), 64, "/tmp/cosoc-test-XXXXXX");
  if (!mkdtemp(test_dir())) return -1;
  snprintf(test_db_path_buffer(), 128, "%s/t.db", test_dir());
  return 0;
}
static inline int test_dir_teardown(void **state) {
  (void)state;
  char zCmd[200];
  snprintf(zCmd, sizeof(zCmd), "rm -rf %s", test_dir());
  return system(zCmd) == 0 ? 0 : -1;
}

/* The PostgreSQL URL under test, or NULL on SQLite. */
static inline const char *test_db_pg_url(void) {
  const char *z = getenv("COSOC_TEST_PG_URL");
  return z && *z ? z : NULL;
}

/* Opens an empty database: zPath (removed first) or the PostgreSQL one
** with every table dropped. Migrated when bMigrate. */
static inline Db *test_db_open(const char *zPath, int bMigrate) {
  char zErr[512];
  Db *pDb = NULL;
  const char *zUrl = test_db_pg_url();
  if (!zUrl) unlink(zPath);
  assert_int_equal(db_open(zUrl ? zUrl : zPath, &pDb, zErr, sizeof(zErr)),
                   DB_OK);
  if (zUrl) assert_int_equal(db_drop_all(pDb), DB_OK);
  if (bMigrate)
    assert_int_equal(db_migrate(pDb, NULL, zErr, sizeof(zErr)), DB_OK);
  return pDb;
}

/* Opens the same database again (a second connection). */
static inline Db *test_db_reopen(const char *zPath) {
  char zErr[512];
  Db *pDb = NULL;
  const char *zUrl = test_db_pg_url();
  assert_int_equal(db_open(zUrl ? zUrl : zPath, &pDb, zErr, sizeof(zErr)),
                   DB_OK);
  return pDb;
}

#endif
