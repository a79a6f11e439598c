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
  const char *zShortName;   /* The name the pages show, shorter */
  const char *zInstitution; /* The ministry or service it advises; "" */
  const char *zRegion;      /* CUT region code ("04"); "" when none */
  const char *zSeatCommune; /* CUT code of its seat commune; "" when none */
  int nTermYears;           /* Councillors' term length, years */
  const char *zSlug;        /* Its URLs' name, /c/SLUG/: ASCII, lower-case */
  const char *zLogoUrl;     /* Address of its logo; "" when none */
  const char *zTermStart;   /* Its term of office, YYYY-MM-DD; "" unknown */
  const char *zTermEnd;
  int iVersion; /* councils.version (the edit page's lock) */
} Council;

/* The longest slug, and its buffer. */
#define COUNCIL_SLUG_MAX 60
#define COUNCIL_SLUG_SIZE (COUNCIL_SLUG_MAX + 1)

/* A slug from a short name: ASCII letters and digits in lower case, accents
** dropped («Ñuble» → "nuble"), every other run of characters one '-', no
** '-' at either end, cut at COUNCIL_SLUG_MAX; "" when nothing is left. */
void council_slug_from(const char *zName, char zSlug[COUNCIL_SLUG_SIZE]);
/* 1 when zSlug is one council_slug_from() could make (nonempty). */
int council_slug_valid(const char *zSlug);

/* Which council a request is about, from what it carries: each source in
** the order that decides, 0 when it names none. */
typedef struct CouncilAsk {
  int64_t iPrefix; /* The /c/SLUG/ path prefix */
  int64_t iAsked;  /* ?council=ID on GET, "council": ID in a JSON body */
  int64_t iUser;   /* The signed-in user's current council */
  int64_t iOnly;   /* The installation's only council; with several, the
                   ** lowest-numbered (the one served before there could
                   ** be several) */
} CouncilAsk;
/* The first of them that names a council, 0 when none does. */
int64_t council_resolve(const CouncilAsk *pAsk);

#endif
