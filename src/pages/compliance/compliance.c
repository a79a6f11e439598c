/*
** Compliance: what each plan line has achieved, as data, on the home page
** and as the Informe de cumplimiento.
**
**   GET /api/compliance[?as_of=YYYY-MM-DD]  (public) {"as_of",
**       "plan_version", "lines": [{"number", "target", "qualifying",
**       "verified", "state", "missing"}]} (CONTRACT); bad as_of -> 400
**   GET /  (the home page's section) the dashboard, ?as_of= to look back
**
** The report downloads are in compliance_report.c.
**
** The rules are the engine's (src/domain/compliance.h); this file only
** loads its inputs (the latest approved plan; the activities and their
** evidence through evidence_compliance_feed) and shows its output.
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

int compliance_page_view(Request *r, const char *zAsOf, ComplianceView *pView,
                         const char **pzErr) {
  switch (compliance_view_load(request_db(r), request_arena(r),
                               page_council_id(r), zAsOf, pView, pzErr)) {
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

void page_api_compliance(Request *r) {
  ComplianceView v;
  const char *zErr = NULL;
  /* Cached by the day it is computed for: today (the default) or as_of. */
  const char *zAsOf = request_query(r, "as_of");
  char zToday[PLAN_DATE_SIZE];
  compliance_today(zToday);
  const char *zKey =
      zAsOf && !compliance_view_as_of_valid(zAsOf)
          ? NULL
          : page_cache_key(
                r, arena_printf(request_arena(r), "api/compliance\x1f%s\x1f%s",
                                zToday, zAsOf ? zAsOf : ""));
  int64_t iVersion = -1;
  if (page_cache_answer(r, zKey, &iVersion)) return;
  int rc = compliance_page_view(r, zAsOf, &v, &zErr);
  if (rc != 0) {
    if (rc == 500) {
      respond_error(r, 500, NULL);
    } else {
      respond_json_error(r, rc, zErr, rc == 400 ? "as_of" : NULL);
    }
    return;
  }
  json_t *pOut = json_object();
  json_object_set_new(pOut, "as_of", json_string(v.result.zAsOf));
  json_object_set_new(pOut, "plan_version", json_integer(v.info.iNumber));
  json_t *aLine = json_array();
  for (int i = 0; i < v.result.nLine; i++) {
    const ComplianceLine *l = &v.result.aLine[i];
    json_t *p = json_object();
    json_object_set_new(p, "number", json_integer(l->iNumber));
    json_object_set_new(p, "target", json_integer(l->nTarget));
    json_object_set_new(p, "qualifying", json_integer(l->nQualifying));
    json_object_set_new(p, "verified", json_integer(l->nVerified));
    json_object_set_new(p, "state",
                        json_string(compliance_state_slug(l->eState)));
    json_object_set_new(p, "progress", json_real(l->rProgress));
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
  ** date shows today with a notice rather than no dashboard. */
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
  html_printf(h,
              "<section aria-labelledby=\"cumplimiento\" class=\"dashboard\">"
              "<h2 id=\"cumplimiento\">Cumplimiento del plan</h2>\n"
              "<p>Al %s, versión %d del plan: %s de avance en %d "
              "compromisos.</p>\n",
              zDay, v.info.iNumber,
              compliance_report_percent(pArena, v.result.total.rProgress),
              v.result.nLine);
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
        "línea %d\">%s</progress> <span class=\"progress-text\">"
        "%d de %d verificadas (%s)</span></p>\n",
        l->iNumber, zSlug, l->iNumber, l->iNumber,
        line_heading(pArena, l->pLine), zSlug,
        compliance_state_label(l->eState), l->nTarget > 0 ? l->nTarget : 1,
        l->nVerified < l->nTarget ? l->nVerified : l->nTarget, l->iNumber,
        compliance_report_percent(pArena, l->rProgress), l->nVerified,
        l->nTarget, compliance_report_percent(pArena, l->rProgress));
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
  if (pUser) {
    html_printf(h, "<div class=\"charts\">");
    chart_provinces(r, h, &v);
    chart_months(r, h, &v);
    chart_attendance(r, h, &v);
    html_printf(h, "</div>\n");
    html_printf(h,
                "<p class=\"actions\">Informe de cumplimiento: <a "
                "href=\"/informe-cumplimiento.pdf\">PDF</a> · <a "
                "href=\"/informe-cumplimiento.xlsx\">Excel</a> · <a "
                "href=\"/informe-cumplimiento.zip\">ZIP de verificadores</a>"
                "</p>\n");
  }
  html_printf(h, "</section>\n");
}
