/*
** The compliance engine on the council's real plan (imported from
** data/seeds/…txt): a table of situations — activities held or not, where,
** when, with which evidence, looked at on which day — and what each says
** about one plan line: qualifying and verified counts, state, progress and
** the exact sentences of what is missing. Then the rollups per general
** objective and for the whole plan, and the inputs refused.
*/
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/compliance.h"
#include "domain/date_text.h"
#include "domain/plan_import.h"
#include "domain/plan_next.h"
#include "plan_context_fixture.h"

#define SEED       \
  COSOC_SOURCE_DIR \
  "/data/seeds/plan-anual-cosoc-minvu-serviu-coquimbo-2024-2025.txt"

#define CASE_ACTIVITIES_MAX 8
#define CASE_MISSING_MAX 4
#define ACT_LINES_MAX 3

static PlanDoc g_plan;
static Arena *g_pArena;

/* ---- Evidence sets (NULL-terminated) ---- */

/* What lines 4, 5, 6, 8 and 9 ask for: Citación, Asistencia, Fotografías,
** Acta(s). */
static const char *const azFull[] = {"citacion", "asistencia", "fotografias",
                                     "acta", NULL};
static const char *const azNoActa[] = {"citacion", "asistencia", "fotografias",
                                       NULL};
static const char *const azOnlyPhotos[] = {"fotografias", NULL};
/* Line 2 asks for Convocatoria, Asistencia, Fotografías. */
static const char *const azTraining[] = {"convocatoria", "asistencia",
                                         "fotografias", NULL};
static const char *const azNone[] = {NULL};

/* ---- One activity of a case, as the database would hand it over ---- */

typedef struct CaseActivity {
  int64_t iId;                   /* 0 ends the list */
  const char *zKind;             /* Activity kind slug */
  const char *zDate;             /* YYYY-MM-DD */
  const char *zCommune;          /* CUT code or NULL */
  const char *zStatus;           /* Activity status slug */
  int aiLine[ACT_LINES_MAX];     /* Linked plan lines, 0-terminated */
  const char *const *azEvidence; /* Evidence kinds present */
} CaseActivity;

typedef struct Case {
  const char *zName; /* What the case shows, as a sentence */
  const char *zAsOf; /* The day looked at */
  int nAtRiskDays;   /* 0: the default, 30 */
  CaseActivity aAct[CASE_ACTIVITIES_MAX];
  int iLine; /* The plan line checked */
  int nQualifying;
  int nVerified;
  const char *zState;                      /* CONTRACT slug */
  int iPercent;                            /* Progress, rounded */
  const char *azMissing[CASE_MISSING_MAX]; /* Exact sentences, in order */
} Case;

#define SESSION(id, date, commune, ...) \
  { id, "sesion_ordinaria", date, commune, "realizada", {__VA_ARGS__}, azFull }

/* Four sessions of line 4 in La Serena, all with full evidence. */
#define FOUR_SESSIONS                                                         \
  SESSION(1, "2024-04-10", "04101", 4), SESSION(2, "2024-07-10", "04101", 4), \
      SESSION(3, "2024-10-09", "04101", 4),                                   \
      SESSION(4, "2025-01-15", "04101", 4)

