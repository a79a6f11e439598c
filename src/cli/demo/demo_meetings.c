/*
** The demo's held session (the March ordinary session): attendance with
** quorum, and two agreements, one done and one overdue, so the tracker and
** the next session's agenda have something to show; its acta, approved in
** May and published; requests to authorities (plan line 5).
*/
#include <string.h>

#include "store/activities/activity_store.h"
#include "cli/cli.h"
#include "cli/demo/demo_records.h"
#include "store/people/people.h"
#include "store/meetings/meetings.h"

#define DEMO_HELD_SESSION "Sesión ordinaria de marzo"

static int64_t held_session(Db *pDb, Arena *pArena, int64_t iCouncil) {
  ActivityFilter f;
  memset(&f, 0, sizeof(f));
  f.zKind = "sesion_ordinaria";
  Activity *aAct = NULL;
  int nAct = 0;
  if (activity_list(pDb, pArena, iCouncil, &f, &aAct, &nAct) != DB_OK) return 0;
  for (int i = 0; i < nAct; i++) {
    if (strcmp(aAct[i].zTitle, DEMO_HELD_SESSION) == 0) return aAct[i].id;
  }
  return 0;
}

/* Every titular present but the last two (one excused, one absent); the
** first suplente present. */
static int demo_attendance(Db *pDb, Arena *pArena, int64_t iCouncil,
                           int64_t iAct) {
  MeetingExpected *aExp = NULL;
  int nExp = 0;
  if (meeting_expected_list(pDb, pArena, iCouncil, &aExp, &nExp) != DB_OK) {
    return DB_ERROR;
  }
  int nTitular = 0;
  for (int i = 0; i < nExp; i++) nTitular += aExp[i].bTitular;
  AttendanceEntry *a =
      arena_alloc(pArena, sizeof(AttendanceEntry) * (size_t)(nExp + 2));
  int n = 0, iTitular = 0, bSuplente = 0;
  for (int i = 0; i < nExp; i++) {
    AttendanceEntry *e = &a[n];
    memset(e, 0, sizeof(*e));
    e->iMemberId = aExp[i].iMember;
    e->eStatus = ATTENDANCE_PRESENTE;
    if (aExp[i].bTitular) {
      iTitular++;
      if (iTitular == nTitular - 1) {
        e->eStatus = ATTENDANCE_JUSTIFICADO;
        e->zReason = "Licencia médica";
      } else if (iTitular == nTitular) {
        e->eStatus = ATTENDANCE_AUSENTE;
      }
    } else if (bSuplente) {
      e->eStatus = ATTENDANCE_AUSENTE;
    }
    if (!aExp[i].bTitular) bSuplente = 1;
    n++;
  }
  AttendanceEntry *g = &a[n++];
  memset(g, 0, sizeof(*g));
  g->zName = "Marcela Núñez Araya";
  g->zOrganization = "SEREMI MINVU Coquimbo";
  g->eStatus = ATTENDANCE_PRESENTE;
  if (meeting_attendance_replace(pDb, iAct, 0, a, n, NULL, NULL) != DB_OK)
    return DB_ERROR;
  /* Taken at the session, as it was. */
  Activity act;
  if (activity_get(pDb, pArena, iCouncil, iAct, &act) != DB_OK) {
    return DB_ERROR;
  }
  return meeting_attendance_backdate(pDb, iAct, act.iEnd);
}

static int demo_agreements(Db *pDb, int64_t iCouncil, int64_t iAct) {
  MeetingAgreement g;
  if (demo_agreement_add(pDb, iCouncil, iAct,
                         "Solicitar a la SEREMI MINVU un informe de avance "
                         "del Plan de Emergencia Habitacional en la región.",
                         "autoridad", "SEREMI MINVU Coquimbo", "2025-04-30", 8,
                         1, NULL) != DB_OK ||
      demo_agreement_add(pDb, iCouncil, iAct,
                         "Difundir el calendario de sesiones del año entre "
                         "las organizaciones de la región.",
                         "encargado", "Encargada de participación ciudadana",
                         "2025-04-15", 0, 0, &g) != DB_OK) {
    return DB_ERROR;
  }
  return meeting_agreement_follow(pDb, 0, &g, AGREEMENT_CUMPLIDO, "2025-04-10",
                                  "Calendario enviado por correo y publicado.");
}

