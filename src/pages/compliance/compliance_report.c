/*
** The Informe de cumplimiento downloads, computed as the dashboard is
** (compliance_page_view) for the same ?as_of=.
**
**   GET /informe-cumplimiento.pdf[?as_of=][&version=N]  (signed in; the
**       plan of that day, or approved version N) the report: cover,
**       summary, a section per line with its activities, evidence (photo
**       thumbnails) and what is missing
**   GET /informe-cumplimiento.xlsx[?as_of=]  (signed in) sheets Resumen,
**       Actividades and Verificadores
**   GET /informe-cumplimiento.zip[?as_of=]   (signed in) the report PDF,
**       then every evidence file in force as
**       linea-NN/aaaa-mm-dd-titulo/archivo, with the approved acta and the
**       attendance sheet of each activity that has them as PDFs beside
**       its files, and indice.csv naming every other file (line,
**       activity, date, kind, file, sha256, origin); soft-deleted items
**       are left out
**
** This file loads what the report shows beyond the engine's result (each
** activity's evidence items, photo thumbnails, provinces) and hands it to
** src/export/compliance_report.h; the layout is there.
*/
#include <sodium.h>
#include <string.h>

#include "store/accounts/accounts.h"
#include "store/evidence/evidence_derivatives.h"
#include "store/evidence/evidence_store.h"
#include "export/compliance_report.h"
#include "export/zip_archive.h"
#include "pages/compliance/compliance_pages.h"
#include "pages/evidence/evidence_pages.h"
#include "pages/page_cache.h"
#include "pages/meetings/meetings_pages.h"
#include "store/people/people.h"

#define ZIP_REPORT_NAME "informe-cumplimiento.pdf"
#define ZIP_INDEX_NAME "indice.csv"
#define ZIP_ACTA_NAME "acta-aprobada.pdf"
#define ZIP_SHEET_NAME "hoja-de-asistencia.pdf"
#define ZIP_NOTICE_NAME "citacion-enviada.pdf"
#define ZIP_ORIGIN_UPLOADED "subido"
#define ZIP_ORIGIN_SYSTEM "generado por el sistema"
#define ZIP_SLUG_MAX 60 /* Bytes of a folder or file name part */
#define ZIP_EXT_MAX 10  /* Bytes of a file extension */

/* ---- What the report shows of each activity ---- */

/* The evidence of activity c as the report lists it, as recorded by tCut:
** uploaded items (a photo with its thumbnail when bThumbs), then what the
** system made (the notice it sent, the attendance sheet, the acta). */
static int report_activity_load(Request *r, const TerritoryIndex *pTerr,
                                const ComplianceActivity *c, int bThumbs,
                                int64_t tCut, ComplianceReportActivity *pX) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  EvidenceItem *aItem = NULL;
  int nItem = 0;
  EvidenceSystem sys;
  if (evidence_list(pDb, pArena, c->iId, 0, &aItem, &nItem) != DB_OK ||
      evidence_system(pDb, c->iId, tCut, &sys) != DB_OK) {
    return DB_ERROR;
  }
  ComplianceReportEvidence *aE = arena_alloc(
      pArena, sizeof(ComplianceReportEvidence) * (size_t)(nItem + 3));
  memset(aE, 0, sizeof(ComplianceReportEvidence) * (size_t)(nItem + 3));
  int n = 0;
  for (int i = 0; i < nItem; i++) {
    const EvidenceItem *e = &aItem[i];
    if (e->iUploaded > tCut) continue; /* Not there yet on that day */
    char zDay[PLAN_DATE_SIZE];
    compliance_local_date(e->iUploaded, zDay);
    ComplianceReportEvidence *x = &aE[n++];
    x->zKind = e->zKind;
    x->zFilename = e->zFilename;
    x->zUploader = e->zUploader;
    x->zUploaded = arena_strdup(pArena, zDay);
    x->bPublic = e->bPublic;
    x->zSha256 = e->zSha256;
    /* The thumbnail stored with the photo (made now for an older one);
    ** a photo libvips cannot read keeps its row, only no picture. */
    PhotoImage thumb;
    int rc = bThumbs && photo_public_needed(e->zMime)
                 ? evidence_thumbnail(pDb, pArena, e->zSha256, &thumb)
                 : DB_DONE;
    if (rc == DB_ERROR) return DB_ERROR;
    if (rc == DB_OK) {
      x->pThumb = thumb.pData;
      x->nThumb = thumb.nData;
      x->zThumbMime = thumb.zMime;
      x->nThumbWidth = thumb.nWidth;
      x->nThumbHeight = thumb.nHeight;
    }
  }
  if (sys.bNotice) aE[n++].zKind = EVIDENCE_KIND_CITATION;
  if (sys.bAttendance) aE[n++].zKind = EVIDENCE_KIND_ATTENDANCE;
  if (sys.bActa) aE[n++].zKind = EVIDENCE_KIND_ACTA;
  pX->iId = c->iId;
  pX->nEvidence = n;
  pX->aEvidence = aE;
  const TerritoryCommune *pC = c->zCommune && *c->zCommune
                                   ? territory_index_code(pTerr, c->zCommune)
                                   : NULL;
  pX->zProvince = pC ? pC->zProvinceName : NULL;
  return DB_OK;
}

