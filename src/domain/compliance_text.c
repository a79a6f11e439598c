/*
** Spanish sentences of the compliance engine (see compliance_text.h).
** Every user-facing word of compliance.c is here.
*/
#include "domain/compliance_text.h"

#include <string.h>

#include "domain/date_text.h"
#include "domain/plan_catalog.h"
#include "domain/slug.h"

/* How a sentence names activities of a kind: one ("sesión"), several
** ("sesiones"), and "of that one" with its article ("de la sesión"). */
typedef struct KindWords {
  const char *zSlug;
  const char *zOne;
  const char *zMany;
  const char *zOfThe;
} KindWords;

static const KindWords aKindWords[] = {
    {"sesion_ordinaria", "sesión ordinaria", "sesiones ordinarias",
     "de la sesión"},
    {"sesion_extraordinaria", "sesión extraordinaria",
     "sesiones extraordinarias", "de la sesión extraordinaria"},
    {"reunion_autoridades", "reunión con autoridades",
     "reuniones con autoridades", "de la reunión con autoridades"},
    {"capacitacion", "capacitación", "capacitaciones", "de la capacitación"},
    {"charla", "charla", "charlas", "de la charla"},
    {"mesa_trabajo", "mesa de trabajo", "mesas de trabajo",
     "de la mesa de trabajo"},
    {"modulo_escuela", "módulo de la escuela de dirigentes",
     "módulos de la escuela de dirigentes",
     "del módulo de la escuela de dirigentes"},
    {"entrega_viviendas", "entrega de viviendas", "entregas de viviendas",
     "de la entrega de viviendas"},
    {"inauguracion", "inauguración", "inauguraciones", "de la inauguración"},
    {"inicio_programa", "inicio de programa", "inicios de programa",
     "del inicio de programa"},
    {"plan_piloto", "plan piloto", "planes piloto", "del plan piloto"},
    {"visita_terreno", "visita a terreno", "visitas a terreno",
     "de la visita a terreno"},
    {"otra", "actividad", "actividades", "de la actividad"},
};
static const KindWords kindAny = {"", "actividad", "actividades",
                                  "de la actividad"};

static const KindWords *kind_words(const char *zSlug) {
  for (size_t i = 0; zSlug && i < sizeof(aKindWords) / sizeof(aKindWords[0]);
       i++) {
    if (strcmp(aKindWords[i].zSlug, zSlug) == 0) return &aKindWords[i];
  }
  return &kindAny;
}

/* An evidence kind with its article, and whether it is plural: "el Acta"
** (feminine, but "el" before a stressed a), "las Fotografías". */
static const struct {
  const char *zSlug;
  const char *zWithArticle;
  int bPlural;
} aEvidenceWords[] = {
    {"invitacion", "la Invitación", 0},
    {"convocatoria", "la Convocatoria", 0},
    {"citacion", "la Citación", 0},
    {"asistencia", "la lista de Asistencia", 0},
    {"fotografias", "las Fotografías", 1},
    {"acta", "el Acta", 0},
    {"informe", "el Informe o Plan de trabajo", 0},
    {"programa_formacion", "el Programa de formación", 0},
};

static const char *evidence_words(Arena *pArena, const PlanLine *pLine,
                                  const char *zSlug, int *pbPlural) {
  for (size_t i = 0; i < sizeof(aEvidenceWords) / sizeof(aEvidenceWords[0]);
       i++) {
    if (strcmp(aEvidenceWords[i].zSlug, zSlug) == 0) {
      *pbPlural = aEvidenceWords[i].bPlural;
      return aEvidenceWords[i].zWithArticle;
    }
  }
  /* Not in our wording table: a council's own kind, named as the plan
  ** names it, or a catalogue label. */
  const char *zLabel =
      slug_label(plan_evidence_kinds, plan_evidence_kinds_count, zSlug);
  for (int i = 0; !zLabel && i < pLine->nEvidence; i++) {
    if (strcmp(pLine->aEvidence[i].zKind, zSlug) == 0)
      zLabel = pLine->aEvidence[i].zLabel;
  }
  *pbPlural = 0;
  return arena_printf(pArena, "«%s»", zLabel ? zLabel : zSlug);
}

