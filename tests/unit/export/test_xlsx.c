/*
** XLSX export read back by openpyxl (Debian's python3-openpyxl), a reader
** no one here wrote: sheet name, title rows, the frozen bold header with its
** autofilter, every cell with accents and line breaks, column widths; and
** the temporary file is gone afterwards, on success and on failure.
*/
#include "support.h"

#include <dirent.h>

#include "plan_fixture.h"

/* Prints what openpyxl sees, one fact a line; cells as R<row>C<col>=text
** with line breaks as the two characters \n. */
static const char zReader[] =
    "import sys, openpyxl\n"
    "wb = openpyxl.load_workbook(sys.argv[1])\n"
    "print('sheets=' + '|'.join(wb.sheetnames))\n"
    "ws = wb.worksheets[0]\n"
    "print('freeze=%s' % ws.freeze_panes)\n"
    "print('filter=%s' % ws.auto_filter.ref)\n"
    "print('merged=%s' % ' '.join(sorted(str(r) for r in "
    "ws.merged_cells.ranges)))\n"
    "for row in ws.iter_rows():\n"
    "  for c in row:\n"
    "    if c.value is None: continue\n"
    "    v = str(c.value).replace('\\n', '\\\\n')\n"
    "    print('R%dC%d=%s' % (c.row, c.column, v))\n"
    "    if c.font.b: print('bold R%dC%d' % (c.row, c.column))\n"
    "    if c.alignment.wrap_text: print('wrap R%dC%d' % (c.row, c.column))\n"
    "for k in 'ABCDEF':\n"
    "  print('width %s=%d' % (k, round(ws.column_dimensions[k].width)))\n";

/* What openpyxl reports for the XLSX of pTable. */
static const char *read_xlsx(Arena *pArena, const char *zDir,
                             const ExportTable *pTable) {
  const char *z = NULL;
  size_t n = 0;
  char zErr[200] = "";
  int rc = export_xlsx(pArena, pTable, &z, &n, zErr, sizeof(zErr));
  if (rc != EXPORT_OK) fprintf(stderr, "export_xlsx: %s\n", zErr);
  assert_int_equal(rc, EXPORT_OK);
  assert_memory_equal(z, "PK", 2); /* A ZIP container */
  const char *zPath = arena_printf(pArena, "%s/plan.xlsx", zDir);
  fixture_write(zPath, z, n);
  const char *zScript = arena_printf(pArena, "%s/reader.py", zDir);
  fixture_write(zScript, zReader, strlen(zReader));
  return fixture_run(pArena, arena_printf(pArena, "/usr/bin/python3 '%s' '%s'",
                                          zScript, zPath));
}

static void assert_has(const char *zOut, const char *zLine) {
  if (!strstr(zOut, zLine)) fprintf(stderr, "missing: %s\n", zLine);
  assert_non_null(strstr(zOut, zLine));
}

static const char *escaped_newlines(Arena *pArena, const char *z) {
  Buf b;
  buf_init(&b, pArena);
  for (; *z; z++) {
    if (*z == '\n') {
      buf_puts(&b, "\\n");
    } else {
      buf_putc(&b, *z);
    }
  }
  return buf_str(&b);
}

static void the_plan_reads_back_with_frozen_header_and_every_cell(
    void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *zDir = fixture_dir(pArena);
  ExportTable t = plan_table();
  const char *zOut = read_xlsx(pArena, zDir, &t);
  /* Title, subtitle, three preamble paragraphs, a blank row, the header. */
  enum { HEADER_ROW = 7 };
  assert_has(zOut, "sheets=PLAN ANUAL COSOC MINVU SERVIU\n");
  assert_has(zOut, arena_printf(pArena, "R1C1=%s\n", zPlanTitle));
  assert_has(zOut, "bold R1C1\n");
  assert_has(zOut, arena_printf(pArena, "R2C1=%s\n", zPlanSubtitle));
  assert_has(zOut, "R5C1=Objetivos del plan:\\n1.- Ofrecer instancias");
  assert_has(zOut, "merged=A3:F3 A4:F4 A5:F5\n");
  assert_has(zOut, "freeze=A8\n");
  assert_has(zOut, "filter=A7:F17\n");
  for (int c = 0; c < t.nCol; c++) {
    assert_has(zOut, arena_printf(pArena, "R%dC%d=%s\n", HEADER_ROW, c + 1,
                                  azPlanHeader[c]));
    assert_has(zOut, arena_printf(pArena, "bold R%dC%d\n", HEADER_ROW, c + 1));
  }
  for (int r = 0; r < t.nRow; r++) {
    for (int c = 0; c < t.nCol; c++) {
      const char *zCell = escaped_newlines(pArena, azPlanCell[r * t.nCol + c]);
      assert_has(zOut, arena_printf(pArena, "R%dC%d=%s\n", HEADER_ROW + 1 + r,
                                    c + 1, zCell));
      assert_has(zOut, arena_printf(pArena, "wrap R%dC%d\n", HEADER_ROW + 1 + r,
                                    c + 1));
    }
  }
  /* 6 columns x 22 characters shared as 0.5 : 3 : 3 : 2 : 1.7 : 1.5. */
  assert_has(zOut, "width A=6\n");
  assert_has(zOut, "width B=35\n");
  assert_has(zOut, "width D=23\n");
  fixture_cleanup(pArena, zDir);
  arena_free(pArena);
}