/* The view as on ?as_of= and the report's info; answers and returns 0 on
** failure. Only activities linked to a line are shown, so only theirs
** are loaded. */
static int report_load(Request *r, ComplianceView *pV, int bThumbs,
                       ComplianceReportInfo *pInfo) {
  const char *zErr = NULL;
  int rc = compliance_page_view(r, request_query(r, "as_of"), pV, &zErr);
  if (rc != 0) {
    respond_error(r, rc, zErr);
    return 0;
  }
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  memset(pInfo, 0, sizeof(*pInfo));
  pInfo->zCouncil = page_council(r) ? page_council(r)->zName : NULL;
  pInfo->iPlanVersion = pV->info.iNumber;
  char zToday[PLAN_DATE_SIZE];
  compliance_today(zToday);
  pInfo->zProduced = arena_strdup(pArena, zToday);
  TerritoryIndex terr;
  if (territory_index_load(pDb, pArena, &terr) != DB_OK) {
    respond_error(r, 500, NULL);
    return 0;
  }
  ComplianceReportActivity *aX = arena_alloc(
      pArena, sizeof(ComplianceReportActivity) * (size_t)(pV->nAct + 1));
  int nX = 0;
  for (int i = 0; i < pV->nAct; i++) {
    if (pV->aAct[i].nLine == 0) continue;
    if (report_activity_load(r, &terr, &pV->aAct[i], bThumbs, pV->tCut,
                             &aX[nX++]) != DB_OK) {
      respond_error(r, 500, NULL);
      return 0;
    }
  }
  pInfo->nActivity = nX;
  pInfo->aActivity = aX;
  return 1;
}

/* A download named after the day the report is computed for. */
static const char *report_disposition(Request *r, const ComplianceView *pV,
                                      const char *zExt) {
  return arena_printf(request_arena(r),
                      "attachment; filename=\"informe-cumplimiento-%s.%s\"",
                      pV->result.zAsOf, zExt);
}

/* The render cache's key for a report (page_cache.h): computed as on
** ?as_of= for ?version= (checked on a miss: an error is never kept) and
** dated today. */
static const char *report_cache_key(Request *r, const char *zExt) {
  return page_cache_compliance_key(
      r, arena_printf(request_arena(r), "informe-cumplimiento.%s", zExt));
}

/* What makes a report's bytes: compliance_report_pdf or _xlsx. */
typedef int (*ReportMaker)(Arena *pArena, const PlanDoc *pPlan,
                           const ComplianceResult *pResult,
                           const ComplianceReportInfo *pInfo,
                           const char **ppOut, size_t *pnOut, char *zErr,
                           size_t nErr);

