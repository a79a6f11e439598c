/*
** Internet messages: encoded-word headers, quoted-printable bodies under
** the line limit, the invitation's multipart layout, CRLF everywhere.
*/
#include "support.h"

#include <string.h>

#include "mail/mime.h"
#include "mail/smtp.h"

/* Decodes base64 (no line breaks) into a; returns the length. */
static size_t b64_decode(const char *z, size_t n, unsigned char *a) {
  static const char azAlpha[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  size_t nOut = 0;
  unsigned v = 0;
  int nBits = 0;
  for (size_t i = 0; i < n && z[i] != '='; i++) {
    const char *p = strchr(azAlpha, z[i]);
    assert_non_null(p);
    v = v << 6 | (unsigned)(p - azAlpha);
    nBits += 6;
    if (nBits >= 8) {
      nBits -= 8;
      a[nOut++] = (unsigned char)(v >> nBits & 0xff);
    }
  }
  return nOut;
}

static int hex(char c) { return c <= '9' ? c - '0' : c - 'A' + 10; }

/* Decodes quoted-printable (CRLF lines) into a NUL-terminated string. */
static void qp_decode(const char *z, char *zOut) {
  while (*z) {
    if (z[0] == '=' && z[1] == '\r' && z[2] == '\n') {
      z += 3;
    } else if (z[0] == '=') {
      *zOut++ = (char)(hex(z[1]) * 16 + hex(z[2]));
      z += 3;
    } else if (z[0] == '\r' && z[1] == '\n') {
      *zOut++ = '\n';
      z += 2;
    } else {
      *zOut++ = *z++;
    }
  }
  *zOut = 0;
}

static void lines_are_crlf_and_short(const char *z, size_t nMax) {
  for (const char *p = z; *p;) {
    const char *zEnd = strstr(p, "\r\n");
    assert_non_null(zEnd);
    assert_true((size_t)(zEnd - p) <= nMax);
    assert_null(memchr(p, '\n', (size_t)(zEnd - p)));
    p = zEnd + 2;
  }
}

static void ascii_subjects_stay_plain_and_spanish_ones_are_encoded(
    void **state) {
  (void)state;
  Arena *pArena = arena_new();
  assert_string_equal(mime_encode_header(pArena, "Sesion 12", 9), "Sesion 12");
  const char *zSubject =
      "Citación a sesión ordinaria del consejo en Ovalle: "
      "año 2025, línea 9, ñandú, acción, reunión y más";
  const char *z = mime_encode_header(pArena, zSubject, 9);
  /* Every word is at most 75 characters and holds whole characters. */
  char zBack[512] = "";
  size_t nBack = 0;
  for (const char *p = z; *p;) {
    assert_int_equal(strncmp(p, "=?UTF-8?B?", 10), 0);
    const char *zEnd = strstr(p + 10, "?=");
    assert_non_null(zEnd);
    assert_true(zEnd + 2 - p <= 75);
    unsigned char a[128];
    size_t n = b64_decode(p + 10, (size_t)(zEnd - p - 10), a);
    assert_true((a[0] & 0xC0) != 0x80);
    memcpy(zBack + nBack, a, n);
    nBack += n;
    p = zEnd + 2;
    if (*p) {
      assert_int_equal(strncmp(p, "\r\n ", 3), 0);
      p += 3;
    }
  }
  zBack[nBack] = 0;
  assert_string_equal(zBack, zSubject);
  arena_free(pArena);
}

static void quoted_printable_round_trips_and_keeps_lines_short(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *zText =
      "Estimada consejera:\n\nSe cita a sesión ordinaria el martes 15 de abril "
      "de 2025 a las 10:00 en la Gobernación del Limarí, Ovalle; tabla: acta, "
      "cuenta, diálogo participativo sobre vivienda y subsidios.\n"
      "Una línea con = signo y espacio al final \n"
      ".Una línea que empieza con punto\n";
  const char *zQp = mime_quoted_printable(pArena, zText);
  lines_are_crlf_and_short(zQp, 76);
  assert_non_null(strstr(zQp, "=3D"));
  assert_non_null(strstr(zQp, "final=20\r\n"));
  char zBack[1024];
  qp_decode(zQp, zBack);
  assert_string_equal(zBack, zText);
  arena_free(pArena);
}

static void base64_lines_are_76_characters(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  unsigned char a[200];
  for (int i = 0; i < 200; i++) a[i] = (unsigned char)i;
  const char *z = mime_base64(pArena, a, sizeof(a));
  lines_are_crlf_and_short(z, 76);
  assert_int_equal(strcspn(z, "\r"), 76);
  arena_free(pArena);
}

static void an_invitation_is_mixed_with_alternative_and_inline_calendar(
    void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *zIcs = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n";
  OutboxAttachment att = {"invitacion.ics",
                          "text/calendar; method=REQUEST; charset=UTF-8", 1,
                          zIcs, strlen(zIcs)};
  MimeMessage m;
  memset(&m, 0, sizeof(m));
  m.zFrom = "Consejo \"COSOC\" Coquimbo <cosoc@example.cl>";
  m.zTo = "maria@example.cl";
  m.zToName = "María Rojas";
  m.zSubject = "Citación";
  m.zText = "Hola";
  m.zHtml = "<p>Hola</p>";
  m.zMessageId = "0123abcd@example.cl";
  m.iDate = 1744725600;
  m.aAttach = &att;
  m.nAttach = 1;
  const char *z = mime_build(pArena, &m);
  lines_are_crlf_and_short(z, 998);
  assert_non_null(strstr(z, "Date: Tue, 15 Apr 2025 10:00:00 -0400\r\n"));
  assert_non_null(strstr(
      z, "From: \"Consejo \\\"COSOC\\\" Coquimbo\" <cosoc@example.cl>\r\n"));
  assert_non_null(strstr(z, "To: =?UTF-8?B?"));
  assert_non_null(strstr(z, "?= <maria@example.cl>\r\n"));
  assert_non_null(strstr(z, "Message-ID: <0123abcd@example.cl>\r\n"));
  const char *zMixed = strstr(z, "multipart/mixed");
  const char *zAlt = strstr(z, "multipart/alternative");
  const char *zPlain = strstr(z, "text/plain");
  const char *zHtml = strstr(z, "text/html");
  const char *zInline = strstr(
      z, "Content-Type: text/calendar; method=REQUEST; charset=UTF-8\r\n");
  const char *zFile = strstr(z, "name=\"invitacion.ics\"");
  assert_true(zMixed && zAlt && zPlain && zHtml && zInline && zFile);
  assert_true(zMixed < zAlt && zAlt < zPlain && zPlain < zHtml &&
              zHtml < zInline && zInline < zFile);
  assert_non_null(strstr(
      z, "Content-Disposition: attachment; filename=\"invitacion.ics\""));
  arena_free(pArena);
}

static void a_plain_message_has_no_multipart(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  MimeMessage m;
  memset(&m, 0, sizeof(m));
  m.zFrom = "cosoc@example.cl";
  m.zTo = "a@example.cl";
  m.zSubject = "Aviso";
  m.zText = "Texto";
  m.zMessageId = "x@example.cl";
  const char *z = mime_build(pArena, &m);
  assert_null(strstr(z, "multipart"));
  assert_non_null(strstr(z, "From: cosoc@example.cl\r\n"));
  assert_non_null(strstr(z, "Content-Type: text/plain; charset=UTF-8\r\n"));
  assert_string_equal(mime_address_of(pArena, "Nombre <a@b.cl>"), "a@b.cl");
  assert_string_equal(mime_domain_of("a@b.cl"), "b.cl");
  assert_string_equal(mime_domain_of("sin-arroba"), "localhost");
  arena_free(pArena);
}

static void smtp_urls_are_checked_and_logged_without_passwords(void **state) {
  (void)state;
  char z[128];
  smtp_url_for_log("smtp://cosoc:secreto@correo.example.cl:587", z, sizeof(z));
  assert_string_equal(z, "smtp://correo.example.cl:587");
  smtp_url_for_log("smtps://correo.example.cl:465", z, sizeof(z));
  assert_string_equal(z, "smtps://correo.example.cl:465");
  assert_null(smtp_url_problem("smtp://127.0.0.1:2525"));
  assert_non_null(smtp_url_problem("http://correo.example.cl"));
  assert_non_null(smtp_url_problem("smtp://"));
  assert_non_null(smtp_url_problem("smtp://a b"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(ascii_subjects_stay_plain_and_spanish_ones_are_encoded),
      cmocka_unit_test(quoted_printable_round_trips_and_keeps_lines_short),
      cmocka_unit_test(base64_lines_are_76_characters),
      cmocka_unit_test(
          an_invitation_is_mixed_with_alternative_and_inline_calendar),
      cmocka_unit_test(a_plain_message_has_no_multipart),
      cmocka_unit_test(smtp_urls_are_checked_and_logged_without_passwords),
  };
  return cmocka_run_group_tests_name("mail/mime", tests, NULL, NULL);
}
