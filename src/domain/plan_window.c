/*
** The date-phrase reader (see plan_window.h).
**
** A phrase is read as a list of time expressions (a year, a month, a part
** of a year, a date, a bare day) joined by connectors ("a", "al", "y",
** "hasta", "-", ","), among filler words ("durante", "el", "de", "mes") and
** markers ("desde", "hasta", "todo el año", "según corresponda", "por
** definir"). Every word it knows is in one of the tables below; a word in
** none of them makes the phrase unknown. The window runs from the first
** expression's first day to the last one's last day.
*/
#include "domain/plan_window.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/plan_words.h"

#define PLAN_YEAR_MIN 1990
#define PLAN_YEAR_MAX 2200
#define SPANS_MAX 16 /* Expressions in one phrase: far more than written */

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

void plan_date_add_years(char *z, int nYears) {
  if (!plan_date_valid(z)) return;
  int y = atoi(z) + nYears, m = atoi(z + 5), d = atoi(z + 8);
  if (d > plan_days_in_month(y, m)) d = plan_days_in_month(y, m);
  plan_date_format(z, y, m, d);
}

void plan_date_add_days(char *z, int nDays) {
  if (!plan_date_valid(z)) return;
  int y = atoi(z), m = atoi(z + 5), d = atoi(z + 8) + nDays;
  while (d > plan_days_in_month(y, m)) {
    d -= plan_days_in_month(y, m);
    if (++m > 12) m = 1, y++;
  }
  plan_date_format(z, y, m, d);
}

/* ---- The words ---- */

static const struct {
  const char *zName;
  int iMonth;
} aMonth[] = {
    {"enero", 1},      {"ene", 1},        {"febrero", 2}, {"feb", 2},
    {"marzo", 3},      {"mar", 3},        {"abril", 4},   {"abr", 4},
    {"mayo", 5},       {"may", 5},        {"junio", 6},   {"jun", 6},
    {"julio", 7},      {"jul", 7},        {"agosto", 8},  {"ago", 8},
    {"septiembre", 9}, {"setiembre", 9},  {"sep", 9},     {"sept", 9},
    {"set", 9},        {"octubre", 10},   {"oct", 10},    {"noviembre", 11},
    {"nov", 11},       {"diciembre", 12}, {"dic", 12},
};

/* "último trimestre", "última semana de marzo": the last part. */
#define ORDINAL_LAST 99

/* Ordinals of a part of a year: "primer", "2do", "III", "1°" ("1o"). */
static const struct {
  const char *zWord;
  int i;
} aOrdinal[] = {
    {"primer", 1},
    {"primero", 1},
    {"primera", 1},
    {"1er", 1},
    {"1ro", 1},
    {"1o", 1},
    {"1a", 1},
    {"i", 1},
    {"segundo", 2},
    {"segunda", 2},
    {"2do", 2},
    {"2da", 2},
    {"2o", 2},
    {"2a", 2},
    {"ii", 2},
    {"tercer", 3},
    {"tercero", 3},
    {"tercera", 3},
    {"3er", 3},
    {"3ro", 3},
    {"3o", 3},
    {"3a", 3},
    {"iii", 3},
    {"cuarto", 4},
    {"cuarta", 4},
    {"4to", 4},
    {"4o", 4},
    {"4a", 4},
    {"iv", 4},
    {"quinta", 5},
    {"5a", 5},
    {"5o", 5},
    {"ultimo", ORDINAL_LAST},
    {"ultima", ORDINAL_LAST},
};

/* Parts of a year: how many months each lasts. */
static const struct {
  const char *zWord;
  int nMonths;
} aPart[] = {
    {"semestre", 6}, {"sem", 6},          {"trimestre", 3},
    {"trim", 3},     {"cuatrimestre", 4}, {"bimestre", 2},
};

/* Parts of a month: "primera quincena de mayo", "2° semana de abril". */
static const struct {
  const char *zWord;
  int nDays; /* Days each lasts (the last one runs to the month's end) */
  int nMax;  /* How many a month has */
} aMonthPart[] = {
    {"quincena", 15, 2},
    {"semana", 7, 5},
};

/* Short forms: "q1" (quarter), "t2" (trimestre), "s1" (semestre). */
static const struct {
  char c;
  int nMonths;
} aPartLetter[] = {{'q', 3}, {'t', 3}, {'s', 6}};

