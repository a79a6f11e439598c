/*
** PDF export with cairo and pango. One engine: a document is a list of
** blocks (text, gaps, tables, images, page breaks; see ExportDoc in
** export.h) placed top to bottom, and export_pdf() is the document "title,
** subtitle, preamble paragraphs, table". A table's header row is repeated
** on every page it runs over; every page has a footer with the caller's
** text on the left and "Página N de M" on the right. Images sit side by
** side in rows under their captions; a row that does not fit goes to the
** next page.
**
** Geometry (points, 1/72 in): A4 595.3 x 841.9 or Letter 612 x 792, swapped
** in landscape; 36 pt margins on all sides; the footer line sits at the top
** of the bottom margin and the content ends PDF_FOOTER_SPACE above it.
** Column widths are the relative widths scaled to the width between the
** margins.
**
** Pagination runs twice over the same laid-out text: the first pass only
** counts pages (so the footer can say "de M"), the second draws. Rows are
** never split across pages, except a row taller than a whole page, which is
** split between text lines (no line is ever cut), starting on the current
** page when at least a quarter of it is free, and continues after the
** repeated header on the next page.
**
** Text is set in "DejaVu Sans" (fonts-dejavu-core): it has every glyph of
** Spanish plus N°, – and •.
**
** One font map for the process, reused by every render (issue 22): Pango's
** default is one per thread, and each costs about 5 MB of fonts, shapers
** and caches (16 server threads on an 8-core machine: 80 MB), so documents
** are drawn one at a time under pdfMutex with the process's own font map;
** a render takes tens of milliseconds and what it makes is kept by the
** render cache. Its context is set up as a PDF surface sets it (72 dpi, the
** PDF surface's font options, the same for every PDF). The text laid out
** with it is kept too (shaping was half of a compliance report's first
** render, and most of its text — headings, kinds, places, «Sí», dates — is
** the same from one render to the next), keyed by the text, its size,
** weight, width and mode. A layout never changes once made; a render holds
** its own reference, so the cache may drop entries at any time. Bounded by
** LAYOUT_CACHE_TEXT_MAX bytes of text: when a new entry would pass it, the
** cache is emptied and starts again.
*/
#include <assert.h>
#include <cairo-pdf.h>
#include <malloc.h>
#include <pthread.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "export/export.h"
#include "export/text.h"

#define PDF_A4_W 595.276
#define PDF_A4_H 841.890
#define PDF_LETTER_W 612.0
#define PDF_LETTER_H 792.0
#define PDF_MARGIN 36.0         /* All four sides */
#define PDF_FOOTER_SPACE 14.0   /* Between the content and the footer */
#define PDF_CELL_PAD 3.0        /* Inside every cell */
#define PDF_GRID_WIDTH 0.5      /* Grid line width */
#define PDF_HEADER_GRAY 0.88    /* Header row fill */
#define PDF_PARA_GAP 5.0        /* Between preamble paragraphs */
#define PDF_BLOCK_GAP 10.0      /* Between title block, preamble and table */
#define PDF_EPSILON 0.01        /* Slack for floating-point comparisons */
#define PDF_SPLIT_MIN_ROOM 0.25 /* Free page share to start a split row */
#define PDF_FONT "DejaVu Sans"
#define PDF_TITLE_SIZE 14.0
#define PDF_SUBTITLE_SIZE 10.0
#define PDF_TEXT_SIZE 9.0
#define PDF_HEADING_SIZE 10.5 /* Preamble section headings (opt-in) */
#define PDF_CELL_SIZE 8.0
#define PDF_FOOTER_SIZE 7.0

#define PDF_COVER_SIZE 22.0
#define PDF_SMALL_SIZE 8.0
#define PDF_CAPTION_SIZE 6.5
#define PDF_IMAGE_GAP 8.0      /* Between images, across and down */
#define PDF_CAPTION_GAP 2.0    /* Between an image and its caption */
#define PDF_HEADING_KEEP 60.0  /* Room a heading wants below it */
#define PDF_IMAGE_MAX_PX 10000 /* A JPEG said to be larger is refused */
#define LAYOUT_CACHE_TEXT_MAX (64 * 1024) /* Bytes of text kept */

/* The kinds of block a document holds. */
typedef enum DocKind {
  DOC_TEXT = 0, /* A paragraph (zText, eStyle) */
  DOC_GAP,      /* Vertical space (gap) */
  DOC_TABLE,    /* A table (pTable, minRowH) */
  DOC_IMAGE,    /* A picture (pImage...) with a caption (zText) */
  DOC_BREAK     /* A page break */
} DocKind;

typedef struct DocBlock {
  DocKind eKind;
  ExportTextStyle eStyle;    /* DOC_TEXT */
  const char *zText;         /* DOC_TEXT text, DOC_IMAGE caption (or NULL) */
  double gap;                /* DOC_GAP points */
  const ExportTable *pTable; /* DOC_TABLE */
  double minRowH;            /* DOC_TABLE minimum row height */
  const void *pImage;        /* DOC_IMAGE bytes */
  size_t nImage;             /* DOC_IMAGE size */
  const char *zMime;         /* DOC_IMAGE type: image/jpeg or image/png */
  int nWidth, nHeight;       /* DOC_IMAGE pixels (JPEG) */
  struct DocBlock *pNext;    /* Next in order, or NULL */
} DocBlock;

