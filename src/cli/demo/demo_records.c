/*
** What the demo and the benchmark data write alike (see demo_records.h).
*/
#include "cli/demo/demo_records.h"

int demo_agreement_add(Db *pDb, int64_t iCouncil, int64_t iAct,
                       const char *zText, const char *zKind, const char *zWho,
                       const char *zDue, int nFor, int nAbstain,
                       MeetingAgreement *pOut) {
  MeetingAgreement g = {.iActivity = iAct,
                        .zText = zText,
                        .bVoted = nFor > 0,
                        .nFor = nFor,
                        .nAbstain = nAbstain,
                        .zResponsibleKind = zKind,
                        .zResponsible = zWho,
                        .zDue = zDue,
                        .eState = AGREEMENT_PENDIENTE};
  int rc = meeting_agreement_insert(pDb, iCouncil, &g);
  if (pOut) *pOut = g;
  return rc;
}

int demo_acta_write(Db *pDb, Arena *pArena, int64_t iAct,
                    const char *const azTitle[3],
                    const char *const azSummary[3], ActaState eUpTo,
                    int64_t iApprovedIn) {
  MeetingActa acta;
  MeetingActaItem *aItem = NULL;
  int nItem = 0;
  if (meeting_acta_create(pDb, iAct, azTitle, 3, &acta) != DB_OK ||
      meeting_acta_items(pDb, pArena, acta.id, &aItem, &nItem) != DB_OK ||
      nItem != 3) {
    return DB_ERROR;
  }
  int64_t aiItem[3] = {aItem[0].id, aItem[1].id, aItem[2].id};
  if (meeting_acta_save(pDb, 0, &acta, aiItem, azSummary, 3) != DB_OK) {
    return DB_ERROR;
  }
  /* Each state from the one it follows, as an officer moves it. */
  for (int e = ACTA_ENVIADA; e <= (int)eUpTo; e++) {
    if (meeting_acta_get(pDb, iAct, &acta) != DB_OK ||
        meeting_acta_set_state(pDb, 0, &acta, (ActaState)e, iApprovedIn) !=
            DB_OK) {
      return DB_ERROR;
    }
  }
  return DB_OK;
}

int demo_activity_add(Db *pDb, int64_t iCouncil, Activity *a,
                      const int aLine[3], const char *const azAgenda[4]) {
  for (int k = 0; k < 3 && aLine[k]; k++) a->aLine[a->nLine++] = aLine[k];
  if (activity_insert(pDb, iCouncil, 0, a) != DB_OK) return DB_ERROR;
  int nAgenda = 0;
  while (nAgenda < 4 && azAgenda[nAgenda]) nAgenda++;
  if (nAgenda && activity_agenda_set(pDb, a->id, azAgenda, nAgenda) != DB_OK) {
    return DB_ERROR;
  }
  return DB_OK;
}
