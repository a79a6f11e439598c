/*
** Attendance and agreements over the API (CONTRACT.md).
**
** POST /api/activities/ID/attendance  admin: [{"member_id", "status"}] or,
**      for a guest, {"name", "organization", "status"}; optional "reason"
**      (justificado), "commune" (guest), "substitute_for" (a suplente
**      attending for that titular). Replaces the list -> 200
**      {"attendance": [...], "quorum": {"required", "present", "reached",
**      "explanation", ...}}. Everything is checked before the one write.
**      409, nothing changed, once the session's acta is approved (the
**      same for a new agreement of that session).
** GET  /api/agreements[?session=ID]   signed in: every agreement with its
**      state, responsible and due date (?limit=&offset=: a page, the count
**      in X-Total-Count and the pages beside in Link: page_list.h).
** POST /api/agreements                admin: {"session", "text", "votes":
**      {"for", "against", "abstain"}, "responsible": {"kind", "name"},
**      "due_date"} -> 201
** GET  /api/agreements/ID             signed in: the agreement and its log
** POST /api/agreements/ID             admin: {"state", "note", "date",
**      "version"} -> 200 (409 for a move the rules refuse or a stale version)
*/
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "pages/meetings/meetings_pages.h"
#include "pages/page_list.h"
#include "store/courses/courses.h"
#include "store/people/people.h"

/* The request body parsed as JSON, or answers 400 and returns NULL. */
static json_t *body_json(Request *r) {
  size_t n = 0;
  const char *z = request_body(r, &n);
  json_error_t err;
  json_t *p = z && n ? json_loadb(z, n, 0, &err) : NULL;
  if (!p) {
    respond_json_error(r, 400, "El cuerpo de la solicitud debe ser JSON.",
                       NULL);
  }
  return p;
}

