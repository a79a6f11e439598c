/*
** Tables of other councils' plans, read by the same importer as the real
** plan: time charts (a column per month or quarter, marked in the months of
** each activity, under a heading that says the year or with one-letter
** months), a DESCRIPCIÓN column beside the activity, «Tema» and
** «Producto» headings, the objectives block ending at the next numbered
** heading, a table with no plan header refused naming what it has and what
** it lacks, and text written by Windows programs (Windows-1252).
*/
#include "support.h"

#include <stdio.h>
#include <string.h>

#include "domain/plan_import.h"
#include "plan_context_fixture.h"

static Arena *g_pArena;

static int parse(const char *zText, PlanDoc *pDoc, const char **pzErr) {
  PlanContext ctx;
  assert_true(fixture_plan_context(g_pArena, &ctx, "06", NULL) > 300);
  return plan_import_parse(g_pArena, zText, strlen(zText), &ctx, pDoc, pzErr);
}

static PlanDoc parse_ok(const char *zText) {
  PlanDoc doc;
  const char *zErr = NULL;
  if (parse(zText, &doc, &zErr) != PLAN_IMPORT_OK)
    fail_msg("refused: %s", zErr);
  return doc;
}

static void window_is(const PlanLine *pL, const char *zStart,
                      const char *zEnd) {
  if (strcmp(pL->window.zStart, zStart) != 0 ||
      strcmp(pL->window.zEnd, zEnd) != 0 || pL->window.bFlagged)
    fail_msg("line %d «%s»: %s..%s%s", pL->iNumber, pL->zWindowPhrase,
             pL->window.zStart, pL->window.zEnd,
             pL->window.bFlagged ? " (flagged)" : "");
}

/* Excel's tab export of a Gantt chart: «Cronograma 2026» over the month
** columns, the months in the row under the header, the header and the
** months repeated on the next page. */
static void a_gantt_chart_gives_each_line_the_months_it_marks(void **state) {
  (void)state;
  PlanDoc d = parse_ok(
      "PLAN DE TRABAJO COSOC 2026\n"
      "N°\tActividad\tVerificador\tCronograma 2026\t\t\t\n"
      "\t\t\tMar\tAbr\tMay\tJun\n"
      "1\tRealizar 2 sesiones ordinarias\tActa\tX\t\tX\t\n"
      "2\tTalleres\tLista de asistencia\t\tx\tx\tx\n"
      "N°\tActividad\tVerificador\tCronograma 2026\t\t\t\n"
      "\t\t\tMar\tAbr\tMay\tJun\n"
      "3\tCuenta pública\tInforme\t-\t\t•\t✓\n");
  assert_int_equal(d.nLine, 3);
  assert_string_equal(d.aLine[0].zWindowPhrase, "Mar 2026, May 2026");
  window_is(&d.aLine[0], "2026-03-01", "2026-05-31");
  assert_int_equal(d.aLine[0].target.nCount, 2);
  window_is(&d.aLine[1], "2026-04-01", "2026-06-30");
  window_is(&d.aLine[2], "2026-05-01", "2026-06-30"); /* "-" is none */
  assert_string_equal(d.aLine[2].aEvidence[0].zKind, "informe");
}

/* The months as one letter each, in the header row itself; a line with no
** month marked says no dates (flagged). */
static void one_letter_months_are_a_calendar(void **state) {
  (void)state;
  PlanDoc d = parse_ok(
      "Plan anual 2025\n"
      "Actividad\tMedio de verificación\tE\tF\tM\tA\tM\tJ\tJ\tA\tS\tO\tN\tD\n"
      "Sesiones\tActa\t\t\tx\t\t\tx\t\t\tx\t\t\tx\n"
      "Escuela de dirigentes\tPrograma\t\t\t\t\t\t\tx\tx\t\t\t\t\n"
      "Por definir\tActa\t\t\t\t\t\t\t\t\t\t\t\t\n");
  assert_int_equal(d.nLine, 3);
  assert_string_equal(d.aLine[0].zWindowPhrase, "Mar, Jun, Sep, Dic");
  window_is(&d.aLine[0], "2025-03-01", "2025-12-31");
  window_is(&d.aLine[1], "2025-07-01", "2025-08-31");
  assert_true(d.aLine[2].window.bFlagged);
}

/* Quarters as columns, and «Tema» / «Producto» headings. */
static void quarters_as_columns_and_other_headings(void **state) {
  (void)state;
  PlanDoc d = parse_ok(
      "Programa de trabajo año 2026\n"
      "Tema\tActividad\tResponsable\tProducto\tI Trim.\tII Trim.\tIII "
      "Trim.\tIV Trim.\n"
      "Funcionamiento\t4 sesiones ordinarias\tDirección\tActas\tX\tX\tX\tX\n"
      "Formación\t2 talleres\tPrograma\tLista de asistencia\t\tX\tX\t\n");
  assert_int_equal(d.nLine, 2);
  assert_string_equal(d.aLine[0].zObjective, "Funcionamiento");
  assert_string_equal(d.aLine[0].aEvidence[0].zKind, "acta");
  window_is(&d.aLine[0], "2026-01-01", "2026-12-31");
  window_is(&d.aLine[1], "2026-04-01", "2026-09-30");
  assert_int_equal(d.aLine[1].target.nCount, 2);
}

