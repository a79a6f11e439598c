/*
** Participants, stored: people who are not councillors — leaders enrolled
** in a course, guests of a mesa or a talk — one row per person and
** council (migration 0035). The same person is found again by RUN, then
** e-mail, then name and organization (domain/participant.h), so that a
** leader who enrols in a course and later comes to a mesa is one person.
**
** Every personal field of a participant (name, RUN, e-mail, phone,
** organization, commune) is a column of the participants table and of no
** other; attendance and enrolments point at the row. Functions that read
** RUN, e-mail or phone are for the officer.
**
** Every function is scoped by the council's id. Strings live in the
** caller's arena; writes nest in the caller's transaction.
*/
#ifndef COSOC_STORE_PEOPLE_PARTICIPANTS_H
#define COSOC_STORE_PEOPLE_PARTICIPANTS_H

#include <stdint.h>

#include "domain/problems.h"
#include "store/people/people.h"

typedef struct Participant {
  int64_t id;                /* 0 before it is saved */
  const char *zName;         /* One line */
  const char *zRun;          /* Stored form, "" when not given */
  const char *zEmail;        /* Lower-case, "" when not given */
  const char *zPhone;        /* "" when not given */
  int64_t iOrganization;     /* The registry's organization, 0: none */
  const char *zOrganization; /* Its name, or the one written ("") */
  const char *zCommuneCode;  /* "" when not known */
  const char *zCommuneName;  /* Filled when read */
  const char *zProvinceCode; /* Filled when read */
  const char *zProvinceName; /* Filled when read */
  int iVersion;              /* Optimistic concurrency */
} Participant;

/* The council's participants matching pFilter (q: name, e-mail or
** organization; provincia; comuna), by name. */
int participant_list(Db *pDb, Arena *pArena, int64_t iCouncil,
                     const PeopleFilter *pFilter, Participant **paPart,
                     int *pnPart);
/* DB_OK, DB_DONE when there is no such participant in the council. */
int participant_get(Db *pDb, Arena *pArena, int64_t iCouncil, int64_t iId,
                    Participant *pPart);

/* Reads and checks the fields nombre, run, correo, telefono, organizacion
** (a name: the registry's organization of that name, or written as it
** is; "#ID" picks one of the registry), comuna (code or name) into *pPart
** (id iSelf). bContact: e-mail required; bCommune: commune required. A
** RUN another participant of the council has is refused (iSelf aside). */
void participant_check(Db *pDb, Arena *pArena, int64_t iCouncil,
                       const TerritoryIndex *pIdx, PeopleFieldGetter xGet,
                       void *pCtx, int64_t iSelf, int bContact, int bCommune,
                       Participant *pPart, Problems *pProblems);

/* Inserts (id 0) or updates a checked participant as iUser (0: nobody
** known), bumping its version; sets pPart->id. */
int participant_save(Db *pDb, int64_t iCouncil, int64_t iUser,
                     Participant *pPart);

/* The participant of the council that is the same person as *pPart (by
** RUN, e-mail, then name and organization), or a new one: *piId gets its
** id, *pbNew whether it was inserted. A found record keeps what it holds
** and only gains what it lacked (a RUN, an e-mail, a phone, a commune, an
** organization) when someone signed in sent it (iUser > 0): the public
** form's visitor (iUser 0) changes no record. Nested in the caller's
** transaction. */
int participant_resolve(Db *pDb, int64_t iCouncil, int64_t iUser,
                        const Participant *pPart, int64_t *piId, int *pbNew);

/* The participant whose RUN or e-mail is this, 0 when none. */
int64_t participant_find_contact(Db *pDb, int64_t iCouncil, const char *zRun,
                                 const char *zEmail);

/* The activities a participant took part in (title, date, status),
** newest first, for their page. */
typedef struct ParticipantActivity {
  int64_t iActivity;
  const char *zTitle;
  int64_t iStart;
  const char *zStatus; /* Attendance slug */
} ParticipantActivity;
int participant_activities(Db *pDb, Arena *pArena, int64_t iCouncil,
                           int64_t iParticipant, ParticipantActivity **paAct,
                           int *pnAct);

#endif
