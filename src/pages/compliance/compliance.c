/*
** Compliance: what each plan line has achieved, as data, on the home page
** and as the Informe de cumplimiento.
**
**   GET /api/compliance[?as_of=YYYY-MM-DD][&version=N]  (public) {"as_of",
**       "plan_version", "plan": {"version", "title", "period": {"start",
**       "end"}, "state"}, "historical", "total": {"lines", "target",
**       "verified", "percent", "states"}, "percent_definition", "lines":
**       [{"number", "target", "qualifying", "verified", "counted", "state",
**       "progress", "percent", "missing"}]} (CONTRACT); bad as_of or
**       version -> 400
**   GET /  (the home page's section) the dashboard, ?as_of= to look back
**
** The report downloads are in compliance_report.c.
**
** The rules are the engine's (src/domain/compliance.h); this file only
** loads its inputs (the plan of the day asked, or ?version=N; the
** activities and their evidence as recorded by then, through the
** compliance view) and shows its output, always saying which plan, its
** period and whether it is current, ended or yet to begin.
*/
#include <stdlib.h>
#include <string.h>

#include "store/accounts/accounts.h"
#include "store/evidence/evidence_store.h"
#include "export/compliance_report.h"
#include "pages/compliance/compliance_pages.h"
#include "pages/evidence/evidence_pages.h"
#include "pages/page_cache.h"
#include "pages/plan/plan_pages.h"
#include "domain/date_text.h"
#include "render/chart.h"
#include "store/meetings/meetings.h"
#include "store/people/people.h"
#include "store/plan/plan_store.h"

/* The plan version a request names (?version=N): 0 when it names none,
** -1 when it names one badly. */
static int requested_version(Request *r) {
  const char *z = request_query(r, "version");
  if (!z || !*z) return 0;
  int64_t n = request_query_id(r, "version");
  return n > 0 && n < 1000000 ? (int)n : -1;
}

int compliance_page_view_version(Request *r, const char *zAsOf, int iVersion,
                                 ComplianceView *pView, const char **pzErr) {
  if (iVersion < 0) {
    *pzErr = "version debe ser el número de una versión aprobada del plan.";
    return 400;
  }
  switch (compliance_view_load(request_db(r), request_arena(r),
                               page_council_id(r), zAsOf, iVersion, pView,
                               pzErr)) {
    case COMPLIANCE_VIEW_OK:
      return 0;
    case COMPLIANCE_VIEW_BAD_DATE:
      return 400;
    case COMPLIANCE_VIEW_NO_PLAN:
      return 404;
    default:
      return 500;
  }
}

int compliance_page_view(Request *r, const char *zAsOf, ComplianceView *pView,
                         const char **pzErr) {
  return compliance_page_view_version(r, zAsOf, requested_version(r), pView,
                                      pzErr);
}

static json_t *rollup_json(const ComplianceRollup *pR) {
  json_t *p = json_object();
  json_object_set_new(p, "lines", json_integer(pR->nLine));
  json_object_set_new(p, "target", json_integer(pR->nTarget));
  json_object_set_new(p, "verified", json_integer(pR->nVerified));
  json_object_set_new(p, "percent", json_integer(pR->iPercent));
  json_t *pStates = json_object();
  for (int s = 0; s < COMPLIANCE_STATE_COUNT; s++) {
    json_object_set_new(pStates, compliance_state_slug((ComplianceState)s),
                        json_integer(pR->anState[s]));
  }
  json_object_set_new(p, "states", pStates);
  return p;
}

