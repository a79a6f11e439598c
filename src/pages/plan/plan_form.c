/*
** Form pieces the plan's edit pages share (plan_edit.c: one line;
** plan_review.c: every line of an import at once): fields beyond
** render/form.h, and reading a line's evidence, window and target from
** fields named with a suffix ("" for the line form, "_3" for line 3 of the
** review). Validation messages go into FormErrors under the field's name.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pages/plan/plan_pages.h"

static void field_start(Html *h, const FormErrors *pErr, const char *zName,
                        const char *zLabel) {
  html_printf(h, "<div class=\"field%s\"><label for=\"%s\">%s</label>",
              form_error_for(pErr, zName) ? " has-error" : "", zName, zLabel);
}

static void field_end(Html *h, const FormErrors *pErr, const char *zName,
                      const char *zHint) {
  const char *zError = form_error_for(pErr, zName);
  if (zError) {
    html_printf(h, "<p class=\"field-error\" id=\"%s-error\">%s</p>", zName,
                zError);
  }
  if (zHint)
    html_printf(h, "<p class=\"field-hint\" id=\"%s-hint\">%s</p>", zName,
                zHint);
  html_printf(h, "</div>\n");
}

void plan_form_textarea(Html *h, const FormErrors *pErr, const char *zName,
                        const char *zLabel, const char *zValue,
                        const char *zHint) {
  field_start(h, pErr, zName, zLabel);
  html_printf(h,
              "<textarea id=\"%s\" name=\"%s\" rows=\"4\" "
              "aria-invalid=\"%s\">%s</textarea>",
              zName, zName, form_error_for(pErr, zName) ? "true" : "false",
              zValue ? zValue : "");
  field_end(h, pErr, zName, zHint);
}

void plan_form_checkboxes(Html *h, const FormErrors *pErr, const char *zName,
                          const char *zLegend, const PlanKind *aKind, int nKind,
                          const char *const *azChecked, int nChecked,
                          const char *zHint) {
  html_printf(h, "<fieldset class=\"field%s\" id=\"%s\"><legend>%s</legend>",
              form_error_for(pErr, zName) ? " has-error" : "", zName, zLegend);
  for (int i = 0; i < nKind; i++) {
    int bOn = 0;
    for (int k = 0; k < nChecked; k++)
      bOn |= azChecked[k] && strcmp(azChecked[k], aKind[i].zSlug) == 0;
    html_printf(h,
                "<label class=\"check\"><input type=\"checkbox\" name=\"%s\" "
                "value=\"%s\"%s> %s</label>",
                zName, aKind[i].zSlug, bOn ? " checked" : "", aKind[i].zLabel);
  }
  const char *zError = form_error_for(pErr, zName);
  if (zError) html_printf(h, "<p class=\"field-error\">%s</p>", zError);
  if (zHint) html_printf(h, "<p class=\"field-hint\">%s</p>", zHint);
  html_printf(h, "</fieldset>\n");
}

int plan_form_values(Request *r, const char *zName, const char **az, int nMax) {
  int nField = 0, n = 0;
  const FormField *aField = request_fields(r, &nField);
  for (int i = 0; i < nField && n < nMax; i++) {
    if (strcmp(aField[i].zName, zName) == 0) az[n++] = aField[i].zValue;
  }
  return n;
}

/* zName with the suffix: "target_count" + "_3". */
static const char *named(Request *r, const char *zName, const char *zSuffix) {
  return arena_printf(request_arena(r), "%s%s", zName, zSuffix);
}

