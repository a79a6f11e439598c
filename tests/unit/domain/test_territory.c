/*
** Chile's territory as migration 0002 ships it: the counts, the Coquimbo
** region exactly as the council's plan needs it, and the matching of
** names as people write them. Also the people vocabulary's input rules.
*/
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/db.h"
#include "domain/people.h"
#include "domain/territory.h"
#include "store/people/people.h"

static char g_zDir[64];
static Db *g_pDb;
static Arena *g_pArena;
static TerritoryIndex g_idx;

static int setup(void **state) {
  (void)state;
  char zPath[128], zErr[256];
  snprintf(g_zDir, sizeof(g_zDir), "/tmp/cosoc-test-XXXXXX");
  if (!mkdtemp(g_zDir)) return -1;
  snprintf(zPath, sizeof(zPath), "%s/t.db", g_zDir);
  if (db_open(zPath, &g_pDb, zErr, sizeof(zErr)) != DB_OK) return -1;
  if (db_migrate(g_pDb, NULL, zErr, sizeof(zErr)) != DB_OK) return -1;
  g_pArena = arena_new();
  return territory_index_load(g_pDb, g_pArena, &g_idx) == DB_OK ? 0 : -1;
}

static int teardown(void **state) {
  (void)state;
  char zCmd[200];
  db_close(g_pDb);
  arena_free(g_pArena);
  snprintf(zCmd, sizeof(zCmd), "rm -rf %s", g_zDir);
  return system(zCmd) == 0 ? 0 : -1;
}

static void territory_has_16_regions_56_provinces_346_communes(void **state) {
  (void)state;
  assert_int_equal(
      db_query_int64(g_pDb, "SELECT count(*) FROM territory_regions", 0),
      TERRITORY_REGIONS);
  assert_int_equal(
      db_query_int64(g_pDb, "SELECT count(*) FROM territory_provinces", 0),
      TERRITORY_PROVINCES);
  assert_int_equal(
      db_query_int64(g_pDb, "SELECT count(*) FROM territory_communes", 0),
      TERRITORY_COMMUNES);
  assert_int_equal(g_idx.nCommune, TERRITORY_COMMUNES);
  /* Every code nests in its parent's code. */
  for (int i = 0; i < g_idx.nCommune; i++) {
    const TerritoryCommune *c = &g_idx.aCommune[i];
    assert_true(territory_is_commune_code(c->zCode));
    assert_memory_equal(c->zCode, c->zProvinceCode, 3);
    assert_memory_equal(c->zCode, c->zRegionCode, 2);
  }
}

typedef struct CommuneCase {
  const char *zCode;
  const char *zName;
  const char *zProvince;
} CommuneCase;

static const CommuneCase aCoquimbo[] = {
    {"04101", "La Serena", "Elqui"},     {"04102", "Coquimbo", "Elqui"},
    {"04103", "Andacollo", "Elqui"},     {"04104", "La Higuera", "Elqui"},
    {"04105", "Paiguano", "Elqui"},      {"04106", "Vicuña", "Elqui"},
    {"04201", "Illapel", "Choapa"},      {"04202", "Canela", "Choapa"},
    {"04203", "Los Vilos", "Choapa"},    {"04204", "Salamanca", "Choapa"},
    {"04301", "Ovalle", "Limarí"},       {"04302", "Combarbalá", "Limarí"},
    {"04303", "Monte Patria", "Limarí"}, {"04304", "Punitaqui", "Limarí"},
    {"04305", "Río Hurtado", "Limarí"},
};

static void coquimbo_region_has_its_15_communes_with_official_codes(
    void **state) {
  (void)state;
  int n = 0;
  for (int i = 0; i < g_idx.nCommune; i++) {
    if (strcmp(g_idx.aCommune[i].zRegionCode, "04") == 0) n++;
  }
  assert_int_equal(n, 15);
  for (size_t i = 0; i < sizeof(aCoquimbo) / sizeof(aCoquimbo[0]); i++) {
    const TerritoryCommune *c =
        territory_index_code(&g_idx, aCoquimbo[i].zCode);
    assert_non_null(c);
    assert_string_equal(c->zName, aCoquimbo[i].zName);
    assert_string_equal(c->zProvinceName, aCoquimbo[i].zProvince);
    assert_string_equal(c->zRegionName, "Coquimbo");
  }
}

static void nuble_is_region_16_with_3_provinces_and_21_communes(void **state) {
  (void)state;
  int nCommune = 0, nProvince = 0;
  const char *zLast = "";
  for (int i = 0; i < g_idx.nCommune; i++) {
    const TerritoryCommune *c = &g_idx.aCommune[i];
    if (strcmp(c->zRegionCode, "16") != 0) continue;
    nCommune++;
    if (strcmp(c->zProvinceCode, zLast) != 0)
      nProvince++, zLast = c->zProvinceCode;
  }
  assert_int_equal(nCommune, 21);
  assert_int_equal(nProvince, 3);
  assert_string_equal(territory_index_code(&g_idx, "16101")->zName, "Chillán");
}

