/*
** The format-neutral plan document and its text/HTML reader (see
** plan_source.h). Cells are cleaned here and nowhere else: no tags, no
** entities, no stray bullets; lists as lists.
*/
#include "domain/plan_source.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* ---- Building ---- */

void plan_source_init(PlanSource *p, Arena *pArena, const char *zFormat) {
  memset(p, 0, sizeof(*p));
  p->pArena = pArena;
  p->zFormat = zFormat;
}

PlanBlock *plan_source_add(PlanSource *p, PlanBlockKind eKind,
                           const char *zWhere) {
  p->aBlock = arena_grow(p->pArena, p->aBlock, p->nBlock, &p->nAlloc,
                         sizeof(PlanBlock));
  PlanBlock *b = &p->aBlock[p->nBlock++];
  memset(b, 0, sizeof(*b));
  b->eKind = eKind;
  b->zWhere = arena_strdup(p->pArena, zWhere ? zWhere : "");
  return b;
}

PlanRow *plan_block_add_row(PlanSource *p, PlanBlock *pBlock,
                            const char *zWhere) {
  pBlock->aRow = arena_grow(p->pArena, pBlock->aRow, pBlock->nRow,
                            &pBlock->nAlloc, sizeof(PlanRow));
  PlanRow *r = &pBlock->aRow[pBlock->nRow++];
  memset(r, 0, sizeof(*r));
  r->zWhere = arena_strdup(p->pArena, zWhere ? zWhere : "");
  return r;
}

PlanCell *plan_row_add_cell(PlanSource *p, PlanRow *pRow) {
  pRow->aCell = arena_grow(p->pArena, pRow->aCell, pRow->nCell, &pRow->nAlloc,
                           sizeof(PlanCell));
  PlanCell *c = &pRow->aCell[pRow->nCell++];
  memset(c, 0, sizeof(*c));
  return c;
}

/* ---- Lines of a cell ---- */

const char *plan_text_squeeze(Arena *pArena, const char *z) {
  Buf b;
  buf_init(&b, pArena);
  int bSpace = 0;
  for (; *z; z++) {
    unsigned char c = (unsigned char)*z;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
        c == '\v' || (c == 0xc2 && (unsigned char)z[1] == 0xa0)) {
      if (c == 0xc2) z++;
      bSpace = 1;
      continue;
    }
    if (bSpace && b.n > 0) buf_putc(&b, ' ');
    bSpace = 0;
    buf_putc(&b, (char)c);
  }
  return buf_str(&b);
}

/* Bullets that separate list items even in the middle of a line. */
static const char *const azBulletInline[] = {
    "\xe2\x80\xa2", /* • */
    "\xe2\x97\x8f", /* ● */
    "\xe2\x96\xaa", /* ▪ */
    "\xe2\x97\xa6", /* ◦ */
    "\xe2\x9e\xa2", /* ➢ */
    "\xe2\x96\xba", /* ► */
    "\xe2\x96\xa0", /* ■ */
    "\xef\x82\xb7", /* Word's Symbol-font bullet */
    "\xef\x82\xa7", /* Word's Wingdings square */
};
/* Marks that make a line a list item only at its start. */
static const char *const azBulletStart[] = {
    "- ",           "* ", "\xc2\xb7", "\xe2\x80\x93 ", "\xe2\x80\x94 ",
    "\xe2\x9c\x93", "o ",
};

static size_t bullet_at(const char *z, const char *const *az, size_t n) {
  for (size_t i = 0; i < n; i++) {
    size_t k = strlen(az[i]);
    if (strncmp(z, az[i], k) == 0) return k;
  }
  return 0;
}

