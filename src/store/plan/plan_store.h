/*
** Plan storage: versions of a council's plan in the database.
**
** Every save writes a whole new version (title, period, introduction,
** objectives, lines with their evidence, windows and targets) with its
** author, time, reason and source; a save whose content equals the latest
** version's writes nothing. Versions are never changed afterwards except to
** be marked approved. Pages and the command line go through here; nothing
** else touches the plan tables.
**
** Knows SQL (the portable subset, through db.h) and nothing of HTTP.
*/
#ifndef COSOC_PLAN_PLAN_STORE_H
#define COSOC_PLAN_PLAN_STORE_H

#include <stdint.h>

#include "db/db.h"
#include "domain/plan_context.h"
#include "domain/plan_doc.h"

/* plan_store_save() results besides DB_ERROR. */
#define PLAN_SAVED 0
#define PLAN_UNCHANGED 2
/* plan_store_read_document(): the document is no plan (see *pzErr). */
#define PLAN_REFUSED 3

typedef struct PlanVersionInfo {
  int64_t id;       /* plan_versions.id */
  int64_t iCouncil; /* Council the plan belongs to */
  int iNumber;      /* 1, 2, … within the plan: the public version number */
  const char *zSource; /* "importacion" or "edicion" */
  const char *zReason;
  const char *zAuthor;
  int64_t tCreated;
  int bApproved;
  int64_t tApproved;        /* When approved (0: not) */
  const char *zApprovedBy;  /* Name of who approved, or "" */
  const char *zTitle;       /* The version's title */
  const char *zPeriodStart; /* Its period, YYYY-MM-DD */
  const char *zPeriodEnd;
} PlanVersionInfo;

/* What the importer needs to know of council iCouncil (plan_context.h):
** every commune, the council's region and seat commune (its
** seat_commune_code, else the region's capital: its lowest commune code),
** and its own evidence kinds. iCouncil 0: the territory only. Arena
** memory; DB_OK or DB_ERROR. */
int plan_store_context(Db *pDb, Arena *pArena, int64_t iCouncil,
                       PlanContext *pCtx);

/* Saves pDoc as the next version of the council's plan (creating the plan
** on first use), in one transaction. Evidence kinds of pDoc that are
** neither standard nor in the council's catalogue join the catalogue
** (unreviewed), labelled with the first wording that used them. Returns
*PLAN_SAVED (number in
** *piNumber, differences from the previous version in *pnChanges),
** PLAN_UNCHANGED (the latest version's number in *piNumber) or DB_ERROR.
** iAuthorId 0 means the command line. */
int plan_store_save(Db *pDb, Arena *pArena, int64_t iCouncil,
                    const PlanDoc *pDoc, const char *zSource,
                    const char *zReason, int64_t iAuthorId,
                    const char *zAuthorName, int *piNumber, int *pnChanges);

/* The region code a plan's title or introduction names («Región de Los
** Lagos»), from the territory's regions; NULL when none. */
const char *plan_store_doc_region(Db *pDb, Arena *pArena, const PlanDoc *pDoc);

/* The council an import into iCouncil goes to: iCouncil if it exists, the
** only council when iCouncil is 0, or 0 in *piCouncil when there is none
** yet (the import will make one). DB_ERROR with a Spanish reason in *pzErr
** (no such council, several councils). */
int plan_store_import_council(Db *pDb, Arena *pArena, int64_t iCouncil,
                              int64_t *piCouncil, const char **pzErr);

/* Reads nData bytes of a plan document (text, .docx or .xlsx, told by
** content) for the council an import into iCouncil goes to (above), with
** that council's places and evidence kinds, into *pDoc. Writes nothing.
** DB_OK; PLAN_REFUSED with what is wrong and where in *pzErr; DB_ERROR. */
int plan_store_read_document(Db *pDb, Arena *pArena, int64_t iCouncil,
                             const void *pData, size_t nData, PlanDoc *pDoc,
                             const char **pzErr);

