/*
** Attendance on the activity page: one row per expected councillor with
** presente/ausente/justificado radio buttons (quick entry on a phone),
** the excuse, the titular a suplente attends for, guests; the quorum and
** why; and the printable attendance sheet.
**
** POST /actividades/ID/asistencia      admin: status_MEMBER (slug),
**      reason_MEMBER, sub_MEMBER (titular id, 0 none); guest_name_N,
**      guest_org_N, guest_commune_N, guest_status_N for N = 0, 1, …
**      Replaces the list, then 303 to the page. "version": the list's
**      version the form was drawn from; when the list was saved meanwhile
**      (by the form or the API), 409 with both versions person by person
**      and the typed values, to save again or discard (issue 3). A post
**      without it saves unchecked, as the API does. Once the session's
**      acta is approved the list is fixed: 409, and the section shows it
**      read-only.
** GET  /actividades/ID/asistencia.pdf  signed in; ?papel=carta for US
**      Letter (A4 otherwise): the sheet to sign.
*/
#include <stdlib.h>
#include <string.h>

#include "store/accounts/accounts.h"
#include "db/record_stamp.h"
#include "export/attendance_sheet.h"
#include "pages/conflict.h"
#include "pages/people/people_widgets.h"
#include "pages/meetings/meetings_pages.h"
#include "store/people/people.h"

#define GUEST_ROWS_MAX 200

static const MeetingAttendance *row_of(const MeetingAttendance *aRow, int nRow,
                                       int64_t iMember) {
  for (int i = 0; i < nRow; i++) {
    if (aRow[i].iMember == iMember) return &aRow[i];
  }
  return NULL;
}

static void status_radios(Html *h, const char *zName, Attendance eCur) {
  static const Attendance ae[] = {ATTENDANCE_PRESENTE, ATTENDANCE_AUSENTE,
                                  ATTENDANCE_JUSTIFICADO};
  static const char *const azShort[] = {"Presente", "Ausente", "Justificado"};
  html_printf(h, "<span class=\"attendance-status\">");
  for (int k = 0; k < 3; k++) {
    html_printf(h,
                "<label><input type=\"radio\" name=\"%s\" value=\"%s\"%s> %s"
                "</label> ",
                zName, attendance_slug(ae[k]), ae[k] == eCur ? " checked" : "",
                azShort[k]);
  }
  html_printf(h, "</span>");
}

static void quorum_paragraph(Html *h, const QuorumResult *q) {
  html_printf(h, "<p id=\"quorum\" class=\"quorum %s\"><strong>%s</strong>",
              q->session.bReached ? "quorum-ok" : "quorum-no",
              q->session.zExplain);
  if (q->agreement.zExplain[0]) html_printf(h, " %s", q->agreement.zExplain);
  html_printf(h, "</p>\n");
}

/* The message pErr holds for the row named zKey, under its legend. */
static void row_error(Html *h, const FormErrors *pErr, const char *zKey) {
  const char *zMsg = pErr ? form_error_for(pErr, zKey) : NULL;
  if (zMsg) html_printf(h, "<p class=\"field-error\">%s</p>", zMsg);
}

static void guest_row(Html *h, const FormErrors *pErr, int i,
                      const MeetingAttendance *g) {
  char zKey[32];
  snprintf(zKey, sizeof(zKey), "guest_%d", i);
  html_printf(h, "<fieldset class=\"attendance-guest%s\" id=\"%s\">",
              pErr && form_error_for(pErr, zKey) ? " has-error" : "", zKey);
  html_printf(h,
              "<legend>%s</legend>"
              "<label>Nombre <input type=\"text\" name=\"guest_name_%d\" "
              "value=\"%s\" maxlength=\"200\"></label> "
              "<label>Organización <input type=\"text\" name=\"guest_org_%d\" "
              "value=\"%s\"></label> "
              "<label>Comuna <input type=\"text\" name=\"guest_commune_%d\" "
              "value=\"%s\"></label> ",
              g ? "Invitado/a" : "Agregar invitado/a", i, g ? g->zName : "", i,
              g ? g->zOrganization : "", i, g ? g->zCommune : "");
  char zName[32];
  snprintf(zName, sizeof(zName), "guest_status_%d", i);
  status_radios(h, zName, g ? g->eStatus : ATTENDANCE_PRESENTE);
  row_error(h, pErr, zKey);
  html_printf(h, "</fieldset>\n");
}

