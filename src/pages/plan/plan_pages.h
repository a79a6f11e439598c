/*
** What the plan's page files share (plan.c, plan_edit.c, plan_history.c,
** plan_api.c): which plan a visitor may see, and small renderers. Only
** the files of src/pages/plan/ include this.
*/
#ifndef COSOC_PAGES_PLAN_PAGES_H
#define COSOC_PAGES_PLAN_PAGES_H

#include "domain/plan_catalog.h"
#include "domain/plan_context.h"
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

/* The council's places and evidence kinds (plan_store_context); on a
** database error an empty context (no names, no council kinds). */
void plan_page_context(Request *r, int64_t iCouncil, PlanContext *pCtx);

/* The evidence kinds the council may use: the standard ones, then its own
** not merged away (arena memory); returns how many. */
int plan_page_kinds(Request *r, const PlanContext *pCtx, PlanKind **paKind);

/* A "Por revisar" mark with its reason (nothing when zReason is empty). */
void plan_page_flag(Html *h, const char *zReason);

/* The field-by-field differences of two versions (plan_history.c); bFold:
** many of them are folded under their heading (a page about something
** else). */
void plan_page_diff(Request *r, Html *h, int64_t iCouncil, int iFrom, int iTo,
                    int bFold);

/* The version as the API writes it (plan_api.c). */
json_t *plan_page_json(const PlanDoc *pDoc, const PlanVersionInfo *pInfo);

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
/* Opens the conflict page's comparison (conflict_begin) against the plan
** version pInfo, saved meanwhile. */
void plan_conflict_begin(Html *h, Arena *pArena, const PlanVersionInfo *pInfo);

/* ---- Editing (plan_edit.c) ---- */

/* Loads the latest version for editing; answers the request when there is
** none (returns 0). */
int plan_page_load_latest(Request *r, int64_t *piCouncil, PlanDoc *pDoc,
                          PlanVersionInfo *pInfo);
/* NULL when z is fine, else the message: zWhat when empty, or too long. */
const char *plan_page_text_problem(const char *z, const char *zWhat);
/* The "Motivo del cambio" field. */
void plan_page_reason_field(Html *h, const FormErrors *pErr,
                            const char *zValue);
/* The hidden base_version field: the version a form was drawn from. */
void plan_page_base_version(Html *h, int iBase);
/* Saves pDoc as a new version (source "edicion") and redirects to zBack
** with a notice. */
void plan_page_save(Request *r, int64_t iCouncil, const PlanDoc *pDoc,
                    const char *zReason, const char *zBack);
/* Runs xBody; a POST inside one write transaction. */
void plan_page_in_transaction(Request *r, void (*xBody)(Request *));

/* ---- Form pieces (plan_form.c) ---- */

void plan_form_textarea(Html *h, const FormErrors *pErr, const char *zName,
                        const char *zLabel, const char *zValue,
                        const char *zHint);
/* Checkboxes named zName, one per kind, checked when in azChecked. */
void plan_form_checkboxes(Html *h, const FormErrors *pErr, const char *zName,
                          const char *zLegend, const PlanKind *aKind, int nKind,
                          const char *const *azChecked, int nChecked,
                          const char *zHint);
/* Every value of a repeated field (checkboxes); returns how many. */
int plan_form_values(Request *r, const char *zName, const char **az, int nMax);
/* The line's evidence from the checkboxes "evidence<suffix>" (kinds of
** aKind) into pNew; a kind pOld had keeps its wording. */
void plan_form_evidence(Request *r, const char *zSuffix, const PlanKind *aKind,
                        int nKind, const PlanLine *pOld, PlanLine *pNew,
                        FormErrors *pErr);
/* The dates "window_start<suffix>"/"window_end<suffix>": 1 (and *pOut,
** not flagged) when they differ from pOld's, else 0 (*pOut = pOld's). */
int plan_form_dates(Request *r, const char *zSuffix, const PlanLine *pOld,
                    PlanWindow *pOut, FormErrors *pErr);
/* The target as typed in "target_count<suffix>", "target_kinds<suffix>",
** "target_exclude<suffix>" and "target_each<suffix>". */
void plan_form_target(Request *r, const char *zSuffix, const PlanContext *pCtx,
                      PlanTarget *pTyped, FormErrors *pErr);
/* Those target fields, filled from pT (or what was posted, bRepeat). */
void plan_form_target_fields(Html *h, Request *r, const FormErrors *pErr,
                             const char *zSuffix, const PlanTarget *pT,
                             int bRepeat);

/* The home page's card about the plan the visitor may see (nothing when
** there is none). */
void plan_page_home_card(Request *r, Html *h);

#endif
