/*
** The daily retention run inside `cosoc serve` (issue 21, item 5): a
** thread on its own connection that, every few minutes, asks the lease row
** whether today's run is due and not taken by another server sharing the
** database, and runs it.
*/
#ifndef COSOC_CLI_RETENTION_JOB_H
#define COSOC_CLI_RETENTION_JOB_H

typedef struct RetentionJob RetentionJob;

/* NULL when the thread could not start (the server goes on without it). */
RetentionJob *retention_job_start(const char *zDb);
void retention_job_stop(RetentionJob *p); /* NULL is allowed */

#endif
