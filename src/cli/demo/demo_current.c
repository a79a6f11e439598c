/*
** The demo's current plan (cosoc demo): the council in the middle of a plan
** whose period holds the day the demo is made, started from the real
** 2024–2025 plan through the next-plan feature, as an officer would:
** «Plan siguiente» makes the draft, she moves its dates and approves it.
** The real plan stays as the previous one, with its final result.
**
** Everything is relative to today: the current plan's period, the windows
** of the lines that have one of their own, and the recent and upcoming
** activities with what cosoc recorded of them (the citation it sent, the
** attendance taken, actas approved in the next session, photos and
** reports uploaded), so that the dashboard shows a believable mix: some
** lines cumplida, some en curso, one en riesgo, some sin iniciar. No mail
** is queued: the demo sends nothing by itself.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/demo/demo_records.h"
#include "domain/chile_time.h"
#include "domain/compliance.h"
#include "domain/plan_next.h"
#include "store/activities/activity_store.h"
#include "store/activities/convene.h"
#include "store/council/council.h"
#include "store/evidence/evidence_store.h"
#include "store/meetings/meetings.h"
#include "store/plan/plan_store.h"

#define DAY 86400
#define DEMO_AUTHOR "Encargada de Participación Ciudadana (demo)"
/* The real plan's period ends on this year's last day; the next plan may
** not begin before the year after it. */
#define DEMO_DAYS_AT_RISK 20 /* Line 2's window ends this soon: en riesgo */

/* ---- Days relative to today ---- */

/* The Santiago date iDays from today, into z (PLAN_DATE_SIZE). */
static void day_from_today(int iDays, char *z) {
  compliance_local_date(db_now() + (int64_t)iDays * DAY, z);
}

/* The UTC instant of hour iHour on the day iDays from today. */
static int64_t at_day(int iDays, int iHour) {
  LocalTime lt;
  chile_time_from_utc(db_now() + (int64_t)iDays * DAY, &lt, NULL);
  lt.iHour = iHour;
  lt.iMinute = lt.iSecond = 0;
  int64_t t = 0;
  chile_time_to_utc(&lt, &t);
  return t;
}

/* z clamped into [zLo, zHi]. */
static void clamp_date(char *z, const char *zLo, const char *zHi) {
  if (strcmp(z, zLo) < 0) memcpy(z, zLo, PLAN_DATE_SIZE);
  if (strcmp(z, zHi) > 0) memcpy(z, zHi, PLAN_DATE_SIZE);
}

/* ---- The plan ---- */

/* Whole years to move a next plan that begins on zStart and lasts nYears
** so that today is nearest the middle of its period, never earlier. */
static int years_to_today(const char *zStart, int nYears) {
  char zToday[PLAN_DATE_SIZE];
  compliance_today(zToday);
  int y0 = atoi(zStart), yToday = atoi(zToday);
  int iBest = 0;
  double rBest = 1e9;
  for (int k = 0; y0 + k <= yToday; k++) {
    /* Years of today into the period, as a fraction of it. */
    double rInto = (yToday - (y0 + k)) + (atoi(zToday + 5) - 1) / 12.0;
    double rOff = rInto / nYears - 0.5;
    if (rOff < 0) rOff = -rOff;
    if (rInto < nYears && rOff < rBest) {
      rBest = rOff;
      iBest = k;
    }
  }
  return iBest;
}

/* A line's own window, days from today (clamped to the period), with a
** phrase that says its dates. */
typedef struct DemoWindow {
  int iLine;
  int iFrom, iTo; /* Days from today */
} DemoWindow;

/* Line 2 (a training) ends soon and is not verified yet: en riesgo; lines
** 3 and 7 begin later: sin iniciar; lines 6 and 10 run around today. */
static const DemoWindow aDemoWindow[] = {
    {2, -150, DEMO_DAYS_AT_RISK},
    {3, 60, 240},
    {6, -120, 200},
    {7, 30, 300},
    {10, -200, 60},
};