typedef struct ResolveCase {
  const char *zInput;
  const char *zCode; /* NULL: no match */
} ResolveCase;

static const ResolveCase aResolve[] = {
    {"Paihuano", "04105"},    {"PAIGUANO", "04105"},
    {"vicuna", "04106"},      {"  Vicuña ", "04106"},
    {"rio hurtado", "04305"}, {"Río  Hurtado", "04305"},
    {"04101", "04101"},       {"4101", "04101"},
    {"Til Til", "13303"},     {"Tiltil", "13303"},
    {"Llay-Llay", "05703"},   {"Ñuñoa", "13120"},
    {"nunoa", "13120"},       {"O'Higgins", "11302"},
    {"Calera", "05502"},      {"Coyhaique", "11101"},
    {"Coihaique", "11101"},   {"Aisén", "11201"},
    {"Gotham", NULL},         {"", NULL},
    {"99999", NULL},          {"041", NULL},
};

static void communes_resolve_from_names_codes_and_alternative_spellings(
    void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof(aResolve) / sizeof(aResolve[0]); i++) {
    const TerritoryCommune *c =
        territory_index_resolve(&g_idx, aResolve[i].zInput);
    if (!aResolve[i].zCode) {
      if (c) fail_msg("«%s» matched %s", aResolve[i].zInput, c->zCode);
      continue;
    }
    if (!c) fail_msg("«%s» did not match", aResolve[i].zInput);
    assert_string_equal(c->zCode, aResolve[i].zCode);
  }
}

static void every_alias_points_at_an_existing_commune(void **state) {
  (void)state;
  const char *azAlias[] = {
      "paihuano",  "til til",  "llay llay", "calera",       "puerto natales",
      "coihaique", "aisen",    "chol chol", "alto bio bio", "trehuaco",
      "marchigue", "rapa nui", "navarino",  "caleta tortel"};
  for (size_t i = 0; i < sizeof(azAlias) / sizeof(azAlias[0]); i++) {
    const char *zCode = territory_alias_code(azAlias[i]);
    assert_non_null(zCode);
    assert_non_null(territory_index_code(&g_idx, zCode));
  }
}

static void spreadsheet_words_map_to_vocabulary_slugs(void **state) {
  (void)state;
  assert_string_equal(
      people_slug_from_input(&people_org_kinds, "Junta de Vecinos"),
      "junta_vecinos");
  assert_string_equal(
      people_slug_from_input(&people_org_kinds, "comité de vivienda"),
      "comite_vivienda");
  assert_string_equal(people_slug_from_input(&people_org_kinds, "ONG"), "ong");
  assert_string_equal(
      people_slug_from_input(&people_council_roles, "Presidenta"),
      "presidente");
  assert_string_equal(
      people_slug_from_input(&people_council_roles, "Secretario/a"),
      "secretario");
  assert_string_equal(
      people_slug_from_input(&people_member_statuses, "Renunció"), "renuncio");
  assert_string_equal(
      people_slug_from_input(&people_member_statuses, "reemplazada"),
      "reemplazado");
  assert_null(people_slug_from_input(&people_council_roles, "tesorero"));
  assert_null(people_slug_from_input(&people_org_kinds, ""));
}

static void dates_and_phones_are_checked(void **state) {
  (void)state;
  assert_null(people_date_problem("2024-02-29"));
  assert_non_null(people_date_problem("2023-02-29"));
  assert_non_null(people_date_problem("01-03-2024"));
  assert_non_null(people_date_problem(""));
  char zEnd[11];
  people_date_add_years("2024-02-29", 4, zEnd);
  assert_string_equal(zEnd, "2028-02-29");
  people_date_add_years("2024-02-29", 1, zEnd);
  assert_string_equal(zEnd, "2025-02-28");
  assert_null(people_phone_problem("+56 9 1234 5678"));
  assert_null(people_phone_problem("(51) 234-5678"));
  assert_non_null(people_phone_problem("1234"));
  assert_non_null(people_phone_problem("llamar al 912345678"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(territory_has_16_regions_56_provinces_346_communes),
      cmocka_unit_test(coquimbo_region_has_its_15_communes_with_official_codes),
      cmocka_unit_test(nuble_is_region_16_with_3_provinces_and_21_communes),
      cmocka_unit_test(
          communes_resolve_from_names_codes_and_alternative_spellings),
      cmocka_unit_test(every_alias_points_at_an_existing_commune),
      cmocka_unit_test(spreadsheet_words_map_to_vocabulary_slugs),
      cmocka_unit_test(dates_and_phones_are_checked),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
