/*
** Courses: the completion rule, the course checks, when enrolment is open,
** verification codes (format, reading back what people type) and hours.
*/
#include "support.h"

#include <string.h>

#include "domain/course.h"

typedef struct RuleCase {
  CourseRuleKind eKind;
  int nValue;
  int nModules;
  int nRequired;
} RuleCase;

static void rule_requires_modules_rounding_percent_up(void **state) {
  (void)state;
  static const RuleCase a[] = {
      {COURSE_RULE_MODULES, 3, 4, 3},   {COURSE_RULE_MODULES, 4, 4, 4},
      {COURSE_RULE_MODULES, 6, 4, 4},   {COURSE_RULE_PERCENT, 75, 4, 3},
      {COURSE_RULE_PERCENT, 76, 4, 4},  {COURSE_RULE_PERCENT, 50, 5, 3},
      {COURSE_RULE_PERCENT, 100, 3, 3}, {COURSE_RULE_PERCENT, 1, 3, 1},
      {COURSE_RULE_MODULES, 1, 0, 0},
  };
  for (size_t i = 0; i < sizeof(a) / sizeof(a[0]); i++) {
    CourseRule r = {a[i].eKind, a[i].nValue};
    assert_int_equal(course_modules_required(&r, a[i].nModules),
                     a[i].nRequired);
  }
  CourseRule r = {COURSE_RULE_MODULES, 3};
  assert_true(course_rule_met(&r, 3, 4));
  assert_false(course_rule_met(&r, 2, 4));
  assert_false(course_rule_met(&r, 0, 0)); /* No module completes no one */
}

static void rule_reads_in_spanish(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  CourseRule r = {COURSE_RULE_MODULES, 3};
  assert_string_equal(course_rule_text(pArena, &r, 4),
                      "al menos 3 de 4 módulos");
  CourseRule p = {COURSE_RULE_PERCENT, 75};
  assert_string_equal(course_rule_text(pArena, &p, 4),
                      "75 % de los módulos (3 de 4)");
  arena_free(pArena);
}

static Course good_course(void) {
  Course c;
  memset(&c, 0, sizeof(c));
  c.zTitle = "Escuela de Dirigentes 2026";
  c.zDescription = "";
  c.zProgramme = "";
  c.rule.eKind = COURSE_RULE_MODULES;
  c.rule.nValue = 3;
  c.zEnrolOpens = "2026-11-01";
  c.zEnrolCloses = "2026-12-15";
  c.nCapacity = 40;
  c.nLine = 1;
  c.aLine[0] = 10;
  return c;
}

static void check_refuses_each_bad_field_by_name(void **state) {
  (void)state;
  Problems p;
  Course c = good_course();
  problems_init(&p);
  course_check(&c, 4, &p);
  assert_int_equal(p.n, 0);

  c.zTitle = "";
  c.rule.nValue = 5;             /* More than the 4 modules */
  c.zEnrolCloses = "2026-10-01"; /* Before it opens */
  c.nCapacity = -1;
  problems_init(&p);
  course_check(&c, 4, &p);
  assert_non_null(problem_for(&p, "title"));
  assert_non_null(problem_for(&p, "completion"));
  assert_non_null(problem_for(&p, "enrol_closes"));
  assert_non_null(problem_for(&p, "capacity"));

  c = good_course();
  c.rule.eKind = COURSE_RULE_PERCENT;
  c.rule.nValue = 120;
  c.zEnrolOpens = "2026-02-30";
  c.zTitle = "Dos\nlíneas";
  problems_init(&p);
  course_check(&c, 4, &p);
  assert_non_null(problem_for(&p, "completion"));
  assert_non_null(problem_for(&p, "enrol_opens"));
  assert_non_null(problem_for(&p, "title"));
}

