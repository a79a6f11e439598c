/*
** Santiago wall-clock time and UTC (see chile_time.h).
*/
#include "domain/chile_time.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/tz.h"

/* The rule in force since 2019 (Decreto 1.286 and later ones), used only
** when the tz database is not installed. */
#define CHILE_FALLBACK_RULE "<-04>4<-03>,M9.1.6/24,M4.1.6/24"

static TzZone g_zone;     /* Loaded once, then read-only */
static int g_bFromTzdata; /* g_zone came from the TZif file */
static pthread_once_t g_once = PTHREAD_ONCE_INIT;

static void load_zone(void) {
  const char *zDir = getenv("TZDIR");
  char zPath[512];
  snprintf(zPath, sizeof(zPath), "%s/%s",
           zDir && *zDir ? zDir : "/usr/share/zoneinfo", CHILE_TIME_ZONE_NAME);
  if (tz_zone_load(&g_zone, zPath) == 0) {
    g_bFromTzdata = 1;
    return;
  }
  tz_zone_from_rule(&g_zone, CHILE_FALLBACK_RULE);
}

static const TzZone *zone(void) {
  pthread_once(&g_once, load_zone);
  return &g_zone;
}

int chile_time_uses_tzdata(void) {
  zone();
  return g_bFromTzdata;
}

int32_t chile_time_offset(int64_t iUtc) { return tz_offset_at(zone(), iUtc); }

