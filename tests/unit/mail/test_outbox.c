/*
** The outbox store: queued once per key, inside the caller's transaction,
** claimed by one sender at a time with a lease, retried with a doubling
** delay, failed for good after the last attempt. Runs on both backends.
*/
#include "support.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mail/outbox.h"
#include "test_db_target.h"

static char g_zDir[64];
static Db *g_pDb;

static int setup(void **state) {
  (void)state;
  if (sodium_init() < 0) return -1;
  snprintf(g_zDir, sizeof(g_zDir), "/tmp/cosoc-outbox-XXXXXX");
  if (!mkdtemp(g_zDir)) return -1;
  return 0;
}

static int teardown(void **state) {
  (void)state;
  char zCmd[100];
  snprintf(zCmd, sizeof(zCmd), "rm -rf %s", g_zDir);
  return system(zCmd) == 0 ? 0 : -1;
}

/* A fresh, migrated database per test: SQLite, or PostgreSQL when
** scripts/run-tests.sh sets COSOC_TEST_PG_URL. */
static int open_db(void **state) {
  (void)state;
  static int iDb = 0;
  char zPath[128];
  snprintf(zPath, sizeof(zPath), "%s/t%d.db", g_zDir, iDb++);
  g_pDb = test_db_open(zPath, 1);
  return 0;
}

static int close_db(void **state) {
  (void)state;
  db_close(g_pDb);
  g_pDb = NULL;
  return 0;
}

static OutboxMessage message(const char *zKey, const char *zTo) {
  OutboxMessage m;
  memset(&m, 0, sizeof(m));
  m.zIdempotencyKey = zKey;
  m.zTo = zTo;
  m.zSubject = "Citación: sesión ordinaria";
  m.zText = "Estimada consejera:\nSe cita a sesión.";
  m.zRelatedKind = "actividad";
  m.iRelatedId = 12;
  return m;
}

static int64_t count_rows(void) {
  return db_query_int64(g_pDb, "SELECT count(*) FROM mail_outbox", -1);
}

static void a_key_is_queued_once_and_keeps_its_id(void **state) {
  (void)state;
  OutboxMessage m = message("citacion:12:0:ana@example.cl", "ana@example.cl");
  int64_t iFirst = 0, iSecond = 0;
  assert_int_equal(outbox_queue(g_pDb, &m, &iFirst, NULL), OUTBOX_QUEUED);
  assert_int_equal(outbox_queue(g_pDb, &m, &iSecond, NULL),
                   OUTBOX_ALREADY_QUEUED);
  assert_int_equal(iFirst, iSecond);
  assert_int_equal(count_rows(), 1);
}

static void bad_addresses_and_multi_line_subjects_are_refused(void **state) {
  (void)state;
  const char *zProblem = NULL;
  OutboxMessage m = message("k1", "no es correo");
  assert_int_equal(outbox_queue(g_pDb, &m, NULL, &zProblem), OUTBOX_INVALID);
  assert_non_null(zProblem);
  m = message("k2", "ana@example.cl");
  m.zSubject = "Asunto\r\nBcc: todos@example.cl";
  assert_int_equal(outbox_queue(g_pDb, &m, NULL, &zProblem), OUTBOX_INVALID);
  m = message("k3", "ana@example.cl\r\nBcc: x@example.cl");
  assert_int_equal(outbox_queue(g_pDb, &m, NULL, &zProblem), OUTBOX_INVALID);
  OutboxAttachment a = {"acta\"\r\nX: y.pdf", "application/pdf", 0, "x", 1};
  m = message("k4", "ana@example.cl");
  m.aAttach = &a;
  m.nAttach = 1;
  assert_int_equal(outbox_queue(g_pDb, &m, NULL, &zProblem), OUTBOX_INVALID);
  a.zFilename = "acta-sesión.pdf";
  assert_int_equal(outbox_queue(g_pDb, &m, NULL, &zProblem), OUTBOX_INVALID);
  a.zFilename = "acta-sesion (1).pdf";
  assert_int_equal(outbox_queue(g_pDb, &m, NULL, &zProblem), OUTBOX_QUEUED);
  db_exec_script(g_pDb, "DELETE FROM mail_attachments");
  db_exec_script(g_pDb, "DELETE FROM mail_outbox");
  assert_int_equal(count_rows(), 0);
}

static void a_message_queued_in_a_rolled_back_change_does_not_exist(
    void **state) {
  (void)state;
  OutboxMessage m = message("k", "ana@example.cl");
  assert_int_equal(db_begin(g_pDb), DB_OK);
  assert_int_equal(outbox_queue(g_pDb, &m, NULL, NULL), OUTBOX_QUEUED);
  db_rollback(g_pDb);
  assert_int_equal(count_rows(), 0);
}

