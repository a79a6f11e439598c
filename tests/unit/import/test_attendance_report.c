/*
** Participants reports as Zoom, Google Meet and Microsoft Teams export
** them (samples written here in each tool's shape), read into one row per
** person with the time connected, and matched to the people enrolled: by
** e-mail, then by name in any word order.
*/
#include "support.h"

#include <stdlib.h>
#include <string.h>

#include "domain/participant.h"
#include "import/attendance_report.h"

static const ReportPerson *person(const AttendanceReport *r,
                                  const char *zName) {
  for (int i = 0; i < r->nPerson; i++) {
    if (strcmp(r->aPerson[i].zName, zName) == 0) return &r->aPerson[i];
  }
  return NULL;
}

/* Zoom: one row per connection; a person who rejoined has two. */
static const char zZoom[] =
    "\xEF\xBB\xBF"
    "Name (Original Name),User Email,Join Time,Leave Time,Duration "
    "(Minutes),Guest\r\n"
    "Encargada PAC (Carolina Rojas),encargada.pac@serviu.cl,12/03/2026 "
    "06:55:10 PM,12/03/2026 09:01:00 PM,126,No\r\n"
    "María José Pérez,mjperez@gmail.com,12/03/2026 07:00:05 PM,12/03/2026 "
    "07:40:00 PM,40,Yes\r\n"
    "\"Pérez, María José\",MJPerez@gmail.com,12/03/2026 07:45:00 PM,"
    "12/03/2026 08:50:00 PM,65,Yes\r\n"
    "Juan Tapia (Juan Carlos Tapia Rivera),,12/03/2026 07:02:00 PM,"
    "12/03/2026 07:20:00 PM,18,Yes\r\n";

static void zoom_rows_of_one_person_are_summed(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  AttendanceReport r;
  const char *zErr = NULL;
  assert_int_equal(
      attendance_report_read(pArena, zZoom, strlen(zZoom), &r, &zErr),
      REPORT_OK);
  assert_int_equal(r.eTool, REPORT_TOOL_ZOOM);
  assert_int_equal(r.nRow, 4);
  assert_int_equal(r.nPerson, 3);
  const ReportPerson *p = person(&r, "María José Pérez");
  assert_non_null(p);
  assert_int_equal(p->nSeconds, (40 + 65) * 60);
  assert_int_equal(p->nRows, 2);
  assert_string_equal(p->zEmail, "mjperez@gmail.com");
  p = person(&r, "Juan Tapia");
  assert_non_null(p);
  assert_string_equal(p->zAltName, "Juan Carlos Tapia Rivera");
  assert_string_equal(p->zEmail, "");
  assert_int_equal(p->nSeconds, 18 * 60);
  arena_free(pArena);
}

/* Zoom with «Export with meeting data» ticked: the meeting's own line
** (Meeting ID, Topic, User Email, Duration…) comes first, then a blank
** line and the participants. The meeting line names an e-mail and a time
** but no one's name: it was taken for the report, and its only "person"
** was the host. */
static const char zZoomMeeting[] =
    "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),"
    "Participants\r\n"
    "\"812 3456 7890\",\"Escuela, módulo 2\",12/01/2026 08:20:00 PM,12/01/2026 "
    "10:20:00 PM,pac@example.cl,120,3\r\n"
    "\r\n"
    "Name (Original Name),User Email,Join Time,Leave Time,Duration "
    "(Minutes),Guest,Recording Consent,In Waiting Room\r\n"
    "Encargada PAC,pac@example.cl,12/01/2026 08:20:00 PM,12/01/2026 "
    "10:20:00 PM,120,No,,No\r\n"
    "Ana Tapia,ana.tapia@example.cl,12/01/2026 08:21:00 PM,12/01/2026 "
    "10:15:00 PM,114,Yes,,No\r\n"
    "Bruno Díaz (iPhone de Bruno),,12/01/2026 08:25:00 PM,12/01/2026 "
    "09:30:00 PM,65,Yes,,No\r\n";

static void zoom_with_meeting_data_reads_the_participants(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  AttendanceReport r;
  const char *zErr = NULL;
  assert_int_equal(attendance_report_read(pArena, zZoomMeeting,
                                          strlen(zZoomMeeting), &r, &zErr),
                   REPORT_OK);
  assert_int_equal(r.eTool, REPORT_TOOL_ZOOM);
  assert_int_equal(r.nRow, 3);
  assert_int_equal(r.nPerson, 3);
  const ReportPerson *p = person(&r, "Ana Tapia");
  assert_non_null(p);
  assert_int_equal(p->nSeconds, 114 * 60);
  p = person(&r, "Bruno Díaz");
  assert_non_null(p);
  assert_int_equal(p->nSeconds, 65 * 60);
  arena_free(pArena);
}

