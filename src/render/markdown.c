/*
** Markdown through cmark (see markdown.h).
**
** Two layers of safety, so that a change in one does not open a hole:
** 1. cmark renders in safe mode. Since cmark 0.29 safe is the default and
**    CMARK_OPT_UNSAFE turns it off; older versions need CMARK_OPT_SAFE.
**    We pass CMARK_OPT_SAFE (defined as a no-op for compatibility where
**    safe is the default) and never CMARK_OPT_UNSAFE.
** 2. Before rendering we walk the tree ourselves: raw HTML nodes (block
**    and inline) are removed, and link/image URLs outside our allow-list
**    are emptied. cmark's own filter lets data:image/... through; ours
**    does not.
*/
#include "render/markdown.h"

#include <cmark.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define MARKDOWN_OPTIONS (CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8)
#define MARKDOWN_HEADING_SHIFT 2 /* "# x" -> <h3> */
#define MARKDOWN_HEADING_MAX 6

#ifdef CMARK_OPT_UNSAFE
_Static_assert((MARKDOWN_OPTIONS & CMARK_OPT_UNSAFE) == 0,
               "Markdown must render in cmark's safe mode");
#endif

int markdown_url_is_safe(const char *z) {
  if (!z) return 1;
  /* A scheme is letters, digits, '+', '-', '.' before the first ':' that
  ** comes before any '/', '?' or '#'. No scheme: relative, safe. Leading
  ** spaces or control characters are refused: browsers skip them. */
  if (*z && (unsigned char)*z <= ' ') return 0;
  size_t n = strcspn(z, ":/?#");
  if (z[n] != ':') return 1;
  static const char *const azOk[] = {"http", "https", "mailto"};
  for (size_t i = 0; i < sizeof(azOk) / sizeof(azOk[0]); i++) {
    if (strlen(azOk[i]) == n && strncasecmp(z, azOk[i], n) == 0) return 1;
  }
  return 0;
}

/* Parses and cleans a document: no raw HTML, no unsafe URLs, headings
** shifted. The caller frees it with cmark_node_free(). */
static cmark_node *markdown_parse_clean(const char *z, int bShift) {
  cmark_node *pDoc = cmark_parse_document(z, strlen(z), MARKDOWN_OPTIONS);
  /* Nodes are unlinked only after the walk: changing the tree under an
  ** iterator is not allowed. */
  size_t nDrop = 0, nDropAlloc = 0;
  cmark_node **apDrop = NULL;
  cmark_iter *pIter = cmark_iter_new(pDoc);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(pIter)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node *p = cmark_iter_get_node(pIter);
    switch (cmark_node_get_type(p)) {
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_HTML_INLINE:
        if (nDrop == nDropAlloc) {
          nDropAlloc = nDropAlloc ? 2 * nDropAlloc : 8;
          apDrop = realloc(apDrop, nDropAlloc * sizeof(*apDrop));
          if (!apDrop) abort(); /* Same policy as the arena */
        }
        apDrop[nDrop++] = p;
        break;
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE:
        if (!markdown_url_is_safe(cmark_node_get_url(p))) {
          cmark_node_set_url(p, "");
        }
        break;
      case CMARK_NODE_HEADING:
        if (bShift) {
          int iLevel = cmark_node_get_heading_level(p) + MARKDOWN_HEADING_SHIFT;
          if (iLevel > MARKDOWN_HEADING_MAX) iLevel = MARKDOWN_HEADING_MAX;
          cmark_node_set_heading_level(p, iLevel);
        }
        break;
      default:
        break;
    }
  }
  cmark_iter_free(pIter);
  for (size_t i = 0; i < nDrop; i++) cmark_node_free(apDrop[i]);
  free(apDrop);
  return pDoc;
}

void markdown_render(Html *h, const char *zMarkdown) {
  if (!zMarkdown || !*zMarkdown) return;
  cmark_node *pDoc = markdown_parse_clean(zMarkdown, 1);
  char *zHtml = cmark_render_html(pDoc, MARKDOWN_OPTIONS);
  /* Trusted: cmark escapes every text node and attribute it writes, the
  ** tree holds no raw HTML nodes any more (removed above) and every URL
  ** passed markdown_url_is_safe(), so this markup is ours, not the
  ** user's. */
  html_raw_trusted(h, zHtml);
  free(zHtml);
  cmark_node_free(pDoc);
}

/* Plain text of one document, appended to pOut. */
static void text_walk(cmark_node *pDoc, Buf *pOut) {
  cmark_iter *pIter = cmark_iter_new(pDoc);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(pIter)) != CMARK_EVENT_DONE) {
    cmark_node *p = cmark_iter_get_node(pIter);
    cmark_node_type eType = cmark_node_get_type(p);
    int bEnter = ev == CMARK_EVENT_ENTER;
    cmark_node *pParent = cmark_node_parent(p);
    int bInTightItem = pParent &&
                       cmark_node_get_type(pParent) == CMARK_NODE_ITEM &&
                       cmark_node_get_list_tight(cmark_node_parent(pParent));
    switch (eType) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        buf_puts(pOut, cmark_node_get_literal(p));
        break;
      case CMARK_NODE_CODE_BLOCK:
        buf_puts(pOut, cmark_node_get_literal(p));
        buf_puts(pOut, "\n");
        break;
      case CMARK_NODE_SOFTBREAK:
        buf_putc(pOut, ' ');
        break;
      case CMARK_NODE_LINEBREAK:
        buf_putc(pOut, '\n');
        break;
      case CMARK_NODE_THEMATIC_BREAK:
        buf_puts(pOut, "———\n\n");
        break;
      case CMARK_NODE_ITEM:
        if (bEnter) {
          cmark_node *pList = cmark_node_parent(p);
          if (cmark_node_get_list_type(pList) == CMARK_ORDERED_LIST) {
            int i = cmark_node_get_list_start(pList);
            for (cmark_node *q = cmark_node_previous(p); q;
                 q = cmark_node_previous(q)) {
              i++;
            }
            buf_printf(pOut, "%d. ", i);
          } else {
            buf_puts(pOut, "• ");
          }
        }
        break;
      case CMARK_NODE_LIST:
        if (!bEnter) buf_putc(pOut, '\n');
        break;
      case CMARK_NODE_PARAGRAPH:
      case CMARK_NODE_HEADING:
        if (!bEnter) buf_puts(pOut, bInTightItem ? "\n" : "\n\n");
        break;
      default:
        break;
    }
  }
  cmark_iter_free(pIter);
}

const char *markdown_to_text(Arena *pArena, const char *zMarkdown) {
  if (!zMarkdown || !*zMarkdown) return "";
  cmark_node *pDoc = markdown_parse_clean(zMarkdown, 0);
  Buf b;
  buf_init(&b, pArena);
  text_walk(pDoc, &b);
  cmark_node_free(pDoc);
  /* Trim trailing blank lines and squeeze runs of blank lines to one. */
  const char *z = buf_str(&b);
  Buf out;
  buf_init(&out, pArena);
  int nNewline = 0;
  for (; *z; z++) {
    if (*z == '\n') {
      nNewline++;
      continue;
    }
    if (nNewline && out.n) buf_puts(&out, nNewline > 1 ? "\n\n" : "\n");
    nNewline = 0;
    buf_putc(&out, *z);
  }
  return buf_str(&out);
}