struct ExportDoc {
  Arena *pArena;            /* Owner of the blocks */
  DocBlock *pFirst, *pLast; /* The blocks in order */
  int nBlock;               /* How many */
};

/* A table of the document, laid out. */
typedef struct PdfTable {
  const ExportTable *pTable; /* What is drawn */
  double minRowH;            /* Minimum row height */
  double *aColX, *aColW;     /* Column left edges and widths */
  PangoLayout **aHead;       /* nCol header cells */
  PangoLayout **aCell;       /* nRow * nCol body cells */
  double headH;              /* Header row height with padding */
  double *aRowH;             /* Body row heights with padding */
  double *aDone, *aNext;     /* Per column: layout position drawn so far */
} PdfTable;

/* A block of the document, laid out. */
typedef struct PdfBlock {
  const DocBlock *pBlock;  /* What it shows */
  PangoLayout *pLayout;    /* DOC_TEXT text, DOC_IMAGE caption, or NULL */
  PdfTable *pTable;        /* DOC_TABLE */
  cairo_surface_t *pImage; /* DOC_IMAGE, NULL when unreadable */
  double imgW, imgH;       /* DOC_IMAGE size drawn, points */
} PdfBlock;

/* One document being laid out and drawn. */
typedef struct PdfDoc {
  Arena *pArena;                /* Owner of every array below */
  const ExportPdfOptions *pOpt; /* Page setup (never NULL) */
  cairo_t *cr;                  /* Drawing context on the PDF surface */
  double pageW, pageH;          /* Page size */
  double yTop, yBottom;         /* Content area, top to bottom */
  double width;                 /* Content width between the margins */
  PangoLayout **aLayout;        /* Every layout made, to unref at the end */
  int nLayout, nLayoutAlloc;    /* Used and allocated entries of aLayout */
  PdfBlock *aBlock;             /* One per document block, in order */
  int nBlock;                   /* Entries in aBlock */
  int bDraw;                    /* 0: count pages only, 1: draw */
  int iPage;                    /* Current page, from 1 */
  int nPage;                    /* Pages in the document (known when drawing) */
  double y;                     /* Next free vertical position */
  double imgX;                  /* Images: next free x in the current row */
  double imgRowH;               /* Images: height of the current row (0: no
                                ** row open) */
} PdfDoc;

/* ---- Building a document ---- */

ExportDoc *export_doc_new(Arena *pArena) {
  ExportDoc *pDoc = arena_alloc(pArena, sizeof(ExportDoc));
  memset(pDoc, 0, sizeof(*pDoc));
  pDoc->pArena = pArena;
  return pDoc;
}

static DocBlock *doc_add(ExportDoc *pDoc, DocKind eKind) {
  DocBlock *pB = arena_alloc(pDoc->pArena, sizeof(DocBlock));
  memset(pB, 0, sizeof(*pB));
  pB->eKind = eKind;
  if (pDoc->pLast) {
    pDoc->pLast->pNext = pB;
  } else {
    pDoc->pFirst = pB;
  }
  pDoc->pLast = pB;
  pDoc->nBlock++;
  return pB;
}

void export_doc_text(ExportDoc *pDoc, ExportTextStyle eStyle, const char *z) {
  DocBlock *pB = doc_add(pDoc, DOC_TEXT);
  pB->eStyle = eStyle;
  pB->zText = z;
}

void export_doc_gap(ExportDoc *pDoc, double pt) {
  doc_add(pDoc, DOC_GAP)->gap = pt;
}

void export_doc_table(ExportDoc *pDoc, const ExportTable *pTable,
                      double minRowHeightPt) {
  DocBlock *pB = doc_add(pDoc, DOC_TABLE);
  pB->pTable = pTable;
  pB->minRowH = minRowHeightPt;
}

void export_doc_image(ExportDoc *pDoc, const void *pData, size_t nData,
                      const char *zMime, int nWidth, int nHeight,
                      const char *zCaption) {
  DocBlock *pB = doc_add(pDoc, DOC_IMAGE);
  pB->pImage = pData;
  pB->nImage = nData;
  pB->zMime = zMime;
  pB->nWidth = nWidth;
  pB->nHeight = nHeight;
  pB->zText = zCaption;
}

void export_doc_page_break(ExportDoc *pDoc) { doc_add(pDoc, DOC_BREAK); }

/* ---- Layout ---- */

/* How a layout breaks its text. */
typedef enum LayoutMode {
  LAYOUT_WRAP = 0, /* Wrapped at the width (a width <= 0: never) */
  LAYOUT_ELLIPSIZE /* One line, cut with an ellipsis at the width */
} LayoutMode;

/* The process's font map, context and laid-out text (see the header
** comment): used only with pdfMutex held. */
typedef struct LayoutCache {
  PangoFontMap *pFontMap; /* The process's own, not Pango's per-thread one */
  PangoContext *pCtx;     /* As a PDF surface sets it up, at 72 dpi */
  GHashTable *pTable;     /* Key → PangoLayout (a reference) */
  size_t nText;           /* Bytes of text held */
} LayoutCache;

