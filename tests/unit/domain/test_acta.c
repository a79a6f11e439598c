/*
** Actas: the state machine (which moves, by whom, approval in a later
** session), the freeze after approval, corrections, and the checks on
** agenda items, agreements and votes.
*/
#include "support.h"

#include <string.h>

#include "domain/acta.h"

#define B ACTA_BORRADOR
#define E ACTA_ENVIADA
#define AP ACTA_APROBADA
#define PU ACTA_PUBLICADA

typedef struct TransitionCase {
  ActaState eFrom, eTo;
  const char *zRole;
  long long iApproving; /* The acta records session 10 */
  int rc;
  const char *zWhy; /* Fragment of the refusal */
} TransitionCase;

static const TransitionCase aTransition[] = {
    {B, E, "admin", 0, ACTA_OK, NULL},
    {E, B, "admin", 0, ACTA_OK, NULL},
    {E, AP, "admin", 11, ACTA_OK, NULL},
    {AP, PU, "admin", 0, ACTA_OK, NULL},
    {B, E, "consejero", 0, ACTA_REFUSED, "Solo un administrador"},
    {E, AP, "autoridad", 11, ACTA_REFUSED, "Solo un administrador"},
    {B, E, NULL, 0, ACTA_REFUSED, "Solo un administrador"},
    {E, AP, "admin", 0, ACTA_REFUSED, "Indique la sesión"},
    {E, AP, "admin", 10, ACTA_REFUSED, "sesión posterior"},
    {B, AP, "admin", 11, ACTA_REFUSED, "enviada a revisión"},
    {B, PU, "admin", 0, ACTA_REFUSED, "Solo se publica un acta aprobada"},
    {E, PU, "admin", 0, ACTA_REFUSED, "Solo se publica un acta aprobada"},
    {AP, B, "admin", 0, ACTA_REFUSED, "nota de corrección"},
    {PU, B, "admin", 0, ACTA_REFUSED, "nota de corrección"},
    {AP, E, "admin", 0, ACTA_REFUSED, "no está permitido"},
    {PU, AP, "admin", 11, ACTA_REFUSED, "enviada a revisión"},
    {E, E, "admin", 0, ACTA_REFUSED, "ya está en ese estado"},
};

static void acta_transitions_follow_the_state_machine(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof(aTransition) / sizeof(aTransition[0]); i++) {
    const TransitionCase *c = &aTransition[i];
    ActaTransition t = {c->eFrom, c->eTo, c->zRole, 10, c->iApproving};
    const char *zWhy = NULL;
    int rc = acta_transition_check(&t, &zWhy);
    if (rc != c->rc || (c->zWhy && (!zWhy || !strstr(zWhy, c->zWhy)))) {
      fail_msg("case %zu (%s -> %s): rc %d, «%s»", i, acta_state_slug(c->eFrom),
               acta_state_slug(c->eTo), rc, zWhy ? zWhy : "");
    }
  }
}

static void approved_acta_refuses_edits_and_takes_corrections(void **state) {
  (void)state;
  const char *zWhy = NULL;
  assert_true(acta_can_edit(B, NULL));
  assert_true(acta_can_edit(E, NULL));
  assert_false(acta_can_edit(AP, &zWhy));
  assert_non_null(strstr(zWhy, "no se puede modificar"));
  zWhy = NULL;
  assert_false(acta_can_edit(PU, &zWhy));
  assert_non_null(strstr(zWhy, "nota de corrección"));

  assert_int_equal(acta_correction_check(AP,
                                         "Donde dice 3 votos, debe "
                                         "decir 4.",
                                         NULL),
                   ACTA_OK);
  assert_int_equal(acta_correction_check(PU, "Fe de erratas.", NULL), ACTA_OK);
  assert_int_equal(acta_correction_check(AP, "  \n", &zWhy), ACTA_REFUSED);
  assert_non_null(strstr(zWhy, "Escriba"));
  assert_int_equal(acta_correction_check(B, "algo", &zWhy), ACTA_REFUSED);
  assert_non_null(strstr(zWhy, "editándola"));
}

static void an_approved_acta_freezes_its_sessions_attendance_and_agreements(
    void **state) {
  (void)state;
  const char *zWhy = NULL;
  assert_false(acta_freezes_session(B, &zWhy));
  assert_false(acta_freezes_session(E, &zWhy));
  assert_null(zWhy);
  assert_true(acta_freezes_session(AP, &zWhy));
  assert_non_null(strstr(zWhy, "asistencia y sus acuerdos"));
  zWhy = NULL;
  assert_true(acta_freezes_session(PU, &zWhy));
  assert_non_null(strstr(zWhy, "nota de corrección"));
}