typedef enum Marker {
  MARK_FILLER = 0, /* Says nothing about the dates */
  MARK_WEEK,       /* "la semana del 13 de julio": seven days from that day */
  MARK_ONWARD,     /* "abril en adelante": open end, after the date */
  MARK_WHOLE,      /* The whole period: "anual", "permanente" */
  MARK_AS_NEEDED,  /* As it comes: "según corresponda" */
  MARK_UNDEFINED,  /* "por definir": no date yet */
  MARK_FROM,       /* "desde", "a partir de": open end */
  MARK_UNTIL,      /* "hasta", "antes de": open start (or a connector) */
  MARK_JOIN        /* A connector between two expressions */
} Marker;

/* Words and phrases that are not dates themselves. Longer phrases first. */
static const struct {
  const char *zKey;
  Marker eMark;
} aMarker[] = {
    {"segun corresponda", MARK_AS_NEEDED},
    {"cuando corresponda", MARK_AS_NEEDED},
    {"segun se requiera", MARK_AS_NEEDED},
    {"cuando se requiera", MARK_AS_NEEDED},
    {"segun necesidad", MARK_AS_NEEDED},
    {"segun demanda", MARK_AS_NEEDED},
    {"a demanda", MARK_AS_NEEDED},
    {"segun contingencia", MARK_AS_NEEDED},
    {"segun disponibilidad", MARK_AS_NEEDED},
    {"se agendaran", MARK_AS_NEEDED},
    {"segun calendario", MARK_AS_NEEDED},
    {"segun cronograma", MARK_AS_NEEDED},
    {"segun programacion", MARK_AS_NEEDED},
    {"segun agenda", MARK_AS_NEEDED},
    {"de acuerdo al calendario", MARK_AS_NEEDED},
    {"de acuerdo a calendario", MARK_AS_NEEDED},
    {"conforme a calendario", MARK_AS_NEEDED},
    {"conforme al calendario", MARK_AS_NEEDED},
    {"por definir", MARK_UNDEFINED},
    {"a definir", MARK_UNDEFINED},
    {"por confirmar", MARK_UNDEFINED},
    {"por determinar", MARK_UNDEFINED},
    {"sin fecha", MARK_UNDEFINED},
    {"pendiente", MARK_UNDEFINED},
    {"a partir de", MARK_FROM},
    {"a partir del", MARK_FROM},
    {"desde", MARK_FROM},
    {"en adelante", MARK_ONWARD},
    {"fecha limite", MARK_UNTIL},
    {"plazo maximo", MARK_UNTIL},
    {"a mas tardar", MARK_UNTIL},
    {"antes de", MARK_UNTIL},
    {"antes del", MARK_UNTIL},
    {"hasta", MARK_UNTIL},
    {"todo el ano", MARK_WHOLE},
    {"todo el periodo", MARK_WHOLE},
    {"durante el ano", MARK_WHOLE},
    {"anual", MARK_WHOLE},
    {"anualmente", MARK_WHOLE},
    {"continuo", MARK_WHOLE},
    {"continua", MARK_WHOLE},
    {"continuamente", MARK_WHOLE},
    {"permanente", MARK_WHOLE},
    {"permanentemente", MARK_WHOLE},
    {"periodo", MARK_WHOLE},
    {"vigencia", MARK_WHOLE},
    {"siempre", MARK_WHOLE},
    {"cada mes", MARK_WHOLE},
    {"cada dos meses", MARK_WHOLE},
    {"cada semana", MARK_WHOLE},
    {"cada quincena", MARK_WHOLE},
    {"cada trimestre", MARK_WHOLE},
    {"cada semestre", MARK_WHOLE},
    {"una vez al mes", MARK_WHOLE},
    {"una vez por mes", MARK_WHOLE},
    {"una vez por trimestre", MARK_WHOLE},
    {"una vez por semestre", MARK_WHOLE},
    {"una vez al ano", MARK_WHOLE},
    {"mensual", MARK_WHOLE},
    {"bimestralmente", MARK_WHOLE},
    {"trimestralmente", MARK_WHOLE},
    {"semestralmente", MARK_WHOLE},
    {"semanalmente", MARK_WHOLE},
    {"quincenalmente", MARK_WHOLE},
    {"bimensual", MARK_WHOLE},
    {"cuatrimestral", MARK_WHOLE},
    {"mensualmente", MARK_WHOLE},
    {"bimestral", MARK_WHOLE},
    {"trimestral", MARK_WHOLE},
    {"semestral", MARK_WHOLE},
    {"quincenal", MARK_WHOLE},
    {"semanal", MARK_WHOLE},
    {"semana", MARK_WEEK},
    {"ano", MARK_WHOLE},
    {"todo", MARK_WHOLE},
    {"toda", MARK_WHOLE},
    {"al", MARK_JOIN},
    {"a", MARK_JOIN},
    {"y", MARK_JOIN},
    {"e", MARK_JOIN},
    {"o", MARK_JOIN},
    {"u", MARK_JOIN},
    {"durante", MARK_FILLER},
    {"el", MARK_FILLER},
    {"la", MARK_FILLER},
    {"lo", MARK_FILLER},
    {"los", MARK_FILLER},
    {"las", MARK_FILLER},
    {"en", MARK_FILLER},
    {"de", MARK_FILLER},
    {"del", MARK_FILLER},
    {"entre", MARK_FILLER},
    {"mes", MARK_FILLER},
    {"fecha", MARK_FILLER},
    {"plazo", MARK_FILLER},
    {"aprox", MARK_FILLER},
    {"aproximadamente", MARK_FILLER},
    {"estimado", MARK_FILLER},
    {"estimada", MARK_FILLER},
    {"tentativo", MARK_FILLER},
    {"tentativa", MARK_FILLER},
    {"tentativamente", MARK_FILLER},
    {"inicio", MARK_FILLER},
    {"comienzo", MARK_FILLER},
    {"principio", MARK_FILLER},
    {"mediado", MARK_FILLER},
    {"fin", MARK_FILLER}, /* "fines de marzo", "a fin de año" */
    {"final", MARK_FILLER},
    {"se", MARK_FILLER},
    {"realizara", MARK_FILLER},
    {"ejecutara", MARK_FILLER},
    {"plan", MARK_FILLER},
    {"cada", MARK_FILLER},
    {"por", MARK_FILLER},
    {"ejecucion", MARK_FILLER},
    {"sesion", MARK_FILLER}, /* "según calendario de sesiones" */
};

