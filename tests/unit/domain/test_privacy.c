/*
** The rules of personal-data requests (domain/privacy.h): the 30 calendar
** days to answer, across months, years and leap days; the days left; the
** rights by slug; and aggregates that never show a group of fewer than 5.
*/
#include "support.h"

#include <string.h>

#include "domain/privacy.h"

static void due_date_is_thirty_calendar_days_later(void **state) {
  (void)state;
  static const char *const aCase[][2] = {
      {"2026-12-03", "2027-01-02"}, /* Across the year */
      {"2026-12-01", "2026-12-31"},
      {"2028-02-10", "2028-03-11"}, /* A leap February */
      {"2027-02-10", "2027-03-12"},
      {"2026-01-31", "2026-03-02"},
  };
  for (size_t i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    char zDue[11];
    assert_int_equal(privacy_due_date(aCase[i][0], zDue), 0);
    assert_string_equal(zDue, aCase[i][1]);
    assert_int_equal(privacy_days_left(aCase[i][0], zDue), PRIVACY_ANSWER_DAYS);
  }
}

static void bad_dates_are_refused(void **state) {
  (void)state;
  char zDue[11];
  assert_int_equal(privacy_due_date("2026-04-31", zDue), -1);
  assert_int_equal(privacy_due_date("2026-13-01", zDue), -1);
  assert_int_equal(privacy_due_date("ayer", zDue), -1);
  assert_int_equal(privacy_due_date("2026-12-03x", zDue), -1);
  assert_int_equal(privacy_due_date("", zDue), -1);
}

static void days_left_go_negative_when_overdue(void **state) {
  (void)state;
  assert_int_equal(privacy_days_left("2027-01-05", "2027-01-02"), -3);
  assert_int_equal(privacy_days_left("2027-01-02", "2027-01-02"), 0);
}

static void every_right_of_the_law_is_there(void **state) {
  (void)state;
  static const char *const azSlug[] = {"acceso",       "rectificacion",
                                       "supresion",    "oposicion",
                                       "portabilidad", "bloqueo"};
  for (size_t i = 0; i < sizeof(azSlug) / sizeof(azSlug[0]); i++) {
    assert_non_null(privacy_right(azSlug[i]));
  }
  assert_null(privacy_right("olvido"));
  assert_null(privacy_right(NULL));
}

static void small_counts_are_not_shown(void **state) {
  (void)state;
  char z[16];
  assert_string_equal(privacy_count_text(0, z), "0");
  assert_string_equal(privacy_count_text(1, z), "menos de 5");
  assert_string_equal(privacy_count_text(4, z), "menos de 5");
  assert_string_equal(privacy_count_text(5, z), "5");
  assert_string_equal(privacy_count_text(27, z), "27");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(due_date_is_thirty_calendar_days_later),
      cmocka_unit_test(bad_dates_are_refused),
      cmocka_unit_test(days_left_go_negative_when_overdue),
      cmocka_unit_test(every_right_of_the_law_is_there),
      cmocka_unit_test(small_counts_are_not_shown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
