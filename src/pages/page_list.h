/*
** Paged lists on the API: the `?limit=&offset=` every list endpoint takes
** and the headers that tell the total and the pages beside. The body stays
** the JSON array the contract names (no key renamed, no envelope added):
** the total is `X-Total-Count`, the pages beside a `Link` header with
** rel="next" and rel="prev" (RFC 8288), as API clients expect.
*/
#ifndef COSOC_PAGES_PAGE_LIST_H
#define COSOC_PAGES_PAGE_LIST_H

#include "http/request.h"
#include "util/list_page.h"

/* *p from the request's ?limit= and ?offset= (no limit: every row): 1, or
** 0 once it has answered 400 naming the bad one. */
int page_list_from_api(Request *r, ListPage *p);

/* X-Total-Count for page p and, when it is a page (a limit was given), a
** Link to the pages beside at zPath with the list's other arguments zQuery
** ("&name=value…", percent-encoded; "" for none). The request's council
** goes with them: its /c/SLUG/ prefix and its ?council=. */
void page_list_headers(Request *r, const ListPage *p, const char *zPath,
                       const char *zQuery);

#endif
