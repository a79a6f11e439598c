/*
** The test message the officer sends from /admin/correo (or an operator
** with `cosoc mail queue-test`) to check that mail arrives, that Spanish
** text survives and that the calendar invitation opens: a short text, its
** HTML version and an .ics invitation for a sample meeting tomorrow.
*/
#ifndef COSOC_MAIL_SAMPLE_H
#define COSOC_MAIL_SAMPLE_H

#include <stdint.h>

#include "db/db.h"
#include "util/arena.h"

/* Queues the test message to zTo, signed by the council's short name
** zCouncil (NULL: "cosoc"). zKey is its idempotency key (NULL: a new
** random one, so every request sends one more). Returns an OUTBOX_ code;
** *pzProblem gets the Spanish reason when OUTBOX_INVALID. */
int mail_queue_sample(Db *pDb, Arena *pArena, int64_t iCouncil,
                      const char *zCouncil,
                      const char *zTo, const char *zKey, int64_t *piId,
                      const char **pzProblem);

#endif
