/*
** Chilean civil time (America/Santiago) and UTC, both ways, correctly across
** the daylight-saving switches, and ISO 8601 with offset as the API speaks
** it ("2025-04-15T10:00:00-04:00").
**
** cosoc stores every instant as seconds since the epoch (UTC); people type
** and read wall-clock times in Santiago. Chile leaves daylight time at 24:00
** of the first Saturday of April (the hour 23:00–23:59 of that Saturday
** happens twice) and enters it at 24:00 of the first Saturday of September
** (00:00–00:59 of that Sunday does not exist). The rules have changed by
** decree several times, so they come from the system tz database (Debian's
** tzdata), with the current rule built in as a fallback.
**
** Thread-safe: the zone is loaded once (pthread_once) and never changed.
** Never calls setenv/tzset/localtime/mktime.
*/
#ifndef COSOC_DOMAIN_CHILE_TIME_H
#define COSOC_DOMAIN_CHILE_TIME_H

#include <stddef.h>
#include <stdint.h>

#define CHILE_TIME_ZONE_NAME "America/Santiago"
#define CHILE_TIME_ISO_MAX 32 /* Buffer for chile_time_format_iso() */

/* A wall-clock time in Santiago (no zone inside). */
typedef struct LocalTime {
  int iYear;   /* 2025 */
  int iMonth;  /* 1..12 */
  int iDay;    /* 1..31 */
  int iHour;   /* 0..23 */
  int iMinute; /* 0..59 */
  int iSecond; /* 0..59 */
} LocalTime;

/* How a wall-clock time maps to an instant. */
#define CHILE_TIME_EXACT 0    /* Exactly one instant */
#define CHILE_TIME_REPEATED 1 /* Happens twice (April): the first is taken */
#define CHILE_TIME_SKIPPED                                                   \
  2                             /* Does not exist (September): read with the \
                                ** offset in force before the switch, so     \
                                ** 00:30 becomes 01:30 daylight time */
#define CHILE_TIME_INVALID (-1) /* Not a date or time (31 April, 25:00) */

/* UTC instant of a Santiago wall-clock time; returns one of the codes above
** (*piUtc is set for every code except CHILE_TIME_INVALID). */
int chile_time_to_utc(const LocalTime *pLocal, int64_t *piUtc);

/* Santiago wall-clock time of a UTC instant; *piOffset (may be NULL) gets
** the offset in seconds east of UTC (-14400 or -10800). */
void chile_time_from_utc(int64_t iUtc, LocalTime *pLocal, int32_t *piOffset);

/* Offset from UTC in force in Santiago at a UTC instant, in seconds. */
int32_t chile_time_offset(int64_t iUtc);

/* "2025-04-15T10:00:00-04:00" into z (at least CHILE_TIME_ISO_MAX bytes). */
void chile_time_format_iso(int64_t iUtc, char *z, size_t n);

/* The date in Santiago at a UTC instant, "2025-04-15", into z. */
#define CHILE_TIME_DATE_SIZE 11
void chile_time_format_date(int64_t iUtc, char z[CHILE_TIME_DATE_SIZE]);

/* Parses ISO 8601 "YYYY-MM-DDTHH:MM[:SS]" followed by "Z", "+hh:mm",
** "-hh:mm" (an exact instant) or nothing (Santiago wall-clock time, as a
** form's datetime-local field sends it; a space may replace the 'T').
** Returns 0 and sets *piUtc, or -1 when the text is not such a time. */
int chile_time_parse_iso(const char *z, int64_t *piUtc);

/* RFC 5322 "Tue, 15 Apr 2025 10:00:00 -0400" (an e-mail's Date:, in
** Santiago time). */
void chile_time_format_rfc5322(int64_t iUtc, char *z, size_t n);

/* Whether the zone came from the system tz database (1) or from the
** built-in rule because tzdata is missing (0). */
int chile_time_uses_tzdata(void);

#endif
