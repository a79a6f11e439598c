/*
** The plan as JSON (CONTRACT.md).
**
** GET /api/plan[?council=ID]            — the public get the latest approved
**     version; an admin gets the latest, approved or not.
** GET /api/plan/versions/N[?council=ID] — that version (drafts: admin only).
** POST /api/plan/versions/N/approve (admin) {"council": ID} optional —
**     approves version N; 200 and the version.
**
** {"title", "period": {"start", "end"}, "version", "status", "objectives":
** [{"number", "text"}], "lines": [{"number", "objective", "actions",
** "responsible", "meta", "notes", "evidence": [{"kind", "label"}],
** "window": {"start", "end", "phrase", "flagged"}, "target": {"count",
** "kinds", "exclude_communes"}}]}. Flagged items ("flagged": true) carry a
** "reason"; a target with the "en cada provincia" rule has "provinces" (the
** region's province codes); a line carried over from the previous plan has
** "carried_over" (why).
*/
#include <stdlib.h>
#include <string.h>

#include "pages/page_cache.h"
#include "pages/plan/plan_pages.h"
#include "store/council/council.h"

/* {"flagged": true, "reason": …} added to pObj when bFlagged. */
static void put_flag(json_t *pObj, int bFlagged, const char *zReason) {
  if (!bFlagged) return;
  json_object_set_new(pObj, "flagged", json_true());
  json_object_set_new(pObj, "reason", json_string(zReason ? zReason : ""));
}

json_t *plan_page_json(const PlanDoc *pDoc, const PlanVersionInfo *pInfo) {
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
    json_object_set_new(pLine, "meta", json_string(pL->zMeta ? pL->zMeta : ""));
    json_object_set_new(pLine, "notes",
                        json_string(pL->zNotes ? pL->zNotes : ""));
    if (pL->zCarried && *pL->zCarried)
      json_object_set_new(pLine, "carried_over", json_string(pL->zCarried));
    json_t *aEv = json_array();
    for (int k = 0; k < pL->nEvidence; k++) {
      const PlanEvidence *e = &pL->aEvidence[k];
      json_t *pEv =
          json_pack("{s:s, s:s}", "kind", e->zKind, "label", e->zLabel);
      put_flag(pEv, e->bFlagged, e->zReason);
      json_array_append_new(aEv, pEv);
    }
    json_object_set_new(pLine, "evidence", aEv);
    json_t *pWindow =
        json_pack("{s:s, s:s, s:s, s:b}", "start", pL->window.zStart, "end",
                  pL->window.zEnd, "phrase", pL->zWindowPhrase, "flagged",
                  pL->window.bFlagged);
    if (pL->window.bFlagged)
      json_object_set_new(pWindow, "reason", json_string(pL->window.zReason));
    if (pL->window.bAsNeeded)
      json_object_set_new(pWindow, "as_needed", json_true());
    json_object_set_new(pLine, "window", pWindow);
    json_t *aKind = json_array();
    for (int k = 0; k < pL->target.nKind; k++) {
      json_array_append_new(aKind, json_string(pL->target.azKind[k]));
    }
    json_t *aExclude = json_array();
    for (int k = 0; k < pL->target.nExclude; k++) {
      json_array_append_new(aExclude, json_string(pL->target.azExclude[k]));
    }
    json_t *pTarget = json_pack("{s:i, s:o, s:o}", "count", pL->target.nCount,
                                "kinds", aKind, "exclude_communes", aExclude);
    if (pL->target.nProvince) {
      json_t *aProv = json_array();
      for (int k = 0; k < pL->target.nProvince; k++)
        json_array_append_new(aProv, json_string(pL->target.azProvince[k]));
      json_object_set_new(pTarget, "provinces", aProv);
    }
    if (pL->target.bModules)
      json_object_set_new(pTarget, "modules", json_true());
    put_flag(pTarget, pL->target.bFlagged, pL->target.zReason);
    json_object_set_new(pLine, "target", pTarget);
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
          : page_cache_key(
                r, arena_printf(request_arena(r), "api/plan\x1f%d\x1f%s",
                                iNumber, zCouncil ? zCouncil : ""));
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
  page_cache_respond_json(r, zKey, iVersion, plan_page_json(&doc, &info));
}

void page_api_plan(Request *r) { answer(r, 0); }

/* The version number N of the path; 0 after answering 404. */
static int version_param(Request *r) {
  int64_t v = request_param_id(r, 0);
  if (!v || v > 1000000) {
    respond_json_error(r, 404, "No existe esa versión del plan.", NULL);
    return 0;
  }
  return (int)v;
}

void page_api_plan_version(Request *r) {
  int v = version_param(r);
  if (v) answer(r, v);
}

/* POST /api/plan/versions/N/approve. The council: "council" in the JSON
** body, else ?council=, else the only one. */
void page_api_plan_approve(Request *r) {
  int v = version_param(r);
  if (!v) return;
  int64_t iCouncil = 0;
  size_t nBody = 0;
  const char *zBody = request_body(r, &nBody);
  if (zBody && nBody > 0) {
    json_error_t err;
    json_t *pBody = json_loadb(zBody, nBody, 0, &err);
    json_t *pCouncil = pBody ? json_object_get(pBody, "council") : NULL;
    if (!pBody || !json_is_object(pBody) ||
        (pCouncil && !json_is_integer(pCouncil))) {
      json_decref(pBody);
      respond_json_error(r, 400,
                         "El cuerpo debe ser JSON: {} o {\"council\": ID}.",
                         pCouncil ? "council" : NULL);
      return;
    }
    iCouncil = pCouncil ? json_integer_value(pCouncil) : 0;
    json_decref(pBody);
    if (pCouncil && !council_exists(request_db(r), iCouncil)) {
      respond_json_error(r, 404, "No existe ese consejo.", "council");
      return;
    }
  }
  if (!iCouncil && !(iCouncil = api_council(r))) return;
  Db *pDb = request_db(r);
  int rc = plan_store_approve(pDb, iCouncil, v, request_user(r)->id);
  if (rc == DB_DONE) {
    respond_json_error(r, 404, "No existe esa versión del plan.", NULL);
    return;
  }
  PlanDoc doc;
  PlanVersionInfo info;
  if (rc != DB_OK || plan_store_load(pDb, request_arena(r), iCouncil, v, 0,
                                     &doc, &info) != DB_OK) {
    respond_json_error(r, 500, "Error interno.", NULL);
    return;
  }
  respond_json(r, 200, plan_page_json(&doc, &info));
}