/* Google Meet's attendance report: first and last name apart, durations
** in words. */
static const char zMeet[] =
    "First name,Last name,Email,Duration,Time joined,Time exited\n"
    "Rosa,Araya Cortés,rosa.araya@example.cl,1 hr 35 min,7:01 PM,8:36 PM\n"
    "Pedro,Ñanculef,,45 min,7:10 PM,7:55 PM\n"
    "Ana,Gómez,ana.gomez@example.cl,,7:00 PM,8:30 PM\n";

/* The same report from Meet in Spanish, with a semicolon. */
static const char zMeetEs[] =
    "Nombre;Apellido;Correo electrónico;Duración;Hora de unión;Hora de "
    "salida\n"
    "Rosa;Araya Cortés;rosa.araya@example.cl;01:35:00;19:01;20:36\n";

static void meet_names_join_and_durations_read_in_words(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  AttendanceReport r;
  const char *zErr = NULL;
  assert_int_equal(
      attendance_report_read(pArena, zMeet, strlen(zMeet), &r, &zErr),
      REPORT_OK);
  assert_int_equal(r.eTool, REPORT_TOOL_MEET);
  assert_int_equal(r.nPerson, 3);
  assert_int_equal(person(&r, "Rosa Araya Cortés")->nSeconds, 95 * 60);
  assert_int_equal(person(&r, "Pedro Ñanculef")->nSeconds, 45 * 60);
  /* No duration: from the join and leave times. */
  assert_int_equal(person(&r, "Ana Gómez")->nSeconds, 90 * 60);
  assert_int_equal(
      attendance_report_read(pArena, zMeetEs, strlen(zMeetEs), &r, &zErr),
      REPORT_OK);
  assert_int_equal(r.nPerson, 1);
  assert_int_equal(person(&r, "Rosa Araya Cortés")->nSeconds, 95 * 60);
  arena_free(pArena);
}

/* UTF-8 text (BMP only) as UTF-16LE with a BOM, as Teams writes it. */
static char *utf16le(const char *z, size_t *pn) {
  size_t n = strlen(z);
  char *zOut = malloc(2 * n + 2);
  size_t j = 0;
  zOut[j++] = (char)0xFF;
  zOut[j++] = (char)0xFE;
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)z[i];
    unsigned cp;
    if (c < 0x80) {
      cp = c, i += 1;
    } else if ((c & 0xE0) == 0xC0) {
      cp = ((c & 0x1Fu) << 6) | ((unsigned char)z[i + 1] & 0x3Fu), i += 2;
    } else {
      cp = ((c & 0x0Fu) << 12) | (((unsigned char)z[i + 1] & 0x3Fu) << 6) |
           ((unsigned char)z[i + 2] & 0x3Fu);
      i += 3;
    }
    zOut[j++] = (char)(cp & 0xFF);
    zOut[j++] = (char)(cp >> 8);
  }
  *pn = j;
  return zOut;
}

static const char zTeams[] =
    "Meeting Summary\r\n"
    "Total Number of Participants\t3\r\n"
    "Meeting Title\tEscuela de Dirigentes – Módulo 2\r\n"
    "Meeting Start Time\t12/3/2026, 7:00:00 PM\r\n"
    "Meeting End Time\t12/3/2026, 9:00:00 PM\r\n"
    "\r\n"
    "Full Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole\r\n"
    "Carolina Rojas\t12/3/2026, 6:55:00 PM\t12/3/2026, 9:01:00 PM\t2h 6m\t"
    "encargada.pac@serviu.cl\tOrganizer\r\n"
    "Luis Muñoz Vega\t12/3/2026, 7:03:00 PM\t12/3/2026, 8:00:30 PM\t57m 30s\t"
    "luis.munoz@example.cl\tAttendee\r\n"
    "Luis Muñoz Vega\t12/3/2026, 8:10:00 PM\t12/3/2026, 8:55:00 PM\t45m\t"
    "luis.munoz@example.cl\tAttendee\r\n"
    "Camila Soto\t12/3/2026, 7:30:00 PM\t12/3/2026, 7:42:00 PM\t12m\t\t"
    "Attendee\r\n"
    "\r\n"
    "In-Meeting Activities\r\n"
    "Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole\r\n"
    "Luis Muñoz Vega\t12/3/2026, 7:03:00 PM\t12/3/2026, 8:00:30 PM\t57m 30s\t"
    "luis.munoz@example.cl\tAttendee\r\n";

