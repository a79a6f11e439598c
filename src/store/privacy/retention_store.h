/*
** Retention (issue 21, item 5): personal data kept past the council's
** settings (council_privacy.h) is anonymized; what a published acta or a
** certificate needs stays (the acta keeps its frozen snapshot; attendance
** rows stay, anonymized, so counts and quorum do not change). Run daily by
** `cosoc serve` (one server at a time: a lease row) and by `cosoc
** retention run`.
*/
#ifndef COSOC_STORE_PRIVACY_RETENTION_STORE_H
#define COSOC_STORE_PRIVACY_RETENTION_STORE_H

#include <stdint.h>

#include "db/db.h"

/* What one run anonymized or deleted. */
typedef struct RetentionCounts {
  int nGuests;      /* Guests' names in attendance */
  int nInvitations; /* Non-members' citations (e-mail, name) */
  int nMail;        /* Mail log rows */
  int nSignins;     /* Sign-in records deleted */
  int nRequests;    /* Answered requests' contact data */
} RetentionCounts;

/* Applies council iCouncil's retention as of iNow, in one transaction,
** logged in the audit log as zActor ("línea de comandos", "sistema
** (conservación)"): DB_OK or DB_ERROR. */
int retention_run(Db *pDb, int64_t iCouncil, int64_t iNow, const char *zActor,
                  RetentionCounts *pCounts);
/* Applies it for every council (and the installation's sign-in records). */
int retention_run_all(Db *pDb, int64_t iNow, const char *zActor,
                      RetentionCounts *pCounts);

/* Whether this server (zHolder) takes today's run: 1 when the last run
** is a day old and no other server holds the lease (then this one holds
** it for nLease seconds), 0 otherwise, -1 on error. */
int retention_claim(Db *pDb, const char *zHolder, int64_t iNow, int64_t nLease);
/* Records the run done and frees the lease. */
int retention_done(Db *pDb, const char *zHolder, int64_t iNow);

#endif
