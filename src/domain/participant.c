/*
** Participants, the rules (see participant.h).
*/
#include "domain/participant.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "domain/territory.h"

const char *participant_fold(Arena *pArena, const char *z) {
  char zKey[TERRITORY_KEY_MAX];
  territory_fold(z, zKey);
  /* Punctuation territory_fold keeps («Pérez, María», «(Junta)») is no
  ** part of a name: a space, then spaces folded again. */
  char *zOut = arena_alloc(pArena, strlen(zKey) + 1);
  size_t j = 0;
  int bSpace = 0;
  for (const char *p = zKey; *p; p++) {
    if (!isalnum((unsigned char)*p)) {
      bSpace = j > 0;
      continue;
    }
    if (bSpace) zOut[j++] = ' ';
    bSpace = 0;
    zOut[j++] = *p;
  }
  zOut[j] = 0;
  return zOut;
}

static int both(const char *a, const char *b) { return a && b && a[0] && b[0]; }

ParticipantMatch participant_match(const ParticipantKey *pA,
                                   const ParticipantKey *pB) {
  if (both(pA->zRun, pB->zRun)) {
    return strcmp(pA->zRun, pB->zRun) == 0 ? PARTICIPANT_BY_RUN
                                           : PARTICIPANT_DIFFERENT;
  }
  if (both(pA->zEmail, pB->zEmail) && strcmp(pA->zEmail, pB->zEmail) == 0)
    return PARTICIPANT_BY_EMAIL;
  if (both(pA->zName, pB->zName) && strcmp(pA->zName, pB->zName) == 0 &&
      strcmp(pA->zOrg ? pA->zOrg : "", pB->zOrg ? pB->zOrg : "") == 0)
    return PARTICIPANT_BY_NAME;
  return PARTICIPANT_DIFFERENT;
}

int participant_find(const ParticipantKey *pWant, const ParticipantKey *a,
                     int n) {
  int iBest = -1;
  ParticipantMatch eBest = PARTICIPANT_DIFFERENT;
  for (int i = 0; i < n; i++) {
    ParticipantMatch e = participant_match(pWant, &a[i]);
    if (e > eBest) eBest = e, iBest = i;
  }
  return iBest;
}

static int cmp_word(const void *pA, const void *pB) {
  return strcmp(*(const char *const *)pA, *(const char *const *)pB);
}

/* A name's folded words in alphabetical order, one space apart: the same
** key for "María Pérez" and "PEREZ, maria". */
static const char *name_words_key(Arena *pArena, const char *zName) {
  if (!zName || !zName[0]) return "";
  char *z = (char *)participant_fold(pArena, zName);
  int nWord = 0;
  const char *azWord[32] = {0};
  char *zSave = NULL;
  for (char *p = strtok_r(z, " ", &zSave); p && nWord < 32;
       p = strtok_r(NULL, " ", &zSave)) {
    azWord[nWord++] = p;
  }
  qsort(azWord, (size_t)nWord, sizeof(azWord[0]), cmp_word);
  return arena_join(pArena, azWord, nWord, " ");
}

int participant_report_match(Arena *pArena, const ReportPerson *aPerson,
                             int nPerson, const ReportCandidate *aCand,
                             int nCand, int *aiMatch) {
  int *abTaken = arena_alloc(pArena, sizeof(int) * (size_t)(nCand + 1));
  memset(abTaken, 0, sizeof(int) * (size_t)(nCand + 1));
  const char **azCandKey =
      arena_alloc(pArena, sizeof(char *) * (size_t)(nCand + 1));
  for (int k = 0; k < nCand; k++)
    azCandKey[k] = name_words_key(pArena, aCand[k].zName);
  int nMatched = 0;
  for (int i = 0; i < nPerson; i++) aiMatch[i] = -1;
  /* Two passes: every e-mail match first, so that a name match cannot
  ** take someone an e-mail names further down the report. */
  for (int iPass = 0; iPass < 2; iPass++) {
    for (int i = 0; i < nPerson; i++) {
      if (aiMatch[i] >= 0) continue;
      const ReportPerson *p = &aPerson[i];
      const char *zKey = iPass ? name_words_key(pArena, p->zName) : "";
      const char *zAlt = iPass ? name_words_key(pArena, p->zAltName) : "";
      for (int k = 0; k < nCand; k++) {
        if (abTaken[k]) continue;
        int bHit;
        if (iPass == 0) {
          bHit = both(p->zEmail, aCand[k].zEmail) &&
                 strcasecmp(p->zEmail, aCand[k].zEmail) == 0;
        } else {
          bHit = azCandKey[k][0] && (strcmp(zKey, azCandKey[k]) == 0 ||
                                     strcmp(zAlt, azCandKey[k]) == 0);
        }
        if (bHit) {
          aiMatch[i] = k;
          abTaken[k] = 1;
          nMatched++;
          break;
        }
      }
    }
  }
  return nMatched;
}
