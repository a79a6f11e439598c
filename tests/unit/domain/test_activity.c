/*
** Activity rules: validation with its Spanish messages, the allowed status
** changes, what a change means for the people invited (a new SEQUENCE, a
** cancellation), the reply window and the Spanish date wording.
*/
#include "support.h"

#include <string.h>

#include "domain/activity.h"
#include "domain/chile_time.h"

/* 2031-04-15 10:00 and 12:00 in Santiago (-04). */
#define T_START 1934028000LL
#define T_END (T_START + 7200)

static Activity valid_activity(void) {
  Activity a;
  memset(&a, 0, sizeof(a));
  a.zKind = "sesion_ordinaria";
  a.zTitle = "Sesión ordinaria en Ovalle";
  a.zDescription = "";
  a.iStart = T_START;
  a.iEnd = T_END;
  a.zModality = "presencial";
  a.zLink = "";
  a.zCommune = "04301";
  a.zAddress = "";
  a.zStatus = ACTIVITY_PROGRAMADA;
  a.aLine[0] = 9;
  a.nLine = 1;
  return a;
}

static const char *first_field(const Activity *a) {
  ActivityProblems p;
  problems_init(&p);
  activity_check(a, &p);
  return p.n ? (p.azField[0] ? p.azField[0] : "") : NULL;
}

static void a_complete_activity_is_valid(void **state) {
  (void)state;
  Activity a = valid_activity();
  assert_null(first_field(&a));
}

static void each_rule_names_its_field(void **state) {
  (void)state;
  Activity a = valid_activity();
  a.iEnd = a.iStart;
  assert_string_equal(first_field(&a), "end");
  a = valid_activity();
  a.iEnd = a.iStart - 60;
  assert_string_equal(first_field(&a), "end");
  a = valid_activity();
  a.iEnd = a.iStart + 15 * 86400;
  assert_string_equal(first_field(&a), "end");
  a = valid_activity();
  a.zKind = "Sesión";
  assert_string_equal(first_field(&a), "kind");
  a = valid_activity();
  a.zTitle = "  ";
  assert_string_equal(first_field(&a), "title");
  a = valid_activity();
  a.zModality = "remota";
  assert_string_equal(first_field(&a), "modality");
  a = valid_activity();
  a.zStatus = "cancelada";
  assert_string_equal(first_field(&a), "status");
  a = valid_activity();
  a.iStart = 0;
  assert_string_equal(first_field(&a), "start");
  a = valid_activity();
  a.aLine[0] = 0;
  assert_string_equal(first_field(&a), "plan_lines");
}

static void virtual_needs_a_link_and_presencial_a_commune(void **state) {
  (void)state;
  Activity a = valid_activity();
  a.zModality = "virtual";
  a.zCommune = "";
  assert_string_equal(first_field(&a), "link");
  a.zLink = "https://meet.example.cl/x";
  assert_null(first_field(&a));
  a.zLink = "javascript:alert(1)";
  assert_string_equal(first_field(&a), "link");
  a = valid_activity();
  a.zCommune = "";
  assert_string_equal(first_field(&a), "commune");
  a.zModality = "mixta";
  assert_string_equal(first_field(&a), "commune");
  ActivityProblems p;
  problems_init(&p);
  activity_check(&a, &p);
  assert_string_equal(p.azMessage[0],
                      "Indique la comuna donde se realiza la actividad.");
}

typedef struct Move {
  const char *zFrom, *zTo;
  int bAllowed;
} Move;

static void status_changes_follow_the_table(void **state) {
  (void)state;
  static const Move aMove[] = {
      {"programada", "convocada", 1},   {"programada", "realizada", 1},
      {"convocada", "reprogramada", 1}, {"convocada", "suspendida", 1},
      {"reprogramada", "convocada", 1}, {"suspendida", "reprogramada", 1},
      {"realizada", "realizada", 1},    {"realizada", "programada", 0},
      {"realizada", "suspendida", 0},   {"suspendida", "realizada", 0},
      {"convocada", "programada", 0},
  };
  for (size_t i = 0; i < sizeof(aMove) / sizeof(aMove[0]); i++) {
    const char *z = activity_transition_problem(aMove[i].zFrom, aMove[i].zTo);
    if (aMove[i].bAllowed) {
      assert_null(z);
    } else {
      assert_non_null(z);
    }
  }
  assert_string_equal(activity_transition_problem("realizada", "programada"),
                      "Una actividad realizada no cambia de estado.");
}

