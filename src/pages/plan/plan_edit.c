/*
** Editing the plan (admin only). Every save is a new version with the
** officer as author and the reason she gives; a form saved without changes
** writes nothing. Everything is validated before anything is written: on a
** problem the form comes back (422) with what was typed and a message next
** to each field.
**
** GET|POST /admin/plan             title, period_start, period_end, intro,
**                                  reason, csrf_token
** GET|POST /admin/plan/objetivos   objective_N (one per objective),
**                                  objective_new, reason, csrf_token
** GET|POST /admin/plan/lineas/N    objective, actions, responsible,
**                                  evidence (repeated slugs), window_phrase,
**                                  window_start, window_end, target_count,
**                                  target_kinds (repeated slugs),
**                                  target_exclude, reason, csrf_token
*/
#include <stdlib.h>
#include <string.h>

#include "domain/plan_catalog.h"
#include "pages/plan/plan_pages.h"

#define PLAN_TEXT_MAX 8000 /* Characters in one field: a long paragraph */

/* A trimmed copy of a field ("" when absent). */
const char *plan_page_field_text(Request *r, const char *zName) {
  const char *z = request_field(r, zName);
  if (!z) return "";
  while (*z == ' ' || *z == '\t' || *z == '\r' || *z == '\n') z++;
  size_t n = strlen(z);
  while (n > 0 && strchr(" \t\r\n", z[n - 1])) n--;
  /* Browsers send CRLF in textareas; the plan keeps LF. */
  Buf b;
  buf_init(&b, request_arena(r));
  for (size_t i = 0; i < n; i++) {
    if (z[i] != '\r') buf_putc(&b, z[i]);
  }
  return buf_str(&b);
}

const char *plan_page_text_problem(const char *z, const char *zWhat) {
  if (!*z) return zWhat;
  if (strlen(z) > PLAN_TEXT_MAX)
    return "El texto es demasiado largo (máximo 8000 caracteres).";
  return NULL;
}

void plan_page_reason_field(Html *h, const FormErrors *pErr,
                            const char *zValue) {
  form_input(h, pErr, "reason", "Motivo del cambio", "text", zValue,
             "Queda en el historial del plan junto a su nombre y la fecha.",
             "required maxlength=\"500\"");
}

void plan_page_submit(Html *h, const char *zLabel, const char *zBack) {
  html_printf(
      h,
      "<div class=\"actions\"><button type=\"submit\" class=\"button "
      "button-primary\">%s</button><a class=\"button button-secondary\" "
      "href=\"%s\">Volver</a></div>\n</form>\n",
      zLabel, zBack);
}

/* The top of an edit page: the shell (menu "plan"), the heading and the
** summary of pErr's problems. */
static void edit_page_begin(Request *r, Html *h, const char *zTitle,
                            const char *zHeading, const FormErrors *pErr) {
  page_begin(r, h, zTitle, "plan");
  html_printf(h, "<h1>%s</h1>\n", zHeading);
  form_errors_summary(h, pErr);
}

/* The end of a form that saves a new version of the plan: on the conflict
** page (bConflict) its two choices, else "Guardar nueva versión"; both
** lead back to zBack, the page the form edits. */
static void version_submit(Html *h, int bConflict, const char *zBack) {
  if (bConflict) {
    conflict_submit(h, zBack);
  } else {
    plan_page_submit(h, "Guardar nueva versión", zBack);
  }
}

/* Loads the latest version for editing; answers the request when there is
** none (returns 0). */
int plan_page_load_latest(Request *r, int64_t *piCouncil, PlanDoc *pDoc,
                          PlanVersionInfo *pInfo) {
  *piCouncil = page_council_id(r);
  int rc = plan_page_load(r, *piCouncil, 0, pDoc, pInfo);
  if (rc == DB_DONE) {
    respond_redirect(r, "/admin/plan/importar");
    return 0;
  }
  if (rc != DB_OK) {
    respond_error(r, 500, NULL);
    return 0;
  }
  return 1;
}

