/*
** Exports: a table of text turned into the files these offices use —
** CSV (UTF-8 with BOM, so Excel shows accents), XLSX (libxlsxwriter) and
** PDF (cairo + pango). Every report in cosoc (the plan, member lists,
** attendance sheets, compliance) is a title, an optional preamble and a
** table, so one interface serves them all.
**
** Knows nothing of HTTP or SQL: a page fills an ExportTable from the
** database and sends the bytes. The output lives in the caller's arena.
*/
#ifndef COSOC_EXPORT_EXPORT_H
#define COSOC_EXPORT_EXPORT_H

#include <stddef.h>

#include "util/arena.h"

#define EXPORT_OK 0
#define EXPORT_ERROR 1

typedef struct ExportTable {
  const char *zTitle;     /* Heading of the document; the XLSX sheet name */
  const char *zSubtitle;  /* Second heading line (council, period), or NULL */
  const char *zPreamble;  /* Text before the table (PDF and XLSX only),
                          ** paragraphs separated by blank lines, or NULL */
  int nCol;               /* Columns */
  const char *const *azHeader; /* nCol column headings */
  const double *aWidth;   /* nCol relative widths, or NULL for equal */
  int nRow;               /* Data rows */
  const char *const *azCell; /* nRow * nCol cells, row by row; "" or NULL
                          ** for empty; '\n' separates lines in a cell */
} ExportTable;

/* Page setup for PDF output. */
typedef struct ExportPdfOptions {
  int bLetter;            /* 0: A4, 1: US Letter */
  int bLandscape;         /* 0: portrait, 1: landscape */
  double minRowHeightPt;  /* Minimum row height (0: fit the text), e.g. for
                          ** a signature column on an attendance sheet */
  const char *zFooter;    /* Left footer text (page numbers "Página N de M"
                          ** are always on the right), or NULL */
} ExportPdfOptions;

/* Each writes the whole file into *ppOut / *pnOut (arena memory) and
** returns EXPORT_OK, or EXPORT_ERROR with a Spanish reason in zErr. */
int export_csv(Arena *pArena, const ExportTable *pTable, const char **ppOut,
               size_t *pnOut);
int export_xlsx(Arena *pArena, const ExportTable *pTable, const char **ppOut,
                size_t *pnOut, char *zErr, size_t nErr);
int export_pdf(Arena *pArena, const ExportTable *pTable,
               const ExportPdfOptions *pOpt, const char **ppOut,
               size_t *pnOut, char *zErr, size_t nErr);

/* True if export_csv() writes cell z with a leading apostrophe to stop a
** spreadsheet from running it as a formula: z starts (after spaces) with
** '=', '+', '-' or '@', or with a tab or CR, and is not a plain signed
** number such as "-5" or "-1.234,5". A CSV reader that wants the original
** text drops an apostrophe found before such a cell. */
int export_csv_cell_needs_guard(const char *z);

/* The XLSX sheet name export_xlsx() derives from zTitle: at most 31
** characters, '/', '\\' and ':' as '-', without '[', ']', '*', '?' or an
** apostrophe at either end; "Hoja1" when nothing is left. */
const char *export_xlsx_sheet_name(Arena *pArena, const char *zTitle);

/* The MIME types to send them with. */
#define EXPORT_CSV_TYPE "text/csv; charset=utf-8"
#define EXPORT_XLSX_TYPE \
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#define EXPORT_PDF_TYPE "application/pdf"

#endif
