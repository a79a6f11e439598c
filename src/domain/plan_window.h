/*
** Date windows of plan lines: the FECHAS phrase a plan is written with
** ("Primer Semestre 2025", "Durante el Periodo 2024-2025", "Se agendarán
** según corresponda", "Marzo 2025", "Tercer trimestre 2024", "15-04-2025")
** turned into a first and a last day. The phrase is always kept beside the
** dates; a phrase this parser does not understand gets the plan's whole
** period and is flagged for the officer to fix, never refused.
**
** Pure functions: no SQL, no HTTP. Dates are "YYYY-MM-DD" strings.
*/
#ifndef COSOC_DOMAIN_PLAN_WINDOW_H
#define COSOC_DOMAIN_PLAN_WINDOW_H

#define PLAN_DATE_SIZE 11 /* "YYYY-MM-DD" and its NUL */

typedef struct PlanWindow {
  char zStart[PLAN_DATE_SIZE]; /* First day, inclusive */
  char zEnd[PLAN_DATE_SIZE];   /* Last day, inclusive */
  int bFlagged;  /* Phrase not understood: the dates are the plan period */
  int bAsNeeded; /* "según corresponda": the whole period, as it comes */
} PlanWindow;

/* Parses zPhrase against the plan period zPeriodStart..zPeriodEnd (both
** valid dates). Returns 1 when the phrase was understood, 0 when it was
** not (then *pOut is the plan period with bFlagged set). */
int plan_window_parse(const char *zPhrase, const char *zPeriodStart,
                      const char *zPeriodEnd, PlanWindow *pOut);

/* 1 when z is a real calendar date written YYYY-MM-DD. */
int plan_date_valid(const char *z);
/* Days in month iMonth (1-12) of iYear. */
int plan_days_in_month(int iYear, int iMonth);
/* Writes YYYY-MM-DD into z (PLAN_DATE_SIZE bytes). */
void plan_date_format(char *z, int iYear, int iMonth, int iDay);

#endif
