/*
** Text rules shared by the door of the server (every request is checked
** there: src/http/server.c), the validators of single-line fields, and the
** outputs that must never pass a control character on (mail headers, the
** operator's terminal).
**
** UTF-8 here means the strict form: no overlong sequences, no surrogates,
** nothing above U+10FFFF. Control characters are C0 (below U+0020), DEL and
** C1 (U+0080 to U+009F, which some terminals obey as escapes). Bidi
** controls are the embeddings, overrides and isolates (U+202A to U+202E,
** U+2066 to U+2069): invisible, they reorder what follows, so that
** «foto<U+202E>gpj.exe» reads «fotoexe.jpg»; the marks (U+200E, U+200F)
** that right-to-left text needs are not among them.
*/
#ifndef COSOC_UTIL_TEXT_H
#define COSOC_UTIL_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

/* Length of the valid UTF-8 sequence at z (1..4) with its code point in
** *pCp, or 0 when z starts an invalid one (a NUL ends any sequence). */
int text_utf8_next(const unsigned char *z, unsigned *pCp);

/* 1 when the n bytes at z are valid UTF-8 with no NUL. */
int text_utf8_valid(const char *z, size_t n);

/* 1 when cp is a control character (C0, DEL, C1). */
int text_is_control(unsigned cp);

/* The first control character of the UTF-8 text z that zAllowed (a set of
** ASCII controls such as "\t\n", may be NULL) does not allow, or 0. */
unsigned text_first_control(const char *z, const char *zAllowed);

/* 1 when cp is a bidi control (above); the first one in z, or 0. */
int text_is_bidi_control(unsigned cp);
unsigned text_first_bidi_control(const char *z);

/* The rule for single-line fields (names, titles, file names...): NULL
** when z is valid UTF-8 with no line break, tab or other control
** character and no bidi control, else a Spanish sentence to show beside
** the field. NULL z
** passes. (Values from forms and JSON were checked for UTF-8 at the door;
** those from imported files were not.) */
const char *text_single_line_problem(const char *z);

/* z made safe for one line of output that someone reads (a mail header, a
** subject): every control character becomes a space. Returns z itself when
** nothing changes. NULL gives "". For values stored before the door
** refused them. */
const char *text_one_line(Arena *pArena, const char *z);

/* z for a terminal: control characters (tab and line breaks included) and
** invalid bytes written as visible escapes (\t, \n, \x1b), bidi controls
** as \u202e, backslash as \\. Returns z itself when nothing changes. NULL
** gives "". */
const char *text_for_terminal(Arena *pArena, const char *z);

/* Strict parsing of an id from a path or a query: 1 and *piId when z is
** only decimal digits (no sign, space, leading zero or anything after) for
** a value from 1 to 2^63-1; 0 otherwise ("2abc", "", "-1", "0", "007",
** "+3", " 3", overflow). */
int text_parse_id(const char *z, int64_t *piId);

/* A count typed in a form: 1 and *pn when z is decimal digits only (leading
** zeros and surrounding spaces allowed, as people type them) for a value
** from 0 to nMax; 0 otherwise. atoi() read "4294967297" as 1 and summed
** past INT_MAX. */
int text_parse_count(const char *z, int nMax, int *pn);

#endif