void page_api_compliance(Request *r) {
  ComplianceView v;
  const char *zErr = NULL;
  /* Cached by the day it is computed for: today (the default) or as_of,
  ** and the version asked for. */
  const char *zAsOf = request_query(r, "as_of");
  const char *zVersion = request_query(r, "version");
  char zToday[PLAN_DATE_SIZE];
  compliance_today(zToday);
  const char *zKey =
      (zAsOf && !compliance_view_as_of_valid(zAsOf)) || requested_version(r) < 0
          ? NULL
          : page_cache_key(
                r, arena_printf(request_arena(r),
                                "api/compliance\x1f%s\x1f%s\x1f%s", zToday,
                                zAsOf ? zAsOf : "", zVersion ? zVersion : ""));
  int64_t iVersion = -1;
  if (page_cache_answer(r, zKey, &iVersion)) return;
  int rc = compliance_page_view(r, zAsOf, &v, &zErr);
  if (rc != 0) {
    if (rc == 500) {
      respond_error(r, 500, NULL);
    } else {
      respond_json_error(
          r, rc, zErr,
          rc == 400 ? (requested_version(r) < 0 ? "version" : "as_of") : NULL);
    }
    return;
  }
  json_t *pOut = json_object();
  json_object_set_new(pOut, "as_of", json_string(v.result.zAsOf));
  json_object_set_new(pOut, "plan_version", json_integer(v.info.iNumber));
  json_t *pPlan =
      json_pack("{s:i, s:s, s:{s:s, s:s}, s:s}", "version", v.info.iNumber,
                "title", v.doc.zTitle ? v.doc.zTitle : "", "period", "start",
                v.doc.zPeriodStart, "end", v.doc.zPeriodEnd, "state",
                compliance_plan_state_slug(v.result.ePlan));
  json_object_set_new(pOut, "plan", pPlan);
  json_object_set_new(pOut, "historical",
                      json_boolean(v.tCut != EVIDENCE_CUT_NONE));
  json_object_set_new(pOut, "total", rollup_json(&v.result.total));
  json_object_set_new(pOut, "percent_definition",
                      json_string(compliance_percent_definition()));
  json_t *aLine = json_array();
  for (int i = 0; i < v.result.nLine; i++) {
    const ComplianceLine *l = &v.result.aLine[i];
    json_t *p = json_object();
    json_object_set_new(p, "number", json_integer(l->iNumber));
    json_object_set_new(p, "target", json_integer(l->nTarget));
    json_object_set_new(p, "qualifying", json_integer(l->nQualifying));
    json_object_set_new(p, "verified", json_integer(l->nVerified));
    json_object_set_new(p, "counted", json_integer(l->nCounted));
    json_object_set_new(p, "state",
                        json_string(compliance_state_slug(l->eState)));
    json_object_set_new(p, "progress", json_real(l->rProgress));
    json_object_set_new(p, "percent", json_integer(l->iPercent));
    json_t *aMissing = json_array();
    for (int k = 0; k < l->nMissing; k++) {
      json_array_append_new(aMissing, json_string(l->azMissing[k]));
    }
    json_object_set_new(p, "missing", aMissing);
    json_array_append_new(aLine, p);
  }
  json_object_set_new(pOut, "lines", aLine);
  page_cache_respond_json(r, zKey, iVersion, pOut);
}

/* ---- The plan's time, told plainly ---- */

/* The officer's way on from an ended plan: its next plan approved (and
** when it begins), a draft of it to finish, or the button that makes one
** from this plan (the next-plan page). */
static void next_plan_offer(Request *r, Html *h, const ComplianceView *pV) {
  PlanVersionInfo *aInfo = NULL;
  int nInfo = 0;
  if (plan_store_versions(request_db(r), request_arena(r), pV->iCouncil, &aInfo,
                          &nInfo) != DB_OK) {
    return;
  }
  for (int i = 0; i < nInfo; i++) { /* Newest first */
    if (aInfo[i].iNumber <= pV->info.iNumber) break;
    if (aInfo[i].bApproved) {
      /* Said as it is today: a next plan whose period has begun is the
      ** current one, not one that "will take effect". */
      char zToday[PLAN_DATE_SIZE], zFrom[PLAN_DATE_SIZE];
      compliance_today(zToday);
      date_text_dmy(aInfo[i].zPeriodStart, zFrom);
      if (aInfo[i].zPeriodStart[0] &&
          strcmp(aInfo[i].zPeriodStart, zToday) <= 0) {
        html_printf(h,
                    "<p>El plan siguiente (versión %d) está vigente desde el "
                    "%s: <a href=\"/\">vea su avance</a>.</p>\n",
                    aInfo[i].iNumber, zFrom);
      } else {
        html_printf(h,
                    "<p>El plan siguiente ya está aprobado (versión %d): rige "
                    "desde el %s.</p>\n",
                    aInfo[i].iNumber, zFrom);
      }
      return;
    }
    if (page_user_is(r, ROLE_ADMIN)) {
      html_printf(h,
                  "<p>Hay un borrador del plan siguiente (versión %d): <a "
                  "href=\"/admin/plan\">revíselo y apruébelo</a>.</p>\n",
                  aInfo[i].iNumber);
    }
    return;
  }
  if (page_user_is(r, ROLE_ADMIN)) {
    html_printf(h,
                "<p><a class=\"button button-primary\" href=\"/admin/plan/"
                "siguiente\">Preparar el plan siguiente</a> <small>a partir "
                "de este, con las líneas que no se cumplieron marcadas como "
                "pendientes.</small></p>\n");
  }
}