static void set_window(Arena *pArena, PlanDoc *pDoc, const DemoWindow *w) {
  PlanLine *pL = plan_doc_line(pDoc, w->iLine);
  if (!pL) return;
  day_from_today(w->iFrom, pL->window.zStart);
  day_from_today(w->iTo, pL->window.zEnd);
  clamp_date(pL->window.zStart, pDoc->zPeriodStart, pDoc->zPeriodEnd);
  clamp_date(pL->window.zEnd, pDoc->zPeriodStart, pDoc->zPeriodEnd);
  char zA[PLAN_DATE_SIZE], zB[PLAN_DATE_SIZE];
  snprintf(zA, sizeof(zA), "%s", pL->window.zStart);
  snprintf(zB, sizeof(zB), "%s", pL->window.zEnd);
  pL->zWindowPhrase = arena_printf(pArena,
                                   "Entre el %.2s/%.2s/%.4s y el "
                                   "%.2s/%.2s/%.4s",
                                   zA + 8, zA + 5, zA, zB + 8, zB + 5, zB);
  pL->window.bAsNeeded = 0;
  pL->window.bFlagged = 0;
}

/* The next plan from the approved real one (plan_store_next: its unmet
** lines marked as carried over), moved so that today is inside its
** period, some windows set around today, saved as the officer's edit and
** approved. */
static int demo_next_plan(Db *pDb, Arena *pArena, int64_t iCouncil,
                          int64_t iAdmin, const char **pzErr) {
  int iDraft = 0;
  if (plan_store_next(pDb, pArena, iCouncil, NULL, 0, iAdmin, DEMO_AUTHOR,
                      &iDraft, pzErr) != DB_OK) {
    return DB_ERROR;
  }
  PlanDoc doc;
  if (plan_store_load(pDb, pArena, iCouncil, iDraft, 0, &doc, NULL) != DB_OK) {
    *pzErr = "no se pudo leer el plan siguiente";
    return DB_ERROR;
  }
  int nYears = atoi(doc.zPeriodEnd) - atoi(doc.zPeriodStart) + 1;
  plan_doc_shift_years(pArena, &doc, years_to_today(doc.zPeriodStart, nYears));
  for (size_t i = 0; i < sizeof(aDemoWindow) / sizeof(aDemoWindow[0]); i++) {
    set_window(pArena, &doc, &aDemoWindow[i]);
  }
  int iNumber = 0;
  if (plan_store_save(pDb, pArena, iCouncil, &doc, "edicion",
                      "Plan siguiente con sus fechas: el periodo y los plazos "
                      "de las líneas 2, 3, 6, 7 y 10 (demostración)",
                      iAdmin, DEMO_AUTHOR, &iNumber, NULL) == DB_ERROR ||
      plan_store_approve(pDb, iCouncil, iNumber, iAdmin) != DB_OK) {
    *pzErr = "no se pudo aprobar el plan siguiente";
    return DB_ERROR;
  }
  /* Approved when the officer would have: before its period began (or,
  ** made today for a period already under way, a month ago). */
  int64_t tStart = 0;
  LocalTime lt;
  memset(&lt, 0, sizeof(lt));
  sscanf(doc.zPeriodStart, "%d-%d-%d", &lt.iYear, &lt.iMonth, &lt.iDay);
  lt.iHour = 12;
  chile_time_to_utc(&lt, &tStart);
  int64_t tApproved = tStart - 20 * DAY;
  if (tApproved > db_now()) tApproved = db_now() - 30 * DAY;
  return plan_store_backdate_approval(pDb, iCouncil, iNumber, tApproved);
}

/* ---- Activities of the current plan ---- */

/* What cosoc recorded of one activity, as flags. */
#define P_NOTICE 1   /* The citation it sent */
#define P_ATTEND 2   /* Attendance taken (everyone but two) */
#define P_PHOTO 4    /* Photos uploaded */
#define P_ACTA_PDF 8 /* An acta uploaded (a meeting that is no session) */
#define P_REPORT 16  /* A report or training program uploaded (PDF) */

typedef struct DemoCurrent {
  const char *zKind, *zTitle, *zDescription;
  int iDay, iHour; /* Days from today; start hour */
  const char *zModality, *zLink, *zCommune, *zAddress, *zStatus;
  int aLine[3];              /* 0-terminated */
  unsigned mProof;           /* P_ flags */
  const char *zEvidenceKind; /* The kind of P_REPORT */
  const char *azAgenda[4];
} DemoCurrent;