void plan_form_evidence(Request *r, const char *zSuffix, const PlanKind *aKind,
                        int nKind, const PlanLine *pOld, PlanLine *pNew,
                        FormErrors *pErr) {
  Arena *pArena = request_arena(r);
  const char *zName = named(r, "evidence", zSuffix);
  const char *azChecked[64];
  int nChecked = plan_form_values(r, zName, azChecked, 64);
  pNew->aEvidence =
      arena_alloc(pArena, sizeof(PlanEvidence) * (size_t)(nChecked + 1));
  pNew->nEvidence = 0;
  /* In catalogue order; a kind the line had keeps the document's wording. */
  for (int k = 0; k < nKind && pNew->nEvidence < PLAN_EVIDENCE_MAX; k++) {
    int bOn = 0;
    for (int i = 0; i < nChecked; i++)
      bOn |= strcmp(azChecked[i], aKind[k].zSlug) == 0;
    if (!bOn) continue;
    PlanEvidence *e = &pNew->aEvidence[pNew->nEvidence++];
    memset(e, 0, sizeof(*e));
    e->zKind = aKind[k].zSlug;
    e->zLabel = aKind[k].zLabel;
    for (int i = 0; i < pOld->nEvidence; i++) {
      if (strcmp(pOld->aEvidence[i].zKind, e->zKind) == 0)
        e->zLabel = pOld->aEvidence[i].zLabel;
    }
  }
  if (pNew->nEvidence != nChecked || nChecked == 0) {
    form_error(pErr, zName,
               nChecked == 0 ? "Marque al menos un verificador."
                             : "Elija verificadores de la lista.");
  }
  /* If the evidence is the same set, keep the document's order and words. */
  int bSameSet = pNew->nEvidence == pOld->nEvidence;
  for (int i = 0; bSameSet && i < pOld->nEvidence; i++) {
    int bFound = 0;
    for (int k = 0; k < nChecked; k++)
      bFound |= strcmp(azChecked[k], pOld->aEvidence[i].zKind) == 0;
    bSameSet = bFound;
  }
  if (bSameSet) {
    pNew->aEvidence = pOld->aEvidence;
    pNew->nEvidence = pOld->nEvidence;
  }
}

int plan_form_dates(Request *r, const char *zSuffix, const PlanLine *pOld,
                    PlanWindow *pOut, FormErrors *pErr) {
  const char *zStartName = named(r, "window_start", zSuffix);
  const char *zEndName = named(r, "window_end", zSuffix);
  const char *zStart = plan_page_field_text(r, zStartName);
  const char *zEnd = plan_page_field_text(r, zEndName);
  *pOut = pOld->window;
  if (strcmp(zStart, pOld->window.zStart) == 0 &&
      strcmp(zEnd, pOld->window.zEnd) == 0)
    return 0;
  if (!plan_date_valid(zStart)) {
    form_error(pErr, zStartName, "Escriba una fecha válida (AAAA-MM-DD).");
  } else if (!plan_date_valid(zEnd)) {
    form_error(pErr, zEndName, "Escriba una fecha válida (AAAA-MM-DD).");
  } else if (strcmp(zStart, zEnd) > 0) {
    form_error(pErr, zEndName,
               "La fecha final debe ser igual o posterior a la inicial.");
  }
  int bAsNeeded = pOld->window.bAsNeeded;
  memset(pOut, 0, sizeof(*pOut));
  snprintf(pOut->zStart, PLAN_DATE_SIZE, "%.10s", zStart);
  snprintf(pOut->zEnd, PLAN_DATE_SIZE, "%.10s", zEnd);
  pOut->bAsNeeded = bAsNeeded;
  return 1;
}

