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
#include "render/table.h"
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

/* The form field zName as typed, "" when absent (re-showing a form). */
const char *people_field(Request *r, const char *zName);

/* Fills the nCol cells of one exported row from pRow (arena memory). */
typedef void (*PeopleExportRow)(Arena *pArena, const void *pRow,
                                const char **azCell);
/* A download of a list: CSV, or XLSX when the path ends in ".xlsx". */
typedef struct PeopleExport {
  const char *zTitle;          /* The sheet's title */
  const char *const *azHeader; /* Its nCol columns */
  int nCol;
  PeopleExportRow xRow;
  const char *zFile; /* The download's name without its extension */
} PeopleExport;
/* Sends nRow rows of aRow (nElem bytes each) as pExp says. */
void people_send_export(Request *r, const PeopleExport *pExp, const void *aRow,
                        size_t nElem, int nRow);

/* An officer's list of people or places (members, organizations, the
** directory): its page and its export, the same filters for both. What
** differs between them: */
typedef struct PeopleList {
  const char *zTitle;         /* Heading and title */
  const char *zNav;           /* The shell's menu entry */
  const char *zBase;          /* "/admin/organizaciones": the list, its filters'
                              ** action, zBase/zNew, zBase/importar, the exports */
  const char *zNew;           /* "nueva" */
  const char *zIntro;         /* A paragraph under the heading, or NULL */
  int bImport;                /* Offers "Importar CSV" */
  const PeopleChoices *pRole; /* The role/kind filter, or NULL */
  const char *zRoleParam;     /* Its parameter, "rol" or "tipo" */
  const char *zRoleLabel;
  const PeopleChoices *pStatus; /* The status filter, or NULL */
  /* The council's records that pFilter lets through: DB_OK or DB_ERROR. */
  int (*xRows)(Request *r, int64_t iCouncil, const PeopleFilter *pFilter,
               void *ppRow, int *pnRow);
  size_t nRow;                 /* sizeof one record */
  const char *zOne, *zMany;    /* The caption: "1 registro", "N registros" */
  const char *const *azHeader; /* The table's columns */
  int nHeader;
  /* The cells of one row, table_cell() for each of the nHeader columns. */
  void (*xRow)(HtmlTable *t, Request *r, const void *pRow);
  /* Optional: what goes between the filter bar and the table. */
  void (*xAbove)(Html *h, Request *r, int64_t iCouncil);
  PeopleExport exp; /* zBase.csv and zBase.xlsx */
} PeopleList;

/* GET zBase: the heading, the intro, the buttons, the filter bar, the
** export links and the table of the records the filters let through,
** LIST_PAGE_SIZE a page (?pagina=) with the pager (the downloads carry
** every record). */
void people_list_page(Request *r, const PeopleList *pList);
/* GET zBase.csv|.xlsx: the same records as a download. */
void people_list_export(Request *r, const PeopleList *pList);

/* A CSV import (members, organizations): its page and what it runs. */
typedef struct PeopleImport {
  const char *zTitle; /* "Importar organizaciones" */
  const char *zNav;   /* The shell's menu entry */
  const char *zBase;  /* "/admin/organizaciones": the list (back link);
                      ** the form posts to zBase/importar and the
                      ** template is zBase/plantilla.csv */
  const PeopleImportColumn *aCol; /* The columns, in template order */
  const int *pnCol;
  int (*xImport)(Db *pDb, Arena *pArena, int64_t iCouncil, const char *zCsv,
                 size_t nCsv, PeopleImportResult *pResult);
} PeopleImport;
/* GET: the explanation, the columns, the template link and the upload
** form; POST: the file (field "archivo", or the text field "texto")
** imported as a whole (200) or every bad row (422). */
void people_import_route(Request *r, const PeopleImport *pImport);
/* The template file of an import (bMembers: councillors), as zFilename. */
void people_template_route(Request *r, int bMembers, const char *zFilename);

/* The filters as query arguments, "&q=…&provincia=…" (percent-encoded),
** for the pager's links and the downloads. */
const char *people_filter_query(Arena *pArena, const PeopleFilter *pFilter);
/* Links to zBase.csv and zBase.xlsx carrying the current filters. */
void people_export_links(Html *h, Arena *pArena, const char *zBase,
                         const PeopleFilter *pFilter);

#endif
