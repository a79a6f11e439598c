/*
** Actas (minutes) of sessions: the editor, review comments, approval in a
** later session, publication, corrections, the PDF, and the public list.
** Attendees and absences come from the session's attendance and the
** agreements from the agreements table: nothing is typed twice.
**
** GET  /actividades/ID/acta      signed in; the public only once publicada
** POST /actividades/ID/acta      accion=crear (admin); accion=guardar with
**      version and summary_ITEM (admin, while editable; 409 once
**      approved); accion=estado with estado and, for aprobada, sesion
**      (admin); accion=comentar with item and texto (signed in, while
**      enviada); accion=corregir with texto (admin, once approved) -> 303
** GET  /actividades/ID/acta.pdf  as the page; ?papel=carta for Letter
**      (actas_pdf_bytes() makes the same PDF for the evidence ZIP)
** GET  /actas                    everyone: the published actas, newest
**                                 first, LIST_PAGE_SIZE a page (pagina)
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/accounts/accounts.h"
#include "db/record_stamp.h"
#include "domain/date_text.h"
#include "export/acta_pdf.h"
#include "pages/conflict.h"
#include "pages/meetings/meetings_pages.h"
#include "store/people/people.h"
#include "render/markdown.h"
#include "render/pager.h"

#define ACTA_SUMMARY_MAX 20000 /* Bytes in one item's summary */
#define ACTA_NOTE_MAX 4000     /* Bytes in a comment or correction */

/* How the page is shown again after a refused POST: the user's input kept,
** each message by its field. */
typedef struct ActaReshow {
  FormErrors err;               /* Messages by field (summary_ID, estado,
                                ** sesion, texto_ITEM, correccion) */
  const char *const *azSummary; /* The editor's summaries as typed, or NULL */
  int bConflict;     /* The editor's save met a newer version: compare */
  const char *zNote; /* A comment or correction as typed, or NULL */
  int64_t iNoteItem; /* The item commented on; 0 for a correction */
  int iStatus;       /* 409 or 422 */
  int iBase; /* The version the editor was drawn from, kept across a 422 so
             ** that a later save is still checked against it; 0: the
             ** stored one (after a conflict, "mine" is based on it) */
} ActaReshow;

/* Everything the page and the PDF show. Of an approved acta, the session's
** title, time, place, attendance, agreements and quorum are those frozen
** with the approval (meeting_acta_frozen()), not the live rows.
**
** Why both freezing and refusing: the stores refuse every later write to
** the session's attendance and agreements (MEETING_ACTA_FROZEN: the
** officer is told at once, and the lists stay equal to the acta), and the
** snapshot keeps the acta itself fixed against what the refusals cannot
** cover: a member renamed, an organization or the quorum rules changed,
** the activity's title edited. The public acta never changes silently; a
** correction is a nota de corrección, dated and kept with its author. */
typedef struct ActaView {
  Activity act;
  const char *zPlace; /* Where it was held, as the acta says it */
  MeetingActa acta;
  int bHasActa;
  MeetingActaItem *aItem;
  int nItem;
  MeetingAttendance *aRow;
  int nRow;
  MeetingAgreement *aAgr;
  int nAgr;
  QuorumResult q;
} ActaView;

static const char *role_slug(const User *pUser) {
  if (!pUser) return NULL;
  if (pUser->mRole & ROLE_ADMIN) return "admin";
  if (pUser->mRole & ROLE_CONSEJERO) return "consejero";
  return "autoridad";
}

/* Replaces the live session parts of v by those frozen with its approval.
** An acta approved before freezing existed (migration 0015) is frozen now,
** on its first view: from then on it no longer moves. DB_OK or DB_ERROR. */
static int view_frozen(Db *pDb, Arena *pArena, ActaView *v) {
  MeetingActaFrozen f;
  int rc = meeting_acta_frozen(pDb, pArena, v->acta.id, &f);
  if (rc == DB_DONE && meeting_acta_freeze(pDb, &v->acta) == DB_OK) {
    rc = meeting_acta_frozen(pDb, pArena, v->acta.id, &f);
  }
  if (rc != DB_OK) return DB_ERROR;
  v->act.zTitle = f.zTitle;
  v->act.iStart = f.iStart;
  v->act.iEnd = f.iEnd;
  v->zPlace = f.zPlace;
  v->aRow = f.aRow;
  v->nRow = f.nRow;
  v->aAgr = f.aAgr;
  v->nAgr = f.nAgr;
  snprintf(v->q.session.zExplain, sizeof(v->q.session.zExplain), "%s",
           f.zQuorum);
  return DB_OK;
}

/* Everything but v->act, which is loaded. DB_OK or DB_ERROR. */
static int view_fill(Db *pDb, Arena *pArena, int64_t iCouncil, ActaView *v) {
  int rc = meeting_acta_get(pDb, v->act.id, &v->acta);
  if (rc == DB_ERROR) return DB_ERROR;
  v->bHasActa = rc == DB_OK;
  v->zPlace = convene_place(pArena, &v->act);
  if ((v->bHasActa && meeting_acta_items(pDb, pArena, v->acta.id, &v->aItem,
                                         &v->nItem) != DB_OK) ||
      meeting_attendance_list(pDb, pArena, v->act.id, &v->aRow, &v->nRow) !=
          DB_OK ||
      meeting_agreement_list(pDb, pArena, iCouncil, v->act.id, &v->aAgr,
                             &v->nAgr) != DB_OK ||
      meeting_quorum(pDb, pArena, iCouncil, v->act.id, &v->q) != DB_OK) {
    return DB_ERROR;
  }
  if (v->bHasActa && acta_freezes_session(v->acta.eState, NULL)) {
    return view_frozen(pDb, pArena, v);
  }
  return DB_OK;
}

