/*
** The rights of a person cosoc holds data about (issue 21, Ley 21.719):
** access and portability (everything held about them, as JSON), erasure,
** objection/blocking, and the mail suppression list the outbox honours.
** Every function takes the council: a person of another council is
** DB_DONE (not found).
*/
#ifndef COSOC_STORE_PRIVACY_PERSON_STORE_H
#define COSOC_STORE_PRIVACY_PERSON_STORE_H

#include <jansson.h>
#include <stdint.h>

#include "db/db.h"
#include "util/arena.h"

/* The name an erased person has everywhere that is not a public record. */
#define PERSON_ERASED_NAME "Persona eliminada"

/* Everything held about member iMember: their record, account, attendance,
** mail sent to them, citations and replies, consents, tagged evidence,
** requests, and who changed their data (the audit log). DB_OK with a new
** reference in *ppJson, DB_DONE when there is no such member. */
int person_member_data(Db *pDb, Arena *pArena, int64_t iCouncil,
                       int64_t iMember, json_t **ppJson);

/* Erases member iMember's personal data everywhere it is not part of a
** public record, in one transaction: the record keeps its row (attendance
** counts and quorum history do not change) as «Persona eliminada» without
** RUN, e-mail or phone; their account is disabled and anonymized, its
** sessions and tokens deleted; mail to them is anonymized and withdrawn;
** citations, invitations and requests lose their contact data; their
** address joins the suppression list. Approved actas keep the names as
** approved (their frozen snapshot). DB_OK, DB_DONE (no such member). */
int person_member_erase(Db *pDb, int64_t iCouncil, int64_t iMember,
                        const char *zReason);

/* The same for a participant (a person who is not a councillor: course
** enrolments, guests, migration 0035): their record, attendance, mail,
** enrolments, certificates, consents, tagged evidence, who changed their
** data. DB_DONE when there is no such participant. */
int person_participant_data(Db *pDb, Arena *pArena, int64_t iCouncil,
                            int64_t iParticipant, json_t **ppJson);
/* Erases a participant's personal data in place: «Persona eliminada», no
** RUN, e-mail, phone, organization written or commune; mail to them
** anonymized and withdrawn; their address suppressed. Attendance and
** enrolments stay (counts), and an issued certificate keeps the name it
** was issued with (its own copy). DB_OK, DB_DONE. */
int person_participant_erase(Db *pDb, int64_t iCouncil, int64_t iParticipant);

/* Objection/blocking: the member is left out of public pages and of mail
** (the suppression list), or back in. DB_OK, DB_DONE. */
int person_member_block(Db *pDb, int64_t iCouncil, int64_t iMember, int bBlock);

/* Whether the member is blocked / erased (0/1; -1 when not found). */
int person_member_state(Db *pDb, int64_t iCouncil, int64_t iMember,
                        int *pbBlocked, int *pbErased);

#endif
