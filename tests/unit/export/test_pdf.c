/*
** PDF export read back by Poppler (pdftotext, pdfinfo, pdffonts): every
** word of every cell with its accents, the header repeated on later pages,
** "Página N de M", page sizes, the font and the title metadata.
*/
#include "support.h"

#include "plan_fixture.h"

/* Writes the PDF of pTable to zDir/zName and returns its path. */
static const char *write_pdf(Arena *pArena, const char *zDir, const char *zName,
                             const ExportTable *pTable,
                             const ExportPdfOptions *pOpt) {
  const char *z = NULL;
  size_t n = 0;
  char zErr[200] = "";
  int rc = export_pdf(pArena, pTable, pOpt, &z, &n, zErr, sizeof(zErr));
  if (rc != EXPORT_OK) fprintf(stderr, "export_pdf: %s\n", zErr);
  assert_int_equal(rc, EXPORT_OK);
  assert_true(n > 1000);
  assert_memory_equal(z, "%PDF-", 5);
  const char *zPath = arena_printf(pArena, "%s/%s", zDir, zName);
  fixture_write(zPath, z, n);
  return zPath;
}

static const char *pdf_text(Arena *pArena, const char *zPath, int iPage) {
  if (iPage > 0) {
    return fixture_run(pArena, arena_printf(pArena,
                                            "pdftotext -layout -f %d -l %d "
                                            "'%s' -",
                                            iPage, iPage, zPath));
  }
  return fixture_run(pArena,
                     arena_printf(pArena, "pdftotext -layout '%s' -", zPath));
}

static int pdf_pages(Arena *pArena, const char *zPath) {
  const char *zInfo =
      fixture_run(pArena, arena_printf(pArena, "pdfinfo '%s'", zPath));
  const char *z = strstr(zInfo, "Pages:");
  assert_non_null(z);
  return atoi(z + strlen("Pages:"));
}

/* Asserts that every word of z occurs in zText: a cell wraps over several
** lines and sits beside other columns, so its words are what can be found. */
static void assert_words_present(Arena *pArena, const char *zText,
                                 const char *z) {
  while (*z) {
    size_t n = strcspn(z, " \n");
    if (n > 0) {
      const char *zWord = arena_strndup(pArena, z, n);
      if (!strstr(zText, zWord)) fprintf(stderr, "missing: %s\n", zWord);
      assert_non_null(strstr(zText, zWord));
    }
    z += n + (z[n] != 0);
  }
}

static void the_plan_reads_back_with_every_word_and_accent(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *zDir = fixture_dir(pArena);
  ExportTable t = plan_table();
  ExportPdfOptions opt = {.bLandscape = 1, .zFooter = "COSOC Minvu Serviu"};
  const char *zPath = write_pdf(pArena, zDir, "plan.pdf", &t, &opt);
  const char *zText = pdf_text(pArena, zPath, 0);
  assert_words_present(pArena, zText, zPlanTitle);
  assert_words_present(pArena, zText, zPlanSubtitle);
  assert_words_present(pArena, zText, zPlanPreamble);
  for (int c = 0; c < t.nCol; c++)
    assert_non_null(strstr(zText, azPlanHeader[c]));
  for (int i = 0; i < t.nRow * t.nCol; i++) {
    assert_words_present(pArena, zText, azPlanCell[i]);
  }
  assert_non_null(strstr(zText, "N°"));
  assert_non_null(strstr(zText, "–"));
  assert_non_null(strstr(zText, "• Citación"));
  int nPage = pdf_pages(pArena, zPath);
  assert_non_null(strstr(zText, arena_printf(pArena, "Página 1 de %d", nPage)));
  assert_non_null(strstr(zText, "COSOC Minvu Serviu"));

  const char *zInfo =
      fixture_run(pArena, arena_printf(pArena, "pdfinfo '%s'", zPath));
  const char *zTitle = strstr(zInfo, "Title:");
  assert_non_null(zTitle);
  zTitle += strlen("Title:");
  zTitle += strspn(zTitle, " ");
  assert_memory_equal(zTitle, zPlanTitle, strlen(zPlanTitle));
  assert_non_null(strstr(zInfo, "841.89 x 595.276 pts (A4)"));
  const char *zFonts =
      fixture_run(pArena, arena_printf(pArena, "pdffonts '%s'", zPath));
  assert_non_null(strstr(zFonts, "DejaVuSans"));
  fixture_cleanup(pArena, zDir);
  arena_free(pArena);
}