/* Ends the line being built in *pCur: squeezed, a leading bullet taken as
** "item", lone punctuation dropped. */
static void line_end(Arena *pArena, PlanCell *pCell, Buf *pCur, int bItem) {
  const char *z = plan_text_squeeze(pArena, buf_str(pCur));
  /* A dash alone says "none"; any other lone mark marks the cell. */
  int bMark = *z && strcmp(z, "-") != 0 && strcmp(z, "\xe2\x80\x93") != 0 &&
              strcmp(z, "\xe2\x80\x94") != 0;
  buf_init(pCur, pArena);
  for (size_t n;
       (n = bullet_at(z, azBulletStart,
                      sizeof(azBulletStart) / sizeof(azBulletStart[0])));) {
    /* "o " starts an item only when it is a bullet Word turned into a
    ** letter ("o Acta"), never the word "o" in running text: accept it
    ** when a capital follows. */
    if (z[0] == 'o' && !isupper((unsigned char)z[2]) &&
        (unsigned char)z[2] != 0xc3)
      break;
    z = plan_text_squeeze(pArena, z + n);
    bItem = 1;
  }
  if (!*z || strcmp(z, "-") == 0 || strcmp(z, "*") == 0 ||
      strcmp(z, "\xc2\xb7") == 0 || strcmp(z, "\xe2\x80\x93") == 0) {
    pCell->bMark |= bMark;
    return;
  }
  pCell->aPara = arena_grow(pArena, pCell->aPara, pCell->nPara, &pCell->nAlloc,
                            sizeof(PlanPara));
  pCell->aPara[pCell->nPara].zText = z;
  pCell->aPara[pCell->nPara].bItem = bItem;
  pCell->nPara++;
}

/* A bullet at *pz ends the line being built and starts an item: 1 (and
** *pz past it) when there was one. */
static int inline_bullet(Arena *pArena, PlanCell *pCell, Buf *pCur, int *pbItem,
                         const char **pz) {
  size_t n = bullet_at(*pz, azBulletInline,
                       sizeof(azBulletInline) / sizeof(azBulletInline[0]));
  if (!n) return 0;
  line_end(pArena, pCell, pCur, *pbItem);
  pCell->bMark = 1;
  *pbItem = 1;
  *pz += n;
  return 1;
}

void plan_cell_add_plain(Arena *pArena, PlanCell *pCell, const char *zText,
                         int bItem) {
  Buf cur;
  buf_init(&cur, pArena);
  for (const char *z = zText ? zText : ""; *z;) {
    if (*z == '\n' || *z == '\r') {
      line_end(pArena, pCell, &cur, bItem);
      bItem = 0;
      z++;
      continue;
    }
    if (inline_bullet(pArena, pCell, &cur, &bItem, &z)) continue;
    buf_putc(&cur, *z++);
  }
  line_end(pArena, pCell, &cur, bItem);
}