static LayoutCache layoutCache;
static pthread_mutex_t pdfMutex = PTHREAD_MUTEX_INITIALIZER;

static cairo_status_t pdf_discard(void *pClosure, const unsigned char *aData,
                                  unsigned int nData) {
  (void)pClosure;
  (void)aData;
  (void)nData;
  return CAIRO_STATUS_SUCCESS;
}

/* The cache, made on first use (pdfMutex held): its context takes the font
** options of a PDF surface (every PDF surface has the same), as
** pango_cairo_create_context() on a document's own surface would. */
static LayoutCache *layout_cache(void) {
  LayoutCache *c = &layoutCache;
  if (c->pCtx) return c;
  cairo_surface_t *pSurface = cairo_pdf_surface_create_for_stream(
      pdf_discard, NULL, PDF_A4_W, PDF_A4_H);
  cairo_t *cr = cairo_create(pSurface);
  c->pFontMap = pango_cairo_font_map_new();
  c->pCtx = pango_font_map_create_context(c->pFontMap);
  pango_cairo_update_context(cr, c->pCtx);
  /* PDF user units are points: at 72 dpi a 9 pt font is 9 units tall. */
  pango_cairo_context_set_resolution(c->pCtx, 72);
  cairo_destroy(cr);
  cairo_surface_destroy(pSurface);
  c->pTable =
      g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_object_unref);
  return c;
}

static PangoFontDescription *pdf_font(double size, int bBold) {
  PangoFontDescription *pFont = pango_font_description_from_string(PDF_FONT);
  pango_font_description_set_size(pFont, (gint)(size * PANGO_SCALE));
  if (bBold) pango_font_description_set_weight(pFont, PANGO_WEIGHT_BOLD);
  return pFont;
}

