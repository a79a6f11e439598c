/*
** The acta (minutes) of a session as a PDF: the council's heading, the
** session data, attendees and absences (as attendance recorded them), the
** agenda items with their discussion summaries, and the agreements with
** votes, responsible and due date; page numbers on every page.
**
** Laid out through export_pdf(): the sections travel in the preamble
** (which breaks across pages between lines) and the agreements are the
** table, so no second PDF engine exists. Summaries are Markdown and are
** turned into plain text with markdown_to_text(). No SQL, no HTTP; output
** in the caller's arena.
*/
#ifndef COSOC_EXPORT_ACTA_PDF_H
#define COSOC_EXPORT_ACTA_PDF_H

#include <stddef.h>

#include "domain/quorum.h"
#include "export/export.h"
#include "util/arena.h"

#define ACTA_PDF_NCOL 5

/* Someone the attendance lists (a councillor or a guest). */
typedef struct ActaPdfPerson {
  const char *zName;         /* Full name */
  const char *zOrganization; /* Organization, or NULL */
  const char *zQuality;      /* "Titular", "Suplente", "Invitado/a",
                             ** "Autoridad", or NULL */
  Attendance eAttendance;    /* presente / ausente / justificado */
  const char *zReplaces;     /* A suplente present for a titular: the
                             ** titular's name, else NULL */
  /* No excuse of a justified absence: the acta is published, and the
  ** reason («licencia médica») is the person's private data, seen by the
  ** officer only. */
} ActaPdfPerson;

typedef struct ActaPdfItem {
  const char *zTitle;   /* Agenda item */
  const char *zSummary; /* Discussion summary, Markdown (may be NULL) */
} ActaPdfItem;

typedef struct ActaPdfAgreement {
  const char *zText;            /* What was agreed */
  int bVoted;                   /* 0: adopted without a vote */
  int nFor, nAgainst, nAbstain; /* Votes when bVoted */
  const char *zResponsible;     /* Who answers for it, or NULL */
  const char *zDue;             /* Due date as shown ("31-01-2025"), or NULL */
} ActaPdfAgreement;

typedef struct ActaPdfInput {
  const char *zCouncil;          /* Heading: "COSOC Minvu Serviu Región de
                                 ** Coquimbo" */
  const char *zTitle;            /* "Acta de la sesión ordinaria N° 3" */
  const char *zWhen;             /* Date and time as shown */
  const char *zPlace;            /* Place or "Videoconferencia", or NULL */
  const char *zState;            /* State as shown ("Aprobada en la sesión del
                                 ** 10 de diciembre de 2024"), or NULL */
  const char *zQuorum;           /* QuorumResult.session.zExplain, or NULL */
  int nPlanLine;                 /* Entries in azPlanLine */
  const char *const *azPlanLine; /* Plan lines the session serves */
  int nPerson;                   /* Entries in aPerson */
  const ActaPdfPerson *aPerson;  /* Attendance, in the order to print */
  int nItem;                     /* Agenda items */
  const ActaPdfItem *aItem;
  int nAgreement; /* Agreements */
  const ActaPdfAgreement *aAgreement;
  int bLetter; /* 1: US Letter, 0: A4 */
} ActaPdfInput;

/* Fills *pTable and *pOpt (arena memory) for export_pdf(). */
void acta_pdf_table(Arena *pArena, const ActaPdfInput *pIn, ExportTable *pTable,
                    ExportPdfOptions *pOpt);

/* The PDF: export_pdf() of the table above, same return values. */
int acta_pdf(Arena *pArena, const ActaPdfInput *pIn, const char **ppOut,
             size_t *pnOut, char *zErr, size_t nErr);

#endif
