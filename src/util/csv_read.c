/*
** CSV reading (see csv_read.h).
*/
#include "util/csv_read.h"

#include <stdio.h>
#include <string.h>

/* The separator of the first line: whichever of ';' and ',' occurs more
** often outside quotes (';' on a tie, as Excel-CL writes it). */
static char guess_separator(const char *z, size_t n) {
  int nSemi = 0, nComma = 0, bQuoted = 0;
  for (size_t i = 0; i < n; i++) {
    char c = z[i];
    if (c == '"') bQuoted = !bQuoted;
    if (bQuoted) continue;
    if (c == '\n') break;
    if (c == ';') nSemi++;
    if (c == ',') nComma++;
  }
  return nComma > nSemi ? ',' : ';';
}

void csv_read_init(CsvReader *p, const char *z, size_t n) {
  memset(p, 0, sizeof(*p));
  p->z = z ? z : "";
  p->n = z ? n : 0;
  if (p->n >= 3 && memcmp(p->z, "\xEF\xBB\xBF", 3) == 0) p->i = 3;
  p->cSep = guess_separator(p->z + p->i, p->n - p->i);
  p->iLine = 1;
}

int csv_read_row(CsvReader *p, Arena *pArena, const char ***pazField,
                 int *pnField, int *piLine) {
  *pazField = NULL;
  *pnField = 0;
  /* Empty lines are not rows. */
  while (p->i < p->n && (p->z[p->i] == '\n' || p->z[p->i] == '\r')) {
    if (p->z[p->i] == '\n') p->iLine++;
    p->i++;
  }
  if (p->i >= p->n) return CSV_DONE;
  *piLine = p->iLine;
  const char **azField = p->azScratch;
  int nField = 0;
  Buf b;
  buf_init(&b, pArena); /* Allocates on the first quoted field only */
  int bEndOfRow = 0;
  while (!bEndOfRow) {
    buf_reset(&b);
    int bQuoted = p->i < p->n && p->z[p->i] == '"';
    if (bQuoted) {
      int iQuoteLine = p->iLine;
      p->i++;
      for (;;) {
        if (p->i >= p->n) {
          snprintf(p->zErr, sizeof(p->zErr),
                   "línea %d: unas comillas abiertas no se cierran",
                   iQuoteLine);
          return CSV_ERROR;
        }
        char c = p->z[p->i++];
        if (c == '"') {
          if (p->i < p->n && p->z[p->i] == '"') {
            buf_putc(&b, '"');
            p->i++;
            continue;
          }
          break;
        }
        if (c == '\n') p->iLine++;
        if (c == '\r' && p->i < p->n && p->z[p->i] == '\n') continue;
        buf_putc(&b, c);
      }
      /* After the closing quote only a separator or the end of line may
      ** come; anything else is kept, as spreadsheets do. */
    }
    size_t iStart = p->i;
    while (p->i < p->n) {
      char c = p->z[p->i];
      if (c == p->cSep || c == '\n' || c == '\r') break;
      p->i++;
    }
    if (bQuoted) buf_append(&b, p->z + iStart, p->i - iStart);
    if (nField >= CSV_FIELDS_MAX) {
      snprintf(p->zErr, sizeof(p->zErr),
               "línea %d: la fila tiene demasiadas "
               "columnas",
               *piLine);
      return CSV_ERROR;
    }
    azField[nField++] =
        bQuoted ? arena_strdup(pArena, buf_str(&b))
                : arena_strndup(pArena, p->z + iStart, p->i - iStart);
    if (p->i >= p->n) {
      bEndOfRow = 1;
    } else if (p->z[p->i] == p->cSep) {
      p->i++;
    } else {
      if (p->z[p->i] == '\r') p->i++;
      if (p->i < p->n && p->z[p->i] == '\n') p->i++;
      p->iLine++;
      bEndOfRow = 1;
    }
  }
  *pazField = arena_alloc(pArena, sizeof(char *) * (size_t)(nField + 1));
  memcpy(*pazField, azField, sizeof(char *) * (size_t)nField);
  *pnField = nField;
  return CSV_ROW;
}
