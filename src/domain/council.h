/*
** A council (consejo) as the rest of the program sees it: a plain struct,
** filled by the council module (src/store/council/council.h), which is the
** one place that answers "which council" and "its settings".
*/
#ifndef COSOC_DOMAIN_COUNCIL_H
#define COSOC_DOMAIN_COUNCIL_H

#include <stdint.h>

#define COUNCIL_TERM_YEARS_DEFAULT 4 /* When the stored value is unusable */
#define COUNCIL_TERM_YEARS_MIN 1
#define COUNCIL_TERM_YEARS_MAX 10

typedef struct Council {
  int64_t id;               /* councils.id */
  const char *zName;        /* "Consejo de la Sociedad Civil MINVU–…" */
  const char *zShortName;   /* "COSOC Minvu Serviu Coquimbo" */
  const char *zInstitution; /* The ministry or service it advises; "" */
  const char *zRegion;      /* CUT region code ("04"); "" when none */
  const char *zSeatCommune; /* CUT code of its seat commune; "" when none */
  int nTermYears;           /* Councillors' term length, years */
} Council;

#endif