static const Case aCase[] = {
    {.zName = "four_held_sessions_with_full_evidence_leave_line_4_en_curso_"
              "at_80_percent",
     .zAsOf = "2025-04-01",
     .aAct = {FOUR_SESSIONS},
     .iLine = 4,
     .nQualifying = 4,
     .nVerified = 4,
     .zState = "en_curso",
     .iPercent = 80,
     .azMissing = {"Falta 1 sesión antes del 31-12-2025."}},

    {.zName = "five_held_sessions_with_full_evidence_make_line_4_cumplida",
     .zAsOf = "2025-04-01",
     .aAct = {FOUR_SESSIONS, SESSION(5, "2025-03-12", "04101", 4)},
     .iLine = 4,
     .nQualifying = 5,
     .nVerified = 5,
     .zState = "cumplida",
     .iPercent = 100},

    {.zName = "an_extraordinary_session_counts_for_line_4_too",
     .zAsOf = "2025-04-01",
     .aAct = {FOUR_SESSIONS,
              {5,
               "sesion_extraordinaria",
               "2025-03-12",
               "04101",
               "realizada",
               {4},
               azFull}},
     .iLine = 4,
     .nQualifying = 5,
     .nVerified = 5,
     .zState = "cumplida",
     .iPercent = 100},

    {.zName = "a_session_missing_its_acta_qualifies_but_is_not_verified_and_"
              "is_named_with_its_date",
     .zAsOf = "2025-04-01",
     .aAct = {FOUR_SESSIONS,
              {5,
               "sesion_ordinaria",
               "2025-03-12",
               "04101",
               "realizada",
               {4},
               azNoActa}},
     .iLine = 4,
     .nQualifying = 5,
     .nVerified = 4,
     .zState = "en_curso",
     .iPercent = 80,
     .azMissing = {"Falta el Acta de la sesión del 12-03-2025."}},

    {.zName = "several_missing_kinds_are_named_in_one_sentence_each_activity",
     .zAsOf = "2025-04-01",
     .aAct = {{1,
               "sesion_ordinaria",
               "2024-05-08",
               "04101",
               "realizada",
               {4},
               azOnlyPhotos},
              {2,
               "sesion_ordinaria",
               "2024-06-12",
               "04101",
               "realizada",
               {4},
               azNone}},
     .iLine = 4,
     .nQualifying = 2,
     .nVerified = 0,
     .zState = "en_curso",
     .iPercent = 0,
     .azMissing = {"Faltan la Citación, la lista de Asistencia y el Acta de "
                   "la sesión del 08-05-2024.",
                   "Faltan la Citación, la lista de Asistencia, las "
                   "Fotografías y el Acta de la sesión del 12-06-2024.",
                   "Faltan 3 sesiones antes del 31-12-2025."}},

    {.zName = "a_session_in_la_serena_does_not_count_for_line_9",
     .zAsOf = "2025-04-01",
     .aAct = {SESSION(1, "2024-08-14", "04101", 4, 9)},
     .iLine = 9,
     .nQualifying = 0,
     .nVerified = 0,
     .zState = "sin_iniciar",
     .iPercent = 0,
     .azMissing = {"Faltan 2 actividades fuera de La Serena antes del "
                   "31-12-2025."}},

    {.zName = "a_session_in_ovalle_counts_for_line_9",
     .zAsOf = "2025-04-01",
     .aAct = {SESSION(1, "2024-08-14", "04101", 4, 9),
              SESSION(2, "2024-11-13", "04301", 4, 9)},
     .iLine = 9,
     .nQualifying = 1,
     .nVerified = 1,
     .zState = "en_curso",
     .iPercent = 50,
     .azMissing = {"Falta 1 actividad fuera de La Serena antes del "
                   "31-12-2025."}},

    {.zName = "the_ovalle_session_also_counts_for_line_4",
     .zAsOf = "2025-04-01",
     .aAct = {SESSION(1, "2024-08-14", "04101", 4, 9),
              SESSION(2, "2024-11-13", "04301", 4, 9)},
     .iLine = 4,
     .nQualifying = 2,
     .nVerified = 2,
     .zState = "en_curso",
     .iPercent = 40,
     .azMissing = {"Faltan 3 sesiones antes del 31-12-2025."}},

    {.zName = "a_virtual_activity_with_no_commune_does_not_count_for_line_9",
     .zAsOf = "2025-04-01",
     .aAct = {SESSION(1, "2024-08-14", NULL, 4, 9)},
     .iLine = 9,
     .nQualifying = 0,
     .nVerified = 0,
     .zState = "sin_iniciar",
     .iPercent = 0,
     .azMissing = {"Faltan 2 actividades fuera de La Serena antes del "
                   "31-12-2025."}},

    {.zName = "two_sessions_outside_la_serena_make_line_9_cumplida",
     .zAsOf = "2025-04-01",
     .aAct = {SESSION(1, "2024-08-14", "04102", 9),
              SESSION(2, "2024-11-13", "04301", 9)},
     .iLine = 9,
     .nQualifying = 2,
     .nVerified = 2,
     .zState = "cumplida",
     .iPercent = 100},

    {.zName = "activities_outside_the_window_do_not_count",
     .zAsOf = "2024-11-30",
     .aAct = {{1,
               "capacitacion",
               "2024-06-30",
               "04101",
               "realizada",
               {2},
               azTraining},
              {2,
               "capacitacion",
               "2025-01-15",
               "04101",
               "realizada",
               {2},
               azTraining}},
     .iLine = 2,
     .nQualifying = 0,
     .nVerified = 0,
     .zState = "sin_iniciar",
     .iPercent = 0,
     .azMissing = {"Falta 1 actividad antes del 31-12-2024."}},

    {.zName = "the_first_and_last_days_of_the_window_count",
     .zAsOf = "2025-03-01",
     .aAct =
         {{1,
           "capacitacion",
           "2024-07-01",
           "04101",
           "realizada",
           {2},
           azNoActa},
          {2, "charla", "2024-12-31", "04101", "realizada", {2}, azTraining}},
     .iLine = 2,
     .nQualifying = 2,
     .nVerified = 1,
     .zState = "cumplida",
     .iPercent = 100},

    {.zName = "a_line_whose_window_has_passed_is_atrasada",
     .zAsOf = "2025-01-01",
     .iLine = 2,
     .nQualifying = 0,
     .nVerified = 0,
     .zState = "atrasada",
     .iPercent = 0,
     .azMissing = {"Falta 1 actividad; el plazo terminó el 31-12-2024."}},

    {.zName = "a_held_activity_without_its_evidence_leaves_a_passed_line_"
              "atrasada",
     .zAsOf = "2025-02-01",
     .aAct = {{1,
               "capacitacion",
               "2024-09-05",
               "04101",
               "realizada",
               {2},
               azOnlyPhotos}},
     .iLine = 2,
     .nQualifying = 1,
     .nVerified = 0,
     .zState = "atrasada",
     .iPercent = 0,
     .azMissing = {"Faltan la Convocatoria y la lista de Asistencia de la "
                   "capacitación del 05-09-2024."}},

    {.zName = "a_line_is_en_riesgo_30_days_before_its_window_ends",
     .zAsOf = "2025-05-31",
     .iLine = 3,
     .nQualifying = 0,
     .nVerified = 0,
     .zState = "en_riesgo",
     .iPercent = 0,
     .azMissing = {"Falta 1 actividad antes del 30-06-2025."}},

    {.zName = "a_line_is_en_riesgo_on_the_last_day_of_its_window",
     .zAsOf = "2025-06-30",
     .aAct = {{1,
               "mesa_trabajo",
               "2025-04-22",
               "04301",
               "realizada",
               {3},
               azOnlyPhotos}},
     .iLine = 3,
     .nQualifying = 1,
     .nVerified = 0,
     .zState = "en_riesgo",
     .iPercent = 0,
     .azMissing = {"Faltan la Invitación y la lista de Asistencia de la mesa "
                   "de trabajo del 22-04-2025."}},

    {.zName = "a_line_31_days_before_its_window_ends_is_not_yet_en_riesgo",
     .zAsOf = "2025-05-30",
     .iLine = 3,
     .nQualifying = 0,
     .nVerified = 0,
     .zState = "sin_iniciar",
     .iPercent = 0,
     .azMissing = {"Falta 1 actividad antes del 30-06-2025."}},

    {.zName = "the_at_risk_setting_widens_the_warning",
     .zAsOf = "2025-05-01",
     .nAtRiskDays = 60,
     .iLine = 3,
     .nQualifying = 0,
     .nVerified = 0,
     .zState = "en_riesgo",
     .iPercent = 0,
     .azMissing = {"Falta 1 actividad antes del 30-06-2025."}},

    {.zName = "a_line_whose_window_has_not_opened_says_between_which_dates",
     .zAsOf = "2024-10-01",
     .iLine = 3,
     .nQualifying = 0,
     .nVerified = 0,
     .zState = "sin_iniciar",
     .iPercent = 0,
     .azMissing = {"Falta 1 actividad entre el 01-01-2025 y el 30-06-2025."}},

    {.zName = "a_programada_activity_does_not_count",
     .zAsOf = "2025-04-01",
     .aAct = {FOUR_SESSIONS,
              {5,
               "sesion_ordinaria",
               "2025-03-12",
               "04101",
               "programada",
               {4},
               azFull},
              {6,
               "sesion_ordinaria",
               "2025-03-19",
               "04101",
               "suspendida",
               {4},
               azFull}},
     .iLine = 4,
     .nQualifying = 4,
     .nVerified = 4,
     .zState = "en_curso",
     .iPercent = 80,
     .azMissing = {"Falta 1 sesión antes del 31-12-2025."}},

    {.zName = "looking_back_excludes_activities_after_as_of",
     .zAsOf = "2024-12-31",
     .aAct = {FOUR_SESSIONS, SESSION(5, "2025-03-12", "04101", 4)},
     .iLine = 4,
     .nQualifying = 3,
     .nVerified = 3,
     .zState = "en_curso",
     .iPercent = 60,
     .azMissing = {"Faltan 2 sesiones antes del 31-12-2025."}},

    {.zName = "an_activity_held_on_as_of_counts",
     .zAsOf = "2025-01-15",
     .aAct = {FOUR_SESSIONS},
     .iLine = 4,
     .nQualifying = 4,
     .nVerified = 4,
     .zState = "en_curso",
     .iPercent = 80,
     .azMissing = {"Falta 1 sesión antes del 31-12-2025."}},

    {.zName = "a_kind_the_target_does_not_accept_does_not_count",
     .zAsOf = "2025-04-01",
     .aAct = {{1, "charla", "2024-09-05", "04101", "realizada", {4, 5}, azFull},
              {2,
               "reunion_autoridades",
               "2024-10-05",
               "04101",
               "realizada",
               {4, 5},
               azFull}},
     .iLine = 5,
     .nQualifying = 1,
     .nVerified = 1,
     .zState = "en_curso",
     .iPercent = 50,
     .azMissing = {"Falta 1 reunión con autoridades antes del 31-12-2025."}},

    {.zName = "an_activity_not_linked_to_the_line_does_not_count",
     .zAsOf = "2025-04-01",
     .aAct = {SESSION(1, "2024-08-14", "04301", 4)},
     .iLine = 9,
     .nQualifying = 0,
     .nVerified = 0,
     .zState = "sin_iniciar",
     .iPercent = 0,
     .azMissing = {"Faltan 2 actividades fuera de La Serena antes del "
                   "31-12-2025."}},

    {.zName = "two_sessions_on_the_same_day_are_told_apart_by_title",
     .zAsOf = "2025-04-01",
     .aAct = {{1,
               "sesion_ordinaria",
               "2024-05-08",
               "04101",
               "realizada",
               {4},
               azNoActa},
              {2,
               "sesion_ordinaria",
               "2024-05-08",
               "04101",
               "realizada",
               {4},
               azNoActa}},
     .iLine = 4,
     .nQualifying = 2,
     .nVerified = 0,
     .zState = "en_curso",
     .iPercent = 0,
     .azMissing = {"Falta el Acta de la sesión del 08-05-2024 («Actividad "
                   "1»).",
                   "Falta el Acta de la sesión del 08-05-2024 («Actividad "
                   "2»).",
                   "Faltan 3 sesiones antes del 31-12-2025."}},
};

