/*
** Plain-data helpers for plans (see plan_doc.h): the canonical text form,
** copies for editing, target texts, and the field-by-field diff.
*/
#include "domain/plan_doc.h"

#include <string.h>

#include "domain/plan_catalog.h"

/* Appends "key=value\n" with newlines and backslashes escaped, so that
** field boundaries can never be faked by content. */
static void put_field(Buf *b, const char *zKey, const char *zValue) {
  buf_puts(b, zKey);
  buf_putc(b, '=');
  for (const char *z = zValue ? zValue : ""; *z; z++) {
    if (*z == '\n')
      buf_puts(b, "\\n");
    else if (*z == '\\')
      buf_puts(b, "\\\\");
    else
      buf_putc(b, *z);
  }
  buf_putc(b, '\n');
}

const char *plan_target_kinds_text(Arena *pArena, const PlanTarget *pTarget) {
  Buf b;
  buf_init(&b, pArena);
  /* In catalogue order, so that equal sets give equal text. */
  for (int k = 0; k < plan_activity_kinds_count; k++) {
    for (int i = 0; i < pTarget->nKind; i++) {
      if (strcmp(pTarget->azKind[i], plan_activity_kinds[k].zSlug) == 0) {
        if (b.n) buf_putc(&b, ' ');
        buf_puts(&b, plan_activity_kinds[k].zSlug);
        break;
      }
    }
  }
  return buf_str(&b);
}

const char *plan_target_exclude_text(Arena *pArena, const PlanTarget *pTarget) {
  return arena_join(pArena, pTarget->azExclude, pTarget->nExclude, " ");
}

const char *plan_target_provinces_text(Arena *pArena,
                                       const PlanTarget *pTarget) {
  return arena_join(pArena, pTarget->azProvince, pTarget->nProvince, " ");
}

void plan_target_kinds_from_text(Arena *pArena, PlanTarget *pTarget,
                                 const char *z) {
  (void)pArena;
  pTarget->nKind = 0;
  for (int k = 0; z && k < plan_activity_kinds_count; k++) {
    const char *zSlug = plan_activity_kinds[k].zSlug;
    size_t n = strlen(zSlug);
    for (const char *p = strstr(z, zSlug); p; p = strstr(p + 1, zSlug)) {
      if ((p == z || p[-1] == ' ' || p[-1] == ',') &&
          (p[n] == 0 || p[n] == ' ' || p[n] == ',')) {
        if (pTarget->nKind < PLAN_TARGET_KINDS_MAX) {
          pTarget->azKind[pTarget->nKind++] = zSlug;
        }
        break;
      }
    }
  }
}

/* Space-separated codes into az (at most nMax); returns how many. */
static int codes_from_text(Arena *pArena, const char *z, const char **az,
                           int nMax) {
  int n = 0;
  char *zCopy = arena_strdup(pArena, z ? z : "");
  char *zSave = NULL;
  for (char *zTok = strtok_r(zCopy, " ,;\t\r\n", &zSave); zTok && n < nMax;
       zTok = strtok_r(NULL, " ,;\t\r\n", &zSave)) {
    az[n++] = zTok;
  }
  return n;
}

void plan_target_exclude_from_text(Arena *pArena, PlanTarget *pTarget,
                                   const char *z) {
  pTarget->nExclude =
      codes_from_text(pArena, z, pTarget->azExclude, PLAN_TARGET_COMMUNES_MAX);
  memset(pTarget->azExcludeName, 0, sizeof(pTarget->azExcludeName));
}

void plan_target_provinces_from_text(Arena *pArena, PlanTarget *pTarget,
                                     const char *z) {
  pTarget->nProvince =
      codes_from_text(pArena, z, pTarget->azProvince, PLAN_PROVINCES_MAX);
  memset(pTarget->azProvinceName, 0, sizeof(pTarget->azProvinceName));
}

const char *plan_target_describe(Arena *pArena, const PlanTarget *pTarget) {
  Buf b;
  buf_init(&b, pArena);
  buf_printf(&b, "%d %s", pTarget->nCount,
             pTarget->bModules
                 ? (pTarget->nCount == 1 ? "módulo" : "módulos")
                 : (pTarget->nCount == 1 ? "actividad" : "actividades"));
  if (pTarget->nKind == 0) {
    buf_puts(&b, " de cualquier tipo");
  } else {
    buf_puts(&b, ": ");
    for (int i = 0; i < pTarget->nKind; i++) {
      if (i) buf_puts(&b, i == pTarget->nKind - 1 ? " o " : ", ");
      const char *zLabel = slug_label(
          plan_activity_kinds, plan_activity_kinds_count, pTarget->azKind[i]);
      buf_puts(&b, zLabel ? zLabel : pTarget->azKind[i]);
    }
  }
  if (pTarget->nExclude > 0) {
    buf_puts(&b, "; no cuentan las de ");
    for (int i = 0; i < pTarget->nExclude; i++) {
      if (i) buf_puts(&b, ", ");
      if (pTarget->azExcludeName[i]) {
        buf_printf(&b, "%s (%s)", pTarget->azExcludeName[i],
                   pTarget->azExclude[i]);
      } else {
        buf_printf(&b, "la comuna %s", pTarget->azExclude[i]);
      }
    }
  }
  if (pTarget->nProvince > 0) {
    buf_puts(&b, "; al menos una en cada provincia: ");
    for (int i = 0; i < pTarget->nProvince; i++) {
      if (i) buf_puts(&b, i == pTarget->nProvince - 1 ? " y " : ", ");
      if (pTarget->azProvinceName[i])
        buf_puts(&b, pTarget->azProvinceName[i]);
      else
        buf_printf(&b, "la provincia %s", pTarget->azProvince[i]);
    }
  }
  if (pTarget->bModules)
    buf_puts(&b, "; cada módulo de un curso cuenta por sí solo");
  return buf_str(&b);
}