static const DemoCurrent aDemoCurrent[] = {
    {"sesion_ordinaria",
     "Sesión ordinaria: informe de entregas",
     "Sesión del consejo en La Serena.",
     -120,
     10,
     "presencial",
     "",
     "04101",
     "Oficina SERVIU, Calle Cirujano Videla 490",
     "realizada",
     {4, 0, 0},
     P_NOTICE | P_ATTEND | P_PHOTO,
     NULL,
     {"Lectura del acta anterior", "Entregas de viviendas del semestre",
      "Varios", NULL}},
    {"reunion_autoridades",
     "Reunión con la Seremi de Vivienda",
     "El consejo presenta sus prioridades a la nueva autoridad.",
     -100,
     11,
     "presencial",
     "",
     "04101",
     "SEREMI MINVU, Av. Francisco de Aguirre 0240",
     "realizada",
     {5, 0, 0},
     P_NOTICE | P_ATTEND | P_PHOTO | P_ACTA_PDF,
     NULL,
     {NULL, NULL, NULL, NULL}},
    /* Line 10's school is the course of demo_courses.c, its modules in a
    ** course: a lone module here made the line «cumplida» beside a course
    ** at 2 of 4 modules, and the demo had two «módulo 1». */
    {"sesion_ordinaria",
     "Sesión ordinaria descentralizada en Ovalle",
     "Sesión del consejo en la provincia de Limarí.",
     -75,
     10,
     "presencial",
     "",
     "04301",
     "Gobernación Provincial de Limarí, Vicuña Mackenna 412",
     "realizada",
     {4, 9, 0},
     P_NOTICE | P_ATTEND | P_PHOTO,
     NULL,
     {"Lectura del acta anterior", "Vivienda en Limarí", "Varios", NULL}},
    {"entrega_viviendas",
     "Entrega de viviendas Villa El Sauce, Coquimbo",
     "Ceremonia de entrega de 84 viviendas del DS49 con el consejo.",
     -50,
     11,
     "presencial",
     "",
     "04102",
     "Villa El Sauce, Coquimbo",
     "realizada",
     {1, 0, 0},
     P_NOTICE | P_PHOTO,
     NULL,
     {NULL, NULL, NULL, NULL}},
    {"reunion_autoridades",
     "Reunión con el Director Regional SERVIU",
     "Seguimiento de los compromisos de la reunión anterior.",
     -45,
     11,
     "presencial",
     "",
     "04101",
     "Dirección SERVIU Región de Coquimbo",
     "realizada",
     {5, 0, 0},
     P_NOTICE | P_ATTEND | P_PHOTO | P_ACTA_PDF,
     NULL,
     {NULL, NULL, NULL, NULL}},
    {"sesion_ordinaria",
     "Sesión ordinaria: plan de trabajo del año",
     "Sesión del consejo en La Serena.",
     -35,
     10,
     "presencial",
     "",
     "04101",
     "Oficina SERVIU, Calle Cirujano Videla 490",
     "realizada",
     {4, 0, 0},
     P_NOTICE | P_ATTEND | P_PHOTO,
     NULL,
     {"Lectura del acta anterior", "Plan de trabajo: avance",
      "Acuerdos atrasados", NULL}},
    {"capacitacion",
     "Jornada de capacitación: subsidios DS49 y DS1",
     "Formación para consejeras y consejeros sobre los programas "
     "habitacionales vigentes.",
     -25,
     10,
     "presencial",
     "",
     "04102",
     "Salón SEREMI MINVU, Coquimbo",
     "realizada",
     {2, 0, 0},
     P_NOTICE | P_ATTEND,
     NULL,
     {NULL, NULL, NULL, NULL}},
    {"charla",
     "Charla: participación e incidencia (Ley 20.500)",
     "Charla abierta a organizaciones de la región.",
     -15,
     18,
     "presencial",
     "",
     "04101",
     "Biblioteca Regional, La Serena",
     "realizada",
     {6, 0, 0},
     P_NOTICE | P_PHOTO,
     NULL,
     {NULL, NULL, NULL, NULL}},
    {"capacitacion",
     "Jornada de capacitación: fotografías y registro",
     "Segunda jornada: el consejo completa su formación del semestre.",
     10,
     10,
     "presencial",
     "",
     "04102",
     "Salón SEREMI MINVU, Coquimbo",
     "programada",
     {2, 0, 0},
     0,
     NULL,
     {NULL, NULL, NULL, NULL}},
};

