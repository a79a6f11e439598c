/*
** XLSX export through libxlsxwriter: one sheet per table, named after its
** title, the
** title and subtitle on top, the preamble as merged wrapped rows, then the
** table: a bold header row that is frozen, carries the autofilter and is
** repeated on printed pages; wrapped cells; widths from the relative widths.
**
** Cells are written as strings, never as formulas, so no cell text can run
** as a formula (the CSV writer needs a guard for that; this one does not);
** a column the caller types as a date or a whole number is written as
** one, so that a spreadsheet sorts and filters it as such.
**
** libxlsxwriter 1.1.4 (Debian 12) can only write to a named file (no
** output_buffer option), so the workbook goes to a private mkstemp() file in
** $TMPDIR (or /tmp), is read back into the arena and unlinked on every path,
** success or failure. Its own scratch files go to the same directory.
*/
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "export/export.h"
#include "export/text.h"

#define XLSX_TOTAL_WIDTH_PER_COL 22.0 /* Characters per column, on average */
#define XLSX_MIN_TOTAL_WIDTH 30.0     /* Narrow tables still get some room */
#define XLSX_MAX_TOTAL_WIDTH 200.0    /* Wide ones stay printable */
#define XLSX_MIN_COL_WIDTH 5.0
#define XLSX_CHARS_PER_WIDTH 1.1  /* Average text chars per width unit */
#define XLSX_LINE_HEIGHT 15.0     /* Points per 11pt text line */
#define XLSX_MAX_ROW_HEIGHT 409.0 /* Excel's limit */
#define XLSX_PAPER_A4 9
#define XLSX_MAX_CELL_BYTES 32767 /* Excel's limit on a cell's text */
#define SHEET_MIN_KEEP 20         /* Characters a word-boundary cut must keep */

/* The formats of one workbook (owned by the workbook). */
typedef struct XlsxFormats {
  lxw_format *pTitle;    /* Document title */
  lxw_format *pSubtitle; /* Second heading line */
  lxw_format *pPreamble; /* Wrapped paragraph, merged across the table */
  lxw_format *pHeader;   /* Bold, bordered, shaded column heading */
  lxw_format *pCell;     /* Wrapped, bordered, top-aligned cell */
  lxw_format *pDate;     /* pCell shown as dd-mm-yyyy (EXPORT_COL_DATE) */
  lxw_format *pNumber;   /* Bordered, top-aligned number (EXPORT_COL_INT) */
} XlsxFormats;

/* Number of UTF-8 characters in the first n bytes of z. */
static size_t utf8_count(const char *z, size_t n) {
  size_t nChar = 0;
  for (size_t i = 0; i < n; i++) nChar += ((unsigned char)z[i] & 0xC0) != 0x80;
  return nChar;
}

const char *export_xlsx_sheet_name(Arena *pArena, const char *zTitle) {
  const char *z = export_text_clean(pArena, zTitle);
  Buf b;
  buf_init(&b, pArena);
  size_t nChar = 0;
  const char *p = z;
  while (*p && nChar < LXW_SHEETNAME_MAX) {
    char c = *p;
    if (strchr("[]*?", c)) { /* Forbidden and meaningless: drop */
      p++;
      continue;
    }
    if (c == '/' || c == '\\' || c == ':') c = '-'; /* "2024/2025" */
    if (c == '\n') c = ' ';
    if (c == ' ' && (b.n == 0 || b.z[b.n - 1] == ' ')) { /* Collapse */
      p++;
      continue;
    }
    if (c == '\'' && b.n == 0) { /* Excel refuses a leading apostrophe */
      p++;
      continue;
    }
    /* Copy one whole UTF-8 character. */
    size_t n = 1;
    while (p[n] && ((unsigned char)p[n] & 0xC0) == 0x80) n++;
    if (n == 1) {
      buf_putc(&b, c);
    } else {
      buf_append(&b, p, n);
    }
    p += n;
    nChar++;
  }
  /* Cut in the middle of a word: end at the last space instead, if that
  ** keeps most of the name ("… SERVIU", not "… SERVIU 2"). */
  if (*p && *p != ' ' && *p != '\n' && b.n > 0) {
    char *zSpace = strrchr(b.z, ' ');
    if (zSpace && utf8_count(b.z, (size_t)(zSpace - b.z)) >= SHEET_MIN_KEEP) {
      b.n = (size_t)(zSpace - b.z);
      b.z[b.n] = 0;
    }
  }
  /* No trailing space or apostrophe (Excel refuses the latter). */
  while (b.n > 0 && (b.z[b.n - 1] == ' ' || b.z[b.n - 1] == '\'')) {
    b.z[--b.n] = 0;
  }
  /* "History" is reserved by Excel for its change log. */
  if (b.n == 0 || strcasecmp(buf_str(&b), "History") == 0) return "Hoja1";
  return buf_str(&b);
}

