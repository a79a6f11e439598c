/*
** The Excel (.xlsx) reader: each visible sheet of the workbook as one table
** (see plan_document.h), in the workbook's order: a cover sheet before the
** plan gives its title, and the plan is on whichever sheet has its header
** (a sheet after it goes on the plan only when it repeats the header).
**
** Sheets are the <sheet>s of xl/workbook.xml, found through
** xl/_rels/workbook.xml.rels; hidden ones are left out. Cell text comes
** from the shared strings
** (xl/sharedStrings.xml), inline strings or the value itself; a number
** with a date format (xl/styles.xml) is written as the date it is
** ("15-04-2025"), other numbers as Excel shows them without formatting.
** Line breaks in a cell are lines. A merged range (<mergeCell>) holds its
** value in its first column: the rows below repeat it, marked as copies,
** and the other columns stay empty, marked as spanned. Rows above the plan's
*header (title,
** introduction, objectives) go in the same table; the importer reads them
** as paragraphs.
*/
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/tz.h"
#include "import/plan_document.h"
#include "import/plan_zip.h"

#define MERGED_COPY 1
#define MERGED_SPANNED 2

typedef struct XlsxReader {
  PlanZip *pZip;
  Arena *pArena;
  const char **azShared; /* Shared strings */
  int nShared;
  int *abDateStyle; /* Per cell style (s="N"): DATE_DAY or DATE_MONTH when
                    ** it formats a date, else 0 */
  int nStyle;
  const char ***aazCell; /* [row][col] text, NULL when empty */
  int nRow, nCol;        /* Used extent */
} XlsxReader;

/* All text under n except phonetic runs (<rPh>). */
static void string_text(const xmlNode *n, Buf *pB) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || plan_xml_is(c, "rPh")) continue;
    if (plan_xml_is(c, "t")) {
      xmlChar *v = xmlNodeGetContent(c);
      if (v) buf_puts(pB, (const char *)v);
      xmlFree(v);
    } else {
      string_text(c, pB);
    }
  }
}

static int read_shared(XlsxReader *x) {
  xmlDocPtr pDoc = plan_zip_xml(x->pZip, "xl/sharedStrings.xml", 0);
  if (!pDoc) return x->pZip->zErr ? 1 : 0; /* absent is fine */
  int nAlloc = 0;
  xmlNode *pRoot = xmlDocGetRootElement(pDoc);
  for (xmlNode *si = pRoot ? pRoot->children : NULL; si; si = si->next) {
    if (!plan_xml_is(si, "si")) continue;
    Buf b;
    buf_init(&b, x->pArena);
    string_text(si, &b);
    x->azShared =
        arena_grow(x->pArena, x->azShared, x->nShared, &nAlloc, sizeof(char *));
    x->azShared[x->nShared++] = buf_str(&b);
  }
  xmlFreeDoc(pDoc);
  return 0;
}

/* What an Excel number format shows: DATE_DAY for a date (one of the
** built-in date formats, or a code with days or years outside quotes and
** brackets), DATE_MONTH for a month of a year («mmm-yy», built-in 17: what
** Excel makes of «marzo 2026» typed in a cell), 0 for anything else. */
#define DATE_DAY 1
#define DATE_MONTH 2
static int format_is_date(int iId, const char *zCode) {
  if (iId == 17) return DATE_MONTH;
  if ((iId >= 14 && iId <= 22) || (iId >= 27 && iId <= 36) ||
      (iId >= 45 && iId <= 47) || (iId >= 50 && iId <= 58))
    return DATE_DAY;
  if (!zCode) return 0;
  int bQuote = 0, bBracket = 0, bDay = 0, bYear = 0;
  for (const char *z = zCode; *z; z++) {
    if (*z == '"') bQuote = !bQuote;
    if (bQuote) continue;
    if (*z == '[') bBracket = 1;
    if (*z == ']') bBracket = 0;
    if (bBracket) continue;
    if (*z == '\\') {
      if (z[1]) z++;
      continue;
    }
    bDay |= *z == 'd' || *z == 'D';
    bYear |= *z == 'y' || *z == 'Y';
  }
  return bDay ? DATE_DAY : bYear ? DATE_MONTH : 0;
}

