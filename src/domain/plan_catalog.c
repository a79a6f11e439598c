/*
** Catalogues, synonym tables and text folding (see plan_catalog.h).
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
    {"certificados", "Certificados"},
    {"material", "Material del módulo"},
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
**    screen or a printout, not the document.
**  - certificados: PDF only: the certificates of a course (cosoc issues
**    them itself; an upload is a scan of ones signed on paper).
**  - material: a module's materials for its participants, a PDF or a
**    photo (a slide, a whiteboard). */
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
    {"certificados", PLAN_CONTENT_DOCUMENT},
    {"material", PLAN_CONTENT_DOCUMENT | PLAN_CONTENT_PHOTO},
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

int plan_evidence_is_standard(const char *zSlug) {
  return slug_label(plan_evidence_kinds, plan_evidence_kinds_count, zSlug) !=
         NULL;
}

/* ---- Evidence wordings ---- */

/* Key words of the wordings councils use, and the kind each names. The
** longest key found in a wording wins; between equals, the first in it. */
static const struct {
  const char *zKey;
  const char *zSlug;
} aEvidenceWord[] = {
    {"invitacion", "invitacion"},
    {"carta de invitacion", "invitacion"},
    {"convocatoria", "convocatoria"},
    {"afiche", "convocatoria"},
    {"difusion", "convocatoria"},
    {"llamado", "convocatoria"},
    {"citacion", "citacion"},
    {"asistencia", "asistencia"},
    {"asistente", "asistencia"},
    {"planilla de firma", "asistencia"},
    {"firma", "asistencia"},
    {"lista de participante", "asistencia"},
    {"registro de participante", "asistencia"},
    {"nomina de participante", "asistencia"},
    {"fotografia", "fotografias"},
    {"pantallazo", "fotografias"},
    {"captura de pantalla", "fotografias"},
    {"fotografico", "fotografias"},
    {"foto", "fotografias"},
    {"registro grafico", "fotografias"},
    {"imagen", "fotografias"},
    {"acta", "acta"},
    {"minuta", "acta"},
    {"ayuda memoria", "acta"},
    {"informe", "informe"},
    {"plan de trabajo", "informe"},
    {"reporte", "informe"},
    {"sistematizacion", "informe"},
    {"programa", "programa_formacion"},
    {"programa de trabajo", "informe"},
    {"programa de formacion", "programa_formacion"},
    {"programa de la jornada", "programa_formacion"},
    {"programa del taller", "programa_formacion"},
    {"programa de capacitacion", "programa_formacion"},
    {"programa del curso", "programa_formacion"},
    {"programa de la escuela", "programa_formacion"},
    {"malla curricular", "programa_formacion"},
    {"certificado", "certificados"},
    {"diploma", "certificados"},
    {"material del modulo", "material"},
    {"material de apoyo", "material"},
};

const char *plan_evidence_kind_resolve(const PlanContext *pCtx,
                                       const char *zSlug) {
  for (int i = 0; i < 8 && zSlug; i++) {
    const PlanCouncilKind *p = plan_council_kind(pCtx, zSlug);
    if (!p || !p->zMergedInto || !*p->zMergedInto) break;
    zSlug = p->zMergedInto;
  }
  return zSlug;
}

/* A label's words as a synonym key ("Video (enlace)" → "video enlace"). */
static const char *key_of_label(Arena *pArena, const char *zLabel) {
  char *z = (char *)plan_evidence_slug_for_label(pArena, zLabel);
  for (char *p = z; *p; p++) {
    if (*p == '_') *p = ' ';
  }
  return z;
}

const char *plan_evidence_kind_for_text(Arena *pArena, const char *zText,
                                        const PlanContext *pCtx) {
  PlanToken *aTok;
  int nTok = plan_tokens(pArena, zText, &aTok);
  const char *zBest = NULL;
  int nBest = 0;
  for (int i = 0; i < nTok; i++) {
    for (size_t k = 0; k < sizeof(aEvidenceWord) / sizeof(aEvidenceWord[0]);
         k++) {
      int n = plan_tokens_match(pArena, aTok, nTok, i, aEvidenceWord[k].zKey);
      if (n > nBest) nBest = n, zBest = aEvidenceWord[k].zSlug;
    }
    /* The council's own kinds: their label is their key. */
    for (int k = 0; pCtx && k < pCtx->nKind; k++) {
      const char *zKey = key_of_label(pArena, pCtx->aKind[k].zLabel);
      int n = plan_tokens_match(pArena, aTok, nTok, i, zKey);
      if (n > nBest) nBest = n, zBest = pCtx->aKind[k].zSlug;
    }
  }
  if (!zBest) {
    /* A slug typed as such ("fotografias", "registro_audiovisual"). */
    const char *zSlug = plan_evidence_slug_for_label(pArena, zText);
    if (plan_evidence_is_standard(zSlug) || plan_council_kind(pCtx, zSlug))
      zBest = zSlug;
  }
  return zBest ? plan_evidence_kind_resolve(pCtx, zBest) : NULL;
}

