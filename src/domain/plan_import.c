/*
** The plan importer (see plan_import.h).
**
** The document is read line by line: the title (first non-empty line), the
** introduction (paragraphs up to "OBJETIVO PLAN"), the objectives (up to the
** table's header line), then one table row per line. Cells are cleaned of
** their HTML here and nowhere else; the rest of cosoc only sees clean text.
*/
#include "domain/plan_import.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/plan_catalog.h"

#define PLAN_COLUMNS 6
#define PLAN_MAX_ITEMS 64 /* Objectives, lines, evidence items: plenty */

static const char *const azColumn[PLAN_COLUMNS] = {
    "N°", "OBJETIVO", "ACCIONES", "RESPONSABLES", "VERIFICADOR", "FECHAS"};
/* Folded forms accepted for each heading. */
static const char *const azColumnFolded[PLAN_COLUMNS][3] = {
    {"no", "n", "numero"},
    {"objetivo", "objetivos", NULL},
    {"acciones", "accion", NULL},
    {"responsables", "responsable", NULL},
    {"verificador", "verificadores", "medios de verificacion"},
    {"fechas", "fecha", "plazo"},
};

#define EXPECTED_TABLE                                                   \
  "una tabla separada por tabulaciones con las columnas N°, OBJETIVO, " \
  "ACCIONES, RESPONSABLES, VERIFICADOR y FECHAS"

/* ---- Cleaning HTML fragments ---- */

typedef struct Block {
  const char *zText; /* Clean text of one paragraph or list item */
  int bItem;         /* A list item (came after <li> or a bullet) */
} Block;

typedef struct Blocks {
  int n;
  Block a[PLAN_MAX_ITEMS * 4];
} Blocks;

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
      {"deg;", "°"},
      {"ordm;", "º"},
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
    long c = z[1] == 'x' ? strtol(z + 2, &zEnd, 16) : strtol(z + 1, &zEnd, 10);
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