/* Each reason's slug (the API's "reason") and its sentence. */
static const SlugLabel aReason[] = {
    [COMPLIANCE_COUNTS] = {"counts", "Cuenta para la meta"},
    [COMPLIANCE_NOT_HELD] = {"not_held", "No figura como realizada"},
    [COMPLIANCE_BAD_DATE] = {"bad_date", "No tiene una fecha válida"},
    [COMPLIANCE_AFTER_AS_OF] = {"after_as_of",
                                "Es posterior a la fecha de corte"},
    [COMPLIANCE_OUTSIDE_WINDOW] = {"outside_window",
                                   "Fuera del plazo de la línea"},
    [COMPLIANCE_KIND_REFUSED] = {"kind_refused",
                                 "La meta no cuenta actividades de este tipo"},
    [COMPLIANCE_COMMUNE_EXCLUDED] =
        {"commune_excluded", "La meta no cuenta actividades en esa comuna"},
    [COMPLIANCE_NO_COMMUNE] = {"no_commune",
                               "No tiene comuna y la meta excluye comunas"},
    [COMPLIANCE_NO_LINE] = {"no_line", "El plan no tiene esa línea"},
};

/* The reason's entry, or NULL for a value that is no reason. */
static const SlugLabel *reason_entry(ComplianceReason eReason) {
  if (eReason < 0 || (size_t)eReason >= sizeof(aReason) / sizeof(aReason[0]))
    return NULL;
  return &aReason[eReason];
}

const char *compliance_reason_text(ComplianceReason eReason) {
  const SlugLabel *p = reason_entry(eReason);
  return p && p->zLabel ? p->zLabel : "";
}

const char *compliance_reason_slug(ComplianceReason eReason) {
  const SlugLabel *p = reason_entry(eReason);
  return p && p->zSlug ? p->zSlug : "";
}

const char *compliance_text_unmet_label(void) { return "No cumplida"; }

const char *compliance_percent_definition(void) {
  return "El avance es el número de actividades verificadas que cuentan "
         "para la meta de su línea (sin pasar de la meta) sobre la suma de "
         "las metas, truncado al entero: 14 de 16 es 87 %.";
}

const char *compliance_text_other_objective(void) {
  return "Otros compromisos del plan";
}

/* "a", "a y b", "a, b y c" (or "o" as zLast). */
static void put_list(Buf *pB, const char *const *az, int n, const char *zLast) {
  for (int i = 0; i < n; i++) {
    if (i) buf_puts(pB, i == n - 1 ? zLast : ", ");
    buf_puts(pB, az[i]);
  }
}

/* The name of the target's iExclude-th commune for "fuera de …". */
static const char *commune_name(Arena *pArena, const PlanTarget *pT,
                                int iExclude, const ComplianceActivity *aAct,
                                int nAct, const ComplianceOptions *pOpt) {
  const char *zCode = pT->azExclude[iExclude];
  for (int i = 0; i < pOpt->nCommune; i++) {
    if (pOpt->aCommune[i].zCode && pOpt->aCommune[i].zName &&
        strcmp(pOpt->aCommune[i].zCode, zCode) == 0)
      return pOpt->aCommune[i].zName;
  }
  if (pT->azExcludeName[iExclude]) return pT->azExcludeName[iExclude];
  for (int i = 0; i < nAct; i++) {
    if (aAct[i].zCommune && aAct[i].zCommuneName && aAct[i].zCommuneName[0] &&
        strcmp(aAct[i].zCommune, zCode) == 0)
      return aAct[i].zCommuneName;
  }
  return arena_printf(pArena, "la comuna %s", zCode);
}

/* The target's kinds as one noun: the two kinds of session read
** "sesión(es)"; one kind its own noun; several "actividades de tipo X o Y";
** none "actividad(es)". */
static void put_kind_noun(Buf *pB, const PlanTarget *pT, int n) {
  int bSessions = pT->nKind > 0;
  for (int i = 0; i < pT->nKind; i++) {
    bSessions &= strncmp(pT->azKind[i], "sesion_", 7) == 0;
  }
  if (bSessions && pT->nKind > 1) {
    buf_puts(pB, n == 1 ? "sesión" : "sesiones");
  } else if (pT->nKind == 1) {
    const KindWords *pW = kind_words(pT->azKind[0]);
    buf_puts(pB, n == 1 ? pW->zOne : pW->zMany);
  } else {
    buf_puts(pB, n == 1 ? "actividad" : "actividades");
    if (pT->nKind > 1) {
      const char *azLabel[PLAN_TARGET_KINDS_MAX];
      for (int i = 0; i < pT->nKind; i++) {
        const char *z = slug_label(plan_activity_kinds,
                                   plan_activity_kinds_count, pT->azKind[i]);
        azLabel[i] = z ? z : pT->azKind[i];
      }
      buf_puts(pB, " de tipo ");
      put_list(pB, azLabel, pT->nKind, " o ");
    }
  }
}

