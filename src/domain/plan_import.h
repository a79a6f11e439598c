/*
** The plan importer: reads a document in the format of the council's plan
** (data/seeds/plan-anual-…txt) — a title, introductory paragraphs, the
** "OBJETIVO PLAN" block with an HTML list whose items read "1.- …", then a
** tab-separated table N° / OBJETIVO / ACCIONES / RESPONSABLES / VERIFICADOR /
** FECHAS whose cells may hold HTML fragments and bullets — into a PlanDoc of
** clean text: no tags, no stray bullets, lists as lists.
**
** A file that is not such a plan is refused with a Spanish message saying
** what was expected and where (the line number). Pure: no SQL, no HTTP.
*/
#ifndef COSOC_DOMAIN_PLAN_IMPORT_H
#define COSOC_DOMAIN_PLAN_IMPORT_H

#include <stddef.h>

#include "domain/plan_doc.h"

#define PLAN_IMPORT_OK 0
#define PLAN_IMPORT_REFUSED 1

/* The largest document accepted (a plan is a few kilobytes). */
#define PLAN_IMPORT_MAX_BYTES (4 * 1024 * 1024)

/* Parses nText bytes of zText (need not be NUL-terminated) into *pDoc
** (arena memory). Returns PLAN_IMPORT_OK, or PLAN_IMPORT_REFUSED with the
** reason in *pzErr (arena memory). */
int plan_import_parse(Arena *pArena, const char *zText, size_t nText,
                      PlanDoc *pDoc, const char **pzErr);

/* The clean text of one cell: tags removed, entities decoded, paragraphs
** and list items on their own lines, list items starting "- ". */
const char *plan_import_clean(Arena *pArena, const char *zCell);

#endif
