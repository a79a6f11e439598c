/*
** Charts drawn on the server as inline SVG: no JavaScript, readable by a
** screen reader (role="img" with a title and a one-sentence text
** alternative) and backed by a table of the same numbers.
*/
#ifndef COSOC_RENDER_CHART_H
#define COSOC_RENDER_CHART_H

#include "render/html.h"

/* One bar. */
typedef struct ChartBar {
  const char *zLabel; /* "Elqui", "03-2025" */
  int nValue;         /* >= 0 */
} ChartBar;

/* A horizontal bar chart in a <figure>: the SVG, a caption and a table.
** zId makes the ids inside unique on the page; zTitle names the chart;
** zLabelHeading and zValueHeading head the table's two columns. */
void chart_bars(Html *h, const char *zId, const char *zTitle,
                const char *zLabelHeading, const char *zValueHeading,
                const ChartBar *aBar, int nBar);

#endif
