/*
** Documents of blocks (ExportDoc) and the pieces the Informe de
** cumplimiento draws with them, read back by Poppler and openpyxl: JPEG
** thumbnails embedded as they are and PNGs, in rows that break across
** pages under their captions, headings kept with what follows, forced page
** breaks; a workbook of several sheets with real dates and numbers; text
** laid out once and kept for later renders (issue 22) never shows in another
** document, on another thread, or once the cache has been emptied.
*/
#include "support.h"

#include <cairo.h>
#include <pthread.h>
#include <vips/vips.h>

#include "export/export.h"
#include "plan_fixture.h"

/* A w x h JPEG made by libvips (a phone photo, as far as tests go). */
static const void *jpeg_bytes(Arena *pArena, int w, int h, size_t *pn) {
  VipsImage *pNoise = NULL, *pRgb = NULL, *pOut = NULL;
  assert_int_equal(vips_init("test"), 0);
  assert_int_equal(vips_gaussnoise(&pNoise, w, h, "mean", 128.0, NULL), 0);
  VipsImage *aBand[3] = {pNoise, pNoise, pNoise};
  assert_int_equal(vips_bandjoin(aBand, &pRgb, 3, NULL), 0);
  assert_int_equal(vips_cast_uchar(pRgb, &pOut, NULL), 0);
  void *pBuf = NULL;
  size_t n = 0;
  assert_int_equal(vips_jpegsave_buffer(pOut, &pBuf, &n, NULL), 0);
  const void *p = arena_memdup(pArena, pBuf, n);
  g_free(pBuf);
  g_object_unref(pOut);
  g_object_unref(pRgb);
  g_object_unref(pNoise);
  *pn = n;
  return p;
}

static cairo_status_t png_write(void *pClosure, const unsigned char *a,
                                unsigned int n) {
  buf_append((Buf *)pClosure, a, n);
  return CAIRO_STATUS_SUCCESS;
}

