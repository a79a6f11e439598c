/*
** PDF export with cairo and pango: the title and subtitle at the top of the
** first page, the preamble's paragraphs, then the table with its header row
** repeated on every page, and on every page a footer with the caller's text
** on the left and "Página N de M" on the right.
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
** Spanish plus N°, – and •. Pango keeps one font map per thread, so
** concurrent exports from server threads share no mutable state.
*/
#include <assert.h>
#include <cairo-pdf.h>
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
#define PDF_HEADING_SIZE 10.5   /* Preamble section headings (opt-in) */
#define PDF_CELL_SIZE 8.0
#define PDF_FOOTER_SIZE 7.0

/* One document being laid out and drawn. */
typedef struct PdfDoc {
  Arena *pArena;                /* Owner of every array below */
  const ExportTable *pTable;    /* What is drawn */
  const ExportPdfOptions *pOpt; /* Page setup (never NULL) */
  cairo_t *cr;                  /* Drawing context on the PDF surface */
  PangoContext *pCtx;           /* Text context at 72 dpi: 1 pt = 1 unit */
  double pageW, pageH;          /* Page size */
  double yTop, yBottom;         /* Content area, top to bottom */
  double width;                 /* Content width between the margins */
  double *aColX, *aColW;        /* Column left edges and widths */
  PangoLayout **aLayout;        /* Every layout made, to unref at the end */
  int nLayout, nLayoutAlloc;    /* Used and allocated entries of aLayout */
  PangoLayout *pTitle;          /* Title, or NULL */
  PangoLayout *pSubtitle;       /* Subtitle, or NULL */
  PangoLayout **aPara;          /* Preamble paragraphs */
  int nPara;                    /* Entries in aPara */
  PangoLayout **aHead;          /* nCol header cells */
  PangoLayout **aCell;          /* nRow * nCol body cells */
  double headH;                 /* Header row height with padding */
  double *aRowH;                /* Body row heights with padding */
  double *aDone, *aNext;        /* Per column: layout position drawn so far */
  int bDraw;                    /* 0: count pages only, 1: draw */
  int iPage;                    /* Current page, from 1 */
  int nPage;                    /* Pages in the document (known when drawing) */
  double y;                     /* Next free vertical position */
} PdfDoc;


static PangoFontDescription *pdf_font(double size, int bBold) {
  PangoFontDescription *pFont = pango_font_description_from_string(PDF_FONT);
  pango_font_description_set_size(pFont, (gint)(size * PANGO_SCALE));
  if (bBold) pango_font_description_set_weight(pFont, PANGO_WEIGHT_BOLD);
  return pFont;
}

