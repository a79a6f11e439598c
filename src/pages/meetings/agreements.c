/*
** Agreements (acuerdos): those of a session on its activity page, the
** tracker across sessions, and one agreement with its follow-up log.
**
** POST /actividades/ID/acuerdos  admin: text, votes_for, votes_against,
**      votes_abstain (all empty: not voted), responsible_kind,
**      responsible, due_date -> 303 to the activity page; 409 once the
**      session's acta is approved (its agreements are fixed with it)
** POST /actividades/ID/acuerdos-atrasados  admin: puts one item
**      "Acuerdos atrasados: …" (each overdue agreement with its responsible
**      and due date) first in that session's agenda, replacing an earlier
**      one -> 303 to the agenda
** GET  /acuerdos                 signed in: overdue, open, done and
**      discarded, then by responsible
** GET  /acuerdos/ID              signed in: the agreement and its log
** POST /acuerdos/ID              admin: state, note, date -> 303
*/
#include <stdlib.h>
#include <string.h>

#include "db/record_stamp.h"
#include "domain/date_text.h"
#include "pages/conflict.h"
#include "pages/meetings/meetings_pages.h"
#include "store/people/people.h"

static const char *const azKind[] = {"ninguno", "consejero", "autoridad",
                                     "encargado"};
static const char *const azKindLabel[] = {"Sin responsable", "Consejero/a",
                                          "Autoridad", "Encargado/a"};

static void agreement_line(Html *h, const MeetingAgreement *g,
                           const char *zToday) {
  int bOverdue = agreement_is_overdue(g->eState, g->zDue, zToday);
  html_printf(h,
              "<li class=\"agreement%s\"><a href=\"/acuerdos/%lld\">%s</a> "
              "<span class=\"badge\">%s</span>",
              bOverdue ? " overdue" : "", (long long)g->id, g->zText,
              bOverdue ? "Atrasado" : agreement_state_label(g->eState));
  if (g->zResponsible[0]) html_printf(h, " · Responsable: %s", g->zResponsible);
  if (g->zDue[0]) {
    char zDue[PLAN_DATE_SIZE];
    date_text_dmy(g->zDue, zDue);
    html_printf(h, " · Plazo: %s", zDue);
  }
  if (g->bVoted) {
    html_printf(h, " · Votos: %d a favor, %d en contra, %d abstenciones",
                g->nFor, g->nAgainst, g->nAbstain);
  }
  html_printf(h, "</li>\n");
}

#define RESPONSIBLE_OFFICER_NAME "Encargada PAC"

/* The people an agreement can name as responsible: councillors in office
** ("consejero:ID"), the directory ("autoridad:ID") and the officer
** ("encargado"). Loaded into arena memory; returns how many. */
typedef struct ResponsibleChoice {
  const char *zValue; /* Option value */
  const char *zLabel; /* What the list shows */
  const char *zKind;  /* responsible_kind slug */
  const char *zName;  /* Name stored and grouped by on the tracker */
  int64_t iMember;    /* members.id, or 0 */
  int64_t iDirectory; /* directory_entries.id, or 0 */
} ResponsibleChoice;

