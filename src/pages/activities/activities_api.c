/*
** Activities over the API (CONTRACT.md).
**
** GET  /api/activities            signed in; ?kind, ?line, ?public=1,
**                                 ?limit (1..LIST_PAGE_LIMIT_MAX; none:
**                                 every activity) and ?offset: the array,
**                                 with the count in X-Total-Count and the
**                                 pages beside in Link (rel next/prev)
** GET  /api/activities/ID         signed in; ?as_of=YYYY-MM-DD: its
**                                 "compliance" as it stood that day
** POST /api/activities            admin: the activity's JSON minus id and
**                                 evidence -> 201 and the activity
**                                 (realizada before its start -> 422)
** POST /api/activities/ID         admin: a subset of the fields (and
**                                 optionally "version": 409 when stale);
**                                 a status the usual moves refuse (a wrong
**                                 «realizada» undone) needs
**                                 "status_reason", kept in the history
**                                 (422 without it)
** POST /api/activities/ID/convene admin: {"recipients": "all"} or
**                                 {"recipients": ["e-mail", …]} -> 202;
**                                 once its start has passed, also
**                                 "confirm": true (409 without it)
**
** A single activity also carries "compliance" (whether it counts for each
** of its lines and why not), "generated" (the evidence cosoc made: the
** notice it sent, the attendance sheet, the acta) and "history".
** GET  /api/activities/ID/mail    admin (?limit, ?offset as the list):
**                                 [{"to", "state", "attempts",
**                                 "error", …}]
** Errors: {"error", "field"} with 400, 401, 403, 404, 409 or 422.
*/
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "mail/outbox.h"
#include "mail/sender.h"
#include "pages/activities/activities_pages.h"
#include "pages/compliance/compliance_pages.h"
#include "pages/evidence/evidence_pages.h"
#include "pages/page_list.h"
#include "store/evidence/evidence_store.h"
#include "store/people/people.h"

static void respond_problems(Request *r, const ActivityProblems *p) {
  respond_json_error(r, 422, p->azMessage[0], p->azField[0]);
}

static int api_load(Request *r, Activity *a) {
  int64_t id = request_param_id(r, 0);
  int rc = DB_DONE;
  if (id) {
    rc = activity_get(request_db(r), request_arena(r), page_council_id(r), id,
                      a);
  }
  return page_found(r, rc, "No existe esa actividad.");
}

static void api_create(Request *r) {
  json_t *pObj = page_json_object(r);
  if (!pObj) return;
  Activity a;
  act_defaults(&a);
  ActivityProblems p;
  problems_init(&p);
  int bStatus = 0, iVersion = 0;
  act_from_json(r, pObj, 1, &a, &p, &bStatus, &iVersion);
  json_decref(pObj);
  if (p.n == 0) act_check_all(r, &a, &p);
  if (p.n) {
    respond_problems(r, &p);
    return;
  }
  Db *pDb = request_db(r);
  int64_t iCouncil = page_council_id(r);
  if (!iCouncil) {
    respond_json_error(r, 409, "Aún no hay un consejo configurado.", NULL);
    return;
  }
  if (!page_db_ok(r, act_create(r, &a)) ||
      !page_db_ok(r, activity_get(pDb, request_arena(r), page_council_id(r),
                                  a.id, &a))) {
    return;
  }
  respond_json(r, 201, act_json(&a));
}

/* act_json() with the activity's evidence filled in. */
static json_t *act_json_evidence(Request *r, const Activity *a) {
  json_t *p = act_json(a);
  json_object_set_new(p, "evidence", evidence_json_list(r, a->id));
  return p;
}

/* One document cosoc made for activity a: {"kind", "label", "url" (its
** /actividades/ID/zFile), "at"}. */
static json_t *generated_one(Arena *pArena, const Activity *a,
                             const char *zKind, const char *zLabel,
                             const char *zFile, int64_t tAt) {
  return json_pack(
      "{s:s, s:s, s:s, s:o}", "kind", zKind, "label", zLabel, "url",
      arena_printf(pArena, "/actividades/%lld/%s", (long long)a->id, zFile),
      "at", page_json_time(tAt));
}

