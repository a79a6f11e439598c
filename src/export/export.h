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

/* How the XLSX writer stores a column's cells (the other writers show the
** text as it is). A cell that does not parse as its type is written as
** text, so nothing is lost. */
typedef enum ExportColType {
  EXPORT_COL_TEXT = 0, /* A string (the default) */
  EXPORT_COL_DATE,     /* "YYYY-MM-DD[...]": a real date, shown dd-mm-yyyy */
  EXPORT_COL_INT       /* Decimal digits: a number */
} ExportColType;

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
  int bPreambleHeadings;  /* 1: a preamble paragraph that starts with "# "
                          ** is a section heading, set in bold without the
                          ** "# " (multi-section documents such as an
                          ** acta); 0 (default): paragraphs are plain */
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

/* One sheet of a workbook: a table and how to store its columns. */
typedef struct ExportSheet {
  const ExportTable *pTable;   /* The sheet as export_xlsx() writes it */
  const ExportColType *aeType; /* pTable->nCol cell types, or NULL: text */
} ExportSheet;

/* Several sheets of one workbook, in order; sheet names from the tables'
** titles (export_xlsx_sheet_name), made unique with " (2)". */
int export_xlsx_book(Arena *pArena, const ExportSheet *aSheet, int nSheet,
                     const char **ppOut, size_t *pnOut, char *zErr,
                     size_t nErr);

/*
** A flowing PDF document of blocks, for reports that are more than one
** table (the Informe de cumplimiento: a cover, a summary table, then a
** section per plan line with text, tables and photos). export_pdf() is
** built on it. Blocks are placed top to bottom in the order added; text
** breaks between lines, tables as export_pdf's do (header repeated),
** images side by side in rows that break to the next row and page. The
** footer and "Página N de M" are on every page. Everything is arena
** memory; the strings and tables given must outlive the document.
*/
typedef struct ExportDoc ExportDoc;

typedef enum ExportTextStyle {
  EXPORT_TEXT_BODY = 0, /* 9 pt */
  EXPORT_TEXT_SMALL,    /* 8 pt */
  EXPORT_TEXT_TITLE,    /* 14 pt bold (export_pdf's title) */
  EXPORT_TEXT_SUBTITLE, /* 10 pt (export_pdf's subtitle) */
  EXPORT_TEXT_HEADING,  /* 10.5 pt bold, kept with what follows */
  EXPORT_TEXT_COVER     /* 22 pt bold, for a cover page */
} ExportTextStyle;

ExportDoc *export_doc_new(Arena *pArena);
void export_doc_text(ExportDoc *pDoc, ExportTextStyle eStyle, const char *z);
/* Vertical space in points; none at the top of a page. */
void export_doc_gap(ExportDoc *pDoc, double pt);
/* pTable's header and rows (its title, subtitle and preamble are not
** drawn), each row at least minRowHeightPt tall. */
void export_doc_table(ExportDoc *pDoc, const ExportTable *pTable,
                      double minRowHeightPt);
/* An image fitted in a box of EXPORT_DOC_IMAGE_W x EXPORT_DOC_IMAGE_H
** points, with a small caption below (or NULL). zMime "image/jpeg": the
** JPEG goes into the PDF as it is (never decoded), nWidth x nHeight
** pixels; "image/png": decoded by cairo (its own size; nWidth and nHeight
** unused). An image that cannot be used is left out; the caption stays. */
#define EXPORT_DOC_IMAGE_W 120.0
#define EXPORT_DOC_IMAGE_H 90.0
void export_doc_image(ExportDoc *pDoc, const void *pData, size_t nData,
                      const char *zMime, int nWidth, int nHeight,
                      const char *zCaption);
/* The next block starts on a new page (nothing when already at the top). */
void export_doc_page_break(ExportDoc *pDoc);
/* zTitle: the PDF's title metadata. Same return values as export_pdf. */
int export_doc_pdf(Arena *pArena, const ExportDoc *pDoc, const char *zTitle,
                   const ExportPdfOptions *pOpt, const char **ppOut,
                   size_t *pnOut, char *zErr, size_t nErr);

/*
** What callers can rely on:
** - The bytes live in pArena; there is nothing else to free. No call keeps
**   state, so exports may run on several server threads at once.
** - Every string is cleaned first: invalid UTF-8 becomes U+FFFD, CR LF and
**   CR become '\n', tabs spaces, other control characters are dropped.
** - CSV: BOM + header row + data rows, CRLF; title, subtitle and preamble
**   are left out so the file re-imports as data. Never fails.
** - XLSX: sheet named by export_xlsx_sheet_name(); rows: title, subtitle,
**   one merged row per preamble paragraph, a blank row, the header (bold,
**   frozen, autofilter, repeated when printed), the data (wrapped text).
**   Cells are always text, never formulas. Written through a private
**   mkstemp() file in $TMPDIR (or /tmp), removed before returning, also on
**   failure. Fails on a cell over 32,767 bytes (Excel's limit) or when no
**   temporary file can be made.
** - PDF: pages of A4 (595.3 x 841.9 pt) or Letter (612 x 792), swapped in
**   landscape; 36 pt margins; content ends 14 pt above the bottom margin,
**   where the footer sits. Column widths are the relative widths of the
**   width between margins. Title and preamble on the first page only; the
**   header row on every page. minRowHeightPt applies to every data row. A
**   row taller than a page is split between text lines, never mid-line.
**   Font DejaVu Sans (fonts-dejavu-core). Cost: about 0.3 s for 500 rows of
**   the plan, so a page handler should not block a pool thread on big ones.
*/

/* True if export_csv() writes cell z with a leading apostrophe to stop a
** spreadsheet from running it as a formula: z starts (after spaces) with
** '=', '+', '-' or '@', or with a tab or CR, and is not a plain signed
** number such as "-5" or "-1.234,5". A CSV reader that wants the original
** text drops an apostrophe found before such a cell. */
int export_csv_cell_needs_guard(const char *z);

/* The XLSX sheet name export_xlsx() derives from zTitle: at most 31
** characters (cut at a space when that keeps 20 or more), '/', '\\' and
** ':' as '-', without '[', ']', '*', '?' or an apostrophe at either end;
** "Hoja1" when nothing is left. */
const char *export_xlsx_sheet_name(Arena *pArena, const char *zTitle);

/* The MIME types to send them with. */
#define EXPORT_CSV_TYPE "text/csv; charset=utf-8"
#define EXPORT_XLSX_TYPE \
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#define EXPORT_PDF_TYPE "application/pdf"

/* Starts a table: *pTable emptied, then given nCol columns (headings, and
** relative widths or NULL) and room for nRow rows. Returns the cells to
** fill row by row, nRow * nCol of them (arena memory, NULL until set;
** pTable->azCell points at them). Title, subtitle and preamble are the
** caller's to set. */
const char **export_table_start(Arena *pArena, ExportTable *pTable, int nCol,
                                const char *const *azHeader,
                                const double *aWidth, int nRow);

#endif
