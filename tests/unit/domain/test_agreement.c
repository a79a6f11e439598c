/*
** Agreements: states and their moves, overdue as of a date, and the
** tracker's grouping by responsible.
*/
#include "support.h"

#include <string.h>

#include "domain/agreement.h"

#define PE AGREEMENT_PENDIENTE
#define EC AGREEMENT_EN_CURSO
#define CU AGREEMENT_CUMPLIDO
#define DE AGREEMENT_DESCARTADO

static void agreement_slugs_round_trip(void **state) {
  (void)state;
  const char *az[] = {"pendiente", "en_curso", "cumplido", "descartado"};
  const char *azLabel[] = {"Pendiente", "En curso", "Cumplido", "Descartado"};
  for (int i = 0; i < 4; i++) {
    AgreementState e = PE;
    assert_int_equal(agreement_state_parse(az[i], &e), 0);
    assert_int_equal(e, i);
    assert_string_equal(agreement_state_slug(e), az[i]);
    assert_string_equal(agreement_state_label(e), azLabel[i]);
  }
  AgreementState e = CU;
  assert_int_equal(agreement_state_parse("en curso", &e), -1);
  assert_int_equal(agreement_state_parse(NULL, &e), -1);
  assert_int_equal(e, CU);
}

static void agreement_transitions_allow_progress_and_reopening(void **state) {
  (void)state;
  /* aAllowed[from][to] */
  static const int aAllowed[4][4] = {
      {0, 1, 1, 1},
      {1, 0, 1, 1},
      {0, 1, 0, 0},
      {1, 0, 0, 0},
  };
  for (int f = 0; f < 4; f++) {
    for (int t = 0; t < 4; t++) {
      const char *zWhy = NULL;
      int rc = agreement_transition_check((AgreementState)f, (AgreementState)t,
                                          &zWhy);
      if ((rc == AGREEMENT_OK) != aAllowed[f][t]) {
        fail_msg("%s -> %s: rc %d", agreement_state_slug((AgreementState)f),
                 agreement_state_slug((AgreementState)t), rc);
      }
      if (rc != AGREEMENT_OK) assert_non_null(zWhy);
    }
  }
}

typedef struct OverdueCase {
  AgreementState e;
  const char *zDue, *zAsOf;
  int bOverdue;
} OverdueCase;

static const OverdueCase aOverdue[] = {
    {PE, "2025-03-31", "2025-04-01", 1},
    {EC, "2024-12-31", "2025-01-01", 1},
    {PE, "2025-04-01", "2025-04-01", 0}, /* Due today: not yet */
    {PE, "2025-04-02", "2025-04-01", 0},
    {CU, "2025-01-01", "2025-04-01", 0},
    {DE, "2025-01-01", "2025-04-01", 0},
    {PE, NULL, "2025-04-01", 0},
    {PE, "", "2025-04-01", 0},
    {PE, "2025-02-30", "2025-04-01", 0}, /* Not a date */
    {PE, "31-03-2025", "2025-04-01", 0},
    {PE, "2024-02-29", "2025-04-01", 1}, /* Leap day */
    {PE, "2023-02-29", "2025-04-01", 0},
};

static void overdue_means_open_and_past_its_due_date(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof(aOverdue) / sizeof(aOverdue[0]); i++) {
    const OverdueCase *c = &aOverdue[i];
    if (agreement_is_overdue(c->e, c->zDue, c->zAsOf) != c->bOverdue) {
      fail_msg("case %zu: %s due %s as of %s", i, agreement_state_slug(c->e),
               c->zDue ? c->zDue : "(none)", c->zAsOf);
    }
  }
}