static void attendance_render(Html *h, Request *r, const Activity *a,
                              const MeetingExpected *aExp, int nExp,
                              const MeetingAttendance *aRow, int nRow,
                              const FormErrors *pErr, int iBase, int bConflict);

void activity_attendance_section(Html *h, Request *r, const Activity *a) {
  if (!request_user(r)) return;
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  MeetingExpected *aExp = NULL;
  MeetingAttendance *aRow = NULL;
  int nExp = 0, nRow = 0;
  if (meeting_expected_list(pDb, pArena, page_council_id(r), &aExp, &nExp) !=
          DB_OK ||
      meeting_attendance_list(pDb, pArena, a->id, &aRow, &nRow) != DB_OK) {
    return;
  }
  attendance_render(h, r, a, aExp, nExp, aRow, nRow, NULL, 0, 0);
}

/* The section with aRow as the form's values; pErr non-NULL: a refused
** submission re-shown, each message under its row ("member_ID",
** "guest_N"). The form carries iBase as the list's version (0: the stored
** one); bConflict closes it with the conflict page's choices. */
static void attendance_render(Html *h, Request *r, const Activity *a,
                              const MeetingExpected *aExp, int nExp,
                              const MeetingAttendance *aRow, int nRow,
                              const FormErrors *pErr, int iBase,
                              int bConflict) {
  int bAdmin = page_user_is(r, ROLE_ADMIN);
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  QuorumResult q;
  if (meeting_quorum(pDb, pArena, page_council_id(r), a->id, &q) != DB_OK) {
    return;
  }
  html_printf(h,
              "<section aria-labelledby=\"asistencia\"><h2 id=\"asistencia\">"
              "Asistencia y quórum</h2>\n");
  quorum_paragraph(h, &q);
  if (bAdmin) {
    html_printf(h,
                "<p><a href=\"/admin/quorum\">Reglas de quórum del "
                "consejo</a></p>\n");
  }
  html_printf(h,
              "<p>Hoja de asistencia para firmar: <a href=\"/actividades/%lld/"
              "asistencia.pdf\">PDF tamaño A4</a> · <a href=\"/actividades/"
              "%lld/asistencia.pdf?papel=carta\">PDF tamaño carta</a></p>\n",
              (long long)a->id, (long long)a->id);
  /* Once the acta is approved the list is fixed with it: shown, not
  ** offered as a form (the officer still sees the excuses). */
  const char *zFrozen = bAdmin ? meeting_frozen_reason(r, a->id) : NULL;
  if (!bAdmin || zFrozen) {
    if (zFrozen) {
      html_printf(h,
                  "<p class=\"notice\">%s <a href=\"/actividades/%lld/acta"
                  "\">Ir al acta</a></p>\n",
                  zFrozen, (long long)a->id);
    }
    html_printf(h, "<ul>");
    for (int i = 0; i < nRow; i++) {
      const char *zReason = zFrozen ? aRow[i].zReason : "";
      html_printf(h, "<li>%s: %s%s%s</li>", aRow[i].zName,
                  attendance_label(aRow[i].eStatus), zReason[0] ? " — " : "",
                  zReason);
    }
    html_printf(h, "</ul></section>\n");
    return;
  }
  html_printf(h,
              "<form class=\"form attendance\" method=\"post\" action=\""
              "/actividades/%lld/asistencia\">",
              (long long)a->id);
  form_csrf(h, request_csrf_token(r));
  record_version_field(h, r, RECORD_ATTENDANCE, a->id, iBase);
  for (int i = 0; i < nExp; i++) {
    const MeetingExpected *e = &aExp[i];
    const MeetingAttendance *s = row_of(aRow, nRow, e->iMember);
    char zName[40];
    snprintf(zName, sizeof(zName), "status_%lld", (long long)e->iMember);
    char zKey[40];
    snprintf(zKey, sizeof(zKey), "member_%lld", (long long)e->iMember);
    html_printf(h,
                "<fieldset class=\"attendance-row%s\" id=\"%s\"><legend>%s "
                "<small>%s%s%s</small></legend>",
                pErr && form_error_for(pErr, zKey) ? " has-error" : "", zKey,
                e->zName, e->bTitular ? "Titular" : "Suplente",
                e->zOrganization[0] ? " · " : "", e->zOrganization);
    status_radios(h, zName, s ? s->eStatus : ATTENDANCE_AUSENTE);
    html_printf(h,
                "<label>Motivo <input type=\"text\" name=\"reason_%lld\" "
                "value=\"%s\" maxlength=\"500\"></label>",
                (long long)e->iMember, s ? s->zReason : "");
    if (!e->bTitular) {
      int64_t iSub = s && s->iSubstituteFor ? s->iSubstituteFor : 0;
      html_printf(h,
                  "<label>Reemplaza a <select name=\"sub_%lld\"><option "
                  "value=\"0\">—</option>",
                  (long long)e->iMember);
      for (int k = 0; k < nExp; k++) {
        if (!aExp[k].bTitular) continue;
        html_printf(h, "<option value=\"%lld\"%s>%s</option>",
                    (long long)aExp[k].iMember,
                    aExp[k].iMember == iSub ? " selected" : "", aExp[k].zName);
      }
      html_printf(h, "</select></label>");
    }
    row_error(h, pErr, zKey);
    html_printf(h, "</fieldset>\n");
  }
  int nGuest = 0;
  for (int i = 0; i < nRow; i++) {
    if (!aRow[i].iMember) guest_row(h, pErr, nGuest++, &aRow[i]);
  }
  guest_row(h, NULL, nGuest, NULL);
  if (bConflict) {
    conflict_submit(
        h, arena_printf(request_arena(r), "/actividades/%lld#asistencia",
                        (long long)a->id));
    html_printf(h, "</section>\n");
    return;
  }
  html_printf(h,
              "<div class=\"actions\"><button type=\"submit\" class=\"button\">"
              "Guardar asistencia</button></div></form></section>\n");
}

