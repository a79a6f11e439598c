/*
** The compliance engine: what each line of the plan has achieved as on a
** given day, and exactly what is still missing.
**
** Inputs are plain data: the plan (PlanDoc: lines with their windows,
** targets and required evidence kinds) and the council's activities as
** ComplianceActivity structs that whoever reads the database fills (kind,
** date, commune, status, linked plan lines, evidence kinds present). The
** output (ComplianceResult) is everything `GET /api/compliance`, the
** dashboard and the Informe de cumplimiento need: per line the target,
** qualifying and verified counts, the state, the progress and Spanish
** sentences saying what is missing; rollups per general objective and for
** the whole plan.
**
** Rules (CONTRACT "GET /api/compliance"; issue 8):
** - An activity QUALIFIES for a line when its status is `realizada`, it is
**   linked to the line, its date is inside the line's window and on or
**   before as_of, its kind is one the target accepts (none listed: any),
**   and its commune is not one the target excludes. When the target
**   excludes communes, an activity with no commune (virtual) does not
**   qualify: nothing shows it was held elsewhere.
** - It is VERIFIED when it carries every evidence kind the line requires.
** - A target that asks for one "en cada provincia" (PlanTarget.nProvince)
**   also needs a verified activity in a commune of each of those
**   provinces: until then the line is not `cumplida`, its progress is at
**   most the share of provinces covered, and `missing` names the rest.
** - State, the first that applies: `cumplida` (verified >= target),
**   `atrasada` (the window ended before as_of), `en_riesgo` (the window
**   ends within nAtRiskDays of as_of), `en_curso` (>= 1 qualifying),
**   `sin_iniciar`.
** - A COURSE (modules sharing ComplianceActivity.iCourse) counts as one
**   activity for a line: it qualifies once every module of it linked to
**   the line qualifies and has its attendance recorded, and is verified
**   when its modules together carry every evidence kind the line
**   requires. A target that counts modules (PlanTarget.bModules, «4
**   módulos») counts each module on its own instead.
** - A line's COUNTED activities are the verified ones that count towards
**   its target: min(verified, target - provinces still missing), never
**   below 0 (an "en cada provincia" target needs its missing provinces
**   still to come). Progress = counted / target.
** - One definition of a percentage everywhere (compliance_percent): the
**   counted activities over the target, truncated to a whole percent, so
**   "88 %" never stands next to "14 de 16" (87 %), and 100 % means done.
**   A group of lines (an objective, the whole plan) sums both: the plan's
**   progress is its lines' counted activities over the sum of its targets.
** - The plan's own state on as_of (CompliancePlanState): por_comenzar
**   before its period, vigente during it, terminado after it.
**
** Never does I/O, SQL or HTTP, and never reads the clock except in
** compliance_today(). All memory comes from the caller's Arena; the result
** points into the PlanDoc and the activities given, which must outlive it.
*/
#ifndef COSOC_DOMAIN_COMPLIANCE_H
#define COSOC_DOMAIN_COMPLIANCE_H

#include <stdint.h>

#include "domain/plan_doc.h"
#include "util/arena.h"

#define COMPLIANCE_OK 0
#define COMPLIANCE_ERROR 1 /* Bad input: the reason is in *pzErr */

#define COMPLIANCE_AT_RISK_DAYS_DEFAULT 30 /* CONTRACT default */
#define COMPLIANCE_AT_RISK_DAYS_MAX 3660   /* Ten years: surely a typo */

/* Line states, in the order the rules test them (see above). */
typedef enum ComplianceState {
  COMPLIANCE_CUMPLIDA = 0,
  COMPLIANCE_ATRASADA,
  COMPLIANCE_EN_RIESGO,
  COMPLIANCE_EN_CURSO,
  COMPLIANCE_SIN_INICIAR,
  COMPLIANCE_STATE_COUNT /* Not a state: the size of per-state arrays */
} ComplianceState;

