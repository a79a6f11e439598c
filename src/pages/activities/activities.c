/*
** The officer's activities: the list, the form to create one and the form
** to edit one (a reschedule keeps its history; a change the people invited
** must know about is mailed to them).
**
** GET      /actividades              admin: every activity, newest first,
**                                    LIST_PAGE_SIZE a page (pagina: 1..)
** GET|POST /actividades/nueva        admin: fields kind, title, description,
**                                    start, end (Santiago wall-clock
**                                    "2025-04-15T10:00"), modality, link,
**                                    commune, address, organizer, public,
**                                    plan_lines (repeated)
** GET|POST /actividades/ID/editar    admin: the same and status, version
** POST     /actividades/tipos        admin: slug, label — a new kind in the
**                                    catalogue
** POST     /actividades/ajustes      admin: reminder_hours (0..720),
**                                    version (the setting's, as drawn; a
**                                    stale one: 409 with both values;
**                                    none: saved unchecked)
*/
#include <stdlib.h>
#include <string.h>

#include "domain/chile_time.h"
#include "store/council/council.h"
#include "pages/activities/activities_pages.h"
#include "pages/compliance/compliance_pages.h"
#include "db/record_stamp.h"
#include "mail/sender.h"
#include "pages/conflict.h"
#include "pages/people/people_widgets.h"
#include "render/pager.h"
#include "render/table.h"
#include "store/plan/plan_store.h"

/* "2025-04-15T10:00" for a datetime-local field, "" for 0. */
static const char *local_value(Arena *pArena, int64_t t) {
  if (t <= 0) return "";
  LocalTime lt;
  chile_time_from_utc(t, &lt, NULL);
  return arena_printf(pArena, "%04d-%02d-%02dT%02d:%02d", lt.iYear, lt.iMonth,
                      lt.iDay, lt.iHour, lt.iMinute);
}

/* The reminder setting's form showing nHours, drawn from version iBase
** (-1: the stored one; 0: none stored); bConflict closes it with the
** conflict page's choices. */
static void reminder_form(Html *h, Request *r, int nHours, int iBase,
                          int bConflict) {
  if (iBase < 0) {
    RecordStamp stamp;
    iBase = council_setting_stamp(request_db(r), request_arena(r),
                                  page_council_id(r), COUNCIL_REMINDER_HOURS,
                                  &stamp) == DB_OK
                ? stamp.iVersion
                : 0;
  }
  html_printf(h,
              "<section aria-labelledby=\"ajustes\"><h2 id=\"ajustes\">"
              "Recordatorios</h2><form class=\"form form-inline\" "
              "method=\"post\" action=\"/actividades/ajustes\"><input "
              "type=\"hidden\" name=\"version\" value=\"%d\">",
              iBase);
  form_csrf(h, request_csrf_token(r));
  form_input(h, NULL, "reminder_hours", "Horas antes de la actividad", "number",
             arena_printf(request_arena(r), "%d", nHours),
             "El recordatorio sale a cada citado ese tiempo antes del inicio; "
             "0 no envía recordatorios.",
             "min=\"0\" max=\"720\" required");
  if (bConflict) {
    conflict_submit(h, "/actividades#ajustes");
    html_printf(h, "</section>\n");
    return;
  }
  html_printf(h,
              "<div class=\"actions\"><button type=\"submit\" class=\""
              "button\">Guardar</button></div></form></section>\n");
}