/* Reads the form into *pIn. */
static void attendance_from_form(Request *r, const MeetingExpected *aExp,
                                 int nExp, MeetingAttendanceInput *pIn) {
  Arena *pArena = request_arena(r);
  int nMax = nExp + GUEST_ROWS_MAX + 1;
  pIn->a = arena_alloc(pArena, sizeof(AttendanceEntry) * (size_t)nMax);
  pIn->azCommune = arena_alloc(pArena, sizeof(char *) * (size_t)nMax);
  pIn->aiSubstituteFor = arena_alloc(pArena, sizeof(int64_t) * (size_t)nMax);
  pIn->n = 0;
  for (int i = 0; i < nExp; i++) {
    long long id = (long long)aExp[i].iMember;
    const char *zStatus =
        request_field(r, arena_printf(pArena, "status_%lld", id));
    if (!zStatus) continue;
    AttendanceEntry *e = &pIn->a[pIn->n];
    memset(e, 0, sizeof(*e));
    e->iMemberId = id;
    e->zStatus = zStatus;
    e->zReason = request_field(r, arena_printf(pArena, "reason_%lld", id));
    int64_t iSub = request_field_id(r, arena_printf(pArena, "sub_%lld", id));
    pIn->azCommune[pIn->n] = "";
    pIn->aiSubstituteFor[pIn->n] = strcmp(zStatus, "presente") == 0 ? iSub : 0;
    pIn->n++;
  }
  for (int g = 0; g < GUEST_ROWS_MAX; g++) {
    const char *zName =
        request_field(r, arena_printf(pArena, "guest_name_%d", g));
    if (!zName) break;
    if (!*zName) continue; /* The empty "add a guest" row */
    AttendanceEntry *e = &pIn->a[pIn->n];
    memset(e, 0, sizeof(*e));
    e->zName = zName;
    e->zOrganization =
        request_field(r, arena_printf(pArena, "guest_org_%d", g));
    const char *zStatus =
        request_field(r, arena_printf(pArena, "guest_status_%d", g));
    e->zStatus = zStatus ? zStatus : "presente";
    const char *zCommune =
        request_field(r, arena_printf(pArena, "guest_commune_%d", g));
    pIn->azCommune[pIn->n] = zCommune ? zCommune : "";
    pIn->aiSubstituteFor[pIn->n] = 0;
    pIn->n++;
  }
}