/* A layout of text z (already clean) at width, laid out: from the thread's
** cache or made and kept there. The document holds a reference until it
** ends. */
static PangoLayout *pdf_layout_mode(PdfDoc *p, const char *z, double size,
                                    int bBold, double width, LayoutMode eMode) {
  LayoutCache *c = layout_cache();
  int iWidth = width > 0 ? pango_units_from_double(width) : -1;
  char *zKey =
      g_strdup_printf("%d\x1f%d\x1f%d\x1f%d\x1f%s", (int)(size * PANGO_SCALE),
                      bBold, iWidth, (int)eMode, z);
  PangoLayout *pLayout = g_hash_table_lookup(c->pTable, zKey);
  if (pLayout) {
    g_free(zKey);
  } else {
    pLayout = pango_layout_new(c->pCtx);
    PangoFontDescription *pFont = pdf_font(size, bBold);
    pango_layout_set_font_description(pLayout, pFont);
    pango_font_description_free(pFont);
    pango_layout_set_width(pLayout, iWidth);
    if (eMode == LAYOUT_ELLIPSIZE) {
      pango_layout_set_ellipsize(pLayout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode(pLayout, TRUE);
    } else {
      /* Break between words, and inside a word only when it is too long
      ** for the column (an URL, a long e-mail address). */
      pango_layout_set_wrap(pLayout, PANGO_WRAP_WORD_CHAR);
    }
    pango_layout_set_text(pLayout, z, -1);
    /* Laid out now, once: every later use only reads it */
    pango_layout_get_extents(pLayout, NULL, NULL);
    size_t nKey = strlen(zKey);
    if (c->nText + nKey > LAYOUT_CACHE_TEXT_MAX) {
      g_hash_table_remove_all(c->pTable);
      c->nText = 0;
    }
    if (nKey <= LAYOUT_CACHE_TEXT_MAX) {
      g_hash_table_insert(c->pTable, zKey, g_object_ref(pLayout));
      c->nText += nKey;
    } else {
      g_free(zKey);
    }
    /* The document's reference is the one pango_layout_new gave */
    p->aLayout = arena_grow(p->pArena, p->aLayout, p->nLayout, &p->nLayoutAlloc,
                            sizeof(PangoLayout *));
    p->aLayout[p->nLayout++] = pLayout;
    return pLayout;
  }
  p->aLayout = arena_grow(p->pArena, p->aLayout, p->nLayout, &p->nLayoutAlloc,
                          sizeof(PangoLayout *));
  p->aLayout[p->nLayout++] = g_object_ref(pLayout);
  return pLayout;
}

/* A layout of text z (already clean), wrapped at width. */
static PangoLayout *pdf_layout(PdfDoc *p, const char *z, double size, int bBold,
                               double width) {
  return pdf_layout_mode(p, z, size, bBold, width, LAYOUT_WRAP);
}

static double layout_height(PangoLayout *pLayout) {
  PangoRectangle logical;
  pango_layout_get_extents(pLayout, NULL, &logical);
  return pango_units_to_double(logical.height);
}

static PangoLayout *pdf_layout_text(PdfDoc *p, ExportTextStyle eStyle,
                                    const char *z) {
  static const struct {
    double size; /* Points */
    int bBold;   /* 1: bold */
  } aStyle[] = {
      [EXPORT_TEXT_BODY] = {PDF_TEXT_SIZE, 0},
      [EXPORT_TEXT_SMALL] = {PDF_SMALL_SIZE, 0},
      [EXPORT_TEXT_TITLE] = {PDF_TITLE_SIZE, 1},
      [EXPORT_TEXT_SUBTITLE] = {PDF_SUBTITLE_SIZE, 0},
      [EXPORT_TEXT_HEADING] = {PDF_HEADING_SIZE, 1},
      [EXPORT_TEXT_COVER] = {PDF_COVER_SIZE, 1},
  };
  int i = (int)eStyle;
  if (i < 0 || i > (int)EXPORT_TEXT_COVER) i = EXPORT_TEXT_BODY;
  return pdf_layout(p, export_text_clean(p->pArena, z), aStyle[i].size,
                    aStyle[i].bBold, p->width);
}

/* Column geometry and the header row. */
static void pdf_layout_header(PdfDoc *p, PdfTable *pT) {
  const ExportTable *t = pT->pTable;
  Arena *a = p->pArena;
  size_t nCol = (size_t)t->nCol + 1; /* +1: never a zero-size request */
  pT->aColX = arena_alloc(a, sizeof(double) * nCol);
  pT->aColW = arena_alloc(a, sizeof(double) * nCol);
  pT->aDone = arena_alloc(a, sizeof(double) * nCol);
  pT->aNext = arena_alloc(a, sizeof(double) * nCol);
  pT->aHead = arena_alloc(a, sizeof(PangoLayout *) * nCol);
  double x = PDF_MARGIN;
  pT->headH = 0;
  for (int c = 0; c < t->nCol; c++) {
    pT->aColX[c] = x;
    pT->aColW[c] = p->width * export_column_share(t, c);
    x += pT->aColW[c];
    const char *z = t->azHeader ? export_text_clean(a, t->azHeader[c]) : "";
    pT->aHead[c] =
        pdf_layout(p, z, PDF_CELL_SIZE, 1, pT->aColW[c] - 2 * PDF_CELL_PAD);
    double h = layout_height(pT->aHead[c]) + 2 * PDF_CELL_PAD;
    if (h > pT->headH) pT->headH = h;
  }
}

static PdfTable *pdf_layout_table(PdfDoc *p, const ExportTable *t,
                                  double minH) {
  Arena *a = p->pArena;
  PdfTable *pT = arena_alloc(a, sizeof(PdfTable));
  memset(pT, 0, sizeof(*pT));
  pT->pTable = t;
  pdf_layout_header(p, pT);
  /* A row taller than the room under the header on a fresh page is split,
  ** so the minimum height never asks for more than that room. */
  double roomMax = p->yBottom - p->yTop - pT->headH;
  if (minH > roomMax) minH = roomMax;
  pT->minRowH = minH;
  pT->aCell = arena_alloc(
      a, sizeof(PangoLayout *) * ((size_t)t->nRow * (size_t)t->nCol + 1));
  pT->aRowH = arena_alloc(a, sizeof(double) * (size_t)(t->nRow + 1));
  for (int r = 0; r < t->nRow; r++) {
    double rowH = minH;
    for (int c = 0; c < t->nCol; c++) {
      PangoLayout *pL = pdf_layout(p, export_cell(a, t, r, c), PDF_CELL_SIZE, 0,
                                   pT->aColW[c] - 2 * PDF_CELL_PAD);
      pT->aCell[(size_t)r * t->nCol + c] = pL;
      double h = layout_height(pL) + 2 * PDF_CELL_PAD;
      if (h > rowH) rowH = h;
    }
    pT->aRowH[r] = rowH;
  }
  return pT;
}

/* Reads PNG bytes for cairo. */
typedef struct PngReader {
  const unsigned char *a; /* The bytes */
  size_t n, i;            /* Size and read position */
} PngReader;

static cairo_status_t png_read(void *pClosure, unsigned char *aOut,
                               unsigned int nOut) {
  PngReader *pR = pClosure;
  if (pR->n - pR->i < nOut) return CAIRO_STATUS_READ_ERROR;
  memcpy(aOut, pR->a + pR->i, nOut);
  pR->i += nOut;
  return CAIRO_STATUS_SUCCESS;
}

/* A surface for a JPEG that carries the JPEG itself: the PDF surface
** embeds those bytes (DCT) and never looks at the blank pixels, so a
** photo is neither decoded nor re-encoded. NULL when the size is unknown. */
static cairo_surface_t *jpeg_surface(const DocBlock *d) {
  if (d->nWidth <= 0 || d->nHeight <= 0 || d->nWidth > PDF_IMAGE_MAX_PX ||
      d->nHeight > PDF_IMAGE_MAX_PX) {
    return NULL;
  }
  cairo_surface_t *pImg =
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, d->nWidth, d->nHeight);
  /* The bytes live in the caller's arena, which outlives the document. */
  cairo_surface_set_mime_data(pImg, CAIRO_MIME_TYPE_JPEG, d->pImage, d->nImage,
                              NULL, NULL);
  return pImg;
}

