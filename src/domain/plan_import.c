/*
** The plan importer (see plan_import.h).
**
** The document is read in three passes over its blocks: find the table's
** header row (the first row whose cells name at least three known columns,
** one of them the actions, the evidence or the dates); read everything
** before it as paragraphs (title, introduction, objectives — table rows
** before the header count as paragraphs too, as a spreadsheet writes its
** title in a cell); read the rows after it, across page breaks and tables,
** as lines.
*/
#include "domain/plan_import.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/plan_catalog.h"
#include "domain/plan_columns.h"
#include "domain/plan_words.h"

#define COLS_MAX 64 /* Columns of the table read; more are notes' notes */
#define HEADER_ROLES_MIN 3

#define EXPECTED_TABLE                                                 \
  "una tabla con las columnas N°, OBJETIVO, ACCIONES, RESPONSABLES, " \
  "VERIFICADOR y FECHAS (en cualquier orden, con otros nombres como "  \
  "«Línea de acción», «Medios de verificación» o «Plazo», y quizás META)"

/* A paragraph before the table. */
typedef struct Para {
  const char *zText;
  int bItem;
  const char *zWhere;
} Para;

/* A row of the table, its cells by column, before dates are read. */
typedef struct RowText {
  const PlanRow *pRow;
  const char *azText[PLAN_COL_COUNT]; /* Clean text per column role */
  const PlanCell *pEvidence;          /* The evidence cell, or NULL */
  const char *zNumber;                /* The N° cell as written */
  const char *zNotes;                 /* "Heading: text" lines */
} RowText;

typedef struct Importer {
  Arena *pArena;
  const PlanSource *pSrc;
  const PlanContext *pCtx;
  const char *zErr;
  /* The header row and its columns */
  int iHeaderBlock, iHeaderRow;
  const PlanRow *pHeader;
  int nCol;
  PlanColumn aeCol[COLS_MAX];
  const char *azHeading[COLS_MAX];
  int aiCol[PLAN_COL_COUNT]; /* Column of each role, -1: none */
  PlanColumn eDetailOf;      /* What a DETAIL column adds to */
  /* A time chart: one column per month or quarter, marked in the months of
  ** each activity («Cronograma 2026» over «Mar | Abr | …», «I Trim.») */
  int nTime;
  const char *azTime[COLS_MAX]; /* Each time column's phrase: "Mar 2026" */
  const PlanRow *pSubHeader;    /* The row under the header naming them */
  /* What came before it */
  Para *aPre;
  int nPre, nPreAlloc;
  /* The rows after it */
  RowText *aRow;
  int nRow, nRowAlloc;
} Importer;

static int refuse(Importer *p, const char *zFmt, ...)
    __attribute__((format(printf, 2, 3)));
static int refuse(Importer *p, const char *zFmt, ...) {
  va_list ap;
  va_start(ap, zFmt);
  p->zErr = arena_vprintf(p->pArena, zFmt, ap);
  va_end(ap);
  return PLAN_IMPORT_REFUSED;
}

/* ---- The header ---- */

/* The columns a row's cells name; returns how many distinct roles, and
** whether one of them says what lines hold (actions, evidence, dates). */
static int row_columns(Importer *p, const PlanRow *pRow, PlanColumn *aeCol,
                       int *aiRank, int *pbCore) {
  int abSeen[PLAN_COL_COUNT] = {0};
  int nRole = 0;
  *pbCore = 0;
  for (int i = 0; i < pRow->nCell && i < COLS_MAX; i++) {
    aeCol[i] = PLAN_COL_NOTE;
    aiRank[i] = 0;
    const PlanCell *c = &pRow->aCell[i];
    if (c->bCopy || c->nPara == 0 || c->nPara > 2) continue;
    aeCol[i] = plan_column_of_heading(p->pArena, plan_cell_flat(p->pArena, c),
                                      &aiRank[i]);
    if (aeCol[i] == PLAN_COL_NOTE || abSeen[aeCol[i]]) continue;
    abSeen[aeCol[i]] = 1;
    nRole++;
    *pbCore |= aeCol[i] == PLAN_COL_ACTIONS || aeCol[i] == PLAN_COL_EVIDENCE ||
               aeCol[i] == PLAN_COL_DATES || aeCol[i] == PLAN_COL_DETAIL;
  }
  return nRole;
}

/* ---- Time charts ---- */

/* Months as a time chart heads them with one letter. */
static const char zMonthLetters[] = "efmamjjasond";
static const char *const azMonthShort[] = {"Ene", "Feb", "Mar", "Abr",
                                           "May", "Jun", "Jul", "Ago",
                                           "Sep", "Oct", "Nov", "Dic"};
#define TIME_HEADING_WORDS_MAX 4
#define MONTH_LETTERS_MIN 6

/* 1 when a heading is itself a date phrase naming whole months of a year:
** «Mar», «Marzo 2026», «II Trim.», «1er semestre», «Q3»; not «Fecha»,
** «Período» or «Anual» (no part of a year), not a day («1.1», «15/05»),
** nor a long heading. */
static int time_heading(Arena *pArena, const char *z) {
  PlanToken *aTok;
  int nTok = plan_tokens(pArena, z, &aTok), nYear = 0;
  if (nTok == 0 || nTok > TIME_HEADING_WORDS_MAX) return 0;
  for (int i = 0; i < nTok; i++)
    nYear += aTok[i].eKind == PLAN_TOK_NUM && aTok[i].nDigit == 4;
  PlanWindow w;
  if (!plan_window_parse(z, "2001-01-01", "2001-12-31", &w) || w.bAsNeeded)
    return 0;
  int y = atoi(w.zEnd), m = atoi(w.zEnd + 5);
  if (strcmp(w.zStart + 8, "01") != 0 ||
      atoi(w.zEnd + 8) != plan_days_in_month(y, m))
    return 0;
  return nYear > 0 || strcmp(w.zStart, "2001-01-01") != 0 ||
         strcmp(w.zEnd, "2001-12-31") != 0;
}

/* The one-letter months of a row («E | F | M | A | …», six in a row at
** least, in calendar order): their phrases into azPhrase; how many. */
static int month_letters(Importer *p, const PlanRow *pRow,
                         const char **azPhrase) {
  int n = 0;
  for (int i = 0; i < pRow->nCell && i < COLS_MAX;) {
    int j = i;
    while (j < pRow->nCell && j < COLS_MAX && pRow->aCell[j].nPara == 1 &&
           strlen(pRow->aCell[j].aPara[0].zText) == 1 &&
           isalpha((unsigned char)pRow->aCell[j].aPara[0].zText[0]))
      j++;
    int iMonth = -1, nFit = 0;
    for (int o = 0; j - i >= MONTH_LETTERS_MIN && o < 12; o++) {
      int bFit = 1;
      for (int k = i; k < j && bFit; k++)
        bFit = tolower((unsigned char)pRow->aCell[k].aPara[0].zText[0]) ==
               zMonthLetters[(o + k - i) % 12];
      if (bFit) iMonth = o, nFit++;
    }
    if (nFit == 1) {
      for (int k = i; k < j; k++)
        azPhrase[k] = azMonthShort[(iMonth + k - i) % 12];
      n += j - i;
    }
    i = j > i ? j : i + 1;
  }
  (void)p;
  return n;
}

#define TIME_COLUMNS_MIN 2

