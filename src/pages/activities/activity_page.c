/*
** One activity's page: its details for everyone (a non-public activity
** only for people signed in) and, for the officer, its history, agenda
** (tabla) editor, the citation form, replies as they arrive with each
** person's mail state, the text for WhatsApp and the transport.
**
** GET  /actividades/ID
** POST /actividades/ID/tabla     admin: items (one per line)
** POST /actividades/ID/citar     admin: member (repeated member ids),
**                                directory (repeated entry ids), extra
**                                (addresses separated by commas or lines)
*/
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "store/accounts/accounts.h"
#include "store/council/council.h"
#include "db/record_stamp.h"
#include "mail/outbox.h"
#include "mail/sender.h"
#include "pages/activities/activities_pages.h"
#include "pages/compliance/compliance_pages.h"
#include "pages/conflict.h"
#include "pages/courses/courses_pages.h"
#include "pages/evidence/evidence_pages.h"
#include "pages/meetings/meetings_pages.h"
#include "render/table.h"
#include "store/people/people.h"
#include "util/text.h"

static void section_details(Html *h, Arena *pArena, const Activity *a) {
  char zWhen[ACTIVITY_WHEN_MAX];
  activity_format_when(a->iStart, a->iEnd, zWhen, sizeof(zWhen));
  html_printf(h,
              "<dl class=\"details\"><dt>Tipo</dt><dd>%s</dd><dt>Estado</dt>"
              "<dd><span class=\"status status-%s\">%s</span></dd><dt>Fecha"
              "</dt><dd>%s (hora de Chile)</dd><dt>Lugar</dt><dd>%s</dd>"
              "<dt>Modalidad</dt><dd>%s</dd>",
              a->zKindLabel, a->zStatus, act_status_label(a->zStatus), zWhen,
              convene_place(pArena, a), act_modality_label(a->zModality));
  if (*a->zLink) {
    html_printf(h,
                "<dt>Enlace</dt><dd><a href=\"%s\" rel=\"noopener\">%s</a>"
                "</dd>",
                html_safe_href(a->zLink), a->zLink);
  }
  if (*a->zOrganizer) {
    html_printf(h, "<dt>Organiza</dt><dd>%s</dd>", a->zOrganizer);
  }
  if (a->nLine > 0) {
    html_printf(h, "<dt>Líneas del plan</dt><dd>");
    for (int i = 0; i < a->nLine; i++) {
      html_printf(h, "%s<a href=\"/plan/lineas/%d\">Línea %d</a>",
                  i ? ", " : "", a->aLine[i], a->aLine[i]);
    }
    html_printf(h, "</dd>");
  }
  html_printf(h, "</dl>\n");
  if (*a->zDescription) {
    html_printf(h, "<p>");
    html_text_lines(h, a->zDescription);
    html_printf(h, "</p>\n");
  }
}

/* The agenda editor with azItem in its box and the activity's version as
** its base; zConflictDiscard non-NULL closes it with the conflict page's
** buttons. */
static void agenda_form(Html *h, Request *r, const Activity *a,
                        const char *const *azItem, int nItem,
                        const char *zConflictDiscard) {
  Buf b;
  buf_init(&b, request_arena(r));
  for (int i = 0; i < nItem; i++) buf_printf(&b, "%s\n", azItem[i]);
  html_printf(h,
              "<form class=\"form\" method=\"post\" action=\"/actividades/"
              "%lld/tabla\"><input type=\"hidden\" name=\"version\" value="
              "\"%d\">",
              (long long)a->id, a->iVersion);
  form_csrf(h, request_csrf_token(r));
  html_printf(h,
              "<div class=\"field\"><label for=\"items\">Puntos de la "
              "tabla, uno por línea y en orden</label><textarea id=\"items\""
              " name=\"items\" rows=\"5\">%s</textarea></div>",
              buf_str(&b));
  if (zConflictDiscard) {
    conflict_submit(h, zConflictDiscard);
    return;
  }
  html_printf(h,
              "<div class=\"actions\"><button type=\"submit\" class=\""
              "button\">Guardar tabla</button></div></form>\n");
}

