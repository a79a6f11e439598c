/*
** RUT/RUN: módulo 11 validation, the forms people type, the stored and
** displayed forms, and the reasons given for refusals.
*/
#include "support.h"

#include <stdio.h>
#include <string.h>

#include "domain/rut.h"

typedef struct RutCase {
  const char *zInput;
  const char *zNorm;    /* Stored form, or NULL when refused */
  const char *zDisplay; /* Display form when accepted */
  const char *zReason;  /* A fragment of the reason when refused */
} RutCase;

static const RutCase aCase[] = {
    {"12345678-5", "12345678-5", "12.345.678-5", NULL},
    {"12.345.678-5", "12345678-5", "12.345.678-5", NULL},
    {"123456785", "12345678-5", "12.345.678-5", NULL},
    {"  12.345.678-5 ", "12345678-5", "12.345.678-5", NULL},
    {"10000013-K", "10000013-K", "10.000.013-K", NULL},
    {"10000013-k", "10000013-K", "10.000.013-K", NULL},
    {"10000013k", "10000013-K", "10.000.013-K", NULL},
    {"11111111-1", "11111111-1", "11.111.111-1", NULL},
    {"1-9", "1-9", "1-9", NULL},
    {"05.126.663-3", "5126663-3", "5.126.663-3", NULL},
    {"6-K", "6-K", "6-K", NULL},
    {"13-0", NULL, NULL, "debería ser 2"},
    {"12345678-0", NULL, NULL, "debería ser 5"},
    {"12345678-K", NULL, NULL, "debería ser 5"},
    {"10000013-1", NULL, NULL, "debería ser K"},
    {"0-0", NULL, NULL, "cero"},
    {"00000000-0", NULL, NULL, "cero"},
    {"", NULL, NULL, "vacío"},
    {"   ", NULL, NULL, "vacío"},
    {"5", NULL, NULL, "corto"},
    {"abc", NULL, NULL, "caracteres"},
    {"12345678-", NULL, NULL, "guion"},
    {"1234-5678-5", NULL, NULL, "guion"},
    {"12 345 678-5", NULL, NULL, "caracteres"},
    {"K2345678-5", NULL, NULL, "caracteres"},
    {"12345678-5; DROP TABLE", NULL, NULL, "largo"},
    {"1234567890-1", NULL, NULL, "largo"},
    {"123456789012345678901234567890", NULL, NULL, "largo"},
};

static void rut_table_accepts_valid_and_refuses_invalid_with_a_reason(
    void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    char zNorm[RUT_NORM_MAX], zDisplay[RUT_DISPLAY_MAX];
    const char *zReason = NULL;
    int bOk = rut_parse(aCase[i].zInput, zNorm, &zReason);
    if (aCase[i].zNorm) {
      if (!bOk) fail_msg("«%s» refused: %s", aCase[i].zInput, zReason);
      assert_string_equal(zNorm, aCase[i].zNorm);
      rut_format(aCase[i].zInput, zDisplay);
      assert_string_equal(zDisplay, aCase[i].zDisplay);
    } else {
      if (bOk) fail_msg("«%s» accepted as %s", aCase[i].zInput, zNorm);
      assert_non_null(zReason);
      if (!strstr(zReason, aCase[i].zReason)) {
        fail_msg("«%s»: reason «%s» lacks «%s»", aCase[i].zInput, zReason,
                 aCase[i].zReason);
      }
      assert_string_equal(zNorm, "");
    }
  }
}

static void check_digit_covers_zero_and_k(void **state) {
  (void)state;
  assert_int_equal(rut_check_digit(12345678), '5');
  assert_int_equal(rut_check_digit(10000013), 'K');
  assert_int_equal(rut_check_digit(13), '2');
  /* Some body has check digit 0, and it round-trips. */
  int bFoundZero = 0;
  for (unsigned long i = 1; i < 100 && !bFoundZero; i++) {
    if (rut_check_digit(i) == '0') {
      char zIn[32], zNorm[RUT_NORM_MAX];
      snprintf(zIn, sizeof(zIn), "%lu-0", i);
      assert_true(rut_parse(zIn, zNorm, NULL));
      bFoundZero = 1;
    }
  }
  assert_true(bFoundZero);
}

static void format_of_invalid_input_is_empty(void **state) {
  (void)state;
  char zOut[RUT_DISPLAY_MAX];
  rut_format("no es rut", zOut);
  assert_string_equal(zOut, "");
  rut_format(NULL, zOut);
  assert_string_equal(zOut, "");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(
          rut_table_accepts_valid_and_refuses_invalid_with_a_reason),
      cmocka_unit_test(check_digit_covers_zero_and_k),
      cmocka_unit_test(format_of_invalid_input_is_empty),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