/* The time headings of a row into azPhrase (COLS_MAX, NULL elsewhere):
** runs of at least TIME_COLUMNS_MIN side by side (a date in one cell is
** the row's date, not a chart). How many. */
static int row_time_columns(Importer *p, const PlanRow *pRow,
                            const char **azPhrase) {
  memset(azPhrase, 0, sizeof(char *) * COLS_MAX);
  month_letters(p, pRow, azPhrase);
  int nCell = pRow->nCell < COLS_MAX ? pRow->nCell : COLS_MAX;
  for (int i = 0; i < nCell; i++) {
    const PlanCell *c = &pRow->aCell[i];
    if (azPhrase[i] || c->bCopy || c->nPara != 1) continue;
    if (time_heading(p->pArena, c->aPara[0].zText))
      azPhrase[i] = c->aPara[0].zText;
  }
  int n = 0;
  for (int i = 0; i < nCell;) {
    int j = i;
    while (j < nCell && azPhrase[j]) j++;
    if (j - i < TIME_COLUMNS_MIN) {
      for (int k = i; k < j; k++) azPhrase[k] = NULL;
    } else {
      n += j - i;
    }
    i = j > i ? j : i + 1;
  }
  return n;
}

/* 1 when a row says nothing but the time headings in az (cells merged
** down from the header above aside): the chart's own heading row. */
static int row_only_time(const PlanRow *pRow, const char *const *az) {
  for (int i = 0; i < pRow->nCell && i < COLS_MAX; i++) {
    const PlanCell *c = &pRow->aCell[i];
    if (c->nPara && !c->bCopy && !az[i]) return 0;
  }
  return 1;
}

static int row_is_header(Importer *p, const PlanRow *pRow) {
  PlanColumn aeCol[COLS_MAX];
  const char *azTime[COLS_MAX];
  int aiRank[COLS_MAX], bCore;
  int nRole = row_columns(p, pRow, aeCol, aiRank, &bCore);
  if (row_time_columns(p, pRow, azTime) >= TIME_COLUMNS_MIN) {
    nRole++; /* the chart says the dates */
    bCore = 1;
  }
  return nRole >= HEADER_ROLES_MIN && bCore;
}

/* The year a chart's heading says over its months («Cronograma 2026»
** spanning «Mar | Abr | …»): the heading at or before column i in the
** header row, across the cells it spans. 0 when none says one year. */
static int time_year(Importer *p, int i) {
  for (; i >= 0; i--) {
    const PlanCell *c = &p->pHeader->aCell[i];
    if (c->nPara == 0) continue;
    int y1, y2;
    plan_window_years(plan_cell_flat(p->pArena, c), &y1, &y2);
    return y1 == y2 ? y1 : 0;
  }
  return 0;
}

/* Finds the time chart in the header row or the row under it. */
static void find_time_columns(Importer *p, const PlanBlock *pBlock, int iRow) {
  const char *az[COLS_MAX];
  const PlanRow *pRow = p->pHeader;
  if (row_time_columns(p, pRow, az) < TIME_COLUMNS_MIN) {
    if (iRow + 1 >= pBlock->nRow ||
        row_time_columns(p, &pBlock->aRow[iRow + 1], az) < TIME_COLUMNS_MIN ||
        !row_only_time(&pBlock->aRow[iRow + 1], az))
      return;
    p->pSubHeader = &pBlock->aRow[iRow + 1];
  }
  for (int i = 0; i < COLS_MAX && i < p->nCol; i++) {
    if (!az[i]) continue;
    if (p->aiCol[p->aeCol[i]] == i) p->aiCol[p->aeCol[i]] = -1;
    p->aeCol[i] = PLAN_COL_TIME;
    int y1, y2, y = p->pSubHeader ? time_year(p, i) : 0;
    plan_window_years(az[i], &y1, &y2);
    p->azTime[i] =
        y && !y1 ? arena_printf(p->pArena, "%s %d", az[i], y) : az[i];
    p->nTime++;
  }
}

/* 1 when a row after the header repeats it (a table continued on a new
** page): at least three of its cells name the header's columns, in the
** header's places. */
static int row_repeats_header(Importer *p, const PlanRow *pRow) {
  PlanColumn aeCol[COLS_MAX];
  int aiRank[COLS_MAX], bCore, nSame = 0;
  row_columns(p, pRow, aeCol, aiRank, &bCore);
  for (int i = 0; i < pRow->nCell && i < p->nCol; i++) {
    nSame += aeCol[i] != PLAN_COL_NOTE && aeCol[i] == p->aeCol[i];
  }
  return nSame >= HEADER_ROLES_MIN;
}

/* Each role goes to its surest column; the other columns of that role
** become notes, except a second date column saying where dates end. */
static void assign_roles(Importer *p, const int *aiRank) {
  for (int r = 0; r < PLAN_COL_COUNT; r++) p->aiCol[r] = -1;
  for (int i = 0; i < p->nCol; i++) {
    PlanColumn e = p->aeCol[i];
    if (e == PLAN_COL_NOTE) continue;
    int iOld = p->aiCol[e];
    if (iOld < 0 || aiRank[i] > aiRank[iOld]) {
      if (iOld >= 0) p->aeCol[iOld] = PLAN_COL_NOTE;
      p->aiCol[e] = i;
    } else {
      p->aeCol[i] = PLAN_COL_NOTE;
    }
  }
  /* «Descripción» tells more of the column before it: the objective's, or
  ** (after the actions, or with no actions column) the actions'. */
  int iDetail = p->aiCol[PLAN_COL_DETAIL];
  p->eDetailOf = iDetail > 0 && p->aeCol[iDetail - 1] == PLAN_COL_OBJECTIVE &&
                         p->aiCol[PLAN_COL_ACTIONS] >= 0
                     ? PLAN_COL_OBJECTIVE
                     : PLAN_COL_ACTIONS;
}

static void assign_columns(Importer *p) {
  int aiRank[COLS_MAX], bCore;
  row_columns(p, p->pHeader, p->aeCol, aiRank, &bCore);
  p->nCol = p->pHeader->nCell < COLS_MAX ? p->pHeader->nCell : COLS_MAX;
  for (int i = 0; i < p->nCol; i++)
    p->azHeading[i] = plan_cell_flat(p->pArena, &p->pHeader->aCell[i]);
  assign_roles(p, aiRank);
}

static int count_words(Arena *pArena, const char *z) {
  PlanToken *aTok;
  int nTok = plan_tokens(pArena, z, &aTok), n = 0;
  for (int i = 0; i < nTok; i++) n += aTok[i].eKind != PLAN_TOK_PUNCT;
  return n;
}

#define SUB_HEADING_WORDS_MAX 4

/* A heading spanning columns with a row of headings under it («PLAZO» over
** «Inicio | Término», «Fechas» over «Desde | Hasta»): that row names those
** columns. It is one when every cell it fills (cells merged down from the
** header aside) lies under a spanning heading, or under none, and is a
** short heading; then it is skipped as a line, and each heading under the
** span names its column (or, naming nothing, is a note «PLAZO Inicio»
** while the span's first column keeps the span's role). */
static void find_sub_header(Importer *p, const PlanBlock *pBlock, int iRow) {
  if (p->pSubHeader || iRow + 1 >= pBlock->nRow) return;
  const PlanRow *pH = p->pHeader, *pSub = &pBlock->aRow[iRow + 1];
  int aiParent[COLS_MAX], nUnder = 0, bSpan = 0;
  for (int i = 0, iParent = -1; i < p->nCol; i++) {
    const PlanCell *c = i < pH->nCell ? &pH->aCell[i] : NULL;
    int bEmpty = !c || c->nPara == 0;
    if (!bEmpty) iParent = i;
    /* Under a span: a cell merged into the one on its left, or empty
    ** where text forms leave the span's other columns. */
    aiParent[i] = bEmpty && iParent >= 0 ? iParent : -1;
    bSpan |= aiParent[i] >= 0;
  }
  if (!bSpan) return;
  for (int i = 0; i < pSub->nCell && i < p->nCol; i++) {
    const PlanCell *c = &pSub->aCell[i];
    if (c->nPara == 0 || c->bCopy) continue;
    int bUnderSpan =
        aiParent[i] >= 0 || (i + 1 < p->nCol && aiParent[i + 1] == i);
    if (!bUnderSpan || c->nPara > 1 ||
        count_words(p->pArena, c->aPara[0].zText) > SUB_HEADING_WORDS_MAX)
      return;
    nUnder++;
  }
  if (nUnder < 2) return;
  PlanColumn aeCol[COLS_MAX];
  int aiRank[COLS_MAX], bCore;
  row_columns(p, pH, aeCol, aiRank, &bCore);
  for (int i = 0; i < pSub->nCell && i < p->nCol; i++) {
    const PlanCell *c = &pSub->aCell[i];
    if (c->nPara == 0 || c->bCopy) continue;
    const char *zSub = c->aPara[0].zText;
    int iParent = aiParent[i] >= 0 ? aiParent[i] : i;
    int iRank;
    PlanColumn e = plan_column_of_heading(p->pArena, zSub, &iRank);
    p->azHeading[i] =
        arena_printf(p->pArena, "%s %s", p->azHeading[iParent], zSub);
    if (e != PLAN_COL_NOTE) {
      aeCol[i] = e;
      aiRank[i] = iRank + aiRank[iParent];
    } else if (i != iParent) {
      aeCol[i] = PLAN_COL_NOTE;
    }
  }
  memcpy(p->aeCol, aeCol, sizeof(aeCol));
  assign_roles(p, aiRank);
  p->pSubHeader = pSub;
}

