/*
** The list of problems (see problems.h).
*/
#include "domain/problems.h"

#include <string.h>

void problems_init(Problems *p) { memset(p, 0, sizeof(*p)); }

void problem_add(Problems *p, const char *zField, const char *zMessage) {
  if (!zMessage || p->n >= PROBLEMS_MAX) return;
  if (zField && problem_for(p, zField)) return;
  p->azField[p->n] = zField;
  p->azMessage[p->n] = zMessage;
  p->n++;
}

const char *problem_for(const Problems *p, const char *zField) {
  for (int i = 0; p && zField && i < p->n; i++) {
    if (p->azField[i] && strcmp(p->azField[i], zField) == 0) {
      return p->azMessage[i];
    }
  }
  return NULL;
}
