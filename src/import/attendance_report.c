/*
** Participants reports of Zoom, Google Meet and Microsoft Teams (see
** attendance_report.h).
*/
#include "import/attendance_report.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "util/csv_read.h"
#include "util/text.h"

/* What a column of the report holds. */
typedef enum Role {
  ROLE_NONE = 0,
  ROLE_NAME,     /* The whole name */
  ROLE_NAME_ALT, /* Zoom's "Name (Original Name)": shown (account) */
  ROLE_FIRST,    /* First name(s); the whole name when no last name */
  ROLE_LAST,     /* Last name(s) */
  ROLE_EMAIL,    /* E-mail */
  ROLE_UPN,      /* Teams' account id: an e-mail when no e-mail column */
  ROLE_DURATION, /* Time connected */
  ROLE_JOIN,     /* When they joined */
  ROLE_LEAVE,    /* When they left */
  ROLE_ZOOM,     /* Columns only Zoom writes */
  ROLE_TEAMS,    /* Columns only Teams writes */
  ROLE_COUNT
} Role;

/* Column headings, folded (participant_fold), and what they hold. The
** English and Spanish versions of each tool; a new wording is a new row. */
static const struct {
  const char *zKey;
  Role eRole;
} aHeading[] = {
    {"name original name", ROLE_NAME_ALT},
    {"nombre nombre original", ROLE_NAME_ALT},
    {"name", ROLE_NAME},
    {"full name", ROLE_NAME},
    {"nombre completo", ROLE_NAME},
    {"participant", ROLE_NAME},
    {"participant name", ROLE_NAME},
    {"participante", ROLE_NAME},
    {"nombre del participante", ROLE_NAME},
    {"display name", ROLE_NAME},
    {"nombre para mostrar", ROLE_NAME},
    {"attendee", ROLE_NAME},
    {"first name", ROLE_FIRST},
    {"given name", ROLE_FIRST},
    {"nombre", ROLE_FIRST},
    {"nombres", ROLE_FIRST},
    {"last name", ROLE_LAST},
    {"surname", ROLE_LAST},
    {"family name", ROLE_LAST},
    {"apellido", ROLE_LAST},
    {"apellidos", ROLE_LAST},
    {"email", ROLE_EMAIL},
    {"e mail", ROLE_EMAIL},
    {"user email", ROLE_EMAIL},
    {"email address", ROLE_EMAIL},
    {"correo", ROLE_EMAIL},
    {"correo electronico", ROLE_EMAIL},
    {"correo electronico del usuario", ROLE_EMAIL},
    {"correo del usuario", ROLE_EMAIL},
    {"participant id upn", ROLE_UPN},
    {"upn", ROLE_UPN},
    {"duration", ROLE_DURATION},
    {"duration minutes", ROLE_DURATION},
    {"duracion", ROLE_DURATION},
    {"duracion minutos", ROLE_DURATION},
    {"in meeting duration", ROLE_DURATION},
    {"duracion en la reunion", ROLE_DURATION},
    {"attendance duration", ROLE_DURATION},
    {"time in call", ROLE_DURATION},
    {"tiempo conectado", ROLE_DURATION},
    {"join time", ROLE_JOIN},
    {"time joined", ROLE_JOIN},
    {"first join", ROLE_JOIN},
    {"joined", ROLE_JOIN},
    {"hora de entrada", ROLE_JOIN},
    {"hora de union", ROLE_JOIN},
    {"hora de ingreso", ROLE_JOIN},
    {"primera union", ROLE_JOIN},
    {"leave time", ROLE_LEAVE},
    {"time exited", ROLE_LEAVE},
    {"last leave", ROLE_LEAVE},
    {"left", ROLE_LEAVE},
    {"hora de salida", ROLE_LEAVE},
    {"ultima salida", ROLE_LEAVE},
    {"guest", ROLE_ZOOM},
    {"invitado", ROLE_ZOOM},
    {"in waiting room", ROLE_ZOOM},
    {"recording consent", ROLE_ZOOM},
    {"role", ROLE_TEAMS},
    {"rol", ROLE_TEAMS},
};

static Role heading_role(Arena *pArena, const char *zCell) {
  const char *zKey = participant_fold(pArena, zCell);
  for (size_t i = 0; i < sizeof(aHeading) / sizeof(aHeading[0]); i++) {
    if (strcmp(aHeading[i].zKey, zKey) == 0) return aHeading[i].eRole;
  }
  return ROLE_NONE;
}

