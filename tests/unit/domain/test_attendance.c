/*
** Attendance entries: what a list must satisfy before it is written, the
** field and sentence given when it does not, and how entries become the
** quorum's input.
*/
#include "support.h"

#include <string.h>

#include "domain/attendance.h"

static const long long aiKnown[] = {1, 2, 3, 4, 101};

typedef struct EntryCase {
  const char *zName;    /* Reads as a sentence */
  AttendanceEntry a[3]; /* The list */
  int n;                /* Entries used */
  int rc;               /* Expected result */
  int iEntry;           /* Entry blamed */
  const char *zField;   /* Field blamed */
  const char *zMessage; /* Fragment of the sentence */
} EntryCase;

static const EntryCase aCase[] = {
    {"members_and_a_guest_are_valid",
     {{1, NULL, NULL, "presente", NULL, 0, 0},
      {2, NULL, NULL, "justificado", "Licencia médica", 0, 0},
      {0, "Rosa Álvarez", "Junta de Vecinos Tierras Blancas", "presente", NULL,
       0, 0}},
     3,
     ATTENDANCE_OK,
     0,
     NULL,
     NULL},
    {"unknown_status_is_refused",
     {{1, NULL, NULL, "tarde", NULL, 0, 0}},
     1,
     ATTENDANCE_INVALID,
     0,
     "status",
     "Fila 1: el estado «tarde»"},
    {"missing_status_is_refused",
     {{1, NULL, NULL, "presente", NULL, 0, 0},
      {2, NULL, NULL, NULL, NULL, 0, 0}},
     2,
     ATTENDANCE_INVALID,
     1,
     "status",
     "Fila 2"},
    {"member_not_convened_is_refused",
     {{99, NULL, NULL, "presente", NULL, 0, 0}},
     1,
     ATTENDANCE_INVALID,
     0,
     "member_id",
     "no está convocado"},
    {"member_twice_is_refused",
     {{3, NULL, NULL, "presente", NULL, 0, 0},
      {3, NULL, NULL, "ausente", NULL, 0, 0}},
     2,
     ATTENDANCE_INVALID,
     1,
     "member_id",
     "ya aparece en la fila 1"},
    {"participant_twice_is_refused",
     {{0, NULL, NULL, "presente", NULL, 0, 7},
      {0, NULL, NULL, "ausente", NULL, 0, 7}},
     2,
     ATTENDANCE_INVALID,
     1,
     "enrolment_id",
     "ya aparece en la fila 1"},
    {"participants_need_no_name",
     {{0, NULL, NULL, "presente", NULL, 0, 7},
      {0, NULL, NULL, "ausente", NULL, 0, 8}},
     2,
     ATTENDANCE_OK,
     0,
     NULL,
     NULL},
    {"negative_member_id_is_refused",
     {{-3, NULL, NULL, "presente", NULL, 0, 0}},
     1,
     ATTENDANCE_INVALID,
     0,
     "member_id",
     "no es válido"},
    {"guest_without_name_is_refused",
     {{0, "   ", "Serviu", "presente", NULL, 0, 0}},
     1,
     ATTENDANCE_INVALID,
     0,
     "name",
     "escriba el nombre"},
    {"same_guest_twice_is_refused_whatever_the_spacing_and_case",
     {{0, "Rosa  Álvarez", NULL, "presente", NULL, 0, 0},
      {0, " rosa ÁLVAREZ ", NULL, "presente", NULL, 0, 0}},
     2,
     ATTENDANCE_INVALID,
     1,
     "name",
     "ya aparece en la fila 1"},
    {"accented_capitals_match_their_lower_case",
     {{0, "josé núñez", NULL, "presente", NULL, 0, 0},
      {0, "JOSÉ NÚÑEZ", NULL, "ausente", NULL, 0, 0}},
     2,
     ATTENDANCE_INVALID,
     1,
     "name",
     "ya aparece"},
    {"different_guests_are_fine",
     {{0, "Rosa Álvarez", NULL, "presente", NULL, 0, 0},
      {0, "Rosa Alvarado", NULL, "presente", NULL, 0, 0}},
     2,
     ATTENDANCE_OK,
     0,
     NULL,
     NULL},
};

static void attendance_entries_are_checked_before_writing(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    AttendanceEntry a[3];
    memcpy(a, aCase[i].a, sizeof(a));
    AttendanceProblem p = {0};
    int rc = attendance_validate(a, aCase[i].n, aiKnown, 5, &p);
    if (rc != aCase[i].rc)
      fail_msg("%s: rc %d «%s»", aCase[i].zName, rc, p.zMessage);
    if (rc == ATTENDANCE_OK) continue;
    assert_int_equal(p.iEntry, aCase[i].iEntry);
    assert_string_equal(p.zField, aCase[i].zField);
    if (!strstr(p.zMessage, aCase[i].zMessage)) {
      fail_msg("%s: «%s» lacks «%s»", aCase[i].zName, p.zMessage,
               aCase[i].zMessage);
    }
  }
}

