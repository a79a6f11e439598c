/*
** Quorum: a table of councils (rules, people, attendance) and what each
** must give — required, present, reached — for holding the session and for
** adopting agreements, plus the sentences people read.
*/
#include "support.h"

#include <stdio.h>
#include <string.h>

#include "domain/quorum.h"

#define P ATTENDANCE_PRESENTE
#define A ATTENDANCE_AUSENTE
#define J ATTENDANCE_JUSTIFICADO
#define MAX_PEOPLE 16

static const QuorumThreshold MAJORITY = {QUORUM_MORE_THAN, 1, 2, 0,
                                         "mayoría absoluta"};
static const QuorumThreshold TWO_THIRDS = {QUORUM_AT_LEAST, 2, 3, 0,
                                           "dos tercios"};
static const QuorumThreshold FIVE = {QUORUM_FIXED, 0, 0, 5, NULL};

/* A council of nTitular titulares (ids 1..n) whose attendance is given as
** a string: 'P', 'A', 'J', or 'V' (vacant: not in office). Suplentes are
** ids 101.. with the titular they replace and their attendance. */
typedef struct QuorumCase {
  const char *zName;    /* Reads as a sentence */
  QuorumCounts eCounts; /* Rule: who counts */
  QuorumThreshold session, agreement;
  int nSeat, bVacanciesReduceBase;
  const char *zTitular;  /* One letter per titular */
  const char *zSuplente; /* Pairs "<titular index 1-9 or a-c><letter>" */
  int nRequired, nPresent, bReached; /* Session */
  int nAgreeRequired, bAgreeReached; /* Agreements */
  const char *zExplain;              /* A fragment of the session sentence */
} QuorumCase;

static const QuorumCase aCase[] = {
    {"majority_of_twelve_is_seven_and_seven_present_reach_it",
     QUORUM_COUNTS_TITULARES, MAJORITY, MAJORITY, 0, 1, "PPPPPPPAAAAA", "", 7,
     7, 1, 7, 1,
     "Hay quórum: 7 de 12 consejeros titulares presentes (se requieren 7, "
     "mayoría absoluta)."},
    {"six_of_twelve_is_not_more_than_half", QUORUM_COUNTS_TITULARES, MAJORITY,
     MAJORITY, 0, 1, "PPPPPPAAAAAA", "", 7, 6, 0, 7, 0,
     "No hay quórum: 6 de 12 consejeros titulares presentes; se requieren 7 "
     "(mayoría absoluta), falta 1."},
    {"majority_of_eleven_is_six", QUORUM_COUNTS_TITULARES, MAJORITY, MAJORITY,
     0, 1, "PPPPPPAAAAA", "", 6, 6, 1, 6, 1, "(se requieren 6"},
    {"two_thirds_of_twelve_is_eight", QUORUM_COUNTS_TITULARES, MAJORITY,
     TWO_THIRDS, 0, 1, "PPPPPPPAAAAA", "", 7, 7, 1, 8, 0, "Hay quórum"},
    {"two_thirds_reached_with_eight", QUORUM_COUNTS_TITULARES, MAJORITY,
     TWO_THIRDS, 0, 1, "PPPPPPPPAAAA", "", 7, 8, 1, 8, 1, "8 de 12"},
    {"excused_absences_are_still_absent", QUORUM_COUNTS_TITULARES, MAJORITY,
     MAJORITY, 0, 1, "PPPPPJJJJAAA", "", 7, 5, 0, 7, 0, "faltan 2"},
    {"substitute_counts_for_absent_titular", QUORUM_COUNTS_SUBSTITUTES,
     MAJORITY, MAJORITY, 0, 1, "PPPPPPAAAAAA", "7P", 7, 7, 1, 7, 1,
     "7 de 12 consejeros presentes, 1 suplente en reemplazo de su titular"},
    {"substitute_counts_for_excused_titular", QUORUM_COUNTS_SUBSTITUTES,
     MAJORITY, MAJORITY, 0, 1, "PPPPPPJAAAAA", "7P", 7, 7, 1, 7, 1,
     "Hay quórum"},
    {"substitute_is_not_counted_twice_when_both_attend",
     QUORUM_COUNTS_SUBSTITUTES, MAJORITY, MAJORITY, 0, 1, "PPPPPPAAAAAA", "1P",
     7, 6, 0, 7, 0, "ningún suplente"},
    {"two_substitutes_of_one_titular_count_once", QUORUM_COUNTS_SUBSTITUTES,
     MAJORITY, MAJORITY, 0, 1, "PPPPPPAAAAAA", "7P7P", 7, 7, 1, 7, 1,
     "Hay quórum"},
    {"substitute_does_not_count_when_only_titulares_count",
     QUORUM_COUNTS_TITULARES, MAJORITY, MAJORITY, 0, 1, "PPPPPPAAAAAA", "7P8P",
     7, 6, 0, 7, 0, "titulares presentes"},
    {"absent_substitute_does_not_count", QUORUM_COUNTS_SUBSTITUTES, MAJORITY,
     MAJORITY, 0, 1, "PPPPPPAAAAAA", "7A8J", 7, 6, 0, 7, 0, "falta 1"},
    {"substitute_of_a_vacant_seat_does_not_count", QUORUM_COUNTS_SUBSTITUTES,
     MAJORITY, MAJORITY, 12, 1, "PPPPPPVAAAAA", "7P", 6, 6, 1, 6, 1, "6 de 11"},
    {"vacancies_reduce_the_base_when_the_rules_say_so", QUORUM_COUNTS_TITULARES,
     MAJORITY, MAJORITY, 12, 1, "PPPPPPVVAAAA", "", 6, 6, 1, 6, 1,
     "6 de 10 consejeros titulares presentes"},
    {"vacancies_keep_the_base_when_the_rules_say_so", QUORUM_COUNTS_TITULARES,
     MAJORITY, MAJORITY, 12, 0, "PPPPPPVVAAAA", "", 7, 6, 0, 7, 0, "6 de 12"},
    {"seats_beyond_the_listed_titulares_are_vacancies", QUORUM_COUNTS_TITULARES,
     MAJORITY, MAJORITY, 12, 0, "PPPPPPP", "", 7, 7, 1, 7, 1, "7 de 12"},
    {"fixed_number_ignores_the_base", QUORUM_COUNTS_TITULARES, FIVE, FIVE, 0, 1,
     "PPPPPAAAAAAAAAAA", "", 5, 5, 1, 5, 1, "(se requieren 5, al menos 5)"},
    {"fixed_number_above_the_base_is_never_reached", QUORUM_COUNTS_TITULARES,
     FIVE, FIVE, 0, 1, "PPPP", "", 5, 4, 0, 5, 0, "solo 4"},
    {"zero_members_never_have_quorum", QUORUM_COUNTS_TITULARES, MAJORITY,
     MAJORITY, 0, 1, "", "", 1, 0, 0, 1, 0,
     "No hay quórum: el consejo no tiene consejeros titulares en ejercicio."},
    {"only_vacancies_never_have_quorum", QUORUM_COUNTS_SUBSTITUTES, MAJORITY,
     MAJORITY, 0, 1, "VVV", "1P2P", 1, 0, 0, 1, 0, "no tiene consejeros"},
    {"everyone_present", QUORUM_COUNTS_TITULARES, TWO_THIRDS, TWO_THIRDS, 0, 1,
     "PPP", "", 2, 3, 1, 2, 1, "dos tercios"},
};

