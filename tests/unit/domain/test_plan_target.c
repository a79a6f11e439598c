/*
** Targets read from a line's actions and its META column: how many, which
** kinds, where not (any commune of Chile, looked up in the territory), and
** one in each province of the council's region. The places come from the
** territory as migration 0002 ships it (plan_context_fixture.h).
*/
#include "support.h"

#include <string.h>

#include "domain/plan_doc.h"
#include "domain/plan_target.h"
#include "plan_context_fixture.h"

typedef struct TargetCase {
  const char *zActions;
  const char *zMeta;
  const char *zRegion; /* The council's region (NULL: Coquimbo, "04") */
  const char *zSeat;   /* Its seat commune (NULL: none known) */
  int nCount;
  const char *zKinds;     /* space-separated slugs */
  const char *zExclude;   /* space-separated CUT codes */
  const char *zProvinces; /* space-separated province codes */
  int bFlagged;
} TargetCase;

#define SESSIONS "sesion_ordinaria sesion_extraordinaria"

static const TargetCase aCase[] = {
    /* The real plan's lines */
    {"Realizar a los menos 5 reuniones presenciales o virtuales con los "
     "integrantes del Cosoc, mientras dure su vigencia",
     NULL, NULL, NULL, 5, SESSIONS, "", "", 0},
    {"Desarrollar a lo menos 2 reuniones de trabajo citando a las "
     "autoridades regionales Seremi Serviu, para exponer el plan",
     NULL, NULL, NULL, 2, "reunion_autoridades", "", "", 0},
    {"Realizar a lo menos 2 sesiones o actividades propias del Cosoc en "
     "comunas distintas a La Serena",
     NULL, NULL, NULL, 2, "", "04101", "", 0},
    {"Realizar Escuela de Dirigentes, con distintos módulos, de manera On "
     "Line para abarcar dirigentes de las 3 provincias",
     NULL, NULL, NULL, 1, "", "", "", 0},
    {"Realizar un Plan Piloto de reciclaje", NULL, NULL, NULL, 1, "", "", "",
     0},
    {"Hacer un catastro con las autoridades", NULL, NULL, NULL, 1, "", "", "",
     0},
    {"", NULL, NULL, NULL, 1, "", "", "", 0},
    /* Quantities in words and digits */
    {"Realizar al menos tres charlas", NULL, NULL, NULL, 3, "charla", "", "",
     0},
    {"Realizar cuatro (4) talleres de liderazgo", NULL, NULL, NULL, 4,
     "capacitacion", "", "", 0},
    {"Realizar 4 sesiones ordinarias del consejo", NULL, NULL, NULL, 4,
     "sesion_ordinaria", "", "", 0},
    {"Como mínimo doce sesiones plenarias", NULL, NULL, NULL, 12, SESSIONS, "",
     "", 0},
    {"Mínimo 2 jornadas de capacitación", NULL, NULL, NULL, 2, "capacitacion",
     "", "", 0},
    {"Un mínimo de 6 mesas de trabajo territoriales", NULL, NULL, NULL, 6,
     "mesa_trabajo", "", "", 0},
    {"Por lo menos una visita a terreno", NULL, NULL, NULL, 1, "visita_terreno",
     "", "", 0},
    {"Al menos una charla sobre la Ley 20.500", NULL, NULL, NULL, 1, "charla",
     "", "", 0},
    {"Realizar 3 charlas y 2 talleres", NULL, NULL, NULL, 5,
     "capacitacion charla", "", "", 0},
    {"Desarrollar dos módulos de la escuela de dirigentes", NULL, NULL, NULL, 2,
     "modulo_escuela", "", "", 0},
    {"Participar en a lo menos 3 entregas de viviendas", NULL, NULL, NULL, 3,
     "entrega_viviendas", "", "", 0},
    {"Asistir a 2 inauguraciones de espacios públicos", NULL, NULL, NULL, 2,
     "inauguracion", "", "", 0},
    {"Realizar 2 reuniones con el Seremi y el Director", NULL, NULL, NULL, 2,
     "reunion_autoridades", "", "", 0},
    {"Realizar seis sesiones extraordinarias", NULL, NULL, NULL, 6,
     "sesion_extraordinaria", "", "", 0},
    {"Capacitar a 30 dirigentes de la región", NULL, NULL, NULL, 1, "", "", "",
     0},
    {"Según la Ley 20.500 el consejo sesiona", NULL, NULL, NULL, 1, "", "", "",
     0},
    {"Al menos dos actividades en el año", NULL, NULL, NULL, 2, "", "", "", 0},
    {"Realizar a lo menos reuniones periódicas", NULL, NULL, NULL, 1, "", "",
     "", 1},
    /* The META column */
    {"Realizar sesiones del consejo", "Al menos 6 sesiones del pleno", NULL,
     NULL, 6, SESSIONS, "", "", 0},
    {"Actividades de difusión", "2 actividades fuera de Temuco", "09", NULL, 2,
     "", "09101", "", 0},
    {"Realizar a lo menos 5 reuniones", "100% de asistencia", NULL, NULL, 5,
     SESSIONS, "", "", 1},
    {"Charlas abiertas", "Meta: 8 charlas", NULL, NULL, 8, "charla", "", "", 0},
    {"Realizar 3 charlas", "", NULL, NULL, 3, "charla", "", "", 0},
    {"Charla de la Ley 20.500", "Una charla", NULL, NULL, 1, "charla", "", "",
     0},
    /* Places: any commune of Chile, the seat, provinces */
    {"Realizar 2 sesiones en comunas distintas a Puerto Montt", NULL, "10",
     NULL, 2, SESSIONS, "10101", "", 0},
    {"Al menos 2 actividades fuera de la comuna de Valparaíso", NULL, "05",
     NULL, 2, "", "05101", "", 0},
    {"Sesionar 3 veces fuera de Ovalle y Coquimbo", NULL, NULL, NULL, 1, "",
     "04301 04102", "", 0},
    {"Realizar 2 charlas fuera de la capital regional", NULL, "09", "09101", 2,
     "charla", "09101", "", 0},
    {"Realizar 2 charlas fuera de la comuna sede", NULL, "13", "13101", 2,
     "charla", "13101", "", 0},
    {"Realizar 2 charlas fuera de la capital regional", NULL, NULL, NULL, 2,
     "charla", "", "", 1},
    {"2 actividades en comunas distintas a Villa Imaginaria", NULL, NULL, NULL,
     2, "", "", "", 1},
    {"Entregar los informes fuera de plazo no sirve", NULL, NULL, NULL, 1, "",
     "", "", 0},
    /* "una" alone is no quantity (the real plan's «un Plan Piloto» counts
    ** any activity), except repeated in each province: «una charla en cada
    ** provincia» is one charla in each. */
    {"Realizar una charla en cada provincia de la región", NULL, NULL, NULL, 3,
     "charla", "", "041 042 043", 0},
    {"Realizar a lo menos 3 capacitaciones en las tres provincias", NULL, NULL,
     NULL, 3, "capacitacion", "", "041 042 043", 0},
    {"Jornadas en las 3 provincias", NULL, "10", NULL, 4, "", "",
     "101 102 103 104", 1},
    {"Una sesión por provincia", NULL, "14", NULL, 2, SESSIONS, "", "141 142",
     0},
    {"2 charlas en cada provincia", NULL, NULL, NULL, 6, "charla", "",
     "041 042 043", 0},
    {"Talleres en cada provincia", NULL, NULL, NULL, 3, "", "", "041 042 043",
     0},
    {"Talleres en cada provincia", NULL, "", NULL, 1, "", "", "", 1},
    /* Plans of other councils (issue 17's held-out family) */
    {"Realizar al menos una sesión en cada provincia (Cautín y Malleco)", NULL,
     "09", NULL, 2, SESSIONS, "", "091 092", 0},
    {"Mesas de trabajo provinciales sobre residuos", "Una mesa por provincia",
     "12", NULL, 4, "mesa_trabajo", "", "121 122 123 124", 0},
    {"Charlas de seguridad vial, en las 2 provincias", "Al menos 2 charlas",
     "01", NULL, 2, "charla", "", "011 014", 0},
    {"Realizar al menos 3 visitas a obras, una por provincia (Chañaral, "
     "Copiapó y Huasco)",
     NULL, "03", NULL, 3, "visita_terreno", "", "031 032 033", 0},
    {"Sesiones ordinarias bimensuales del consejo (6 en el año)", NULL, NULL,
     NULL, 6, "sesion_ordinaria", "", "", 0},
    {"Sesiones ordinarias trimestrales (4)", NULL, NULL, NULL, 4,
     "sesion_ordinaria", "", "", 0},
    {"Reuniones con el Director SERVIU y el Seremi MINVU para presentar "
     "propuestas (mínimo 2)",
     NULL, NULL, NULL, 2, "reunion_autoridades", "", "", 0},
    {"Escuela de dirigentes (Ley 20.500)", NULL, NULL, NULL, 1, "", "", "", 0},
    {"Talleres (2024)", NULL, NULL, NULL, 1, "", "", "", 0},
    {"2 giras técnicas a predios de usuarios fuera de Temuco", NULL, "09", NULL,
     2, "visita_terreno", "09101", "", 0},
    {"Realizar seis (6) sesiones ordinarias y al menos 2 extraordinarias", NULL,
     NULL, NULL, 8, SESSIONS, "", "", 0},
    {"Sesiones ordinarias del Consejo, con citación a lo menos 5 días hábiles "
     "antes",
     NULL, NULL, NULL, 1, "", "", "", 0},
    {"Sesiones del consejo", "Sesiones mensuales", NULL, NULL, 12, SESSIONS, "",
     "", 1},
    {"Reunión trimestral con el Seremi", NULL, NULL, NULL, 4,
     "reunion_autoridades", "", "", 1},
    {"Cuenta pública del consejo", "Una cuenta pública", NULL, NULL, 1, "", "",
     "", 0},
    {"Informe anual del COSOC", "Un informe", NULL, NULL, 1, "", "", "", 0},
    {"Cuenta pública participativa", "2 cuentas públicas", NULL, NULL, 2, "",
     "", "", 0},
    {"Boletín del consejo", "2 boletines", NULL, NULL, 2, "", "", "", 1},
    {"Difundir las actas", "100% de las actas publicadas", NULL, NULL, 1, "",
     "", "", 1},
    {"Sesiones ordinarias", "4", NULL, NULL, 4, "sesion_ordinaria", "", "", 0},
    {"Cuenta pública participativa", "1", NULL, NULL, 1, "", "", "", 0},
    {"Al menos 1 sesión en cada una de las provincias (Cautín y Malleco)", NULL,
     "09", NULL, 2, SESSIONS, "", "091 092", 0},
    /* Places of another region: the plan of another council, flagged. */
    {"Una sesión en cada provincia (Cachapoal, Colchagua y Cardenal Caro)",
     NULL, NULL, NULL, 3, SESSIONS, "", "041 042 043", 1},
    {"Una sesión en cada provincia (Elqui, Limarí y Choapa)", NULL, NULL, NULL,
     3, SESSIONS, "", "041 042 043", 0},
    {"2 actividades fuera de Temuco", NULL, NULL, NULL, 2, "", "09101", "", 1},
    {"2 actividades fuera de Temuco", NULL, "", NULL, 2, "", "09101", "", 0},
    {"Diálogos ciudadanos", "3 diálogos ciudadanos", NULL, NULL, 3,
     "mesa_trabajo", "", "", 0},
    {"Sesiones ordinarias", "N° de sesiones realizadas / N° programadas", NULL,
     NULL, 1, "", "", "", 0},
};