/* Punctuation that joins expressions; the rest ("(", ")", ".") is ignored. */
#define PUNCT_JOIN "-/,;&+"

/* ---- Expressions ---- */

typedef struct Span {
  int y;      /* Year, 0: not said */
  int m1, d1; /* First month and day (m1 0: a bare day; d1 0: the 1st) */
  int m2, d2; /* Last month and day (d2 0: the month's last day) */
} Span;

typedef struct Reader {
  Arena *pArena;
  const PlanToken *a;
  int n;
} Reader;

static int tok_is(const Reader *p, int i, PlanTokenKind e) {
  return i < p->n && p->a[i].eKind == e;
}

static int tok_punct(const Reader *p, int i, char c) {
  return tok_is(p, i, PLAN_TOK_PUNCT) && p->a[i].zText[0] == c;
}

static int month_at(const Reader *p, int i) {
  if (!tok_is(p, i, PLAN_TOK_WORD)) return 0;
  for (size_t k = 0; k < sizeof(aMonth) / sizeof(aMonth[0]); k++) {
    if (strcmp(p->a[i].zText, aMonth[k].zName) == 0) return aMonth[k].iMonth;
  }
  return 0;
}

static int ordinal_at(const Reader *p, int i) {
  if (tok_is(p, i, PLAN_TOK_NUM) && p->a[i].iValue >= 1 && p->a[i].iValue <= 6)
    return (int)p->a[i].iValue;
  if (!tok_is(p, i, PLAN_TOK_WORD)) return 0;
  for (size_t k = 0; k < sizeof(aOrdinal) / sizeof(aOrdinal[0]); k++) {
    if (strcmp(p->a[i].zText, aOrdinal[k].zWord) == 0) return aOrdinal[k].i;
  }
  return 0;
}

static int part_at(const Reader *p, int i) {
  if (!tok_is(p, i, PLAN_TOK_WORD)) return 0;
  for (size_t k = 0; k < sizeof(aPart) / sizeof(aPart[0]); k++) {
    if (strcmp(p->a[i].zStem, plan_word_stem(p->pArena, aPart[k].zWord)) == 0)
      return aPart[k].nMonths;
  }
  return 0;
}

static int year_at(const Reader *p, int i) {
  if (!tok_is(p, i, PLAN_TOK_NUM) || p->a[i].nDigit != 4) return 0;
  long y = p->a[i].iValue;
  return y >= PLAN_YEAR_MIN && y <= PLAN_YEAR_MAX ? (int)y : 0;
}

