/*
** iCalendar (RFC 5545) from plain structs, with libical: the invitation
** attached to a citation (METHOD:REQUEST), its cancellation
** (METHOD:CANCEL) and the public and personal feeds (METHOD:PUBLISH).
**
** Times are written in UTC ("20250415T140000Z"): every calendar client
** shows them in its user's zone, and no VTIMEZONE can drift out of date
** when Chile changes its rules again. X-WR-TIMEZONE names Santiago for
** clients that display a feed in the calendar's own zone.
**
** The caller owns nothing it gets back except through the arena. Safe to
** call from several threads at once (only libical's reentrant calls).
*/
#ifndef COSOC_EXPORT_ICAL_H
#define COSOC_EXPORT_ICAL_H

#include <stdint.h>

#include "util/arena.h"

typedef enum IcalMethod {
  ICAL_METHOD_PUBLISH_FEED = 0, /* A feed: no attendees, no organizer reply */
  ICAL_METHOD_INVITE,           /* METHOD:REQUEST: a new or changed event */
  ICAL_METHOD_CANCEL_EVENT,     /* METHOD:CANCEL: the event is called off */
} IcalMethod;

typedef enum IcalStatus {
  ICAL_EVENT_CONFIRMED = 0,
  ICAL_EVENT_TENTATIVE,
  ICAL_EVENT_CANCELLED,
} IcalStatus;

/* One person invited (METHOD:REQUEST/CANCEL only). */
typedef struct IcalAttendee {
  const char *zEmail; /* Required */
  const char *zName;  /* Shown as CN, or NULL */
} IcalAttendee;

/* One event. Strings may be NULL (left out), except zUid and zSummary. */
typedef struct IcalEvent {
  const char *zUid;         /* Stable forever: "actividad-12@cosoc.example" */
  int iSequence;            /* Bumped on every change sent to invitees */
  int64_t iStart;           /* UTC seconds */
  int64_t iEnd;             /* UTC seconds, > iStart */
  int64_t iStamp;           /* DTSTAMP: when this version was made (0: now) */
  const char *zSummary;     /* Title */
  const char *zDescription; /* Plain text, may hold line breaks */
  const char *zLocation;    /* Address or "Videoconferencia" */
  const char *zUrl;         /* The activity's page or the virtual link */
  const char *zOrganizerEmail; /* Needed for REQUEST/CANCEL */
  const char *zOrganizerName;
  IcalStatus eStatus;
  const IcalAttendee *aAttendee; /* nAttendee entries */
  int nAttendee;
} IcalEvent;

/* The calendar as a whole. */
typedef struct IcalCalendar {
  IcalMethod eMethod;
  const char *zName;       /* X-WR-CALNAME for feeds, or NULL */
  const IcalEvent *aEvent; /* nEvent entries */
  int nEvent;
} IcalCalendar;

/* The calendar as iCalendar text (CRLF lines, folded), in pArena; NULL when
** an event lacks its UID or summary or ends before it starts. */
const char *ical_build(Arena *pArena, const IcalCalendar *pCal);

/* The value of METHOD for a Content-Type parameter ("REQUEST"...). */
const char *ical_method_name(IcalMethod eMethod);

#endif
