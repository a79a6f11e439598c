/*
** Helpers the people stores share; not for pages.
*/
#ifndef COSOC_PEOPLE_INTERNAL_H
#define COSOC_PEOPLE_INTERNAL_H

#include "domain/people.h"
#include "store/council/council.h"
#include "store/people/people.h"

/* The field, trimmed, in pArena; "" when absent. */
const char *people_get(Arena *pArena, PeopleFieldGetter xGet, void *pCtx,
                       const char *zName);
/* A LIKE pattern for words typed in a search box: lower-case ASCII, '%'
** around, the LIKE wildcards escaped with '\'. "" when zQuery is blank. */
const char *people_like_pattern(Arena *pArena, const char *zQuery);
/* The code of the commune the form's "comuna" names (a code or a name),
** "" with a problem under "comuna" when there is none or it is unknown. */
const char *people_check_commune(Arena *pArena, const TerritoryIndex *pIdx,
                                 const char *zCommune, PeopleProblems *pP);
/* The e-mail as stored (lower case) after checking it; a blank e-mail is
** allowed unless bRequired. Problems go to zField. */
const char *people_check_email(Arena *pArena, const char *zEmail, int bRequired,
                               const char *zField, PeopleProblems *pProblems);
/* Binds a list query's filter in the order every list query uses:
** ?1 the council, then the search pattern nLike times, the province nProvince
** times, the commune twice, the role or kind twice, then zStatus twice
** unless bStatus is 0. Absent filters bind "" (the queries read "" as
** "any"); zStatus is bound as given. Returns the next parameter's index. */
int people_bind_filter(DbStmt *pStmt, Arena *pArena, int64_t iCouncil,
                       const PeopleFilter *pFilter, int nLike, int nProvince,
                       int bStatus, const char *zStatus);
/* A copy of column i, in pArena. */
#define people_col(pArena, pStmt, i) db_column_dup(pStmt, pArena, i)

/* A list query's rows: binds the filter (people_bind_filter), then the
** LIMIT and OFFSET of pFilter->pPage (every row when NULL) that the query
** ends with, and maps every row into *ppRow. The query selects
** `count(*) OVER ()` right after the map's columns: the page's total
** (read again from the first row when the page asked for lies past the
** end). */
int people_list_rows(Db *pDb, const char *zSql, Arena *pArena, int64_t iCouncil,
                     const PeopleFilter *pFilter, int nLike, int nProvince,
                     int bStatus, const char *zStatus, const DbMap *pMap,
                     void *ppRow, int *pnRow);
/* The page's rows of a statement with every parameter bound but its last
** two, LIMIT and OFFSET (pPage's; every row when NULL), whose column after
** the map's is `count(*) OVER ()`: maps them into *ppRow and sets
** pPage->nTotal. DB_DONE with nothing read when the page lies past the end
** and its total is not known: the caller asks again from the start. */
int people_page_rows(DbStmt *pStmt, int iParam, Arena *pArena,
                     const DbMap *pMap, ListPage *pPage, void *ppRow,
                     int *pnRow);

/* Saves a record of the council: when *piId is 0, zInsert with aArg then
** (updated_at, created_at, council_id), its id into *piId (RETURNING
** id); otherwise zUpdate with aArg then (updated_at, id, council_id), as
** in "... updated_at = ?, version = version + 1 WHERE id = ? AND
** council_id = ?". DB_OK or the failure. */
int people_save_args(Db *pDb, int64_t iCouncil, int64_t *piId,
                     const char *zInsert, const char *zUpdate,
                     const DbArg *aArg, int nArg);
#define people_save(pDb, iCouncil, piId, zInsert, zUpdate, ...) \
  people_save_args(pDb, iCouncil, piId, zInsert, zUpdate, DB_ARGS_(__VA_ARGS__))

/* A form field that names one of a list of choices (a kind, a status), by
** its slug or its label. */
typedef struct PeopleChoiceField {
  const char *zField;            /* The form's field */
  const PeopleChoices *pChoices; /* What it may name */
  const char *zDefault;          /* The slug when it is blank; NULL: required */
  const char *zMissing;          /* The problem when blank and required */
  const char *zUnknown;          /* The problem when it names no choice */
} PeopleChoiceField;
/* The slug the form's field pField names, or its default when blank; ""
** with the field's problem when it names no choice (or is blank and
** required). */
const char *people_check_choice(Arena *pArena, PeopleFieldGetter xGet,
                                void *pCtx, const PeopleChoiceField *pField,
                                PeopleProblems *pP);

#endif