/* A new layout of text z (already clean), wrapped at width. The document
** owns it. */
static PangoLayout *pdf_layout(PdfDoc *p, const char *z, double size, int bBold,
                               double width) {
  assert(p->nLayout < p->nLayoutAlloc);
  PangoLayout *pLayout = pango_layout_new(p->pCtx);
  PangoFontDescription *pFont = pdf_font(size, bBold);
  pango_layout_set_font_description(pLayout, pFont);
  pango_font_description_free(pFont);
  pango_layout_set_width(pLayout, pango_units_from_double(width));
  /* Break between words, and inside a word only when it is too long for
  ** the column (an URL, a long e-mail address). */
  pango_layout_set_wrap(pLayout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text(pLayout, z, -1);
  p->aLayout[p->nLayout++] = pLayout;
  return pLayout;
}

static double layout_height(PangoLayout *pLayout) {
  PangoRectangle logical;
  pango_layout_get_extents(pLayout, NULL, &logical);
  return pango_units_to_double(logical.height);
}

/* Splits the preamble at blank lines into paragraph layouts. */
static void pdf_layout_preamble(PdfDoc *p, const char *z) {
  while (*z) {
    while (*z == '\n' || *z == ' ') z++;
    if (!*z) break;
    const char *zEnd = z;
    while (*zEnd &&
           !(zEnd[0] == '\n' && zEnd[strspn(zEnd + 1, " ") + 1] == '\n')) {
      zEnd++;
    }
    const char *zPara = arena_strndup(p->pArena, z, (size_t)(zEnd - z));
    if (p->pOpt->bPreambleHeadings && strncmp(zPara, "# ", 2) == 0) {
      p->aPara[p->nPara++] =
          pdf_layout(p, zPara + 2, PDF_HEADING_SIZE, 1, p->width);
    } else {
      p->aPara[p->nPara++] = pdf_layout(p, zPara, PDF_TEXT_SIZE, 0, p->width);
    }
    z = zEnd;
  }
}

/* Column geometry and the header row. */
static void pdf_layout_header(PdfDoc *p) {
  const ExportTable *t = p->pTable;
  Arena *a = p->pArena;
  size_t nCol = (size_t)t->nCol + 1; /* +1: never a zero-size request */
  p->aColX = arena_alloc(a, sizeof(double) * nCol);
  p->aColW = arena_alloc(a, sizeof(double) * nCol);
  p->aDone = arena_alloc(a, sizeof(double) * nCol);
  p->aNext = arena_alloc(a, sizeof(double) * nCol);
  p->aHead = arena_alloc(a, sizeof(PangoLayout *) * nCol);
  double x = PDF_MARGIN;
  p->headH = 0;
  for (int c = 0; c < t->nCol; c++) {
    p->aColX[c] = x;
    p->aColW[c] = p->width * export_column_share(t, c);
    x += p->aColW[c];
    const char *z = t->azHeader ? export_text_clean(a, t->azHeader[c]) : "";
    p->aHead[c] =
        pdf_layout(p, z, PDF_CELL_SIZE, 1, p->aColW[c] - 2 * PDF_CELL_PAD);
    double h = layout_height(p->aHead[c]) + 2 * PDF_CELL_PAD;
    if (h > p->headH) p->headH = h;
  }
}

/* Lays out every piece of text once; both passes reuse the layouts. */
static void pdf_layout_all(PdfDoc *p) {
  const ExportTable *t = p->pTable;
  Arena *a = p->pArena;
  const char *zPreamble = export_text_clean(a, t->zPreamble);
  int nParaMax = 1;
  for (const char *z = zPreamble; *z; z++) nParaMax += *z == '\n';
  p->nLayoutAlloc = 2 + nParaMax + t->nCol + t->nRow * t->nCol;
  p->aLayout = arena_alloc(a, sizeof(PangoLayout *) * (size_t)p->nLayoutAlloc);
  p->aPara = arena_alloc(a, sizeof(PangoLayout *) * (size_t)nParaMax);

  const char *zTitle = export_text_clean(a, t->zTitle);
  if (*zTitle) p->pTitle = pdf_layout(p, zTitle, PDF_TITLE_SIZE, 1, p->width);
  const char *zSub = export_text_clean(a, t->zSubtitle);
  if (*zSub) {
    p->pSubtitle = pdf_layout(p, zSub, PDF_SUBTITLE_SIZE, 0, p->width);
  }
  pdf_layout_preamble(p, zPreamble);
  pdf_layout_header(p);

  /* A row taller than the room under the header on a fresh page is split,
  ** so the minimum height never asks for more than that room. */
  double minH = p->pOpt->minRowHeightPt;
  double roomMax = p->yBottom - p->yTop - p->headH;
  if (minH > roomMax) minH = roomMax;
  p->aCell = arena_alloc(
      a, sizeof(PangoLayout *) * ((size_t)t->nRow * (size_t)t->nCol + 1));
  p->aRowH = arena_alloc(a, sizeof(double) * (size_t)(t->nRow + 1));
  for (int r = 0; r < t->nRow; r++) {
    double rowH = minH;
    for (int c = 0; c < t->nCol; c++) {
      PangoLayout *pL = pdf_layout(p, export_cell(a, t, r, c), PDF_CELL_SIZE, 0,
                                   p->aColW[c] - 2 * PDF_CELL_PAD);
      p->aCell[(size_t)r * t->nCol + c] = pL;
      double h = layout_height(pL) + 2 * PDF_CELL_PAD;
      if (h > rowH) rowH = h;
    }
    p->aRowH[r] = rowH;
  }
}

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
  PangoFontDescription *pFont = pdf_font(PDF_FOOTER_SIZE, 0);
  char zPages[64];
  snprintf(zPages, sizeof(zPages), "Página %d de %d", p->iPage, p->nPage);
  PangoLayout *pRight = pango_layout_new(p->pCtx);
  pango_layout_set_font_description(pRight, pFont);
  pango_layout_set_text(pRight, zPages, -1);
  PangoRectangle logical;
  pango_layout_get_extents(pRight, NULL, &logical);
  double wRight = pango_units_to_double(logical.width);
  cairo_move_to(p->cr, PDF_MARGIN + p->width - wRight, y);
  pango_cairo_show_layout(p->cr, pRight);
  g_object_unref(pRight);

  char *zLeft =
      arena_strdup(p->pArena, export_text_clean(p->pArena, p->pOpt->zFooter));
  for (char *z = zLeft; *z; z++) {
    if (*z == '\n') *z = ' '; /* One line: pango would draw a symbol */
  }
  if (*zLeft) {
    PangoLayout *pLeft = pango_layout_new(p->pCtx);
    pango_layout_set_font_description(pLeft, pFont);
    /* One line, cut with an ellipsis before it reaches the page count. */
    pango_layout_set_width(pLeft,
                           pango_units_from_double(p->width - wRight - 12));
    pango_layout_set_ellipsize(pLeft, PANGO_ELLIPSIZE_END);
    pango_layout_set_single_paragraph_mode(pLeft, TRUE);
    pango_layout_set_text(pLeft, zLeft, -1);
    cairo_move_to(p->cr, PDF_MARGIN, y);
    pango_cairo_show_layout(p->cr, pLeft);
    g_object_unref(pLeft);
  }
  pango_font_description_free(pFont);
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

/* Places a block of text line by line, breaking pages between lines. */
static void place_text(PdfDoc *p, PangoLayout *pLayout) {
  double total = layout_height(pLayout);
  double done = 0;
  while (done < total - PDF_EPSILON) {
    int bFresh = p->y <= p->yTop + PDF_EPSILON;
    double next = take_lines(p, pLayout, p->bDraw, PDF_MARGIN, p->y, done,
                             done + (p->yBottom - p->y), bFresh);
    p->y += next - done;
    if (next < total - PDF_EPSILON) page_next(p);
    done = next;
  }
}

/* Draws the cell borders of a row from y to y + h. */
static void draw_grid(PdfDoc *p, double y, double h, int bHeader) {
  const ExportTable *t = p->pTable;
  cairo_set_line_width(p->cr, PDF_GRID_WIDTH);
  for (int c = 0; c < t->nCol; c++) {
    cairo_rectangle(p->cr, p->aColX[c], y, p->aColW[c], h);
    if (bHeader) {
      cairo_set_source_rgb(p->cr, PDF_HEADER_GRAY, PDF_HEADER_GRAY,
                           PDF_HEADER_GRAY);
      cairo_fill_preserve(p->cr);
    }
    cairo_set_source_rgb(p->cr, 0, 0, 0);
    cairo_stroke(p->cr);
  }
}

static void place_header(PdfDoc *p) {
  const ExportTable *t = p->pTable;
  if (p->bDraw) {
    draw_grid(p, p->y, p->headH, 1);
    for (int c = 0; c < t->nCol; c++) {
      take_lines(p, p->aHead[c], 1, p->aColX[c] + PDF_CELL_PAD,
                 p->y + PDF_CELL_PAD, 0, 1e9, 1);
    }
  }
  p->y += p->headH;
}

/* Places what is left of row r (from positions p->aDone[]) in the rest of
** the page; returns 1 when the row is complete. bFresh: nothing but the
** header is on this page yet, so at least one line must be taken. */
static int place_row_part(PdfDoc *p, int r, int bFresh) {
  const ExportTable *t = p->pTable;
  PangoLayout **aL = p->aCell + (size_t)r * t->nCol;
  double room = p->yBottom - p->y - 2 * PDF_CELL_PAD;
  double partH = 0;
  int bStart = 1, bComplete = 1;
  for (int c = 0; c < t->nCol; c++) {
    /* Measure first: the grid goes under the text. */
    p->aNext[c] =
        take_lines(p, aL[c], 0, 0, 0, p->aDone[c], p->aDone[c] + room, bFresh);
    if (p->aNext[c] - p->aDone[c] > partH) partH = p->aNext[c] - p->aDone[c];
    if (p->aNext[c] < layout_height(aL[c]) - PDF_EPSILON) bComplete = 0;
    if (p->aDone[c] > 0) bStart = 0;
  }
  double h = partH + 2 * PDF_CELL_PAD;
  if (bStart && bComplete) h = p->aRowH[r]; /* Whole row: minRowHeightPt */
  if (p->bDraw) {
    draw_grid(p, p->y, h, 0);
    for (int c = 0; c < t->nCol; c++) {
      take_lines(p, aL[c], 1, p->aColX[c] + PDF_CELL_PAD, p->y + PDF_CELL_PAD,
                 p->aDone[c], p->aNext[c], 0);
    }
  }
  memcpy(p->aDone, p->aNext, sizeof(double) * (size_t)t->nCol);
  p->y += h;
  return bComplete;
}

static void place_table(PdfDoc *p) {
  const ExportTable *t = p->pTable;
  if (t->nCol <= 0) return;
  double yFresh = p->yTop + p->headH; /* Where rows start on a new page */
  /* Keep the header with the first row: no orphan header at a page end. */
  double first = t->nRow > 0 ? p->aRowH[0] : 0;
  if (first > p->yBottom - yFresh) first = p->yBottom - yFresh;
  if (p->y > p->yTop + PDF_EPSILON && p->y + p->headH + first > p->yBottom) {
    page_next(p);
  }
  place_header(p);
  double roomFresh = p->yBottom - yFresh;
  for (int r = 0; r < t->nRow; r++) {
    int bFits = p->y + p->aRowH[r] <= p->yBottom + PDF_EPSILON;
    /* A row taller than a fresh page is split anyway: start it here
    ** unless too little of this page is left for that to look right. */
    int bSplitHere = p->aRowH[r] > roomFresh + PDF_EPSILON &&
                     p->yBottom - p->y >= roomFresh * PDF_SPLIT_MIN_ROOM;
    if (!bFits && !bSplitHere && p->y > yFresh + PDF_EPSILON) {
      page_next(p);
      place_header(p);
    }
    memset(p->aDone, 0, sizeof(double) * (size_t)t->nCol);
    while (!place_row_part(p, r, p->y <= yFresh + PDF_EPSILON)) {
      page_next(p); /* Only a row being split gets here */
      place_header(p);
    }
  }
}

/* One pass over the whole document. */
static void pdf_pass(PdfDoc *p, int bDraw) {
  p->bDraw = bDraw;
  p->iPage = 0;
  page_begin(p);
  if (p->pTitle) place_text(p, p->pTitle);
  if (p->pSubtitle) place_text(p, p->pSubtitle);
  if (p->pTitle || p->pSubtitle) p->y += PDF_BLOCK_GAP;
  for (int i = 0; i < p->nPara; i++) {
    place_text(p, p->aPara[i]);
    p->y += i + 1 < p->nPara ? PDF_PARA_GAP : PDF_BLOCK_GAP;
  }
  place_table(p);
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

int export_pdf(Arena *pArena, const ExportTable *pTable,
               const ExportPdfOptions *pOpt, const char **ppOut, size_t *pnOut,
               char *zErr, size_t nErr) {
  static const ExportPdfOptions defaultOpt = {0};
  *ppOut = NULL;
  *pnOut = 0;
  PdfDoc d = {0};
  d.pArena = pArena;
  d.pTable = pTable;
  d.pOpt = pOpt ? pOpt : &defaultOpt;
  pdf_page_size(&d);

  Buf out;
  buf_init(&out, pArena);
  cairo_surface_t *pSurface =
      cairo_pdf_surface_create_for_stream(pdf_write, &out, d.pageW, d.pageH);
  cairo_pdf_surface_set_metadata(pSurface, CAIRO_PDF_METADATA_TITLE,
                                 export_text_clean(pArena, pTable->zTitle));
  cairo_pdf_surface_set_metadata(pSurface, CAIRO_PDF_METADATA_CREATOR, "cosoc");
  d.cr = cairo_create(pSurface);
  d.pCtx = pango_cairo_create_context(d.cr);
  /* PDF user units are points: at 72 dpi a 9 pt font is 9 units tall. */
  pango_cairo_context_set_resolution(d.pCtx, 72);

  pdf_layout_all(&d);
  pdf_pass(&d, 0);
  pdf_pass(&d, 1);

  for (int i = 0; i < d.nLayout; i++) g_object_unref(d.aLayout[i]);
  g_object_unref(d.pCtx);
  cairo_status_t status = cairo_status(d.cr);
  cairo_destroy(d.cr);
  cairo_surface_finish(pSurface);
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