void compliance_plan_banner(Request *r, Html *h, const ComplianceView *pV) {
  Arena *pArena = request_arena(r);
  char zStart[PLAN_DATE_SIZE], zEnd[PLAN_DATE_SIZE], zDay[PLAN_DATE_SIZE];
  date_text_dmy(pV->doc.zPeriodStart, zStart);
  date_text_dmy(pV->doc.zPeriodEnd, zEnd);
  date_text_dmy(pV->result.zAsOf, zDay);
  CompliancePlanState e = pV->result.ePlan;
  html_printf(h,
              "<div class=\"plan-banner plan-%s\"><p><strong>%s</strong> "
              "(versión %d), periodo del %s al %s: <span class=\"badge "
              "plan-state-%s\">%s</span></p>\n",
              compliance_plan_state_slug(e), pV->doc.zTitle, pV->info.iNumber,
              zStart, zEnd, compliance_plan_state_slug(e),
              compliance_plan_state_label(e));
  const ComplianceRollup *t = &pV->result.total;
  if (e == COMPLIANCE_PLAN_TERMINADO) {
    html_printf(h,
                "<p>El plan terminó el %s. Resultado final: %d de %d líneas "
                "cumplidas; avance %d %% (%d de %d actividades "
                "comprometidas).</p>\n",
                zEnd, t->anState[COMPLIANCE_CUMPLIDA], t->nLine, t->iPercent,
                t->nVerified, t->nTarget);
    if (pV->tCut == EVIDENCE_CUT_NONE) next_plan_offer(r, h, pV);
  } else if (e == COMPLIANCE_PLAN_POR_COMENZAR) {
    html_printf(h,
                "<p>El plan comienza el %s: aún no corre ningún plazo.</p>\n",
                zStart);
  }
  if (pV->tCut != EVIDENCE_CUT_NONE) {
    html_printf(h,
                "<p class=\"historical\">Vista histórica: cuenta solo lo que "
                "se había realizado y registrado al %s (verificadores subidos, "
                "asistencia tomada, actas aprobadas y citaciones enviadas "
                "hasta ese día; cada actividad en el estado que tenía).</p>\n",
                zDay);
  }
  (void)pArena;
  html_printf(h, "</div>\n");
}

/* The previous plan: the newest approved version that ended before the
** one shown began, with its final result and a link to it. */
static void previous_plan_note(Request *r, Html *h, const ComplianceView *pV) {
  PlanVersionInfo *aInfo = NULL;
  int nInfo = 0;
  if (plan_store_versions(request_db(r), request_arena(r), pV->iCouncil, &aInfo,
                          &nInfo) != DB_OK) {
    return;
  }
  for (int i = 0; i < nInfo; i++) {
    if (!aInfo[i].bApproved || aInfo[i].iNumber == pV->info.iNumber ||
        strcmp(aInfo[i].zPeriodEnd, pV->doc.zPeriodStart) >= 0) {
      continue;
    }
    ComplianceView old;
    const char *zErr = NULL;
    if (compliance_page_view_version(r, NULL, aInfo[i].iNumber, &old, &zErr) !=
        0) {
      return;
    }
    html_printf(h,
                "<p class=\"previous-plan\">Plan anterior: «%s», terminado: "
                "%d de %d líneas cumplidas, avance final %d %%. <a "
                "href=\"/?version=%d#cumplimiento\">Ver su resultado "
                "final</a>.</p>\n",
                old.doc.zTitle, old.result.total.anState[COMPLIANCE_CUMPLIDA],
                old.result.total.nLine, old.result.total.iPercent,
                old.info.iNumber);
    return;
  }
}

/* ---- The dashboard ---- */

/* The first line of a line's actions, shortened, for a row heading. */
static const char *line_heading(Arena *pArena, const PlanLine *pL) {
  const char *z = pL->zActions ? pL->zActions : "";
  if (z[0] == '-' && z[1] == ' ') z += 2;
  size_t n = strcspn(z, "\n");
  if (n > 110) {
    n = 110;
    while (n > 0 && ((unsigned char)z[n] & 0xC0) == 0x80) n--;
    return arena_printf(pArena, "%.*s…", (int)n, z);
  }
  return arena_strndup(pArena, z, n);
}

#define CHART_PROVINCES_MAX 32
#define CHART_MONTHS_MAX 36

static int held(const ComplianceActivity *a) {
  return strcmp(a->zStatus, "realizada") == 0;
}

/* Held activities per province of the council's region (every one, so
** that the ones never visited show as 0), then those elsewhere and those
** with no commune. */
static void chart_provinces(Request *r, Html *h, const ComplianceView *pV) {
  Arena *pArena = request_arena(r);
  TerritoryIndex idx;
  if (territory_index_load(request_db(r), pArena, &idx) != DB_OK) return;
  ChartBar aBar[CHART_PROVINCES_MAX + 1]; /* + elsewhere, + none */
  const char *azCode[CHART_PROVINCES_MAX];
  const char *zRegion = page_council_region(r);
  int nBar = 0;
  for (int i = 0; i < idx.nCommune && nBar < CHART_PROVINCES_MAX - 1; i++) {
    const TerritoryCommune *c = &idx.aCommune[i];
    if (zRegion && strcmp(c->zRegionCode, zRegion) != 0) continue;
    int k = 0;
    while (k < nBar && strcmp(azCode[k], c->zProvinceCode) != 0) k++;
    if (k == nBar) {
      azCode[nBar] = c->zProvinceCode;
      aBar[nBar].zLabel = c->zProvinceName;
      aBar[nBar].nValue = 0;
      nBar++;
    }
  }
  int nNone = 0, nElsewhere = 0;
  for (int i = 0; i < pV->nAct; i++) {
    const ComplianceActivity *a = &pV->aAct[i];
    if (!held(a)) continue;
    const TerritoryCommune *c =
        *a->zCommune ? territory_index_code(&idx, a->zCommune) : NULL;
    int k = 0;
    while (c && k < nBar && strcmp(azCode[k], c->zProvinceCode) != 0) k++;
    if (!c) {
      nNone++;
    } else if (k < nBar) {
      aBar[k].nValue++;
    } else {
      nElsewhere++;
    }
  }
  if (nElsewhere > 0) {
    aBar[nBar].zLabel = "Otras regiones";
    aBar[nBar].nValue = nElsewhere;
    nBar++;
  }
  if (nNone > 0) {
    aBar[nBar].zLabel = "Sin comuna (en línea)";
    aBar[nBar].nValue = nNone;
    nBar++;
  }
  chart_bars(h, "grafico-provincias", "Actividades realizadas por provincia",
             "Provincia", "Actividades", aBar, nBar);
}