static void section_agenda(Html *h, Request *r, const Activity *a,
                           const char *const *az, int n, int bAdmin) {
  page_section_begin(h, r, "tabla", "Tabla", "tabla");
  if (n == 0) {
    html_printf(h, "<p>Aún no hay tabla.</p>\n");
  } else {
    html_printf(h, "<ol class=\"agenda\">");
    for (int i = 0; i < n; i++) html_printf(h, "<li>%s</li>", az[i]);
    html_printf(h, "</ol>\n");
  }
  if (bAdmin) agenda_form(h, r, a, az, n, NULL);
  html_printf(h, "</section>\n");
}

/* The newest outbox row for zEmail that is not a reminder waiting for its
** time, or NULL. aRow is newest first. */
static const OutboxRow *mail_for(const OutboxRow *aRow, int nRow,
                                 const char *zEmail, int64_t iNow) {
  for (int i = 0; i < nRow; i++) {
    if (strcmp(aRow[i].zTo, zEmail) != 0) continue;
    if (aRow[i].zState[0] == 'p' && aRow[i].iNextAttempt > iNow &&
        aRow[i].nAttempt == 0) {
      continue;
    }
    return &aRow[i];
  }
  return NULL;
}

static const char *mail_state_text(const OutboxRow *p) {
  if (!p) return "Sin correo";
  if (strcmp(p->zState, OUTBOX_STATE_SENT) == 0) return "Enviado";
  if (strcmp(p->zState, OUTBOX_STATE_FAILED) == 0) return "Falló";
  return "En cola (pendiente)";
}

static void section_replies(Html *h, Request *r, const Activity *a,
                            const ActivityInvitation *aInv, int nInv) {
  Arena *pArena = request_arena(r);
  OutboxRow *aRow = NULL;
  int nRow = 0;
  ListPage all = {0}; /* Every message of the activity: they are counted */
  outbox_list(request_db(r), pArena, a->iCouncil, "actividad", a->id, &all,
              &aRow, &nRow);
  int nPending = 0, nFailed = 0;
  int nYes = 0, nNo = 0, nMaybe = 0;
  for (int i = 0; i < nRow; i++) {
    /* A reminder waits for its time: not "queued" in the sense that
    ** matters to the officer. A message already tried also waits for its
    ** next attempt, but it is overdue: it counts. */
    if (aRow[i].zState[0] == 'p' &&
        (aRow[i].nAttempt > 0 || aRow[i].iNextAttempt <= db_now())) {
      nPending++;
    }
    if (aRow[i].zState[0] == 'f') nFailed++;
  }
  for (int i = 0; i < nInv; i++) {
    nYes += strcmp(aInv[i].zReply, "confirma") == 0;
    nNo += strcmp(aInv[i].zReply, "declina") == 0;
    nMaybe += strcmp(aInv[i].zReply, "quizas") == 0;
  }
  page_section_begin(h, r, "respuestas", "Citados y respuestas", "citar");
  if (nPending > 0) {
    html_printf(h,
                "<p class=\"notice\" role=\"status\">%d %s en cola, "
                "pendiente%s de envío: se enviará%s en cuanto el servidor de "
                "correo responda.</p>\n",
                nPending, nPending == 1 ? "correo" : "correos",
                nPending == 1 ? "" : "s", nPending == 1 ? "" : "n");
  }
  if (nFailed > 0) {
    html_printf(h,
                "<p class=\"notice notice-error\">%d %s no se pudo enviar: "
                "revise <a href=\"/admin/correo\">Correo</a>.</p>\n",
                nFailed, nFailed == 1 ? "correo" : "correos");
  }
  if (nInv == 0) {
    html_printf(h, "<p>Aún no se ha citado a nadie.</p></section>\n");
    return;
  }
  html_printf(h,
              "<p>%d %s: %d confirma%s, %d no asistirá%s, %d quizás, %d sin "
              "respuesta.</p>\n",
              nInv, nInv == 1 ? "citado" : "citados", nYes,
              nYes == 1 ? "" : "n", nNo, nNo == 1 ? "" : "n", nMaybe,
              nInv - nYes - nNo - nMaybe);
  static const char *const azColumn[] = {"Persona", "Correo", "Respuesta",
                                         "Traslado", "Estado del correo"};
  HtmlTable t;
  table_open(&t, h, "table table-cards", NULL);
  table_head(&t, azColumn, 5);
  for (int i = 0; i < nInv; i++) {
    const ActivityInvitation *v = &aInv[i];
    const OutboxRow *m = mail_for(aRow, nRow, v->zEmail, db_now());
    table_row_open(&t);
    table_cell(&t, "%s", *v->zName ? v->zName : "—");
    table_cell(&t, "%s", v->zEmail);
    table_cell(&t, "%s", act_reply_label(v->zReply));
    table_cell(
        &t, "%s",
        v->bTransport ? arena_printf(pArena, "Desde %s", v->zPickupName) : "—");
    table_cell(&t, "%s%s%s", mail_state_text(m), m && *m->zError ? ": " : "",
               m && *m->zError ? m->zError : "");
    table_row_close(&t);
  }
  table_close(&t);
  html_printf(h, "</section>\n");
}