static void attachments_come_back_byte_for_byte(void **state) {
  (void)state;
  static const unsigned char aBin[] = {'B', 0, 0xff, '\r', '\n', 0xc3, 0xb1};
  OutboxAttachment a[2] = {
      {"invitacion.ics", "text/calendar; method=REQUEST; charset=UTF-8", 1,
       "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", 32},
      {"datos.bin", "application/octet-stream", 0, aBin, sizeof(aBin)},
  };
  OutboxMessage m = message("k", "ana@example.cl");
  m.zHtml = "<p>Hola</p>";
  m.aAttach = a;
  m.nAttach = 2;
  assert_int_equal(outbox_queue(g_pDb, &m, NULL, NULL), OUTBOX_QUEUED);
  Arena *pArena = arena_new();
  OutboxMail *aMail = NULL;
  int n = 0;
  assert_int_equal(
      outbox_claim(g_pDb, pArena, "s1", db_now(), 300, 10, &aMail, &n), DB_OK);
  assert_int_equal(n, 1);
  assert_string_equal(aMail[0].zSubject, m.zSubject);
  assert_string_equal(aMail[0].zHtml, "<p>Hola</p>");
  assert_int_equal(strlen(aMail[0].zMessageToken), OUTBOX_TOKEN_HEX);
  assert_int_equal(aMail[0].nAttach, 2);
  assert_true(aMail[0].aAttach[0].bCalendar);
  assert_string_equal(aMail[0].aAttach[1].zFilename, "datos.bin");
  assert_int_equal(aMail[0].aAttach[1].nData, sizeof(aBin));
  assert_memory_equal(aMail[0].aAttach[1].pData, aBin, sizeof(aBin));
  arena_free(pArena);
}

static int claim_count(const char *zClaim, int64_t iNow) {
  Arena *pArena = arena_new();
  OutboxMail *aMail = NULL;
  int n = 0;
  assert_int_equal(
      outbox_claim(g_pDb, pArena, zClaim, iNow, 300, 10, &aMail, &n), DB_OK);
  arena_free(pArena);
  return n;
}

static void a_claimed_message_is_not_claimed_again_until_its_lease_ends(
    void **state) {
  (void)state;
  for (int i = 0; i < 3; i++) {
    char zKey[16], zTo[32];
    snprintf(zKey, sizeof(zKey), "k%d", i);
    snprintf(zTo, sizeof(zTo), "p%d@example.cl", i);
    OutboxMessage m = message(zKey, zTo);
    assert_int_equal(outbox_queue(g_pDb, &m, NULL, NULL), OUTBOX_QUEUED);
  }
  int64_t iNow = db_now();
  assert_int_equal(claim_count("a", iNow), 3);
  assert_int_equal(claim_count("b", iNow), 0);
  assert_int_equal(claim_count("b", iNow + 299), 0);
  assert_int_equal(claim_count("b", iNow + 301), 3); /* Sender a died */
  assert_int_equal(outbox_release(g_pDb, "b"), DB_OK);
  assert_int_equal(claim_count("c", iNow), 3);
}

/* On PostgreSQL "id IN (SELECT ... LIMIT n FOR UPDATE SKIP LOCKED)" once
** claimed every due row while returning n of them: the rest waited out a
** lease unsent. */
static void a_claim_takes_at_most_its_batch_and_returns_all_it_took(
    void **state) {
  (void)state;
  for (int i = 0; i < 14; i++) {
    char zKey[16], zTo[32];
    snprintf(zKey, sizeof(zKey), "k%d", i);
    snprintf(zTo, sizeof(zTo), "p%d@example.cl", i);
    OutboxMessage m = message(zKey, zTo);
    assert_int_equal(outbox_queue(g_pDb, &m, NULL, NULL), OUTBOX_QUEUED);
  }
  int64_t iNow = db_now();
  assert_int_equal(claim_count("a", iNow), 10);
  assert_int_equal(db_query_int64(g_pDb,
                                  "SELECT count(*) FROM mail_outbox "
                                  "WHERE claimed_by IS NOT NULL",
                                  -1),
                   10);
  assert_int_equal(claim_count("b", iNow), 4);
}

static void a_message_for_later_waits_for_its_time(void **state) {
  (void)state;
  OutboxMessage m = message("recordatorio", "ana@example.cl");
  int64_t iNow = db_now();
  m.iNotBefore = iNow + 3600;
  assert_int_equal(outbox_queue(g_pDb, &m, NULL, NULL), OUTBOX_QUEUED);
  assert_int_equal(claim_count("a", iNow), 0);
  assert_int_equal(claim_count("a", iNow + 3600), 1);
}