/* Held activities per month over the plan's period. */
static void chart_months(Request *r, Html *h, const ComplianceView *pV) {
  static const char *const azMonth[12] = {"ene", "feb", "mar", "abr",
                                          "may", "jun", "jul", "ago",
                                          "sep", "oct", "nov", "dic"};
  int y0 = atoi(pV->doc.zPeriodStart), m0 = atoi(pV->doc.zPeriodStart + 5);
  int y1 = atoi(pV->doc.zPeriodEnd), m1 = atoi(pV->doc.zPeriodEnd + 5);
  if (y0 <= 0 || m0 < 1 || m0 > 12 || y1 <= 0 || m1 < 1 || m1 > 12) return;
  int nMonth = (y1 - y0) * 12 + (m1 - m0) + 1;
  if (nMonth < 1) return;
  if (nMonth > CHART_MONTHS_MAX) nMonth = CHART_MONTHS_MAX;
  ChartBar aBar[CHART_MONTHS_MAX];
  for (int i = 0; i < nMonth; i++) {
    int m = (m0 - 1 + i) % 12, y = y0 + (m0 - 1 + i) / 12;
    aBar[i].zLabel = arena_printf(request_arena(r), "%s %d", azMonth[m], y);
    aBar[i].nValue = 0;
  }
  for (int i = 0; i < pV->nAct; i++) {
    const ComplianceActivity *a = &pV->aAct[i];
    if (!held(a)) continue;
    int y = atoi(a->zDate), m = atoi(a->zDate + 5);
    int k = (y - y0) * 12 + (m - m0);
    if (k >= 0 && k < nMonth) aBar[k].nValue++;
  }
  chart_bars(h, "grafico-meses", "Actividades realizadas por mes del plan",
             "Mes", "Actividades", aBar, nMonth);
}

/* A session of the council (not a talk or a visit): what attendance is
** taken at. */
static int is_session(const ComplianceActivity *a) {
  return activity_kind_is_session(a->zKind);
}

/* Activity ids in order, each with its index in pV->aAct: the attendance
** rows name activities by id, and a linear search per row made the chart
** quadratic in the council's history. */
typedef struct ActIndex {
  int64_t iId; /* ComplianceActivity.iId */
  int i;       /* Its index in pV->aAct */
} ActIndex;

static int act_index_cmp(const void *pA, const void *pB) {
  int64_t a = ((const ActIndex *)pA)->iId, b = ((const ActIndex *)pB)->iId;
  return a < b ? -1 : a > b;
}

static ActIndex *act_index_build(Arena *pArena, const ComplianceView *pV) {
  ActIndex *a = arena_alloc(pArena, sizeof(ActIndex) * (size_t)(pV->nAct + 1));
  for (int i = 0; i < pV->nAct; i++) {
    a[i].iId = pV->aAct[i].iId;
    a[i].i = i;
  }
  qsort(a, (size_t)pV->nAct, sizeof(ActIndex), act_index_cmp);
  return a;
}

/* Index in pV->aAct of activity iActivity, or -1. */
static int act_index_find(const ActIndex *aIdx, int nAct, int64_t iActivity) {
  ActIndex key = {iActivity, 0};
  const ActIndex *p =
      bsearch(&key, aIdx, (size_t)nAct, sizeof(ActIndex), act_index_cmp);
  return p ? p->i : -1;
}

/* Whether pV->aAct[i] is a held session of the period up to as_of with its
** attendance recorded. abRecorded marks which have attendance. */
static int counted_session(const ComplianceView *pV, const char *abRecorded,
                           int i) {
  const ComplianceActivity *a = &pV->aAct[i];
  if (!abRecorded[i] || !held(a) || !is_session(a)) return 0;
  return strncmp(a->zDate, pV->doc.zPeriodStart, 10) >= 0 &&
         strncmp(a->zDate, pV->result.zAsOf, 10) <= 0;
}

