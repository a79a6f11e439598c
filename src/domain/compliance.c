/*
** The compliance engine (see compliance.h): which linked activities count
** for each plan line, the line's state as on a day, and the Spanish
** sentences of what is missing. The sentences live in compliance_text.c
** with the rest of the wording, so it can be reviewed in one place.
*/
#include "domain/compliance.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domain/chile_time.h"
#include "domain/compliance_text.h"
#include "domain/plan_catalog.h"
#include "domain/slug.h"
#include "domain/tz.h"

#define COMPLIANCE_STATUS_HELD "realizada" /* The only status that counts */
#define OBJECTIVE_WORD_MIN 4 /* Shorter words ("de", "las") say nothing */

static const SlugLabel aState[COMPLIANCE_STATE_COUNT] = {
    [COMPLIANCE_CUMPLIDA] = {"cumplida", "Cumplida"},
    [COMPLIANCE_ATRASADA] = {"atrasada", "Atrasada"},
    [COMPLIANCE_EN_RIESGO] = {"en_riesgo", "En riesgo"},
    [COMPLIANCE_EN_CURSO] = {"en_curso", "En curso"},
    [COMPLIANCE_SIN_INICIAR] = {"sin_iniciar", "Sin iniciar"},
};

const char *compliance_state_slug(ComplianceState eState) {
  return slug_at(aState, COMPLIANCE_STATE_COUNT, (int)eState,
                 COMPLIANCE_SIN_INICIAR)
      ->zSlug;
}

const char *compliance_state_label(ComplianceState eState) {
  return slug_at(aState, COMPLIANCE_STATE_COUNT, (int)eState,
                 COMPLIANCE_SIN_INICIAR)
      ->zLabel;
}

int compliance_state_from_slug(const char *zSlug) {
  return slug_index(aState, COMPLIANCE_STATE_COUNT, zSlug);
}

/* ---- The plan's period and the one percentage ---- */

static const SlugLabel aPlanState[] = {
    [COMPLIANCE_PLAN_VIGENTE] = {"vigente", "Vigente"},
    [COMPLIANCE_PLAN_TERMINADO] = {"terminado", "Terminado"},
    [COMPLIANCE_PLAN_POR_COMENZAR] = {"por_comenzar", "Por comenzar"},
};

CompliancePlanState compliance_plan_state(const char *zStart, const char *zEnd,
                                          const char *zAsOf) {
  if (zAsOf && zStart && plan_date_valid(zStart) && strcmp(zAsOf, zStart) < 0)
    return COMPLIANCE_PLAN_POR_COMENZAR;
  if (zAsOf && zEnd && plan_date_valid(zEnd) && strcmp(zAsOf, zEnd) > 0)
    return COMPLIANCE_PLAN_TERMINADO;
  return COMPLIANCE_PLAN_VIGENTE;
}

#define N_PLAN_STATE ((int)(sizeof(aPlanState) / sizeof(aPlanState[0])))

const char *compliance_plan_state_slug(CompliancePlanState e) {
  return slug_at(aPlanState, N_PLAN_STATE, (int)e, COMPLIANCE_PLAN_VIGENTE)
      ->zSlug;
}

const char *compliance_plan_state_label(CompliancePlanState e) {
  return slug_at(aPlanState, N_PLAN_STATE, (int)e, COMPLIANCE_PLAN_VIGENTE)
      ->zLabel;
}

int compliance_percent(int nCounted, int nTarget) {
  if (nTarget <= 0 || nCounted <= 0) return 0;
  if (nCounted >= nTarget) return 100;
  /* Truncated: 14 of 16 is 87 %, and only a whole target is 100 %. */
  return (int)((long long)nCounted * 100 / nTarget);
}

/* ---- Dates ---- */

/* Days since 1970-01-01 of a valid YYYY-MM-DD. */
static long date_day_number(const char *z) {
  return (long)tz_days_from_civil(atoi(z), atoi(z + 5), atoi(z + 8));
}

void compliance_local_date(int64_t iUtc, char *z) {
  LocalTime t;
  chile_time_from_utc(iUtc, &t, NULL);
  plan_date_format(z, t.iYear, t.iMonth, t.iDay);
}