static void failures_are_retried_with_doubling_delays_then_failed(
    void **state) {
  (void)state;
  OutboxRetry retry = {3, 10, 1000};
  OutboxMessage m = message("k", "ana@example.cl");
  int64_t iId = 0;
  assert_int_equal(outbox_queue(g_pDb, &m, &iId, NULL), OUTBOX_QUEUED);
  int64_t iNow = db_now();
  static const int64_t aWait[] = {10, 20};
  for (int i = 0; i < 3; i++) {
    Arena *pArena = arena_new();
    OutboxMail *aMail = NULL;
    int n = 0;
    assert_int_equal(
        outbox_claim(g_pDb, pArena, "s", iNow, 300, 10, &aMail, &n), DB_OK);
    assert_int_equal(n, 1);
    assert_int_equal(aMail[0].nAttempt, i);
    assert_int_equal(
        outbox_mark_failed(g_pDb, &aMail[0], "No se pudo conectar.", 0, &retry,
                           iNow),
        DB_OK);
    arena_free(pArena);
    if (i < 2) {
      assert_int_equal(claim_count("x", iNow + aWait[i] - 1), 0);
      iNow += aWait[i];
    }
  }
  Arena *pArena = arena_new();
  OutboxRow *aRow = NULL;
  int n = 0;
  ListPage page = {.nLimit = 10};
  assert_int_equal(
      outbox_list(g_pDb, pArena, 0, "actividad", 12, &page, &aRow, &n), DB_OK);
  assert_int_equal(n, 1);
  assert_int_equal(page.nTotal, 1);
  assert_string_equal(aRow[0].zState, OUTBOX_STATE_FAILED);
  assert_int_equal(aRow[0].nAttempt, 3);
  assert_string_equal(aRow[0].zError, "No se pudo conectar.");
  assert_int_equal(claim_count("x", iNow + 100000), 0);
  /* The officer retries it. */
  assert_int_equal(outbox_retry_now(g_pDb, 0, iId, iNow), DB_OK);
  assert_int_equal(claim_count("y", iNow), 1);
  arena_free(pArena);
}

static void a_permanent_refusal_fails_at_once_and_sent_is_final(void **state) {
  (void)state;
  OutboxRetry retry;
  outbox_retry_default(&retry);
  OutboxMessage a = message("a", "a@example.cl"),
                b = message("b", "b@example.cl");
  assert_int_equal(outbox_queue(g_pDb, &a, NULL, NULL), OUTBOX_QUEUED);
  assert_int_equal(outbox_queue(g_pDb, &b, NULL, NULL), OUTBOX_QUEUED);
  Arena *pArena = arena_new();
  OutboxMail *aMail = NULL;
  int n = 0;
  int64_t iNow = db_now();
  assert_int_equal(outbox_claim(g_pDb, pArena, "s", iNow, 300, 10, &aMail, &n),
                   DB_OK);
  assert_int_equal(n, 2);
  assert_int_equal(
      outbox_mark_failed(g_pDb, &aMail[0], "Rechazado.", 1, &retry, iNow),
      DB_OK);
  assert_int_equal(outbox_mark_sent(g_pDb, aMail[1].id, iNow), DB_OK);
  int nPending, nSent, nFailed;
  outbox_counts(g_pDb, 0, &nPending, &nSent, &nFailed);
  assert_int_equal(nPending, 0);
  assert_int_equal(nSent, 1);
  assert_int_equal(nFailed, 1);
  assert_int_equal(claim_count("t", iNow + 100000), 0);
  arena_free(pArena);
}

static void retry_delays_double_up_to_the_cap(void **state) {
  (void)state;
  OutboxRetry r;
  outbox_retry_default(&r);
  static const int64_t aWant[] = {60, 120, 240, 480, 960, 1920, 3600, 3600};
  for (int i = 0; i < 8; i++)
    assert_int_equal(outbox_retry_delay(&r, i + 1), aWant[i]);
}

#define T(f) cmocka_unit_test_setup_teardown(f, open_db, close_db)

int main(void) {
  const struct CMUnitTest tests[] = {
      T(a_key_is_queued_once_and_keeps_its_id),
      T(bad_addresses_and_multi_line_subjects_are_refused),
      T(a_message_queued_in_a_rolled_back_change_does_not_exist),
      T(attachments_come_back_byte_for_byte),
      T(a_claimed_message_is_not_claimed_again_until_its_lease_ends),
      T(a_claim_takes_at_most_its_batch_and_returns_all_it_took),
      T(a_message_for_later_waits_for_its_time),
      T(failures_are_retried_with_doubling_delays_then_failed),
      T(a_permanent_refusal_fails_at_once_and_sent_is_final),
      cmocka_unit_test(retry_delays_double_up_to_the_cap),
  };
  return cmocka_run_group_tests_name("mail/outbox", tests, setup, teardown);
}
