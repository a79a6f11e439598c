/*
** The plan as JSON (CONTRACT.md).
**
** GET /api/plan[?council=ID]            — the public get the latest approved
**     version; an admin gets the latest, approved or not.
** GET /api/plan/versions/N[?council=ID] — that version (drafts: admin only).
**
** {"title", "period": {"start", "end"}, "version", "status", "objectives":
** [{"number", "text"}], "lines": [{"number", "objective", "actions",
** "responsible", "evidence": [{"kind", "label"}], "window": {"start", "end",
** "phrase", "flagged"}, "target": {"count", "kinds", "exclude_communes"}}]}
*/
#include <stdlib.h>
#include <string.h>

#include "pages/page_cache.h"
#include "pages/plan/plan_pages.h"
#include "store/council/council.h"

static json_t *plan_json(const PlanDoc *pDoc, const PlanVersionInfo *pInfo) {
  json_t *pPlan = json_object();
  json_object_set_new(pPlan, "title", json_string(pDoc->zTitle));
  json_object_set_new(pPlan, "period",
                      json_pack("{s:s, s:s}", "start", pDoc->zPeriodStart,
                                "end", pDoc->zPeriodEnd));
  json_object_set_new(pPlan, "version", json_integer(pInfo->iNumber));
  json_object_set_new(pPlan, "status",
                      json_string(pInfo->bApproved ? "aprobado" : "borrador"));
  json_object_set_new(pPlan, "intro",
                      json_string(pDoc->zIntro ? pDoc->zIntro : ""));
  json_t *aObj = json_array();
  for (int i = 0; i < pDoc->nObjective; i++) {
    json_array_append_new(
        aObj, json_pack("{s:i, s:s}", "number", pDoc->aObjective[i].iNumber,
                        "text", pDoc->aObjective[i].zText));
  }
  json_object_set_new(pPlan, "objectives", aObj);
  json_t *aLine = json_array();
  for (int i = 0; i < pDoc->nLine; i++) {
    const PlanLine *pL = &pDoc->aLine[i];
    json_t *pLine = json_object();
    json_object_set_new(pLine, "number", json_integer(pL->iNumber));
    json_object_set_new(pLine, "objective", json_string(pL->zObjective));
    json_object_set_new(pLine, "actions", json_string(pL->zActions));
    json_object_set_new(pLine, "responsible", json_string(pL->zResponsible));
    json_t *aEv = json_array();
    for (int k = 0; k < pL->nEvidence; k++) {
      json_array_append_new(
          aEv, json_pack("{s:s, s:s}", "kind", pL->aEvidence[k].zKind, "label",
                         pL->aEvidence[k].zLabel));
    }
    json_object_set_new(pLine, "evidence", aEv);
    json_object_set_new(
        pLine, "window",
        json_pack("{s:s, s:s, s:s, s:b}", "start", pL->window.zStart, "end",
                  pL->window.zEnd, "phrase", pL->zWindowPhrase, "flagged",
                  pL->window.bFlagged));
    json_t *aKind = json_array();
    for (int k = 0; k < pL->target.nKind; k++) {
      json_array_append_new(aKind, json_string(pL->target.azKind[k]));
    }
    json_t *aExclude = json_array();
    for (int k = 0; k < pL->target.nExclude; k++) {
      json_array_append_new(aExclude, json_string(pL->target.azExclude[k]));
    }
    json_object_set_new(
        pLine, "target",
        json_pack("{s:i, s:o, s:o}", "count", pL->target.nCount, "kinds", aKind,
                  "exclude_communes", aExclude));
    json_array_append_new(aLine, pLine);
  }
  json_object_set_new(pPlan, "lines", aLine);
  return pPlan;
}

/* The council named by ?council=, or the default; 0 after answering. */
static int64_t api_council(Request *r) {
  const char *z = request_query(r, "council");
  if (!z) {
    int64_t id = page_council_id(r);
    if (!id)
      respond_json_error(r, 404, "Todavía no hay un consejo con plan.", NULL);
    return id;
  }
  int64_t v = request_query_id(r, "council");
  if (!v) {
    respond_json_error(r, 400, "El consejo debe ser un número.", "council");
    return 0;
  }
  if (!council_exists(request_db(r), v)) {
    respond_json_error(r, 404, "No existe ese consejo.", "council");
    return 0;
  }
  return v;
}

/* Cached per role (an officer's token sees unapproved versions), version
** asked and ?council= as written; errors are answered afresh. */
static void answer(Request *r, int iNumber) {
  const char *zCouncil = request_query(r, "council");
  const char *zKey =
      zCouncil && strlen(zCouncil) > 20
          ? NULL
          : page_cache_key(r, arena_printf(request_arena(r),
                                           "api/plan\x1f%d\x1f%s", iNumber,
                                           zCouncil ? zCouncil : ""));
  int64_t iVersion = -1;
  if (page_cache_answer(r, zKey, &iVersion)) return;
  int64_t iCouncil = api_council(r);
  if (!iCouncil) return;
  PlanDoc doc;
  PlanVersionInfo info;
  int rc = plan_page_load(r, iCouncil, iNumber, &doc, &info);
  if (rc == DB_DONE) {
    respond_json_error(
        r, 404,
        iNumber ? "No existe esa versión del plan, o no está aprobada."
                : "Este consejo aún no tiene un plan aprobado.",
        NULL);
    return;
  }
  if (rc != DB_OK) {
    respond_json_error(r, 500, "Error interno.", NULL);
    return;
  }
  page_cache_respond_json(r, zKey, iVersion, plan_json(&doc, &info));
}

void page_api_plan(Request *r) { answer(r, 0); }

void page_api_plan_version(Request *r) {
  int64_t v = request_param_id(r, 0);
  if (!v || v > 1000000) {
    respond_json_error(r, 404, "No existe esa versión del plan.", NULL);
    return;
  }
  answer(r, (int)v);
}