/* ---- Encodings ---- */

/* z[0..n) converted from zFrom to UTF-8 (arena, NUL-terminated), or NULL
** when it is not valid in zFrom. */
static char *convert(Arena *pArena, const char *z, size_t n, const char *zFrom,
                     size_t *pnOut) {
  iconv_t cd = iconv_open("UTF-8", zFrom);
  if (cd == (iconv_t)-1) return NULL;
  size_t nCap = n * 3 / 2 + n + 16; /* UTF-16 unit -> at most 3 bytes */
  char *zOut = arena_alloc(pArena, nCap + 1);
  char *pIn = (char *)z, *pOut = zOut;
  size_t nIn = n, nLeft = nCap;
  size_t rc = iconv(cd, &pIn, &nIn, &pOut, &nLeft);
  iconv_close(cd);
  if (rc == (size_t)-1) return NULL;
  *pOut = 0;
  *pnOut = (size_t)(pOut - zOut);
  return zOut;
}

/* The report as UTF-8 text, whatever it came in; NULL when it cannot be
** read as text. */
static const char *report_text(Arena *pArena, const unsigned char *p, size_t n,
                               size_t *pnText, int *pbUtf16) {
  *pbUtf16 = 0;
  const char *zFrom = NULL;
  size_t iSkip = 0;
  if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
    zFrom = "UTF-16LE", iSkip = 2;
  } else if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
    zFrom = "UTF-16BE", iSkip = 2;
  } else if (n >= 4 && p[0] && !p[1] && p[2] && !p[3]) {
    zFrom = "UTF-16LE"; /* No BOM: ASCII text with a zero after each byte */
  } else if (n >= 4 && !p[0] && p[1] && !p[2] && p[3]) {
    zFrom = "UTF-16BE";
  }
  char *z;
  size_t nz = 0;
  if (zFrom) {
    if ((n - iSkip) % 2) n--; /* A stray last byte */
    z = convert(pArena, (const char *)p + iSkip, n - iSkip, zFrom, &nz);
    *pbUtf16 = 1;
  } else {
    if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) p += 3, n -= 3;
    if (text_utf8_valid((const char *)p, n)) {
      z = arena_alloc(pArena, n + 1);
      memcpy(z, p, n);
      z[n] = 0;
      nz = n;
    } else {
      /* Saved again by a spreadsheet on Windows. */
      z = convert(pArena, (const char *)p, n, "WINDOWS-1252", &nz);
    }
  }
  if (!z || memchr(z, 0, nz)) return NULL;
  if (nz >= 3 && memcmp(z, "\xEF\xBB\xBF", 3) == 0) z += 3, nz -= 3;
  *pnText = nz;
  return z;
}

/* ---- Durations and times ---- */

static int unit_seconds(const char *zWord) {
  static const struct {
    const char *z;
    int n;
  } a[] = {
      {"h", 3600},     {"hr", 3600},    {"hrs", 3600},   {"hour", 3600},
      {"hours", 3600}, {"hora", 3600},  {"horas", 3600}, {"m", 60},
      {"min", 60},     {"mins", 60},    {"minute", 60},  {"minutes", 60},
      {"minuto", 60},  {"minutos", 60}, {"s", 1},        {"sec", 1},
      {"secs", 1},     {"second", 1},   {"seconds", 1},  {"seg", 1},
      {"segundo", 1},  {"segundos", 1},
  };
  for (size_t i = 0; i < sizeof(a) / sizeof(a[0]); i++) {
    if (strcmp(a[i].z, zWord) == 0) return a[i].n;
  }
  return 0;
}

