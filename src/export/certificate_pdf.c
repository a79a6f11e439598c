/*
** The certificate PDF (see certificate_pdf.h). One page, everything
** centred between 54 pt margins: the council at the top, the certifying
** sentence and the participant's name large in the middle, the course and
** what was attended under it, then at the bottom the signer on the left
** and the QR code with the verification code and URL on the right.
*/
#include "export/certificate_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <qrencode.h>
#include <stdio.h>
#include <string.h>

#include "export/export.h"
#include "export/text.h"

#define CERT_W 841.890 /* A4 landscape, points */
#define CERT_H 595.276
#define CERT_MARGIN 54.0
#define CERT_FONT "DejaVu Sans"
#define CERT_QR_SIZE 110.0 /* The QR code's side, points */
#define CERT_QR_QUIET 4    /* Modules of white around it (the standard) */

static cairo_status_t cert_write(void *pClosure, const unsigned char *aData,
                                 unsigned int nData) {
  buf_append((Buf *)pClosure, aData, nData);
  return CAIRO_STATUS_SUCCESS;
}

/* Draws z at y, centred in [x, x + w] (left-aligned when bLeft), at size
** pt; returns the height used. */
static double text_at(cairo_t *cr, PangoContext *pCtx, const char *z, double x,
                      double y, double w, double size, int bBold, int bLeft,
                      double gray) {
  if (!z || !*z) return 0;
  PangoLayout *pLayout = pango_layout_new(pCtx);
  PangoFontDescription *pFont = pango_font_description_from_string(CERT_FONT);
  pango_font_description_set_size(pFont, (gint)(size * PANGO_SCALE));
  if (bBold) pango_font_description_set_weight(pFont, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description(pLayout, pFont);
  pango_font_description_free(pFont);
  pango_layout_set_width(pLayout, (int)(w * PANGO_SCALE));
  pango_layout_set_wrap(pLayout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(pLayout,
                             bLeft ? PANGO_ALIGN_LEFT : PANGO_ALIGN_CENTER);
  pango_layout_set_text(pLayout, z, -1);
  int nW, nH;
  pango_layout_get_size(pLayout, &nW, &nH);
  cairo_set_source_rgb(cr, gray, gray, gray);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, pLayout);
  g_object_unref(pLayout);
  return (double)nH / PANGO_SCALE;
}

/* The QR code of zUrl, side `size` points, its top left at (x, y); 0 when
** libqrencode could not make it. */
static int draw_qr(cairo_t *cr, const char *zUrl, double x, double y,
                   double size) {
  QRcode *pQr = QRcode_encodeString(zUrl, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (!pQr) return 0;
  int n = pQr->width;
  double cell = size / (n + 2 * CERT_QR_QUIET);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_rectangle(cr, x, y, size, size);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (int r = 0; r < n; r++) {
    for (int c = 0; c < n; c++) {
      if (pQr->data[r * n + c] & 1) {
        cairo_rectangle(cr, x + (c + CERT_QR_QUIET) * cell,
                        y + (r + CERT_QR_QUIET) * cell, cell, cell);
      }
    }
  }
  cairo_fill(cr);
  QRcode_free(pQr);
  return 1;
}

int certificate_pdf(Arena *pArena, const CertificateDoc *pDoc,
                    const char **ppOut, size_t *pnOut, char *zErr,
                    size_t nErr) {
  *ppOut = NULL;
  *pnOut = 0;
#define CLEAN(z) export_text_clean(pArena, (z) ? (z) : "")
  Buf out;
  buf_init(&out, pArena);
  cairo_surface_t *pSurface =
      cairo_pdf_surface_create_for_stream(cert_write, &out, CERT_W, CERT_H);
  const char *zTitle =
      arena_printf(pArena, "Certificado: %s", CLEAN(pDoc->zCourse));
  cairo_pdf_surface_set_metadata(pSurface, CAIRO_PDF_METADATA_TITLE, zTitle);
  cairo_pdf_surface_set_metadata(pSurface, CAIRO_PDF_METADATA_CREATOR, "cosoc");
  cairo_t *cr = cairo_create(pSurface);
  PangoContext *pCtx = pango_cairo_create_context(cr);
  pango_cairo_context_set_resolution(pCtx, 72);

  /* A frame. */
  cairo_set_source_rgb(cr, 0.15, 0.3, 0.5);
  cairo_set_line_width(cr, 3);
  cairo_rectangle(cr, 24, 24, CERT_W - 48, CERT_H - 48);
  cairo_stroke(cr);
  cairo_set_line_width(cr, 0.8);
  cairo_rectangle(cr, 30, 30, CERT_W - 60, CERT_H - 60);
  cairo_stroke(cr);

  double x = CERT_MARGIN, w = CERT_W - 2 * CERT_MARGIN, y = CERT_MARGIN;
  y += text_at(cr, pCtx, CLEAN(pDoc->zCouncil), x, y, w, 14, 1, 0, 0.1);
  y += 4 +
       text_at(cr, pCtx, CLEAN(pDoc->zInstitution), x, y + 4, w, 11, 0, 0, 0.3);
  y += 26;
  y += text_at(cr, pCtx, "CERTIFICADO DE PARTICIPACIÓN", x, y, w, 24, 1, 0,
               0.15);
  y += 18;
  y += text_at(cr, pCtx, "Se certifica que", x, y, w, 12, 0, 0, 0.25);
  y += 8;
  y += text_at(cr, pCtx, CLEAN(pDoc->zParticipant), x, y, w, 26, 1, 0, 0);
  y += 12;
  y +=
      text_at(cr, pCtx, "participó y aprobó el curso", x, y, w, 12, 0, 0, 0.25);
  y += 6;
  y += text_at(cr, pCtx, CLEAN(pDoc->zCourse), x, y, w, 18, 1, 0, 0.1);
  y += 8;
  const char *zWhat =
      arena_printf(pArena, "%s · %s · %s", CLEAN(pDoc->zModules),
                   CLEAN(pDoc->zHours), CLEAN(pDoc->zDate));
  y += text_at(cr, pCtx, zWhat, x, y, w, 11, 0, 0, 0.25);
  if (pDoc->zRevoked && pDoc->zRevoked[0]) {
    y += 10;
    cairo_set_source_rgb(cr, 0.7, 0, 0);
    y += text_at(cr, pCtx, CLEAN(pDoc->zRevoked), x, y, w, 13, 1, 0, 0);
  }

  /* The bottom: signer on the left, the code and its QR on the right. */
  double yBottom = CERT_H - CERT_MARGIN;
  double xSign = x, wSign = w * 0.45;
  double ySign = yBottom - 40;
  cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
  cairo_set_line_width(cr, 0.8);
  cairo_move_to(cr, xSign + 30, ySign - 6);
  cairo_line_to(cr, xSign + wSign - 30, ySign - 6);
  cairo_stroke(cr);
  double h = text_at(cr, pCtx, CLEAN(pDoc->zSigner), xSign, ySign, wSign, 11, 1,
                     0, 0.1);
  text_at(cr, pCtx, CLEAN(pDoc->zSignerTitle), xSign, ySign + h + 2, wSign, 9,
          0, 0, 0.3);

  double xQr = CERT_W - CERT_MARGIN - CERT_QR_SIZE;
  double yQr = yBottom - CERT_QR_SIZE - 6;
  int bQr = draw_qr(cr, pDoc->zUrl ? pDoc->zUrl : "", xQr, yQr, CERT_QR_SIZE);
  double xCode = x + w * 0.5, wCode = xQr - 10 - xCode;
  double yCode = yQr + 20;
  yCode += text_at(cr, pCtx, "Código de verificación", xCode, yCode, wCode, 9,
                   0, 1, 0.3);
  yCode += 2 + text_at(cr, pCtx, CLEAN(pDoc->zCode), xCode, yCode + 2, wCode,
                       13, 1, 1, 0);
  yCode += 6;
  yCode += text_at(cr, pCtx, "Verifique este certificado en:", xCode, yCode,
                   wCode, 8, 0, 1, 0.3);
  text_at(cr, pCtx, CLEAN(pDoc->zUrl), xCode, yCode + 1, wCode, 8, 0, 1, 0.1);

  g_object_unref(pCtx);
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(pSurface);
  if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(pSurface);
  cairo_surface_destroy(pSurface);
#undef CLEAN
  if (!bQr) {
    snprintf(zErr, nErr, "No se pudo generar el código QR del certificado.");
    return EXPORT_ERROR;
  }
  if (status != CAIRO_STATUS_SUCCESS) {
    snprintf(zErr, nErr, "No se pudo generar el PDF (%s).",
             cairo_status_to_string(status));
    return EXPORT_ERROR;
  }
  *ppOut = buf_str(&out);
  *pnOut = out.n;
  return EXPORT_OK;
}
