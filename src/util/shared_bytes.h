/*
** Shared bytes: one copy of a large answer (an evidence file) however many
** connections are sending it at once.
**
** An answer's memory lives until its last byte is sent, and a client that
** reads slowly (or not at all, until the idle timeout) keeps it that long:
** when every request held its own copy, sixty connections asking for one
** 15 MB public PDF held 1 GB, and the limit of 2048 connections per address
** made that 30 GB. Here each key (an evidence file's digest, and which
** derivative) is held once, counted, and freed when the last answer that
** sends it is done; all that is held is bounded by a budget, past which a
** new key is refused (the caller answers 503: try again shortly).
**
** Safe to call from any thread. Knows nothing of HTTP or the database.
*/
#ifndef COSOC_UTIL_SHARED_BYTES_H
#define COSOC_UTIL_SHARED_BYTES_H

#include <stddef.h>

/* What all keys together may hold. Only answers being sent hold bytes, so
** this is what many people downloading different large files at the same
** moment need. */
#define SHARED_BYTES_BUDGET_DEFAULT ((size_t)512 * 1024 * 1024)

typedef struct SharedBytes SharedBytes;

/* The copy held under zKey, with one more reference; NULL when none is. */
SharedBytes *shared_bytes_find(const char *zKey);

/* A copy of the n bytes at p held under zKey (or the one another thread
** added meanwhile), with one reference for the caller; NULL when holding it
** would pass the budget. */
SharedBytes *shared_bytes_add(const char *zKey, const void *p, size_t n);

/* Drops one reference; the last frees the copy. NULL is allowed. */
void shared_bytes_release(SharedBytes *p);

const void *shared_bytes_data(const SharedBytes *p);
size_t shared_bytes_size(const SharedBytes *p);

/* Bytes held by every key now; the budget (tests lower it). */
size_t shared_bytes_held(void);
void shared_bytes_budget_set(size_t nBudget);

#endif
