/*
** Session storage on both backends: attendance is replaced as a whole and
** the quorum read from it counts a suplente for an absent titular only
** under the rules that say so (guests never); stored quorum rules load
** back; a follow-up with a stale version changes and logs nothing; an acta
** is created once and a stale save is refused; an approved acta freezes
** its session (later attendance and agreements refused, what it showed
** read back unchanged).
*/
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/activities/activity_store.h"
#include "store/council/council.h"
#include "store/meetings/meetings.h"
#include "test_db_target.h"

static int64_t insert_id(Db *pDb, const char *zSql) {
  DbStmt *p = db_prepare(pDb, zSql);
  assert_non_null(p);
  assert_int_equal(db_step(p), DB_ROW);
  int64_t id = db_column_int64(p, 0);
  db_done(p);
  return id;
}

static int64_t make_member(Db *pDb, int64_t iCouncil, const char *zRun,
                           int bTitular, int64_t iSubstituteFor) {
  DbStmt *p = db_prepare(
      pDb,
      "INSERT INTO members(council_id, first_names, last_names, run, "
      "commune_code, titular, substitute_for, term_start, term_end, "
      "created_at, updated_at) VALUES (?, 'Ana', ?, ?, '04101', ?, "
      "CAST(? AS BIGINT), '2024-01-01', '2027-12-31', 0, 0) RETURNING id");
  db_bind_int64(p, 1, iCouncil);
  db_bind_text(p, 2, zRun);
  db_bind_text(p, 3, zRun);
  db_bind_int64(p, 4, bTitular);
  if (iSubstituteFor)
    db_bind_int64(p, 5, iSubstituteFor);
  else
    db_bind_null(p, 5);
  assert_int_equal(db_step(p), DB_ROW);
  int64_t id = db_column_int64(p, 0);
  db_done(p);
  return id;
}

static int64_t make_session(Db *pDb, int64_t iCouncil, int64_t iStart) {
  Activity a;
  memset(&a, 0, sizeof(a));
  a.zKind = "sesion_ordinaria";
  a.zTitle = "Sesión";
  a.zDescription = a.zLink = a.zAddress = a.zOrganizer = "";
  a.zCommune = "04101";
  a.iStart = iStart;
  a.iEnd = iStart + 3600;
  a.zModality = "presencial";
  a.zStatus = ACTIVITY_REALIZADA;
  assert_int_equal(activity_insert(pDb, iCouncil, 0, &a), DB_OK);
  return a.id;
}

static void attendance_is_replaced_and_a_suplente_counts_by_the_rule(
    void **state) {
  (void)state;
  Db *pDb = test_db_open(test_db_path(), 1);
  Arena *pArena = arena_new();
  int64_t iCouncil = insert_id(pDb,
                               "INSERT INTO councils(name, short_name, "
                               "created_at) VALUES ('C', 'C', 0) RETURNING id");
  int64_t t1 = make_member(pDb, iCouncil, "1-9", 1, 0);
  int64_t t2 = make_member(pDb, iCouncil, "2-7", 1, 0);
  int64_t t3 = make_member(pDb, iCouncil, "3-5", 1, 0);
  int64_t s1 = make_member(pDb, iCouncil, "4-3", 0, t3);
  int64_t iAct = make_session(pDb, iCouncil, 1700000000);
  AttendanceEntry a[4];
  memset(a, 0, sizeof(a));
  a[0].iMemberId = t1;
  a[0].eStatus = ATTENDANCE_PRESENTE;
  a[1].iMemberId = t2;
  a[1].eStatus = ATTENDANCE_JUSTIFICADO;
  a[1].zReason = "Viaje";
  a[2].iMemberId = s1;
  a[2].eStatus = ATTENDANCE_PRESENTE;
  a[3].zName = "Invitada Núñez";
  a[3].eStatus = ATTENDANCE_PRESENTE;
  assert_int_equal(meeting_attendance_replace(pDb, iAct, 0, a, 4, NULL, NULL),
                   DB_OK);
  QuorumResult q;
  assert_int_equal(meeting_quorum(pDb, pArena, iCouncil, iAct, &q), DB_OK);
  /* The default rule (issue 19): the suplente present in place of the
  ** absent t3 counts; 2 of 3, 2 needed. */
  assert_int_equal(q.session.nPresent, 2);
  assert_int_equal(q.session.nRequired, 2);
  assert_true(q.session.bReached);
  assert_non_null(strstr(q.session.zExplain, "Regla del consejo"));
  /* A council whose rule counts only titulares: 1 of 3, and the sentence
  ** says the suplente was left out. */
  QuorumRules rules = quorum_rules_default();
  rules.eCounts = QUORUM_COUNTS_TITULARES;
  assert_int_equal(council_quorum_rules_save(pDb, iCouncil, &rules, 0, 0),
                   DB_OK);
  QuorumRules back;
  assert_int_equal(council_quorum_rules(pDb, iCouncil, &back), DB_OK);
  assert_int_equal(back.eCounts, QUORUM_COUNTS_TITULARES);
  assert_string_equal(back.session.zLabel, "mayoría absoluta");
  assert_int_equal(meeting_quorum(pDb, pArena, iCouncil, iAct, &q), DB_OK);
  assert_int_equal(q.session.nPresent, 1);
  assert_false(q.session.bReached);
  assert_non_null(strstr(q.session.zExplain, "solo cuentan los titulares"));
  MeetingAttendance *aRow = NULL;
  int nRow = 0;
  assert_int_equal(meeting_attendance_list(pDb, pArena, iAct, &aRow, &nRow),
                   DB_OK);
  assert_int_equal(nRow, 4);
  assert_string_equal(aRow[1].zReason, "Viaje");
  assert_string_equal(aRow[3].zName, "Invitada Núñez");
  /* Replaced as a whole. */
  assert_int_equal(meeting_attendance_replace(pDb, iAct, 0, a, 1, NULL, NULL),
                   DB_OK);
  assert_int_equal(meeting_attendance_list(pDb, pArena, iAct, &aRow, &nRow),
                   DB_OK);
  assert_int_equal(nRow, 1);
  arena_free(pArena);
  db_close(pDb);
}