/* Saves and redirects: to the line or plan page with a notice. */
void plan_page_save(Request *r, int64_t iCouncil, const PlanDoc *pDoc,
                    const char *zReason, const char *zBack) {
  const User *pUser = request_user(r);
  int iNumber = 0;
  int rc = plan_store_save(request_db(r), request_arena(r), iCouncil, pDoc,
                           "edicion", zReason, pUser->id, pUser->zName,
                           &iNumber, NULL);
  if (rc == DB_ERROR) {
    respond_error(r, 500, "No se pudo guardar el plan. Intente de nuevo.");
    return;
  }
  respond_redirect(r, arena_printf(request_arena(r), "%s%caviso=%s", zBack,
                                   strchr(zBack, '?') ? '&' : '?',
                                   rc == PLAN_UNCHANGED ? "plan-sin-cambios"
                                                        : "plan-guardado"));
}

/* ---- The plan itself ---- */

/* The plan form. pConflict, when not NULL, is the version saved while the
** user edited: the page then shows both versions and lets the user choose. */
static void plan_form(Request *r, int iStatus, int iBase, const PlanDoc *pDoc,
                      const FormErrors *pErr,
                      const PlanVersionInfo *pConflict) {
  Html h;
  edit_page_begin(r, &h, "Editar plan", "Editar plan", pErr);
  if (pConflict) {
    plan_conflict_begin(&h, request_arena(r), pConflict);
    conflict_row(&h, "Título", plan_page_field_text(r, "title"), pDoc->zTitle);
    conflict_row(&h, "Inicio del periodo",
                 plan_page_field_text(r, "period_start"), pDoc->zPeriodStart);
    conflict_row(&h, "Fin del periodo", plan_page_field_text(r, "period_end"),
                 pDoc->zPeriodEnd);
    conflict_row(&h, "Introducción", plan_page_field_text(r, "intro"),
                 pDoc->zIntro);
    conflict_end(&h);
  }
  page_post_form(&h, r, "form", "/admin/plan");
  plan_page_base_version(&h, iBase);
  int bRepeat = pErr != NULL;
  form_input(&h, pErr, "title", "Título", "text",
             bRepeat ? request_field(r, "title") : pDoc->zTitle, NULL,
             "required");
  form_input(&h, pErr, "period_start", "Inicio del periodo", "date",
             bRepeat ? request_field(r, "period_start") : pDoc->zPeriodStart,
             NULL, "required");
  form_input(
      &h, pErr, "period_end", "Fin del periodo", "date",
      bRepeat ? request_field(r, "period_end") : pDoc->zPeriodEnd,
      "Las líneas cuyas fechas son «todo el periodo» siguen al nuevo periodo.",
      "required");
  plan_form_textarea(&h, pErr, "intro", "Introducción",
                     bRepeat ? request_field(r, "intro") : pDoc->zIntro,
                     "Separe los párrafos con una línea en blanco.");
  plan_page_reason_field(&h, pErr, bRepeat ? request_field(r, "reason") : NULL);
  version_submit(&h, pConflict != NULL, "/plan");
  page_finish(r, &h, iStatus);
}

static const char *period_problem(const char *zStart, const char *zEnd,
                                  const char **pzField) {
  *pzField = "period_start";
  if (!plan_date_valid(zStart)) return "Escriba una fecha válida (AAAA-MM-DD).";
  *pzField = "period_end";
  if (!plan_date_valid(zEnd)) return "Escriba una fecha válida (AAAA-MM-DD).";
  if (strcmp(zStart, zEnd) > 0)
    return "El fin del periodo debe ser posterior a su inicio.";
  return NULL;
}

/* A form over the whole plan (plan_form, objectives_form). */
typedef void (*PlanForm)(Request *r, int iStatus, int iBase,
                         const PlanDoc *pDoc, const FormErrors *pErr,
                         const PlanVersionInfo *pConflict);

/* What the whole-plan forms share: the latest version, the form on GET,
** and on POST the 409 page when part ePart changed since the form was
** drawn. 1 to read the POST (pErr started), 0 when answered. */
static int edit_begin(Request *r, PlanPart ePart, PlanForm xForm,
                      int64_t *piCouncil, PlanDoc *pDoc, PlanVersionInfo *pInfo,
                      FormErrors *pErr) {
  if (!plan_page_load_latest(r, piCouncil, pDoc, pInfo)) return 0;
  form_errors_init(pErr);
  if (!request_is_post(r)) {
    xForm(r, 200, pInfo->iNumber, pDoc, NULL, NULL);
    return 0;
  }
  if (plan_conflict_edited_meanwhile(r, *piCouncil, pDoc, ePart, 0, pInfo,
                                     pErr)) {
    xForm(r, 409, pInfo->iNumber, pDoc, pErr, pInfo);
    return 0;
  }
  return 1;
}

