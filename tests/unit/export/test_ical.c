/*
** iCalendar output: an invitation, a cancellation and a feed, each parsed
** back with libical to check what a calendar client will read.
*/
#include "support.h"

#include <libical/ical.h>
#include <string.h>

#include "export/ical.h"

static const IcalAttendee aPeople[] = {
    {"maria.rojas@example.cl", "María Rojas Núñez"},
    {"juan.perez@example.cl", NULL},
};

static IcalEvent session_event(void) {
  IcalEvent e;
  memset(&e, 0, sizeof(e));
  e.zUid = "actividad-12@cosoc.example.cl";
  e.iSequence = 2;
  e.iStart = 1744725600; /* 2025-04-15 10:00 -04 */
  e.iEnd = 1744732800;   /* 12:00 */
  e.iStamp = 1744000000;
  e.zSummary = "Sesión ordinaria en Ovalle; línea 9, plan 2025";
  e.zDescription =
      "Tabla:\n1. Aprobación del acta anterior\n2. Diálogo "
      "participativo sobre vivienda, subsidios y barrios — "
      "una línea larga para que haya que plegarla en varias";
  e.zLocation = "Gobernación del Limarí, Ovalle";
  e.zUrl = "https://cosoc.example.cl/actividades/12";
  e.zOrganizerEmail = "participacion@example.cl";
  e.zOrganizerName = "Encargada de Participación Ciudadana";
  e.aAttendee = aPeople;
  e.nAttendee = 2;
  return e;
}

static icalcomponent *parse(const char *z) {
  assert_non_null(z);
  icalcomponent *p = icalparser_parse_string(z);
  assert_non_null(p);
  assert_int_equal(icalcomponent_isa(p), ICAL_VCALENDAR_COMPONENT);
  return p;
}

static void invitation_is_request_with_utc_times_and_attendees(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  IcalEvent e = session_event();
  IcalCalendar cal = {ICAL_METHOD_INVITE, NULL, &e, 1};
  const char *z = ical_build(pArena, &cal);
  assert_non_null(strstr(z, "METHOD:REQUEST\r\n"));
  assert_non_null(strstr(z, "DTSTART:20250415T140000Z\r\n"));
  assert_non_null(strstr(z, "SEQUENCE:2\r\n"));
  icalcomponent *pCal = parse(z);
  assert_int_equal(icalcomponent_get_method(pCal), ICAL_METHOD_REQUEST);
  icalcomponent *pEv =
      icalcomponent_get_first_component(pCal, ICAL_VEVENT_COMPONENT);
  assert_non_null(pEv);
  assert_string_equal(icalcomponent_get_uid(pEv), e.zUid);
  assert_string_equal(icalcomponent_get_summary(pEv), e.zSummary);
  assert_string_equal(icalcomponent_get_description(pEv), e.zDescription);
  assert_string_equal(icalcomponent_get_location(pEv), e.zLocation);
  assert_int_equal(icaltime_as_timet(icalcomponent_get_dtstart(pEv)), e.iStart);
  assert_int_equal(icaltime_as_timet(icalcomponent_get_dtend(pEv)), e.iEnd);
  assert_int_equal(icalcomponent_count_properties(pEv, ICAL_ATTENDEE_PROPERTY),
                   2);
  icalproperty *pOrg =
      icalcomponent_get_first_property(pEv, ICAL_ORGANIZER_PROPERTY);
  assert_string_equal(icalproperty_get_organizer(pOrg),
                      "mailto:participacion@example.cl");
  icalcomponent_free(pCal);
  /* Folded lines are at most 75 octets, and never split a UTF-8 letter. */
  for (const char *zLine = z; *zLine;) {
    const char *zEnd = strstr(zLine, "\r\n");
    assert_non_null(zEnd);
    assert_true(zEnd - zLine <= 75);
    if (zEnd[2] == ' ') assert_true(((unsigned char)zEnd[3] & 0xC0) != 0x80);
    zLine = zEnd + 2;
  }
  arena_free(pArena);
}

static void cancellation_says_cancel_and_cancelled(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  IcalEvent e = session_event();
  e.iSequence = 3;
  IcalCalendar cal = {ICAL_METHOD_CANCEL_EVENT, NULL, &e, 1};
  icalcomponent *pCal = parse(ical_build(pArena, &cal));
  assert_int_equal(icalcomponent_get_method(pCal), ICAL_METHOD_CANCEL);
  icalcomponent *pEv =
      icalcomponent_get_first_component(pCal, ICAL_VEVENT_COMPONENT);
  assert_int_equal(icalcomponent_get_status(pEv), ICAL_STATUS_CANCELLED);
  icalcomponent_free(pCal);
  arena_free(pArena);
}

static void feed_publishes_every_event_without_attendees(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  IcalEvent a[3];
  const char *azUid[] = {"a@x", "b@x", "c@x"};
  for (int i = 0; i < 3; i++) {
    a[i] = session_event();
    a[i].zUid = azUid[i];
    a[i].iStart += i * 86400;
    a[i].iEnd += i * 86400;
  }
  IcalCalendar cal = {ICAL_METHOD_PUBLISH_FEED, "COSOC Coquimbo", a, 3};
  const char *z = ical_build(pArena, &cal);
  assert_non_null(strstr(z, "X-WR-CALNAME:COSOC Coquimbo\r\n"));
  assert_null(strstr(z, "ATTENDEE"));
  icalcomponent *pCal = parse(z);
  assert_int_equal(icalcomponent_get_method(pCal), ICAL_METHOD_PUBLISH);
  assert_int_equal(icalcomponent_count_components(pCal, ICAL_VEVENT_COMPONENT),
                   3);
  icalcomponent_free(pCal);
  arena_free(pArena);
}

static void an_event_ending_before_it_starts_is_refused(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  IcalEvent e = session_event();
  e.iEnd = e.iStart - 1;
  IcalCalendar cal = {ICAL_METHOD_INVITE, NULL, &e, 1};
  assert_null(ical_build(pArena, &cal));
  e = session_event();
  e.zUid = NULL;
  assert_null(ical_build(pArena, &cal));
  arena_free(pArena);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(invitation_is_request_with_utc_times_and_attendees),
      cmocka_unit_test(cancellation_says_cancel_and_cancelled),
      cmocka_unit_test(feed_publishes_every_event_without_attendees),
      cmocka_unit_test(an_event_ending_before_it_starts_is_refused),
  };
  return cmocka_run_group_tests_name("export/ical", tests, NULL, NULL);
}