static int responsible_choices(Request *r, ResponsibleChoice **paChoice) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  int64_t iCouncil = page_council_id(r);
  MeetingExpected *aExp = NULL;
  DirectoryEntry *aDir = NULL;
  int nExp = 0, nDir = 0;
  PeopleFilter filter;
  memset(&filter, 0, sizeof(filter));
  filter.zQuery = "";
  if (meeting_expected_list(pDb, pArena, iCouncil, &aExp, &nExp) != DB_OK) {
    nExp = 0;
  }
  if (people_directory_list(pDb, pArena, iCouncil, &filter, &aDir, &nDir) !=
      DB_OK) {
    nDir = 0;
  }
  ResponsibleChoice *a = arena_alloc(
      pArena, sizeof(ResponsibleChoice) * (size_t)(nExp + nDir + 1));
  int n = 0;
  a[n++] = (ResponsibleChoice){"encargado", RESPONSIBLE_OFFICER_NAME,
                               "encargado", RESPONSIBLE_OFFICER_NAME,
                               0,           0};
  for (int i = 0; i < nExp; i++) {
    a[n++] = (ResponsibleChoice){
        arena_printf(pArena, "consejero:%lld", (long long)aExp[i].iMember),
        arena_printf(pArena, "Consejero/a: %s", aExp[i].zName),
        "consejero",
        aExp[i].zName,
        aExp[i].iMember,
        0};
  }
  for (int i = 0; i < nDir; i++) {
    const DirectoryEntry *d = &aDir[i];
    const char *zName =
        d->zPersonName && d->zPersonName[0]
            ? d->zPersonName
            : arena_printf(pArena, "%s, %s", d->zPosition, d->zInstitution);
    a[n++] = (ResponsibleChoice){
        arena_printf(pArena, "autoridad:%lld", (long long)d->id),
        arena_printf(pArena, "Autoridad: %s (%s, %s)", zName, d->zPosition,
                     d->zInstitution),
        "autoridad",
        zName,
        0,
        d->id};
  }
  *paChoice = a;
  return n;
}

/* The list to pick the responsible from; zSelected is the value typed. */
static void responsible_select(Html *h, Request *r, const FormErrors *pErr,
                               const char *zSelected) {
  ResponsibleChoice *a = NULL;
  int n = responsible_choices(r, &a);
  Arena *pArena = request_arena(r);
  const char **azValue = arena_alloc(pArena, sizeof(char *) * (size_t)(n + 1));
  const char **azLabel = arena_alloc(pArena, sizeof(char *) * (size_t)(n + 1));
  azValue[0] = "";
  azLabel[0] = "Otra persona (escriba su nombre abajo) o nadie";
  for (int i = 0; i < n; i++) {
    azValue[i + 1] = a[i].zValue;
    azLabel[i + 1] = a[i].zLabel;
  }
  form_select(h, pErr, "responsible_person", "Responsable", azValue, azLabel,
              n + 1, zSelected ? zSelected : "");
}

/* Fills g's responsible from the picked zPerson; 0 when it is not in the
** list. */
static int responsible_pick(Request *r, const char *zPerson,
                            MeetingAgreement *g) {
  ResponsibleChoice *a = NULL;
  int n = responsible_choices(r, &a);
  for (int i = 0; i < n; i++) {
    if (strcmp(a[i].zValue, zPerson) != 0) continue;
    g->zResponsibleKind = a[i].zKind;
    g->zResponsible = a[i].zName;
    g->iResponsibleMember = a[i].iMember;
    g->iResponsibleDirectory = a[i].iDirectory;
    return 1;
  }
  return 0;
}

/* The form that registers an agreement, filled with g and the typed votes
** (azVote: for, against, abstain as typed), with pErr's messages (or NULL). */
static void agreement_form(Html *h, Request *r, int64_t iActivity,
                           const FormErrors *pErr, const MeetingAgreement *g,
                           const char *const azVote[3], const char *zPerson) {
  page_post_form(h, r, "form", "/actividades/%lld/acuerdos",
                 (long long)iActivity);
  const char *zTextErr = pErr ? form_error_for(pErr, "text") : NULL;
  html_printf(
      h,
      "<div class=\"field%s\"><label for=\"text\">Texto del "
      "acuerdo</label><textarea id=\"text\" name=\"text\" rows=\"3\" "
      "required%s>%s</textarea>",
      zTextErr ? " has-error" : "",
      zTextErr ? " aria-invalid=\"true\" aria-describedby=\"text-error\"" : "",
      g->zText);
  if (zTextErr) {
    html_printf(h, "<p class=\"field-error\" id=\"text-error\">%s</p>",
                zTextErr);
  }
  html_printf(h, "</div>\n");
  form_input(h, pErr, "votes_for", "Votos a favor", "number", azVote[0],
             "Deje los votos en blanco si no hubo votación.",
             "min=\"0\" max=\"1000\"");
  form_input(h, pErr, "votes_against", "Votos en contra", "number", azVote[1],
             NULL, "min=\"0\" max=\"1000\"");
  form_input(h, pErr, "votes_abstain", "Abstenciones", "number", azVote[2],
             NULL, "min=\"0\" max=\"1000\"");
  responsible_select(h, r, pErr, zPerson);
  form_select(h, pErr, "responsible_kind", "Si no está en la lista: tipo",
              azKind, azKindLabel, 4, g->zResponsibleKind);
  form_input(
      h, pErr, "responsible", "Nombre del responsable", "text", g->zResponsible,
      "Un consejero, una autoridad del directorio o el encargado.", NULL);
  form_input(h, pErr, "due_date", "Plazo", "date", g->zDue, NULL, NULL);
  html_printf(h,
              "<div class=\"actions\"><button type=\"submit\" class=\"button"
              "\">Registrar acuerdo</button></div></form>\n");
}

