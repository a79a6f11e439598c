/*
** The council rules: which council a request is about (the order of its
** sources) and the slugs of council addresses.
*/
#include "support.h"

#include <string.h>

#include "domain/council.h"

static void the_prefix_wins_then_what_is_asked_then_the_user_then_the_only(
    void **state) {
  (void)state;
  CouncilAsk a = {.iPrefix = 3, .iAsked = 4, .iUser = 5, .iOnly = 1};
  assert_int_equal(council_resolve(&a), 3);
  a.iPrefix = 0;
  assert_int_equal(council_resolve(&a), 4);
  a.iAsked = 0;
  assert_int_equal(council_resolve(&a), 5);
  a.iUser = 0;
  assert_int_equal(council_resolve(&a), 1);
  a.iOnly = 0;
  assert_int_equal(council_resolve(&a), 0);
  /* A prefix beats a user's own council: the officer of 5 looking at 3 */
  CouncilAsk b = {.iPrefix = 3, .iUser = 5, .iOnly = 1};
  assert_int_equal(council_resolve(&b), 3);
  CouncilAsk c = {.iAsked = 7, .iUser = 5};
  assert_int_equal(council_resolve(&c), 7);
}

static void slugs_are_ascii_lower_case_words_joined_by_dashes(void **state) {
  (void)state;
  static const char *const az[][2] = {
      {"COSOC Minvu Serviu Coquimbo", "cosoc-minvu-serviu-coquimbo"},
      {"COSOC Serviu Ñuble", "cosoc-serviu-nuble"},
      {"  Consejo — Región de Valparaíso (2026) ",
       "consejo-region-de-valparaiso-2026"},
      {"Árica y Parinacota", "arica-y-parinacota"},
      {"¿¡!?", ""},
      {"", ""},
  };
  char z[COUNCIL_SLUG_SIZE];
  for (size_t i = 0; i < sizeof(az) / sizeof(az[0]); i++) {
    council_slug_from(az[i][0], z);
    assert_string_equal(z, az[i][1]);
  }
  char zLong[200];
  memset(zLong, 'a', sizeof(zLong) - 1);
  zLong[sizeof(zLong) - 1] = 0;
  council_slug_from(zLong, z);
  assert_int_equal(strlen(z), COUNCIL_SLUG_MAX);
  assert_true(council_slug_valid("cosoc-serviu-nuble"));
  assert_false(council_slug_valid("Cosoc"));
  assert_false(council_slug_valid("cosoc--serviu"));
  assert_false(council_slug_valid("-cosoc"));
  assert_false(council_slug_valid("cosoc/x"));
  assert_false(council_slug_valid(""));
  assert_false(council_slug_valid(NULL));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(
          the_prefix_wins_then_what_is_asked_then_the_user_then_the_only),
      cmocka_unit_test(slugs_are_ascii_lower_case_words_joined_by_dashes),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