const char *compliance_text_target_noun(Arena *pArena, const PlanTarget *pT,
                                        int n,
                                        const ComplianceActivity *aActivity,
                                        int nActivity,
                                        const ComplianceOptions *pOpt) {
  Buf b;
  buf_init(&b, pArena);
  put_kind_noun(&b, pT, n);
  if (pT->nExclude > 0) {
    const char *azName[PLAN_TARGET_COMMUNES_MAX];
    for (int i = 0; i < pT->nExclude; i++) {
      azName[i] = commune_name(pArena, pT, i, aActivity, nActivity, pOpt);
    }
    buf_puts(&b, " fuera de ");
    put_list(&b, azName, pT->nExclude, " y ");
  }
  return buf_str(&b);
}

/* Whether another qualifying link of the line reads the same ("de la
** sesión del 12-03-2025"): then the title tells them apart. */
static int link_ambiguous(const ComplianceLine *pLine, int iLink) {
  const ComplianceActivity *a = pLine->aLink[iLink].pActivity;
  const KindWords *pWords = kind_words(a->zKind);
  for (int i = 0; i < pLine->nLink; i++) {
    const ComplianceActivity *b = pLine->aLink[i].pActivity;
    if (i == iLink || pLine->aLink[i].eReason != COMPLIANCE_COUNTS) continue;
    /* The date first: it is cheap and almost always differs (this runs for
    ** every pair of a line's activities). */
    if (strncmp(a->zDate, b->zDate, PLAN_DATE_SIZE - 1) == 0 &&
        kind_words(b->zKind) == pWords)
      return 1;
  }
  return 0;
}

/* "Falta el Acta" / "Faltan la Citación y el Acta": the evidence kinds
** missing, named as the line's wording names them; the verb is plural for
** several kinds or one whose words are plural ("las Fotografías"). What
** they are missing for (an activity, a course) is the caller's to add. */
static void put_missing_kinds(Buf *pB, const PlanLine *pPlanLine,
                              const char *const *azKind, int nKind) {
  const char **azWords =
      arena_alloc(pB->pArena, sizeof(char *) * (size_t)(nKind + 1));
  int bPlural = nKind > 1;
  for (int i = 0; i < nKind; i++) {
    int bOne = 0;
    azWords[i] = evidence_words(pB->pArena, pPlanLine, azKind[i], &bOne);
    bPlural |= bOne;
  }
  buf_puts(pB, bPlural ? "Faltan " : "Falta ");
  put_list(pB, azWords, nKind, " y ");
}

/* "Falta el Acta de la sesión del 12-03-2025." /
** "Faltan la Citación y el Acta de la sesión del 12-03-2025." */
static const char *evidence_sentence(Arena *pArena, const ComplianceLine *pLine,
                                     int iLink) {
  const ComplianceLink *pLink = &pLine->aLink[iLink];
  const ComplianceActivity *pAct = pLink->pActivity;
  char zDate[PLAN_DATE_SIZE];
  date_text_dmy(pAct->zDate, zDate);
  Buf b;
  buf_init(&b, pArena);
  put_missing_kinds(&b, pLine->pLine, pLink->azMissingKind,
                    pLink->nMissingKind);
  buf_printf(&b, " %s del %s", kind_words(pAct->zKind)->zOfThe, zDate);
  if (link_ambiguous(pLine, iLink) && pAct->zTitle && pAct->zTitle[0])
    buf_printf(&b, " («%s»)", pAct->zTitle);
  buf_putc(&b, '.');
  return buf_str(&b);
}

/* What a course still lacks: "Curso «Escuela de Dirigentes»: 2 de 4
** módulos realizados con su asistencia registrada." (with how many were
** held outside the line's dates, which do not count for it) or "Falta la
** Convocatoria del curso «Escuela de Dirigentes»." */
static const char *course_sentence(Arena *pArena, const ComplianceLine *pLine,
                                   const ComplianceCourse *c) {
  Buf b;
  buf_init(&b, pArena);
  if (!c->bQualifies) {
    buf_printf(&b,
               "Curso «%s»: %d de %d %s realizados con su asistencia "
               "registrada",
               c->zTitle, c->nDone, c->nModule,
               c->nModule == 1 ? "módulo" : "módulos");
    if (c->nOutside) {
      buf_printf(&b, " (%d %s fuera de las fechas de la línea)", c->nOutside,
                 c->nOutside == 1 ? "realizado" : "realizados");
    }
    buf_putc(&b, '.');
    return buf_str(&b);
  }
  put_missing_kinds(&b, pLine->pLine, c->azMissingKind, c->nMissingKind);
  buf_printf(&b, " del curso «%s».", c->zTitle);
  return buf_str(&b);
}