/* ---- Turning a case into engine input ---- */

static const char *commune_name(const char *zCode) {
  static const ComplianceCommune aName[] = {
      {"04101", "La Serena"}, {"04102", "Coquimbo"}, {"04301", "Ovalle"}};
  for (size_t i = 0; zCode && i < sizeof(aName) / sizeof(aName[0]); i++) {
    if (strcmp(aName[i].zCode, zCode) == 0) return aName[i].zName;
  }
  return NULL;
}

static int count_strings(const char *const *az) {
  int n = 0;
  while (az && az[n]) n++;
  return n;
}

/* The activities of pCase as the engine takes them (arena memory). */
static int case_activities(Arena *pArena, const Case *pCase,
                           ComplianceActivity **paAct) {
  int n = 0;
  while (n < CASE_ACTIVITIES_MAX && pCase->aAct[n].iId) n++;
  ComplianceActivity *a =
      arena_alloc(pArena, sizeof(ComplianceActivity) * (size_t)(n + 1));
  for (int i = 0; i < n; i++) {
    const CaseActivity *p = &pCase->aAct[i];
    a[i].iId = p->iId;
    a[i].zKind = p->zKind;
    a[i].zTitle = arena_printf(pArena, "Actividad %lld", (long long)p->iId);
    a[i].zDate = p->zDate;
    a[i].zCommune = p->zCommune;
    a[i].zCommuneName = commune_name(p->zCommune);
    a[i].zStatus = p->zStatus;
    while (a[i].nLine < ACT_LINES_MAX && p->aiLine[a[i].nLine]) a[i].nLine++;
    a[i].aiLine = p->aiLine;
    a[i].nEvidence = count_strings(p->azEvidence);
    a[i].azEvidence = p->azEvidence;
  }
  *paAct = a;
  return n;
}

static void run_case(void **state) {
  const Case *pCase = *state;
  Arena *pArena = arena_new();
  ComplianceActivity *aAct;
  int nAct = case_activities(pArena, pCase, &aAct);
  ComplianceOptions opt = {.zAsOf = pCase->zAsOf,
                           .nAtRiskDays = pCase->nAtRiskDays};
  ComplianceResult res;
  const char *zErr = NULL;
  assert_int_equal(
      compliance_compute(pArena, &g_plan, aAct, nAct, &opt, &res, &zErr),
      COMPLIANCE_OK);
  assert_int_equal(res.nLine, 10);
  const ComplianceLine *pL = compliance_line(&res, pCase->iLine);
  assert_non_null(pL);
  for (int i = 0; i < pL->nMissing; i++)
    fprintf(stderr, "  line %d missing: %s\n", pL->iNumber, pL->azMissing[i]);
  assert_int_equal(pL->nQualifying, pCase->nQualifying);
  assert_int_equal(pL->nVerified, pCase->nVerified);
  assert_string_equal(compliance_state_slug(pL->eState), pCase->zState);
  assert_int_equal((int)(pL->rProgress * 100 + 0.5), pCase->iPercent);
  assert_int_equal(pL->nMissing, count_strings(pCase->azMissing));
  for (int i = 0; i < pL->nMissing; i++)
    assert_string_equal(pL->azMissing[i], pCase->azMissing[i]);
  arena_free(pArena);
}

/* ---- Rules outside the table ---- */

static const int aiLine4[] = {4};