static void a_stale_follow_up_or_acta_save_changes_nothing(void **state) {
  (void)state;
  Db *pDb = test_db_open(test_db_path(), 1);
  Arena *pArena = arena_new();
  int64_t iCouncil = insert_id(pDb,
                               "INSERT INTO councils(name, short_name, "
                               "created_at) VALUES ('C', 'C', 0) RETURNING id");
  int64_t iAct = make_session(pDb, iCouncil, 1700000000);
  MeetingAgreement g;
  memset(&g, 0, sizeof(g));
  g.iActivity = iAct;
  g.zText = "Oficiar al SERVIU";
  g.zResponsibleKind = "autoridad";
  g.zResponsible = "SERVIU";
  g.zDue = "2024-01-31";
  assert_int_equal(meeting_agreement_insert(pDb, iCouncil, &g), DB_OK);
  MeetingAgreement stale = g;
  assert_int_equal(meeting_agreement_follow(pDb, 0, &g, AGREEMENT_EN_CURSO,
                                            "2024-01-10", "Oficio enviado"),
                   DB_OK);
  assert_int_equal(meeting_agreement_follow(
                       pDb, 0, &stale, AGREEMENT_DESCARTADO, "2024-01-11", "x"),
                   DB_STALE);
  MeetingAgreement back;
  assert_int_equal(meeting_agreement_get(pDb, pArena, iCouncil, g.id, &back),
                   DB_OK);
  assert_int_equal(back.eState, AGREEMENT_EN_CURSO);
  MeetingAgreementNote *aNote = NULL;
  int nNote = 0;
  assert_int_equal(meeting_agreement_notes(pDb, pArena, g.id, &aNote, &nNote),
                   DB_OK);
  assert_int_equal(nNote, 1);
  assert_string_equal(aNote[0].zNote, "Oficio enviado");

  static const char *const azTitle[] = {"Cuenta", "Varios"};
  MeetingActa acta, again;
  assert_int_equal(meeting_acta_create(pDb, iAct, azTitle, 2, &acta), DB_OK);
  assert_int_equal(meeting_acta_create(pDb, iAct, azTitle, 2, &again),
                   DB_CONSTRAINT);
  MeetingActaItem *aItem = NULL;
  int nItem = 0;
  assert_int_equal(meeting_acta_items(pDb, pArena, acta.id, &aItem, &nItem),
                   DB_OK);
  assert_int_equal(nItem, 2);
  int64_t aiItem[1] = {aItem[0].id};
  const char *azNew[1] = {"Primera versión"};
  assert_int_equal(meeting_acta_save(pDb, 0, &acta, aiItem, azNew, 1), DB_OK);
  azNew[0] = "Versión atrasada";
  assert_int_equal(meeting_acta_save(pDb, 0, &acta, aiItem, azNew, 1),
                   DB_STALE);
  assert_int_equal(meeting_acta_items(pDb, pArena, acta.id, &aItem, &nItem),
                   DB_OK);
  assert_string_equal(aItem[0].zSummary, "Primera versión");
  arena_free(pArena);
  db_close(pDb);
}

