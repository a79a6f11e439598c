/*
** Attendance entry checks (see attendance.h). Pure: no SQL, no HTTP, no
** allocation; the sentences people read are all here.
*/
#include "domain/attendance.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int problem(AttendanceProblem *p, int iEntry, const char *zField,
                   const char *zFmt, ...) __attribute__((format(printf, 4, 5)));

static int problem(AttendanceProblem *p, int iEntry, const char *zField,
                   const char *zFmt, ...) {
  if (p) {
    p->iEntry = iEntry;
    p->zField = zField;
    int nPrefix =
        snprintf(p->zMessage, sizeof(p->zMessage), "Fila %d: ", iEntry + 1);
    va_list ap;
    va_start(ap, zFmt);
    vsnprintf(p->zMessage + nPrefix, sizeof(p->zMessage) - (size_t)nPrefix,
              zFmt, ap);
    va_end(ap);
  }
  return ATTENDANCE_INVALID;
}

static int blank(const char *z) { return !z || z[strspn(z, " \t\r\n")] == 0; }

/* The second byte of a UTF-8 Latin-1 letter (after 0xC3) in lower case:
** Á É Í Ó Ú Ñ Ü are 0x80-0x9E, their lower case 0x20 above (0x97 is ×). */
static unsigned char latin1_fold(unsigned char c) {
  return c >= 0x80 && c <= 0x9E && c != 0x97 ? (unsigned char)(c + 0x20) : c;
}

/* Names compared as people read them: case (ASCII and Spanish accented
** letters) and runs of spaces do not matter. */
static int same_name(const char *a, const char *b) {
  while (*a == ' ') a++;
  while (*b == ' ') b++;
  while (*a && *b) {
    if (*a == ' ' || *b == ' ') {
      if (*a != ' ' || *b != ' ') return 0;
      while (*a == ' ') a++;
      while (*b == ' ') b++;
      continue;
    }
    if ((unsigned char)*a == 0xC3 && (unsigned char)*b == 0xC3 && a[1] &&
        b[1]) {
      if (latin1_fold((unsigned char)a[1]) != latin1_fold((unsigned char)b[1]))
        return 0;
      a += 2;
      b += 2;
      continue;
    }
    if (tolower((unsigned char)*a) != tolower((unsigned char)*b)) return 0;
    a++;
    b++;
  }
  while (*a == ' ') a++;
  while (*b == ' ') b++;
  return !*a && !*b;
}

static int known(const long long *ai, int n, long long iId) {
  for (int i = 0; i < n; i++) {
    if (ai[i] == iId) return 1;
  }
  return 0;
}

int attendance_validate(AttendanceEntry *a, int n, const long long *aiKnown,
                        int nKnown, AttendanceProblem *pProblem) {
  for (int i = 0; i < n; i++) {
    AttendanceEntry *e = &a[i];
    if (attendance_parse(e->zStatus, &e->eStatus) != 0) {
      return problem(pProblem, i, "status",
                     "el estado «%s» no es válido; use presente, ausente o "
                     "justificado.",
                     e->zStatus ? e->zStatus : "");
    }
    if (e->zReason && strlen(e->zReason) > ATTENDANCE_REASON_MAX) {
      return problem(pProblem, i, "reason",
                     "el motivo es demasiado largo (máximo %d caracteres).",
                     ATTENDANCE_REASON_MAX);
    }
    if (e->iMemberId < 0) {
      return problem(pProblem, i, "member_id",
                     "el identificador de integrante no es válido.");
    }
    if (e->iMemberId > 0) {
      if (aiKnown && !known(aiKnown, nKnown, e->iMemberId)) {
        return problem(pProblem, i, "member_id",
                       "el integrante %lld no está convocado a esta "
                       "actividad.",
                       e->iMemberId);
      }
      for (int j = 0; j < i; j++) {
        if (a[j].iMemberId == e->iMemberId) {
          return problem(pProblem, i, "member_id",
                         "el integrante %lld ya aparece en la fila %d.",
                         e->iMemberId, j + 1);
        }
      }
      continue;
    }
    if (e->iParticipantId < 0) {
      return problem(pProblem, i, "participant_id",
                     "el identificador de participante no es válido.");
    }
    if (e->iParticipantId > 0) {
      for (int j = 0; j < i; j++) {
        if (a[j].iParticipantId == e->iParticipantId) {
          return problem(pProblem, i, "enrolment_id",
                         "la persona ya aparece en la fila %d.", j + 1);
        }
      }
      continue;
    }
    if (blank(e->zName)) {
      return problem(pProblem, i, "name",
                     "escriba el nombre de la persona invitada.");
    }
    if (strlen(e->zName) > ATTENDANCE_NAME_MAX) {
      return problem(pProblem, i, "name",
                     "el nombre es demasiado largo (máximo %d caracteres).",
                     ATTENDANCE_NAME_MAX);
    }
    for (int j = 0; j < i; j++) {
      if (a[j].iMemberId == 0 && a[j].iParticipantId == 0 &&
          same_name(a[j].zName, e->zName)) {
        return problem(pProblem, i, "name", "«%s» ya aparece en la fila %d.",
                       e->zName, j + 1);
      }
    }
  }
  return ATTENDANCE_OK;
}