static void the_issue_sentence_reads_exactly_for_a_shorter_window(
    void **state) {
  (void)state;
  /* The officer narrowed line 9 to the first semester of 2025. */
  Arena *pArena = arena_new();
  PlanDoc *pDoc = plan_doc_copy(pArena, &g_plan);
  PlanLine *p9 = plan_doc_line(pDoc, 9);
  snprintf(p9->window.zStart, PLAN_DATE_SIZE, "2025-01-01");
  snprintf(p9->window.zEnd, PLAN_DATE_SIZE, "2025-06-30");
  ComplianceOptions opt = {.zAsOf = "2025-03-01"};
  ComplianceResult res;
  const char *zErr;
  assert_int_equal(compliance_compute(pArena, pDoc, NULL, 0, &opt, &res, &zErr),
                   COMPLIANCE_OK);
  const ComplianceLine *pL = compliance_line(&res, 9);
  assert_int_equal(pL->nMissing, 1);
  assert_string_equal(
      pL->azMissing[0],
      "Faltan 2 actividades fuera de La Serena antes del 30-06-2025.");
  arena_free(pArena);
}

static void options_name_communes_and_place_lines_under_objectives(
    void **state) {
  (void)state;
  /* The officer made line 5 count talks or trainings outside La Serena and
  ** Coquimbo, and filed lines 5-8 under objective 1 by hand. */
  Arena *pArena = arena_new();
  PlanDoc *pDoc = plan_doc_copy(pArena, &g_plan);
  PlanTarget *pT = &plan_doc_line(pDoc, 5)->target;
  pT->nCount = 3;
  pT->nKind = 2;
  pT->azKind[0] = "capacitacion";
  pT->azKind[1] = "charla";
  pT->nExclude = 2;
  pT->azExclude[0] = "04101";
  pT->azExclude[1] = "04102";
  /* La Serena's name comes with the plan (the store names a target's
  ** places from the territory); Coquimbo's from the options. */
  pT->azExcludeName[0] = "La Serena";
  pT->azExcludeName[1] = NULL;
  static const ComplianceCommune aName[] = {{"04102", "Coquimbo"}};
  static const int aiObjective[10] = {2, 1, 4, 5, 1, 1, 1, 1, 6, 3};
  ComplianceOptions opt = {.zAsOf = "2025-03-01",
                           .nCommune = 1,
                           .aCommune = aName,
                           .aiObjective = aiObjective};
  ComplianceResult res;
  const char *zErr;
  assert_int_equal(compliance_compute(pArena, pDoc, NULL, 0, &opt, &res, &zErr),
                   COMPLIANCE_OK);
  const ComplianceLine *p5 = compliance_line(&res, 5);
  assert_int_equal(p5->nMissing, 1);
  assert_string_equal(p5->azMissing[0],
                      "Faltan 3 actividades de tipo Capacitación o Charla "
                      "fuera de La Serena y Coquimbo antes del 31-12-2025.");
  assert_int_equal(p5->iObjective, 1);
  /* No line is left without an objective, so no "otros" group. */
  assert_int_equal(res.nObjective, 6);
  assert_int_equal(res.aObjective[0].nLine, 5);
  arena_free(pArena);
}

/* A line that asks for one activity in each province of the region is
** not met until each has a verified one, whatever the count says. */
static void each_province_must_have_a_verified_activity(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  PlanContext ctx;
  fixture_plan_context(pArena, &ctx, "04", NULL);
  PlanDoc *pDoc = plan_doc_copy(pArena, &g_plan);
  PlanTarget *pT = &plan_doc_line(pDoc, 10)->target;
  pT->nCount = 3;
  assert_true(plan_target_each_province(pT, &ctx, 1));
  plan_target_name_places(pT, &ctx);
  static const char *const azModule[] = {"programa_formacion", "convocatoria",
                                         "asistencia", "fotografias", NULL};
  static const int aiLine10[] = {10};
  ComplianceActivity aAct[4] = {
      {1, "modulo_escuela", "Módulo 1", "2025-03-05", "04101", "La Serena",
       "realizada", 1, aiLine10, 4, azModule, 0, NULL, 0},
      {2, "modulo_escuela", "Módulo 2", "2025-04-05", "04102", "Coquimbo",
       "realizada", 1, aiLine10, 4, azModule, 0, NULL, 0},
      {3, "modulo_escuela", "Módulo 3", "2025-05-05", "04301", "Ovalle",
       "realizada", 1, aiLine10, 4, azModule, 0, NULL, 0},
      {4, "modulo_escuela", "Módulo 4", "2025-06-05", "04201", "Illapel",
       "realizada", 1, aiLine10, 4, azModule, 0, NULL, 0},
  };
  ComplianceOptions opt = {.zAsOf = "2025-06-20"};
  ComplianceResult res;
  const char *zErr;
  assert_int_equal(compliance_compute(pArena, pDoc, aAct, 3, &opt, &res, &zErr),
                   COMPLIANCE_OK);
  const ComplianceLine *p10 = compliance_line(&res, 10);
  assert_int_equal(p10->nVerified, 3);
  assert_int_not_equal(p10->eState, COMPLIANCE_CUMPLIDA);
  assert_int_equal(p10->nProvinceMissing, 1);
  assert_string_equal(p10->azProvinceMissing[0], "Choapa");
  assert_string_equal(p10->azMissing[p10->nMissing - 1],
                      "Falta una actividad verificada en la provincia de "
                      "Choapa.");
  assert_true(p10->rProgress < 0.7);
  assert_int_equal(compliance_compute(pArena, pDoc, aAct, 4, &opt, &res, &zErr),
                   COMPLIANCE_OK);
  p10 = compliance_line(&res, 10);
  assert_int_equal(p10->eState, COMPLIANCE_CUMPLIDA);
  assert_int_equal(p10->nMissing, 0);
  arena_free(pArena);
}