void compliance_today(char *z) {
  compliance_local_date((int64_t)time(NULL), z);
}

/* The first ten characters of z, when they are a date; else "". */
static void activity_date(const ComplianceActivity *pAct,
                          char z[PLAN_DATE_SIZE]) {
  z[0] = 0;
  if (!pAct->zDate || strlen(pAct->zDate) < PLAN_DATE_SIZE - 1) return;
  memcpy(z, pAct->zDate, PLAN_DATE_SIZE - 1);
  z[PLAN_DATE_SIZE - 1] = 0;
  if (!plan_date_valid(z)) z[0] = 0;
}

/* ---- Which activities count ---- */

static int str_in(const char *z, const char *const *az, int n) {
  for (int i = 0; z && i < n; i++) {
    if (az[i] && strcmp(az[i], z) == 0) return 1;
  }
  return 0;
}

static int activity_links_line(const ComplianceActivity *pAct, int iLine) {
  for (int i = 0; i < pAct->nLine; i++) {
    if (pAct->aiLine[i] == iLine) return 1;
  }
  return 0;
}

/* Whether pAct counts for pLine as on zAsOf, and if not why. Tested in the
** order a person would explain it: what can never change first (when,
** what, where), then whether it has happened yet. */
static ComplianceReason activity_reason(const ComplianceActivity *pAct,
                                        const PlanLine *pLine,
                                        const char *zAsOf) {
  char zDate[PLAN_DATE_SIZE];
  activity_date(pAct, zDate);
  if (!zDate[0]) return COMPLIANCE_BAD_DATE;
  if (strcmp(zDate, pLine->window.zStart) < 0 ||
      strcmp(zDate, pLine->window.zEnd) > 0)
    return COMPLIANCE_OUTSIDE_WINDOW;
  const PlanTarget *pT = &pLine->target;
  if (pT->nKind > 0 && !str_in(pAct->zKind, pT->azKind, pT->nKind))
    return COMPLIANCE_KIND_REFUSED;
  if (pT->nExclude > 0) {
    if (!pAct->zCommune || !pAct->zCommune[0]) return COMPLIANCE_NO_COMMUNE;
    if (str_in(pAct->zCommune, pT->azExclude, pT->nExclude))
      return COMPLIANCE_COMMUNE_EXCLUDED;
  }
  if (!pAct->zStatus || strcmp(pAct->zStatus, COMPLIANCE_STATUS_HELD) != 0)
    return COMPLIANCE_NOT_HELD;
  if (strcmp(zDate, zAsOf) > 0) return COMPLIANCE_AFTER_AS_OF;
  return COMPLIANCE_COUNTS;
}

/* The line's required evidence kinds, each once, in the line's order. */
static int required_kinds(const PlanLine *pLine,
                          const char *azKind[PLAN_EVIDENCE_MAX]) {
  int n = 0;
  for (int i = 0; i < pLine->nEvidence && n < PLAN_EVIDENCE_MAX; i++) {
    const char *zKind = pLine->aEvidence[i].zKind;
    /* The importer and the editor refuse unknown wordings, so every item
    ** has a kind; one without could never be checked, so it is skipped. */
    if (!zKind || str_in(zKind, azKind, n)) continue;
    azKind[n++] = zKind;
  }
  return n;
}

/* The required kinds pAct lacks, into *pazMissing (arena); their count. */
static int missing_kinds(Arena *pArena, const ComplianceActivity *pAct,
                         const char *const *azRequired, int nRequired,
                         const char ***pazMissing) {
  const char **az = arena_alloc(pArena, sizeof(char *) * (nRequired + 1));
  int n = 0;
  for (int i = 0; i < nRequired; i++) {
    if (!str_in(azRequired[i], pAct->azEvidence, pAct->nEvidence))
      az[n++] = azRequired[i];
  }
  *pazMissing = az;
  return n;
}

static void link_check_evidence(Arena *pArena, ComplianceLink *pLink,
                                const char *const *azRequired, int nRequired) {
  pLink->nMissingKind = missing_kinds(pArena, pLink->pActivity, azRequired,
                                      nRequired, &pLink->azMissingKind);
  pLink->bVerified = pLink->nMissingKind == 0;
}