/* The list as typed (in), as rows the form can show; *pzKey (may be NULL)
** gets the form key of the row iEntry ("member_ID", "guest_N"). */
static MeetingAttendance *typed_rows(Arena *pArena,
                                     const MeetingAttendanceInput *pIn,
                                     int iEntry, const char **pzKey) {
  MeetingAttendance *aRow =
      arena_alloc(pArena, sizeof(MeetingAttendance) * (size_t)(pIn->n + 1));
  const char *zKey = NULL;
  int nGuest = 0;
  for (int i = 0; i < pIn->n; i++) {
    const AttendanceEntry *e = &pIn->a[i];
    MeetingAttendance *s = &aRow[i];
    memset(s, 0, sizeof(*s));
    s->iMember = e->iMemberId;
    s->zName = e->zName ? e->zName : "";
    s->zOrganization = e->zOrganization ? e->zOrganization : "";
    s->zCommune = pIn->azCommune[i];
    /* A status that is not one of the three leaves no radio checked. */
    if (attendance_parse(e->zStatus, &s->eStatus) != 0)
      s->eStatus = (Attendance)-1;
    s->zReason = e->zReason ? e->zReason : "";
    s->iSubstituteFor = pIn->aiSubstituteFor[i];
    if (i == iEntry) {
      zKey = e->iMemberId
                 ? arena_printf(pArena, "member_%lld", (long long)e->iMemberId)
                 : arena_printf(pArena, "guest_%d", nGuest);
    }
    if (!e->iMemberId) nGuest++;
  }
  if (pzKey) *pzKey = zKey;
  return aRow;
}

/* Re-shows the form as typed (in) with zErr under the row iEntry of in,
** 422, keeping the version it was drawn from; nothing was written. */
static void attendance_reshow(Request *r, const Activity *a,
                              const MeetingExpected *aExp, int nExp,
                              const MeetingAttendanceInput *pIn, int iEntry,
                              const char *zErr) {
  const char *zKey = NULL;
  MeetingAttendance *aRow = typed_rows(request_arena(r), pIn, iEntry, &zKey);
  FormErrors err;
  form_errors_init(&err);
  form_error(&err, zKey, zErr);
  Html h;
  page_begin(r, &h, "Asistencia", "actividades");
  html_printf(&h, "<h1>Asistencia: <a href=\"/actividades/%lld\">%s</a></h1>\n",
              (long long)a->id, a->zTitle);
  form_errors_summary(&h, &err);
  attendance_render(&h, r, a, aExp, nExp, aRow, pIn->n, &err,
                    record_posted_version(r), 0);
  page_finish(r, &h, 422);
}

/* One person's attendance in words, for the comparison: "Ausencia justificada:
** viaje", "Presente, reemplaza a …"; s NULL: nothing recorded. */
static const char *attendance_words(Arena *pArena, const MeetingAttendance *s,
                                    const MeetingExpected *aExp, int nExp) {
  if (!s) return "Sin registrar";
  const char *z = attendance_label(s->eStatus);
  if (s->eStatus == ATTENDANCE_JUSTIFICADO && s->zReason && *s->zReason) {
    z = arena_printf(pArena, "%s: %s", z, s->zReason);
  }
  for (int k = 0; s->iSubstituteFor && k < nExp; k++) {
    if (aExp[k].iMember == s->iSubstituteFor) {
      z = arena_printf(pArena, "%s, reemplaza a %s", z, aExp[k].zName);
    }
  }
  return z;
}