static int titular_index(char c) {
  return c >= '1' && c <= '9' ? c - '0' : c - 'a' + 10;
}

static Attendance letter(char c) { return c == 'P' ? P : c == 'J' ? J : A; }

static int build_people(const QuorumCase *pCase, QuorumPerson *a) {
  int n = 0;
  for (const char *z = pCase->zTitular; *z; z++) {
    QuorumPerson p = {n + 1, 1, 0, *z != 'V', letter(*z)};
    a[n++] = p;
  }
  int iSup = 101;
  for (const char *z = pCase->zSuplente; z[0] && z[1]; z += 2) {
    QuorumPerson p = {iSup++, 0, titular_index(z[0]), 1, letter(z[1])};
    a[n++] = p;
  }
  return n;
}

static void quorum_table_gives_required_present_and_reached(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    const QuorumCase *c = &aCase[i];
    QuorumPerson a[2 * MAX_PEOPLE];
    int n = build_people(c, a);
    QuorumRules rules = {c->eCounts,
                         c->session,
                         c->agreement,
                         c->nSeat,
                         c->bVacanciesReduceBase,
                         QUORUM_OF_MEMBERS};
    QuorumResult r;
    const char *zErr = NULL;
    assert_int_equal(quorum_compute(&rules, n ? a : NULL, n, &r, &zErr),
                     QUORUM_OK);
    if (r.session.nRequired != c->nRequired ||
        r.session.nPresent != c->nPresent ||
        r.session.bReached != c->bReached ||
        r.agreement.nRequired != c->nAgreeRequired ||
        r.agreement.bReached != c->bAgreeReached ||
        !strstr(r.session.zExplain, c->zExplain)) {
      fail_msg("%s: session %d/%d %d, agreement %d %d: «%s» / «%s»", c->zName,
               r.session.nPresent, r.session.nRequired, r.session.bReached,
               r.agreement.nRequired, r.agreement.bReached, r.session.zExplain,
               r.agreement.zExplain);
    }
    assert_int_equal(r.agreement.nPresent, r.session.nPresent);
  }
}