/* Whether the refused citation (pRe) had chosen field zName with value
** iId ("member", "directory"). */
static int was_chosen(Request *r, const char *zName, int64_t iId) {
  int nField = 0;
  const FormField *aField = request_fields(r, &nField);
  for (int i = 0; i < nField; i++) {
    int64_t id = 0;
    if (strcmp(aField[i].zName, zName) == 0 &&
        text_parse_id(aField[i].zValue, &id) && id == iId) {
      return 1;
    }
  }
  return 0;
}

/* The citation form; pRe non-NULL: a refused one again with the people
** chosen and the addresses typed, its reason, and, when the start has
** passed, the button that confirms. */
static void section_convene(Html *h, Request *r, const Activity *a,
                            const ActivityInvitation *aInv, int nInv,
                            const ActivityReshow *pRe) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  html_printf(h,
              "<section aria-labelledby=\"citar\"><h2 id=\"citar\">Enviar "
              "citación</h2>\n");
  if (strcmp(a->zStatus, ACTIVITY_SUSPENDIDA) == 0 ||
      strcmp(a->zStatus, ACTIVITY_REALIZADA) == 0) {
    html_printf(h,
                "<p>La actividad está %s: no se envían citaciones.</p>"
                "</section>\n",
                act_status_label(a->zStatus));
    return;
  }
  ConveneRecipient *aRec = NULL;
  int nRec = 0;
  convene_councillors(pDb, pArena, page_council_id(r), &aRec, &nRec);
  if (pRe) {
    html_printf(h,
                "<div class=\"notice %s\" role=\"alert\" id=\"citar-error\">"
                "<p>%s</p></div>\n",
                pRe->bConfirm ? "notice-warn" : "notice-error", pRe->zError);
  } else if (a->iStart <= db_now()) {
    html_printf(h,
                "<p class=\"notice notice-warn\">Esta actividad ya comenzó: "
                "citar ahora pedirá confirmación.</p>\n");
  }
  html_printf(h,
              "<p>Cada persona recibe un correo con la fecha, el lugar, la "
              "tabla, su enlace personal para responder y una invitación de "
              "calendario; además, un recordatorio %d horas antes. Quien ya "
              "fue citado a esta versión no lo recibe de nuevo.</p>\n",
              council_reminder_hours(pDb, page_council_id(r)));
  page_post_form(h, r, "form", "/actividades/%lld/citar", (long long)a->id);
  html_printf(h,
              "<fieldset class=\"field\"><legend>Consejeros en ejercicio"
              "</legend>\n");
  for (int i = 0; i < nRec; i++) {
    int bSent = 0;
    for (int k = 0; k < nInv; k++) {
      bSent |= strcmp(aInv[k].zEmail, aRec[i].zEmail) == 0 &&
               aInv[k].iSentSequence == a->iSequence;
    }
    int bOn = pRe ? was_chosen(r, "member", aRec[i].iMember) : 1;
    html_printf(h,
                bOn ? "<label class=\"check\"><input type=\"checkbox\" "
                      "name=\"member\" value=\"%lld\" checked> %s &lt;%s&gt;"
                      "%s</label>\n"
                    : "<label class=\"check\"><input type=\"checkbox\" "
                      "name=\"member\" value=\"%lld\"> %s &lt;%s&gt;%s"
                      "</label>\n",
                (long long)aRec[i].iMember, aRec[i].zName, aRec[i].zEmail,
                bSent ? " (ya citado)" : "");
  }
  html_printf(h, "</fieldset>\n");
  DirectoryEntry *aDir = NULL;
  int nDir = 0;
  PeopleFilter noFilter;
  memset(&noFilter, 0, sizeof(noFilter));
  if (people_directory_list(pDb, pArena, page_council_id(r), &noFilter, &aDir,
                            &nDir) == DB_OK &&
      nDir > 0) {
    int nWithEmail = 0;
    for (int i = 0; i < nDir; i++) nWithEmail += *aDir[i].zEmail != 0;
    if (nWithEmail == 0) nDir = 0;
  }
  if (nDir > 0) {
    html_printf(h,
                "<fieldset class=\"field\"><legend>Directorio de "
                "autoridades</legend>\n");
    for (int i = 0; i < nDir; i++) {
      if (!*aDir[i].zEmail) continue;
      int bOn = pRe && was_chosen(r, "directory", aDir[i].id);
      html_printf(h,
                  bOn ? "<label class=\"check\"><input type=\"checkbox\" "
                        "name=\"directory\" value=\"%lld\" checked> %s%s%s "
                        "&lt;%s&gt;</label>\n"
                      : "<label class=\"check\"><input type=\"checkbox\" "
                        "name=\"directory\" value=\"%lld\"> %s%s%s &lt;%s&gt;"
                        "</label>\n",
                  (long long)aDir[i].id, aDir[i].zInstitution,
                  *aDir[i].zPersonName ? " — " : "", aDir[i].zPersonName,
                  aDir[i].zEmail);
    }
    html_printf(h, "</fieldset>\n");
  }
  const char *zExtra = pRe ? request_field(r, "extra") : NULL;
  html_printf(h,
              "<div class=\"field\"><label for=\"extra\">Otras direcciones"
              "</label><textarea id=\"extra\" name=\"extra\" rows=\"2\" "
              "aria-describedby=\"extra-hint\">%s</textarea><p class=\"hint\" "
              "id=\"extra-hint\">Separadas por comas o una por línea.</p>"
              "</div><div class=\"actions\">",
              zExtra ? zExtra : "");
  if (pRe && pRe->bConfirm) {
    html_printf(h,
                "<button type=\"submit\" name=\"confirm\" value=\"1\" "
                "class=\"button button-primary\">Sí, citar aunque ya "
                "comenzó</button> <a href=\"/actividades/%lld\">No citar"
                "</a>",
                (long long)a->id);
  } else {
    html_printf(h,
                "<button type=\"submit\" class=\"button button-primary\">"
                "Enviar citación</button>");
  }
  html_printf(h, "</div></form></section>\n");
}