static int link_compare(const void *pA, const void *pB) {
  const ComplianceActivity *a = ((const ComplianceLink *)pA)->pActivity;
  const ComplianceActivity *b = ((const ComplianceLink *)pB)->pActivity;
  int c = strncmp(a->zDate ? a->zDate : "", b->zDate ? b->zDate : "",
                  PLAN_DATE_SIZE - 1);
  if (c) return c;
  return (a->iId > b->iId) - (a->iId < b->iId);
}

static ComplianceState line_state(const ComplianceLine *p, long nDaysLeft,
                                  int nAtRiskDays) {
  if (p->nVerified >= p->nTarget && p->nProvinceMissing == 0)
    return COMPLIANCE_CUMPLIDA;
  if (nDaysLeft < 0) return COMPLIANCE_ATRASADA;
  if (nDaysLeft <= nAtRiskDays) return COMPLIANCE_EN_RIESGO;
  if (p->nQualifying > 0) return COMPLIANCE_EN_CURSO;
  /* A course under way: some of its modules held. */
  for (int i = 0; i < p->nCourse; i++) {
    if (p->aCourse[i].nDone > 0) return COMPLIANCE_EN_CURSO;
  }
  return COMPLIANCE_SIN_INICIAR;
}

/* Counts each course linked to the line as one activity (see
** compliance.h): its modules' own counts are taken back, and the course
** counts once when every module is done, verified when its modules
** together carry every required kind. */
static void courses_group(Arena *pArena, ComplianceLine *p,
                          const char *const *azRequired, int nRequired) {
  p->aCourse =
      arena_alloc(pArena, sizeof(ComplianceCourse) * (size_t)(p->nLink + 1));
  for (int i = 0; i < p->nLink; i++) {
    ComplianceLink *pLink = &p->aLink[i];
    const ComplianceActivity *a = pLink->pActivity;
    if (a->iCourse <= 0) continue;
    ComplianceCourse *c = NULL;
    for (int k = 0; k < p->nCourse && !c; k++) {
      if (p->aCourse[k].iCourse == a->iCourse) c = &p->aCourse[k];
    }
    if (!c) {
      c = &p->aCourse[p->nCourse++];
      memset(c, 0, sizeof(*c));
      c->iCourse = a->iCourse;
      c->zTitle = a->zCourse ? a->zCourse : a->zTitle;
    }
    pLink->bInCourse = 1;
    c->nModule++;
    if (pLink->eReason == COMPLIANCE_COUNTS) {
      p->nQualifying--;
      p->nVerified -= pLink->bVerified;
      c->nDone += a->bAttendance;
    } else if (pLink->eReason == COMPLIANCE_OUTSIDE_WINDOW) {
      c->nOutside++;
    }
  }
  for (int k = 0; k < p->nCourse; k++) {
    ComplianceCourse *c = &p->aCourse[k];
    c->bQualifies = c->nDone == c->nModule;
    c->azMissingKind =
        arena_alloc(pArena, sizeof(char *) * (size_t)(nRequired + 1));
    for (int r = 0; r < nRequired; r++) {
      int bFound = 0;
      for (int i = 0; i < p->nLink && !bFound; i++) {
        const ComplianceActivity *a = p->aLink[i].pActivity;
        bFound = a->iCourse == c->iCourse &&
                 str_in(azRequired[r], a->azEvidence, a->nEvidence);
      }
      if (!bFound) c->azMissingKind[c->nMissingKind++] = azRequired[r];
    }
    c->bVerified = c->bQualifies && c->nMissingKind == 0;
    p->nQualifying += c->bQualifies;
    p->nVerified += c->bVerified;
  }
}