static void admin_plan_body(Request *r) {
  int64_t iCouncil;
  PlanDoc doc;
  PlanVersionInfo info;
  FormErrors err;
  if (!edit_begin(r, PLAN_PART_HEAD, plan_form, &iCouncil, &doc, &info, &err)) {
    return;
  }
  const char *zTitle = plan_page_field_text(r, "title");
  const char *zStart = plan_page_field_text(r, "period_start");
  const char *zEnd = plan_page_field_text(r, "period_end");
  const char *zReason = plan_page_field_text(r, "reason");
  form_error(&err, "title",
             plan_page_text_problem(zTitle, "Escriba el título del plan."));
  const char *zField = NULL;
  const char *zProblem = period_problem(zStart, zEnd, &zField);
  form_error(&err, zField, zProblem);
  form_error(&err, "reason",
             plan_page_text_problem(zReason, "Diga por qué cambia el plan."));
  if (err.n) {
    plan_form(r, 422, info.iNumber, &doc, &err, NULL);
    return;
  }
  PlanDoc *pNew = plan_doc_copy(request_arena(r), &doc);
  pNew->zTitle = zTitle;
  pNew->zIntro = plan_page_field_text(r, "intro");
  snprintf(pNew->zPeriodStart, PLAN_DATE_SIZE, "%s", zStart);
  snprintf(pNew->zPeriodEnd, PLAN_DATE_SIZE, "%s", zEnd);
  /* Windows that are the old period because of their phrase follow the
  ** new period; windows the officer set by hand stay. */
  for (int i = 0; i < pNew->nLine; i++) {
    PlanLine *pL = &pNew->aLine[i];
    PlanWindow wOld;
    plan_window_parse(pL->zWindowPhrase, doc.zPeriodStart, doc.zPeriodEnd,
                      &wOld);
    if (strcmp(wOld.zStart, pL->window.zStart) == 0 &&
        strcmp(wOld.zEnd, pL->window.zEnd) == 0) {
      plan_window_parse(pL->zWindowPhrase, zStart, zEnd, &pL->window);
    }
  }
  plan_page_save(r, iCouncil, pNew, zReason, "/plan");
}

/* ---- Objectives ---- */

/* The objectives form; pConflict as in plan_form. */
static void objectives_form(Request *r, int iStatus, int iBase,
                            const PlanDoc *pDoc, const FormErrors *pErr,
                            const PlanVersionInfo *pConflict) {
  Arena *pArena = request_arena(r);
  Html h;
  edit_page_begin(r, &h, "Editar objetivos", "Objetivos generales", pErr);
  if (pConflict) {
    plan_conflict_begin(&h, pArena, pConflict);
    for (int i = 0; i < pDoc->nObjective; i++) {
      int iNumber = pDoc->aObjective[i].iNumber;
      conflict_row(&h, arena_printf(pArena, "Objetivo %d", iNumber),
                   plan_page_field_text(
                       r, arena_printf(pArena, "objective_%d", iNumber)),
                   pDoc->aObjective[i].zText);
    }
    conflict_row(&h, "Objetivo nuevo", plan_page_field_text(r, "objective_new"),
                 "");
    conflict_end(&h);
  }
  page_post_form(&h, r, "form", "/admin/plan/objetivos");
  plan_page_base_version(&h, iBase);
  int bRepeat = pErr != NULL;
  for (int i = 0; i < pDoc->nObjective; i++) {
    const char *zName =
        arena_printf(pArena, "objective_%d", pDoc->aObjective[i].iNumber);
    plan_form_textarea(
        &h, pErr, zName,
        arena_printf(pArena, "Objetivo %d", pDoc->aObjective[i].iNumber),
        bRepeat ? request_field(r, zName) : pDoc->aObjective[i].zText, NULL);
  }
  plan_form_textarea(&h, pErr, "objective_new",
                     "Agregar un objetivo (opcional)",
                     bRepeat ? request_field(r, "objective_new") : NULL,
                     "Déjelo en blanco si no agrega ninguno.");
  plan_page_reason_field(&h, pErr, bRepeat ? request_field(r, "reason") : NULL);
  version_submit(&h, pConflict != NULL, "/plan");
  page_finish(r, &h, iStatus);
}

