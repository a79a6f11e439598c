/*
** Column headings (see plan_columns.h).
*/
#include "domain/plan_columns.h"

#include <string.h>

#include "domain/plan_words.h"

#define HEADING_WORDS_MAX 8

/* Phrases of headings, compared by stems (plan_words.h). */
static const struct {
  const char *zKey;
  PlanColumn eCol;
} aHeading[] = {
    {"numero", PLAN_COL_NUMBER},
    {"nro", PLAN_COL_NUMBER},
    {"item", PLAN_COL_NUMBER},
    {"objetivo", PLAN_COL_OBJECTIVE},
    {"objetivo especifico", PLAN_COL_OBJECTIVE},
    {"objetivo estrategico", PLAN_COL_OBJECTIVE},
    {"linea", PLAN_COL_OBJECTIVE},
    {"linea de trabajo", PLAN_COL_OBJECTIVE},
    {"linea de accion", PLAN_COL_OBJECTIVE},
    {"linea estrategica", PLAN_COL_OBJECTIVE},
    {"eje", PLAN_COL_OBJECTIVE},
    {"eje estrategico", PLAN_COL_OBJECTIVE},
    {"ambito", PLAN_COL_OBJECTIVE},
    {"area", PLAN_COL_OBJECTIVE},
    {"componente", PLAN_COL_OBJECTIVE},
    {"tema", PLAN_COL_OBJECTIVE},
    {"tematica", PLAN_COL_OBJECTIVE},
    {"descripcion", PLAN_COL_DETAIL},
    {"detalle", PLAN_COL_DETAIL},
    {"descripcion de la actividad", PLAN_COL_DETAIL},
    {"detalle de la actividad", PLAN_COL_DETAIL},
    {"accion", PLAN_COL_ACTIONS},
    {"actividad", PLAN_COL_ACTIONS},
    {"accion a desarrollar", PLAN_COL_ACTIONS},
    {"actividad a realizar", PLAN_COL_ACTIONS},
    {"tarea", PLAN_COL_ACTIONS},
    {"iniciativa", PLAN_COL_ACTIONS},
    {"responsable", PLAN_COL_RESPONSIBLE},
    {"encargado", PLAN_COL_RESPONSIBLE},
    {"encargada", PLAN_COL_RESPONSIBLE},
    {"a cargo", PLAN_COL_RESPONSIBLE},
    {"verificador", PLAN_COL_EVIDENCE},
    {"medio de verificacion", PLAN_COL_EVIDENCE},
    {"medio verificador", PLAN_COL_EVIDENCE},
    {"evidencia", PLAN_COL_EVIDENCE},
    {"medio de prueba", PLAN_COL_EVIDENCE},
    {"respaldo", PLAN_COL_EVIDENCE},
    /* «Producto», «Producto esperado»: what the activity leaves, its proof;
    ** weaker than the words above, so «Medio de verificación» beside it
    ** is the evidence. */
    {"producto", PLAN_COL_EVIDENCE},
    {"fecha", PLAN_COL_DATES},
    {"plazo", PLAN_COL_DATES},
    {"cronograma", PLAN_COL_DATES},
    {"periodo", PLAN_COL_DATES},
    {"calendario", PLAN_COL_DATES},
    {"calendarizacion", PLAN_COL_DATES},
    {"temporalidad", PLAN_COL_DATES},
    {"mes", PLAN_COL_DATES},
    {"fecha de ejecucion", PLAN_COL_DATES},
    {"plazo de ejecucion", PLAN_COL_DATES},
    {"periodo de ejecucion", PLAN_COL_DATES},
    {"fecha de inicio", PLAN_COL_DATES},
    {"fecha inicio", PLAN_COL_DATES},
    /* Under a spanning «PLAZO» or «FECHAS»: «Inicio | Término». */
    {"inicio", PLAN_COL_DATES},
    {"desde", PLAN_COL_DATES},
    {"termino", PLAN_COL_DATES_END},
    {"fin", PLAN_COL_DATES_END},
    {"hasta", PLAN_COL_DATES_END},
    {"fecha de termino", PLAN_COL_DATES_END},
    {"fecha termino", PLAN_COL_DATES_END},
    {"fecha de fin", PLAN_COL_DATES_END},
    {"fecha final", PLAN_COL_DATES_END},
    {"fecha de cierre", PLAN_COL_DATES_END},
    {"meta", PLAN_COL_TARGET},
    {"indicador", PLAN_COL_TARGET},
    {"meta indicador", PLAN_COL_TARGET},
    {"resultado esperado", PLAN_COL_TARGET},
    {"meta anual", PLAN_COL_TARGET},
};