int attendance_report_duration(const char *z) {
  while (z && isspace((unsigned char)*z)) z++;
  if (!z || !*z) return -1;
  /* "01:05:30", "5:30" */
  int a[3], nPart = 0;
  const char *p = z;
  while (nPart < 3 && isdigit((unsigned char)*p)) {
    char *zEnd;
    long v = strtol(p, &zEnd, 10);
    if (v > 100000) return -1;
    a[nPart++] = (int)v;
    p = zEnd;
    if (*p != ':') break;
    p++;
  }
  while (isspace((unsigned char)*p)) p++;
  if (nPart >= 2 && !*p) {
    return nPart == 3 ? a[0] * 3600 + a[1] * 60 + a[2] : a[0] * 60 + a[1];
  }
  /* "45", "45.5", "1 hr 5 min", "1h 5m 30s" */
  double rTotal = 0;
  int nTerm = 0;
  p = z;
  while (*p) {
    while (isspace((unsigned char)*p)) p++;
    if (!*p) break;
    if (!isdigit((unsigned char)*p)) return -1;
    char *zEnd;
    double v = strtod(p, &zEnd);
    if (*zEnd == ',' && isdigit((unsigned char)zEnd[1])) {
      /* A decimal comma, as Spanish settings write it. */
      char zNum[32];
      size_t nNum = (size_t)(zEnd - p);
      if (nNum > 20) return -1;
      memcpy(zNum, p, nNum);
      zNum[nNum] = '.';
      size_t k = nNum + 1;
      for (zEnd++; isdigit((unsigned char)*zEnd) && k < 30; zEnd++)
        zNum[k++] = *zEnd;
      zNum[k] = 0;
      v = strtod(zNum, NULL);
    }
    p = zEnd;
    if (v < 0 || v > 100000) return -1;
    while (isspace((unsigned char)*p)) p++;
    char zWord[16];
    int nWord = 0;
    while (isalpha((unsigned char)*p) && nWord < 15)
      zWord[nWord++] = (char)tolower((unsigned char)*p++);
    zWord[nWord] = 0;
    while (*p == '.' || *p == ',') p++;
    int nUnit = nWord ? unit_seconds(zWord) : 0;
    if (nWord && !nUnit) return -1;
    if (!nWord) {
      if (nTerm) return -1; /* "1 h 30": a bare number after a unit */
      nUnit = 60;           /* A bare number is minutes, as Zoom writes it */
    }
    rTotal += v * nUnit;
    nTerm++;
  }
  if (!nTerm || rTotal > 7 * 24 * 3600) return -1;
  return (int)(rTotal + 0.5);
}

/* The time of day in a join or leave cell ("2026-12-03 10:02:11",
** "12/3/2026, 10:02:11 AM", "10:02 a. m."), seconds since midnight, or -1. */
static int time_of_day(const char *z) {
  const char *pBest = NULL;
  for (const char *p = z; p && *p; p++) {
    if (isdigit((unsigned char)p[0]) && p[1] &&
        (p[1] == ':' || (isdigit((unsigned char)p[1]) && p[2] == ':')) &&
        (p == z || !isdigit((unsigned char)p[-1]))) {
      pBest = p; /* The last time in the cell: dates come first */
    }
  }
  if (!pBest) return -1;
  int h = 0, m = 0, s = 0;
  char *zEnd;
  h = (int)strtol(pBest, &zEnd, 10);
  if (*zEnd != ':') return -1;
  m = (int)strtol(zEnd + 1, &zEnd, 10);
  if (*zEnd == ':') s = (int)strtol(zEnd + 1, &zEnd, 10);
  while (*zEnd == ' ') zEnd++;
  char c0 = (char)tolower((unsigned char)zEnd[0]);
  int bPm = c0 == 'p', bAm = c0 == 'a';
  if (h > 23 || m > 59 || s > 59) return -1;
  if (bPm && h < 12) h += 12;
  if (bAm && h == 12) h = 0;
  return h * 3600 + m * 60 + s;
}

/* ---- Reading ---- */

/* The cells of one line split at cSep (quotes honoured). */
static int split_line(Arena *pArena, const char *z, size_t n, char cSep,
                      const char ***pazCell) {
  CsvReader rd;
  csv_read_init(&rd, z, n);
  rd.cSep = cSep;
  int nCell = 0, iLine;
  if (csv_read_row(&rd, pArena, pazCell, &nCell, &iLine) != CSV_ROW) return 0;
  return nCell;
}

/* Whether columns with these roles make a report we can read. */
static int header_usable(const int *aiCol) {
  int bWho = aiCol[ROLE_NAME] >= 0 || aiCol[ROLE_NAME_ALT] >= 0 ||
             aiCol[ROLE_FIRST] >= 0 || aiCol[ROLE_EMAIL] >= 0;
  int bTime = aiCol[ROLE_DURATION] >= 0 ||
              (aiCol[ROLE_JOIN] >= 0 && aiCol[ROLE_LEAVE] >= 0);
  return bWho && bTime;
}