static void only_a_sent_acta_takes_comments_and_only_a_published_is_public(
    void **state) {
  (void)state;
  const char *zWhy = NULL;
  assert_false(acta_can_comment(B, &zWhy));
  assert_non_null(zWhy);
  assert_true(acta_can_comment(E, NULL));
  assert_false(acta_can_comment(AP, NULL));
  assert_false(acta_is_public(AP));
  assert_true(acta_is_public(PU));
  assert_false(acta_is_public(B));
}

static void acta_state_slugs_round_trip(void **state) {
  (void)state;
  const char *az[] = {"borrador", "enviada", "aprobada", "publicada"};
  for (int i = 0; i < 4; i++) {
    ActaState e = ACTA_BORRADOR;
    assert_int_equal(acta_state_parse(az[i], &e), 0);
    assert_int_equal(e, i);
    assert_string_equal(acta_state_slug(e), az[i]);
  }
  ActaState e = ACTA_ENVIADA;
  assert_int_equal(acta_state_parse("aprobado", &e), -1);
  assert_int_equal(acta_state_parse(NULL, &e), -1);
  assert_int_equal(e, ACTA_ENVIADA);
  assert_string_equal(acta_state_label(ACTA_ENVIADA), "Enviada a revisión");
}

typedef struct VoteCase {
  ActaVote v;
  int nPresent, rc;
  const char *zWhy;
} VoteCase;

static const VoteCase aVote[] = {
    {{0, -5, 99, 99}, 3, ACTA_OK, NULL}, /* Not voted: counts ignored */
    {{1, 5, 2, 1}, 8, ACTA_OK, NULL},
    {{1, 8, 0, 0}, 8, ACTA_OK, NULL},
    {{1, 5, 3, 2}, 8, ACTA_REFUSED, "suman 10, más que los 8 presentes"},
    {{1, -1, 0, 0}, 8, ACTA_REFUSED, "negativos"},
    {{1, 4, 0, -1}, 8, ACTA_REFUSED, "negativos"},
    {{1, 3, 3, 1}, 8, ACTA_REFUSED, "más votos a favor"},
    {{1, 0, 0, 0}, 0, ACTA_REFUSED, "más votos a favor"},
};

static void votes_are_non_negative_and_fit_the_people_present(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof(aVote) / sizeof(aVote[0]); i++) {
    char zWhy[ACTA_MESSAGE_MAX] = "";
    int rc = acta_vote_check(&aVote[i].v, aVote[i].nPresent, zWhy,
                             (int)sizeof(zWhy));
    if (rc != aVote[i].rc || (aVote[i].zWhy && !strstr(zWhy, aVote[i].zWhy))) {
      fail_msg("vote case %zu: rc %d «%s»", i, rc, zWhy);
    }
  }
}

static void draft_may_be_incomplete_but_sent_acta_needs_every_summary(
    void **state) {
  (void)state;
  ActaItem aItem[] = {
      {"Cuenta del Director Serviu", "Se informó el **avance** del PEH."},
      {"Varios", ""},
      {"  ", NULL},
  };
  ActaAgreement aAgree[] = {
      {"Solicitar informe del PEH a la Seremi.", {1, 6, 1, 1}},
      {"", {0, 0, 0, 0}},
      {"Sesionar en Ovalle.", {1, 6, 4, 0}},
  };
  ActaParts parts = {8, 3, aItem, 3, aAgree};
  ActaProblem a[10];
  int n = acta_validate(&parts, 0, a, 10);
  /* Draft: the blank title, the blank agreement, the impossible votes. */
  assert_int_equal(n, 3);
  assert_string_equal(a[0].zField, "item.3.title");
  assert_string_equal(a[1].zField, "agreement.2.text");
  assert_string_equal(a[2].zField, "agreement.3.votes");
  assert_non_null(strstr(a[2].zMessage, "Acuerdo 3: Los votos"));

  n = acta_validate(&parts, 1, a, 10);
  assert_int_equal(n, 5); /* Plus two missing summaries */
  assert_string_equal(a[0].zField, "item.2.summary");
  assert_string_equal(a[1].zField, "item.3.title");
  assert_string_equal(a[2].zField, "item.3.summary");
  assert_string_equal(a[3].zField, "agreement.2.text");
  assert_non_null(strstr(a[0].zMessage, "punto 2"));

  /* Fewer slots than problems: the count is still the whole. */
  assert_int_equal(acta_validate(&parts, 1, a, 1), 5);
  assert_int_equal(acta_validate(&parts, 1, NULL, 0), 5);

  ActaParts empty = {8, 0, NULL, 0, NULL};
  assert_int_equal(acta_validate(&empty, 0, NULL, 0), 0);
  assert_int_equal(acta_validate(&empty, 1, a, 10), 1);
  assert_string_equal(a[0].zField, "items");

  ActaItem aGood[] = {{"Cuenta", "Texto."}};
  ActaAgreement aGoodAgree[] = {{"Acuerdo.", {1, 5, 0, 3}}};
  ActaParts good = {8, 1, aGood, 1, aGoodAgree};
  assert_int_equal(acta_validate(&good, 1, a, 10), 0);
}