/* Answers a report download from the render cache, or makes it with xMake
** (bEvidence: the evidence lists are loaded too) and keeps it. */
static void report_download(Request *r, const char *zExt, const char *zType,
                            int bEvidence, ReportMaker xMake) {
  const char *zKey = report_cache_key(r, zExt);
  int64_t iVersion = -1;
  if (page_cache_answer(r, zKey, &iVersion)) return;
  ComplianceView v;
  ComplianceReportInfo info;
  if (!report_load(r, &v, bEvidence, &info)) return;
  const char *pOut = NULL;
  size_t nOut = 0;
  char zErr[200] = "";
  if (xMake(request_arena(r), &v.doc, &v.result, &info, &pOut, &nOut, zErr,
            sizeof(zErr)) != EXPORT_OK) {
    respond_error(r, 500, zErr);
    return;
  }
  page_cache_respond_bytes(r, zKey, iVersion, zType,
                           report_disposition(r, &v, zExt), pOut, nOut);
}

void page_compliance_pdf(Request *r) {
  report_download(r, "pdf", EXPORT_PDF_TYPE, 1, compliance_report_pdf);
}

void page_compliance_xlsx(Request *r) {
  report_download(r, "xlsx", EXPORT_XLSX_TYPE, 0, compliance_report_xlsx);
}

/* ---- The ZIP ---- */

/* An ASCII name part: Spanish letters without their accents, lower case;
** anything else but digits becomes '-', runs of them one, none at either
** end; at most nMax bytes; "sin-nombre" when nothing is left. So a title
** can never climb out of its folder ("..", "/") or upset an old unzip. */
static const char *zip_slug(Arena *pArena, const char *z, size_t nMax) {
  /* Latin-1 supplement letters (second byte after 0xC3) and their base. */
  static const char azFold[64] =
      "AAAAAAACEEEEIIIIDNOOOOO-OUUUUYTsaaaaaaaceeeeiiiidnooooo-ouuuuyty";
  char *zOut = arena_alloc(pArena, nMax + 1);
  size_t n = 0;
  for (const unsigned char *p = (const unsigned char *)(z ? z : "");
       *p && n < nMax; p++) {
    char c = '-';
    if (p[0] == 0xC3 && p[1] >= 0x80 && p[1] < 0xC0) {
      c = azFold[p[1] - 0x80];
      p++;
    } else if (*p < 0x80) {
      c = (char)*p;
    }
    if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) c = '-';
    if (c == '-' && (n == 0 || zOut[n - 1] == '-')) continue;
    zOut[n++] = c;
  }
  while (n > 0 && zOut[n - 1] == '-') n--;
  zOut[n] = 0;
  return n ? zOut : "sin-nombre";
}

/* "foto-de-la-sesion.jpg" from "Foto de la sesión.JPG". */
static const char *zip_file_name(Arena *pArena, const char *zName) {
  const char *zDot = zName ? strrchr(zName, '.') : NULL;
  if (!zDot || zDot == zName) return zip_slug(pArena, zName, ZIP_SLUG_MAX);
  const char *zStem = arena_strndup(pArena, zName, (size_t)(zDot - zName));
  const char *zExt = zip_slug(pArena, zDot + 1, ZIP_EXT_MAX);
  return arena_printf(pArena, "%s.%s", zip_slug(pArena, zStem, ZIP_SLUG_MAX),
                      zExt);
}

static const char *sha256_hex(Arena *pArena, const void *pData, size_t nData) {
  unsigned char aHash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(aHash, pData, nData);
  char *z = arena_alloc(pArena, 2 * sizeof(aHash) + 1);
  sodium_bin2hex(z, 2 * sizeof(aHash) + 1, aHash, sizeof(aHash));
  return z;
}

/* The archive being built and its index: one row of ZIP_INDEX_COLS cells
** per file. */
#define ZIP_INDEX_COLS 7
typedef struct ZipBuild {
  Request *r;          /* For the database and the arena */
  ZipArchive *pZip;    /* The archive */
  int nRow;            /* Index rows used */
  int nAlloc;          /* Index rows allocated */
  const char **azCell; /* nRow * ZIP_INDEX_COLS cells (arena) */
} ZipBuild;

/* The index column holding the path inside the archive. */
#define ZIP_INDEX_PATH 4

/* True if zPath is already in the archive. */
static int zip_has(const ZipBuild *pB, const char *zPath) {
  for (int i = 0; i < pB->nRow; i++) {
    if (strcmp(pB->azCell[i * ZIP_INDEX_COLS + ZIP_INDEX_PATH], zPath) == 0) {
      return 1;
    }
  }
  return 0;
}

