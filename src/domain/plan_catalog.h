/*
** The catalogues a plan refers to, and the vocabulary its readers use.
**
** Evidence kinds (verificadores) and activity kinds are the CONTRACT slugs;
** the Spanish labels are kept here, together, so they can be reviewed (and
** later translated) in one place. So are the synonym tables that map what
** councils write to those slugs: «Registro fotográfico», «Set fotográfico»
** and «Fotos» are `fotografias`; «Planilla de firmas» is `asistencia`;
** «jornadas de capacitación» and «talleres» are `capacitacion`. A wording is
** matched by its key words anywhere in it, accents and plurals folded
** (plan_words.h); a new wording is a new row, never a new `if`.
**
** Pure data and string functions: no SQL, no HTTP.
*/
#ifndef COSOC_DOMAIN_PLAN_CATALOG_H
#define COSOC_DOMAIN_PLAN_CATALOG_H

#include "domain/plan_context.h"
#include "domain/plan_words.h"
#include "domain/slug.h"
#include "util/arena.h"

typedef SlugLabel PlanKind;

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

/* A kind's label: slug_label() (domain/slug.h) on either catalogue. */

/* 1 when zSlug is one of the standard evidence kinds. */
int plan_evidence_is_standard(const char *zSlug);

/* The evidence kind a wording names ("Actas", "Copia del acta", "Set
** fotográfico", "Informe de estrategia … o Plan de Trabajo"): a standard
** kind, or one of the council's own (pCtx may be NULL), following merges.
** NULL when none matches. */
const char *plan_evidence_kind_for_text(Arena *pArena, const char *zText,
                                        const PlanContext *pCtx);

/* The kind zSlug counts as: itself, or the kind a council kind was merged
** into (followed a few hops). */
const char *plan_evidence_kind_resolve(const PlanContext *pCtx,
                                       const char *zSlug);

/* The slug a council's own kind gets from its label: its folded words
** joined by "_" ("Registro audiovisual" → "registro_audiovisual"), at most
** PLAN_KIND_SLUG_MAX characters; "" when the label has no letters or
** digits. */
#define PLAN_KIND_SLUG_MAX 48
const char *plan_evidence_slug_for_label(Arena *pArena, const char *zLabel);

/* The label to show for an evidence kind: the standard label, the council
** kind's label, or the slug. */
const char *plan_evidence_label(const PlanContext *pCtx, const char *zSlug);

/* An activity noun at aTok[i] ("reuniones", "jornadas de capacitación",
** "sesiones ordinarias", "actividades"): returns the tokens it takes (0:
** none) and sets *pzSlugs to the activity slugs it counts, space-separated
** ("" for any kind). The rest of the sentence, aTok[i…nTok), decides
** qualified nouns ("reuniones … con las autoridades"). */
int plan_activity_noun(Arena *pArena, const PlanToken *aTok, int nTok, int i,
                       const char **pzSlugs);

/* 1 when the noun at aTok[i] names a part of a course («módulos»,
** «clases»): such a target counts a course's modules one by one. */
int plan_noun_is_course_part(Arena *pArena, const PlanToken *aTok, int nTok,
                             int i);

/* 1 when the noun at aTok[i] counts people, places or time rather than
** activities ("30 dirigentes", "3 comunas", "6 meses"). */
int plan_counts_not_activities(const PlanToken *aTok, int nTok, int i);

/* z lower-cased, Spanish accents and ñ folded to ASCII, ° and º to "o",
** every run of white space (tabs, no-break spaces) made one space, trimmed.
** For matching what people type; never for display. */
char *plan_text_fold(Arena *pArena, const char *z);

#endif