/* The provinces of an "en cada provincia" target that no verified activity
** of the line was held in. A commune code starts with its province's. */
static void provinces_missing(Arena *pArena, ComplianceLine *p) {
  const PlanTarget *pT = &p->pLine->target;
  p->azProvinceMissing =
      arena_alloc(pArena, sizeof(char *) * (size_t)(pT->nProvince + 1));
  for (int i = 0; i < pT->nProvince; i++) {
    const char *zCode = pT->azProvince[i];
    size_t n = strlen(zCode);
    int bCovered = 0;
    for (int k = 0; !bCovered && k < p->nLink; k++) {
      const ComplianceActivity *a = p->aLink[k].pActivity;
      bCovered = p->aLink[k].bVerified && a->zCommune &&
                 strncmp(a->zCommune, zCode, n) == 0;
    }
    if (bCovered) continue;
    p->azProvinceMissing[p->nProvinceMissing++] =
        pT->azProvinceName[i] ? pT->azProvinceName[i]
                              : arena_printf(pArena, "la provincia %s", zCode);
  }
}

static void line_compute(Arena *pArena, const PlanLine *pLine,
                         const ComplianceActivity *aAct, int nAct,
                         const ComplianceOptions *pOpt, ComplianceLine *p) {
  const char *azRequired[PLAN_EVIDENCE_MAX];
  int nRequired = required_kinds(pLine, azRequired);
  p->pLine = pLine;
  p->iNumber = pLine->iNumber;
  p->nTarget = pLine->target.nCount > 0 ? pLine->target.nCount : 1;
  int nLinked = 0;
  for (int i = 0; i < nAct; i++)
    nLinked += activity_links_line(&aAct[i], pLine->iNumber);
  p->aLink = arena_alloc(pArena, sizeof(ComplianceLink) * (nLinked + 1));
  for (int i = 0; i < nAct; i++) {
    if (!activity_links_line(&aAct[i], pLine->iNumber)) continue;
    ComplianceLink *pLink = &p->aLink[p->nLink++];
    pLink->pActivity = &aAct[i];
    pLink->eReason = activity_reason(&aAct[i], pLine, pOpt->zAsOf);
    if (pLink->eReason != COMPLIANCE_COUNTS) continue;
    p->nQualifying++;
    link_check_evidence(pArena, pLink, azRequired, nRequired);
    p->nVerified += pLink->bVerified;
  }
  qsort(p->aLink, (size_t)p->nLink, sizeof(ComplianceLink), link_compare);
  if (!pLine->target.bModules) courses_group(pArena, p, azRequired, nRequired);
  provinces_missing(pArena, p);
  long nDaysLeft =
      plan_date_valid(pLine->window.zEnd)
          ? date_day_number(pLine->window.zEnd) - date_day_number(pOpt->zAsOf)
          : 0;
  p->nDaysLeft = (int)nDaysLeft;
  int nAtRisk = pOpt->nAtRiskDays > 0 ? pOpt->nAtRiskDays
                                      : COMPLIANCE_AT_RISK_DAYS_DEFAULT;
  p->eState = line_state(p, nDaysLeft, nAtRisk);
  /* Each province still missing needs an activity of its own, so that
  ** many of the target are still to come whatever else was held. */
  int nRoom = p->nTarget - p->nProvinceMissing;
  p->nCounted = p->nVerified < nRoom ? p->nVerified : nRoom;
  if (p->nCounted < 0) p->nCounted = 0;
  p->rProgress = (double)p->nCounted / (double)p->nTarget;
  p->iPercent = compliance_percent(p->nCounted, p->nTarget);
}

/* ---- General objectives ---- */

/* The distinct words of at least OBJECTIVE_WORD_MIN letters in folded z,
** as a NULL-terminated array. */
static const char **words_of(Arena *pArena, const char *z) {
  const char *zFold = plan_text_fold(pArena, z ? z : "");
  size_t nMax = strlen(zFold) / 2 + 2;
  const char **az = arena_alloc(pArena, sizeof(char *) * nMax);
  int n = 0;
  for (const char *p = zFold; *p;) {
    size_t nWord = 0;
    while ((p[nWord] >= 'a' && p[nWord] <= 'z') ||
           (p[nWord] >= '0' && p[nWord] <= '9'))
      nWord++;
    if (nWord >= OBJECTIVE_WORD_MIN) {
      const char *zWord = arena_strndup(pArena, p, nWord);
      if (!str_in(zWord, az, n)) az[n++] = zWord;
    }
    p += nWord ? nWord : 1;
  }
  az[n] = NULL;
  return az;
}

