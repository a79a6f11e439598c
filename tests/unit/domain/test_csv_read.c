/*
** The CSV reader: quotes, doubled quotes, embedded line breaks, BOM, the
** separator Excel-CL writes, CRLF, empty lines and malformed input.
*/
#include "support.h"

#include <string.h>

#include "util/csv_read.h"

/* Reads all of z and writes every row as "LINE:a|b|c\n". */
static const char *read_all(Arena *pArena, const char *z, int *pRc) {
  CsvReader rd;
  csv_read_init(&rd, z, strlen(z));
  Buf out;
  buf_init(&out, pArena);
  const char **az;
  int n, iLine, rc;
  while ((rc = csv_read_row(&rd, pArena, &az, &n, &iLine)) == CSV_ROW) {
    buf_printf(&out, "%d:", iLine);
    for (int i = 0; i < n; i++) buf_printf(&out, "%s%s", i ? "|" : "", az[i]);
    buf_putc(&out, '\n');
  }
  *pRc = rc;
  if (rc == CSV_ERROR) buf_printf(&out, "ERROR %s", rd.zErr);
  return buf_str(&out);
}

typedef struct CsvCase {
  const char *zIn;
  const char *zOut;
  int rc;
} CsvCase;

static const CsvCase aCase[] = {
    {"a,b,c\n1,2,3\n", "1:a|b|c\n2:1|2|3\n", CSV_DONE},
    {"a;b;c\r\n1;2;3", "1:a|b|c\n2:1|2|3\n", CSV_DONE},
    {"\xEF\xBB\xBFnombre;comuna\nAna;Vicuña\n",
     "1:nombre|comuna\n2:Ana|Vicuña\n", CSV_DONE},
    {"a;b\n\"x;y\";\"dijo \"\"hola\"\"\"\n", "1:a|b\n2:x;y|dijo \"hola\"\n",
     CSV_DONE},
    {"a,b\n\"línea 1\r\nlínea 2\",z\nq,r\n",
     "1:a|b\n2:línea 1\nlínea 2|z\n4:q|r\n", CSV_DONE},
    {"a;b\n\n\r\n1;2\n\n", "1:a|b\n4:1|2\n", CSV_DONE},
    {"a;b,c\n", "1:a|b,c\n", CSV_DONE},
    {"a;;c\n", "1:a||c\n", CSV_DONE},
    {"a;b\n\"abierta;x\n",
     "1:a|b\nERROR línea 2: unas comillas abiertas no se cierran", CSV_ERROR},
    {"\"q\"tail;x\n", "1:qtail|x\n", CSV_DONE},
    {"\"\";\"\"\n", "1:|\n", CSV_DONE},
    {"", "", CSV_DONE},
};

static void csv_reader_table_reads_rows_as_spreadsheets_write_them(
    void **state) {
  (void)state;
  Arena *pArena = arena_new();
  for (size_t i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    int rc;
    const char *zGot = read_all(pArena, aCase[i].zIn, &rc);
    if (strcmp(zGot, aCase[i].zOut) != 0) {
      fail_msg("case %zu: got «%s» want «%s»", i, zGot, aCase[i].zOut);
    }
    assert_int_equal(rc, aCase[i].rc);
  }
  arena_free(pArena);
}

static void csv_reader_refuses_a_row_with_too_many_fields(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  Buf b;
  buf_init(&b, pArena);
  for (int i = 0; i < CSV_FIELDS_MAX + 5; i++) buf_puts(&b, "x;");
  int rc;
  const char *zGot = read_all(pArena, buf_str(&b), &rc);
  assert_int_equal(rc, CSV_ERROR);
  assert_non_null(strstr(zGot, "demasiadas columnas"));
  arena_free(pArena);
}

/* A 4 MB upload of one-letter lines is two million rows: each row's memory
** must be what it holds, not a fixed array of CSV_FIELDS_MAX pointers
** (2 KB a row made such an upload take gigabytes). */
static void csv_reader_memory_follows_the_rows_content(void **state) {
  (void)state;
  Arena *pText = arena_new();
  Buf b;
  buf_init(&b, pText);
  enum { ROWS = 100000 };
  for (int i = 0; i < ROWS; i++) buf_puts(&b, "x\n");
  Arena *pArena = arena_new();
  CsvReader rd;
  csv_read_init(&rd, buf_str(&b), strlen(buf_str(&b)));
  const char **az;
  int n, iLine, nRow = 0;
  while (csv_read_row(&rd, pArena, &az, &n, &iLine) == CSV_ROW) nRow++;
  assert_int_equal(nRow, ROWS);
  size_t nPerRow = arena_used(pArena) / ROWS;
  if (nPerRow > 64) fail_msg("%zu bytes a row of one letter", nPerRow);
  arena_free(pArena);
  arena_free(pText);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(csv_reader_table_reads_rows_as_spreadsheets_write_them),
      cmocka_unit_test(csv_reader_refuses_a_row_with_too_many_fields),
      cmocka_unit_test(csv_reader_memory_follows_the_rows_content),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
