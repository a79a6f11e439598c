/*
** A module's attendance read from a videoconference's participants report
** (see courses.h): the report read by import/attendance_report.h, each of
** its people matched to the course's enrolled people by e-mail then name
** (domain/participant.h), for the officer to review before saving.
*/
#include <string.h>

#include "import/attendance_report.h"
#include "store/courses/courses.h"

int course_report_review(Arena *pArena, const void *pData, size_t nData,
                         const Enrolment *aEnrol, int nEnrol,
                         CourseReportReview *pOut, const char **pzErr) {
  memset(pOut, 0, sizeof(*pOut));
  AttendanceReport rep;
  if (attendance_report_read(pArena, pData, nData, &rep, pzErr) != REPORT_OK)
    return DB_DONE;
  pOut->zTool = rep.zTool;
  pOut->nRow = rep.nRow;
  pOut->nPerson = rep.nPerson;
  pOut->aPerson = rep.aPerson;
  ReportCandidate *aCand =
      arena_alloc(pArena, sizeof(ReportCandidate) * (size_t)(nEnrol + 1));
  for (int i = 0; i < nEnrol; i++) {
    aCand[i].iId = aEnrol[i].id;
    aCand[i].zName = aEnrol[i].part.zName;
    aCand[i].zEmail = aEnrol[i].part.zEmail;
  }
  pOut->aiMatch = arena_alloc(pArena, sizeof(int) * (size_t)(rep.nPerson + 1));
  pOut->nMatched = participant_report_match(pArena, rep.aPerson, rep.nPerson,
                                            aCand, nEnrol, pOut->aiMatch);
  return DB_OK;
}