static void actions_and_meta_give_the_target(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  int nFailed = 0;
  for (size_t i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    const TargetCase *c = &aCase[i];
    PlanContext ctx;
    const char *zRegion = c->zRegion ? c->zRegion : "04";
    assert_true(fixture_plan_context(pArena, &ctx, *zRegion ? zRegion : NULL,
                                     c->zSeat) > 300);
    PlanTarget t;
    plan_target_suggest(c->zActions, c->zMeta, &ctx, NULL, &t);
    const char *zKinds = plan_target_kinds_text(pArena, &t);
    const char *zExclude = plan_target_exclude_text(pArena, &t);
    const char *zProv = plan_target_provinces_text(pArena, &t);
    if (t.nCount != c->nCount || strcmp(zKinds, c->zKinds) != 0 ||
        strcmp(zExclude, c->zExclude) != 0 ||
        strcmp(zProv, c->zProvinces) != 0 || t.bFlagged != c->bFlagged ||
        (t.bFlagged && !t.zReason[0])) {
      print_error("«%s» / «%s»: got %d [%s] [%s] [%s] flagged %d (%s)\n",
                  c->zActions, c->zMeta ? c->zMeta : "", t.nCount, zKinds,
                  zExclude, zProv, t.bFlagged, t.zReason);
      nFailed++;
    }
  }
  assert_int_equal(nFailed, 0);
  arena_free(pArena);
}

