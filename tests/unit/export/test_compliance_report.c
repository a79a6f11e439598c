/*
** The Informe de cumplimiento from the engine's result on the real plan:
** the PDF read back by pdftotext lists all ten lines with their states and
** what is missing; the CSV has one row per line; the objective and
** activity tables add up.
*/
#include "support.h"

#include "plan_fixture.h"

#include "domain/plan_import.h"
#include "plan_context_fixture.h"
#include "export/compliance_report.h"

#define SEED       \
  COSOC_SOURCE_DIR \
  "/data/seeds/plan-anual-cosoc-minvu-serviu-coquimbo-2024-2025.txt"

static PlanDoc g_plan;
static Arena *g_pArena;
static ComplianceResult g_res;

static const char *const azFull[] = {"citacion", "asistencia", "fotografias",
                                     "acta"};
static const int aiLine4[] = {4};
static const int aiLine49[] = {4, 9};
static const int aiLine2[] = {2};
static const int aiLine8[] = {8};

/* On 2025-06-15: line 4 has five sessions, the last (in Ovalle, also for
** line 9) without its acta; line 2's training came after its window;
** line 8's one meeting is complete. */
static ComplianceActivity aAct[] = {
    {1, "sesion_ordinaria", "Primera sesión", "2024-04-10", "04101",
     "La Serena", "realizada", 1, aiLine4, 4, azFull, 0, NULL, 0},
    {2, "sesion_ordinaria", "Segunda sesión", "2024-07-10", "04101",
     "La Serena", "realizada", 1, aiLine4, 4, azFull, 0, NULL, 0},
    {3, "sesion_ordinaria", "Tercera sesión", "2024-10-09", "04101",
     "La Serena", "realizada", 1, aiLine4, 4, azFull, 0, NULL, 0},
    {4, "sesion_ordinaria", "Cuarta sesión", "2025-01-15", "04101", "La Serena",
     "realizada", 1, aiLine4, 4, azFull, 0, NULL, 0},
    {5, "sesion_ordinaria", "Sesión en Ovalle", "2025-03-12", "04301", "Ovalle",
     "realizada", 2, aiLine49, 3, azFull, 0, NULL, 0},
    {6, "capacitacion", "Capacitación PEH", "2025-01-20", "04101", "La Serena",
     "realizada", 1, aiLine2, 4, azFull, 0, NULL, 0},
    {7, "reunion_autoridades", "Reunión con la Delegación", "2025-02-10",
     "04102", "Coquimbo", "realizada", 1, aiLine8, 4, azFull, 0, NULL, 0},
};

static const char *pdf_text(Arena *pArena, const ExportTable *pTable,
                            const ExportPdfOptions *pOpt, const char *zDir) {
  const char *z = NULL;
  size_t n = 0;
  char zErr[200] = "";
  int rc = export_pdf(pArena, pTable, pOpt, &z, &n, zErr, sizeof(zErr));
  if (rc != EXPORT_OK) fprintf(stderr, "export_pdf: %s\n", zErr);
  assert_int_equal(rc, EXPORT_OK);
  const char *zPath = arena_printf(pArena, "%s/informe.pdf", zDir);
  fixture_write(zPath, z, n);
  return fixture_run(pArena,
                     arena_printf(pArena, "pdftotext -layout '%s' -", zPath));
}

/* The text line where row iNumber starts (on the first page): its first
 *non-blank characters
 ** are the number and a space (cells are top-aligned, so the row's first
 ** line carries every column's first line). */
static const char *row_line(Arena *pArena, const char *zText, int iNumber) {
  const char *zWant = arena_printf(pArena, "%d ", iNumber);
  /* Rows come after the header; the preamble also starts lines with
  ** numbers ("10 líneas: …"). */
  const char *zTable = strstr(zText, "Qué falta");
  assert_non_null(zTable);
  for (const char *z = zTable; *z;) {
    size_t n = strcspn(z, "\n");
    const char *p = z;
    while (p < z + n && *p == ' ') p++;
    if (strncmp(p, zWant, strlen(zWant)) == 0)
      return arena_strndup(pArena, z, n);
    z += n + (z[n] == '\n');
  }
  return NULL;
}

