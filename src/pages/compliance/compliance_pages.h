/*
** Shared by the compliance pages (compliance.c: the API and the
** dashboard; compliance_report.c: the report downloads).
*/
#ifndef COSOC_PAGES_COMPLIANCE_PAGES_H
#define COSOC_PAGES_COMPLIANCE_PAGES_H

#include "domain/compliance.h"
#include "http/request.h"
#include "store/compliance/compliance_view.h"

/* The compliance view of the request's council (page_council) as on zAsOf
** (NULL or "": today), as an HTTP status: 0 (done), 400 with *pzErr (bad
** as_of), 404 with *pzErr (no approved plan) or 500. */
int compliance_page_view(Request *r, const char *zAsOf, ComplianceView *pView,
                         const char **pzErr);

#endif
