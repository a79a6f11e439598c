/*
** Plans of other councils, written here in the many ways councils write
** them (other headings and column orders, META and unknown columns, other
** objective numberings, HTML tables with merged cells, spreadsheet text
** with line breaks in cells, repeated headers, evidence wordings outside
** the standard list), read by the same importer as the real plan.
*/
#include "support.h"

#include <stdio.h>
#include <string.h>

#include "domain/plan_catalog.h"
#include "domain/plan_import.h"
#include "plan_context_fixture.h"

static Arena *g_pArena;

static PlanDoc parse_ok(const char *zText, const char *zRegion,
                        const char *zSeat) {
  PlanContext ctx;
  assert_true(fixture_plan_context(g_pArena, &ctx, zRegion, zSeat) > 300);
  PlanDoc doc;
  const char *zErr = NULL;
  int rc = plan_import_parse(g_pArena, zText, strlen(zText), &ctx, &doc, &zErr);
  if (rc != PLAN_IMPORT_OK) fail_msg("refused: %s", zErr);
  return doc;
}

/* Los Lagos: columns in another order, other names, no N°, META and an
** unknown column, objectives "1." one per line. */
static const char zLosLagos[] =
    "Plan de trabajo COSOC 2026\n"
    "\n"
    "Consejo de la Sociedad Civil de la SEREMI de Los Lagos.\n"
    "Este plan fue acordado en sesión ordinaria.\n"
    "\n"
    "OBJETIVOS GENERALES:\n"
    "1. Fortalecer la participación de las organizaciones.\n"
    "2. Descentralizar el trabajo del consejo.\n"
    "\n"
    "Línea de acción\tActividades\tMeta / Indicador\tMedios de "
    "verificación\tPlazo de ejecución\tResponsable(s)\tObservaciones\n"
    "Participación\tSesiones ordinarias del consejo\tAl menos 6 sesiones del "
    "pleno\tActas de sesión; Lista de asistentes\tMarzo a noviembre "
    "2026\tSecretaría ejecutiva\tSegún reglamento\n"
    "Descentralización\tActividades en provincias\t2 actividades fuera de "
    "Puerto Montt\tRegistro fotográfico, registro audiovisual\tSegundo "
    "semestre\tSEREMI\t\n"
    "Descentralización\tUna charla en cada provincia\t\tCorreo de "
    "invitación\tAbril–Junio\tSEREMI\t\n";

static void another_council_with_other_headings_imports(void **state) {
  (void)state;
  PlanDoc d = parse_ok(zLosLagos, "10", "10101");
  assert_string_equal(d.zTitle, "Plan de trabajo COSOC 2026");
  assert_string_equal(d.zPeriodStart, "2026-01-01");
  assert_string_equal(d.zPeriodEnd, "2026-12-31");
  assert_int_equal(d.nObjective, 2);
  assert_string_equal(d.aObjective[1].zText,
                      "Descentralizar el trabajo del consejo.");
  assert_non_null(strstr(d.zIntro, "\n\nEste plan fue acordado"));
  assert_int_equal(d.nLine, 3);
  const PlanLine *l1 = &d.aLine[0], *l2 = &d.aLine[1], *l3 = &d.aLine[2];
  assert_int_equal(l1->iNumber, 1);
  assert_string_equal(l1->zObjective, "Participación");
  assert_string_equal(l1->zMeta, "Al menos 6 sesiones del pleno");
  assert_string_equal(l1->zNotes, "Observaciones: Según reglamento");
  assert_int_equal(l1->target.nCount, 6);
  assert_int_equal(l1->target.nKind, 2);
  assert_string_equal(l1->window.zStart, "2026-03-01");
  assert_string_equal(l1->window.zEnd, "2026-11-30");
  assert_int_equal(l1->nEvidence, 2);
  assert_string_equal(l1->aEvidence[0].zKind, "acta");
  assert_string_equal(l1->aEvidence[0].zLabel, "Actas de sesión");
  assert_string_equal(l1->aEvidence[1].zKind, "asistencia");
  assert_int_equal(l2->target.nCount, 2);
  assert_int_equal(l2->target.nExclude, 1);
  assert_string_equal(l2->target.azExclude[0], "10101");
  assert_string_equal(l2->window.zStart, "2026-07-01");
  assert_int_equal(l2->nEvidence, 2);
  assert_string_equal(l2->aEvidence[0].zKind, "fotografias");
  assert_string_equal(l2->aEvidence[1].zKind, "registro_audiovisual");
  assert_string_equal(l2->aEvidence[1].zLabel, "registro audiovisual");
  assert_true(l2->aEvidence[1].bFlagged);
  assert_non_null(strstr(l2->aEvidence[1].zReason, "verificador propio"));
  assert_false(l2->aEvidence[0].bFlagged);
  assert_int_equal(l3->target.nProvince, 4); /* Los Lagos has four */
  assert_int_equal(l3->target.nCount, 4);
  assert_string_equal(l3->aEvidence[0].zKind, "invitacion");
  assert_string_equal(l3->window.zStart, "2026-04-01");
  assert_string_equal(l3->window.zEnd, "2026-06-30");
}