int plan_line_flags(const PlanLine *pLine) {
  int n = pLine->window.bFlagged + pLine->target.bFlagged;
  for (int i = 0; i < pLine->nEvidence; i++) n += pLine->aEvidence[i].bFlagged;
  return n;
}

const char *plan_evidence_text(Arena *pArena, const PlanLine *pLine) {
  Buf b;
  buf_init(&b, pArena);
  for (int i = 0; i < pLine->nEvidence; i++) {
    if (i) buf_puts(&b, ", ");
    buf_puts(&b, pLine->aEvidence[i].zLabel);
  }
  return buf_str(&b);
}

static const char *window_text(Arena *pArena, const PlanLine *pLine) {
  return arena_printf(pArena, "%s (%s a %s)%s", pLine->zWindowPhrase,
                      pLine->window.zStart, pLine->window.zEnd,
                      pLine->window.bFlagged ? " [por revisar]" : "");
}

const char *plan_doc_canonical(Arena *pArena, const PlanDoc *pDoc) {
  Buf b;
  buf_init(&b, pArena);
  put_field(&b, "title", pDoc->zTitle);
  put_field(&b, "intro", pDoc->zIntro);
  put_field(
      &b, "period",
      arena_printf(pArena, "%s %s", pDoc->zPeriodStart, pDoc->zPeriodEnd));
  for (int i = 0; i < pDoc->nObjective; i++) {
    put_field(&b,
              arena_printf(pArena, "objective.%d", pDoc->aObjective[i].iNumber),
              pDoc->aObjective[i].zText);
  }
  for (int i = 0; i < pDoc->nLine; i++) {
    const PlanLine *pL = &pDoc->aLine[i];
    put_field(&b, "line", arena_printf(pArena, "%d", pL->iNumber));
    put_field(&b, "objective", pL->zObjective);
    put_field(&b, "actions", pL->zActions);
    put_field(&b, "responsible", pL->zResponsible);
    for (int k = 0; k < pL->nEvidence; k++) {
      put_field(&b, "evidence",
                arena_printf(pArena, "%s %s", pL->aEvidence[k].zKind,
                             pL->aEvidence[k].zLabel));
    }
    put_field(&b, "window", window_text(pArena, pL));
    put_field(&b, "target",
              arena_printf(pArena, "%d [%s] [%s]", pL->target.nCount,
                           plan_target_kinds_text(pArena, &pL->target),
                           plan_target_exclude_text(pArena, &pL->target)));
    /* Fields added later are written only when set, so that a version
    ** saved before they existed keeps its hash: importing the same
    ** document again still changes nothing. */
    if (pL->target.nProvince) {
      put_field(&b, "target.provinces",
                plan_target_provinces_text(pArena, &pL->target));
    }
    if (pL->target.bFlagged) put_field(&b, "target.flagged", "1");
    if (pL->target.bModules) put_field(&b, "target.modules", "1");
    if (pL->zMeta && *pL->zMeta) put_field(&b, "meta", pL->zMeta);
    if (pL->zNotes && *pL->zNotes) put_field(&b, "notes", pL->zNotes);
    if (pL->zCarried && *pL->zCarried) put_field(&b, "carried", pL->zCarried);
  }
  return buf_str(&b);
}

PlanDoc *plan_doc_copy(Arena *pArena, const PlanDoc *pDoc) {
  PlanDoc *pCopy = arena_memdup(pArena, pDoc, sizeof(*pDoc));
  /* Room for one more objective, so an edit can add one. */
  pCopy->aObjective = arena_alloc(
      pArena, sizeof(PlanObjective) * (size_t)(pDoc->nObjective + 1));
  if (pDoc->nObjective) {
    memcpy(pCopy->aObjective, pDoc->aObjective,
           sizeof(PlanObjective) * (size_t)pDoc->nObjective);
  }
  pCopy->aLine =
      arena_alloc(pArena, sizeof(PlanLine) * (size_t)(pDoc->nLine + 1));
  for (int i = 0; i < pDoc->nLine; i++) {
    pCopy->aLine[i] = pDoc->aLine[i];
    if (pDoc->aLine[i].nEvidence) {
      pCopy->aLine[i].aEvidence =
          arena_memdup(pArena, pDoc->aLine[i].aEvidence,
                       sizeof(PlanEvidence) * (size_t)pDoc->aLine[i].nEvidence);
    }
  }
  return pCopy;
}

