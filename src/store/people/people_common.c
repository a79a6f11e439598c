/*
** Helpers the people stores share (see people_internal.h).
*/
#include <ctype.h>
#include <string.h>

#include "domain/email.h"
#include "domain/people.h"
#include "store/people/people_internal.h"

const char *people_get(Arena *pArena, PeopleFieldGetter xGet, void *pCtx,
                       const char *zName) {
  const char *z = xGet(pCtx, zName);
  if (!z) return "";
  while (isspace((unsigned char)*z)) z++;
  size_t n = strlen(z);
  while (n > 0 && isspace((unsigned char)z[n - 1])) n--;
  return arena_strndup(pArena, z, n);
}

int people_bind_filter(DbStmt *pStmt, Arena *pArena, int64_t iCouncil,
                       const PeopleFilter *pFilter, int nLike, int nProvince,
                       int bStatus, const char *zStatus) {
  const char *zLike = people_like_pattern(pArena, pFilter->zQuery);
  const char *zProv = pFilter->zProvince ? pFilter->zProvince : "";
  const char *zCom = pFilter->zCommune ? pFilter->zCommune : "";
  const char *zRole = pFilter->zRole ? pFilter->zRole : "";
  int i = 1;
  db_bind_int64(pStmt, i++, iCouncil);
  for (int k = 0; k < nLike; k++) db_bind_text(pStmt, i++, zLike);
  for (int k = 0; k < nProvince; k++) db_bind_text(pStmt, i++, zProv);
  db_bind_text(pStmt, i++, zCom);
  db_bind_text(pStmt, i++, zCom);
  db_bind_text(pStmt, i++, zRole);
  db_bind_text(pStmt, i++, zRole);
  if (bStatus) {
    db_bind_text(pStmt, i++, zStatus);
    db_bind_text(pStmt, i++, zStatus);
  }
  return i;
}

const char *people_like_pattern(Arena *pArena, const char *zQuery) {
  if (people_blank(zQuery)) return "";
  Buf b;
  buf_init(&b, pArena);
  buf_putc(&b, '%');
  while (isspace((unsigned char)*zQuery)) zQuery++;
  size_t n = strlen(zQuery);
  while (n > 0 && isspace((unsigned char)zQuery[n - 1])) n--;
  for (size_t i = 0; i < n && i < 100; i++) {
    char c = zQuery[i];
    if (c == '%' || c == '_' || c == '\\') buf_putc(&b, '\\');
    buf_putc(&b, (char)tolower((unsigned char)c));
  }
  buf_putc(&b, '%');
  return buf_str(&b);
}

const char *people_check_email(Arena *pArena, const char *zEmail, int bRequired,
                               const char *zField, PeopleProblems *pProblems) {
  if (people_blank(zEmail)) {
    if (bRequired) {
      problem_add(pProblems, zField, "Escriba el correo electrónico.");
    }
    return "";
  }
  const char *zProblem = email_problem(zEmail);
  if (zProblem) {
    problem_add(pProblems, zField, zProblem);
    return "";
  }
  return email_normalize(pArena, zEmail);
}

const char *people_check_commune(Arena *pArena, const TerritoryIndex *pIdx,
                                 const char *zCommune, PeopleProblems *pP) {
  const TerritoryCommune *pCommune = territory_index_resolve(pIdx, zCommune);
  if (pCommune) return pCommune->zCode;
  problem_add(
      pP, "comuna",
      zCommune[0]
          ? arena_printf(pArena, "La comuna «%s» no existe en Chile.", zCommune)
          : "Elija la comuna.");
  return "";
}

