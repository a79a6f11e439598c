/*
** Inline SVG bar charts (see chart.h). Sizes are in the SVG's own units;
** the picture scales with the page (viewBox, width 100 %), so a phone shows
** the same chart narrower. Colours come from the stylesheet (classes), never
** from inline styles, which the Content-Security-Policy forbids.
*/
#include "render/chart.h"

/* Each bar sits under its label, both as wide as the chart: a label never
** has to fit in a column beside the bars (long names were cut off there),
** and the chart is narrow enough in its own units that a phone shrinks
** its text little. */
#define CHART_ROW 42     /* Height of one label and its bar */
#define CHART_BAR_H 14   /* Height of a bar */
#define CHART_BAR_W 310  /* Longest bar */
#define CHART_VALUE_W 50 /* Space for the number after the bar */
#define CHART_LABEL_CHARS                           \
  44 /* Longer labels end in "…" (the table below \
     ** has them whole) */

/* zLabel cut to CHART_LABEL_CHARS characters (UTF-8 aware) with "…". */
static const char *label_fit(Html *h, const char *zLabel) {
  int nChar = 0;
  size_t i = 0;
  for (; zLabel[i]; i++) {
    if (((unsigned char)zLabel[i] & 0xC0) == 0x80) continue;
    if (++nChar > CHART_LABEL_CHARS - 1) break;
  }
  if (!zLabel[i]) return zLabel;
  size_t nRest = 0;
  for (size_t k = i; zLabel[k]; k++)
    nRest += ((unsigned char)zLabel[k] & 0xC0) != 0x80;
  if (nRest <= 1) return zLabel;
  return arena_printf(h->out.pArena, "%.*s…", (int)i, zLabel);
}

void chart_bars(Html *h, const char *zId, const char *zTitle,
                const char *zLabelHeading, const char *zValueHeading,
                const ChartBar *aBar, int nBar) {
  int nMax = 0, nTotal = 0, iTop = -1;
  for (int i = 0; i < nBar; i++) {
    nTotal += aBar[i].nValue;
    if (aBar[i].nValue > nMax) {
      nMax = aBar[i].nValue;
      iTop = i;
    }
  }
  int nWidth = CHART_BAR_W + CHART_VALUE_W;
  int nHeight = nBar * CHART_ROW + 4;
  html_printf(h,
              "<figure class=\"chart\" id=\"%s\"><svg role=\"img\" "
              "aria-labelledby=\"%s-t %s-d\" viewBox=\"0 0 %d %d\" "
              "width=\"100%%\" preserveAspectRatio=\"xMinYMin meet\">"
              "<title id=\"%s-t\">%s</title><desc id=\"%s-d\">",
              zId, zId, zId, nWidth, nHeight, zId, zTitle, zId);
  /* The text alternative: the sentence a sighted reader takes away. */
  if (nTotal == 0) {
    html_printf(h, "Sin datos todavía.");
  } else {
    html_printf(h, "%d en total; el valor más alto es %s con %d.", nTotal,
                aBar[iTop].zLabel, nMax);
  }
  html_printf(h, "</desc>");
  for (int i = 0; i < nBar; i++) {
    int y = i * CHART_ROW + 2;
    int w = nMax > 0 ? aBar[i].nValue * CHART_BAR_W / nMax : 0;
    if (aBar[i].nValue > 0 && w < 2) w = 2;
    html_printf(h,
                "<text class=\"chart-label\" x=\"0\" y=\"%d\">%s</text>"
                "<rect class=\"chart-bar\" x=\"0\" y=\"%d\" width=\"%d\" "
                "height=\"%d\"></rect>"
                "<text class=\"chart-value\" x=\"%d\" y=\"%d\">%d</text>",
                y + 15, label_fit(h, aBar[i].zLabel), y + 21, w, CHART_BAR_H,
                w + 6, y + 33, aBar[i].nValue);
  }
  html_printf(h,
              "</svg><figcaption>%s</figcaption><details><summary>Ver los "
              "números</summary><table><thead><tr><th scope=\"col\">%s</th>"
              "<th scope=\"col\">%s</th></tr></thead><tbody>",
              zTitle, zLabelHeading, zValueHeading);
  for (int i = 0; i < nBar; i++) {
    html_printf(h, "<tr><th scope=\"row\">%s</th><td>%d</td></tr>",
                aBar[i].zLabel, aBar[i].nValue);
  }
  html_printf(h, "</tbody></table></details></figure>\n");
}