static void teams_utf16_tabs_and_summary_block_are_read(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  size_t n;
  char *z = utf16le(zTeams, &n);
  AttendanceReport r;
  const char *zErr = NULL;
  assert_int_equal(attendance_report_read(pArena, z, n, &r, &zErr), REPORT_OK);
  free(z);
  assert_int_equal(r.eTool, REPORT_TOOL_TEAMS);
  assert_int_equal(r.nRow, 4); /* The activities section is not read */
  assert_int_equal(r.nPerson, 3);
  const ReportPerson *p = person(&r, "Luis Muñoz Vega");
  assert_non_null(p);
  assert_int_equal(p->nSeconds, 57 * 60 + 30 + 45 * 60);
  assert_int_equal(person(&r, "Camila Soto")->nSeconds, 12 * 60);
  arena_free(pArena);
}

static void other_files_are_refused_with_a_reason(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  AttendanceReport r;
  const char *zErr = NULL;
  static const char zPeople[] = "nombres;apellidos;run\nAna;Pérez;1-9\n";
  assert_int_equal(
      attendance_report_read(pArena, zPeople, strlen(zPeople), &r, &zErr),
      REPORT_REFUSED);
  assert_non_null(strstr(zErr, "columnas"));
  static const char zBinary[] = "%PDF-1.7\n\0\0\x01\x02";
  assert_int_equal(
      attendance_report_read(pArena, zBinary, sizeof(zBinary), &r, &zErr),
      REPORT_REFUSED);
  assert_int_equal(attendance_report_read(pArena, "", 0, &r, &zErr),
                   REPORT_REFUSED);
  /* A broken row is named by its line in the file (here the fourth,
  ** after a summary line, a blank one and the header). */
  static const char zOpen[] =
      "Meeting Summary\n\nName,Duration (Minutes)\n\"Ana,60\n";
  assert_int_equal(
      attendance_report_read(pArena, zOpen, strlen(zOpen), &r, &zErr),
      REPORT_REFUSED);
  if (!strstr(zErr, "línea 4:")) fail_msg("%s", zErr);
  static const char zEmpty[] = "Full Name\tDuration\tEmail\n";
  assert_int_equal(
      attendance_report_read(pArena, zEmpty, strlen(zEmpty), &r, &zErr),
      REPORT_REFUSED);
  arena_free(pArena);
}

/* A webinar of a thousand people who reconnect many times: each row finds
** its person by key, without folding every name seen before again (that
** grew the arena by the square of the rows: gigabytes for a 4 MB file).
** Rows of the same person are still summed, by e-mail in any case or by
** name when there is none. */
static void many_rows_of_many_people_are_summed_in_one_pass(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  Buf b;
  buf_init(&b, pArena);
  buf_puts(&b, "Name,User Email,Duration (Minutes)\n");
  enum { PEOPLE = 1000, REPEATS = 10000 };
  for (int i = 0; i < PEOPLE; i++)
    buf_printf(&b, "Persona Número %d,%s,1\n", i,
               i % 2 ? "" : arena_printf(pArena, "p%d@example.cl", i));
  for (int i = 0; i < REPEATS; i++)
    buf_printf(&b, "PERSONA NUMERO %d,%s,1\n", PEOPLE - 1 - i % 2,
               i % 2 ? "P998@EXAMPLE.CL" : "");
  size_t nBefore = arena_used(pArena);
  AttendanceReport r;
  const char *zErr = NULL;
  assert_int_equal(attendance_report_read(pArena, buf_str(&b),
                                          strlen(buf_str(&b)), &r, &zErr),
                   REPORT_OK);
  assert_int_equal(r.nPerson, PEOPLE);
  assert_int_equal(r.nRow, PEOPLE + REPEATS);
  assert_int_equal(r.aPerson[PEOPLE - 1].nRows, 1 + REPEATS / 2);
  assert_int_equal(r.aPerson[PEOPLE - 2].nRows, 1 + REPEATS / 2);
  assert_int_equal(r.aPerson[PEOPLE - 1].nSeconds, 60 * (1 + REPEATS / 2));
  size_t nPerRow = (arena_used(pArena) - nBefore) / (PEOPLE + REPEATS);
  if (nPerRow > 2048) fail_msg("%zu bytes a row", nPerRow);
  arena_free(pArena);
}