/* The May session's attendance, with quorum: the acta of March is
** approved in it. */
static int demo_may_attendance(Db *pDb, Arena *pArena, int64_t iCouncil,
                               int64_t iMay, int64_t tTaken) {
  MeetingExpected *aExp = NULL;
  int nExp = 0;
  if (meeting_expected_list(pDb, pArena, iCouncil, &aExp, &nExp) != DB_OK)
    return DB_ERROR;
  AttendanceEntry *a =
      arena_alloc(pArena, sizeof(AttendanceEntry) * (size_t)(nExp + 1));
  for (int i = 0; i < nExp; i++) {
    memset(&a[i], 0, sizeof(a[i]));
    a[i].iMemberId = aExp[i].iMember;
    a[i].eStatus = i == 0 ? ATTENDANCE_AUSENTE : ATTENDANCE_PRESENTE;
  }
  if (meeting_attendance_replace(pDb, iMay, 0, a, nExp, NULL, NULL) != DB_OK)
    return DB_ERROR;
  return meeting_attendance_backdate(pDb, iMay, tTaken);
}

/* The March acta, approved in the May session and published. */
static int demo_acta(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iAct) {
  static const char *const azTitle[] = {"Lectura del acta anterior",
                                        "Cuenta de la presidenta",
                                        "Plan de Emergencia Habitacional"};
  static const char *const azSummary[] = {
      "Se da lectura al acta de la sesión de diciembre, que se aprueba sin "
      "observaciones.",
      "La presidenta informa de las reuniones con la **SEREMI MINVU** y de "
      "la jornada de capacitación sobre la Ley 20.500.",
      "Los consejeros piden conocer el avance del *Plan de Emergencia "
      "Habitacional* en cada provincia:\n\n- Elqui\n- Limarí\n- Choapa"};
  ActivityFilter f;
  memset(&f, 0, sizeof(f));
  Activity *aAct = NULL;
  int nAct = 0;
  if (activity_list(pDb, pArena, iCouncil, &f, &aAct, &nAct) != DB_OK) {
    return DB_ERROR;
  }
  int64_t iMay = 0, tMay = 0;
  for (int i = 0; i < nAct; i++) {
    if (strncmp(aAct[i].zTitle, "Sesión ordinaria de mayo", 24) == 0) {
      iMay = aAct[i].id;
      tMay = aAct[i].iEnd;
    }
  }
  if (!iMay || demo_may_attendance(pDb, pArena, iCouncil, iMay, tMay) != DB_OK)
    return DB_ERROR;
  if (demo_acta_write(pDb, pArena, iAct, azTitle, azSummary, ACTA_PUBLICADA,
                      iMay) != DB_OK) {
    return DB_ERROR;
  }
  /* Approved in that session, as it was: a look back before May does not
  ** count it. */
  return meeting_acta_backdate(pDb, iAct, tMay);
}

/* Plan line 5: a request to the SEREMI by the overdue agreement, still
** unanswered, and an earlier one to SERVIU with its answer. */
static int demo_requests(Db *pDb, Arena *pArena, int64_t iCouncil,
                         int64_t iAct) {
  MeetingAgreement *aAgr = NULL;
  int nAgr = 0;
  if (meeting_agreement_list(pDb, pArena, iCouncil, iAct, &aAgr, &nAgr) !=
      DB_OK) {
    return DB_ERROR;
  }
  MeetingRequest q;
  memset(&q, 0, sizeof(q));
  q.zAuthority = "SERVIU Región de Coquimbo";
  q.zAskedOn = "2025-01-15";
  q.zQuestion =
      "Número de subsidios del Plan de Emergencia Habitacional "
      "asignados en 2024, por comuna.";
  if (meeting_request_insert(pDb, iCouncil, &q) != DB_OK ||
      meeting_request_answer(pDb, iCouncil, q.id, "2025-02-20",
                             "Se asignaron 1.240 subsidios; el detalle por "
                             "comuna va en el oficio N° 312.") != DB_OK) {
    return DB_ERROR;
  }
  memset(&q, 0, sizeof(q));
  q.zAuthority = "SEREMI MINVU Coquimbo";
  q.zAskedOn = "2025-03-25";
  q.zQuestion =
      "Informe de avance del Plan de Emergencia Habitacional en la "
      "región, por provincia.";
  for (int i = 0; i < nAgr; i++) {
    if (aAgr[i].eState == AGREEMENT_PENDIENTE) q.iAgreement = aAgr[i].id;
  }
  return meeting_request_insert(pDb, iCouncil, &q);
}

int demo_sessions(Db *pDb, Arena *pArena) {
  int64_t iCouncil = council_default_id(pDb);
  int64_t iAct = held_session(pDb, pArena, iCouncil);
  if (!iAct) return DB_ERROR;
  if (demo_attendance(pDb, pArena, iCouncil, iAct) != DB_OK) return DB_ERROR;
  if (demo_agreements(pDb, iCouncil, iAct) != DB_OK) return DB_ERROR;
  if (demo_acta(pDb, pArena, iCouncil, iAct) != DB_OK) return DB_ERROR;
  return demo_requests(pDb, pArena, iCouncil, iAct);
}