static void a_target_describes_its_places_by_name(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  PlanContext ctx;
  fixture_plan_context(pArena, &ctx, "04", NULL);
  PlanTarget t;
  plan_target_suggest("Realizar 2 charlas en cada provincia, fuera de Ovalle",
                      NULL, &ctx, NULL, &t);
  assert_string_equal(plan_target_describe(pArena, &t),
                      "6 actividades: Charla; no cuentan las de Ovalle "
                      "(04301); al menos una en cada provincia: Elqui, Choapa "
                      "y Limarí");
  assert_false(t.bFlagged); /* 2 charlas in each of 3 provinces */
  plan_target_suggest("Realizar 2 charlas en las 3 provincias", NULL, &ctx,
                      NULL, &t);
  assert_int_equal(t.nCount, 2); /* as said, and flagged: 3 provinces */
  assert_true(t.bFlagged);
  assert_non_null(strstr(t.zReason, "2 actividades y al menos una"));
  plan_target_suggest("Sin lugar", NULL, NULL, NULL, &t);
  assert_int_equal(t.nExclude, 0);
  arena_free(pArena);
}

/* «N módulos» counts a course's modules one by one; «una Escuela» counts
** the course. */
static void a_target_of_modules_counts_them_one_by_one(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  PlanTarget t;
  plan_target_suggest("Realizar 4 módulos de la Escuela de Dirigentes", NULL,
                      NULL, NULL, &t);
  assert_int_equal(t.nCount, 4);
  assert_true(t.bModules);
  assert_string_equal(plan_target_kinds_text(pArena, &t), "modulo_escuela");
  assert_non_null(strstr(plan_target_describe(pArena, &t), "4 módulos"));
  plan_target_suggest("Al menos seis clases de formación", NULL, NULL, NULL,
                      &t);
  assert_true(t.bModules);
  plan_target_suggest(
      "Realizar Escuela de Dirigentes, con distintos módulos, "
      "de manera On Line",
      NULL, NULL, NULL, &t);
  assert_int_equal(t.nCount, 1);
  assert_false(t.bModules);
  PlanTarget u = t;
  u.bModules = 1;
  assert_false(plan_target_equal(&t, &u));
  arena_free(pArena);
}