static const AgreementItem aItem[] = {
    {1, PE, "2025-05-01", "Seremi Minvu"},
    {2, CU, "2025-01-01", "Encargada PAC"},
    {3, EC, "2025-02-01", "Encargada PAC"},
    {4, PE, "2025-01-15", "Encargada PAC"},
    {5, DE, NULL, "Seremi Minvu"},
    {6, PE, NULL, NULL},
    {7, PE, "2025-03-01", ""},
    {8, EC, NULL, "Encargada PAC"},
    {9, PE, "2025-06-01", "Encargada PAC"},
};
#define N_ITEM ((int)(sizeof(aItem) / sizeof(aItem[0])))

static void tracker_groups_by_responsible_with_overdue_first(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  AgreementGroup *aGroup = NULL;
  int nGroup = 0, anTotal[AGREEMENT_N_BUCKET];
  agreement_tracker_group(pArena, aItem, N_ITEM, "2025-04-01", &aGroup, &nGroup,
                          anTotal);
  assert_int_equal(nGroup, 3);
  assert_string_equal(aGroup[0].zResponsible, "Encargada PAC");
  assert_string_equal(aGroup[1].zResponsible, "Seremi Minvu");
  assert_string_equal(aGroup[2].zResponsible, "Sin responsable");

  /* Encargada PAC: overdue 4 (Jan 15), 3 (Feb 1); open 9 (Jun), 8 (no
  ** date); done 2. */
  const int aiWant[] = {3, 2, 8, 7, 1};
  assert_int_equal(aGroup[0].nItem, 5);
  for (int i = 0; i < 5; i++) assert_int_equal(aGroup[0].aiItem[i], aiWant[i]);
  assert_int_equal(aGroup[0].anBucket[AGREEMENT_BUCKET_OVERDUE], 2);
  assert_int_equal(aGroup[0].anBucket[AGREEMENT_BUCKET_OPEN], 2);
  assert_int_equal(aGroup[0].anBucket[AGREEMENT_BUCKET_DONE], 1);

  assert_int_equal(aGroup[1].nItem, 2);
  assert_int_equal(aGroup[1].aiItem[0], 0);
  assert_int_equal(aGroup[1].anBucket[AGREEMENT_BUCKET_DISCARDED], 1);

  /* Nobody named: overdue 7 first, then 6 with no date. */
  assert_int_equal(aGroup[2].nItem, 2);
  assert_int_equal(aGroup[2].aiItem[0], 6);
  assert_int_equal(aGroup[2].aiItem[1], 5);

  assert_int_equal(anTotal[AGREEMENT_BUCKET_OVERDUE], 3);
  assert_int_equal(anTotal[AGREEMENT_BUCKET_OPEN], 4);
  assert_int_equal(anTotal[AGREEMENT_BUCKET_DONE], 1);
  assert_int_equal(anTotal[AGREEMENT_BUCKET_DISCARDED], 1);
  assert_string_equal(agreement_bucket_label(AGREEMENT_BUCKET_OVERDUE),
                      "Atrasados");

  agreement_tracker_group(pArena, NULL, 0, "2025-04-01", &aGroup, &nGroup,
                          NULL);
  assert_int_equal(nGroup, 0);
  arena_free(pArena);
}

static void overdue_list_for_the_next_agenda_is_oldest_first(void **state) {
  (void)state;
  int ai[N_ITEM];
  int n = agreement_overdue_list(aItem, N_ITEM, "2025-04-01", ai);
  assert_int_equal(n, 3);
  assert_int_equal(ai[0], 3); /* 2025-01-15 */
  assert_int_equal(ai[1], 2); /* 2025-02-01 */
  assert_int_equal(ai[2], 6); /* 2025-03-01 */
  assert_int_equal(agreement_overdue_list(aItem, N_ITEM, "2025-01-01", ai), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(agreement_slugs_round_trip),
      cmocka_unit_test(agreement_transitions_allow_progress_and_reopening),
      cmocka_unit_test(overdue_means_open_and_past_its_due_date),
      cmocka_unit_test(tracker_groups_by_responsible_with_overdue_first),
      cmocka_unit_test(overdue_list_for_the_next_agenda_is_oldest_first),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
