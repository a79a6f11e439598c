/*
** What the people pages (members.c, organizations.c, directory.c) share:
** reading filters from the query string, the filter bar, selects built
** from the vocabulary and the territory, the import page, and the bridge
** from the store's problems to the form's errors. Their edit pages are
** record pages (record_page.h).
*/
#ifndef COSOC_PAGES_PEOPLE_WIDGETS_H
#define COSOC_PAGES_PEOPLE_WIDGETS_H

#include "db/record_stamp.h"
#include "domain/people.h"
#include "export/export.h"
#include "pages/page.h"
#include "pages/record_page.h"
#include "store/council/council.h"
#include "store/people/people.h"

/* Reads q, provincia, comuna, rol (or tipo), estado from the query. */
void people_filter_from_request(Request *r, PeopleFilter *pFilter);

/* The filter bar: search, province, commune, a role/kind select (pRole may
** be NULL) named zRoleParam, a status select (pStatus may be NULL). */
void people_filter_form(Html *h, const PeopleFilter *pFilter,
                        const TerritoryIndex *pIdx, const char *zRegion,
                        const char *zAction, const PeopleChoices *pRole,
                        const char *zRoleParam, const char *zRoleLabel,
                        const PeopleChoices *pStatus);

/* A labelled select of choices; bEmpty adds a first "—" option. */
void people_choice_select(Html *h, const FormErrors *pErr, const char *zName,
                          const char *zLabel, const PeopleChoices *p,
                          const char *zSelected, int bEmpty);
/* A labelled select of every commune, grouped by province, the council's
** region first. zSelected is a commune code. */
void people_commune_select(Html *h, const FormErrors *pErr, const char *zName,
                           const char *zLabel, const TerritoryIndex *pIdx,
                           const char *zRegion, const char *zSelected,
                           int bEmpty);
/* The provinces as <option>s (council region first). */
void people_province_options(Html *h, const TerritoryIndex *pIdx,
                             const char *zRegion, const char *zSelected);

/* A PeopleFieldGetter over the request's form fields. */
const char *people_request_get(void *pRequest, const char *zName);
/* Copies store problems into form errors. */
void people_problems_to_form(const PeopleProblems *pP, FormErrors *pErr);

/* The form field zName as typed, "" when absent (re-showing a form). */
const char *people_field(Request *r, const char *zName);

/* The import page: explanation, column table, template link, the upload
** form, and (when pRes is not NULL) the result or every bad row. */
void people_import_page(Request *r, const char *zTitle, const char *zNav,
                        const char *zAction, const char *zTemplate,
                        const PeopleImportColumn *aCol, int nCol,
                        const char *zBackHref, const PeopleImportResult *pRes,
                        int iStatus);
/* The uploaded CSV: the file field "archivo", or the text field "texto".
** NULL when neither carries anything. */
const char *people_import_upload(Request *r, size_t *pnCsv);

/* Links to zBase.csv and zBase.xlsx carrying the current filters. */
void people_export_links(Html *h, Arena *pArena, const char *zBase,
                         const PeopleFilter *pFilter);

/* Sends pTable as CSV, or as XLSX when the path ends in ".xlsx", as a
** download named zBase plus the extension. */
void people_send_export(Request *r, const ExportTable *pTable,
                        const char *zBase);

#endif