/* A w x h PNG drawn by cairo. */
static const void *png_bytes(Arena *pArena, int w, int h, size_t *pn) {
  cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  cairo_t *cr = cairo_create(s);
  cairo_set_source_rgb(cr, 0.2, 0.5, 0.8);
  cairo_paint(cr);
  cairo_destroy(cr);
  Buf b;
  buf_init(&b, pArena);
  assert_int_equal(cairo_surface_write_to_png_stream(s, png_write, &b),
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy(s);
  *pn = b.n;
  return b.z;
}

/* A JPEG and a PNG of the given sizes. */
typedef struct Pictures {
  const void *pJpeg, *pPng;
  size_t nJpeg, nPng;
} Pictures;

static Pictures pictures(Arena *pArena, int wJpeg, int hJpeg, int wPng,
                         int hPng) {
  Pictures p;
  p.pJpeg = jpeg_bytes(pArena, wJpeg, hJpeg, &p.nJpeg);
  p.pPng = png_bytes(pArena, wPng, hPng, &p.nPng);
  return p;
}

/* Writes the document's PDF to zDir/zName and returns its path. */
static const char *write_doc(Arena *pArena, const char *zDir, const char *zName,
                             const ExportDoc *pDoc) {
  const char *z = NULL;
  size_t n = 0;
  char zErr[200] = "";
  ExportPdfOptions opt = {.zFooter = "Pie de prueba"};
  int rc = export_doc_pdf(pArena, pDoc, "Documento", &opt, &z, &n, zErr,
                          sizeof(zErr));
  if (rc != EXPORT_OK) fprintf(stderr, "export_doc_pdf: %s\n", zErr);
  assert_int_equal(rc, EXPORT_OK);
  const char *zPath = arena_printf(pArena, "%s/%s", zDir, zName);
  fixture_write(zPath, z, n);
  return zPath;
}

/* The images pdfimages lists on page iPage. */
static int count_images(Arena *pArena, const char *zPath, int iPage) {
  const char *zList = fixture_run(
      pArena, arena_printf(pArena, "pdfimages -list -f %d -l %d '%s'", iPage,
                           iPage, zPath));
  int n = -2; /* Two heading lines, then one line an image */
  for (const char *z = zList; (z = strchr(z, '\n')) != NULL; z++) n++;
  return n;
}

static void thirty_photos_fill_rows_and_pages_under_their_captions(
    void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *zDir = fixture_dir(pArena);
  Pictures pic = pictures(pArena, 320, 240, 90, 120);
  const void *pJpeg = pic.pJpeg, *pPng = pic.pPng;
  size_t nJpeg = pic.nJpeg, nPng = pic.nPng;
  ExportDoc *pDoc = export_doc_new(pArena);
  export_doc_text(pDoc, EXPORT_TEXT_COVER, "Portada");
  export_doc_page_break(pDoc);
  export_doc_page_break(pDoc); /* Already at the top: no blank page */
  export_doc_text(pDoc, EXPORT_TEXT_HEADING, "Fotografías");
  for (int i = 1; i <= 29; i++) {
    export_doc_image(pDoc, pJpeg, nJpeg, "image/jpeg", 320, 240,
                     arena_printf(pArena, "foto-%d.jpg", i));
  }
  export_doc_image(pDoc, pPng, nPng, "image/png", 0, 0, "foto-30.jpg");
  /* Caption only: bytes cairo cannot read, a JPEG of no known size. */
  export_doc_image(pDoc, "roto", 4, "image/png", 0, 0, "ilegible.png");
  export_doc_image(pDoc, pJpeg, nJpeg, "image/jpeg", 0, 0, "sin-medida.jpg");
  export_doc_text(pDoc, EXPORT_TEXT_BODY, "Fin del documento.");
  const char *zPath = write_doc(pArena, zDir, "fotos.pdf", pDoc);
  const char *zInfo =
      fixture_run(pArena, arena_printf(pArena, "pdfinfo '%s'", zPath));
  int nPage = atoi(strstr(zInfo, "Pages:") + strlen("Pages:"));
  /* The cover alone; the heading and 6 rows of 4; the other 6 photos. */
  assert_int_equal(nPage, 3);
  assert_int_equal(count_images(pArena, zPath, 2), 24);
  int nImage = 0;
  for (int p = 1; p <= nPage; p++) nImage += count_images(pArena, zPath, p);
  assert_int_equal(nImage, 30);
  assert_int_equal(count_images(pArena, zPath, 1), 0);
  const char *zText = fixture_run(
      pArena, arena_printf(pArena, "pdftotext -layout '%s' -", zPath));
  for (int i = 1; i <= 30; i++) {
    assert_non_null(strstr(zText, arena_printf(pArena, "foto-%d.jpg", i)));
  }
  assert_non_null(strstr(zText, "ilegible.png"));
  assert_non_null(strstr(zText, "sin-medida.jpg"));
  /* The JPEGs went in as they were: pdfimages reports their encoding. */
  const char *zList =
      fixture_run(pArena, arena_printf(pArena, "pdfimages -list '%s'", zPath));
  assert_non_null(strstr(zList, "jpeg"));
  assert_non_null(strstr(zText, "Fin del documento."));
  assert_non_null(strstr(zText, "Página 3 de 3"));
  assert_non_null(strstr(zText, "Pie de prueba"));
  fixture_cleanup(pArena, zDir);
  arena_free(pArena);
}

static void a_heading_at_the_foot_of_a_page_moves_to_the_next(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *zDir = fixture_dir(pArena);
  ExportDoc *pDoc = export_doc_new(pArena);
  /* Body lines fill the page to just above the heading's keep room. */
  for (int i = 1; i <= 68; i++) {
    export_doc_text(pDoc, EXPORT_TEXT_BODY,
                    arena_printf(pArena, "Renglón %d", i));
  }
  export_doc_text(pDoc, EXPORT_TEXT_HEADING, "Sección siguiente");
  export_doc_text(pDoc, EXPORT_TEXT_BODY, "Su primer párrafo.");
  const char *zPath = write_doc(pArena, zDir, "titulos.pdf", pDoc);
  const char *zPage2 = fixture_run(
      pArena, arena_printf(pArena, "pdftotext -f 2 -l 2 '%s' -", zPath));
  const char *zPage1 = fixture_run(
      pArena, arena_printf(pArena, "pdftotext -f 1 -l 1 '%s' -", zPath));
  assert_non_null(strstr(zPage1, "Renglón 68"));        /* Room was left... */
  assert_non_null(strstr(zPage2, "Sección siguiente")); /* ...but too little */
  assert_non_null(strstr(zPage2, "Su primer párrafo."));
  fixture_cleanup(pArena, zDir);
  arena_free(pArena);
}

static void the_same_picture_twice_is_stored_once(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *zDir = fixture_dir(pArena);
  Pictures pic = pictures(pArena, 64, 48, 30, 40);
  ExportDoc *pDoc = export_doc_new(pArena);
  for (int i = 1; i <= 2; i++) { /* Page 1, then page 2 */
    if (i == 2) export_doc_page_break(pDoc);
    export_doc_image(pDoc, pic.pJpeg, pic.nJpeg, "image/jpeg", 64, 48,
                     arena_printf(pArena, "línea %d", i));
    export_doc_image(pDoc, pic.pPng, pic.nPng, "image/png", 0, 0,
                     arena_printf(pArena, "otra %d", i));
  }
  const char *zPath = write_doc(pArena, zDir, "repetida.pdf", pDoc);
  /* pdfimages lists every picture drawn with the object that holds it */
  const char *zList =
      fixture_run(pArena, arena_printf(pArena,
                                       "pdfimages -list '%s' | awk 'NR > 2 "
                                       "{print $1, $11}' | sort -u",
                                       zPath));
  int aPage[4] = {0}, aObject[4] = {0}, n = 0;
  for (const char *z = zList; *z && n < 4;) {
    if (sscanf(z, "%d %d", &aPage[n], &aObject[n]) == 2) n++;
    z = strchr(z, '\n');
    if (!z) break;
    z++;
  }
  assert_int_equal(n, 4); /* Two pictures on each of two pages */
  assert_int_equal(aPage[0], 1);
  assert_int_equal(aPage[3], 2);
  /* Two objects in all, each drawn on both pages */
  assert_true(aObject[0] != aObject[1]);
  assert_true((aObject[2] == aObject[0] && aObject[3] == aObject[1]) ||
              (aObject[2] == aObject[1] && aObject[3] == aObject[0]));
  fixture_cleanup(pArena, zDir);
  arena_free(pArena);
}

/* A document of the words a..., laid out at three sizes and as a table. */
static ExportDoc *words_doc(Arena *pArena, const char *zTag, int nWord) {
  ExportDoc *pDoc = export_doc_new(pArena);
  export_doc_text(pDoc, EXPORT_TEXT_TITLE,
                  arena_printf(pArena, "Título %s", zTag));
  const char **az = arena_alloc(pArena, sizeof(*az) * (size_t)(2 * nWord));
  for (int i = 0; i < nWord; i++) {
    const char *z = arena_printf(pArena, "palabra%s%04d", zTag, i);
    export_doc_text(pDoc, EXPORT_TEXT_BODY, z);
    az[2 * i] = z;
    az[2 * i + 1] = "Sí"; /* The same cell in every row and document */
  }
  static const char *const azHeader[] = {"Palabra", "¿Cuenta?"};
  ExportTable *pT = arena_alloc(pArena, sizeof(*pT));
  memset(pT, 0, sizeof(*pT));
  pT->nCol = 2;
  pT->azHeader = azHeader;
  pT->nRow = nWord;
  pT->azCell = az;
  export_doc_table(pDoc, pT, 0);
  return pDoc;
}

static const char *pdf_text(Arena *pArena, const char *zPath) {
  return fixture_run(pArena, arena_printf(pArena, "pdftotext '%s' -", zPath));
}

static void kept_layouts_never_show_in_another_document(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *zDir = fixture_dir(pArena);
  /* The same text twice gives the same words; a second document that
  ** shares most of its text shows its own words only. */
  const char *zA1 = pdf_text(
      pArena, write_doc(pArena, zDir, "a1.pdf", words_doc(pArena, "A", 40)));
  const char *zA2 = pdf_text(
      pArena, write_doc(pArena, zDir, "a2.pdf", words_doc(pArena, "A", 40)));
  const char *zB = pdf_text(
      pArena, write_doc(pArena, zDir, "b.pdf", words_doc(pArena, "B", 39)));
  assert_string_equal(zA1, zA2);
  assert_non_null(strstr(zB, "palabraB0038"));
  assert_non_null(strstr(zB, "Título B"));
  assert_null(strstr(zB, "palabraA"));
  assert_null(strstr(zB, "palabraB0039"));
  assert_non_null(strstr(zB, "Sí"));
  /* More text than a thread keeps (the cache is emptied while this one is
  ** laid out): every word still drawn, the last as the first. */
  const char *zBig = pdf_text(
      pArena, write_doc(pArena, zDir, "big.pdf", words_doc(pArena, "C", 3000)));
  assert_non_null(strstr(zBig, "palabraC0000"));
  assert_non_null(strstr(zBig, "palabraC1500"));
  assert_non_null(strstr(zBig, "palabraC2999"));
  fixture_cleanup(pArena, zDir);
  arena_free(pArena);
}

/* One thread's document: its words, written to its own file. */
typedef struct WordsJob {
  Arena *pArena;
  const char *zDir, *zTag, *zOut;
} WordsJob;

static void *words_job(void *pArg) {
  WordsJob *j = pArg;
  for (int i = 0; i < 3; i++) { /* Again and again: from the thread's cache */
    j->zOut = write_doc(j->pArena, j->zDir,
                        arena_printf(j->pArena, "%s%d.pdf", j->zTag, i),
                        words_doc(j->pArena, j->zTag, 60));
  }
  return NULL;
}

static void threads_draw_their_own_text_at_the_same_time(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *zDir = fixture_dir(pArena);
  WordsJob aJob[3] = {{arena_new(), zDir, "D", NULL},
                      {arena_new(), zDir, "E", NULL},
                      {arena_new(), zDir, "F", NULL}};
  pthread_t aT[3];
  for (int i = 0; i < 3; i++) {
    assert_int_equal(pthread_create(&aT[i], NULL, words_job, &aJob[i]), 0);
  }
  for (int i = 0; i < 3; i++) assert_int_equal(pthread_join(aT[i], NULL), 0);
  for (int i = 0; i < 3; i++) {
    const char *z = pdf_text(pArena, aJob[i].zOut);
    assert_non_null(
        strstr(z, arena_printf(pArena, "palabra%s0059", aJob[i].zTag)));
    for (int k = 0; k < 3; k++) {
      if (k == i) continue;
      assert_null(strstr(z, arena_printf(pArena, "palabra%s", aJob[k].zTag)));
    }
    arena_free(aJob[i].pArena);
  }
  fixture_cleanup(pArena, zDir);
  arena_free(pArena);
}

static const char zBookReader[] =
    "import sys, openpyxl\n"
    "wb = openpyxl.load_workbook(sys.argv[1])\n"
    "print('sheets=' + '|'.join(wb.sheetnames))\n"
    "for ws in wb.worksheets:\n"
    "  for row in ws.iter_rows(min_row=5):\n"
    "    for c in row:\n"
    "      print('%s!%s=%s:%r' % (ws.title, c.coordinate,\n"
    "            type(c.value).__name__, c.value))\n";

static void a_workbook_holds_sheets_with_dates_and_numbers(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *zDir = fixture_dir(pArena);
  static const char *const azHeader[] = {"Línea", "Fecha", "Nota"};
  static const char *const azCell[] = {"4",  "2025-03-12", "ok",
                                       "x5", "12-03-2025", "texto"};
  static const ExportColType aeType[] = {EXPORT_COL_INT, EXPORT_COL_DATE,
                                         EXPORT_COL_TEXT};
  ExportTable t = {.zTitle = "Actividades",
                   .zPreamble = "Situación al 30-06-2025.",
                   .nCol = 3,
                   .azHeader = azHeader,
                   .nRow = 2,
                   .azCell = azCell};
  const ExportSheet aSheet[2] = {{&t, aeType}, {&t, NULL}};
  const char *z = NULL;
  size_t n = 0;
  char zErr[200] = "";
  assert_int_equal(
      export_xlsx_book(pArena, aSheet, 2, &z, &n, zErr, sizeof(zErr)),
      EXPORT_OK);
  const char *zPath = arena_printf(pArena, "%s/libro.xlsx", zDir);
  fixture_write(zPath, z, n);
  const char *zScript = arena_printf(pArena, "%s/reader.py", zDir);
  fixture_write(zScript, zBookReader, strlen(zBookReader));
  const char *zOut = fixture_run(
      pArena,
      arena_printf(pArena, "/usr/bin/python3 '%s' '%s'", zScript, zPath));
  assert_non_null(strstr(zOut, "sheets=Actividades|Actividades (2)\n"));
  assert_non_null(strstr(zOut, "Actividades!A5=int:4\n"));
  assert_non_null(strstr(
      zOut, "Actividades!B5=datetime:datetime.datetime(2025, 3, 12, 0, 0)\n"));
  /* What does not parse as its type stays text. */
  assert_non_null(strstr(zOut, "Actividades!A6=str:'x5'\n"));
  assert_non_null(strstr(zOut, "Actividades!B6=str:'12-03-2025'\n"));
  /* The untyped copy is all text, as export_xlsx() writes. */
  assert_non_null(strstr(zOut, "Actividades (2)!A5=str:'4'\n"));
  fixture_cleanup(pArena, zDir);
  arena_free(pArena);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(thirty_photos_fill_rows_and_pages_under_their_captions),
      cmocka_unit_test(a_heading_at_the_foot_of_a_page_moves_to_the_next),
      cmocka_unit_test(a_workbook_holds_sheets_with_dates_and_numbers),
      cmocka_unit_test(the_same_picture_twice_is_stored_once),
      cmocka_unit_test(kept_layouts_never_show_in_another_document),
      cmocka_unit_test(threads_draw_their_own_text_at_the_same_time),
  };
  return cmocka_run_group_tests_name("export/pdf_doc", tests, NULL, NULL);
}