/* Loads the view, or answers (404 when the reader may not see it). */
static int view_load(Request *r, ActaView *v) {
  memset(v, 0, sizeof(*v));
  if (!act_load(r, &v->act, 0)) return 0;
  if (view_fill(request_db(r), request_arena(r), page_council_id(r), v) !=
      DB_OK) {
    respond_error(r, 500, NULL);
    return 0;
  }
  if (!request_user(r) &&
      !(v->bHasActa && acta_is_public(v->acta.eState) && v->act.bPublic)) {
    respond_error(r, 404, "No hay un acta publicada de esa actividad.");
    return 0;
  }
  return 1;
}

/* Who attended and who did not. The reason of an excused absence is the
** person's private data (often health): only the officer sees it; the
** public acta, the councillors and the PDF say «justificado». */
static void section_people(Html *h, const ActaView *v, int bOfficer) {
  html_printf(h, "<section><h2>Asistentes</h2><ul>\n");
  int n = 0;
  for (int i = 0; i < v->nRow; i++) {
    if (v->aRow[i].eStatus != ATTENDANCE_PRESENTE) continue;
    const MeetingAttendance *s = &v->aRow[i];
    html_printf(h, "<li>%s%s%s <small>(%s%s%s)</small></li>\n", s->zName,
                s->zOrganization[0] ? ", " : "", s->zOrganization,
                meeting_quality_label(s),
                s->eQuality == MEETING_SUPLENTE && *s->zReplaces
                    ? ", en reemplazo de "
                    : "",
                s->eQuality == MEETING_SUPLENTE ? s->zReplaces : "");
    n++;
  }
  if (!n) html_printf(h, "<li>Aún no se registra asistencia.</li>");
  html_printf(h, "</ul>\n<h2>Ausencias</h2><ul>\n");
  n = 0;
  for (int i = 0; i < v->nRow; i++) {
    if (v->aRow[i].eStatus == ATTENDANCE_PRESENTE) continue;
    const char *zReason = bOfficer ? v->aRow[i].zReason : "";
    html_printf(h, "<li>%s: %s%s%s</li>\n", v->aRow[i].zName,
                attendance_label(v->aRow[i].eStatus), zReason[0] ? " — " : "",
                zReason);
    n++;
  }
  if (!n) html_printf(h, "<li>Ninguna.</li>");
  html_printf(h, "</ul></section>\n");
}

/* The comment field of item iItem, with its message and typed text when the
** page re-shows a refused comment. */
static void comment_form(Html *h, Request *r, const ActaView *v, int64_t iItem,
                         const ActaReshow *pRe) {
  const char *zId =
      arena_printf(request_arena(r), "texto_%lld", (long long)iItem);
  const char *zMsg = pRe ? form_error_for(&pRe->err, zId) : NULL;
  const char *zTyped =
      pRe && pRe->zNote && pRe->iNoteItem == iItem ? pRe->zNote : "";
  html_printf(h,
              "<form class=\"form form-inline\" method=\"post\" "
              "action=\"/actividades/%lld/acta\"><input type=\"hidden\" "
              "name=\"accion\" value=\"comentar\"><input type=\"hidden\" "
              "name=\"item\" value=\"%lld\">",
              (long long)v->act.id, (long long)iItem);
  form_csrf(h, request_csrf_token(r));
  html_printf(h,
              "<div class=\"field%s\"><label for=\"%s\">Comentario sobre "
              "este punto</label> <input type=\"text\" id=\"%s\" name=\""
              "texto\" value=\"%s\" required aria-invalid=\"%s\">",
              zMsg ? " has-error" : "", zId, zId, zTyped,
              zMsg ? "true" : "false");
  if (zMsg) html_printf(h, "<p class=\"field-error\">%s</p>", zMsg);
  html_printf(h,
              "</div> <button type=\"submit\" class=\"button\">Comentar"
              "</button></form>\n");
}