static void section_whatsapp(Html *h, Request *r, const Activity *a,
                             const char *const *az, int n) {
  Arena *pArena = request_arena(r);
  const char *zShort = page_council(r) ? page_council(r)->zShortName : NULL;
  const char *zText = convene_whatsapp_text(
      pArena, zShort && *zShort ? zShort : "El consejo", a, az, n,
      arena_printf(pArena, "%s/actividades/%lld", act_base_url(r),
                   (long long)a->id));
  html_printf(h,
              "<section aria-labelledby=\"whatsapp\"><h2 id=\"whatsapp\">"
              "Copiar para WhatsApp</h2><p>Seleccione el texto y cópielo en "
              "el grupo del consejo.</p><textarea readonly rows=\"12\" "
              "class=\"copy-text\" aria-labelledby=\"whatsapp\">%s</textarea>"
              "</section>\n",
              zText);
}

/* Which of the optional sections the page shows: a jump link must lead
** somewhere (a course's module has its own attendance, Traslado is for
** in-person activities, Historial appears once something changed). */
typedef struct PageSections {
  int bSignedIn, bAdmin, bSession, bModule, bTransport, bHistory;
} PageSections;

/* Jump links to the page's sections: on a phone the page is long. */
static void section_jumps(Html *h, const PageSections *s) {
  const struct {
    const char *zId, *zLabel;
    int bShown;
  } a[] = {
      {"cuenta", "¿Cuenta para el plan?", s->bSignedIn},
      {"tabla", "Tabla", 1},
      {"curso", "Módulo del curso", s->bModule},
      {"asistencia", "Asistencia", s->bSignedIn && !s->bModule},
      {"acuerdos", "Acuerdos", s->bSignedIn && s->bSession},
      {"verificadores", "Verificadores", s->bSignedIn},
      {"respuestas", "Respuestas", s->bAdmin},
      {"citar", "Citar", s->bAdmin},
      {"traslado", "Traslado", s->bAdmin && s->bTransport},
      {"historial", "Historial", s->bAdmin && s->bHistory},
  };
  html_printf(h, "<nav class=\"jumps\" aria-label=\"En esta página\"><ul>");
  for (size_t i = 0; i < sizeof(a) / sizeof(a[0]); i++) {
    if (!a[i].bShown) continue;
    html_printf(h, "<li><a href=\"#%s\">%s</a></li>", a[i].zId, a[i].zLabel);
  }
  html_printf(h, "</ul></nav>\n");
}