/* Issue 19: an acta approved «en la sesión» of a date still to come, or in
** one without quorum. */
static void an_acta_is_approved_in_a_later_held_session_with_quorum(
    void **state) {
  (void)state;
  char zWhy[ACTA_MESSAGE_MAX * 2];
  ActaApproval a = {1000, 5000, 1, 1, 6000, 1, NULL};
  assert_int_equal(acta_approval_check(&a, zWhy, sizeof(zWhy)), ACTA_OK);
  ActaApproval later = a;
  later.iNow = 4000; /* Not yet begun */
  assert_int_equal(acta_approval_check(&later, zWhy, sizeof(zWhy)),
                   ACTA_REFUSED);
  assert_non_null(strstr(zWhy, "todavía no ocurre"));
  ActaApproval notHeld = a;
  notHeld.bHeld = 0;
  assert_int_equal(acta_approval_check(&notHeld, zWhy, sizeof(zWhy)),
                   ACTA_REFUSED);
  ActaApproval noQuorum = a;
  noQuorum.bQuorum = 0;
  noQuorum.zQuorum = "No hay quórum: 0 de 6 consejeros presentes.";
  assert_int_equal(acta_approval_check(&noQuorum, zWhy, sizeof(zWhy)),
                   ACTA_REFUSED);
  assert_non_null(strstr(zWhy, "0 de 6"));
  ActaApproval before = a;
  before.iStart = 900;
  assert_int_equal(acta_approval_check(&before, zWhy, sizeof(zWhy)),
                   ACTA_REFUSED);
  assert_non_null(strstr(zWhy, "posterior"));
}

/* Issue 19: 20 votes for and 3 against with 5 present; an agreement in a
** session without quorum. */
static void an_agreement_needs_quorum_and_votes_that_fit(void **state) {
  (void)state;
  char zWhy[ACTA_MESSAGE_MAX * 2];
  const char *zField = NULL;
  ActaVote v = {1, 20, 3, 0};
  assert_int_equal(
      acta_agreement_check(&v, 5, 1, NULL, &zField, zWhy, sizeof(zWhy)),
      ACTA_REFUSED);
  assert_string_equal(zField, "votes");
  assert_non_null(strstr(zWhy, "más que los 5 presentes"));
  ActaVote ok = {1, 4, 1, 0};
  assert_int_equal(
      acta_agreement_check(&ok, 5, 1, NULL, &zField, zWhy, sizeof(zWhy)),
      ACTA_OK);
  assert_int_equal(acta_agreement_check(&ok, 5, 0, "No hay quórum: 2 de 6.",
                                        &zField, zWhy, sizeof(zWhy)),
                   ACTA_REFUSED);
  assert_string_equal(zField, "session");
  assert_non_null(strstr(zWhy, "2 de 6"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(acta_transitions_follow_the_state_machine),
      cmocka_unit_test(approved_acta_refuses_edits_and_takes_corrections),
      cmocka_unit_test(
          an_approved_acta_freezes_its_sessions_attendance_and_agreements),
      cmocka_unit_test(
          only_a_sent_acta_takes_comments_and_only_a_published_is_public),
      cmocka_unit_test(acta_state_slugs_round_trip),
      cmocka_unit_test(votes_are_non_negative_and_fit_the_people_present),
      cmocka_unit_test(
          draft_may_be_incomplete_but_sent_acta_needs_every_summary),
      cmocka_unit_test(an_acta_is_approved_in_a_later_held_session_with_quorum),
      cmocka_unit_test(an_agreement_needs_quorum_and_votes_that_fit),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