/* An HTML table: objectives in a list, the objective cell spanning two
** rows, a header row repeated, an empty row, a «Nº» column. */
static const char zHtml[] =
    "<html><head><title>x</title><style>td{color:red}</style></head><body>\n"
    "<h1>PLAN ANUAL 2025-2026</h1>\n"
    "<p>Consejo de la Sociedad Civil de Salud, Región de La Araucanía.</p>\n"
    "<p>OBJETIVO GENERAL</p>\n"
    "<ul><li>Acercar la salud a los territorios.</li>\n"
    "<li>Formar a los consejeros.</li></ul>\n"
    "<table border=1>\n"
    "<tr><th>Nº</th><th>Objetivo específico</th><th>Acción</th>"
    "<th>Responsable</th><th>Verificadores</th><th>Fecha</th></tr>\n"
    "<tr><td>1</td><td rowspan=\"2\">Formación</td><td>Realizar a lo menos 3 "
    "capacitaciones</td><td>Encargada</td><td><ul><li>Planilla de firmas</li>"
    "<li>Set fotográfico</li></ul></td><td>Primer semestre 2025</td></tr>\n"
    "<tr><td>2</td><td>Realizar 2 charlas fuera de "
    "Temuco</td><td>Encargada</td>"
    "<td>Copia del acta</td><td>15 de abril de 2026</td></tr>\n"
    "<tr><td></td><td></td><td></td><td></td><td></td><td></td></tr>\n"
    "<tr><th>Nº</th><th>Objetivo específico</th><th>Acción</th>"
    "<th>Responsable</th><th>Verificadores</th><th>Fecha</th></tr>\n"
    "<tr><td>3</td><td>Territorio</td><td>Visitas a terreno</td><td>Equipo</td>"
    "<td>Informe de gestión</td><td>Todo el año</td></tr>\n"
    "</table></body></html>\n";

static void an_html_plan_with_merged_cells_imports(void **state) {
  (void)state;
  PlanDoc d = parse_ok(zHtml, "09", "09101");
  assert_string_equal(d.zTitle, "PLAN ANUAL 2025-2026");
  assert_string_equal(d.zPeriodEnd, "2026-12-31");
  assert_int_equal(d.nObjective, 2);
  assert_string_equal(d.aObjective[0].zText,
                      "Acercar la salud a los territorios.");
  assert_int_equal(d.nLine, 3);
  assert_string_equal(d.aLine[1].zObjective, "Formación"); /* rowspan */
  assert_int_equal(d.aLine[0].target.nCount, 3);
  assert_string_equal(d.aLine[0].target.azKind[0], "capacitacion");
  assert_string_equal(d.aLine[0].aEvidence[0].zKind, "asistencia");
  assert_string_equal(d.aLine[0].aEvidence[1].zKind, "fotografias");
  assert_string_equal(d.aLine[1].aEvidence[0].zKind, "acta");
  assert_string_equal(d.aLine[1].target.azExclude[0], "09101");
  assert_string_equal(d.aLine[1].window.zStart, "2026-04-15");
  assert_string_equal(d.aLine[2].aEvidence[0].zKind, "informe");
  assert_string_equal(d.aLine[2].window.zStart, "2025-01-01");
  assert_string_equal(d.aLine[2].window.zEnd, "2026-12-31");
  assert_int_equal(d.aLine[2].iNumber, 3);
}

