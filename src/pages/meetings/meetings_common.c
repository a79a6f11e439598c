/*
** Shared by the session pages and API: checking attendance and
** agreements before any write, and their JSON (meetings_pages.h).
*/
#include <stdio.h>
#include <string.h>

#include "pages/meetings/meetings_pages.h"
#include "store/people/people.h"

const char *meeting_attendance_check(Request *r, MeetingAttendanceInput *p,
                                     const char **pzField) {
  int iEntry = -1;
  return meeting_attendance_check_at(r, p, pzField, &iEntry);
}

const char *meeting_attendance_check_at(Request *r, MeetingAttendanceInput *p,
                                        const char **pzField, int *piEntry) {
  *piEntry = -1;
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  MeetingExpected *aExp = NULL;
  int nExp = 0;
  *pzField = NULL;
  if (meeting_expected_list(pDb, pArena, page_council_id(r), &aExp, &nExp) !=
      DB_OK) {
    return "No se pudo leer la lista de consejeros.";
  }
  long long *aiKnown =
      arena_alloc(pArena, sizeof(long long) * (size_t)(nExp + 1));
  for (int i = 0; i < nExp; i++) aiKnown[i] = aExp[i].iMember;
  AttendanceProblem prob;
  if (attendance_validate(p->a, p->n, aiKnown, nExp, &prob) != ATTENDANCE_OK) {
    *pzField = prob.zField;
    *piEntry = prob.iEntry;
    return arena_strdup(pArena, prob.zMessage);
  }
  for (int i = 0; i < p->n; i++) {
    int64_t iTitular = p->aiSubstituteFor[i];
    if (!iTitular) continue;
    const MeetingExpected *pSelf = NULL, *pTitular = NULL;
    for (int k = 0; k < nExp; k++) {
      if (aExp[k].iMember == p->a[i].iMemberId) pSelf = &aExp[k];
      if (aExp[k].iMember == iTitular) pTitular = &aExp[k];
    }
    if (!pSelf || pSelf->bTitular || !pTitular || !pTitular->bTitular) {
      *pzField = "substitute_for";
      *piEntry = i;
      return arena_printf(pArena,
                          "Fila %d: solo un consejero suplente puede asistir "
                          "en reemplazo de un titular en ejercicio.",
                          i + 1);
    }
  }
  return NULL;
}

static json_t *quorum_check_json(const QuorumCheck *c) {
  return json_pack("{s:i, s:i, s:b, s:s}", "required", c->nRequired, "present",
                   c->nPresent, "reached", c->bReached, "explanation",
                   c->zExplain);
}

const char *meeting_frozen_reason(Request *r, int64_t iActivity) {
  MeetingActa acta;
  const char *zWhy = NULL;
  if (meeting_acta_get(request_db(r), iActivity, &acta) == DB_OK) {
    acta_freezes_session(acta.eState, &zWhy);
  }
  return zWhy;
}

void meeting_frozen_respond(Request *r, int64_t iActivity) {
  const char *zWhy = NULL;
  acta_freezes_session(ACTA_APROBADA, &zWhy);
  if (request_is_api(r)) {
    respond_json_error(r, 409, zWhy, NULL);
    return;
  }
  Html h;
  page_begin_titled(r, &h, "El acta ya fue aprobada", "actividades");
  html_printf(&h,
              "<p>%s</p>\n<p><a class=\""
              "button\" href=\"/actividades/%lld/acta\">Ir al acta</a> <a "
              "href=\"/actividades/%lld\">Volver a la actividad</a></p>\n",
              zWhy, (long long)iActivity, (long long)iActivity);
  page_finish(r, &h, 409);
}