/* Weak phrases of the table above: one loses to any other phrase of the
** same length naming the same column, so «Meta» beside «Indicador» is the
** target and «Medio de verificación» beside «Producto» the evidence. */
static const char *const azWeakKey[] = {"producto", "indicador"};

static int heading_weak(const char *zKey) {
  for (size_t i = 0; i < sizeof(azWeakKey) / sizeof(azWeakKey[0]); i++) {
    if (strcmp(azWeakKey[i], zKey) == 0) return 1;
  }
  return 0;
}

/* Headings that are the number column as a whole: "N°" folds to "no". */
static const char *const azNumberAlone[] = {"n",      "no",   "nro", "num",
                                            "numero", "item", "n o"};

PlanColumn plan_column_of_heading(Arena *pArena, const char *zHeading,
                                  int *piRank) {
  *piRank = 0;
  PlanToken *aTok;
  int nTok = plan_tokens(pArena, zHeading, &aTok);
  int nWord = 0, bHash = 0;
  for (int i = 0; i < nTok; i++) {
    if (aTok[i].eKind != PLAN_TOK_PUNCT)
      nWord++;
    else
      bHash |= aTok[i].zText[0] == '#';
  }
  if (nWord == 0) {
    *piRank = bHash ? 2 : 0;
    return bHash ? PLAN_COL_NUMBER : PLAN_COL_NOTE;
  }
  if (nWord > HEADING_WORDS_MAX) return PLAN_COL_NOTE;
  for (size_t k = 0; k < sizeof(azNumberAlone) / sizeof(azNumberAlone[0]);
       k++) {
    PlanToken *aKey;
    int nKey = plan_tokens(pArena, azNumberAlone[k], &aKey);
    int bSame = nKey == nWord;
    for (int i = 0, j = 0; bSame && i < nTok; i++) {
      if (aTok[i].eKind == PLAN_TOK_PUNCT) continue;
      bSame = strcmp(aTok[i].zText, aKey[j++].zText) == 0;
    }
    if (bSame) {
      *piRank = 2;
      return PLAN_COL_NUMBER;
    }
  }
  PlanColumn eBest = PLAN_COL_NOTE;
  for (int i = 0; i < nTok; i++) {
    for (size_t k = 0; k < sizeof(aHeading) / sizeof(aHeading[0]); k++) {
      int n = plan_tokens_match(pArena, aTok, nTok, i, aHeading[k].zKey);
      int iRank = n ? 2 * n - heading_weak(aHeading[k].zKey) : 0;
      if (iRank > *piRank) {
        *piRank = iRank;
        eBest = aHeading[k].eCol;
      }
    }
  }
  return eBest;
}

const char *plan_column_name(PlanColumn eCol) {
  static const char *const az[PLAN_COL_COUNT] = {
      [PLAN_COL_NOTE] = "otras",
      [PLAN_COL_NUMBER] = "N°",
      [PLAN_COL_OBJECTIVE] = "OBJETIVO (o línea de acción)",
      [PLAN_COL_ACTIONS] = "ACCIONES (o actividades)",
      [PLAN_COL_RESPONSIBLE] = "RESPONSABLES",
      [PLAN_COL_EVIDENCE] = "VERIFICADOR (medios de verificación)",
      [PLAN_COL_DATES] = "FECHAS (o plazo, cronograma, período)",
      [PLAN_COL_DATES_END] = "fecha de término",
      [PLAN_COL_TARGET] = "META (o indicador)",
      [PLAN_COL_DETAIL] = "DESCRIPCIÓN",
      [PLAN_COL_TIME] = "meses o trimestres",
  };
  return eCol >= 0 && eCol < PLAN_COL_COUNT ? az[eCol] : "";
}
