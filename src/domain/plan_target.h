/*
** Targets of plan lines: how many qualifying activities a line promises,
** of which kinds, and where not. Read from the ACCIONES text when it says
** so ("a lo menos 5 reuniones…"); otherwise one activity of any kind. The
** result is a suggestion the officer may correct.
**
** Pure functions: no SQL, no HTTP. Kinds are the CONTRACT activity slugs;
** communes are CUT codes.
*/
#ifndef COSOC_DOMAIN_PLAN_TARGET_H
#define COSOC_DOMAIN_PLAN_TARGET_H

#define PLAN_TARGET_KINDS_MAX 13 /* Every activity kind */
#define PLAN_TARGET_COMMUNES_MAX 16
#define PLAN_TARGET_COUNT_MAX 1000 /* More is surely a typing error */

typedef struct PlanTarget {
  int nCount;                                /* Activities required, >= 1 */
  int nKind;                                 /* 0: any kind */
  const char *azKind[PLAN_TARGET_KINDS_MAX]; /* Activity slugs (static) */
  int nExclude;                              /* Communes not counted */
  const char *azExclude[PLAN_TARGET_COMMUNES_MAX]; /* CUT codes */
} PlanTarget;

/* The target zActions describes (see above). Strings in *pOut are static. */
void plan_target_suggest(const char *zActions, PlanTarget *pOut);

/* 1 when both targets ask for the same thing (order of kinds ignored). */
int plan_target_equal(const PlanTarget *pA, const PlanTarget *pB);

/* 1 when z is a CUT commune code: five digits. */
int plan_cut_code_valid(const char *z);

#endif