static int find_header(Importer *p) {
  for (int b = 0; b < p->pSrc->nBlock; b++) {
    const PlanBlock *pB = &p->pSrc->aBlock[b];
    for (int r = 0; pB->eKind == PLAN_BLOCK_TABLE && r < pB->nRow; r++) {
      if (row_is_header(p, &pB->aRow[r])) {
        p->iHeaderBlock = b;
        p->iHeaderRow = r;
        p->pHeader = &pB->aRow[r];
        assign_columns(p);
        find_time_columns(p, pB, r);
        find_sub_header(p, pB, r);
        return 1;
      }
    }
  }
  return 0;
}

/* "N° / OBJETIVO / …" as the document wrote them. */
static const char *headings_text(Importer *p) {
  Buf b;
  buf_init(&b, p->pArena);
  for (int i = 0; i < p->nCol; i++) {
    if (!*p->azHeading[i]) continue;
    if (b.n) buf_puts(&b, " / ");
    buf_puts(&b, p->azHeading[i]);
  }
  return buf_str(&b);
}

/* "A", "A y B", "A, B y C" with zLast " y " (or " ni ") (arena). */
static const char *names_joined(Arena *pArena, const char *const *az, int n,
                                const char *zLast) {
  Buf b;
  buf_init(&b, pArena);
  for (int i = 0; i < n; i++)
    buf_printf(&b, "%s%s", i == 0 ? "" : i == n - 1 ? zLast : ", ", az[i]);
  return buf_str(&b);
}

static int check_columns(Importer *p) {
  static const PlanColumn aeNeeded[] = {PLAN_COL_EVIDENCE, PLAN_COL_DATES,
                                        PLAN_COL_ACTIONS};
  const char *azMissing[3];
  int nMissing = 0;
  for (size_t i = 0; i < sizeof(aeNeeded) / sizeof(aeNeeded[0]); i++) {
    PlanColumn e = aeNeeded[i];
    int bHas = p->aiCol[e] >= 0 ||
               (e == PLAN_COL_DATES && p->nTime >= TIME_COLUMNS_MIN) ||
               (e == PLAN_COL_ACTIONS && (p->aiCol[PLAN_COL_OBJECTIVE] >= 0 ||
                                          p->aiCol[PLAN_COL_DETAIL] >= 0));
    if (!bHas) azMissing[nMissing++] = plan_column_name(e);
  }
  if (!nMissing) return PLAN_IMPORT_OK;
  return refuse(p, "%s: las columnas de la tabla son «%s»; %s %s.",
                p->pHeader->zWhere, headings_text(p),
                nMissing == 1 ? "falta la columna" : "faltan las columnas",
                names_joined(p->pArena, azMissing, nMissing, " y "));
}

/* The refusal of a document whose tables have no plan header: the row
** that came closest, its headings, what was recognized in them and what
** is missing. */
static int refuse_no_header(Importer *p) {
  const PlanRow *pBest = NULL;
  const PlanBlock *pFirst = NULL;
  int nBest = 0;
  for (int b = 0; b < p->pSrc->nBlock; b++) {
    const PlanBlock *pB = &p->pSrc->aBlock[b];
    if (pB->eKind != PLAN_BLOCK_TABLE) continue;
    if (!pFirst) pFirst = pB;
    for (int r = 0; r < pB->nRow; r++) {
      PlanColumn aeCol[COLS_MAX];
      int aiRank[COLS_MAX], bCore;
      int n = row_columns(p, &pB->aRow[r], aeCol, aiRank, &bCore);
      if (n > nBest) nBest = n, pBest = &pB->aRow[r];
    }
  }
  if (!pBest) {
    return refuse(p,
                  "%s: hay una tabla, pero ninguna de sus filas tiene los "
                  "encabezados de un plan; se esperaba %s.",
                  !pFirst        ? "El documento"
                  : pFirst->nRow ? pFirst->aRow[0].zWhere
                                 : pFirst->zWhere,
                  EXPECTED_TABLE);
  }
  PlanColumn aeCol[COLS_MAX];
  int aiRank[COLS_MAX], bCore, abSeen[PLAN_COL_COUNT] = {0};
  row_columns(p, pBest, aeCol, aiRank, &bCore);
  Buf heads;
  buf_init(&heads, p->pArena);
  const char *azFound[COLS_MAX], *azMissing[3];
  int nFound = 0, nMissing = 0;
  for (int i = 0; i < pBest->nCell && i < COLS_MAX; i++) {
    const char *z = plan_cell_flat(p->pArena, &pBest->aCell[i]);
    if (!*z) continue;
    buf_printf(&heads, "%s%s", heads.n ? " / " : "", z);
    if (aeCol[i] == PLAN_COL_NOTE || abSeen[aeCol[i]]) continue;
    abSeen[aeCol[i]] = 1;
    azFound[nFound++] = plan_column_name(aeCol[i]);
  }
  static const PlanColumn aeNeeded[] = {PLAN_COL_ACTIONS, PLAN_COL_EVIDENCE,
                                        PLAN_COL_DATES};
  for (size_t k = 0; k < sizeof(aeNeeded) / sizeof(aeNeeded[0]); k++) {
    if (!abSeen[aeNeeded[k]])
      azMissing[nMissing++] = plan_column_name(aeNeeded[k]);
  }
  return refuse(p,
                "%s: la fila que más se parece a los encabezados de un plan "
                "dice «%s»: se reconoció %s, pero no %s. Si el documento las "
                "tiene con otro nombre, cámbielo por uno de los habituales "
                "(se esperaba %s).",
                pBest->zWhere, buf_str(&heads),
                names_joined(p->pArena, azFound, nFound, " y "),
                nMissing ? names_joined(p->pArena, azMissing, nMissing, " ni ")
                         : "las columnas que faltan",
                EXPECTED_TABLE);
}

/* ---- Paragraphs before the table ---- */

static void pre_add(Importer *p, const char *zText, int bItem,
                    const char *zWhere) {
  if (!zText || !*zText) return;
  p->aPre =
      arena_grow(p->pArena, p->aPre, p->nPre, &p->nPreAlloc, sizeof(Para));
  p->aPre[p->nPre].zText = zText;
  p->aPre[p->nPre].bItem = bItem;
  p->aPre[p->nPre].zWhere = zWhere;
  p->nPre++;
}

static void pre_add_cell(Importer *p, const PlanCell *c, const char *zWhere) {
  for (int i = 0; i < c->nPara; i++)
    pre_add(p, c->aPara[i].zText, c->aPara[i].bItem, zWhere);
}

