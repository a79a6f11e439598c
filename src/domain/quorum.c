/*
** Quorum computation (see quorum.h). Pure: no SQL, no HTTP, no allocation.
** Every sentence a person reads is built in this file, so the wording can
** be reviewed in one place.
*/
#include "domain/quorum.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "domain/slug.h"

/* Each attendance value's slug (forms, the database) and label, indexed
** by the enum; an out-of-range value reads as the default, ausente. */
static const SlugLabel aAttendance[] = {
    [ATTENDANCE_AUSENTE] = {"ausente", "Ausente"},
    [ATTENDANCE_PRESENTE] = {"presente", "Presente"},
    [ATTENDANCE_JUSTIFICADO] = {"justificado", "Ausencia justificada"},
};
#define N_ATTENDANCE ((int)(sizeof(aAttendance) / sizeof(aAttendance[0])))

int attendance_parse(const char *zSlug, Attendance *pe) {
  int i = slug_index(aAttendance, N_ATTENDANCE, zSlug);
  if (i < 0) return -1;
  *pe = (Attendance)i;
  return 0;
}

const char *attendance_slug(Attendance e) {
  return slug_at(aAttendance, N_ATTENDANCE, (int)e, ATTENDANCE_AUSENTE)->zSlug;
}

const char *attendance_label(Attendance e) {
  return slug_at(aAttendance, N_ATTENDANCE, (int)e, ATTENDANCE_AUSENTE)->zLabel;
}

QuorumRules quorum_rules_default(void) {
  QuorumRules r = {
      .eCounts = QUORUM_COUNTS_SUBSTITUTES,
      .session = {QUORUM_MORE_THAN, 1, 2, 0, "mayoría absoluta"},
      .agreement = {QUORUM_MORE_THAN, 1, 2, 0, "mayoría absoluta"},
      .nSeat = 0,
      .bVacanciesReduceBase = 1,
  };
  return r;
}

static int threshold_valid(const QuorumThreshold *t, const char **pzErr) {
  if (t->eKind == QUORUM_FIXED) {
    if (t->nFixed >= 1) return 1;
    *pzErr = "el quórum como número debe ser al menos 1";
    return 0;
  }
  if (t->eKind != QUORUM_MORE_THAN && t->eKind != QUORUM_AT_LEAST) {
    *pzErr = "el tipo de quórum no es válido";
    return 0;
  }
  if (t->den <= 0 || t->num <= 0 || t->num > t->den) {
    *pzErr =
        "el quórum como fracción debe estar entre 0 y 1 (por ejemplo, "
        "1/2 o 2/3)";
    return 0;
  }
  return 1;
}

int quorum_required(const QuorumThreshold *t, int nBase) {
  assert(nBase >= 0);
  long long prod;
  switch (t->eKind) {
    case QUORUM_FIXED:
      return t->nFixed;
    case QUORUM_MORE_THAN:
      /* Strictly more than base*num/den: the next whole number above it.
      ** Integer arithmetic, so 12 * 1/2 = 6 gives 7 exactly. */
      prod = (long long)nBase * t->num;
      return (int)(prod / t->den + 1);
    case QUORUM_AT_LEAST:
      prod = (long long)nBase * t->num;
      return (int)((prod + t->den - 1) / t->den);
  }
  return nBase + 1; /* Unknown kind: never reachable (validated first) */
}

/* The threshold's name for sentences: its label, or one derived from it. */
static void threshold_name(const QuorumThreshold *t, int nRequired, char *z,
                           size_t n) {
  if (t->zLabel && t->zLabel[0]) {
    snprintf(z, n, "%s", t->zLabel);
  } else if (t->eKind == QUORUM_FIXED) {
    snprintf(z, n, "al menos %d", nRequired);
  } else if (t->eKind == QUORUM_MORE_THAN) {
    snprintf(z, n, "más de %d/%d", t->num, t->den);
  } else {
    snprintf(z, n, "al menos %d/%d", t->num, t->den);
  }
}

/* The rule on suplentes, said after every session sentence. */
static void rule_sentence(char *z, size_t n, const QuorumRules *pRules,
                          const QuorumResult *r) {
  if (pRules->eCounts == QUORUM_COUNTS_SUBSTITUTES) {
    snprintf(z, n,
             " Regla del consejo: cuentan los titulares en ejercicio y el "
             "suplente presente que reemplaza a un titular ausente.");
  } else if (r->nSubstituteIgnored > 0) {
    snprintf(z, n,
             " Regla del consejo: solo cuentan los titulares; %d %s en "
             "reemplazo de %s no se %s.",
             r->nSubstituteIgnored,
             r->nSubstituteIgnored == 1 ? "suplente presente"
                                        : "suplentes presentes",
             r->nSubstituteIgnored == 1 ? "su titular" : "sus titulares",
             r->nSubstituteIgnored == 1 ? "cuenta" : "cuentan");
  } else {
    snprintf(z, n,
             " Regla del consejo: solo cuentan los titulares; los suplentes "
             "no se cuentan.");
  }
}

