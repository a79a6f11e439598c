/*
** A course certificate as a PDF: one A4 landscape page with the council and
** its institution, the participant, the course, the modules attended and
** their hours, the date, the signer, and the verification code with a QR
** code (libqrencode) of the page that verifies it. Drawn with cairo and
** pango, like every PDF of cosoc.
**
** Knows nothing of HTTP or SQL; the URL comes from the caller, who builds
** it from the configured public address (never from a request's Host).
** The output lives in the caller's arena.
*/
#ifndef COSOC_EXPORT_CERTIFICATE_PDF_H
#define COSOC_EXPORT_CERTIFICATE_PDF_H

#include <stddef.h>

#include "util/arena.h"

typedef struct CertificateDoc {
  const char *zCouncil;     /* "Consejo de la Sociedad Civil …" */
  const char *zInstitution; /* The service it advises, or "" */
  const char *zParticipant; /* Who is certified */
  const char *zCourse;      /* The course's title */
  const char *zModules;     /* "4 de 4 módulos", as issued */
  const char *zHours;       /* "8 horas" */
  const char *zDate;        /* "3 de diciembre de 2026" */
  const char *zSigner;      /* Who signs, or "" */
  const char *zSignerTitle; /* Their position, or "" */
  const char *zCode;        /* "7K2M9-QXD4R-0B8TN-E3W6Z" */
  const char *zUrl;         /* The verification page: the QR's content */
  const char *zRevoked;     /* "" or the sentence of a revoked one */
} CertificateDoc;

/* The PDF into *ppOut / *pnOut (arena): EXPORT_OK, or EXPORT_ERROR with a
** Spanish reason in zErr. */
int certificate_pdf(Arena *pArena, const CertificateDoc *pDoc,
                    const char **ppOut, size_t *pnOut, char *zErr, size_t nErr);

#endif
