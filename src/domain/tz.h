/*
** Time zones from the system's tz database, read without touching the
** process's TZ or the C library's global time-zone state.
**
** localtime_r() answers for the zone in TZ, which is one per process, and
** changing it (setenv + tzset) races with every other thread. A council
** server needs America/Santiago whatever TZ says, from many threads, so a
** zone here is a plain immutable value: the transitions of a TZif file
** (RFC 8536) plus its POSIX rule for the years after the table. Once
** loaded, every function is pure and safe to call from any thread.
**
** This file must never call setenv/tzset/localtime/mktime.
*/
#ifndef COSOC_DOMAIN_TZ_H
#define COSOC_DOMAIN_TZ_H

#include <stddef.h>
#include <stdint.h>

/* A POSIX TZ rule ("<-04>4<-03>,M9.1.6/24,M4.1.6/24"): standard offset, and
** when bHasDst the daylight offset and the two yearly switches. */
typedef struct TzRule {
  int32_t iStdOffset; /* Seconds east of UTC outside daylight time */
  int32_t iDstOffset; /* Seconds east of UTC during daylight time */
  int bHasDst;        /* 0: the standard offset all year */
  int iStartMonth, iStartWeek, iStartWday; /* Mm.w.d of the DST start */
  int32_t iStartTime; /* Local (standard) seconds after midnight; may be 24h */
  int iEndMonth, iEndWeek, iEndWday; /* Mm.w.d of the DST end */
  int32_t iEndTime; /* Local (daylight) seconds after midnight */
} TzRule;

#define TZ_MAX_TRANSITIONS 2048 /* Plenty: America/Santiago has ~140 */

/* A zone: the transition table, then the rule. */
typedef struct TzZone {
  int nTrans;                           /* Entries in aTransAt/aTransOffset */
  int64_t aTransAt[TZ_MAX_TRANSITIONS]; /* UTC instants, ascending */
  int32_t aTransOffset[TZ_MAX_TRANSITIONS]; /* Offset in force from then on */
  int32_t iFirstOffset; /* Offset before the first transition */
  TzRule rule;          /* For instants after the table */
  int bHasRule;         /* The footer had a usable rule */
} TzZone;

/* Parses a TZif file (version 2 or later) held in memory. 0 on success. */
int tz_zone_parse(TzZone *pZone, const unsigned char *a, size_t n);
/* Reads and parses a file such as /usr/share/zoneinfo/America/Santiago. */
int tz_zone_load(TzZone *pZone, const char *zPath);
/* A zone made of a POSIX rule only (the fallback when tzdata is missing). */
int tz_zone_from_rule(TzZone *pZone, const char *zRule);
/* Parses a POSIX TZ rule; only the M-forms of dates are accepted. */
int tz_rule_parse(TzRule *pRule, const char *zRule);

/* Offset from UTC (seconds east) in force at UTC instant t. */
int32_t tz_offset_at(const TzZone *pZone, int64_t t);

/* Civil-calendar helpers (proleptic Gregorian, no time zone). */
int64_t tz_days_from_civil(int y, int m, int d);
void tz_civil_from_days(int64_t z, int *py, int *pm, int *pd);
int tz_days_in_month(int y, int m);
int tz_weekday(int64_t iDays); /* 0 = Sunday, for days since 1970-01-01 */

#endif