static void the_pdf_lists_all_ten_lines_with_their_states(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *zDir = fixture_dir(pArena);
  assert_non_null(zDir);
  ComplianceReportInfo info = {.zCouncil = "COSOC Minvu Serviu Coquimbo",
                               .iPlanVersion = 2,
                               .zProduced = "2025-06-16"};
  ExportTable t;
  compliance_report_summary(pArena, &g_plan, &g_res, &info, &t);
  assert_int_equal(t.nRow, 10);
  ExportPdfOptions opt = compliance_report_pdf_options(pArena, &g_res, &info);
  const char *zText = pdf_text(pArena, &t, &opt, zDir);
  assert_non_null(strstr(zText, "Informe de cumplimiento del Plan Anual"));
  assert_non_null(strstr(zText, "Situación al 15-06-2025"));
  assert_non_null(strstr(zText, "versión 2 del plan"));
  assert_non_null(strstr(zText, "Qué falta"));
  for (int i = 0; i < g_res.nLine; i++) {
    const ComplianceLine *pL = &g_res.aLine[i];
    const char *zRow = row_line(pArena, zText, pL->iNumber);
    if (!zRow)
      fprintf(stderr, "row %d not found in:\n%s\n", pL->iNumber, zText);
    assert_non_null(zRow);
    const char *zLabel = compliance_state_label(pL->eState);
    if (!strstr(zRow, zLabel))
      fprintf(stderr, "row %d lacks %s: %s\n", pL->iNumber, zLabel, zRow);
    assert_non_null(strstr(zRow, zLabel));
  }
  /* What is missing, in words pdftotext keeps on one line. */
  assert_non_null(strstr(zText, "Falta el Acta de la sesión del"));
  assert_non_null(strstr(zText, "12-03-2025."));
  assert_non_null(strstr(zText, "Nada: la meta está cumplida."));
  fixture_cleanup(pArena, zDir);
  arena_free(pArena);
}

static void the_csv_has_one_row_per_line_with_state_and_counts(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  ExportTable t;
  compliance_report_summary(pArena, &g_plan, &g_res, NULL, &t);
  /* Line 4: five held, four verified (the Ovalle one lacks its acta). */
  const char *const *azRow4 = &t.azCell[3 * t.nCol];
  assert_string_equal(azRow4[0], "4");
  assert_string_equal(azRow4[3], "5 de 5");
  assert_string_equal(azRow4[4], "4 de 5");
  assert_string_equal(azRow4[5], "En curso\n80 %");
  assert_string_equal(azRow4[6], "Falta el Acta de la sesión del 12-03-2025.");
  const char *const *azRow2 = &t.azCell[1 * t.nCol];
  assert_string_equal(azRow2[5], "Atrasada\n0 %");
  assert_string_equal(azRow2[6],
                      "Falta 1 actividad; el plazo terminó el 31-12-2024.");
  const char *const *azRow9 = &t.azCell[8 * t.nCol];
  assert_string_equal(azRow9[5], "En curso\n0 %");
  assert_true(strlen(azRow4[1]) <= COMPLIANCE_REPORT_ACTIONS_MAX + 3);
  const char *z = NULL;
  size_t n = 0;
  assert_int_equal(export_csv(pArena, &t, &z, &n), EXPORT_OK);
  int nLines = 0;
  for (size_t i = 0; i < n; i++) nLines += z[i] == '\n';
  /* Header and ten rows; cells with several lines are quoted, so count
  ** CRLFs instead. */
  int nRows = 0;
  for (size_t i = 0; i + 1 < n; i++) nRows += z[i] == '\r' && z[i + 1] == '\n';
  assert_true(nLines >= 11);
  assert_int_equal(nRows, 11);
  arena_free(pArena);
}

static void objective_and_activity_tables_add_up(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  ExportTable t;
  compliance_report_objectives(pArena, &g_plan, &g_res, NULL, &t);
  assert_int_equal(t.nRow, g_res.nObjective + 1);
  const char *const *azTotal = &t.azCell[(t.nRow - 1) * t.nCol];
  assert_string_equal(azTotal[0], "Todo el plan");
  assert_string_equal(azTotal[1], "10");
  compliance_report_activities(pArena, &g_plan, &g_res, NULL, &t);
  assert_int_equal(t.nRow, 8); /* Five for line 4, one each for 2, 8, 9 */
  /* Line 2 first: the training after its window does not count. */
  assert_string_equal(t.azCell[0], "2");
  assert_string_equal(t.azCell[5], "No: Fuera del plazo de la línea");
  /* The Ovalle session counts for line 4 but lacks its acta. */
  const char *const *azRow = &t.azCell[5 * t.nCol];
  assert_string_equal(azRow[0], "4");
  assert_string_equal(azRow[4], "Ovalle");
  assert_string_equal(azRow[5], "Sí");
  assert_string_equal(azRow[6], "No");
  assert_string_equal(azRow[7], "Acta");
  const char *z = NULL;
  size_t n = 0;
  char zErr[200];
  assert_int_equal(export_xlsx(pArena, &t, &z, &n, zErr, sizeof(zErr)),
                   EXPORT_OK);
  arena_free(pArena);
}