/* pRe (NULL: a plain view) re-shows a refused save or comment: summaries
** as typed, messages under their item, and after a conflict the conflict
** page's buttons. */
static void section_items(Html *h, Request *r, const ActaView *v, int bEdit,
                          int bComment, const ActaReshow *pRe) {
  Arena *pArena = request_arena(r);
  const FormErrors *pErr = pRe ? &pRe->err : NULL;
  const char *const *azSummary = pRe ? pRe->azSummary : NULL;
  MeetingActaNote *aNote = NULL;
  int nNote = 0;
  if (request_user(r)) {
    meeting_acta_comments(request_db(r), pArena, v->acta.id, &aNote, &nNote);
  }
  html_printf(h, "<section><h2>Temas tratados</h2>\n");
  if (bEdit) {
    html_printf(h,
                "<form class=\"form\" method=\"post\" action=\"/actividades/"
                "%lld/acta\"><input type=\"hidden\" name=\"accion\" value=\""
                "guardar\"><input type=\"hidden\" name=\"version\" value=\"%d"
                "\">",
                (long long)v->act.id,
                pRe && pRe->iBase ? pRe->iBase : v->acta.iVersion);
    form_csrf(h, request_csrf_token(r));
  }
  for (int i = 0; i < v->nItem; i++) {
    const MeetingActaItem *it = &v->aItem[i];
    html_printf(h, "<article class=\"acta-item\"><h3>%d. %s</h3>\n", i + 1,
                it->zTitle);
    if (bEdit) {
      const char *zMsg =
          pErr ? form_error_for(pErr, arena_printf(pArena, "summary_%lld",
                                                   (long long)it->id))
               : NULL;
      html_printf(
          h,
          "<div class=\"field%s\"><label for=\"summary_%lld\">Resumen "
          "de la discusión (Markdown)</label><textarea id=\"summary_"
          "%lld\" name=\"summary_%lld\" rows=\"6\" aria-invalid=\"%s\">%s"
          "</textarea>",
          zMsg ? " has-error" : "", (long long)it->id, (long long)it->id,
          (long long)it->id, zMsg ? "true" : "false",
          azSummary ? azSummary[i] : it->zSummary);
      if (zMsg) html_printf(h, "<p class=\"field-error\">%s</p>", zMsg);
      html_printf(h, "</div>\n");
    }
    html_printf(h, "<div class=\"markdown\">");
    markdown_render(h, it->zSummary);
    html_printf(h, "</div>\n");
    for (int k = 0; k < nNote; k++) {
      if (aNote[k].iItem != it->id) continue;
      html_printf(h, "<p class=\"comment\"><strong>%s</strong> (%s): %s</p>\n",
                  aNote[k].zAuthor, aNote[k].zDate, aNote[k].zBody);
    }
    html_printf(h, "</article>\n");
    if (bComment) comment_form(h, r, v, it->id, pRe);
  }
  if (bEdit) {
    conflict_submit_or_save(
        h, pRe && pRe->bConflict,
        arena_printf(pArena, "/actividades/%lld/acta", (long long)v->act.id),
        "Guardar el acta");
  }
  html_printf(h, "</section>\n");
}

static void section_agreements(Html *h, const ActaView *v) {
  html_printf(h, "<section><h2>Acuerdos</h2>\n");
  if (v->nAgr == 0)
    html_printf(h, "<p>No se adoptaron acuerdos.</p>\n");
  else
    html_printf(h, "<ol>\n");
  for (int i = 0; i < v->nAgr; i++) {
    const MeetingAgreement *g = &v->aAgr[i];
    html_printf(h, "<li>%s", g->zText);
    if (g->bVoted) {
      html_printf(h, " (votos: %d a favor, %d en contra, %d abstenciones)",
                  g->nFor, g->nAgainst, g->nAbstain);
    }
    if (g->zResponsible[0])
      html_printf(h, ". Responsable: %s", g->zResponsible);
    if (g->zDue[0]) {
      char zDue[PLAN_DATE_SIZE];
      date_text_dmy(g->zDue, zDue);
      html_printf(h, ". Plazo: %s", zDue);
    }
    html_printf(h, "</li>\n");
  }
  if (v->nAgr) html_printf(h, "</ol>\n");
  html_printf(h, "</section>\n");
}

/* NULL when the acta of session pActa may be approved in session pLater
** (acta_approval_check: a later session of the council, already held,
** with quorum), else the Spanish reason (arena memory). */
static const char *approval_problem(Request *r, const Activity *pActa,
                                    const Activity *pLater) {
  QuorumResult q;
  memset(&q, 0, sizeof(q));
  if (meeting_quorum(request_db(r), request_arena(r), page_council_id(r),
                     pLater->id, &q) != DB_OK) {
    return "No se pudo leer la asistencia de esa sesión.";
  }
  ActaApproval ap = {pActa->iStart,
                     pLater->iStart,
                     activity_kind_is_session(pLater->zKind),
                     strcmp(pLater->zStatus, ACTIVITY_REALIZADA) == 0,
                     db_now(),
                     q.session.bReached,
                     q.session.zExplain};
  char zWhy[QUORUM_EXPLAIN_MAX + 120];
  if (acta_approval_check(&ap, zWhy, (int)sizeof(zWhy)) == ACTA_OK) {
    return NULL;
  }
  return arena_strdup(request_arena(r), zWhy);
}