/* Whitespace collapsed and trimmed (no-break spaces count as spaces). */
static const char *squeeze(Arena *pArena, const char *z) {
  Buf b;
  buf_init(&b, pArena);
  int bSpace = 0;
  for (; *z; z++) {
    unsigned char c = (unsigned char)*z;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
        (c == 0xc2 && (unsigned char)z[1] == 0xa0)) {
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

static void block_end(Arena *pArena, Blocks *pBlocks, Buf *pCur, int bItem) {
  const char *z = squeeze(pArena, buf_str(pCur));
  /* Lone punctuation left between items ("•", "-", "·") is not content. */
  if (*z && strcmp(z, "-") != 0 && strcmp(z, "\xc2\xb7") != 0 &&
      pBlocks->n < (int)(sizeof(pBlocks->a) / sizeof(pBlocks->a[0]))) {
    pBlocks->a[pBlocks->n].zText = z;
    pBlocks->a[pBlocks->n].bItem = bItem;
    pBlocks->n++;
  }
  buf_init(pCur, pArena);
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

/* Splits a cell into paragraphs and list items. */
static void cell_blocks(Arena *pArena, const char *zCell, Blocks *pBlocks) {
  Buf cur;
  buf_init(&cur, pArena);
  pBlocks->n = 0;
  int bItem = 0; /* The block being built is a list item */
  for (const char *z = zCell; *z;) {
    if (*z == '<' && (isalpha((unsigned char)z[1]) || z[1] == '/')) {
      const char *zClose = strchr(z, '>');
      if (zClose) {
        char zName[16];
        tag_name(z + 1, zName, sizeof(zName));
        int bLi = strcmp(zName, "li") == 0 && z[1] != '/';
        if (strcmp(zName, "p") == 0 || strcmp(zName, "br") == 0 ||
            strcmp(zName, "li") == 0 || strcmp(zName, "ul") == 0 ||
            strcmp(zName, "ol") == 0 || strcmp(zName, "div") == 0) {
          block_end(pArena, pBlocks, &cur, bItem);
          /* <li> opens an item; <br> continues the current block's kind;
          ** any other block tag ends the item. */
          if (bLi) {
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
    /* A bullet starts a list item: "• Invitación • Fotografías". */
    if (strncmp(z, "\xe2\x80\xa2", 3) == 0 ||
        strncmp(z, "\xe2\x97\x8f", 3) == 0 ||
        strncmp(z, "\xef\x82\xb7", 3) == 0) {
      block_end(pArena, pBlocks, &cur, bItem);
      bItem = 1;
      z += 3;
      continue;
    }
    buf_putc(&cur, *z++);
  }
  block_end(pArena, pBlocks, &cur, bItem);
}

const char *plan_import_clean(Arena *pArena, const char *zCell) {
  Blocks *pBlocks = arena_alloc(pArena, sizeof(*pBlocks));
  cell_blocks(pArena, zCell, pBlocks);
  Buf b;
  buf_init(&b, pArena);
  for (int i = 0; i < pBlocks->n; i++) {
    if (i > 0) buf_putc(&b, '\n');
    if (pBlocks->a[i].bItem) buf_puts(&b, "- ");
    buf_puts(&b, pBlocks->a[i].zText);
  }
  return buf_str(&b);
}

/* ---- Reading the document ---- */

typedef struct Reader {
  Arena *pArena;
  char **azLine; /* The document's lines, without line ends */
  int nLine;
  int iLine; /* Next line to read, from 0 */
  const char *zErr;
} Reader;

static int refuse(Reader *p, const char *zFmt, ...)
    __attribute__((format(printf, 2, 3)));
static int refuse(Reader *p, const char *zFmt, ...) {
  va_list ap;
  va_start(ap, zFmt);
  p->zErr = arena_vprintf(p->pArena, zFmt, ap);
  va_end(ap);
  return PLAN_IMPORT_REFUSED;
}

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

static int is_blank(const char *z) {
  for (; *z; z++) {
    if (!isspace((unsigned char)*z)) return 0;
  }
  return 1;
}

/* Splits z on tabs into azCell (at most nMax); returns the count. */
static int split_tabs(char *z, char **azCell, int nMax) {
  int n = 0;
  azCell[n++] = z;
  for (char *p = z; *p && n < nMax; p++) {
    if (*p == '\t') {
      *p = 0;
      azCell[n++] = p + 1;
    }
  }
  return n;
}

/* Cells that hold something other than white space. */
static int count_filled(char *const *azCell, int n) {
  int k = 0;
  for (int i = 0; i < n; i++) k += !is_blank(azCell[i]);
  return k;
}

/* Does the folded heading zCell name column iCol? */
static int heading_matches(Arena *pArena, const char *zCell, int iCol) {
  const char *z = plan_text_fold(pArena, zCell);
  for (int k = 0; k < 3; k++) {
    if (azColumnFolded[iCol][k] && strcmp(z, azColumnFolded[iCol][k]) == 0)
      return 1;
  }
  return 0;
}

/* "2024-2025" (or a single year) in the title gives the plan period. */
static int period_from_title(const char *zTitle, PlanDoc *pDoc) {
  for (const char *z = zTitle; *z; z++) {
    if (!isdigit((unsigned char)z[0]) ||
        (z > zTitle && isdigit((unsigned char)z[-1])))
      continue;
    char *zEnd;
    long y1 = strtol(z, &zEnd, 10);
    if (zEnd - z != 4 || y1 < 1990 || y1 > 2200) continue;
    long y2 = y1;
    const char *p = zEnd;
    while (*p == ' ') p++;
    if (*p == '-' || *p == '/') {
      p++;
      while (*p == ' ') p++;
      char *zEnd2;
      long y = strtol(p, &zEnd2, 10);
      if (zEnd2 - p == 4 && y >= y1 && y <= y1 + 10) y2 = y;
    }
    plan_date_format(pDoc->zPeriodStart, (int)y1, 1, 1);
    plan_date_format(pDoc->zPeriodEnd, (int)y2, 12, 31);
    return 1;
  }
  return 0;
}

/* Objectives: "1.- texto2.- texto…" split at each next expected number,
** or one per list item / line when the document does not number them. */
static int parse_objectives(Reader *p, const char *zRaw, int iLine,
                            PlanDoc *pDoc) {
  Blocks *pBlocks = arena_alloc(p->pArena, sizeof(*pBlocks));
  cell_blocks(p->pArena, zRaw, pBlocks);
  Buf all;
  buf_init(&all, p->pArena);
  for (int i = 0; i < pBlocks->n; i++) {
    if (i) buf_putc(&all, ' ');
    buf_puts(&all, pBlocks->a[i].zText);
  }
  const char *z = buf_str(&all);
  pDoc->aObjective =
      arena_alloc(p->pArena, sizeof(PlanObjective) * PLAN_MAX_ITEMS);
  /* Each objective runs from the end of its mark "k.-" (or "k)") to the
  ** next mark "k+1.-" that is not part of a longer number. */
  const char *zAt = NULL; /* Text of objective k-1, after its mark */
  for (int k = 1; k <= PLAN_MAX_ITEMS + 1; k++) {
    char zMark[16], zMark2[16];
    snprintf(zMark, sizeof(zMark), "%d.-", k);
    snprintf(zMark2, sizeof(zMark2), "%d)", k);
    const char *zHit = NULL;
    size_t nMark = 0;
    for (const char *q = zAt ? zAt : z; *q && !zHit; q++) {
      if (q != z && isdigit((unsigned char)q[-1])) continue;
      if (strncmp(q, zMark, strlen(zMark)) == 0) {
        zHit = q, nMark = strlen(zMark);
      } else if (strncmp(q, zMark2, strlen(zMark2)) == 0) {
        zHit = q, nMark = strlen(zMark2);
      }
    }
    if (zAt && pDoc->nObjective < PLAN_MAX_ITEMS) {
      size_t n = zHit ? (size_t)(zHit - zAt) : strlen(zAt);
      PlanObjective *pObj = &pDoc->aObjective[pDoc->nObjective++];
      pObj->iNumber = k - 1;
      pObj->zText = squeeze(p->pArena, arena_strndup(p->pArena, zAt, n));
    }
    if (!zHit) break;
    zAt = zHit + nMark;
  }
  if (pDoc->nObjective == 0) {
    for (int i = 0; i < pBlocks->n && pDoc->nObjective < PLAN_MAX_ITEMS; i++) {
      PlanObjective *pObj = &pDoc->aObjective[pDoc->nObjective++];
      pObj->iNumber = pDoc->nObjective;
      pObj->zText = pBlocks->a[i].zText;
    }
  }
  if (pDoc->nObjective == 0) {
    return refuse(p,
                  "Línea %d: el bloque «OBJETIVO PLAN» no tiene objetivos; "
                  "se esperaba una lista numerada («1.- …», «2.- …»).",
                  iLine);
  }
  for (int i = 0; i < pDoc->nObjective; i++) {
    if (!*pDoc->aObjective[i].zText) {
      return refuse(p, "Línea %d: el objetivo general %d está vacío.", iLine,
                    pDoc->aObjective[i].iNumber);
    }
  }
  return PLAN_IMPORT_OK;
}

/* The evidence list of a VERIFICADOR cell. */
static int parse_evidence(Reader *p, const char *zCell, int iLine, int iRow,
                          PlanLine *pLine) {
  Blocks *pBlocks = arena_alloc(p->pArena, sizeof(*pBlocks));
  cell_blocks(p->pArena, zCell, pBlocks);
  pLine->aEvidence =
      arena_alloc(p->pArena, sizeof(PlanEvidence) * PLAN_EVIDENCE_MAX);
  for (int i = 0; i < pBlocks->n; i++) {
    /* Without bullets, items may be separated by commas. */
    char *zItems = arena_strdup(p->pArena, pBlocks->a[i].zText);
    const char *zSep = pBlocks->n == 1 ? ",;" : "";
    char *zSave = NULL;
    for (char *zTok = strtok_r(zItems, zSep, &zSave); zTok;
         zTok = strtok_r(NULL, zSep, &zSave)) {
      const char *zLabel = squeeze(p->pArena, zTok);
      if (!*zLabel) continue;
      const char *zKind = plan_evidence_kind_for_text(p->pArena, zLabel);
      if (!zKind) {
        return refuse(p,
                      "Línea %d (fila N° %d): no se reconoce el verificador "
                      "«%s»; se esperaba uno de: Invitación, Convocatoria, "
                      "Citación, Asistencia, Fotografías, Acta, Informe o "
                      "Plan de trabajo, Programa de formación.",
                      iLine, iRow, zLabel);
      }
      if (pLine->nEvidence >= PLAN_EVIDENCE_MAX) {
        return refuse(p,
                      "Línea %d (fila N° %d): la columna VERIFICADOR tiene "
                      "más de %d verificadores.",
                      iLine, iRow, PLAN_EVIDENCE_MAX);
      }
      pLine->aEvidence[pLine->nEvidence].zKind = zKind;
      pLine->aEvidence[pLine->nEvidence].zLabel = zLabel;
      pLine->nEvidence++;
    }
  }
  if (pLine->nEvidence == 0) {
    return refuse(p,
                  "Línea %d (fila N° %d): la columna VERIFICADOR está "
                  "vacía; se esperaba al menos un verificador.",
                  iLine, iRow);
  }
  return PLAN_IMPORT_OK;
}

/* One table row: azCell has at least PLAN_COLUMNS cells. */
static int parse_row(Reader *p, char **azCell, int iLine, PlanDoc *pDoc) {
  int iExpected = pDoc->nLine + 1;
  const char *zNum =
      squeeze(p->pArena, plan_import_clean(p->pArena, azCell[0]));
  char *zEnd;
  long iNum = strtol(zNum, &zEnd, 10);
  if (!*zNum || *zEnd || iNum != iExpected) {
    return refuse(p,
                  "Línea %d: se esperaba la fila N° %d y la primera "
                  "columna dice «%s».",
                  iLine, iExpected, zNum);
  }
  PlanLine *pLine = &pDoc->aLine[pDoc->nLine];
  memset(pLine, 0, sizeof(*pLine));
  pLine->iNumber = (int)iNum;
  pLine->iSourceLine = iLine;
  pLine->zObjective = plan_import_clean(p->pArena, azCell[1]);
  pLine->zActions = plan_import_clean(p->pArena, azCell[2]);
  pLine->zResponsible = plan_import_clean(p->pArena, azCell[3]);
  pLine->zWindowPhrase =
      squeeze(p->pArena, plan_import_clean(p->pArena, azCell[5]));
  const char *azText[] = {
      NULL, pLine->zObjective,   pLine->zActions, pLine->zResponsible,
      NULL, pLine->zWindowPhrase};
  for (int i = 1; i < PLAN_COLUMNS; i++) {
    if (azText[i] && !*azText[i]) {
      return refuse(p, "Línea %d (fila N° %d): la columna %s está vacía.",
                    iLine, (int)iNum, azColumn[i]);
    }
  }
  if (parse_evidence(p, azCell[4], iLine, (int)iNum, pLine) != PLAN_IMPORT_OK) {
    return PLAN_IMPORT_REFUSED;
  }
  plan_window_parse(pLine->zWindowPhrase, pDoc->zPeriodStart, pDoc->zPeriodEnd,
                    &pLine->window);
  plan_target_suggest(pLine->zActions, &pLine->target);
  pDoc->nLine++;
  return PLAN_IMPORT_OK;
}

/* Splits the text into lines (a UTF-8 BOM and CR before LF dropped). */
static void read_lines(Reader *p, const char *zText, size_t nText) {
  if (nText >= 3 && memcmp(zText, "\xef\xbb\xbf", 3) == 0) {
    zText += 3;
    nText -= 3;
  }
  char *z = arena_strndup(p->pArena, zText, nText);
  int nAlloc = 1;
  for (size_t i = 0; i < nText; i++) nAlloc += z[i] == '\n';
  p->azLine = arena_alloc(p->pArena, sizeof(char *) * (size_t)nAlloc);
  char *zLine = z;
  for (size_t i = 0; i <= nText; i++) {
    if (i == nText || z[i] == '\n') {
      if (i == nText && zLine == z + i && p->nLine > 0) break;
      z[i] = 0;
      size_t n = strlen(zLine);
      if (n > 0 && zLine[n - 1] == '\r') zLine[n - 1] = 0;
      p->azLine[p->nLine++] = zLine;
      zLine = z + i + 1;
    }
  }
}

static int parse_document(Reader *p, PlanDoc *pDoc) {
  /* Title */
  while (p->iLine < p->nLine && is_blank(p->azLine[p->iLine])) p->iLine++;
  if (p->iLine == p->nLine) {
    return refuse(p,
                  "El archivo está vacío: se esperaba un plan anual con "
                  "título, introducción, «OBJETIVO PLAN» y %s.",
                  EXPECTED_TABLE);
  }
  int iTitleLine = p->iLine + 1;
  char *zTitleRaw = p->azLine[p->iLine++];
  if (strchr(zTitleRaw, '\t')) {
    return refuse(p,
                  "Línea %d: se esperaba el título del plan (una línea de "
                  "texto, como «PLAN ANUAL COSOC … 2024-2025») y hay una "
                  "fila de tabla.",
                  iTitleLine);
  }
  pDoc->zTitle = squeeze(p->pArena, plan_import_clean(p->pArena, zTitleRaw));
  if (!period_from_title(pDoc->zTitle, pDoc)) {
    return refuse(p,
                  "Línea %d: el título «%s» no dice el periodo del plan; "
                  "se esperaba un año o dos, como «2024-2025».",
                  iTitleLine, pDoc->zTitle);
  }
  /* Introduction, up to OBJETIVO PLAN */
  Buf intro;
  buf_init(&intro, p->pArena);
  int iObjLine = 0;
  while (p->iLine < p->nLine) {
    char *zLine = p->azLine[p->iLine++];
    const char *zFold = plan_text_fold(p->pArena, zLine);
    if (strncmp(zFold, "objetivo plan", 13) == 0 ||
        strncmp(zFold, "objetivos del plan", 18) == 0 ||
        strncmp(zFold, "objetivos generales", 19) == 0) {
      iObjLine = p->iLine;
      break;
    }
    if (strchr(zLine, '\t') && strstr(zFold, "objetivo") &&
        strstr(zFold, "acciones")) {
      break; /* The table, with no objectives before it */
    }
    const char *zPara = squeeze(p->pArena, plan_import_clean(p->pArena, zLine));
    if (*zPara) {
      if (intro.n) buf_puts(&intro, "\n\n");
      buf_puts(&intro, zPara);
    }
  }
  if (!iObjLine) {
    return refuse(p,
                  "No se encontró el bloque «OBJETIVO PLAN» con los "
                  "objetivos generales: se esperaba después de la "
                  "introducción y antes de %s.",
                  EXPECTED_TABLE);
  }
  pDoc->zIntro = buf_str(&intro);
  /* Objectives, up to the header line */
  Buf objectives;
  buf_init(&objectives, p->pArena);
  const char *zAfterHeading = strchr(p->azLine[iObjLine - 1], '\t');
  if (zAfterHeading) buf_puts(&objectives, zAfterHeading + 1);
  int iHeaderLine = 0;
  char *azCell[PLAN_COLUMNS + 8];
  while (p->iLine < p->nLine) {
    char *zLine = p->azLine[p->iLine++];
    char *zCopy = arena_strdup(p->pArena, zLine);
    int nCell = split_tabs(zCopy, azCell, PLAN_COLUMNS + 8);
    if (count_filled(azCell, nCell) >= 2) {
      iHeaderLine = p->iLine;
      int nFilled = count_filled(azCell, nCell);
      int bOk = nFilled == PLAN_COLUMNS && nCell >= PLAN_COLUMNS;
      for (int i = 0; bOk && i < PLAN_COLUMNS; i++) {
        bOk = heading_matches(p->pArena, azCell[i], i);
      }
      if (!bOk) {
        Buf got;
        buf_init(&got, p->pArena);
        for (int i = 0; i < nCell; i++) {
          if (is_blank(azCell[i])) continue;
          if (got.n) buf_puts(&got, " / ");
          buf_puts(&got, squeeze(p->pArena, azCell[i]));
        }
        return refuse(p,
                      "Línea %d: las columnas de la tabla son «%s»; se "
                      "esperaban N° / OBJETIVO / ACCIONES / RESPONSABLES / "
                      "VERIFICADOR / FECHAS, separadas por tabulaciones.",
                      iHeaderLine, buf_str(&got));
      }
      break;
    }
    buf_putc(&objectives, ' ');
    buf_puts(&objectives, zLine);
  }
  if (!iHeaderLine) {
    return refuse(p,
                  "Después de «OBJETIVO PLAN» (línea %d) se esperaba %s, "
                  "y el archivo termina antes: ¿está cortado?",
                  iObjLine, EXPECTED_TABLE);
  }
  if (parse_objectives(p, buf_str(&objectives), iObjLine, pDoc) !=
      PLAN_IMPORT_OK) {
    return PLAN_IMPORT_REFUSED;
  }
  /* Rows */
  pDoc->aLine = arena_alloc(p->pArena, sizeof(PlanLine) * PLAN_MAX_ITEMS);
  while (p->iLine < p->nLine) {
    int iLine = p->iLine + 1;
    char *zLine = arena_strdup(p->pArena, p->azLine[p->iLine++]);
    if (is_blank(zLine)) continue;
    int nCell = split_tabs(zLine, azCell, PLAN_COLUMNS + 8);
    int nUsed = nCell;
    while (nUsed > PLAN_COLUMNS && is_blank(azCell[nUsed - 1])) nUsed--;
    if (nUsed != PLAN_COLUMNS) {
      return refuse(p,
                    "Línea %d: la fila tiene %d columna%s y se esperaban "
                    "%d (N°, OBJETIVO, ACCIONES, RESPONSABLES, VERIFICADOR, "
                    "FECHAS, separadas por tabulaciones)%s.",
                    iLine, nUsed, nUsed == 1 ? "" : "s", PLAN_COLUMNS,
                    nUsed < PLAN_COLUMNS ? "; ¿el archivo está cortado?" : "");
    }
    if (pDoc->nLine >= PLAN_MAX_ITEMS) {
      return refuse(p, "Línea %d: la tabla tiene más de %d filas.", iLine,
                    PLAN_MAX_ITEMS);
    }
    if (parse_row(p, azCell, iLine, pDoc) != PLAN_IMPORT_OK) {
      return PLAN_IMPORT_REFUSED;
    }
  }
  if (pDoc->nLine == 0) {
    return refuse(p,
                  "La tabla (encabezados en la línea %d) no tiene filas: "
                  "se esperaba al menos la fila N° 1; ¿el archivo está "
                  "cortado?",
                  iHeaderLine);
  }
  return PLAN_IMPORT_OK;
}

int plan_import_parse(Arena *pArena, const char *zText, size_t nText,
                      PlanDoc *pDoc, const char **pzErr) {
  memset(pDoc, 0, sizeof(*pDoc));
  *pzErr = NULL;
  Reader r;
  memset(&r, 0, sizeof(r));
  r.pArena = pArena;
  if (nText > PLAN_IMPORT_MAX_BYTES) {
    *pzErr = arena_printf(pArena,
                          "El archivo pesa %zu bytes; un plan anual "
                          "cabe en menos de %d MB.",
                          nText, PLAN_IMPORT_MAX_BYTES / (1024 * 1024));
    return PLAN_IMPORT_REFUSED;
  }
  int iBad = first_binary_line((const unsigned char *)zText, nText);
  if (iBad) {
    *pzErr = arena_printf(pArena,
                          "Línea %d: el archivo no es texto (tiene "
                          "bytes binarios o no está en UTF-8); se "
                          "esperaba el plan como texto UTF-8 con %s.",
                          iBad, EXPECTED_TABLE);
    return PLAN_IMPORT_REFUSED;
  }
  read_lines(&r, zText, nText);
  if (parse_document(&r, pDoc) != PLAN_IMPORT_OK) {
    *pzErr = r.zErr;
    memset(pDoc, 0, sizeof(*pDoc));
    return PLAN_IMPORT_REFUSED;
  }
  return PLAN_IMPORT_OK;
}
