/*
** Activity storage on both backends: an activity loads back with its plan
** lines; a save with a stale version is refused and changes nothing; a
** reschedule and a status change leave history; a citation queues one
** message and one reminder per person, and a reschedule replaces the
** reminder and raises the SEQUENCE; a vehicle never takes more passengers
** than its seats; a page of the list is read in SQL with its lines and
** the whole count.
*/
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/accounts/accounts.h"
#include "store/activities/activity_store.h"
#include "store/activities/convene.h"
#include "test_db_target.h"

static int setup(void **state) {
  if (test_dir_setup(state) != 0) return -1;
  return accounts_init();
}

static int64_t make_council(Db *pDb) {
  DbStmt *p = db_prepare(pDb,
                         "INSERT INTO councils(name, short_name, "
                         "created_at) VALUES ('Consejo', 'COSOC', 0) "
                         "RETURNING id");
  assert_int_equal(db_step(p), DB_ROW);
  int64_t id = db_column_int64(p, 0);
  db_done(p);
  return id;
}

static Activity session(int64_t iStart) {
  Activity a;
  memset(&a, 0, sizeof(a));
  a.zKind = "sesion_ordinaria";
  a.zTitle = "Sesión en Ovalle";
  a.zDescription = "";
  a.iStart = iStart;
  a.iEnd = iStart + 7200;
  a.zModality = "presencial";
  a.zLink = "";
  a.zCommune = "04301";
  a.zAddress = "Gobernación";
  a.zOrganizer = "";
  a.zStatus = ACTIVITY_PROGRAMADA;
  a.bPublic = 1;
  a.aLine[0] = 4;
  a.aLine[1] = 9;
  a.nLine = 2;
  return a;
}

static int64_t count(Db *pDb, const char *zSql) {
  return db_query_int64(pDb, zSql, -1);
}

static void an_activity_loads_back_and_a_stale_save_changes_nothing(
    void **state) {
  (void)state;
  Db *pDb = test_db_open(test_db_path(), 1);
  Arena *pArena = arena_new();
  int64_t iCouncil = make_council(pDb);
  Activity a = session(db_now() + 30 * 86400);
  assert_int_equal(activity_insert(pDb, iCouncil, 0, &a), DB_OK);
  Activity got;
  assert_int_equal(activity_get(pDb, pArena, iCouncil, a.id, &got), DB_OK);
  /* Another council does not find it, by its id or any other way */
  int64_t iOther = make_council(pDb);
  assert_int_equal(activity_get(pDb, pArena, iOther, a.id, &got), DB_DONE);
  assert_int_equal(activity_council(pDb, a.id), iCouncil);
  assert_int_equal(activity_get(pDb, pArena, iCouncil, a.id, &got), DB_OK);
  assert_string_equal(got.zTitle, "Sesión en Ovalle");
  assert_string_equal(got.zCommuneName, "Ovalle");
  assert_string_equal(got.zProvince, "043");
  assert_int_equal(got.nLine, 2);
  assert_int_equal(got.aLine[1], 9);
  assert_int_equal(got.iVersion, 1);
  assert_true(strncmp(got.zIcalUid, "actividad-", 10) == 0);
  Activity next = got;
  next.iStart += 86400;
  next.iEnd += 86400;
  assert_int_equal(activity_update(pDb, 0, &got, &next, "Cambio de sala"),
                   DB_OK);
  assert_int_equal(next.iVersion, 2);
  Activity stale = got; /* Still version 1 */
  stale.zTitle = "Otro nombre";
  assert_int_equal(activity_update(pDb, 0, &got, &stale, NULL), DB_STALE);
  assert_int_equal(activity_get(pDb, pArena, iCouncil, a.id, &got), DB_OK);
  assert_string_equal(got.zTitle, "Sesión en Ovalle");
  ActivityHistory *aHist = NULL;
  int nHist = 0;
  assert_int_equal(activity_history_list(pDb, pArena, a.id, &aHist, &nHist),
                   DB_OK);
  assert_int_equal(nHist, 1);
  assert_string_equal(aHist[0].zNote, "Cambio de sala");
  assert_int_equal(aHist[0].iNewStart - aHist[0].iOldStart, 86400);
  /* Filters: by line and province. */
  ActivityFilter f;
  memset(&f, 0, sizeof(f));
  f.iLine = 9;
  f.zProvince = "043";
  Activity *aAct = NULL;
  int nAct = 0;
  assert_int_equal(activity_list(pDb, pArena, iCouncil, &f, &aAct, &nAct),
                   DB_OK);
  assert_int_equal(nAct, 1);
  f.iLine = 3;
  assert_int_equal(activity_list(pDb, pArena, iCouncil, &f, &aAct, &nAct),
                   DB_OK);
  assert_int_equal(nAct, 0);
  arena_free(pArena);
  db_close(pDb);
}