/* The councillors as attendance entries: everyone present but the last
** titular (excused) and the last suplente (absent). */
static int demo_attend(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iAct,
                       int64_t tTaken) {
  MeetingExpected *aExp = NULL;
  int nExp = 0;
  if (meeting_expected_list(pDb, pArena, iCouncil, &aExp, &nExp) != DB_OK)
    return DB_ERROR;
  int iLastTitular = -1, iLastSuplente = -1;
  for (int i = 0; i < nExp; i++) {
    if (aExp[i].bTitular) {
      iLastTitular = i;
    } else {
      iLastSuplente = i;
    }
  }
  AttendanceEntry *a =
      arena_alloc(pArena, sizeof(AttendanceEntry) * (size_t)(nExp + 1));
  int64_t *aiSub = arena_alloc(pArena, sizeof(int64_t) * (size_t)(nExp + 1));
  for (int i = 0; i < nExp; i++) {
    memset(&a[i], 0, sizeof(a[i]));
    aiSub[i] = 0;
    a[i].iMemberId = aExp[i].iMember;
    a[i].eStatus = ATTENDANCE_PRESENTE;
    if (i == iLastTitular) {
      a[i].eStatus = ATTENDANCE_JUSTIFICADO;
      a[i].zReason = "Licencia médica";
    } else if (i == iLastSuplente) {
      a[i].eStatus = ATTENDANCE_AUSENTE;
    }
  }
  if (meeting_attendance_replace(pDb, iAct, 0, a, nExp, NULL, aiSub) != DB_OK)
    return DB_ERROR;
  return meeting_attendance_backdate(pDb, iAct, tTaken);
}

/* The citation cosoc sent to every councillor a week before, as recorded
** (no mail is queued: the demo sends nothing). */
static int demo_notice(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iAct,
                       int64_t tSent) {
  ConveneRecipient *aRec = NULL;
  int nRec = 0;
  if (convene_councillors(pDb, pArena, iCouncil, &aRec, &nRec) != DB_OK)
    return DB_ERROR;
  for (int i = 0; i < nRec; i++) {
    if (activity_notice_add(pDb, iAct, "citacion", 0, 0, aRec[i].zEmail,
                            aRec[i].zName, 0) != DB_OK) {
      return DB_ERROR;
    }
  }
  return activity_notice_backdate(pDb, iAct, tSent);
}

/* The acta of session iAct, in review, or approved in iApproving at
** tApproved (0: left in review). */
static int demo_acta(Db *pDb, Arena *pArena, int64_t iAct, int64_t iApproving,
                     int64_t tApproved) {
  static const char *const azTitle[] = {
      "Lectura del acta anterior", "Cuenta y temas de la sesión", "Acuerdos"};
  static const char *const azSummary[] = {
      "Se aprueba el acta de la sesión anterior sin observaciones.",
      ("La secretaría técnica informa el avance del **plan de trabajo** y "
       "de las entregas de viviendas del periodo."),
      "Se adoptan los acuerdos que constan en la sección de acuerdos."};
  if (demo_acta_write(pDb, pArena, iAct, azTitle, azSummary,
                      iApproving ? ACTA_APROBADA : ACTA_ENVIADA,
                      iApproving) != DB_OK) {
    return DB_ERROR;
  }
  if (!iApproving) return DB_OK;
  return meeting_acta_backdate(pDb, iAct, tApproved);
}

/* An agreement of session iAct with its votes, due iDue days from today. */
static int demo_agreement(Db *pDb, int64_t iCouncil, int64_t iAct,
                          const char *zText, const char *zKind,
                          const char *zWho, int iDue, int nFor) {
  char zDue[PLAN_DATE_SIZE];
  day_from_today(iDue, zDue);
  return demo_agreement_add(pDb, iCouncil, iAct, zText, zKind, zWho, zDue, nFor,
                            0, NULL);
}