/* Whether the activity counts for each of its plan lines, and why not. */
static void section_counts(Html *h, Request *r, const Activity *a) {
  html_printf(h,
              "<section aria-labelledby=\"cuenta\"><h2 id=\"cuenta\">"
              "¿Cuenta para el plan?</h2>\n");
  if (a->nLine == 0) {
    html_printf(h,
                "<p>No está vinculada a ninguna línea del plan: no cuenta "
                "para su cumplimiento.</p>\n");
  } else {
    CompliancePageVerdicts v;
    int rc = compliance_page_verdicts(r, a, NULL, 0, &v);
    if (rc == 0) {
      compliance_verdicts_html(r, h, &v, "Hoy, la actividad:");
    } else if (rc == 404) {
      html_printf(h,
                  "<p>No hay un plan aprobado para la fecha de esta "
                  "actividad.</p>\n");
    }
  }
  html_printf(h, "</section>\n");
}

const ActivityReshow *activity_reshow_of(const ActivityReshow *pRe,
                                         const char *zSection) {
  return pRe && strcmp(pRe->zSection, zSection) == 0 ? pRe : NULL;
}

void page_activity(Request *r) {
  Activity a;
  if (!act_load(r, &a, request_user(r) == NULL)) return;
  activity_page_show(r, &a, NULL, 200);
}

void activity_page_show(Request *r, const Activity *pAct,
                        const ActivityReshow *pRe, int iStatus) {
  const User *pUser = request_user(r);
  int bAdmin = page_user_is(r, ROLE_ADMIN);
  Activity a = *pAct;
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  const char **azAgenda = NULL;
  int nAgenda = 0;
  ActivityInvitation *aInv = NULL;
  int nInv = 0;
  if (activity_agenda_get(pDb, pArena, a.id, &azAgenda, &nAgenda) != DB_OK ||
      (bAdmin &&
       activity_invitations_list(pDb, pArena, a.id, &aInv, &nInv) != DB_OK)) {
    respond_error(r, 500, NULL);
    return;
  }
  Html h;
  page_begin(r, &h, a.zTitle, bAdmin ? "actividades" : "calendario");
  html_printf(&h, "<h1>%s</h1>\n", a.zTitle);
  if (bAdmin) {
    html_printf(&h,
                "<p class=\"actions\"><a class=\"button\" href=\"/actividades"
                "/%lld/editar\">Editar, reprogramar o suspender</a> <a href="
                "\"/actividades\">Todas las actividades</a></p>\n",
                (long long)a.id);
  }
  ActivityHistory *aHist = NULL;
  int nHist = 0;
  if (bAdmin &&
      activity_history_list(pDb, pArena, a.id, &aHist, &nHist) != DB_OK) {
    nHist = 0;
  }
  PageSections shown = {pUser != NULL,
                        bAdmin,
                        activity_kind_is_session(a.zKind),
                        courses_activity_is_module(r, &a),
                        activity_is_in_person(a.zModality),
                        nHist > 0};
  section_jumps(&h, &shown);
  page_saved_notice(&h, r, "detalles");
  section_details(&h, pArena, &a);
  if (pUser) section_counts(&h, r, &a);
  section_agenda(&h, r, &a, azAgenda, nAgenda, bAdmin);
  /* A course's module takes its attendance from the enrolled people. */
  if (!courses_module_section(&h, r, &a))
    activity_attendance_section(&h, r, &a);
  activity_agreements_section(&h, r, &a);
  evidence_section(&h, r, &a, pRe);
  if (bAdmin) {
    section_replies(&h, r, &a, aInv, nInv);
    section_convene(&h, r, &a, aInv, nInv, activity_reshow_of(pRe, "citar"));
    activity_transport_section(&h, r, &a, aInv, nInv);
    section_whatsapp(&h, r, &a, azAgenda, nAgenda);
    if (nHist > 0) {
      html_printf(&h,
                  "<section aria-labelledby=\"historial\"><h2 id=\""
                  "historial\">Historial</h2><ul>\n");
      for (int i = 0; i < nHist; i++) {
        const ActivityHistory *p = &aHist[i];
        char zAt[32], zOld[32], zNew[32];
        activity_format_short(p->iAt, zAt, sizeof(zAt));
        activity_format_short(p->iOldStart, zOld, sizeof(zOld));
        activity_format_short(p->iNewStart, zNew, sizeof(zNew));
        html_printf(&h, "<li>%s%s%s: %s → %s", zAt, *p->zUser ? ", " : "",
                    p->zUser, act_status_label(p->zOldStatus),
                    act_status_label(p->zNewStatus));
        if (p->iOldStart != p->iNewStart || p->iOldEnd != p->iNewEnd) {
          html_printf(&h, "; fecha %s → %s", zOld, zNew);
        }
        if (*p->zNote) html_printf(&h, " (%s)", p->zNote);
        html_printf(&h, "</li>\n");
      }
      html_printf(&h, "</ul></section>\n");
    }
  }
  page_finish(r, &h, iStatus);
}

