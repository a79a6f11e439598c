/*
** Santiago wall-clock time and UTC: table tests over ordinary days and the
** daylight-saving switches of 2024 and 2025, ISO 8601 both ways, and the
** built-in rule agreeing with the tz database.
*/
#include "support.h"

#include <stdio.h>
#include <string.h>

#include "domain/chile_time.h"
#include "domain/tz.h"

typedef struct Case {
  const char *zLocal; /* Wall-clock time in Santiago */
  int eKind;          /* CHILE_TIME_ code */
  const char *zIso;   /* The instant it maps to, as cosoc prints it */
} Case;

static const Case aCase[] = {
    /* Ordinary days: winter (-04) and summer (-03). */
    {"2025-04-15T10:00:00", CHILE_TIME_EXACT, "2025-04-15T10:00:00-04:00"},
    {"2025-01-20T18:30:00", CHILE_TIME_EXACT, "2025-01-20T18:30:00-03:00"},
    {"2024-07-01T00:00:00", CHILE_TIME_EXACT, "2024-07-01T00:00:00-04:00"},
    /* 2024, leaving daylight time at 24:00 of Saturday 6 April: 23:00-23:59
    ** happens twice; the first (still -03) is taken. */
    {"2024-04-06T22:59:59", CHILE_TIME_EXACT, "2024-04-06T22:59:59-03:00"},
    {"2024-04-06T23:00:00", CHILE_TIME_REPEATED, "2024-04-06T23:00:00-03:00"},
    {"2024-04-06T23:59:59", CHILE_TIME_REPEATED, "2024-04-06T23:59:59-03:00"},
    {"2024-04-07T00:00:00", CHILE_TIME_EXACT, "2024-04-07T00:00:00-04:00"},
    /* 2024, entering daylight time at 24:00 of Saturday 7 September: the
    ** hour 00:00-00:59 of Sunday 8 does not exist. */
    {"2024-09-07T23:59:59", CHILE_TIME_EXACT, "2024-09-07T23:59:59-04:00"},
    {"2024-09-08T00:00:00", CHILE_TIME_SKIPPED, "2024-09-08T01:00:00-03:00"},
    {"2024-09-08T00:30:00", CHILE_TIME_SKIPPED, "2024-09-08T01:30:00-03:00"},
    {"2024-09-08T01:00:00", CHILE_TIME_EXACT, "2024-09-08T01:00:00-03:00"},
    /* 2025: Saturday 5 April and Saturday 6 September. */
    {"2025-04-05T23:30:00", CHILE_TIME_REPEATED, "2025-04-05T23:30:00-03:00"},
    {"2025-04-06T00:00:00", CHILE_TIME_EXACT, "2025-04-06T00:00:00-04:00"},
    {"2025-09-06T23:59:00", CHILE_TIME_EXACT, "2025-09-06T23:59:00-04:00"},
    {"2025-09-07T00:15:00", CHILE_TIME_SKIPPED, "2025-09-07T01:15:00-03:00"},
    {"2025-09-07T10:00:00", CHILE_TIME_EXACT, "2025-09-07T10:00:00-03:00"},
};

static LocalTime parse_local(const char *z) {
  LocalTime lt;
  assert_int_equal(sscanf(z, "%d-%d-%dT%d:%d:%d", &lt.iYear, &lt.iMonth,
                          &lt.iDay, &lt.iHour, &lt.iMinute, &lt.iSecond),
                   6);
  return lt;
}

static void wall_times_map_to_the_right_instant_across_dst(void **state) {
  (void)state;
  assert_true(chile_time_uses_tzdata());
  for (size_t i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    LocalTime lt = parse_local(aCase[i].zLocal);
    int64_t t = 0;
    int eKind = chile_time_to_utc(&lt, &t);
    char zIso[CHILE_TIME_ISO_MAX];
    chile_time_format_iso(t, zIso, sizeof(zIso));
    if (eKind != aCase[i].eKind || strcmp(zIso, aCase[i].zIso) != 0) {
      fail_msg("%s: got %s (kind %d), wanted %s (kind %d)", aCase[i].zLocal,
               zIso, eKind, aCase[i].zIso, aCase[i].eKind);
    }
  }
}

/* The switches as the tz database has them (zdump -v America/Santiago). */
static void offsets_change_at_the_exact_utc_second(void **state) {
  (void)state;
  static const struct {
    int64_t t;       /* UTC */
    int32_t iOffset; /* Seconds east */
  } aSwitch[] = {
      {1712458799, -10800}, {1712458800, -14400}, /* 2024-04-07 03:00Z */
      {1725767999, -14400}, {1725768000, -10800}, /* 2024-09-08 04:00Z */
      {1743908399, -10800}, {1743908400, -14400}, /* 2025-04-06 03:00Z */
      {1757217599, -14400}, {1757217600, -10800}, /* 2025-09-07 04:00Z */
  };
  for (size_t i = 0; i < sizeof(aSwitch) / sizeof(aSwitch[0]); i++) {
    assert_int_equal(chile_time_offset(aSwitch[i].t), aSwitch[i].iOffset);
  }
}

