/*
** What is wrong with something a person typed: one Spanish message per
** field, in the order found. Forms (render/form.h: FormErrors), the
** activity rules (ActivityProblems) and the people stores
** (PeopleProblems) all collect into this one list, so a check's problems
** go to the form's fields as they are.
*/
#ifndef COSOC_DOMAIN_PROBLEMS_H
#define COSOC_DOMAIN_PROBLEMS_H

#define PROBLEMS_MAX 32

typedef struct Problems {
  int n;                               /* Messages recorded */
  const char *azField[PROBLEMS_MAX];   /* Field name, or NULL: the whole */
  const char *azMessage[PROBLEMS_MAX]; /* Spanish sentence */
} Problems;

void problems_init(Problems *p);
/* Records zMessage for zField (NULL: about the whole). A NULL zMessage is
** ignored, so checks that return NULL for "fine" can be passed as they
** are; a field keeps its first message (the first thing to fix). */
void problem_add(Problems *p, const char *zField, const char *zMessage);
/* The message for zField, or NULL (p may be NULL). */
const char *problem_for(const Problems *p, const char *zField);

#endif
