/*
** What the compliance dashboard's attendance chart counts (see
** meeting_attendance_facts in meetings.h): three reads of one council's
** rows; the counting is the page's.
*/
#include <string.h>

#include "store/meetings/meetings.h"

static void id_from_row(DbStmt *p, Arena *pArena, void *pRow) {
  (void)pArena;
  *(int64_t *)pRow = db_column_int64(p, 0);
}

static const DbMap term_from_row_map =
    DB_MAP(MeetingMemberTerm, "ittt", iMember, zName, zTermStart, zTermEnd);

static const DbMap presence_from_row_map =
    DB_MAP(MeetingPresence, "ii", iMember, iActivity);

int meeting_attendance_facts(Db *pDb, Arena *pArena, int64_t iCouncil,
                             MeetingAttendanceFacts *pFacts) {
  memset(pFacts, 0, sizeof(*pFacts));
  /* This council's rows only: the others' activities are not its own. */
  if (db_rows(db_query(pDb,
                       "SELECT DISTINCT t.activity_id FROM attendance t "
                       "JOIN activities a ON a.id = t.activity_id WHERE "
                       "a.council_id = ? ORDER BY t.activity_id",
                       DB_I(iCouncil)),
              pArena, id_from_row, sizeof(int64_t), &pFacts->aiRecorded,
              &pFacts->nRecorded) != DB_OK ||
      db_list(pDb, pArena, &term_from_row_map, &pFacts->aMember,
              &pFacts->nMember,
              "SELECT m.id, m.first_names || ' ' || m.last_names, "
              "m.term_start, m.term_end FROM members m WHERE "
              "m.council_id = ? ORDER BY m.last_names, "
              "m.first_names, m.id",
              DB_I(iCouncil)) != DB_OK) {
    return DB_ERROR;
  }
  return db_list(pDb, pArena, &presence_from_row_map, &pFacts->aPresent,
                 &pFacts->nPresent,
                 "SELECT t.member_id, t.activity_id FROM attendance "
                 "t JOIN activities a ON a.id = t.activity_id WHERE "
                 "a.council_id = ? AND t.member_id IS NOT NULL AND "
                 "t.status = 'presente'",
                 DB_I(iCouncil));
}
