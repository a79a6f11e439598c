/*
** The diff between two versions names the place and the field of every
** change, in document order, and nothing else.
*/
#include "support.h"

#include <string.h>

#include "domain/plan_doc.h"

static PlanEvidence aEvidence[] = {{.zKind = "citacion", .zLabel = "Citación"},
                                   {.zKind = "acta", .zLabel = "Actas"}};

static PlanDoc *base(Arena *pArena) {
  PlanDoc *p = arena_alloc(pArena, sizeof(*p));
  p->zTitle = "PLAN 2024-2025";
  p->zIntro = "Intro.";
  strcpy(p->zPeriodStart, "2024-01-01");
  strcpy(p->zPeriodEnd, "2025-12-31");
  p->nObjective = 1;
  p->aObjective = arena_alloc(pArena, sizeof(PlanObjective) * 2);
  p->aObjective[0].iNumber = 1;
  p->aObjective[0].zText = "Uno";
  p->nLine = 2;
  p->aLine = arena_alloc(pArena, sizeof(PlanLine) * 3);
  for (int i = 0; i < 2; i++) {
    PlanLine *l = &p->aLine[i];
    l->iNumber = i + 1;
    l->zObjective = "Objetivo";
    l->zActions = "Realizar a lo menos 5 reuniones";
    l->zResponsible = "Encargada PAC";
    l->nEvidence = 2;
    l->aEvidence = aEvidence;
    l->zWindowPhrase = "Primer Semestre 2025";
    plan_window_parse(l->zWindowPhrase, p->zPeriodStart, p->zPeriodEnd,
                      &l->window);
    plan_target_suggest(l->zActions, NULL, NULL, &l->window, &l->target);
  }
  return p;
}

typedef void (*Edit)(Arena *, PlanDoc *);
static void edit_title(Arena *a, PlanDoc *p) {
  (void)a;
  p->zTitle = "PLAN 2025";
}
static void edit_objective(Arena *a, PlanDoc *p) {
  (void)a;
  p->aObjective[0].zText = "Uno bis";
}
static void add_objective(Arena *a, PlanDoc *p) {
  (void)a;
  p->aObjective[1].iNumber = 2;
  p->aObjective[1].zText = "Dos";
  p->nObjective = 2;
}
static void drop_evidence(Arena *a, PlanDoc *p) {
  (void)a;
  p->aLine[1].nEvidence = 1;
}
static void change_target(Arena *a, PlanDoc *p) {
  (void)a;
  p->aLine[0].target.nCount = 6;
}
static void change_window(Arena *a, PlanDoc *p) {
  (void)a;
  p->aLine[1].zWindowPhrase = "Marzo 2025";
  plan_window_parse("Marzo 2025", p->zPeriodStart, p->zPeriodEnd,
                    &p->aLine[1].window);
}
static void remove_line(Arena *a, PlanDoc *p) {
  (void)a;
  p->nLine = 1;
}

static void each_change_is_reported_where_and_which_field(void **state) {
  (void)state;
  static const struct {
    const char *zName;
    Edit xEdit;
    int nChange;
    const char *zWhere, *zField, *zOld, *zNew; /* Of the first change */
  } aCase[] = {
      {"title", edit_title, 1, "Plan", "Título", "PLAN 2024-2025", "PLAN 2025"},
      {"objective", edit_objective, 1, "Objetivo 1", "Texto", "Uno", "Uno bis"},
      {"new objective", add_objective, 1, "Objetivo 2", "Texto", "", "Dos"},
      {"evidence", drop_evidence, 1, "Línea 2", "Verificadores",
       "Citación, Actas", "Citación"},
      {"target", change_target, 1, "Línea 1", "Meta",
       "5 actividades: Sesión ordinaria o Sesión extraordinaria",
       "6 actividades: Sesión ordinaria o Sesión extraordinaria"},
      {"window", change_window, 1, "Línea 2", "Fechas",
       "Primer Semestre 2025 (2025-01-01 a 2025-06-30)",
       "Marzo 2025 (2025-03-01 a 2025-03-31)"},
      {"removed line", remove_line, 6, "Línea 2", "Objetivo", "Objetivo", ""},
  };
  for (size_t i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    Arena *pArena = arena_new();
    PlanDoc *pOld = base(pArena);
    PlanDoc *pNew = plan_doc_copy(pArena, pOld);
    aCase[i].xEdit(pArena, pNew);
    PlanChange *a = NULL;
    int n = plan_diff(pArena, pOld, pNew, &a);
    if (n != aCase[i].nChange || strcmp(a[0].zWhere, aCase[i].zWhere) != 0 ||
        strcmp(a[0].zField, aCase[i].zField) != 0 ||
        strcmp(a[0].zOld, aCase[i].zOld) != 0 ||
        strcmp(a[0].zNew, aCase[i].zNew) != 0) {
      fail_msg("%s: %d changes; first %s / %s / «%s» → «%s»", aCase[i].zName, n,
               n ? a[0].zWhere : "", n ? a[0].zField : "", n ? a[0].zOld : "",
               n ? a[0].zNew : "");
    }
    assert_string_not_equal(plan_doc_canonical(pArena, pOld),
                            plan_doc_canonical(pArena, pNew));
    assert_int_equal(plan_diff(pArena, pOld, plan_doc_copy(pArena, pOld), &a),
                     0);
    arena_free(pArena);
  }
}

static void field_text_cannot_fake_another_field_in_the_canonical_form(
    void **state) {
  (void)state;
  Arena *pArena = arena_new();
  PlanDoc *a = base(pArena);
  PlanDoc *b = plan_doc_copy(pArena, a);
  a->zTitle = "X\nintro=Intro.";
  a->zIntro = "";
  b->zTitle = "X";
  b->zIntro = "Intro.";
  assert_string_not_equal(plan_doc_canonical(pArena, a),
                          plan_doc_canonical(pArena, b));
  arena_free(pArena);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(each_change_is_reported_where_and_which_field),
      cmocka_unit_test(
          field_text_cannot_fake_another_field_in_the_canonical_form),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