/* Admin: the state buttons that apply; pErr's "estado" and "sesion"
** messages by them. */
static void section_state(Html *h, Request *r, const ActaView *v,
                          const FormErrors *pErr) {
  long long id = (long long)v->act.id;
  const char *zCsrf = request_csrf_token(r);
  const char *zMsg = form_error_for(pErr, "estado");
  html_printf(h, zMsg ? "<section id=\"estado\" class=\"has-error\"><h2>"
                        "Estado del acta</h2>"
                      : "<section id=\"estado\"><h2>Estado del acta</h2>");
  if (zMsg) html_printf(h, "<p class=\"field-error\">%s</p>", zMsg);
  html_printf(h, "<div class=\"actions\">");
  if (v->acta.eState == ACTA_BORRADOR || v->acta.eState == ACTA_APROBADA ||
      v->acta.eState == ACTA_ENVIADA) {
    const char *zTo = v->acta.eState == ACTA_BORRADOR  ? "enviada"
                      : v->acta.eState == ACTA_ENVIADA ? "borrador"
                                                       : "publicada";
    const char *zLabel = v->acta.eState == ACTA_BORRADOR
                             ? "Enviar a revisión de los consejeros"
                         : v->acta.eState == ACTA_ENVIADA ? "Volver a borrador"
                                                          : "Publicar";
    html_printf(h,
                "<form method=\"post\" action=\"/actividades/%lld/acta\">"
                "<input type=\"hidden\" name=\"accion\" value=\"estado\">"
                "<input type=\"hidden\" name=\"estado\" value=\"%s\">",
                id, zTo);
    form_csrf(h, zCsrf);
    html_printf(h,
                "<button type=\"submit\" class=\"button\">%s</button></form>",
                zLabel);
  }
  if (v->acta.eState == ACTA_ENVIADA) {
    /* Read only the later activities: each session offered is checked
    ** (its quorum), so not every activity the council ever held. */
    ActivityFilter f;
    memset(&f, 0, sizeof(f));
    f.iFrom = v->act.iStart + 1;
    Activity *aAct = NULL;
    int nAct = 0;
    activity_list(request_db(r), request_arena(r), page_council_id(r), &f,
                  &aAct, &nAct);
    html_printf(h,
                "<form method=\"post\" action=\"/actividades/%lld/acta\">"
                "<input type=\"hidden\" name=\"accion\" value=\"estado\">"
                "<input type=\"hidden\" name=\"estado\" value=\"aprobada\">",
                id);
    form_csrf(h, zCsrf);
    zMsg = form_error_for(pErr, "sesion");
    html_printf(h,
                "<label for=\"sesion\">Aprobada en la sesión</label> <select "
                "id=\"sesion\" name=\"sesion\" aria-invalid=\"%s\">",
                zMsg ? "true" : "false");
    /* Only the sessions it can be approved in: later, held, with quorum. */
    int nOption = 0;
    for (int i = 0; i < nAct; i++) {
      if (aAct[i].iStart <= v->act.iStart ||
          !activity_kind_is_session(aAct[i].zKind) ||
          approval_problem(r, &v->act, &aAct[i])) {
        continue;
      }
      char zWhen[32];
      activity_format_short(aAct[i].iStart, zWhen, sizeof(zWhen));
      html_printf(h, "<option value=\"%lld\">%s (%s)</option>",
                  (long long)aAct[i].id, aAct[i].zTitle, zWhen);
      nOption++;
    }
    html_printf(h, "</select>");
    if (zMsg) html_printf(h, "<p class=\"field-error\">%s</p>", zMsg);
    if (nOption == 0) {
      html_printf(h,
                  "<p class=\"field-hint\">Un acta se aprueba en una sesión "
                  "posterior ya realizada y con quórum: todavía no hay una. "
                  "Tome la asistencia de esa sesión y márquela como "
                  "realizada.</p>");
    }
    html_printf(h,
                " <button type=\"submit\" class=\"button\">Registrar la "
                "aprobación</button></form>");
  }
  html_printf(h, "</div></section>\n");
}

static void section_corrections(Html *h, Request *r, const ActaView *v,
                                int bAdmin, const ActaReshow *pRe) {
  MeetingActaNote *aNote = NULL;
  int nNote = 0;
  meeting_acta_corrections(request_db(r), request_arena(r), v->acta.id, &aNote,
                           &nNote);
  int bCan = acta_correction_check(v->acta.eState, "x", NULL) == ACTA_OK;
  if (nNote == 0 && !(bAdmin && bCan)) return;
  html_printf(h, "<section><h2>Notas de corrección</h2>\n");
  for (int i = 0; i < nNote; i++) {
    html_printf(h, "<div class=\"correction\"><p><strong>%s</strong></p>",
                aNote[i].zDate);
    markdown_render(h, aNote[i].zBody);
    html_printf(h, "</div>\n");
  }
  if (bAdmin && bCan) {
    html_printf(h,
                "<form class=\"form\" method=\"post\" action=\"/actividades/"
                "%lld/acta\"><input type=\"hidden\" name=\"accion\" value=\""
                "corregir\">",
                (long long)v->act.id);
    form_csrf(h, request_csrf_token(r));
    const char *zMsg = pRe ? form_error_for(&pRe->err, "correccion") : NULL;
    html_printf(h,
                "<div class=\"field%s\"><label for=\"correccion\">Nueva nota "
                "de corrección (Markdown)</label><textarea id=\"correccion\" "
                "name=\"texto\" rows=\"3\" required aria-invalid=\"%s\">%s"
                "</textarea>",
                zMsg ? " has-error" : "", zMsg ? "true" : "false",
                pRe && pRe->zNote && pRe->iNoteItem == 0 ? pRe->zNote : "");
    if (zMsg) html_printf(h, "<p class=\"field-error\">%s</p>", zMsg);
    html_printf(h,
                "</div><div class=\"actions\"><button type=\"submit\" "
                "class=\"button\">Agregar corrección</button></div></form>\n");
  }
  html_printf(h, "</section>\n");
}

/* The comparison of the summaries as typed (pRe) with those saved
** meanwhile, item by item. */
static void acta_conflict_table(Html *h, Request *r, const ActaView *v,
                                const ActaReshow *pRe) {
  Arena *pArena = request_arena(r);
  RecordStamp stamp;
  record_stamp_get(request_db(r), pArena, RECORD_ACTA, v->acta.id, &stamp);
  ConflictSaved saved = {"del acta", v->acta.iVersion, stamp.zAuthor,
                         stamp.tUpdated};
  conflict_begin(h, pArena, &saved);
  for (int i = 0; i < v->nItem; i++) {
    conflict_row(h, arena_printf(pArena, "%d. %s", i + 1, v->aItem[i].zTitle),
                 pRe->azSummary[i], v->aItem[i].zSummary);
  }
  conflict_end(h);
}