void activity_agreements_section(Html *h, Request *r, const Activity *a) {
  const User *pUser = request_user(r);
  if (!pUser) return;
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  int64_t iCouncil = page_council_id(r);
  const char *zToday = meeting_today(pArena);
  MeetingAgreement *aAgr = NULL, *aAll = NULL;
  int nAgr = 0, nAll = 0;
  if (meeting_agreement_list(pDb, pArena, iCouncil, a->id, &aAgr, &nAgr) !=
          DB_OK ||
      meeting_agreement_list(pDb, pArena, iCouncil, 0, &aAll, &nAll) != DB_OK) {
    return;
  }
  int bUpcoming = strcmp(a->zStatus, ACTIVITY_PROGRAMADA) == 0 ||
                  strcmp(a->zStatus, ACTIVITY_CONVOCADA) == 0;
  if (bUpcoming && activity_kind_is_session(a->zKind)) {
    int *aiOver = NULL;
    int nOver = meeting_agreements_overdue(pArena, aAll, nAll, zToday, &aiOver);
    if (nOver > 0) {
      html_printf(
          h,
          "<section aria-labelledby=\"atrasados\"><h2 id=\"atrasados"
          "\">Acuerdos atrasados (primer punto de la tabla)</h2><ul>\n");
      for (int i = 0; i < nOver; i++)
        agreement_line(h, &aAll[aiOver[i]], zToday);
      html_printf(h, "</ul>");
      if (page_user_is(r, ROLE_ADMIN)) {
        page_post_form(h, r, NULL, "/actividades/%lld/acuerdos-atrasados",
                       (long long)a->id);
        html_printf(h,
                    "<button type=\"submit\" class=\"button\">Agregar "
                    "acuerdos atrasados a la tabla</button></form>");
      }
      html_printf(h, "</section>\n");
    }
  }
  html_printf(h,
              "<section aria-labelledby=\"acuerdos\"><h2 id=\"acuerdos\">"
              "Acuerdos</h2>\n<p><a href=\"/actividades/%lld/acta\">Acta de "
              "esta actividad</a></p>\n",
              (long long)a->id);
  page_saved_notice(h, r, "acuerdos");
  if (nAgr == 0) {
    html_printf(h, "<p>Esta actividad no tiene acuerdos registrados.</p>\n");
  } else {
    html_printf(h, "<ul class=\"agreements\">\n");
    for (int i = 0; i < nAgr; i++) agreement_line(h, &aAgr[i], zToday);
    html_printf(h, "</ul>\n");
  }
  const char *zFrozen =
      (pUser->mRole & ROLE_ADMIN) ? meeting_frozen_reason(r, a->id) : NULL;
  if (zFrozen) {
    html_printf(h, "<p class=\"notice\">%s</p>\n", zFrozen);
  } else if (pUser->mRole & ROLE_ADMIN) {
    static const char *const azNoVotes[3] = {"", "", ""};
    MeetingAgreement blank;
    memset(&blank, 0, sizeof(blank));
    blank.zText = blank.zResponsible = blank.zDue = "";
    blank.zResponsibleKind = "ninguno";
    html_printf(h, "<details><summary>Registrar un acuerdo</summary>");
    agreement_form(h, r, a->id, NULL, &blank, azNoVotes, "");
    html_printf(h, "</details>\n");
  }
  html_printf(h, "</section>\n");
}