/* The plan's period as on a day (CONTRACT "plan"."state"). */
typedef enum CompliancePlanState {
  COMPLIANCE_PLAN_VIGENTE = 0,  /* as_of inside the period */
  COMPLIANCE_PLAN_TERMINADO,    /* as_of after its last day */
  COMPLIANCE_PLAN_POR_COMENZAR, /* as_of before its first day */
} CompliancePlanState;

/* The plan's state for a period and a day (YYYY-MM-DD each; an invalid
** period is vigente: nothing says it ended). */
CompliancePlanState compliance_plan_state(const char *zStart, const char *zEnd,
                                          const char *zAsOf);
/* "vigente", "terminado", "por_comenzar" / "Vigente", "Terminado", "Por
** comenzar". */
const char *compliance_plan_state_slug(CompliancePlanState e);
const char *compliance_plan_state_label(CompliancePlanState e);

/* The one percentage: nCounted / nTarget truncated to a whole percent,
** 0..100 (0 when nTarget <= 0). */
int compliance_percent(int nCounted, int nTarget);
/* The sentence that states it, for every report and page that shows one. */
const char *compliance_percent_definition(void);

/* CONTRACT slug ("en_riesgo") and Spanish label ("En riesgo"). */
const char *compliance_state_slug(ComplianceState eState);
const char *compliance_state_label(ComplianceState eState);
/* The state named by a slug, or -1. */
int compliance_state_from_slug(const char *zSlug);

/* One activity of the council as the engine sees it. The feeder (SQL)
** fills these; strings are borrowed, never copied or freed here. */
typedef struct ComplianceActivity {
  int64_t iId;              /* activities.id: for links on the dashboard */
  const char *zKind;        /* Activity kind slug (`sesion_ordinaria`) */
  const char *zTitle;       /* As the council named it */
  const char *zDate;        /* Santiago local date it started, YYYY-MM-DD
                            ** (only the first 10 characters are read, so an
                            ** ISO 8601 time with Santiago offset will do;
                            ** see compliance_local_date()) */
  const char *zCommune;     /* CUT code ("04301"); NULL or "": none (virtual) */
  const char *zCommuneName; /* "Ovalle", for sentences; may be NULL */
  const char *zStatus;      /* Activity status slug (`realizada`, …) */
  int nLine;                /* Plan lines it is linked to */
  const int *aiLine;        /* Their numbers (PlanLine.iNumber) */
  int nEvidence;            /* Evidence items present (repeats are fine) */
  /* Their kind slugs (`acta`, …). The attendance sheet and the acta the
  ** system produces count once signed / approved: the feeder adds
  ** `asistencia` / `acta` for them. */
  const char *const *azEvidence;
  int64_t iCourse;     /* The course it is a module of (0: none) */
  const char *zCourse; /* That course's title, for sentences */
  int bAttendance;     /* Its attendance is recorded */
} ComplianceActivity;

/* A name for a commune code, for the sentences ("fuera de Ovalle"). */
typedef struct ComplianceCommune {
  const char *zCode; /* CUT code */
  const char *zName; /* Official name */
} ComplianceCommune;

typedef struct ComplianceOptions {
  const char *zAsOf; /* YYYY-MM-DD; required (compliance_today() for now) */
  int nAtRiskDays;   /* 0: COMPLIANCE_AT_RISK_DAYS_DEFAULT */
  /* Optional names of excluded communes for the sentences; when a code is
  ** not here, the target's own name for it (the plan store fills them from
  ** the territory), then an activity's zCommuneName, then "la comuna
  ** 04101". */
  int nCommune;
  const ComplianceCommune *aCommune;
  /* Optional: pPlan->nLine general-objective numbers, one per line in plan
  ** order (0: none); NULL: compliance_line_objective() decides. */
  const int *aiObjective;
} ComplianceOptions;