/* The whole report: a section per line with its activities, places and
** evidence, and the workbook's three sheets, read back. */
static void the_full_report_has_a_section_per_line_and_three_sheets(
    void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *zDir = fixture_dir(pArena);
  static const ComplianceReportEvidence aEv[] = {
      {.zKind = "fotografias",
       .zFilename = "ovalle.jpg",
       .zUploader = "Encargada",
       .zUploaded = "2025-03-13",
       .zSha256 = "ab12"},
      {.zKind = "acta"}, /* Made by the system */
  };
  static const ComplianceReportActivity aX[] = {
      {.iId = 5, .zProvince = "Limarí", .nEvidence = 2, .aEvidence = aEv}};
  ComplianceReportInfo info = {.zCouncil = "COSOC Minvu Serviu Coquimbo",
                               .iPlanVersion = 2,
                               .zProduced = "2025-06-16",
                               .nActivity = 1,
                               .aActivity = aX};
  const char *z = NULL;
  size_t n = 0;
  char zErr[200] = "";
  assert_int_equal(compliance_report_pdf(pArena, &g_plan, &g_res, &info, &z, &n,
                                         zErr, sizeof(zErr)),
                   EXPORT_OK);
  const char *zPath = arena_printf(pArena, "%s/informe.pdf", zDir);
  fixture_write(zPath, z, n);
  const char *zText =
      fixture_run(pArena, arena_printf(pArena, "pdftotext '%s' -", zPath));
  assert_non_null(strstr(zText, "a partir de la versión 2 del plan"));
  assert_non_null(strstr(zText, "Situación al 15 de junio de 2025"));
  for (int i = 0; i < g_res.nLine; i++) {
    const ComplianceLine *pL = &g_res.aLine[i];
    assert_non_null(
        strstr(zText, arena_printf(pArena, "Línea %d · %s", pL->iNumber,
                                   compliance_state_label(pL->eState))));
  }
  const char *zLine9 = strstr(zText, "Línea 9 ·");
  assert_non_null(zLine9);
  assert_non_null(strstr(zLine9, "12 de marzo de"));
  assert_non_null(strstr(zLine9, "Ovalle,")); /* The cell wraps after it */
  assert_non_null(strstr(zLine9, "Limarí"));
  assert_non_null(strstr(zLine9, "ovalle.jpg"));
  assert_non_null(strstr(zLine9, "(generado por el sistema)"));

  assert_int_equal(compliance_report_xlsx(pArena, &g_plan, &g_res, &info, &z,
                                          &n, zErr, sizeof(zErr)),
                   EXPORT_OK);
  zPath = arena_printf(pArena, "%s/informe.xlsx", zDir);
  fixture_write(zPath, z, n);
  const char *zOut = fixture_run(
      pArena, arena_printf(pArena,
                           "/usr/bin/python3 -c \"import sys, openpyxl; "
                           "wb = openpyxl.load_workbook(sys.argv[1]); "
                           "print('|'.join(wb.sheetnames)); "
                           "print(sum(1 for r in wb['Verificadores']"
                           ".iter_rows(values_only=True) if r[-1] == "
                           "'Generado por el sistema'))\" '%s'",
                           zPath));
  /* Activity 5 is on lines 4 and 9: its acta row appears under both. */
  assert_string_equal(zOut, "Resumen|Actividades|Verificadores\n2\n");
  fixture_cleanup(pArena, zDir);
  arena_free(pArena);
}

static int setup(void **state) {
  (void)state;
  FILE *f = fopen(SEED, "rb");
  if (!f) return -1;
  char *z = malloc(1 << 20);
  size_t n = fread(z, 1, (1 << 20) - 1, f);
  fclose(f);
  g_pArena = arena_new();
  const char *zErr = NULL;
  PlanContext ctx;
  fixture_plan_context(g_pArena, &ctx, "04", NULL);
  int rc = plan_import_parse(g_pArena, z, n, &ctx, &g_plan, &zErr);
  free(z);
  if (rc != PLAN_IMPORT_OK) return -1;
  ComplianceOptions opt = {.zAsOf = "2025-06-15"};
  return compliance_compute(g_pArena, &g_plan, aAct,
                            (int)(sizeof(aAct) / sizeof(aAct[0])), &opt, &g_res,
                            &zErr);
}

static int teardown(void **state) {
  (void)state;
  arena_free(g_pArena);
  return 0;
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(the_pdf_lists_all_ten_lines_with_their_states),
      cmocka_unit_test(the_csv_has_one_row_per_line_with_state_and_counts),
      cmocka_unit_test(objective_and_activity_tables_add_up),
      cmocka_unit_test(the_full_report_has_a_section_per_line_and_three_sheets),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