/* The acta page; pRe non-NULL re-shows a refused POST with what was typed
** and answers pRe->iStatus. */
static void acta_get(Request *r, ActaView *v, const ActaReshow *pRe) {
  const FormErrors *pErr = pRe ? &pRe->err : NULL;
  const User *pUser = request_user(r);
  int bAdmin = page_user_is(r, ROLE_ADMIN);
  Html h;
  page_begin(r, &h, "Acta", pUser ? "acuerdos" : "actas");
  html_printf(&h, "<h1>Acta: %s</h1>\n", v->act.zTitle);
  form_errors_summary(&h, pErr);
  if (pRe && pRe->bConflict) acta_conflict_table(&h, r, v, pRe);
  char zWhen[ACTIVITY_WHEN_MAX];
  activity_format_when(v->act.iStart, v->act.iEnd, zWhen, sizeof(zWhen));
  html_printf(&h, "<p>%s · %s</p>\n", zWhen, v->zPlace);
  if (!v->bHasActa) {
    html_printf(&h, "<p>Esta actividad aún no tiene acta.</p>\n");
    if (bAdmin) {
      html_printf(&h,
                  "<form method=\"post\" action=\"/actividades/%lld/acta\">"
                  "<input type=\"hidden\" name=\"accion\" value=\"crear\">",
                  (long long)v->act.id);
      form_csrf(&h, request_csrf_token(r));
      html_printf(&h,
                  "<button type=\"submit\" class=\"button\">Redactar el acta"
                  "</button></form>\n");
    }
    page_finish(r, &h, 200);
    return;
  }
  page_saved_notice(&h, r, "acta");
  html_printf(&h, "<p>Estado: <strong id=\"estado-acta\">%s</strong>",
              acta_state_label(v->acta.eState));
  const char *zWhy = NULL;
  int bEditable = acta_can_edit(v->acta.eState, &zWhy);
  if (!bEditable && zWhy) html_printf(&h, ". %s", zWhy);
  html_printf(&h,
              "</p>\n<p><a href=\"/actividades/%lld/acta.pdf\">Acta en PDF "
              "(A4)</a> · <a href=\"/actividades/%lld/acta.pdf?papel=carta\">"
              "PDF tamaño carta</a></p>\n",
              (long long)v->act.id, (long long)v->act.id);
  html_printf(&h, "<p class=\"quorum\">%s</p>\n", v->q.session.zExplain);
  section_people(&h, v, bAdmin);
  /* No comment forms inside the editor's form: the officer edits. */
  section_items(
      &h, r, v, bAdmin && bEditable,
      pUser && !(bAdmin && bEditable) && acta_can_comment(v->acta.eState, NULL),
      pRe);
  section_agreements(&h, v);
  section_corrections(&h, r, v, bAdmin, pRe);
  if (bAdmin) section_state(&h, r, v, pErr);
  page_finish(r, &h, pRe ? pRe->iStatus : 200);
}

/* Counts the people present (for the votes check). */
static int present_count(const ActaView *v) {
  int n = 0;
  for (int i = 0; i < v->nRow; i++)
    n += v->aRow[i].eStatus == ATTENDANCE_PRESENTE;
  return n;
}

/* The parts acta_validate() reads, with summaries replaced by azSummary
** when not NULL. */
static ActaParts parts_of(Arena *pArena, const ActaView *v,
                          const char *const *azSummary) {
  ActaItem *aItem =
      arena_alloc(pArena, sizeof(ActaItem) * (size_t)(v->nItem + 1));
  ActaAgreement *aAgr =
      arena_alloc(pArena, sizeof(ActaAgreement) * (size_t)(v->nAgr + 1));
  for (int i = 0; i < v->nItem; i++) {
    aItem[i].zTitle = v->aItem[i].zTitle;
    aItem[i].zSummary = azSummary ? azSummary[i] : v->aItem[i].zSummary;
  }
  for (int i = 0; i < v->nAgr; i++) {
    aAgr[i].zText = v->aAgr[i].zText;
    aAgr[i].vote.bVoted = v->aAgr[i].bVoted;
    aAgr[i].vote.nFor = v->aAgr[i].nFor;
    aAgr[i].vote.nAgainst = v->aAgr[i].nAgainst;
    aAgr[i].vote.nAbstain = v->aAgr[i].nAbstain;
  }
  ActaParts p = {present_count(v), v->nItem, aItem, v->nAgr, aAgr};
  return p;
}

/* Re-shows the page with zMessage by zField (NULL: about the whole acta)
** and the comment or correction as typed. */
static void acta_refuse(Request *r, ActaView *v, int iStatus,
                        const char *zField, const char *zMessage) {
  ActaReshow re;
  memset(&re, 0, sizeof(re));
  form_errors_init(&re.err);
  form_error(&re.err, zField, zMessage);
  re.iStatus = iStatus;
  const char *zAction = request_field(r, "accion");
  if (zAction &&
      (strcmp(zAction, "comentar") == 0 || strcmp(zAction, "corregir") == 0)) {
    re.zNote = request_field(r, "texto");
    re.iNoteItem =
        strcmp(zAction, "comentar") == 0 ? request_field_id(r, "item") : 0;
  }
  acta_get(r, v, &re);
}