/* A table row before the header: each filled cell is its paragraphs
** («OBJETIVOS GENERALES» | «1. …» in two cells), except a number before
** a text, which is one numbered paragraph ("1" | "Fortalecer…" reads
** "1. Fortalecer…"). */
static void pre_add_row(Importer *p, const PlanRow *pRow) {
  const PlanCell *pNumber = NULL;
  for (int i = 0; i < pRow->nCell; i++) {
    const PlanCell *c = &pRow->aCell[i];
    if (!c->nPara || c->bCopy) continue;
    const char *z = plan_cell_flat(p->pArena, c);
    if (!pNumber && c->nPara == 1 && strspn(z, "0123456789") == strlen(z)) {
      pNumber = c;
      continue;
    }
    if (pNumber) {
      pre_add(p,
              arena_printf(p->pArena, "%s. %s",
                           plan_cell_flat(p->pArena, pNumber), z),
              0, pRow->zWhere);
      pNumber = NULL;
      continue;
    }
    pre_add_cell(p, c, pRow->zWhere);
  }
  if (pNumber) pre_add_cell(p, pNumber, pRow->zWhere);
}

static void collect_pre(Importer *p) {
  for (int b = 0; b <= p->iHeaderBlock; b++) {
    const PlanBlock *pB = &p->pSrc->aBlock[b];
    if (pB->eKind == PLAN_BLOCK_TEXT) {
      pre_add_cell(p, &pB->text, pB->zWhere);
      continue;
    }
    int nRow = b == p->iHeaderBlock ? p->iHeaderRow : pB->nRow;
    for (int r = 0; r < nRow; r++) pre_add_row(p, &pB->aRow[r]);
  }
}

/* The list mark at the start of z ("1.-", "2)", "3.", "a)", "IV.", "b.-"):
** its number (letters and roman numerals count 1, 2…), the separator it
** uses into zSep (8 bytes), and where the text after it starts. 0 when
** there is none. */
static int list_mark(const char *z, char *zSep, const char **pzRest) {
  static const char *const azSep[] = {
      ".-", ".\xe2\x80\x93", "-.", ".)", ")", ".", "-", ":"};
  static const char *const azRoman[] = {"x", "ix", "viii", "vii", "vi",
                                        "v", "iv", "iii",  "ii",  "i"};
  static const int aiRoman[] = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
  int n = 0;
  const char *p = z;
  if (isdigit((unsigned char)p[0])) {
    while (isdigit((unsigned char)*p) && p - z < 3) n = n * 10 + (*p++ - '0');
    if (isdigit((unsigned char)*p)) return 0;
  } else {
    for (size_t k = 0; k < sizeof(azRoman) / sizeof(azRoman[0]); k++) {
      size_t m = strlen(azRoman[k]);
      if (strncasecmp(p, azRoman[k], m) == 0 && !isalpha((unsigned char)p[m])) {
        n = aiRoman[k];
        p += m;
        break;
      }
    }
    if (!n && isalpha((unsigned char)p[0]) && !isalpha((unsigned char)p[1])) {
      n = tolower((unsigned char)p[0]) - 'a' + 1;
      p++;
    }
  }
  if (n <= 0) return 0;
  for (size_t k = 0; k < sizeof(azSep) / sizeof(azSep[0]); k++) {
    size_t m = strlen(azSep[k]);
    if (strncmp(p, azSep[k], m) != 0) continue;
    const char *zRest = p + m;
    /* "1.5", "2024-2025", "a.m." are no marks. */
    if (isdigit((unsigned char)*zRest)) return 0;
    if (isalpha((unsigned char)z[0]) && !isdigit((unsigned char)z[0]) &&
        *zRest != ' ')
      return 0;
    snprintf(zSep, 8, "%s", azSep[k]);
    while (*zRest == ' ') zRest++;
    *pzRest = zRest;
    return n;
  }
  return 0;
}

/* The same mark style for number k: "3.-" or "c)". */
#define MARK_SIZE 32
static void mark_text(char z[MARK_SIZE], const char *zFirst, int k,
                      const char *zSep) {
  unsigned u = (unsigned)k % 1000u; /* Never more than PLAN_OBJECTIVES_MAX */
  if (isdigit((unsigned char)zFirst[0]))
    snprintf(z, MARK_SIZE, "%u%.7s", u, zSep);
  else
    snprintf(
        z, MARK_SIZE, "%c%.7s",
        (char)((islower((unsigned char)zFirst[0]) ? 'a' : 'A') + u % 26u - 1),
        zSep);
}

typedef struct Objectives {
  Arena *pArena;
  PlanObjective *a;
  int n;
} Objectives;

static void objective_add(Objectives *o, const char *z, size_t n) {
  const char *zText =
      plan_text_squeeze(o->pArena, arena_strndup(o->pArena, z, n));
  if (!*zText || o->n >= PLAN_OBJECTIVES_MAX) return;
  o->a[o->n].iNumber = o->n + 1;
  o->a[o->n].zText = zText;
  o->n++;
}

/* One paragraph of the objectives block: "1.- Uno2.- Dos" is split at each
** next mark of the same style ("2.-" after "1.-"); otherwise it is one. */
static void objectives_from_para(Objectives *o, const char *zPara) {
  char zSep[8];
  const char *zRest = zPara;
  int k = list_mark(zPara, zSep, &zRest);
  if (!k || strcmp(zSep, ".") == 0 || strcmp(zSep, ":") == 0 ||
      strcmp(zSep, "-") == 0) {
    objective_add(o, zRest, strlen(zRest));
    return;
  }
  const char *zAt = zRest;
  for (;;) {
    char zNext[MARK_SIZE];
    mark_text(zNext, zPara, ++k, zSep);
    size_t nMark = strlen(zNext);
    const char *zHit = NULL;
    for (const char *q = zAt; *q && !zHit; q++) {
      if (strncmp(q, zNext, nMark) != 0) continue;
      if (q > zPara && isalnum((unsigned char)q[-1]) &&
          !(isdigit((unsigned char)zNext[0]) && !isdigit((unsigned char)q[-1])))
        continue;
      if (q > zPara && isalpha((unsigned char)zNext[0]) &&
          isalpha((unsigned char)q[-1]))
        continue;
      zHit = q;
    }
    objective_add(o, zAt, zHit ? (size_t)(zHit - zAt) : strlen(zAt));
    if (!zHit) break;
    zAt = zHit + nMark;
  }
}

/* Words a heading of the objectives block may have after "objetivo(s)". */
static const char *const azObjectiveHeadingWord[] = {
    "plan",     "del",        "de",          "la",        "el",      "general",
    "generale", "especifico", "estrategico", "trabajo",   "consejo", "cosoc",
    "anual",    "y",          "nuestro",     "principal",
};

/* 1 when z heads the objectives block («OBJETIVO PLAN», «Objetivos
** generales:», «OBJETIVO GENERAL: Fortalecer…»); *pzRest is the text after
** a colon ("" when none). */
static int objectives_heading(Arena *pArena, const char *z,
                              const char **pzRest) {
  char zSep[8];
  const char *zText = z;
  list_mark(z, zSep, &zText); /* "I. OBJETIVOS" */
  const char *zColon = strchr(zText, ':');
  const char *zHead =
      zColon ? arena_strndup(pArena, zText, (size_t)(zColon - zText)) : zText;
  PlanToken *aTok;
  int nTok = plan_tokens(pArena, zHead, &aTok);
  if (nTok == 0 || strcmp(aTok[0].zStem, "objetivo") != 0) return 0;
  for (int i = 1; i < nTok; i++) {
    if (aTok[i].eKind == PLAN_TOK_PUNCT) continue;
    int bOk = 0;
    for (size_t k = 0; !bOk && k < sizeof(azObjectiveHeadingWord) /
                                       sizeof(azObjectiveHeadingWord[0]);
         k++)
      bOk = strcmp(aTok[i].zStem,
                   plan_word_stem(pArena, azObjectiveHeadingWord[k])) == 0;
    if (!bOk) return 0;
  }
  *pzRest = zColon ? plan_text_squeeze(pArena, zColon + 1) : "";
  return 1;
}