static void a_citation_queues_once_and_a_reschedule_replaces_the_reminder(
    void **state) {
  (void)state;
  Db *pDb = test_db_open(test_db_path(), 1);
  Arena *pArena = arena_new();
  int64_t iCouncil = make_council(pDb);
  Activity a = session(db_now() + 30 * 86400);
  assert_int_equal(activity_insert(pDb, iCouncil, 0, &a), DB_OK);
  assert_int_equal(activity_get(pDb, pArena, iCouncil, a.id, &a), DB_OK);
  ConveneRecipient aRec[] = {{0, 0, "ana@example.cl", "Ana"},
                             {0, 0, "luis@example.cl", ""},
                             {0, 0, "ana@example.cl", "Ana"}};
  int nQueued = 0;
  assert_int_equal(convene_send(pDb, pArena, 0, &a, aRec, 3,
                                "https://cosoc.example.cl", &nQueued),
                   DB_OK);
  assert_int_equal(nQueued, 2);
  assert_string_equal(a.zStatus, ACTIVITY_CONVOCADA);
  assert_int_equal(count(pDb, "SELECT COUNT(*) FROM mail_outbox"), 4);
  /* Again: nobody is cited twice to the same version. */
  assert_int_equal(convene_send(pDb, pArena, 0, &a, aRec, 2,
                                "https://cosoc.example.cl", &nQueued),
                   DB_OK);
  assert_int_equal(nQueued, 0);
  assert_int_equal(count(pDb, "SELECT COUNT(*) FROM mail_outbox"), 4);
  Activity next = a;
  next.iStart += 7 * 86400;
  next.iEnd += 7 * 86400;
  next.zStatus = activity_status_after(&a, &next, 0);
  assert_int_equal(convene_save_change(pDb, pArena, 0, &a, &next, NULL,
                                       "https://cosoc.example.cl"),
                   DB_OK);
  assert_int_equal(next.iSequence, 1);
  assert_string_equal(next.zStatus, ACTIVITY_REPROGRAMADA);
  assert_int_equal(count(pDb,
                         "SELECT COUNT(*) FROM mail_outbox WHERE "
                         "idempotency_key LIKE 'recordatorio:%:0:%'"),
                   0);
  assert_int_equal(count(pDb,
                         "SELECT COUNT(*) FROM mail_outbox WHERE "
                         "idempotency_key LIKE 'recordatorio:%:1:%'"),
                   2);
  assert_int_equal(count(pDb,
                         "SELECT COUNT(*) FROM mail_outbox WHERE "
                         "idempotency_key LIKE 'citacion:%:1:%'"),
                   2);
  assert_int_equal(count(pDb,
                         "SELECT MIN(sent_sequence) FROM "
                         "activity_invitations"),
                   1);
  arena_free(pArena);
  db_close(pDb);
}

static void a_vehicle_takes_no_more_passengers_than_its_seats(void **state) {
  (void)state;
  Db *pDb = test_db_open(test_db_path(), 1);
  Arena *pArena = arena_new();
  int64_t iCouncil = make_council(pDb);
  Activity a = session(db_now() + 30 * 86400);
  assert_int_equal(activity_insert(pDb, iCouncil, 0, &a), DB_OK);
  int64_t iInv1 = 0, iInv2 = 0;
  assert_int_equal(activity_invitation_upsert(pDb, a.id, 0, 0, "a@example.cl",
                                              "A", "hash-a", 0, &iInv1),
                   DB_OK);
  assert_int_equal(activity_invitation_upsert(pDb, a.id, 0, 0, "b@example.cl",
                                              "B", "hash-b", 0, &iInv2),
                   DB_OK);
  assert_int_equal(
      activity_invitation_reply(pDb, iInv1, "confirma", 1, "04101"), DB_OK);
  assert_int_equal(activity_vehicle_add(pDb, a.id, "Auto", "", 1), DB_OK);
  ActivityVehicle *aVeh = NULL;
  int nVeh = 0;
  assert_int_equal(activity_vehicles_list(pDb, pArena, a.id, &aVeh, &nVeh),
                   DB_OK);
  assert_int_equal(nVeh, 1);
  assert_int_equal(activity_seat_assign(pDb, iInv1, aVeh[0].id), DB_OK);
  assert_int_equal(activity_seat_assign(pDb, iInv2, aVeh[0].id), DB_DONE);
  ActivityInvitation inv;
  assert_int_equal(activity_invitation_by_token(pDb, pArena, "hash-a", &inv),
                   DB_OK);
  assert_int_equal(inv.iVehicle, aVeh[0].id);
  assert_string_equal(inv.zPickupName, "La Serena");
  /* Declining without transport frees the seat. */
  assert_int_equal(activity_invitation_reply(pDb, iInv1, "declina", 0, NULL),
                   DB_OK);
  assert_int_equal(activity_seat_assign(pDb, iInv2, aVeh[0].id), DB_OK);
  arena_free(pArena);
  db_close(pDb);
}