json_t *meeting_attendance_json(Request *r, int64_t iActivity) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  MeetingAttendance *aRow = NULL;
  int nRow = 0;
  QuorumResult q;
  if (meeting_attendance_list(pDb, pArena, iActivity, &aRow, &nRow) != DB_OK ||
      meeting_quorum(pDb, pArena, page_council_id(r), iActivity, &q) != DB_OK) {
    return NULL;
  }
  json_t *pArr = json_array();
  for (int i = 0; i < nRow; i++) {
    const MeetingAttendance *s = &aRow[i];
    json_t *e = json_object();
    if (s->iMember) {
      json_object_set_new(e, "member_id", json_integer(s->iMember));
    } else if (s->iParticipant) {
      json_object_set_new(e, "participant_id", json_integer(s->iParticipant));
    }
    if (s->nMinutes >= 0)
      json_object_set_new(e, "minutes", json_integer(s->nMinutes));
    json_object_set_new(e, "name", json_string(s->zName));
    json_object_set_new(e, "organization", json_string(s->zOrganization));
    json_object_set_new(e, "status", json_string(attendance_slug(s->eStatus)));
    if (s->zReason[0])
      json_object_set_new(e, "reason", json_string(s->zReason));
    if (!s->iMember && s->zCommune[0]) {
      json_object_set_new(e, "commune", json_string(s->zCommune));
    }
    if (s->iSubstituteFor) {
      json_object_set_new(e, "substitute_for", json_integer(s->iSubstituteFor));
    }
    json_array_append_new(pArr, e);
  }
  json_t *pQuorum = quorum_check_json(&q.session);
  json_object_set_new(pQuorum, "agreement", quorum_check_json(&q.agreement));
  json_object_set_new(pQuorum, "base", json_integer(q.nBase));
  return json_pack("{s:o, s:o}", "attendance", pArr, "quorum", pQuorum);
}

json_t *meeting_agreement_json(const MeetingAgreement *g, const char *zToday) {
  json_t *p = json_object();
  json_object_set_new(p, "id", json_integer(g->id));
  json_object_set_new(p, "text", json_string(g->zText));
  json_object_set_new(
      p, "session",
      json_pack("{s:I, s:s, s:s}", "id", (json_int_t)g->iActivity, "title",
                g->zSession, "date", g->zSessionDate));
  json_object_set_new(p, "state", json_string(agreement_state_slug(g->eState)));
  json_object_set_new(p, "responsible",
                      json_pack("{s:s, s:s}", "kind", g->zResponsibleKind,
                                "name", g->zResponsible));
  json_object_set_new(p, "due_date",
                      g->zDue[0] ? json_string(g->zDue) : json_null());
  json_object_set_new(
      p, "overdue",
      json_boolean(agreement_is_overdue(g->eState, g->zDue, zToday)));
  json_object_set_new(
      p, "votes",
      g->bVoted ? json_pack("{s:i, s:i, s:i}", "for", g->nFor, "against",
                            g->nAgainst, "abstain", g->nAbstain)
                : json_null());
  json_object_set_new(p, "version", json_integer(g->iVersion));
  return p;
}

#define AGREEMENT_TEXT_MAX 4000
#define AGREEMENT_NAME_MAX 200

const char *meeting_agreement_quorum_problem(Request *r,
                                             const MeetingAgreement *g,
                                             const char **pzField) {
  Db *pDb = request_db(r);
  Arena *pArena = request_arena(r);
  QuorumResult q;
  MeetingAttendance *aRow = NULL;
  int nRow = 0;
  memset(&q, 0, sizeof(q));
  if (meeting_quorum(pDb, pArena, page_council_id(r), g->iActivity, &q) !=
          DB_OK ||
      meeting_attendance_list(pDb, pArena, g->iActivity, &aRow, &nRow) !=
          DB_OK) {
    snprintf(q.agreement.zExplain, sizeof(q.agreement.zExplain),
             "No se pudo leer la asistencia de la sesión.");
  }
  int nPresent = 0; /* Councillors present, titulares and suplentes */
  for (int i = 0; i < nRow; i++) {
    nPresent += aRow[i].iMember > 0 && aRow[i].eStatus == ATTENDANCE_PRESENTE;
  }
  ActaVote vote = {g->bVoted, g->nFor, g->nAgainst, g->nAbstain};
  char zWhy[QUORUM_EXPLAIN_MAX + 120];
  if (acta_agreement_check(&vote, nPresent, q.agreement.bReached,
                           q.agreement.zExplain, pzField, zWhy,
                           (int)sizeof(zWhy)) == ACTA_OK) {
    return NULL;
  }
  return arena_strdup(pArena, zWhy);
}

