/*
** The council's own evidence kinds and the next plan (admin only).
**
** GET|POST /admin/plan/verificadores  action (renombrar|unir), slug, label,
**     into, csrf_token — every kind the council's plans brought that is
**     none of the standard ones: rename it (which also marks it reviewed)
**     or merge it into another kind; the plan lines of every version and
**     the evidence already uploaded follow (plan_kinds.c).
** GET|POST /admin/plan/siguiente  only_unmet, csrf_token — the next plan
**     from the approved one: lines not met carried over (marked so), dates
**     moved to the new period, the catalogue kept; saved as a draft and
**     shown in the review.
*/
#include <string.h>

#include "domain/compliance.h"
#include "pages/plan/plan_pages.h"

static void kinds_page(Request *r, int iStatus, const PlanContext *pCtx,
                       const FormErrors *pErr) {
  Html h;
  page_begin(r, &h, "Verificadores del consejo", "plan");
  html_printf(&h,
              "<p><a href=\"/plan\">← Plan anual</a></p>\n<h1>Verificadores "
              "del consejo</h1>\n<p>Los verificadores habituales son: ");
  for (int i = 0; i < plan_evidence_kinds_count; i++) {
    html_printf(&h, "%s%s", i ? ", " : "", plan_evidence_kinds[i].zLabel);
  }
  html_printf(&h,
              ". Los que el plan del consejo nombra de otro modo quedan aquí: "
              "cámbieles el nombre o únalos a otro; las líneas del plan y los "
              "verificadores ya subidos los siguen.</p>\n");
  form_errors_summary(&h, pErr);
  if (pCtx->nKind == 0) {
    html_printf(&h, "<p>El consejo no tiene verificadores propios.</p>\n");
  }
  PlanKind *aKind;
  int nKind = plan_page_kinds(r, pCtx, &aKind);
  for (int i = 0; i < pCtx->nKind; i++) {
    const PlanCouncilKind *k = &pCtx->aKind[i];
    html_printf(&h,
                "<section class=\"card council-kind\" id=\"verificador-%s\">"
                "<h2>%s</h2><p><code>%s</code> ",
                k->zSlug, k->zLabel, k->zSlug);
    if (k->zMergedInto) {
      html_printf(&h,
                  "<span class=\"badge badge-ok\">Unido a %s</span></p>"
                  "</section>\n",
                  plan_evidence_label(pCtx, k->zMergedInto));
      continue;
    }
    /* Markup of ours goes in the format: a %s argument is escaped. */
    html_printf(&h, k->bReviewed
                        ? "<span class=\"badge badge-ok\">Revisado</span></p>"
                        : "<span class=\"badge badge-warn\">Por revisar</span>"
                          "</p>");
    page_post_form(&h, r, "form inline-form", "/admin/plan/verificadores");
    html_printf(&h,
                "<input type=\"hidden\" name=\"action\" value=\"renombrar\">"
                "<input type=\"hidden\" name=\"slug\" value=\"%s\">"
                "<div class=\"field\"><label for=\"label-%s\">Nombre</label>"
                "<input id=\"label-%s\" name=\"label\" value=\"%s\" "
                "maxlength=\"200\" required></div>"
                "<button class=\"button\" type=\"submit\">Guardar nombre"
                "</button></form>",
                k->zSlug, k->zSlug, k->zSlug, k->zLabel);
    page_post_form(&h, r, "form inline-form", "/admin/plan/verificadores");
    html_printf(&h,
                "<input type=\"hidden\" name=\"action\" value=\"unir\">"
                "<input type=\"hidden\" name=\"slug\" value=\"%s\">"
                "<div class=\"field\"><label for=\"into-%s\">Unir a</label>"
                "<select id=\"into-%s\" name=\"into\">",
                k->zSlug, k->zSlug, k->zSlug);
    for (int j = 0; j < nKind; j++) {
      if (strcmp(aKind[j].zSlug, k->zSlug) == 0) continue;
      html_printf(&h, "<option value=\"%s\">%s</option>", aKind[j].zSlug,
                  aKind[j].zLabel);
    }
    html_printf(&h,
                "</select></div><button class=\"button\" type=\"submit\">"
                "Unir</button></form></section>\n");
  }
  page_finish(r, &h, iStatus);
}

