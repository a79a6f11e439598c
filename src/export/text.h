/*
** Text hygiene shared by the export writers (internal to src/export/).
**
** Cells come from user input and imported documents. XML (inside XLSX)
** forbids most control characters and pango refuses invalid UTF-8, so every
** string goes through export_text_clean() before it reaches a library; a
** writer must never hand a library raw cell text.
*/
#ifndef COSOC_EXPORT_TEXT_H
#define COSOC_EXPORT_TEXT_H

#include <stddef.h>

#include "util/arena.h"

/* z as valid UTF-8 with "\r\n" and lone '\r' turned into '\n', tabs into
** spaces, other C0/C1 control characters and U+FFFE/U+FFFF dropped, and
** each invalid byte replaced by U+FFFD. NULL gives "". Returns z itself
** when it is already clean, otherwise a copy in pArena. */
const char *export_text_clean(Arena *pArena, const char *z);

/* The cell at (iRow, iCol) of pTable, cleaned; "" when absent. */
struct ExportTable;
const char *export_cell(Arena *pArena, const struct ExportTable *pTable,
                        int iRow, int iCol);

/* Relative width of column iCol as a fraction of the whole (sums to 1).
** Missing, zero, negative or non-finite widths count as the average. */
double export_column_share(const struct ExportTable *pTable, int iCol);

/* Writes a formatted reason into zErr (nothing when zErr is NULL). */
void export_set_error(char *zErr, size_t nErr, const char *zFmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