/* The image of a DOC_IMAGE block, scaled to fit its box. */
static void pdf_layout_image(PdfDoc *p, PdfBlock *pB) {
  const DocBlock *d = pB->pBlock;
  if (d->zText && *d->zText) {
    pB->pLayout = pdf_layout(p, export_text_clean(p->pArena, d->zText),
                             PDF_CAPTION_SIZE, 0, EXPORT_DOC_IMAGE_W);
  }
  if (!d->pImage || d->nImage == 0 || !d->zMime) return;
  /* The same picture again (an activity counted by two lines): the same
  ** surface, so it is read once and the PDF holds it once. */
  for (const PdfBlock *q = p->aBlock; q < pB; q++) {
    const DocBlock *e = q->pBlock;
    if (q->pImage && e->pImage == d->pImage && e->nImage == d->nImage &&
        e->nWidth == d->nWidth && e->nHeight == d->nHeight &&
        strcmp(e->zMime, d->zMime) == 0) {
      pB->pImage = cairo_surface_reference(q->pImage);
      pB->imgW = q->imgW;
      pB->imgH = q->imgH;
      return;
    }
  }
  cairo_surface_t *pImg = NULL;
  if (strcmp(d->zMime, "image/jpeg") == 0) {
    pImg = jpeg_surface(d);
  } else if (strcmp(d->zMime, "image/png") == 0) {
    PngReader rd = {d->pImage, d->nImage, 0};
    pImg = cairo_image_surface_create_from_png_stream(png_read, &rd);
  }
  if (!pImg) return;
  int w = cairo_image_surface_get_width(pImg);
  int h = cairo_image_surface_get_height(pImg);
  if (cairo_surface_status(pImg) != CAIRO_STATUS_SUCCESS || w <= 0 || h <= 0) {
    cairo_surface_destroy(pImg);
    return;
  }
  double scale = EXPORT_DOC_IMAGE_W / w;
  if (EXPORT_DOC_IMAGE_H / h < scale) scale = EXPORT_DOC_IMAGE_H / h;
  pB->pImage = pImg;
  pB->imgW = w * scale;
  pB->imgH = h * scale;
}

/* Lays out every block once; both passes reuse the layouts. */
static void pdf_layout_all(PdfDoc *p, const ExportDoc *pDoc) {
  p->aBlock =
      arena_alloc(p->pArena, sizeof(PdfBlock) * (size_t)(pDoc->nBlock + 1));
  memset(p->aBlock, 0, sizeof(PdfBlock) * (size_t)(pDoc->nBlock + 1));
  for (const DocBlock *d = pDoc->pFirst; d; d = d->pNext) {
    PdfBlock *pB = &p->aBlock[p->nBlock++];
    pB->pBlock = d;
    if (d->eKind == DOC_TEXT) {
      const char *z = export_text_clean(p->pArena, d->zText);
      if (*z) pB->pLayout = pdf_layout_text(p, d->eStyle, z);
    } else if (d->eKind == DOC_TABLE) {
      pB->pTable = pdf_layout_table(p, d->pTable, d->minRowH);
    } else if (d->eKind == DOC_IMAGE) {
      pdf_layout_image(p, pB);
    }
  }
}

/* ---- Placing and drawing ---- */

/* Draws (when bDraw) the lines of pLayout from layout position fromY on,
** as long as they end by toY, with layout position fromY at page y.
** Returns the layout position just below the last line taken (fromY if
** none). When bForce, at least one line is taken even if it does not fit,
** so that a page always makes progress. */
static double take_lines(PdfDoc *p, PangoLayout *pLayout, int bDraw, double x,
                         double y, double fromY, double toY, int bForce) {
  double done = fromY;
  PangoLayoutIter *pIter = pango_layout_get_iter(pLayout);
  do {
    int y0, y1;
    pango_layout_iter_get_line_yrange(pIter, &y0, &y1);
    double top = pango_units_to_double(y0);
    double bottom = pango_units_to_double(y1);
    if (top + PDF_EPSILON < fromY) continue; /* Taken on an earlier page */
    if (bottom > toY + PDF_EPSILON && !(bForce && done == fromY)) break;
    if (bDraw) {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(pIter, NULL, &logical);
      double baseline =
          pango_units_to_double(pango_layout_iter_get_baseline(pIter));
      cairo_move_to(p->cr, x + pango_units_to_double(logical.x),
                    y + baseline - fromY);
      pango_cairo_show_layout_line(p->cr,
                                   pango_layout_iter_get_line_readonly(pIter));
    }
    done = bottom;
  } while (pango_layout_iter_next_line(pIter));
  pango_layout_iter_free(pIter);
  return done;
}

