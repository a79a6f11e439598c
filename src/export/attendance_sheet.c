/*
** Attendance sheet (see attendance_sheet.h): a table for export_pdf(),
** nothing more. Page breaks, the repeated header and page numbers are
** export_pdf()'s work.
*/
#include "export/attendance_sheet.h"

static const char *const azSheetHeader[ATTENDANCE_SHEET_NCOL] = {
    "N°", "Nombre", "Organización", "Calidad", "Asistencia", "Firma"};
/* The signature column stays wide: people sign the printed copy by hand. */
static const double aSheetWidth[ATTENDANCE_SHEET_NCOL] = {0.4, 2.2, 2.0,
                                                          1.5, 1.2, 2.0};

/* The preamble: one paragraph of "Label: value" lines. */
static const char *sheet_preamble(Arena *pArena, const SheetInput *p) {
  Buf b;
  buf_init(&b, pArena);
  buf_printf(&b, "Actividad: %s", p->zActivity ? p->zActivity : "");
  if (p->zWhen && *p->zWhen) buf_printf(&b, "\nFecha y hora: %s", p->zWhen);
  if (p->zPlace && *p->zPlace) buf_printf(&b, "\nLugar: %s", p->zPlace);
  if (p->zRecorded && *p->zRecorded) buf_printf(&b, "\n%s", p->zRecorded);
  for (int i = 0; i < p->nPlanLine; i++) {
    buf_printf(
        &b, "\n%s %s",
        i == 0 ? (p->nPlanLine == 1 ? "Línea del plan:" : "Líneas del plan:")
               : "\u2003",
        p->azPlanLine[i]);
  }
  return buf_str(&b);
}

static const char *person_quality(Arena *pArena, const SheetPerson *p) {
  if (!p->bCouncillor) return "Invitado/a";
  if (p->bTitular) return "Titular";
  if (p->zReplaces && *p->zReplaces)
    return arena_printf(pArena, "Suplente, reemplaza a %s", p->zReplaces);
  return "Suplente";
}

void attendance_sheet_table(Arena *pArena, const SheetInput *pIn,
                            ExportTable *pTable, ExportPdfOptions *pOpt) {
  int nRow = pIn->nPerson + (pIn->nBlank > 0 ? pIn->nBlank : 0);
  const char **azCell = export_table_start(
      pArena, pTable, ATTENDANCE_SHEET_NCOL, azSheetHeader, aSheetWidth, nRow);
  for (int r = 0; r < nRow; r++) {
    const char **az = azCell + (size_t)r * ATTENDANCE_SHEET_NCOL;
    az[0] = arena_printf(pArena, "%d", r + 1);
    if (r < pIn->nPerson) {
      const SheetPerson *p = &pIn->aPerson[r];
      az[1] = p->zName ? p->zName : "";
      az[2] = p->zOrganization ? p->zOrganization : "";
      az[3] = person_quality(pArena, p);
      az[4] = p->zAttendance ? p->zAttendance : "";
    } else {
      az[1] = az[2] = az[3] = az[4] = "";
    }
    az[5] = "";
  }
  pTable->zTitle = "Registro de asistencia";
  pTable->zSubtitle = pIn->zCouncil;
  pTable->zPreamble = sheet_preamble(pArena, pIn);
  ExportPdfOptions opt = {
      .bLetter = pIn->bLetter,
      .bLandscape = 0,
      .minRowHeightPt = ATTENDANCE_SHEET_ROW_PT,
      .zFooter = arena_printf(pArena, "%s — Asistencia: %s",
                              pIn->zCouncil ? pIn->zCouncil : "COSOC",
                              pIn->zActivity ? pIn->zActivity : ""),
  };
  *pOpt = opt;
}

int attendance_sheet_pdf(Arena *pArena, const SheetInput *pIn,
                         const char **ppOut, size_t *pnOut, char *zErr,
                         size_t nErr) {
  ExportTable t;
  ExportPdfOptions opt;
  attendance_sheet_table(pArena, pIn, &t, &opt);
  return export_pdf(pArena, &t, &opt, ppOut, pnOut, zErr, nErr);
}
