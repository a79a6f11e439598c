/*
** The records of a session that the demo (cosoc demo) and the benchmark
** data (cosoc bench-data) write alike, through the stores the app uses: an
** activity from a table row, an agreement, an acta taken through its
** states. Each store call is a transaction of its own, nested in the
** caller's.
*/
#ifndef COSOC_CLI_DEMO_DEMO_RECORDS_H
#define COSOC_CLI_DEMO_DEMO_RECORDS_H

#include "db/db.h"
#include "store/activities/activity_store.h"
#include "store/meetings/meetings.h"
#include "util/arena.h"

/* One agreement of session iAct in council iCouncil, pending, due zDue
** (YYYY-MM-DD), in the hands of zWho (of kind zKind: autoridad,
** encargado…); adopted with nFor votes for and nAbstain abstentions, or
** without a vote when nFor is 0. The stored row into *pOut (for its
** follow-up), which may be NULL. */
int demo_agreement_add(Db *pDb, int64_t iCouncil, int64_t iAct,
                       const char *zText, const char *zKind, const char *zWho,
                       const char *zDue, int nFor, int nAbstain,
                       MeetingAgreement *pOut);

/* Session iAct's acta with its three items (azTitle) written (azSummary),
** then taken state by state from enviada up to eUpTo (ACTA_ENVIADA,
** ACTA_APROBADA or ACTA_PUBLICADA), approved in session iApprovedIn. */
int demo_acta_write(Db *pDb, Arena *pArena, int64_t iAct,
                    const char *const azTitle[3],
                    const char *const azSummary[3], ActaState eUpTo,
                    int64_t iApprovedIn);

/* Activity *a (filled but for its plan lines) stored in council iCouncil,
** its id set, with the lines of aLine (at most 3, a 0 ends them) and the
** agenda points of azAgenda (at most 4, a NULL ends them): the way the
** demo's tables write both. */
int demo_activity_add(Db *pDb, int64_t iCouncil, Activity *a,
                      const int aLine[3], const char *const azAgenda[4]);

#endif