const char *meeting_attendance_decisions_problem(Request *r,
                                                 int64_t iActivity) {
  MeetingAgreement *aAgr = NULL;
  int nAgr = 0;
  if (meeting_agreement_list(request_db(r), request_arena(r),
                             page_council_id(r), iActivity, &aAgr,
                             &nAgr) != DB_OK) {
    return "No se pudieron leer los acuerdos de la sesión.";
  }
  int nActas = meeting_actas_approved_in(request_db(r), iActivity);
  if (nActas != 0) {
    QuorumResult q;
    memset(&q, 0, sizeof(q));
    if (nActas < 0 ||
        meeting_quorum(request_db(r), request_arena(r), page_council_id(r),
                       iActivity, &q) != DB_OK) {
      return "No se pudieron leer las actas aprobadas en la sesión.";
    }
    if (!q.session.bReached) {
      return arena_printf(request_arena(r),
                          "En esta sesión se aprobó el acta de otra, y con "
                          "esta asistencia no habría tenido quórum: %s La "
                          "asistencia no se guardó.",
                          q.session.zExplain);
    }
  }
  for (int i = 0; i < nAgr; i++) {
    const char *zField = NULL;
    const char *zWhy = meeting_agreement_quorum_problem(r, &aAgr[i], &zField);
    if (zWhy) {
      return arena_printf(request_arena(r),
                          "Con esta asistencia, el acuerdo «%.80s» ya no "
                          "cabe: %s Corrija primero sus votos o quítelo; la "
                          "asistencia no se guardó.",
                          aAgr[i].zText, zWhy);
    }
  }
  return NULL;
}

const char *meeting_agreement_check(const MeetingAgreement *g,
                                    const char **pzField) {
  static const char *const azKind[] = {"ninguno", "consejero", "autoridad",
                                       "encargado"};
  *pzField = "text";
  if (!g->zText || !g->zText[0]) return "Escriba el texto del acuerdo.";
  if (strlen(g->zText) > AGREEMENT_TEXT_MAX) {
    return "El texto del acuerdo es demasiado largo (máximo 4000 caracteres).";
  }
  *pzField = "votes";
  if (g->bVoted &&
      (g->nFor < 0 || g->nAgainst < 0 || g->nAbstain < 0 || g->nFor > 1000 ||
       g->nAgainst > 1000 || g->nAbstain > 1000)) {
    return "Los votos deben ser números enteros entre 0 y 1000.";
  }
  *pzField = "responsible";
  int bKind = 0;
  for (size_t i = 0; i < sizeof(azKind) / sizeof(azKind[0]); i++) {
    if (g->zResponsibleKind && strcmp(g->zResponsibleKind, azKind[i]) == 0) {
      bKind = 1;
    }
  }
  if (!bKind) {
    return "El responsable debe ser un consejero, una autoridad, el "
           "encargado o ninguno.";
  }
  if (strlen(g->zResponsible) > AGREEMENT_NAME_MAX) {
    return "El nombre del responsable es demasiado largo.";
  }
  if (strcmp(g->zResponsibleKind, "ninguno") != 0 && !g->zResponsible[0]) {
    return "Indique el nombre de quien responde por el acuerdo.";
  }
  *pzField = "due_date";
  if (g->zDue[0] && !agreement_date_valid(g->zDue)) {
    return "La fecha de plazo debe escribirse AAAA-MM-DD y existir.";
  }
  *pzField = NULL;
  return NULL;
}
