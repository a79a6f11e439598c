/*
** The table writer: the data tables of the pages, written once.
**
** A page's table is a <div class="table-wrap"> around a <table> with an
** optional caption, one row of column headings and a body of rows. On a
** phone the stylesheet turns "table-cards" tables into one card per row,
** each cell preceded by its column's name, which it reads from the cell's
** data-label. That label is the column heading: the writer keeps the
** headings given to table_head() and labels each cell with the heading of
** its column, so a heading is written in one place and a card can never
** name a column differently from the table.
**
**     HtmlTable t;
**     static const char *const azCol[] = {"Nombre", "Correo"};
**     table_open(&t, h, "table table-cards", NULL);
**     table_caption_count(&t, n, "persona", "personas");
**     table_head(&t, azCol, 2);
**     for (...) {
**       table_row_open(&t);
**       table_cell(&t, "<a href=\"/p/%lld\">%s</a>", id, zName);
**       table_cell(&t, "%s", zEmail);
**       table_row_close(&t);
**     }
**     table_close(&t);
**
** Everything goes through the escaping writer (render/html.h): formats are
** markup of ours, %s arguments and the headings are escaped.
*/
#ifndef COSOC_RENDER_TABLE_H
#define COSOC_RENDER_TABLE_H

#include "render/html.h"

typedef struct HtmlTable {
  Html *h;                     /* The writer the table goes to */
  const char *const *azColumn; /* The column headings: each cell's label */
  int nColumn;                 /* How many headings azColumn holds */
  int iColumn;                 /* The column of the next cell of the row */
  int bLabel;                  /* Cells carry their data-label */
} HtmlTable;

/* Opens <div class="table-wrap"><table class="zClass">, with id="zId"
** unless zId is NULL. A caption may follow (table_caption()), then the
** headings (table_head()). */
void table_open(HtmlTable *t, Html *h, const char *zClass, const char *zId);

/* The same for a table that stays a grid on a phone (not "table-cards"):
** its cells carry no data-label, which only the cards show. */
void table_open_grid(HtmlTable *t, Html *h, const char *zClass,
                     const char *zId);

/* The table's <caption>, zFmt written as html_printf() does. */
void table_caption(HtmlTable *t, const char *zFmt, ...)
    __attribute__((format(printf, 2, 3)));

/* A caption that counts the rows: "1 zOne", "n zMany" (the words the
** pager under a paged list uses too). */
void table_caption_count(HtmlTable *t, long long n, const char *zOne,
                         const char *zMany);

/* The nColumn headings azColumn (escaped, <th scope="col">) and the start
** of the body. azColumn must live as long as the table: the cells read
** their labels from it. */
void table_head(HtmlTable *t, const char *const *azColumn, int nColumn);

/* Starts a row: <tr>. table_row_open_with() puts the attributes zFmt
** (written as html_printf() does) in the tag: <tr zFmt>. */
void table_row_open(HtmlTable *t);
void table_row_open_with(HtmlTable *t, const char *zFmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Ends the row: </tr> and a line break. */
void table_row_close(HtmlTable *t);

/* The next cell of the row, labelled with its column's heading, its content
** zFmt written as html_printf() does. */
void table_cell(HtmlTable *t, const char *zFmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The same in pieces, for a cell whose content takes a loop or a call:
** table_cell_open(), the content through t->h, table_cell_close(). */
void table_cell_open(HtmlTable *t);
void table_cell_close(HtmlTable *t);
/* table_cell_open() for a cell that carries more attributes, zFmt (written
** as html_printf() does) after its label: <td data-label="…" zFmt>. */
void table_cell_open_with(HtmlTable *t, const char *zFmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The next cell as the heading of its row: <th scope="row">, no label
** (a card shows it as its title). */
void table_row_heading(HtmlTable *t, const char *zFmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Ends the body, the table and its wrapper, and the line. */
void table_close(HtmlTable *t);

#endif