static int words_count(const char *const *az) {
  int n = 0;
  while (az[n]) n++;
  return n;
}

/* The words of every objective, folded once per computation (folding them
** again for every line was most of a recomputation's text work). */
static const char ***objective_words(Arena *pArena, const PlanDoc *pPlan) {
  const char ***aaz =
      arena_alloc(pArena, sizeof(char **) * (size_t)(pPlan->nObjective + 1));
  for (int i = 0; i < pPlan->nObjective; i++) {
    aaz[i] = words_of(pArena, pPlan->aObjective[i].zText);
  }
  return aaz;
}

static int line_objective(Arena *pArena, const PlanDoc *pPlan,
                          const char ***aazObj, const PlanLine *pLine) {
  const char **azLine = words_of(pArena, pLine->zObjective);
  int nLine = words_count(azLine);
  int iBest = 0;
  double rBest = 0.5; /* At least half of the objective's words */
  for (int i = 0; i < pPlan->nObjective; i++) {
    const char **azObj = aazObj[i];
    int nObj = words_count(azObj), nShared = 0;
    for (int k = 0; k < nObj; k++) nShared += str_in(azObj[k], azLine, nLine);
    double r = nObj ? (double)nShared / nObj : 0;
    if (r >= rBest && (iBest == 0 || r > rBest)) {
      iBest = pPlan->aObjective[i].iNumber;
      rBest = r;
    }
  }
  return iBest;
}

int compliance_line_objective(Arena *pArena, const PlanDoc *pPlan,
                              const PlanLine *pLine) {
  return line_objective(pArena, pPlan, objective_words(pArena, pPlan), pLine);
}

static void rollup_add(ComplianceRollup *pR, const ComplianceLine *pL) {
  pR->nLine++;
  pR->anState[pL->eState]++;
  pR->nTarget += pL->nTarget;
  pR->nVerified += pL->nCounted;
}

static void rollup_finish(ComplianceRollup *pR) {
  pR->rProgress = pR->nTarget ? (double)pR->nVerified / pR->nTarget : 0;
  pR->iPercent = compliance_percent(pR->nVerified, pR->nTarget);
}

static int objective_known(const PlanDoc *pPlan, int iNumber) {
  for (int i = 0; i < pPlan->nObjective; i++) {
    if (pPlan->aObjective[i].iNumber == iNumber) return 1;
  }
  return 0;
}

static void rollups_compute(Arena *pArena, const PlanDoc *pPlan,
                            ComplianceResult *pOut) {
  int bOther = 0;
  for (int i = 0; i < pOut->nLine; i++) {
    ComplianceLine *pL = &pOut->aLine[i];
    if (!objective_known(pPlan, pL->iObjective)) pL->iObjective = 0;
    bOther |= pL->iObjective == 0;
    rollup_add(&pOut->total, pL);
  }
  rollup_finish(&pOut->total);
  pOut->aObjective = arena_alloc(
      pArena, sizeof(ComplianceRollup) * (size_t)(pPlan->nObjective + 1));
  for (int k = 0; k <= pPlan->nObjective; k++) {
    if (k == pPlan->nObjective && !bOther) break;
    ComplianceRollup *pR = &pOut->aObjective[pOut->nObjective++];
    if (k < pPlan->nObjective) {
      pR->iObjective = pPlan->aObjective[k].iNumber;
      pR->zText = pPlan->aObjective[k].zText;
    } else {
      pR->zText = compliance_text_other_objective();
    }
    for (int i = 0; i < pOut->nLine; i++) {
      if (pOut->aLine[i].iObjective == pR->iObjective)
        rollup_add(pR, &pOut->aLine[i]);
    }
    rollup_finish(pR);
  }
}

/* ---- The whole computation ---- */

