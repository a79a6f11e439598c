/*
** Text rules: strict UTF-8, control characters, the single-line rule,
** flattening for mail headers, escaping for terminals, strict ids.
*/
#include "support.h"

#include <limits.h>
#include <string.h>

#include "util/text.h"

static void utf8_is_checked_strictly(void **state) {
  (void)state;
  static const struct {
    const char *z;
    int bValid;
  } a[] = {
      {"", 1},
      {"María José Ñúñez", 1},
      {"emoji \xF0\x9F\x98\x80", 1},
      {"\xFF", 0},             /* Never valid */
      {"abc\xC3", 0},          /* Cut short */
      {"\xC0\xAF", 0},         /* Overlong '/' */
      {"\xED\xA0\x80", 0},     /* Surrogate */
      {"\xF4\x90\x80\x80", 0}, /* Above U+10FFFF */
      {"Jos\xE9", 0},          /* Latin-1 */
  };
  for (size_t i = 0; i < sizeof(a) / sizeof(a[0]); i++) {
    assert_int_equal(text_utf8_valid(a[i].z, strlen(a[i].z)), a[i].bValid);
  }
  assert_false(text_utf8_valid("a\0b", 3)); /* NUL inside */
}

static void control_characters_include_c1_and_respect_the_allowed_set(
    void **state) {
  (void)state;
  assert_int_equal(text_first_control("sin nada raro", NULL), 0);
  assert_int_equal(text_first_control("a\tb", NULL), '\t');
  assert_int_equal(text_first_control("a\tb\nc", "\t\n"), 0);
  assert_int_equal(text_first_control("a\x1b[31mb", "\t\n"), 0x1b);
  assert_int_equal(text_first_control("a\xC2\x9B"
                                      "31mb",
                                      "\t\n"),
                   0x9b); /* C1 CSI */
  assert_int_equal(text_first_control("del\x7f", NULL), 0x7f);
}

static void single_line_fields_refuse_breaks_controls_and_bad_bytes(
    void **state) {
  (void)state;
  assert_null(text_single_line_problem(NULL));
  assert_null(text_single_line_problem("Sesión ordinaria de marzo"));
  assert_non_null(strstr(text_single_line_problem("Sesión\r\nBcc: x@y.cl"),
                         "una sola línea"));
  assert_non_null(text_single_line_problem("con\ttab"));
  assert_non_null(text_single_line_problem("esc \x1b[2J"));
  assert_non_null(strstr(text_single_line_problem("Jos\xE9"), "UTF-8"));
  /* Bidi overrides and isolates reorder what is read; marks do not. */
  assert_non_null(
      strstr(text_single_line_problem("foto\xE2\x80\xAEgpj.exe"), "orden"));
  assert_non_null(
      text_single_line_problem("a\xE2\x81\xA6"
                               "b\xE2\x81\xA9"));
  assert_null(text_single_line_problem("shalom \xE2\x80\x8F(saludo)"));
  assert_int_equal(text_first_bidi_control("a\xE2\x80\xAA"), 0x202A);
  assert_int_equal(text_first_bidi_control("sin nada"), 0);
}

static void one_line_flattens_what_was_stored_before_the_rule(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *zClean = "Rosa Díaz";
  assert_ptr_equal(text_one_line(pArena, zClean), zClean); /* No copy */
  assert_string_equal(text_one_line(pArena, "Rosa\r\nBcc: x@y.cl"),
                      "Rosa  Bcc: x@y.cl");
  assert_string_equal(text_one_line(pArena,
                                    "a\xC2\x85"
                                    "b"),
                      "a  b");
  assert_string_equal(text_one_line(pArena, NULL), "");
  arena_free(pArena);
}

static void terminal_output_escapes_every_control_character(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  assert_string_equal(text_for_terminal(pArena, "Sesión de marzo"),
                      "Sesión de marzo");
  assert_string_equal(text_for_terminal(pArena, "a\x1b]0;pwned\x07z"),
                      "a\\x1b]0;pwned\\x07z");
  assert_string_equal(text_for_terminal(pArena, "t\tn\nr\r\\"),
                      "t\\tn\\nr\\r\\\\");
  assert_string_equal(text_for_terminal(pArena,
                                        "c1 \xC2\x9B"
                                        "2J"),
                      "c1 \\x9b2J");
  assert_string_equal(text_for_terminal(pArena, "Jos\xE9"), "Jos\\xe9");
  assert_string_equal(text_for_terminal(pArena, "foto\xE2\x80\xAEgpj.exe"),
                      "foto\\u202egpj.exe");
  arena_free(pArena);
}

static void ids_are_digits_only(void **state) {
  (void)state;
  static const struct {
    const char *z;
    int bOk;
    int64_t iWant;
  } a[] = {
      {"2", 1, 2},
      {"123456", 1, 123456},
      {"9223372036854775807", 1, INT64_MAX},
      {"9223372036854775808", 0, 0},
      {"99999999999999999999", 0, 0},
      {"2abc", 0, 0},
      {"", 0, 0},
      {"0", 0, 0},
      {"-1", 0, 0},
      {"+3", 0, 0},
      {" 3", 0, 0},
      {"3 ", 0, 0},
      {"0x10", 0, 0},
      {"1e3", 0, 0},
      {"007", 0, 0}, /* One spelling per id */
      {"01", 0, 0},
      {"00", 0, 0},
      {"10", 1, 10},
      {"7.0", 0, 0},
  };
  for (size_t i = 0; i < sizeof(a) / sizeof(a[0]); i++) {
    int64_t v = -7;
    assert_int_equal(text_parse_id(a[i].z, &v), a[i].bOk);
    if (a[i].bOk) assert_int_equal(v, a[i].iWant);
  }
  int64_t v = 0;
  assert_false(text_parse_id(NULL, &v));
}

static void counts_are_digits_within_their_bound(void **state) {
  (void)state;
  static const struct {
    const char *z;
    int bOk, nWant;
  } a[] = {
      {"0", 1, 0},          {"45", 1, 45},
      {" 045 ", 1, 45},     {"600", 1, 600},
      {"601", 0, 0},        {"4294967297", 0, 0},
      {"2147483647", 0, 0}, {"-1", 0, 0},
      {"", 0, 0},           {" ", 0, 0},
      {"4 5", 0, 0},        {"45m", 0, 0},
      {"+4", 0, 0},         {"99999999999999999999999", 0, 0},
  };
  for (size_t i = 0; i < sizeof(a) / sizeof(a[0]); i++) {
    int n = -7;
    if (text_parse_count(a[i].z, 600, &n) != a[i].bOk)
      fail_msg("«%s»: want %d", a[i].z, a[i].bOk);
    if (a[i].bOk) assert_int_equal(n, a[i].nWant);
  }
  int n = 0;
  assert_false(text_parse_count(NULL, 600, &n));
  assert_true(text_parse_count("2147483647", INT_MAX, &n));
  assert_int_equal(n, INT_MAX);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(utf8_is_checked_strictly),
      cmocka_unit_test(
          control_characters_include_c1_and_respect_the_allowed_set),
      cmocka_unit_test(single_line_fields_refuse_breaks_controls_and_bad_bytes),
      cmocka_unit_test(one_line_flattens_what_was_stored_before_the_rule),
      cmocka_unit_test(terminal_output_escapes_every_control_character),
      cmocka_unit_test(ids_are_digits_only),
      cmocka_unit_test(counts_are_digits_within_their_bound),
  };
  return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
