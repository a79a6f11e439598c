/*
** The HTML writer: every byte of every page goes through it.
**
** Escaping is the default. In html_printf() the format string is trusted
** markup written by us, and every %s (and %c) argument is escaped, so it is
** safe both as element text and inside a double-quoted attribute:
**
**     html_printf(h, "<a href=\"/actividades/%lld\">%s</a>", id, zTitle);
**
** Numbers are formatted as printf does. Unescaped output is possible only
** through html_raw_trusted(), whose name is meant to make a reviewer stop:
** use it for markup this program generated (a rendered SVG chart, Markdown
** rendered by cmark in safe mode), never for user input.
**
** URLs: a value placed in a query string or path segment must first be
** percent-encoded with html_url_arg() (then printed with %s as usual).
** Never print a user-supplied URL into href without checking its scheme
** (html_safe_href()).
*/
#ifndef COSOC_RENDER_HTML_H
#define COSOC_RENDER_HTML_H

#include <stdarg.h>
#include <stddef.h>

#include "util/arena.h"

typedef struct Html {
  Buf out; /* The markup written so far */
} Html;

void html_init(Html *h, Arena *pArena);

/* Writes zFmt with its %s/%c arguments HTML-escaped (see above). Supports
** the conversions d i u x X o c s f g e % with flags, width, precision and
** the length modifiers hh h l ll z j t. */
void html_printf(Html *h, const char *zFmt, ...)
    __attribute__((format(printf, 2, 3)));
void html_vprintf(Html *h, const char *zFmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

/* Escaped text. */
void html_text(Html *h, const char *z);
/* Escaped text with line breaks kept as <br>. */
void html_text_lines(Html *h, const char *z);

/* Appends markup built by another writer: safe by construction. */
void html_append(Html *h, const Html *pOther);

/* Appends zMarkup unescaped. Only for markup this program generated. */
void html_raw_trusted(Html *h, const char *zMarkup);
/* The same for the n bytes at zMarkup (a piece of such markup). */
void html_raw_trusted_n(Html *h, const char *zMarkup, size_t n);

/* Percent-encodes z for use as one URL query value or path segment. */
const char *html_url_arg(Arena *pArena, const char *z);

/* z if it is a relative URL or uses http, https or mailto; otherwise "#".
** For links whose target came from a user. */
const char *html_safe_href(const char *z);

/* Escapes z for HTML into an arena string (for places that need a string,
** not a writer, such as e-mail bodies). */
const char *html_escape(Arena *pArena, const char *z);

/* The markup written so far. */
const char *html_str(const Html *h);
size_t html_len(const Html *h);

#endif
