/*
** The Word (.docx) reader: word/document.xml's body as paragraphs and
** tables (see plan_document.h).
**
** A paragraph's text is its runs' text (w:t), with tabs as spaces and line
** breaks (w:br, w:cr) as new lines; deleted text (w:del), field codes
** (w:instrText) and drawings are left out. A paragraph in a list (w:numPr,
** or a list style) is a list item: Word keeps the "1." or "•" of numbered
** and bulleted lists out of the text, so an item is all the importer sees.
** Tables keep their grid: a cell spanning columns (w:gridSpan) takes its
** first column and leaves the rest empty; a cell merged with the ones above
** (w:vMerge) repeats their content, marked as a copy.
*/
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/plan_document.h"
#include "import/plan_zip.h"

#define DOCX_DEPTH_MAX 64 /* Nesting the reader follows (tables in cells…) */
#define DOCX_COLS_MAX 64

/* Elements whose text is not the document's visible text. */
static const char *const azSkipped[] = {
    "del",
    "instrText",
    "delInstrText",
    "drawing",
    "pict",
    "object",
    "AlternateContent",
    "footnoteReference",
    "endnoteReference",
    "commentReference",
    "pPr",
    "rPr",
    "tblPr",
    "trPr",
    "tcPr",
    "sectPr",
};

static int skipped(const xmlNode *n) {
  for (size_t i = 0; i < sizeof(azSkipped) / sizeof(azSkipped[0]); i++) {
    if (plan_xml_is(n, azSkipped[i])) return 1;
  }
  return 0;
}

/* Appends the visible text under n to *pB. */
static void run_text(const xmlNode *n, Buf *pB, int nDepth) {
  for (const xmlNode *c = n->children; c && nDepth < DOCX_DEPTH_MAX;
       c = c->next) {
    if (c->type != XML_ELEMENT_NODE || skipped(c)) continue;
    if (plan_xml_is(c, "t")) {
      xmlChar *v = xmlNodeGetContent(c);
      if (v) buf_puts(pB, (const char *)v);
      xmlFree(v);
    } else if (plan_xml_is(c, "tab") || plan_xml_is(c, "ptab")) {
      buf_putc(pB, ' ');
    } else if (plan_xml_is(c, "br") || plan_xml_is(c, "cr")) {
      buf_putc(pB, '\n');
    } else if (plan_xml_is(c, "noBreakHyphen")) {
      buf_putc(pB, '-');
    } else if (plan_xml_is(c, "p") || plan_xml_is(c, "tbl")) {
      /* Block content inside an inline container: its own lines. */
      buf_putc(pB, '\n');
      run_text(c, pB, nDepth + 1);
      buf_putc(pB, '\n');
    } else {
      run_text(c, pB, nDepth + 1);
    }
  }
}

/* 1 when the paragraph is a list item: numbered (w:numPr with a numId
** other than 0) or styled as a list. */
static int para_is_item(Arena *pArena, const xmlNode *pP) {
  const xmlNode *pPr = plan_xml_child(pP, "pPr");
  const xmlNode *pNum = plan_xml_child(pPr, "numPr");
  if (pNum) {
    const char *zId =
        plan_xml_attr(pArena, plan_xml_child(pNum, "numId"), "val");
    return !zId || strcmp(zId, "0") != 0;
  }
  const char *zStyle =
      plan_xml_attr(pArena, plan_xml_child(pPr, "pStyle"), "val");
  if (!zStyle) return 0;
  /* "ListParagraph", "Prrafodelista" (Spanish Word), "ListBullet",
  ** "Vietas". */
  return strstr(zStyle, "List") || strstr(zStyle, "list") ||
         strstr(zStyle, "Prrafodelista") || strstr(zStyle, "Vieta");
}

static void para_into_cell(Arena *pArena, const xmlNode *pP, PlanCell *pCell) {
  Buf b;
  buf_init(&b, pArena);
  run_text(pP, &b, 0);
  plan_cell_add_plain(pArena, pCell, buf_str(&b), para_is_item(pArena, pP));
}

/* The paragraphs of a cell (and of tables nested in it) into pCell. */
static void cell_content(Arena *pArena, const xmlNode *pNode, PlanCell *pCell,
                         int nDepth) {
  for (const xmlNode *c = pNode->children; c && nDepth < DOCX_DEPTH_MAX;
       c = c->next) {
    if (plan_xml_is(c, "p")) {
      para_into_cell(pArena, c, pCell);
    } else if (c->type == XML_ELEMENT_NODE && !skipped(c)) {
      cell_content(pArena, c, pCell, nDepth + 1); /* tbl, tr, tc, sdt… */
    }
  }
}

static int attr_int(Arena *pArena, const xmlNode *n, const char *zChild,
                    int iDefault) {
  const char *z = plan_xml_attr(pArena, plan_xml_child(n, zChild), "val");
  int v = z ? atoi(z) : iDefault;
  return v >= 1 && v <= DOCX_COLS_MAX ? v : iDefault;
}

