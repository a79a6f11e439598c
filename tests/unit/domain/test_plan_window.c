/*
** Every date phrase family councils write becomes its dates; a phrase
** without a year takes it from the plan's period; a guess is flagged with
** its reason; an unknown phrase keeps the plan's period and is flagged.
*/
#include "support.h"

#include <string.h>

#include "domain/plan_window.h"

#define PS "2024-01-01"
#define PE "2025-12-31"

typedef struct WindowCase {
  const char *zPhrase;
  const char *zPs, *zPe; /* The plan's period (NULL: 2024-2025) */
  const char *zStart, *zEnd;
  int bUnderstood;
  int bFlagged; /* Understood but a guess, or not understood */
  int bAsNeeded;
} WindowCase;

static const WindowCase aCase[] = {
    /* Semesters, trimesters, quarters */
    {"Primer Semestre 2025", 0, 0, "2025-01-01", "2025-06-30", 1, 0, 0},
    {"Segundo Semestre 2024", 0, 0, "2024-07-01", "2024-12-31", 1, 0, 0},
    {"primer semestre de 2025.", 0, 0, "2025-01-01", "2025-06-30", 1, 0, 0},
    {"1er semestre 2025", 0, 0, "2025-01-01", "2025-06-30", 1, 0, 0},
    {"2do semestre 2025", 0, 0, "2025-07-01", "2025-12-31", 1, 0, 0},
    {"1° semestre 2024", 0, 0, "2024-01-01", "2024-06-30", 1, 0, 0},
    {"Segundo semestre", "2026-01-01", "2026-12-31", "2026-07-01", "2026-12-31",
     1, 0, 0},
    {"Segundo semestre", 0, 0, "2024-07-01", "2024-12-31", 1, 1, 0},
    {"Tercer trimestre 2024", 0, 0, "2024-07-01", "2024-09-30", 1, 0, 0},
    {"Primer trimestre 2025", 0, 0, "2025-01-01", "2025-03-31", 1, 0, 0},
    {"cuarto trimestre de 2024", 0, 0, "2024-10-01", "2024-12-31", 1, 0, 0},
    {"Primer trimestre", "2027-01-01", "2027-12-31", "2027-01-01", "2027-03-31",
     1, 0, 0},
    {"II trimestre 2025", 0, 0, "2025-04-01", "2025-06-30", 1, 0, 0},
    {"IV Trimestre 2024", 0, 0, "2024-10-01", "2024-12-31", 1, 0, 0},
    {"III trimestre", "2026-01-01", "2026-12-31", "2026-07-01", "2026-09-30", 1,
     0, 0},
    {"Q1 2026", "2026-01-01", "2026-12-31", "2026-01-01", "2026-03-31", 1, 0,
     0},
    {"Q4", "2026-01-01", "2026-12-31", "2026-10-01", "2026-12-31", 1, 0, 0},
    {"Trimestre 3 2025", 0, 0, "2025-07-01", "2025-09-30", 1, 0, 0},
    /* Years and the whole period */
    {"Durante el Periodo 2024-2025", 0, 0, PS, PE, 1, 0, 0},
    {"Durante el período 2024 - 2025", 0, 0, PS, PE, 1, 0, 0},
    {"Durante el Periodo 2025-2026", 0, 0, "2025-01-01", "2026-12-31", 1, 0, 0},
    {"2025", 0, 0, "2025-01-01", "2025-12-31", 1, 0, 0},
    {"Año 2025", 0, 0, "2025-01-01", "2025-12-31", 1, 0, 0},
    {"Durante el año 2024", 0, 0, "2024-01-01", "2024-12-31", 1, 0, 0},
    {"2025 – 2026", 0, 0, "2025-01-01", "2026-12-31", 1, 0, 0},
    {"Todo el año", "2026-01-01", "2026-12-31", "2026-01-01", "2026-12-31", 1,
     0, 0},
    {"Todo el año", 0, 0, PS, PE, 1, 0, 0},
    {"Anual", 0, 0, PS, PE, 1, 0, 0},
    {"Durante el año", 0, 0, PS, PE, 1, 0, 0},
    {"Continuo", 0, 0, PS, PE, 1, 0, 0},
    {"Permanente", 0, 0, PS, PE, 1, 0, 0},
    {"Mensual", 0, 0, PS, PE, 1, 0, 0},
    {"Durante la vigencia del plan", 0, 0, PS, PE, 1, 0, 0},
    /* As needed, undefined, unknown */
    {"Se agendarán según corresponda", 0, 0, PS, PE, 1, 0, 1},
    {"Según corresponda", 0, 0, PS, PE, 1, 0, 1},
    {"A demanda", 0, 0, PS, PE, 1, 0, 1},
    {"Por definir", 0, 0, PS, PE, 0, 1, 0},
    {"Cuando se pueda", 0, 0, PS, PE, 0, 1, 0},
    {"Quinto semestre 2025", 0, 0, PS, PE, 0, 1, 0},
    {"", 0, 0, PS, PE, 0, 1, 0},
    {"31-02-2025", 0, 0, PS, PE, 0, 1, 0},
    /* Months and ranges of months */
    {"Marzo 2025", 0, 0, "2025-03-01", "2025-03-31", 1, 0, 0},
    {"febrero de 2024", 0, 0, "2024-02-01", "2024-02-29", 1, 0, 0},
    {"Octubre de 2027", "2027-01-01", "2027-12-31", "2027-10-01", "2027-10-31",
     1, 0, 0},
    {"Octubre 2027", "2027-01-01", "2027-12-31", "2027-10-01", "2027-10-31", 1,
     0, 0},
    {"Marzo a Junio 2025", 0, 0, "2025-03-01", "2025-06-30", 1, 0, 0},
    {"Marzo a noviembre 2027", "2027-01-01", "2027-12-31", "2027-03-01",
     "2027-11-30", 1, 0, 0},
    {"Entre mayo y agosto de 2027", "2027-01-01", "2027-12-31", "2027-05-01",
     "2027-08-31", 1, 0, 0},
    {"Abril–Junio 2025", 0, 0, "2025-04-01", "2025-06-30", 1, 0, 0},
    {"abril-junio", "2026-01-01", "2026-12-31", "2026-04-01", "2026-06-30", 1,
     0, 0},
    {"abril-junio", 0, 0, "2024-04-01", "2024-06-30", 1, 1, 0},
    {"Noviembre a febrero", 0, 0, "2024-11-01", "2025-02-28", 1, 0, 0},
    {"Noviembre 2024 a febrero 2025", 0, 0, "2024-11-01", "2025-02-28", 1, 0,
     0},
    {"noviembre a febrero 2026", "2025-01-01", "2026-12-31", "2025-11-01",
     "2026-02-28", 1, 0, 0},
    {"Marzo, abril y mayo 2025", 0, 0, "2025-03-01", "2025-05-31", 1, 0, 0},
    {"Septiembre", "2026-01-01", "2026-12-31", "2026-09-01", "2026-09-30", 1, 0,
     0},
    {"Setiembre 2025", 0, 0, "2025-09-01", "2025-09-30", 1, 0, 0},
    {"Mes de julio 2025", 0, 0, "2025-07-01", "2025-07-31", 1, 0, 0},
    {"Fines de marzo 2025", 0, 0, "2025-03-01", "2025-03-31", 1, 0, 0},
    {"Segundo semestre 2024 - primer semestre 2025", 0, 0, "2024-07-01",
     "2025-06-30", 1, 0, 0},
    /* Open ends */
    {"Desde marzo 2025", 0, 0, "2025-03-01", PE, 1, 0, 0},
    {"A partir de junio 2024", 0, 0, "2024-06-01", PE, 1, 0, 0},
    {"Hasta octubre 2025", 0, 0, PS, "2025-10-31", 1, 0, 0},
    /* Explicit dates and ranges of them */
    {"15-04-2025", 0, 0, "2025-04-15", "2025-04-15", 1, 0, 0},
    {"15/04/2025", 0, 0, "2025-04-15", "2025-04-15", 1, 0, 0},
    {"15.04.2025", 0, 0, "2025-04-15", "2025-04-15", 1, 0, 0},
    {"15/04/25", 0, 0, "2025-04-15", "2025-04-15", 1, 0, 0},
    {"2025-04-15", 0, 0, "2025-04-15", "2025-04-15", 1, 0, 0},
    {"15 de abril de 2025", 0, 0, "2025-04-15", "2025-04-15", 1, 0, 0},
    {"15 de abril", "2026-01-01", "2026-12-31", "2026-04-15", "2026-04-15", 1,
     0, 0},
    {"01-03-2025 al 30-04-2025", 0, 0, "2025-03-01", "2025-04-30", 1, 0, 0},
    {"Del 15/04/2025 al 30/06/2025", 0, 0, "2025-04-15", "2025-06-30", 1, 0, 0},
    {"Desde el 15.04.2025 hasta el 30.06.2025", 0, 0, "2025-04-15",
     "2025-06-30", 1, 0, 0},
    {"15 al 30 de abril de 2025", 0, 0, "2025-04-15", "2025-04-30", 1, 0, 0},
    {"Del 15 de abril al 30 de mayo de 2025", 0, 0, "2025-04-15", "2025-05-30",
     1, 0, 0},
    {"04/2025", 0, 0, "2025-04-01", "2025-04-30", 1, 0, 0},
    {"1° y 2° semestre 2025", 0, 0, "2025-01-01", "2025-12-31", 1, 0, 0},
    {"Primer a tercer trimestre de 2024", 0, 0, "2024-01-01", "2024-09-30", 1,
     0, 0},
    {"Agosto 2025 (Día del Dirigente)", 0, 0, "2025-08-01", "2025-08-31", 1, 0,
     0},
    {"Primer semestre (2025)", 0, 0, "2025-01-01", "2025-06-30", 1, 0, 0},
    /* Councils' other phrases (plans of other regions, issue 17's held-out
    ** family) */
    {"Junio (15 de junio)", "2025-01-01", "2025-12-31", "2025-06-15",
     "2025-06-15", 1, 0, 0},
    {"Primer semestre (marzo a junio)", "2026-01-01", "2026-12-31",
     "2026-03-01", "2026-06-30", 1, 0, 0},
    {"Semana del 13 al 17 de julio", "2026-01-01", "2026-12-31", "2026-07-13",
     "2026-07-17", 1, 0, 0},
    {"Semana del 13 de julio", "2026-01-01", "2026-12-31", "2026-07-13",
     "2026-07-19", 1, 0, 0},
    {"Según calendario", 0, 0, PS, PE, 1, 0, 1},
    {"Según calendario de sesiones", 0, 0, PS, PE, 1, 0, 1},
    {"1° quincena de mayo", "2025-01-01", "2025-12-31", "2025-05-01",
     "2025-05-15", 1, 0, 0},
    {"Segunda quincena de junio de 2025", 0, 0, "2025-06-16", "2025-06-30", 1,
     0, 0},
    {"Primera semana de abril", "2026-01-01", "2026-12-31", "2026-04-01",
     "2026-04-07", 1, 0, 0},
    {"Última semana de febrero de 2026", "2026-01-01", "2026-12-31",
     "2026-02-22", "2026-02-28", 1, 0, 0},
    {"Último trimestre", "2026-01-01", "2026-12-31", "2026-10-01", "2026-12-31",
     1, 0, 0},
    {"Abril 2026 en adelante", "2026-01-01", "2026-12-31", "2026-04-01",
     "2026-12-31", 1, 0, 0},
    {"Al 30 de junio", "2026-01-01", "2026-12-31", "2026-01-01", "2026-06-30",
     1, 0, 0},
    {"Fecha límite: 30/06/2026", "2026-01-01", "2026-12-31", "2026-01-01",
     "2026-06-30", 1, 0, 0},
    {"Cada mes", 0, 0, PS, PE, 1, 0, 0},
    {"Una vez por semestre", 0, 0, PS, PE, 1, 0, 0},
    {"Bimensual", 0, 0, PS, PE, 1, 0, 0},
    {"Trimestralmente", 0, 0, PS, PE, 1, 0, 0},
    {"Oct.-Nov.", "2025-01-01", "2025-12-31", "2025-10-01", "2025-11-30", 1, 0,
     0},
    {"Ago-Sept", "2026-01-01", "2026-12-31", "2026-08-01", "2026-09-30", 1, 0,
     0},
    {"Mayo y agosto", "2026-01-01", "2026-12-31", "2026-05-01", "2026-08-31", 1,
     0, 0},
    {"Tercera quincena de mayo", 0, 0, PS, PE, 0, 1, 0},
    /* Outside the plan's period: understood, flagged */
    {"Marzo 2030", 0, 0, "2030-03-01", "2030-03-31", 1, 1, 0},
};