/* A list mark's style, to tell the items' numbering from a heading's:
** digits, roman numerals or letters, and the separator ("1)" and "a)" and
** "IV." differ). */
static int mark_style(const char *z, const char *zSep) {
  int eKind = isdigit((unsigned char)z[0])                               ? 1
              : (strchr("IVXivx", z[0]) && isalpha((unsigned char)z[1])) ? 2
                                                                         : 3;
  return eKind * 16 + (int)strlen(zSep) * 4 + (zSep[0] == ')' ? 1 : 0) +
         (zSep[0] == '-' ? 2 : 0);
}

/* 1 when z has letters and none of them is lower case (a heading). */
static int all_capitals(const char *z) {
  int nUpper = 0;
  for (const unsigned char *p = (const unsigned char *)z; *p; p++) {
    if (*p >= 'a' && *p <= 'z') return 0;
    if (*p == 0xc3 && p[1] >= 0xa0 && p[1] <= 0xbf) return 0;
    nUpper += *p >= 'A' && *p <= 'Z';
  }
  return nUpper >= 2;
}

/* Title, introduction and objectives from the paragraphs before the table. */
static void read_front(Importer *p, PlanDoc *pDoc) {
  Arena *pArena = p->pArena;
  int i = 0;
  const char *zRest;
  pDoc->zTitle = "";
  if (p->nPre > 0 && !objectives_heading(pArena, p->aPre[0].zText, &zRest)) {
    pDoc->zTitle = p->aPre[0].zText;
    i = 1;
  }
  Buf intro;
  buf_init(&intro, pArena);
  for (; i < p->nPre; i++) {
    if (objectives_heading(pArena, p->aPre[i].zText, &zRest)) break;
    if (intro.n) buf_puts(&intro, "\n\n");
    buf_puts(&intro, p->aPre[i].zText);
  }
  pDoc->zIntro = buf_str(&intro);
  Objectives o = {pArena, NULL, 0};
  o.a = arena_alloc(pArena, sizeof(PlanObjective) * PLAN_OBJECTIVES_MAX);
  int eLastStyle = 0; /* The mark style of the last marked objective */
  for (; i < p->nPre; i++) {
    const Para *pP = &p->aPre[i];
    if (objectives_heading(pArena, pP->zText, &zRest)) {
      if (*zRest) objectives_from_para(&o, zRest);
      continue;
    }
    char zSep[8];
    const char *zAfter = pP->zText;
    int bListMark = list_mark(pP->zText, zSep, &zAfter) != 0;
    int bMarked = pP->bItem || bListMark;
    /* Once items began, an unmarked heading in capitals ends the block
    ** ("PLAN DE ACCIÓN 2025" before the table), and so does a short one in
    ** capitals numbered otherwise than the items ("IV. PLAN DE ACCIÓN"
    ** after "a)", "b)"). */
    if (!bMarked && o.n > 0 && all_capitals(pP->zText)) break;
    int eStyle = bListMark ? mark_style(pP->zText, zSep) : 0;
    if (bListMark && o.n > 0 && eLastStyle && eStyle != eLastStyle &&
        all_capitals(zAfter) && count_words(p->pArena, zAfter) <= 6)
      break;
    if (bListMark) eLastStyle = eStyle;
    objectives_from_para(&o, pP->zText);
  }
  pDoc->aObjective = o.a;
  pDoc->nObjective = o.n;
}

/* ---- Period ---- */

/* "2024-2025", "2025 – 2026", "2026" in z: the plan's years. */
static int period_from_text(Arena *pArena, const char *z, PlanDoc *pDoc) {
  PlanToken *aTok;
  int nTok = plan_tokens(pArena, z, &aTok);
  for (int i = 0; i < nTok; i++) {
    if (aTok[i].eKind != PLAN_TOK_NUM || aTok[i].nDigit != 4) continue;
    long y1 = aTok[i].iValue, y2 = y1;
    if (y1 < 1990 || y1 > 2200) continue;
    int k = i + 1;
    if (k < nTok &&
        ((aTok[k].eKind == PLAN_TOK_PUNCT && strchr("-/", aTok[k].zText[0])) ||
         strcmp(aTok[k].zText, "a") == 0 || strcmp(aTok[k].zText, "al") == 0))
      k++;
    if (k > i + 1 && k < nTok && aTok[k].eKind == PLAN_TOK_NUM &&
        aTok[k].nDigit == 4 && aTok[k].iValue >= y1 &&
        aTok[k].iValue <= y1 + 10)
      y2 = aTok[k].iValue;
    plan_date_format(pDoc->zPeriodStart, (int)y1, 1, 1);
    plan_date_format(pDoc->zPeriodEnd, (int)y2, 12, 31);
    return 1;
  }
  return 0;
}

/* A title in two lines («CONSEJO DE LA SOCIEDAD CIVIL» / «PLAN DE TRABAJO
** 2025»): the years of a short paragraph before the objectives. Long
** paragraphs are introduction, whose years are other things' («Oficio de
** fecha 04.01.2023»). */
#define HEADING_WORDS_SHORT 12
static int period_from_heading(Importer *p, PlanDoc *pDoc) {
  const char *zRest;
  for (int i = 1; i < p->nPre && i < 4; i++) {
    const char *z = p->aPre[i].zText;
    if (objectives_heading(p->pArena, z, &zRest)) break;
    PlanToken *aTok;
    int nTok = plan_tokens(p->pArena, z, &aTok);
    if (nTok <= HEADING_WORDS_SHORT && period_from_text(p->pArena, z, pDoc))
      return 1;
  }
  return 0;
}

/* Without one in the title: from the first to the last year the lines'
** dates name. */
static int period_from_rows(Importer *p, PlanDoc *pDoc) {
  int y1 = 0, y2 = 0;
  for (int i = 0; i < p->nRow; i++) {
    int a, b;
    plan_window_years(p->aRow[i].azText[PLAN_COL_DATES], &a, &b);
    if (a && (!y1 || a < y1)) y1 = a;
    if (b > y2) y2 = b;
  }
  if (!y1 || y2 > y1 + 10) return 0;
  plan_date_format(pDoc->zPeriodStart, y1, 1, 1);
  plan_date_format(pDoc->zPeriodEnd, y2, 12, 31);
  return 1;
}

/* ---- Rows ---- */

/* The text of column role e in a row, "" when absent. */
static const char *cell_of(Importer *p, const PlanRow *pRow, PlanColumn e,
                           int bFlat) {
  int i = p->aiCol[e];
  if (i < 0 || i >= pRow->nCell) return "";
  const PlanCell *c = &pRow->aCell[i];
  return bFlat ? plan_cell_flat(p->pArena, c) : plan_cell_text(p->pArena, c);
}

/* Rows cut short in a text file: the last needed column is missing. */
static int check_row_width(Importer *p, const PlanRow *pRow) {
  if (strcmp(p->pSrc->zFormat, "texto") != 0) return PLAN_IMPORT_OK;
  int iNeed = 0;
  static const PlanColumn ae[] = {PLAN_COL_OBJECTIVE, PLAN_COL_ACTIONS,
                                  PLAN_COL_EVIDENCE, PLAN_COL_DATES};
  for (size_t k = 0; k < sizeof(ae) / sizeof(ae[0]); k++) {
    if (p->aiCol[ae[k]] + 1 > iNeed) iNeed = p->aiCol[ae[k]] + 1;
  }
  if (pRow->nCell >= iNeed) return PLAN_IMPORT_OK;
  return refuse(p,
                "%s: la fila tiene %d columna%s y se esperaban %d (%s, "
                "separadas por tabulaciones); ¿el archivo está cortado?",
                pRow->zWhere, pRow->nCell, pRow->nCell == 1 ? "" : "s", p->nCol,
                headings_text(p));
}

