/*
** Routes match whole paths, capture ':' segments, and report the methods a
** path answers when the method is wrong.
*/
#include "support.h"

#include <string.h>

#include "http/router.h"
#include "pages/routes.h"

/* The page handlers are not linked here: the table is tested as data. */

static void patterns_match_whole_paths_and_capture_segments(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *az[4];
  int n = 0;
  static const struct {
    const char *zPattern, *zPath;
    int bMatch;
    const char *zCapture;
  } aCase[] = {
      {"/", "/", 1, NULL},
      {"/login", "/login", 1, NULL},
      {"/login", "/login/", 0, NULL},
      {"/login", "/log", 0, NULL},
      {"/static/:", "/static/style.css", 1, "style.css"},
      {"/static/:", "/static/", 0, NULL},
      {"/static/:", "/static/a/b", 0, NULL},
      {"/api/activities/:/mail", "/api/activities/12/mail", 1, "12"},
      {"/api/activities/:/mail", "/api/activities/12/mailx", 0, NULL},
  };
  for (size_t i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    int bMatch = router_pattern_match(pArena, aCase[i].zPattern,
                                      aCase[i].zPath, az, 4, &n);
    assert_int_equal(bMatch, aCase[i].bMatch);
    if (bMatch && aCase[i].zCapture) {
      assert_int_equal(n, 1);
      assert_string_equal(az[0], aCase[i].zCapture);
    }
  }
  arena_free(pArena);
}

static void every_route_declares_roles_and_post_routes_check_csrf(void **state) {
  (void)state;
  for (int i = 0; i < routes_count; i++) {
    const Route *p = &routes_table[i];
    assert_non_null(p->xHandler);
    assert_int_not_equal(p->mGet | p->mPost, 0);
    if (p->mPost) {
      assert_true(p->mFlag & ROUTE_CSRF);
      assert_true(p->nBodyMax > 0);
    }
  }
}

static void a_wrong_method_reports_what_the_path_answers(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char **az = NULL;
  int n = 0, mAllowed = 0;
  assert_null(router_match(routes_table, routes_count, pArena, "/logout",
                           METHOD_GET, &mAllowed, &az, &n));
  assert_int_equal(mAllowed, METHOD_POST);
  assert_null(router_match(routes_table, routes_count, pArena, "/no-existe",
                           METHOD_GET, &mAllowed, &az, &n));
  assert_int_equal(mAllowed, 0);
  assert_non_null(router_match(routes_table, routes_count, pArena, "/login",
                               METHOD_POST, &mAllowed, &az, &n));
  arena_free(pArena);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(patterns_match_whole_paths_and_capture_segments),
      cmocka_unit_test(every_route_declares_roles_and_post_routes_check_csrf),
      cmocka_unit_test(a_wrong_method_reports_what_the_path_answers),
  };
  return cmocka_run_group_tests_name("http/router", tests, NULL, NULL);
}
