/*
** The evidence kinds' content rule: every kind of the catalogue says what
** it holds; photographs are photos, documents written as files are PDFs,
** and what is signed on paper in the room may be either.
*/
#include "support.h"

#include <string.h>

#include "domain/plan_catalog.h"

static void every_evidence_kind_accepts_some_content(void **state) {
  (void)state;
  for (int i = 0; i < plan_evidence_kinds_count; i++) {
    unsigned m = plan_evidence_kind_content(plan_evidence_kinds[i].zSlug);
    assert_true(m != 0);
    assert_int_equal(m & ~(PLAN_CONTENT_PHOTO | PLAN_CONTENT_DOCUMENT), 0);
  }
  assert_int_equal(plan_evidence_kind_content("fotos"), 0);
  assert_int_equal(plan_evidence_kind_content(NULL), 0);
}

static void photographs_are_photos_and_reports_are_pdfs(void **state) {
  (void)state;
  static const struct {
    const char *zKind;
    unsigned m;
  } aCase[] = {
      {"fotografias", PLAN_CONTENT_PHOTO},
      {"informe", PLAN_CONTENT_DOCUMENT},
      {"programa_formacion", PLAN_CONTENT_DOCUMENT},
      {"acta", PLAN_CONTENT_DOCUMENT | PLAN_CONTENT_PHOTO},
      {"asistencia", PLAN_CONTENT_DOCUMENT | PLAN_CONTENT_PHOTO},
      {"invitacion", PLAN_CONTENT_DOCUMENT | PLAN_CONTENT_PHOTO},
  };
  for (size_t i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    assert_int_equal(plan_evidence_kind_content(aCase[i].zKind), aCase[i].m);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(every_evidence_kind_accepts_some_content),
      cmocka_unit_test(photographs_are_photos_and_reports_are_pdfs),
  };
  return cmocka_run_group_tests_name("domain/plan_catalog", tests, NULL, NULL);
}
