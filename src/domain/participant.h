/*
** Participants: people who are not councillors (a leader enrolled in a
** course, a guest at a mesa or a talk). The rules of telling whether two
** records are the same person, so that one leader is one person across
** activities, and of finding an enrolled person in a videoconference's
** participants report.
**
** Pure functions over plain structs: no SQL, no HTTP, no allocation
** outside the caller's arena.
*/
#ifndef COSOC_DOMAIN_PARTICIPANT_H
#define COSOC_DOMAIN_PARTICIPANT_H

#include <stdint.h>

#include "util/arena.h"

#define PARTICIPANT_NAME_MAX 200 /* Bytes in a name */
#define PARTICIPANT_ORG_MAX 200  /* Bytes in an organization's name */

/* What identifies a person, as stored: a normalized RUN and a lower-case
** e-mail ("" when not known), and their name and organization folded by
** participant_key() ("" when none). */
typedef struct ParticipantKey {
  const char *zRun;
  const char *zEmail;
  const char *zName;
  const char *zOrg;
} ParticipantKey;

/* A name folded for comparison: lower case, accents and ñ folded,
** punctuation dropped, runs of spaces made one, trimmed ("  María  J.
** Pérez-Soto " → "maria j perezsoto"). Arena memory. */
const char *participant_fold(Arena *pArena, const char *z);

/* Why pA and pB are the same person, strongest first: by RUN, by e-mail,
** by name and organization. PARTICIPANT_DIFFERENT when none applies, or
** when both have a RUN and the RUNs differ (then nothing else counts: two
** leaders may share an organization's e-mail). */
typedef enum ParticipantMatch {
  PARTICIPANT_DIFFERENT = 0,
  PARTICIPANT_BY_NAME,  /* Same folded name and organization */
  PARTICIPANT_BY_EMAIL, /* Same e-mail */
  PARTICIPANT_BY_RUN    /* Same RUN */
} ParticipantMatch;

ParticipantMatch participant_match(const ParticipantKey *pA,
                                   const ParticipantKey *pB);

/* The index in a[0..n) of the record that is the same person as *pWant,
** the strongest match first (the first of equals), or -1. */
int participant_find(const ParticipantKey *pWant, const ParticipantKey *a,
                     int n);

/* ---- A videoconference's participants report ---- */

/* One enrolled person as the report is matched against. */
typedef struct ReportCandidate {
  int64_t iId;        /* The enrolment */
  const char *zName;  /* As stored */
  const char *zEmail; /* Lower-case, "" when not known */
} ReportCandidate;

/* One person of the report (rows of one person already summed). */
typedef struct ReportPerson {
  const char *zName;    /* The name shown in the meeting */
  const char *zAltName; /* Another name the report gives ("Original
                        ** Name" in Zoom), or "" */
  const char *zEmail;   /* As the report gives it, or "" */
  int nSeconds;         /* Time connected, all their rows together */
  int nRows;            /* Rows of the report that were theirs */
} ReportPerson;

/* Which candidate each report person is: aiMatch[i] gets an index into
** aCand, or -1. By e-mail first (any case), then by name: the shown or the
** other name, folded, with its words in any order ("Pérez María" is
** "María Pérez"). A candidate is matched once: a later person who would
** match one already taken is left for the officer to review. Returns how
** many were matched. */
int participant_report_match(Arena *pArena, const ReportPerson *aPerson,
                             int nPerson, const ReportCandidate *aCand,
                             int nCand, int *aiMatch);

#endif