typedef struct DocxReader {
  PlanZip *pZip;
  PlanSource *pOut;
  int nPara;  /* Body paragraphs so far, for "Párrafo N" */
  int nTable; /* Tables so far, for "Tabla N" */
} DocxReader;

/* The rows of a w:tbl (rows inside w:sdt or w:customXml too). */
static void table_rows(DocxReader *r, const xmlNode *pTbl, PlanBlock *pBlock,
                       PlanCell *aAbove, int *piRow, int nDepth) {
  Arena *pArena = r->pZip->pArena;
  for (const xmlNode *pTr = pTbl->children; pTr && nDepth < DOCX_DEPTH_MAX;
       pTr = pTr->next) {
    if (!plan_xml_is(pTr, "tr")) {
      if (pTr->type == XML_ELEMENT_NODE && !skipped(pTr))
        table_rows(r, pTr, pBlock, aAbove, piRow, nDepth + 1);
      continue;
    }
    (*piRow)++;
    PlanRow *pRow = plan_block_add_row(
        r->pOut, pBlock,
        arena_printf(pArena, "Tabla %d, fila %d", r->nTable, *piRow));
    int iCol = 0;
    const xmlNode *pTrPr = plan_xml_child(pTr, "trPr");
    for (int k = attr_int(pArena, pTrPr, "gridBefore", 0); k > 0; k--, iCol++)
      plan_row_add_cell(r->pOut, pRow);
    for (const xmlNode *pTc = pTr->children; pTc; pTc = pTc->next) {
      const xmlNode *pCellNode = pTc;
      if (plan_xml_is(pTc, "sdt"))
        pCellNode = plan_xml_child(plan_xml_child(pTc, "sdtContent"), "tc");
      if (!plan_xml_is(pCellNode, "tc")) continue;
      const xmlNode *pTcPr = plan_xml_child(pCellNode, "tcPr");
      int nSpan = attr_int(pArena, pTcPr, "gridSpan", 1);
      const xmlNode *pMerge = plan_xml_child(pTcPr, "vMerge");
      const char *zMerge = pMerge ? plan_xml_attr(pArena, pMerge, "val") : NULL;
      int bContinue = pMerge && (!zMerge || strcmp(zMerge, "continue") == 0);
      PlanCell *pCell = plan_row_add_cell(r->pOut, pRow);
      if (bContinue && iCol < DOCX_COLS_MAX) {
        *pCell = aAbove[iCol];
        pCell->bCopy = 1;
      } else {
        cell_content(pArena, pCellNode, pCell, nDepth + 1);
        if (iCol < DOCX_COLS_MAX) {
          aAbove[iCol] = *pCell;
          aAbove[iCol].bCopy = 0;
        }
      }
      iCol++;
      for (int k = 1; k < nSpan; k++, iCol++)
        plan_row_add_cell(r->pOut, pRow)->bSpanned = 1;
    }
  }
}

static void body_blocks(DocxReader *r, const xmlNode *pNode, int nDepth) {
  Arena *pArena = r->pZip->pArena;
  for (const xmlNode *c = pNode->children; c && nDepth < DOCX_DEPTH_MAX;
       c = c->next) {
    if (plan_xml_is(c, "p")) {
      r->nPara++;
      PlanCell cell;
      memset(&cell, 0, sizeof(cell));
      para_into_cell(pArena, c, &cell);
      if (cell.nPara == 0) continue;
      PlanBlock *b =
          plan_source_add(r->pOut, PLAN_BLOCK_TEXT,
                          arena_printf(pArena, "Párrafo %d", r->nPara));
      b->text = cell;
    } else if (plan_xml_is(c, "tbl")) {
      r->nTable++;
      PlanBlock *b =
          plan_source_add(r->pOut, PLAN_BLOCK_TABLE,
                          arena_printf(pArena, "Tabla %d", r->nTable));
      PlanCell *aAbove = arena_alloc(pArena, sizeof(PlanCell) * DOCX_COLS_MAX);
      int iRow = 0;
      table_rows(r, c, b, aAbove, &iRow, nDepth + 1);
    } else if (c->type == XML_ELEMENT_NODE && !skipped(c)) {
      body_blocks(r, c, nDepth + 1); /* sdt, sdtContent, customXml */
    }
  }
}

int plan_docx_read(PlanZip *p, PlanSource *pOut) {
  plan_source_init(pOut, p->pArena, "Word (.docx)");
  xmlDocPtr pDoc = plan_zip_xml(p, "word/document.xml", 1);
  if (!pDoc) return 1;
  xmlNode *pRoot = xmlDocGetRootElement(pDoc);
  xmlNode *pBody = plan_xml_child(pRoot, "body");
  if (!plan_xml_is(pRoot, "document") || !pBody) {
    xmlFreeDoc(pDoc);
    p->zErr =
        "El archivo está dañado: word/document.xml no tiene el cuerpo "
        "de un documento de Word (w:document/w:body).";
    return 1;
  }
  DocxReader r = {p, pOut, 0, 0};
  body_blocks(&r, pBody, 0);
  xmlFreeDoc(pDoc);
  return 0;
}
