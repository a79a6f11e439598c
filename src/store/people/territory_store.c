/*
** The territory as stored by migration 0002, and what every people store
** shares: and the problem list.
*/
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "store/people/people.h"

/* Reads every commune into pIdx, allocating from pArena. */
static int territory_index_read(Db *pDb, Arena *pArena, TerritoryIndex *pIdx) {
  pIdx->aCommune =
      arena_alloc(pArena, sizeof(TerritoryCommune) * (TERRITORY_COMMUNES + 64));
  pIdx->nCommune = 0;
  DbStmt *pStmt = db_prepare(
      pDb,
      "SELECT c.code, c.name, p.code, p.name, r.code, r.name "
      "FROM territory_communes c "
      "JOIN territory_provinces p ON p.code = c.province_code "
      "JOIN territory_regions r ON r.code = p.region_code ORDER BY c.code");
  if (!pStmt) return DB_ERROR;
  int rc;
  while ((rc = db_step(pStmt)) == DB_ROW &&
         pIdx->nCommune < TERRITORY_COMMUNES + 64) {
    TerritoryCommune *p = &pIdx->aCommune[pIdx->nCommune++];
    p->zCode = arena_strdup(pArena, db_column_text(pStmt, 0));
    p->zName = arena_strdup(pArena, db_column_text(pStmt, 1));
    p->zProvinceCode = arena_strdup(pArena, db_column_text(pStmt, 2));
    p->zProvinceName = arena_strdup(pArena, db_column_text(pStmt, 3));
    p->zRegionCode = arena_strdup(pArena, db_column_text(pStmt, 4));
    p->zRegionName = arena_strdup(pArena, db_column_text(pStmt, 5));
    char zKey[TERRITORY_KEY_MAX];
    territory_fold(p->zName, zKey);
    p->zKey = arena_strdup(pArena, zKey);
  }
  db_done(pStmt);
  return rc == DB_ROW || rc == DB_DONE ? DB_OK : DB_ERROR;
}

/* The territory is written only by migration 0002 (no page or command
** changes it), so one copy serves every request of the process: reading
** and folding 346 communes took most of the dashboard's time. It lives in
** its own arena, never freed, and is never written after it is published. */
static struct {
  pthread_mutex_t mutex; /* Guards the first load */
  int bLoaded;           /* idx is complete and read-only from now on */
  TerritoryIndex idx;    /* Points into pArena */
  Arena *pArena;         /* Owns the strings; lives as long as the process */
} territory_cache = {.mutex = PTHREAD_MUTEX_INITIALIZER};

int territory_index_load(Db *pDb, Arena *pArena, TerritoryIndex *pIdx) {
  (void)pArena;
  pthread_mutex_lock(&territory_cache.mutex);
  int rc = DB_OK;
  if (!territory_cache.bLoaded) {
    if (!territory_cache.pArena) territory_cache.pArena = arena_new();
    rc = territory_index_read(pDb, territory_cache.pArena, &territory_cache.idx);
    /* An empty table is a database not yet migrated: try again next time. */
    territory_cache.bLoaded = rc == DB_OK && territory_cache.idx.nCommune > 0;
  }
  *pIdx = territory_cache.idx;
  pthread_mutex_unlock(&territory_cache.mutex);
  return rc;
}

const TerritoryCommune *territory_index_code(const TerritoryIndex *pIdx,
                                             const char *zCode) {
  for (int i = 0; zCode && i < pIdx->nCommune; i++) {
    if (strcmp(pIdx->aCommune[i].zCode, zCode) == 0) return &pIdx->aCommune[i];
  }
  return NULL;
}

const TerritoryCommune *territory_index_resolve(const TerritoryIndex *pIdx,
                                                const char *zInput) {
  if (!zInput) return NULL;
  while (isspace((unsigned char)*zInput)) zInput++;
  char zCode[8];
  size_t n = strlen(zInput);
  while (n > 0 && isspace((unsigned char)zInput[n - 1])) n--;
  /* Spreadsheets turn "04101" into the number 4101. */
  if ((n == 4 || n == 5) && strspn(zInput, "0123456789") >= n) {
    snprintf(zCode, sizeof(zCode), "%s%.*s", n == 4 ? "0" : "", (int)n, zInput);
    return territory_index_code(pIdx, zCode);
  }
  char zKey[TERRITORY_KEY_MAX];
  territory_fold(zInput, zKey);
  if (!zKey[0]) return NULL;
  for (int i = 0; i < pIdx->nCommune; i++) {
    if (strcmp(pIdx->aCommune[i].zKey, zKey) == 0) return &pIdx->aCommune[i];
  }
  return territory_index_code(pIdx, territory_alias_code(zKey));
}

const char *territory_region_name(Db *pDb, Arena *pArena, const char *zCode) {
  DbStmt *pStmt =
      db_prepare(pDb, "SELECT name FROM territory_regions WHERE code = ?");
  if (!pStmt) return NULL;
  db_bind_text(pStmt, 1, zCode);
  const char *zName = NULL;
  if (db_step(pStmt) == DB_ROW) {
    zName = arena_strdup(pArena, db_column_text(pStmt, 0));
  }
  db_done(pStmt);
  return zName;
}
