/*
** Shared bytes: one copy per key however many hold it, freed with the last
** reference, and a budget past which a new key is refused.
*/
#include "support.h"

#include <string.h>

#include "util/shared_bytes.h"

static void one_copy_per_key_freed_with_the_last_reference(void **state) {
  (void)state;
  assert_int_equal(shared_bytes_held(), 0);
  assert_null(shared_bytes_find("a"));
  SharedBytes *p1 = shared_bytes_add("a", "hola", 4);
  assert_non_null(p1);
  SharedBytes *p2 = shared_bytes_find("a");
  SharedBytes *p3 = shared_bytes_add("a", "otra", 4); /* Already held */
  assert_ptr_equal(p1, p2);
  assert_ptr_equal(p1, p3);
  assert_memory_equal(shared_bytes_data(p3), "hola", 4);
  assert_int_equal(shared_bytes_size(p1), 4);
  assert_int_equal(shared_bytes_held(), 4);
  SharedBytes *pB = shared_bytes_add("b", "chao!", 5);
  assert_int_equal(shared_bytes_held(), 9);
  shared_bytes_release(p1);
  shared_bytes_release(p2);
  assert_non_null(shared_bytes_find("a")); /* p3 still holds it */
  shared_bytes_release(p3);
  shared_bytes_release(p3);
  assert_null(shared_bytes_find("a"));
  assert_int_equal(shared_bytes_held(), 5);
  shared_bytes_release(pB);
  shared_bytes_release(NULL);
  assert_int_equal(shared_bytes_held(), 0);
}

static void a_new_key_past_the_budget_is_refused(void **state) {
  (void)state;
  shared_bytes_budget_set(10);
  SharedBytes *p = shared_bytes_add("x", "123456", 6);
  assert_non_null(p);
  assert_null(shared_bytes_add("y", "123456", 6));          /* 12 > 10 */
  SharedBytes *pAgain = shared_bytes_add("x", "123456", 6); /* Held: fine */
  assert_ptr_equal(pAgain, p);
  assert_null(shared_bytes_add("z", "12345678901", 11)); /* Alone > 10 */
  shared_bytes_release(p);
  shared_bytes_release(pAgain);
  assert_non_null(p = shared_bytes_add("y", "123456", 6));
  shared_bytes_release(p);
  assert_int_equal(shared_bytes_held(), 0);
  shared_bytes_budget_set(SHARED_BYTES_BUDGET_DEFAULT);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(one_copy_per_key_freed_with_the_last_reference),
      cmocka_unit_test(a_new_key_past_the_budget_is_refused),
  };
  return cmocka_run_group_tests_name("shared_bytes", tests, NULL, NULL);
}