/* The agenda typed (pMine) next to the one saved meanwhile, item by item,
** then the editor with the typed items and the stored version. 409. */
static void agenda_conflict(Request *r, const Activity *a,
                            const char *const *azMine, int nMine) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  const char **azSaved = NULL;
  int nSaved = 0;
  RecordStamp stamp;
  if (!page_db_ok(r,
                  activity_agenda_get(pDb, pArena, a->id, &azSaved, &nSaved)) ||
      !page_db_ok(
          r, record_stamp_get(pDb, pArena, RECORD_ACTIVITY, a->id, &stamp))) {
    return;
  }
  Activity now = *a;
  now.iVersion = stamp.iVersion;
  Html h;
  page_begin(r, &h, a->zTitle, "actividades");
  html_printf(&h, "<h1>Tabla: %s</h1>\n", a->zTitle);
  ConflictSaved saved = {"de la actividad y su tabla", stamp.iVersion,
                         stamp.zAuthor, stamp.tUpdated};
  conflict_begin(&h, pArena, &saved);
  for (int i = 0; i < nMine || i < nSaved; i++) {
    conflict_row(&h, arena_printf(pArena, "Punto %d", i + 1),
                 i < nMine ? azMine[i] : "", i < nSaved ? azSaved[i] : "");
  }
  conflict_end(&h);
  agenda_form(
      &h, r, &now, azMine, nMine,
      arena_printf(pArena, "/actividades/%lld#tabla", (long long)a->id));
  page_finish(r, &h, 409);
}

void page_activity_agenda(Request *r) {
  Activity a;
  if (!act_load(r, &a, 0)) return;
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  const char *z = request_field(r, "items");
  const char *az[100];
  int n = 0;
  char *zCopy = arena_strdup(pArena, z ? z : "");
  for (char *zLine = strtok(zCopy, "\r\n"); zLine && n < 100;
       zLine = strtok(NULL, "\r\n")) {
    while (*zLine == ' ' || *zLine == '\t') zLine++;
    if (*zLine) az[n++] = zLine;
  }
  /* The version the editor was drawn from is checked in the transaction
  ** that saves (a form without one, from an older client, is not). */
  const char *zVersion = request_field(r, "version");
  if (db_begin(pDb) != DB_OK) {
    respond_error(r, 503, NULL);
    return;
  }
  int rc = zVersion ? record_stamp_claim(pDb, RECORD_ACTIVITY, a.id,
                                         atoi(zVersion), request_user(r)->id)
                    : DB_OK;
  if (rc == DB_OK) rc = activity_agenda_set(pDb, a.id, az, n);
  if (rc != DB_OK) {
    db_rollback(pDb);
    if (rc == DB_STALE)
      agenda_conflict(r, &a, az, n);
    else
      respond_error(r, 500, NULL);
    return;
  }
  if (!page_db_ok(r, db_commit(pDb))) return;
  respond_redirect(
      r, arena_printf(pArena, "/actividades/%lld?guardado=tabla#tabla",
                      (long long)a.id));
}