void page_activities(Request *r) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  ActivityFilter f;
  memset(&f, 0, sizeof(f));
  f.bNewestFirst = 1;
  ListPage pg;
  list_page_numbered(&pg, request_query(r, "pagina"), LIST_PAGE_SIZE);
  Activity *aAct = NULL;
  int nAct = 0;
  if (!page_db_ok(r, activity_page(pDb, pArena, page_council_id(r), &f, &pg,
                                   &aAct, &nAct))) {
    return;
  }
  Html h;
  page_begin_titled(r, &h, "Actividades", "actividades");
  html_printf(&h,
              "<p>Sesiones, reuniones, capacitaciones "
              "y actividades del ministerio a las que se invita al consejo."
              "</p>\n<p class=\"actions\"><a class=\"button button-primary\" "
              "href=\"/actividades/nueva\">Nueva actividad</a> <a class=\""
              "button\" href=\"/calendario\">Ver calendario</a></p>\n");
  static const char *const azColumn[] = {"Fecha", "Actividad", "Tipo", "Lugar",
                                         "Estado"};
  HtmlTable t;
  table_open(&t, &h, "table table-cards", NULL);
  table_caption_count(&t, pg.nTotal, "actividad", "actividades");
  table_head(&t, azColumn, 5);
  for (int i = 0; i < nAct; i++) {
    const Activity *a = &aAct[i];
    char zWhen[32];
    activity_format_short(a->iStart, zWhen, sizeof(zWhen));
    table_row_open(&t);
    table_cell(&t, "%s", zWhen);
    /* The mark is markup, so it belongs in the (trusted) format: as an
    ** argument it was escaped and showed as text. */
    if (a->bPublic) {
      table_cell(&t, "<a href=\"/actividades/%lld\">%s</a>", (long long)a->id,
                 a->zTitle);
    } else {
      table_cell(
          &t, "<a href=\"/actividades/%lld\">%s</a> <small>(interna)</small>",
          (long long)a->id, a->zTitle);
    }
    table_cell(&t, "%s", a->zKindLabel);
    table_cell(&t, "%s", convene_place(pArena, a));
    table_cell(&t, "<span class=\"status status-%s\">%s</span>", a->zStatus,
               act_status_label(a->zStatus));
    table_row_close(&t);
  }
  table_close(&t);
  pager_html(&h, "/actividades", "", &pg, "actividad", "actividades");
  ActivityKind *aKind = NULL;
  int nKind = 0;
  activity_kinds_list(pDb, pArena, &aKind, &nKind);
  html_printf(&h,
              "<section aria-labelledby=\"tipos\"><h2 id=\"tipos\">Tipos "
              "de actividad</h2><p>");
  for (int i = 0; i < nKind; i++) {
    html_printf(&h, "%s%s", i ? " · " : "", aKind[i].zLabel);
  }
  html_printf(&h, "</p>");
  page_post_form(&h, r, "form form-inline", "/actividades/tipos");
  form_input(&h, NULL, "label", "Nuevo tipo", "text", "", NULL,
             "required maxlength=\"80\"");
  form_input(&h, NULL, "slug", "Código", "text", "",
             "Minúsculas, números y _; por ejemplo feria_vivienda.",
             "required pattern=\"[a-z][a-z0-9_]{0,39}\"");
  html_printf(&h,
              "<div class=\"actions\"><button type=\"submit\" class=\""
              "button\">Agregar tipo</button></div></form></section>\n");
  reminder_form(&h, r, council_reminder_hours(pDb, page_council_id(r)), -1, 0);
  page_finish(r, &h, 200);
}

void page_activity_settings(Request *r) {
  const char *z = request_field(r, "reminder_hours");
  char *zEnd = NULL;
  long n = z && *z ? strtol(z, &zEnd, 10) : -1;
  if (!z || !*z || *zEnd || n < 0 || n > ACTIVITY_REMINDER_HOURS_MAX) {
    respond_error(r, 422,
                  "Indique cuántas horas antes se envía el recordatorio: un "
                  "número de 0 a 720.");
    return;
  }
  /* Checked against the version the form was drawn from, when it says
  ** (0: no value stored then); without one, saved unchecked. */
  Db *pDb = request_db(r);
  int64_t iCouncil = page_council_id(r);
  const char *zBase = request_field(r, "version");
  int rc = council_setting_save(pDb, iCouncil, COUNCIL_REMINDER_HOURS, n,
                                zBase ? atoi(zBase) : -1, request_user(r)->id);
  if (rc == DB_OK) {
    respond_redirect(r, "/actividades#ajustes");
    return;
  }
  RecordStamp stamp;
  if (rc != DB_STALE ||
      council_setting_stamp(pDb, request_arena(r), iCouncil,
                            COUNCIL_REMINDER_HOURS, &stamp) != DB_OK) {
    respond_error(r, 500, NULL);
    return;
  }
  /* Saved meanwhile: both values, the typed one kept in the form. */
  Html h;
  page_begin(r, &h, "Recordatorios", "actividades");
  html_printf(&h, "<h1>Recordatorios de actividades</h1>\n");
  ConflictSaved saved = {"de las horas de recordatorio", stamp.iVersion,
                         stamp.zAuthor, stamp.tUpdated};
  conflict_begin(&h, request_arena(r), &saved);
  conflict_row(&h, "Horas antes de la actividad",
               arena_printf(request_arena(r), "%ld", n),
               arena_printf(request_arena(r), "%d",
                            council_reminder_hours(pDb, page_council_id(r))));
  conflict_end(&h);
  reminder_form(&h, r, (int)n, stamp.iVersion, 1);
  page_finish(r, &h, 409);
}

