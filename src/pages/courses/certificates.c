/*
** Verifying a certificate, for anyone (no account).
**
** GET /certificados/CODE      whether the certificate is valid or
**                             «revocado» (with the date and reason):
**                             who, which course, when. Never RUN, e-mail
**                             or phone. 404 for a code that is not one.
** GET /certificados/CODE.pdf  the certificate itself (marked «REVOCADO»
**                             once revoked)
**
** The code is looked up by its hash (store/courses), so the lookup takes
** the same path for every code; a code is 100 random bits, which no one
** guesses by trying.
*/
#include <string.h>

#include "store/council/council.h"
#include "pages/courses/courses_pages.h"

void page_certificate(Request *r) {
  const char *zParam = request_param(r, 0);
  Arena *pArena = request_arena(r);
  size_t n = zParam ? strlen(zParam) : 0;
  int bPdf = n > 4 && strcmp(zParam + n - 4, ".pdf") == 0;
  char zCanon[COURSE_CODE_CHARS + 1];
  const char *zCode = bPdf ? arena_strndup(pArena, zParam, n - 4) : zParam;
  Certificate cert;
  int rc = course_code_canonical(zCode, zCanon)
               ? certificate_by_code(request_db(r), pArena, zCanon, &cert)
               : DB_DONE;
  if (!page_found(r, rc,
                  "No existe un certificado con ese código. Revise que lo "
                  "haya escrito tal como aparece en el certificado.")) {
    return;
  }
  if (bPdf) {
    const char *pPdf;
    size_t nPdf;
    if (!page_db_ok(
            r, course_certificate_pdf(request_db(r), pArena, &cert,
                                      request_public_url(r), &pPdf, &nPdf)))
      return;
    page_send_file(r, "application/pdf", "inline; filename=\"certificado.pdf\"",
                   pPdf, nPdf);
    return;
  }
  /* The council that issued it (not the request's: the code says which). */
  page_council_use(r, cert.iCouncil);
  Council k;
  const char *zCouncil =
      council_get(request_db(r), pArena, cert.iCouncil, &k) == DB_OK ? k.zName
                                                                     : "";
  Html h;
  page_begin_titled(r, &h, "Verificación de certificado", "");
  if (cert.bRevoked) {
    html_printf(&h,
                "<p class=\"verdict verdict-bad\" role=\"status\"><strong>"
                "Certificado revocado</strong> el %s. Motivo: %s</p>\n",
                page_date(pArena, cert.zRevokedOn), cert.zReason);
  } else {
    html_printf(&h,
                "<p class=\"verdict verdict-ok\" role=\"status\"><strong>"
                "Certificado válido</strong></p>\n");
  }
  html_printf(&h,
              "<dl class=\"details\"><dt>Participante</dt><dd>%s</dd>"
              "<dt>Curso</dt><dd>%s</dd><dt>Módulos</dt><dd>%d de %d</dd>"
              "<dt>Horas</dt><dd>%s</dd><dt>Fecha de emisión</dt><dd>%s</dd>"
              "<dt>Otorgado por</dt><dd>%s</dd><dt>Código</dt><dd><code>%s"
              "</code></dd></dl>\n"
              "<p><a href=\"/certificados/%s.pdf\">Ver el certificado (PDF)"
              "</a></p>\n",
              cert.zName, cert.zCourse, cert.nAttended, cert.nTotal,
              course_hours_text(pArena, cert.nMinutes),
              page_date(pArena, cert.zIssuedOn), zCouncil, cert.zCode,
              cert.zCode);
  page_finish(r, &h, 200);
}