static void admin_plan_objectives_body(Request *r) {
  Arena *pArena = request_arena(r);
  int64_t iCouncil;
  PlanDoc doc;
  PlanVersionInfo info;
  FormErrors err;
  if (!edit_begin(r, PLAN_PART_OBJECTIVES, objectives_form, &iCouncil, &doc,
                  &info, &err)) {
    return;
  }
  PlanDoc *pNew = plan_doc_copy(pArena, &doc);
  for (int i = 0; i < pNew->nObjective; i++) {
    const char *zName =
        arena_printf(pArena, "objective_%d", pNew->aObjective[i].iNumber);
    pNew->aObjective[i].zText = plan_page_field_text(r, zName);
    form_error(&err, zName,
               plan_page_text_problem(pNew->aObjective[i].zText,
                                      "Escriba el texto del objetivo."));
  }
  const char *zNew = plan_page_field_text(r, "objective_new");
  if (*zNew) {
    form_error(&err, "objective_new", plan_page_text_problem(zNew, NULL));
    int iLast =
        pNew->nObjective ? pNew->aObjective[pNew->nObjective - 1].iNumber : 0;
    pNew->aObjective[pNew->nObjective].iNumber = iLast + 1;
    pNew->aObjective[pNew->nObjective].zText = zNew;
    pNew->nObjective++;
  }
  const char *zReason = plan_page_field_text(r, "reason");
  form_error(
      &err, "reason",
      plan_page_text_problem(zReason, "Diga por qué cambian los objetivos."));
  if (err.n) {
    objectives_form(r, 422, info.iNumber, &doc, &err, NULL);
    return;
  }
  plan_page_save(r, iCouncil, pNew, zReason, "/plan");
}

/* ---- One line ---- */

/* The line as the user typed it next to the stored line, field by field. */
static void line_conflict_table(Request *r, Html *h, const PlanLine *pL,
                                const PlanKind *aEvKind, int nEvKind,
                                const PlanVersionInfo *pInfo) {
  Arena *pArena = request_arena(r);
  const char *azMine[32], *azSaved[PLAN_TARGET_KINDS_MAX + 32];
  plan_conflict_begin(h, pArena, pInfo);
  conflict_row(h, "Objetivo", plan_page_field_text(r, "objective"),
               pL->zObjective);
  conflict_row(h, "Acciones", plan_page_field_text(r, "actions"), pL->zActions);
  conflict_row(h, "Responsables", plan_page_field_text(r, "responsible"),
               pL->zResponsible);
  int nMine = plan_form_values(r, "evidence", azMine, 32);
  int nSaved = 0;
  for (int i = 0; i < pL->nEvidence && nSaved < 32; i++)
    azSaved[nSaved++] = pL->aEvidence[i].zKind;
  conflict_row(
      h, "Verificadores",
      plan_conflict_kinds_text(pArena, aEvKind, nEvKind, azMine, nMine),
      plan_conflict_kinds_text(pArena, aEvKind, nEvKind, azSaved, nSaved));
  conflict_row(h, "Fechas, como las dice el plan",
               plan_page_field_text(r, "window_phrase"), pL->zWindowPhrase);
  conflict_row(h, "Desde", plan_page_field_text(r, "window_start"),
               pL->window.zStart);
  conflict_row(h, "Hasta", plan_page_field_text(r, "window_end"),
               pL->window.zEnd);
  conflict_row(h, "Meta según el plan", plan_page_field_text(r, "meta"),
               pL->zMeta);
  conflict_row(h, "Cantidad de actividades",
               plan_page_field_text(r, "target_count"),
               arena_printf(pArena, "%d", pL->target.nCount));
  nMine = plan_form_values(r, "target_kinds", azMine, 32);
  conflict_row(
      h, "Tipos de actividad que cuentan",
      plan_conflict_kinds_text(pArena, plan_activity_kinds,
                               plan_activity_kinds_count, azMine, nMine),
      plan_conflict_kinds_text(pArena, plan_activity_kinds,
                               plan_activity_kinds_count, pL->target.azKind,
                               pL->target.nKind));
  conflict_row(h, "Comunas que no cuentan",
               plan_page_field_text(r, "target_exclude"),
               plan_target_exclude_text(pArena, &pL->target));
  conflict_row(h, "Notas", plan_page_field_text(r, "notes"), pL->zNotes);
  conflict_end(h);
}

