/*
** Date windows of plan lines: the phrase a plan gives as a line's dates
** turned into a first and a last day. The families councils write:
**
**   months and ranges   «Marzo 2025», «Octubre de 2027», «Marzo a noviembre
**                       2027», «Entre mayo y agosto de 2027», «Abril–Junio
**                       2025», «abril-junio», «noviembre a febrero»
**   parts of a year     «Primer Semestre 2025», «2do semestre», «Tercer
**                       trimestre 2024», «III trimestre», «Q1 2026», «S2»
**   years               «2025», «Año 2025», «Durante el Periodo 2024-2025»
**   explicit dates      «15-04-2025», «15/04/2025», «15.04.2025», «15 de
**                       abril de 2025», «15 al 30 de abril de 2025»,
**                       «01-03-2025 al 30-04-2025»
**   open ends           «Desde marzo 2025», «A partir de junio», «Hasta
**                       octubre 2025»
**   the whole period    «Todo el año», «Anual», «Durante el año»,
**                       «Continuo», «Permanente», «Mensual»
**   as needed           «Se agendarán según corresponda» (the whole period,
**                       marked as such)
**
** A phrase without a year takes it from the plan's period; a range that
** crosses the year end («noviembre a febrero») ends the next year. When the
** period allows more than one year the first is used and the window is
** flagged with the reason. A phrase still unknown keeps the plan's whole
** period and is flagged. The phrase is always kept beside the dates.
**
** Pure functions: no SQL, no HTTP. Dates are "YYYY-MM-DD" strings.
*/
#ifndef COSOC_DOMAIN_PLAN_WINDOW_H
#define COSOC_DOMAIN_PLAN_WINDOW_H

#define PLAN_DATE_SIZE 11 /* "YYYY-MM-DD" and its NUL */
#define PLAN_REASON_SIZE                               \
  240 /* One Spanish sentence saying why it is flagged \
       */

typedef struct PlanWindow {
  char zStart[PLAN_DATE_SIZE]; /* First day, inclusive */
  char zEnd[PLAN_DATE_SIZE];   /* Last day, inclusive */
  int bFlagged;  /* A guess or not understood: the officer should look */
  int bAsNeeded; /* "según corresponda": the whole period, as it comes */
  char zReason[PLAN_REASON_SIZE]; /* Why it is flagged ("" when not) */
} PlanWindow;

/* Parses zPhrase against the plan period zPeriodStart..zPeriodEnd (both
** valid dates). Returns 1 when the phrase was understood (then *pOut may
** still be flagged: a year was guessed, or it falls outside the period),
** 0 when it was not (then *pOut is the plan period, flagged). */
int plan_window_parse(const char *zPhrase, const char *zPeriodStart,
                      const char *zPeriodEnd, PlanWindow *pOut);

/* The first and last year a phrase names (0 when none), for a plan whose
** title does not say its period. */
void plan_window_years(const char *zPhrase, int *piFirst, int *piLast);

/* 1 when z is a real calendar date written YYYY-MM-DD. */
int plan_date_valid(const char *z);
/* Days in month iMonth (1-12) of iYear. */
int plan_days_in_month(int iYear, int iMonth);
/* Writes YYYY-MM-DD into z (PLAN_DATE_SIZE bytes). */
void plan_date_format(char *z, int iYear, int iMonth, int iDay);
/* z moved forward by nDays (>= 0) days. */
void plan_date_add_days(char *z, int nDays);
/* z moved by nYears (29 February becomes the 28th when needed). */
void plan_date_add_years(char *z, int nYears);

#endif