/* Attendance rate per councillor: sessions present / sessions expected,
** where expected are the held sessions of the plan's period up to as_of
** that have attendance recorded and fall within the councillor's term.
** Bars in percent; the label carries "present de expected". */
static void chart_attendance(Request *r, Html *h, const ComplianceView *pV) {
  Arena *pArena = request_arena(r);
  MeetingAttendanceFacts f;
  if (meeting_attendance_facts(request_db(r), pArena, pV->iCouncil, &f) !=
          DB_OK ||
      f.nMember == 0) {
    return;
  }
  ActIndex *aIdx = act_index_build(pArena, pV);
  char *abRecorded = arena_alloc(pArena, (size_t)pV->nAct + 1);
  for (int j = 0; j < f.nRecorded; j++) {
    int i = act_index_find(aIdx, pV->nAct, f.aiRecorded[j]);
    if (i >= 0) abRecorded[i] = 1;
  }
  int nMember = f.nMember;
  ChartBar *aBar = arena_alloc(pArena, sizeof(ChartBar) * (size_t)nMember);
  int *anPresent = arena_alloc(pArena, sizeof(int) * (size_t)nMember);
  int *anExpected = arena_alloc(pArena, sizeof(int) * (size_t)nMember);
  char *abCounted = arena_alloc(pArena, (size_t)pV->nAct + 1);
  for (int i = 0; i < pV->nAct; i++) {
    abCounted[i] = (char)counted_session(pV, abRecorded, i);
  }
  for (int k = 0; k < nMember; k++) {
    const MeetingMemberTerm *t = &f.aMember[k];
    for (int i = 0; i < pV->nAct; i++) {
      const ComplianceActivity *a = &pV->aAct[i];
      if (!abCounted[i]) continue;
      if (strncmp(a->zDate, t->zTermStart, 10) < 0 ||
          (t->zTermEnd[0] && strncmp(a->zDate, t->zTermEnd, 10) > 0)) {
        continue;
      }
      anExpected[k]++;
    }
  }
  for (int j = 0; j < f.nPresent; j++) {
    int i = act_index_find(aIdx, pV->nAct, f.aPresent[j].iActivity);
    if (i < 0 || !abCounted[i]) continue;
    for (int k = 0; k < nMember; k++) {
      if (f.aMember[k].iMember == f.aPresent[j].iMember) anPresent[k]++;
    }
  }
  int nBar = 0;
  for (int k = 0; k < nMember; k++) {
    if (anExpected[k] == 0) continue; /* Not in office at any session */
    int nPresent = anPresent[k] < anExpected[k] ? anPresent[k] : anExpected[k];
    aBar[nBar].zLabel = arena_printf(
        pArena, "%s (%d de %d)", f.aMember[k].zName, nPresent, anExpected[k]);
    aBar[nBar].nValue = (nPresent * 100 + anExpected[k] / 2) / anExpected[k];
    nBar++;
  }
  if (nBar == 0) return;
  chart_bars(h, "grafico-asistencia",
             "Asistencia a sesiones por consejero o consejera",
             "Consejero/a (presente de esperadas)", "Asistencia (%)", aBar,
             nBar);
}

void compliance_home_section(Request *r, Html *h) {
  ComplianceView v;
  const char *zErr = NULL;
  /* ?as_of= looks back ("where did we stand at the end of June?"); a bad
  ** date shows today with a notice rather than no dashboard. ?version=N
  ** shows that plan (a previous one's final result). */
  const char *zAsOf = request_query(r, "as_of");
  int bBadAsOf = 0;
  if (zAsOf && *zAsOf && compliance_page_view(r, zAsOf, &v, &zErr) == 0) {
    /* Computed as asked. */
  } else {
    bBadAsOf = zAsOf && *zAsOf;
    if (compliance_page_view(r, NULL, &v, &zErr) != 0) return;
  }
  Arena *pArena = request_arena(r);
  const User *pUser = request_user(r);
  char zDay[PLAN_DATE_SIZE];
  date_text_dmy(v.result.zAsOf, zDay);
  const ComplianceRollup *t = &v.result.total;
  html_printf(h,
              "<section aria-labelledby=\"cumplimiento\" class=\"dashboard\">"
              "<h2 id=\"cumplimiento\">Cumplimiento del plan</h2>\n");
  compliance_plan_banner(r, h, &v);
  html_printf(h,
              "<p class=\"overall\">Al %s: <strong>%d %% de avance</strong> "
              "(%d de %d actividades comprometidas, verificadas); %d de %d "
              "líneas cumplidas.</p>\n<p class=\"definition\"><small>%s"
              "</small></p>\n",
              zDay, t->iPercent, t->nVerified, t->nTarget,
              t->anState[COMPLIANCE_CUMPLIDA], t->nLine,
              compliance_percent_definition());
  if (bBadAsOf) {
    html_printf(h,
                "<p class=\"notice notice-error\">La fecha pedida no es "
                "válida: se muestra el estado de hoy.</p>\n");
  }
  html_printf(h,
              "<form method=\"get\" action=\"/#cumplimiento\" "
              "class=\"as-of-form\"><label for=\"as-of\">Ver cómo estaba "
              "al</label> <input id=\"as-of\" type=\"date\" name=\"as_of\" "
              "value=\"%s\"> <button type=\"submit\" class=\"button "
              "button-secondary\">Ver</button></form>\n",
              v.result.zAsOf);
  html_printf(h, "<ol class=\"compliance-lines\">\n");
  for (int i = 0; i < v.result.nLine; i++) {
    const ComplianceLine *l = &v.result.aLine[i];
    const char *zSlug = compliance_state_slug(l->eState);
    html_printf(
        h,
        "<li id=\"linea-%d\" class=\"compliance-line\" data-state=\"%s\">"
        "<p><a href=\"/plan/lineas/%d\">Línea %d</a>: %s</p>"
        "<p><span class=\"badge state-%s\">%s</span> "
        "<progress max=\"%d\" value=\"%d\" aria-label=\"Avance de la "
        "línea %d\">%d %%</progress> <span class=\"progress-text\">"
        "%d de %d verificadas (%d %%)</span></p>\n",
        l->iNumber, zSlug, l->iNumber, l->iNumber,
        line_heading(pArena, l->pLine), zSlug,
        compliance_line_state_label(&v.result, l), l->nTarget, l->nCounted,
        l->iNumber, l->iPercent, l->nCounted, l->nTarget, l->iPercent);
    /* What is missing names activities, some not public: members only. */
    if (pUser && l->nMissing > 0) {
      html_printf(h, "<details><summary>Qué falta (%d)</summary><ul>",
                  l->nMissing);
      for (int k = 0; k < l->nMissing; k++) {
        html_printf(h, "<li>%s</li>", l->azMissing[k]);
      }
      html_printf(h, "</ul></details>\n");
    }
    html_printf(h, "</li>\n");
  }
  html_printf(h, "</ol>\n");
  previous_plan_note(r, h, &v);
  if (pUser) {
    html_printf(h, "<div class=\"charts\">");
    chart_provinces(r, h, &v);
    chart_months(r, h, &v);
    chart_attendance(r, h, &v);
    html_printf(h, "</div>\n");
    /* The reports of what is shown: the day looked back to, or the plan
    ** asked for by its number. */
    const char *zQ = v.tCut != EVIDENCE_CUT_NONE
                         ? arena_printf(pArena, "?as_of=%s", v.result.zAsOf)
                     : requested_version(r) > 0
                         ? arena_printf(pArena, "?version=%d", v.info.iNumber)
                         : "";
    html_printf(h,
                "<p class=\"actions\">Informe de cumplimiento: <a "
                "href=\"/informe-cumplimiento.pdf%s\">PDF</a> · <a "
                "href=\"/informe-cumplimiento.xlsx%s\">Excel</a> · <a "
                "href=\"/informe-cumplimiento.zip%s\">ZIP de verificadores</a>"
                "</p>\n",
                zQ, zQ, zQ);
  }
  html_printf(h, "</section>\n");
}