/* Fills one check and its sentence. zYes/zNo open the sentence ("Hay
** quórum", "No hay quórum"). */
static void check_fill(QuorumCheck *c, const QuorumThreshold *t,
                       const QuorumResult *r, const QuorumRules *pRules,
                       int nPresent, const char *zYes, const char *zNo,
                       int bRule) {
  char zName[64], zWho[160], zRule[240] = "";
  if (bRule) rule_sentence(zRule, sizeof(zRule), pRules, r);
  c->nRequired = quorum_required(t, r->nBase);
  c->nPresent = nPresent;
  c->bReached = r->nBase > 0 && nPresent >= c->nRequired;
  threshold_name(t, c->nRequired, zName, sizeof(zName));
  if (r->nBase == 0) {
    snprintf(c->zExplain, sizeof(c->zExplain),
             "%s: el consejo no tiene consejeros titulares en ejercicio.%s",
             zNo, zRule);
    return;
  }
  if (pRules->eCounts == QUORUM_COUNTS_TITULARES) {
    snprintf(zWho, sizeof(zWho), "%d de %d consejeros titulares presentes",
             nPresent, r->nBase);
  } else if (r->nSubstitute == 0) {
    snprintf(zWho, sizeof(zWho),
             "%d de %d consejeros presentes, ningún suplente en reemplazo",
             nPresent, r->nBase);
  } else {
    snprintf(zWho, sizeof(zWho),
             "%d de %d consejeros presentes, %d %s en reemplazo de %s",
             nPresent, r->nBase, r->nSubstitute,
             r->nSubstitute == 1 ? "suplente" : "suplentes",
             r->nSubstitute == 1 ? "su titular" : "sus titulares");
  }
  if (c->bReached) {
    snprintf(c->zExplain, sizeof(c->zExplain),
             "%s: %s (se requieren %d, %s).%s", zYes, zWho, c->nRequired, zName,
             zRule);
  } else if (c->nRequired > r->nBase) {
    snprintf(c->zExplain, sizeof(c->zExplain),
             "%s: %s; se requieren %d (%s) y el consejo tiene solo %d en la "
             "base de cálculo.%s",
             zNo, zWho, c->nRequired, zName, r->nBase, zRule);
  } else {
    int nMissing = c->nRequired - nPresent;
    snprintf(c->zExplain, sizeof(c->zExplain),
             "%s: %s; se requieren %d (%s), %s %d.%s", zNo, zWho, c->nRequired,
             zName, nMissing == 1 ? "falta" : "faltan", nMissing, zRule);
  }
}

/* The agreement check when its threshold is a share of those present:
** the votes needed follow the attendance, and agreements can be adopted
** whenever the session is held. */
static void agreement_of_present(QuorumCheck *c, const QuorumThreshold *t,
                                 const QuorumResult *r, int nPresent) {
  char zName[64];
  c->nPresent = nPresent;
  c->nRequired = quorum_required(t, nPresent);
  c->bReached = r->session.bReached && nPresent >= c->nRequired;
  threshold_name(t, c->nRequired, zName, sizeof(zName));
  if (!r->session.bReached) {
    snprintf(c->zExplain, sizeof(c->zExplain),
             "No se pueden adoptar acuerdos: no hay quórum para sesionar.");
  } else if (!c->bReached) {
    snprintf(c->zExplain, sizeof(c->zExplain),
             "No se pueden adoptar acuerdos: se requieren %d votos a favor "
             "(%s) y hay %d presentes.",
             c->nRequired, zName, nPresent);
  } else {
    snprintf(c->zExplain, sizeof(c->zExplain),
             "Los acuerdos requieren %d %s a favor (%s de los %d "
             "presentes).",
             c->nRequired, c->nRequired == 1 ? "voto" : "votos", zName,
             nPresent);
  }
}

/* The person with id iId in aPerson, or NULL. */
static const QuorumPerson *person_find(const QuorumPerson *a, int n,
                                       long long iId) {
  for (int i = 0; i < n; i++) {
    if (a[i].iId == iId) return &a[i];
  }
  return NULL;
}

