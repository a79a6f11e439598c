/*
** What the plan's page files share (plan.c, plan_edit.c, plan_history.c,
** plan_api.c): which plan a visitor may see, and small renderers. Only
** the files of src/pages/plan/ include this.
*/
#ifndef COSOC_PAGES_PLAN_PAGES_H
#define COSOC_PAGES_PLAN_PAGES_H

#include "domain/plan_catalog.h"
#include "domain/plan_doc.h"
#include "pages/conflict.h"
#include "pages/page.h"
#include "store/plan/plan_store.h"

/* Loads the version of the default council's plan this visitor may see:
** the latest for an admin, the latest approved for everyone else (iNumber
** 0), or version iNumber if the visitor may see it. DB_OK, DB_DONE (none),
** DB_ERROR. */
int plan_page_load(Request *r, int64_t iCouncil, int iNumber, PlanDoc *pDoc,
                   PlanVersionInfo *pInfo);

/* "2025-04-15" as "15-04-2025" (Chilean order). */
const char *plan_page_date(Arena *pArena, const char *zIso);
/* Seconds since the epoch as "15-04-2025 10:30". */
const char *plan_page_time(Arena *pArena, int64_t t);

/* Clean text with its "- " lines drawn as a list and other lines as
** paragraphs (escaped). */
void plan_page_text(Html *h, const char *zText);

/* The badge that says whether a version is approved or a draft. */
void plan_page_status(Html *h, const PlanVersionInfo *pInfo);

/* A form field trimmed, CR LF made LF ("" when absent). */
const char *plan_page_field_text(Request *r, const char *zName);
/* The submit button and a way back, closing the form. */
void plan_page_submit(Html *h, const char *zLabel, const char *zBack);

/* The conflict page (plan_conflict.c). Catalogue labels of azSlug joined
** by ", " (arena memory). */
const char *plan_conflict_kinds_text(Arena *pArena, const PlanKind *aKind,
                                     int nKind, const char *const *azSlug,
                                     int nSlug);
/* The part of the plan a form edits: conflicts are per part, so that
** people editing different lines (or a line and the title) do not block
** each other. */
typedef enum PlanPart {
  PLAN_PART_HEAD,       /* Title, introduction, period */
  PLAN_PART_OBJECTIVES, /* Every objective */
  PLAN_PART_LINE        /* One line (iLine) */
} PlanPart;
/* 1 (with a message in pErr) when the part changed after the version the
** form was drawn from (posted base_version), pLatest and pInfo being the
** latest version: the conflict page answers. 0 when the form is current or
** only other parts changed: its save replaces its part of pLatest. */
int plan_conflict_edited_meanwhile(Request *r, int64_t iCouncil,
                                   const PlanDoc *pLatest, PlanPart ePart,
                                   int iLine, const PlanVersionInfo *pInfo,
                                   FormErrors *pErr);
/* pInfo as the conflict page names the version saved meanwhile. */
ConflictSaved plan_conflict_saved(const PlanVersionInfo *pInfo);

/* The home page's card about the plan the visitor may see (nothing when
** there is none). */
void plan_page_home_card(Request *r, Html *h);

#endif