/* The guests of aRow in one line: "Ana Pérez (Junta X): Presente; …". */
static const char *guests_words(Arena *pArena, const MeetingAttendance *aRow,
                                int nRow) {
  const char *z = NULL;
  for (int i = 0; i < nRow; i++) {
    const MeetingAttendance *g = &aRow[i];
    if (g->iMember) continue;
    const char *zOne = arena_printf(
        pArena, "%s%s%s%s: %s", g->zName, g->zOrganization[0] ? " (" : "",
        g->zOrganization, g->zOrganization[0] ? ")" : "",
        attendance_label(g->eStatus));
    z = z ? arena_printf(pArena, "%s; %s", z, zOne) : zOne;
  }
  return z ? z : "Ninguno";
}

/* 409: the list was saved meanwhile. Compares, person by person, what was
** typed (in) with what is stored, and shows the form again with the typed
** values drawn from the stored version, so that "Guardar mi versión" is
** checked again. Nothing was written. */
static void attendance_conflict(Request *r, const Activity *a,
                                const MeetingExpected *aExp, int nExp,
                                const MeetingAttendanceInput *pIn) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  MeetingAttendance *aSaved = NULL;
  int nSaved = 0;
  RecordStamp stamp;
  if (!page_db_ok(
          r, meeting_attendance_list(pDb, pArena, a->id, &aSaved, &nSaved)) ||
      !page_db_ok(
          r, record_stamp_get(pDb, pArena, RECORD_ATTENDANCE, a->id, &stamp))) {
    return;
  }
  MeetingAttendance *aMine = typed_rows(pArena, pIn, -1, NULL);
  Html h;
  page_begin(r, &h, "Asistencia", "actividades");
  html_printf(&h, "<h1>Asistencia: <a href=\"/actividades/%lld\">%s</a></h1>\n",
              (long long)a->id, a->zTitle);
  record_conflict_begin(&h, r, RECORD_ATTENDANCE, a->id, "de la asistencia");
  for (int i = 0; i < nExp; i++) {
    conflict_row(
        &h, aExp[i].zName,
        attendance_words(pArena, row_of(aMine, pIn->n, aExp[i].iMember), aExp,
                         nExp),
        attendance_words(pArena, row_of(aSaved, nSaved, aExp[i].iMember), aExp,
                         nExp));
  }
  conflict_row(&h, "Invitados/as", guests_words(pArena, aMine, pIn->n),
               guests_words(pArena, aSaved, nSaved));
  conflict_end(&h);
  attendance_render(&h, r, a, aExp, nExp, aMine, pIn->n, NULL, stamp.iVersion,
                    1);
  page_finish(r, &h, 409);
}

/* Saves the list in, checked against the version the form was drawn from
** when it carries one: DB_OK, DB_STALE (saved meanwhile), DB_ERROR. */
static int attendance_save(Request *r, const Activity *a,
                           const MeetingAttendanceInput *pIn) {
  Db *pDb = request_db(r);
  int64_t iUser = request_user(r)->id;
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  int rc = request_field(r, "version")
               ? record_stamp_claim(pDb, RECORD_ATTENDANCE, a->id,
                                    record_posted_version(r), iUser)
               : DB_OK;
  if (rc == DB_OK) {
    rc = meeting_attendance_replace(pDb, a->id, iUser, pIn->a, pIn->n,
                                    pIn->azCommune, pIn->aiSubstituteFor);
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    return rc;
  }
  return db_commit(pDb);
}

