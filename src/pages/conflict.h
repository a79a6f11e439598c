/*
** The conflict page's pieces, shared by every versioned form (plan, plan
** line, objectives, activity, acta, agreement, organization, member,
** directory entry): when a save was drawn from an older version, the page
** shows what the user typed (not saved) next to the version saved
** meanwhile, field by field, and lets the user choose. The pieces never
** write anything: saving "mine" is an ordinary save of the same form
** carrying the stored version as its base, so that it is checked again.
**
** A page calls conflict_begin(), one conflict_row() per field,
** conflict_end(); then renders its form with the typed values and the
** stored version, and closes it with conflict_submit() instead of its
** usual buttons. Status 409.
*/
#ifndef COSOC_PAGES_CONFLICT_H
#define COSOC_PAGES_CONFLICT_H

#include <stdint.h>

#include "render/html.h"
#include "util/arena.h"

/* The version saved meanwhile, as the page names it. */
typedef struct ConflictSaved {
  const char *zOf;     /* What was saved: "del plan", "de la actividad" */
  int iVersion;        /* Its version number */
  const char *zAuthor; /* Who saved it; NULL or "" when unknown */
  int64_t tSaved;      /* When, UTC seconds */
} ConflictSaved;

/* Opens the comparison; says that the user's version is not saved. */
void conflict_begin(Html *h, Arena *pArena, const ConflictSaved *pSaved);
/* One field: what the user typed and what is stored. A row that differs
** says so in words, not only by its style. */
void conflict_row(Html *h, const char *zLabel, const char *zMine,
                  const char *zSaved);
void conflict_end(Html *h);
/* "Guardar mi versión" (a submit named conflict_choice=mine) and
** "Descartar mis cambios" (a link to zDiscard), closing the form. */
void conflict_submit(Html *h, const char *zDiscard);
/* The end of a versioned form with one plain button: conflict_submit() on
** the conflict page (bConflict), else the button zButton ("Guardar
** reglas"); either closes the form. */
void conflict_submit_or_save(Html *h, int bConflict, const char *zDiscard,
                             const char *zButton);

#endif