static void a_reschedule_after_the_citation_is_resent_with_a_new_sequence(
    void **state) {
  (void)state;
  Activity old = valid_activity();
  old.zStatus = ACTIVITY_CONVOCADA;
  Activity next = old;
  next.iStart += 7 * 86400;
  next.iEnd += 7 * 86400;
  assert_int_equal(activity_resend_for(&old, &next), ACTIVITY_RESEND_UPDATE);
  assert_true(activity_is_rescheduled(&old, &next));
  assert_string_equal(activity_status_after(&old, &next, 0),
                      ACTIVITY_REPROGRAMADA);
  /* The same change before anyone was cited sends nothing. */
  old.zStatus = ACTIVITY_PROGRAMADA;
  next.zStatus = ACTIVITY_PROGRAMADA;
  assert_int_equal(activity_resend_for(&old, &next), ACTIVITY_RESEND_NONE);
  assert_string_equal(activity_status_after(&old, &next, 0),
                      ACTIVITY_PROGRAMADA);
}

static void suspension_cancels_and_marking_held_sends_nothing(void **state) {
  (void)state;
  Activity old = valid_activity();
  old.zStatus = ACTIVITY_REPROGRAMADA;
  Activity next = old;
  next.zStatus = ACTIVITY_SUSPENDIDA;
  assert_int_equal(activity_resend_for(&old, &next), ACTIVITY_RESEND_CANCEL);
  next.zStatus = ACTIVITY_REALIZADA;
  assert_int_equal(activity_resend_for(&old, &next), ACTIVITY_RESEND_NONE);
  /* A new place matters; a new public flag does not. */
  next = old;
  next.zAddress = "Otra sala";
  assert_int_equal(activity_resend_for(&old, &next), ACTIVITY_RESEND_UPDATE);
  next = old;
  next.bPublic = !old.bPublic;
  assert_int_equal(activity_resend_for(&old, &next), ACTIVITY_RESEND_NONE);
}

static void replies_are_open_until_the_end_unless_suspended(void **state) {
  (void)state;
  Activity a = valid_activity();
  assert_true(activity_reply_open(&a, T_END - 1));
  assert_false(activity_reply_open(&a, T_END));
  a.zStatus = ACTIVITY_SUSPENDIDA;
  assert_false(activity_reply_open(&a, T_START - 86400));
}

static void dates_are_written_in_spanish_in_chile_time(void **state) {
  (void)state;
  char z[ACTIVITY_WHEN_MAX];
  activity_format_when(T_START, T_END, z, sizeof(z));
  assert_string_equal(z, "martes 15 de abril de 2031, de 10:00 a 12:00");
  int64_t t = 0;
  assert_int_equal(chile_time_parse_iso("2025-01-20T18:30", &t), 0);
  activity_format_when(t, t + 90 * 60, z, sizeof(z));
  assert_string_equal(z, "lunes 20 de enero de 2025, de 18:30 a 20:00");
  activity_format_when(t, t + 86400, z, sizeof(z));
  assert_string_equal(z,
                      "desde el lunes 20 de enero de 2025 a las 18:30 "
                      "hasta el martes 21 de enero de 2025 a las 18:30");
  activity_format_short(T_START, z, sizeof(z));
  assert_string_equal(z, "15-04-2031 10:00");
}

/* Issue 19: a session dated in the future was accepted as «Realizada». */
static void realizada_only_after_the_start(void **state) {
  (void)state;
  Activity a = valid_activity();
  a.zStatus = ACTIVITY_REALIZADA;
  assert_non_null(activity_held_problem(&a, a.iStart - 60));
  assert_null(activity_held_problem(&a, a.iStart));
  assert_null(activity_held_problem(&a, a.iStart + 3600));
  a.zStatus = ACTIVITY_PROGRAMADA;
  assert_null(activity_held_problem(&a, a.iStart - 60));
}

/* A wrong state is corrected with a reason; the usual moves need none. */
static void a_wrong_state_is_corrected_with_a_reason(void **state) {
  (void)state;
  assert_null(activity_correction_problem("programada", "realizada", NULL));
  assert_non_null(activity_correction_problem("realizada", "programada", ""));
  assert_non_null(
      activity_correction_problem("realizada", "programada", "   "));
  assert_null(activity_correction_problem(
      "realizada", "programada", "Se marcó realizada por error: es en enero."));
  assert_non_null(
      activity_correction_problem("realizada", "programada", "dos\nlíneas"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(a_complete_activity_is_valid),
      cmocka_unit_test(each_rule_names_its_field),
      cmocka_unit_test(virtual_needs_a_link_and_presencial_a_commune),
      cmocka_unit_test(status_changes_follow_the_table),
      cmocka_unit_test(
          a_reschedule_after_the_citation_is_resent_with_a_new_sequence),
      cmocka_unit_test(suspension_cancels_and_marking_held_sends_nothing),
      cmocka_unit_test(replies_are_open_until_the_end_unless_suspended),
      cmocka_unit_test(dates_are_written_in_spanish_in_chile_time),
      cmocka_unit_test(realizada_only_after_the_start),
      cmocka_unit_test(a_wrong_state_is_corrected_with_a_reason),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