/* The line form. pConflict, when not NULL, is the version saved while the
** user edited: the page then shows both versions and lets the user choose. */
static void line_form(Request *r, int iStatus, int iBase, const PlanDoc *pDoc,
                      const PlanLine *pL, const PlanContext *pCtx,
                      const FormErrors *pErr,
                      const PlanVersionInfo *pConflict) {
  Arena *pArena = request_arena(r);
  PlanKind *aEvKind;
  int nEvKind = plan_page_kinds(r, pCtx, &aEvKind);
  Html h;
  const char *zTitle = arena_printf(pArena, "Editar línea %d", pL->iNumber);
  edit_page_begin(r, &h, zTitle, zTitle, pErr);
  if (pConflict) line_conflict_table(r, &h, pL, aEvKind, nEvKind, pConflict);
  page_post_form(&h, r, "form", "/admin/plan/lineas/%d", pL->iNumber);
  plan_page_base_version(&h, iBase);
  int bRepeat = pErr != NULL;
#define VALUE(zName, zStored) (bRepeat ? request_field(r, zName) : (zStored))
  plan_form_textarea(&h, pErr, "objective", "Objetivo",
                     VALUE("objective", pL->zObjective), NULL);
  plan_form_textarea(
      &h, pErr, "actions", "Acciones", VALUE("actions", pL->zActions),
      "Una lista se escribe con una línea por punto, empezando con «- ».");
  plan_form_textarea(&h, pErr, "responsible", "Responsables",
                     VALUE("responsible", pL->zResponsible), NULL);
  const char *azEvidence[PLAN_EVIDENCE_MAX + 32] = {0};
  int nEvidence = 0;
  if (bRepeat) {
    nEvidence =
        plan_form_values(r, "evidence", azEvidence,
                         (int)(sizeof(azEvidence) / sizeof(azEvidence[0])));
  } else {
    for (int i = 0; i < pL->nEvidence; i++)
      azEvidence[nEvidence++] = pL->aEvidence[i].zKind;
  }
  plan_form_checkboxes(&h, pErr, "evidence", "Verificadores", aEvKind, nEvKind,
                       azEvidence, nEvidence,
                       "Los verificadores propios del consejo se renombran o "
                       "unen en «Verificadores del consejo».");

  html_printf(&h, "<h2>Fechas</h2>\n");
  PlanWindow suggested;
  int bUnderstood = plan_window_parse(pL->zWindowPhrase, pDoc->zPeriodStart,
                                      pDoc->zPeriodEnd, &suggested);
  form_input(
      &h, pErr, "window_phrase", "Fechas, como las dice el plan", "text",
      VALUE("window_phrase", pL->zWindowPhrase),
      "Por ejemplo «Primer Semestre 2025», «Marzo a noviembre 2025», «Tercer "
      "trimestre 2024», «15-04-2025», «Todo el año» o «Durante el Periodo "
      "2024-2025». Si cambia la frase y deja las fechas como estaban, las "
      "fechas se calculan de la nueva frase.",
      "required maxlength=\"200\"");
  html_printf(&h, "<p class=\"suggestion\" id=\"window-suggestion\">");
  if (bUnderstood) {
    html_printf(&h, "Sugerencia según la frase «%s»: del %s al %s.",
                pL->zWindowPhrase, plan_page_date(pArena, suggested.zStart),
                plan_page_date(pArena, suggested.zEnd));
    if (suggested.bFlagged) html_printf(&h, " %s", suggested.zReason);
  } else {
    html_printf(&h,
                "La frase «%s» no se entiende como fecha: se usa todo el "
                "periodo del plan. Escriba las fechas a mano o una frase "
                "reconocible.",
                pL->zWindowPhrase);
  }
  html_printf(&h, "</p>\n");
  form_input(&h, pErr, "window_start", "Desde", "date",
             VALUE("window_start", pL->window.zStart), NULL, NULL);
  form_input(&h, pErr, "window_end", "Hasta", "date",
             VALUE("window_end", pL->window.zEnd), NULL, NULL);

  html_printf(&h, "<h2>Meta</h2>\n");
  plan_form_textarea(&h, pErr, "meta", "Meta, como la dice el plan",
                     VALUE("meta", pL->zMeta),
                     "La columna META o INDICADOR del documento (puede quedar "
                     "en blanco).");
  PlanTarget suggestedTarget;
  plan_target_suggest(*pL->zActions ? pL->zActions : pL->zObjective, pL->zMeta,
                      pCtx, &pL->window, &suggestedTarget);
  html_printf(&h,
              "<p class=\"suggestion\" id=\"target-suggestion\">Sugerencia "
              "leída de la meta y las acciones: %s.%s",
              plan_target_describe(pArena, &suggestedTarget),
              plan_target_equal(&suggestedTarget, &pL->target)
                  ? " La meta actual es esa sugerencia."
                  : " La meta actual fue corregida por la encargada.");
  if (suggestedTarget.bFlagged) html_printf(&h, " %s", suggestedTarget.zReason);
  html_printf(&h, "</p>\n");
  plan_form_target_fields(&h, r, pErr, "", &pL->target, bRepeat);
  plan_form_textarea(&h, pErr, "notes", "Notas", VALUE("notes", pL->zNotes),
                     "Columnas del documento que no son parte del plan "
                     "(observaciones, presupuesto…).");
  plan_page_reason_field(&h, pErr, bRepeat ? request_field(r, "reason") : NULL);
#undef VALUE
  version_submit(&h, pConflict != NULL,
                 arena_printf(pArena, "/plan/lineas/%d", pL->iNumber));
  page_finish(r, &h, iStatus);
}