static void kinds_body(Request *r) {
  int64_t iCouncil = page_council_id(r);
  PlanContext ctx;
  plan_page_context(r, iCouncil, &ctx);
  if (!request_is_post(r)) {
    kinds_page(r, 200, &ctx, NULL);
    return;
  }
  FormErrors err;
  form_errors_init(&err);
  const char *zAction = plan_page_field_text(r, "action");
  const char *zSlug = plan_page_field_text(r, "slug");
  int rc = DB_DONE;
  if (strcmp(zAction, "renombrar") == 0) {
    const char *zLabel = plan_page_field_text(r, "label");
    if (plan_page_text_problem(zLabel, "x") || strlen(zLabel) > 200) {
      form_error(&err, "label", "Escriba el nombre del verificador.");
      kinds_page(r, 422, &ctx, &err);
      return;
    }
    rc = plan_kinds_rename(request_db(r), iCouncil, zSlug, zLabel);
  } else if (strcmp(zAction, "unir") == 0) {
    rc = plan_kinds_merge(request_db(r), iCouncil, zSlug,
                          plan_page_field_text(r, "into"));
    if (rc == DB_CONSTRAINT) {
      form_error(&err, "into",
                 "Elija otro verificador del consejo o uno "
                 "habitual.");
      kinds_page(r, 422, &ctx, &err);
      return;
    }
  }
  if (rc == DB_DONE) {
    respond_error(r, 404, "El consejo no tiene ese verificador.");
  } else if (rc != DB_OK) {
    respond_error(r, 500, NULL);
  } else {
    respond_redirect(r, "/admin/plan/verificadores?aviso=verificador-guardado");
  }
}

void page_admin_plan_kinds(Request *r) { kinds_body(r); }

/* ---- The next plan ---- */

static void next_form(Request *r, int iStatus, const char *zError) {
  Arena *pArena = request_arena(r);
  PlanDoc doc;
  PlanVersionInfo info;
  int64_t iCouncil = page_council_id(r);
  int rc = plan_store_load(request_db(r), pArena, iCouncil, 0, 1, &doc, &info);
  Html h;
  page_begin(r, &h, "Plan siguiente", "plan");
  html_printf(&h,
              "<p><a href=\"/plan\">← Plan anual</a></p>\n<h1>Plan "
              "siguiente</h1>\n");
  if (zError) {
    html_printf(&h, "<div class=\"notice notice-error\">%s</div>\n", zError);
  }
  if (rc != DB_OK) {
    html_printf(&h,
                "<p>El consejo aún no tiene un plan aprobado del cual "
                "partir.</p>\n");
    page_finish(r, &h, iStatus);
    return;
  }
  char zToday[PLAN_DATE_SIZE];
  compliance_today(zToday);
  int bEnded = strcmp(zToday, doc.zPeriodEnd) > 0;
  html_printf(&h,
              "<p>El plan aprobado es «%s» (versión %d), del %s al %s%s. El "
              "plan siguiente parte de él: las mismas líneas en los años que "
              "siguen, con las que no se cumplieron marcadas «Pendiente del "
              "plan anterior» y la razón, las fechas movidas al nuevo periodo "
              "y los verificadores del consejo como están. Queda como "
              "borrador: puede editarlo, importar un documento encima o "
              "aprobarlo.</p>\n",
              doc.zTitle, info.iNumber,
              plan_page_date(pArena, doc.zPeriodStart),
              plan_page_date(pArena, doc.zPeriodEnd),
              bEnded ? ", y su periodo ya terminó" : "");
  if (!bEnded) {
    html_printf(&h,
                "<div class=\"notice notice-warn\">El periodo del plan "
                "aún no termina: lo no cumplido se cuenta a hoy.</div>\n");
  }
  page_post_form(&h, r, "form", "/admin/plan/siguiente");
  html_printf(&h,
              "<label class=\"check\"><input type=\"checkbox\" "
              "name=\"only_unmet\" value=\"1\"> Solo las líneas que no se "
              "cumplieron</label>");
  plan_page_submit(&h, "Crear el plan siguiente", "/plan");
  page_finish(r, &h, iStatus);
}

void page_admin_plan_next(Request *r) {
  if (!request_is_post(r)) {
    next_form(r, 200, NULL);
    return;
  }
  const User *pUser = request_user(r);
  int64_t iCouncil = page_council_id(r);
  int iNumber = 0;
  const char *zErr = NULL;
  int rc = plan_store_next(request_db(r), request_arena(r), iCouncil, NULL,
                           request_field(r, "only_unmet") != NULL, pUser->id,
                           pUser->zName, &iNumber, &zErr);
  if (rc == DB_OK) {
    respond_redirect(r, "/admin/plan/revision?aviso=plan-siguiente");
  } else if (rc == DB_ERROR) {
    respond_error(r, 500, NULL);
  } else {
    next_form(r, 422, arena_printf(request_arena(r), "No se creó: %s.", zErr));
  }
}