/* The evidence cosoc made for activity a: [{"kind", "label", "url", "at",
** and for the notice "recipients"}]. */
static json_t *generated_json(Request *r, const Activity *a) {
  json_t *pArr = json_array();
  EvidenceSystem sys;
  if (evidence_system(request_db(r), a->id, EVIDENCE_CUT_NONE, &sys) != DB_OK)
    return pArr;
  Arena *pArena = request_arena(r);
  if (sys.bNotice) {
    json_t *p =
        generated_one(pArena, a, "citacion", "Citación enviada por cosoc",
                      "citacion.pdf", sys.tNotice);
    json_object_set_new(p, "recipients", json_integer(sys.nRecipients));
    json_array_append_new(pArr, p);
  }
  if (sys.bAttendance) {
    json_array_append_new(
        pArr,
        generated_one(pArena, a, "asistencia", "Asistencia registrada en cosoc",
                      "asistencia.pdf", sys.tAttendance));
  }
  if (sys.bActa) {
    json_array_append_new(
        pArr, generated_one(pArena, a, "acta", "Acta aprobada", "acta.pdf",
                            sys.tActa));
  }
  return pArr;
}

/* [{"at", "user", "from", "to", "note"}], oldest first. */
static json_t *history_json(Request *r, const Activity *a) {
  json_t *pArr = json_array();
  ActivityHistory *aH = NULL;
  int nH = 0;
  if (activity_history_list(request_db(r), request_arena(r), a->id, &aH, &nH) !=
      DB_OK) {
    return pArr;
  }
  for (int i = 0; i < nH; i++) {
    json_array_append_new(
        pArr,
        json_pack("{s:o, s:s, s:s, s:s, s:s}", "at", page_json_time(aH[i].iAt),
                  "user", aH[i].zUser ? aH[i].zUser : "", "from",
                  aH[i].zOldStatus, "to", aH[i].zNewStatus, "note",
                  aH[i].zNote ? aH[i].zNote : ""));
  }
  return pArr;
}

/* One activity whole: the list's fields, whether it counts for its lines
** (as on zAsOf, NULL: today), what cosoc made for it and its history. */
static json_t *act_json_full(Request *r, const Activity *a, const char *zAsOf) {
  json_t *p = act_json_evidence(r, a);
  CompliancePageVerdicts v;
  json_object_set_new(p, "compliance",
                      compliance_page_verdicts(r, a, zAsOf, 0, &v) == 0
                          ? compliance_verdicts_json(&v)
                          : json_array());
  json_object_set_new(p, "generated", generated_json(r, a));
  json_object_set_new(p, "history", history_json(r, a));
  return p;
}

/* The evidence of each activity of a page, read with one statement: the
** items of the council's activities in the page's id range, each
** activity's run found by its id (the items come by activity id). */
static void api_list_json(Request *r, const Activity *aAct, int nAct,
                          json_t *pArr) {
  int64_t iFirst = INT64_MAX, iLast = 0;
  for (int i = 0; i < nAct; i++) {
    if (aAct[i].id < iFirst) iFirst = aAct[i].id;
    if (aAct[i].id > iLast) iLast = aAct[i].id;
  }
  EvidenceItem *aItem = NULL;
  int nItem = 0;
  if (nAct > 0 &&
      evidence_list_range(request_db(r), request_arena(r), page_council_id(r),
                          iFirst, iLast, &aItem, &nItem) != DB_OK) {
    nItem = 0;
  }
  for (int i = 0; i < nAct; i++) {
    int lo = 0, hi = nItem; /* First item of this activity */
    while (lo < hi) {
      int mid = lo + (hi - lo) / 2;
      if (aItem[mid].iActivity < aAct[i].id)
        lo = mid + 1;
      else
        hi = mid;
    }
    int n = 0;
    while (lo + n < nItem && aItem[lo + n].iActivity == aAct[i].id) n++;
    json_t *p = act_json(&aAct[i]);
    json_object_set_new(p, "evidence", evidence_json_items(aItem + lo, n));
    json_array_append_new(pArr, p);
  }
}

