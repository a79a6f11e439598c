/*
** Acta rules (see acta.h). Pure: no SQL, no HTTP, no allocation. The
** sentences people read are all in this file.
*/
#include "domain/acta.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "domain/slug.h"

static const SlugLabel aState[] = {
    {"borrador", "Borrador"},
    {"enviada", "Enviada a revisión"},
    {"aprobada", "Aprobada"},
    {"publicada", "Publicada"},
};
#define N_STATE ((int)(sizeof(aState) / sizeof(aState[0])))

int acta_state_parse(const char *zSlug, ActaState *pe) {
  int i = slug_index(aState, N_STATE, zSlug);
  if (i < 0) return -1;
  *pe = (ActaState)i;
  return 0;
}

static int state_valid(ActaState e) { return (int)e >= 0 && (int)e < N_STATE; }

const char *acta_state_slug(ActaState e) {
  return slug_at(aState, N_STATE, (int)e, ACTA_BORRADOR)->zSlug;
}

const char *acta_state_label(ActaState e) {
  return slug_at(aState, N_STATE, (int)e, ACTA_BORRADOR)->zLabel;
}

static int refuse(const char **pzWhy, const char *z) {
  if (pzWhy) *pzWhy = z;
  return ACTA_REFUSED;
}

int acta_transition_check(const ActaTransition *t, const char **pzWhy) {
  if (!t->zRole || strcmp(t->zRole, "admin") != 0) {
    return refuse(pzWhy,
                  "Solo un administrador puede cambiar el estado de "
                  "un acta.");
  }
  if (!state_valid(t->eFrom) || !state_valid(t->eTo)) {
    return refuse(pzWhy, "El estado del acta no es válido.");
  }
  if (t->eFrom == t->eTo) {
    return refuse(pzWhy, "El acta ya está en ese estado.");
  }
  switch (t->eTo) {
    case ACTA_ENVIADA:
      if (t->eFrom == ACTA_BORRADOR) return ACTA_OK;
      break;
    case ACTA_BORRADOR:
      if (t->eFrom == ACTA_ENVIADA) return ACTA_OK;
      return refuse(pzWhy,
                    "Un acta aprobada no vuelve a borrador; para "
                    "corregirla, agregue una nota de corrección.");
    case ACTA_APROBADA:
      if (t->eFrom != ACTA_ENVIADA) {
        return refuse(pzWhy, "Solo se aprueba un acta enviada a revisión.");
      }
      if (t->iApprovingSession <= 0) {
        return refuse(pzWhy, "Indique la sesión en que se aprobó el acta.");
      }
      if (t->iApprovingSession == t->iActaSession) {
        return refuse(pzWhy,
                      "El acta se aprueba en una sesión posterior, no "
                      "en la misma sesión que registra.");
      }
      return ACTA_OK;
    case ACTA_PUBLICADA:
      if (t->eFrom == ACTA_APROBADA) return ACTA_OK;
      return refuse(pzWhy, "Solo se publica un acta aprobada.");
  }
  return refuse(pzWhy, "Ese cambio de estado del acta no está permitido.");
}

int acta_can_edit(ActaState e, const char **pzWhy) {
  if (e == ACTA_BORRADOR || e == ACTA_ENVIADA) return 1;
  if (pzWhy) {
    *pzWhy =
        "El acta ya fue aprobada y no se puede modificar; para "
        "corregirla, agregue una nota de corrección.";
  }
  return 0;
}

int acta_can_comment(ActaState e, const char **pzWhy) {
  if (e == ACTA_ENVIADA) return 1;
  if (pzWhy) {
    *pzWhy = e == ACTA_BORRADOR
                 ? "El acta aún no ha sido enviada a revisión."
                 : "El acta ya fue aprobada: la revisión terminó.";
  }
  return 0;
}

int acta_is_public(ActaState e) { return e == ACTA_PUBLICADA; }

int acta_freezes_session(ActaState e, const char **pzWhy) {
  if (e != ACTA_APROBADA && e != ACTA_PUBLICADA) return 0;
  if (pzWhy) {
    *pzWhy =
        "El acta de esta sesión ya fue aprobada: su asistencia y sus "
        "acuerdos quedaron fijos con ella y no se pueden cambiar. Para "
        "corregir algo, agregue una nota de corrección en el acta.";
  }
  return 1;
}

static int blank(const char *z) {
  if (!z) return 1;
  return z[strspn(z, " \t\r\n")] == 0;
}

int acta_correction_check(ActaState e, const char *zText, const char **pzWhy) {
  if (e != ACTA_APROBADA && e != ACTA_PUBLICADA) {
    return refuse(pzWhy,
                  "Un acta que no ha sido aprobada se corrige "
                  "editándola; la nota de corrección es para actas "
                  "aprobadas.");
  }
  if (blank(zText)) {
    return refuse(pzWhy, "Escriba el texto de la nota de corrección.");
  }
  return ACTA_OK;
}