/* Why a linked activity does or does not count for a line. */
typedef enum ComplianceReason {
  COMPLIANCE_COUNTS = 0,       /* Qualifies */
  COMPLIANCE_NOT_HELD,         /* Status other than `realizada` */
  COMPLIANCE_BAD_DATE,         /* zDate is not a date */
  COMPLIANCE_AFTER_AS_OF,      /* Held after as_of (looking back) */
  COMPLIANCE_OUTSIDE_WINDOW,   /* Before the window opened or after it shut */
  COMPLIANCE_KIND_REFUSED,     /* Kind the target does not accept */
  COMPLIANCE_COMMUNE_EXCLUDED, /* In a commune the target excludes */
  COMPLIANCE_NO_COMMUNE,       /* No commune, and the target excludes some */
  COMPLIANCE_NO_LINE           /* The plan has no line of that number */
} ComplianceReason;

/* "No figura como realizada", "Fuera del plazo de la línea", … */
const char *compliance_reason_text(ComplianceReason eReason);
/* The API's slug of a reason: "counts", "outside_window", … ("" for a
** value that is no reason). */
const char *compliance_reason_slug(ComplianceReason eReason);

/* One activity linked to a line, whether it counts or not. */
typedef struct ComplianceLink {
  const ComplianceActivity *pActivity;
  ComplianceReason eReason;   /* COMPLIANCE_COUNTS when it qualifies */
  int bVerified;              /* Qualifies and has every required kind */
  int bInCourse;              /* Counted within its course, not alone */
  int nMissingKind;           /* Required evidence kinds it lacks */
  const char **azMissingKind; /* Their slugs, in the line's order */
} ComplianceLink;

/* A course linked to a line, counted as one activity (see above). */
typedef struct ComplianceCourse {
  int64_t iCourse;
  const char *zTitle;         /* The course's title */
  int nModule;                /* Its modules linked to the line */
  int nDone;                  /* Of those, qualifying with attendance */
  int nOutside;               /* Held, but outside the line's dates */
  int bQualifies;             /* Every module done */
  int bVerified;              /* And every evidence kind among them */
  int nMissingKind;           /* Kinds none of its modules carries */
  const char **azMissingKind; /* Their slugs, in the line's order */
} ComplianceCourse;

typedef struct ComplianceLine {
  const PlanLine *pLine; /* The plan's line (window, target, evidence) */
  int iNumber;           /* pLine->iNumber */
  int iObjective;        /* General objective number; 0: none of them */
  int nTarget;           /* pLine->target.nCount */
  int nQualifying;       /* Linked activities that count */
  int nVerified;         /* Of those, the ones with every evidence kind */
  int nCounted;          /* Verified ones towards the target (see above) */
  ComplianceState eState;
  double rProgress; /* nCounted / nTarget, 0..1 */
  int iPercent;     /* compliance_percent(nCounted, nTarget) */
  int nDaysLeft;    /* Days from as_of to the window's last day
                    ** (negative once it has ended) */
  int nLink;        /* Activities linked to the line, by date then id */
  ComplianceLink *aLink;
  int nMissing; /* Sentences of what is missing (none once
                ** cumplida): evidence first, by activity date,
                ** then the activities still to hold, then the
                ** provinces still without one */
  const char **azMissing;
  int nProvinceMissing; /* Provinces of an "en cada provincia" target that
                        ** no verified activity was held in yet */
  const char **azProvinceMissing; /* Their names (or "la provincia 041") */
  int nCourse; /* Courses linked to the line, each counted once (none
               ** when the target counts modules) */
  ComplianceCourse *aCourse;
} ComplianceLine;

/* Counts over a set of lines. */
typedef struct ComplianceRollup {
  int iObjective;    /* 1..n; 0: lines of no general objective (or the plan) */
  const char *zText; /* The objective's text; "Otros compromisos" for 0 */
  int nLine;         /* Lines in it */
  int anState[COMPLIANCE_STATE_COUNT]; /* Lines per state */
  int nTarget;                         /* Sum of the lines' targets */
  int nVerified;    /* Sum of the lines' nCounted: verified activities
                    ** that count towards a target */
  double rProgress; /* nVerified / nTarget, 0..1; 0 when no lines */
  int iPercent;     /* compliance_percent(nVerified, nTarget) */
} ComplianceRollup;

