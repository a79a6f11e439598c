/*
** The vocabulary of people and organizations: the slugs stored in the
** database with their Spanish labels, and the small checks every form and
** every imported row share (dates, phones). Pure functions, no SQL.
**
** Slugs are stable (stored, exported, sent by the API); labels are what
** people read and may be reworded freely.
*/
#ifndef COSOC_DOMAIN_PEOPLE_H
#define COSOC_DOMAIN_PEOPLE_H

#include "domain/slug.h"

typedef SlugLabel PeopleChoice;

/* A list of choices: aChoice has n entries. */
typedef struct PeopleChoices {
  const PeopleChoice *aChoice;
  int n;
} PeopleChoices;

extern const PeopleChoices people_org_kinds;          /* junta_vecinos... */
extern const PeopleChoices people_council_roles;      /* presidente... */
extern const PeopleChoices people_member_statuses;    /* vigente... */
extern const PeopleChoices people_genders;            /* femenino... */
extern const PeopleChoices people_directory_kinds;    /* seremi... */
extern const PeopleChoices people_directory_statuses; /* por_contactar... */

/* The label of zSlug, or NULL when zSlug is not one of the choices. */
const char *people_label(const PeopleChoices *p, const char *zSlug);
/* The slug for what a person typed in a spreadsheet: the slug itself or the
** label, in any case and with or without accents ("Junta de Vecinos",
** "junta_vecinos", "Presidenta" for presidente). NULL when nothing fits. */
const char *people_slug_from_input(const PeopleChoices *p, const char *zInput);

/* NULL when z is a real calendar date written YYYY-MM-DD, else a Spanish
** sentence. */
const char *people_date_problem(const char *z);
/* The date nYears after zDate (29 February becomes 28 February), written
** into zOut; "" when zDate is not a date. */
void people_date_add_years(const char *zDate, int nYears, char zOut[11]);
/* NULL when z looks like a phone number (8 to 15 digits, with optional
** "+", spaces, hyphens, parentheses), else a Spanish sentence. */
const char *people_phone_problem(const char *z);
/* 1 when z is NULL or only white space. */
int people_blank(const char *z);

#endif