static int demo_current_activities(Db *pDb, Arena *pArena, int64_t iCouncil) {
  int64_t aiSession[8];
  int64_t atSession[8];
  int nSession = 0;
  for (size_t i = 0; i < sizeof(aDemoCurrent) / sizeof(aDemoCurrent[0]); i++) {
    const DemoCurrent *d = &aDemoCurrent[i];
    Activity a;
    memset(&a, 0, sizeof(a));
    a.zKind = d->zKind;
    a.zTitle = d->zTitle;
    a.zDescription = d->zDescription;
    a.iStart = at_day(d->iDay, d->iHour);
    a.iEnd = a.iStart + 2 * 3600;
    a.zModality = d->zModality;
    a.zLink = d->zLink;
    a.zCommune = d->zCommune;
    a.zAddress = d->zAddress;
    a.zOrganizer = "Secretaría técnica";
    a.zStatus = d->zStatus;
    a.bPublic = 1;
    if (demo_activity_add(pDb, iCouncil, &a, d->aLine, d->azAgenda) != DB_OK)
      return DB_ERROR;
    if ((d->mProof & P_NOTICE) &&
        demo_notice(pDb, pArena, iCouncil, a.id, a.iStart - 7 * DAY) != DB_OK)
      return DB_ERROR;
    if ((d->mProof & P_ATTEND) &&
        demo_attend(pDb, pArena, iCouncil, a.id, a.iEnd) != DB_OK)
      return DB_ERROR;
    if ((d->mProof & P_PHOTO) &&
        demo_evidence_file(pDb, pArena, a.id, "fotografias", 0,
                           "registro-fotografico.png",
                           "Registro de la "
                           "actividad",
                           1) != DB_OK)
      return DB_ERROR;
    if ((d->mProof & P_ACTA_PDF) &&
        demo_evidence_file(pDb, pArena, a.id, "acta", 1, "acta-reunion.pdf",
                           "Acta firmada", 0) != DB_OK)
      return DB_ERROR;
    if ((d->mProof & P_REPORT) &&
        demo_evidence_file(pDb, pArena, a.id, d->zEvidenceKind, 1,
                           "programa.pdf", "", 0) != DB_OK)
      return DB_ERROR;
    if (d->mProof & (P_PHOTO | P_ACTA_PDF | P_REPORT)) {
      if (evidence_backdate(pDb, a.id, a.iEnd + DAY) != DB_OK) return DB_ERROR;
    }
    if (activity_kind_is_session(a.zKind) && nSession < 8 &&
        strcmp(a.zStatus, ACTIVITY_REALIZADA) == 0) {
      aiSession[nSession] = a.id;
      atSession[nSession++] = a.iEnd;
    }
  }
  /* Agreements (before the actas that fix them): one still open, one
  ** overdue, for the tracker and the next session's agenda. */
  if (nSession >= 2 &&
      (demo_agreement(pDb, iCouncil, aiSession[nSession - 2],
                      "Pedir al SERVIU el calendario de entregas de "
                      "viviendas del próximo semestre.",
                      "autoridad", "SERVIU Región de Coquimbo", 30,
                      4) != DB_OK ||
       demo_agreement(pDb, iCouncil, aiSession[nSession - 1],
                      "Invitar al Director Regional SERVIU a la próxima "
                      "sesión.",
                      "encargado", "Encargada de participación ciudadana", -5,
                      4) != DB_OK)) {
    return DB_ERROR;
  }
  /* Each session's acta is approved in the next one (which had quorum);
  ** the last one's is still in review. */
  for (int i = 0; i < nSession; i++) {
    int bLast = i == nSession - 1;
    if (demo_acta(pDb, pArena, aiSession[i], bLast ? 0 : aiSession[i + 1],
                  bLast ? 0 : atSession[i + 1]) != DB_OK) {
      return DB_ERROR;
    }
  }
  return DB_OK;
}

int demo_current(Db *pDb, Arena *pArena, int64_t iAdmin, const char **pzErr) {
  int64_t iCouncil = council_default_id(pDb);
  if (!iCouncil) return DB_ERROR;
  if (demo_next_plan(pDb, pArena, iCouncil, iAdmin, pzErr) != DB_OK)
    return DB_ERROR;
  if (demo_current_activities(pDb, pArena, iCouncil) != DB_OK) {
    *pzErr = "no se pudieron crear las actividades del plan vigente";
    return DB_ERROR;
  }
  return DB_OK;
}