/* Text a spreadsheet saved: cells with line breaks quoted, no title year
** (the period comes from the lines), objectives "a)" in one paragraph,
** numbers out of order kept as notes. */
static const char zSheet[] =
    "Plan de Trabajo del Consejo\n"
    "OBJETIVOS\n"
    "a) Informar a la comunidad. b) Incidir en las políticas.\n"
    "N°\tACCIONES\tVERIFICADOR\tFECHAS\tRESPONSABLE\n"
    "1.1\t\"Difundir el plan:\n- en radios\n- en redes\"\t\"• Afiches\n• "
    "Fotos\"\tMarzo 2025\tPAC\n"
    "1.2\tSesiones abiertas\tActa\tQ3 2025\tPAC\n";

static void spreadsheet_text_takes_its_period_from_the_lines(void **state) {
  (void)state;
  PlanDoc d = parse_ok(zSheet, "13", NULL);
  assert_string_equal(d.zPeriodStart, "2025-01-01");
  assert_string_equal(d.zPeriodEnd, "2025-12-31");
  assert_int_equal(d.nObjective, 2);
  assert_string_equal(d.aObjective[1].zText, "Incidir en las políticas.");
  assert_int_equal(d.nLine, 2);
  assert_string_equal(d.aLine[0].zActions,
                      "Difundir el plan:\n- en radios\n- en redes");
  assert_string_equal(d.aLine[0].zObjective, "");
  assert_int_equal(d.aLine[0].nEvidence, 2);
  assert_string_equal(d.aLine[0].aEvidence[0].zKind, "convocatoria");
  assert_string_equal(d.aLine[0].aEvidence[1].zKind, "fotografias");
  assert_string_equal(d.aLine[0].zNotes, "N° en el documento: 1.1");
  assert_string_equal(d.aLine[1].window.zStart, "2025-07-01");
}

/* A council kind the catalogue already has is that kind, flagged only
** until reviewed; one merged into another reads as that one. */
/* A title in two lines, the objectives in a table of two columns before
** the plan's table. */
static void a_title_in_two_lines_and_objectives_in_a_table(void **state) {
  (void)state;
  static const char zPlan[] =
      "CONSEJO DE LA SOCIEDAD CIVIL\n"
      "PLAN DE TRABAJO 2027\n"
      "Este consejo se reunió el 04.01.2023 para acordar el plan que sigue.\n"
      "OBJETIVOS GENERALES\t1. Informar a la comunidad\n"
      "\t2. Incidir en las políticas\n"
      "\n"
      "ACTIVIDAD\tMEDIO DE VERIFICACIÓN\tMES\n"
      "Sesiones\tActa\tMarzo\n";
  PlanDoc d = parse_ok(zPlan, "04", NULL);
  assert_string_equal(d.zTitle, "CONSEJO DE LA SOCIEDAD CIVIL");
  assert_string_equal(d.zPeriodStart, "2027-01-01");
  assert_int_equal(d.nObjective, 2);
  assert_string_equal(d.aObjective[1].zText, "Incidir en las políticas");
  assert_string_equal(d.aLine[0].window.zStart, "2027-03-01");
}

static void the_councils_own_kinds_are_reused_and_followed(void **state) {
  (void)state;
  static const char zPlan[] =
      "PLAN 2025\nACCIONES\tVERIFICADORES\tFECHAS\n"
      "Sesiones\tRegistros audiovisuales\t2025\n"
      "Talleres\tBitácora de terreno\t2025\n";
  PlanContext ctx;
  fixture_plan_context(g_pArena, &ctx, "04", NULL);
  PlanCouncilKind aKind[] = {
      {"registro_audiovisual", "Registro audiovisual", NULL, 1},
      {"bitacora", "Bitácora de terreno", "informe", 1},
  };
  ctx.aKind = aKind;
  ctx.nKind = 2;
  PlanDoc d;
  const char *zErr;
  assert_int_equal(
      plan_import_parse(g_pArena, zPlan, strlen(zPlan), &ctx, &d, &zErr),
      PLAN_IMPORT_OK);
  assert_string_equal(d.aLine[0].aEvidence[0].zKind, "registro_audiovisual");
  assert_false(d.aLine[0].aEvidence[0].bFlagged);
  assert_string_equal(d.aLine[1].aEvidence[0].zKind, "informe");
  aKind[0].bReviewed = 0;
  plan_doc_apply_context(g_pArena, &d, &ctx);
  assert_true(d.aLine[0].aEvidence[0].bFlagged);
}

