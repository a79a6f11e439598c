/*
** Agreements (acuerdos) adopted in sessions and followed up afterwards:
** their states and the moves between them, when one is overdue, and the
** grouping a tracker page shows (overdue, open, done, discarded, by
** responsible).
**
** Pure functions over plain structs and "YYYY-MM-DD" strings: no SQL, no
** HTTP, no clock (the caller passes the date to judge by). Allocation only
** from the caller's arena.
*/
#ifndef COSOC_DOMAIN_AGREEMENT_H
#define COSOC_DOMAIN_AGREEMENT_H

#include "util/arena.h"

#define AGREEMENT_OK 0
#define AGREEMENT_REFUSED 1

typedef enum AgreementState {
  AGREEMENT_PENDIENTE = 0,  /* "pendiente": nothing done yet */
  AGREEMENT_EN_CURSO = 1,   /* "en_curso": being carried out */
  AGREEMENT_CUMPLIDO = 2,   /* "cumplido": done */
  AGREEMENT_DESCARTADO = 3, /* "descartado": dropped, with a reason */
} AgreementState;
#define AGREEMENT_N_STATE 4

/* Slug <-> enum: agreement_state_parse() returns 0 and sets *pe, or -1. */
int agreement_state_parse(const char *zSlug, AgreementState *pe);
const char *agreement_state_slug(AgreementState e);  /* "en_curso", ... */
const char *agreement_state_label(AgreementState e); /* "En curso", ... */

/* 1 for pendiente and en_curso: still to be done. */
int agreement_state_is_open(AgreementState e);

/* AGREEMENT_OK when an agreement may move from eFrom to eTo, else
** AGREEMENT_REFUSED with a Spanish sentence in *pzWhy (may be NULL).
** Allowed: pendiente -> en_curso, cumplido, descartado; en_curso ->
** pendiente, cumplido, descartado; cumplido -> en_curso and descartado ->
** pendiente (reopening). */
int agreement_transition_check(AgreementState eFrom, AgreementState eTo,
                               const char **pzWhy);

/* 1 when zDate is a real calendar date written "YYYY-MM-DD". */
int agreement_date_valid(const char *zDate);

/* 1 when the agreement is open and its due date (NULL or "" for none) is
** before zAsOf ("YYYY-MM-DD"): due on zAsOf itself is not yet overdue. */
int agreement_is_overdue(AgreementState e, const char *zDue, const char *zAsOf);

/* One agreement as the tracker sees it. */
typedef struct AgreementItem {
  long long iId;            /* Agreement id */
  AgreementState eState;    /* Its state */
  const char *zDue;         /* "YYYY-MM-DD", or NULL/"" for none */
  const char *zResponsible; /* Display name of who answers for it, or
                            ** NULL/"" when nobody was named */
} AgreementItem;

/* Where the tracker puts an agreement. */
typedef enum AgreementBucket {
  AGREEMENT_BUCKET_OVERDUE = 0,   /* Open and past its due date */
  AGREEMENT_BUCKET_OPEN = 1,      /* Open, not overdue */
  AGREEMENT_BUCKET_DONE = 2,      /* cumplido */
  AGREEMENT_BUCKET_DISCARDED = 3, /* descartado */
} AgreementBucket;
#define AGREEMENT_N_BUCKET 4

AgreementBucket agreement_bucket(const AgreementItem *p, const char *zAsOf);
const char *agreement_bucket_label(AgreementBucket e); /* "Atrasados", ... */

/* The agreements of one responsible. */
typedef struct AgreementGroup {
  const char *zResponsible;         /* Name, or "Sin responsable" */
  int anBucket[AGREEMENT_N_BUCKET]; /* Count per bucket */
  int nItem;                        /* Entries in aiItem */
  int *aiItem; /* Indexes into the caller's array: overdue first (oldest
               ** due date first), then open by due date (none last), then
               ** done, then discarded; ties by input order */
} AgreementGroup;

/* Groups a[0..n) by responsible (groups in byte order of the name, "Sin
** responsable" last) into *paGroup (arena memory, *pnGroup entries).
** pnBucket (may be NULL) receives the totals per bucket. */
void agreement_tracker_group(Arena *pArena, const AgreementItem *a, int n,
                             const char *zAsOf, AgreementGroup **paGroup,
                             int *pnGroup, int pnBucket[AGREEMENT_N_BUCKET]);

/* Indexes of the overdue agreements of a[0..n), oldest due date first,
** into aiOut (room for n); returns how many. For the start of the next
** session's agenda draft. */
int agreement_overdue_list(const AgreementItem *a, int n, const char *zAsOf,
                           int *aiOut);

#endif