void page_activity_kinds(Request *r) {
  const char *zSlug = request_field(r, "slug");
  const char *zLabel = request_field(r, "label");
  if (!activity_slug_wellformed(zSlug) || !zLabel || !*zLabel ||
      strlen(zLabel) > 80) {
    respond_error(r, 422,
                  "Indique el nombre del tipo y un código de minúsculas, "
                  "números y _ (por ejemplo feria_vivienda).");
    return;
  }
  int rc = activity_kind_add(request_db(r), zSlug, zLabel);
  if (rc == DB_CONSTRAINT) {
    respond_error(r, 409, "Ya existe un tipo con ese código.");
    return;
  }
  if (!page_db_ok(r, rc)) return;
  respond_redirect(r, "/actividades#tipos");
}

static void problems_to_form(const ActivityProblems *p, FormErrors *pErr) {
  for (int i = 0; i < p->n; i++) {
    form_error(pErr, p->azField[i], p->azMessage[i]);
  }
}

/* Whether the activity as in the form counts for its plan lines, and why
** not: the stored one on a GET, the typed one after a POST (a preview
** warns before saving). */
static void form_verdicts(Request *r, Html *h, const Activity *a, int bTyped) {
  CompliancePageVerdicts v;
  if (compliance_page_verdicts(r, a, NULL, bTyped, &v) != 0 || v.n == 0) return;
  compliance_verdicts_html(
      r, h, &v,
      bTyped ? "Con estos datos, la actividad:" : "Hoy, la actividad:");
}