static void evidence_wordings_are_matched_by_key_words(void **state) {
  (void)state;
  static const struct {
    const char *zWording;
    const char *zKinds; /* slugs of the items, space-separated */
  } aCase[] = {
      {"Registro de asistencia", "asistencia"},
      {"Planilla de firmas", "asistencia"},
      {"Lista de asistentes", "asistencia"},
      {"Copia del acta", "acta"},
      {"Actas de sesión", "acta"},
      {"Set fotográfico", "fotografias"},
      {"Registro fotográfico", "fotografias"},
      {"Fotos", "fotografias"},
      {"Correo de invitación", "invitacion"},
      {"Invitaciones", "invitacion"},
      {"Informe final", "informe"},
      {"Informe de gestión", "informe"},
      {"Informe de estrategia de Desarrollo o Plan de Trabajo", "informe"},
      {"Programa de Formación", "programa_formacion"},
      {"Citación", "citacion"},
      {"Convocatoria", "convocatoria"},
      {"Lista de asistencia y fotografías", "asistencia fotografias"},
      {"Acta, fotos y registro audiovisual",
       "acta fotografias registro_audiovisual"},
      {"Fotografías y/o videos", "fotografias"},
      {"Fotografías y videos", "fotografias videos"},
      {"Registro fotográfico o audiovisual", "fotografias"},
      {"Minuta de reunión", "acta"},
      {"Certificado de participación", "certificados"},
      {"Libro de visitas", "libro_de_visitas"},
      {"Programa de la jornada", "programa_formacion"},
      {"Programa", "programa_formacion"},
      {"Programa de trabajo", "informe"},
      {"Informe del programa", "informe"},
      {"Pantallazos de la reunión virtual", "fotografias"},
      {"Captura de pantalla de la sesión por Zoom", "fotografias"},
      {"N/A", ""},
      {"-", ""},
  };
  for (size_t i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    PlanCell cell;
    memset(&cell, 0, sizeof(cell));
    plan_cell_add_plain(g_pArena, &cell, aCase[i].zWording, 0);
    PlanEvidence *a;
    int n = plan_import_evidence(g_pArena, &cell, NULL, &a);
    Buf b;
    buf_init(&b, g_pArena);
    for (int k = 0; k < n; k++)
      buf_printf(&b, "%s%s", k ? " " : "", a[k].zKind);
    if (strcmp(buf_str(&b), aCase[i].zKinds) != 0)
      fail_msg("«%s»: got [%s]", aCase[i].zWording, buf_str(&b));
  }
}

static void objectives_are_read_in_every_numbering(void **state) {
  (void)state;
  static const struct {
    const char *zBlock;
    int n;
    const char *zLast;
  } aCase[] = {
      {"OBJETIVO PLAN\n1.- Uno.2.- Dos.3.- Tres.\n", 3, "Tres."},
      {"OBJETIVOS GENERALES\n1) Uno\n2) Dos\n", 2, "Dos"},
      {"Objetivos:\n• Uno\n• Dos\n- Tres\n", 3, "Tres"},
      {"OBJETIVO GENERAL: Fortalecer el consejo.\n", 1,
       "Fortalecer el consejo."},
      {"OBJETIVOS\na) Uno\nb) Dos\n", 2, "Dos"},
      {"I. OBJETIVOS DEL PLAN\nUno\nDos\n", 2, "Dos"},
      {"OBJETIVOS\n<ol><li>Uno</li><li>Dos</li></ol>\n", 2, "Dos"},
  };
  for (size_t i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    const char *zText = arena_printf(
        g_pArena,
        "PLAN 2025\nIntroducción.\n%sACCIONES\tVERIFICADOR\tFECHAS\n"
        "Sesiones\tActa\t2025\n",
        aCase[i].zBlock);
    PlanDoc d = parse_ok(zText, "04", NULL);
    if (d.nObjective != aCase[i].n ||
        strcmp(d.aObjective[d.nObjective - 1].zText, aCase[i].zLast) != 0)
      fail_msg("block %zu: %d objectives, last «%s»", i, d.nObjective,
               d.nObjective ? d.aObjective[d.nObjective - 1].zText : "");
    assert_string_equal(d.zIntro, "Introducción.");
  }
}