/* An import: like plan_store_save() with source "importacion", into
** iCouncil, or when iCouncil is 0 the only council, or a new council named
** after the document when there is none. Refusals (no such council, several
** councils) return DB_ERROR with a Spanish reason in *pzErr. */
int plan_store_import(Db *pDb, Arena *pArena, int64_t iCouncil,
                      const PlanDoc *pDoc, const char *zReason,
                      int64_t iAuthorId, const char *zAuthorName,
                      int64_t *piCouncil, int *piNumber, int *pnChanges,
                      const char **pzErr);

/* Loads version iNumber of the council's plan (0: the latest; with
** bApprovedOnly, the latest approved — and a numbered version only if it is
** approved). Returns DB_OK, DB_DONE when there is no such version, or
** DB_ERROR. pInfo may be NULL. Evidence kinds merged since are read as the
** kind they were merged into; a council kind not yet reviewed is flagged;
** excluded communes and provinces carry their names. */
int plan_store_load(Db *pDb, Arena *pArena, int64_t iCouncil, int iNumber,
                    int bApprovedOnly, PlanDoc *pDoc, PlanVersionInfo *pInfo);

/* The number of the council's approved version that was the plan on zDay
** (YYYY-MM-DD): the newest approved version whose period holds that day;
** when none does, the one that ended last before it (an ended plan keeps
** its place until the next one begins); else the newest approved version
** (a plan yet to begin). 0 when nothing is approved, -1 on error. */
int plan_store_version_on(Db *pDb, int64_t iCouncil, const char *zDay);

/* Dates version iNumber's approval at t: a demonstration's past. */
int plan_store_backdate_approval(Db *pDb, int64_t iCouncil, int iNumber,
                                 int64_t t);

/* Every version, newest first (arena memory). */
int plan_store_versions(Db *pDb, Arena *pArena, int64_t iCouncil,
                        PlanVersionInfo **paInfo, int *pnInfo);

/* Marks version iNumber approved by iUserId (0: the command line), now.
** DB_OK, DB_DONE when there is no such version, DB_ERROR. Approving an
** approved version changes nothing. */
int plan_store_approve(Db *pDb, int64_t iCouncil, int iNumber, int64_t iUserId);

/* The next plan from the council's latest approved version (plan_next.c):
** its lines not met as on the end of its period (or zAsOf when earlier)
** marked as carried over, everything moved to the years after it, saved
** as a new draft version by iAuthorId (0: the command line). bOnlyUnmet
** keeps only the lines not met. DB_OK (its number in *piNumber), DB_DONE
** (no approved plan), DB_CONSTRAINT (every line met and bOnlyUnmet),
** DB_ERROR; a Spanish reason in *pzErr. */
int plan_store_next(Db *pDb, Arena *pArena, int64_t iCouncil, const char *zAsOf,
                    int bOnlyUnmet, int64_t iAuthorId, const char *zAuthorName,
                    int *piNumber, const char **pzErr);

/* ---- The council's own evidence kinds (plan_kinds.c) ---- */

/* Every kind of the council's catalogue, merged ones included (arena). */
int plan_kinds_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                    PlanCouncilKind **paKind, int *pnKind);
/* Renames a council kind (its slug stays) and marks it reviewed. DB_OK,
** DB_DONE when the council has no such kind, DB_ERROR. */
int plan_kinds_rename(Db *pDb, int64_t iCouncil, const char *zSlug,
                      const char *zLabel);
/* Merges council kind zSlug into zInto (a standard kind or another of the
** council's, not merged itself): every version's lines read it as zInto
** from now on, and the evidence already uploaded to the council's
** activities under zSlug is moved to zInto, in one transaction. DB_OK,
** DB_DONE (no such kind), DB_CONSTRAINT (zInto is not a kind it can go
** into), DB_ERROR. */
int plan_kinds_merge(Db *pDb, int64_t iCouncil, const char *zSlug,
                     const char *zInto);
/* 1 when zSlug is a kind the council's evidence may be uploaded as: a
** standard one or one of its catalogue not merged away. */
int plan_kinds_usable(Db *pDb, int64_t iCouncil, const char *zSlug);

#endif