static int read_styles(XlsxReader *x) {
  xmlDocPtr pDoc = plan_zip_xml(x->pZip, "xl/styles.xml", 0);
  if (!pDoc) return x->pZip->zErr ? 1 : 0;
  xmlNode *pRoot = xmlDocGetRootElement(pDoc);
  xmlNode *pFmts = plan_xml_child(pRoot, "numFmts");
  xmlNode *pXfs = plan_xml_child(pRoot, "cellXfs");
  int nAlloc = 0;
  for (xmlNode *xf = pXfs ? pXfs->children : NULL; xf; xf = xf->next) {
    if (!plan_xml_is(xf, "xf")) continue;
    const char *zId = plan_xml_attr(x->pArena, xf, "numFmtId");
    int iId = zId ? atoi(zId) : 0;
    const char *zCode = NULL;
    for (xmlNode *f = pFmts ? pFmts->children : NULL; f; f = f->next) {
      const char *zFid = plan_xml_attr(x->pArena, f, "numFmtId");
      if (plan_xml_is(f, "numFmt") && zFid && atoi(zFid) == iId)
        zCode = plan_xml_attr(x->pArena, f, "formatCode");
    }
    x->abDateStyle =
        arena_grow(x->pArena, x->abDateStyle, x->nStyle, &nAlloc, sizeof(int));
    x->abDateStyle[x->nStyle++] = format_is_date(iId, zCode);
  }
  xmlFreeDoc(pDoc);
  return 0;
}

/* A sheet of the workbook: its name and the path of its XML. */
typedef struct XlsxSheet {
  const char *zName;
  const char *zPath;
} XlsxSheet;

/* The visible sheets, in the workbook's order (PLAN_DOC_XLSX_SHEETS_MAX at
** most) into aSheet; how many, or -1 with the reason in x->pZip->zErr. */
static int workbook_sheets(XlsxReader *x, XlsxSheet *aSheet) {
  xmlDocPtr pBook = plan_zip_xml(x->pZip, "xl/workbook.xml", 1);
  if (!pBook) return -1;
  xmlDocPtr pRels = plan_zip_xml(x->pZip, "xl/_rels/workbook.xml.rels", 1);
  if (!pRels) {
    xmlFreeDoc(pBook);
    return -1;
  }
  xmlNode *pSheets = plan_xml_child(xmlDocGetRootElement(pBook), "sheets");
  xmlNode *pRelsRoot = xmlDocGetRootElement(pRels);
  int n = 0, nAny = 0;
  for (xmlNode *s = pSheets ? pSheets->children : NULL;
       s && n < PLAN_DOC_XLSX_SHEETS_MAX; s = s->next) {
    if (!plan_xml_is(s, "sheet")) continue;
    nAny++;
    const char *zRid = plan_xml_attr(x->pArena, s, "id");
    const char *zState = plan_xml_attr(x->pArena, s, "state");
    if (!zRid || (zState && strcmp(zState, "visible") != 0)) continue;
    const char *zTarget = NULL;
    for (xmlNode *r = pRelsRoot ? pRelsRoot->children : NULL; r; r = r->next) {
      const char *zId = plan_xml_attr(x->pArena, r, "Id");
      if (plan_xml_is(r, "Relationship") && zId && strcmp(zId, zRid) == 0)
        zTarget = plan_xml_attr(x->pArena, r, "Target");
    }
    if (!zTarget) continue;
    aSheet[n].zName = plan_xml_attr(x->pArena, s, "name");
    aSheet[n].zPath = zTarget[0] == '/'
                          ? zTarget + 1
                          : arena_printf(x->pArena, "xl/%s", zTarget);
    n++;
  }
  xmlFreeDoc(pRels);
  xmlFreeDoc(pBook);
  if (n == 0) {
    x->pZip->zErr =
        nAny ? "La planilla está dañada: sus hojas no aparecen en "
               "xl/_rels/workbook.xml.rels."
             : "La planilla no tiene hojas (xl/workbook.xml no nombra "
               "ninguna).";
    return -1;
  }
  return n;
}

/* "C12" into a 0-based column and row; 0 when it is no cell reference. */
static int cell_ref(const char *z, int *piCol, int *piRow) {
  int iCol = 0, iRow = 0, nLetter = 0;
  for (; *z >= 'A' && *z <= 'Z' && nLetter < 4; z++, nLetter++)
    iCol = iCol * 26 + (*z - 'A' + 1);
  for (; *z >= '0' && *z <= '9' && iRow < 10000000; z++)
    iRow = iRow * 10 + (*z - '0');
  if (!nLetter || !iRow || *z) return 0;
  *piCol = iCol - 1;
  *piRow = iRow - 1;
  return 1;
}