/* The form; zConflictDiscard non-NULL closes it with the conflict page's
** buttons (conflict.h) instead of the usual ones. bTyped: a is what was
** posted (its verdicts are a preview). */
static void activity_form(Request *r, Html *h, const char *zAction,
                          const Activity *a, int bEdit, const FormErrors *pErr,
                          const char *zConflictDiscard, int bTyped) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  form_errors_summary(h, pErr);
  html_printf(h,
              "<section aria-labelledby=\"cuenta\" class=\"form-verdicts\">"
              "<h2 id=\"cuenta\">¿Cuenta para el plan?</h2>\n");
  if (a->nLine == 0) {
    html_printf(h,
                "<p>No está vinculada a ninguna línea del plan: no cuenta "
                "para su cumplimiento.</p>\n");
  }
  form_verdicts(r, h, a, bTyped);
  html_printf(h,
              "<p class=\"field-hint\">«Revisar qué cambia» muestra aquí "
              "si la actividad contaría para cada línea con los datos del "
              "formulario, sin guardar nada.</p></section>\n");
  page_post_form(h, r, "form", "%s", zAction);
  if (bEdit) {
    html_printf(h, "<input type=\"hidden\" name=\"version\" value=\"%d\">\n",
                a->iVersion);
  }
  ActivityKind *aKind = NULL;
  int nKind = 0;
  activity_kinds_list(pDb, pArena, &aKind, &nKind);
  const char **azV = arena_alloc(pArena, sizeof(char *) * (size_t)(nKind + 1));
  const char **azL = arena_alloc(pArena, sizeof(char *) * (size_t)(nKind + 1));
  azV[0] = "";
  azL[0] = "—";
  for (int i = 0; i < nKind; i++) {
    azV[i + 1] = aKind[i].zSlug;
    azL[i + 1] = aKind[i].zLabel;
  }
  form_select(h, pErr, "kind", "Tipo de actividad", azV, azL, nKind + 1,
              a->zKind);
  form_input(h, pErr, "title", "Nombre", "text", a->zTitle, NULL,
             "required maxlength=\"200\"");
  form_input(h, pErr, "start", "Inicio (hora de Chile)", "datetime-local",
             local_value(pArena, a->iStart), "Por ejemplo 2025-04-15 10:00.",
             "required");
  form_input(h, pErr, "end", "Término (hora de Chile)", "datetime-local",
             local_value(pArena, a->iEnd), NULL, "required");
  const char *azMV[] = {"presencial", "virtual", "mixta"};
  const char *azML[] = {"Presencial", "Virtual",
                        "Mixta (presencial y virtual)"};
  form_select(h, pErr, "modality", "Modalidad", azMV, azML, 3, a->zModality);
  form_input(h, pErr, "link", "Enlace de la videoconferencia", "url", a->zLink,
             "Necesario si es virtual.", NULL);
  TerritoryIndex idx;
  if (territory_index_load(pDb, pArena, &idx) == DB_OK) {
    people_commune_select(h, pErr, "commune", "Comuna", &idx,
                          page_council_region(r), a->zCommune, 1);
  }
  form_input(h, pErr, "address", "Dirección o lugar", "text", a->zAddress, NULL,
             NULL);
  form_input(h, pErr, "organizer", "Organiza", "text", a->zOrganizer,
             "Por ejemplo SEREMI MINVU o la secretaría técnica.", NULL);
  const char *zErr = form_error_for(pErr, "description");
  html_printf(h,
              "<div class=\"field%s\"><label for=\"description\">Descripción"
              "</label><textarea id=\"description\" name=\"description\" "
              "rows=\"4\">%s</textarea>",
              zErr ? " has-error" : "", a->zDescription);
  /* Markup of ours goes in the format: a %s argument is escaped. */
  if (zErr) html_printf(h, "<p class=\"field-error\">%s</p>", zErr);
  html_printf(h, "</div>\n");
  if (bEdit) {
    const char *azSV[] = {ACTIVITY_PROGRAMADA, ACTIVITY_CONVOCADA,
                          ACTIVITY_REALIZADA, ACTIVITY_SUSPENDIDA,
                          ACTIVITY_REPROGRAMADA};
    const char *azSL[] = {"Programada", "Convocada", "Realizada", "Suspendida",
                          "Reprogramada"};
    form_select(h, pErr, "status", "Estado", azSV, azSL, 5, a->zStatus);
    const char *zReason = request_field(r, "status_reason");
    form_input(h, pErr, "status_reason", "Motivo de la corrección", "text",
               zReason ? zReason : "",
               "Solo para corregir un estado equivocado (por ejemplo, una "
               "sesión marcada realizada que no se realizó): queda en el "
               "historial.",
               "maxlength=\"500\"");
  }
  html_printf(h,
              "<div class=\"field\"><label><input type=\"checkbox\" name=\""
              "public\" value=\"1\"%s> Pública: aparece en el calendario "
              "público</label></div>\n",
              a->bPublic ? " checked" : "");
  PlanDoc doc;
  if (plan_store_load(pDb, pArena, page_council_id(r), 0, 0, &doc, NULL) ==
          DB_OK &&
      doc.nLine > 0) {
    zErr = form_error_for(pErr, "plan_lines");
    html_printf(h,
                "<fieldset class=\"field%s\"><legend>Líneas del plan que "
                "cumple</legend>\n",
                zErr ? " has-error" : "");
    if (zErr) html_printf(h, "<p class=\"field-error\">%s</p>", zErr);
    for (int i = 0; i < doc.nLine; i++) {
      const PlanLine *pL = &doc.aLine[i];
      int bOn = 0;
      for (int k = 0; k < a->nLine; k++) bOn |= a->aLine[k] == pL->iNumber;
      const char *zObj = pL->zObjective;
      html_printf(h,
                  "<label class=\"check\"><input type=\"checkbox\" name=\""
                  "plan_lines\" value=\"%d\"%s> %d. %.90s%s</label>\n",
                  pL->iNumber, bOn ? " checked" : "", pL->iNumber, zObj,
                  strlen(zObj) > 90 ? "…" : "");
    }
    html_printf(h, "</fieldset>\n");
  }
  if (zConflictDiscard) {
    conflict_submit(h, zConflictDiscard);
    return;
  }
  html_printf(h,
              "<div class=\"actions\"><button type=\"submit\" class=\"button "
              "button-primary\">Guardar</button> <button type=\"submit\" "
              "name=\"accion\" value=\"revisar\" class=\"button "
              "button-secondary\">Revisar qué cambia</button> <a href=\"%s\">"
              "Cancelar</a></div>\n</form>\n",
              bEdit
                  ? arena_printf(pArena, "/actividades/%lld", (long long)a->id)
                  : "/actividades");
}