/* ---- Whether one activity counts ---- */

int compliance_page_verdicts(Request *r, const Activity *pAct,
                             const char *zAsOf, int bPreview,
                             CompliancePageVerdicts *pOut) {
  memset(pOut, 0, sizeof(*pOut));
  if (pAct->nLine == 0) return 0;
  Arena *pArena = request_arena(r);
  /* The plan it belongs to is the one in force on its day. */
  char zDate[PLAN_DATE_SIZE];
  compliance_local_date(pAct->iStart, zDate);
  int iVersion =
      plan_store_version_on(request_db(r), page_council_id(r), zDate);
  if (iVersion < 0) return 500;
  if (iVersion == 0) return 404;
  const char *zErr = NULL;
  int rc = compliance_page_view_version(r, zAsOf, iVersion, &pOut->view, &zErr);
  if (rc != 0) return rc;
  ComplianceActivity *c = arena_alloc(pArena, sizeof(ComplianceActivity));
  memset(c, 0, sizeof(*c));
  for (int i = 0; pAct->id && i < pOut->view.nAll; i++) {
    if (pOut->view.aAll[i].iId == pAct->id) *c = pOut->view.aAll[i];
  }
  /* The activity as given (a form's preview shows what the change would
  ** do); its evidence as recorded. A stored one keeps the status it had
  ** on the day asked. */
  c->iId = pAct->id;
  c->zKind = pAct->zKind;
  c->zTitle = pAct->zTitle;
  c->zDate = arena_strdup(pArena, zDate);
  c->zCommune = pAct->zCommune;
  c->zCommuneName = pAct->zCommuneName;
  if (bPreview || !c->zStatus) c->zStatus = pAct->zStatus;
  int *aiLine = arena_alloc(pArena, sizeof(int) * (size_t)(pAct->nLine + 1));
  for (int i = 0; i < pAct->nLine; i++) aiLine[i] = pAct->aLine[i];
  c->nLine = pAct->nLine;
  c->aiLine = aiLine;
  ComplianceOptions opt;
  memset(&opt, 0, sizeof(opt));
  opt.zAsOf = pOut->view.result.zAsOf;
  opt.nAtRiskDays = pOut->view.result.nAtRiskDays;
  pOut->pActivity = c;
  pOut->n = compliance_explain(pArena, &pOut->view.doc, c, &opt, &pOut->a);
  return 0;
}