/* An optional "de"/"del"/"," and a year after an expression; *pi moves
** past them when there is a year. */
static int year_after(const Reader *p, int *pi) {
  int i = *pi;
  if (tok_is(p, i, PLAN_TOK_WORD) &&
      (strcmp(p->a[i].zText, "de") == 0 || strcmp(p->a[i].zText, "del") == 0))
    i++;
  else if (tok_punct(p, i, ','))
    i++;
  int bParen = tok_punct(p, i, '('); /* "Primer semestre (2025)" */
  int y = year_at(p, i + bParen);
  if (!y || (bParen && !tok_punct(p, i + 2, ')'))) return 0;
  *pi = i + 1 + 2 * bParen;
  return y;
}

static void span_part(Span *s, int iPart, int nMonths) {
  s->m1 = (iPart - 1) * nMonths + 1;
  s->m2 = iPart * nMonths;
}

/* "semestre 1", "primer semestre", "q1", "1t". */
static int read_part(const Reader *p, int *pi, Span *s) {
  int i = *pi, nMonths, iPart, iLast;
  /* "1° y 2° semestre", "primer a tercer trimestre": from one to the other. */
  if ((iPart = ordinal_at(p, i)) != 0 &&
      (tok_punct(p, i + 1, ',') || tok_punct(p, i + 1, '-') ||
       (tok_is(p, i + 1, PLAN_TOK_WORD) &&
        (strcmp(p->a[i + 1].zText, "y") == 0 ||
         strcmp(p->a[i + 1].zText, "a") == 0 ||
         strcmp(p->a[i + 1].zText, "al") == 0))) &&
      (iLast = ordinal_at(p, i + 2)) > iPart &&
      (nMonths = part_at(p, i + 3)) != 0 && iLast * nMonths <= 12) {
    i += 4;
    span_part(s, iPart, nMonths);
    s->m2 = iLast * nMonths;
    s->y = year_after(p, &i);
    *pi = i;
    return 1;
  }
  if ((iPart = ordinal_at(p, i)) != 0 && (nMonths = part_at(p, i + 1)) != 0) {
    i += 2;
  } else if ((nMonths = part_at(p, i)) != 0 &&
             (iPart = ordinal_at(p, i + 1)) != 0) {
    i += 2;
  } else if (tok_is(p, i, PLAN_TOK_WORD) && strlen(p->a[i].zText) == 2) {
    const char *z = p->a[i].zText;
    char cLetter = isdigit((unsigned char)z[0]) ? z[1] : z[0];
    char cDigit = isdigit((unsigned char)z[0]) ? z[0] : z[1];
    nMonths = 0;
    for (size_t k = 0; k < sizeof(aPartLetter) / sizeof(aPartLetter[0]); k++)
      if (aPartLetter[k].c == cLetter) nMonths = aPartLetter[k].nMonths;
    iPart = cDigit - '0';
    if (!nMonths || !isdigit((unsigned char)cDigit)) return 0;
    i++;
  } else {
    return 0;
  }
  if (iPart == ORDINAL_LAST) iPart = 12 / nMonths;
  if (iPart < 1 || iPart * nMonths > 12) return 0;
  span_part(s, iPart, nMonths);
  s->y = year_after(p, &i);
  *pi = i;
  return 1;
}

/* "primera quincena de mayo", "2° semana de abril de 2026", "última
** semana de marzo": days of one month. */
static int read_month_part(const Reader *p, int *pi, Span *s) {
  int i = *pi, iPart = ordinal_at(p, i), k = -1;
  if (!iPart || !tok_is(p, i + 1, PLAN_TOK_WORD)) return 0;
  for (size_t j = 0; j < sizeof(aMonthPart) / sizeof(aMonthPart[0]); j++) {
    if (strcmp(p->a[i + 1].zStem,
               plan_word_stem(p->pArena, aMonthPart[j].zWord)) == 0)
      k = (int)j;
  }
  if (k < 0) return 0;
  int bLast = iPart == ORDINAL_LAST;
  if (bLast) iPart = aMonthPart[k].nMax;
  if (iPart > aMonthPart[k].nMax) return 0;
  i += 2;
  if (tok_is(p, i, PLAN_TOK_WORD) &&
      (strcmp(p->a[i].zText, "de") == 0 || strcmp(p->a[i].zText, "del") == 0))
    i++;
  int m = month_at(p, i);
  if (!m) return 0;
  i++;
  s->m1 = s->m2 = m;
  s->d1 = (iPart - 1) * aMonthPart[k].nDays + 1;
  /* The last part runs to the month's end (d2 0), whatever its length. */
  s->d2 = iPart == aMonthPart[k].nMax ? 0 : iPart * aMonthPart[k].nDays;
  /* "La última semana" is the month's last days, not a short fifth one. */
  if (bLast && iPart > 2) s->d1 = (iPart - 2) * aMonthPart[k].nDays + 1;
  s->y = year_after(p, &i);
  *pi = i;
  return 1;
}

