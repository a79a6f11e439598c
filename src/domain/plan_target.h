/*
** Targets of plan lines: how many qualifying activities a line promises,
** of which kinds, where not, and whether each province of the region must
** have one. Read from the line's target column (META / INDICADOR) when it
** says a quantity, else from its actions ("a lo menos 5 reuniones…",
** «cuatro (4) talleres», «Al menos 6 sesiones del pleno», «2 actividades
** fuera de Temuco», «una charla en cada provincia»); otherwise one activity
** of any kind. The result is a suggestion the officer may correct; what
** could not be read (a place that is no commune, a rule the council's data
** cannot answer) is flagged with the reason.
**
** Pure functions: no SQL, no HTTP. Kinds are the CONTRACT activity slugs;
** communes are CUT codes, looked up by name in the council's context
** (plan_context.h): no commune is named here.
*/
#ifndef COSOC_DOMAIN_PLAN_TARGET_H
#define COSOC_DOMAIN_PLAN_TARGET_H

#include "domain/plan_context.h"
#include "domain/plan_window.h"

#define PLAN_TARGET_KINDS_MAX 13 /* Every activity kind */
#define PLAN_TARGET_COMMUNES_MAX 16
#define PLAN_TARGET_COUNT_MAX 1000 /* More is surely a typing error */

typedef struct PlanTarget {
  int nCount;                                /* Activities required, >= 1 */
  int nKind;                                 /* 0: any kind */
  const char *azKind[PLAN_TARGET_KINDS_MAX]; /* Activity slugs (static) */
  int nExclude;                              /* Communes not counted */
  const char *azExclude[PLAN_TARGET_COMMUNES_MAX];     /* CUT codes */
  const char *azExcludeName[PLAN_TARGET_COMMUNES_MAX]; /* Names, or NULL */
  int nProvince; /* Provinces that must each have one (0: no such rule) */
  const char *azProvince[PLAN_PROVINCES_MAX];     /* Province codes */
  const char *azProvinceName[PLAN_PROVINCES_MAX]; /* Names, or NULL */
  int bModules; /* Counts a course's modules one by one («4 módulos»);
                ** otherwise a course counts once (compliance.h) */
  int bFlagged; /* Something could not be read */
  char zReason[PLAN_REASON_SIZE]; /* What, in Spanish ("" when not) */
} PlanTarget;

/* The target a line's actions and target column (zMeta, may be NULL or "")
** describe (see above), with pCtx's places (may be NULL: no place rules).
** pWindow, the line's dates (may be NULL: a year), counts a frequency said
** without a number («sesiones mensuales»: one a month of the window,
** flagged as the guess it is). Strings in *pOut are static or pCtx's. */
void plan_target_suggest(const char *zActions, const char *zMeta,
                         const PlanContext *pCtx, const PlanWindow *pWindow,
                         PlanTarget *pOut);

/* 1 when both targets ask for the same thing (order ignored; flags and
** names not compared). */
int plan_target_equal(const PlanTarget *pA, const PlanTarget *pB);

/* 1 when z is a CUT commune code: five digits. */
int plan_cut_code_valid(const char *z);

/* Fills the names of pTarget's communes and provinces from pCtx. */
void plan_target_name_places(PlanTarget *pTarget, const PlanContext *pCtx);

/* Sets pTarget's province rule to every province of pCtx's region (clears
** it when bEach is 0); 0 when the region is unknown. */
int plan_target_each_province(PlanTarget *pTarget, const PlanContext *pCtx,
                              int bEach);

#endif