static void api_list(Request *r) {
  ActivityFilter f;
  memset(&f, 0, sizeof(f));
  f.zKind = request_query(r, "kind");
  const char *zLine = request_query(r, "line");
  int64_t iLine = request_query_id(r, "line");
  if (zLine && (!iLine || iLine > 1000000)) {
    respond_json_error(r, 400, "line debe ser el número de una línea del plan.",
                       "line");
    return;
  }
  f.iLine = (int)iLine;
  const char *zPublic = request_query(r, "public");
  f.bPublicOnly = zPublic && strcmp(zPublic, "1") == 0;
  ListPage pg;
  if (!page_list_from_api(r, &pg)) return;
  Activity *aAct = NULL;
  int nAct = 0;
  Db *pDb = request_db(r);
  if (!page_db_ok(r, activity_page(pDb, request_arena(r), page_council_id(r),
                                   &f, &pg, &aAct, &nAct))) {
    return;
  }
  json_t *pArr = json_array();
  api_list_json(r, aAct, nAct, pArr);
  Arena *pArena = request_arena(r);
  page_list_headers(
      r, &pg, "/api/activities",
      arena_printf(pArena, "%s%s%s%s%s", f.zKind ? "&kind=" : "",
                   f.zKind ? html_url_arg(pArena, f.zKind) : "",
                   f.iLine ? "&line=" : "",
                   f.iLine ? arena_printf(pArena, "%d", f.iLine) : "",
                   f.bPublicOnly ? "&public=1" : ""));
  respond_json(r, 200, pArr);
}

void page_api_activities(Request *r) {
  if (request_is_post(r)) { /* The officer's only (routes.c) */
    api_create(r);
  } else {
    api_list(r);
  }
}

static void api_update(Request *r, const Activity *pOld) {
  json_t *pObj = page_json_object(r);
  if (!pObj) return;
  Activity a = *pOld;
  ActivityProblems p;
  problems_init(&p);
  int bStatus = 0, iVersion = 0;
  act_from_json(r, pObj, 0, &a, &p, &bStatus, &iVersion);
  json_t *pReason = json_object_get(pObj, "status_reason");
  const char *zReason =
      json_is_string(pReason)
          ? arena_strdup(request_arena(r), json_string_value(pReason))
          : NULL;
  json_decref(pObj);
  if (p.n == 0) act_check_all(r, &a, &p);
  if (p.n) {
    respond_problems(r, &p);
    return;
  }
  if (iVersion && iVersion != pOld->iVersion) {
    respond_json_error(r, 409,
                       "Otra persona modificó la actividad: vuelva a leerla "
                       "y repita el cambio.",
                       "version");
    return;
  }
  /* A move the usual table refuses is a correction of a wrong state: made
  ** only with its reason, which the history keeps. */
  const char *zProblem =
      activity_correction_problem(pOld->zStatus, a.zStatus, zReason);
  if (zProblem) {
    respond_json_error(r, 422, zProblem, "status_reason");
    return;
  }
  int bCorrection =
      activity_transition_problem(pOld->zStatus, a.zStatus) != NULL;
  a.zStatus = activity_status_after(pOld, &a, bStatus);
  Db *pDb = request_db(r);
  int rc = convene_save_change(
      pDb, request_arena(r), request_user(r)->id, pOld, &a,
      bCorrection
          ? arena_printf(request_arena(r), "Corrección de estado: %s", zReason)
          : "Cambio por la API",
      act_base_url(r));
  if (rc == DB_STALE) {
    respond_json_error(r, 409,
                       "Otra persona modificó la actividad al mismo tiempo: "
                       "vuelva a leerla y repita el cambio.",
                       "version");
    return;
  }
  if (!page_db_ok(r, rc) ||
      !page_db_ok(r, activity_get(pDb, request_arena(r), page_council_id(r),
                                  a.id, &a))) {
    return;
  }
  mail_sender_wake();
  respond_json(r, 200, act_json_full(r, &a, NULL));
}

void page_api_activity(Request *r) {
  Activity a;
  if (!api_load(r, &a)) return;
  if (request_is_post(r)) { /* The officer's only (routes.c) */
    api_update(r, &a);
    return;
  }
  const char *zAsOf = request_query(r, "as_of");
  if (zAsOf && !compliance_view_as_of_valid(zAsOf)) {
    respond_json_error(r, 400, "La fecha as_of debe tener la forma AAAA-MM-DD.",
                       "as_of");
    return;
  }
  respond_json(r, 200, act_json_full(r, &a, zAsOf));
}

