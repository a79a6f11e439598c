/*
** Time zones from TZif files and POSIX rules (see tz.h). Pure once loaded:
** no global state, no setenv/tzset.
*/
#include "domain/tz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TZIF_HEADER_SIZE 44
#define TZ_MAX_FILE (256 * 1024)

static uint32_t be32(const unsigned char *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 |
         (uint32_t)p[3];
}

static int64_t be64(const unsigned char *p) {
  return (int64_t)((uint64_t)be32(p) << 32 | be32(p + 4));
}

/* The six counts of a TZif header, in file order. */
typedef struct TzifCounts {
  uint32_t nIsUt, nIsStd, nLeap, nTime, nType, nChar;
} TzifCounts;

static int read_header(const unsigned char *a, size_t n, TzifCounts *pC) {
  if (n < TZIF_HEADER_SIZE || memcmp(a, "TZif", 4) != 0) return -1;
  pC->nIsUt = be32(a + 20);
  pC->nIsStd = be32(a + 24);
  pC->nLeap = be32(a + 28);
  pC->nTime = be32(a + 32);
  pC->nType = be32(a + 36);
  pC->nChar = be32(a + 40);
  if (pC->nType == 0 || pC->nType > 256 || pC->nTime > 100000) return -1;
  return 0;
}

static size_t block_size(const TzifCounts *pC, size_t nTimeSize) {
  return pC->nTime * nTimeSize + pC->nTime + pC->nType * 6 + pC->nChar +
         pC->nLeap * (nTimeSize + 4) + pC->nIsStd + pC->nIsUt;
}

int tz_zone_parse(TzZone *pZone, const unsigned char *a, size_t n) {
  memset(pZone, 0, sizeof(*pZone));
  TzifCounts c;
  if (read_header(a, n, &c) != 0 || a[4] < '2') return -1;
  /* Skip the version-1 block (32-bit times) to the version-2 header. */
  size_t iOff = TZIF_HEADER_SIZE + block_size(&c, 4);
  if (iOff > n || read_header(a + iOff, n - iOff, &c) != 0) return -1;
  iOff += TZIF_HEADER_SIZE;
  if (iOff + block_size(&c, 8) > n || c.nTime > TZ_MAX_TRANSITIONS) return -1;
  const unsigned char *pTimes = a + iOff;
  const unsigned char *pIdx = pTimes + c.nTime * 8;
  const unsigned char *pTypes = pIdx + c.nTime;
  for (uint32_t i = 0; i < c.nTime; i++) {
    if (pIdx[i] >= c.nType) return -1;
    pZone->aTransAt[i] = be64(pTimes + 8 * i);
    pZone->aTransOffset[i] = (int32_t)be32(pTypes + 6 * pIdx[i]);
  }
  pZone->nTrans = (int)c.nTime;
  pZone->iFirstOffset = (int32_t)be32(pTypes); /* Type 0 (RFC 8536 3.2) */
  /* The footer: "\n<POSIX rule>\n". */
  size_t iFoot = iOff + block_size(&c, 8);
  if (iFoot < n && a[iFoot] == '\n') {
    const unsigned char *pEnd = memchr(a + iFoot + 1, '\n', n - iFoot - 1);
    if (pEnd) {
      char zRule[128];
      size_t nRule = (size_t)(pEnd - (a + iFoot + 1));
      if (nRule > 0 && nRule < sizeof(zRule)) {
        memcpy(zRule, a + iFoot + 1, nRule);
        zRule[nRule] = 0;
        pZone->bHasRule = tz_rule_parse(&pZone->rule, zRule) == 0;
      }
    }
  }
  return 0;
}

int tz_zone_load(TzZone *pZone, const char *zPath) {
  FILE *f = fopen(zPath, "rb");
  if (!f) return -1;
  unsigned char *a = malloc(TZ_MAX_FILE);
  size_t n = a ? fread(a, 1, TZ_MAX_FILE, f) : 0;
  fclose(f);
  int rc = a && n > 0 && n < TZ_MAX_FILE ? tz_zone_parse(pZone, a, n) : -1;
  free(a);
  return rc;
}

int tz_zone_from_rule(TzZone *pZone, const char *zRule) {
  memset(pZone, 0, sizeof(*pZone));
  if (tz_rule_parse(&pZone->rule, zRule) != 0) return -1;
  pZone->bHasRule = 1;
  pZone->iFirstOffset = pZone->rule.iStdOffset;
  return 0;
}

/* ---- POSIX rules ---- */

/* A zone abbreviation: "<-04>" or letters. */
static const char *skip_name(const char *z) {
  if (*z == '<') {
    const char *zEnd = strchr(z, '>');
    return zEnd ? zEnd + 1 : NULL;
  }
  const char *zStart = z;
  while ((*z >= 'A' && *z <= 'Z') || (*z >= 'a' && *z <= 'z')) z++;
  return z - zStart >= 3 ? z : NULL;
}

/* [+-]hh[:mm[:ss]] into seconds. */
static const char *parse_hms(const char *z, int32_t *pSec) {
  int iSign = 1;
  if (*z == '+' || *z == '-') iSign = *z++ == '-' ? -1 : 1;
  if (*z < '0' || *z > '9') return NULL;
  int32_t aPart[3] = {0, 0, 0};
  for (int i = 0; i < 3; i++) {
    if (*z < '0' || *z > '9') return NULL;
    while (*z >= '0' && *z <= '9') aPart[i] = aPart[i] * 10 + (*z++ - '0');
    if (*z != ':') break;
    z++;
  }
  *pSec = iSign * (aPart[0] * 3600 + aPart[1] * 60 + aPart[2]);
  return z;
}

