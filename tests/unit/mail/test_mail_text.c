/*
** Line breaks never reach a mail header: a subject or a recipient's name
** stored before the forms refused them is flattened to one line when it is
** queued and when the message is built, instead of failing (convening
** answered 500) or splitting the header. Runs on both backends.
*/
#include "support.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mail/mime.h"
#include "mail/outbox.h"
#include "test_db_target.h"

static char g_zDir[64];

static int setup(void **state) {
  (void)state;
  if (sodium_init() < 0) return -1;
  snprintf(g_zDir, sizeof(g_zDir), "/tmp/cosoc-mailtext-XXXXXX");
  return mkdtemp(g_zDir) ? 0 : -1;
}

static int teardown(void **state) {
  (void)state;
  char zCmd[100];
  snprintf(zCmd, sizeof(zCmd), "rm -rf %s", g_zDir);
  return system(zCmd) == 0 ? 0 : -1;
}

/* The message's header block (up to the first empty line). */
static const char *headers_of(Arena *pArena, const char *zMsg) {
  const char *zEnd = strstr(zMsg, "\r\n\r\n");
  return arena_strndup(pArena, zMsg, zEnd ? (size_t)(zEnd - zMsg) + 2 : 0);
}

static void no_header_is_split_by_a_stored_line_break(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  static const char *azEvil[] = {"Sesión\r\nBcc: espia@example.cl",
                                 "Session\nBcc: espia@example.cl",
                                 "Rosa\rBcc: espia@example.cl"};
  for (size_t i = 0; i < 3; i++) {
    MimeMessage m;
    memset(&m, 0, sizeof(m));
    m.zFrom = "COSOC <cosoc@example.cl>";
    m.zTo = "rosa@example.cl";
    m.zToName = azEvil[i];
    m.zSubject = azEvil[i];
    m.zText = "Hola.";
    m.zMessageId = "abc@example.cl";
    m.iDate = 1700000000;
    const char *zHead = headers_of(pArena, mime_build(pArena, &m));
    assert_null(strstr(zHead, "\nBcc:"));
    assert_null(strstr(zHead, "\rBcc:"));
    /* Every line of the header block is a header or its folding. */
    for (const char *z = zHead; *z;) {
      const char *zEol = strstr(z, "\r\n");
      assert_non_null(zEol);
      assert_true(z[0] == ' ' || strchr(z, ':') < zEol);
      assert_null(memchr(z, '\r', (size_t)(zEol - z)));
      assert_null(memchr(z, '\n', (size_t)(zEol - z)));
      z = zEol + 2;
    }
  }
  arena_free(pArena);
}

static void a_stored_line_break_is_queued_on_one_line(void **state) {
  (void)state;
  char zPath[128];
  snprintf(zPath, sizeof(zPath), "%s/t.db", g_zDir);
  Db *pDb = test_db_open(zPath, 1);
  OutboxMessage m;
  memset(&m, 0, sizeof(m));
  m.zIdempotencyKey = "citacion:1:1:rosa@example.cl";
  m.zTo = "rosa@example.cl";
  m.zToName = "Rosa\r\nDíaz";
  m.zSubject = "Citación: sesión\r\nordinaria";
  m.zText = "Se cita a sesión.";
  int64_t iId = 0;
  const char *zProblem = NULL;
  assert_int_equal(outbox_queue(pDb, &m, &iId, &zProblem), OUTBOX_QUEUED);
  DbStmt *p = db_prepare(pDb,
                         "SELECT subject, recipient_name FROM mail_outbox "
                         "WHERE id = ?");
  db_bind_int64(p, 1, iId);
  assert_int_equal(db_step(p), DB_ROW);
  assert_string_equal(db_column_text(p, 0), "Citación: sesión  ordinaria");
  assert_string_equal(db_column_text(p, 1), "Rosa  Díaz");
  db_done(p);
  db_close(pDb);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(no_header_is_split_by_a_stored_line_break),
      cmocka_unit_test(a_stored_line_break_is_queued_on_one_line),
  };
  return cmocka_run_group_tests_name("mail_text", tests, setup, teardown);
}