static void post_save(Request *r, ActaView *v) {
  const char *zWhy = NULL;
  if (!acta_can_edit(v->acta.eState, &zWhy)) {
    acta_refuse(r, v, 409, NULL, zWhy);
    return;
  }
  Arena *pArena = request_arena(r);
  int64_t *aiItem =
      arena_alloc(pArena, sizeof(int64_t) * (size_t)(v->nItem + 1));
  const char **azSummary =
      arena_alloc(pArena, sizeof(char *) * (size_t)(v->nItem + 1));
  for (int i = 0; i < v->nItem; i++) {
    const char *z = request_field(
        r, arena_printf(pArena, "summary_%lld", (long long)v->aItem[i].id));
    aiItem[i] = v->aItem[i].id;
    azSummary[i] = z ? z : v->aItem[i].zSummary;
  }
  ActaReshow re;
  memset(&re, 0, sizeof(re));
  form_errors_init(&re.err);
  re.azSummary = azSummary;
  re.iStatus = 422;
  /* The version the editor was drawn from; a form without one (an old
  ** client) saves over the version read now. */
  const char *zVersion = request_field(r, "version");
  re.iBase = zVersion ? atoi(zVersion) : 0;
  for (int i = 0; i < v->nItem; i++) {
    if (strlen(azSummary[i]) > ACTA_SUMMARY_MAX) {
      form_error(&re.err,
                 arena_printf(pArena, "summary_%lld", (long long)aiItem[i]),
                 "El resumen es demasiado largo (máximo 20000 caracteres).");
    }
  }
  ActaProblem prob;
  if (!re.err.n) {
    ActaParts parts = parts_of(pArena, v, azSummary);
    if (acta_validate(&parts, v->acta.eState != ACTA_BORRADOR, &prob, 1) > 0) {
      /* "item.N.summary" (1-based) names an item's textarea; anything else
      ** is about the acta as a whole. */
      int iItem = 0;
      const char *zField = NULL;
      if (sscanf(prob.zField, "item.%d.summary", &iItem) == 1 && iItem >= 1 &&
          iItem <= v->nItem) {
        zField =
            arena_printf(pArena, "summary_%lld", (long long)aiItem[iItem - 1]);
      }
      form_error(&re.err, zField, arena_strdup(pArena, prob.zMessage));
    }
  }
  if (re.err.n) {
    acta_get(r, v, &re);
    return;
  }
  MeetingActa base = v->acta;
  if (re.iBase) base.iVersion = re.iBase;
  int rc = meeting_acta_save(request_db(r), request_user(r)->id, &base, aiItem,
                             azSummary, v->nItem);
  if (rc == DB_STALE) {
    /* Saved by someone else since the editor was opened: compare, with
    ** the stored acta read again as the new base. */
    if (!view_load(r, v)) return;
    re.bConflict = 1;
    re.iStatus = 409;
    re.iBase = 0;
    acta_get(r, v, &re);
    return;
  }
  if (!page_db_ok(r, rc)) return;
  respond_redirect(r,
                   arena_printf(pArena, "/actividades/%lld/acta?guardado=acta",
                                (long long)v->act.id));
}

static void post_state(Request *r, ActaView *v) {
  Arena *pArena = request_arena(r);
  ActaState eTo;
  const char *zTo = request_field(r, "estado");
  if (!zTo || acta_state_parse(zTo, &eTo) != 0) {
    acta_refuse(r, v, 422, "estado", "Elija un estado válido para el acta.");
    return;
  }
  int64_t iApproving = request_field_id(r, "sesion");
  ActaTransition t = {v->acta.eState, eTo, role_slug(request_user(r)),
                      v->act.id, iApproving};
  const char *zWhy = NULL;
  if (acta_transition_check(&t, &zWhy) != ACTA_OK) {
    acta_refuse(r, v, 409, "estado", zWhy);
    return;
  }
  if (eTo == ACTA_APROBADA) {
    Activity later;
    const char *zNo =
        activity_get(request_db(r), pArena, page_council_id(r), iApproving,
                     &later) != DB_OK ||
                later.iCouncil != v->act.iCouncil
            ? "El acta se aprueba en una sesión posterior: elija esa sesión."
            : approval_problem(r, &v->act, &later);
    if (zNo) {
      acta_refuse(r, v, 422, "sesion", zNo);
      return;
    }
  }
  if (eTo == ACTA_ENVIADA) {
    ActaParts parts = parts_of(pArena, v, NULL);
    ActaProblem prob;
    if (acta_validate(&parts, 1, &prob, 1) > 0) {
      acta_refuse(r, v, 422, "estado", arena_strdup(pArena, prob.zMessage));
      return;
    }
  }
  int rc = meeting_acta_set_state(request_db(r), request_user(r)->id, &v->acta,
                                  eTo, iApproving);
  if (rc == DB_STALE) {
    if (!view_load(r, v)) return;
    acta_refuse(r, v, 409, "estado",
                "Otra persona modificó el acta al mismo tiempo: revise su "
                "estado actual y repita el cambio.");
    return;
  }
  if (!page_db_ok(r, rc)) return;
  respond_redirect(r,
                   arena_printf(pArena, "/actividades/%lld/acta?guardado=acta",
                                (long long)v->act.id));
}

