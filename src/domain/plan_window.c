/*
** The FECHAS phrase parser (see plan_window.h). It works on the folded
** phrase (lower case, no accents, single spaces), so "Primer Semestre 2025",
** "primer semestre de 2025" and "PRIMER SEMESTRE 2025." all read the same.
*/
#include "domain/plan_window.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/plan_catalog.h"

#define PLAN_YEAR_MIN 1990
#define PLAN_YEAR_MAX 2200

int plan_days_in_month(int iYear, int iMonth) {
  static const int aDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (iMonth < 1 || iMonth > 12) return 0;
  if (iMonth == 2 &&
      ((iYear % 4 == 0 && iYear % 100 != 0) || iYear % 400 == 0)) {
    return 29;
  }
  return aDays[iMonth - 1];
}

void plan_date_format(char *z, int iYear, int iMonth, int iDay) {
  /* Unsigned and bounded, so the compiler can see it fits. */
  snprintf(z, PLAN_DATE_SIZE, "%04u-%02u-%02u", (unsigned)iYear % 10000u,
           (unsigned)iMonth % 100u, (unsigned)iDay % 100u);
}

int plan_date_valid(const char *z) {
  if (!z || strlen(z) != 10 || z[4] != '-' || z[7] != '-') return 0;
  for (int i = 0; i < 10; i++) {
    if (i != 4 && i != 7 && !isdigit((unsigned char)z[i])) return 0;
  }
  int y = atoi(z), m = atoi(z + 5), d = atoi(z + 8);
  return y >= PLAN_YEAR_MIN && y <= PLAN_YEAR_MAX && m >= 1 && m <= 12 &&
         d >= 1 && d <= plan_days_in_month(y, m);
}

static void set_range(PlanWindow *p, int y1, int m1, int d1, int y2, int m2,
                      int d2) {
  plan_date_format(p->zStart, y1, m1, d1);
  plan_date_format(p->zEnd, y2, m2, d2);
}

/* Consumes zWord (and one following space) at *pz; 1 when it was there. */
static int eat(const char **pz, const char *zWord) {
  size_t n = strlen(zWord);
  if (strncmp(*pz, zWord, n) != 0) return 0;
  const char *z = *pz + n;
  if (*z == ' ')
    z++;
  else if (*z && isalnum((unsigned char)*z))
    return 0; /* Part of a word */
  *pz = z;
  return 1;
}

/* Consumes an optional "de " / "del " before a year. */
static void eat_of(const char **pz) {
  if (!eat(pz, "del")) eat(pz, "de");
}

/* Reads a four-digit year at *pz; 0 when there is none. */
static int read_year(const char **pz) {
  const char *z = *pz;
  if (!isdigit((unsigned char)z[0]) || !isdigit((unsigned char)z[1]) ||
      !isdigit((unsigned char)z[2]) || !isdigit((unsigned char)z[3]) ||
      isdigit((unsigned char)z[4])) {
    return 0;
  }
  int y = atoi(z);
  if (y < PLAN_YEAR_MIN || y > PLAN_YEAR_MAX) return 0;
  *pz = z + 4;
  if (**pz == ' ') (*pz)++;
  return y;
}

/* Reads d-m-yyyy (separators - / .) at *pz into a valid date. */
static int read_dmy(const char **pz, int *py, int *pm, int *pd) {
  const char *z = *pz;
  char *zEnd;
  long d = strtol(z, &zEnd, 10);
  if (zEnd == z || zEnd - z > 2 || !strchr("-/.", *zEnd)) return 0;
  char cSep = *zEnd;
  z = zEnd + 1;
  long m = strtol(z, &zEnd, 10);
  if (zEnd == z || zEnd - z > 2 || *zEnd != cSep) return 0;
  z = zEnd + 1;
  long y = strtol(z, &zEnd, 10);
  if (zEnd - z != 4) return 0;
  if (m < 1 || m > 12 || d < 1 || d > plan_days_in_month((int)y, (int)m) ||
      y < PLAN_YEAR_MIN || y > PLAN_YEAR_MAX) {
    return 0;
  }
  *py = (int)y, *pm = (int)m, *pd = (int)d;
  *pz = *zEnd == ' ' ? zEnd + 1 : zEnd;
  return 1;
}

static const char *const azMonth[] = {
    "enero", "febrero", "marzo",      "abril",   "mayo",      "junio",
    "julio", "agosto",  "septiembre", "octubre", "noviembre", "diciembre"};

static int read_month(const char **pz) {
  for (int i = 0; i < 12; i++) {
    if (eat(pz, azMonth[i])) return i + 1;
  }
  if (eat(pz, "setiembre")) return 9;
  return 0;
}

/* "primer", "1er", "segundo", ... as 1..4; 0 when none. */
static int read_ordinal(const char **pz) {
  static const struct {
    const char *z;
    int i;
  } a[] = {
      {"primer", 1},  {"primero", 1}, {"1er", 1}, {"1", 1},  {"1o", 1},
      {"segundo", 2}, {"2do", 2},     {"2", 2},   {"2o", 2}, {"tercer", 3},
      {"tercero", 3}, {"3er", 3},     {"3", 3},   {"3o", 3}, {"cuarto", 4},
      {"4to", 4},     {"4", 4},       {"4o", 4},
  };
  for (size_t i = 0; i < sizeof(a) / sizeof(a[0]); i++) {
    if (eat(pz, a[i].z)) return a[i].i;
  }
  return 0;
}