static void enrolment_opens_closes_and_fills(void **state) {
  (void)state;
  Course c = good_course();
  assert_int_equal(course_enrol_state(&c, "2026-10-31", "", 0),
                   COURSE_ENROL_NOT_YET);
  assert_int_equal(course_enrol_state(&c, "2026-11-01", "", 0),
                   COURSE_ENROL_OPEN);
  assert_int_equal(course_enrol_state(&c, "2026-12-15", "", 39),
                   COURSE_ENROL_OPEN);
  assert_int_equal(course_enrol_state(&c, "2026-12-15", "", 40),
                   COURSE_ENROL_FULL);
  assert_int_equal(course_enrol_state(&c, "2026-12-16", "", 0),
                   COURSE_ENROL_CLOSED);
  /* No closing date: open until the last module has started. */
  c.zEnrolCloses = "";
  c.nCapacity = 0;
  assert_int_equal(course_enrol_state(&c, "2027-01-10", "2027-01-10", 500),
                   COURSE_ENROL_OPEN);
  assert_int_equal(course_enrol_state(&c, "2027-01-11", "2027-01-10", 0),
                   COURSE_ENROL_CLOSED);
  Arena *pArena = arena_new();
  assert_non_null(strstr(
      course_enrol_state_text(pArena, &c, COURSE_ENROL_NOT_YET), "01-11-2026"));
  arena_free(pArena);
}

static void code_has_100_bits_in_readable_groups(void **state) {
  (void)state;
  unsigned char a[COURSE_CODE_BYTES];
  memset(a, 0, sizeof(a));
  char z[COURSE_CODE_SIZE];
  course_code_format(a, z);
  assert_string_equal(z, "00000-00000-00000-00000");
  memset(a, 0xFF, sizeof(a));
  course_code_format(a, z);
  assert_string_equal(z, "ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ");
  /* Each byte changes the code: all 100 bits are used. */
  for (int i = 0; i < 12; i++) {
    char zOther[COURSE_CODE_SIZE];
    memset(a, 0, sizeof(a));
    a[i] = 0x01;
    course_code_format(a, zOther);
    assert_string_not_equal(zOther, "00000-00000-00000-00000");
  }
  /* No I, L, O or U ever. */
  for (int v = 0; v < 256; v++) {
    memset(a, v, sizeof(a));
    course_code_format(a, z);
    assert_null(strpbrk(z, "ILOU"));
  }
}

static void code_reads_back_as_people_type_it(void **state) {
  (void)state;
  char z[COURSE_CODE_CHARS + 1];
  assert_true(course_code_canonical("7K2M9-QXD4R-0B8TN-E3W6Z", z));
  assert_string_equal(z, "7K2M9QXD4R0B8TNE3W6Z");
  assert_true(course_code_canonical("7k2m9 qxd4r oB8tn e3w6z", z));
  assert_string_equal(z, "7K2M9QXD4R0B8TNE3W6Z");
  assert_true(course_code_canonical("IL000-00000-00000-00000", z));
  assert_string_equal(z, "11000000000000000000");
  assert_false(course_code_canonical("7K2M9-QXD4R-0B8TN", z)); /* Short */
  assert_false(course_code_canonical("7K2M9-QXD4R-0B8TN-E3W6ZZ", z));
  assert_false(course_code_canonical("7K2M9-QXD4R-0B8TN-E3W6U", z)); /* U */
  assert_false(course_code_canonical("../../etc/passwd", z));
  assert_false(course_code_canonical("", z));
}

static void hours_are_said_to_the_half_hour(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  assert_string_equal(course_hours_text(pArena, 480), "8 horas");
  assert_string_equal(course_hours_text(pArena, 60), "1 hora");
  assert_string_equal(course_hours_text(pArena, 450), "7,5 horas");
  assert_string_equal(course_hours_text(pArena, 95), "2 horas");
  assert_string_equal(course_hours_text(pArena, 0), "0 horas");
  arena_free(pArena);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(rule_requires_modules_rounding_percent_up),
      cmocka_unit_test(rule_reads_in_spanish),
      cmocka_unit_test(check_refuses_each_bad_field_by_name),
      cmocka_unit_test(enrolment_opens_closes_and_fills),
      cmocka_unit_test(code_has_100_bits_in_readable_groups),
      cmocka_unit_test(code_reads_back_as_people_type_it),
      cmocka_unit_test(hours_are_said_to_the_half_hour),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