/* Window: typed dates win; a new phrase with untouched dates is read. */
static void window_from_form(Request *r, const PlanDoc *pDoc,
                             const PlanLine *pOld, PlanLine *pNew,
                             FormErrors *pErr) {
  pNew->zWindowPhrase = plan_page_field_text(r, "window_phrase");
  form_error(
      pErr, "window_phrase",
      plan_page_text_problem(pNew->zWindowPhrase,
                             "Escriba las fechas como las dice el plan."));
  const char *zStart = plan_page_field_text(r, "window_start");
  const char *zEnd = plan_page_field_text(r, "window_end");
  PlanWindow parsed;
  plan_window_parse(pNew->zWindowPhrase, pDoc->zPeriodStart, pDoc->zPeriodEnd,
                    &parsed);
  int bDatesUntouched = strcmp(zStart, pOld->window.zStart) == 0 &&
                        strcmp(zEnd, pOld->window.zEnd) == 0;
  if ((!*zStart && !*zEnd) ||
      (bDatesUntouched &&
       strcmp(pNew->zWindowPhrase, pOld->zWindowPhrase) != 0)) {
    pNew->window = parsed;
  } else if (!plan_form_dates(r, "", pOld, &pNew->window, pErr)) {
    pNew->window = pOld->window;
  } else {
    pNew->window.bAsNeeded = parsed.bAsNeeded;
  }
}

/* Target: typed values; when the actions or the meta change and the target
** was the untouched suggestion, the new text's suggestion replaces it. */
static void target_from_form(Request *r, const PlanContext *pCtx,
                             const PlanLine *pOld, PlanLine *pNew,
                             FormErrors *pErr) {
  PlanTarget typed;
  plan_form_target(r, "", pCtx, &typed, pErr);
  PlanTarget oldSuggestion;
  plan_target_suggest(*pOld->zActions ? pOld->zActions : pOld->zObjective,
                      pOld->zMeta, pCtx, &pOld->window, &oldSuggestion);
  int bTextChanged = strcmp(pNew->zActions, pOld->zActions) != 0 ||
                     strcmp(pNew->zMeta, pOld->zMeta) != 0;
  if (bTextChanged && plan_target_equal(&typed, &pOld->target) &&
      plan_target_equal(&pOld->target, &oldSuggestion)) {
    plan_target_suggest(*pNew->zActions ? pNew->zActions : pNew->zObjective,
                        pNew->zMeta, pCtx, &pNew->window, &pNew->target);
  } else if (plan_target_equal(&typed, &pOld->target)) {
    pNew->target = pOld->target; /* unchanged: its flag stays */
  } else {
    pNew->target = typed;
  }
}