/* «Sesiones mensuales» without a count: one a month of the line's dates,
** flagged with the count it guessed and the dates it used. */
static void a_frequency_counts_the_months_of_the_line(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  PlanWindow w;
  plan_window_parse("Marzo – Diciembre", "2026-01-01", "2026-12-31", &w);
  PlanTarget t;
  plan_target_suggest("Sesiones ordinarias del COSOC", "Sesiones mensuales",
                      NULL, &w, &t);
  assert_int_equal(t.nCount, 10);
  assert_string_equal(plan_target_kinds_text(pArena, &t), SESSIONS);
  assert_true(t.bFlagged);
  assert_non_null(strstr(t.zReason,
                         "«Sesiones mensuales» no dice cuántas: "
                         "se contaron 10"));
  assert_non_null(strstr(t.zReason, "del 01-03-2026 al 31-12-2026"));
  plan_window_parse("Todo el año", "2025-01-01", "2026-12-31", &w);
  plan_target_suggest("Reunión bimestral de la mesa directiva", NULL, NULL, &w,
                      &t);
  assert_int_equal(t.nCount, 12); /* 24 months, one every two */
  assert_non_null(strstr(t.zReason, "«Reunión bimestral» no dice cuántas"));
  plan_target_suggest("Sesiones mensuales (10)", NULL, NULL, &w, &t);
  assert_int_equal(t.nCount, 10); /* a number said wins */
  assert_false(t.bFlagged);
  arena_free(pArena);
}

static void targets_compare_regardless_of_kind_order(void **state) {
  (void)state;
  PlanTarget a, b;
  plan_target_suggest("a lo menos 5 reuniones", NULL, NULL, NULL, &a);
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
      cmocka_unit_test(actions_and_meta_give_the_target),
      cmocka_unit_test(a_target_describes_its_places_by_name),
      cmocka_unit_test(a_target_of_modules_counts_them_one_by_one),
      cmocka_unit_test(a_frequency_counts_the_months_of_the_line),
      cmocka_unit_test(targets_compare_regardless_of_kind_order),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
