/*
** CSV export: the table's header row and data rows, nothing else (no title,
** no preamble), so that the file re-imports to the same data.
**
** - UTF-8 with a byte order mark: without it Excel reads the file as the
**   local ANSI code page and mangles every accent and ñ.
** - Records end in CRLF (RFC 4180). A line break inside a cell stays '\n'
**   inside a quoted field; Excel and LibreOffice both show it as a break.
** - A field is quoted when it holds '"', ',', ';', '\n' or starts or ends
**   with a space. The semicolon is not special to RFC 4180, but Excel with a
**   Chilean (es-CL) locale splits on it, so quoting it keeps one cell.
**
** Formula injection (OWASP "CSV injection"): a spreadsheet evaluates a cell
** that starts with '=', '+', '-' or '@' (also after leading spaces, and
** after a tab or CR in some versions) as a formula, e.g. a member named
** =HYPERLINK("http://…"). Such cells get a leading apostrophe, which Excel
** and LibreOffice show as text and hide. Exception: a plain number
** ("-5", "+3,5", "-1.234.567") is not prefixed, so signed amounts stay
** numbers: digits with '.' and ',' separators cannot form a formula.
** A reader that wants the original text back drops a leading apostrophe
** followed by one of those characters (export_csv_cell_needs_guard()).
*/
#include <string.h>

#include "export/export.h"
#include "export/text.h"

static const unsigned char CSV_BOM[] = {0xEF, 0xBB, 0xBF};

/* True if z is an optional sign followed by digits, possibly grouped or
** split by '.' or ',' (each separator between two digits). */
static int is_plain_number(const char *z) {
  if (*z == '-' || *z == '+') z++;
  if (*z < '0' || *z > '9') return 0;
  for (; *z; z++) {
    if (*z >= '0' && *z <= '9') continue;
    if ((*z == '.' || *z == ',') && z[1] >= '0' && z[1] <= '9') continue;
    return 0;
  }
  return 1;
}

int export_csv_cell_needs_guard(const char *z) {
  if (!z) return 0;
  if (z[0] == '\t' || z[0] == '\r') return 1;
  /* An apostrophe before a guarded cell is guarded too, so that dropping
  ** one apostrophe always gives the original text back. */
  if (z[0] == '\'') return export_csv_cell_needs_guard(z + 1);
  const char *p = z + strspn(z, " ");
  if (*p == 0 || !strchr("=+-@", *p)) return 0;
  return !is_plain_number(p);
}

static void csv_field(Buf *pOut, const char *z) {
  int bGuard = export_csv_cell_needs_guard(z);
  size_t n = strlen(z);
  int bQuote = strpbrk(z, "\",;\n") != NULL ||
               (n > 0 && (z[0] == ' ' || z[n - 1] == ' '));
  if (bQuote) buf_putc(pOut, '"');
  if (bGuard) buf_putc(pOut, '\'');
  for (const char *p = z; *p; p++) {
    if (*p == '"') buf_putc(pOut, '"'); /* "" is a quote inside quotes */
    buf_putc(pOut, *p);
  }
  if (bQuote) buf_putc(pOut, '"');
}

static void csv_record(Buf *pOut, Arena *pArena, const ExportTable *pTable,
                       int iRow) {
  for (int iCol = 0; iCol < pTable->nCol; iCol++) {
    if (iCol > 0) buf_putc(pOut, ',');
    const char *z = iRow < 0 ? export_text_clean(pArena, pTable->azHeader[iCol])
                             : export_cell(pArena, pTable, iRow, iCol);
    csv_field(pOut, z);
  }
  buf_puts(pOut, "\r\n");
}

int export_csv(Arena *pArena, const ExportTable *pTable, const char **ppOut,
               size_t *pnOut) {
  Buf out;
  buf_init(&out, pArena);
  buf_append(&out, CSV_BOM, sizeof(CSV_BOM));
  if (pTable->nCol > 0 && pTable->azHeader)
    csv_record(&out, pArena, pTable, -1);
  for (int iRow = 0; iRow < pTable->nRow && pTable->nCol > 0; iRow++) {
    csv_record(&out, pArena, pTable, iRow);
  }
  *ppOut = buf_str(&out);
  *pnOut = out.n;
  return EXPORT_OK;
}
