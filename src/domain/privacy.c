/*
** The rights and the deadline of a request (see privacy.h).
*/
#include "domain/privacy.h"

#include <stdio.h>
#include <string.h>

#include "domain/tz.h"

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

static int parse_date(const char *z, long *pDays) {
  int y, m, d;
  char c;
  if (!z || strlen(z) != 10 ||
      sscanf(z, "%4d-%2d-%2d%c", &y, &m, &d, &c) != 3 || m < 1 || m > 12 ||
      d < 1 || d > 31) {
    return -1;
  }
  *pDays = (long)tz_days_from_civil(y, m, d);
  int y2, m2, d2;
  tz_civil_from_days(*pDays, &y2, &m2, &d2);
  return y2 == y && m2 == m && d2 == d ? 0 : -1; /* 31 April */
}

int privacy_due_date(const char *zReceived, char zDue[11]) {
  long n;
  if (parse_date(zReceived, &n) != 0) return -1;
  int y, m, d;
  tz_civil_from_days(n + PRIVACY_ANSWER_DAYS, &y, &m, &d);
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