/* Footer of the current page: caller's text left, page count right. */
static void draw_footer(PdfDoc *p) {
  double y = p->pageH - PDF_MARGIN;
  char zPages[64];
  snprintf(zPages, sizeof(zPages), "Página %d de %d", p->iPage, p->nPage);
  PangoLayout *pRight =
      pdf_layout_mode(p, zPages, PDF_FOOTER_SIZE, 0, 0, LAYOUT_WRAP);
  PangoRectangle logical;
  pango_layout_get_extents(pRight, NULL, &logical);
  double wRight = pango_units_to_double(logical.width);
  cairo_move_to(p->cr, PDF_MARGIN + p->width - wRight, y);
  pango_cairo_show_layout(p->cr, pRight);

  char *zLeft =
      arena_strdup(p->pArena, export_text_clean(p->pArena, p->pOpt->zFooter));
  for (char *z = zLeft; *z; z++) {
    if (*z == '\n') *z = ' '; /* One line: pango would draw a symbol */
  }
  if (*zLeft) {
    /* One line, cut with an ellipsis before it reaches the page count. */
    PangoLayout *pLeft = pdf_layout_mode(
        p, zLeft, PDF_FOOTER_SIZE, 0, p->width - wRight - 12, LAYOUT_ELLIPSIZE);
    cairo_move_to(p->cr, PDF_MARGIN, y);
    pango_cairo_show_layout(p->cr, pLeft);
  }
}

static void page_end(PdfDoc *p) {
  if (!p->bDraw) return;
  draw_footer(p);
  cairo_show_page(p->cr);
}

static void page_begin(PdfDoc *p) {
  p->iPage++;
  p->y = p->yTop;
}

static void page_next(PdfDoc *p) {
  page_end(p);
  page_begin(p);
}

static int page_fresh(const PdfDoc *p) { return p->y <= p->yTop + PDF_EPSILON; }

/* Places a block of text line by line, breaking pages between lines. */
static void place_text(PdfDoc *p, PangoLayout *pLayout) {
  double total = layout_height(pLayout);
  double done = 0;
  while (done < total - PDF_EPSILON) {
    double next = take_lines(p, pLayout, p->bDraw, PDF_MARGIN, p->y, done,
                             done + (p->yBottom - p->y), page_fresh(p));
    p->y += next - done;
    if (next < total - PDF_EPSILON) page_next(p);
    done = next;
  }
}

/* Draws the cell borders of a row from y to y + h. */
static void draw_grid(PdfDoc *p, const PdfTable *pT, double y, double h,
                      int bHeader) {
  cairo_set_line_width(p->cr, PDF_GRID_WIDTH);
  for (int c = 0; c < pT->pTable->nCol; c++) {
    cairo_rectangle(p->cr, pT->aColX[c], y, pT->aColW[c], h);
    if (bHeader) {
      cairo_set_source_rgb(p->cr, PDF_HEADER_GRAY, PDF_HEADER_GRAY,
                           PDF_HEADER_GRAY);
      cairo_fill_preserve(p->cr);
    }
    cairo_set_source_rgb(p->cr, 0, 0, 0);
    cairo_stroke(p->cr);
  }
}

static void place_header(PdfDoc *p, const PdfTable *pT) {
  if (p->bDraw) {
    draw_grid(p, pT, p->y, pT->headH, 1);
    for (int c = 0; c < pT->pTable->nCol; c++) {
      take_lines(p, pT->aHead[c], 1, pT->aColX[c] + PDF_CELL_PAD,
                 p->y + PDF_CELL_PAD, 0, 1e9, 1);
    }
  }
  p->y += pT->headH;
}

/* Places what is left of row r (from positions pT->aDone[]) in the rest of
** the page; returns 1 when the row is complete. bFresh: nothing but the
** header is on this page yet, so at least one line must be taken. */
static int place_row_part(PdfDoc *p, PdfTable *pT, int r, int bFresh) {
  const ExportTable *t = pT->pTable;
  PangoLayout **aL = pT->aCell + (size_t)r * t->nCol;
  double room = p->yBottom - p->y - 2 * PDF_CELL_PAD;
  double partH = 0;
  int bStart = 1, bComplete = 1;
  for (int c = 0; c < t->nCol; c++) {
    /* Measure first: the grid goes under the text. */
    pT->aNext[c] = take_lines(p, aL[c], 0, 0, 0, pT->aDone[c],
                              pT->aDone[c] + room, bFresh);
    if (pT->aNext[c] - pT->aDone[c] > partH) {
      partH = pT->aNext[c] - pT->aDone[c];
    }
    if (pT->aNext[c] < layout_height(aL[c]) - PDF_EPSILON) bComplete = 0;
    if (pT->aDone[c] > 0) bStart = 0;
  }
  double h = partH + 2 * PDF_CELL_PAD;
  if (bStart && bComplete) h = pT->aRowH[r]; /* Whole row: minRowHeightPt */
  if (p->bDraw) {
    draw_grid(p, pT, p->y, h, 0);
    for (int c = 0; c < t->nCol; c++) {
      take_lines(p, aL[c], 1, pT->aColX[c] + PDF_CELL_PAD, p->y + PDF_CELL_PAD,
                 pT->aDone[c], pT->aNext[c], 0);
    }
  }
  memcpy(pT->aDone, pT->aNext, sizeof(double) * (size_t)t->nCol);
  p->y += h;
  return bComplete;
}