static void quorum_agreement_sentence_names_agreements(void **state) {
  (void)state;
  QuorumPerson a[12];
  for (int i = 0; i < 12; i++) {
    QuorumPerson p = {i + 1, 1, 0, 1, i < 7 ? P : A};
    a[i] = p;
  }
  QuorumRules rules = quorum_rules_default();
  rules.agreement = TWO_THIRDS;
  QuorumResult r;
  assert_int_equal(quorum_compute(&rules, a, 12, &r, NULL), QUORUM_OK);
  assert_string_equal(r.agreement.zExplain,
                      "No hay quórum para adoptar acuerdos: 7 de 12 "
                      "consejeros presentes, ningún suplente en reemplazo; "
                      "se requieren 8 (dos tercios), falta 1.");
  assert_int_equal(r.nTitularInOffice, 12);
  assert_int_equal(r.nVacant, 0);
}

/* "Los acuerdos se adoptan por mayoría absoluta de los presentes": the
** votes needed follow the attendance. */
static void agreement_share_of_present_follows_attendance(void **state) {
  (void)state;
  QuorumPerson a[12];
  for (int i = 0; i < 12; i++) {
    QuorumPerson p = {i + 1, 1, 0, 1, i < 8 ? P : A};
    a[i] = p;
  }
  QuorumRules rules = quorum_rules_default();
  rules.eAgreementBase = QUORUM_OF_PRESENT;
  QuorumResult r;
  assert_int_equal(quorum_compute(&rules, a, 12, &r, NULL), QUORUM_OK);
  assert_true(r.session.bReached);
  assert_int_equal(r.agreement.nRequired, 5); /* More than half of 8 */
  assert_int_equal(r.agreement.nPresent, 8);
  assert_true(r.agreement.bReached);
  assert_string_equal(r.agreement.zExplain,
                      "Los acuerdos requieren 5 votos a favor (mayoría "
                      "absoluta de los 8 presentes).");
  char zWhy[QUORUM_EXPLAIN_MAX];
  assert_true(quorum_vote_adopts(&r.agreement, 5, zWhy, (int)sizeof(zWhy)));
  assert_string_equal(zWhy,
                      "El acuerdo se adopta: 5 votos a favor (se requieren "
                      "5).");
  assert_false(quorum_vote_adopts(&r.agreement, 4, zWhy, (int)sizeof(zWhy)));
  assert_string_equal(zWhy,
                      "El acuerdo no se adopta: 4 votos a favor, se "
                      "requieren 5.");
  assert_false(quorum_vote_adopts(&r.agreement, 4, NULL, 0));

  /* Without a session there are no agreements, whatever the share. */
  for (int i = 0; i < 12; i++) a[i].eAttendance = i < 3 ? P : A;
  assert_int_equal(quorum_compute(&rules, a, 12, &r, NULL), QUORUM_OK);
  assert_false(r.session.bReached);
  assert_false(r.agreement.bReached);
  assert_false(quorum_vote_adopts(&r.agreement, 3, zWhy, (int)sizeof(zWhy)));
  assert_non_null(strstr(zWhy, "no hay quórum para sesionar"));
}

/* A fixed session quorum below the agreement share of members: a session
** may be held but no agreement adopted. */
static void agreements_need_the_session_quorum_too(void **state) {
  (void)state;
  QuorumPerson a[12];
  for (int i = 0; i < 12; i++) {
    QuorumPerson p = {i + 1, 1, 0, 1, i < 4 ? P : A};
    a[i] = p;
  }
  QuorumRules rules = quorum_rules_default();
  rules.session = (QuorumThreshold){QUORUM_FIXED, 0, 0, 5, NULL};
  rules.agreement = (QuorumThreshold){QUORUM_FIXED, 0, 0, 3, NULL};
  QuorumResult r;
  assert_int_equal(quorum_compute(&rules, a, 12, &r, NULL), QUORUM_OK);
  assert_false(r.session.bReached);
  assert_false(r.agreement.bReached);
  assert_non_null(strstr(r.agreement.zExplain, "no hay quórum para sesionar"));
}