void plan_form_target(Request *r, const char *zSuffix, const PlanContext *pCtx,
                      PlanTarget *pTyped, FormErrors *pErr) {
  Arena *pArena = request_arena(r);
  memset(pTyped, 0, sizeof(*pTyped));
  const char *zCountName = named(r, "target_count", zSuffix);
  const char *zCount = plan_page_field_text(r, zCountName);
  char *zCountEnd = NULL;
  long nCount = strtol(zCount, &zCountEnd, 10);
  if (!*zCount || *zCountEnd || nCount < 1 || nCount > PLAN_TARGET_COUNT_MAX) {
    form_error(pErr, zCountName, "Escriba un número entero entre 1 y 1000.");
    nCount = 1;
  }
  pTyped->nCount = (int)nCount;
  const char *zKindsName = named(r, "target_kinds", zSuffix);
  const char *azKind[32];
  int nKind = plan_form_values(r, zKindsName, azKind, 32);
  for (int i = 0; i < nKind; i++) {
    const char *zSlug = NULL;
    for (int k = 0; k < plan_activity_kinds_count; k++) {
      if (strcmp(azKind[i], plan_activity_kinds[k].zSlug) == 0)
        zSlug = plan_activity_kinds[k].zSlug;
    }
    if (!zSlug) {
      form_error(pErr, zKindsName, "Elija tipos de actividad de la lista.");
    } else if (pTyped->nKind < PLAN_TARGET_KINDS_MAX) {
      pTyped->azKind[pTyped->nKind++] = zSlug;
    }
  }
  const char *zExcludeName = named(r, "target_exclude", zSuffix);
  plan_target_exclude_from_text(pArena, pTyped,
                                plan_page_field_text(r, zExcludeName));
  for (int i = 0; i < pTyped->nExclude; i++) {
    if (!plan_cut_code_valid(pTyped->azExclude[i]) ||
        (pCtx->nPlace && !plan_place_by_code(pCtx, pTyped->azExclude[i]))) {
      form_error(pErr, zExcludeName,
                 arena_printf(pArena,
                              "«%s» no es un código de comuna: escriba "
                              "cinco dígitos de una comuna de Chile.",
                              pTyped->azExclude[i]));
    }
  }
  const char *zEachName = named(r, "target_each", zSuffix);
  if (*plan_page_field_text(r, zEachName) &&
      !plan_target_each_province(pTyped, pCtx, 1)) {
    form_error(pErr, zEachName,
               "El consejo no tiene región: no se sabe cuáles son sus "
               "provincias.");
  }
  plan_target_name_places(pTyped, pCtx);
}

void plan_form_target_fields(Html *h, Request *r, const FormErrors *pErr,
                             const char *zSuffix, const PlanTarget *pT,
                             int bRepeat) {
  Arena *pArena = request_arena(r);
  const char *zCountName = named(r, "target_count", zSuffix);
  form_input(h, pErr, zCountName, "Cantidad de actividades", "number",
             bRepeat ? request_field(r, zCountName)
                     : arena_printf(pArena, "%d", pT->nCount),
             NULL, "required min=\"1\" max=\"1000\"");
  const char *azKind[PLAN_TARGET_KINDS_MAX + 32] = {0};
  int nKind = 0;
  const char *zKindsName = named(r, "target_kinds", zSuffix);
  if (bRepeat) {
    nKind = plan_form_values(r, zKindsName, azKind,
                             (int)(sizeof(azKind) / sizeof(azKind[0])));
  } else {
    for (int i = 0; i < pT->nKind; i++) azKind[nKind++] = pT->azKind[i];
  }
  plan_form_checkboxes(h, pErr, zKindsName, "Tipos de actividad que cuentan",
                       plan_activity_kinds, plan_activity_kinds_count, azKind,
                       nKind,
                       "Ninguno marcado: cuenta cualquier tipo de actividad.");
  const char *zExcludeName = named(r, "target_exclude", zSuffix);
  form_input(
      h, pErr, zExcludeName, "Comunas que no cuentan (códigos CUT)", "text",
      bRepeat ? request_field(r, zExcludeName)
              : plan_target_exclude_text(pArena, pT),
      "Códigos de cinco dígitos separados por espacios.", "maxlength=\"200\"");
  const char *zEachName = named(r, "target_each", zSuffix);
  int bEach =
      bRepeat ? *plan_page_field_text(r, zEachName) != 0 : pT->nProvince > 0;
  html_printf(h,
              "<div class=\"field%s\"><label class=\"check\"><input "
              "type=\"checkbox\" name=\"%s\" id=\"%s\" value=\"1\"%s> Al menos "
              "una en cada provincia de la región</label>",
              form_error_for(pErr, zEachName) ? " has-error" : "", zEachName,
              zEachName, bEach ? " checked" : "");
  if (form_error_for(pErr, zEachName)) {
    html_printf(h, "<p class=\"field-error\">%s</p>",
                form_error_for(pErr, zEachName));
  }
  html_printf(h, "</div>\n");
}