static XlsxFormats xlsx_formats(lxw_workbook *pBook) {
  XlsxFormats f;
  f.pTitle = workbook_add_format(pBook);
  format_set_bold(f.pTitle);
  format_set_font_size(f.pTitle, 14);
  f.pSubtitle = workbook_add_format(pBook);
  format_set_font_size(f.pSubtitle, 11);
  format_set_italic(f.pSubtitle);
  f.pPreamble = workbook_add_format(pBook);
  format_set_text_wrap(f.pPreamble);
  format_set_align(f.pPreamble, LXW_ALIGN_VERTICAL_TOP);
  f.pHeader = workbook_add_format(pBook);
  format_set_bold(f.pHeader);
  format_set_text_wrap(f.pHeader);
  format_set_align(f.pHeader, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(f.pHeader, LXW_BORDER_THIN);
  format_set_bg_color(f.pHeader, 0xD9D9D9);
  f.pCell = workbook_add_format(pBook);
  format_set_text_wrap(f.pCell);
  format_set_align(f.pCell, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(f.pCell, LXW_BORDER_THIN);
  f.pDate = workbook_add_format(pBook);
  format_set_num_format(f.pDate, "dd-mm-yyyy");
  format_set_align(f.pDate, LXW_ALIGN_VERTICAL_TOP);
  format_set_align(f.pDate, LXW_ALIGN_LEFT);
  format_set_border(f.pDate, LXW_BORDER_THIN);
  f.pNumber = workbook_add_format(pBook);
  format_set_align(f.pNumber, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(f.pNumber, LXW_BORDER_THIN);
  return f;
}

/* Sets the column widths; returns their sum in Excel width units. */
static double xlsx_columns(lxw_worksheet *pSheet, const ExportTable *pTable) {
  double total = pTable->nCol * XLSX_TOTAL_WIDTH_PER_COL;
  if (total < XLSX_MIN_TOTAL_WIDTH) total = XLSX_MIN_TOTAL_WIDTH;
  if (total > XLSX_MAX_TOTAL_WIDTH) total = XLSX_MAX_TOTAL_WIDTH;
  double sum = 0;
  for (int i = 0; i < pTable->nCol; i++) {
    double w = total * export_column_share(pTable, i);
    if (w < XLSX_MIN_COL_WIDTH) w = XLSX_MIN_COL_WIDTH;
    worksheet_set_column(pSheet, (lxw_col_t)i, (lxw_col_t)i, w, NULL);
    sum += w;
  }
  return sum;
}

/* Height for a wrapped paragraph in a merged range of totalWidth: Excel
** does not fit merged rows to their text, so estimate the line count. */
static double paragraph_height(const char *z, double totalWidth) {
  double perLine = totalWidth * XLSX_CHARS_PER_WIDTH;
  double nLine = 0;
  while (1) {
    size_t n = strcspn(z, "\n");
    size_t nChar = utf8_count(z, n);
    nLine += nChar == 0 ? 1 : (double)((size_t)((nChar - 1) / perLine) + 1);
    if (!z[n]) break;
    z += n + 1;
  }
  double h = nLine * XLSX_LINE_HEIGHT + 2;
  return h > XLSX_MAX_ROW_HEIGHT ? XLSX_MAX_ROW_HEIGHT : h;
}

/* Writes the preamble's paragraphs (split at blank lines) from row *piRow,
** one merged row each, and advances *piRow. */
static lxw_error xlsx_preamble(Arena *pArena, lxw_worksheet *pSheet,
                               const XlsxFormats *pF, const ExportTable *pTable,
                               double totalWidth, lxw_row_t *piRow) {
  const char *z = export_text_clean(pArena, pTable->zPreamble);
  while (*z) {
    while (*z == '\n' || *z == ' ') z++; /* Blank lines between paragraphs */
    if (!*z) break;
    const char *zEnd = z;
    while (*zEnd &&
           !(zEnd[0] == '\n' && zEnd[strspn(zEnd + 1, " ") + 1] == '\n')) {
      zEnd++;
    }
    const char *zPara = arena_strndup(pArena, z, (size_t)(zEnd - z));
    lxw_error rc;
    if (pTable->nCol > 1) {
      rc = worksheet_merge_range(pSheet, *piRow, 0, *piRow,
                                 (lxw_col_t)(pTable->nCol - 1), zPara,
                                 pF->pPreamble);
    } else {
      rc = worksheet_write_string(pSheet, *piRow, 0, zPara, pF->pPreamble);
    }
    if (rc != LXW_NO_ERROR) return rc;
    worksheet_set_row(pSheet, *piRow, paragraph_height(zPara, totalWidth),
                      NULL);
    (*piRow)++;
    z = zEnd;
  }
  return LXW_NO_ERROR;
}

static lxw_error xlsx_cell(lxw_worksheet *pSheet, lxw_row_t iRow,
                           lxw_col_t iCol, const char *z, lxw_format *pFmt) {
  if (!*z) return worksheet_write_blank(pSheet, iRow, iCol, pFmt);
  return worksheet_write_string(pSheet, iRow, iCol, z, pFmt);
}

/* *pDate from "YYYY-MM-DD" (anything may follow); 0 when it is not one. */
static int xlsx_date(const char *z, lxw_datetime *pDate) {
  for (int i = 0; i < 10; i++) {
    int bDash = i == 4 || i == 7;
    if (bDash ? z[i] != '-' : (z[i] < '0' || z[i] > '9')) return 0;
  }
  memset(pDate, 0, sizeof(*pDate));
  pDate->year = atoi(z);
  pDate->month = atoi(z + 5);
  pDate->day = atoi(z + 8);
  return pDate->year >= 1900 && pDate->month >= 1 && pDate->month <= 12 &&
         pDate->day >= 1 && pDate->day <= 31;
}

/* A body cell as its column's type says; text when it does not parse. */
static lxw_error xlsx_typed_cell(lxw_worksheet *pSheet, lxw_row_t iRow,
                                 lxw_col_t iCol, const char *z,
                                 ExportColType eType, const XlsxFormats *pF) {
  lxw_datetime dt;
  if (eType == EXPORT_COL_DATE && xlsx_date(z, &dt)) {
    return worksheet_write_datetime(pSheet, iRow, iCol, &dt, pF->pDate);
  }
  if (eType == EXPORT_COL_INT && *z && strlen(z) < 16 &&
      strspn(z, "0123456789") == strlen(z)) {
    return worksheet_write_number(pSheet, iRow, iCol, atof(z), pF->pNumber);
  }
  return xlsx_cell(pSheet, iRow, iCol, z, pF->pCell);
}

/* Fills the sheet. Returns LXW_NO_ERROR or the first error; zErr then
** names the cell when one cell was to blame. */
static lxw_error xlsx_fill(Arena *pArena, lxw_workbook *pBook,
                           const XlsxFormats *pF, const ExportSheet *pS,
                           char *zErr, size_t nErr) {
  const ExportTable *pTable = pS->pTable;
  const char *zName = export_xlsx_sheet_name(pArena, pTable->zTitle);
  const char *zSheet = zName;
  /* Two tables of one title: "Actividades (2)", still within 31 chars. */
  for (int i = 2; workbook_get_worksheet_by_name(pBook, zSheet); i++) {
    zSheet = arena_printf(pArena, "%.*s (%d)", LXW_SHEETNAME_MAX - 6, zName, i);
  }
  lxw_worksheet *pSheet = workbook_add_worksheet(pBook, zSheet);
  if (!pSheet) return LXW_ERROR_MEMORY_MALLOC_FAILED;
  XlsxFormats f = *pF;
  double totalWidth = xlsx_columns(pSheet, pTable);
  lxw_row_t iRow = 0;
  lxw_error rc;

  rc = xlsx_cell(pSheet, iRow++, 0, export_text_clean(pArena, pTable->zTitle),
                 f.pTitle);
  if (rc == LXW_NO_ERROR && pTable->zSubtitle && *pTable->zSubtitle) {
    rc = xlsx_cell(pSheet, iRow++, 0,
                   export_text_clean(pArena, pTable->zSubtitle), f.pSubtitle);
  }
  if (rc == LXW_NO_ERROR && pTable->zPreamble) {
    rc = xlsx_preamble(pArena, pSheet, &f, pTable, totalWidth, &iRow);
  }
  if (rc != LXW_NO_ERROR) return rc;
  iRow++; /* A blank row before the table */

  lxw_row_t iHeader = iRow;
  for (int iCol = 0; iCol < pTable->nCol; iCol++) {
    const char *z = pTable->azHeader
                        ? export_text_clean(pArena, pTable->azHeader[iCol])
                        : "";
    rc = xlsx_cell(pSheet, iHeader, (lxw_col_t)iCol, z, f.pHeader);
    if (rc != LXW_NO_ERROR) return rc;
  }
  for (int r = 0; r < pTable->nRow; r++) {
    for (int iCol = 0; iCol < pTable->nCol; iCol++) {
      const char *z = export_cell(pArena, pTable, r, iCol);
      if (strlen(z) > XLSX_MAX_CELL_BYTES) {
        export_set_error(
            zErr, nErr,
            "La celda de la fila %d, columna %d es demasiado larga "
            "para Excel (máximo %d caracteres).",
            r + 1, iCol + 1, XLSX_MAX_CELL_BYTES);
        return LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED;
      }
      rc = xlsx_typed_cell(pSheet, iHeader + 1 + (lxw_row_t)r, (lxw_col_t)iCol,
                           z, pS->aeType ? pS->aeType[iCol] : EXPORT_COL_TEXT,
                           &f);
      if (rc != LXW_NO_ERROR) return rc;
    }
  }
  if (pTable->nCol > 0) {
    worksheet_freeze_panes(pSheet, iHeader + 1, 0);
    rc = worksheet_autofilter(pSheet, iHeader, 0,
                              iHeader + (lxw_row_t)pTable->nRow,
                              (lxw_col_t)(pTable->nCol - 1));
    if (rc != LXW_NO_ERROR) return rc;
    worksheet_repeat_rows(pSheet, iHeader, iHeader);
  }
  /* Printing: A4, one page wide, landscape for wide tables. */
  worksheet_set_paper(pSheet, XLSX_PAPER_A4);
  worksheet_fit_to_pages(pSheet, 1, 0);
  if (totalWidth > 100) worksheet_set_landscape(pSheet);
  return LXW_NO_ERROR;
}

/* Reads the whole of fd into arena memory. */
static int read_back(Arena *pArena, int fd, const char **ppOut, size_t *pnOut) {
  struct stat st;
  if (fstat(fd, &st) != 0 || st.st_size <= 0) return -1;
  size_t n = (size_t)st.st_size;
  char *z = arena_alloc(pArena, n + 1);
  size_t nRead = 0;
  while (nRead < n) {
    ssize_t k = pread(fd, z + nRead, n - nRead, (off_t)nRead);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) return -1;
    nRead += (size_t)k;
  }
  *ppOut = z;
  *pnOut = n;
  return 0;
}

int export_xlsx(Arena *pArena, const ExportTable *pTable, const char **ppOut,
                size_t *pnOut, char *zErr, size_t nErr) {
  ExportSheet sheet = {pTable, NULL};
  return export_xlsx_book(pArena, &sheet, 1, ppOut, pnOut, zErr, nErr);
}

int export_xlsx_book(Arena *pArena, const ExportSheet *aSheet, int nSheet,
                     const char **ppOut, size_t *pnOut, char *zErr,
                     size_t nErr) {
  *ppOut = NULL;
  *pnOut = 0;
  if (zErr && nErr) zErr[0] = 0;
  const char *zDir = getenv("TMPDIR");
  if (!zDir || !*zDir) zDir = "/tmp";
  char *zPath = arena_printf(pArena, "%s/cosoc-xlsx-XXXXXX", zDir);
  int fd = mkstemp(zPath);
  if (fd < 0) {
    export_set_error(zErr, nErr,
                     "No se pudo crear un archivo temporal en %s: %s.", zDir,
                     strerror(errno));
    return EXPORT_ERROR;
  }

  lxw_workbook_options opt = {.constant_memory = LXW_FALSE,
                              .tmpdir = (char *)zDir};
  lxw_workbook *pBook = workbook_new_opt(zPath, &opt);
  lxw_error rc = LXW_ERROR_MEMORY_MALLOC_FAILED;
  if (pBook) {
    lxw_doc_properties props = {
        .title = nSheet > 0 ? (char *)export_text_clean(
                                  pArena, aSheet[0].pTable->zTitle)
                            : (char *)"",
        .author = "cosoc"};
    workbook_set_properties(pBook, &props);
    XlsxFormats f = xlsx_formats(pBook);
    rc = LXW_NO_ERROR;
    for (int i = 0; i < nSheet && rc == LXW_NO_ERROR; i++) {
      rc = xlsx_fill(pArena, pBook, &f, &aSheet[i], zErr, nErr);
    }
    /* Close even after an error: it frees the workbook. */
    lxw_error rcClose = workbook_close(pBook);
    if (rc == LXW_NO_ERROR) rc = rcClose;
  }
  int rcRead = rc == LXW_NO_ERROR ? read_back(pArena, fd, ppOut, pnOut) : -1;
  close(fd);
  unlink(zPath);

  if (rc != LXW_NO_ERROR || rcRead != 0) {
    if (zErr && nErr && !zErr[0]) {
      export_set_error(zErr, nErr, "No se pudo generar la planilla Excel (%s).",
                       rc != LXW_NO_ERROR
                           ? lxw_strerror(rc)
                           : "error al leer el archivo temporal");
    }
    *ppOut = NULL;
    *pnOut = 0;
    return EXPORT_ERROR;
  }
  return EXPORT_OK;
}
