/*
** Every FECHAS phrase form becomes its dates; an unknown phrase keeps the
** plan period and is flagged.
*/
#include "support.h"

#include <string.h>

#include "domain/plan_window.h"

#define PS "2024-01-01"
#define PE "2025-12-31"

static void date_phrases_become_their_windows(void **state) {
  (void)state;
  static const struct {
    const char *zPhrase, *zStart, *zEnd;
    int bUnderstood, bAsNeeded;
  } aCase[] = {
      {"Primer Semestre 2025", "2025-01-01", "2025-06-30", 1, 0},
      {"Segundo Semestre 2024", "2024-07-01", "2024-12-31", 1, 0},
      {"primer semestre de 2025.", "2025-01-01", "2025-06-30", 1, 0},
      {"Durante el Periodo 2024-2025", PS, PE, 1, 0},
      {"Durante el período 2024 - 2025", PS, PE, 1, 0},
      {"Durante el Periodo 2025-2026", "2025-01-01", "2026-12-31", 1, 0},
      {"Se agendarán según corresponda", PS, PE, 1, 1},
      {"Marzo 2025", "2025-03-01", "2025-03-31", 1, 0},
      {"febrero de 2024", "2024-02-01", "2024-02-29", 1, 0},
      {"Marzo a Junio 2025", "2025-03-01", "2025-06-30", 1, 0},
      {"Tercer trimestre 2024", "2024-07-01", "2024-09-30", 1, 0},
      {"Primer trimestre 2025", "2025-01-01", "2025-03-31", 1, 0},
      {"cuarto trimestre de 2024", "2024-10-01", "2024-12-31", 1, 0},
      {"15-04-2025", "2025-04-15", "2025-04-15", 1, 0},
      {"15/04/2025", "2025-04-15", "2025-04-15", 1, 0},
      {"01-03-2025 al 30-04-2025", "2025-03-01", "2025-04-30", 1, 0},
      {"2025", "2025-01-01", "2025-12-31", 1, 0},
      {"Cuando se pueda", PS, PE, 0, 0},
      {"31-02-2025", PS, PE, 0, 0},
      {"Quinto semestre 2025", PS, PE, 0, 0},
      {"", PS, PE, 0, 0},
  };
  for (size_t i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    PlanWindow w;
    int bOk = plan_window_parse(aCase[i].zPhrase, PS, PE, &w);
    if (bOk != aCase[i].bUnderstood || strcmp(w.zStart, aCase[i].zStart) != 0 ||
        strcmp(w.zEnd, aCase[i].zEnd) != 0 ||
        w.bAsNeeded != aCase[i].bAsNeeded ||
        w.bFlagged == aCase[i].bUnderstood) {
      fail_msg("«%s»: got %d %s..%s flagged %d as-needed %d", aCase[i].zPhrase,
               bOk, w.zStart, w.zEnd, w.bFlagged, w.bAsNeeded);
    }
  }
}

static void only_real_calendar_dates_are_valid(void **state) {
  (void)state;
  assert_true(plan_date_valid("2024-02-29"));
  assert_false(plan_date_valid("2025-02-29"));
  assert_false(plan_date_valid("2025-13-01"));
  assert_false(plan_date_valid("2025-1-01"));
  assert_false(plan_date_valid("hoy"));
  assert_false(plan_date_valid(NULL));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(date_phrases_become_their_windows),
      cmocka_unit_test(only_real_calendar_dates_are_valid),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