const char *plan_evidence_slug_for_label(Arena *pArena, const char *zLabel) {
  PlanToken *aTok;
  int nTok = plan_tokens(pArena, zLabel, &aTok);
  Buf b;
  buf_init(&b, pArena);
  for (int i = 0; i < nTok; i++) {
    if (aTok[i].eKind == PLAN_TOK_PUNCT) continue;
    size_t n = strlen(aTok[i].zText);
    if (b.n + (b.n ? 1 : 0) + n > PLAN_KIND_SLUG_MAX) break;
    if (b.n) buf_putc(&b, '_');
    buf_puts(&b, aTok[i].zText);
  }
  return buf_str(&b);
}

const char *plan_evidence_label(const PlanContext *pCtx, const char *zSlug) {
  const char *z =
      slug_label(plan_evidence_kinds, plan_evidence_kinds_count, zSlug);
  if (z) return z;
  const PlanCouncilKind *p = plan_council_kind(pCtx, zSlug);
  return p ? p->zLabel : zSlug;
}

/* ---- Activity nouns ---- */

#define SESSIONS "sesion_ordinaria sesion_extraordinaria"

/* Nouns that say which activities a target counts. zQualified, when set,
** replaces zSlugs when the rest of the sentence names an authority. */
static const struct {
  const char *zKey;
  const char *zSlugs;
  const char *zQualified;
} aActivityNoun[] = {
    {"sesion", SESSIONS, NULL},
    {"sesion ordinaria", "sesion_ordinaria", NULL},
    {"sesion extraordinaria", "sesion_extraordinaria", NULL},
    /* «seis sesiones ordinarias y al menos 2 extraordinarias» */
    {"ordinaria", "sesion_ordinaria", NULL},
    {"extraordinaria", "sesion_extraordinaria", NULL},
    {"sesion plenaria", SESSIONS, NULL},
    {"pleno", SESSIONS, NULL},
    {"plenario", SESSIONS, NULL},
    {"asamblea", SESSIONS, NULL},
    {"reunion", SESSIONS, "reunion_autoridades"},
    {"reunion ordinaria", "sesion_ordinaria", NULL},
    {"reunion extraordinaria", "sesion_extraordinaria", NULL},
    {"audiencia", "reunion_autoridades", NULL},
    {"capacitacion", "capacitacion", NULL},
    {"jornada", "capacitacion", NULL},
    {"jornada de capacitacion", "capacitacion", NULL},
    {"jornada de formacion", "capacitacion", NULL},
    {"taller", "capacitacion", NULL},
    {"curso", "capacitacion", NULL},
    {"instancia formativa", "capacitacion", NULL},
    {"charla", "charla", NULL},
    {"seminario", "charla", NULL},
    {"webinar", "charla", NULL},
    {"conversatorio", "charla", NULL},
    {"foro", "charla", NULL},
    {"mesa", "mesa_trabajo", NULL},
    {"mesa de trabajo", "mesa_trabajo", NULL},
    {"dialogo participativo", "mesa_trabajo", NULL},
    {"dialogo", "mesa_trabajo", NULL},
    {"modulo", "modulo_escuela", NULL},
    {"escuela de dirigente", "modulo_escuela", NULL},
    {"clase", "modulo_escuela", NULL},
    {"visita", "visita_terreno", NULL},
    {"visita a terreno", "visita_terreno", NULL},
    {"salida a terreno", "visita_terreno", NULL},
    {"recorrido", "visita_terreno", NULL},
    {"gira", "visita_terreno", NULL},
    {"entrega", "entrega_viviendas", NULL},
    {"entrega de vivienda", "entrega_viviendas", NULL},
    {"inauguracion", "inauguracion", NULL},
    {"inicio de programa", "inicio_programa", NULL},
    {"lanzamiento", "inicio_programa", NULL},
    {"plan piloto", "plan_piloto", NULL},
    {"piloto", "plan_piloto", NULL},
    {"actividad", "", NULL},
    {"instancia", "", NULL},
    {"evento", "", NULL},
    {"encuentro", "", NULL},
    {"accion", "", NULL},
    {"iniciativa", "", NULL},
    {"operativo", "", NULL},
    {"cuenta publica", "", NULL},
    {"cabildo", "", NULL},
};