/* A course's modules count once for a line whose target counts activities:
** when every module is held with its attendance recorded; their evidence
** counts together. A target of «N módulos» counts each module. */
static void a_course_counts_once_unless_the_target_counts_modules(
    void **state) {
  (void)state;
  Arena *pArena = arena_new();
  PlanDoc *pDoc = plan_doc_copy(pArena, &g_plan);
  static const char *const azFirst[] = {"programa_formacion", "convocatoria",
                                        "asistencia", NULL};
  static const char *const azOther[] = {"programa_formacion", "asistencia",
                                        "fotografias", NULL};
  static const int aiLine10[] = {10};
  ComplianceActivity aAct[4];
  for (int i = 0; i < 4; i++) {
    aAct[i] = (ComplianceActivity){.iId = i + 1,
                                   .zKind = "modulo_escuela",
                                   .zTitle = "Módulo",
                                   .zDate = "2025-04-05",
                                   .zStatus = "realizada",
                                   .nLine = 1,
                                   .aiLine = aiLine10,
                                   .nEvidence = 3,
                                   .azEvidence = i ? azOther : azFirst,
                                   .iCourse = 7,
                                   .zCourse = "Escuela 2025",
                                   .bAttendance = 1};
  }
  aAct[2].zStatus = "programada";
  aAct[3].zStatus = "programada";
  ComplianceOptions opt = {.zAsOf = "2025-04-30"};
  ComplianceResult res;
  const char *zErr;
  assert_int_equal(compliance_compute(pArena, pDoc, aAct, 4, &opt, &res, &zErr),
                   COMPLIANCE_OK);
  const ComplianceLine *p10 = compliance_line(&res, 10);
  /* Two modules of four held: no course yet, but under way. */
  assert_int_equal(p10->nQualifying, 0);
  assert_int_equal(p10->nVerified, 0);
  assert_int_equal(p10->eState, COMPLIANCE_EN_CURSO);
  assert_int_equal(p10->nCourse, 1);
  assert_int_equal(p10->aCourse[0].nDone, 2);
  int bSaid = 0;
  for (int i = 0; i < p10->nMissing; i++)
    bSaid |= strstr(p10->azMissing[i], "2 de 4 módulos") != NULL;
  assert_true(bSaid);
  /* All held, one without its attendance recorded: still not counted. */
  aAct[2].zStatus = aAct[3].zStatus = "realizada";
  aAct[3].bAttendance = 0;
  compliance_compute(pArena, pDoc, aAct, 4, &opt, &res, &zErr);
  assert_int_equal(compliance_line(&res, 10)->nVerified, 0);
  /* With it: one course, verified by its modules' evidence together. */
  aAct[3].bAttendance = 1;
  compliance_compute(pArena, pDoc, aAct, 4, &opt, &res, &zErr);
  p10 = compliance_line(&res, 10);
  assert_int_equal(p10->nQualifying, 1);
  assert_int_equal(p10->nVerified, 1);
  assert_int_equal(p10->eState, COMPLIANCE_CUMPLIDA);
  /* «4 módulos»: each module counts on its own, with its own evidence. */
  PlanTarget *pT = &plan_doc_line(pDoc, 10)->target;
  pT->nCount = 4;
  pT->bModules = 1;
  compliance_compute(pArena, pDoc, aAct, 4, &opt, &res, &zErr);
  p10 = compliance_line(&res, 10);
  assert_int_equal(p10->nCourse, 0);
  assert_int_equal(p10->nQualifying, 4);
  assert_int_equal(p10->nVerified, 0); /* None has all four kinds alone */
  /* Modules held after the line's dates do not count for it, and the
  ** sentence says why (a course of this year on last year's line). */
  pT->nCount = 1;
  pT->bModules = 0;
  aAct[0].zDate = aAct[1].zDate = "2025-07-10";
  opt.zAsOf = "2025-07-31";
  compliance_compute(pArena, pDoc, aAct, 4, &opt, &res, &zErr);
  p10 = compliance_line(&res, 10);
  assert_int_equal(p10->aCourse[0].nDone, 2);
  assert_int_equal(p10->aCourse[0].nOutside, 2);
  bSaid = 0;
  for (int i = 0; i < p10->nMissing; i++) {
    bSaid |= strstr(p10->azMissing[i],
                    "2 de 4 módulos realizados con su asistencia registrada "
                    "(2 realizados fuera de las fechas de la línea).") != NULL;
  }
  assert_true(bSaid);
  arena_free(pArena);
}

static void lines_belong_to_the_general_objective_they_quote(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  /* Lines 1-4, 9, 10 copy an objective's words; 5-8 have their own. */
  static const int aiWant[10] = {2, 1, 4, 5, 0, 0, 0, 0, 6, 3};
  for (int i = 0; i < 10; i++) {
    assert_int_equal(
        compliance_line_objective(pArena, &g_plan, &g_plan.aLine[i]),
        aiWant[i]);
  }
  arena_free(pArena);
}

static void rollups_count_lines_per_objective_and_for_the_plan(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  /* Line 4 cumplida (5 sessions, one of them in Ovalle, so line 9 en curso
  ** at 50 %), line 2 atrasada, everything else with no activity on
  ** 2025-06-15: lines 3, 6, 7, 10 (ending 2025-06-30) en riesgo. */
  static const int aiLine49[] = {4, 9};
  ComplianceActivity aAct[5];
  memset(aAct, 0, sizeof(aAct));
  static const char *const azDate[5] = {
      "2024-04-10", "2024-07-10", "2024-10-09", "2025-01-15", "2025-03-12"};
  for (int i = 0; i < 5; i++) {
    aAct[i] =
        (ComplianceActivity){.iId = i + 1,
                             .zKind = "sesion_ordinaria",
                             .zTitle = "Sesión",
                             .zDate = azDate[i],
                             .zCommune = i == 4 ? "04301" : "04101",
                             .zCommuneName = i == 4 ? "Ovalle" : "La Serena",
                             .zStatus = "realizada",
                             .nLine = i == 4 ? 2 : 1,
                             .aiLine = i == 4 ? aiLine49 : aiLine4,
                             .nEvidence = 4,
                             .azEvidence = azFull};
  }
  ComplianceOptions opt = {.zAsOf = "2025-06-15"};
  ComplianceResult res;
  const char *zErr;
  assert_int_equal(
      compliance_compute(pArena, &g_plan, aAct, 5, &opt, &res, &zErr),
      COMPLIANCE_OK);
  assert_string_equal(res.zAsOf, "2025-06-15");
  assert_int_equal(res.nAtRiskDays, 30);
  /* Six objectives and the group of lines of none. */
  assert_int_equal(res.nObjective, 7);
  const ComplianceRollup *pO5 = &res.aObjective[4];
  assert_int_equal(pO5->iObjective, 5);
  assert_int_equal(pO5->nLine, 1);
  assert_int_equal(pO5->anState[COMPLIANCE_CUMPLIDA], 1);
  assert_true(pO5->rProgress > 0.999);
  const ComplianceRollup *pO6 = &res.aObjective[5];
  assert_int_equal(pO6->iObjective, 6);
  assert_int_equal(pO6->anState[COMPLIANCE_EN_CURSO], 1);
  assert_int_equal(pO6->nTarget, 2);
  assert_int_equal(pO6->nVerified, 1);
  assert_int_equal((int)(pO6->rProgress * 100 + 0.5), 50);
  const ComplianceRollup *pO1 = &res.aObjective[0];
  assert_int_equal(pO1->nLine, 1); /* Line 2 */
  assert_int_equal(pO1->anState[COMPLIANCE_ATRASADA], 1);
  const ComplianceRollup *pOther = &res.aObjective[6];
  assert_int_equal(pOther->iObjective, 0);
  assert_string_equal(pOther->zText, "Otros compromisos del plan");
  assert_int_equal(pOther->nLine, 4);                           /* Lines 5-8 */
  assert_int_equal(pOther->anState[COMPLIANCE_EN_RIESGO], 2);   /* 6, 7 */
  assert_int_equal(pOther->anState[COMPLIANCE_SIN_INICIAR], 2); /* 5, 8 */
  /* The whole plan. */
  const ComplianceRollup *pAll = &res.total;
  assert_int_equal(pAll->nLine, 10);
  assert_int_equal(pAll->anState[COMPLIANCE_CUMPLIDA], 1);
  assert_int_equal(pAll->anState[COMPLIANCE_ATRASADA], 1);
  assert_int_equal(pAll->anState[COMPLIANCE_EN_RIESGO], 4);
  assert_int_equal(pAll->anState[COMPLIANCE_EN_CURSO], 1);
  assert_int_equal(pAll->anState[COMPLIANCE_SIN_INICIAR], 3);
  assert_int_equal(pAll->nTarget, 1 + 1 + 1 + 5 + 2 + 1 + 1 + 1 + 2 + 1);
  assert_int_equal(pAll->nVerified, 6);
  /* One definition: counted activities over the sum of the targets, so
  ** the percentage and "6 de 16" agree (6 / 16 is 37.5 %: 37 %). */
  assert_int_equal(pAll->iPercent, 37);
  assert_int_equal(pAll->iPercent,
                   compliance_percent(pAll->nVerified, pAll->nTarget));
  /* Each line's links say why they count or not. */
  const ComplianceLine *p9 = compliance_line(&res, 9);
  assert_int_equal(p9->nLink, 1);
  assert_int_equal(p9->aLink[0].eReason, COMPLIANCE_COUNTS);
  assert_int_equal(p9->iObjective, 6);
  arena_free(pArena);
}

