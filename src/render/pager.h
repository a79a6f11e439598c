/*
** The pager every paged list shows under its table: how many rows there
** are and which of them this page shows ("Mostrando 51–100 de 960"), and
** plain links to the first, previous, next and last pages that keep the
** list's filters (no JavaScript: a link is a GET of the same list).
*/
#ifndef COSOC_RENDER_PAGER_H
#define COSOC_RENDER_PAGER_H

#include "render/html.h"
#include "util/list_page.h"

/* Writes the pager of page p of the list at zPath. zQuery: the list's
** other query arguments, each "&name=value" already percent-encoded
** (html_url_arg), "" or NULL for none; the page goes in `pagina`. zOne,
** zMany: what the rows are, singular and plural ("actividad",
** "actividades"), so that one row reads as one. A page past the end says
** so and links to the last page (to the first when there are none). */
void pager_html(Html *h, const char *zPath, const char *zQuery,
                const ListPage *p, const char *zOne, const char *zMany);

#endif
