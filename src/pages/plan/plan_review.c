/*
** Reviewing an imported plan before it counts (admin only).
**
** GET|POST /admin/plan/revision   base_version, reason, csrf_token, and per
**     line N: window_start_N, window_end_N, target_count_N, target_kinds_N
**     (repeated), target_exclude_N, target_each_N, evidence_N (repeated),
**     ok_N — every line of the latest version as the importer understood
**     it (window, target with its kinds and place rule, evidence kinds
**     standard or the council's own), every guess and unknown marked «Por
**     revisar» with its reason, corrected in place and saved as a new
**     version (a draft, approved from here or the history). A correction
**     clears its mark; «Revisé esta línea» clears the line's marks (and
**     confirms the council kinds it uses) without changing anything else.
**     Also the version's reason and its changes from the one before.
*/
#include <stdlib.h>
#include <string.h>

#include "pages/plan/plan_pages.h"

/* "_3": the suffix of line 3's fields. */
static const char *suffix(Arena *pArena, int iLine) {
  return arena_printf(pArena, "_%d", iLine);
}

/* One line: what was understood and the fields to correct it. */
static void review_line(Request *r, Html *h, const PlanLine *pL,
                        const PlanKind *aEvKind, int nEvKind,
                        const PlanContext *pCtx, const FormErrors *pErr) {
  Arena *pArena = request_arena(r);
  const char *zSuffix = suffix(pArena, pL->iNumber);
  int bRepeat = pErr != NULL;
  int nFlags = plan_line_flags(pL) + (pL->nEvidence == 0);
  html_printf(h,
              "<fieldset class=\"review-line%s\" id=\"revision-linea-%d\">"
              "<legend>Línea %d",
              nFlags ? " flagged" : "", pL->iNumber, pL->iNumber);
  /* The badge is markup of ours: in the format, never through a %s. */
  if (nFlags)
    html_printf(h, " <span class=\"badge badge-warn\">Por revisar</span>");
  html_printf(h, "</legend>\n");
  if (pL->zWhere) {
    html_printf(h, "<p class=\"field-hint\">En el documento: %s.</p>",
                pL->zWhere);
  }
  html_printf(h, "<div class=\"review-text\">");
  plan_page_text(h, *pL->zActions ? pL->zActions : pL->zObjective);
  html_printf(h, "</div>\n");

  /* Dates */
  html_printf(h,
              "<h3>Fechas</h3><p class=\"review-understood\">«%s» → del %s al "
              "%s%s",
              pL->zWindowPhrase, plan_page_date(pArena, pL->window.zStart),
              plan_page_date(pArena, pL->window.zEnd),
              pL->window.bAsNeeded ? " (según se vayan agendando)" : "");
  if (pL->window.bFlagged) plan_page_flag(h, pL->window.zReason);
  html_printf(h, "</p><div class=\"field-row\">");
  const char *zStart = arena_printf(pArena, "window_start%s", zSuffix);
  const char *zEnd = arena_printf(pArena, "window_end%s", zSuffix);
  form_input(h, pErr, zStart, "Desde", "date",
             bRepeat ? request_field(r, zStart) : pL->window.zStart, NULL,
             NULL);
  form_input(h, pErr, zEnd, "Hasta", "date",
             bRepeat ? request_field(r, zEnd) : pL->window.zEnd, NULL, NULL);
  html_printf(h, "</div>\n");

  /* Target */
  html_printf(h, "<h3>Meta</h3><p class=\"review-understood\">%s",
              plan_target_describe(pArena, &pL->target));
  if (*pL->zMeta)
    html_printf(h, " <small>(la meta dice «%s»)</small>", pL->zMeta);
  if (pL->target.bFlagged) plan_page_flag(h, pL->target.zReason);
  html_printf(h,
              "</p><details class=\"review-details\"%s><summary>Corregir "
              "la meta</summary>",
              bRepeat || pL->target.bFlagged ? " open" : "");
  plan_form_target_fields(h, r, pErr, zSuffix, &pL->target, bRepeat);
  html_printf(h, "</details>\n");

  /* Evidence */
  html_printf(h,
              "<h3>Verificadores</h3><ul class=\"plain-list "
              "review-evidence\">");
  for (int k = 0; k < pL->nEvidence; k++) {
    const PlanEvidence *e = &pL->aEvidence[k];
    html_printf(h, "<li>«%s» → %s <small>(%s)</small>", e->zLabel,
                plan_evidence_label(pCtx, e->zKind),
                plan_evidence_is_standard(e->zKind) ? "habitual"
                                                    : "propio del consejo");
    if (e->bFlagged) plan_page_flag(h, e->zReason);
    html_printf(h, "</li>");
  }
  if (pL->nEvidence == 0) {
    html_printf(h, "<li>Ninguno");
    plan_page_flag(h,
                   "La línea no dice sus verificadores: marque al menos "
                   "uno.");
    html_printf(h, "</li>");
  }
  html_printf(h, "</ul>");
  const char *azOn[PLAN_EVIDENCE_MAX + 32];
  int nOn = 0;
  const char *zEvName = arena_printf(pArena, "evidence%s", zSuffix);
  if (bRepeat) {
    nOn = plan_form_values(r, zEvName, azOn, PLAN_EVIDENCE_MAX + 32);
  } else {
    for (int k = 0; k < pL->nEvidence; k++)
      azOn[nOn++] = pL->aEvidence[k].zKind;
  }
  html_printf(h,
              "<details class=\"review-details\"%s><summary>Corregir los "
              "verificadores</summary>",
              bRepeat || pL->nEvidence == 0 ? " open" : "");
  plan_form_checkboxes(h, pErr, zEvName, "Verificadores", aEvKind, nEvKind,
                       azOn, nOn, NULL);
  html_printf(h, "</details>\n");
  if (nFlags) {
    const char *zOk = arena_printf(pArena, "ok%s", zSuffix);
    html_printf(h,
                "<label class=\"check review-ok\"><input type=\"checkbox\" "
                "name=\"%s\" value=\"1\"%s> Revisé esta línea: lo marcado está "
                "bien así</label>",
                zOk, bRepeat && request_field(r, zOk) ? " checked" : "");
  }
  html_printf(h, "</fieldset>\n");
}