/* The folded phrase without a trailing period and leading fillers. */
static const char *phrase_core(Arena *pArena, const char *zPhrase) {
  char *z = plan_text_fold(pArena, zPhrase);
  size_t n = strlen(z);
  while (n > 0 && (z[n - 1] == '.' || z[n - 1] == ' ')) z[--n] = 0;
  const char *p = z;
  for (int bMore = 1; bMore;) {
    bMore = eat(&p, "durante") || eat(&p, "en") || eat(&p, "el") ||
            eat(&p, "la") || eat(&p, "todo") || eat(&p, "a partir del");
  }
  return p;
}

/* Understood forms; each returns 1 and fills *pOut, or 0. */
static int parse_known(const char *z, const char *zPs, const char *zPe,
                       PlanWindow *pOut) {
  const char *p = z;
  int y, m, d, i;
  /* "se agendarán según corresponda", "según corresponda" */
  if (strstr(z, "segun corresponda") || strstr(z, "se agendaran")) {
    snprintf(pOut->zStart, PLAN_DATE_SIZE, "%s", zPs);
    snprintf(pOut->zEnd, PLAN_DATE_SIZE, "%s", zPe);
    pOut->bAsNeeded = 1;
    return 1;
  }
  /* "periodo 2024-2025", "periodo": the plan's whole period */
  if (eat(&p, "periodo") || eat(&p, "vigencia del plan") || eat(&p, "ano")) {
    int y1 = read_year(&p);
    if (!*p && y1 == 0 && strncmp(z, "ano", 3) != 0) {
      snprintf(pOut->zStart, PLAN_DATE_SIZE, "%s", zPs);
      snprintf(pOut->zEnd, PLAN_DATE_SIZE, "%s", zPe);
      return 1;
    }
    if (y1 && !*p) {
      set_range(pOut, y1, 1, 1, y1, 12, 31);
      return 1;
    }
    if (y1 && (*p == '-' || eat(&p, "al") || eat(&p, "a"))) {
      if (*p == '-') p++;
      if (*p == ' ') p++;
      int y2 = read_year(&p);
      if (y2 >= y1 && !*p) {
        /* The plan period when it is these years, else the years. */
        if (atoi(zPs) == y1 && atoi(zPe) == y2) {
          snprintf(pOut->zStart, PLAN_DATE_SIZE, "%s", zPs);
          snprintf(pOut->zEnd, PLAN_DATE_SIZE, "%s", zPe);
        } else {
          set_range(pOut, y1, 1, 1, y2, 12, 31);
        }
        return 1;
      }
    }
    return 0;
  }
  p = z;
  /* "primer semestre 2025", "tercer trimestre 2024" */
  if ((i = read_ordinal(&p)) != 0) {
    if (eat(&p, "semestre") && i <= 2) {
      eat_of(&p);
      if ((y = read_year(&p)) != 0 && !*p) {
        set_range(pOut, y, i == 1 ? 1 : 7, 1, y, i == 1 ? 6 : 12,
                  i == 1 ? 30 : 31);
        return 1;
      }
    } else if (eat(&p, "trimestre")) {
      eat_of(&p);
      if ((y = read_year(&p)) != 0 && !*p) {
        int m2 = i * 3;
        set_range(pOut, y, m2 - 2, 1, y, m2, plan_days_in_month(y, m2));
        return 1;
      }
    }
    return 0;
  }
  /* "marzo 2025", "marzo de 2025", "marzo a junio 2025" */
  if ((m = read_month(&p)) != 0) {
    int m2 = m;
    if (eat(&p, "a") || *p == '-') {
      if (*p == '-') p += p[1] == ' ' ? 2 : 1;
      if ((m2 = read_month(&p)) == 0 || m2 < m) return 0;
    }
    eat_of(&p);
    if ((y = read_year(&p)) != 0 && !*p) {
      set_range(pOut, y, m, 1, y, m2, plan_days_in_month(y, m2));
      return 1;
    }
    return 0;
  }
  /* "15-04-2025", "15/04/2025", "15-04-2025 al 30-04-2025" */
  if (read_dmy(&p, &y, &m, &d)) {
    int y2 = y, m2 = m, d2 = d;
    if (*p) {
      if (!(eat(&p, "al") || eat(&p, "a") || eat(&p, "-"))) return 0;
      if (!read_dmy(&p, &y2, &m2, &d2) || *p) return 0;
    }
    set_range(pOut, y, m, d, y2, m2, d2);
    return strcmp(pOut->zStart, pOut->zEnd) <= 0;
  }
  /* "2025" */
  if ((y = read_year(&p)) != 0 && !*p) {
    set_range(pOut, y, 1, 1, y, 12, 31);
    return 1;
  }
  return 0;
}

int plan_window_parse(const char *zPhrase, const char *zPeriodStart,
                      const char *zPeriodEnd, PlanWindow *pOut) {
  memset(pOut, 0, sizeof(*pOut));
  Arena *pArena = arena_new();
  int bOk =
      parse_known(phrase_core(pArena, zPhrase), zPeriodStart, zPeriodEnd, pOut);
  arena_free(pArena);
  if (!bOk) {
    memset(pOut, 0, sizeof(*pOut));
    snprintf(pOut->zStart, PLAN_DATE_SIZE, "%s", zPeriodStart);
    snprintf(pOut->zEnd, PLAN_DATE_SIZE, "%s", zPeriodEnd);
    pOut->bFlagged = 1;
  }
  return bOk;
}