static void date_phrases_become_their_windows(void **state) {
  (void)state;
  int nFailed = 0;
  for (size_t i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    const WindowCase *c = &aCase[i];
    PlanWindow w;
    int bOk = plan_window_parse(c->zPhrase, c->zPs ? c->zPs : PS,
                                c->zPe ? c->zPe : PE, &w);
    if (bOk != c->bUnderstood || strcmp(w.zStart, c->zStart) != 0 ||
        strcmp(w.zEnd, c->zEnd) != 0 || w.bAsNeeded != c->bAsNeeded ||
        w.bFlagged != c->bFlagged || (w.bFlagged && !w.zReason[0])) {
      print_error("«%s»: got %d %s..%s flagged %d (%s) as-needed %d\n",
                  c->zPhrase, bOk, w.zStart, w.zEnd, w.bFlagged, w.zReason,
                  w.bAsNeeded);
      nFailed++;
    }
  }
  assert_int_equal(nFailed, 0);
}

static void a_guessed_year_says_which_year(void **state) {
  (void)state;
  PlanWindow w;
  assert_int_equal(plan_window_parse("Primer trimestre", PS, PE, &w), 1);
  assert_true(w.bFlagged);
  assert_non_null(strstr(w.zReason, "se supuso 2024"));
  assert_int_equal(plan_window_parse("Cuando haya presupuesto", PS, PE, &w), 0);
  assert_non_null(strstr(w.zReason, "«Cuando haya presupuesto»"));
}

static void years_of_a_phrase_are_found(void **state) {
  (void)state;
  int a, b;
  plan_window_years("Marzo 2025 a junio 2026", &a, &b);
  assert_int_equal(a, 2025);
  assert_int_equal(b, 2026);
  plan_window_years("Todo el año", &a, &b);
  assert_int_equal(a, 0);
}

static void only_real_calendar_dates_are_valid(void **state) {
  (void)state;
  assert_true(plan_date_valid("2024-02-29"));
  assert_false(plan_date_valid("2025-02-29"));
  assert_false(plan_date_valid("2025-13-01"));
  assert_false(plan_date_valid("2025-1-01"));
  assert_false(plan_date_valid("hoy"));
  assert_false(plan_date_valid(NULL));
  char z[PLAN_DATE_SIZE] = "2024-02-29";
  plan_date_add_years(z, 1);
  assert_string_equal(z, "2025-02-28");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(date_phrases_become_their_windows),
      cmocka_unit_test(a_guessed_year_says_which_year),
      cmocka_unit_test(years_of_a_phrase_are_found),
      cmocka_unit_test(only_real_calendar_dates_are_valid),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