/* Reads a line's cells as a header: the column of each role into aiCol;
** returns how many cells were headings we know. */
static int read_header(Arena *pArena, const char *const *azCell, int nCell,
                       int *aiCol) {
  for (int r = 0; r < ROLE_COUNT; r++) aiCol[r] = -1;
  int nKnown = 0;
  for (int i = 0; i < nCell; i++) {
    Role e = heading_role(pArena, azCell[i]);
    if (e == ROLE_NONE) continue;
    nKnown++;
    if (aiCol[e] < 0) aiCol[e] = i;
  }
  /* "Nombre" alone is the whole name. */
  if (aiCol[ROLE_FIRST] >= 0 && aiCol[ROLE_LAST] < 0 && aiCol[ROLE_NAME] < 0) {
    aiCol[ROLE_NAME] = aiCol[ROLE_FIRST];
    aiCol[ROLE_FIRST] = -1;
  }
  if (aiCol[ROLE_EMAIL] < 0) aiCol[ROLE_EMAIL] = aiCol[ROLE_UPN];
  return nKnown;
}

static const char *cell(const char *const *azCell, int nCell, int iCol) {
  if (iCol < 0 || iCol >= nCell) return "";
  const char *z = azCell[iCol];
  while (*z == ' ' || *z == '\t') z++;
  return z;
}

static const char *trimmed(Arena *pArena, const char *z) {
  size_t n = strlen(z);
  while (n && isspace((unsigned char)z[n - 1])) n--;
  return arena_strndup(pArena, z, n);
}

/* The people seen so far, found by their key ("@" and the e-mail in lower
** case, or "#" and the folded name when there is no e-mail): a report of
** many thousands of rows is read in one pass, where comparing each row
** with every person before it (folding each name again) took minutes and
** gigabytes for a 4 MB report. Open addressing over a power of two larger
** than twice REPORT_PEOPLE_MAX; a slot holds a person's index + 1. */
#define PERSON_SLOTS 4096
_Static_assert(PERSON_SLOTS >= 2 * REPORT_PEOPLE_MAX, "room to probe");
typedef struct PersonIndex {
  const char *azKey[PERSON_SLOTS];
  int aiPerson[PERSON_SLOTS];
} PersonIndex;

static unsigned key_hash(const char *z) {
  unsigned h = 2166136261u; /* FNV-1a */
  for (; *z; z++) h = (h ^ (unsigned char)*z) * 16777619u;
  return h;
}

static const char *person_key(Arena *pArena, const ReportPerson *pRow) {
  if (!pRow->zEmail[0])
    return arena_printf(pArena, "#%s", participant_fold(pArena, pRow->zName));
  char *z = arena_printf(pArena, "@%s", pRow->zEmail);
  for (char *p = z; *p; p++) *p = (char)tolower((unsigned char)*p);
  return z;
}

/* Adds one row's person to the report, summing with an earlier row of the
** same person (same e-mail, or same name when there is none). */
static int add_person(Arena *pArena, AttendanceReport *pOut, int *pnAlloc,
                      PersonIndex *pIdx, const ReportPerson *pRow) {
  const char *zKey = person_key(pArena, pRow);
  unsigned i = key_hash(zKey) & (PERSON_SLOTS - 1);
  while (pIdx->aiPerson[i] && strcmp(pIdx->azKey[i], zKey) != 0)
    i = (i + 1) & (PERSON_SLOTS - 1);
  if (pIdx->aiPerson[i]) {
    ReportPerson *q = &pOut->aPerson[pIdx->aiPerson[i] - 1];
    q->nSeconds += pRow->nSeconds;
    q->nRows++;
    if (!q->zAltName[0]) q->zAltName = pRow->zAltName;
    return 1;
  }
  if (pOut->nPerson >= REPORT_PEOPLE_MAX) return 0;
  pOut->aPerson = arena_grow(pArena, pOut->aPerson, pOut->nPerson, pnAlloc,
                             sizeof(ReportPerson));
  pOut->aPerson[pOut->nPerson++] = *pRow;
  pIdx->azKey[i] = zKey;
  pIdx->aiPerson[i] = pOut->nPerson;
  return 1;
}

