/*
** Plan storage: a saved plan loads back field for field; saving the same
** content again writes nothing; a change is a new version with its author
** and reason; only approved versions are public; an import with no council
** makes one named after the document.
*/
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/accounts/accounts.h"
#include "domain/plan_import.h"
#include "plan_context_fixture.h"
#include "store/plan/plan_store.h"
#include "test_db_target.h"

#define SEED       \
  COSOC_SOURCE_DIR \
  "/data/seeds/plan-anual-cosoc-minvu-serviu-coquimbo-2024-2025.txt"

static int setup(void **state) {
  if (test_dir_setup(state) != 0) return -1;
  return accounts_init();
}

static Db *open_fresh(void) { return test_db_open(test_db_path(), 1); }

static void parse_seed(Arena *pArena, PlanDoc *pDoc) {
  FILE *f = fopen(SEED, "rb");
  assert_non_null(f);
  char *z = arena_alloc(pArena, 1 << 20);
  size_t n = fread(z, 1, (1 << 20) - 1, f);
  fclose(f);
  const char *zErr = NULL;
  PlanContext ctx;
  fixture_plan_context(pArena, &ctx, "04", NULL);
  assert_int_equal(plan_import_parse(pArena, z, n, &ctx, pDoc, &zErr),
                   PLAN_IMPORT_OK);
}

static int64_t count(Db *pDb, const char *zSql) {
  return db_query_int64(pDb, zSql, -1);
}

static void a_saved_plan_loads_back_the_same(void **state) {
  (void)state;
  Db *pDb = open_fresh();
  Arena *pArena = arena_new();
  PlanDoc doc, back;
  parse_seed(pArena, &doc);
  int64_t iCouncil = 0;
  int iNumber = 0, nChanges = -1;
  const char *zErr = NULL;
  assert_int_equal(
      plan_store_import(pDb, pArena, 0, &doc, "primera", 0, "prueba", &iCouncil,
                        &iNumber, &nChanges, &zErr),
      PLAN_SAVED);
  assert_int_equal(iNumber, 1);
  assert_int_equal(count(pDb, "SELECT count(*) FROM councils"), 1);
  PlanVersionInfo info;
  assert_int_equal(plan_store_load(pDb, pArena, iCouncil, 0, 0, &back, &info),
                   DB_OK);
  assert_string_equal(plan_doc_canonical(pArena, &back),
                      plan_doc_canonical(pArena, &doc));
  assert_int_equal(info.iNumber, 1);
  assert_string_equal(info.zReason, "primera");
  assert_string_equal(info.zSource, "importacion");
  assert_false(info.bApproved);
  /* Not approved: not public. */
  assert_int_equal(plan_store_load(pDb, pArena, iCouncil, 0, 1, &back, NULL),
                   DB_DONE);
  arena_free(pArena);
  db_close(pDb);
}

static void saving_the_same_content_twice_writes_nothing(void **state) {
  (void)state;
  Db *pDb = open_fresh();
  Arena *pArena = arena_new();
  PlanDoc doc;
  parse_seed(pArena, &doc);
  int64_t iCouncil = 0;
  int iNumber = 0, nChanges = 0;
  const char *zErr = NULL;
  assert_int_equal(plan_store_import(pDb, pArena, 0, &doc, "a", 0, "prueba",
                                     &iCouncil, &iNumber, &nChanges, &zErr),
                   PLAN_SAVED);
  int64_t nRows = count(pDb, "SELECT count(*) FROM plan_lines");
  assert_int_equal(plan_store_save(pDb, pArena, iCouncil, &doc, "edicion", "b",
                                   0, "prueba", &iNumber, &nChanges),
                   PLAN_UNCHANGED);
  assert_int_equal(iNumber, 1);
  assert_int_equal(count(pDb, "SELECT count(*) FROM plan_versions"), 1);
  assert_int_equal(count(pDb, "SELECT count(*) FROM plan_lines"), nRows);
  arena_free(pArena);
  db_close(pDb);
}

static void a_change_is_a_new_version_and_approval_makes_it_public(
    void **state) {
  (void)state;
  Db *pDb = open_fresh();
  Arena *pArena = arena_new();
  PlanDoc doc;
  parse_seed(pArena, &doc);
  int64_t iCouncil = 0;
  int iNumber = 0, nChanges = 0;
  const char *zErr = NULL;
  plan_store_import(pDb, pArena, 0, &doc, "a", 0, "prueba", &iCouncil, &iNumber,
                    &nChanges, &zErr);
  assert_int_equal(plan_store_approve(pDb, iCouncil, 1, 0), DB_OK);
  PlanDoc *pEdit = plan_doc_copy(pArena, &doc);
  pEdit->aLine[3].target.nCount = 6;
  assert_int_equal(
      plan_store_save(pDb, pArena, iCouncil, pEdit, "edicion", "seis sesiones",
                      0, "Encargada", &iNumber, &nChanges),
      PLAN_SAVED);
  assert_int_equal(iNumber, 2);
  assert_int_equal(nChanges, 1);
  PlanDoc pub;
  PlanVersionInfo info;
  assert_int_equal(plan_store_load(pDb, pArena, iCouncil, 0, 1, &pub, &info),
                   DB_OK);
  assert_int_equal(info.iNumber, 1);
  assert_int_equal(pub.aLine[3].target.nCount, 5);
  assert_int_equal(plan_store_approve(pDb, iCouncil, 2, 0), DB_OK);
  assert_int_equal(plan_store_load(pDb, pArena, iCouncil, 0, 1, &pub, &info),
                   DB_OK);
  assert_int_equal(info.iNumber, 2);
  assert_int_equal(pub.aLine[3].target.nCount, 6);
  assert_int_equal(plan_store_approve(pDb, iCouncil, 9, 0), DB_DONE);
  PlanVersionInfo *aInfo = NULL;
  int nInfo = 0;
  assert_int_equal(plan_store_versions(pDb, pArena, iCouncil, &aInfo, &nInfo),
                   DB_OK);
  assert_int_equal(nInfo, 2);
  assert_int_equal(aInfo[0].iNumber, 2);
  assert_string_equal(aInfo[0].zReason, "seis sesiones");
  assert_string_equal(aInfo[0].zAuthor, "Encargada");
  arena_free(pArena);
  db_close(pDb);
}

static void import_refuses_an_unknown_council_and_writes_nothing(void **state) {
  (void)state;
  Db *pDb = open_fresh();
  Arena *pArena = arena_new();
  PlanDoc doc;
  parse_seed(pArena, &doc);
  int64_t iCouncil = 0;
  int iNumber = 0, nChanges = 0;
  const char *zErr = NULL;
  assert_int_equal(plan_store_import(pDb, pArena, 42, &doc, "a", 0, "prueba",
                                     &iCouncil, &iNumber, &nChanges, &zErr),
                   DB_ERROR);
  assert_non_null(strstr(zErr, "no existe el consejo 42"));
  assert_int_equal(count(pDb, "SELECT count(*) FROM councils"), 0);
  assert_int_equal(count(pDb, "SELECT count(*) FROM plan_versions"), 0);
  arena_free(pArena);
  db_close(pDb);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(a_saved_plan_loads_back_the_same),
      cmocka_unit_test(saving_the_same_content_twice_writes_nothing),
      cmocka_unit_test(a_change_is_a_new_version_and_approval_makes_it_public),
      cmocka_unit_test(import_refuses_an_unknown_council_and_writes_nothing),
  };
  return cmocka_run_group_tests(tests, setup, test_dir_teardown);
}