/* "Faltan 2 actividades fuera de Ovalle antes del 30-06-2025." */
static const char *count_sentence(Arena *pArena, const ComplianceLine *pLine,
                                  int nShort,
                                  const ComplianceActivity *aActivity,
                                  int nActivity,
                                  const ComplianceOptions *pOpt) {
  const PlanWindow *pW = &pLine->pLine->window;
  char zStart[PLAN_DATE_SIZE], zEnd[PLAN_DATE_SIZE];
  date_text_dmy(pW->zStart, zStart);
  date_text_dmy(pW->zEnd, zEnd);
  const char *zNoun = compliance_text_target_noun(
      pArena, &pLine->pLine->target, nShort, aActivity, nActivity, pOpt);
  Buf b;
  buf_init(&b, pArena);
  buf_printf(&b, "%s %d %s", nShort == 1 ? "Falta" : "Faltan", nShort, zNoun);
  if (pLine->nDaysLeft < 0) {
    buf_printf(&b, "; el plazo terminó el %s.", zEnd);
  } else if (strcmp(pOpt->zAsOf, pW->zStart) < 0) {
    buf_printf(&b, " entre el %s y el %s.", zStart, zEnd);
  } else {
    buf_printf(&b, " antes del %s.", zEnd);
  }
  return buf_str(&b);
}

void compliance_text_missing(Arena *pArena, ComplianceLine *pLine,
                             const ComplianceActivity *aActivity, int nActivity,
                             const ComplianceOptions *pOpt) {
  pLine->nMissing = 0;
  pLine->azMissing = arena_alloc(
      pArena, sizeof(char *) * (size_t)(pLine->nLink + pLine->nCourse + 3));
  if (pLine->eState == COMPLIANCE_CUMPLIDA) return;
  for (int i = 0; i < pLine->nLink; i++) {
    const ComplianceLink *pLink = &pLine->aLink[i];
    if (pLink->eReason != COMPLIANCE_COUNTS || pLink->bVerified ||
        pLink->bInCourse)
      continue;
    pLine->azMissing[pLine->nMissing++] = evidence_sentence(pArena, pLine, i);
  }
  for (int i = 0; i < pLine->nCourse; i++) {
    if (pLine->aCourse[i].bVerified) continue;
    pLine->azMissing[pLine->nMissing++] =
        course_sentence(pArena, pLine, &pLine->aCourse[i]);
  }
  int nShort = pLine->nTarget - pLine->nQualifying;
  if (nShort > 0) {
    pLine->azMissing[pLine->nMissing++] =
        count_sentence(pArena, pLine, nShort, aActivity, nActivity, pOpt);
  }
  if (pLine->nProvinceMissing > 0) {
    /* "Falta una actividad en la provincia de Choapa." */
    Buf b;
    buf_init(&b, pArena);
    int bOne = pLine->nProvinceMissing == 1;
    buf_puts(&b, bOne ? "Falta una actividad verificada en la provincia de "
                      : "Faltan actividades verificadas en las provincias de ");
    put_list(&b, pLine->azProvinceMissing, pLine->nProvinceMissing, " y ");
    buf_putc(&b, '.');
    pLine->azMissing[pLine->nMissing++] = buf_str(&b);
  }
}

/* "el Acta", "el Acta y las Fotografías", with whether the whole is plural
** (for "falta"/"faltan"). */
static const char *kinds_phrase(Arena *pArena, const PlanLine *pLine,
                                const char *const *azKind, int nKind,
                                int *pbPlural) {
  const char **azWords = arena_alloc(pArena, sizeof(char *) * (nKind + 1));
  *pbPlural = nKind > 1;
  for (int i = 0; i < nKind; i++) {
    int bOne = 0;
    azWords[i] = evidence_words(pArena, pLine, azKind[i], &bOne);
    *pbPlural |= bOne;
  }
  Buf b;
  buf_init(&b, pArena);
  put_list(&b, azWords, nKind, " y ");
  return buf_str(&b);
}

/* The activity's commune for a sentence. */
static const char *activity_place(Arena *pArena, const ComplianceActivity *a) {
  if (a->zCommuneName && a->zCommuneName[0]) return a->zCommuneName;
  return arena_printf(pArena, "la comuna %s", a->zCommune);
}