static void links_are_in_date_order_with_the_reason_they_do_not_count(
    void **state) {
  (void)state;
  Arena *pArena = arena_new();
  static const int aiLine9[] = {9};
  ComplianceActivity aAct[] = {
      {.iId = 3,
       .zKind = "charla",
       .zDate = "2025-02-01",
       .zCommune = "04101",
       .zStatus = "realizada",
       .nLine = 1,
       .aiLine = aiLine9},
      {.iId = 1,
       .zKind = "charla",
       .zDate = "2024-05-01",
       .zCommune = "04301",
       .zStatus = "programada",
       .nLine = 1,
       .aiLine = aiLine9},
      {.iId = 2,
       .zKind = "charla",
       .zDate = "no es fecha",
       .zCommune = "04301",
       .zStatus = "realizada",
       .nLine = 1,
       .aiLine = aiLine9},
      {.iId = 4,
       .zKind = "charla",
       .zDate = "2025-09-01T10:00:00-03:00",
       .zCommune = "04301",
       .zStatus = "realizada",
       .nLine = 1,
       .aiLine = aiLine9},
  };
  ComplianceOptions opt = {.zAsOf = "2025-06-01"};
  ComplianceResult res;
  const char *zErr;
  assert_int_equal(
      compliance_compute(pArena, &g_plan, aAct, 4, &opt, &res, &zErr),
      COMPLIANCE_OK);
  const ComplianceLine *p9 = compliance_line(&res, 9);
  assert_int_equal(p9->nLink, 4);
  assert_int_equal(p9->aLink[0].pActivity->iId, 1);
  assert_int_equal(p9->aLink[0].eReason, COMPLIANCE_NOT_HELD);
  assert_int_equal(p9->aLink[1].pActivity->iId, 3);
  assert_int_equal(p9->aLink[1].eReason, COMPLIANCE_COMMUNE_EXCLUDED);
  assert_int_equal(p9->aLink[2].pActivity->iId, 4);
  assert_int_equal(p9->aLink[2].eReason, COMPLIANCE_AFTER_AS_OF);
  assert_int_equal(p9->aLink[3].pActivity->iId, 2);
  assert_int_equal(p9->aLink[3].eReason, COMPLIANCE_BAD_DATE);
  assert_string_equal(compliance_reason_text(COMPLIANCE_COMMUNE_EXCLUDED),
                      "La meta no cuenta actividades en esa comuna");
  arena_free(pArena);
}

static void bad_as_of_and_at_risk_settings_are_refused(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  ComplianceResult res;
  const char *zErr = NULL;
  ComplianceOptions opt = {.zAsOf = "2025-02-30"};
  assert_int_equal(
      compliance_compute(pArena, &g_plan, NULL, 0, &opt, &res, &zErr),
      COMPLIANCE_ERROR);
  assert_non_null(strstr(zErr, "fecha"));
  opt = (ComplianceOptions){.zAsOf = NULL};
  assert_int_equal(
      compliance_compute(pArena, &g_plan, NULL, 0, &opt, &res, &zErr),
      COMPLIANCE_ERROR);
  opt = (ComplianceOptions){.zAsOf = "2025-01-01", .nAtRiskDays = -1};
  assert_int_equal(
      compliance_compute(pArena, &g_plan, NULL, 0, &opt, &res, &zErr),
      COMPLIANCE_ERROR);
  assert_non_null(strstr(zErr, "riesgo"));
  arena_free(pArena);
}

static void states_have_contract_slugs_and_spanish_labels(void **state) {
  (void)state;
  static const char *const azSlug[] = {"cumplida", "atrasada", "en_riesgo",
                                       "en_curso", "sin_iniciar"};
  for (int i = 0; i < COMPLIANCE_STATE_COUNT; i++) {
    assert_string_equal(compliance_state_slug(i), azSlug[i]);
    assert_int_equal(compliance_state_from_slug(azSlug[i]), i);
  }
  assert_string_equal(compliance_state_label(COMPLIANCE_EN_RIESGO),
                      "En riesgo");
  assert_int_equal(compliance_state_from_slug("otra"), -1);
  char z[PLAN_DATE_SIZE];
  date_text_dmy("2025-03-12", z);
  assert_string_equal(z, "12-03-2025");
  /* 2025-04-05 02:30 UTC is still the 4th in Santiago (UTC-3). */
  compliance_local_date(1743820200, z);
  assert_string_equal(z, "2025-04-04");
  compliance_today(z);
  assert_true(plan_date_valid(z));
}

