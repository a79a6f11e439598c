/*
** A plan document as the importer reads it, whatever its format: a list of
** blocks, each a paragraph (one or more lines of text, some of them list
** items) or a table (rows of cells, each cell one or more such lines).
**
** Readers fill it: the text/HTML reader here (tab-separated rows, HTML
** fragments and <table>s, lines of paragraphs), and the Word and Excel
** readers of src/import/. The plan parser (plan_import.h) reads only this,
** so one plan written in text, .docx or .xlsx gives the same lines. Each
** reader normalizes the same way: white space squeezed, bullets («•», «-»,
** «*», «·», «–») and list markup made list items, lone punctuation
** dropped.
**
** Pure data and string functions over one arena: no SQL, no HTTP, no I/O.
** Pointers to a block, row or cell stay valid until something is added to
** the list that holds it.
*/
#ifndef COSOC_DOMAIN_PLAN_SOURCE_H
#define COSOC_DOMAIN_PLAN_SOURCE_H

#include <stddef.h>

#include "util/arena.h"

typedef struct PlanPara {
  const char *zText; /* Squeezed text, never empty */
  int bItem;         /* A list item (bullet, <li>, a Word list paragraph) */
} PlanPara;

typedef struct PlanCell {
  int nPara;
  PlanPara *aPara;
  int nAlloc;
  int bCopy;    /* Filled from the merged cell above it (rowspan, vMerge) */
  int bSpanned; /* Covered by the cell to its left (colspan, gridSpan, a
                ** merged range): empty, and part of that cell */
  int bMark; /* It held only a mark («✓», «•», «-»), dropped as text:
             ** a time chart's mark */
} PlanCell;

typedef struct PlanRow {
  int nCell;
  PlanCell *aCell;
  int nAlloc;
  const char *zWhere; /* Where it is, for messages: "Línea 14" */
} PlanRow;

typedef enum PlanBlockKind {
  PLAN_BLOCK_TEXT = 0,
  PLAN_BLOCK_TABLE
} PlanBlockKind;

typedef struct PlanBlock {
  PlanBlockKind eKind;
  PlanCell text; /* PLAN_BLOCK_TEXT: its lines */
  int nRow;      /* PLAN_BLOCK_TABLE: its rows */
  PlanRow *aRow;
  int nAlloc;
  const char *zWhere; /* "Línea 3", "Párrafo 2", "Tabla 1" */
  int bSheet; /* A spreadsheet's sheet: a table of its own, which goes on
              ** the table before it only when it repeats its header */
} PlanBlock;

typedef struct PlanSource {
  Arena *pArena;
  const char *zFormat; /* "texto", "Word (.docx)", "Excel (.xlsx)" */
  int nBlock;
  PlanBlock *aBlock;
  int nAlloc;
} PlanSource;

void plan_source_init(PlanSource *p, Arena *pArena, const char *zFormat);
/* A new block at the end (zWhere is copied). */
PlanBlock *plan_source_add(PlanSource *p, PlanBlockKind eKind,
                           const char *zWhere);
PlanRow *plan_block_add_row(PlanSource *p, PlanBlock *pBlock,
                            const char *zWhere);
PlanCell *plan_row_add_cell(PlanSource *p, PlanRow *pRow);

/* Adds text to a cell: lines split at line breaks, list items at bullets;
** bItem makes the first line an item (a Word list paragraph). */
void plan_cell_add_plain(Arena *pArena, PlanCell *pCell, const char *zText,
                         int bItem);
/* Adds an HTML fragment to a cell: tags removed, entities decoded, <p>,
** <br>, <div>, <li>, headings and bullets start new lines. */
void plan_cell_add_html(Arena *pArena, PlanCell *pCell, const char *zHtml);
/* The cell as clean text: lines joined by "\n", items starting "- ". */
const char *plan_cell_text(Arena *pArena, const PlanCell *pCell);
/* The cell's lines joined by one space. */
const char *plan_cell_flat(Arena *pArena, const PlanCell *pCell);
int plan_cell_is_empty(const PlanCell *pCell);

/* The text/HTML reader: nText bytes of UTF-8 text (a BOM is skipped).
** Returns 0, or 1 with a Spanish reason in *pzErr when the bytes are not
** text. */
int plan_source_from_text(Arena *pArena, const char *zText, size_t nText,
                          PlanSource *pOut, const char **pzErr);

/* Whitespace collapsed and trimmed (no-break spaces count as spaces). */
const char *plan_text_squeeze(Arena *pArena, const char *z);

#endif