void compliance_verdicts_html(Request *r, Html *h,
                              const CompliancePageVerdicts *pV,
                              const char *zHeading) {
  (void)r;
  if (pV->n == 0) return;
  html_printf(h,
              "<div class=\"verdicts\"><p><strong>%s</strong> <small>(según "
              "«%s», versión %d)</small></p><ul>",
              zHeading, pV->view.doc.zTitle, pV->view.info.iNumber);
  for (int i = 0; i < pV->n; i++) {
    const ComplianceVerdict *v = &pV->a[i];
    const char *zClass = v->eReason == COMPLIANCE_COUNTS
                             ? (v->bVerified ? "counts verified" : "counts")
                         : v->bWillCount ? "pending"
                                         : "not-counting";
    html_printf(h, "<li class=\"verdict %s\">", zClass);
    if (v->pLine) {
      html_printf(h, "<a href=\"/plan/lineas/%d\">Línea %d</a>: ", v->iLine,
                  v->iLine);
    }
    html_printf(h, "%s</li>", v->zText);
  }
  html_printf(h, "</ul></div>\n");
}

/* The verdict's reason as a slug for the API. */
json_t *compliance_verdicts_json(const CompliancePageVerdicts *pV) {
  json_t *pArr = json_array();
  for (int i = 0; i < pV->n; i++) {
    const ComplianceVerdict *v = &pV->a[i];
    json_t *aMissing = json_array();
    for (int k = 0; k < v->nMissingKind; k++)
      json_array_append_new(aMissing, json_string(v->azMissingKind[k]));
    json_array_append_new(
        pArr, json_pack("{s:i, s:i, s:b, s:b, s:b, s:s, s:o, s:s}", "line",
                        v->iLine, "plan_version", pV->view.info.iNumber,
                        "counts", v->eReason == COMPLIANCE_COUNTS, "verified",
                        v->bVerified, "will_count", v->bWillCount, "reason",
                        compliance_reason_slug(v->eReason), "missing", aMissing,
                        "text", v->zText));
  }
  return pArr;
}

/* ---- A line's page: its state, its activities, their evidence ---- */

/* The evidence of one activity of the line, as recorded by the view's
** day: uploaded items (public ones only for visitors) and what cosoc
** made. */
static void line_activity_evidence(Request *r, Html *h,
                                   const ComplianceView *pV,
                                   const ComplianceLink *pLink) {
  const ComplianceActivity *c = pLink->pActivity;
  Arena *pArena = request_arena(r);
  int bSignedIn = request_user(r) != NULL;
  EvidenceItem *aItem = NULL;
  int nItem = 0;
  EvidenceSystem sys;
  memset(&sys, 0, sizeof(sys));
  evidence_list(request_db(r), pArena, c->iId, !bSignedIn, &aItem, &nItem);
  if (bSignedIn) evidence_system(request_db(r), c->iId, pV->tCut, &sys);
  if (!sys.bNotice && !sys.bAttendance && !sys.bActa && nItem == 0 &&
      !(bSignedIn && pLink->nMissingKind > 0)) {
    return;
  }
  html_printf(h, "<ul class=\"evidence-list\">");
  if (sys.bNotice) {
    html_printf(h,
                "<li><a href=\"/actividades/%lld/citacion.pdf\">Citación "
                "enviada por cosoc</a> (%s, %d destinatarios)</li>",
                (long long)c->iId, page_time(pArena, sys.tNotice),
                sys.nRecipients);
  }
  if (sys.bAttendance) {
    html_printf(h,
                "<li><a href=\"/actividades/%lld/asistencia.pdf\">Asistencia "
                "registrada en cosoc</a> (%s)</li>",
                (long long)c->iId, page_time(pArena, sys.tAttendance));
  }
  if (sys.bActa) {
    html_printf(h,
                "<li><a href=\"/actividades/%lld/acta.pdf\">Acta aprobada</a>"
                " (%s)</li>",
                (long long)c->iId, page_time(pArena, sys.tActa));
  }
  for (int i = 0; i < nItem; i++) {
    if (aItem[i].iUploaded > pV->tCut) continue;
    const char *zLabel = compliance_report_evidence_label(aItem[i].zKind);
    html_printf(h, "<li><a href=\"/evidencias/%lld\">%s</a> — %s</li>",
                (long long)aItem[i].id, aItem[i].zFilename,
                zLabel ? zLabel : aItem[i].zKind);
  }
  if (bSignedIn && pLink->nMissingKind > 0) {
    html_printf(h, "<li class=\"missing\">Falta: ");
    for (int k = 0; k < pLink->nMissingKind; k++) {
      const char *zLabel =
          compliance_report_evidence_label(pLink->azMissingKind[k]);
      html_printf(h, "%s%s", k ? ", " : "",
                  zLabel ? zLabel : pLink->azMissingKind[k]);
    }
    html_printf(h, "</li>");
  }
  html_printf(h, "</ul>");
}