static int add_recipient(ConveneRecipient *aRec, int *pnRec, int nMax,
                         ConveneRecipient rec) {
  for (int i = 0; i < *pnRec; i++) {
    if (strcmp(aRec[i].zEmail, rec.zEmail) == 0) return 0;
  }
  if (*pnRec >= nMax) return 0;
  aRec[(*pnRec)++] = rec;
  return 1;
}

void page_activity_convene(Request *r) {
  Activity a;
  if (!act_load(r, &a, 0)) return;
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  int64_t iCouncil = page_council_id(r);
  ConveneRecipient *aAll = NULL;
  int nAll = 0;
  if (!page_db_ok(r, convene_councillors(pDb, pArena, iCouncil, &aAll, &nAll)))
    return;
  int nField = 0;
  const FormField *aField = request_fields(r, &nField);
  int nMax = nField + 600;
  ConveneRecipient *aRec = arena_alloc(pArena, sizeof(*aRec) * (size_t)nMax);
  int nRec = 0;
  const char *zBad = NULL;
  for (int i = 0; i < nField; i++) {
    if (strcmp(aField[i].zName, "member") == 0) {
      int64_t id = 0;
      text_parse_id(aField[i].zValue, &id);
      for (int k = 0; k < nAll; k++) {
        if (aAll[k].iMember == id) add_recipient(aRec, &nRec, nMax, aAll[k]);
      }
    } else if (strcmp(aField[i].zName, "directory") == 0) {
      DirectoryEntry d;
      int64_t id = 0;
      if (text_parse_id(aField[i].zValue, &id) &&
          people_directory_get(pDb, pArena, iCouncil, id, &d) == DB_OK &&
          *d.zEmail) {
        ConveneRecipient rec = {
            0, d.id, d.zEmail, *d.zPersonName ? d.zPersonName : d.zInstitution};
        add_recipient(aRec, &nRec, nMax, rec);
      }
    }
  }
  const char *zExtra = request_field(r, "extra");
  char *zCopy = arena_strdup(pArena, zExtra ? zExtra : "");
  for (char *z = strtok(zCopy, ",;\r\n "); z; z = strtok(NULL, ",;\r\n ")) {
    for (char *c = z; *c; c++) *c = (char)tolower((unsigned char)*c);
    const char *zAt = strchr(z, '@');
    if (!zAt || zAt == z || !strchr(zAt, '.') || strchr(z, '<') ||
        strchr(z, '>') || strchr(z, '"')) {
      zBad = z;
      break;
    }
    ConveneRecipient rec = {0, 0, z, ""};
    add_recipient(aRec, &nRec, nMax, rec);
  }
  const char *zProblem = NULL;
  if (zBad) {
    zProblem = arena_printf(pArena,
                            "«%s» no es una dirección de correo válida: "
                            "corríjala y envíe de nuevo.",
                            zBad);
  } else if (nRec == 0) {
    zProblem = "Elija al menos una persona a quien citar.";
  } else if (strcmp(a.zStatus, ACTIVITY_SUSPENDIDA) == 0 ||
             strcmp(a.zStatus, ACTIVITY_REALIZADA) == 0) {
    zProblem = "No se puede citar a una actividad suspendida o ya realizada.";
  }
  ActivityReshow re = {"citar", zProblem, 0};
  if (zProblem) {
    activity_page_show(r, &a, &re, 422);
    return;
  }
  /* A start that has passed: asked again before anything is queued. */
  const char *zConfirm = request_field(r, "confirm");
  if (a.iStart <= db_now() && !(zConfirm && strcmp(zConfirm, "1") == 0)) {
    re.zError = convene_past_question(pArena, &a);
    re.bConfirm = 1;
    activity_page_show(r, &a, &re, 409);
    return;
  }
  int nQueued = 0;
  int rc = convene_send(pDb, pArena, request_user(r)->id, &a, aRec, nRec,
                        act_base_url(r), &nQueued);
  if (rc == DB_STALE) {
    respond_error(r, 409,
                  "Otra persona modificó la actividad al mismo tiempo: "
                  "vuelva a la actividad y repita la citación.");
    return;
  }
  if (!page_db_ok(r, rc)) return;
  mail_sender_wake();
  respond_redirect(
      r, arena_printf(pArena, "/actividades/%lld?guardado=citar#respuestas",
                      (long long)a.id));
}