/* Whether the form asked to preview its change («Revisar qué cambia»)
** rather than save it. */
static int preview_asked(Request *r) {
  const char *z = request_field(r, "accion");
  return z && strcmp(z, "revisar") == 0;
}

/* The posted form read into a and checked whole (act_check_all when every
** field reads); the problems into p, the form's version into *piVersion. */
static void act_posted(Request *r, Activity *a, ActivityProblems *p,
                       int *piVersion) {
  problems_init(p);
  act_from_form(r, a, p, piVersion);
  if (p->n == 0) act_check_all(r, a, p);
}

void page_activity_new(Request *r) {
  Activity a;
  act_defaults(&a);
  FormErrors err;
  form_errors_init(&err);
  int iStatus = 200;
  int bPreview = 0;
  if (request_is_post(r)) {
    ActivityProblems p;
    int iVersion = 0;
    act_posted(r, &a, &p, &iVersion);
    bPreview = preview_asked(r);
    if (p.n == 0 && !bPreview) {
      if (!page_db_ok(r, act_create(r, &a))) return;
      respond_redirect(r, arena_printf(request_arena(r),
                                       "/actividades/%lld?guardado=detalles",
                                       (long long)a.id));
      return;
    }
    problems_to_form(&p, &err);
    iStatus = p.n ? 422 : 200;
  }
  Html h;
  page_begin_titled(r, &h, "Nueva actividad", "actividades");
  activity_form(r, &h, "/actividades/nueva", &a, 0, &err, NULL,
                request_is_post(r));
  page_finish(r, &h, iStatus);
}

/* The catalogue label of a kind slug (the slug when unknown). */
static const char *kind_label(Request *r, const char *zSlug) {
  ActivityKind *aKind = NULL;
  int nKind = 0;
  activity_kinds_list(request_db(r), request_arena(r), &aKind, &nKind);
  for (int i = 0; i < nKind; i++) {
    if (strcmp(aKind[i].zSlug, zSlug) == 0) return aKind[i].zLabel;
  }
  return zSlug;
}

/* The plan lines as "1, 4, 5" ("" when none). */
static const char *lines_text(Arena *pArena, const Activity *a) {
  Buf b;
  buf_init(&b, pArena);
  for (int i = 0; i < a->nLine; i++) {
    buf_printf(&b, "%s%d", i ? ", " : "", a->aLine[i]);
  }
  return buf_str(&b);
}

/* The comparison of what the officer typed (pMine) with the activity as
** saved meanwhile (pSaved), field by field. */
static void activity_conflict_table(Request *r, Html *h, const Activity *pMine,
                                    const Activity *pSaved) {
  Arena *pArena = request_arena(r);
  RecordStamp stamp;
  record_stamp_get(request_db(r), pArena, RECORD_ACTIVITY, pSaved->id, &stamp);
  ConflictSaved saved = {"de la actividad", pSaved->iVersion, stamp.zAuthor,
                         stamp.tUpdated};
  conflict_begin(h, pArena, &saved);
  conflict_row(h, "Tipo de actividad", kind_label(r, pMine->zKind),
               kind_label(r, pSaved->zKind));
  conflict_row(h, "Nombre", pMine->zTitle, pSaved->zTitle);
  conflict_row(h, "Inicio", local_value(pArena, pMine->iStart),
               local_value(pArena, pSaved->iStart));
  conflict_row(h, "Término", local_value(pArena, pMine->iEnd),
               local_value(pArena, pSaved->iEnd));
  conflict_row(h, "Modalidad", act_modality_label(pMine->zModality),
               act_modality_label(pSaved->zModality));
  conflict_row(h, "Enlace", pMine->zLink, pSaved->zLink);
  conflict_row(h, "Comuna", pMine->zCommune, pSaved->zCommune);
  conflict_row(h, "Dirección o lugar", pMine->zAddress, pSaved->zAddress);
  conflict_row(h, "Organiza", pMine->zOrganizer, pSaved->zOrganizer);
  conflict_row(h, "Descripción", pMine->zDescription, pSaved->zDescription);
  conflict_row(h, "Estado", act_status_label(pMine->zStatus),
               act_status_label(pSaved->zStatus));
  conflict_row(h, "Pública", pMine->bPublic ? "Sí" : "No",
               pSaved->bPublic ? "Sí" : "No");
  conflict_row(h, "Líneas del plan", lines_text(pArena, pMine),
               lines_text(pArena, pSaved));
  conflict_end(h);
}

