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
#include "domain/plan_doc.h"

/* plan_store_save() results besides DB_ERROR. */
#define PLAN_SAVED 0
#define PLAN_UNCHANGED 2

typedef struct PlanVersionInfo {
  int64_t id;       /* plan_versions.id */
  int64_t iCouncil; /* Council the plan belongs to */
  int iNumber;      /* 1, 2, … within the plan: the public version number */
  const char *zSource; /* "importacion" or "edicion" */
  const char *zReason;
  const char *zAuthor;
  int64_t tCreated;
  int bApproved;
  int64_t tApproved;       /* When approved (0: not) */
  const char *zApprovedBy; /* Name of who approved, or "" */
} PlanVersionInfo;

/* Saves pDoc as the next version of the council's plan (creating the plan
** on first use), in one transaction. Returns PLAN_SAVED (number in
** *piNumber, differences from the previous version in *pnChanges),
** PLAN_UNCHANGED (the latest version's number in *piNumber) or DB_ERROR.
** iAuthorId 0 means the command line. */
int plan_store_save(Db *pDb, Arena *pArena, int64_t iCouncil,
                    const PlanDoc *pDoc, const char *zSource,
                    const char *zReason, int64_t iAuthorId,
                    const char *zAuthorName, int *piNumber, int *pnChanges);

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
** DB_ERROR. pInfo may be NULL. */
int plan_store_load(Db *pDb, Arena *pArena, int64_t iCouncil, int iNumber,
                    int bApprovedOnly, PlanDoc *pDoc, PlanVersionInfo *pInfo);

/* Every version, newest first (arena memory). */
int plan_store_versions(Db *pDb, Arena *pArena, int64_t iCouncil,
                        PlanVersionInfo **paInfo, int *pnInfo);

/* Marks version iNumber approved by iUserId (0: the command line), now.
** DB_OK, DB_DONE when there is no such version, DB_ERROR. Approving an
** approved version changes nothing. */
int plan_store_approve(Db *pDb, int64_t iCouncil, int iNumber, int64_t iUserId);

#endif
