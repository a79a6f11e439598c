/*
** One page of a list: page numbers from the query string, the API's limit
** and offset, when the rows alone tell the total, the last page.
*/
#include "support.h"

#include <stdint.h>

#include "util/list_page.h"

static void a_page_number_gives_its_rows_and_nonsense_the_first(void **state) {
  (void)state;
  static const struct {
    const char *z;
    int64_t nOffset;
  } a[] = {{NULL, 0},  {"", 0},         {"1", 0},    {"0", 0},
           {"3", 100}, {"x", 0},        {"-2", 0},   {"2x", 0},
           {" 2", 0},  {"10000001", 0}, {"007", 300}};
  for (size_t i = 0; i < sizeof(a) / sizeof(a[0]); i++) {
    ListPage p;
    list_page_numbered(&p, a[i].z, 50);
    assert_int_equal(p.nLimit, 50);
    assert_int_equal(p.nOffset, a[i].nOffset);
  }
}

static void the_api_takes_a_limit_in_range_and_any_offset(void **state) {
  (void)state;
  ListPage p;
  assert_true(list_page_from_api(&p, NULL, NULL));
  assert_int_equal(p.nLimit, 0); /* Every row */
  assert_int_equal(list_page_sql_limit(&p), INT64_MAX);
  assert_true(list_page_from_api(&p, "20", "40"));
  assert_int_equal(p.nLimit, 20);
  assert_int_equal(p.nOffset, 40);
  assert_int_equal(list_page_sql_limit(&p), 20);
  assert_true(list_page_from_api(&p, "1000", NULL));
  assert_false(list_page_from_api(&p, "1001", NULL));
  assert_false(list_page_from_api(&p, "0", NULL));
  assert_false(list_page_from_api(&p, "", NULL));
  assert_false(list_page_from_api(&p, "5", "-1"));
  assert_false(list_page_from_api(&p, "5", "1e3"));
}

static void a_short_page_tells_the_total_a_full_or_empty_one_does_not(
    void **state) {
  (void)state;
  ListPage p = {.nLimit = 50, .nOffset = 100};
  assert_true(list_page_total_known(&p, 7)); /* The last page */
  assert_int_equal(p.nTotal, 107);
  assert_int_equal(list_page_number(&p), 3);
  assert_int_equal(list_page_last(&p), 3);
  p = (ListPage){.nLimit = 50, .nOffset = 100};
  assert_false(list_page_total_known(&p, 50)); /* More may follow */
  p = (ListPage){.nLimit = 50, .nOffset = 100};
  assert_false(list_page_total_known(&p, 0)); /* Past the end */
  p = (ListPage){.nLimit = 50};
  assert_true(list_page_total_known(&p, 0)); /* An empty list */
  assert_int_equal(p.nTotal, 0);
  assert_int_equal(list_page_last(&p), 1);
  p = (ListPage){0};
  assert_true(list_page_total_known(&p, 960)); /* Every row was read */
  assert_int_equal(p.nTotal, 960);
  p = (ListPage){.nOffset = 100};
  assert_true(list_page_total_known(&p, 7)); /* No limit, from row 101 */
  assert_int_equal(p.nTotal, 107);
  p = (ListPage){.nOffset = 1000};
  assert_false(list_page_total_known(&p, 0)); /* No limit, past the end */
  p = (ListPage){.nLimit = 50, .nTotal = 960};
  assert_int_equal(list_page_last(&p), 20);
  p.nTotal = 951;
  assert_int_equal(list_page_last(&p), 20);
  p.nTotal = 950;
  assert_int_equal(list_page_last(&p), 19);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(a_page_number_gives_its_rows_and_nonsense_the_first),
      cmocka_unit_test(the_api_takes_a_limit_in_range_and_any_offset),
      cmocka_unit_test(
          a_short_page_tells_the_total_a_full_or_empty_one_does_not),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