/* «DESCRIPCIÓN» after the activity is more of the activity (where the
** target is read); after the objective, more of the objective. */
static void a_description_column_joins_the_column_before_it(void **state) {
  (void)state;
  PlanDoc d = parse_ok(
      "PLAN 2026 REGIÓN DE O'HIGGINS\n"
      "EJE\tACTIVIDAD\tDESCRIPCIÓN\tMEDIO DE VERIFICACIÓN\tFECHA\tESTADO\n"
      "Territorio\tVISITAS A OBRAS\tREALIZAR AL MENOS 3 VISITAS, UNA POR "
      "PROVINCIA\tINFORME\tMARZO\tPENDIENTE\n");
  assert_string_equal(d.aLine[0].zActions,
                      "VISITAS A OBRAS\nREALIZAR AL MENOS 3 VISITAS, UNA POR "
                      "PROVINCIA");
  assert_string_equal(d.aLine[0].zNotes, "ESTADO: PENDIENTE");
  assert_int_equal(d.aLine[0].target.nCount, 3);
  assert_int_equal(d.aLine[0].target.nProvince, 3);
  d = parse_ok(
      "PLAN 2026\n"
      "Objetivo\tDescripción\tAcciones\tVerificador\tPlazo\n"
      "Formación\tConsejeros informados\tTaller\tActa\tJulio\n");
  assert_string_equal(d.aLine[0].zObjective,
                      "Formación\nConsejeros informados");
  assert_string_equal(d.aLine[0].zActions, "Taller");
}

/* «PLAZO» over «Inicio | Término» (what Excel's tab export leaves of a
** merged heading), «Meta» beside «Indicador», a TOTAL row at the end. */
static void a_heading_over_two_columns_names_them_by_the_row_below(
    void **state) {
  (void)state;
  PlanDoc d = parse_ok(
      "PLAN ANUAL 2025\n"
      "N°\tOBJETIVO\tACCIÓN\tINDICADOR\tMETA\tMEDIO DE VERIFICACIÓN\tPLAZO\t\n"
      "\t\t\t\t\t\tInicio\tTérmino\n"
      "1\tFuncionamiento\tSesiones ordinarias\tN° sesiones\t5\tActa\tMarzo\t"
      "Diciembre\n"
      "2\tFormación\tEscuela de dirigentes\t%\t4 módulos\tPrograma\tMayo\t"
      "Agosto\n"
      "\tTOTAL\t\t\t9\t\t\t\n"
      "N°\tOBJETIVO\tACCIÓN\tINDICADOR\tMETA\tMEDIO DE VERIFICACIÓN\tPLAZO\t\n"
      "\t\t\t\t\t\tInicio\tTérmino\n"
      "3\tTerritorio\t2 sesiones fuera de Rancagua\t-\t2\tActa\tJulio\t"
      "Noviembre\n");
  assert_int_equal(d.nLine, 3);
  window_is(&d.aLine[0], "2025-03-01", "2025-12-31");
  assert_string_equal(d.aLine[0].zWindowPhrase, "Marzo a Diciembre");
  assert_string_equal(d.aLine[0].zMeta, "5");
  assert_string_equal(d.aLine[0].zNotes, "INDICADOR: N° sesiones");
  assert_int_equal(d.aLine[0].target.nCount, 5);
  assert_string_equal(d.aLine[0].target.azKind[0], "sesion_ordinaria");
  assert_int_equal(d.aLine[1].target.nCount, 4);
  window_is(&d.aLine[1], "2025-05-01", "2025-08-31");
  window_is(&d.aLine[2], "2025-07-01", "2025-11-30");
  assert_string_equal(d.aLine[2].target.azExclude[0], "06101");
}

/* A table after the plan's goes on with it when it repeats the header or
** is as wide (a page break); the signatures' table after it is no line. */
static void a_table_of_other_things_after_the_plan_is_left_out(void **state) {
  (void)state;
  PlanDoc d = parse_ok(
      "<h1>PLAN DE TRABAJO 2026</h1>\n"
      "<table><tr><th>Acción</th><th>Verificador</th><th>Fecha</th></tr>\n"
      "<tr><td>Sesión de marzo</td><td>Acta</td><td>Marzo</td></tr></table>\n"
      "<p>(continúa)</p>\n"
      "<table><tr><td>Sesión de julio</td><td>Acta</td><td>Julio</td></tr>"
      "</table>\n"
      "<p>Firmas</p>\n"
      "<table><tr><td>Nombre</td><td>Cargo</td></tr>\n"
      "<tr><td>Ana Pérez</td><td>Presidenta</td></tr></table>\n");
  assert_int_equal(d.nLine, 2);
  window_is(&d.aLine[1], "2026-07-01", "2026-07-31");
}