/* Adds file zFolder/zName ("" folder: the top), renamed "2-name", "3-name"
** … when taken, and its index row (line, activity, date, kind, path,
** sha256 of the bytes, origin). EXPORT_OK or EXPORT_ERROR. */
/* An uploaded file, read from the database only when the archive is
** written (zip_archive_add_lazy), so the bundle never holds every photo in
** memory at once. */
typedef struct ZipStoredFile {
  Db *pDb;
  const char *zSha256;
} ZipStoredFile;

static int zip_load_stored(void *pCtx, Arena *pArena, const void **ppData,
                           size_t *pnData) {
  const ZipStoredFile *p = pCtx;
  return evidence_bytes(p->pDb, pArena, p->zSha256, ppData, pnData) == DB_OK
             ? 0
             : -1;
}

static int zip_put_row(ZipBuild *pB, const char *zPath, const char *zSha256,
                       const char *zLine, const char *zActivity,
                       const char *zDate, const char *zKind,
                       const char *zOrigin);

/* A free path for zFolder/zName: "2-name", "3-name" … when taken. */
static const char *zip_free_path(ZipBuild *pB, const char *zFolder,
                                 const char *zName) {
  Arena *pArena = request_arena(pB->r);
  const char *zSep = *zFolder ? "/" : "";
  const char *zPath = arena_printf(pArena, "%s%s%s", zFolder, zSep, zName);
  for (int i = 2; zip_has(pB, zPath) || strcmp(zPath, ZIP_INDEX_NAME) == 0;
       i++) {
    zPath = arena_printf(pArena, "%s%s%d-%s", zFolder, zSep, i, zName);
  }
  return zPath;
}

/* zip_put() for an uploaded file: its bytes stay in the database until
** the archive is written; the index takes the stored sha256. */
static int zip_put_stored(ZipBuild *pB, const char *zFolder,
                          const EvidenceItem *e, const char *zLine,
                          const char *zActivity, const char *zDate) {
  Arena *pArena = request_arena(pB->r);
  const char *zPath = zip_free_path(
      pB, zFolder,
      zip_file_name(pArena,
                    evidence_download_name(pArena, e->zFilename, e->zMime)));
  ZipStoredFile *pCtx = arena_alloc(pArena, sizeof(*pCtx));
  pCtx->pDb = request_db(pB->r);
  pCtx->zSha256 = e->zSha256;
  if (zip_archive_add_lazy(pB->pZip, zPath, e->nSize, zip_load_stored, pCtx) !=
      EXPORT_OK) {
    return EXPORT_ERROR;
  }
  return zip_put_row(pB, zPath, e->zSha256, zLine, zActivity, zDate, e->zKind,
                     ZIP_ORIGIN_UPLOADED);
}

static int zip_put(ZipBuild *pB, const char *zFolder, const char *zName,
                   const void *pData, size_t nData, const char *zLine,
                   const char *zActivity, const char *zDate, const char *zKind,
                   const char *zOrigin) {
  Arena *pArena = request_arena(pB->r);
  const char *zPath = zip_free_path(pB, zFolder, zName);
  if (zip_archive_add(pB->pZip, zPath, pData, nData) != EXPORT_OK) {
    return EXPORT_ERROR;
  }
  return zip_put_row(pB, zPath, sha256_hex(pArena, pData, nData), zLine,
                     zActivity, zDate, zKind, zOrigin);
}

/* The index row of a file just added: line, activity, date, kind, path,
** sha256 of the bytes, origin. */
static int zip_put_row(ZipBuild *pB, const char *zPath, const char *zSha256,
                       const char *zLine, const char *zActivity,
                       const char *zDate, const char *zKind,
                       const char *zOrigin) {
  Arena *pArena = request_arena(pB->r);
  /* One element is a row of ZIP_INDEX_COLS cells. */
  pB->azCell = arena_grow(pArena, pB->azCell, pB->nRow, &pB->nAlloc,
                          sizeof(char *) * ZIP_INDEX_COLS);
  const char *azRow[ZIP_INDEX_COLS] = {zLine, zActivity, zDate,  zKind,
                                       zPath, zSha256,   zOrigin};
  memcpy(&pB->azCell[pB->nRow * ZIP_INDEX_COLS], azRow, sizeof(azRow));
  pB->nRow++;
  return EXPORT_OK;
}

