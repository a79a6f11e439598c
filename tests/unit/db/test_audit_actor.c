/*
** The audit log names who made each write (db_set_actor). The server's
** pool hands one connection to whichever thread serves the next call, so
** what a connection remembers of its actor must go with the connection:
** when it stayed with the thread, an officer's write on a connection that
** a councillor's call had used meanwhile, on another thread, was filed
** under the councillor. Runs on both backends (test_db_open).
*/
#include "support.h"

#include <pthread.h>
#include <string.h>

#include "db/db.h"
#include "test_db_target.h"

typedef struct ActorCall {
  Db *pDb;
  int64_t iUser;
  int rc;
} ActorCall;

static void *set_actor_thread(void *pArg) {
  ActorCall *p = pArg;
  p->rc = db_set_actor(p->pDb, p->iUser, "", "192.0.2.7");
  return NULL;
}

/* The user of the newest audit entry after writing one setting. */
static int64_t user_of_next_write(Db *pDb, const char *zKey) {
  assert_int_equal(
      db_exec(pDb, "INSERT INTO settings (key, value) VALUES (?, 'x')",
              DB_T(zKey)),
      DB_OK);
  return db_int(pDb, -1,
                "SELECT COALESCE(user_id, 0) FROM audit_log ORDER BY id DESC "
                "LIMIT 1");
}

static void a_connection_keeps_its_actor_across_threads(void **state) {
  (void)state;
  Db *pDb = test_db_open(test_db_path(), 1);
  assert_int_equal(db_set_actor(pDb, 11, "", "192.0.2.7"), DB_OK);
  assert_int_equal(user_of_next_write(pDb, "probe.a"), 11);

  /* Another thread serves a call of user 22 on the same connection. */
  ActorCall call = {pDb, 22, DB_ERROR};
  pthread_t t;
  assert_int_equal(pthread_create(&t, NULL, set_actor_thread, &call), 0);
  pthread_join(t, NULL);
  assert_int_equal(call.rc, DB_OK);
  assert_int_equal(user_of_next_write(pDb, "probe.b"), 22);

  /* Back on this thread, user 11 again: the entry must name 11. */
  assert_int_equal(db_set_actor(pDb, 11, "", "192.0.2.7"), DB_OK);
  assert_int_equal(user_of_next_write(pDb, "probe.c"), 11);
  db_close(pDb);
}

static void the_same_actor_set_again_still_writes_its_name(void **state) {
  (void)state;
  Db *pDb = test_db_open(test_db_path(), 1);
  for (int i = 0; i < 3; i++) {
    assert_int_equal(db_set_actor(pDb, 11, "", "192.0.2.7"), DB_OK);
    char zKey[32];
    snprintf(zKey, sizeof(zKey), "probe.%d", i);
    assert_int_equal(user_of_next_write(pDb, zKey), 11);
  }
  /* Inside a transaction that rolls back, the actor it set is undone too:
  ** the next call must write it again, not trust a memory of it. */
  assert_int_equal(db_begin(pDb), DB_OK);
  assert_int_equal(db_set_actor(pDb, 33, "", "192.0.2.7"), DB_OK);
  db_rollback(pDb);
  assert_int_equal(db_set_actor(pDb, 33, "", "192.0.2.7"), DB_OK);
  assert_int_equal(user_of_next_write(pDb, "probe.z"), 33);
  db_close(pDb);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(a_connection_keeps_its_actor_across_threads),
      cmocka_unit_test(the_same_actor_set_again_still_writes_its_name),
  };
  return cmocka_run_group_tests(tests, test_dir_setup, test_dir_teardown);
}
