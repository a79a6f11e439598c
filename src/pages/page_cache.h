/*
** The render cache: pages and fragments that are pure computation over the
** database, kept in memory and served again until the data changes.
**
** An entry is valid for one value of its council's data version (tables
** data_version and council_data_version, bumped by triggers in the same
** transaction as every write that a page shows: migrations 0010 and 0026);
** a write to one council's data leaves other councils' entries alone. Each use
*reads the version from
** the database, so an edit made through any server process, or the command
** line, is visible on the very next request everywhere.
**
** The key must name everything else the output depends on: the path and
** query, the viewer's role (or anonymity), and the day or minute when the
** page shows time-relative data. What belongs to one person (their name,
** a CSRF token, a session) must never be inside a cached fragment: cache
** the part of the page that is the same for every viewer with that key,
** and write the personal part around it on every request.
*/
#ifndef COSOC_PAGES_PAGE_CACHE_H
#define COSOC_PAGES_PAGE_CACHE_H

#include <jansson.h>
#include <stdint.h>

#include "http/request.h"

/* The data version, read from the database (-1 when it cannot be read, and
** then nothing is cached). Read it BEFORE reading the data a new entry is
** rendered from: data written later can only be newer than the version. */
int64_t page_cache_version(Request *r);

/* Every key: the request's council (first: entries are kept and dropped
** per council), the /c/SLUG/ prefix its links carry, zWhat (which page or
** fragment) and the viewer's role mask (ROLE_ANONYMOUS for the public), in
** the request's arena. */
const char *page_cache_key(Request *r, const char *zWhat);

/* Writes into h the fragment that xRender writes, from the cache when an
** entry for zKey at the current data version exists. xRender must write
** only what depends on zKey and the data (see the header comment). */
void page_cache_fragment(Request *r, Html *h, const char *zKey,
                         void (*xRender)(Request *r, Html *h));

/* The same in two steps, for a page that must decide between its steps
** (an error page is never cached): appends the entry for zKey at iVersion
** to h and returns 1, or returns 0; then keeps h for zKey at iVersion. */
int page_cache_get_html(Request *r, const char *zKey, int64_t iVersion,
                        Html *h);
void page_cache_put_html(const char *zKey, int64_t iVersion, const Html *h);

/* A whole 200 response for zKey: answers r from the cache and returns 1, or
** returns 0 and leaves *piVersion for page_cache_respond_*() below. A NULL
** zKey (a request not worth caching) is a miss that keeps nothing. */
int page_cache_answer(Request *r, const char *zKey, int64_t *piVersion);
/* Answers r with pJson (taking it, as respond_json) and keeps it for zKey
** at iVersion. */
void page_cache_respond_json(Request *r, const char *zKey, int64_t iVersion,
                             json_t *pJson);
/* Answers r with the bytes, as respond_bytes, with a Content-Disposition
** header when zDisposition is not NULL, and keeps both for zKey at
** iVersion. zType must be static (a literal). */
void page_cache_respond_bytes(Request *r, const char *zKey, int64_t iVersion,
                              const char *zType, const char *zDisposition,
                              const void *p, size_t n);

/* A form inside a cached fragment carries the session's CSRF token, which
** is never cached: the fragment holds PAGE_CACHE_CSRF_MARK instead (a
** comment, which no escaped text can contain: '<' is always escaped), and
** page_cache_stitch() puts the request's own token in its place. */
#define PAGE_CACHE_CSRF_MARK "<!--cosoc:csrf-->"
/* The hidden csrf_token field of a form in a cached fragment. */
void page_cache_csrf_field(Html *h);
/* pIn with each PAGE_CACHE_CSRF_MARK replaced by the request's CSRF token
** (pIn itself when it has none). */
const Html *page_cache_stitch(Request *r, const Html *pIn);

/* Drops every entry (tests and memory pressure). */
void page_cache_clear(void);

/* page_cache_key() of a page that shows compliance as computed on a day:
** zWhat with today's date (compliance is computed as on today), ?as_of=
** and ?version=. NULL (not worth caching; the page checks them on the
** miss, and an error is never kept) when either is longer than a date or a
** version number can be. */
const char *page_cache_compliance_key(Request *r, const char *zWhat);

#endif