/* One data row into *pRow; 0 when it names no one. */
static int read_row(Arena *pArena, const char *const *azCell, int nCell,
                    const int *aiCol, ReportPerson *pRow) {
  memset(pRow, 0, sizeof(*pRow));
  pRow->zAltName = "";
  const char *zName;
  if (aiCol[ROLE_NAME_ALT] >= 0) {
    /* "Ana P. (Ana María Pérez)": shown name, then the account's. */
    zName = trimmed(pArena, cell(azCell, nCell, aiCol[ROLE_NAME_ALT]));
    size_t n = strlen(zName);
    const char *zOpen = strrchr(zName, '(');
    if (n && zName[n - 1] == ')' && zOpen && zOpen > zName) {
      pRow->zAltName =
          trimmed(pArena, arena_strndup(pArena, zOpen + 1,
                                        (size_t)(zName + n - 1 - zOpen - 1)));
      zName = trimmed(pArena,
                      arena_strndup(pArena, zName, (size_t)(zOpen - zName)));
    }
  } else if (aiCol[ROLE_FIRST] >= 0) {
    zName =
        trimmed(pArena, arena_printf(pArena, "%s %s",
                                     cell(azCell, nCell, aiCol[ROLE_FIRST]),
                                     cell(azCell, nCell, aiCol[ROLE_LAST])));
  } else {
    zName = trimmed(pArena, cell(azCell, nCell, aiCol[ROLE_NAME]));
  }
  const char *zEmail = trimmed(pArena, cell(azCell, nCell, aiCol[ROLE_EMAIL]));
  if (!strchr(zEmail, '@')) zEmail = "";
  if (text_single_line_problem(zName)) zName = "";
  if (!zName[0] && !zEmail[0]) return 0;
  pRow->zName = zName[0] ? zName : zEmail;
  char *zLower = arena_strdup(pArena, zEmail);
  for (char *p = zLower; *p; p++) *p = (char)tolower((unsigned char)*p);
  pRow->zEmail = zLower;
  int nSec = aiCol[ROLE_DURATION] >= 0
                 ? attendance_report_duration(
                       cell(azCell, nCell, aiCol[ROLE_DURATION]))
                 : -1;
  if (nSec < 0) {
    int tJoin = time_of_day(cell(azCell, nCell, aiCol[ROLE_JOIN]));
    int tLeave = time_of_day(cell(azCell, nCell, aiCol[ROLE_LEAVE]));
    nSec = tJoin >= 0 && tLeave >= 0
               ? (tLeave - tJoin + 24 * 3600) % (24 * 3600)
               : 0;
  }
  pRow->nSeconds = nSec;
  pRow->nRows = 1;
  return 1;
}

static ReportTool tool_of(const int *aiCol, int bUtf16, int bSummary) {
  if (aiCol[ROLE_NAME_ALT] >= 0 || aiCol[ROLE_ZOOM] >= 0)
    return REPORT_TOOL_ZOOM;
  if (bUtf16 || bSummary || aiCol[ROLE_TEAMS] >= 0 || aiCol[ROLE_UPN] >= 0)
    return REPORT_TOOL_TEAMS;
  if (aiCol[ROLE_FIRST] >= 0 || aiCol[ROLE_JOIN] >= 0) return REPORT_TOOL_MEET;
  return REPORT_TOOL_UNKNOWN;
}

