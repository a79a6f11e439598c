/*
** Catalogues and text folding (see plan_catalog.h).
*/
#include "domain/plan_catalog.h"

#include <string.h>

const PlanKind plan_evidence_kinds[] = {
    {"invitacion", "Invitación"},
    {"convocatoria", "Convocatoria"},
    {"citacion", "Citación"},
    {"asistencia", "Asistencia"},
    {"fotografias", "Fotografías"},
    {"acta", "Acta"},
    {"informe", "Informe / Plan de trabajo"},
    {"programa_formacion", "Programa de formación"},
};
const int plan_evidence_kinds_count =
    (int)(sizeof(plan_evidence_kinds) / sizeof(plan_evidence_kinds[0]));

/* What each evidence kind may hold. A verificador proves something to
** whoever audits the plan, so its content must be what its kind says:
**  - fotografias: photos only; a PDF is not a photograph of the activity.
**  - invitacion, convocatoria, citacion: a PDF, or a photo: these are often
**    a flyer image or a screenshot of the message that was sent.
**  - asistencia, acta: a PDF, or photos of the signed paper pages. Both are
**    signed by hand in the room, and the officer photographs the signed
**    pages with the phone there (the acta the system writes itself counts
**    on its own, see evidence_system_kinds()).
**  - informe, programa_formacion: PDF only. They are written as documents
**    of several pages and sent as files; a photo would show one page of a
**    screen or a printout, not the document. */
static const struct {
  const char *zSlug;
  unsigned mContent; /* PLAN_CONTENT_ bits */
} aEvidenceContent[] = {
    {"invitacion", PLAN_CONTENT_DOCUMENT | PLAN_CONTENT_PHOTO},
    {"convocatoria", PLAN_CONTENT_DOCUMENT | PLAN_CONTENT_PHOTO},
    {"citacion", PLAN_CONTENT_DOCUMENT | PLAN_CONTENT_PHOTO},
    {"asistencia", PLAN_CONTENT_DOCUMENT | PLAN_CONTENT_PHOTO},
    {"fotografias", PLAN_CONTENT_PHOTO},
    {"acta", PLAN_CONTENT_DOCUMENT | PLAN_CONTENT_PHOTO},
    {"informe", PLAN_CONTENT_DOCUMENT},
    {"programa_formacion", PLAN_CONTENT_DOCUMENT},
};

unsigned plan_evidence_kind_content(const char *zSlug) {
  for (size_t i = 0;
       zSlug && i < sizeof(aEvidenceContent) / sizeof(aEvidenceContent[0]);
       i++) {
    if (strcmp(aEvidenceContent[i].zSlug, zSlug) == 0) {
      return aEvidenceContent[i].mContent;
    }
  }
  return 0;
}

const PlanKind plan_activity_kinds[] = {
    {"sesion_ordinaria", "Sesión ordinaria"},
    {"sesion_extraordinaria", "Sesión extraordinaria"},
    {"reunion_autoridades", "Reunión con autoridades"},
    {"capacitacion", "Capacitación"},
    {"charla", "Charla"},
    {"mesa_trabajo", "Mesa de trabajo"},
    {"modulo_escuela", "Módulo de escuela de dirigentes"},
    {"entrega_viviendas", "Entrega de viviendas"},
    {"inauguracion", "Inauguración"},
    {"inicio_programa", "Inicio de programa"},
    {"plan_piloto", "Plan piloto"},
    {"visita_terreno", "Visita a terreno"},
    {"otra", "Otra actividad"},
};
const int plan_activity_kinds_count =
    (int)(sizeof(plan_activity_kinds) / sizeof(plan_activity_kinds[0]));

const char *plan_kind_label(const PlanKind *aKind, int nKind,
                            const char *zSlug) {
  for (int i = 0; zSlug && i < nKind; i++) {
    if (strcmp(aKind[i].zSlug, zSlug) == 0) return aKind[i].zLabel;
  }
  return NULL;
}

/* Folded prefixes of the wordings documents use, and the kind each names.
** Checked in order: "plan de trabajo" before anything shorter. */
static const struct {
  const char *zPrefix;
  const char *zSlug;
} aEvidenceWord[] = {
    {"invitacion", "invitacion"},
    {"convocatoria", "convocatoria"},
    {"citacion", "citacion"},
    {"asistencia", "asistencia"},
    {"lista de asistencia", "asistencia"},
    {"fotografia", "fotografias"},
    {"foto", "fotografias"},
    {"acta", "acta"},
    {"informe", "informe"},
    {"plan de trabajo", "informe"},
    {"programa de formacion", "programa_formacion"},
};

const char *plan_evidence_kind_for_text(Arena *pArena, const char *zText) {
  const char *z = plan_text_fold(pArena, zText);
  for (size_t i = 0; i < sizeof(aEvidenceWord) / sizeof(aEvidenceWord[0]);
       i++) {
    if (strncmp(z, aEvidenceWord[i].zPrefix,
                strlen(aEvidenceWord[i].zPrefix)) == 0) {
      return aEvidenceWord[i].zSlug;
    }
  }
  /* Also accept the catalogue's own slugs and labels. */
  for (int i = 0; i < plan_evidence_kinds_count; i++) {
    if (strcmp(z, plan_evidence_kinds[i].zSlug) == 0)
      return plan_evidence_kinds[i].zSlug;
  }
  return NULL;
}

/* The ASCII letter a two-byte UTF-8 letter of Latin-1 folds to, or 0. */
static char fold_latin1(unsigned char c1, unsigned char c2) {
  if (c1 == 0xc2 && (c2 == 0xb0 || c2 == 0xba)) return 'o'; /* ° º */
  if (c1 != 0xc3) return 0;
  unsigned char c =
      (unsigned char)(c2 | 0x20); /* lower-case: 0x80.. -> 0xa0.. */
  if (c >= 0xa0 && c <= 0xa5) return 'a';
  if (c == 0xa7) return 'c';
  if (c >= 0xa8 && c <= 0xab) return 'e';
  if (c >= 0xac && c <= 0xaf) return 'i';
  if (c == 0xb1) return 'n';
  if (c >= 0xb2 && c <= 0xb6) return 'o';
  if (c >= 0xb9 && c <= 0xbc) return 'u';
  return 0;
}

char *plan_text_fold(Arena *pArena, const char *z) {
  if (!z) z = "";
  size_t n = strlen(z);
  char *zOut = arena_alloc(pArena, n + 1);
  size_t j = 0;
  int bSpace = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)z[i];
    int bWhite = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
                 c == '\v' || (c == 0xc2 && (unsigned char)z[i + 1] == 0xa0);
    if (bWhite) {
      if (c == 0xc2) i++;
      bSpace = 1;
      continue;
    }
    if (bSpace && j > 0) zOut[j++] = ' ';
    bSpace = 0;
    if (c >= 0xc2 && i + 1 < n) {
      char f = fold_latin1(c, (unsigned char)z[i + 1]);
      if (f) {
        zOut[j++] = f;
        i++;
        continue;
      }
    }
    zOut[j++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (char)c;
  }
  zOut[j] = 0;
  return zOut;
}