/* Saves a checked edit drawn from version iBase: 303 when saved; 0 when
** the activity changed meanwhile (pOld then holds the stored one); -1
** when it answered an error. A status the usual moves refuse is a
** correction: its reason goes to the history. */
static int activity_edit_save(Request *r, Activity *pOld, Activity *a,
                              int iBase) {
  Arena *pArena = request_arena(r);
  if (iBase == pOld->iVersion) {
    int bCorrection =
        activity_transition_problem(pOld->zStatus, a->zStatus) != NULL;
    a->zStatus =
        activity_status_after(pOld, a, strcmp(a->zStatus, pOld->zStatus) != 0);
    const char *zNote = bCorrection
                            ? arena_printf(pArena, "Corrección de estado: %s",
                                           request_field(r, "status_reason"))
                            : request_field(r, "note");
    int rc = convene_save_change(request_db(r), pArena, request_user(r)->id,
                                 pOld, a, zNote, act_base_url(r));
    if (rc == DB_OK) {
      mail_sender_wake();
      respond_redirect(
          r, arena_printf(pArena, "/actividades/%lld?guardado=detalles",
                          (long long)a->id));
      return 303;
    }
    /* DB_STALE: saved by someone else between our read and our write. */
    if (rc != DB_STALE ||
        activity_get(request_db(r), pArena, page_council_id(r), pOld->id,
                     pOld) != DB_OK) {
      respond_error(r, 500, NULL);
      return -1;
    }
  }
  return 0;
}

void page_activity_edit(Request *r) {
  Activity old;
  if (!act_load(r, &old, 0)) return;
  Activity a = old;
  FormErrors err;
  form_errors_init(&err);
  int iStatus = 200;
  Arena *pArena = request_arena(r);
  int bPreview = 0;
  if (request_is_post(r)) {
    ActivityProblems p;
    int iVersion = 0;
    act_posted(r, &a, &p, &iVersion);
    problem_add(&p, "status_reason",
                activity_correction_problem(old.zStatus, a.zStatus,
                                            request_field(r, "status_reason")));
    bPreview = preview_asked(r);
    if (p.n == 0 && bPreview) {
      /* Nothing saved: the form again, with what the change would do. */
      if (iVersion > 0) a.iVersion = iVersion;
    } else if (p.n == 0) {
      int rc = activity_edit_save(r, &old, &a, iVersion);
      if (rc != 0) return;
      /* A conflict: the form is shown again with what was typed and the
      ** stored version as its base, so that "Guardar mi versión" is
      ** checked against it in turn. */
      a.iVersion = old.iVersion;
      iStatus = 409;
    } else {
      problems_to_form(&p, &err);
      /* Keep the version the form was drawn from, so that the corrected
      ** save is still checked against it. */
      if (iVersion > 0) a.iVersion = iVersion;
      iStatus = 422;
    }
  }
  Html h;
  page_begin(r, &h, "Editar actividad", "actividades");
  html_printf(&h, "<h1>Editar: %s</h1>\n", old.zTitle);
  if (strcmp(old.zStatus, ACTIVITY_CONVOCADA) == 0 ||
      strcmp(old.zStatus, ACTIVITY_REPROGRAMADA) == 0) {
    html_printf(&h,
                "<p class=\"notice\">Ya se envió la citación: si cambia la "
                "fecha, el lugar o la modalidad, las personas citadas "
                "recibirán la actualización; si la suspende, recibirán la "
                "cancelación.</p>\n");
  }
  const char *zShow =
      arena_printf(pArena, "/actividades/%lld", (long long)old.id);
  if (iStatus == 409) activity_conflict_table(r, &h, &a, &old);
  activity_form(
      r, &h,
      arena_printf(pArena, "/actividades/%lld/editar", (long long)old.id), &a,
      1, &err, iStatus == 409 ? zShow : NULL, request_is_post(r));
  page_finish(r, &h, iStatus);
}