/* "15-04-2025", "15/04/25", "2025-04-15", "04/2025", "15/04". */
static int read_numeric_date(const Reader *p, int *pi, Span *s) {
  int i = *pi;
  if (!tok_is(p, i, PLAN_TOK_NUM) || !tok_is(p, i + 1, PLAN_TOK_PUNCT) ||
      !tok_is(p, i + 2, PLAN_TOK_NUM) || p->a[i + 1].bSpaceBefore ||
      p->a[i + 2].bSpaceBefore)
    return 0;
  char cSep = p->a[i + 1].zText[0];
  if (!strchr("-/.", cSep)) return 0;
  const PlanToken *a = p->a;
  int bThird = tok_punct(p, i + 3, cSep) && tok_is(p, i + 4, PLAN_TOK_NUM) &&
               !a[i + 3].bSpaceBefore && !a[i + 4].bSpaceBefore;
  long y = 0, m, d;
  if (a[i].nDigit == 4 && bThird && cSep == '-') { /* ISO */
    y = a[i].iValue, m = a[i + 2].iValue, d = a[i + 4].iValue;
  } else if (a[i].nDigit <= 2 && bThird &&
             (a[i + 4].nDigit == 4 || a[i + 4].nDigit == 2)) {
    d = a[i].iValue, m = a[i + 2].iValue, y = a[i + 4].iValue;
    if (a[i + 4].nDigit == 2) y += 2000;
  } else if (a[i].nDigit <= 2 && !bThird && a[i + 2].nDigit == 4) {
    m = a[i].iValue, y = a[i + 2].iValue; /* month/year */
    if (m < 1 || m > 12 || y < PLAN_YEAR_MIN || y > PLAN_YEAR_MAX) return 0;
    s->y = (int)y;
    s->m1 = s->m2 = (int)m;
    *pi = i + 3;
    return 1;
  } else if (a[i].nDigit <= 2 && !bThird && a[i + 2].nDigit <= 2 &&
             cSep != '-') {
    d = a[i].iValue, m = a[i + 2].iValue; /* day/month, year from context */
  } else {
    return 0;
  }
  if (m < 1 || m > 12 || d < 1 || d > 31) return 0;
  if (y && (y < PLAN_YEAR_MIN || y > PLAN_YEAR_MAX ||
            d > plan_days_in_month((int)y, (int)m)))
    return 0;
  s->y = (int)y;
  s->m1 = s->m2 = (int)m;
  s->d1 = s->d2 = (int)d;
  *pi = i + (bThird ? 5 : 3);
  return 1;
}

/* "15 de abril de 2025", "15 abril", "abril de 2025", "marzo". */
static int read_day_month(const Reader *p, int *pi, Span *s) {
  int i = *pi, d = 0;
  if (tok_is(p, i, PLAN_TOK_NUM) && p->a[i].nDigit <= 2 &&
      p->a[i].iValue >= 1 && p->a[i].iValue <= 31) {
    int k = i + 1;
    if (tok_is(p, k, PLAN_TOK_WORD) && strcmp(p->a[k].zText, "de") == 0) k++;
    if (!month_at(p, k)) return 0;
    d = (int)p->a[i].iValue;
    i = k;
  }
  int m = month_at(p, i);
  if (!m) return 0;
  i++;
  s->m1 = s->m2 = m;
  s->d1 = s->d2 = d;
  s->y = year_after(p, &i);
  *pi = i;
  return 1;
}

/* One expression at *pi, or 0. */
static int read_span(const Reader *p, int *pi, Span *s) {
  memset(s, 0, sizeof(*s));
  if (read_numeric_date(p, pi, s) || read_month_part(p, pi, s) ||
      read_part(p, pi, s) || read_day_month(p, pi, s))
    return 1;
  int y = year_at(p, *pi);
  if (y) {
    s->y = y;
    s->m1 = 1, s->m2 = 12;
    (*pi)++;
    return 1;
  }
  /* A bare day before a connector: "15 al 30 de abril". */
  if (tok_is(p, *pi, PLAN_TOK_NUM) && p->a[*pi].nDigit <= 2 &&
      p->a[*pi].iValue >= 1 && p->a[*pi].iValue <= 31) {
    s->d1 = s->d2 = (int)p->a[*pi].iValue;
    (*pi)++;
    return 1;
  }
  return 0;
}