static void formulas_in_cells_stay_text(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *zDir = fixture_dir(pArena);
  static const char *const azHeader[] = {"Nombre", "Comuna"};
  static const char *const azCell[] = {"=1+1", "-5", "", "La Serena"};
  ExportTable t = {.zTitle = "Integrantes",
                   .nCol = 2,
                   .azHeader = azHeader,
                   .nRow = 2,
                   .azCell = azCell};
  const char *zOut = read_xlsx(pArena, zDir, &t);
  assert_has(zOut, "R4C1==1+1\n"); /* The text, not 2 */
  assert_has(zOut, "R4C2=-5\n");
  assert_null(strstr(zOut, "R5C1="));
  assert_has(zOut, "R5C2=La Serena\n");
  assert_has(zOut, "freeze=A4\n");
  fixture_cleanup(pArena, zDir);
  arena_free(pArena);
}

static void sheet_names_follow_excel_rules(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  static const struct {
    const char *zTitle;
    const char *zName;
  } aCase[] = {
      {"Plan 2024/2025", "Plan 2024-2025"},
      {"[Borrador] Acta: sesión N° 5?", "Borrador Acta- sesión N° 5"},
      /* Cut at 31 characters, at a space when that keeps 20 or more. */
      {"Asistencia sesión extraordinaria de diciembre",
       "Asistencia sesión extraordinari"},
      {"PLAN ANUAL COSOC MINVU SERVIU 2024-2025",
       "PLAN ANUAL COSOC MINVU SERVIU"},
      {"Asistencia a la sesión extraordinaria", "Asistencia a la sesión"},
      {"Asistencia-sesión-extraordinaria-de-diciembre",
       "Asistencia-sesión-extraordinari"},
      {"'Citación'", "Citación"},
      {"ñññññññññññññññññññññññññññññññññ", "ñññññññññññññññññññññññññññññññ"},
      {"  ", "Hoja1"},
      {NULL, "Hoja1"},
      {"[]*?", "Hoja1"},
      {"history", "Hoja1"},
  };
  for (size_t i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    assert_string_equal(export_xlsx_sheet_name(pArena, aCase[i].zTitle),
                        aCase[i].zName);
  }
  arena_free(pArena);
}

static int dir_is_empty(const char *zDir) {
  DIR *pDir = opendir(zDir);
  assert_non_null(pDir);
  int nEntry = 0;
  struct dirent *p;
  while ((p = readdir(pDir)) != NULL) {
    if (strcmp(p->d_name, ".") && strcmp(p->d_name, "..")) nEntry++;
  }
  closedir(pDir);
  return nEntry == 0;
}

static void temporary_files_are_removed_and_errors_are_in_spanish(
    void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *zDir = fixture_dir(pArena);
  const char *zOld = getenv("TMPDIR");
  char *zSaved = zOld ? arena_strdup(pArena, zOld) : NULL;
  setenv("TMPDIR", zDir, 1);

  ExportTable t = plan_table();
  const char *z = NULL;
  size_t n = 0;
  char zErr[200] = "";
  assert_int_equal(export_xlsx(pArena, &t, &z, &n, zErr, sizeof(zErr)),
                   EXPORT_OK);
  assert_true(dir_is_empty(zDir));

  /* A cell over Excel's 32,767 characters is refused, naming the cell. */
  char *zHuge = arena_alloc(pArena, 40000);
  memset(zHuge, 'a', 39999);
  static const char *const azHeader[] = {"Acta"};
  const char *azCell[] = {"corto", zHuge};
  ExportTable big = {.zTitle = "Acta",
                     .nCol = 1,
                     .azHeader = azHeader,
                     .nRow = 2,
                     .azCell = azCell};
  assert_int_equal(export_xlsx(pArena, &big, &z, &n, zErr, sizeof(zErr)),
                   EXPORT_ERROR);
  assert_null(z);
  assert_int_equal(n, 0);
  assert_string_equal(zErr,
                      "La celda de la fila 2, columna 1 es demasiado "
                      "larga para Excel (máximo 32767 caracteres).");
  assert_true(dir_is_empty(zDir));

  /* No writable temporary directory: an error, not a crash. */
  setenv("TMPDIR", "/nonexistent/cosoc", 1);
  assert_int_equal(export_xlsx(pArena, &t, &z, &n, zErr, sizeof(zErr)),
                   EXPORT_ERROR);
  assert_non_null(strstr(zErr, "No se pudo crear un archivo temporal"));

  if (zSaved) {
    setenv("TMPDIR", zSaved, 1);
  } else {
    unsetenv("TMPDIR");
  }
  fixture_cleanup(pArena, zDir);
  arena_free(pArena);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(the_plan_reads_back_with_frozen_header_and_every_cell),
      cmocka_unit_test(formulas_in_cells_stay_text),
      cmocka_unit_test(sheet_names_follow_excel_rules),
      cmocka_unit_test(temporary_files_are_removed_and_errors_are_in_spanish),
  };
  return cmocka_run_group_tests_name("export/xlsx", tests, NULL, NULL);
}