static void durations_in_every_shape(void **state) {
  (void)state;
  static const struct {
    const char *z;
    int n;
  } a[] = {
      {"45", 2700},        {"45.5", 2730},
      {"45,5", 2730},      {"01:05:30", 3930},
      {"05:30", 330},      {"1 hr 5 min", 3900},
      {"1h 5m 30s", 3930}, {"2 horas 10 minutos", 7800},
      {"30 s", 30},        {" 12 min ", 720},
      {"1 h 30", -1},      {"", -1},
      {"abc", -1},         {"5 parsecs", -1},
  };
  for (size_t i = 0; i < sizeof(a) / sizeof(a[0]); i++) {
    assert_int_equal(attendance_report_duration(a[i].z), a[i].n);
  }
}

static void report_people_match_by_email_then_name(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  ReportCandidate aCand[] = {
      {101, "María José Pérez Soto", "mjperez@gmail.com"},
      {102, "Juan Carlos Tapia Rivera", ""},
      {103, "Rosa Araya Cortés", "rosa@otra.cl"},
      {104, "Camila Soto", ""},
  };
  ReportPerson aPerson[] = {
      {"Mari", "", "MJPerez@gmail.com", 60, 1},              /* e-mail */
      {"Juan Tapia", "Juan Carlos Tapia Rivera", "", 60, 1}, /* alt name */
      {"ARAYA CORTES ROSA", "", "", 60, 1},                  /* word order */
      {"Desconocido", "", "nadie@example.cl", 60, 1},        /* no one */
      {"Camila Soto", "", "", 60, 1},
      {"camila soto", "", "", 60, 1}, /* Already taken: left for review */
  };
  int ai[6];
  assert_int_equal(participant_report_match(pArena, aPerson, 6, aCand, 4, ai),
                   4);
  assert_int_equal(ai[0], 0);
  assert_int_equal(ai[1], 1);
  assert_int_equal(ai[2], 2);
  assert_int_equal(ai[3], -1);
  assert_int_equal(ai[4], 3);
  assert_int_equal(ai[5], -1);
  arena_free(pArena);
}

static void same_person_by_run_then_email_then_name(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  const char *zOrg = participant_fold(pArena, "Junta de Vecinos Villa El Sol");
  ParticipantKey aHave[] = {
      {"12345678-5", "", participant_fold(pArena, "Ana Pérez"), zOrg},
      {"", "rosa@example.cl", participant_fold(pArena, "Rosa Araya"), ""},
      {"", "", participant_fold(pArena, "María José Pérez"), zOrg},
  };
  ParticipantKey want = {"12345678-5", "otra@example.cl", "", ""};
  assert_int_equal(participant_find(&want, aHave, 3), 0);
  want = (ParticipantKey){"", "rosa@example.cl", "x", ""};
  assert_int_equal(participant_find(&want, aHave, 3), 1);
  want = (ParticipantKey){
      "", "", participant_fold(pArena, "  MARIA jose  PEREZ "),
      participant_fold(pArena, "junta de vecinos villa el sol")};
  assert_int_equal(participant_find(&want, aHave, 3), 2);
  /* Another organization: another person with the same name. */
  want.zOrg = participant_fold(pArena, "Comité de Allegados");
  assert_int_equal(participant_find(&want, aHave, 3), -1);
  /* Two RUNs that differ are two people, whatever else they share. */
  want = (ParticipantKey){"11111111-1", "rosa@example.cl", "", ""};
  aHave[1].zRun = "22222222-2";
  assert_int_equal(participant_find(&want, aHave, 3), -1);
  assert_string_equal(participant_fold(pArena, "  María  J. Pérez-Soto "),
                      "maria j perez soto");
  arena_free(pArena);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(zoom_rows_of_one_person_are_summed),
      cmocka_unit_test(zoom_with_meeting_data_reads_the_participants),
      cmocka_unit_test(meet_names_join_and_durations_read_in_words),
      cmocka_unit_test(teams_utf16_tabs_and_summary_block_are_read),
      cmocka_unit_test(other_files_are_refused_with_a_reason),
      cmocka_unit_test(durations_in_every_shape),
      cmocka_unit_test(many_rows_of_many_people_are_summed_in_one_pass),
      cmocka_unit_test(report_people_match_by_email_then_name),
      cmocka_unit_test(same_person_by_run_then_email_then_name),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