/* Decodes the entity at z (after '&') into pOut; returns bytes consumed
** after the '&', or 0 when it is not one we know. */
static size_t decode_entity(const char *z, Buf *pOut) {
  static const struct {
    const char *zName;
    const char *zText;
  } a[] = {
      {"amp;", "&"},
      {"lt;", "<"},
      {"gt;", ">"},
      {"quot;", "\""},
      {"apos;", "'"},
      {"nbsp;", " "},
      {"bull;", "\xe2\x80\xa2"},
      {"aacute;", "á"},
      {"eacute;", "é"},
      {"iacute;", "í"},
      {"oacute;", "ó"},
      {"uacute;", "ú"},
      {"ntilde;", "ñ"},
      {"Aacute;", "Á"},
      {"Eacute;", "É"},
      {"Iacute;", "Í"},
      {"Oacute;", "Ó"},
      {"Uacute;", "Ú"},
      {"Ntilde;", "Ñ"},
      {"uuml;", "ü"},
      {"deg;", "°"},
      {"ordm;", "º"},
      {"ordf;", "ª"},
      {"ndash;", "–"},
      {"mdash;", "—"},
      {"middot;", "·"},
  };
  for (size_t i = 0; i < sizeof(a) / sizeof(a[0]); i++) {
    size_t n = strlen(a[i].zName);
    if (strncmp(z, a[i].zName, n) == 0) {
      buf_puts(pOut, a[i].zText);
      return n;
    }
  }
  if (z[0] == '#') {
    char *zEnd;
    long c = z[1] == 'x' || z[1] == 'X' ? strtol(z + 2, &zEnd, 16)
                                        : strtol(z + 1, &zEnd, 10);
    if (*zEnd == ';' && c > 0 && c < 0x110000 && !(c >= 0xd800 && c < 0xe000)) {
      unsigned char a8[4];
      int n;
      if (c < 0x80) {
        a8[0] = (unsigned char)c;
        n = 1;
      } else if (c < 0x800) {
        a8[0] = (unsigned char)(0xc0 | (c >> 6));
        a8[1] = (unsigned char)(0x80 | (c & 0x3f));
        n = 2;
      } else if (c < 0x10000) {
        a8[0] = (unsigned char)(0xe0 | (c >> 12));
        a8[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
        a8[2] = (unsigned char)(0x80 | (c & 0x3f));
        n = 3;
      } else {
        a8[0] = (unsigned char)(0xf0 | (c >> 18));
        a8[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3f));
        a8[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
        a8[3] = (unsigned char)(0x80 | (c & 0x3f));
        n = 4;
      }
      buf_append(pOut, a8, (size_t)n);
      return (size_t)(zEnd - z) + 1;
    }
  }
  return 0;
}

/* The tag name at z (after '<', without '/'), folded to lower case. */
static void tag_name(const char *z, char *zName, size_t nName) {
  if (*z == '/') z++;
  size_t i = 0;
  while (i + 1 < nName && isalnum((unsigned char)z[i])) {
    zName[i] = (char)tolower((unsigned char)z[i]);
    i++;
  }
  zName[i] = 0;
}

/* Tags that end a line of text. */
static int is_block_tag(const char *zName) {
  static const char *const az[] = {"p",  "br", "li", "ul",    "ol", "div",
                                   "h1", "h2", "h3", "h4",    "h5", "h6",
                                   "tr", "td", "th", "table", "dd", "dt"};
  for (size_t i = 0; i < sizeof(az) / sizeof(az[0]); i++) {
    if (strcmp(zName, az[i]) == 0) return 1;
  }
  return 0;
}

void plan_cell_add_html(Arena *pArena, PlanCell *pCell, const char *zCell) {
  Buf cur;
  buf_init(&cur, pArena);
  int bItem = 0; /* The line being built is a list item */
  for (const char *z = zCell ? zCell : ""; *z;) {
    if (*z == '<' && (isalpha((unsigned char)z[1]) || z[1] == '/')) {
      const char *zClose = strchr(z, '>');
      if (zClose) {
        char zName[16];
        tag_name(z + 1, zName, sizeof(zName));
        if (is_block_tag(zName)) {
          line_end(pArena, pCell, &cur, bItem);
          /* <li> opens an item; <br> continues the current line's kind;
          ** any other block tag ends the item. */
          if (strcmp(zName, "li") == 0 && z[1] != '/') {
            bItem = 1;
          } else if (strcmp(zName, "br") != 0) {
            bItem = 0;
          }
        }
        z = zClose + 1;
        continue;
      }
    }
    if (*z == '&') {
      size_t n = decode_entity(z + 1, &cur);
      if (n) {
        z += 1 + n;
        continue;
      }
    }
    if (inline_bullet(pArena, pCell, &cur, &bItem, &z)) continue;
    /* Line breaks inside a fragment are white space, as in HTML. */
    buf_putc(&cur, *z == '\n' || *z == '\r' ? ' ' : *z);
    z++;
  }
  line_end(pArena, pCell, &cur, bItem);
}

const char *plan_cell_text(Arena *pArena, const PlanCell *pCell) {
  Buf b;
  buf_init(&b, pArena);
  for (int i = 0; i < pCell->nPara; i++) {
    if (i > 0) buf_putc(&b, '\n');
    if (pCell->aPara[i].bItem) buf_puts(&b, "- ");
    buf_puts(&b, pCell->aPara[i].zText);
  }
  return buf_str(&b);
}

const char *plan_cell_flat(Arena *pArena, const PlanCell *pCell) {
  Buf b;
  buf_init(&b, pArena);
  for (int i = 0; i < pCell->nPara; i++) {
    if (i > 0) buf_putc(&b, ' ');
    buf_puts(&b, pCell->aPara[i].zText);
  }
  return buf_str(&b);
}

int plan_cell_is_empty(const PlanCell *pCell) { return pCell->nPara == 0; }

/* ---- The text reader ---- */

/* Line number (1-based) of the first byte that is not UTF-8 text, or 0. */
static int first_binary_line(const unsigned char *z, size_t n) {
  int iLine = 1;
  for (size_t i = 0; i < n;) {
    unsigned char c = z[i];
    if (c == '\n') iLine++;
    if (c == 0 ||
        (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')) {
      return iLine;
    }
    size_t nSeq = c < 0x80                   ? 1
                  : (c >= 0xc2 && c <= 0xdf) ? 2
                  : (c >= 0xe0 && c <= 0xef) ? 3
                  : (c >= 0xf0 && c <= 0xf4) ? 4
                                             : 0;
    if (nSeq == 0 || i + nSeq > n) return iLine;
    for (size_t k = 1; k < nSeq; k++) {
      if ((z[i + k] & 0xc0) != 0x80) return iLine;
    }
    i += nSeq;
  }
  return 0;
}

/* Windows-1252 text (what Excel's «Texto (delimitado por tabulaciones)»
** and Notepad's «ANSI» write) as UTF-8, or NULL when z is not such text: a
** control byte, or one of the five bytes Windows-1252 leaves undefined. */
static const char *windows_1252_text(Arena *pArena, const char *z, size_t n,
                                     size_t *pnOut) {
  /* 0x80-0x9f; 0 where undefined. */
  static const unsigned short aHigh[32] = {
      0x20ac, 0,      0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
      0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017d, 0,
      0,      0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
      0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0,      0x017e, 0x0178};
  Buf b;
  buf_init(&b, pArena);
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)z[i];
    unsigned u = c;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
      return NULL;
    if (c >= 0x80 && c < 0xa0 && !(u = aHigh[c - 0x80])) return NULL;
    if (u < 0x80) {
      buf_putc(&b, (char)u);
    } else if (u < 0x800) {
      buf_putc(&b, (char)(0xc0 | (u >> 6)));
      buf_putc(&b, (char)(0x80 | (u & 0x3f)));
    } else {
      buf_putc(&b, (char)(0xe0 | (u >> 12)));
      buf_putc(&b, (char)(0x80 | ((u >> 6) & 0x3f)));
      buf_putc(&b, (char)(0x80 | (u & 0x3f)));
    }
  }
  *pnOut = b.n;
  return buf_str(&b);
}