/* The marker at *pi (moving past it), or -1 when the word is unknown. */
static int read_marker(const Reader *p, int *pi) {
  if (tok_is(p, *pi, PLAN_TOK_PUNCT)) {
    int bJoin = strchr(PUNCT_JOIN, p->a[*pi].zText[0]) != NULL;
    (*pi)++;
    return bJoin ? MARK_JOIN : MARK_FILLER;
  }
  for (size_t k = 0; k < sizeof(aMarker) / sizeof(aMarker[0]); k++) {
    int n = plan_tokens_match(p->pArena, p->a, p->n, *pi, aMarker[k].zKey);
    if (n > 0) {
      *pi += n;
      return (int)aMarker[k].eMark;
    }
  }
  return -1;
}

/* ---- From expressions to a window ---- */

static void span_first_day(const Span *s, char *z) {
  plan_date_format(z, s->y, s->m1, s->d1 ? s->d1 : 1);
}

static void span_last_day(const Span *s, char *z) {
  plan_date_format(z, s->y, s->m2,
                   s->d2 ? s->d2 : plan_days_in_month(s->y, s->m2));
}

/* Gives every expression a month and a year when another one in the phrase
** says them; returns 1 when all have a year. */
static int spans_complete(Span *a, int n) {
  for (int k = n - 2; k >= 0; k--) {
    if (a[k].m1 == 0 && a[k + 1].m1) { /* bare day: "15 al 30 de abril" */
      a[k].m1 = a[k].m2 = a[k + 1].m1;
    }
  }
  for (int k = n - 2; k >= 0; k--) {
    if (a[k].y || !a[k + 1].y || !a[k].m1) continue;
    int bLater = a[k].m1 > a[k + 1].m1 ||
                 (a[k].m1 == a[k + 1].m1 && a[k].d1 > a[k + 1].d1);
    a[k].y = a[k + 1].y - bLater; /* "noviembre a febrero 2026" */
  }
  for (int k = 1; k < n; k++) {
    if (a[k].y || !a[k - 1].y || !a[k].m1) continue;
    a[k].y = a[k - 1].y + (a[k].m2 < a[k - 1].m1);
  }
  for (int k = 0; k < n; k++) {
    if (!a[k].y || !a[k].m1) return 0;
  }
  return 1;
}

/* The window of spans a[0..n-1] once a[0] is in year y (the others follow,
** crossing the year end when a month comes before the one before it). */
static int spans_window(Span *a, int n, char *zStart, char *zEnd) {
  for (int k = 0; k < n; k++) {
    if (a[k].m1 == 0 || a[k].y < PLAN_YEAR_MIN || a[k].y > PLAN_YEAR_MAX)
      return 0;
    int d2 = a[k].d2 ? a[k].d2 : 1;
    if (d2 > plan_days_in_month(a[k].y, a[k].m2) ||
        (a[k].d1 && a[k].d1 > plan_days_in_month(a[k].y, a[k].m1)))
      return 0;
  }
  span_first_day(&a[0], zStart);
  span_last_day(&a[n - 1], zEnd);
  return strcmp(zStart, zEnd) <= 0;
}

static void set_reason(PlanWindow *p, const char *zFmt, ...)
    __attribute__((format(printf, 2, 3)));
static void set_reason(PlanWindow *p, const char *zFmt, ...) {
  va_list ap;
  va_start(ap, zFmt);
  vsnprintf(p->zReason, sizeof(p->zReason), zFmt, ap);
  va_end(ap);
  p->bFlagged = 1;
}

static void whole_period(PlanWindow *p, const char *zPs, const char *zPe) {
  snprintf(p->zStart, PLAN_DATE_SIZE, "%s", zPs);
  snprintf(p->zEnd, PLAN_DATE_SIZE, "%s", zPe);
}