/* A number field: -1 when empty, -2 when not a number in 0..1000. */
static int vote_field(Request *r, const char *zName) {
  const char *z = request_field(r, zName);
  if (!z || !*z) return -1;
  char *zEnd = NULL;
  long v = strtol(z, &zEnd, 10);
  return *zEnd || v < 0 || v > 1000 ? -2 : (int)v;
}

void page_activity_agreements(Request *r) {
  Activity a;
  if (!act_load(r, &a, 0)) return;
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  MeetingAgreement g;
  memset(&g, 0, sizeof(g));
  g.iActivity = a.id;
  const char *z = request_field(r, "text");
  g.zText = z ? z : "";
  z = request_field(r, "responsible_kind");
  g.zResponsibleKind = z && *z ? z : "ninguno";
  z = request_field(r, "responsible");
  g.zResponsible = z ? z : "";
  z = request_field(r, "due_date");
  g.zDue = z ? z : "";
  int nFor = vote_field(r, "votes_for"),
      nAgainst = vote_field(r, "votes_against"),
      nAbstain = vote_field(r, "votes_abstain");
  const char *zField = NULL, *zErr = NULL;
  if (nFor == -2 || nAgainst == -2 || nAbstain == -2) {
    zErr = "Los votos deben ser números enteros entre 0 y 1000.";
  } else if (nFor >= 0 || nAgainst >= 0 || nAbstain >= 0) {
    g.bVoted = 1;
    g.nFor = nFor > 0 ? nFor : 0;
    g.nAgainst = nAgainst > 0 ? nAgainst : 0;
    g.nAbstain = nAbstain > 0 ? nAbstain : 0;
  }
  const char *zPerson = request_field(r, "responsible_person");
  if (!zPerson) zPerson = "";
  if (zErr) {
    zField = "votes_for";
  } else if (*zPerson && !responsible_pick(r, zPerson, &g)) {
    zField = "responsible_person";
    zErr =
        "Elija al responsable de la lista, o deje la lista en «Otra "
        "persona» y escriba su nombre.";
  } else {
    zErr = meeting_agreement_check(&g, &zField);
    if (!zErr) zErr = meeting_agreement_quorum_problem(r, &g, &zField);
    if (zField && strcmp(zField, "votes") == 0) zField = "votes_for";
    if (zField && strcmp(zField, "session") == 0) zField = "text";
  }
  if (zErr) {
    /* Re-shown on its own page: the activity page around it would need
    ** every other section reloaded for nothing. */
    FormErrors err;
    form_errors_init(&err);
    form_error(&err, zField, zErr);
    const char *azVote[3];
    azVote[0] = request_field(r, "votes_for");
    azVote[1] = request_field(r, "votes_against");
    azVote[2] = request_field(r, "votes_abstain");
    for (int i = 0; i < 3; i++) {
      if (!azVote[i]) azVote[i] = "";
    }
    Html h;
    page_begin_titled(r, &h, "Registrar un acuerdo", "acuerdos");
    html_printf(&h,
                "<p>En: <a href=\"/"
                "actividades/%lld\">%s</a></p>\n",
                (long long)a.id, a.zTitle);
    form_errors_summary(&h, &err);
    agreement_form(&h, r, a.id, &err, &g, azVote, zPerson);
    page_finish(r, &h, 422);
    return;
  }
  int rc = meeting_agreement_insert(pDb, page_council_id(r), &g);
  if (rc == MEETING_ACTA_FROZEN) {
    meeting_frozen_respond(r, a.id);
    return;
  }
  if (!page_db_ok(r, rc)) return;
  respond_redirect(
      r, arena_printf(pArena, "/actividades/%lld?guardado=acuerdos#acuerdos",
                      (long long)a.id));
}