/* Case-insensitive search for an ASCII needle. */
static char *find_ci(char *z, const char *zNeedle) {
  size_t n = strlen(zNeedle);
  for (; *z; z++) {
    if (strncasecmp(z, zNeedle, n) == 0) return z;
  }
  return NULL;
}

/* Blanks what a browser would not show (<head>, <style>, <script>,
** comments), keeping line breaks so line numbers stay true. */
static void blank_hidden(char *z) {
  static const struct {
    const char *zOpen, *zClose;
  } a[] = {{"<!--", "-->"},
           {"<head", "</head>"},
           {"<style", "</style>"},
           {"<script", "</script>"}};
  for (size_t i = 0; i < sizeof(a) / sizeof(a[0]); i++) {
    for (char *p = find_ci(z, a[i].zOpen); p; p = find_ci(p, a[i].zOpen)) {
      char *zEnd = find_ci(p, a[i].zClose);
      char *zStop = zEnd ? zEnd + strlen(a[i].zClose) : p + strlen(p);
      for (; p < zStop; p++) {
        if (*p != '\n') *p = ' ';
      }
    }
  }
}

typedef struct TextReader {
  Arena *pArena;
  PlanSource *pSrc;
  char *z;          /* The whole text (modified in place) */
  char *p;          /* Where reading goes on */
  int iLine;        /* Line of *p, 1-based */
  PlanBlock *pOpen; /* The tab-separated table being read, or NULL */
} TextReader;

