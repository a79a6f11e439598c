/*
** The columns of a plan's table, told by their headings in any order:
** «N°», «Nº», «No.», «#» (the number); «OBJETIVO», «LÍNEA DE ACCIÓN»,
** «Objetivo específico», «Eje», «Tema» (the objective); «ACCIONES»,
** «Actividades» (the actions); «Descripción», «Detalle» (more of the column
** before it); «RESPONSABLE(S)», «Encargado» (who); «VERIFICADOR»,
** «Medios de verificación», «Producto» (the evidence); «FECHAS», «Plazo de
** ejecución»,
** «Cronograma», «Período» (the dates; «Fecha de término» a second one);
** «META», «Meta / Indicador» (the target). Case, accents, plurals and
** extra words are folded; a heading matching nothing is a note column,
** kept on each line as a note, never dropped.
**
** The headings are a table of phrases (plan_columns.c), the longest phrase
** found in a heading deciding («Línea de acción» is the objective, not the
** actions). Pure: no SQL, no HTTP.
*/
#ifndef COSOC_DOMAIN_PLAN_COLUMNS_H
#define COSOC_DOMAIN_PLAN_COLUMNS_H

#include "util/arena.h"

typedef enum PlanColumn {
  PLAN_COL_NOTE = 0, /* Unknown heading: kept as a note */
  PLAN_COL_NUMBER,
  PLAN_COL_OBJECTIVE,
  PLAN_COL_ACTIONS,
  PLAN_COL_RESPONSIBLE,
  PLAN_COL_EVIDENCE,
  PLAN_COL_DATES,
  PLAN_COL_DATES_END, /* A second date column: "Fecha de término" */
  PLAN_COL_TARGET,
  PLAN_COL_DETAIL, /* «Descripción», «Detalle»: more of the column to its
                   ** left (the actions, or the objective) */
  PLAN_COL_TIME,   /* One column of a time chart: «Mar», «II Trim.» (told
                   ** by the importer, never by plan_column_of_heading) */
  PLAN_COL_COUNT
} PlanColumn;

/* The column a heading names, and how surely (*piRank: twice the words of
** the phrase that matched, one less for a weak phrase; more is surer; 0 for
** notes). Headings longer than a heading is ever written (eight words) are
** notes. */
PlanColumn plan_column_of_heading(Arena *pArena, const char *zHeading,
                                  int *piRank);

/* The Spanish name of a column for messages: "VERIFICADOR (medios de
** verificación)". */
const char *plan_column_name(PlanColumn eCol);

#endif
