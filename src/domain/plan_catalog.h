/*
** The catalogues a plan refers to, and the text folding its parsers use.
**
** Evidence kinds (verificadores) and activity kinds are the CONTRACT slugs;
** the Spanish labels are kept here, together, so they can be reviewed (and
** later translated) in one place. Pure data and string functions: no SQL,
** no HTTP.
*/
#ifndef COSOC_DOMAIN_PLAN_CATALOG_H
#define COSOC_DOMAIN_PLAN_CATALOG_H

#include "util/arena.h"

typedef struct PlanKind {
  const char *zSlug;  /* CONTRACT slug, as stored and in the API */
  const char *zLabel; /* Spanish, for display */
} PlanKind;

/* Evidence kinds, in the order the plan's documents list them. */
extern const PlanKind plan_evidence_kinds[];
extern const int plan_evidence_kinds_count;

/* What an evidence file holds, as its content (not its name) shows. */
#define PLAN_CONTENT_PHOTO 1u    /* A photo: JPEG, PNG or WebP */
#define PLAN_CONTENT_DOCUMENT 2u /* A document: PDF */
/* The contents evidence kind zSlug accepts, PLAN_CONTENT_ bits (0 when
** zSlug is not a kind). The rule is one table (plan_catalog.c) that says
** why for each kind. */
unsigned plan_evidence_kind_content(const char *zSlug);
/* Activity kinds (what a target may count). */
extern const PlanKind plan_activity_kinds[];
extern const int plan_activity_kinds_count;

/* The label of a slug in a catalogue, or NULL when it is not there. */
const char *plan_kind_label(const PlanKind *aKind, int nKind,
                            const char *zSlug);

/* The evidence kind a document's wording names ("Actas", "Fotografías",
** "Informe de estrategia … o Plan de Trabajo"), or NULL. */
const char *plan_evidence_kind_for_text(Arena *pArena, const char *zText);

/* z lower-cased, Spanish accents and ñ folded to ASCII, ° and º to "o",
** every run of white space (tabs, no-break spaces) made one space, trimmed.
** For matching what people type; never for display. */
char *plan_text_fold(Arena *pArena, const char *z);

/* The CUT code of La Serena, the commune councils usually meet in. */
#define PLAN_CUT_LA_SERENA "04101"

#endif