int quorum_compute(const QuorumRules *pRules, const QuorumPerson *aPerson,
                   int nPerson, QuorumResult *pOut, const char **pzErr) {
  const char *zDummy;
  if (!pzErr) pzErr = &zDummy;
  memset(pOut, 0, sizeof(*pOut));
  if (!threshold_valid(&pRules->session, pzErr) ||
      !threshold_valid(&pRules->agreement, pzErr)) {
    return QUORUM_ERROR;
  }
  if (pRules->nSeat < 0 || nPerson < 0) {
    *pzErr = "el número de cupos del consejo no puede ser negativo";
    return QUORUM_ERROR;
  }
  for (int i = 0; i < nPerson; i++) {
    const QuorumPerson *p = &aPerson[i];
    if (!p->bTitular || !p->bInOffice) continue;
    pOut->nTitularInOffice++;
    if (p->eAttendance == ATTENDANCE_PRESENTE) pOut->nTitularPresent++;
  }
  {
    /* A titular is replaced at most once, even when two suplentes name
    ** the same titular. Under the titulares-only rule the replacement is
    ** still counted, as the one the rule leaves out. */
    for (int i = 0; i < nPerson; i++) {
      const QuorumPerson *s = &aPerson[i];
      if (s->bTitular || !s->bInOffice || s->iTitularOf <= 0) continue;
      if (s->eAttendance != ATTENDANCE_PRESENTE) continue;
      const QuorumPerson *t = person_find(aPerson, nPerson, s->iTitularOf);
      if (!t || !t->bTitular || !t->bInOffice) continue;
      if (t->eAttendance == ATTENDANCE_PRESENTE) continue; /* No double */
      int bTaken = 0;
      for (int j = 0; j < i; j++) {
        const QuorumPerson *o = &aPerson[j];
        if (!o->bTitular && o->bInOffice && o->iTitularOf == s->iTitularOf &&
            o->eAttendance == ATTENDANCE_PRESENTE) {
          bTaken = 1;
        }
      }
      if (bTaken) continue;
      if (pRules->eCounts == QUORUM_COUNTS_SUBSTITUTES) {
        pOut->nSubstitute++;
      } else {
        pOut->nSubstituteIgnored++;
      }
    }
  }
  int nSeat = pRules->nSeat > 0 ? pRules->nSeat : pOut->nTitularInOffice;
  pOut->nVacant =
      nSeat > pOut->nTitularInOffice ? nSeat - pOut->nTitularInOffice : 0;
  pOut->nBase = pRules->bVacanciesReduceBase ? pOut->nTitularInOffice : nSeat;
  int nPresent = pOut->nTitularPresent + pOut->nSubstitute;
  check_fill(&pOut->session, &pRules->session, pOut, pRules, nPresent,
             "Hay quórum", "No hay quórum", 1);
  if (pRules->eAgreementBase == QUORUM_OF_PRESENT) {
    agreement_of_present(&pOut->agreement, &pRules->agreement, pOut, nPresent);
  } else {
    check_fill(&pOut->agreement, &pRules->agreement, pOut, pRules, nPresent,
               "Hay quórum para adoptar acuerdos",
               "No hay quórum para adoptar acuerdos", 0);
    if (!pOut->session.bReached && pOut->agreement.bReached) {
      pOut->agreement.bReached = 0;
      snprintf(pOut->agreement.zExplain, sizeof(pOut->agreement.zExplain),
               "No se pueden adoptar acuerdos: no hay quórum para sesionar.");
    }
  }
  return QUORUM_OK;
}

int quorum_vote_adopts(const QuorumCheck *c, int nFor, char *zWhy, int nWhy) {
  char zDummy[8];
  if (!zWhy || nWhy <= 0) {
    zWhy = zDummy;
    nWhy = (int)sizeof(zDummy);
  }
  if (!c->bReached) {
    snprintf(zWhy, (size_t)nWhy, "%s", c->zExplain);
    return 0;
  }
  if (nFor >= c->nRequired) {
    snprintf(zWhy, (size_t)nWhy,
             "El acuerdo se adopta: %d %s a favor (se requieren %d).", nFor,
             nFor == 1 ? "voto" : "votos", c->nRequired);
    return 1;
  }
  snprintf(zWhy, (size_t)nWhy,
           "El acuerdo no se adopta: %d %s a favor, se requieren %d.", nFor,
           nFor == 1 ? "voto" : "votos", c->nRequired);
  return 0;
}
