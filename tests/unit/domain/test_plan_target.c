/*
** Targets read from the actions' text: how many, which kinds, where not.
*/
#include "support.h"

#include <string.h>

#include "domain/plan_doc.h"
#include "domain/plan_target.h"

static void actions_text_suggests_the_target(void **state) {
  (void)state;
  static const struct {
    const char *zActions;
    int nCount;
    const char *zKinds;   /* space-separated slugs */
    const char *zExclude; /* space-separated CUT codes */
  } aCase[] = {
      {"Realizar a los menos 5 reuniones presenciales o virtuales con los "
       "integrantes del Cosoc",
       5, "sesion_ordinaria sesion_extraordinaria", ""},
      {"Desarrollar a lo menos 2 reuniones de trabajo citando a las "
       "autoridades regionales Seremi Serviu",
       2, "reunion_autoridades", ""},
      {"Realizar a lo menos 2 sesiones o actividades propias del Cosoc en "
       "comunas distintas a La Serena",
       2, "", "04101"},
      {"Realizar al menos tres charlas", 3, "charla", ""},
      {"Realizar un Plan Piloto de reciclaje", 1, "", ""},
      {"Hacer un catastro con las autoridades", 1, "", ""},
      {"", 1, "", ""},
  };
  Arena *pArena = arena_new();
  for (size_t i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    PlanTarget t;
    plan_target_suggest(aCase[i].zActions, &t);
    const char *zKinds = plan_target_kinds_text(pArena, &t);
    const char *zExclude = plan_target_exclude_text(pArena, &t);
    if (t.nCount != aCase[i].nCount || strcmp(zKinds, aCase[i].zKinds) != 0 ||
        strcmp(zExclude, aCase[i].zExclude) != 0) {
      fail_msg("«%s»: got %d [%s] [%s]", aCase[i].zActions, t.nCount, zKinds,
               zExclude);
    }
  }
  arena_free(pArena);
}

static void targets_compare_regardless_of_kind_order(void **state) {
  (void)state;
  PlanTarget a, b;
  plan_target_suggest("a lo menos 5 reuniones", &a);
  b = a;
  b.azKind[0] = a.azKind[1];
  b.azKind[1] = a.azKind[0];
  assert_true(plan_target_equal(&a, &b));
  b.nCount = 4;
  assert_false(plan_target_equal(&a, &b));
  assert_true(plan_cut_code_valid("04101"));
  assert_false(plan_cut_code_valid("4101"));
  assert_false(plan_cut_code_valid("0410a"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(actions_text_suggests_the_target),
      cmocka_unit_test(targets_compare_regardless_of_kind_order),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