/* The PDFs the system made for an activity, made once even when it is on
** several lines. */
typedef struct ZipSystemPdfs {
  int bDone;                     /* Looked up already */
  const char *pActa, *pSheet;    /* Bytes, or NULL when there is none */
  const char *pNotice;           /* The notice cosoc sent, or NULL */
  size_t nActa, nSheet, nNotice; /* Their sizes */
} ZipSystemPdfs;

static int zip_system_pdfs(Request *r, const ComplianceActivity *c,
                           int64_t tCut, ZipSystemPdfs *pS) {
  if (pS->bDone) return EXPORT_OK;
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  EvidenceSystem sys;
  if (evidence_system(pDb, c->iId, tCut, &sys) != DB_OK) {
    return EXPORT_ERROR;
  }
  if (sys.bActa && actas_pdf_bytes(pDb, pArena, page_council(r), c->iId,
                                   &pS->pActa, &pS->nActa) == DB_ERROR) {
    return EXPORT_ERROR;
  }
  if (sys.bAttendance &&
      attendance_sheet_bytes(pDb, pArena, page_council(r), c->iId, &pS->pSheet,
                             &pS->nSheet) == DB_ERROR) {
    return EXPORT_ERROR;
  }
  if (sys.bNotice && notice_pdf_bytes(pDb, pArena, page_council(r), c->iId,
                                      &pS->pNotice, &pS->nNotice) == DB_ERROR) {
    return EXPORT_ERROR;
  }
  pS->bDone = 1;
  return EXPORT_OK;
}

/* Adds activity c's files under folder zLine ("linea-04"). EXPORT_OK or
** EXPORT_ERROR. */
static int zip_add_activity(ZipBuild *pB, const char *zLine,
                            const char *zLineCol, const ComplianceActivity *c,
                            int64_t tCut, ZipSystemPdfs *pS) {
  Db *pDb = request_db(pB->r);
  Arena *pArena = request_arena(pB->r);
  EvidenceItem *aItem = NULL;
  int nItem = 0;
  if (evidence_list(pDb, pArena, c->iId, 0, &aItem, &nItem) != DB_OK ||
      zip_system_pdfs(pB->r, c, tCut, pS) != EXPORT_OK) {
    return EXPORT_ERROR;
  }
  const char *zDate = arena_printf(pArena, "%.10s", c->zDate);
  const char *zFolder = arena_printf(pArena, "%s/%s-%s", zLine, zDate,
                                     zip_slug(pArena, c->zTitle, ZIP_SLUG_MAX));
  const char *zTitle = c->zTitle ? c->zTitle : "";
  for (int i = 0; i < nItem; i++) {
    if (aItem[i].iUploaded > tCut) continue; /* Not there yet on that day */
    if (zip_put_stored(pB, zFolder, &aItem[i], zLineCol, zTitle, zDate) !=
        EXPORT_OK) {
      return EXPORT_ERROR;
    }
  }
  if (pS->pNotice &&
      zip_put(pB, zFolder, ZIP_NOTICE_NAME, pS->pNotice, pS->nNotice, zLineCol,
              zTitle, zDate, EVIDENCE_KIND_CITATION,
              ZIP_ORIGIN_SYSTEM) != EXPORT_OK) {
    return EXPORT_ERROR;
  }
  if (pS->pActa && zip_put(pB, zFolder, ZIP_ACTA_NAME, pS->pActa, pS->nActa,
                           zLineCol, zTitle, zDate, EVIDENCE_KIND_ACTA,
                           ZIP_ORIGIN_SYSTEM) != EXPORT_OK) {
    return EXPORT_ERROR;
  }
  if (pS->pSheet && zip_put(pB, zFolder, ZIP_SHEET_NAME, pS->pSheet, pS->nSheet,
                            zLineCol, zTitle, zDate, EVIDENCE_KIND_ATTENDANCE,
                            ZIP_ORIGIN_SYSTEM) != EXPORT_OK) {
    return EXPORT_ERROR;
  }
  return EXPORT_OK;
}