int people_page_rows(DbStmt *pStmt, int iParam, Arena *pArena,
                     const DbMap *pMap, ListPage *pPage, void *ppRow,
                     int *pnRow) {
  ListPage all = {0};
  if (!pPage) pPage = &all;
  db_bind_int64(pStmt, iParam, list_page_sql_limit(pPage));
  db_bind_int64(pStmt, iParam + 1, pPage->nOffset);
  /* The count follows the mapped columns ('-' skips one too). */
  int iCount = (int)strlen(pMap->zTypes);
  char *a = NULL;
  int n = 0, nAlloc = 0, rc = pStmt ? DB_DONE : DB_ERROR;
  int64_t nTotal = -1;
  while (pStmt && (rc = db_step(pStmt)) == DB_ROW) {
    a = arena_grow(pArena, a, n, &nAlloc, pMap->nRow);
    db_map_row(pStmt, pArena, pMap, a + (size_t)n * pMap->nRow);
    nTotal = db_column_int64(pStmt, iCount);
    n++;
  }
  if (db_end(pStmt, rc) != DB_OK) return DB_ERROR;
  void *pOut = a;
  memcpy(ppRow, &pOut, sizeof(pOut));
  *pnRow = n;
  if (!list_page_total_known(pPage, n)) {
    if (nTotal < 0) return DB_DONE; /* Past the end */
    pPage->nTotal = nTotal;
  }
  return DB_OK;
}

int people_list_rows(Db *pDb, const char *zSql, Arena *pArena, int64_t iCouncil,
                     const PeopleFilter *pFilter, int nLike, int nProvince,
                     int bStatus, const char *zStatus, const DbMap *pMap,
                     void *ppRow, int *pnRow) {
  DbStmt *pStmt = db_prepare(pDb, zSql);
  int i = pStmt ? people_bind_filter(pStmt, pArena, iCouncil, pFilter, nLike,
                                     nProvince, bStatus, zStatus)
                : 1;
  int rc =
      people_page_rows(pStmt, i, pArena, pMap, pFilter->pPage, ppRow, pnRow);
  if (rc != DB_DONE) return rc;
  /* Past the end: the first row of the list tells how many there are. */
  ListPage first = {.nLimit = 1};
  void *pFirst = NULL;
  int nFirst = 0;
  pStmt = db_prepare(pDb, zSql);
  i = pStmt ? people_bind_filter(pStmt, pArena, iCouncil, pFilter, nLike,
                                 nProvince, bStatus, zStatus)
            : 1;
  rc = people_page_rows(pStmt, i, pArena, pMap, &first, &pFirst, &nFirst);
  pFilter->pPage->nTotal = first.nTotal;
  return rc == DB_OK ? DB_OK : DB_ERROR;
}

#define PEOPLE_SAVE_ARGS_MAX 32

int people_save_args(Db *pDb, int64_t iCouncil, int64_t *piId,
                     const char *zInsert, const char *zUpdate,
                     const DbArg *aArg, int nArg) {
  DbArg a[PEOPLE_SAVE_ARGS_MAX + 3];
  if (nArg > PEOPLE_SAVE_ARGS_MAX) return DB_ERROR;
  memcpy(a, aArg, sizeof(DbArg) * (size_t)nArg);
  int64_t iNow = db_now();
  a[nArg] = DB_I(iNow);
  a[nArg + 1] = DB_I(*piId ? *piId : iNow);
  a[nArg + 2] = DB_I(iCouncil);
  return *piId ? db_exec_args(pDb, zUpdate, a, nArg + 3)
               : db_exec_id_args(pDb, zInsert, piId, a, nArg + 3);
}

const char *people_check_choice(Arena *pArena, PeopleFieldGetter xGet,
                                void *pCtx, const PeopleChoiceField *pField,
                                PeopleProblems *pP) {
  const char *z = people_get(pArena, xGet, pCtx, pField->zField);
  if (!z[0] && pField->zDefault) return pField->zDefault;
  const char *zSlug = people_slug_from_input(pField->pChoices, z);
  if (zSlug) return zSlug;
  problem_add(pP, pField->zField, z[0] ? pField->zUnknown : pField->zMissing);
  return "";
}