/* The activity kind's catalogue label in «», or the slug. */
static const char *activity_kind_label(Arena *pArena, const char *zKind) {
  const char *z =
      slug_label(plan_activity_kinds, plan_activity_kinds_count, zKind);
  return arena_printf(pArena, "«%s»", z ? z : (zKind ? zKind : ""));
}

const char *compliance_text_verdict(Arena *pArena, const ComplianceVerdict *v,
                                    const ComplianceActivity *pAct,
                                    const ComplianceOptions *pOpt) {
  Buf b;
  buf_init(&b, pArena);
  int n = v->iLine;
  if (!v->pLine) {
    buf_printf(&b, "No cuenta para la Línea %d: el plan no tiene esa línea.",
               n);
    return buf_str(&b);
  }
  const PlanLine *pL = v->pLine;
  const PlanTarget *pT = &pL->target;
  char zDate[PLAN_DATE_SIZE], zStart[PLAN_DATE_SIZE], zEnd[PLAN_DATE_SIZE],
      zAsOf[PLAN_DATE_SIZE];
  date_text_dmy(pAct->zDate ? pAct->zDate : "", zDate);
  date_text_dmy(pL->window.zStart, zStart);
  date_text_dmy(pL->window.zEnd, zEnd);
  date_text_dmy(pOpt->zAsOf, zAsOf);
  int bPlural = 0;
  const char *zNeeds = v->nMissingKind
                           ? kinds_phrase(pArena, pL, v->azMissingKind,
                                          v->nMissingKind, &bPlural)
                           : NULL;
  switch (v->eReason) {
    case COMPLIANCE_COUNTS:
      if (!zNeeds) {
        buf_printf(&b, "Cuenta para la Línea %d y está verificada.", n);
      } else {
        buf_printf(&b, "Cuenta para la Línea %d; para verificarla %s %s.", n,
                   bPlural ? "faltan" : "falta", zNeeds);
      }
      return buf_str(&b);
    case COMPLIANCE_BAD_DATE:
      buf_printf(&b, "No cuenta para la Línea %d: no tiene una fecha válida.",
                 n);
      return buf_str(&b);
    case COMPLIANCE_OUTSIDE_WINDOW:
      buf_printf(&b,
                 "No cuenta para la Línea %d porque su fecha (%s) está fuera "
                 "del plazo de la línea, del %s al %s.",
                 n, zDate, zStart, zEnd);
      return buf_str(&b);
    case COMPLIANCE_KIND_REFUSED:
      buf_printf(&b,
                 "No cuenta para la Línea %d porque la meta cuenta solo %s y "
                 "esta actividad es de tipo %s.",
                 n, compliance_text_target_noun(pArena, pT, 2, NULL, 0, pOpt),
                 activity_kind_label(pArena, pAct->zKind));
      return buf_str(&b);
    case COMPLIANCE_COMMUNE_EXCLUDED:
      buf_printf(&b,
                 "No cuenta para la Línea %d porque es en %s y la meta cuenta "
                 "%s.",
                 n, activity_place(pArena, pAct),
                 compliance_text_target_noun(pArena, pT, 2, pAct, 1, pOpt));
      return buf_str(&b);
    case COMPLIANCE_NO_COMMUNE:
      buf_printf(&b,
                 "No cuenta para la Línea %d porque no tiene comuna y la meta "
                 "cuenta %s.",
                 n, compliance_text_target_noun(pArena, pT, 2, NULL, 0, pOpt));
      return buf_str(&b);
    case COMPLIANCE_AFTER_AS_OF:
      buf_printf(&b, "No contaba para la Línea %d al %s: se realizó el %s.", n,
                 zAsOf, zDate);
      return buf_str(&b);
    case COMPLIANCE_NO_LINE: /* Handled above */
    case COMPLIANCE_NOT_HELD:
      break;
  }
  if (pAct->zStatus && strcmp(pAct->zStatus, "suspendida") == 0) {
    buf_printf(&b, "No cuenta para la Línea %d porque está suspendida.", n);
    return buf_str(&b);
  }
  if (pAct->zDate &&
      strncmp(pAct->zDate, pOpt->zAsOf, PLAN_DATE_SIZE - 1) > 0) {
    buf_printf(&b, "Contará para la Línea %d cuando se realice", n);
  } else {
    buf_printf(&b,
               "Aún no cuenta para la Línea %d: falta marcarla como "
               "realizada",
               n);
  }
  if (zNeeds) {
    buf_printf(&b, "; para quedar verificada necesitará %s.", zNeeds);
  } else {
    buf_puts(&b, "; ya tiene todos los verificadores que la línea pide.");
  }
  return buf_str(&b);
}