static int count_lines(const char *z, const char *zEnd) {
  int n = 0;
  for (; z < zEnd; z++) n += *z == '\n';
  return n;
}

/* One tab-separated record at r->p: cells into *paz (arena), their count
** returned; a cell that starts with a double quote may hold line breaks and
** "" for a quote (spreadsheets write tab-separated text so). */
static int read_record(TextReader *r, char ***paz, int *pbTab) {
  int nAlloc = 0, n = 0;
  char **az = NULL;
  *pbTab = 0;
  char *p = r->p;
  for (;;) {
    Buf cell;
    buf_init(&cell, r->pArena);
    if (*p == '"') {
      /* A quoted cell, if its closing quote ends the cell. */
      char *q = p + 1;
      Buf quoted;
      buf_init(&quoted, r->pArena);
      int bClosed = 0;
      while (*q) {
        if (q[0] == '"' && q[1] == '"') {
          buf_putc(&quoted, '"');
          q += 2;
        } else if (q[0] == '"') {
          bClosed = q[1] == '\t' || q[1] == '\n' || q[1] == '\r' || !q[1];
          break;
        } else {
          buf_putc(&quoted, *q++);
        }
      }
      if (bClosed) {
        r->iLine += count_lines(p, q);
        cell = quoted;
        p = q + 1;
      }
    }
    while (*p && *p != '\t' && *p != '\n') buf_putc(&cell, *p++);
    az = arena_grow(r->pArena, az, n, &nAlloc, sizeof(char *));
    char *zCell = (char *)buf_str(&cell);
    size_t k = strlen(zCell);
    if (k && zCell[k - 1] == '\r') zCell[k - 1] = 0;
    az[n++] = zCell;
    if (*p == '\t') {
      *pbTab = 1;
      p++;
      continue;
    }
    if (*p == '\n') p++;
    break;
  }
  r->p = p;
  *paz = az;
  return n;
}

static int is_blank(const char *z) {
  for (; *z; z++) {
    if (!isspace((unsigned char)*z)) return 0;
  }
  return 1;
}

/* A cell of text: an HTML fragment when it has tags or entities, else
** plain text whose line breaks (a quoted spreadsheet cell) are lines. */
static void add_text(Arena *pArena, PlanCell *pCell, const char *z) {
  int bHtml = strchr(z, '&') != NULL;
  for (const char *p = strchr(z, '<'); p && !bHtml; p = strchr(p + 1, '<'))
    bHtml = isalpha((unsigned char)p[1]) || p[1] == '/' || p[1] == '!';
  if (bHtml)
    plan_cell_add_html(pArena, pCell, z);
  else
    plan_cell_add_plain(pArena, pCell, z, 0);
}

/* A paragraph block from an HTML fragment (nothing when it is empty). */
static void add_paragraph(TextReader *r, const char *zHtml, int iLine) {
  PlanCell cell;
  memset(&cell, 0, sizeof(cell));
  plan_cell_add_html(r->pArena, &cell, zHtml);
  if (cell.nPara == 0) return;
  PlanBlock *b = plan_source_add(r->pSrc, PLAN_BLOCK_TEXT,
                                 arena_printf(r->pArena, "Línea %d", iLine));
  b->text = cell;
}

/* The value of attribute zName in the tag at z..zEnd, as a number; 1 when
** absent or odd. */
static int tag_number(const char *z, const char *zEnd, const char *zName) {
  size_t n = strlen(zName);
  for (; z + n < zEnd; z++) {
    if (strncasecmp(z, zName, n) == 0 && z[n] == '=') {
      const char *v = z + n + 1;
      if (*v == '"' || *v == '\'') v++;
      int k = atoi(v);
      return k >= 1 && k <= 64 ? k : 1;
    }
  }
  return 1;
}