void page_activity_agenda_overdue(Request *r) {
  Activity a;
  if (!act_load(r, &a, 0)) return;
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  if (!page_db_ok(r, meeting_agenda_put_overdue(pDb, pArena, page_council_id(r),
                                                a.id, meeting_today(pArena)))) {
    return;
  }
  respond_redirect(
      r, arena_printf(pArena, "/actividades/%lld#tabla", (long long)a.id));
}

void page_agreements(Request *r) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  const char *zToday = meeting_today(pArena);
  MeetingAgreement *aAgr = NULL;
  int nAgr = 0;
  if (!page_db_ok(r, meeting_agreement_list(pDb, pArena, page_council_id(r), 0,
                                            &aAgr, &nAgr))) {
    return;
  }
  AgreementItem *aItem = meeting_agreement_items(pArena, aAgr, nAgr);
  AgreementGroup *aGroup = NULL;
  int nGroup = 0, anBucket[AGREEMENT_N_BUCKET];
  agreement_tracker_group(pArena, aItem, nAgr, zToday, &aGroup, &nGroup,
                          anBucket);
  Html h;
  page_begin_titled(r, &h, "Acuerdos", "acuerdos");
  html_printf(&h,
              "<p><a href=\"/solicitudes\">Solicitudes a "
              "autoridades y sus respuestas</a></p>\n<p class=\"summary\">");
  for (int b = 0; b < AGREEMENT_N_BUCKET; b++) {
    html_printf(&h, "%s%s: <strong>%d</strong>", b ? " · " : "",
                agreement_bucket_label((AgreementBucket)b), anBucket[b]);
  }
  html_printf(&h, "</p>\n");
  for (int b = 0; b < AGREEMENT_N_BUCKET; b++) {
    if (anBucket[b] == 0) continue;
    html_printf(
        &h, "<section><h2 id=\"grupo-%d\">%s</h2><ul class=\"agreements\">\n",
        b, agreement_bucket_label((AgreementBucket)b));
    for (int i = 0; i < nAgr; i++) {
      if ((int)agreement_bucket(&aItem[i], zToday) == b) {
        agreement_line(&h, &aAgr[i], zToday);
      }
    }
    html_printf(&h, "</ul></section>\n");
  }
  if (nAgr == 0) {
    html_printf(&h,
                "<p>Aún no hay acuerdos. Se registran en la página de "
                "cada sesión.</p>\n");
  } else {
    html_printf(&h, "<section><h2>Por responsable</h2>\n");
    for (int k = 0; k < nGroup; k++) {
      const AgreementGroup *pG = &aGroup[k];
      html_printf(&h, "<h3>%s</h3><ul class=\"agreements\">\n",
                  pG->zResponsible);
      for (int i = 0; i < pG->nItem; i++) {
        agreement_line(&h, &aAgr[pG->aiItem[i]], zToday);
      }
      html_printf(&h, "</ul>\n");
    }
    html_printf(&h, "</section>\n");
  }
  page_finish(r, &h, 200);
}

static void agreement_show(Request *r, const MeetingAgreement *g,
                           const FormErrors *pErr, const char *zState,
                           const char *zNote, const char *zDate, int iBase,
                           int bConflict);

/* The version the follow-up form was drawn from, 0 when it has none. */
static int posted_version(Request *r) {
  const char *z = request_field(r, "version");
  return z ? atoi(z) : 0;
}

/* Re-shows the agreement with zMessage next to zField and the typed values. */
static void agreement_follow_reshow(Request *r, const MeetingAgreement *g,
                                    const char *zField, const char *zMessage) {
  FormErrors err;
  form_errors_init(&err);
  form_error(&err, zField, zMessage);
  const char *zState = request_field(r, "state");
  const char *zNote = request_field(r, "note");
  const char *zDate = request_field(r, "date");
  agreement_show(r, g, &err, zState && *zState ? zState : NULL,
                 zNote ? zNote : "", zDate ? zDate : "", posted_version(r), 0);
}