/* The plan ten times over: several pages. */
static ExportTable long_plan(Arena *pArena, int nCopy) {
  ExportTable t = plan_table();
  const char **azCell =
      arena_alloc(pArena, sizeof(char *) * PLAN_NROW * PLAN_NCOL * nCopy);
  for (int k = 0; k < nCopy; k++) {
    memcpy(azCell + k * PLAN_NROW * PLAN_NCOL, azPlanCell, sizeof(azPlanCell));
  }
  t.nRow = PLAN_NROW * nCopy;
  t.azCell = azCell;
  return t;
}

static void a_long_table_repeats_its_header_and_counts_pages(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *zDir = fixture_dir(pArena);
  ExportTable t = long_plan(pArena, 10);
  ExportPdfOptions opt = {.bLandscape = 1};
  const char *zPath = write_pdf(pArena, zDir, "largo.pdf", &t, &opt);
  int nPage = pdf_pages(pArena, zPath);
  assert_true(nPage >= 5);
  for (int i = 1; i <= nPage; i++) {
    const char *zText = pdf_text(pArena, zPath, i);
    assert_non_null(strstr(zText, "VERIFICADOR"));
    assert_non_null(strstr(zText, "RESPONSABLES"));
    assert_non_null(
        strstr(zText, arena_printf(pArena, "Página %d de %d", i, nPage)));
    /* The title is on the first page only. */
    assert_int_equal(strstr(zText, zPlanTitle) != NULL, i == 1);
  }
  fixture_cleanup(pArena, zDir);
  arena_free(pArena);
}

static void a4_and_letter_portrait_and_landscape_have_their_sizes(
    void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *zDir = fixture_dir(pArena);
  ExportTable t = plan_table();
  static const struct {
    int bLetter, bLandscape;
    const char *zSize;
  } aCase[] = {
      {0, 0, "595.276 x 841.89 pts (A4)"},
      {0, 1, "841.89 x 595.276 pts (A4)"},
      {1, 0, "612 x 792 pts (letter)"},
      {1, 1, "792 x 612 pts (letter)"},
  };
  for (size_t i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    ExportPdfOptions opt = {.bLetter = aCase[i].bLetter,
                            .bLandscape = aCase[i].bLandscape};
    const char *zPath = write_pdf(pArena, zDir, "size.pdf", &t, &opt);
    const char *zInfo =
        fixture_run(pArena, arena_printf(pArena, "pdfinfo '%s'", zPath));
    if (!strstr(zInfo, aCase[i].zSize)) fprintf(stderr, "%s", zInfo);
    assert_non_null(strstr(zInfo, aCase[i].zSize));
    /* Every page has the same size. */
    assert_null(strstr(zInfo, "Page    2 size"));
  }
  fixture_cleanup(pArena, zDir);
  arena_free(pArena);
}