#define HTML_COLS_MAX 64

/* Reading one HTML table: the row being filled and the cells that span
** down into the next rows. */
typedef struct HtmlTable {
  TextReader *r;
  PlanBlock *pBlock;
  PlanRow *pRow;     /* The row being filled, NULL before the first <tr> */
  int iCol;          /* Its next column */
  int iOpen;         /* Index of the cell being read in pRow, -1: none */
  const char *zOpen; /* Where that cell's content starts */
  int iOpenCol;      /* Its column */
  int nOpenRows;     /* Its rowspan */
  int anLeft[HTML_COLS_MAX];     /* Rows a cell above still spans into */
  PlanCell aSpan[HTML_COLS_MAX]; /* What it holds */
} HtmlTable;

/* Copies of the cells spanning down into the current column. */
static void html_spanned(HtmlTable *t) {
  while (t->pRow && t->iCol < HTML_COLS_MAX && t->anLeft[t->iCol] > 0) {
    PlanCell *pCopy = plan_row_add_cell(t->r->pSrc, t->pRow);
    *pCopy = t->aSpan[t->iCol];
    pCopy->bCopy = 1;
    t->anLeft[t->iCol]--;
    t->iCol++;
  }
}

/* The open cell ends at zEnd. */
static void html_cell_end(HtmlTable *t, const char *zEnd) {
  if (t->iOpen < 0 || !t->pRow) return;
  PlanCell *pCell = &t->pRow->aCell[t->iOpen];
  plan_cell_add_html(
      t->r->pArena, pCell,
      arena_strndup(t->r->pArena, t->zOpen, (size_t)(zEnd - t->zOpen)));
  if (t->nOpenRows > 1 && t->iOpenCol < HTML_COLS_MAX) {
    t->aSpan[t->iOpenCol] = *pCell;
    t->anLeft[t->iOpenCol] = t->nOpenRows - 1;
  }
  t->iOpen = -1;
}

/* An HTML <table> at r->p (which points at "<table"): its rows and cells
** (colspan and rowspan followed) become a table block; r->p moves past
** "</table>". Tables inside cells are read as the cell's text. */
static void read_html_table(TextReader *r) {
  char *z = r->p;
  char *zEnd = find_ci(z + 6, "</table");
  const char *zStop = zEnd ? zEnd : z + strlen(z);
  HtmlTable t;
  memset(&t, 0, sizeof(t));
  t.r = r;
  t.iOpen = -1;
  t.pBlock = plan_source_add(r->pSrc, PLAN_BLOCK_TABLE,
                             arena_printf(r->pArena, "Línea %d", r->iLine));
  int nDepth = 0; /* Tables nested in the current cell */
  for (const char *p = z + 6; p < zStop;) {
    const char *zTag = memchr(p, '<', (size_t)(zStop - p));
    if (!zTag) break;
    const char *zClose = memchr(zTag, '>', (size_t)(zStop - zTag));
    if (!zClose) break;
    p = zClose + 1;
    char zName[16];
    tag_name(zTag + 1, zName, sizeof(zName));
    int bEnd = zTag[1] == '/';
    if (strcmp(zName, "table") == 0) {
      nDepth += bEnd ? -1 : 1;
      continue;
    }
    int bRow = strcmp(zName, "tr") == 0;
    int bCell = strcmp(zName, "td") == 0 || strcmp(zName, "th") == 0;
    if (nDepth > 0 || (!bRow && !bCell)) continue;
    html_cell_end(&t, zTag);
    if (bRow) {
      html_spanned(&t);
      if (!bEnd) {
        t.pRow =
            plan_block_add_row(r->pSrc, t.pBlock,
                               arena_printf(r->pArena, "Línea %d",
                                            r->iLine + count_lines(z, zTag)));
        t.iCol = 0;
      }
      continue;
    }
    if (bEnd || !t.pRow) continue;
    html_spanned(&t);
    int nColSpan = tag_number(zTag, zClose, "colspan");
    t.nOpenRows = tag_number(zTag, zClose, "rowspan");
    t.iOpenCol = t.iCol;
    t.iOpen = t.pRow->nCell;
    t.zOpen = zClose + 1;
    for (int k = 0; k < nColSpan; k++) {
      plan_row_add_cell(r->pSrc, t.pRow)->bSpanned = k > 0;
      t.iCol++;
    }
  }
  html_cell_end(&t, zStop);
  html_spanned(&t);
  const char *zAfter = zEnd ? strchr(zEnd, '>') : NULL;
  char *zNext = zAfter ? (char *)zAfter + 1 : (char *)zStop;
  r->iLine += count_lines(r->p, zNext);
  r->p = zNext;
}