/* A string member, "" when absent; NULL when present but not a string. */
static const char *opt_string(json_t *pObj, const char *zKey) {
  json_t *v = json_object_get(pObj, zKey);
  if (!v || json_is_null(v)) return "";
  return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Reads the attendance array into *pIn; NULL or the problem. */
static const char *attendance_from_json(Request *r, json_t *pArr,
                                        MeetingAttendanceInput *pIn,
                                        const char **pzField) {
  Arena *pArena = request_arena(r);
  *pzField = NULL;
  if (!json_is_array(pArr)) {
    return "Envíe una lista: [{\"member_id\", \"status\"}, …].";
  }
  size_t n = json_array_size(pArr);
  if (n > MEETING_ATTENDANCE_MAX) return "La lista tiene demasiadas filas.";
  pIn->n = (int)n;
  pIn->a = arena_alloc(pArena, sizeof(AttendanceEntry) * (n + 1));
  pIn->azCommune = arena_alloc(pArena, sizeof(char *) * (n + 1));
  pIn->aiSubstituteFor = arena_alloc(pArena, sizeof(int64_t) * (n + 1));
  pIn->aiEnrolment = arena_alloc(pArena, sizeof(int64_t) * (n + 1));
  pIn->aiMinutes = arena_alloc(pArena, sizeof(int) * (n + 1));
  size_t i;
  json_t *e;
  json_array_foreach(pArr, i, e) {
    AttendanceEntry *a = &pIn->a[i];
    memset(a, 0, sizeof(*a));
    pIn->aiSubstituteFor[i] = 0;
    pIn->aiEnrolment[i] = 0;
    pIn->aiMinutes[i] = -1;
    if (!json_is_object(e)) {
      *pzField = "status";
      return arena_printf(pArena, "Fila %d: debe ser un objeto JSON.",
                          (int)i + 1);
    }
    json_t *v = json_object_get(e, "member_id");
    if (v && !json_is_null(v)) {
      if (!json_is_integer(v) || json_integer_value(v) <= 0) {
        *pzField = "member_id";
        return arena_printf(pArena,
                            "Fila %d: member_id debe ser un número entero.",
                            (int)i + 1);
      }
      a->iMemberId = json_integer_value(v);
    }
    /* A leader enrolled in the module's course (resolved by the caller). */
    v = json_object_get(e, "enrolment_id");
    if (v && !json_is_null(v)) {
      if (!json_is_integer(v) || json_integer_value(v) <= 0 || a->iMemberId) {
        *pzField = "enrolment_id";
        return arena_printf(pArena,
                            "Fila %d: enrolment_id debe ser el número de una "
                            "inscripción del curso.",
                            (int)i + 1);
      }
      pIn->aiEnrolment[i] = json_integer_value(v);
    }
    v = json_object_get(e, "minutes");
    if (v && !json_is_null(v)) {
      if (!json_is_integer(v) || json_integer_value(v) < 0 ||
          json_integer_value(v) > 24 * 60) {
        *pzField = "minutes";
        return arena_printf(pArena,
                            "Fila %d: minutes debe ser un número de minutos.",
                            (int)i + 1);
      }
      pIn->aiMinutes[i] = (int)json_integer_value(v);
    }
    a->zName = opt_string(e, "name");
    a->zOrganization = opt_string(e, "organization");
    a->zStatus = opt_string(e, "status");
    a->zReason = opt_string(e, "reason");
    pIn->azCommune[i] = opt_string(e, "commune");
    const char *zBad = !a->zName            ? "name"
                       : !a->zOrganization  ? "organization"
                       : !a->zStatus        ? "status"
                       : !a->zReason        ? "reason"
                       : !pIn->azCommune[i] ? "commune"
                                            : NULL;
    if (zBad) {
      *pzField = zBad;
      return arena_printf(pArena, "Fila %d: %s debe ser un texto.", (int)i + 1,
                          zBad);
    }
    v = json_object_get(e, "substitute_for");
    if (v && !json_is_null(v)) {
      if (!json_is_integer(v) || json_integer_value(v) <= 0 || !a->iMemberId) {
        *pzField = "substitute_for";
        return arena_printf(pArena,
                            "Fila %d: substitute_for debe ser el número de un "
                            "consejero titular.",
                            (int)i + 1);
      }
      pIn->aiSubstituteFor[i] = json_integer_value(v);
    }
  }
  return NULL;
}

/* Rows naming an enrolment ("enrolment_id") are the enrolled person of the
** module's course: their participant. NULL when every such row is one of
** the course's enrolments, else the sentence. */
static const char *courses_attendance_enrolments(Request *r, int64_t iActivity,
                                                 MeetingAttendanceInput *p,
                                                 const char **pzField) {
  Db *pDb = request_db(r);
  int64_t iCouncil = page_council_id(r), iCourse = 0;
  for (int i = 0; i < p->n; i++) {
    if (!p->aiEnrolment[i]) continue;
    if (!iCourse &&
        course_of_activity(pDb, iCouncil, iActivity, &iCourse) != DB_OK) {
      *pzField = "enrolment_id";
      return "Esta actividad no es un módulo de un curso: marque a las "
             "personas por member_id o por su nombre.";
    }
    int64_t iPart =
        enrolment_participant(pDb, iCouncil, iCourse, p->aiEnrolment[i]);
    if (!iPart) {
      *pzField = "enrolment_id";
      return arena_printf(request_arena(r),
                          "Fila %d: la inscripción %lld no es de este curso.",
                          i + 1, (long long)p->aiEnrolment[i]);
    }
    p->a[i].iParticipantId = iPart;
  }
  return NULL;
}

void page_api_activity_attendance(Request *r) {
  Activity act;
  if (!act_load(r, &act, 0)) return;
  json_t *pBody = body_json(r);
  if (!pBody) return;
  MeetingAttendanceInput in;
  memset(&in, 0, sizeof(in));
  const char *zField = NULL;
  const char *zErr = attendance_from_json(r, pBody, &in, &zField);
  if (!zErr) zErr = courses_attendance_enrolments(r, act.id, &in, &zField);
  if (!zErr) zErr = meeting_attendance_check(r, &in, &zField);
  if (zErr) {
    json_decref(pBody);
    respond_json_error(r, 422, zErr, zField ? zField : "status");
    return;
  }
  /* The session's agreements are checked against the list as written,
  ** in the same transaction: one that no longer fits undoes the save. */
  Db *pDb = request_db(r);
  const char *zUnfit = NULL;
  int rc = db_begin(pDb);
  if (rc == DB_OK) {
    rc = meeting_attendance_replace_timed(pDb, act.id, request_user(r)->id,
                                          in.a, in.n, in.azCommune,
                                          in.aiSubstituteFor, in.aiMinutes);
    if (rc == DB_OK) zUnfit = meeting_attendance_decisions_problem(r, act.id);
    if (rc == DB_OK && !zUnfit)
      rc = db_commit(pDb);
    else
      db_rollback(pDb);
  }
  json_decref(pBody); /* The entries point into it until written */
  if (zUnfit) {
    respond_json_error(r, 422, zUnfit, "attendance");
    return;
  }
  if (rc == MEETING_ACTA_FROZEN) {
    meeting_frozen_respond(r, act.id);
    return;
  }
  json_t *pOut = rc == DB_OK ? meeting_attendance_json(r, act.id) : NULL;
  if (!pOut) {
    respond_error(r, 500, NULL);
    return;
  }
  respond_json(r, 200, pOut);
}

/* Reads "votes", "responsible" and the rest of an agreement from JSON. */
static const char *agreement_from_json(json_t *p, MeetingAgreement *g,
                                       const char **pzField) {
  *pzField = "text";
  g->zText = opt_string(p, "text");
  if (!g->zText) return "text debe ser un texto.";
  *pzField = "due_date";
  g->zDue = opt_string(p, "due_date");
  if (!g->zDue) return "due_date debe ser un texto AAAA-MM-DD.";
  *pzField = "votes";
  json_t *v = json_object_get(p, "votes");
  if (v && !json_is_null(v)) {
    json_t *f = json_object_get(v, "for"), *a = json_object_get(v, "against"),
           *b = json_object_get(v, "abstain");
    if (!json_is_object(v) || !json_is_integer(f) ||
        (a && !json_is_integer(a)) || (b && !json_is_integer(b))) {
      return "votes debe ser {\"for\", \"against\", \"abstain\"} con números.";
    }
    g->bVoted = 1;
    /* Past an int: -1, which the range check below refuses. */
    if (!page_json_int(f, INT_MIN, INT_MAX, &g->nFor)) g->nFor = -1;
    if (a && !page_json_int(a, INT_MIN, INT_MAX, &g->nAgainst))
      g->nAgainst = -1;
    if (b && !page_json_int(b, INT_MIN, INT_MAX, &g->nAbstain))
      g->nAbstain = -1;
  }
  *pzField = "responsible";
  g->zResponsibleKind = "ninguno";
  g->zResponsible = "";
  v = json_object_get(p, "responsible");
  if (v && !json_is_null(v)) {
    if (!json_is_object(v)) return "responsible debe ser {\"kind\", \"name\"}.";
    g->zResponsibleKind = opt_string(v, "kind");
    g->zResponsible = opt_string(v, "name");
    if (!g->zResponsibleKind || !g->zResponsible) {
      return "responsible debe ser {\"kind\", \"name\"} con textos.";
    }
  }
  return meeting_agreement_check(g, pzField);
}

static void api_agreement_create(Request *r) {
  json_t *pBody = body_json(r);
  if (!pBody) return;
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  MeetingAgreement g;
  memset(&g, 0, sizeof(g));
  const char *zField = "session";
  const char *zErr = NULL;
  json_t *v = json_object_get(pBody, "session");
  Activity act;
  if (!json_is_object(pBody)) {
    zErr = "El cuerpo debe ser un objeto JSON.";
  } else if (!json_is_integer(v) ||
             activity_get(pDb, pArena, page_council_id(r),
                          json_integer_value(v), &act) != DB_OK) {
    zErr = "Indique en \"session\" la actividad que adoptó el acuerdo.";
  } else {
    g.iActivity = act.id;
    zErr = agreement_from_json(pBody, &g, &zField);
    if (!zErr) zErr = meeting_agreement_quorum_problem(r, &g, &zField);
  }
  if (zErr) {
    json_decref(pBody);
    respond_json_error(r, 422, zErr, zField);
    return;
  }
  g.zText = arena_strdup(pArena, g.zText);
  g.zDue = arena_strdup(pArena, g.zDue);
  g.zResponsibleKind = arena_strdup(pArena, g.zResponsibleKind);
  g.zResponsible = arena_strdup(pArena, g.zResponsible);
  json_decref(pBody);
  int64_t iCouncil = page_council_id(r);
  int rc = meeting_agreement_insert(pDb, iCouncil, &g);
  if (rc == MEETING_ACTA_FROZEN) {
    meeting_frozen_respond(r, g.iActivity);
    return;
  }
  if (!page_db_ok(r, rc) ||
      !page_db_ok(r, meeting_agreement_get(pDb, pArena, iCouncil, g.id, &g))) {
    return;
  }
  respond_json(r, 201, meeting_agreement_json(&g, meeting_today(pArena)));
}

void page_api_agreements(Request *r) {
  if (request_is_post(r)) { /* The officer's only (routes.c) */
    api_agreement_create(r);
    return;
  }
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  const char *zSession = request_query(r, "session");
  int64_t iSession = request_query_id(r, "session");
  if (zSession && !iSession) {
    respond_json_error(r, 400, "session debe ser el número de una sesión.",
                       "session");
    return;
  }
  ListPage pg;
  if (!page_list_from_api(r, &pg)) return;
  MeetingAgreement *aAgr = NULL;
  int nAgr = 0;
  if (!page_db_ok(r, meeting_agreement_page(pDb, pArena, page_council_id(r),
                                            iSession, &pg, &aAgr, &nAgr))) {
    return;
  }
  const char *zToday = meeting_today(pArena);
  json_t *pArr = json_array();
  for (int i = 0; i < nAgr; i++) {
    json_array_append_new(pArr, meeting_agreement_json(&aAgr[i], zToday));
  }
  page_list_headers(
      r, &pg, "/api/agreements",
      iSession ? arena_printf(pArena, "&session=%lld", (long long)iSession)
               : "");
  respond_json(r, 200, pArr);
}

static json_t *agreement_full_json(Request *r, const MeetingAgreement *g) {
  MeetingAgreementNote *aNote = NULL;
  int nNote = 0;
  json_t *p = meeting_agreement_json(g, meeting_today(request_arena(r)));
  json_t *pLog = json_array();
  if (meeting_agreement_notes(request_db(r), request_arena(r), g->id, &aNote,
                              &nNote) == DB_OK) {
    for (int i = 0; i < nNote; i++) {
      json_array_append_new(
          pLog, json_pack("{s:s, s:s, s:s, s:s}", "date", aNote[i].zDate,
                          "from", aNote[i].zOldState, "to", aNote[i].zNewState,
                          "note", aNote[i].zNote));
    }
  }
  json_object_set_new(p, "log", pLog);
  return p;
}

void page_api_agreement(Request *r) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  int64_t iCouncil = page_council_id(r);
  int64_t iId = request_param_id(r, 0);
  MeetingAgreement g;
  int rc =
      iId ? meeting_agreement_get(pDb, pArena, iCouncil, iId, &g) : DB_DONE;
  if (rc != DB_OK) {
    respond_json_error(r, rc == DB_DONE ? 404 : 500, "No existe ese acuerdo.",
                       NULL);
    return;
  }
  if (!request_is_post(r)) {
    respond_json(r, 200, agreement_full_json(r, &g));
    return;
  }
  json_t *pBody = body_json(r);
  if (!pBody) return;
  const char *zState =
      json_is_object(pBody) ? opt_string(pBody, "state") : NULL;
  const char *zNote = json_is_object(pBody) ? opt_string(pBody, "note") : NULL;
  const char *zDate = json_is_object(pBody) ? opt_string(pBody, "date") : NULL;
  json_t *v = json_is_object(pBody) ? json_object_get(pBody, "version") : NULL;
  /* A version past an int is no version there is: a conflict. */
  int iVersion = 0;
  if (json_is_integer(v) && !page_json_int(v, INT_MIN, INT_MAX, &iVersion)) {
    iVersion = -1;
  }
  AgreementState eNew = g.eState;
  const char *zErr = NULL, *zField = NULL;
  if (!zState || (*zState && agreement_state_parse(zState, &eNew) != 0)) {
    zErr = "El estado debe ser pendiente, en_curso, cumplido o descartado.";
    zField = "state";
  } else if (!zNote || strlen(zNote) > 4000) {
    zErr = "La nota debe ser un texto de hasta 4000 caracteres.";
    zField = "note";
  } else if (!zDate || (*zDate && !agreement_date_valid(zDate))) {
    zErr = "La fecha debe escribirse AAAA-MM-DD y existir.";
    zField = "date";
  } else if (eNew == g.eState && !*zNote) {
    zErr = "Indique un nuevo estado o una nota de seguimiento.";
    zField = "note";
  }
  if (zErr) {
    json_decref(pBody);
    respond_json_error(r, 422, zErr, zField);
    return;
  }
  const char *zWhy = NULL;
  if (eNew != g.eState &&
      agreement_transition_check(g.eState, eNew, &zWhy) != AGREEMENT_OK) {
    json_decref(pBody);
    respond_json_error(r, 409, zWhy, "state");
    return;
  }
  if (iVersion && iVersion != g.iVersion) {
    json_decref(pBody);
    respond_json_error(r, 409,
                       "Otra persona modificó el acuerdo: vuelva a leerlo y "
                       "repita el cambio.",
                       "version");
    return;
  }
  zNote = arena_strdup(pArena, zNote);
  zDate = *zDate ? arena_strdup(pArena, zDate) : meeting_today(pArena);
  json_decref(pBody);
  rc = meeting_agreement_follow(pDb, request_user(r)->id, &g, eNew, zDate,
                                zNote);
  if (rc == DB_STALE) {
    respond_json_error(r, 409,
                       "Otra persona modificó el acuerdo al mismo tiempo: "
                       "vuelva a leerlo y repita el cambio.",
                       "version");
    return;
  }
  if (!page_db_ok(r, rc) ||
      !page_db_ok(r, meeting_agreement_get(pDb, pArena, iCouncil, g.id, &g))) {
    return;
  }
  respond_json(r, 200, agreement_full_json(r, &g));
}