void attendance_apply(QuorumPerson *aPerson, int nPerson,
                      const AttendanceEntry *a, int n) {
  for (int i = 0; i < nPerson; i++) {
    aPerson[i].eAttendance = ATTENDANCE_AUSENTE;
    for (int j = 0; j < n; j++) {
      if (a[j].iMemberId > 0 && a[j].iMemberId == aPerson[i].iId) {
        aPerson[i].eAttendance = a[j].eStatus;
      }
    }
  }
}

/* ---- A list of guests pasted at once ---- */

/* z[0..n) without the blanks around it, copied into pArena. */
static const char *trim_copy(Arena *pArena, const char *z, size_t n) {
  while (n > 0 && isspace((unsigned char)*z)) {
    z++;
    n--;
  }
  while (n > 0 && isspace((unsigned char)z[n - 1])) n--;
  return arena_strndup(pArena, z, n);
}

/* Records one problem when there is room; counts it in any case. */
static void guest_problem(AttendanceProblem *a, int nMax, int *pn, int iLine,
                          const char *zField, const char *zFmt, ...) {
  if (*pn < nMax) {
    AttendanceProblem *p = &a[*pn];
    p->iEntry = iLine - 1;
    p->zField = zField;
    va_list ap;
    va_start(ap, zFmt);
    vsnprintf(p->zMessage, sizeof(p->zMessage), zFmt, ap);
    va_end(ap);
  }
  (*pn)++;
}

int attendance_guests_parse(Arena *pArena, const char *zText, GuestLine *aOut,
                            int nMax, int *pnOut, AttendanceProblem *aProblem,
                            int nProblem, int *pnProblem) {
  *pnOut = 0;
  *pnProblem = 0;
  int iLine = 0;
  for (const char *z = zText ? zText : ""; *z;) {
    size_t nLen = strcspn(z, "\r\n");
    const char *zRow = z;
    z += nLen;
    if (*z == '\r') z++;
    if (*z == '\n') z++;
    iLine++;
    const char *zTrim = trim_copy(pArena, zRow, nLen);
    if (!*zTrim) continue;
    /* The separator the line uses: a tab (a spreadsheet's cells), else a
    ** semicolon, else a comma. */
    char cSep = strchr(zTrim, '\t') ? '\t' : strchr(zTrim, ';') ? ';' : ',';
    const char *azField[3] = {"", "", ""};
    int nField = 0;
    for (const char *f = zTrim;; nField++) {
      size_t n = strcspn(f, (char[]){cSep, 0});
      if (nField < 3) azField[nField] = trim_copy(pArena, f, n);
      if (!f[n]) {
        nField++;
        break;
      }
      f += n + 1;
    }
    if (nField > 3) {
      guest_problem(aProblem, nProblem, pnProblem, iLine, "guests",
                    "Línea %d: tiene más de tres datos; escriba nombre, "
                    "organización y comuna (si el nombre lleva comas, "
                    "sepárelos con punto y coma).",
                    iLine);
      continue;
    }
    if (!*azField[0]) {
      guest_problem(aProblem, nProblem, pnProblem, iLine, "guests",
                    "Línea %d: falta el nombre de la persona.", iLine);
      continue;
    }
    if (strlen(azField[0]) > ATTENDANCE_NAME_MAX ||
        strlen(azField[1]) > ATTENDANCE_NAME_MAX) {
      guest_problem(aProblem, nProblem, pnProblem, iLine, "guests",
                    "Línea %d: el nombre o la organización es demasiado "
                    "largo (máximo %d caracteres).",
                    iLine, ATTENDANCE_NAME_MAX);
      continue;
    }
    if (*pnOut >= nMax) {
      guest_problem(aProblem, nProblem, pnProblem, iLine, "guests",
                    "Línea %d: la lista tiene más de %d personas; "
                    "agréguelas en dos partes.",
                    iLine, nMax);
      break;
    }
    GuestLine *g = &aOut[(*pnOut)++];
    g->iLine = iLine;
    g->zName = azField[0];
    g->zOrganization = azField[1];
    g->zCommune = azField[2];
  }
  return *pnProblem ? ATTENDANCE_INVALID : ATTENDANCE_OK;
}
