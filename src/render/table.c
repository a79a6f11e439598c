/*
** The table writer (see table.h): headings written once, each cell
** labelled from its column's heading.
*/
#include "render/table.h"

#include <assert.h>
#include <stdarg.h>

static void open_table(HtmlTable *t, Html *h, const char *zClass,
                       const char *zId, int bLabel) {
  t->h = h;
  t->azColumn = NULL;
  t->nColumn = 0;
  t->iColumn = 0;
  t->bLabel = bLabel;
  html_printf(h, "<div class=\"table-wrap\"><table class=\"%s\"", zClass);
  if (zId) html_printf(h, " id=\"%s\"", zId);
  html_printf(h, ">");
}

void table_open(HtmlTable *t, Html *h, const char *zClass, const char *zId) {
  open_table(t, h, zClass, zId, 1);
}

void table_open_grid(HtmlTable *t, Html *h, const char *zClass,
                     const char *zId) {
  open_table(t, h, zClass, zId, 0);
}

void table_caption(HtmlTable *t, const char *zFmt, ...) {
  va_list ap;
  html_printf(t->h, "<caption>");
  va_start(ap, zFmt);
  html_vprintf(t->h, zFmt, ap);
  va_end(ap);
  html_printf(t->h, "</caption>");
}

void table_caption_count(HtmlTable *t, long long n, const char *zOne,
                         const char *zMany) {
  table_caption(t, "%lld %s", n, n == 1 ? zOne : zMany);
}

void table_head(HtmlTable *t, const char *const *azColumn, int nColumn) {
  t->azColumn = azColumn;
  t->nColumn = nColumn;
  html_printf(t->h, "<thead><tr>");
  for (int i = 0; i < nColumn; i++) {
    html_printf(t->h, "<th scope=\"col\">%s</th>", azColumn[i]);
  }
  html_printf(t->h, "</tr></thead><tbody>\n");
}

void table_row_open(HtmlTable *t) {
  t->iColumn = 0;
  html_printf(t->h, "<tr>");
}

void table_row_open_with(HtmlTable *t, const char *zFmt, ...) {
  va_list ap;
  t->iColumn = 0;
  html_printf(t->h, "<tr ");
  va_start(ap, zFmt);
  html_vprintf(t->h, zFmt, ap);
  va_end(ap);
  html_printf(t->h, ">");
}

void table_row_close(HtmlTable *t) { html_printf(t->h, "</tr>\n"); }

/* "<td data-label=…" or, in a grid, "<td": the caller ends the tag. */
static void cell_begin(HtmlTable *t) {
  /* More cells than headings would leave a card with an unnamed value: a
  ** mistake of the page (the assert), which a release build answers with
  ** an empty label rather than read past the headings. */
  assert(t->iColumn < t->nColumn);
  if (t->bLabel) {
    html_printf(t->h, "<td data-label=\"%s\"",
                t->iColumn < t->nColumn ? t->azColumn[t->iColumn] : "");
  } else {
    html_printf(t->h, "<td");
  }
  t->iColumn++;
}

void table_cell_open(HtmlTable *t) {
  cell_begin(t);
  html_printf(t->h, ">");
}

void table_cell_close(HtmlTable *t) { html_printf(t->h, "</td>"); }

void table_cell_open_with(HtmlTable *t, const char *zFmt, ...) {
  va_list ap;
  cell_begin(t);
  html_printf(t->h, " ");
  va_start(ap, zFmt);
  html_vprintf(t->h, zFmt, ap);
  va_end(ap);
  html_printf(t->h, ">");
}

void table_cell(HtmlTable *t, const char *zFmt, ...) {
  va_list ap;
  table_cell_open(t);
  va_start(ap, zFmt);
  html_vprintf(t->h, zFmt, ap);
  va_end(ap);
  table_cell_close(t);
}

void table_row_heading(HtmlTable *t, const char *zFmt, ...) {
  va_list ap;
  assert(t->iColumn < t->nColumn);
  t->iColumn++;
  html_printf(t->h, "<th scope=\"row\">");
  va_start(ap, zFmt);
  html_vprintf(t->h, zFmt, ap);
  va_end(ap);
  html_printf(t->h, "</th>");
}

void table_close(HtmlTable *t) {
  html_printf(t->h, "</tbody></table></div>\n");
}
