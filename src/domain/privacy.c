/*
** The rights and the deadline of a request (see privacy.h).
*/
#include "domain/privacy.h"

#include <stdio.h>
#include <string.h>

const PrivacyRight privacy_rights[] = {
    {"acceso", "Acceso", "Saber qué datos suyos tiene el consejo."},
    {"rectificacion", "Rectificación",
     "Corregir datos suyos inexactos o incompletos."},
    {"supresion", "Supresión", "Que se eliminen sus datos personales."},
    {"oposicion", "Oposición",
     "Que no se usen sus datos para un fin determinado (por ejemplo, "
     "recibir correos o aparecer en páginas públicas)."},
    {"portabilidad", "Portabilidad",
     "Recibir sus datos en un formato que pueda llevar a otra parte."},
    {"bloqueo", "Bloqueo",
     "Que sus datos se suspendan temporalmente mientras se resuelve otra "
     "solicitud."},
    {NULL, NULL, NULL}};

const PrivacyRight *privacy_right(const char *zSlug) {
  for (int i = 0; zSlug && privacy_rights[i].zSlug; i++) {
    if (strcmp(privacy_rights[i].zSlug, zSlug) == 0) return &privacy_rights[i];
  }
  return NULL;
}

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
static long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *py, int *pm, int *pd) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  *pd = (int)(doy - (153 * mp + 2) / 5 + 1);
  *pm = (int)(mp < 10 ? mp + 3 : mp - 9);
  *py = (int)(y + (*pm <= 2));
}

static int parse_date(const char *z, long *pDays) {
  int y, m, d;
  char c;
  if (!z || strlen(z) != 10 ||
      sscanf(z, "%4d-%2d-%2d%c", &y, &m, &d, &c) != 3 || m < 1 || m > 12 ||
      d < 1 || d > 31) {
    return -1;
  }
  *pDays = days_from_civil(y, m, d);
  int y2, m2, d2;
  civil_from_days(*pDays, &y2, &m2, &d2);
  return y2 == y && m2 == m && d2 == d ? 0 : -1; /* 31 April */
}

int privacy_due_date(const char *zReceived, char zDue[11]) {
  long n;
  if (parse_date(zReceived, &n) != 0) return -1;
  int y, m, d;
  civil_from_days(n + PRIVACY_ANSWER_DAYS, &y, &m, &d);
  snprintf(zDue, 11, "%04d-%02d-%02d", y, m, d);
  return 0;
}

int privacy_days_left(const char *zToday, const char *zDue) {
  long a, b;
  if (parse_date(zToday, &a) != 0 || parse_date(zDue, &b) != 0) return 0;
  return (int)(b - a);
}

const char *privacy_count_text(int n, char z[16]) {
  if (n > 0 && n < PRIVACY_SMALL_COUNT) {
    snprintf(z, 16, "menos de %d", PRIVACY_SMALL_COUNT);
  } else {
    snprintf(z, 16, "%d", n);
  }
  return z;
}
