/*
** The importer reads the council's real plan (data/seeds/…txt) into clean
** data — 6 objectives, 10 lines, each line's evidence, window and target —
** and refuses files that are not such a plan with a message that says what
** was expected and where.
*/
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/plan_catalog.h"
#include "domain/plan_import.h"
#include "plan_context_fixture.h"

#define SEED       \
  COSOC_SOURCE_DIR \
  "/data/seeds/plan-anual-cosoc-minvu-serviu-coquimbo-2024-2025.txt"

static char *read_seed(size_t *pn) {
  FILE *f = fopen(SEED, "rb");
  assert_non_null(f);
  char *z = malloc(1 << 20);
  *pn = fread(z, 1, (1 << 20) - 1, f);
  z[*pn] = 0;
  fclose(f);
  return z;
}

static PlanDoc g_doc;
static Arena *g_pArena;
static PlanContext g_ctx; /* Coquimbo's council, as the demo has it */

static int setup(void **state) {
  (void)state;
  size_t n;
  char *z = read_seed(&n);
  g_pArena = arena_new();
  if (fixture_plan_context(g_pArena, &g_ctx, "04", NULL) < 300) return -1;
  const char *zErr = NULL;
  int rc = plan_import_parse(g_pArena, z, n, &g_ctx, &g_doc, &zErr);
  free(z);
  if (rc != PLAN_IMPORT_OK) fprintf(stderr, "refused: %s\n", zErr);
  return rc == PLAN_IMPORT_OK ? 0 : -1;
}

static int teardown(void **state) {
  (void)state;
  arena_free(g_pArena);
  return 0;
}

static void the_real_plan_has_its_title_period_and_introduction(void **state) {
  (void)state;
  assert_string_equal(g_doc.zTitle, "PLAN ANUAL COSOC MINVU SERVIU 2024-2025");
  assert_string_equal(g_doc.zPeriodStart, "2024-01-01");
  assert_string_equal(g_doc.zPeriodEnd, "2025-12-31");
  assert_non_null(
      strstr(g_doc.zIntro, "El consejo de la sociedad civil, es un mecanismo"));
  assert_non_null(
      strstr(g_doc.zIntro, "\n\nEl plan es una carta de navegación"));
  assert_null(strchr(g_doc.zIntro, '<'));
}

static void the_real_plan_has_exactly_six_clean_objectives(void **state) {
  (void)state;
  assert_int_equal(g_doc.nObjective, 6);
  for (int i = 0; i < 6; i++) {
    assert_int_equal(g_doc.aObjective[i].iNumber, i + 1);
    assert_null(strchr(g_doc.aObjective[i].zText, '<'));
    assert_null(strstr(g_doc.aObjective[i].zText, ".-"));
  }
  assert_string_equal(
      g_doc.aObjective[0].zText,
      "Ofrecer instancias formativas destinadas al COSOC, que les permita "
      "adquirir el conocimiento necesario para poder participar, en lo que "
      "corresponda, de la implementación del Plan de Emergencia Habitacional "
      "y en la gestión institucional de manera transversal.");
  assert_string_equal(
      g_doc.aObjective[5].zText,
      "Descentralizar representatividad y funcionamiento del Cosoc, procurando "
      "tener actividades fuera de la comuna de la serena.");
}

static void the_real_plan_has_ten_lines_of_clean_text(void **state) {
  (void)state;
  assert_int_equal(g_doc.nLine, 10);
  for (int i = 0; i < 10; i++) {
    const PlanLine *p = &g_doc.aLine[i];
    assert_int_equal(p->iNumber, i + 1);
    const char *az[] = {p->zObjective, p->zActions, p->zResponsible,
                        p->zWindowPhrase};
    for (int k = 0; k < 4; k++) {
      assert_true(*az[k]);
      assert_null(strchr(az[k], '<'));
      assert_null(strstr(az[k], "\xe2\x80\xa2"));
      assert_true(az[k][strlen(az[k]) - 1] != ' ');
    }
  }
  assert_string_equal(g_doc.aLine[0].zWindowPhrase,
                      "Se agendarán según corresponda");
  assert_string_equal(g_doc.aLine[3].zResponsible, "Encargada PAC");
  assert_string_equal(
      g_doc.aLine[0].zActions,
      "Mantener a Consejeros/as informados sobre fechas de actividades "
      "(entrega de subsidios, inauguración espacios públicos, inicio de "
      "programas en barrios) y tratar en lo posible de coordinar locomoción "
      "para algunas de estas actividades");
}

