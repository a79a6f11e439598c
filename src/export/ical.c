/*
** iCalendar with libical (see ical.h).
*/
#include "export/ical.h"

#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define ICAL_PRODID "-//cosoc//Consejo de la Sociedad Civil//ES"

const char *ical_method_name(IcalMethod eMethod) {
  switch (eMethod) {
    case ICAL_METHOD_INVITE:
      return "REQUEST";
    case ICAL_METHOD_CANCEL_EVENT:
      return "CANCEL";
    default:
      return "PUBLISH";
  }
}

static struct icaltimetype utc_time(int64_t t) {
  return icaltime_from_timet_with_zone((time_t)t, 0,
                                       icaltimezone_get_utc_timezone());
}

static void add_text(icalcomponent *pComp, icalproperty *pProp) {
  if (pProp) icalcomponent_add_property(pComp, pProp);
}

static icalproperty *x_property(const char *zName, const char *zValue) {
  icalproperty *p = icalproperty_new_x(zValue);
  icalproperty_set_x_name(p, zName);
  return p;
}

/* ORGANIZER or ATTENDEE: "mailto:" the address, with the name as CN. */
static icalproperty *address(int bOrganizer, const char *zEmail,
                             const char *zName) {
  size_t n = strlen(zEmail) + sizeof("mailto:");
  char *z = malloc(n);
  if (!z) abort(); /* As the arena does: no useful way to go on */
  snprintf(z, n, "mailto:%s", zEmail);
  icalproperty *p =
      bOrganizer ? icalproperty_new_organizer(z) : icalproperty_new_attendee(z);
  free(z);
  if (zName && *zName)
    icalproperty_add_parameter(p, icalparameter_new_cn(zName));
  return p;
}

static icalcomponent *build_event(const IcalCalendar *pCal,
                                  const IcalEvent *e) {
  icalcomponent *pEv = icalcomponent_new_vevent();
  int64_t iStamp = e->iStamp ? e->iStamp : (int64_t)time(NULL);
  icalcomponent_add_property(pEv, icalproperty_new_uid(e->zUid));
  icalcomponent_add_property(pEv, icalproperty_new_sequence(e->iSequence));
  icalcomponent_add_property(pEv, icalproperty_new_dtstamp(utc_time(iStamp)));
  icalcomponent_add_property(pEv,
                             icalproperty_new_dtstart(utc_time(e->iStart)));
  icalcomponent_add_property(pEv, icalproperty_new_dtend(utc_time(e->iEnd)));
  icalcomponent_add_property(pEv, icalproperty_new_summary(e->zSummary));
  if (e->zDescription && *e->zDescription) {
    add_text(pEv, icalproperty_new_description(e->zDescription));
  }
  if (e->zLocation && *e->zLocation) {
    add_text(pEv, icalproperty_new_location(e->zLocation));
  }
  if (e->zUrl && *e->zUrl) add_text(pEv, icalproperty_new_url(e->zUrl));
  enum icalproperty_status eStatus =
      pCal->eMethod == ICAL_METHOD_CANCEL_EVENT ? ICAL_STATUS_CANCELLED
      : e->eStatus == ICAL_EVENT_CANCELLED      ? ICAL_STATUS_CANCELLED
      : e->eStatus == ICAL_EVENT_TENTATIVE      ? ICAL_STATUS_TENTATIVE
                                                : ICAL_STATUS_CONFIRMED;
  icalcomponent_add_property(pEv, icalproperty_new_status(eStatus));
  icalcomponent_add_property(pEv, icalproperty_new_transp(ICAL_TRANSP_OPAQUE));
  if (pCal->eMethod != ICAL_METHOD_PUBLISH_FEED && e->zOrganizerEmail) {
    icalcomponent_add_property(
        pEv, address(1, e->zOrganizerEmail, e->zOrganizerName));
  }
  for (int i = 0; pCal->eMethod != ICAL_METHOD_PUBLISH_FEED && i < e->nAttendee;
       i++) {
    const IcalAttendee *a = &e->aAttendee[i];
    icalproperty *p = address(0, a->zEmail, a->zName);
    icalproperty_add_parameter(
        p, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
    icalproperty_add_parameter(
        p, icalparameter_new_cutype(ICAL_CUTYPE_INDIVIDUAL));
    if (pCal->eMethod == ICAL_METHOD_INVITE) {
      icalproperty_add_parameter(
          p, icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION));
      icalproperty_add_parameter(p, icalparameter_new_rsvp(ICAL_RSVP_TRUE));
    }
    icalcomponent_add_property(pEv, p);
  }
  return pEv;
}

const char *ical_build(Arena *pArena, const IcalCalendar *pCal) {
  for (int i = 0; i < pCal->nEvent; i++) {
    const IcalEvent *e = &pCal->aEvent[i];
    if (!e->zUid || !*e->zUid || !e->zSummary || e->iEnd < e->iStart) {
      return NULL;
    }
  }
  icalcomponent *pCalComp = icalcomponent_new_vcalendar();
  icalcomponent_add_property(pCalComp, icalproperty_new_prodid(ICAL_PRODID));
  icalcomponent_add_property(pCalComp, icalproperty_new_version("2.0"));
  icalcomponent_add_property(pCalComp, icalproperty_new_calscale("GREGORIAN"));
  icalcomponent_add_property(
      pCalComp,
      icalproperty_new_method(
          pCal->eMethod == ICAL_METHOD_INVITE         ? ICAL_METHOD_REQUEST
          : pCal->eMethod == ICAL_METHOD_CANCEL_EVENT ? ICAL_METHOD_CANCEL
                                                      : ICAL_METHOD_PUBLISH));
  if (pCal->zName && *pCal->zName) {
    icalcomponent_add_property(pCalComp,
                               x_property("X-WR-CALNAME", pCal->zName));
  }
  icalcomponent_add_property(pCalComp,
                             x_property("X-WR-TIMEZONE", "America/Santiago"));
  for (int i = 0; i < pCal->nEvent; i++) {
    icalcomponent_add_component(pCalComp, build_event(pCal, &pCal->aEvent[i]));
  }
  char *z = icalcomponent_as_ical_string_r(pCalComp);
  icalcomponent_free(pCalComp);
  if (!z) return NULL;
  char *zOut = arena_strdup(pArena, z);
  icalmemory_free_buffer(z);
  return zOut;
}
