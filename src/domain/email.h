/*
** The one rule for an e-mail address, shared by accounts, people and the
** outbox (which checks every recipient): pure, no I/O.
*/
#ifndef COSOC_DOMAIN_EMAIL_H
#define COSOC_DOMAIN_EMAIL_H

#include "util/arena.h"

/* NULL when zEmail is acceptable as typed, else a Spanish sentence. */
const char *email_problem(const char *zEmail);
/* The address as stored: lower case (arena memory; "" for NULL). */
const char *email_normalize(Arena *pArena, const char *zEmail);

#endif
