/*
** Line breaks never reach a mail header: a subject or a recipient's name
** that slipped past the forms and the outbox is flattened to one line when
** the message is built, never splitting the header. (Convening flattens
** stored titles and names itself: tests/http/test_hardening_text.py.)
*/
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mail/mime.h"

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

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(no_header_is_split_by_a_stored_line_break),
  };
  return cmocka_run_group_tests_name("mail_text", tests, NULL, NULL);
}
