/*
** Dates as people in Chile read them. Stored dates are ISO ("2025-03-12",
** sortable, what forms and the API carry); pages, reports and mail show
** them day first ("12-03-2025"), as the council's documents do.
*/
#ifndef COSOC_DOMAIN_DATE_TEXT_H
#define COSOC_DOMAIN_DATE_TEXT_H

#include "domain/plan_window.h"

/* "12-03-2025" from "2025-03-12" into z (PLAN_DATE_SIZE bytes); a copy of
** the input (cut to ten characters) when it is not a valid date, "" for
** NULL. */
void date_text_dmy(const char *zIso, char z[PLAN_DATE_SIZE]);

#endif
