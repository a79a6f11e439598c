/*
** What the plan's forms add to the shared conflict page (conflict.h): the
** version saved meanwhile is a whole plan version, repeated fields are
** shown with their catalogue labels, and a conflict is a change of the
** part the form edits (plan_conflict_edited_meanwhile), not of the plan.
*/
#include <stdlib.h>
#include <string.h>

#include "domain/plan_catalog.h"
#include "pages/plan/plan_pages.h"

/* Slugs of a repeated field as their catalogue labels, joined by ", ". */
const char *plan_conflict_kinds_text(Arena *pArena, const PlanKind *aKind,
                                     int nKind, const char *const *azSlug,
                                     int nSlug) {
  Buf b;
  buf_init(&b, pArena);
  for (int i = 0; i < nSlug; i++) {
    const char *zLabel = azSlug[i];
    for (int k = 0; k < nKind; k++) {
      if (strcmp(aKind[k].zSlug, azSlug[i]) == 0) zLabel = aKind[k].zLabel;
    }
    if (i) buf_puts(&b, ", ");
    buf_puts(&b, zLabel);
  }
  return buf_str(&b);
}

void plan_conflict_begin(Html *h, Arena *pArena, const PlanVersionInfo *pInfo) {
  ConflictSaved saved = {"del plan", pInfo->iNumber, pInfo->zAuthor,
                         pInfo->tCreated};
  conflict_begin(h, pArena, &saved);
}

/* The canonical text of one part of pDoc ("" for a line it does not
** have). */
static const char *part_canonical(Arena *pArena, const PlanDoc *pDoc,
                                  PlanPart ePart, int iLine) {
  PlanDoc part;
  memset(&part, 0, sizeof(part));
  if (ePart == PLAN_PART_HEAD) {
    part.zTitle = pDoc->zTitle;
    part.zIntro = pDoc->zIntro;
    memcpy(part.zPeriodStart, pDoc->zPeriodStart, sizeof(part.zPeriodStart));
    memcpy(part.zPeriodEnd, pDoc->zPeriodEnd, sizeof(part.zPeriodEnd));
  } else if (ePart == PLAN_PART_OBJECTIVES) {
    part.nObjective = pDoc->nObjective;
    part.aObjective = pDoc->aObjective;
  } else {
    part.aLine = plan_doc_line(pDoc, iLine);
    if (!part.aLine) return "";
    part.nLine = 1;
  }
  return plan_doc_canonical(pArena, &part);
}

/* 1 when the part the form edits changed after the version it was drawn
** from: then the conflict page answers (409), showing both versions,
** instead of undoing the other person's change. A save drawn from an older
** version whose other parts changed goes through onto the latest version,
** since it replaces only its part. */
int plan_conflict_edited_meanwhile(Request *r, int64_t iCouncil,
                                   const PlanDoc *pLatest, PlanPart ePart,
                                   int iLine, const PlanVersionInfo *pInfo,
                                   FormErrors *pErr) {
  const char *zBase = request_field(r, "base_version");
  if (!zBase || atoi(zBase) == pInfo->iNumber) return 0;
  Arena *pArena = request_arena(r);
  PlanDoc base;
  if (plan_store_load(request_db(r), pArena, iCouncil, atoi(zBase), 0, &base,
                      NULL) == DB_OK &&
      strcmp(part_canonical(pArena, &base, ePart, iLine),
             part_canonical(pArena, pLatest, ePart, iLine)) == 0) {
    return 0;
  }
  form_error(pErr, NULL,
             arena_printf(request_arena(r),
                          "Mientras usted editaba se guardó la versión %d del "
                          "plan. Sus cambios no se guardaron: compárelos con "
                          "la versión guardada y elija qué hacer.",
                          pInfo->iNumber));
  return 1;
}