static void place_table(PdfDoc *p, PdfTable *pT) {
  const ExportTable *t = pT->pTable;
  if (t->nCol <= 0) return;
  double yFresh = p->yTop + pT->headH; /* Where rows start on a new page */
  /* Keep the header with the first row: no orphan header at a page end. */
  double first = t->nRow > 0 ? pT->aRowH[0] : 0;
  if (first > p->yBottom - yFresh) first = p->yBottom - yFresh;
  if (!page_fresh(p) && p->y + pT->headH + first > p->yBottom) page_next(p);
  place_header(p, pT);
  double roomFresh = p->yBottom - yFresh;
  for (int r = 0; r < t->nRow; r++) {
    int bFits = p->y + pT->aRowH[r] <= p->yBottom + PDF_EPSILON;
    /* A row taller than a fresh page is split anyway: start it here
    ** unless too little of this page is left for that to look right. */
    int bSplitHere = pT->aRowH[r] > roomFresh + PDF_EPSILON &&
                     p->yBottom - p->y >= roomFresh * PDF_SPLIT_MIN_ROOM;
    if (!bFits && !bSplitHere && p->y > yFresh + PDF_EPSILON) {
      page_next(p);
      place_header(p, pT);
    }
    memset(pT->aDone, 0, sizeof(double) * (size_t)t->nCol);
    while (!place_row_part(p, pT, r, p->y <= yFresh + PDF_EPSILON)) {
      page_next(p); /* Only a row being split gets here */
      place_header(p, pT);
    }
  }
}

/* Closes an open row of images: the next block goes below it. */
static void images_end(PdfDoc *p) {
  if (p->imgRowH <= 0) return;
  p->y += p->imgRowH + PDF_IMAGE_GAP;
  p->imgRowH = 0;
  p->imgX = 0;
}

/* An image and its caption in the current row, or the next row, or on the
** next page. */
static void place_image(PdfDoc *p, const PdfBlock *pB) {
  double capH = pB->pLayout ? layout_height(pB->pLayout) + PDF_CAPTION_GAP : 0;
  double h = (pB->pImage ? pB->imgH : 0) + capH;
  if (p->imgRowH > 0 && p->imgX + EXPORT_DOC_IMAGE_W > p->width + PDF_EPSILON) {
    images_end(p);
  }
  if (p->imgRowH <= 0 && !page_fresh(p) && p->y + h > p->yBottom) {
    page_next(p);
  }
  double x = PDF_MARGIN + p->imgX;
  if (p->bDraw && pB->pImage) {
    double sx = pB->imgW / cairo_image_surface_get_width(pB->pImage);
    double sy = pB->imgH / cairo_image_surface_get_height(pB->pImage);
    cairo_save(p->cr);
    cairo_translate(p->cr, x, p->y);
    cairo_scale(p->cr, sx, sy);
    cairo_set_source_surface(p->cr, pB->pImage, 0, 0);
    cairo_paint(p->cr);
    cairo_restore(p->cr);
    cairo_set_source_rgb(p->cr, 0, 0, 0);
  }
  if (p->bDraw && pB->pLayout) {
    take_lines(p, pB->pLayout, 1, x,
               p->y + (pB->pImage ? pB->imgH + PDF_CAPTION_GAP : 0), 0, 1e9, 1);
  }
  p->imgX += EXPORT_DOC_IMAGE_W + PDF_IMAGE_GAP;
  if (h > p->imgRowH) p->imgRowH = h;
}

static void place_block(PdfDoc *p, const PdfBlock *pB) {
  const DocBlock *d = pB->pBlock;
  if (d->eKind == DOC_IMAGE) {
    place_image(p, pB);
    return;
  }
  images_end(p);
  switch (d->eKind) {
    case DOC_TEXT:
      if (!pB->pLayout) break;
      /* A heading at the foot of a page goes with what follows it. */
      if (d->eStyle == EXPORT_TEXT_HEADING && !page_fresh(p) &&
          p->y + layout_height(pB->pLayout) + PDF_HEADING_KEEP > p->yBottom) {
        page_next(p);
      }
      place_text(p, pB->pLayout);
      break;
    case DOC_GAP:
      if (!page_fresh(p)) p->y += d->gap;
      break;
    case DOC_TABLE:
      place_table(p, pB->pTable);
      break;
    case DOC_BREAK:
      if (!page_fresh(p)) page_next(p);
      break;
    case DOC_IMAGE:
      break;
  }
}

/* One pass over the whole document. */
static void pdf_pass(PdfDoc *p, int bDraw) {
  p->bDraw = bDraw;
  p->iPage = 0;
  p->imgRowH = 0;
  p->imgX = 0;
  page_begin(p);
  for (int i = 0; i < p->nBlock; i++) place_block(p, &p->aBlock[i]);
  page_end(p);
  if (!bDraw) p->nPage = p->iPage;
}

static cairo_status_t pdf_write(void *pClosure, const unsigned char *aData,
                                unsigned int nData) {
  buf_append((Buf *)pClosure, aData, nData);
  return CAIRO_STATUS_SUCCESS;
}

