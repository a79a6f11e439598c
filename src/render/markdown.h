/*
** Markdown written by people (an acta's discussion summaries, agreement
** notes) turned into safe HTML for pages and into plain text for PDFs,
** with cmark (CommonMark).
**
** Safe means: raw HTML in the input never reaches the output (it is
** dropped, not escaped into view), and a link or image whose URL is not
** relative, http:, https: or mailto: gets an empty URL (javascript:,
** vbscript:, data:, file: and anything else). Headings, emphasis, lists,
** code, quotes and accents are kept.
**
** Must never write user text into a page any other way than through this
** module or the escaping HTML writer; no SQL, no HTTP.
*/
#ifndef COSOC_RENDER_MARKDOWN_H
#define COSOC_RENDER_MARKDOWN_H

#include "render/html.h"
#include "util/arena.h"

/* Appends the HTML of zMarkdown (NULL: nothing) to h. Headings are shifted
** down so that "# x" becomes <h3> (a page keeps h1/h2 for itself). */
void markdown_render(Html *h, const char *zMarkdown);

/* The same document as plain text for a PDF or an e-mail: paragraphs and
** headings separated by blank lines, list items as "• text" (or "1. text")
** lines, links as their text, no raw HTML. Owned by pArena. */
const char *markdown_to_text(Arena *pArena, const char *zMarkdown);

/* 1 when URL z may be the target of a rendered link or image: a relative
** URL (no scheme), or http:, https:, mailto:. Scheme case is ignored. */
int markdown_url_is_safe(const char *z);

#endif