/* The months a time chart marks in a row («X» or anything in the cell,
** and the cells a marked one spans), as the chart heads them: "Abr, Jul,
** Oct, Dic"; "" when none is marked. */
static const char *time_phrase(Importer *p, const PlanRow *pRow) {
  Buf b;
  buf_init(&b, p->pArena);
  int bMarked = 0;
  for (int i = 0; i < pRow->nCell && i < p->nCol; i++) {
    const PlanCell *c = &pRow->aCell[i];
    bMarked = c->nPara > 0 || c->bMark || (c->bSpanned && bMarked);
    if (p->aeCol[i] != PLAN_COL_TIME || !bMarked) continue;
    if (b.n) buf_puts(&b, ", ");
    buf_puts(&b, p->azTime[i]);
  }
  return buf_str(&b);
}

/* 1 when a row repeats the row of headings under the header (on a new
** page) and says nothing else. */
static int row_repeats_sub_header(Importer *p, const PlanRow *pRow) {
  const PlanRow *pSub = p->pSubHeader;
  int nSame = 0;
  for (int i = 0; pSub && i < pRow->nCell; i++) {
    const PlanCell *c = &pRow->aCell[i];
    if (c->nPara == 0 || c->bCopy) continue;
    if (i >= pSub->nCell ||
        strcmp(plan_cell_flat(p->pArena, c),
               plan_cell_flat(p->pArena, &pSub->aCell[i])) != 0)
      return 0;
    nSame++;
  }
  return nSame >= 2;
}

/* Words of a row that adds up the table («TOTAL», «Total actividades»). */
static const char *const azTotalWord[] = {"total", "totale", "subtotal",
                                          "suma"};

/* 1 when a row only adds up the others: no objective, no actions, and
** nothing but numbers and a «TOTAL» word. */
static int row_is_total(Importer *p, const PlanRow *pRow) {
  int bTotal = 0;
  for (int i = 0; i < pRow->nCell; i++) {
    const PlanCell *c = &pRow->aCell[i];
    if (c->nPara == 0 || c->bCopy) continue;
    PlanColumn e = i < p->nCol ? p->aeCol[i] : PLAN_COL_NOTE;
    PlanToken *aTok;
    int nTok = plan_tokens(p->pArena, plan_cell_flat(p->pArena, c), &aTok);
    for (int k = 0; k < nTok; k++) {
      if (aTok[k].eKind != PLAN_TOK_WORD) continue;
      int bWord = 0;
      for (size_t w = 0; w < sizeof(azTotalWord) / sizeof(azTotalWord[0]); w++)
        bWord |=
            plan_tokens_match(p->pArena, aTok, nTok, k, azTotalWord[w]) > 0;
      if (!bWord || e == PLAN_COL_ACTIONS) return 0;
      bTotal = 1;
    }
  }
  return bTotal;
}

/* Reads one row after the header into p->aRow (or nothing: an empty row,
** a repeated header, a section heading that names the objective of the
** rows after it). */
static int read_row(Importer *p, const PlanRow *pRow, const char **pzSection) {
  int nFilled = 0, bContent = 0;
  const char *zOnly = NULL;
  for (int i = 0; i < pRow->nCell; i++) {
    const PlanCell *c = &pRow->aCell[i];
    if (c->bCopy || !c->nPara) continue;
    nFilled++;
    zOnly = plan_cell_text(p->pArena, c);
    PlanColumn e = i < p->nCol ? p->aeCol[i] : PLAN_COL_NOTE;
    bContent |= e == PLAN_COL_ACTIONS || e == PLAN_COL_EVIDENCE ||
                e == PLAN_COL_DATES || e == PLAN_COL_DATES_END ||
                e == PLAN_COL_TARGET || e == PLAN_COL_RESPONSIBLE ||
                e == PLAN_COL_DETAIL || e == PLAN_COL_TIME;
  }
  if (nFilled == 0 || pRow == p->pSubHeader || row_repeats_header(p, pRow) ||
      row_repeats_sub_header(p, pRow) || row_is_total(p, pRow))
    return PLAN_IMPORT_OK;
  if (check_row_width(p, pRow) != PLAN_IMPORT_OK) return PLAN_IMPORT_REFUSED;
  if (!bContent) {
    /* "Eje 1: Formación" across the row, or an objective alone. */
    const char *zObj = cell_of(p, pRow, PLAN_COL_OBJECTIVE, 0);
    *pzSection = *zObj ? zObj : zOnly;
    return PLAN_IMPORT_OK;
  }
  if (p->nRow >= PLAN_LINES_MAX) {
    return refuse(p, "%s: la tabla tiene más de %d filas.", pRow->zWhere,
                  PLAN_LINES_MAX);
  }
  p->aRow =
      arena_grow(p->pArena, p->aRow, p->nRow, &p->nRowAlloc, sizeof(RowText));
  RowText *t = &p->aRow[p->nRow++];
  memset(t, 0, sizeof(*t));
  t->pRow = pRow;
  for (int e = 0; e < PLAN_COL_COUNT; e++) {
    int bFlat = e == PLAN_COL_DATES || e == PLAN_COL_DATES_END;
    t->azText[e] = cell_of(p, pRow, (PlanColumn)e, bFlat);
  }
  const char *zDetail = t->azText[PLAN_COL_DETAIL];
  if (*zDetail) {
    const char **pz = &t->azText[p->eDetailOf];
    *pz = **pz ? arena_printf(p->pArena, "%s\n%s", *pz, zDetail) : zDetail;
  }
  if (!*t->azText[PLAN_COL_DATES] && p->nTime)
    t->azText[PLAN_COL_DATES] = time_phrase(p, pRow);
  if (!*t->azText[PLAN_COL_OBJECTIVE])
    t->azText[PLAN_COL_OBJECTIVE] = *pzSection;
  int iEv = p->aiCol[PLAN_COL_EVIDENCE];
  t->pEvidence = iEv < pRow->nCell ? &pRow->aCell[iEv] : NULL;
  t->zNumber = cell_of(p, pRow, PLAN_COL_NUMBER, 1);
  if (*t->azText[PLAN_COL_DATES_END]) {
    t->azText[PLAN_COL_DATES] =
        *t->azText[PLAN_COL_DATES]
            ? arena_printf(p->pArena, "%s a %s", t->azText[PLAN_COL_DATES],
                           t->azText[PLAN_COL_DATES_END])
            : t->azText[PLAN_COL_DATES_END];
  }
  Buf notes;
  buf_init(&notes, p->pArena);
  for (int i = 0; i < pRow->nCell && i < p->nCol; i++) {
    /* A note merged down over several lines is said once, on the first,
    ** as a text form (which leaves the merged cells empty) says it. */
    if (p->aeCol[i] != PLAN_COL_NOTE || !pRow->aCell[i].nPara ||
        pRow->aCell[i].bCopy)
      continue;
    if (notes.n) buf_putc(&notes, '\n');
    const char *zHeading = *p->azHeading[i]
                               ? p->azHeading[i]
                               : arena_printf(p->pArena, "Columna %d", i + 1);
    buf_printf(&notes, "%s: %s", zHeading,
               plan_cell_flat(p->pArena, &pRow->aCell[i]));
  }
  t->zNotes = buf_str(&notes);
  if (!*t->azText[PLAN_COL_OBJECTIVE] && !*t->azText[PLAN_COL_ACTIONS]) {
    return refuse(p,
                  "%s: la fila no dice el objetivo ni las acciones; se "
                  "esperaba al menos una de las dos columnas con texto.",
                  pRow->zWhere);
  }
  *pzSection = t->azText[PLAN_COL_OBJECTIVE];
  return PLAN_IMPORT_OK;
}