/* The API's reason slugs (CONTRACT) come from the table that holds the
** sentences, one per reason; a value that is no reason has neither. */
static void reasons_have_api_slugs_beside_their_sentences(void **state) {
  (void)state;
  static const char *const azSlug[] = {
      "counts",           "not_held",       "bad_date",
      "after_as_of",      "outside_window", "kind_refused",
      "commune_excluded", "no_commune",     "no_line"};
  for (int i = COMPLIANCE_COUNTS; i <= COMPLIANCE_NO_LINE; i++) {
    assert_string_equal(compliance_reason_slug((ComplianceReason)i), azSlug[i]);
    assert_true(compliance_reason_text((ComplianceReason)i)[0] != 0);
  }
  assert_string_equal(compliance_reason_slug(COMPLIANCE_OUTSIDE_WINDOW),
                      "outside_window");
  assert_string_equal(compliance_reason_text(COMPLIANCE_OUTSIDE_WINDOW),
                      "Fuera del plazo de la línea");
  assert_string_equal(compliance_reason_slug((ComplianceReason)99), "");
  assert_string_equal(compliance_reason_text((ComplianceReason)99), "");
}

/* ---- Setup: the real plan ---- */

static int setup(void **state) {
  (void)state;
  FILE *f = fopen(SEED, "rb");
  if (!f) return -1;
  char *z = malloc(1 << 20);
  size_t n = fread(z, 1, (1 << 20) - 1, f);
  fclose(f);
  g_pArena = arena_new();
  const char *zErr = NULL;
  PlanContext ctx;
  fixture_plan_context(g_pArena, &ctx, "04", NULL);
  int rc = plan_import_parse(g_pArena, z, n, &ctx, &g_plan, &zErr);
  free(z);
  if (rc != PLAN_IMPORT_OK) fprintf(stderr, "refused: %s\n", zErr);
  return rc == PLAN_IMPORT_OK && g_plan.nLine == 10 ? 0 : -1;
}

static int teardown(void **state) {
  (void)state;
  arena_free(g_pArena);
  return 0;
}

/* ---- Whether one activity counts, told (compliance_explain) ---- */

typedef struct VerdictCase {
  const char *zName;
  ComplianceActivity act;
  const char *zAsOf;
  ComplianceReason eReason; /* For the first line the activity names */
  const char *zText;        /* Its exact sentence */
} VerdictCase;

static const int aiLine2[] = {2};
static const int aiLine9Only[] = {9};
static const int aiLine12[] = {12};
static const char *const azCitationOnly[] = {"citacion", NULL};

static const VerdictCase aVerdict[] = {
    {"a_verified_session_counts",
     {1, "sesion_ordinaria", "Sesión", "2025-03-12", "04101", "La Serena",
      "realizada", 1, aiLine4, 4, azFull, 0, NULL, 0},
     "2025-04-01",
     COMPLIANCE_COUNTS,
     "Cuenta para la Línea 4 y está verificada."},
    {"a_held_session_without_acta_counts_and_says_what_is_missing",
     {1, "sesion_ordinaria", "Sesión", "2025-03-12", "04101", "La Serena",
      "realizada", 1, aiLine4, 1, azCitationOnly, 0, NULL, 0},
     "2025-04-01",
     COMPLIANCE_COUNTS,
     "Cuenta para la Línea 4; para verificarla faltan la lista de "
     "Asistencia, las Fotografías y el Acta."},
    {"an_activity_outside_the_window_says_so_with_the_dates",
     {1, "charla", "Charla", "2025-09-10", "04101", "La Serena", "realizada", 1,
      aiLine2, 0, NULL, 0, NULL, 0},
     "2025-10-01",
     COMPLIANCE_OUTSIDE_WINDOW,
     "No cuenta para la Línea 2 porque su fecha (10-09-2025) está fuera del "
     "plazo de la línea, del 01-07-2024 al 31-12-2024."},
    {"a_talk_does_not_count_for_a_line_of_sessions",
     {1, "charla", "Charla", "2025-03-12", "04101", "La Serena", "realizada", 1,
      aiLine4, 0, NULL, 0, NULL, 0},
     "2025-04-01",
     COMPLIANCE_KIND_REFUSED,
     "No cuenta para la Línea 4 porque la meta cuenta solo sesiones y esta "
     "actividad es de tipo «Charla»."},
    {"an_activity_in_the_excluded_commune_says_where",
     {1, "sesion_ordinaria", "Sesión", "2025-03-12", "04101", "La Serena",
      "realizada", 1, aiLine9Only, 4, azFull, 0, NULL, 0},
     "2025-04-01",
     COMPLIANCE_COMMUNE_EXCLUDED,
     "No cuenta para la Línea 9 porque es en La Serena y la meta cuenta "
     "actividades fuera de La Serena."},
    {"an_upcoming_session_will_count_and_says_what_it_will_need",
     {1, "sesion_ordinaria", "Sesión", "2025-05-12", "04301", "Ovalle",
      "convocada", 1, aiLine4, 1, azCitationOnly, 0, NULL, 0},
     "2025-04-01",
     COMPLIANCE_NOT_HELD,
     "Contará para la Línea 4 cuando se realice; para quedar verificada "
     "necesitará la lista de Asistencia, las Fotografías y el Acta."},
    {"a_past_session_not_marked_held_asks_for_it",
     {1, "sesion_ordinaria", "Sesión", "2025-03-12", "04101", "La Serena",
      "programada", 1, aiLine4, 4, azFull, 0, NULL, 0},
     "2025-04-01",
     COMPLIANCE_NOT_HELD,
     "Aún no cuenta para la Línea 4: falta marcarla como realizada; ya tiene "
     "todos los verificadores que la línea pide."},
    {"a_suspended_session_does_not_count",
     {1, "sesion_ordinaria", "Sesión", "2025-03-12", "04101", "La Serena",
      "suspendida", 1, aiLine4, 0, NULL, 0, NULL, 0},
     "2025-04-01",
     COMPLIANCE_NOT_HELD,
     "No cuenta para la Línea 4 porque está suspendida."},
    {"looking_back_a_later_session_did_not_count_yet",
     {1, "sesion_ordinaria", "Sesión", "2025-03-12", "04101", "La Serena",
      "realizada", 1, aiLine4, 4, azFull, 0, NULL, 0},
     "2025-03-01",
     COMPLIANCE_AFTER_AS_OF,
     "No contaba para la Línea 4 al 01-03-2025: se realizó el 12-03-2025."},
    {"a_line_the_plan_does_not_have",
     {1, "sesion_ordinaria", "Sesión", "2025-03-12", "04101", "La Serena",
      "realizada", 1, aiLine12, 0, NULL, 0, NULL, 0},
     "2025-04-01",
     COMPLIANCE_NO_LINE,
     "No cuenta para la Línea 12: el plan no tiene esa línea."},
};