typedef struct ComplianceResult {
  char zAsOf[PLAN_DATE_SIZE]; /* The day computed for */
  CompliancePlanState ePlan;  /* The plan's period on that day */
  int nAtRiskDays;            /* The setting used */
  int nLine;                  /* One per plan line, in plan order */
  ComplianceLine *aLine;
  int nObjective; /* One per general objective, in order, plus
                  ** a last one numbered 0 when some line
                  ** belongs to none */
  ComplianceRollup *aObjective;
  ComplianceRollup total; /* The whole plan (iObjective 0, zText NULL) */
} ComplianceResult;

/* Computes *pOut (arena memory) for the plan and nActivity activities.
** Returns COMPLIANCE_OK, or COMPLIANCE_ERROR with a Spanish reason in
** *pzErr (static) when zAsOf is not a date or nAtRiskDays is out of range.
** Activities with bad data (no date, unknown line) just do not count. */
int compliance_compute(Arena *pArena, const PlanDoc *pPlan,
                       const ComplianceActivity *aActivity, int nActivity,
                       const ComplianceOptions *pOpt, ComplianceResult *pOut,
                       const char **pzErr);

/* A line's state as people read it: "No cumplida" for a line whose window
** ended unmet in a plan that has ended (its final result), else
** compliance_state_label(). */
const char *compliance_line_state_label(const ComplianceResult *pResult,
                                        const ComplianceLine *pLine);

/* Whether one activity counts for each plan line it names, and why not,
** as on pOpt->zAsOf: the same rules compliance_compute() applies (it calls
** this one's checks), told for the activity page and its forms. */
typedef struct ComplianceVerdict {
  int iLine;                  /* The line number the activity names */
  const PlanLine *pLine;      /* NULL: the plan has no such line */
  ComplianceReason eReason;   /* COMPLIANCE_COUNTS when it counts */
  int bVerified;              /* Counts and has every kind the line requires */
  int bWillCount;             /* Not held yet (or held after as_of) but
                              ** nothing else stands in the way */
  int nMissingKind;           /* Required evidence kinds it lacks, */
  const char **azMissingKind; /* whether or not it counts yet */
  const char *zText; /* The whole sentence: "Cuenta para la Línea 4 y está
                     ** verificada.", "No cuenta para la Línea 9 porque es
                     ** en La Serena y la meta cuenta actividades fuera de
                     ** La Serena.", "Contará para la Línea 4 cuando se
                     ** realice; se necesitará el Acta …" */
} ComplianceVerdict;

/* One verdict per line pAct names (pAct->nLine of them, in its order) into
** *paVerdict (arena memory). pOpt->zAsOf must be a date. Returns the
** count. */
int compliance_explain(Arena *pArena, const PlanDoc *pPlan,
                       const ComplianceActivity *pAct,
                       const ComplianceOptions *pOpt,
                       ComplianceVerdict **paVerdict);

/* The line numbered iNumber in a result, or NULL. */
const ComplianceLine *compliance_line(const ComplianceResult *pResult,
                                      int iNumber);

/* The general objective a line serves: the one whose significant words
** (folded, four letters or more) appear in the line's OBJETIVO text for at
** least half of them, the best such; 0 when none does. The real plan
** writes lines 1-4, 9 and 10 with an objective's words; 5-8 with their
** own. */
int compliance_line_objective(Arena *pArena, const PlanDoc *pPlan,
                              const PlanLine *pLine);

/* Santiago local date of a UTC instant, into z (PLAN_DATE_SIZE bytes). */
void compliance_local_date(int64_t iUtc, char *z);
/* Today in Santiago (reads the clock), for the default as_of. */
void compliance_today(char *z);

#endif