static void every_line_has_its_exact_evidence_list(void **state) {
  (void)state;
  static const char *const aWant[10][5] = {
      {"invitacion", "fotografias"},
      {"convocatoria", "asistencia", "fotografias"},
      {"invitacion", "asistencia", "fotografias"},
      {"citacion", "asistencia", "fotografias", "acta"},
      {"citacion", "asistencia", "fotografias", "acta"},
      {"citacion", "asistencia", "fotografias", "acta"},
      {"asistencia", "fotografias", "informe"},
      {"citacion", "asistencia", "fotografias", "acta"},
      {"citacion", "asistencia", "fotografias", "acta"},
      {"programa_formacion", "convocatoria", "asistencia", "fotografias"},
  };
  for (int i = 0; i < 10; i++) {
    const PlanLine *p = &g_doc.aLine[i];
    int n = 0;
    while (n < 5 && aWant[i][n]) n++;
    assert_int_equal(p->nEvidence, n);
    for (int k = 0; k < n; k++)
      assert_string_equal(p->aEvidence[k].zKind, aWant[i][k]);
  }
  const PlanLine *p4 = &g_doc.aLine[3];
  assert_string_equal(p4->aEvidence[0].zLabel, "Citación");
  assert_string_equal(p4->aEvidence[1].zLabel, "Asistencia");
  assert_string_equal(p4->aEvidence[2].zLabel, "Fotografías");
  assert_string_equal(p4->aEvidence[3].zLabel, "Actas");
  assert_string_equal(g_doc.aLine[6].aEvidence[2].zLabel,
                      "Informe de estrategia de Desarrollo o Plan de Trabajo");
}

static void every_line_has_its_window(void **state) {
  (void)state;
  static const char *const aWant[10][2] = {
      {"2024-01-01", "2025-12-31"}, {"2024-07-01", "2024-12-31"},
      {"2025-01-01", "2025-06-30"}, {"2024-01-01", "2025-12-31"},
      {"2024-01-01", "2025-12-31"}, {"2025-01-01", "2025-06-30"},
      {"2025-01-01", "2025-06-30"}, {"2024-01-01", "2025-12-31"},
      {"2024-01-01", "2025-12-31"}, {"2025-01-01", "2025-06-30"},
  };
  for (int i = 0; i < 10; i++) {
    assert_string_equal(g_doc.aLine[i].window.zStart, aWant[i][0]);
    assert_string_equal(g_doc.aLine[i].window.zEnd, aWant[i][1]);
    assert_false(g_doc.aLine[i].window.bFlagged);
  }
  assert_true(g_doc.aLine[0].window.bAsNeeded);
}

static void lines_four_five_and_nine_have_their_targets(void **state) {
  (void)state;
  const PlanTarget *t4 = &g_doc.aLine[3].target;
  assert_int_equal(t4->nCount, 5);
  assert_int_equal(t4->nKind, 2);
  assert_string_equal(t4->azKind[0], "sesion_ordinaria");
  assert_string_equal(t4->azKind[1], "sesion_extraordinaria");
  assert_int_equal(t4->nExclude, 0);
  const PlanTarget *t5 = &g_doc.aLine[4].target;
  assert_int_equal(t5->nCount, 2);
  assert_int_equal(t5->nKind, 1);
  assert_string_equal(t5->azKind[0], "reunion_autoridades");
  const PlanTarget *t9 = &g_doc.aLine[8].target;
  assert_int_equal(t9->nCount, 2);
  assert_int_equal(t9->nKind, 0);
  assert_int_equal(t9->nExclude, 1);
  assert_string_equal(t9->azExclude[0], "04101");
  for (int i = 0; i < 10; i++) {
    if (i == 3 || i == 4 || i == 8) continue;
    assert_int_equal(g_doc.aLine[i].target.nCount, 1);
    assert_int_equal(g_doc.aLine[i].target.nKind, 0);
  }
}

static void importing_the_same_text_twice_gives_the_same_canonical_form(
    void **state) {
  (void)state;
  size_t n;
  char *z = read_seed(&n);
  Arena *pArena = arena_new();
  PlanDoc doc;
  const char *zErr;
  assert_int_equal(plan_import_parse(pArena, z, n, &g_ctx, &doc, &zErr),
                   PLAN_IMPORT_OK);
  assert_string_equal(plan_doc_canonical(pArena, &doc),
                      plan_doc_canonical(pArena, &g_doc));
  PlanChange *aChange;
  assert_int_equal(plan_diff(pArena, &g_doc, &doc, &aChange), 0);
  doc.aLine[3].zWindowPhrase = "Marzo 2025";
  plan_window_parse("Marzo 2025", doc.zPeriodStart, doc.zPeriodEnd,
                    &doc.aLine[3].window);
  assert_int_equal(plan_diff(pArena, &g_doc, &doc, &aChange), 1);
  assert_string_equal(aChange[0].zWhere, "Línea 4");
  assert_string_equal(aChange[0].zField, "Fechas");
  assert_string_equal(aChange[0].zNew, "Marzo 2025 (2025-03-01 a 2025-03-31)");
  arena_free(pArena);
  free(z);
}

/* ---- Refusals ---- */

typedef struct Broken {
  const char *zName;    /* What is wrong */
  const char *zText;    /* The file (NULL: made by the test) */
  size_t nText;         /* Bytes, 0 for strlen */
  const char *zMessage; /* Part of the expected message */
} Broken;