static void long_names_and_reasons_are_refused(void **state) {
  (void)state;
  char zLong[ATTENDANCE_REASON_MAX + 2];
  memset(zLong, 'a', sizeof(zLong) - 1);
  zLong[sizeof(zLong) - 1] = 0;
  AttendanceEntry a[] = {{0, zLong, NULL, "presente", NULL, 0, 0}};
  AttendanceProblem p;
  assert_int_equal(attendance_validate(a, 1, NULL, 0, &p), ATTENDANCE_INVALID);
  assert_string_equal(p.zField, "name");
  AttendanceEntry b[] = {{1, NULL, NULL, "justificado", zLong, 0, 0}};
  assert_int_equal(attendance_validate(b, 1, NULL, 0, &p), ATTENDANCE_INVALID);
  assert_string_equal(p.zField, "reason");
  /* Without a known list any positive id is accepted. */
  AttendanceEntry c[] = {{12345, NULL, NULL, "ausente", NULL, 0, 0}};
  assert_int_equal(attendance_validate(c, 1, NULL, 0, NULL), ATTENDANCE_OK);
  assert_int_equal(c[0].eStatus, ATTENDANCE_AUSENTE);
}

static void entries_become_the_quorum_input(void **state) {
  (void)state;
  AttendanceEntry a[] = {
      {1, NULL, NULL, "presente", NULL, 0, 0},
      {2, NULL, NULL, "justificado", "Viaje", 0, 0},
      {101, NULL, NULL, "presente", NULL, 0, 0},
      {0, "Invitada", NULL, "presente", NULL, 0, 0},
  };
  assert_int_equal(attendance_validate(a, 4, aiKnown, 5, NULL), ATTENDANCE_OK);
  QuorumPerson aPerson[] = {
      {1, 1, 0, 1, ATTENDANCE_PRESENTE},
      {2, 1, 0, 1, ATTENDANCE_PRESENTE},
      {3, 1, 0, 1, ATTENDANCE_PRESENTE}, /* No entry: becomes ausente */
      {101, 0, 3, 1, ATTENDANCE_AUSENTE},
  };
  attendance_apply(aPerson, 4, a, 4);
  assert_int_equal(aPerson[0].eAttendance, ATTENDANCE_PRESENTE);
  assert_int_equal(aPerson[1].eAttendance, ATTENDANCE_JUSTIFICADO);
  assert_int_equal(aPerson[2].eAttendance, ATTENDANCE_AUSENTE);
  assert_int_equal(aPerson[3].eAttendance, ATTENDANCE_PRESENTE);

  /* The suplente replaces titular 3: 2 of 3 with substitutes. */
  QuorumRules rules = quorum_rules_default();
  rules.eCounts = QUORUM_COUNTS_SUBSTITUTES;
  QuorumResult r;
  assert_int_equal(quorum_compute(&rules, aPerson, 4, &r, NULL), QUORUM_OK);
  assert_int_equal(r.session.nRequired, 2);
  assert_int_equal(r.session.nPresent, 2);
  assert_true(r.session.bReached);
}

/* Five guests pasted at once: tabs from a spreadsheet, semicolons, commas,
** blank lines skipped, each line's number kept. */
static void a_pasted_list_of_guests_is_read_line_by_line(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *zText =
      "Carmen Vega\tJunta de Vecinos Tierras Blancas\tCoquimbo\r\n"
      "\n"
      "  Pedro Araya ; Comité Los Aromos, sector norte ; Vicuña\n"
      "Sofía Muñoz, Unión Comunal, Ovalle\n"
      "Tomás Rivera\n"
      "Isabel Cortés, Club Adulto Mayor\n";
  GuestLine a[10];
  AttendanceProblem aP[4];
  int n = 0, nP = 0;
  assert_int_equal(
      attendance_guests_parse(pArena, zText, a, 10, &n, aP, 4, &nP),
      ATTENDANCE_OK);
  assert_int_equal(n, 5);
  assert_string_equal(a[0].zOrganization, "Junta de Vecinos Tierras Blancas");
  assert_string_equal(a[0].zCommune, "Coquimbo");
  assert_int_equal(a[1].iLine, 3);
  assert_string_equal(a[1].zName, "Pedro Araya");
  assert_string_equal(a[1].zOrganization, "Comité Los Aromos, sector norte");
  assert_string_equal(a[2].zCommune, "Ovalle");
  assert_string_equal(a[3].zOrganization, "");
  assert_string_equal(a[4].zCommune, "");
  arena_free(pArena);
}

/* Every line at fault is named, and nothing is read as good. */
static void a_pasted_list_names_each_bad_line(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *zText =
      "Carmen Vega, Junta de Vecinos, Coquimbo\n"
      ", Sin nombre, Ovalle\n"
      "Ana, Comité, norte, Vicuña\n";
  GuestLine a[10];
  AttendanceProblem aP[4];
  int n = 0, nP = 0;
  assert_int_equal(
      attendance_guests_parse(pArena, zText, a, 10, &n, aP, 4, &nP),
      ATTENDANCE_INVALID);
  assert_int_equal(nP, 2);
  assert_non_null(strstr(aP[0].zMessage, "Línea 2: falta el nombre"));
  assert_non_null(strstr(aP[1].zMessage, "Línea 3"));
  assert_int_equal(
      attendance_guests_parse(pArena, "a\nb\nc\n", a, 2, &n, aP, 4, &nP),
      ATTENDANCE_INVALID);
  assert_non_null(strstr(aP[0].zMessage, "más de 2 personas"));
  arena_free(pArena);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(attendance_entries_are_checked_before_writing),
      cmocka_unit_test(long_names_and_reasons_are_refused),
      cmocka_unit_test(entries_become_the_quorum_input),
      cmocka_unit_test(a_pasted_list_of_guests_is_read_line_by_line),
      cmocka_unit_test(a_pasted_list_names_each_bad_line),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
