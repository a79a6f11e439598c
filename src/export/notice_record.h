/*
** The record of a notice cosoc sent (the citation of an activity and its
** updates): a PDF that names the activity, when the notice went out and
** who sent it, and each recipient with the state of their mail. It is the
** line's Citación, Convocatoria or Invitación that cosoc produces itself,
** so that nobody has to print and upload the e-mail.
**
** Builds an ExportTable for export_pdf() from plain structs: no SQL, no
** HTTP. Everything it returns lives in the caller's arena.
*/
#ifndef COSOC_EXPORT_NOTICE_RECORD_H
#define COSOC_EXPORT_NOTICE_RECORD_H

#include <stddef.h>

#include "export/export.h"
#include "util/arena.h"

#define NOTICE_RECORD_NCOL 4

/* One recipient of one notice. */
typedef struct NoticeRecipient {
  const char *zName;     /* Their name, or their address when unknown */
  const char *zSent;     /* "03-12-2026 10:15" (Chile) */
  const char *zKind;     /* "Citación" or "Cambios en la citación" */
  const char *zDelivery; /* "En cola", "Entregado", "Falló", "—" */
} NoticeRecipient;

typedef struct NoticeRecordInput {
  const char *zCouncil;  /* The council's name */
  const char *zActivity; /* Activity title */
  const char *zWhen;     /* Its date and time as shown */
  const char *zPlace;    /* Its place, or NULL */
  const char *zFirst;    /* When the first notice went out, as shown */
  const char *zSentBy;   /* Who sent it, or NULL */
  int nRecipient;
  const NoticeRecipient *aRecipient;
} NoticeRecordInput;

/* The PDF: export_pdf() of the record's table. Same return values. */
int notice_record_pdf(Arena *pArena, const NoticeRecordInput *pIn,
                      const char **ppOut, size_t *pnOut, char *zErr,
                      size_t nErr);

#endif