static void an_attendance_sheet_of_sixty_has_every_name_on_tall_rows(
    void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *zDir = fixture_dir(pArena);
  enum { N_PERSON = 60 };
  static const char *const azHeader[] = {"N°", "Nombre", "Organización",
                                         "Firma"};
  static const double aWidth[] = {0.4, 2.5, 2.5, 2};
  const char **azCell = arena_alloc(pArena, sizeof(char *) * N_PERSON * 4);
  for (int i = 0; i < N_PERSON; i++) {
    azCell[i * 4] = arena_printf(pArena, "%d", i + 1);
    azCell[i * 4 + 1] = arena_printf(pArena, "Consejera Núñez %d", i + 1);
    azCell[i * 4 + 2] = "Junta de Vecinos Peñuelas";
    azCell[i * 4 + 3] = "";
  }
  ExportTable t = {.zTitle = "Registro de asistencia",
                   .zSubtitle = "Sesión ordinaria N° 5 – 12-03-2025",
                   .nCol = 4,
                   .azHeader = azHeader,
                   .aWidth = aWidth,
                   .nRow = N_PERSON,
                   .azCell = azCell};
  ExportPdfOptions opt = {.bLetter = 1, .minRowHeightPt = 30};
  const char *zPath = write_pdf(pArena, zDir, "asistencia.pdf", &t, &opt);
  int nPage = pdf_pages(pArena, zPath);
  /* 30 pt rows on 720 pt of page: about 22 a page. */
  assert_true(nPage >= 3);
  const char *zText = pdf_text(pArena, zPath, 0);
  for (int i = 0; i < N_PERSON; i++) {
    const char *zName = arena_printf(pArena, "Consejera Núñez %d ", i + 1);
    assert_non_null(strstr(zText, zName));
    /* Exactly once: no row is drawn twice across a page break. */
    assert_null(strstr(strstr(zText, zName) + 1, zName));
  }
  for (int i = 1; i <= nPage; i++) {
    assert_non_null(strstr(pdf_text(pArena, zPath, i), "Firma"));
  }
  fixture_cleanup(pArena, zDir);
  arena_free(pArena);
}

static void a_row_taller_than_a_page_is_split_between_lines(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *zDir = fixture_dir(pArena);
  Buf b;
  buf_init(&b, pArena);
  for (int i = 1; i <= 150; i++) buf_printf(&b, "Línea %d del acta\n", i);
  static const char *const azHeader[] = {"Punto", "Desarrollo"};
  const char *azCell[] = {"1", "corto", "2", buf_str(&b), "3", "final"};
  ExportTable t = {.zTitle = "Acta",
                   .nCol = 2,
                   .azHeader = azHeader,
                   .nRow = 3,
                   .azCell = azCell};
  const char *zPath = write_pdf(pArena, zDir, "acta.pdf", &t, NULL);
  int nPage = pdf_pages(pArena, zPath);
  assert_true(nPage >= 2);
  const char *zText = pdf_text(pArena, zPath, 0);
  for (int i = 1; i <= 150; i++) {
    const char *zLine = arena_printf(pArena, "Línea %d del acta", i);
    assert_non_null(strstr(zText, zLine));
    assert_null(strstr(strstr(zText, zLine) + 1,
                       arena_printf(pArena, "Línea %d del acta\n", i)));
  }
  assert_non_null(strstr(pdf_text(pArena, zPath, 2), "Desarrollo"));
  assert_non_null(strstr(zText, "final"));
  fixture_cleanup(pArena, zDir);
  arena_free(pArena);
}

static void a_table_with_no_rows_still_makes_one_page(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *zDir = fixture_dir(pArena);
  ExportTable t = plan_table();
  t.nRow = 0;
  t.zPreamble = NULL;
  t.zSubtitle = NULL;
  const char *zPath = write_pdf(pArena, zDir, "vacio.pdf", &t, NULL);
  assert_int_equal(pdf_pages(pArena, zPath), 1);
  assert_non_null(strstr(pdf_text(pArena, zPath, 0), "Página 1 de 1"));
  fixture_cleanup(pArena, zDir);
  arena_free(pArena);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(the_plan_reads_back_with_every_word_and_accent),
      cmocka_unit_test(a_long_table_repeats_its_header_and_counts_pages),
      cmocka_unit_test(a4_and_letter_portrait_and_landscape_have_their_sizes),
      cmocka_unit_test(
          an_attendance_sheet_of_sixty_has_every_name_on_tall_rows),
      cmocka_unit_test(a_row_taller_than_a_page_is_split_between_lines),
      cmocka_unit_test(a_table_with_no_rows_still_makes_one_page),
  };
  return cmocka_run_group_tests_name("export/pdf", tests, NULL, NULL);
}