/* One linked activity as a list item: its date, title and how it counts.
** A visitor sees only public activities. */
static int line_activity_item(Request *r, Html *h, const ComplianceView *pV,
                              const ComplianceLink *pLink, int bEvidence) {
  const ComplianceActivity *c = pLink->pActivity;
  Activity a;
  if (activity_get(request_db(r), request_arena(r), pV->iCouncil, c->iId, &a) !=
          DB_OK ||
      (!request_user(r) && !a.bPublic)) {
    return 0;
  }
  char zDay[PLAN_DATE_SIZE];
  date_text_dmy(c->zDate, zDay);
  html_printf(h, "<li><a href=\"/actividades/%lld\">%s</a> <small>(%s, %s)",
              (long long)c->iId, c->zTitle, zDay,
              compliance_report_kind_label(c->zKind));
  if (pLink->eReason == COMPLIANCE_COUNTS) {
    html_printf(h, "%s</small>",
                pLink->bVerified ? ": verificada" : ": sin verificar aún");
    if (bEvidence) line_activity_evidence(r, h, pV, pLink);
  } else {
    html_printf(h, "</small>: %s.", compliance_reason_text(pLink->eReason));
  }
  html_printf(h, "</li>\n");
  return 1;
}

void compliance_line_section(Request *r, Html *h, int iLine, int iVersion) {
  ComplianceView v;
  const char *zErr = NULL;
  if (compliance_page_view_version(r, NULL, iVersion, &v, &zErr) != 0) return;
  const ComplianceLine *l = compliance_line(&v.result, iLine);
  if (!l) return;
  int bSignedIn = request_user(r) != NULL;
  char zEnd[PLAN_DATE_SIZE];
  date_text_dmy(l->pLine->window.zEnd, zEnd);
  html_printf(h,
              "<section aria-labelledby=\"avance\" class=\"line-progress\">"
              "<h2 id=\"avance\">Avance</h2>\n");
  compliance_plan_banner(r, h, &v);
  html_printf(
      h,
      "<p><span class=\"badge state-%s\">%s</span> <progress max=\"%d\" "
      "value=\"%d\" aria-label=\"Avance de la línea %d\">%d %%</progress>"
      " %d de %d verificadas que cuentan (%d %%); %d realizadas dentro "
      "del plazo.",
      compliance_state_slug(l->eState),
      compliance_line_state_label(&v.result, l), l->nTarget, l->nCounted,
      l->iNumber, l->iPercent, l->nCounted, l->nTarget, l->iPercent,
      l->nQualifying);
  if (l->nDaysLeft >= 0 && v.result.ePlan == COMPLIANCE_PLAN_VIGENTE) {
    html_printf(h, " El plazo termina el %s (quedan %d días).", zEnd,
                l->nDaysLeft);
  } else if (l->nDaysLeft < 0) {
    html_printf(h, " El plazo terminó el %s.", zEnd);
  }
  html_printf(h, "</p>\n");
  if (bSignedIn) {
    html_printf(h, "<h3>Qué falta</h3>\n");
    if (l->nMissing == 0) {
      html_printf(h, "<p>Nada: la línea está cumplida.</p>\n");
    } else {
      html_printf(h, "<ul>");
      for (int k = 0; k < l->nMissing; k++)
        html_printf(h, "<li>%s</li>", l->azMissing[k]);
      html_printf(h, "</ul>\n");
    }
  }
  /* The activities of this plan's period: those of another plan would
  ** only say they are outside the window. */
  int nCount = 0, nOther = 0, nElsewhere = 0;
  for (int i = 0; i < l->nLink; i++) {
    const ComplianceLink *k = &l->aLink[i];
    if (strncmp(k->pActivity->zDate, v.doc.zPeriodStart, 10) < 0 ||
        strncmp(k->pActivity->zDate, v.doc.zPeriodEnd, 10) > 0) {
      nElsewhere++;
    } else if (k->eReason == COMPLIANCE_COUNTS) {
      nCount++;
    } else {
      nOther++;
    }
  }
  html_printf(h, "<h3>Actividades que cuentan</h3>\n");
  int nShown = 0;
  if (nCount) {
    html_printf(h, "<ul class=\"line-activities\">\n");
    for (int i = 0; i < l->nLink; i++) {
      if (l->aLink[i].eReason == COMPLIANCE_COUNTS)
        nShown += line_activity_item(r, h, &v, &l->aLink[i], 1);
    }
    html_printf(h, "</ul>\n");
  }
  if (nShown == 0) html_printf(h, "<p>Ninguna todavía.</p>\n");
  if (nOther && bSignedIn) {
    html_printf(h,
                "<h3>Vinculadas que no cuentan (todavía)</h3>\n<ul "
                "class=\"line-activities\">\n");
    for (int i = 0; i < l->nLink; i++) {
      const ComplianceLink *k = &l->aLink[i];
      if (k->eReason == COMPLIANCE_COUNTS ||
          strncmp(k->pActivity->zDate, v.doc.zPeriodStart, 10) < 0 ||
          strncmp(k->pActivity->zDate, v.doc.zPeriodEnd, 10) > 0) {
        continue;
      }
      line_activity_item(r, h, &v, k, 0);
    }
    html_printf(h, "</ul>\n");
  }
  if (nElsewhere && bSignedIn) {
    html_printf(
        h,
        "<p><small>%d actividad%s vinculada%s a esta línea son de "
        "otro periodo y cuentan para el plan de su fecha.</small></p>\n",
        nElsewhere, nElsewhere == 1 ? "" : "es", nElsewhere == 1 ? "" : "s");
  }
  html_printf(h, "</section>\n");
}