/* Spans with no year anywhere: the first year of the period they fit in. */
static int spans_in_period(Span *a, int n, const char *zPs, const char *zPe,
                           PlanWindow *pOut) {
  int y0 = atoi(zPs), y1 = atoi(zPe), nFit = 0, yFirst = 0;
  Span aTry[SPANS_MAX];
  for (int y = y0; y <= y1; y++) {
    memcpy(aTry, a, sizeof(Span) * (size_t)n);
    aTry[0].y = y;
    char zS[PLAN_DATE_SIZE], zE[PLAN_DATE_SIZE];
    if (!spans_complete(aTry, n) || !spans_window(aTry, n, zS, zE)) continue;
    if (strcmp(zS, zPs) < 0 || strcmp(zE, zPe) > 0) continue;
    if (nFit++ == 0) {
      yFirst = y;
      memcpy(pOut->zStart, zS, PLAN_DATE_SIZE);
      memcpy(pOut->zEnd, zE, PLAN_DATE_SIZE);
    }
  }
  if (nFit == 0) {
    memcpy(aTry, a, sizeof(Span) * (size_t)n);
    aTry[0].y = y0;
    if (!spans_complete(aTry, n) ||
        !spans_window(aTry, n, pOut->zStart, pOut->zEnd))
      return 0;
    set_reason(pOut,
               "La frase no dice el año y no cabe en el periodo del plan: "
               "se supuso %d.",
               y0);
  } else if (nFit > 1) {
    set_reason(pOut,
               "La frase no dice el año y el periodo del plan tiene más de "
               "uno: se supuso %d.",
               yFirst);
  }
  return 1;
}

/* Reads the phrase; 1 when understood. */
static int parse_phrase(Arena *pArena, const char *zPhrase, const char *zPs,
                        const char *zPe, PlanWindow *pOut) {
  Reader r = {pArena, NULL, 0};
  r.n = plan_tokens(pArena, zPhrase, (PlanToken **)&r.a);
  if (r.n == 0) {
    set_reason(pOut,
               "La línea no dice fechas: se usa todo el periodo del "
               "plan.");
    return 0;
  }
  Span aSpan[SPANS_MAX];
  int nSpan = 0, bWhole = 0, bAsNeeded = 0, bUndefined = 0, bFrom = 0,
      bUntil = 0, bWeek = 0, bOnward = 0;
  for (int i = 0; i < r.n;) {
    Span s;
    int iAt = i;
    if (nSpan < SPANS_MAX && read_span(&r, &i, &s)) {
      aSpan[nSpan++] = s;
      continue;
    }
    i = iAt;
    int eMark = read_marker(&r, &i);
    if (eMark < 0) {
      set_reason(pOut,
                 "No se entendió «%s» como fecha: se usa todo el periodo "
                 "del plan.",
                 zPhrase);
      return 0;
    }
    bWhole |= eMark == MARK_WHOLE;
    bAsNeeded |= eMark == MARK_AS_NEEDED;
    bUndefined |= eMark == MARK_UNDEFINED;
    bFrom |= eMark == MARK_FROM && nSpan == 0;
    bUntil |= eMark == MARK_UNTIL && nSpan == 0;
    /* "Al 30 de junio", "A diciembre": a deadline, from the period's start. */
    bUntil |=
        eMark == MARK_JOIN && nSpan == 0 && iAt == 0 &&
        (strcmp(r.a[iAt].zText, "a") == 0 || strcmp(r.a[iAt].zText, "al") == 0);
    bWeek |= eMark == MARK_WEEK;
    bOnward |= eMark == MARK_ONWARD && nSpan > 0;
  }
  if (nSpan == 0) {
    whole_period(pOut, zPs, zPe);
    if (bUndefined) {
      set_reason(pOut,
                 "La fecha está por definir: se usa todo el periodo "
                 "del plan.");
      return 0;
    }
    pOut->bAsNeeded = bAsNeeded;
    if (bWhole || bAsNeeded) return 1;
    set_reason(pOut,
               "No se entendió «%s» como fecha: se usa todo el periodo "
               "del plan.",
               zPhrase);
    return 0;
  }
  if (spans_complete(aSpan, nSpan)) {
    if (!spans_window(aSpan, nSpan, pOut->zStart, pOut->zEnd)) {
      set_reason(pOut,
                 "Las fechas de «%s» no existen o terminan antes de "
                 "empezar: se usa todo el periodo del plan.",
                 zPhrase);
      return 0;
    }
  } else if (!spans_in_period(aSpan, nSpan, zPs, zPe, pOut)) {
    set_reason(pOut,
               "No se entendió «%s» como fecha: se usa todo el periodo "
               "del plan.",
               zPhrase);
    return 0;
  }
  if (bWeek && strcmp(pOut->zStart, pOut->zEnd) == 0)
    plan_date_add_days(pOut->zEnd, 6);
  if (nSpan == 1 && (bFrom || bOnward)) memcpy(pOut->zEnd, zPe, PLAN_DATE_SIZE);
  if (nSpan == 1 && bUntil) memcpy(pOut->zStart, zPs, PLAN_DATE_SIZE);
  if (strcmp(pOut->zStart, pOut->zEnd) > 0) {
    set_reason(pOut,
               "«%s» queda fuera del periodo del plan: se usa todo el "
               "periodo.",
               zPhrase);
    return 0;
  }
  if (strcmp(pOut->zEnd, zPs) < 0 || strcmp(pOut->zStart, zPe) > 0) {
    set_reason(pOut, "Las fechas quedan fuera del periodo del plan.");
  }
  return 1;
}