int compliance_compute(Arena *pArena, const PlanDoc *pPlan,
                       const ComplianceActivity *aActivity, int nActivity,
                       const ComplianceOptions *pOpt, ComplianceResult *pOut,
                       const char **pzErr) {
  memset(pOut, 0, sizeof(*pOut));
  *pzErr = NULL;
  if (!pOpt || !plan_date_valid(pOpt->zAsOf)) {
    *pzErr = "La fecha de corte debe ser una fecha válida (AAAA-MM-DD).";
    return COMPLIANCE_ERROR;
  }
  if (pOpt->nAtRiskDays < 0 ||
      pOpt->nAtRiskDays > COMPLIANCE_AT_RISK_DAYS_MAX) {
    *pzErr = "Los días de aviso de riesgo deben ser un número entre 1 y 3660.";
    return COMPLIANCE_ERROR;
  }
  memcpy(pOut->zAsOf, pOpt->zAsOf, PLAN_DATE_SIZE);
  pOut->ePlan = compliance_plan_state(pPlan->zPeriodStart, pPlan->zPeriodEnd,
                                      pOut->zAsOf);
  pOut->nAtRiskDays = pOpt->nAtRiskDays > 0 ? pOpt->nAtRiskDays
                                            : COMPLIANCE_AT_RISK_DAYS_DEFAULT;
  pOut->nLine = pPlan->nLine;
  pOut->aLine =
      arena_alloc(pArena, sizeof(ComplianceLine) * (size_t)(pPlan->nLine + 1));
  const char ***aazObj = NULL; /* objective_words(), when first needed */
  for (int i = 0; i < pPlan->nLine; i++) {
    ComplianceLine *pL = &pOut->aLine[i];
    line_compute(pArena, &pPlan->aLine[i], aActivity, nActivity, pOpt, pL);
    if (pOpt->aiObjective) {
      pL->iObjective = pOpt->aiObjective[i];
    } else {
      if (!aazObj) aazObj = objective_words(pArena, pPlan);
      pL->iObjective = line_objective(pArena, pPlan, aazObj, &pPlan->aLine[i]);
    }
    compliance_text_missing(pArena, pL, aActivity, nActivity, pOpt);
  }
  rollups_compute(pArena, pPlan, pOut);
  return COMPLIANCE_OK;
}

const char *compliance_line_state_label(const ComplianceResult *pResult,
                                        const ComplianceLine *pLine) {
  if (pResult->ePlan == COMPLIANCE_PLAN_TERMINADO &&
      pLine->eState == COMPLIANCE_ATRASADA)
    return compliance_text_unmet_label();
  return compliance_state_label(pLine->eState);
}

int compliance_explain(Arena *pArena, const PlanDoc *pPlan,
                       const ComplianceActivity *pAct,
                       const ComplianceOptions *pOpt,
                       ComplianceVerdict **paVerdict) {
  ComplianceVerdict *a = arena_alloc(
      pArena, sizeof(ComplianceVerdict) * (size_t)(pAct->nLine + 1));
  memset(a, 0, sizeof(ComplianceVerdict) * (size_t)(pAct->nLine + 1));
  for (int i = 0; i < pAct->nLine; i++) {
    ComplianceVerdict *v = &a[i];
    v->iLine = pAct->aiLine[i];
    for (int k = 0; k < pPlan->nLine && !v->pLine; k++) {
      if (pPlan->aLine[k].iNumber == v->iLine) v->pLine = &pPlan->aLine[k];
    }
    if (!v->pLine) {
      v->eReason = COMPLIANCE_NO_LINE;
    } else {
      const char *azRequired[PLAN_EVIDENCE_MAX];
      int nRequired = required_kinds(v->pLine, azRequired);
      v->eReason = activity_reason(pAct, v->pLine, pOpt->zAsOf);
      v->nMissingKind =
          missing_kinds(pArena, pAct, azRequired, nRequired, &v->azMissingKind);
      v->bVerified = v->eReason == COMPLIANCE_COUNTS && v->nMissingKind == 0;
      v->bWillCount = v->eReason == COMPLIANCE_NOT_HELD ||
                      v->eReason == COMPLIANCE_AFTER_AS_OF;
    }
    v->zText = compliance_text_verdict(pArena, v, pAct, pOpt);
  }
  *paVerdict = a;
  return pAct->nLine;
}

const ComplianceLine *compliance_line(const ComplianceResult *pResult,
                                      int iNumber) {
  for (int i = 0; i < pResult->nLine; i++) {
    if (pResult->aLine[i].iNumber == iNumber) return &pResult->aLine[i];
  }
  return NULL;
}