static void an_approved_acta_freezes_its_session(void **state) {
  (void)state;
  Db *pDb = test_db_open(test_db_path(), 1);
  Arena *pArena = arena_new();
  int64_t iCouncil = insert_id(pDb,
                               "INSERT INTO councils(name, short_name, "
                               "created_at) VALUES ('C', 'C', 0) RETURNING id");
  int64_t t1 = make_member(pDb, iCouncil, "1-9", 1, 0);
  int64_t iAct = make_session(pDb, iCouncil, 1700000000);
  int64_t iLater = make_session(pDb, iCouncil, 1702000000);
  AttendanceEntry a[1];
  memset(a, 0, sizeof(a));
  a[0].iMemberId = t1;
  a[0].eStatus = ATTENDANCE_JUSTIFICADO;
  a[0].zReason = "Licencia médica";
  assert_int_equal(meeting_attendance_replace(pDb, iAct, 0, a, 1, NULL, NULL),
                   DB_OK);
  MeetingAgreement g;
  memset(&g, 0, sizeof(g));
  g.iActivity = iAct;
  g.zText = "Visitar Andacollo";
  g.bVoted = 1;
  g.nFor = 1;
  g.zResponsibleKind = "ninguno";
  g.zResponsible = g.zDue = "";
  assert_int_equal(meeting_agreement_insert(pDb, iCouncil, &g), DB_OK);
  static const char *const azTitle[] = {"Cuenta"};
  MeetingActa acta;
  assert_int_equal(meeting_acta_create(pDb, iAct, azTitle, 1, &acta), DB_OK);
  MeetingActaFrozen f;
  assert_int_equal(meeting_acta_frozen(pDb, pArena, acta.id, &f), DB_DONE);
  assert_int_equal(meeting_acta_freezes(pDb, iAct), 0);
  static const ActaState aeStep[] = {ACTA_ENVIADA, ACTA_APROBADA};
  for (int i = 0; i < 2; i++) {
    assert_int_equal(meeting_acta_get(pDb, iAct, &acta), DB_OK);
    assert_int_equal(meeting_acta_set_state(pDb, 0, &acta, aeStep[i], iLater),
                     DB_OK);
  }
  assert_int_equal(meeting_acta_freezes(pDb, iAct), 1);
  /* Later writes to what it shows are refused, whole. */
  a[0].eStatus = ATTENDANCE_PRESENTE;
  assert_int_equal(meeting_attendance_replace(pDb, iAct, 0, a, 1, NULL, NULL),
                   MEETING_ACTA_FROZEN);
  assert_int_equal(meeting_attendance_replace(pDb, iAct, 0, a, 0, NULL, NULL),
                   MEETING_ACTA_FROZEN);
  MeetingAgreement late = g;
  late.zText = "Acuerdo tardío";
  assert_int_equal(meeting_agreement_insert(pDb, iCouncil, &late),
                   MEETING_ACTA_FROZEN);
  assert_false(db_in_transaction(pDb));
  /* What it showed, read back as it was. */
  assert_int_equal(meeting_acta_frozen(pDb, pArena, acta.id, &f), DB_OK);
  assert_string_equal(f.zTitle, "Sesión");
  assert_int_equal(f.iStart, 1700000000);
  assert_int_equal(f.nRow, 1);
  assert_int_equal(f.aRow[0].iMember, t1);
  assert_int_equal(f.aRow[0].eStatus, ATTENDANCE_JUSTIFICADO);
  assert_string_equal(f.aRow[0].zReason, "Licencia médica");
  assert_string_equal(f.aRow[0].zName, "Ana 1-9");
  assert_int_equal(f.nAgr, 1);
  assert_string_equal(f.aAgr[0].zText, "Visitar Andacollo");
  assert_true(f.aAgr[0].bVoted);
  assert_int_equal(f.aAgr[0].nFor, 1);
  assert_non_null(strstr(f.zQuorum, "quórum"));
  /* A member renamed and the acta published: the snapshot stays. */
  DbStmt *p =
      db_prepare(pDb, "UPDATE members SET first_names = 'Otra' WHERE id = ?");
  db_bind_int64(p, 1, t1);
  assert_int_equal(db_step(p), DB_DONE);
  db_done(p);
  assert_int_equal(meeting_acta_get(pDb, iAct, &acta), DB_OK);
  assert_int_equal(meeting_acta_set_state(pDb, 0, &acta, ACTA_PUBLICADA, 0),
                   DB_OK);
  assert_int_equal(meeting_acta_frozen(pDb, pArena, acta.id, &f), DB_OK);
  assert_string_equal(f.aRow[0].zName, "Ana 1-9");
  arena_free(pArena);
  db_close(pDb);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(
          attendance_is_replaced_and_a_suplente_counts_by_the_rule),
      cmocka_unit_test(a_stale_follow_up_or_acta_save_changes_nothing),
      cmocka_unit_test(an_approved_acta_freezes_its_session),
  };
  return cmocka_run_group_tests(tests, test_dir_setup, test_dir_teardown);
}
