/*
** Vocabulary and shared checks for people and organizations (see people.h).
*/
#include "domain/people.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/territory.h"

#define CHOICES(a) \
  { a, (int)(sizeof(a) / sizeof(a[0])) }

static const PeopleChoice aOrgKind[] = {
    {"junta_vecinos", "Junta de vecinos"},
    {"comite_vivienda", "Comité de vivienda"},
    {"comite_allegados", "Comité de allegados"},
    {"cooperativa", "Cooperativa"},
    {"union_comunal", "Unión comunal"},
    {"ong", "ONG"},
    {"fundacion", "Fundación"},
    {"corporacion", "Corporación"},
    {"otra", "Otra"},
};
const PeopleChoices people_org_kinds = CHOICES(aOrgKind);

static const PeopleChoice aRole[] = {
    {"presidente", "Presidente/a"},
    {"vicepresidente", "Vicepresidente/a"},
    {"secretario", "Secretario/a"},
    {"consejero", "Consejero/a"},
};
const PeopleChoices people_council_roles = CHOICES(aRole);

static const PeopleChoice aStatus[] = {
    {"vigente", "Vigente"},
    {"renuncio", "Renunció"},
    {"reemplazado", "Reemplazado/a"},
    {"cesado", "Cesado/a"},
};
const PeopleChoices people_member_statuses = CHOICES(aStatus);

static const PeopleChoice aGender[] = {
    {"femenino", "Femenino"},
    {"masculino", "Masculino"},
    {"otro", "Otro"},
    {"no_informa", "Prefiere no informar"},
};
const PeopleChoices people_genders = CHOICES(aGender);

static const PeopleChoice aDirKind[] = {
    {"seremi", "Seremi"},
    {"serviu", "Serviu"},
    {"delegacion_presidencial", "Delegación presidencial"},
    {"gobierno_regional", "Gobierno regional"},
    {"municipio", "Municipio"},
    {"parlamentario", "Parlamentario/a"},
    {"servicio_publico", "Servicio público"},
    {"otro", "Otro"},
};
const PeopleChoices people_directory_kinds = CHOICES(aDirKind);

static const PeopleChoice aDirStatus[] = {
    {"por_contactar", "Por contactar"},
    {"contactado", "Contactado"},
    {"reunion_agendada", "Reunión agendada"},
    {"reunion_realizada", "Reunión realizada"},
};
const PeopleChoices people_directory_statuses = CHOICES(aDirStatus);

const char *people_label(const PeopleChoices *p, const char *zSlug) {
  return slug_label(p->aChoice, p->n, zSlug);
}

/* Folds a label or slug for comparison: "Presidente/a" → "presidente",
** "junta_vecinos" → "junta vecinos", "Presidenta" → "presidente". */
static void choice_key(const char *z, char zOut[TERRITORY_KEY_MAX]) {
  char zTmp[TERRITORY_KEY_MAX];
  territory_fold(z, zTmp);
  size_t n = strlen(zTmp);
  if (n >= 2 && strcmp(zTmp + n - 2, "/a") == 0) zTmp[n -= 2] = 0;
  /* Feminine and masculine forms mean the same role or status. */
  if (n >= 1 && (zTmp[n - 1] == 'a' || zTmp[n - 1] == 'o') &&
      strcmp(zTmp, "otra") != 0 && strcmp(zTmp, "otro") != 0) {
    zTmp[n - 1] = 'e';
  }
  /* Drop the words "de", "del", "la" so "Junta de Vecinos" matches
  ** "junta_vecinos" ("junta vecinos"). */
  size_t j = 0;
  const char *s = zTmp;
  while (*s) {
    const char *zEnd = strchr(s, ' ');
    size_t w = zEnd ? (size_t)(zEnd - s) : strlen(s);
    int bSkip = (w == 2 && strncmp(s, "de", 2) == 0) ||
                (w == 3 && strncmp(s, "del", 3) == 0) ||
                (w == 2 && strncmp(s, "la", 2) == 0);
    if (!bSkip) {
      if (j) zOut[j++] = ' ';
      memcpy(zOut + j, s, w);
      j += w;
    }
    s += w;
    while (*s == ' ') s++;
  }
  zOut[j] = 0;
}

const char *people_slug_from_input(const PeopleChoices *p, const char *zInput) {
  if (people_blank(zInput)) return NULL;
  char zKey[TERRITORY_KEY_MAX], zCand[TERRITORY_KEY_MAX];
  choice_key(zInput, zKey);
  for (int i = 0; i < p->n; i++) {
    choice_key(p->aChoice[i].zSlug, zCand);
    if (strcmp(zKey, zCand) == 0) return p->aChoice[i].zSlug;
    choice_key(p->aChoice[i].zLabel, zCand);
    if (strcmp(zKey, zCand) == 0) return p->aChoice[i].zSlug;
  }
  return NULL;
}

static int is_leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m) {
  static const int aDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : aDays[m - 1];
}

/* 1 and the parts when z is a real YYYY-MM-DD date. */
static int date_parts(const char *z, int *pY, int *pM, int *pD) {
  if (!z || strlen(z) != 10 || z[4] != '-' || z[7] != '-') return 0;
  for (int i = 0; i < 10; i++) {
    if (i != 4 && i != 7 && !isdigit((unsigned char)z[i])) return 0;
  }
  int y = atoi(z), m = atoi(z + 5), d = atoi(z + 8);
  if (y < 1900 || y > 2200 || m < 1 || m > 12) return 0;
  if (d < 1 || d > days_in_month(y, m)) return 0;
  *pY = y, *pM = m, *pD = d;
  return 1;
}

const char *people_date_problem(const char *z) {
  int y, m, d;
  if (people_blank(z)) return "Escriba la fecha.";
  if (!date_parts(z, &y, &m, &d)) {
    return "Escriba una fecha válida con el formato AAAA-MM-DD (por ejemplo "
           "2024-03-01).";
  }
  return NULL;
}

void people_date_add_years(const char *zDate, int nYears, char zOut[11]) {
  int y, m, d;
  zOut[0] = 0;
  if (!date_parts(zDate, &y, &m, &d)) return;
  y += nYears;
  if (d > days_in_month(y, m)) d = days_in_month(y, m);
  char zTmp[40];
  snprintf(zTmp, sizeof(zTmp), "%04d-%02d-%02d", y, m, d);
  memcpy(zOut, zTmp, 10);
  zOut[10] = 0;
}

const char *people_phone_problem(const char *z) {
  int nDigit = 0;
  for (const char *s = z ? z : ""; *s; s++) {
    if (isdigit((unsigned char)*s)) {
      nDigit++;
    } else if (!strchr("+ -()", *s)) {
      return "El teléfono solo puede tener dígitos, espacios, guiones y "
             "el signo +.";
    }
  }
  if (nDigit < 8 || nDigit > 15) {
    return "El teléfono debe tener entre 8 y 15 dígitos (por ejemplo +56 9 "
           "1234 5678).";
  }
  return NULL;
}

int people_blank(const char *z) {
  for (; z && *z; z++) {
    if (!isspace((unsigned char)*z)) return 0;
  }
  return 1;
}
