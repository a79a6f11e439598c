/*
** What the pages hand the HTTP server (cmd_serve puts them in its
** ServerConfig): the route table, the error page and the upload limit. The
** server calls them; it includes nothing of src/pages/.
*/
#ifndef COSOC_PAGES_ROUTES_H
#define COSOC_PAGES_ROUTES_H

#include <stddef.h>

#include "db/db.h"
#include "http/router.h"

/* Every URL cosoc answers (routes.c). */
extern const Route routes_table[];
extern const int routes_count;

/* The largest upload body, as set (for ROUTE_BODY_SETTING routes). */
size_t routes_upload_body_max(Request *r);
/* Before a handler: the request's council as the scope hook resolved it
** (page_council), set on the connection after the actor (which clears it)
** so that the audit log files the writes of rows without a council of
** their own (attendance, plan lines…) under it. */
void routes_before_write(Request *r);

/* The Spanish error page for iStatus, or the JSON error on API paths
** (errors.c); zMessage replaces the default explanation when not NULL. */
void page_error_render(Request *r, int iStatus, const char *zMessage);

#endif
