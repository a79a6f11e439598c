/*
** Councillor account invitations: a single-use link, stored only as the
** hash of its token, that lets a councillor choose a password and so
** create their own account (role consejero), tied to their member record.
**
** Until the mail outbox exists the officer is shown the link to pass on.
*/
#include <string.h>

#include "store/accounts/accounts.h"
#include "store/council/council.h"
#include "store/people/people_internal.h"

int people_invitation_create(Db *pDb, int64_t iMember, int64_t iBy,
                             char zToken[44]) {
  return accounts_link_create(
      pDb,
      "UPDATE member_invitations SET used_at = ? WHERE member_id = ? AND "
      "used_at IS NULL",
      "INSERT INTO member_invitations(member_id, token_hash, created_by, "
      "created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
      iMember, iBy, (int64_t)PEOPLE_INVITATION_DAYS * 24 * 3600, zToken);
}

/* The invitation id and member for a live token; 0 when none. */
static int64_t invitation_lookup(Db *pDb, const char *zToken,
                                 int64_t *piMember) {
  return accounts_link_lookup(pDb, zToken,
                              "SELECT id, member_id FROM member_invitations "
                              "WHERE token_hash = ? AND used_at IS NULL AND "
                              "expires_at > ?",
                              NULL, piMember);
}

int64_t people_invitation_member(Db *pDb, const char *zToken) {
  int64_t iMember = 0;
  invitation_lookup(pDb, zToken, &iMember);
  return iMember;
}

int people_invitation_accept(Db *pDb, Arena *pArena, const char *zToken,
                             const char *zPassword, int64_t *piUser,
                             const char **pzErr) {
  *pzErr = NULL;
  *piUser = 0;
  if (db_begin(pDb) != DB_OK) {
    *pzErr = "La base de datos está ocupada; intente de nuevo.";
    return DB_ERROR;
  }
  int64_t iMember = 0;
  int64_t iInvitation = invitation_lookup(pDb, zToken, &iMember);
  Member m;
  /* The member's own council: the link names the member, not a council. */
  int64_t iCouncil = db_int(pDb, 0, "SELECT council_id FROM members WHERE id = ?",
                            DB_I(iMember));
  if (!iInvitation || people_member_get(pDb, pArena, iCouncil, iMember, &m) !=
                          DB_OK) {
    db_rollback(pDb);
    *pzErr =
        "El enlace ya fue usado o venció. Pida uno nuevo a la "
        "encargada de participación ciudadana.";
    return DB_ERROR;
  }
  if (m.iUserId) {
    db_rollback(pDb);
    *pzErr = "Usted ya tiene una cuenta; ingrese con su correo.";
    return DB_ERROR;
  }
  int64_t iUser = 0;
  if (accounts_user_create(pDb, pArena, m.zEmail,
                           people_member_name(pArena, &m), "consejero",
                           zPassword, &iUser, pzErr, NULL) != DB_OK) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  int rc = council_member_set(pDb, iUser, iCouncil, "consejero");
  if (rc == DB_OK) {
    rc = db_exec(pDb, "UPDATE members SET user_id = ? WHERE id = ?",
                 DB_I(iUser), DB_I(iMember));
  }
  if (rc == DB_OK) {
    rc = db_exec(pDb,
                 "UPDATE member_invitations SET used_at = ? WHERE id = ? AND "
                 "used_at IS NULL",
                 DB_I(db_now()), DB_I(iInvitation));
  }
  if (rc != DB_OK || db_commit(pDb) != DB_OK) {
    if (rc != DB_OK) db_rollback(pDb);
    *pzErr = "No se pudo crear la cuenta; intente de nuevo.";
    return DB_ERROR;
  }
  *piUser = iUser;
  return DB_OK;
}
