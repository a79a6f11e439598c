/*
** Acta PDF (see acta_pdf.h). Sections are paragraphs of the preamble,
** separated by blank lines, so every blank line inside user text is kept
** as a paragraph break and nothing else; the agreements are the table.
*/
#include "export/acta_pdf.h"

#include <string.h>

#include "render/markdown.h"

static const char *const azActaHeader[ACTA_PDF_NCOL] = {
    "N°", "Acuerdo", "Votación", "Responsable", "Plazo"};
static const double aActaWidth[ACTA_PDF_NCOL] = {0.45, 4.0, 1.5, 1.8, 1.3};

static const char *nz(const char *z) { return z ? z : ""; }

/* "Nombre (Organización, Titular)" for the attendance lists. */
static void person_line(Buf *b, const ActaPdfPerson *p) {
  buf_printf(b, "\n• %s", nz(p->zName));
  const char *zOrg = nz(p->zOrganization), *zQ = nz(p->zQuality);
  if (*zOrg || *zQ) {
    buf_printf(b, " (%s%s%s)", zOrg, *zOrg && *zQ ? ", " : "", zQ);
  }
  if (p->zReplaces && *p->zReplaces) {
    buf_printf(b, ", en reemplazo de %s", p->zReplaces);
  }
}

/* One attendance section: a heading line and one line per person with
** attendance e, or "Ninguno." */
static void attendance_section(Buf *b, const ActaPdfInput *pIn, Attendance e,
                               const char *zHeading) {
  buf_printf(b, "\n\n%s", zHeading);
  int n = 0;
  for (int i = 0; i < pIn->nPerson; i++) {
    if (pIn->aPerson[i].eAttendance != e) continue;
    person_line(b, &pIn->aPerson[i]);
    n++;
  }
  if (n == 0) buf_puts(b, "\nNinguna persona.");
}

/* User text whose paragraph starts with "# " (a code block, an escaped
** "\#") would be taken for one of our section headings: a no-break space
** after the '#' keeps it plain text. */
static const char *defuse_headings(Arena *pArena, const char *z) {
  Buf b;
  buf_init(&b, pArena);
  int bParaStart = 1;
  for (; *z; z++) {
    if (bParaStart && z[0] == '#' && z[1] == ' ') {
      buf_puts(&b, "#\u00a0");
      z++;
      bParaStart = 0;
      continue;
    }
    buf_putc(&b, *z);
    if (bParaStart && *z == ' ') continue; /* export_pdf() skips these */
    bParaStart = z[0] == '\n' && (b.n >= 2 && b.z[b.n - 2] == '\n');
  }
  return buf_str(&b);
}

static const char *acta_preamble(Arena *pArena, const ActaPdfInput *pIn) {
  Buf b;
  buf_init(&b, pArena);
  buf_puts(&b, "# 1. Datos de la sesión\n");
  if (pIn->zWhen && *pIn->zWhen)
    buf_printf(&b, "\nFecha y hora: %s", pIn->zWhen);
  if (pIn->zPlace && *pIn->zPlace) buf_printf(&b, "\nLugar: %s", pIn->zPlace);
  for (int i = 0; i < pIn->nPlanLine; i++) {
    buf_printf(&b, "\n%s%s", i == 0 ? "Plan anual: " : "", pIn->azPlanLine[i]);
  }
  if (pIn->zState && *pIn->zState) buf_printf(&b, "\nEstado: %s", pIn->zState);
  if (pIn->zQuorum && *pIn->zQuorum) buf_printf(&b, "\n%s", pIn->zQuorum);

  buf_puts(&b, "\n\n# 2. Asistencia");
  attendance_section(&b, pIn, ATTENDANCE_PRESENTE, "Asistentes:");
  attendance_section(&b, pIn, ATTENDANCE_JUSTIFICADO,
                     "Ausencias justificadas:");
  attendance_section(&b, pIn, ATTENDANCE_AUSENTE, "Ausentes:");

  buf_puts(&b, "\n\n# 3. Tabla y desarrollo");
  if (pIn->nItem == 0) buf_puts(&b, "\n\nSin puntos en la tabla.");
  for (int i = 0; i < pIn->nItem; i++) {
    buf_printf(&b, "\n\n# 3.%d %s", i + 1, nz(pIn->aItem[i].zTitle));
    const char *zText = defuse_headings(
        pArena, markdown_to_text(pArena, pIn->aItem[i].zSummary));
    if (*zText) buf_printf(&b, "\n\n%s", zText);
  }
  buf_puts(&b, "\n\n# 4. Acuerdos");
  if (pIn->nAgreement == 0) buf_puts(&b, "\n\nNo se adoptaron acuerdos.");
  return buf_str(&b);
}

static const char *vote_text(Arena *pArena, const ActaPdfAgreement *a) {
  if (!a->bVoted) return "Sin votación";
  return arena_printf(pArena, "%d a favor\n%d en contra\n%d %s", a->nFor,
                      a->nAgainst, a->nAbstain,
                      a->nAbstain == 1 ? "abstención" : "abstenciones");
}

void acta_pdf_table(Arena *pArena, const ActaPdfInput *pIn, ExportTable *pTable,
                    ExportPdfOptions *pOpt) {
  int nRow = pIn->nAgreement;
  /* No agreements: no table at all, the preamble says so. */
  const char **azCell =
      export_table_start(pArena, pTable, nRow > 0 ? ACTA_PDF_NCOL : 0,
                         azActaHeader, aActaWidth, nRow);
  for (int r = 0; r < nRow; r++) {
    const ActaPdfAgreement *a = &pIn->aAgreement[r];
    const char **az = azCell + (size_t)r * ACTA_PDF_NCOL;
    az[0] = arena_printf(pArena, "%d", r + 1);
    az[1] = nz(a->zText);
    az[2] = vote_text(pArena, a);
    az[3] = nz(a->zResponsible);
    az[4] = nz(a->zDue);
  }
  pTable->zTitle = pIn->zTitle ? pIn->zTitle : "Acta de sesión";
  pTable->zSubtitle = pIn->zCouncil;
  pTable->zPreamble = acta_preamble(pArena, pIn);
  ExportPdfOptions opt = {
      .bLetter = pIn->bLetter,
      .bPreambleHeadings = 1,
      .zFooter = arena_printf(pArena, "%s — %s",
                              pIn->zCouncil ? pIn->zCouncil : "COSOC",
                              pIn->zTitle ? pIn->zTitle : "Acta"),
  };
  *pOpt = opt;
}

int acta_pdf(Arena *pArena, const ActaPdfInput *pIn, const char **ppOut,
             size_t *pnOut, char *zErr, size_t nErr) {
  ExportTable t;
  ExportPdfOptions opt;
  acta_pdf_table(pArena, pIn, &t, &opt);
  return export_pdf(pArena, &t, &opt, ppOut, pnOut, zErr, nErr);
}