/* A page of the list is read in SQL: its rows in order, each with its own
** plan lines (read for the whole page at once), the total of the whole
** list, and an empty page past the end that still knows the total. */
static void a_page_of_activities_has_its_lines_and_the_whole_count(
    void **state) {
  (void)state;
  Db *pDb = test_db_open(test_db_path(), 1);
  Arena *pArena = arena_new();
  int64_t iCouncil = make_council(pDb), iOther = make_council(pDb);
  int64_t t0 = db_now() + 86400;
  for (int i = 0; i < 23; i++) {
    Activity a = session(t0 + (int64_t)i * 86400);
    a.nLine = 1 + i % 3; /* Lines 4; 4, 9; 4, 9, and a third */
    a.aLine[2] = 10 + i;
    assert_int_equal(activity_insert(pDb, i == 5 ? iOther : iCouncil, 0, &a),
                     DB_OK);
  }
  ActivityFilter f;
  memset(&f, 0, sizeof(f));
  f.bNewestFirst = 1;
  ListPage pg = {.nLimit = 10, .nOffset = 10};
  Activity *aAct = NULL;
  int nAct = 0;
  assert_int_equal(activity_page(pDb, pArena, iCouncil, &f, &pg, &aAct, &nAct),
                   DB_OK);
  assert_int_equal(nAct, 10);
  assert_int_equal(pg.nTotal, 22); /* Not the other council's */
  for (int k = 0; k < nAct; k++) {
    int i = (int)((aAct[k].iStart - t0) / 86400); /* Its insertion */
    if (k > 0) assert_true(aAct[k].iStart < aAct[k - 1].iStart);
    assert_int_equal(aAct[k].nLine, 1 + i % 3);
    assert_int_equal(aAct[k].aLine[0], 4);
    if (aAct[k].nLine == 3) assert_int_equal(aAct[k].aLine[2], 10 + i);
  }
  /* The last page is short and tells the total by itself. */
  pg = (ListPage){.nLimit = 10, .nOffset = 20};
  assert_int_equal(activity_page(pDb, pArena, iCouncil, &f, &pg, &aAct, &nAct),
                   DB_OK);
  assert_int_equal(nAct, 2);
  assert_int_equal(pg.nTotal, 22);
  /* Past the end: nothing, and the count. */
  pg = (ListPage){.nLimit = 10, .nOffset = 40};
  assert_int_equal(activity_page(pDb, pArena, iCouncil, &f, &pg, &aAct, &nAct),
                   DB_OK);
  assert_int_equal(nAct, 0);
  assert_int_equal(pg.nTotal, 22);
  /* A filter counts what it lets through; no limit gives every row. */
  f.iLine = 9;
  pg = (ListPage){.nLimit = 5};
  assert_int_equal(activity_page(pDb, pArena, iCouncil, &f, &pg, &aAct, &nAct),
                   DB_OK);
  assert_int_equal(nAct, 5);
  assert_int_equal(pg.nTotal, 14); /* 15 of the 23, one the other's */
  f.iLine = 0;
  f.bNewestFirst = 0;
  assert_int_equal(activity_list(pDb, pArena, iCouncil, &f, &aAct, &nAct),
                   DB_OK);
  assert_int_equal(nAct, 22);
  assert_int_equal(aAct[0].iStart, t0);
  arena_free(pArena);
  db_close(pDb);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(an_activity_loads_back_and_a_stale_save_changes_nothing),
      cmocka_unit_test(
          a_citation_queues_once_and_a_reschedule_replaces_the_reminder),
      cmocka_unit_test(a_vehicle_takes_no_more_passengers_than_its_seats),
      cmocka_unit_test(a_page_of_activities_has_its_lines_and_the_whole_count),
  };
  return cmocka_run_group_tests(tests, setup, test_dir_teardown);
}
