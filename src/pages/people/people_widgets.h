/*
** What the people pages (members.c, organizations.c, directory.c) share:
** reading filters from the query string, the filter bar, selects built
** from the vocabulary and the territory, the import page, and the bridge
** from the store's problems to the form's errors.
*/
#ifndef COSOC_PAGES_PEOPLE_WIDGETS_H
#define COSOC_PAGES_PEOPLE_WIDGETS_H

#include "db/record_stamp.h"
#include "domain/people.h"
#include "export/export.h"
#include "pages/conflict.h"
#include "pages/page.h"
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

/* The id in path segment i when it is a positive number, else 0. */
int64_t people_path_id(Request *r, int i);

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

/* A council must exist before people can be recorded: answers 409 with an
** explanation and returns 0 when there is none. */
int64_t people_require_council(Request *r);

/* The edit form of a record: xEdit(r, iCouncil, iId) runs for the council,
** with iId 0 for a new record (bNew) or the id in the path's first segment
** (404 when it is not a positive number). One shape for every "nuevo" and
** "/ID" page of members, organizations and the directory. */
typedef void (*PeopleEditPage)(Request *r, int64_t iCouncil, int64_t iId);
void people_edit_route(Request *r, int bNew, PeopleEditPage xEdit);

/* Versioned saves of the edit forms, so that no edit silently overwrites
** another: the form carries the version it was drawn from ("version"),
** the save runs in a transaction that first checks it (record_stamp_claim)
** and the conflict page (conflict.h) answers when it changed meanwhile.
**
** The hidden "version" field of record iId (nothing for a new record):
** iBase when not 0 (a form re-shown after a 422 keeps the version it was
** drawn from), otherwise the stored version. */
void people_version_field(Html *h, Request *r, RecordKind eKind, int64_t iId,
                          int iBase);
/* The version the posted form was drawn from, 0 when it has none. */
int people_posted_version(Request *r);
/* Opens the save: DB_OK inside a transaction where record iId is still at
** the posted version (and marked as saved by the user), DB_BUSY when it
** changed meanwhile, DB_ERROR. iId 0 (a new record): just the transaction.
** Always close it with people_save_end(). */
int people_save_begin(Request *r, RecordKind eKind, int64_t iId);
/* Closes it: commits when rc is DB_OK (marking a new record iNewId as the
** user's), otherwise rolls back; returns the outcome. */
int people_save_end(Request *r, RecordKind eKind, int64_t iNewId, int bNew,
                    int rc);
/* Opens the conflict page's comparison against the stored record (zOf:
** "de la organización"). */
void people_conflict_begin(Html *h, Request *r, RecordKind eKind, int64_t iId,
                           const char *zOf);

#endif
