/*
** A plan as plain data: what the importer produces, what the store saves
** and loads, what pages and the API show, what the diff compares. Every
** string lives in the arena of whoever built the PlanDoc.
**
** Pure data and pure functions: no SQL, no HTTP.
*/
#ifndef COSOC_DOMAIN_PLAN_DOC_H
#define COSOC_DOMAIN_PLAN_DOC_H

#include "domain/plan_target.h"
#include "domain/plan_window.h"
#include "util/arena.h"

typedef struct PlanObjective {
  int iNumber;       /* 1, 2, … as the document numbers them */
  const char *zText; /* Clean text */
} PlanObjective;

#define PLAN_EVIDENCE_MAX \
  16 /* Verificadores on one line: twice the catalogue */

typedef struct PlanEvidence {
  const char *zKind;   /* Evidence slug: a standard one (plan_evidence_kinds)
                       ** or one of the council's own */
  const char *zLabel;  /* The document's own wording: "Actas" */
  int bFlagged;        /* A council kind nobody has reviewed yet */
  const char *zReason; /* Why it is flagged, or NULL */
} PlanEvidence;

typedef struct PlanLine {
  int iNumber;              /* N° column, or the row's place in the table */
  const char *zObjective;   /* OBJETIVO: clean text */
  const char *zActions;     /* ACCIONES: clean text, list items as "- " lines */
  const char *zResponsible; /* RESPONSABLES: clean text */
  int nEvidence;
  PlanEvidence *aEvidence;   /* VERIFICADOR, in the document's order */
  const char *zWindowPhrase; /* FECHAS as written */
  PlanWindow window;         /* Dates read from (or corrected after) it */
  PlanTarget target;         /* Suggested from zActions/zMeta, or corrected */
  const char *zMeta;         /* META / INDICADOR column as written ("") */
  const char *zNotes;        /* Columns the importer does not know, as
                             ** "Heading: text" lines ("") */
  const char *zCarried;      /* Why it comes from the previous plan: it was
                             ** not met ("" for a line of its own) */
  int iSourceLine;    /* Line or row of the file it came from (0: none) */
  const char *zWhere; /* That place in words ("Línea 14", "Tabla 1, fila 3"),
                      ** or NULL */
} PlanLine;

typedef struct PlanDoc {
  const char *zTitle;
  const char *zIntro; /* Paragraphs separated by a blank line ("\n\n") */
  char zPeriodStart[PLAN_DATE_SIZE];
  char zPeriodEnd[PLAN_DATE_SIZE];
  int nObjective;
  PlanObjective *aObjective;
  int nLine;
  PlanLine *aLine;
} PlanDoc;

/* Everything a version holds, in one fixed text form: two documents with
** the same content give the same string (used to detect "no change"). */
const char *plan_doc_canonical(Arena *pArena, const PlanDoc *pDoc);

/* A copy of pDoc whose arrays are fresh (strings shared): for editing. */
PlanDoc *plan_doc_copy(Arena *pArena, const PlanDoc *pDoc);

/* The line numbered iNumber, or NULL. */
PlanLine *plan_doc_line(const PlanDoc *pDoc, int iNumber);

/* A target's kinds / excluded communes / provinces as one space-separated
** string. */
const char *plan_target_kinds_text(Arena *pArena, const PlanTarget *pTarget);
const char *plan_target_exclude_text(Arena *pArena, const PlanTarget *pTarget);
const char *plan_target_provinces_text(Arena *pArena,
                                       const PlanTarget *pTarget);
/* The reverse: fills pTarget's kinds (slugs found in the catalogue; others
** are dropped) / communes / provinces from space-separated text (arena
** copies; names are left NULL). */
void plan_target_kinds_from_text(Arena *pArena, PlanTarget *pTarget,
                                 const char *z);
void plan_target_exclude_from_text(Arena *pArena, PlanTarget *pTarget,
                                   const char *z);
void plan_target_provinces_from_text(Arena *pArena, PlanTarget *pTarget,
                                     const char *z);
/* A target in words: "5 actividades: Sesión ordinaria o Sesión
** extraordinaria; no cuentan las de La Serena (04101); al menos una en
** cada provincia: Elqui, Choapa y Limarí". A commune or province without
** a name reads "la comuna 04101" / "la provincia 041". */
const char *plan_target_describe(Arena *pArena, const PlanTarget *pTarget);
/* The line's flags counted: window, target and evidence items. */
int plan_line_flags(const PlanLine *pLine);
/* A line's evidence as "Citación, Asistencia, …" (labels). */
const char *plan_evidence_text(Arena *pArena, const PlanLine *pLine);

/* ---- Differences between two versions ---- */

typedef struct PlanChange {
  const char *zWhere; /* "Plan", "Objetivo 3", "Línea 4" */
  const char *zField; /* Spanish field name: "Fechas", "Meta" */
  const char *zOld;   /* "" when added */
  const char *zNew;   /* "" when removed */
} PlanChange;

/* Field-by-field differences from pOld to pNew, in document order. Returns
** how many; *paChange is arena memory. */
int plan_diff(Arena *pArena, const PlanDoc *pOld, const PlanDoc *pNew,
              PlanChange **paChange);

#endif