/* An Excel date serial (days since 1899-12-30) as "15-04-2025", or with
** eKind DATE_MONTH as "marzo 2026". */
static const char *serial_date(Arena *pArena, double rSerial, int eKind) {
  static const char *const azMonth[] = {
      "enero", "febrero", "marzo",      "abril",   "mayo",      "junio",
      "julio", "agosto",  "septiembre", "octubre", "noviembre", "diciembre"};
  int y, m, d; /* The serial counts from 1899-12-30, 25569 days before 1970 */
  tz_civil_from_days((int64_t)rSerial - 25569, &y, &m, &d);
  if (eKind == DATE_MONTH)
    return arena_printf(pArena, "%s %04d", azMonth[(m - 1) % 12], y);
  return arena_printf(pArena, "%02d-%02d-%04d", d, m, y);
}

/* The text of one <c>. */
static const char *cell_value(XlsxReader *x, const xmlNode *c) {
  const char *zType = plan_xml_attr(x->pArena, c, "t");
  if (zType && strcmp(zType, "inlineStr") == 0) {
    Buf b;
    buf_init(&b, x->pArena);
    string_text(plan_xml_child(c, "is") ? plan_xml_child(c, "is") : c, &b);
    return buf_str(&b);
  }
  xmlNode *pV = plan_xml_child(c, "v");
  if (!pV) return NULL;
  xmlChar *v = xmlNodeGetContent(pV);
  const char *zV = arena_strdup(x->pArena, v ? (const char *)v : "");
  xmlFree(v);
  if (zType && strcmp(zType, "s") == 0) {
    int i = atoi(zV);
    return i >= 0 && i < x->nShared ? x->azShared[i] : NULL;
  }
  if (zType && strcmp(zType, "e") == 0) return NULL; /* #N/A, #REF! */
  if (zType && strcmp(zType, "b") == 0)
    return strcmp(zV, "1") == 0 ? "VERDADERO" : "FALSO";
  if (zType && strcmp(zType, "str") == 0) return zV;
  char *zEnd;
  double r = strtod(zV, &zEnd);
  if (zEnd == zV || *zEnd) return zV;
  const char *zStyle = plan_xml_attr(x->pArena, c, "s");
  int iStyle = zStyle ? atoi(zStyle) : 0;
  if (iStyle >= 0 && iStyle < x->nStyle && x->abDateStyle[iStyle] && r >= 1 &&
      r < 2958466)
    return serial_date(x->pArena, r, x->abDateStyle[iStyle]);
  if (r == (double)(long long)r && r > -1e15 && r < 1e15)
    return arena_printf(x->pArena, "%lld", (long long)r);
  return arena_printf(x->pArena, "%.15g", r);
}

static void put_cell(XlsxReader *x, int iRow, int iCol, const char *z) {
  if (!z || !*z || iRow >= PLAN_DOC_XLSX_ROWS_MAX ||
      iCol >= PLAN_DOC_XLSX_COLS_MAX)
    return;
  if (!x->aazCell[iRow]) {
    x->aazCell[iRow] =
        arena_alloc(x->pArena, sizeof(char *) * PLAN_DOC_XLSX_COLS_MAX);
  }
  x->aazCell[iRow][iCol] = z;
  if (iRow + 1 > x->nRow) x->nRow = iRow + 1;
  if (iCol + 1 > x->nCol) x->nCol = iCol + 1;
}

static int read_sheet(XlsxReader *x, const char *zPath, xmlNode **ppMerge,
                      xmlDocPtr *ppDoc) {
  xmlDocPtr pDoc = plan_zip_xml(x->pZip, zPath, 1);
  if (!pDoc) return 1;
  xmlNode *pRoot = xmlDocGetRootElement(pDoc);
  xmlNode *pData = plan_xml_child(pRoot, "sheetData");
  x->aazCell = arena_alloc(x->pArena, sizeof(char **) * PLAN_DOC_XLSX_ROWS_MAX);
  int iNextRow = 0;
  for (xmlNode *r = pData ? pData->children : NULL; r; r = r->next) {
    if (!plan_xml_is(r, "row")) continue;
    const char *zR = plan_xml_attr(x->pArena, r, "r");
    int iRow = zR ? atoi(zR) - 1 : iNextRow;
    if (iRow < 0) iRow = iNextRow;
    iNextRow = iRow + 1;
    int iNextCol = 0;
    for (xmlNode *c = r->children; c; c = c->next) {
      if (!plan_xml_is(c, "c")) continue;
      const char *zRef = plan_xml_attr(x->pArena, c, "r");
      int iCol = iNextCol, iRefRow;
      if (zRef && !cell_ref(zRef, &iCol, &iRefRow)) iCol = iNextCol;
      iNextCol = iCol + 1;
      put_cell(x, iRow, iCol, cell_value(x, c));
    }
  }
  *ppMerge = plan_xml_child(pRoot, "mergeCells");
  *ppDoc = pDoc;
  return 0;
}