static void broken_files_are_refused_saying_what_and_where(void **state) {
  (void)state;
  size_t nSeed;
  char *zSeed = read_seed(&nSeed);
  /* Truncated: cut in the middle of row 7. */
  char *zRow7 = strstr(zSeed, "\n7\t");
  assert_non_null(zRow7);
  size_t nTrunc = (size_t)(zRow7 - zSeed) + 60;
  /* Wrong columns: VERIFICADOR renamed. */
  char *zWrong = strdup(zSeed);
  char *zV = strstr(zWrong, "VERIFICADOR");
  memcpy(zV, "OBSERVACION", 11);
  static const char aBinary[] = "PLAN 2024\n\x00\x01\x02\xff\xfe binario";
  const Broken aCase[] = {
      {"empty", "", 0, "El archivo está vacío"},
      {"only blank lines", "\n\n  \n\t\n", 0, "El archivo está vacío"},
      {"binary", aBinary, sizeof(aBinary) - 1,
       "Línea 2: el archivo no es texto"},
      {"neither UTF-8 nor Windows-1252", "PLAN ANUAL 2024\n\nCapacitaci\x81n\n",
       0, "Línea 3: el archivo no es texto"},
      {"wrong columns", zWrong, nSeed,
       "Línea 14: las columnas de la tabla son «N° / OBJETIVO / ACCIONES / "
       "RESPONSABLES / OBSERVACION / FECHAS»; falta la columna VERIFICADOR"},
      {"truncated mid-row", zSeed, nTrunc, "¿el archivo está cortado?"},
      {"truncated after objectives", zSeed,
       (size_t)(strstr(zSeed, "N\xc2\xb0\t") - zSeed),
       "el archivo termina antes"},
      {"no table at all", "PLAN 2024-2025\n\nIntro.\n", 0,
       "No se encontró la tabla del plan"},
      {"no period anywhere",
       "PLAN ANUAL\n\nOBJETIVO PLAN\n1.- Uno\n"
       "N°\tOBJETIVO\tACCIONES\tRESPONSABLES\tVERIFICADOR\tFECHAS\n"
       "1\tA\tB\tC\tActa\tSegún corresponda\n",
       0, "no dice el periodo"},
      {"a table that is no plan",
       "Lista de asistentes 2025\nNombre\tRUT\tFirma\nAna\t1-9\tx\n", 0,
       "Línea 2: hay una tabla, pero ninguna de sus filas tiene los "
       "encabezados de un plan"},
      {"a row without objective or actions",
       "PLAN 2024\nN°\tOBJETIVO\tACCIONES\tVERIFICADOR\tFECHAS\n"
       "1\t\t\tActa\tMarzo 2024\n",
       0, "Línea 3: la fila no dice el objetivo ni las acciones"},
      {"header but no rows",
       "PLAN 2024\nOBJETIVO PLAN\t\n1.- "
       "Uno\nN°\tOBJETIVO\tACCIONES\tRESPONSABLES\tVERIFICADOR\tFECHAS\n",
       0, "no tiene filas"},
  };
  for (size_t i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    Arena *pArena = arena_new();
    PlanDoc doc;
    const char *zErr = NULL;
    size_t n = aCase[i].nText ? aCase[i].nText : strlen(aCase[i].zText);
    int rc = plan_import_parse(pArena, aCase[i].zText, n, &g_ctx, &doc, &zErr);
    if (rc != PLAN_IMPORT_REFUSED || !zErr ||
        !strstr(zErr, aCase[i].zMessage)) {
      fail_msg("case «%s»: rc %d, message: %s", aCase[i].zName, rc,
               zErr ? zErr : "(none)");
    }
    assert_int_equal(doc.nLine, 0);
    arena_free(pArena);
  }
  free(zWrong);
  free(zSeed);
}

static void cells_lose_their_tags_and_keep_lists_as_lists(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  static const char *const aCase[][2] = {
      {"<p>Hola &amp; adiós</p>", "Hola & adiós"},
      {"<p>Uno</p><p>Dos</p>", "Uno\nDos"},
      {"<ul><li>Uno</li><li>Dos</li></ul>", "- Uno\n- Dos"},
      {"<ul style=\"x\"> • Invitación • Fotografías ",
       "- Invitación\n- Fotografías"},
      {"  texto   con  <strong>espacios</strong> ", "texto con espacios"},
      {"N&#176; 5", "N° 5"},
  };
  for (size_t i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    assert_string_equal(plan_import_clean(pArena, aCase[i][0]), aCase[i][1]);
  }
  arena_free(pArena);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(the_real_plan_has_its_title_period_and_introduction),
      cmocka_unit_test(the_real_plan_has_exactly_six_clean_objectives),
      cmocka_unit_test(the_real_plan_has_ten_lines_of_clean_text),
      cmocka_unit_test(every_line_has_its_exact_evidence_list),
      cmocka_unit_test(every_line_has_its_window),
      cmocka_unit_test(lines_four_five_and_nine_have_their_targets),
      cmocka_unit_test(
          importing_the_same_text_twice_gives_the_same_canonical_form),
      cmocka_unit_test(broken_files_are_refused_saying_what_and_where),
      cmocka_unit_test(cells_lose_their_tags_and_keep_lists_as_lists),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
