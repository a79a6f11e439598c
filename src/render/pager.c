/*
** The pager of paged lists (see pager.h).
*/
#include "render/pager.h"

/* One link to page n, or the label alone when n is this page or out of
** range (so the pager keeps its shape on the first and last pages). zRel:
** "prev", "next" or NULL. */
static void pager_link(Html *h, const char *zPath, const char *zQuery,
                       int64_t n, int64_t nLast, int64_t nHere,
                       const char *zRel, const char *zLabel) {
  if (n < 1 || n > nLast || n == nHere) {
    html_printf(h, "<span class=\"pager-off\">%s</span>", zLabel);
  } else if (zRel) {
    html_printf(h, "<a href=\"%s?pagina=%lld%s\" rel=\"%s\">%s</a>", zPath,
                (long long)n, zQuery, zRel, zLabel);
  } else {
    html_printf(h, "<a href=\"%s?pagina=%lld%s\">%s</a>", zPath, (long long)n,
                zQuery, zLabel);
  }
}

void pager_html(Html *h, const char *zPath, const char *zQuery,
                const ListPage *p, const char *zOne, const char *zMany) {
  if (!zQuery) zQuery = "";
  int64_t nHere = list_page_number(p), nLast = list_page_last(p);
  const char *zNoun = p->nTotal == 1 ? zOne : zMany;
  if (p->nRow == 0 && p->nOffset > 0 && p->nTotal == 0) {
    /* Past the end of an empty list (a filter that now matches nothing):
    ** "hay 0 actividades en 1 página" is no way to say it. */
    html_printf(h,
                "<p class=\"pager-count\">La página %lld no existe: no hay "
                "%s. <a href=\"%s?pagina=1%s\">Ir a la primera página</a>"
                "</p>\n",
                (long long)nHere, zMany, zPath, zQuery);
    return;
  }
  if (p->nRow == 0 && p->nOffset > 0) {
    /* Past the end (an old link, a typed number): say so, and lead back. */
    html_printf(h,
                "<p class=\"pager-count\">La página %lld no existe: hay %lld "
                "%s en %lld %s. <a href=\"%s?pagina=%lld%s\">Ir a la última "
                "página</a></p>\n",
                (long long)nHere, (long long)p->nTotal, zNoun, (long long)nLast,
                nLast == 1 ? "página" : "páginas", zPath, (long long)nLast,
                zQuery);
    return;
  }
  if (p->nRow == 1 && p->nTotal == 1) {
    /* "Mostrando 1–1 de 1 actividades" read wrong twice over. */
    html_printf(h, "<p class=\"pager-count\">Mostrando 1 de 1 %s</p>\n", zOne);
  } else if (p->nRow > 0) {
    html_printf(h,
                "<p class=\"pager-count\">Mostrando %lld–%lld de %lld %s</p>\n",
                (long long)p->nOffset + 1, (long long)p->nOffset + p->nRow,
                (long long)p->nTotal, zMany);
  }
  if (nLast <= 1) return;
  html_printf(h, "<nav class=\"pager\" aria-label=\"Páginas de %s\">", zMany);
  pager_link(h, zPath, zQuery, 1, nLast, nHere, NULL, "« Primera");
  html_printf(h, " ");
  pager_link(h, zPath, zQuery, nHere - 1, nLast, nHere, "prev", "‹ Anterior");
  html_printf(h, " <span class=\"pager-here\">Página %lld de %lld</span> ",
              (long long)nHere, (long long)nLast);
  pager_link(h, zPath, zQuery, nHere + 1, nLast, nHere, "next", "Siguiente ›");
  html_printf(h, " ");
  pager_link(h, zPath, zQuery, nLast, nLast, nHere, NULL, "Última »");
  html_printf(h, "</nav>\n");
}