static void headings_name_their_columns_in_any_wording(void **state) {
  (void)state;
  static const struct {
    const char *zHeader;
    int iActions, iEvidence, iDates;
  } aCase[] = {
      {"N°\tOBJETIVO\tACCIONES\tRESPONSABLES\tVERIFICADOR\tFECHAS", 2, 4, 5},
      {"Nº\tLínea de acción\tActividad\tEncargado\tMedios de "
       "verificación\tPlazo",
       2, 4, 5},
      {"FECHAS\tVERIFICADORES\tACCIÓN\tOBJETIVO ESPECÍFICO", 2, 1, 0},
      {"#\tEje\tAcciones a desarrollar\tMeta\tEvidencias\tCronograma", 2, 4, 5},
      {"No.\tObjetivos\tActividades\tIndicador\tMedio de verificación\t"
       "Período de ejecución\tObservaciones",
       2, 4, 5},
  };
  for (size_t i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    /* A row with the column's index in each cell that matters. */
    char *zRow = arena_strdup(g_pArena, aCase[i].zHeader);
    int nCol = 1;
    for (char *p = zRow; *p; p++) nCol += *p == '\t';
    Buf row;
    buf_init(&row, g_pArena);
    for (int c = 0; c < nCol; c++) {
      if (c) buf_putc(&row, '\t');
      if (c == aCase[i].iActions)
        buf_puts(&row, "Hacer algo");
      else if (c == aCase[i].iEvidence)
        buf_puts(&row, "Acta");
      else if (c == aCase[i].iDates)
        buf_puts(&row, "Marzo 2025");
      else
        buf_printf(&row, "x%d", c);
    }
    const char *zText = arena_printf(g_pArena, "PLAN 2025\n%s\n%s\n",
                                     aCase[i].zHeader, buf_str(&row));
    PlanDoc d = parse_ok(zText, "04", NULL);
    assert_int_equal(d.nLine, 1);
    assert_string_equal(d.aLine[0].zActions, "Hacer algo");
    assert_string_equal(d.aLine[0].aEvidence[0].zKind, "acta");
    assert_string_equal(d.aLine[0].window.zStart, "2025-03-01");
  }
}

static void a_text_names_its_region(void **state) {
  (void)state;
  static const char *const azName[] = {
      "Coquimbo",
      "Metropolitana de Santiago",
      "Libertador General Bernardo O'Higgins",
      "La Araucanía",
      "Los Lagos",
      "Aysén del General Carlos Ibáñez del Campo",
      "Ñuble"};
  static const struct {
    const char *zText;
    int i;
  } aCase[] = {
      {"COSOC MINVU SERVIU de la Región de Coquimbo", 0},
      {"Consejo de la Región Metropolitana", 1},
      {"SEREMI de la Región de O'Higgins", 2},
      {"Servicio de Salud, Región de La Araucanía", 3},
      {"REGION DE LA ARAUCANIA", 3},
      {"Región de Los Lagos", 4},
      {"Región de Aysén", 5},
      {"Región del Ñuble", 6},
      {"Plan de Coquimbo sin la palabra", -1},
      {"Región de Atacama", -1},
  };
  for (size_t i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    int iGot = plan_region_in_text(aCase[i].zText, azName, 7);
    if (iGot != aCase[i].i) fail_msg("«%s»: got %d", aCase[i].zText, iGot);
  }
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
      cmocka_unit_test(another_council_with_other_headings_imports),
      cmocka_unit_test(an_html_plan_with_merged_cells_imports),
      cmocka_unit_test(spreadsheet_text_takes_its_period_from_the_lines),
      cmocka_unit_test(a_title_in_two_lines_and_objectives_in_a_table),
      cmocka_unit_test(the_councils_own_kinds_are_reused_and_followed),
      cmocka_unit_test(evidence_wordings_are_matched_by_key_words),
      cmocka_unit_test(objectives_are_read_in_every_numbering),
      cmocka_unit_test(headings_name_their_columns_in_any_wording),
      cmocka_unit_test(a_text_names_its_region),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