static void line_from_form(Request *r, const PlanDoc *pDoc,
                           const PlanContext *pCtx, const PlanLine *pOld,
                           PlanLine *pNew, FormErrors *pErr) {
  pNew->zObjective = plan_page_field_text(r, "objective");
  pNew->zActions = plan_page_field_text(r, "actions");
  pNew->zResponsible = plan_page_field_text(r, "responsible");
  pNew->zMeta = plan_page_field_text(r, "meta");
  pNew->zNotes = plan_page_field_text(r, "notes");
  form_error(pErr, "objective",
             plan_page_text_problem(pNew->zObjective,
                                    "Escriba el objetivo de la línea."));
  form_error(pErr, "actions",
             plan_page_text_problem(pNew->zActions, "Escriba las acciones."));
  form_error(
      pErr, "responsible",
      plan_page_text_problem(pNew->zResponsible, "Diga quién es responsable."));
  PlanKind *aEvKind;
  int nEvKind = plan_page_kinds(r, pCtx, &aEvKind);
  plan_form_evidence(r, "", aEvKind, nEvKind, pOld, pNew, pErr);
  window_from_form(r, pDoc, pOld, pNew, pErr);
  target_from_form(r, pCtx, pOld, pNew, pErr);
}

static void admin_plan_line_body(Request *r) {
  Arena *pArena = request_arena(r);
  int64_t iNumber = request_param_id(r, 0);
  int64_t iCouncil;
  PlanDoc doc;
  PlanVersionInfo info;
  if (!iNumber || iNumber > 1000000) {
    respond_error(r, 404, NULL);
    return;
  }
  if (!plan_page_load_latest(r, &iCouncil, &doc, &info)) return;
  const PlanLine *pOld = plan_doc_line(&doc, (int)iNumber);
  if (!pOld) {
    respond_error(r, 404, "El plan no tiene esa línea.");
    return;
  }
  PlanContext ctx;
  plan_page_context(r, iCouncil, &ctx);
  if (!request_is_post(r)) {
    line_form(r, 200, info.iNumber, &doc, pOld, &ctx, NULL, NULL);
    return;
  }
  FormErrors err;
  form_errors_init(&err);
  if (plan_conflict_edited_meanwhile(r, iCouncil, &doc, PLAN_PART_LINE,
                                     (int)iNumber, &info, &err)) {
    line_form(r, 409, info.iNumber, &doc, pOld, &ctx, &err, &info);
    return;
  }
  PlanDoc *pNew = plan_doc_copy(pArena, &doc);
  PlanLine *pLine = plan_doc_line(pNew, (int)iNumber);
  line_from_form(r, &doc, &ctx, pOld, pLine, &err);
  const char *zReason = plan_page_field_text(r, "reason");
  form_error(&err, "reason",
             plan_page_text_problem(zReason, "Diga por qué cambia la línea."));
  if (err.n) {
    line_form(r, 422, info.iNumber, &doc, pOld, &ctx, &err, NULL);
    return;
  }
  plan_page_save(r, iCouncil, pNew, zReason,
                 arena_printf(pArena, "/plan/lineas/%ld", iNumber));
}

/* The version a form was drawn from, so that a save can tell whether
** someone else saved in between. */
void plan_page_base_version(Html *h, int iBase) {
  html_printf(h, "<input type=\"hidden\" name=\"base_version\" value=\"%d\">\n",
              iBase);
}

/* Runs an edit handler's POST inside one write transaction: reading the
** latest version, checking it and saving the next one cannot interleave
** with another save. GET runs as is. */
void plan_page_in_transaction(Request *r, void (*xBody)(Request *)) {
  Db *pDb = request_db(r);
  if (!request_is_post(r)) {
    xBody(r);
    return;
  }
  if (db_begin(pDb) != DB_OK) {
    respond_error(r, 503, NULL);
    return;
  }
  xBody(r);
  if (db_commit(pDb) != DB_OK) respond_error(r, 500, NULL);
}

void page_admin_plan(Request *r) {
  plan_page_in_transaction(r, admin_plan_body);
}
void page_admin_plan_objectives(Request *r) {
  plan_page_in_transaction(r, admin_plan_objectives_body);
}
void page_admin_plan_line(Request *r) {
  plan_page_in_transaction(r, admin_plan_line_body);
}
