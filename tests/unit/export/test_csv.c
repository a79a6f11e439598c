/*
** CSV export: BOM, CRLF, RFC 4180 quoting, the formula-injection guard, and
** a round trip through an independent RFC 4180 reader written here.
*/
#include "support.h"

#include "plan_fixture.h"

static const char *csv_of(Arena *pArena, const ExportTable *pTable,
                          size_t *pn) {
  const char *z = NULL;
  assert_int_equal(export_csv(pArena, pTable, &z, pn), EXPORT_OK);
  assert_non_null(z);
  return z;
}

/* The CSV of a one-column table with header "h" and one cell z, without
** the BOM and the header line. */
static const char *one_cell(Arena *pArena, const char *z) {
  static const char *const azHeader[] = {"h"};
  const char *azCell[] = {z};
  ExportTable t = {.zTitle = "t",
                   .nCol = 1,
                   .azHeader = azHeader,
                   .nRow = 1,
                   .azCell = azCell};
  size_t n;
  const char *zOut = csv_of(pArena, &t, &n);
  return zOut + 3 + strlen("h\r\n");
}

static void the_file_starts_with_a_bom_and_records_end_in_crlf(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  ExportTable t = plan_table();
  size_t n;
  const char *z = csv_of(pArena, &t, &n);
  assert_memory_equal(z, "\xEF\xBB\xBF", 3);
  assert_int_equal(strlen(z), n);
  const char *zHead =
      "N°,OBJETIVO,ACCIONES,RESPONSABLES,VERIFICADOR,FECHAS\r\n";
  assert_memory_equal(z + 3, zHead, strlen(zHead));
  assert_memory_equal(z + n - 2, "\r\n", 2);
  /* No title, subtitle or preamble: the file is the table only. */
  assert_null(strstr(z, zPlanTitle));
  assert_null(strstr(z, "Oficio"));
  arena_free(pArena);
}

static void fields_are_quoted_as_rfc_4180_and_excel_in_chile_need(
    void **state) {
  (void)state;
  Arena *pArena = arena_new();
  static const struct {
    const char *zIn;
    const char *zOut;
  } aCase[] = {
      {"Coquimbo", "Coquimbo\r\n"},
      {"", "\r\n"},
      {"Región de Ñuble", "Región de Ñuble\r\n"},
      {"La Serena, Coquimbo", "\"La Serena, Coquimbo\"\r\n"},
      {"Acta; Asistencia", "\"Acta; Asistencia\"\r\n"},
      {"dijo \"sí\"", "\"dijo \"\"sí\"\"\"\r\n"},
      {"• Citación\n• Acta", "\"• Citación\n• Acta\"\r\n"},
      {"línea\r\notra", "\"línea\notra\"\r\n"},
      {" espacio inicial", "\" espacio inicial\"\r\n"},
      {"N° 12", "N° 12\r\n"},
  };
  for (size_t i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    assert_string_equal(one_cell(pArena, aCase[i].zIn), aCase[i].zOut);
  }
  arena_free(pArena);
}

static void cells_that_a_spreadsheet_would_run_as_formulas_get_an_apostrophe(
    void **state) {
  (void)state;
  Arena *pArena = arena_new();
  static const struct {
    const char *zIn;
    const char *zOut;
  } aCase[] = {
      {"=1+1", "'=1+1\r\n"},
      {"=HYPERLINK(\"http://x\";\"clic\")",
       "\"'=HYPERLINK(\"\"http://x\"\";\"\"clic\"\")\"\r\n"},
      {"+56 9 1234 5678", "'+56 9 1234 5678\r\n"},
      {"-2+3", "'-2+3\r\n"},
      {"@SUM(A1)", "'@SUM(A1)\r\n"},
      {"  =1", "\"'  =1\"\r\n"},
      {"\t=1", "\"' =1\"\r\n"}, /* The tab became a space first */
      {"'=1", "''=1\r\n"},      /* So dropping one gives it back */
      {"- Acta", "'- Acta\r\n"},
      /* Plain signed numbers stay numbers. */
      {"-5", "-5\r\n"},
      {"+3", "+3\r\n"},
      {"-1.234.567", "-1.234.567\r\n"},
      {"-3,5", "\"-3,5\"\r\n"},
      /* Not formulas. */
      {"a=b", "a=b\r\n"},
      {"'texto", "'texto\r\n"},
      {"12.345.678-5", "12.345.678-5\r\n"},
  };
  for (size_t i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    assert_string_equal(one_cell(pArena, aCase[i].zIn), aCase[i].zOut);
  }
  arena_free(pArena);
}

static void invalid_utf8_and_control_characters_never_reach_the_file(
    void **state) {
  (void)state;
  Arena *pArena = arena_new();
  assert_string_equal(one_cell(pArena, "a\x01z\x7F"), "az\r\n");
  assert_string_equal(one_cell(pArena, "caf\xE9"), "caf\xEF\xBF\xBD\r\n");
  assert_string_equal(one_cell(pArena, NULL), "\r\n");
  arena_free(pArena);
}

/* An independent RFC 4180 reader: the next field of *pz into pOut;
** returns 1 if the record ends after it. */
static int read_field(const char **pz, Buf *pOut) {
  const char *z = *pz;
  buf_reset(pOut);
  if (*z == '"') {
    for (z++;; z++) {
      assert_true(*z != 0);
      if (*z == '"' && z[1] == '"') {
        buf_putc(pOut, '"');
        z++;
      } else if (*z == '"') {
        z++;
        break;
      } else {
        buf_putc(pOut, *z);
      }
    }
  } else {
    while (*z && *z != ',' && *z != '\r') buf_putc(pOut, *z++);
  }
  int bEnd = *z == '\r';
  assert_true(*z == ',' || (z[0] == '\r' && z[1] == '\n'));
  *pz = z + (bEnd ? 2 : 1);
  return bEnd;
}

static void the_plan_re_imports_to_the_same_cells(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  ExportTable t = plan_table();
  size_t n;
  const char *z = csv_of(pArena, &t, &n) + 3;
  Buf field;
  buf_init(&field, pArena);
  for (int r = -1; r < t.nRow; r++) {
    for (int c = 0; c < t.nCol; c++) {
      int bEnd = read_field(&z, &field);
      const char *zGot = buf_str(&field);
      if (zGot[0] == '\'' && export_csv_cell_needs_guard(zGot + 1)) zGot++;
      assert_string_equal(zGot,
                          r < 0 ? t.azHeader[c] : t.azCell[r * t.nCol + c]);
      assert_int_equal(bEnd, c == t.nCol - 1);
    }
  }
  assert_int_equal(*z, 0);
  arena_free(pArena);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(the_file_starts_with_a_bom_and_records_end_in_crlf),
      cmocka_unit_test(fields_are_quoted_as_rfc_4180_and_excel_in_chile_need),
      cmocka_unit_test(
          cells_that_a_spreadsheet_would_run_as_formulas_get_an_apostrophe),
      cmocka_unit_test(
          invalid_utf8_and_control_characters_never_reach_the_file),
      cmocka_unit_test(the_plan_re_imports_to_the_same_cells),
  };
  return cmocka_run_group_tests_name("export/csv", tests, NULL, NULL);
}