/* The officer's follow-up (only the officer may POST: routes.c). */
static void agreement_follow_post(Request *r, const MeetingAgreement *g) {
  const char *zState = request_field(r, "state");
  const char *zNote = request_field(r, "note");
  const char *zDate = request_field(r, "date");
  AgreementState eNew = g->eState;
  if (zState && *zState && agreement_state_parse(zState, &eNew) != 0) {
    agreement_follow_reshow(r, g, "state", "Elija un estado de la lista.");
    return;
  }
  if (!zNote) zNote = "";
  if (strlen(zNote) > 4000) {
    agreement_follow_reshow(
        r, g, "note", "La nota es demasiado larga (máximo 4000 caracteres).");
    return;
  }
  if (zDate && *zDate && !agreement_date_valid(zDate)) {
    agreement_follow_reshow(r, g, "date",
                            "La fecha debe escribirse AAAA-MM-DD y existir.");
    return;
  }
  if (eNew == g->eState && !*zNote) {
    agreement_follow_reshow(
        r, g, "note", "Indique un nuevo estado o una nota de seguimiento.");
    return;
  }
  /* Drawn from an older version: compare before judging the change
  ** against a state the user has not seen. A form without a version (an
  ** old client) is judged against the state read now. */
  MeetingAgreement base = *g;
  if (posted_version(r)) base.iVersion = posted_version(r);
  if (base.iVersion != g->iVersion) {
    agreement_show(r, g, NULL, zState && *zState ? zState : NULL, zNote, zDate,
                   0, 1);
    return;
  }
  const char *zWhy = NULL;
  if (eNew != g->eState &&
      agreement_transition_check(g->eState, eNew, &zWhy) != AGREEMENT_OK) {
    agreement_follow_reshow(r, g, "state", zWhy);
    return;
  }
  Arena *pArena = request_arena(r);
  int rc = meeting_agreement_follow(
      request_db(r), request_user(r)->id, &base, eNew,
      zDate && *zDate ? zDate : meeting_today(pArena), zNote);
  if (rc == DB_STALE) {
    MeetingAgreement now;
    if (!page_db_ok(
            r, meeting_agreement_get(request_db(r), pArena, page_council_id(r),
                                     g->id, &now))) {
      return;
    }
    agreement_show(r, &now, NULL, zState && *zState ? zState : NULL, zNote,
                   zDate, 0, 1);
    return;
  }
  if (!page_db_ok(r, rc)) return;
  respond_redirect(r,
                   arena_printf(pArena, "/acuerdos/%lld?guardado=seguimiento",
                                (long long)g->id));
}

void page_agreement(Request *r) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  MeetingAgreement g;
  int64_t iId = request_param_id(r, 0);
  int rc = iId ? meeting_agreement_get(pDb, pArena, page_council_id(r), iId, &g)
               : DB_DONE;
  if (rc != DB_OK) {
    respond_error(r, rc == DB_DONE ? 404 : 500, "No existe ese acuerdo.");
    return;
  }
  if (request_is_post(r)) {
    agreement_follow_post(r, &g);
    return;
  }
  agreement_show(r, &g, NULL, NULL, "", NULL, 0, 0);
}

