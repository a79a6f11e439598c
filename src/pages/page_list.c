/*
** Paged lists on the API (see page_list.h).
*/
#include "pages/page_list.h"

#include "pages/page.h"
#include "render/html.h"

int page_list_from_api(Request *r, ListPage *p) {
  const char *zLimit = request_query(r, "limit");
  const char *zOffset = request_query(r, "offset");
  if (list_page_from_api(p, zLimit, zOffset)) return 1;
  int bLimit = zLimit && !list_page_from_api(p, zLimit, NULL);
  respond_json_error(
      r, 400,
      bLimit ? arena_printf(request_arena(r),
                            "limit debe ser un número entero de 1 a %d.",
                            LIST_PAGE_LIMIT_MAX)
             : "offset debe ser un número entero, 0 o más.",
      bLimit ? "limit" : "offset");
  return 0;
}

void page_list_headers(Request *r, const ListPage *p, const char *zPath,
                       const char *zQuery) {
  Arena *pArena = request_arena(r);
  response_header(r, "X-Total-Count",
                  arena_printf(pArena, "%lld", (long long)p->nTotal));
  if (p->nLimit == 0) return;
  /* The pages beside are of the same council: under the request's /c/SLUG/
  ** prefix, and with its ?council= (without them the next page was the
  ** caller's default council's). */
  zPath = page_link(r, zPath);
  const char *zCouncil = request_query(r, "council");
  if (zCouncil) {
    zQuery = arena_printf(pArena, "%s&council=%s", zQuery ? zQuery : "",
                          html_url_arg(pArena, zCouncil));
  }
  const char *zLink = "";
  if (p->nOffset + p->nLimit < p->nTotal) {
    zLink =
        arena_printf(pArena, "<%s?limit=%d&offset=%lld%s>; rel=\"next\"", zPath,
                     p->nLimit, (long long)(p->nOffset + p->nLimit), zQuery);
  }
  if (p->nOffset > 0) {
    int64_t nPrev = p->nOffset > p->nLimit ? p->nOffset - p->nLimit : 0;
    /* From past the end, back to the last page that has rows (the one
    ** before an empty page is empty too). */
    int64_t nLastStart = (list_page_last(p) - 1) * p->nLimit;
    if (nPrev > nLastStart) nPrev = nLastStart;
    zLink = arena_printf(
        pArena, "%s%s<%s?limit=%d&offset=%lld%s>; rel=\"prev\"", zLink,
        *zLink ? ", " : "", zPath, p->nLimit, (long long)nPrev, zQuery);
  }
  if (*zLink) response_header(r, "Link", zLink);
}