int attendance_report_read(Arena *pArena, const void *p, size_t n,
                           AttendanceReport *pOut, const char **pzErr) {
  memset(pOut, 0, sizeof(*pOut));
  pOut->zTool = "";
  if (!p || n == 0) {
    *pzErr = "El archivo está vacío.";
    return REPORT_REFUSED;
  }
  if (n > REPORT_MAX_BYTES) {
    *pzErr =
        "El archivo es demasiado grande para un reporte de asistencia "
        "(máximo 4 MB).";
    return REPORT_REFUSED;
  }
  int bUtf16 = 0;
  size_t nText = 0;
  const char *zText = report_text(pArena, p, n, &nText, &bUtf16);
  if (!zText) {
    *pzErr =
        "El archivo no es texto: suba el CSV de participantes que "
        "descarga de Zoom, Google Meet o Microsoft Teams.";
    return REPORT_REFUSED;
  }
  /* The header: the first line whose cells, split at a tab, a comma or a
  ** semicolon, name a person and a time. */
  static const char acSep[] = {'\t', ',', ';'};
  int aiCol[ROLE_COUNT] = {0};
  char cSep = 0;
  size_t iLine = 0, iData = 0;
  int nBefore = 0; /* Non-empty lines before the header: a summary */
  /* A header that names no one (Zoom's meeting line when exported «with
  ** meeting data»: Meeting ID, Topic, User Email, Duration…, the host's
  ** e-mail) is kept only if no header with a name follows within a few
  ** lines: the participants come after it. */
  int aiNoName[ROLE_COUNT] = {0};
  char cNoName = 0;
  size_t iNoNameData = 0;
  int nNoNameBefore = 0, nSince = 0;
  while (iLine < nText && !cSep) {
    size_t iEnd = iLine;
    while (iEnd < nText && zText[iEnd] != '\n') iEnd++;
    size_t nLine = iEnd - iLine;
    int nBest = 0;
    for (size_t s = 0; s < sizeof(acSep); s++) {
      const char **azCell;
      int nCell = split_line(pArena, zText + iLine, nLine, acSep[s], &azCell);
      int aiTry[ROLE_COUNT];
      int nKnown = read_header(pArena, azCell, nCell, aiTry);
      if (nKnown > nBest && header_usable(aiTry)) {
        nBest = nKnown;
        cSep = acSep[s];
        memcpy(aiCol, aiTry, sizeof(aiCol));
      }
    }
    if (!cSep && nLine > 1) nBefore++;
    iLine = iEnd < nText ? iEnd + 1 : iEnd;
    iData = iLine;
    if (cSep && aiCol[ROLE_NAME] < 0 && aiCol[ROLE_NAME_ALT] < 0 &&
        aiCol[ROLE_FIRST] < 0 && !cNoName) {
      cNoName = cSep;
      memcpy(aiNoName, aiCol, sizeof(aiNoName));
      iNoNameData = iData;
      nNoNameBefore = nBefore;
      cSep = 0;
      nBefore++;
    } else if (cNoName && !cSep && ++nSince > 5) {
      break;
    }
  }
  if (!cSep && cNoName) {
    cSep = cNoName;
    memcpy(aiCol, aiNoName, sizeof(aiCol));
    iData = iNoNameData;
    nBefore = nNoNameBefore;
  }
  if (!cSep) {
    *pzErr =
        "No se encontraron las columnas de un reporte de participantes "
        "(nombre o correo, y duración u horas de entrada y salida): "
        "suba el CSV que descarga de Zoom, Google Meet o Microsoft "
        "Teams.";
    return REPORT_REFUSED;
  }
  /* The rows: up to the first blank line (Teams writes other sections
  ** after one). */
  size_t iStop = iData;
  while (iStop < nText) {
    size_t iEnd = iStop;
    int bBlank = 1;
    while (iEnd < nText && zText[iEnd] != '\n') {
      char c = zText[iEnd];
      if (c != '\r' && c != ' ' && c != cSep) bBlank = 0;
      iEnd++;
    }
    if (bBlank) break;
    iStop = iEnd < nText ? iEnd + 1 : iEnd;
  }
  CsvReader rd;
  csv_read_init(&rd, zText + iData, iStop - iData);
  rd.cSep = cSep;
  /* Lines are numbered as in the file, the summary and header included. */
  for (size_t i = 0; i < iData; i++) rd.iLine += zText[i] == '\n';
  const char **azCell;
  int nCell, iRow, rc, nAlloc = 0;
  PersonIndex *pIdx = arena_alloc(pArena, sizeof(PersonIndex));
  memset(pIdx, 0, sizeof(*pIdx));
  while ((rc = csv_read_row(&rd, pArena, &azCell, &nCell, &iRow)) == CSV_ROW) {
    ReportPerson row;
    pOut->nRow++;
    if (!read_row(pArena, azCell, nCell, aiCol, &row)) continue;
    if (!add_person(pArena, pOut, &nAlloc, pIdx, &row)) {
      *pzErr = "El reporte tiene demasiadas personas (máximo 2000).";
      return REPORT_REFUSED;
    }
  }
  if (rc == CSV_ERROR) {
    *pzErr = arena_printf(pArena, "El archivo no se pudo leer: %s.", rd.zErr);
    return REPORT_REFUSED;
  }
  pOut->eTool = tool_of(aiCol, bUtf16, nBefore > 0);
  static const char *const azTool[] = {"", "Zoom", "Google Meet",
                                       "Microsoft Teams"};
  pOut->zTool = azTool[pOut->eTool];
  if (!pOut->nPerson) {
    *pzErr = "El reporte no tiene filas de participantes.";
    return REPORT_REFUSED;
  }
  return REPORT_OK;
}