int acta_vote_check(const ActaVote *v, int nPresent, char *zWhy, int nWhy) {
  if (!v->bVoted) return ACTA_OK;
  if (v->nFor < 0 || v->nAgainst < 0 || v->nAbstain < 0) {
    snprintf(zWhy, (size_t)nWhy,
             "Los votos a favor, en contra y las abstenciones no pueden ser "
             "negativos.");
    return ACTA_REFUSED;
  }
  long long nSum = (long long)v->nFor + v->nAgainst + v->nAbstain;
  if (nSum > nPresent) {
    snprintf(zWhy, (size_t)nWhy,
             "Los votos (%d a favor, %d en contra, %d abstenciones) suman "
             "%lld, más que los %d presentes.",
             v->nFor, v->nAgainst, v->nAbstain, nSum, nPresent);
    return ACTA_REFUSED;
  }
  if (v->nFor <= v->nAgainst) {
    snprintf(zWhy, (size_t)nWhy,
             "Un acuerdo adoptado necesita más votos a favor (%d) que en "
             "contra (%d).",
             v->nFor, v->nAgainst);
    return ACTA_REFUSED;
  }
  return ACTA_OK;
}

int acta_approval_check(const ActaApproval *pA, char *zWhy, int nWhy) {
  if (!pA->bSession || pA->iStart <= pA->iActaStart) {
    snprintf(zWhy, (size_t)nWhy,
             "El acta se aprueba en una sesión posterior: elija esa sesión.");
    return ACTA_REFUSED;
  }
  if (pA->iStart > pA->iNow || !pA->bHeld) {
    snprintf(zWhy, (size_t)nWhy,
             "El acta se aprueba en una sesión ya realizada: %s",
             pA->iStart > pA->iNow
                 ? "esa sesión todavía no ocurre."
                 : "marque esa sesión como realizada y tome su asistencia.");
    return ACTA_REFUSED;
  }
  if (!pA->bQuorum) {
    snprintf(zWhy, (size_t)nWhy,
             "El acta solo se aprueba en una sesión con quórum. %s",
             pA->zQuorum ? pA->zQuorum : "");
    return ACTA_REFUSED;
  }
  return ACTA_OK;
}

int acta_agreement_check(const ActaVote *pVote, int nPresent, int bQuorum,
                         const char *zQuorum, const char **pzField, char *zWhy,
                         int nWhy) {
  *pzField = "session";
  if (!bQuorum) {
    snprintf(zWhy, (size_t)nWhy,
             "Un acuerdo necesita quórum y esta sesión no lo tiene. %s",
             zQuorum ? zQuorum : "");
    return ACTA_REFUSED;
  }
  *pzField = "votes";
  return acta_vote_check(pVote, nPresent, zWhy, nWhy);
}

/* Records one problem (if there is room) and counts it. */
static void problem_add(ActaProblem *a, int nMax, int *pn, const char *zField,
                        const char *zMessage) {
  if (*pn < nMax) {
    snprintf(a[*pn].zField, sizeof(a[*pn].zField), "%s", zField);
    snprintf(a[*pn].zMessage, sizeof(a[*pn].zMessage), "%s", zMessage);
  }
  (*pn)++;
}

/* A problem of the iNumber-th item or agreement: field
** "<zList>.<iNumber>.<zName>" (what the form marks), message from zFmt. */
static void numbered_problem_add(ActaProblem *a, int nMax, int *pn,
                                 const char *zList, int iNumber,
                                 const char *zName, const char *zFmt, ...)
    __attribute__((format(printf, 7, 8)));
static void numbered_problem_add(ActaProblem *a, int nMax, int *pn,
                                 const char *zList, int iNumber,
                                 const char *zName, const char *zFmt, ...) {
  char zField[32], zMsg[ACTA_MESSAGE_MAX];
  snprintf(zField, sizeof(zField), "%s.%d.%s", zList, iNumber, zName);
  va_list ap;
  va_start(ap, zFmt);
  vsnprintf(zMsg, sizeof(zMsg), zFmt, ap);
  va_end(ap);
  problem_add(a, nMax, pn, zField, zMsg);
}

int acta_validate(const ActaParts *p, int bToSend, ActaProblem *aProblem,
                  int nMax) {
  int n = 0;
  if (bToSend && p->nItem == 0) {
    problem_add(aProblem, nMax, &n, "items",
                "El acta necesita al menos un punto de la tabla.");
  }
  for (int i = 0; i < p->nItem; i++) {
    if (blank(p->aItem[i].zTitle)) {
      numbered_problem_add(aProblem, nMax, &n, "item", i + 1, "title",
                           "Escriba el título del punto %d de la tabla.",
                           i + 1);
    }
    if (bToSend && blank(p->aItem[i].zSummary)) {
      numbered_problem_add(aProblem, nMax, &n, "item", i + 1, "summary",
                           "Escriba el resumen de lo tratado en el punto %d "
                           "antes de enviar el acta.",
                           i + 1);
    }
  }
  for (int i = 0; i < p->nAgreement; i++) {
    const ActaAgreement *a = &p->aAgreement[i];
    if (blank(a->zText)) {
      numbered_problem_add(aProblem, nMax, &n, "agreement", i + 1, "text",
                           "Escriba el texto del acuerdo %d.", i + 1);
    }
    char zWhy[ACTA_MESSAGE_MAX - 32];
    if (acta_vote_check(&a->vote, p->nPresent, zWhy, (int)sizeof(zWhy)) !=
        ACTA_OK) {
      numbered_problem_add(aProblem, nMax, &n, "agreement", i + 1, "votes",
                           "Acuerdo %d: %s", i + 1, zWhy);
    }
  }
  return n;
}
