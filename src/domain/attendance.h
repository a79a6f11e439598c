/*
** Attendance as it is entered for an activity (contract:
** POST /api/activities/ID/attendance with [{"member_id", "status"}] or, for
** a guest, {"name", "organization", "status"}): the checks every entry must
** pass before anything is written, with a Spanish sentence and the field
** to blame, and how the entries turn into the QuorumPerson list that
** quorum_compute() reads.
**
** Pure functions over plain structs: no SQL, no HTTP, no JSON, no
** allocation. The caller parses the request, passes the ids of the people
** that may be listed, and writes in one transaction only when this says
** the whole list is valid.
*/
#ifndef COSOC_DOMAIN_ATTENDANCE_H
#define COSOC_DOMAIN_ATTENDANCE_H

#include "domain/quorum.h"
#include "util/arena.h"

#define ATTENDANCE_OK 0
#define ATTENDANCE_INVALID 1
#define ATTENDANCE_NAME_MAX 200    /* Bytes in a guest's name */
#define ATTENDANCE_REASON_MAX 500  /* Bytes in an excuse */
#define ATTENDANCE_MESSAGE_MAX 240 /* Room for one problem's sentence */

/* One entry as received. */
typedef struct AttendanceEntry {
  long long iMemberId;       /* > 0: a member; 0: a guest */
  const char *zName;         /* Guest: name (required); ignored for members */
  const char *zOrganization; /* Guest: organization, or NULL */
  const char *zStatus;       /* Slug as received: "presente", "ausente",
                             ** "justificado" */
  const char *zReason;       /* Excuse when justificado, or NULL */
  Attendance eStatus;        /* Out: the parsed status, set for every entry
                             ** by attendance_validate() when it is valid */
  long long iParticipantId;  /* > 0: a guest already known as a participant
                             ** (an enrolled leader); name not needed */
} AttendanceEntry;

/* The first problem found. */
typedef struct AttendanceProblem {
  int iEntry;         /* 0-based index of the entry at fault */
  const char *zField; /* Contract field to blame: "status", "member_id",
                      ** "name", "reason" */
  char zMessage[ATTENDANCE_MESSAGE_MAX]; /* Spanish sentence, e.g. "Fila 3:
                                          ** el estado «tarde» no es válido; use
                                          *presente,
                                          ** ausente o justificado." */
} AttendanceProblem;

/* Checks a[0..n): valid status, members among aiKnown[0..nKnown) (the
** people who may be listed; NULL to skip that check), no member twice, no
** participant twice, no guest name twice (spaces and case aside, Á = á), guest
*names present and not
** too long, reasons not too long. Returns ATTENDANCE_OK and sets every
** eStatus, or ATTENDANCE_INVALID and fills *pProblem (may be NULL). */
int attendance_validate(AttendanceEntry *a, int n, const long long *aiKnown,
                        int nKnown, AttendanceProblem *pProblem);

/* ---- A list of guests pasted at once ---- */

#define ATTENDANCE_GUESTS_MAX 300 /* Lines in one pasted list */

/* One pasted guest: "Nombre, Organización, Comuna" on a line. */
typedef struct GuestLine {
  int iLine;                 /* 1-based line of the text it came from */
  const char *zName;         /* Required */
  const char *zOrganization; /* "" when not given */
  const char *zCommune;      /* As typed ("Ovalle"), "" when not given; the
                             ** caller resolves it against the territory */
} GuestLine;

/* Reads zText, one guest a line, fields separated by tabs (pasted from a
** spreadsheet), else by ';', else by ','; blank lines are skipped. At most
** nMax lines are read into aOut (caller's array, strings in pArena).
** Returns ATTENDANCE_OK with *pnOut set, or ATTENDANCE_INVALID with every
** problem (one per line at fault, up to nProblem) in aProblem and their
** count in *pnProblem: a line without a name, a name too long, more than
** three fields, or more lines than nMax. Nothing is half-read: the caller
** writes nothing on ATTENDANCE_INVALID. */
int attendance_guests_parse(Arena *pArena, const char *zText, GuestLine *aOut,
                            int nMax, int *pnOut, AttendanceProblem *aProblem,
                            int nProblem, int *pnProblem);

/* Sets aPerson[i].eAttendance from the member entries of a validated list:
** a person without an entry is ausente. Guests are not councillors and
** never count for quorum. */
void attendance_apply(QuorumPerson *aPerson, int nPerson,
                      const AttendanceEntry *a, int n);

#endif