void page_activity_attendance(Request *r) {
  Activity a;
  if (!act_load(r, &a, 0)) return;
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  MeetingExpected *aExp = NULL;
  int nExp = 0;
  if (!page_db_ok(r, meeting_expected_list(pDb, pArena, page_council_id(r),
                                           &aExp, &nExp))) {
    return;
  }
  MeetingAttendanceInput in;
  attendance_from_form(r, aExp, nExp, &in);
  const char *zField = NULL;
  int iEntry = -1;
  const char *zErr = meeting_attendance_check_at(r, &in, &zField, &iEntry);
  if (zErr) {
    attendance_reshow(r, &a, aExp, nExp, &in, iEntry, zErr);
    return;
  }
  int rc = attendance_save(r, &a, &in);
  if (rc == MEETING_ACTA_FROZEN) {
    meeting_frozen_respond(r, a.id);
    return;
  }
  if (rc == DB_STALE) {
    attendance_conflict(r, &a, aExp, nExp, &in);
    return;
  }
  if (!page_db_ok(r, rc)) return;
  respond_redirect(
      r, arena_printf(pArena, "/actividades/%lld#asistencia", (long long)a.id));
}

/* The sheet of activity a (blank, to be signed). EXPORT_OK or EXPORT_ERROR
** (a failed query included). */
static int sheet_pdf(Db *pDb, Arena *pArena, const Council *pCouncil,
                     const Activity *pAct, int bLetter, const char **ppOut,
                     size_t *pnOut) {
  const Activity a = *pAct;
  MeetingExpected *aExp = NULL;
  int nExp = 0;
  if (!pCouncil ||
      meeting_expected_list(pDb, pArena, pCouncil->id, &aExp, &nExp) != DB_OK) {
    return EXPORT_ERROR;
  }
  SheetPerson *aPerson =
      arena_alloc(pArena, sizeof(SheetPerson) * (size_t)(nExp + 1));
  for (int i = 0; i < nExp; i++) {
    aPerson[i].zName = aExp[i].zName;
    aPerson[i].zOrganization = aExp[i].zOrganization;
    aPerson[i].bTitular = aExp[i].bTitular;
    aPerson[i].bCouncillor = 1;
  }
  const char **azLine =
      arena_alloc(pArena, sizeof(char *) * (ACTIVITY_LINES_MAX + 1));
  for (int i = 0; i < a.nLine; i++) {
    azLine[i] =
        arena_printf(pArena, "Línea %d del plan de trabajo", a.aLine[i]);
  }
  char zWhen[ACTIVITY_WHEN_MAX];
  activity_format_when(a.iStart, a.iEnd, zWhen, sizeof(zWhen));
  SheetInput in;
  memset(&in, 0, sizeof(in));
  in.zCouncil = pCouncil->zName;
  in.zActivity = a.zTitle;
  in.zWhen = zWhen;
  in.zPlace = convene_place(pArena, &a);
  in.nPlanLine = a.nLine;
  in.azPlanLine = azLine;
  in.nPerson = nExp;
  in.aPerson = aPerson;
  in.nBlank = 8;
  in.bLetter = bLetter;
  char zErr[200];
  return attendance_sheet_pdf(pArena, &in, ppOut, pnOut, zErr, sizeof(zErr));
}

int attendance_sheet_bytes(Db *pDb, Arena *pArena, const Council *pCouncil,
                           int64_t iActivity, const char **ppOut,
                           size_t *pnOut) {
  Activity a;
  int rc = activity_get(pDb, pArena, pCouncil->id, iActivity, &a);
  if (rc != DB_OK) return rc;
  return sheet_pdf(pDb, pArena, pCouncil, &a, 0, ppOut, pnOut) == EXPORT_OK
             ? DB_OK
             : DB_ERROR;
}

void page_activity_attendance_pdf(Request *r) {
  Activity a;
  if (!act_load(r, &a, 0)) return;
  const char *zPaper = request_query(r, "papel");
  const char *zOut = NULL;
  size_t nOut = 0;
  if (sheet_pdf(request_db(r), request_arena(r), page_council(r), &a,
                zPaper && strcmp(zPaper, "carta") == 0, &zOut,
                &nOut) != EXPORT_OK) {
    respond_error(r, 500, NULL);
    return;
  }
  response_header(r, "Content-Disposition",
                  "inline; filename=\"asistencia.pdf\"");
  respond_bytes(r, 200, EXPORT_PDF_TYPE, zOut, nOut);
}