/* Every activity's files, line by line; an activity on two lines is in
** both folders, one on none under "sin-linea". */
static int zip_add_evidence(ZipBuild *pB, const ComplianceView *pV) {
  Arena *pArena = request_arena(pB->r);
  ZipSystemPdfs *aS =
      arena_alloc(pArena, sizeof(ZipSystemPdfs) * (size_t)(pV->nAct + 1));
  memset(aS, 0, sizeof(ZipSystemPdfs) * (size_t)(pV->nAct + 1));
  for (int l = 0; l <= pV->doc.nLine; l++) {
    int iLine = l < pV->doc.nLine ? pV->doc.aLine[l].iNumber : 0;
    const char *zLine =
        iLine ? arena_printf(pArena, "linea-%02d", iLine) : "sin-linea";
    const char *zLineCol = iLine ? arena_printf(pArena, "%d", iLine) : "";
    for (int i = 0; i < pV->nAct; i++) {
      const ComplianceActivity *c = &pV->aAct[i];
      int bIn = 0;
      for (int j = 0; j < c->nLine; j++) {
        if (c->aiLine[j] == iLine) bIn = 1;
      }
      if (!iLine) bIn = c->nLine == 0;
      if (bIn && zip_add_activity(pB, zLine, zLineCol, c, pV->tCut, &aS[i]) !=
                     EXPORT_OK) {
        return EXPORT_ERROR;
      }
    }
  }
  return EXPORT_OK;
}

static int zip_add_index(ZipBuild *pB) {
  static const char *const azHeader[ZIP_INDEX_COLS] = {
      "linea", "actividad", "fecha", "tipo", "archivo", "sha256", "origen"};
  ExportTable t;
  memset(&t, 0, sizeof(t));
  t.zTitle = "Índice de verificadores";
  t.nCol = ZIP_INDEX_COLS;
  t.azHeader = azHeader;
  t.nRow = pB->nRow;
  t.azCell = pB->azCell;
  const char *pCsv = NULL;
  size_t nCsv = 0;
  if (export_csv(request_arena(pB->r), &t, &pCsv, &nCsv) != EXPORT_OK) {
    return EXPORT_ERROR;
  }
  return zip_archive_add(pB->pZip, ZIP_INDEX_NAME, pCsv, nCsv);
}

void page_compliance_zip(Request *r) {
  ComplianceView v;
  ComplianceReportInfo info;
  if (!report_load(r, &v, 1, &info)) return;
  Arena *pArena = request_arena(r);
  const char *pPdf = NULL;
  size_t nPdf = 0;
  char zErr[200] = "";
  if (compliance_report_pdf(pArena, &v.doc, &v.result, &info, &pPdf, &nPdf,
                            zErr, sizeof(zErr)) != EXPORT_OK) {
    respond_error(r, 500, zErr);
    return;
  }
  ZipBuild b;
  memset(&b, 0, sizeof(b));
  b.r = r;
  b.pZip = zip_archive_new();
  if (!b.pZip) {
    respond_error(r, 500, NULL);
    return;
  }
  int rc =
      zip_put(&b, "", ZIP_REPORT_NAME, pPdf, nPdf, "", COMPLIANCE_REPORT_TITLE,
              v.result.zAsOf, "informe_cumplimiento", ZIP_ORIGIN_SYSTEM);
  if (rc == EXPORT_OK) rc = zip_add_evidence(&b, &v);
  if (rc == EXPORT_OK) rc = zip_add_index(&b);
  if (rc != EXPORT_OK) {
    zip_archive_free(b.pZip);
    respond_error(r, 500, NULL);
    return;
  }
  int fd = -1;
  uint64_t nOut = 0;
  if (zip_archive_finish_fd(b.pZip, &fd, &nOut) != EXPORT_OK) {
    respond_error(r, 500, NULL);
    return;
  }
  response_header(r, "Content-Disposition", report_disposition(r, &v, "zip"));
  respond_fd(r, 200, EXPORT_ZIP_TYPE, fd, nOut);
}