/* ",Mm.w.d[/time]" */
static const char *parse_date(const char *z, int *pMonth, int *pWeek,
                              int *pWday, int32_t *pTime) {
  if (*z++ != ',' || *z++ != 'M') return NULL;
  char *zEnd;
  *pMonth = (int)strtol(z, &zEnd, 10);
  if (*zEnd != '.') return NULL;
  *pWeek = (int)strtol(zEnd + 1, &zEnd, 10);
  if (*zEnd != '.') return NULL;
  *pWday = (int)strtol(zEnd + 1, &zEnd, 10);
  if (*pMonth < 1 || *pMonth > 12 || *pWeek < 1 || *pWeek > 5 || *pWday < 0 ||
      *pWday > 6) {
    return NULL;
  }
  *pTime = 2 * 3600;
  z = zEnd;
  if (*z == '/') z = parse_hms(z + 1, pTime);
  return z;
}

int tz_rule_parse(TzRule *pRule, const char *z) {
  memset(pRule, 0, sizeof(*pRule));
  int32_t iSec = 0;
  if (!(z = skip_name(z)) || !(z = parse_hms(z, &iSec))) return -1;
  pRule->iStdOffset = -iSec; /* POSIX counts west as positive */
  if (!*z) return 0;
  if (!(z = skip_name(z))) return -1;
  pRule->bHasDst = 1;
  pRule->iDstOffset = pRule->iStdOffset + 3600;
  if (*z && *z != ',') {
    if (!(z = parse_hms(z, &iSec))) return -1;
    pRule->iDstOffset = -iSec;
  }
  z = parse_date(z, &pRule->iStartMonth, &pRule->iStartWeek, &pRule->iStartWday,
                 &pRule->iStartTime);
  if (!z) return -1;
  z = parse_date(z, &pRule->iEndMonth, &pRule->iEndWeek, &pRule->iEndWday,
                 &pRule->iEndTime);
  return z && !*z ? 0 : -1;
}

/* ---- Calendar arithmetic (Howard Hinnant's algorithms) ---- */

int64_t tz_days_from_civil(int y, int m, int d) {
  int64_t yy = y - (m <= 2);
  int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
  int64_t yoe = yy - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void tz_civil_from_days(int64_t z, int *py, int *pm, int *pd) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int d = (int)(doy - (153 * mp + 2) / 5 + 1);
  int m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *py = (int)(yoe + era * 400 + (m <= 2));
  *pm = m;
  *pd = d;
}

int tz_days_in_month(int y, int m) {
  static const int aDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int bLeap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && bLeap ? 29 : aDays[m - 1];
}

int tz_weekday(int64_t iDays) {
  int64_t w = (iDays + 4) % 7; /* 1970-01-01 was a Thursday */
  return (int)(w < 0 ? w + 7 : w);
}

/* Day (since the epoch) of the w-th weekday d of month m (w = 5: last). */
static int64_t rule_day(int y, int m, int w, int d) {
  int64_t iFirst = tz_days_from_civil(y, m, 1);
  int iDay = 1 + (d - tz_weekday(iFirst) + 7) % 7 + (w - 1) * 7;
  while (iDay > tz_days_in_month(y, m)) iDay -= 7;
  return iFirst + iDay - 1;
}

static int32_t rule_offset_at(const TzRule *p, int64_t t) {
  if (!p->bHasDst) return p->iStdOffset;
  int64_t tLocal = t + p->iStdOffset;
  int64_t iDays = tLocal >= 0 ? tLocal / 86400 : (tLocal - 86399) / 86400;
  int y, m, d;
  tz_civil_from_days(iDays, &y, &m, &d);
  /* Both switches as UTC instants: the start is written in standard time,
  ** the end in daylight time. */
  int64_t tStart =
      rule_day(y, p->iStartMonth, p->iStartWeek, p->iStartWday) * 86400 +
      p->iStartTime - p->iStdOffset;
  int64_t tEnd = rule_day(y, p->iEndMonth, p->iEndWeek, p->iEndWday) * 86400 +
                 p->iEndTime - p->iDstOffset;
  int bDst = tStart < tEnd ? (t >= tStart && t < tEnd)  /* Northern */
                           : (t < tEnd || t >= tStart); /* Southern */
  return bDst ? p->iDstOffset : p->iStdOffset;
}

int32_t tz_offset_at(const TzZone *pZone, int64_t t) {
  if (pZone->nTrans == 0 || t >= pZone->aTransAt[pZone->nTrans - 1]) {
    if (pZone->bHasRule) return rule_offset_at(&pZone->rule, t);
    return pZone->nTrans ? pZone->aTransOffset[pZone->nTrans - 1]
                         : pZone->iFirstOffset;
  }
  if (t < pZone->aTransAt[0]) return pZone->iFirstOffset;
  /* Last transition at or before t. */
  int lo = 0, hi = pZone->nTrans - 1;
  while (lo < hi) {
    int mid = (lo + hi + 1) / 2;
    if (pZone->aTransAt[mid] <= t)
      lo = mid;
    else
      hi = mid - 1;
  }
  return pZone->aTransOffset[lo];
}