static void utc_to_wall_time_and_back_is_the_identity_every_half_hour(
    void **state) {
  (void)state;
  /* 2024-01-01 to 2026-01-01 in half-hour steps: every instant's wall time
  ** maps back to it, except the second pass through a repeated hour. */
  for (int64_t t = 1704067200; t < 1767225600; t += 1800) {
    LocalTime lt;
    chile_time_from_utc(t, &lt, NULL);
    int64_t tBack = 0;
    int eKind = chile_time_to_utc(&lt, &tBack);
    assert_int_not_equal(eKind, CHILE_TIME_SKIPPED);
    if (eKind == CHILE_TIME_REPEATED) {
      assert_true(tBack == t || tBack == t - 3600);
    } else {
      assert_int_equal(tBack, t);
    }
  }
}

static void iso_text_with_offset_z_or_none_is_parsed(void **state) {
  (void)state;
  static const struct {
    const char *zIn;
    int rc;
    int64_t t;
  } aIso[] = {
      {"2025-04-15T10:00:00-04:00", 0, 1744725600},
      {"2025-04-15T14:00:00Z", 0, 1744725600},
      {"2025-04-15T11:00:00-03:00", 0, 1744725600},
      {"2025-04-15T10:00", 0, 1744725600}, /* Santiago wall time */
      {"2025-04-15 10:00:00", 0, 1744725600},
      {"2025-02-30T10:00:00Z", -1, 0},
      {"2025-04-15T24:00:00Z", -1, 0},
      {"2025-04-15", -1, 0},
      {"2025-04-15T10:00:00+4", -1, 0},
      {"mañana a las diez", -1, 0},
  };
  for (size_t i = 0; i < sizeof(aIso) / sizeof(aIso[0]); i++) {
    int64_t t = 0;
    int rc = chile_time_parse_iso(aIso[i].zIn, &t);
    if (rc != aIso[i].rc || (rc == 0 && t != aIso[i].t)) {
      fail_msg("%s: rc %d t %lld", aIso[i].zIn, rc, (long long)t);
    }
  }
}

static void e_mail_dates_use_santiago_offset(void **state) {
  (void)state;
  char z[64];
  chile_time_format_rfc5322(1744725600, z, sizeof(z));
  assert_string_equal(z, "Tue, 15 Apr 2025 10:00:00 -0400");
  chile_time_format_rfc5322(1737408600, z, sizeof(z));
  assert_string_equal(z, "Mon, 20 Jan 2025 18:30:00 -0300");
}

static void built_in_rule_agrees_with_tzdata_from_2023_to_2030(void **state) {
  (void)state;
  TzZone *pRule = test_malloc(sizeof(TzZone));
  assert_int_equal(tz_zone_from_rule(pRule, "<-04>4<-03>,M9.1.6/24,M4.1.6/24"),
                   0);
  for (int64_t t = 1672531200; t < 1893456000; t += 3600) {
    if (tz_offset_at(pRule, t) != chile_time_offset(t)) {
      test_free(pRule);
      fail_msg("offset differs at %lld", (long long)t);
    }
  }
  test_free(pRule);
}

static void posix_rules_parse_northern_and_fixed_zones(void **state) {
  (void)state;
  TzRule r;
  assert_int_equal(tz_rule_parse(&r, "EST5EDT,M3.2.0,M11.1.0"), 0);
  assert_int_equal(r.iStdOffset, -18000);
  assert_int_equal(r.iDstOffset, -14400);
  assert_int_equal(r.iStartTime, 7200);
  assert_int_equal(tz_rule_parse(&r, "<-05>5"), 0);
  assert_false(r.bHasDst);
  assert_int_equal(tz_rule_parse(&r, "nada"), -1);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(wall_times_map_to_the_right_instant_across_dst),
      cmocka_unit_test(offsets_change_at_the_exact_utc_second),
      cmocka_unit_test(
          utc_to_wall_time_and_back_is_the_identity_every_half_hour),
      cmocka_unit_test(iso_text_with_offset_z_or_none_is_parsed),
      cmocka_unit_test(e_mail_dates_use_santiago_offset),
      cmocka_unit_test(built_in_rule_agrees_with_tzdata_from_2023_to_2030),
      cmocka_unit_test(posix_rules_parse_northern_and_fixed_zones),
  };
  return cmocka_run_group_tests_name("domain/chile_time", tests, NULL, NULL);
}