/* The phrase without what it says in parentheses ("Agosto 2025 (Día del
** Dirigente)"), or, with bInside, only what it says in them ("15 de
** junio" of "Junio (15 de junio)"); NULL when it has no parentheses. */
static const char *asides(Arena *pArena, const char *z, int bInside) {
  if (!z || !strchr(z, '(')) return NULL;
  Buf b;
  buf_init(&b, pArena);
  int nDepth = 0;
  for (; *z; z++) {
    if (*z == '(' && nDepth++ == 0 && bInside && b.n) buf_putc(&b, ' ');
    if ((nDepth > 0) == bInside && *z != '(' && *z != ')') buf_putc(&b, *z);
    if (*z == ')' && nDepth) nDepth--;
  }
  return buf_str(&b);
}

/* 1 when window a lies inside b and is shorter. */
static int window_narrower(const PlanWindow *a, const PlanWindow *b) {
  return strcmp(a->zStart, b->zStart) >= 0 && strcmp(a->zEnd, b->zEnd) <= 0 &&
         (strcmp(a->zStart, b->zStart) != 0 || strcmp(a->zEnd, b->zEnd) != 0);
}

int plan_window_parse(const char *zPhrase, const char *zPeriodStart,
                      const char *zPeriodEnd, PlanWindow *pOut) {
  memset(pOut, 0, sizeof(*pOut));
  Arena *pArena = arena_new();
  int bOk = parse_phrase(pArena, zPhrase ? zPhrase : "", zPeriodStart,
                         zPeriodEnd, pOut);
  const char *zBare = asides(pArena, zPhrase, 0);
  if (zBare && bOk && !pOut->bFlagged) {
    /* "Junio (15 de junio)", "Primer semestre (marzo a junio)": a date
    ** said again more precisely in parentheses is the date. */
    PlanWindow bare, inside;
    memset(&bare, 0, sizeof(bare));
    memset(&inside, 0, sizeof(inside));
    if (parse_phrase(pArena, zBare, zPeriodStart, zPeriodEnd, &bare) &&
        parse_phrase(pArena, asides(pArena, zPhrase, 1), zPeriodStart,
                     zPeriodEnd, &inside) &&
        !bare.bFlagged && !inside.bFlagged && !inside.bAsNeeded &&
        window_narrower(&inside, &bare))
      *pOut = inside;
  } else if (zBare && !bOk) {
    char zReason[PLAN_REASON_SIZE];
    memcpy(zReason, pOut->zReason, sizeof(zReason));
    memset(pOut, 0, sizeof(*pOut));
    bOk = parse_phrase(pArena, zBare, zPeriodStart, zPeriodEnd, pOut);
    if (!bOk) memcpy(pOut->zReason, zReason, sizeof(zReason));
  }
  arena_free(pArena);
  if (!bOk) {
    char zReason[PLAN_REASON_SIZE];
    memcpy(zReason, pOut->zReason, sizeof(zReason));
    memset(pOut, 0, sizeof(*pOut));
    whole_period(pOut, zPeriodStart, zPeriodEnd);
    pOut->bFlagged = 1;
    memcpy(pOut->zReason, zReason, sizeof(zReason));
  }
  return bOk;
}

void plan_window_years(const char *zPhrase, int *piFirst, int *piLast) {
  *piFirst = *piLast = 0;
  Arena *pArena = arena_new();
  PlanToken *aTok;
  int nTok = plan_tokens(pArena, zPhrase, &aTok);
  Reader r = {pArena, aTok, nTok};
  for (int i = 0; i < nTok; i++) {
    int y = year_at(&r, i);
    if (!y) continue;
    if (!*piFirst || y < *piFirst) *piFirst = y;
    if (y > *piLast) *piLast = y;
  }
  arena_free(pArena);
}