/* Nouns that name a part of a course rather than a whole activity: a
** target of «4 módulos» counts a course's modules one by one, where «una
** Escuela de Dirigentes» counts the course once (domain/compliance.h). */
static const char *const azCoursePart[] = {
    "modulo",
    "clase",
    "sesion de la escuela",
    "unidad de la escuela",
};

int plan_noun_is_course_part(Arena *pArena, const PlanToken *aTok, int nTok,
                             int i) {
  for (size_t k = 0; k < sizeof(azCoursePart) / sizeof(azCoursePart[0]); k++) {
    if (plan_tokens_match(pArena, aTok, nTok, i, azCoursePart[k])) return 1;
  }
  return 0;
}

/* Words that make a meeting one with authorities. */
static const char *const azAuthority[] = {
    "autoridad",        "seremi",        "director", "directora",
    "alcalde",          "alcaldesa",     "delegado", "delegada",
    "gobernador",       "gobernadora",   "ministro", "ministra",
    "subsecretario",    "parlamentario", "senador",  "diputado",
    "jefe de servicio", "jefatura",
};

/* Nouns after a number that count something other than activities. */
static const char *const azNotActivity[] = {
    "dirigente",    "persona",    "participante", "consejero",    "consejera",
    "integrante",   "asistente",  "comuna",       "provincia",    "region",
    "organizacion", "vecino",     "vecina",       "beneficiario", "hora",
    "mes",          "dia",        "semana",       "ano",          "minuto",
    "lider",        "joven",      "mujer",        "funcionario",  "socio",
    "por ciento",   "territorio", "sector",       "barrio",       "familia",
};

/* 1 when an authority word comes in aTok[i…] before the sentence ends. */
static int authority_follows(Arena *pArena, const PlanToken *aTok, int nTok,
                             int i) {
  for (; i < nTok; i++) {
    if (aTok[i].eKind == PLAN_TOK_PUNCT && strchr(".;:", aTok[i].zText[0]))
      return 0;
    for (size_t k = 0; k < sizeof(azAuthority) / sizeof(azAuthority[0]); k++) {
      if (plan_tokens_match(pArena, aTok, nTok, i, azAuthority[k])) return 1;
    }
  }
  return 0;
}

int plan_activity_noun(Arena *pArena, const PlanToken *aTok, int nTok, int i,
                       const char **pzSlugs) {
  int nBest = 0;
  size_t iBest = 0;
  for (size_t k = 0; k < sizeof(aActivityNoun) / sizeof(aActivityNoun[0]);
       k++) {
    int n = plan_tokens_match(pArena, aTok, nTok, i, aActivityNoun[k].zKey);
    if (n > nBest) nBest = n, iBest = k;
  }
  if (!nBest) return 0;
  *pzSlugs = aActivityNoun[iBest].zSlugs;
  if (aActivityNoun[iBest].zQualified &&
      authority_follows(pArena, aTok, nTok, i + nBest)) {
    *pzSlugs = aActivityNoun[iBest].zQualified;
  }
  return nBest;
}

int plan_counts_not_activities(const PlanToken *aTok, int nTok, int i) {
  if (i < nTok && aTok[i].eKind == PLAN_TOK_PUNCT && aTok[i].zText[0] == '%')
    return 1;
  Arena *pArena = arena_new();
  int bFound = 0;
  for (size_t k = 0;
       !bFound && k < sizeof(azNotActivity) / sizeof(azNotActivity[0]); k++) {
    bFound = plan_tokens_match(pArena, aTok, nTok, i, azNotActivity[k]) > 0;
  }
  arena_free(pArena);
  return bFound;
}

/* ---- Folding ---- */

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