PlanLine *plan_doc_line(const PlanDoc *pDoc, int iNumber) {
  for (int i = 0; i < pDoc->nLine; i++) {
    if (pDoc->aLine[i].iNumber == iNumber) return &pDoc->aLine[i];
  }
  return NULL;
}

/* ---- Diff ---- */

typedef struct Changes {
  Arena *pArena;
  int n, nAlloc;
  PlanChange *a;
} Changes;

static void change(Changes *p, const char *zWhere, const char *zField,
                   const char *zOld, const char *zNew) {
  if (!zOld) zOld = "";
  if (!zNew) zNew = "";
  if (strcmp(zOld, zNew) == 0) return;
  p->a = arena_grow(p->pArena, p->a, p->n, &p->nAlloc, sizeof(PlanChange));
  PlanChange *c = &p->a[p->n++];
  c->zWhere = zWhere;
  c->zField = zField;
  c->zOld = zOld;
  c->zNew = zNew;
}

static void diff_line(Changes *p, const PlanLine *pA, const PlanLine *pB,
                      int iNumber) {
  Arena *pArena = p->pArena;
  const char *zWhere = arena_printf(pArena, "Línea %d", iNumber);
  change(p, zWhere, "Objetivo", pA ? pA->zObjective : "",
         pB ? pB->zObjective : "");
  change(p, zWhere, "Acciones", pA ? pA->zActions : "", pB ? pB->zActions : "");
  change(p, zWhere, "Responsables", pA ? pA->zResponsible : "",
         pB ? pB->zResponsible : "");
  change(p, zWhere, "Verificadores", pA ? plan_evidence_text(pArena, pA) : "",
         pB ? plan_evidence_text(pArena, pB) : "");
  change(p, zWhere, "Fechas", pA ? window_text(pArena, pA) : "",
         pB ? window_text(pArena, pB) : "");
  change(p, zWhere, "Meta", pA ? plan_target_describe(pArena, &pA->target) : "",
         pB ? plan_target_describe(pArena, &pB->target) : "");
  change(p, zWhere, "Meta (texto del documento)", pA ? pA->zMeta : "",
         pB ? pB->zMeta : "");
  change(p, zWhere, "Notas", pA ? pA->zNotes : "", pB ? pB->zNotes : "");
  change(p, zWhere, "Pendiente del plan anterior", pA ? pA->zCarried : "",
         pB ? pB->zCarried : "");
}

int plan_diff(Arena *pArena, const PlanDoc *pOld, const PlanDoc *pNew,
              PlanChange **paChange) {
  Changes c = {pArena, 0, 0, NULL};
  change(&c, "Plan", "Título", pOld->zTitle, pNew->zTitle);
  change(&c, "Plan", "Periodo",
         arena_printf(pArena, "%s a %s", pOld->zPeriodStart, pOld->zPeriodEnd),
         arena_printf(pArena, "%s a %s", pNew->zPeriodStart, pNew->zPeriodEnd));
  change(&c, "Plan", "Introducción", pOld->zIntro, pNew->zIntro);
  int nObj =
      pOld->nObjective > pNew->nObjective ? pOld->nObjective : pNew->nObjective;
  for (int i = 0; i < nObj; i++) {
    const PlanObjective *pA =
        i < pOld->nObjective ? &pOld->aObjective[i] : NULL;
    const PlanObjective *pB =
        i < pNew->nObjective ? &pNew->aObjective[i] : NULL;
    change(&c,
           arena_printf(pArena, "Objetivo %d", pA ? pA->iNumber : pB->iNumber),
           "Texto", pA ? pA->zText : "", pB ? pB->zText : "");
  }
  /* Lines are matched by number: that is how the council refers to them. */
  int iMax = 0;
  for (int i = 0; i < pOld->nLine; i++)
    if (pOld->aLine[i].iNumber > iMax) iMax = pOld->aLine[i].iNumber;
  for (int i = 0; i < pNew->nLine; i++)
    if (pNew->aLine[i].iNumber > iMax) iMax = pNew->aLine[i].iNumber;
  for (int n = 1; n <= iMax; n++) {
    const PlanLine *pA = plan_doc_line(pOld, n);
    const PlanLine *pB = plan_doc_line(pNew, n);
    if (pA || pB) diff_line(&c, pA, pB, n);
  }
  *paChange = c.a;
  return c.n;
}