/* 1 when a table after the header's goes on with the plan: its first row
** with text repeats the header (a table split across pages, or a plan split
** over sheets), or, for a table of a text or Word document, it is as wide
** as the plan's (a page break without the header repeated). A table of
** anything else (the signatures, a budget sheet) does not. */
static int table_goes_on(Importer *p, const PlanBlock *pB) {
  for (int r = 0; r < pB->nRow; r++) {
    const PlanRow *pRow = &pB->aRow[r];
    int bAny = 0;
    for (int i = 0; i < pRow->nCell && !bAny; i++)
      bAny = pRow->aCell[i].nPara > 0;
    if (bAny)
      return row_repeats_header(p, pRow) ||
             (!pB->bSheet && pRow->nCell == p->pHeader->nCell);
  }
  return 0;
}

static int read_rows(Importer *p) {
  const char *zSection = "";
  for (int b = p->iHeaderBlock; b < p->pSrc->nBlock; b++) {
    const PlanBlock *pB = &p->pSrc->aBlock[b];
    if (pB->eKind == PLAN_BLOCK_TEXT) {
      /* Between parts of the table, a heading of the rows after it. */
      if (pB->text.nPara) zSection = plan_cell_text(p->pArena, &pB->text);
      continue;
    }
    int r = b == p->iHeaderBlock ? p->iHeaderRow + 1 : 0;
    if (b != p->iHeaderBlock && !table_goes_on(p, pB)) break;
    for (; r < pB->nRow; r++) {
      if (read_row(p, &pB->aRow[r], &zSection) != PLAN_IMPORT_OK)
        return PLAN_IMPORT_REFUSED;
    }
  }
  if (p->nRow == 0) {
    return refuse(p,
                  "La tabla (encabezados en %s) no tiene filas: se esperaba "
                  "al menos una línea del plan; ¿el archivo está cortado?",
                  p->pHeader->zWhere);
  }
  return PLAN_IMPORT_OK;
}

/* ---- Evidence ---- */

/* Separators of wordings inside one line of the evidence cell. */
static const char *const azEvidenceSep[] = {
    " y/o ",          " y ", " e ", " o ", ", ", ",", " / ", "/", " + ", " - ",
    " \xe2\x80\x93 ",
};

/* A wording trimmed of list marks and closing punctuation. */
static const char *evidence_label(Arena *pArena, const char *z, size_t n) {
  const char *zLabel = plan_text_squeeze(pArena, arena_strndup(pArena, z, n));
  char zSep[8];
  const char *zRest;
  if (list_mark(zLabel, zSep, &zRest) && strcmp(zSep, ":") != 0) zLabel = zRest;
  char *zOut = arena_strdup(pArena, zLabel);
  size_t k = strlen(zOut);
  while (k > 0 && strchr(".,;: ", zOut[k - 1])) zOut[--k] = 0;
  return zOut;
}

typedef struct EvidencePart {
  size_t iStart, iEnd;
  const char *zKind; /* NULL: no kind matched */
} EvidencePart;

/* Flags an evidence item of a kind the officer should look at: one this
** import makes (bNew), or a council kind nobody has reviewed yet. */
static void evidence_flag(Arena *pArena, PlanEvidence *e,
                          const PlanContext *pCtx, int bNew) {
  const PlanCouncilKind *pOwn = plan_council_kind(pCtx, e->zKind);
  e->bFlagged = 0;
  e->zReason = NULL;
  if (bNew || (!pOwn && !plan_evidence_is_standard(e->zKind))) {
    e->bFlagged = 1;
    e->zReason = arena_printf(pArena,
                              "«%s» no es uno de los verificadores habituales: "
                              "queda como verificador propio del consejo. "
                              "Confírmelo o únalo a uno habitual.",
                              e->zLabel);
  } else if (pOwn && !pOwn->bReviewed) {
    e->bFlagged = 1;
    e->zReason = arena_printf(pArena,
                              "«%s» es un verificador propio del consejo que "
                              "aún nadie revisa: confírmelo o únalo a uno "
                              "habitual.",
                              pOwn->zLabel);
  }
}

/* At least three letters: «N/A», «-», «s/i» name no evidence. */
static int has_words(const char *z) {
  int n = 0;
  for (; *z; z++) n += isalpha((unsigned char)*z) || (unsigned char)*z >= 0xc3;
  return n >= 3;
}

static void evidence_add(Arena *pArena, PlanEvidence *a, int *pn,
                         const char *zLabel, const char *zKind,
                         const PlanContext *pCtx) {
  if (!has_words(zLabel) || *pn >= PLAN_EVIDENCE_MAX) return;
  int bNew = 0;
  if (!zKind) {
    zKind = plan_evidence_slug_for_label(pArena, zLabel);
    if (!*zKind) return;
    bNew = 1;
  }
  for (int i = 0; i < *pn; i++) {
    if (strcmp(a[i].zKind, zKind) == 0 && strcmp(a[i].zLabel, zLabel) == 0)
      return;
  }
  PlanEvidence *e = &a[(*pn)++];
  memset(e, 0, sizeof(*e));
  e->zKind = zKind;
  e->zLabel = zLabel;
  evidence_flag(pArena, e, pCtx, bNew);
}

/* Separators that offer alternatives of one proof ("Fotografías y/o
** videos", "Informe o Plan de Trabajo"): a part after one that names no
** kind is part of the wording before it. */
static int evidence_sep_is_alternative(const char *zSep) {
  return strcmp(zSep, " y/o ") == 0 || strcmp(zSep, " o ") == 0 ||
         strcmp(zSep, " / ") == 0 || strcmp(zSep, "/") == 0;
}

/* One line of the evidence cell: split at "y", ",", "/"…; a part naming
** the same kind as the one before, or none after an alternative ("y/o",
** "o", "/"), is joined back to it ("Informe … o Plan de Trabajo",
** "Fotografías y/o videos"); any other part is its own wording. */
static void evidence_line(Arena *pArena, const char *z, const PlanContext *pCtx,
                          PlanEvidence *a, int *pn) {
  size_t n = strlen(z);
  EvidencePart aPart[PLAN_EVIDENCE_MAX * 2];
  int nPart = 0, bAlt = 0;
  size_t iStart = 0;
  for (size_t i = 0; i <= n && nPart < PLAN_EVIDENCE_MAX * 2; i++) {
    size_t nSep = 0;
    const char *zSep = "";
    for (size_t k = 0;
         i < n && k < sizeof(azEvidenceSep) / sizeof(azEvidenceSep[0]); k++) {
      size_t m = strlen(azEvidenceSep[k]);
      if (strncasecmp(z + i, azEvidenceSep[k], m) == 0) {
        nSep = m;
        zSep = azEvidenceSep[k];
        break;
      }
    }
    if (i < n && !nSep) continue;
    const char *zPart = evidence_label(pArena, z + iStart, i - iStart);
    EvidencePart part = {iStart, i, NULL};
    if (*zPart) part.zKind = plan_evidence_kind_for_text(pArena, zPart, pCtx);
    int bSame = nPart > 0 && part.zKind && aPart[nPart - 1].zKind &&
                strcmp(aPart[nPart - 1].zKind, part.zKind) == 0;
    if (*zPart && nPart > 0 && (bSame || (!part.zKind && bAlt))) {
      aPart[nPart - 1].iEnd = i;
    } else if (*zPart) {
      aPart[nPart++] = part;
    }
    if (i == n) break;
    bAlt = evidence_sep_is_alternative(zSep);
    iStart = i + nSep;
    i += nSep - 1;
  }
  for (int k = 0; k < nPart; k++) {
    const char *zLabel = evidence_label(pArena, z + aPart[k].iStart,
                                        aPart[k].iEnd - aPart[k].iStart);
    const char *zKind = aPart[k].zKind;
    if (nPart > 1 || !zKind)
      zKind = plan_evidence_kind_for_text(pArena, zLabel, pCtx);
    evidence_add(pArena, a, pn, zLabel, zKind, pCtx);
  }
}

