/*
** Text hygiene shared by the writers: what reaches a library is valid UTF-8
** without control characters, and column widths always share out to 1.
*/
#include "support.h"

#include <math.h>
#include <string.h>

#include "export/export.h"
#include "export/text.h"

static void text_is_cleaned_for_every_library(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  static const struct {
    const char *zIn;
    const char *zOut;
  } aCase[] = {
      {"Región de Coquimbo – N° 5 • ñandú",
       "Región de Coquimbo – N° 5 • ñandú"},
      {"uno\r\ndos\rtres\ncuatro", "uno\ndos\ntres\ncuatro"},
      {"a\tb", "a b"},
      {"bell\x07 esc\x1B del\x7F", "bell esc del"},
      {"c1 \xC2\x85 next", "c1  next"}, /* U+0085 */
      {"latin1 \xE9t\xE9", "latin1 \xEF\xBF\xBDt\xEF\xBF\xBD"},
      {"overlong \xC0\xAF", "overlong \xEF\xBF\xBD\xEF\xBF\xBD"},
      {"surrogate \xED\xA0\x80",
       "surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"cut \xE2\x80", "cut \xEF\xBF\xBD\xEF\xBF\xBD"},
      {"emoji \xF0\x9F\x8F\xA0", "emoji \xF0\x9F\x8F\xA0"},
      {"", ""},
  };
  for (size_t i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    assert_string_equal(export_text_clean(pArena, aCase[i].zIn), aCase[i].zOut);
  }
  assert_string_equal(export_text_clean(pArena, NULL), "");
  /* Clean text is returned as is, without a copy. */
  const char *zClean = "sin cambios";
  assert_ptr_equal(export_text_clean(pArena, zClean), zClean);
  arena_free(pArena);
}

static void column_shares_sum_to_one_whatever_the_widths(void **state) {
  (void)state;
  static const char *const azHeader[] = {"a", "b", "c"};
  static const double aGiven[] = {1, 2, 1};
  static const double aBad[] = {0, -3, NAN};
  static const double aSome[] = {2, 0, 2};
  ExportTable t = {.nCol = 3, .azHeader = azHeader};
  t.aWidth = aGiven;
  assert_true(fabs(export_column_share(&t, 1) - 0.5) < 1e-9);
  t.aWidth = aBad; /* All unusable: equal shares */
  assert_true(fabs(export_column_share(&t, 2) - 1.0 / 3) < 1e-9);
  t.aWidth = aSome; /* A missing one gets the average of the others */
  assert_true(fabs(export_column_share(&t, 1) - 1.0 / 3) < 1e-9);
  t.aWidth = NULL;
  double sum = 0;
  for (int i = 0; i < 3; i++) sum += export_column_share(&t, i);
  assert_true(fabs(sum - 1) < 1e-9);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(text_is_cleaned_for_every_library),
      cmocka_unit_test(column_shares_sum_to_one_whatever_the_widths),
  };
  return cmocka_run_group_tests_name("export/text", tests, NULL, NULL);
}
