/*
** A videoconference's participants report, as Zoom, Google Meet and
** Microsoft Teams export it, read into one row per person with the time
** they were connected.
**
** What each tool writes, and what is read:
**  - Zoom: "Name (Original Name),User Email,Join Time,Leave Time,Duration
**    (Minutes),Guest", UTF-8, one row per connection (a person who
**    rejoined has several: summed); the shown name may be followed by the
**    account's name in parentheses. Older and Spanish versions name the
**    columns otherwise ("Nombre (nombre original)", "Duración (minutos)").
**  - Google Meet's attendance report: "First name,Last name,Email,
**    Duration,Time joined,Time exited" (or one "Name"/"Participant"
**    column), durations such as "1 hr 5 min" or "01:05:00".
**  - Microsoft Teams: UTF-16LE with tab separators, a summary block on top
**    ("Meeting Summary", totals, title…), then "Full Name, Join Time,
**    Leave Time, Duration, Email, Role" (or "Name, First Join, Last Leave,
**    In-Meeting Duration, Email…"), durations such as "1h 5m 30s"; a later
**    section after a blank line is not read.
** The encoding (UTF-8 with or without BOM, UTF-16LE/BE, Windows-1252) and
** the separator (tab, comma, semicolon) are detected; the header is the
** first line whose cells name a person and a time; rows after it are read
** until a blank line. A row with no name and no e-mail is skipped. When a
** row has no duration, its join and leave times give it.
**
** Reads from memory, writes only into the caller's arena; includes only
** domain/ and util/.
*/
#ifndef COSOC_IMPORT_ATTENDANCE_REPORT_H
#define COSOC_IMPORT_ATTENDANCE_REPORT_H

#include <stddef.h>

#include "domain/participant.h"
#include "util/arena.h"

#define REPORT_MAX_BYTES (4 * 1024 * 1024) /* A report larger is refused */
#define REPORT_PEOPLE_MAX 2000             /* People in one report */

typedef enum ReportTool {
  REPORT_TOOL_UNKNOWN = 0, /* Columns we read, from no tool we know */
  REPORT_TOOL_ZOOM,
  REPORT_TOOL_MEET,
  REPORT_TOOL_TEAMS
} ReportTool;

typedef struct AttendanceReport {
  ReportTool eTool;  /* Told by its columns */
  const char *zTool; /* "Zoom", "Google Meet", "Microsoft Teams", "" */
  int nPerson;       /* People, in the order first seen */
  ReportPerson *aPerson;
  int nRow; /* Data rows read */
} AttendanceReport;

#define REPORT_OK 0
#define REPORT_REFUSED 1 /* Not a report we can read: *pzErr says why */

/* Reads p[0..n) into *pOut (arena memory). */
int attendance_report_read(Arena *pArena, const void *p, size_t n,
                           AttendanceReport *pOut, const char **pzErr);

/* Seconds in a duration as the tools write it: "45" and "45.5" (minutes),
** "01:05:30", "05:30" (minutes and seconds), "1 hr 5 min", "1h 5m 30s",
** "2 horas 10 minutos", "30 s"; -1 when it is none of these. */
int attendance_report_duration(const char *z);

#endif
