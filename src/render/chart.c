/*
** Inline SVG bar charts (see chart.h). Sizes are in the SVG's own units;
** the picture scales with the page (viewBox, width 100 %), so a phone shows
** the same chart narrower. Colours come from the stylesheet (classes), never
** from inline styles, which the Content-Security-Policy forbids.
*/
#include "render/chart.h"

#define CHART_ROW 26       /* Height of one bar's row */
#define CHART_LABEL_W 190  /* Space for the labels on the left */
#define CHART_BAR_W 300    /* Longest bar */
#define CHART_VALUE_W 40   /* Space for the number after the bar */

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
  int nWidth = CHART_LABEL_W + CHART_BAR_W + CHART_VALUE_W;
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
                "<text class=\"chart-label\" x=\"%d\" y=\"%d\" "
                "text-anchor=\"end\">%s</text>"
                "<rect class=\"chart-bar\" x=\"%d\" y=\"%d\" width=\"%d\" "
                "height=\"%d\"></rect>"
                "<text class=\"chart-value\" x=\"%d\" y=\"%d\">%d</text>",
                CHART_LABEL_W - 8, y + 17, aBar[i].zLabel, CHART_LABEL_W,
                y + 3, w, CHART_ROW - 6, CHART_LABEL_W + w + 6, y + 17,
                aBar[i].nValue);
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