/* A line that holds "<table": the text before it is a paragraph. */
static int read_line_with_table(TextReader *r) {
  char *zNl = strchr(r->p, '\n');
  char *zTable = find_ci(r->p, "<table");
  if (!zTable || (zNl && zTable > zNl)) return 0;
  if (zTable > r->p) {
    add_paragraph(r, arena_strndup(r->pArena, r->p, (size_t)(zTable - r->p)),
                  r->iLine);
  }
  r->p = zTable;
  r->pOpen = NULL;
  read_html_table(r);
  return 1;
}

int plan_source_from_text(Arena *pArena, const char *zText, size_t nText,
                          PlanSource *pOut, const char **pzErr) {
  plan_source_init(pOut, pArena, "texto");
  *pzErr = NULL;
  if (nText >= 3 && memcmp(zText, "\xef\xbb\xbf", 3) == 0) {
    zText += 3;
    nText -= 3;
  }
  int iBad = first_binary_line((const unsigned char *)zText, nText);
  size_t nUtf8;
  const char *zUtf8 =
      iBad ? windows_1252_text(pArena, zText, nText, &nUtf8) : NULL;
  if (zUtf8) {
    /* Not UTF-8, but the text a Windows program wrote. */
    zText = zUtf8;
    nText = nUtf8;
    iBad = 0;
  }
  if (iBad) {
    *pzErr = arena_printf(pArena,
                          "Línea %d: el archivo no es texto (tiene bytes "
                          "binarios, o letras que no están en UTF-8 ni en "
                          "Windows-1252); se esperaba el plan como texto, un "
                          "documento de Word (.docx) o una planilla Excel "
                          "(.xlsx).",
                          iBad);
    return 1;
  }
  TextReader r;
  memset(&r, 0, sizeof(r));
  r.pArena = pArena;
  r.pSrc = pOut;
  r.z = arena_strndup(pArena, zText, nText);
  blank_hidden(r.z);
  r.p = r.z;
  r.iLine = 1;
  while (*r.p) {
    if (read_line_with_table(&r)) continue;
    int iLine = r.iLine;
    char **azCell;
    int bTab;
    int nCell = read_record(&r, &azCell, &bTab);
    r.iLine++;
    int nFilled = 0;
    for (int i = 0; i < nCell; i++) nFilled += !is_blank(azCell[i]);
    if (nFilled == 0) continue; /* Blank lines keep a table open */
    if (bTab && (r.pOpen || nFilled >= 2)) {
      if (!r.pOpen) {
        r.pOpen = plan_source_add(pOut, PLAN_BLOCK_TABLE,
                                  arena_printf(pArena, "Línea %d", iLine));
      }
      PlanRow *pRow = plan_block_add_row(
          pOut, r.pOpen, arena_printf(pArena, "Línea %d", iLine));
      for (int i = 0; i < nCell; i++) {
        add_text(pArena, plan_row_add_cell(pOut, pRow), azCell[i]);
      }
      continue;
    }
    r.pOpen = NULL;
    Buf all;
    buf_init(&all, pArena);
    for (int i = 0; i < nCell; i++) {
      if (i) buf_putc(&all, ' ');
      buf_puts(&all, azCell[i]);
    }
    add_paragraph(&r, buf_str(&all), iLine);
  }
  return 0;
}