/* One sheet into a table block of pOut. */
static int sheet_block(XlsxReader *x, const XlsxSheet *pSheet,
                       PlanSource *pOut) {
  x->nRow = x->nCol = 0;
  xmlNode *pMerges = NULL;
  xmlDocPtr pDoc = NULL;
  if (read_sheet(x, pSheet->zPath, &pMerges, &pDoc)) return 1;
  /* What a merged range makes of each cell: [row][col] is MERGED_COPY (its
  ** first column, in the rows below the first) or MERGED_SPANNED (the
  ** columns after the first). */
  char **aabCopy =
      arena_alloc(x->pArena, sizeof(char *) * (size_t)(x->nRow + 1));
  for (xmlNode *m = pMerges ? pMerges->children : NULL; m; m = m->next) {
    const char *zRef = plan_xml_attr(x->pArena, m, "ref");
    const char *zColon = zRef ? strchr(zRef, ':') : NULL;
    int c1, r1, c2, r2;
    if (!plan_xml_is(m, "mergeCell") || !zColon ||
        !cell_ref(arena_strndup(x->pArena, zRef, (size_t)(zColon - zRef)), &c1,
                  &r1) ||
        !cell_ref(zColon + 1, &c2, &r2) || r1 >= x->nRow ||
        c1 >= PLAN_DOC_XLSX_COLS_MAX)
      continue;
    const char *zValue = x->aazCell[r1] ? x->aazCell[r1][c1] : NULL;
    for (int r = r1; r <= r2 && r < x->nRow; r++) {
      if (!aabCopy[r])
        aabCopy[r] = arena_alloc(x->pArena, PLAN_DOC_XLSX_COLS_MAX);
      if (r > r1 && zValue) {
        put_cell(x, r, c1, zValue);
        aabCopy[r][c1] = MERGED_COPY;
      }
      for (int c = c1 + 1; c <= c2 && c < PLAN_DOC_XLSX_COLS_MAX; c++)
        aabCopy[r][c] = MERGED_SPANNED;
    }
  }
  xmlFreeDoc(pDoc);
  const char *zName = pSheet->zName ? pSheet->zName : "1";
  PlanBlock *b = plan_source_add(pOut, PLAN_BLOCK_TABLE,
                                 arena_printf(x->pArena, "Hoja «%s»", zName));
  b->bSheet = 1;
  for (int r = 0; r < x->nRow; r++) {
    PlanRow *pRow = plan_block_add_row(
        pOut, b, arena_printf(x->pArena, "Hoja «%s», fila %d", zName, r + 1));
    for (int c = 0; c < x->nCol; c++) {
      PlanCell *pCell = plan_row_add_cell(pOut, pRow);
      const char *z = x->aazCell[r] ? x->aazCell[r][c] : NULL;
      if (z) plan_cell_add_plain(x->pArena, pCell, z, 0);
      pCell->bCopy = aabCopy[r] && aabCopy[r][c] == MERGED_COPY;
      pCell->bSpanned = aabCopy[r] && aabCopy[r][c] == MERGED_SPANNED;
    }
  }
  return 0;
}

int plan_xlsx_read(PlanZip *p, PlanSource *pOut) {
  plan_source_init(pOut, p->pArena, "Excel (.xlsx)");
  XlsxReader x;
  memset(&x, 0, sizeof(x));
  x.pZip = p;
  x.pArena = p->pArena;
  XlsxSheet aSheet[PLAN_DOC_XLSX_SHEETS_MAX];
  int nSheet;
  if (read_shared(&x) || read_styles(&x) ||
      (nSheet = workbook_sheets(&x, aSheet)) < 0)
    return 1;
  /* Every visible sheet, in order: a cover before the plan gives its title,
  ** and the plan is found on whichever sheet has its header. */
  for (int i = 0; i < nSheet; i++) {
    if (sheet_block(&x, &aSheet[i], pOut)) return 1;
  }
  return 0;
}
