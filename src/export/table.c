/*
** Starting an ExportTable (see export_table_start() in export.h): what every
** report does the same way before it fills its own cells.
*/
#include <string.h>

#include "export/export.h"

const char **export_table_start(Arena *pArena, ExportTable *pTable, int nCol,
                                const char *const *azHeader,
                                const double *aWidth, int nRow) {
  memset(pTable, 0, sizeof(*pTable));
  pTable->nCol = nCol;
  pTable->azHeader = azHeader;
  pTable->aWidth = aWidth;
  pTable->nRow = nRow;
  const char **azCell =
      arena_alloc(pArena, sizeof(char *) * (size_t)(nRow * nCol + 1));
  pTable->azCell = azCell;
  return azCell;
}