static void post_note(Request *r, ActaView *v, int bCorrection) {
  const char *zText = request_field(r, "texto");
  const char *zWhy = NULL;
  int64_t iItem = request_field_id(r, "item");
  const char *zField =
      bCorrection
          ? "correccion"
          : arena_printf(request_arena(r), "texto_%lld", (long long)iItem);
  if (!bCorrection) {
    int bFound = 0;
    for (int i = 0; i < v->nItem; i++) bFound |= v->aItem[i].id == iItem;
    if (!bFound) {
      acta_refuse(r, v, 422, NULL, "Ese punto no está en el acta.");
      return;
    }
  }
  if (!zText || !*zText || strlen(zText) > ACTA_NOTE_MAX) {
    acta_refuse(r, v, 422, zField,
                "Escriba un texto de hasta 4000 caracteres.");
    return;
  }
  int rc;
  if (bCorrection) {
    if (acta_correction_check(v->acta.eState, zText, &zWhy) != ACTA_OK) {
      acta_refuse(r, v, 409, zField, zWhy);
      return;
    }
    rc = meeting_acta_correction_add(request_db(r), v->acta.id,
                                     request_user(r)->id, zText);
  } else {
    if (!acta_can_comment(v->acta.eState, &zWhy)) {
      acta_refuse(r, v, 409, zField, zWhy);
      return;
    }
    rc = meeting_acta_comment_add(request_db(r), iItem, request_user(r)->id,
                                  zText);
  }
  if (!page_db_ok(r, rc)) return;
  respond_redirect(
      r, arena_printf(request_arena(r), "/actividades/%lld/acta?guardado=acta",
                      (long long)v->act.id));
}

void page_activity_acta(Request *r) {
  ActaView v;
  if (!view_load(r, &v)) return;
  if (!request_is_post(r)) {
    acta_get(r, &v, NULL);
    return;
  }
  const User *pUser = request_user(r);
  if (!pUser) {
    respond_error(r, 403, "Ingrese con su cuenta para modificar el acta.");
    return;
  }
  int bAdmin = page_user_is(r, ROLE_ADMIN);
  const char *zAction = request_field(r, "accion");
  if (!zAction) zAction = "";
  if (strcmp(zAction, "comentar") == 0 && v.bHasActa) {
    post_note(r, &v, 0);
    return;
  }
  if (!bAdmin) {
    respond_error(r, 403,
                  "Solo la encargada o el encargado puede redactar "
                  "y mover el acta.");
    return;
  }
  if (strcmp(zAction, "crear") == 0) {
    const char **azAgenda = NULL;
    int nAgenda = 0;
    MeetingActa acta;
    Db *pDb = request_db(r);
    if (activity_agenda_get(pDb, request_arena(r), v.act.id, &azAgenda,
                            &nAgenda) != DB_OK ||
        (!v.bHasActa && meeting_acta_create(pDb, v.act.id, azAgenda, nAgenda,
                                            &acta) != DB_OK)) {
      respond_error(r, 500, NULL);
      return;
    }
    respond_redirect(r, arena_printf(request_arena(r), "/actividades/%lld/acta",
                                     (long long)v.act.id));
    return;
  }
  if (!v.bHasActa) {
    respond_error(r, 404, "Esta actividad aún no tiene acta.");
    return;
  }
  if (strcmp(zAction, "guardar") == 0)
    post_save(r, &v);
  else if (strcmp(zAction, "estado") == 0)
    post_state(r, &v);
  else if (strcmp(zAction, "corregir") == 0)
    post_note(r, &v, 1);
  else
    respond_error(r, 400, "Acción desconocida.");
}

/* The acta of a loaded view as a PDF (it has one). EXPORT_OK or
** EXPORT_ERROR. */
static int view_pdf(Arena *pArena, const Council *pCouncil, const ActaView *pV,
                    int bLetter, const char **ppOut, size_t *pnOut) {
  const ActaView v = *pV;
  ActaPdfPerson *aPerson =
      arena_alloc(pArena, sizeof(ActaPdfPerson) * (size_t)(v.nRow + 1));
  for (int i = 0; i < v.nRow; i++) {
    const MeetingAttendance *s = &v.aRow[i];
    memset(&aPerson[i], 0, sizeof(aPerson[i]));
    aPerson[i].zName = s->zName;
    aPerson[i].zOrganization = s->zOrganization;
    aPerson[i].zQuality = meeting_quality_label(s);
    aPerson[i].eAttendance = s->eStatus;
    /* The acta names a suplente as such, and whom she replaced. */
    if (s->eQuality == MEETING_SUPLENTE && s->zReplaces && *s->zReplaces &&
        s->eStatus == ATTENDANCE_PRESENTE) {
      aPerson[i].zReplaces = s->zReplaces;
    }
  }
  ActaPdfItem *aItem =
      arena_alloc(pArena, sizeof(ActaPdfItem) * (size_t)(v.nItem + 1));
  for (int i = 0; i < v.nItem; i++) {
    aItem[i].zTitle = v.aItem[i].zTitle;
    aItem[i].zSummary = v.aItem[i].zSummary;
  }
  ActaPdfAgreement *aAgr =
      arena_alloc(pArena, sizeof(ActaPdfAgreement) * (size_t)(v.nAgr + 1));
  for (int i = 0; i < v.nAgr; i++) {
    const MeetingAgreement *g = &v.aAgr[i];
    aAgr[i].zText = g->zText;
    aAgr[i].bVoted = g->bVoted;
    aAgr[i].nFor = g->nFor;
    aAgr[i].nAgainst = g->nAgainst;
    aAgr[i].nAbstain = g->nAbstain;
    aAgr[i].zResponsible = g->zResponsible[0] ? g->zResponsible : NULL;
    aAgr[i].zDue = g->zDue[0] ? page_date(pArena, g->zDue) : NULL;
  }
  const char **azLine =
      arena_alloc(pArena, sizeof(char *) * (ACTIVITY_LINES_MAX + 1));
  for (int i = 0; i < v.act.nLine; i++) {
    azLine[i] =
        arena_printf(pArena, "Línea %d del plan de trabajo", v.act.aLine[i]);
  }
  char zWhen[ACTIVITY_WHEN_MAX];
  activity_format_when(v.act.iStart, v.act.iEnd, zWhen, sizeof(zWhen));
  ActaPdfInput in;
  memset(&in, 0, sizeof(in));
  in.zCouncil = pCouncil ? pCouncil->zName : "";
  in.zTitle = arena_printf(pArena, "Acta: %s", v.act.zTitle);
  in.zWhen = zWhen;
  in.zPlace = v.zPlace;
  in.zState = acta_state_label(v.acta.eState);
  in.zQuorum = v.q.session.zExplain;
  in.nPlanLine = v.act.nLine;
  in.azPlanLine = azLine;
  in.nPerson = v.nRow;
  in.aPerson = aPerson;
  in.nItem = v.nItem;
  in.aItem = aItem;
  in.nAgreement = v.nAgr;
  in.aAgreement = aAgr;
  in.bLetter = bLetter;
  char zErr[200];
  return acta_pdf(pArena, &in, ppOut, pnOut, zErr, sizeof(zErr));
}