int plan_import_evidence(Arena *pArena, const PlanCell *pCell,
                         const PlanContext *pCtx, PlanEvidence **paEv) {
  PlanEvidence *a =
      arena_alloc(pArena, sizeof(PlanEvidence) * PLAN_EVIDENCE_MAX);
  int n = 0;
  for (int i = 0; pCell && i < pCell->nPara; i++) {
    char *zLine = arena_strdup(pArena, pCell->aPara[i].zText);
    char *zSave = NULL;
    for (char *zTok = strtok_r(zLine, ";", &zSave); zTok;
         zTok = strtok_r(NULL, ";", &zSave)) {
      evidence_line(pArena, zTok, pCtx, a, &n);
    }
  }
  *paEv = a;
  return n;
}

/* ---- Lines ---- */

/* "3", "3.", "N° 3": the number written in the N° cell, 0 when other. */
static int number_written(const char *z) {
  while (*z && !isdigit((unsigned char)*z)) {
    if (isalpha((unsigned char)*z) && *z != 'N' && *z != 'n') return 0;
    z++;
  }
  char *zEnd;
  long v = strtol(z, &zEnd, 10);
  while (*zEnd == '.' || *zEnd == ' ' || *zEnd == ')') zEnd++;
  return *zEnd || v <= 0 || v > 100000 ? 0 : (int)v;
}

static void build_lines(Importer *p, PlanDoc *pDoc) {
  Arena *pArena = p->pArena;
  pDoc->aLine = arena_alloc(pArena, sizeof(PlanLine) * (size_t)(p->nRow + 1));
  for (int i = 0; i < p->nRow; i++) {
    const RowText *t = &p->aRow[i];
    PlanLine *pL = &pDoc->aLine[pDoc->nLine++];
    memset(pL, 0, sizeof(*pL));
    pL->iNumber = pDoc->nLine;
    pL->iSourceLine = i + 1;
    pL->zWhere = t->pRow->zWhere;
    pL->zObjective = t->azText[PLAN_COL_OBJECTIVE];
    pL->zActions = t->azText[PLAN_COL_ACTIONS];
    pL->zResponsible = t->azText[PLAN_COL_RESPONSIBLE];
    pL->zWindowPhrase = t->azText[PLAN_COL_DATES];
    pL->zMeta = t->azText[PLAN_COL_TARGET];
    pL->zCarried = "";
    const char *zNotes = t->zNotes;
    if (*t->zNumber && number_written(t->zNumber) != pL->iNumber) {
      /* Sub-numbering ("1.1") or numbers out of order: the lines are
      ** numbered in order, and what the document said is kept. */
      zNotes = arena_printf(pArena, "N° en el documento: %s%s%s", t->zNumber,
                            *zNotes ? "\n" : "", zNotes);
    }
    pL->zNotes = zNotes;
    pL->nEvidence =
        plan_import_evidence(pArena, t->pEvidence, p->pCtx, &pL->aEvidence);
    plan_window_parse(pL->zWindowPhrase, pDoc->zPeriodStart, pDoc->zPeriodEnd,
                      &pL->window);
    plan_target_suggest(*pL->zActions ? pL->zActions : pL->zObjective,
                        pL->zMeta, p->pCtx, &pL->window, &pL->target);
  }
}

int plan_import_source(Arena *pArena, const PlanSource *pSrc,
                       const PlanContext *pCtx, PlanDoc *pDoc,
                       const char **pzErr) {
  memset(pDoc, 0, sizeof(*pDoc));
  *pzErr = NULL;
  Importer imp;
  memset(&imp, 0, sizeof(imp));
  imp.pArena = pArena;
  imp.pSrc = pSrc;
  imp.pCtx = pCtx;
  int rc = PLAN_IMPORT_OK;
  if (!find_header(&imp)) {
    int bTable = 0, bText = 0;
    for (int b = 0; b < pSrc->nBlock; b++) {
      bTable |= pSrc->aBlock[b].eKind == PLAN_BLOCK_TABLE;
      bText |= pSrc->aBlock[b].eKind == PLAN_BLOCK_TEXT;
    }
    if (!bTable && !bText) {
      rc = refuse(&imp,
                  "El archivo está vacío: se esperaba un plan anual con "
                  "título, introducción, objetivos («OBJETIVO PLAN») y "
                  "%s.",
                  EXPECTED_TABLE);
    } else if (!bTable) {
      rc = refuse(&imp,
                  "No se encontró la tabla del plan: después del título, la "
                  "introducción y los objetivos («OBJETIVO PLAN» u "
                  "«OBJETIVOS GENERALES») se esperaba %s, y el archivo "
                  "termina antes: ¿está cortado, o no es un plan?",
                  EXPECTED_TABLE);
    } else {
      rc = refuse_no_header(&imp);
    }
  }
  if (rc == PLAN_IMPORT_OK) rc = check_columns(&imp);
  if (rc == PLAN_IMPORT_OK) {
    collect_pre(&imp);
    read_front(&imp, pDoc);
    rc = read_rows(&imp);
  }
  if (rc == PLAN_IMPORT_OK && !period_from_text(pArena, pDoc->zTitle, pDoc) &&
      !period_from_heading(&imp, pDoc) && !period_from_rows(&imp, pDoc)) {
    rc = refuse(&imp,
                "%s: el título «%s» no dice el periodo del plan (un año o dos, "
                "como «2024-2025»), y las fechas de las líneas tampoco dicen "
                "un año.",
                imp.nPre ? imp.aPre[0].zWhere : "Inicio", pDoc->zTitle);
  }
  if (rc != PLAN_IMPORT_OK) {
    *pzErr = imp.zErr;
    memset(pDoc, 0, sizeof(*pDoc));
    return PLAN_IMPORT_REFUSED;
  }
  if (!*pDoc->zTitle) {
    int y1 = atoi(pDoc->zPeriodStart), y2 = atoi(pDoc->zPeriodEnd);
    pDoc->zTitle = y1 == y2 ? arena_printf(pArena, "Plan anual %d", y1)
                            : arena_printf(pArena, "Plan anual %d-%d", y1, y2);
  }
  build_lines(&imp, pDoc);
  return PLAN_IMPORT_OK;
}

int plan_import_parse(Arena *pArena, const char *zText, size_t nText,
                      const PlanContext *pCtx, PlanDoc *pDoc,
                      const char **pzErr) {
  memset(pDoc, 0, sizeof(*pDoc));
  if (nText > PLAN_IMPORT_MAX_BYTES) {
    *pzErr = arena_printf(pArena,
                          "El archivo pesa %zu bytes; un plan anual cabe en "
                          "menos de %d MB.",
                          nText, PLAN_IMPORT_MAX_BYTES / (1024 * 1024));
    return PLAN_IMPORT_REFUSED;
  }
  PlanSource src;
  if (plan_source_from_text(pArena, zText, nText, &src, pzErr) != 0)
    return PLAN_IMPORT_REFUSED;
  return plan_import_source(pArena, &src, pCtx, pDoc, pzErr);
}

void plan_doc_apply_context(Arena *pArena, PlanDoc *pDoc,
                            const PlanContext *pCtx) {
  for (int i = 0; i < pDoc->nLine; i++) {
    PlanLine *pL = &pDoc->aLine[i];
    plan_target_name_places(&pL->target, pCtx);
    for (int k = 0; k < pL->nEvidence; k++) {
      PlanEvidence *e = &pL->aEvidence[k];
      e->zKind = plan_evidence_kind_resolve(pCtx, e->zKind);
      evidence_flag(pArena, e, pCtx, 0);
    }
  }
}

const char *plan_import_clean(Arena *pArena, const char *zCell) {
  PlanCell cell;
  memset(&cell, 0, sizeof(cell));
  plan_cell_add_html(pArena, &cell, zCell);
  return plan_cell_text(pArena, &cell);
}
