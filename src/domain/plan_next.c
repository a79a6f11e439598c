/*
** The next plan from one whose period ended (see plan_next.h).
*/
#include "domain/plan_next.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *plan_next_shift_years(Arena *pArena, const char *z, int yFirst,
                                  int yLast, int nYears) {
  Buf b;
  buf_init(&b, pArena);
  for (const char *p = z ? z : ""; *p;) {
    if (isdigit((unsigned char)*p) &&
        (p == z || !isdigit((unsigned char)p[-1]))) {
      size_t n = strspn(p, "0123456789");
      int y = n == 4 ? atoi(p) : 0;
      if (y && y >= yFirst && y <= yLast) {
        buf_printf(&b, "%d", y + nYears);
      } else {
        buf_append(&b, p, n);
      }
      p += n;
      continue;
    }
    buf_putc(&b, *p++);
  }
  return buf_str(&b);
}

/* The line's window in the new period: read again from its phrase (with
** the years moved) when the old window was the phrase's reading, else the
** dates the officer set moved by nYears. */
static void move_window(const PlanDoc *pOld, PlanLine *pL, const char *zPs,
                        const char *zPe, int y0, int y1, int nYears,
                        Arena *pArena) {
  PlanWindow wOld;
  plan_window_parse(pL->zWindowPhrase, pOld->zPeriodStart, pOld->zPeriodEnd,
                    &wOld);
  int bFromPhrase = strcmp(wOld.zStart, pL->window.zStart) == 0 &&
                    strcmp(wOld.zEnd, pL->window.zEnd) == 0;
  pL->zWindowPhrase =
      plan_next_shift_years(pArena, pL->zWindowPhrase, y0, y1, nYears);
  if (bFromPhrase) {
    plan_window_parse(pL->zWindowPhrase, zPs, zPe, &pL->window);
  } else {
    plan_date_add_years(pL->window.zStart, nYears);
    plan_date_add_years(pL->window.zEnd, nYears);
  }
}

void plan_doc_shift_years(Arena *pArena, PlanDoc *pDoc, int nYears) {
  if (nYears == 0) return;
  int y0 = atoi(pDoc->zPeriodStart), y1 = atoi(pDoc->zPeriodEnd);
  pDoc->zTitle = plan_next_shift_years(pArena, pDoc->zTitle, y0, y1, nYears);
  plan_date_add_years(pDoc->zPeriodStart, nYears);
  plan_date_add_years(pDoc->zPeriodEnd, nYears);
  for (int i = 0; i < pDoc->nLine; i++) {
    PlanLine *pL = &pDoc->aLine[i];
    pL->zWindowPhrase =
        plan_next_shift_years(pArena, pL->zWindowPhrase, y0, y1, nYears);
    plan_date_add_years(pL->window.zStart, nYears);
    plan_date_add_years(pL->window.zEnd, nYears);
  }
}

void plan_next_from(Arena *pArena, const PlanDoc *pOld,
                    const ComplianceResult *pRes, int bOnlyUnmet,
                    PlanDoc *pNew) {
  int y0 = atoi(pOld->zPeriodStart), y1 = atoi(pOld->zPeriodEnd);
  int nYears = y1 - y0 + 1;
  PlanDoc *pCopy = plan_doc_copy(pArena, pOld);
  *pNew = *pCopy;
  pNew->zTitle = plan_next_shift_years(pArena, pOld->zTitle, y0, y1, nYears);
  snprintf(pNew->zPeriodStart, PLAN_DATE_SIZE, "%s", pOld->zPeriodStart);
  snprintf(pNew->zPeriodEnd, PLAN_DATE_SIZE, "%s", pOld->zPeriodEnd);
  plan_date_add_years(pNew->zPeriodStart, nYears);
  plan_date_add_years(pNew->zPeriodEnd, nYears);
  pNew->nLine = 0;
  for (int i = 0; i < pOld->nLine; i++) {
    const PlanLine *pOldLine = &pOld->aLine[i];
    const ComplianceLine *pC =
        pRes ? compliance_line(pRes, pOldLine->iNumber) : NULL;
    int bMet = pC && pC->eState == COMPLIANCE_CUMPLIDA;
    if (bMet && bOnlyUnmet) continue;
    PlanLine *pL = &pNew->aLine[pNew->nLine++];
    *pL = pCopy->aLine[i];
    if (bOnlyUnmet) pL->iNumber = pNew->nLine;
    pL->zCarried =
        bMet ? ""
             : arena_printf(pArena,
                            "No se cumplió en «%s» (línea %d: %d de %d "
                            "actividades verificadas): se arrastra a este "
                            "plan.",
                            pOld->zTitle, pOldLine->iNumber,
                            pC ? pC->nVerified : 0,
                            pC ? pC->nTarget : pOldLine->target.nCount);
    move_window(pOld, pL, pNew->zPeriodStart, pNew->zPeriodEnd, y0, y1, nYears,
                pArena);
  }
}
