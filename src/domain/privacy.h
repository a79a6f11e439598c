/*
** The rights a person has over their data (Ley 21.719) and the rules of a
** request to exercise one: which rights, their names, and the deadline.
** Pure: no SQL, no HTTP.
*/
#ifndef COSOC_DOMAIN_PRIVACY_H
#define COSOC_DOMAIN_PRIVACY_H

#include <stdint.h>

/* Calendar days the law gives to answer a request. */
#define PRIVACY_ANSWER_DAYS 30

typedef struct PrivacyRight {
  const char *zSlug;  /* privacy_requests.kind */
  const char *zLabel; /* "Acceso", … */
  const char *zHint;  /* What it asks for, one sentence */
} PrivacyRight;

/* The rights, NULL-terminated. */
extern const PrivacyRight privacy_rights[];
/* The right with this slug, NULL when none. */
const PrivacyRight *privacy_right(const char *zSlug);

/* The date PRIVACY_ANSWER_DAYS calendar days after zReceived
** ("YYYY-MM-DD") into zDue (11 bytes); 0, or -1 when zReceived is not a
** date. */
int privacy_due_date(const char *zReceived, char zDue[11]);
/* Calendar days from zToday to zDue (negative: overdue); both dates. */
int privacy_days_left(const char *zToday, const char *zDue);

/* Aggregates of sensitive data never show a small group: counts from 1 to
** PRIVACY_SMALL_COUNT - 1 are «menos de 5». The text into z (16 bytes). */
#define PRIVACY_SMALL_COUNT 5
const char *privacy_count_text(int n, char z[16]);

#endif
