/*
** The record of a notice cosoc sent (see notice_record.h): a table for
** export_pdf().
*/
#include "export/notice_record.h"

static const char *const azNoticeHeader[NOTICE_RECORD_NCOL] = {
    "Destinatario", "Enviado", "Aviso", "Estado del correo"};
static const double aNoticeWidth[NOTICE_RECORD_NCOL] = {3.0, 1.6, 1.8, 1.6};

int notice_record_pdf(Arena *pArena, const NoticeRecordInput *pIn,
                      const char **ppOut, size_t *pnOut, char *zErr,
                      size_t nErr) {
  Buf b;
  buf_init(&b, pArena);
  buf_printf(&b, "Actividad: %s", pIn->zActivity ? pIn->zActivity : "");
  if (pIn->zWhen && *pIn->zWhen)
    buf_printf(&b, "\nFecha y hora: %s", pIn->zWhen);
  if (pIn->zPlace && *pIn->zPlace) buf_printf(&b, "\nLugar: %s", pIn->zPlace);
  buf_printf(&b,
             "\n\ncosoc envió la citación por correo el %s%s%s a %d "
             "destinatario%s, con la invitación de calendario y un enlace "
             "personal para confirmar o excusarse. Este registro es el "
             "verificador de la citación: no es necesario subir el correo.",
             pIn->zFirst ? pIn->zFirst : "",
             pIn->zSentBy && *pIn->zSentBy ? ", por " : "",
             pIn->zSentBy && *pIn->zSentBy ? pIn->zSentBy : "", pIn->nRecipient,
             pIn->nRecipient == 1 ? "" : "s");
  const char **azCell =
      arena_alloc(pArena, sizeof(char *) * (size_t)(pIn->nRecipient + 1) *
                              NOTICE_RECORD_NCOL);
  for (int i = 0; i < pIn->nRecipient; i++) {
    const NoticeRecipient *p = &pIn->aRecipient[i];
    const char **az = azCell + (size_t)i * NOTICE_RECORD_NCOL;
    az[0] = p->zName ? p->zName : "";
    az[1] = p->zSent ? p->zSent : "";
    az[2] = p->zKind ? p->zKind : "";
    az[3] = p->zDelivery ? p->zDelivery : "";
  }
  ExportTable t = {
      .zTitle = "Citación enviada por cosoc",
      .zSubtitle = pIn->zCouncil,
      .zPreamble = buf_str(&b),
      .nCol = NOTICE_RECORD_NCOL,
      .azHeader = azNoticeHeader,
      .aWidth = aNoticeWidth,
      .nRow = pIn->nRecipient,
      .azCell = azCell,
  };
  ExportPdfOptions opt = {
      .zFooter = arena_printf(pArena, "%s — Citación: %s",
                              pIn->zCouncil ? pIn->zCouncil : "COSOC",
                              pIn->zActivity ? pIn->zActivity : ""),
  };
  return export_pdf(pArena, &t, &opt, ppOut, pnOut, zErr, nErr);
}