static void review_page(Request *r, int iStatus, int64_t iCouncil,
                        const PlanDoc *pDoc, const PlanVersionInfo *pInfo,
                        const PlanContext *pCtx, const FormErrors *pErr) {
  Arena *pArena = request_arena(r);
  PlanKind *aEvKind;
  int nEvKind = plan_page_kinds(r, pCtx, &aEvKind);
  Html h;
  page_begin(r, &h, "Revisar el plan", "plan");
  html_printf(&h,
              "<p><a href=\"/plan\">← Plan anual</a></p>\n<h1>Revisar el plan: "
              "%s</h1>\n<p>",
              pDoc->zTitle);
  plan_page_status(&h, pInfo);
  html_printf(
      &h, " Periodo: %s al %s. %s: «%s» (%s, %s).</p>\n",
      plan_page_date(pArena, pDoc->zPeriodStart),
      plan_page_date(pArena, pDoc->zPeriodEnd),
      strcmp(pInfo->zSource, "importacion") == 0 ? "Importación" : "Edición",
      pInfo->zReason, pInfo->zAuthor, plan_page_time(pArena, pInfo->tCreated));
  int nLines = 0;
  for (int i = 0; i < pDoc->nLine; i++)
    nLines += plan_line_flags(&pDoc->aLine[i]) || !pDoc->aLine[i].nEvidence;
  if (nLines) {
    html_printf(&h,
                "<div class=\"notice notice-warn\" id=\"review-summary\">%d "
                "de %d línea%s tiene%s algo por revisar, marcado «Por "
                "revisar» con la razón. Corrija lo que haga falta y guarde; "
                "marque «Revisé esta línea» en lo que ya está bien.</div>\n",
                nLines, pDoc->nLine, pDoc->nLine == 1 ? "" : "s",
                nLines == 1 ? "" : "n");
  } else {
    html_printf(&h,
                "<div class=\"notice notice-info\" id=\"review-summary\">Las "
                "%d líneas se entendieron sin dudas. Revise igual que cada "
                "una diga lo que el consejo acordó.</div>\n",
                pDoc->nLine);
  }
  if (!pInfo->bApproved) {
    html_printf(&h,
                "<form method=\"post\" action=\"/admin/plan/aprobar\" "
                "class=\"inline-form review-approve\">");
    form_csrf(&h, request_csrf_token(r));
    html_printf(&h,
                "<input type=\"hidden\" name=\"version\" value=\"%d\">"
                "<button type=\"submit\" class=\"button button-primary\">"
                "Aprobar versión %d</button></form>\n",
                pInfo->iNumber, pInfo->iNumber);
  }
  form_errors_summary(&h, pErr);
  page_post_form(&h, r, "form plan-review", "/admin/plan/revision");
  plan_page_base_version(&h, pInfo->iNumber);
  /* The lines' own headings (Fechas, Meta…) are h3: under this one. */
  html_printf(&h, "<h2 id=\"lineas\">Líneas del plan</h2>\n");
  for (int i = 0; i < pDoc->nLine; i++)
    review_line(r, &h, &pDoc->aLine[i], aEvKind, nEvKind, pCtx, pErr);
  form_input(&h, pErr, "reason", "Motivo del cambio", "text",
             pErr ? request_field(r, "reason") : "Revisión del plan importado",
             "Queda en el historial del plan junto a su nombre y la fecha.",
             "required maxlength=\"500\"");
  plan_page_submit(&h, "Guardar la revisión como nueva versión", "/plan");
  if (pInfo->iNumber > 1) {
    plan_page_diff(r, &h, iCouncil, pInfo->iNumber - 1, pInfo->iNumber, 1);
  }
  page_finish(r, &h, iStatus);
}