/* A plausible address: something@something.tld, no spaces or controls. */
static int email_ok(const char *z) {
  const char *zAt = strchr(z, '@');
  if (!zAt || zAt == z || strchr(zAt + 1, '@') || !strchr(zAt, '.')) return 0;
  if (strlen(z) > 254) return 0;
  for (; *z; z++) {
    if ((unsigned char)*z <= ' ' || *z == '<' || *z == '>' || *z == ',' ||
        *z == '"') {
      return 0;
    }
  }
  return zAt[1] != '.';
}

static char *lower(Arena *pArena, const char *z) {
  char *zOut = arena_strdup(pArena, z);
  for (char *c = zOut; *c; c++) *c = (char)tolower((unsigned char)*c);
  return zOut;
}

void page_api_activity_convene(Request *r) {
  Activity a;
  if (!api_load(r, &a)) return;
  json_t *pObj = page_json_object(r);
  if (!pObj) return;
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  json_t *v = json_object_get(pObj, "recipients");
  ConveneRecipient *aAll = NULL, *aRec = NULL;
  int nAll = 0, nRec = 0;
  if (convene_councillors(pDb, pArena, page_council_id(r), &aAll, &nAll) !=
      DB_OK) {
    json_decref(pObj);
    respond_error(r, 500, NULL);
    return;
  }
  if (json_is_string(v) && strcmp(json_string_value(v), "all") == 0) {
    aRec = aAll;
    nRec = nAll;
  } else if (json_is_array(v) && json_array_size(v) > 0 &&
             json_array_size(v) <= 500) {
    aRec = arena_alloc(pArena, sizeof(*aRec) * json_array_size(v));
    size_t i;
    json_t *e;
    json_array_foreach(v, i, e) {
      if (!json_is_string(e) || !email_ok(json_string_value(e))) {
        json_decref(pObj);
        respond_json_error(r, 422,
                           "Cada destinatario debe ser una dirección de "
                           "correo válida.",
                           "recipients");
        return;
      }
      ConveneRecipient rec = {0, 0, lower(pArena, json_string_value(e)), ""};
      for (int k = 0; k < nAll; k++) {
        if (strcmp(aAll[k].zEmail, rec.zEmail) == 0) rec = aAll[k];
      }
      aRec[nRec++] = rec;
    }
  } else {
    json_decref(pObj);
    respond_json_error(r, 422,
                       "Indique \"recipients\": \"all\" o una lista de "
                       "correos.",
                       "recipients");
    return;
  }
  int bConfirm = json_is_true(json_object_get(pObj, "confirm"));
  json_decref(pObj);
  if (strcmp(a.zStatus, ACTIVITY_SUSPENDIDA) == 0 ||
      strcmp(a.zStatus, ACTIVITY_REALIZADA) == 0) {
    respond_json_error(r, 409,
                       "No se puede citar a una actividad suspendida o ya "
                       "realizada.",
                       "status");
    return;
  }
  /* A citation for a start that has passed is usually a mistake (the
  ** wrong activity, or a date never updated): it goes only when asked
  ** for twice. */
  if (a.iStart <= db_now() && !bConfirm) {
    respond_json_error(
        r, 409,
        arena_printf(pArena,
                     "%s Para citar de todos modos, envíe \"confirm\": true.",
                     convene_past_question(pArena, &a)),
        "confirm");
    return;
  }
  if (nRec == 0) {
    respond_json_error(r, 422, "No hay consejeros en ejercicio con correo.",
                       "recipients");
    return;
  }
  int nQueued = 0;
  int rc = convene_send(pDb, pArena, request_user(r)->id, &a, aRec, nRec,
                        act_base_url(r), &nQueued);
  if (rc == DB_STALE) {
    respond_json_error(r, 409,
                       "Otra persona modificó la actividad al mismo tiempo: "
                       "repita la citación.",
                       NULL);
    return;
  }
  if (!page_db_ok(r, rc)) return;
  mail_sender_wake();
  json_t *pOut = act_json(&a);
  json_object_set_new(pOut, "queued", json_integer(nQueued));
  json_object_set_new(pOut, "recipients", json_integer(nRec));
  respond_json(r, 202, pOut);
}

void page_api_activity_mail(Request *r) {
  Activity a;
  if (!api_load(r, &a)) return;
  page_mail_list_respond(
      r, "actividad", a.id,
      arena_printf(request_arena(r), "/api/activities/%lld/mail",
                   (long long)a.id),
      "");
}
