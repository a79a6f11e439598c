/*
** The printable attendance sheet of an activity: title, council, activity,
** date and time, place and plan line(s) above a table of the people (N°,
** Nombre, Organización, Calidad, Asistencia, Firma) with rows tall enough
** to sign on paper, plus blank rows for people who were not expected.
** Before the session it is printed and signed; once cosoc has the
** attendance it shows each person present, absent or excused, who a
** suplente replaces, and the guests: it is the "asistencia" evidence cosoc
** produces itself, with the signature column for the printed copy.
**
** Builds an ExportTable for export_pdf() from plain structs: no SQL, no
** HTTP. Everything it returns lives in the caller's arena.
*/
#ifndef COSOC_EXPORT_ATTENDANCE_SHEET_H
#define COSOC_EXPORT_ATTENDANCE_SHEET_H

#include <stddef.h>

#include "export/export.h"
#include "util/arena.h"

#define ATTENDANCE_SHEET_ROW_PT 30.0 /* Row height: room for a signature */
#define ATTENDANCE_SHEET_NCOL 6

/* One person on the sheet. */
typedef struct SheetPerson {
  const char *zName;         /* Full name */
  const char *zOrganization; /* Organization they represent, or NULL */
  int bTitular;              /* 1: "Titular", 0: "Suplente" */
  int bCouncillor;           /* 0: an invitee: Calidad says "Invitado/a" */
  const char *zReplaces;     /* A suplente: the titular they replace at this
                             ** session, or NULL */
  const char *zAttendance;   /* "Presente", "Ausente", "Ausencia
                             ** justificada", or NULL before it is taken */
} SheetPerson;

typedef struct SheetInput {
  const char *zCouncil;          /* The council's name, as on its documents */
  const char *zActivity;         /* Activity title */
  const char *zWhen;             /* Date and time as shown ("martes 12 de
                                 ** noviembre de 2024, 10:00 a 12:00 h") */
  const char *zPlace;            /* Place (address or "Videoconferencia"), or
                                 ** NULL */
  int nPlanLine;                 /* Entries in azPlanLine */
  const char *const *azPlanLine; /* "4. Realizar a lo menos 5 reuniones…" */
  int nPerson;                   /* Expected people */
  const SheetPerson *aPerson;    /* nPerson people, in the order to print */
  int nBlank;                    /* Extra empty rows for people who come without
                                 ** being expected (guests) */
  const char *zRecorded;         /* "Asistencia registrada en cosoc el …", or
                                 ** NULL before it is taken */
  int bLetter;                   /* 1: US Letter, 0: A4 */
} SheetInput;

/* Fills *pTable and *pOpt (strings and arrays in pArena) for export_pdf(). */
void attendance_sheet_table(Arena *pArena, const SheetInput *pIn,
                            ExportTable *pTable, ExportPdfOptions *pOpt);

/* The PDF itself: export_pdf() of the table above. Same return values. */
int attendance_sheet_pdf(Arena *pArena, const SheetInput *pIn,
                         const char **ppOut, size_t *pnOut, char *zErr,
                         size_t nErr);

#endif
