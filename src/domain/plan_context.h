/*
** What the plan importer knows about the council a plan is for: every
** commune of Chile (to read «fuera de Temuco», «en comunas distintas a
** Puerto Montt»), the council's region (whose provinces «en cada
** provincia» asks for) and seat commune («fuera de la capital regional»),
** and the council's own evidence kinds (wordings earlier plans used that
** are none of the standard ones).
**
** Plain data filled by whoever reads the database (the plan store) or by a
** test; no commune, region or council is named in code. Lookups are pure.
*/
#ifndef COSOC_DOMAIN_PLAN_CONTEXT_H
#define COSOC_DOMAIN_PLAN_CONTEXT_H

typedef struct PlanPlace {
  const char *zCode;         /* CUT commune code, five digits */
  const char *zName;         /* Its official name */
  const char *zProvinceCode; /* "041" */
  const char *zProvinceName; /* The province's official name */
} PlanPlace;

typedef struct PlanCouncilKind {
  const char *zSlug;       /* "registro_audiovisual" */
  const char *zLabel;      /* "Registro audiovisual" */
  const char *zMergedInto; /* The kind it now counts as, or NULL */
  int bReviewed;           /* The officer has looked at it */
} PlanCouncilKind;

typedef struct PlanContext {
  int nPlace;              /* Every commune (0: no place rules are read) */
  const PlanPlace *aPlace; /* Ordered by code */
  const char *zRegionCode; /* The council's region ("04"), NULL: unknown */
  const char *zSeatCode;   /* Its seat commune (CUT), NULL: unknown */
  int nKind;               /* The council's own evidence kinds */
  const PlanCouncilKind *aKind;
} PlanContext;

#define PLAN_PROVINCES_MAX 16 /* Provinces of one region: Santiago has 6 */

/* The commune a name means (any case or accents, or a known alternative
** spelling: "paiguano"), or NULL. */
const PlanPlace *plan_place_by_name(const PlanContext *pCtx, const char *zName);
/* The commune with that CUT code, or NULL. */
const PlanPlace *plan_place_by_code(const PlanContext *pCtx, const char *zCode);
/* The provinces of the council's region, in code order: codes and names
** into the arrays (PLAN_PROVINCES_MAX each); returns how many (0 when the
** region is unknown). */
int plan_region_provinces(const PlanContext *pCtx, const char **azCode,
                          const char **azName);
/* A region's capital: by the CUT numbering its lowest commune code (the
** first commune of its first province), or NULL. */
const char *plan_region_capital(const PlanContext *pCtx, const char *zRegion);

/* The region a text names as «Región de X» / «Región del X» / «Región X»
** (X the official name in azName, its part before "del", "de" or "y", or
** its last one or two words: «Región de Los Lagos», «Región
** Metropolitana», «Región de O'Higgins», «Región de Aysén»), case and
** accents folded: its index in azName, or -1. */
int plan_region_in_text(const char *zText, const char *const *azName,
                        int nName);

/* The council kind with that slug (merged ones included), or NULL. */
const PlanCouncilKind *plan_council_kind(const PlanContext *pCtx,
                                         const char *zSlug);

#endif
