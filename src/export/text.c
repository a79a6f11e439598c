/*
** Text hygiene for the export writers (see text.h): valid UTF-8, no control
** characters but '\n', so no library ever sees bytes it may reject.
*/
#include "export/text.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "export/export.h"
#include "util/text.h"

/* True if code point cp is dropped (or, for tab and CR, rewritten). */
static int is_unwanted(unsigned cp) {
  if (cp == '\n') return 0;
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0xFFFE ||
         cp == 0xFFFF;
}

static int is_clean(const char *z) {
  const unsigned char *p = (const unsigned char *)z;
  while (*p) {
    unsigned cp;
    int n = text_utf8_next(p, &cp);
    if (n == 0 || is_unwanted(cp)) return 0;
    p += n;
  }
  return 1;
}

const char *export_text_clean(Arena *pArena, const char *z) {
  if (!z) return "";
  if (is_clean(z)) return z; /* The common case: no copy */
  Buf b;
  buf_init(&b, pArena);
  const unsigned char *p = (const unsigned char *)z;
  while (*p) {
    unsigned cp;
    int n = text_utf8_next(p, &cp);
    if (n == 0) {
      buf_puts(&b, "\xEF\xBF\xBD"); /* U+FFFD for the one bad byte */
      p++;
      continue;
    }
    if (cp == '\r') {
      buf_putc(&b, '\n');
      if (p[1] == '\n') p++; /* CRLF is one line break */
    } else if (cp == '\t') {
      buf_putc(&b, ' ');
    } else if (!is_unwanted(cp)) {
      buf_append(&b, p, (size_t)n);
    }
    p += n;
  }
  return buf_str(&b);
}

const char *export_cell(Arena *pArena, const ExportTable *pTable, int iRow,
                        int iCol) {
  if (!pTable->azCell) return "";
  return export_text_clean(pArena,
                           pTable->azCell[(size_t)iRow * pTable->nCol + iCol]);
}

static double width_or_zero(const ExportTable *pTable, int iCol) {
  if (!pTable->aWidth) return 0;
  double w = pTable->aWidth[iCol];
  return (isfinite(w) && w > 0) ? w : 0;
}

double export_column_share(const ExportTable *pTable, int iCol) {
  double sum = 0;
  int nGiven = 0;
  for (int i = 0; i < pTable->nCol; i++) {
    double w = width_or_zero(pTable, i);
    sum += w;
    nGiven += w > 0;
  }
  /* A column without a usable width gets the average of the others. */
  double avg = nGiven ? sum / nGiven : 1;
  double total = sum + (pTable->nCol - nGiven) * avg;
  double w = width_or_zero(pTable, iCol);
  return (w > 0 ? w : avg) / total;
}

void export_set_error(char *zErr, size_t nErr, const char *zFmt, ...) {
  if (!zErr || nErr == 0) return;
  va_list ap;
  va_start(ap, zFmt);
  vsnprintf(zErr, nErr, zFmt, ap);
  va_end(ap);
}