static void pdf_page_size(PdfDoc *p) {
  p->pageW = p->pOpt->bLetter ? PDF_LETTER_W : PDF_A4_W;
  p->pageH = p->pOpt->bLetter ? PDF_LETTER_H : PDF_A4_H;
  if (p->pOpt->bLandscape) {
    double w = p->pageW;
    p->pageW = p->pageH;
    p->pageH = w;
  }
  p->yTop = PDF_MARGIN;
  p->yBottom = p->pageH - PDF_MARGIN - PDF_FOOTER_SPACE;
  p->width = p->pageW - 2 * PDF_MARGIN;
}

int export_doc_pdf(Arena *pArena, const ExportDoc *pDoc, const char *zTitle,
                   const ExportPdfOptions *pOpt, const char **ppOut,
                   size_t *pnOut, char *zErr, size_t nErr) {
  static const ExportPdfOptions defaultOpt = {0};
  *ppOut = NULL;
  *pnOut = 0;
  PdfDoc d = {0};
  d.pArena = pArena;
  d.pOpt = pOpt ? pOpt : &defaultOpt;
  pdf_page_size(&d);

  Buf out;
  buf_init(&out, pArena);
  cairo_surface_t *pSurface =
      cairo_pdf_surface_create_for_stream(pdf_write, &out, d.pageW, d.pageH);
  cairo_pdf_surface_set_metadata(pSurface, CAIRO_PDF_METADATA_TITLE,
                                 export_text_clean(pArena, zTitle));
  cairo_pdf_surface_set_metadata(pSurface, CAIRO_PDF_METADATA_CREATOR, "cosoc");
  d.cr = cairo_create(pSurface);

  /* Until the fonts are written out (cairo_surface_finish) */
  pthread_mutex_lock(&pdfMutex);
  pdf_layout_all(&d, pDoc);
  pdf_pass(&d, 0);
  pdf_pass(&d, 1);

  for (int i = 0; i < d.nLayout; i++) g_object_unref(d.aLayout[i]);
  for (int i = 0; i < d.nBlock; i++) {
    if (d.aBlock[i].pImage) cairo_surface_destroy(d.aBlock[i].pImage);
  }
  cairo_status_t status = cairo_status(d.cr);
  cairo_destroy(d.cr);
  cairo_surface_finish(pSurface);
  /* What Pango and cairo freed goes back to the system: left in this
  ** thread's malloc arena it would add to the next big request's peak on
  ** another thread (issue 22: peak RSS). */
  malloc_trim(0);
  pthread_mutex_unlock(&pdfMutex);
  if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(pSurface);
  cairo_surface_destroy(pSurface);

  if (status != CAIRO_STATUS_SUCCESS) {
    export_set_error(zErr, nErr, "No se pudo generar el PDF (%s).",
                     cairo_status_to_string(status));
    return EXPORT_ERROR;
  }
  *ppOut = buf_str(&out);
  *pnOut = out.n;
  return EXPORT_OK;
}

/* The preamble split at blank lines into paragraphs, each a text block;
** "# " headings when the options ask for them. */
static void doc_preamble(ExportDoc *pDoc, const char *z, int bHeadings) {
  int bFirst = 1;
  while (*z) {
    while (*z == '\n' || *z == ' ') z++;
    if (!*z) break;
    const char *zEnd = z;
    while (*zEnd &&
           !(zEnd[0] == '\n' && zEnd[strspn(zEnd + 1, " ") + 1] == '\n')) {
      zEnd++;
    }
    const char *zPara = arena_strndup(pDoc->pArena, z, (size_t)(zEnd - z));
    if (!bFirst) export_doc_gap(pDoc, PDF_PARA_GAP);
    if (bHeadings && strncmp(zPara, "# ", 2) == 0) {
      export_doc_text(pDoc, EXPORT_TEXT_HEADING, zPara + 2);
    } else {
      export_doc_text(pDoc, EXPORT_TEXT_BODY, zPara);
    }
    bFirst = 0;
    z = zEnd;
  }
  if (!bFirst) export_doc_gap(pDoc, PDF_BLOCK_GAP);
}

int export_pdf(Arena *pArena, const ExportTable *pTable,
               const ExportPdfOptions *pOpt, const char **ppOut, size_t *pnOut,
               char *zErr, size_t nErr) {
  static const ExportPdfOptions defaultOpt = {0};
  if (!pOpt) pOpt = &defaultOpt;
  ExportDoc *pDoc = export_doc_new(pArena);
  const char *zTitle = export_text_clean(pArena, pTable->zTitle);
  const char *zSub = export_text_clean(pArena, pTable->zSubtitle);
  if (*zTitle) export_doc_text(pDoc, EXPORT_TEXT_TITLE, zTitle);
  if (*zSub) export_doc_text(pDoc, EXPORT_TEXT_SUBTITLE, zSub);
  if (*zTitle || *zSub) export_doc_gap(pDoc, PDF_BLOCK_GAP);
  doc_preamble(pDoc, export_text_clean(pArena, pTable->zPreamble),
               pOpt->bPreambleHeadings);
  export_doc_table(pDoc, pTable, pOpt->minRowHeightPt);
  return export_doc_pdf(pArena, pDoc, pTable->zTitle, pOpt, ppOut, pnOut, zErr,
                        nErr);
}
