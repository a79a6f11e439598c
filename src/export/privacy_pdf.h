/*
** The PDFs of personal data (issue 21): everything held about a person
** (the access/portability JSON laid out as sections and tables), and the
** answer letter to a request. cairo + pango through export.h.
*/
#ifndef COSOC_EXPORT_PRIVACY_PDF_H
#define COSOC_EXPORT_PRIVACY_PDF_H

#include <jansson.h>
#include <stddef.h>

#include "util/arena.h"

/* pDoc: an object whose members are objects (one table of two columns),
** arrays of objects (one table, a column per key) or scalars. Section
** headings are azLabel[i] for key azKey[i] (nLabel of them); other keys
** as they are. EXPORT_OK or EXPORT_ERROR with zErr. */
int privacy_data_pdf(Arena *pArena, const char *zTitle, const char *zSubtitle,
                     json_t *pDoc, const char *const *azKey,
                     const char *const *azLabel, int nLabel, const char **ppOut,
                     size_t *pnOut, char *zErr, size_t nErr);

/* A letter: the council's name, the date, the addressee, a subject line,
** paragraphs separated by blank lines, and a signature. */
int privacy_letter_pdf(Arena *pArena, const char *zCouncil, const char *zDate,
                       const char *zTo, const char *zSubject, const char *zBody,
                       const char *zSignature, const char **ppOut,
                       size_t *pnOut, char *zErr, size_t nErr);

#endif
