/*
** What the plan's forms add to the shared conflict page (conflict.h): the
** version saved meanwhile is a whole plan version, and repeated fields are
** shown with their catalogue labels.
*/
#include <string.h>

#include "domain/plan_catalog.h"
#include "pages/plan_pages.h"

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

/* The plan version saved meanwhile, as the conflict page names it. */
ConflictSaved plan_conflict_saved(const PlanVersionInfo *pInfo) {
  ConflictSaved saved = {"del plan", pInfo->iNumber, pInfo->zAuthor,
                         pInfo->tCreated};
  return saved;
}