int actas_pdf_bytes(Db *pDb, Arena *pArena, const Council *pCouncil,
                    int64_t iActivity, const char **ppOut, size_t *pnOut) {
  ActaView v;
  memset(&v, 0, sizeof(v));
  int rc = activity_get(pDb, pArena, pCouncil->id, iActivity, &v.act);
  if (rc != DB_OK) return rc;
  if (view_fill(pDb, pArena, pCouncil->id, &v) != DB_OK) return DB_ERROR;
  /* Approved is what counts as evidence (evidence_system_kinds). */
  if (!v.bHasActa || v.acta.eState < ACTA_APROBADA) return DB_DONE;
  if (view_pdf(pArena, pCouncil, &v, 0, ppOut, pnOut) != EXPORT_OK) {
    return DB_ERROR;
  }
  return DB_OK;
}

void page_activity_acta_pdf(Request *r) {
  ActaView v;
  if (!view_load(r, &v)) return;
  if (!v.bHasActa) {
    respond_error(r, 404, "Esta actividad aún no tiene acta.");
    return;
  }
  const char *zPaper = request_query(r, "papel");
  const char *zOut = NULL;
  size_t nOut = 0;
  int rc = view_pdf(request_arena(r), page_council(r), &v,
                    zPaper && strcmp(zPaper, "carta") == 0, &zOut, &nOut);
  page_send_export(r, rc, EXPORT_PDF_TYPE, "inline; filename=\"acta.pdf\"",
                   zOut, nOut);
}

void page_actas(Request *r) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  ListPage pg;
  list_page_numbered(&pg, request_query(r, "pagina"), LIST_PAGE_SIZE);
  MeetingActaEntry *aActa = NULL;
  int n = 0;
  if (!page_db_ok(r, meeting_acta_in_state(pDb, pArena, page_council_id(r),
                                           "publicada", &pg, &aActa, &n))) {
    return;
  }
  Html h;
  page_begin(r, &h, "Actas", "actas");
  html_printf(&h, "<h1>Actas de sesiones</h1>\n");
  if (pg.nTotal == 0)
    html_printf(&h, "<p>Aún no hay actas publicadas.</p>\n");
  else if (n)
    html_printf(&h, "<ul class=\"actas\">\n");
  for (int i = 0; i < n; i++) {
    char zWhen[32];
    activity_format_short(aActa[i].iStart, zWhen, sizeof(zWhen));
    html_printf(&h,
                "<li><a href=\"/actividades/%lld/acta\">%s</a> (%s) · <a href="
                "\"/actividades/%lld/acta.pdf\">PDF</a></li>\n",
                (long long)aActa[i].iActivity, aActa[i].zTitle, zWhen,
                (long long)aActa[i].iActivity);
  }
  if (n) html_printf(&h, "</ul>\n");
  pager_html(&h, "/actas", "", &pg, "acta publicada", "actas publicadas");
  /* The officer's: approved actas nobody but her sees until she publishes
  ** them (the public and the councillors saw an acta of last year only).
  ** Every one: they wait for her, a short list she empties. */
  ListPage all;
  memset(&all, 0, sizeof(all));
  if (page_user_is(r, ROLE_ADMIN) &&
      meeting_acta_in_state(pDb, pArena, page_council_id(r), "aprobada", &all,
                            &aActa, &n) == DB_OK &&
      n > 0) {
    html_printf(&h,
                "<h2>Aprobadas, por publicar</h2>\n<p>Solo usted las ve: "
                "publíquelas desde su página para que los consejeros y el "
                "público las lean (%d).</p>\n<ul class=\"actas\">\n",
                n);
    for (int i = 0; i < n; i++) {
      char zWhen[32];
      activity_format_short(aActa[i].iStart, zWhen, sizeof(zWhen));
      html_printf(&h,
                  "<li><a href=\"/actividades/%lld/acta\">%s</a> (%s)</li>\n",
                  (long long)aActa[i].iActivity, aActa[i].zTitle, zWhen);
    }
    html_printf(&h, "</ul>\n");
  }
  page_finish(r, &h, 200);
}