/* The agreement page; pErr non-NULL re-shows the follow-up form with the
** typed zState/zNote/zDate and answers 422, keeping iBase (the version the
** form was drawn from; 0: the stored one). bConflict: the form was drawn
** from an older version; compare, keep what was typed, answer 409. */
static void agreement_show(Request *r, const MeetingAgreement *pG,
                           const FormErrors *pErr, const char *zState,
                           const char *zNote, const char *zDate, int iBase,
                           int bConflict) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  MeetingAgreement g = *pG;
  MeetingAgreementNote *aNote = NULL;
  int nNote = 0;
  if (!page_db_ok(r,
                  meeting_agreement_notes(pDb, pArena, g.id, &aNote, &nNote))) {
    return;
  }
  const char *zToday = meeting_today(pArena);
  Html h;
  page_begin_titled(r, &h, "Acuerdo", "acuerdos");
  if (pErr) form_errors_summary(&h, pErr);
  if (!pErr) page_saved_notice(&h, r, "seguimiento");
  if (bConflict) {
    RecordStamp stamp;
    record_stamp_get(pDb, pArena, RECORD_AGREEMENT, g.id, &stamp);
    ConflictSaved saved = {"del acuerdo", g.iVersion, stamp.zAuthor,
                           stamp.tUpdated};
    AgreementState eMine = g.eState;
    if (zState) agreement_state_parse(zState, &eMine);
    conflict_begin(&h, pArena, &saved);
    conflict_row(&h, "Estado", agreement_state_label(eMine),
                 agreement_state_label(g.eState));
    conflict_row(&h, "Nota de seguimiento (la última guardada)",
                 zNote ? zNote : "", nNote ? aNote[nNote - 1].zNote : "");
    conflict_end(&h);
  }
  html_printf(&h, "\n<p class=\"agreement-text\">%s</p>\n<ul>", g.zText);
  html_printf(&h,
              "<li>Adoptado en: <a href=\"/actividades/%lld\">%s</a> (%s)</li>",
              (long long)g.iActivity, g.zSession, g.zSessionDate);
  html_printf(
      &h, "<li>Estado: <strong id=\"estado\">%s</strong>%s</li>",
      agreement_state_label(g.eState),
      agreement_is_overdue(g.eState, g.zDue, zToday) ? " (atrasado)" : "");
  if (g.zResponsible[0])
    html_printf(&h, "<li>Responsable: %s</li>", g.zResponsible);
  if (g.zDue[0])
    html_printf(&h, "<li>Plazo: %s</li>", page_date(pArena, g.zDue));
  if (g.bVoted) {
    html_printf(&h,
                "<li>Votación: %d a favor, %d en contra, %d abstenciones</li>",
                g.nFor, g.nAgainst, g.nAbstain);
  }
  html_printf(&h, "</ul>\n<section><h2>Seguimiento</h2>\n");
  if (nNote == 0)
    html_printf(&h, "<p>Sin notas de seguimiento.</p>\n");
  else
    html_printf(&h, "<ol class=\"agreement-log\">\n");
  for (int i = 0; i < nNote; i++) {
    AgreementState eOld = AGREEMENT_PENDIENTE, eNew = AGREEMENT_PENDIENTE;
    agreement_state_parse(aNote[i].zOldState, &eOld);
    agreement_state_parse(aNote[i].zNewState, &eNew);
    html_printf(&h, "<li>%s: ", aNote[i].zDate);
    if (eOld != eNew) {
      html_printf(&h, "%s → %s. ", agreement_state_label(eOld),
                  agreement_state_label(eNew));
    }
    html_printf(&h, "%s</li>\n", aNote[i].zNote);
  }
  if (nNote) html_printf(&h, "</ol>\n");
  if (page_user_is(r, ROLE_ADMIN)) {
    static const char *const azState[] = {"pendiente", "en_curso", "cumplido",
                                          "descartado"};
    const char *azLabel[AGREEMENT_N_STATE];
    for (int i = 0; i < AGREEMENT_N_STATE; i++) {
      azLabel[i] = agreement_state_label((AgreementState)i);
    }
    page_post_form(&h, r, "form", "/acuerdos/%lld", (long long)g.id);
    html_printf(&h, "<input type=\"hidden\" name=\"version\" value=\"%d\">",
                iBase ? iBase : g.iVersion);
    form_select(&h, pErr, "state", "Estado", azState, azLabel,
                AGREEMENT_N_STATE,
                zState ? zState : agreement_state_slug(g.eState));
    form_input(&h, pErr, "note", "Nota de seguimiento", "text", zNote, NULL,
               NULL);
    form_input(&h, pErr, "date", "Fecha", "date", zDate ? zDate : zToday, NULL,
               NULL);
    conflict_submit_or_save(
        &h, bConflict, arena_printf(pArena, "/acuerdos/%lld", (long long)g.id),
        "Guardar seguimiento");
  }
  html_printf(
      &h, "</section>\n<p><a href=\"/acuerdos\">Todos los acuerdos</a></p>\n");
  page_finish(r, &h, bConflict ? 409 : pErr ? 422 : 200);
}