static int64_t floor_div(int64_t a, int64_t b) {
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

void chile_time_from_utc(int64_t iUtc, LocalTime *p, int32_t *piOffset) {
  int32_t iOffset = chile_time_offset(iUtc);
  int64_t t = iUtc + iOffset;
  int64_t iDays = floor_div(t, 86400);
  int64_t iSec = t - iDays * 86400;
  tz_civil_from_days(iDays, &p->iYear, &p->iMonth, &p->iDay);
  p->iHour = (int)(iSec / 3600);
  p->iMinute = (int)(iSec / 60 % 60);
  p->iSecond = (int)(iSec % 60);
  if (piOffset) *piOffset = iOffset;
}

static int local_is_valid(const LocalTime *p) {
  return p->iMonth >= 1 && p->iMonth <= 12 && p->iDay >= 1 &&
         p->iDay <= tz_days_in_month(p->iYear, p->iMonth) && p->iHour >= 0 &&
         p->iHour <= 23 && p->iMinute >= 0 && p->iMinute <= 59 &&
         p->iSecond >= 0 && p->iSecond <= 59;
}

int chile_time_to_utc(const LocalTime *p, int64_t *piUtc) {
  if (!local_is_valid(p)) return CHILE_TIME_INVALID;
  int64_t tWall = tz_days_from_civil(p->iYear, p->iMonth, p->iDay) * 86400 +
                  p->iHour * 3600 + p->iMinute * 60 + p->iSecond;
  /* Santiago's offset is always within a day of UTC: try the offsets in
  ** force a day either side and keep those that give back this wall time.
  ** Two survivors: a repeated hour; none: a skipped one. */
  int32_t iBefore = chile_time_offset(tWall - 86400 - 14400);
  int32_t iAfter = chile_time_offset(tWall + 86400 - 14400);
  int64_t aCand[2] = {tWall - iBefore, tWall - iAfter};
  int nMatch = 0;
  int64_t iFirst = 0;
  for (int i = 0; i < 2; i++) {
    if (i == 1 && iAfter == iBefore) break;
    if (chile_time_offset(aCand[i]) + aCand[i] == tWall) {
      if (nMatch == 0 || aCand[i] < iFirst) iFirst = aCand[i];
      nMatch++;
    }
  }
  if (nMatch == 0) {
    *piUtc = tWall - iBefore;
    return CHILE_TIME_SKIPPED;
  }
  *piUtc = iFirst;
  return nMatch == 2 ? CHILE_TIME_REPEATED : CHILE_TIME_EXACT;
}

void chile_time_format_iso(int64_t iUtc, char *z, size_t n) {
  LocalTime lt;
  int32_t iOffset;
  chile_time_from_utc(iUtc, &lt, &iOffset);
  int32_t iAbs = iOffset < 0 ? -iOffset : iOffset;
  snprintf(z, n, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", lt.iYear,
           lt.iMonth, lt.iDay, lt.iHour, lt.iMinute, lt.iSecond,
           iOffset < 0 ? '-' : '+', (int)(iAbs / 3600), (int)(iAbs / 60 % 60));
}

void chile_time_format_date(int64_t iUtc, char z[CHILE_TIME_DATE_SIZE]) {
  LocalTime lt;
  chile_time_from_utc(iUtc, &lt, NULL);
  snprintf(z, CHILE_TIME_DATE_SIZE, "%04u-%02u-%02u",
           (unsigned)lt.iYear % 10000u, (unsigned)lt.iMonth % 100u,
           (unsigned)lt.iDay % 100u);
}

void chile_time_format_rfc5322(int64_t iUtc, char *z, size_t n) {
  static const char *const azDay[] = {"Sun", "Mon", "Tue", "Wed",
                                      "Thu", "Fri", "Sat"};
  static const char *const azMonth[] = {"Jan", "Feb", "Mar", "Apr",
                                        "May", "Jun", "Jul", "Aug",
                                        "Sep", "Oct", "Nov", "Dec"};
  LocalTime lt;
  int32_t iOffset;
  chile_time_from_utc(iUtc, &lt, &iOffset);
  int64_t iDays = tz_days_from_civil(lt.iYear, lt.iMonth, lt.iDay);
  int32_t iAbs = iOffset < 0 ? -iOffset : iOffset;
  snprintf(z, n, "%s, %d %s %04d %02d:%02d:%02d %c%02d%02d",
           azDay[tz_weekday(iDays)], lt.iDay, azMonth[lt.iMonth - 1], lt.iYear,
           lt.iHour, lt.iMinute, lt.iSecond, iOffset < 0 ? '-' : '+',
           (int)(iAbs / 3600), (int)(iAbs / 60 % 60));
}

/* Exactly nDigit digits at z into *pV; returns the end or NULL. */
static const char *digits(const char *z, int nDigit, int *pV) {
  int v = 0;
  for (int i = 0; i < nDigit; i++) {
    if (z[i] < '0' || z[i] > '9') return NULL;
    v = v * 10 + (z[i] - '0');
  }
  *pV = v;
  return z + nDigit;
}

int chile_time_parse_iso(const char *z, int64_t *piUtc) {
  LocalTime lt = {0};
  if (!z || !(z = digits(z, 4, &lt.iYear)) || *z++ != '-' ||
      !(z = digits(z, 2, &lt.iMonth)) || *z++ != '-' ||
      !(z = digits(z, 2, &lt.iDay)) || (*z != 'T' && *z != ' ') ||
      !(z = digits(z + 1, 2, &lt.iHour)) || *z++ != ':' ||
      !(z = digits(z, 2, &lt.iMinute))) {
    return -1;
  }
  if (*z == ':' && !(z = digits(z + 1, 2, &lt.iSecond))) return -1;
  if (!local_is_valid(&lt)) return -1;
  if (*z == 0) {
    return chile_time_to_utc(&lt, piUtc) == CHILE_TIME_INVALID ? -1 : 0;
  }
  int32_t iOffset = 0;
  if (*z == 'Z' && z[1] == 0) {
    iOffset = 0;
  } else if ((*z == '+' || *z == '-') && strlen(z) == 6 && z[3] == ':') {
    int h, m;
    if (!digits(z + 1, 2, &h) || !digits(z + 4, 2, &m) || h > 23 || m > 59) {
      return -1;
    }
    iOffset = (h * 3600 + m * 60) * (*z == '-' ? -1 : 1);
  } else {
    return -1;
  }
  *piUtc = tz_days_from_civil(lt.iYear, lt.iMonth, lt.iDay) * 86400 +
           lt.iHour * 3600 + lt.iMinute * 60 + lt.iSecond - iOffset;
  return 0;
}
