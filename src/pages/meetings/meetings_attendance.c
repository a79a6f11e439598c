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
#include "store/evidence/evidence_store.h"
#include "store/people/people.h"

#define GUEST_ROWS_MAX 200

static const MeetingAttendance *row_of(const MeetingAttendance *aRow, int nRow,
                                       int64_t iMember) {
  for (int i = 0; i < nRow; i++) {
    if (aRow[i].iMember == iMember) return &aRow[i];
  }
  return NULL;
}

/* Three radios in a row, one letter each on screen (P, A, J: the key is
** above the list) and the whole word for a screen reader, so that a
** person's name and attendance fit one line of a phone. zLabelId names
** the group (the person's name). */
static void status_radios(Html *h, const char *zName, const char *zLabelId,
                          Attendance eCur) {
  static const Attendance ae[] = {ATTENDANCE_PRESENTE, ATTENDANCE_AUSENTE,
                                  ATTENDANCE_JUSTIFICADO};
  static const char *const azLetter[] = {"P", "A", "J"};
  static const char *const azWord[] = {"Presente", "Ausente",
                                       "Ausencia justificada"};
  html_printf(h,
              "<span class=\"att-choice\" role=\"radiogroup\" "
              "aria-labelledby=\"%s\">",
              zLabelId);
  for (int k = 0; k < 3; k++) {
    html_printf(h,
                "<label class=\"att-%s\"><input type=\"radio\" name=\"%s\" "
                "value=\"%s\"%s><span aria-hidden=\"true\">%s</span><span "
                "class=\"visually-hidden\">%s</span></label>",
                attendance_slug(ae[k]), zName, attendance_slug(ae[k]),
                ae[k] == eCur ? " checked" : "", azLetter[k], azWord[k]);
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

/* A guest already listed: one compact row, their name and details kept
** in hidden fields (changed by removing and pasting again), attendance
** and a box to take them off the list. */
static void guest_row(Html *h, const FormErrors *pErr, int i,
                      const MeetingAttendance *g) {
  char zKey[32], zName[32], zLabel[32];
  snprintf(zKey, sizeof(zKey), "guest_%d", i);
  snprintf(zName, sizeof(zName), "guest_status_%d", i);
  snprintf(zLabel, sizeof(zLabel), "guest_label_%d", i);
  html_printf(h,
              "<div class=\"att-row att-guest%s\" id=\"%s\">"
              "<span class=\"att-name\" id=\"%s\">%s <small>Invitado/a%s%s"
              "%s%s</small></span>",
              pErr && form_error_for(pErr, zKey) ? " has-error" : "", zKey,
              zLabel, g->zName, *g->zOrganization ? " · " : "",
              g->zOrganization, *g->zCommune ? " · " : "", g->zCommune);
  html_printf(h,
              "<input type=\"hidden\" name=\"guest_name_%d\" value=\"%s\">"
              "<input type=\"hidden\" name=\"guest_org_%d\" value=\"%s\">"
              "<input type=\"hidden\" name=\"guest_commune_%d\" value=\"%s\">",
              i, g->zName, i, g->zOrganization, i, g->zCommune);
  status_radios(h, zName, zLabel, g->eStatus);
  html_printf(h,
              "<label class=\"att-remove\"><input type=\"checkbox\" "
              "name=\"guest_remove_%d\" value=\"1\"> Quitar de la lista"
              "</label>",
              i);
  row_error(h, pErr, zKey);
  html_printf(h, "</div>\n");
}

/* The box where a list of guests is pasted at once, one a line. */
static void guests_paste(Html *h, Request *r, const FormErrors *pErr) {
  const char *zMsg = pErr ? form_error_for(pErr, "guests") : NULL;
  const char *zTyped = pErr ? request_field(r, "guests") : NULL;
  html_printf(h,
              "<div class=\"field%s\" id=\"guests\"><label for=\"guests-"
              "text\">Agregar invitados</label><textarea id=\"guests-text\" "
              "name=\"guests\" rows=\"4\" aria-describedby=\"guests-hint\""
              "%s>%s</textarea><p class=\"field-hint\" id=\"guests-hint\">Una "
              "persona por línea: nombre, organización, comuna (separados por "
              "comas, punto y coma o tabulación; puede pegar una columna de "
              "una planilla). Quedan presentes.</p>",
              zMsg ? " has-error" : "", zMsg ? " aria-invalid=\"true\"" : "",
              zTyped ? zTyped : "");
  if (zMsg) {
    html_printf(h, "<div class=\"field-error\" role=\"alert\">");
    html_text_lines(h, zMsg);
    html_printf(h, "</div>");
  }
  html_printf(h, "</div>\n");
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
  page_section_begin(h, r, "asistencia", "Asistencia y quórum", "asistencia");
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
  page_post_form(h, r, "form attendance", "/actividades/%lld/asistencia",
                 (long long)a->id);
  record_version_field(h, r, RECORD_ATTENDANCE, a->id, iBase);
  /* One line a person: the name, then P / A / J. The excuse appears only
  ** for J and «reemplaza a» only for a suplente present (CSS :has(); a
  ** browser without it shows both, and the server keeps only what
  ** applies). */
  html_printf(h,
              "<p class=\"att-key\"><span aria-hidden=\"true\">P: presente · "
              "A: ausente · J: ausencia justificada (pide el motivo)</span>"
              "</p>\n<div class=\"att-list\">\n");
  for (int i = 0; i < nExp; i++) {
    const MeetingExpected *e = &aExp[i];
    const MeetingAttendance *s = row_of(aRow, nRow, e->iMember);
    Attendance eCur = s ? s->eStatus : ATTENDANCE_AUSENTE;
    char zName[40], zKey[40], zLabel[40];
    snprintf(zName, sizeof(zName), "status_%lld", (long long)e->iMember);
    snprintf(zKey, sizeof(zKey), "member_%lld", (long long)e->iMember);
    snprintf(zLabel, sizeof(zLabel), "label_%lld", (long long)e->iMember);
    html_printf(h,
                "<div class=\"att-row%s%s\" id=\"%s\"><span class=\"att-name"
                "\" id=\"%s\">%s <small>%s%s%s</small></span>",
                pErr && form_error_for(pErr, zKey) ? " has-error" : "",
                eCur == ATTENDANCE_JUSTIFICADO ? " is-excused" : "", zKey,
                zLabel, e->zName, e->bTitular ? "Titular" : "Suplente",
                e->zOrganization[0] ? " · " : "", e->zOrganization);
    status_radios(h, zName, zLabel, eCur);
    html_printf(h,
                "<label class=\"att-reason\">Motivo <input type=\"text\" "
                "name=\"reason_%lld\" value=\"%s\" maxlength=\"500\">"
                "</label>",
                (long long)e->iMember, s ? s->zReason : "");
    if (!e->bTitular) {
      /* Her own titular by default, unless he is recorded present: the
      ** quorum already counts her for him, and «—» here left the sheet and
      ** the acta without whom she replaced. */
      int64_t iSub = s && s->iSubstituteFor ? s->iSubstituteFor : 0;
      const MeetingAttendance *pTit = row_of(aRow, nRow, e->iSubstituteFor);
      if (!iSub && !(pTit && pTit->eStatus == ATTENDANCE_PRESENTE))
        iSub = e->iSubstituteFor;
      html_printf(h,
                  "<label class=\"att-sub\">Reemplaza a <select name=\""
                  "sub_%lld\"><option value=\"0\">—</option>",
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
    html_printf(h, "</div>\n");
  }
  int nGuest = 0;
  for (int i = 0; i < nRow; i++) {
    if (!aRow[i].iMember) guest_row(h, pErr, nGuest++, &aRow[i]);
  }
  html_printf(h, "</div>\n");
  guests_paste(h, r, pErr);
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
  int nMax = nExp + GUEST_ROWS_MAX + ATTENDANCE_GUESTS_MAX + 1;
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
  /* Nobody replaces a titular who is present himself. */
  for (int i = 0; i < pIn->n; i++) {
    for (int k = 0; k < pIn->n && pIn->aiSubstituteFor[i]; k++) {
      if (pIn->a[k].iMemberId == pIn->aiSubstituteFor[i] &&
          strcmp(pIn->a[k].zStatus, "presente") == 0) {
        pIn->aiSubstituteFor[i] = 0;
      }
    }
  }
  for (int g = 0; g < GUEST_ROWS_MAX; g++) {
    const char *zName =
        request_field(r, arena_printf(pArena, "guest_name_%d", g));
    if (!zName) break;
    if (!*zName) continue; /* The empty "add a guest" row */
    if (request_field(r, arena_printf(pArena, "guest_remove_%d", g))) continue;
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

/* Appends to *pIn the guests pasted in the form's box, each present, their
** commune looked up by name (the council's region first). NULL, or every
** problem, one line each (nothing is added then). */
static const char *guests_from_paste(Request *r, MeetingAttendanceInput *pIn,
                                     int nMax) {
  Arena *pArena = request_arena(r);
  const char *zText = request_field(r, "guests");
  if (!zText || !*zText) return NULL;
  GuestLine *aG =
      arena_alloc(pArena, sizeof(GuestLine) * ATTENDANCE_GUESTS_MAX);
  AttendanceProblem aP[12];
  int nG = 0, nP = 0;
  int nRoom = nMax - pIn->n;
  if (nRoom > ATTENDANCE_GUESTS_MAX) nRoom = ATTENDANCE_GUESTS_MAX;
  attendance_guests_parse(pArena, zText, aG, nRoom, &nG, aP, 12, &nP);
  Buf b;
  buf_init(&b, pArena);
  for (int i = 0; i < nP && i < 12; i++) {
    buf_printf(&b, "%s%s", i ? "\n" : "", aP[i].zMessage);
  }
  TerritoryIndex idx;
  int bTerr = territory_index_load(request_db(r), pArena, &idx) == DB_OK;
  const char **azCommune = arena_alloc(pArena, sizeof(char *) * (nG + 1));
  for (int i = 0; i < nG; i++) {
    azCommune[i] = "";
    if (!*aG[i].zCommune) continue;
    const TerritoryCommune *c =
        bTerr ? territory_index_resolve(&idx, aG[i].zCommune) : NULL;
    if (!c) {
      buf_printf(&b, "%sLínea %d: no existe la comuna «%s».", nP++ ? "\n" : "",
                 aG[i].iLine, aG[i].zCommune);
    } else {
      azCommune[i] = c->zName;
    }
  }
  if (nP) {
    if (nP > 12) buf_printf(&b, "\n… y %d problemas más.", nP - 12);
    return arena_printf(pArena,
                        "No se agregó ningún invitado ni se guardó la "
                        "asistencia: corrija estas líneas.\n%s",
                        buf_str(&b));
  }
  for (int i = 0; i < nG; i++) {
    AttendanceEntry *e = &pIn->a[pIn->n];
    memset(e, 0, sizeof(*e));
    e->zName = aG[i].zName;
    e->zOrganization = aG[i].zOrganization;
    e->zStatus = "presente";
    pIn->azCommune[pIn->n] = azCommune[i];
    pIn->aiSubstituteFor[pIn->n] = 0;
    pIn->n++;
  }
  return NULL;
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
  const char *zKey = iEntry == -2 ? "guests" : NULL;
  MeetingAttendance *aRow =
      typed_rows(request_arena(r), pIn, iEntry, iEntry == -2 ? NULL : &zKey);
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
  Arena *pArena = request_arena(r);
  MeetingAttendance *aSaved = NULL;
  int nSaved = 0, iVersion = 0;
  Html h;
  if (!meeting_attendance_conflict_begin(r, &h, a, "Asistencia", &aSaved,
                                         &nSaved, &iVersion)) {
    return;
  }
  MeetingAttendance *aMine = typed_rows(pArena, pIn, -1, NULL);
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
  attendance_render(&h, r, a, aExp, nExp, aMine, pIn->n, NULL, iVersion, 1);
  page_finish(r, &h, 409);
}

/* What attendance_save() answers when the list would leave one of the
** session's agreements without its quorum or its votes (*pzUnfit says). */
#define ATTENDANCE_UNFITS_AGREEMENT 1002

/* Saves the list in, checked against the version the form was drawn from
** when it carries one: DB_OK, DB_STALE (saved meanwhile), DB_ERROR, or
** ATTENDANCE_UNFITS_AGREEMENT with the reason in *pzUnfit, nothing saved. */
static int attendance_save(Request *r, const Activity *a,
                           const MeetingAttendanceInput *pIn,
                           const char **pzUnfit) {
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
  if (rc == DB_OK) {
    *pzUnfit = meeting_attendance_decisions_problem(r, a->id);
    if (*pzUnfit) rc = ATTENDANCE_UNFITS_AGREEMENT;
  }
  return db_finish(pDb, rc);
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
  int nBefore = in.n;
  const char *zErr = guests_from_paste(
      r, &in, nExp + GUEST_ROWS_MAX + ATTENDANCE_GUESTS_MAX + 1);
  if (zErr) {
    attendance_reshow(r, &a, aExp, nExp, &in, -2, zErr);
    return;
  }
  zErr = meeting_attendance_check_at(r, &in, &zField, &iEntry);
  if (zErr) {
    /* A problem in a pasted line is the box's; the box keeps the text. */
    if (iEntry >= nBefore) {
      in.n = nBefore;
      iEntry = -2;
    }
    attendance_reshow(r, &a, aExp, nExp, &in, iEntry, zErr);
    return;
  }
  const char *zUnfit = NULL;
  int rc = attendance_save(r, &a, &in, &zUnfit);
  if (rc == ATTENDANCE_UNFITS_AGREEMENT) {
    attendance_reshow(r, &a, aExp, nExp, &in, -1, zUnfit);
    return;
  }
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
      r,
      arena_printf(pArena, "/actividades/%lld?guardado=asistencia#asistencia",
                   (long long)a.id));
}

/* The sheet of activity a: blank to be signed before the session; once
** cosoc has its attendance, each person present, absent or excused, whom
** a suplente replaced, and the guests (the «asistencia» evidence cosoc
** makes itself), still with the signature column for the printed copy.
** EXPORT_OK or EXPORT_ERROR (a failed query included). */
static int sheet_pdf(Db *pDb, Arena *pArena, const Council *pCouncil,
                     const Activity *pAct, int bLetter, const char **ppOut,
                     size_t *pnOut) {
  const Activity a = *pAct;
  MeetingExpected *aExp = NULL;
  MeetingAttendance *aRow = NULL;
  int nExp = 0, nRow = 0;
  EvidenceSystem sys;
  if (!pCouncil ||
      meeting_expected_list(pDb, pArena, pCouncil->id, &aExp, &nExp) != DB_OK ||
      meeting_attendance_list(pDb, pArena, a.id, &aRow, &nRow) != DB_OK ||
      evidence_system(pDb, a.id, EVIDENCE_CUT_NONE, &sys) != DB_OK) {
    return EXPORT_ERROR;
  }
  SheetPerson *aPerson =
      arena_alloc(pArena, sizeof(SheetPerson) * (size_t)(nExp + nRow + 1));
  memset(aPerson, 0, sizeof(SheetPerson) * (size_t)(nExp + nRow + 1));
  int nPerson = 0;
  for (int i = 0; i < nExp; i++) {
    SheetPerson *p = &aPerson[nPerson++];
    p->zName = aExp[i].zName;
    p->zOrganization = aExp[i].zOrganization;
    p->bTitular = aExp[i].bTitular;
    p->bCouncillor = 1;
    for (int k = 0; k < nRow; k++) {
      if (aRow[k].iMember != aExp[i].iMember) continue;
      p->zAttendance = attendance_label(aRow[k].eStatus);
      if (!aExp[i].bTitular && aRow[k].eStatus == ATTENDANCE_PRESENTE &&
          *aRow[k].zReplaces) {
        p->zReplaces = aRow[k].zReplaces;
      }
    }
    if (sys.bAttendance && !p->zAttendance) {
      p->zAttendance = attendance_label(ATTENDANCE_AUSENTE);
    }
  }
  for (int k = 0; k < nRow; k++) { /* The guests, as recorded */
    if (aRow[k].iMember) continue;
    SheetPerson *p = &aPerson[nPerson++];
    p->zName = aRow[k].zName;
    p->zOrganization = aRow[k].zOrganization;
    p->zAttendance = attendance_label(aRow[k].eStatus);
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
  in.nPerson = nPerson;
  in.aPerson = aPerson;
  in.nBlank = sys.bAttendance ? 3 : 8;
  if (sys.bAttendance) {
    in.zRecorded = arena_printf(pArena,
                                "Asistencia registrada en cosoc el %s; la "
                                "columna Firma es para la copia impresa.",
                                page_time(pArena, sys.tAttendance));
  }
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
  int rc = sheet_pdf(request_db(r), request_arena(r), page_council(r), &a,
                     zPaper && strcmp(zPaper, "carta") == 0, &zOut, &nOut);
  page_send_export(r, rc, EXPORT_PDF_TYPE,
                   "inline; filename=\"asistencia.pdf\"", zOut, nOut);
}

int meeting_attendance_conflict_begin(Request *r, Html *h, const Activity *a,
                                      const char *zTitle,
                                      MeetingAttendance **paSaved, int *pnSaved,
                                      int *piVersion) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  RecordStamp stamp;
  if (!page_db_ok(
          r, meeting_attendance_list(pDb, pArena, a->id, paSaved, pnSaved)) ||
      !page_db_ok(
          r, record_stamp_get(pDb, pArena, RECORD_ATTENDANCE, a->id, &stamp))) {
    return 0;
  }
  *piVersion = stamp.iVersion;
  page_begin(r, h, zTitle, "actividades");
  html_printf(h, "<h1>Asistencia: <a href=\"/actividades/%lld\">%s</a></h1>\n",
              (long long)a->id, a->zTitle);
  record_conflict_begin(h, r, RECORD_ATTENDANCE, a->id, "de la asistencia");
  return 1;
}