static void each_activity_says_whether_it_counts_and_why(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof(aVerdict) / sizeof(aVerdict[0]); i++) {
    Arena *pArena = arena_new();
    const VerdictCase *c = &aVerdict[i];
    ComplianceActivity act = c->act;
    act.nEvidence = 0;
    while (act.azEvidence && act.azEvidence[act.nEvidence]) act.nEvidence++;
    ComplianceOptions opt = {.zAsOf = c->zAsOf};
    ComplianceVerdict *aV = NULL;
    assert_int_equal(compliance_explain(pArena, &g_plan, &act, &opt, &aV), 1);
    if (aV[0].eReason != c->eReason || strcmp(aV[0].zText, c->zText) != 0)
      fail_msg("%s: reason %d «%s»", c->zName, aV[0].eReason, aV[0].zText);
    /* The same verdict as the computation of the whole plan. */
    if (aV[0].pLine) {
      ComplianceResult res;
      const char *zErr;
      assert_int_equal(
          compliance_compute(pArena, &g_plan, &act, 1, &opt, &res, &zErr),
          COMPLIANCE_OK);
      const ComplianceLine *pL = compliance_line(&res, aV[0].iLine);
      assert_int_equal(pL->nLink, 1);
      assert_int_equal(pL->aLink[0].eReason, aV[0].eReason);
      assert_int_equal(pL->aLink[0].bVerified, aV[0].bVerified);
    }
    arena_free(pArena);
  }
}

static void the_plan_says_whether_it_is_current_ended_or_to_come(void **state) {
  (void)state;
  assert_int_equal(
      compliance_plan_state("2024-01-01", "2025-12-31", "2026-12-03"),
      COMPLIANCE_PLAN_TERMINADO);
  assert_int_equal(
      compliance_plan_state("2024-01-01", "2025-12-31", "2025-12-31"),
      COMPLIANCE_PLAN_VIGENTE);
  assert_int_equal(
      compliance_plan_state("2027-01-01", "2027-12-31", "2026-12-03"),
      COMPLIANCE_PLAN_POR_COMENZAR);
  assert_string_equal(compliance_plan_state_slug(COMPLIANCE_PLAN_POR_COMENZAR),
                      "por_comenzar");
  /* An ended plan's unmet lines read as its final result. */
  Arena *pArena = arena_new();
  ComplianceOptions opt = {.zAsOf = "2026-12-03"};
  ComplianceResult res;
  const char *zErr;
  assert_int_equal(
      compliance_compute(pArena, &g_plan, NULL, 0, &opt, &res, &zErr),
      COMPLIANCE_OK);
  assert_int_equal(res.ePlan, COMPLIANCE_PLAN_TERMINADO);
  assert_string_equal(compliance_line_state_label(&res, &res.aLine[0]),
                      "No cumplida");
  arena_free(pArena);
}

static void one_percentage_truncates_and_is_whole_only_when_done(void **state) {
  (void)state;
  assert_int_equal(compliance_percent(14, 16), 87);
  assert_int_equal(compliance_percent(199, 200), 99);
  assert_int_equal(compliance_percent(3, 3), 100);
  assert_int_equal(compliance_percent(5, 3), 100);
  assert_int_equal(compliance_percent(0, 0), 0);
}

/* The demo's next plan is moved so that its period holds today. */
static void a_plan_moves_whole_by_years(void **state) {
  (void)state;
  Arena *pArena = arena_new();
  PlanDoc *pDoc = plan_doc_copy(pArena, &g_plan);
  plan_doc_shift_years(pArena, pDoc, 2);
  assert_string_equal(pDoc->zPeriodStart, "2026-01-01");
  assert_string_equal(pDoc->zPeriodEnd, "2027-12-31");
  assert_non_null(strstr(pDoc->zTitle, "2026-2027"));
  const PlanLine *p2 = plan_doc_line(pDoc, 2);
  assert_string_equal(p2->window.zStart, "2026-07-01");
  assert_string_equal(p2->window.zEnd, "2026-12-31");
  assert_non_null(strstr(p2->zWindowPhrase, "2026"));
  /* The plan it was copied from is untouched. */
  assert_string_equal(g_plan.zPeriodStart, "2024-01-01");
  arena_free(pArena);
}

int main(void) {
  enum { nCase = sizeof(aCase) / sizeof(aCase[0]) };
  static const struct CMUnitTest aFixed[] = {
      cmocka_unit_test(the_issue_sentence_reads_exactly_for_a_shorter_window),
      cmocka_unit_test(options_name_communes_and_place_lines_under_objectives),
      cmocka_unit_test(each_province_must_have_a_verified_activity),
      cmocka_unit_test(a_course_counts_once_unless_the_target_counts_modules),
      cmocka_unit_test(lines_belong_to_the_general_objective_they_quote),
      cmocka_unit_test(rollups_count_lines_per_objective_and_for_the_plan),
      cmocka_unit_test(
          links_are_in_date_order_with_the_reason_they_do_not_count),
      cmocka_unit_test(bad_as_of_and_at_risk_settings_are_refused),
      cmocka_unit_test(states_have_contract_slugs_and_spanish_labels),
      cmocka_unit_test(reasons_have_api_slugs_beside_their_sentences),
      cmocka_unit_test(each_activity_says_whether_it_counts_and_why),
      cmocka_unit_test(the_plan_says_whether_it_is_current_ended_or_to_come),
      cmocka_unit_test(one_percentage_truncates_and_is_whole_only_when_done),
      cmocka_unit_test(a_plan_moves_whole_by_years),
  };
  enum { nFixed = sizeof(aFixed) / sizeof(aFixed[0]) };
  static struct CMUnitTest aTest[nCase + nFixed];
  /* One named test per row of the table. */
  for (int i = 0; i < nCase; i++) {
    aTest[i] = (struct CMUnitTest){.name = aCase[i].zName,
                                   .test_func = run_case,
                                   .initial_state = (void *)&aCase[i]};
  }
  for (int i = 0; i < nFixed; i++) aTest[nCase + i] = aFixed[i];
  return _cmocka_run_group_tests("compliance", aTest, nCase + nFixed, setup,
                                 teardown);
}