/* The bug of issue 19: a suplente present «reemplaza a» an absent titular
** was silently left out by the default rule. */
static void quorum_counts_substitute_for_absent_titular_by_default(
    void **state) {
  (void)state;
  QuorumPerson a[7];
  for (int i = 0; i < 6; i++) {
    QuorumPerson p = {i + 1, 1, 0, 1, i < 3 ? P : A};
    a[i] = p;
  }
  QuorumPerson sup = {101, 0, 4, 1, P}; /* In place of titular 4 */
  a[6] = sup;
  QuorumRules rules = quorum_rules_default();
  QuorumResult r;
  assert_int_equal(quorum_compute(&rules, a, 7, &r, NULL), QUORUM_OK);
  assert_int_equal(r.session.nPresent, 4);
  assert_true(r.session.bReached);
  assert_int_equal(r.nSubstitute, 1);
  assert_non_null(strstr(r.session.zExplain, "1 suplente en reemplazo"));
  assert_non_null(strstr(r.session.zExplain, "Regla del consejo: cuentan"));
}

/* Under a titulares-only rule the sentence names the suplente it leaves
** out, and with no suplente it still says how suplentes count. */
static void quorum_sentence_always_says_how_substitutes_count(void **state) {
  (void)state;
  QuorumPerson a[7];
  for (int i = 0; i < 6; i++) {
    QuorumPerson p = {i + 1, 1, 0, 1, i < 3 ? P : A};
    a[i] = p;
  }
  QuorumPerson sup = {101, 0, 4, 1, P};
  a[6] = sup;
  QuorumRules rules = quorum_rules_default();
  rules.eCounts = QUORUM_COUNTS_TITULARES;
  QuorumResult r;
  assert_int_equal(quorum_compute(&rules, a, 7, &r, NULL), QUORUM_OK);
  assert_false(r.session.bReached);
  assert_int_equal(r.nSubstituteIgnored, 1);
  assert_non_null(strstr(r.session.zExplain,
                         "solo cuentan los titulares; 1 suplente presente en "
                         "reemplazo de su titular no se cuenta."));
  assert_int_equal(quorum_compute(&rules, a, 6, &r, NULL), QUORUM_OK);
  assert_non_null(strstr(r.session.zExplain, "los suplentes no se cuentan"));
}

static void quorum_refuses_invalid_rules_with_a_reason(void **state) {
  (void)state;
  QuorumRules aBad[4];
  for (int i = 0; i < 4; i++) aBad[i] = quorum_rules_default();
  aBad[0].session.den = 0;
  aBad[1].agreement.num = 3; /* 3/2 */
  aBad[2].session = (QuorumThreshold){QUORUM_FIXED, 0, 0, 0, NULL};
  aBad[3].nSeat = -1;
  for (int i = 0; i < 4; i++) {
    QuorumResult r;
    const char *zErr = NULL;
    assert_int_equal(quorum_compute(&aBad[i], NULL, 0, &r, &zErr),
                     QUORUM_ERROR);
    assert_non_null(zErr);
    assert_false(r.session.bReached);
  }
}

static void quorum_required_rounds_as_the_law_reads(void **state) {
  (void)state;
  assert_int_equal(quorum_required(&MAJORITY, 12), 7);
  assert_int_equal(quorum_required(&MAJORITY, 11), 6);
  assert_int_equal(quorum_required(&MAJORITY, 1), 1);
  assert_int_equal(quorum_required(&MAJORITY, 0), 1);
  assert_int_equal(quorum_required(&TWO_THIRDS, 12), 8);
  assert_int_equal(quorum_required(&TWO_THIRDS, 11), 8);
  assert_int_equal(quorum_required(&TWO_THIRDS, 10), 7);
  assert_int_equal(quorum_required(&FIVE, 100), 5);
}

static void attendance_slugs_round_trip(void **state) {
  (void)state;
  const char *az[] = {"presente", "ausente", "justificado"};
  for (int i = 0; i < 3; i++) {
    Attendance e = ATTENDANCE_AUSENTE;
    assert_int_equal(attendance_parse(az[i], &e), 0);
    assert_string_equal(attendance_slug(e), az[i]);
  }
  Attendance e = ATTENDANCE_PRESENTE;
  assert_int_equal(attendance_parse("Presente", &e), -1);
  assert_int_equal(attendance_parse(NULL, &e), -1);
  assert_int_equal(e, ATTENDANCE_PRESENTE);
  assert_string_equal(attendance_label(ATTENDANCE_JUSTIFICADO),
                      "Ausencia justificada");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(quorum_table_gives_required_present_and_reached),
      cmocka_unit_test(quorum_agreement_sentence_names_agreements),
      cmocka_unit_test(agreement_share_of_present_follows_attendance),
      cmocka_unit_test(agreements_need_the_session_quorum_too),
      cmocka_unit_test(quorum_counts_substitute_for_absent_titular_by_default),
      cmocka_unit_test(quorum_sentence_always_says_how_substitutes_count),
      cmocka_unit_test(quorum_refuses_invalid_rules_with_a_reason),
      cmocka_unit_test(quorum_required_rounds_as_the_law_reads),
      cmocka_unit_test(attendance_slugs_round_trip),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