/* The next heading numbered otherwise ends the objectives block. */
static void a_numbered_heading_ends_the_objectives(void **state) {
  (void)state;
  PlanDoc d = parse_ok(
      "PLAN 2025\n"
      "I. PRESENTACIÓN\n"
      "Texto.\n"
      "II. OBJETIVOS ESPECÍFICOS\n"
      "a) Sesionar regularmente.\n"
      "b) DIFUNDIR EL TRABAJO DEL CONSEJO.\n"
      "III. PLAN DE ACCIÓN\n"
      "ACCIONES\tVERIFICADOR\tFECHAS\n"
      "Sesiones\tActa\t2025\n");
  assert_int_equal(d.nObjective, 2);
  assert_string_equal(d.aObjective[1].zText,
                      "DIFUNDIR EL TRABAJO DEL CONSEJO.");
}

static void a_table_without_a_plan_header_says_what_it_lacks(void **state) {
  (void)state;
  PlanDoc d;
  const char *zErr = NULL;
  /* A header, without two of the needed columns: both are named. */
  assert_int_equal(parse("PLAN 2026\n"
                         "Tema\tActividad\tResponsable\tComentarios\n"
                         "Sesiones\tSesionar\tPAC\tNinguno\n",
                         &d, &zErr),
                   PLAN_IMPORT_REFUSED);
  assert_non_null(strstr(zErr,
                         "Línea 2: las columnas de la tabla son «Tema / "
                         "Actividad / Responsable / Comentarios»; "
                         "faltan las columnas VERIFICADOR (medios de "
                         "verificación) y FECHAS"));
  /* No row is a header: the closest one, what it has and what it lacks. */
  assert_int_equal(parse("PLAN 2026\n"
                         "Actividad\tComentarios\tEncargado\n"
                         "Sesionar\tNinguno\tPAC\n",
                         &d, &zErr),
                   PLAN_IMPORT_REFUSED);
  assert_non_null(strstr(zErr, "Línea 2: la fila que más se parece"));
  assert_non_null(
      strstr(zErr,
             "dice «Actividad / Comentarios / Encargado»: se reconoció "
             "ACCIONES (o actividades) y RESPONSABLES, pero no "
             "VERIFICADOR (medios de verificación) ni FECHAS"));
  assert_int_equal(d.nLine, 0);
}

/* Excel's «Texto (delimitado por tabulaciones)» and Notepad's «ANSI»
** write Windows-1252; control bytes are still no text. */
static void windows_1252_text_is_read(void **state) {
  (void)state;
  PlanDoc d = parse_ok(
      "CRONOGRAMA A\xd1O 2025\r\n"
      "ACTIVIDAD\tVERIFICADOR\tFECHA\r\n"
      "Capacitaci\xf3n \x93Ley 20.500\x94\tAsistencia\tJunio\r\n");
  assert_string_equal(d.zTitle, "CRONOGRAMA AÑO 2025");
  assert_string_equal(d.aLine[0].zActions,
                      "Capacitación \xe2\x80\x9cLey 20.500\xe2\x80\x9d");
  const char *zErr = NULL;
  assert_int_equal(
      parse("PLAN 2025\x81\nACTIVIDAD\tVERIFICADOR\tFECHA\n", &d, &zErr),
      PLAN_IMPORT_REFUSED);
  assert_non_null(strstr(zErr, "no es texto"));
  assert_int_equal(
      parse("PLAN 2025\x01\xf3\nACTIVIDAD\tVERIFICADOR\tFECHA\n", &d, &zErr),
      PLAN_IMPORT_REFUSED);
}

static int setup(void **state) {
  (void)state;
  g_pArena = arena_new();
  return 0;
}

static int teardown(void **state) {
  (void)state;
  arena_free(g_pArena);
  return 0;
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(a_gantt_chart_gives_each_line_the_months_it_marks),
      cmocka_unit_test(one_letter_months_are_a_calendar),
      cmocka_unit_test(quarters_as_columns_and_other_headings),
      cmocka_unit_test(a_description_column_joins_the_column_before_it),
      cmocka_unit_test(a_heading_over_two_columns_names_them_by_the_row_below),
      cmocka_unit_test(a_table_of_other_things_after_the_plan_is_left_out),
      cmocka_unit_test(a_numbered_heading_ends_the_objectives),
      cmocka_unit_test(a_table_without_a_plan_header_says_what_it_lacks),
      cmocka_unit_test(windows_1252_text_is_read),
  };
  return cmocka_run_group_tests_name("domain/plan_import_tables", tests, setup,
                                     teardown);
}