/* Reads line pOld's fields into pNew; 1 when the line's marks are to be
** cleared as reviewed. */
static int line_from_review(Request *r, const PlanContext *pCtx,
                            const PlanKind *aEvKind, int nEvKind,
                            const PlanLine *pOld, PlanLine *pNew,
                            FormErrors *pErr) {
  const char *zSuffix = suffix(request_arena(r), pOld->iNumber);
  if (!request_field(r,
                     arena_printf(request_arena(r), "target_count%s", zSuffix)))
    return 0; /* Not in the form (a line added meanwhile): left alone */
  plan_form_dates(r, zSuffix, pOld, &pNew->window, pErr);
  PlanTarget typed;
  plan_form_target(r, zSuffix, pCtx, &typed, pErr);
  if (!plan_target_equal(&typed, &pOld->target)) pNew->target = typed;
  plan_form_evidence(r, zSuffix, aEvKind, nEvKind, pOld, pNew, pErr);
  int bOk =
      request_field(r, arena_printf(request_arena(r), "ok%s", zSuffix)) != NULL;
  if (bOk) {
    pNew->window.bFlagged = 0;
    pNew->window.zReason[0] = 0;
    pNew->target.bFlagged = 0;
    pNew->target.zReason[0] = 0;
  }
  return bOk;
}

/* The council kinds a reviewed line uses are reviewed too. */
static int confirm_kinds(Request *r, int64_t iCouncil, const PlanContext *pCtx,
                         const PlanLine *pL) {
  for (int k = 0; k < pL->nEvidence; k++) {
    const PlanCouncilKind *pKind =
        plan_council_kind(pCtx, pL->aEvidence[k].zKind);
    if (!pKind || pKind->bReviewed) continue;
    if (plan_kinds_rename(request_db(r), iCouncil, pKind->zSlug,
                          pKind->zLabel) == DB_ERROR)
      return DB_ERROR;
  }
  return DB_OK;
}

static void review_body(Request *r) {
  Arena *pArena = request_arena(r);
  int64_t iCouncil;
  PlanDoc doc;
  PlanVersionInfo info;
  if (!plan_page_load_latest(r, &iCouncil, &doc, &info)) return;
  PlanContext ctx;
  plan_page_context(r, iCouncil, &ctx);
  if (!request_is_post(r)) {
    review_page(r, 200, iCouncil, &doc, &info, &ctx, NULL);
    return;
  }
  FormErrors err;
  form_errors_init(&err);
  const char *zBase = request_field(r, "base_version");
  if (zBase && atoi(zBase) != info.iNumber) {
    form_error(&err, NULL,
               arena_printf(pArena,
                            "Mientras usted revisaba se guardó la versión %d "
                            "del plan. Sus correcciones no se guardaron: "
                            "revise esta versión.",
                            info.iNumber));
    review_page(r, 409, iCouncil, &doc, &info, &ctx, &err);
    return;
  }
  PlanKind *aEvKind;
  int nEvKind = plan_page_kinds(r, &ctx, &aEvKind);
  PlanDoc *pNew = plan_doc_copy(pArena, &doc);
  int *abOk = arena_alloc(pArena, sizeof(int) * (size_t)(doc.nLine + 1));
  for (int i = 0; i < doc.nLine; i++) {
    abOk[i] = line_from_review(r, &ctx, aEvKind, nEvKind, &doc.aLine[i],
                               &pNew->aLine[i], &err);
  }
  const char *zReason = plan_page_field_text(r, "reason");
  form_error(&err, "reason",
             plan_page_text_problem(zReason, "Diga por qué cambia el plan."));
  if (err.n) {
    review_page(r, 422, iCouncil, &doc, &info, &ctx, &err);
    return;
  }
  for (int i = 0; i < doc.nLine; i++) {
    if (abOk[i] && confirm_kinds(r, iCouncil, &ctx, &pNew->aLine[i]) != DB_OK) {
      respond_error(r, 500, NULL);
      return;
    }
  }
  plan_page_save(r, iCouncil, pNew, zReason, "/admin/plan/revision");
}

void page_admin_plan_review(Request *r) {
  plan_page_in_transaction(r, review_body);
}
