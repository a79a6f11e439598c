/*
** The next plan from one whose period ends (issue 17, item 8): the same
** council, objectives and lines moved to the years after it — as many as
** it lasted — with each line that was not met marked as carried over and
** why, its dates moved with it, and the evidence kinds (the council's
** catalogue) as they were. The officer then edits it, imports over it or
** approves it.
**
** Pure: no SQL, no HTTP. The compliance result says which lines were met.
*/
#ifndef COSOC_DOMAIN_PLAN_NEXT_H
#define COSOC_DOMAIN_PLAN_NEXT_H

#include "domain/compliance.h"
#include "domain/plan_doc.h"

/* Builds *pNew (arena memory) from pOld and its compliance pRes (computed
** as on the old period's end, or earlier; NULL: every line counts as not
** met). bOnlyUnmet keeps only the lines not met, numbered again from 1. */
void plan_next_from(Arena *pArena, const PlanDoc *pOld,
                    const ComplianceResult *pRes, int bOnlyUnmet,
                    PlanDoc *pNew);

/* Moves a whole plan by nYears (arena memory for the new texts): its
** period, its title's and each line's date phrase's years, and each
** line's window. For a next plan whose period must hold a given day. */
void plan_doc_shift_years(Arena *pArena, PlanDoc *pDoc, int nYears);

/* z with every year of yFirst..yLast in it moved by nYears ("PLAN 2024-2025"
** → "PLAN 2026-2027"); other numbers stay. */
const char *plan_next_shift_years(Arena *pArena, const char *z, int yFirst,
                                  int yLast, int nYears);

#endif
