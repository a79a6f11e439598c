/*
** Arena: a region of memory that is freed all at once.
**
** Every HTTP request gets one, freed when the response has been sent; a
** command-line operation gets one for its whole run. Anything allocated from
** an arena is owned by it: callers never free() such memory. Functions that
** return arena memory take the Arena as their first argument, so the owner is
** always visible at the call site.
**
** Allocation failure aborts the process with a message: a web server that
** cannot get a few kilobytes has no useful way to go on, and checking every
** small allocation would hide the logic (the same policy as Redis's zmalloc).
*/
#ifndef COSOC_UTIL_ARENA_H
#define COSOC_UTIL_ARENA_H

#include <stdarg.h>
#include <stddef.h>

typedef struct Arena Arena;

Arena *arena_new(void);
void arena_free(Arena *pArena); /* NULL is allowed */

/* nByte bytes, aligned for any type, zero-filled. */
void *arena_alloc(Arena *pArena, size_t nByte);
/* The same without zeroing, for memory the caller fills at once (buffers,
** copies). */
void *arena_alloc_uninit(Arena *pArena, size_t nByte);
/* Copy of z (NULL gives NULL). */
char *arena_strdup(Arena *pArena, const char *z);
/* Copy of the first n bytes of z, NUL-terminated. */
char *arena_strndup(Arena *pArena, const char *z, size_t n);
/* Copy of n bytes (not terminated). */
void *arena_memdup(Arena *pArena, const void *p, size_t n);
/* An array of nUsed elements of nElem bytes with room for one more: a
** as it is while *pnAlloc > nUsed, else a copy twice as large (16 to begin
** with), *pnAlloc updated. For lists read row by row:
**   a = arena_grow(pArena, a, n, &nAlloc, sizeof(*a)); a[n++] = ...; */
void *arena_grow(Arena *pArena, void *a, int nUsed, int *pnAlloc,
                 size_t nElem);
/* printf into fresh arena memory. */
char *arena_printf(Arena *pArena, const char *zFmt, ...)
    __attribute__((format(printf, 2, 3)));
char *arena_vprintf(Arena *pArena, const char *zFmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

/* Total bytes handed out so far (for tests and limits). */
size_t arena_used(const Arena *pArena);

/*
** Buf: a growable byte buffer whose memory comes from an arena. Used to build
** responses, SQL-free text, e-mails. Always NUL-terminated (the NUL is not
** counted in n). Growing copies into a larger block: the old block stays in
** the arena until the arena is freed, which at most doubles the footprint.
*/
typedef struct Buf {
  Arena *pArena; /* Owner of z */
  char *z;       /* Contents, NUL-terminated; NULL while empty */
  size_t n;      /* Bytes used, not counting the NUL */
  size_t nAlloc; /* Bytes available in z */
} Buf;

void buf_init(Buf *pBuf, Arena *pArena);
void buf_append(Buf *pBuf, const void *p, size_t n);
void buf_puts(Buf *pBuf, const char *z);
void buf_putc(Buf *pBuf, char c);
void buf_printf(Buf *pBuf, const char *zFmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_vprintf(Buf *pBuf, const char *zFmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
/* The contents as a string ("" when empty); owned by the arena. */
const char *buf_str(const Buf *pBuf);
void buf_reset(Buf *pBuf);

/* The n strings of az with zSep between them ("a b c" for " "), "" for
** none; owned by the arena. */
const char *arena_join(Arena *pArena, const char *const *az, int n,
                       const char *zSep);

#endif
