/*
** The plan importer: reads a plan document (plan_source.h: paragraphs and
** tables from text, Word or Excel) the way councils write them — a title
** with the period («Plan de trabajo COSOC 2026», «PLAN ANUAL 2024-2025»),
** introductory paragraphs, a block of general objectives («OBJETIVO PLAN»,
** «OBJETIVOS GENERALES», «OBJETIVO GENERAL»…, numbered «1.-», «1.», «1)»,
** «a)» or bulleted), then a table whose columns are told by their headings
** in any order (plan_columns.h) — into a PlanDoc of clean text with each
** line's evidence kinds, date window and target read.
**
** Nothing a council writes is refused for its wording: an evidence wording
** no kind matches becomes a new kind of the council (flagged), a date
** phrase not understood keeps the plan's period (flagged), a target that
** cannot be read is flagged. What is refused is a file that is no plan: no
** table with the needed columns, no period, a cut-off row; the Spanish
** message says what was expected and where.
**
** Pure: no SQL, no HTTP. The council's places and kinds come in a
** PlanContext (plan_context.h).
*/
#ifndef COSOC_DOMAIN_PLAN_IMPORT_H
#define COSOC_DOMAIN_PLAN_IMPORT_H

#include <stddef.h>

#include "domain/plan_context.h"
#include "domain/plan_doc.h"
#include "domain/plan_source.h"

#define PLAN_IMPORT_OK 0
#define PLAN_IMPORT_REFUSED 1

/* The largest document accepted (a plan is a few kilobytes; a Word file
** with a logo a few hundred). */
#define PLAN_IMPORT_MAX_BYTES (4 * 1024 * 1024)
/* The most lines and general objectives a plan may have. */
#define PLAN_LINES_MAX 200
#define PLAN_OBJECTIVES_MAX 64

/* Reads pSrc into *pDoc (arena memory) for the council of pCtx (may be
** NULL: no place rules, no council kinds). Returns PLAN_IMPORT_OK, or
** PLAN_IMPORT_REFUSED with the reason in *pzErr (arena memory). */
int plan_import_source(Arena *pArena, const PlanSource *pSrc,
                       const PlanContext *pCtx, PlanDoc *pDoc,
                       const char **pzErr);

/* The text/HTML form: nText bytes of zText (need not be NUL-terminated)
** read by plan_source_from_text(), then plan_import_source(). */
int plan_import_parse(Arena *pArena, const char *zText, size_t nText,
                      const PlanContext *pCtx, PlanDoc *pDoc,
                      const char **pzErr);

/* The evidence of one cell's lines: each wording with its kind (standard,
** the council's, or a new one made from the label and flagged). Returns
** how many items, in *paEv (arena memory). */
int plan_import_evidence(Arena *pArena, const PlanCell *pCell,
                         const PlanContext *pCtx, PlanEvidence **paEv);

/* What a stored plan reads differently once the council's data changed:
** evidence kinds merged into others read as those, council kinds nobody
** reviewed are flagged (with the reason), and excluded communes and
** provinces get their names. */
void plan_doc_apply_context(Arena *pArena, PlanDoc *pDoc,
                            const PlanContext *pCtx);

/* The clean text of one HTML fragment: tags removed, entities decoded,
** paragraphs and list items on their own lines, list items starting "- ". */
const char *plan_import_clean(Arena *pArena, const char *zCell);

#endif
