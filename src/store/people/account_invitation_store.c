/*
** Councillor account invitations: a single-use link, stored only as the
** hash of its token, that lets a councillor choose a password and so
** create their own account (role consejero), tied to their member record.
**
** Until the mail outbox exists the officer is shown the link to pass on.
*/
#include <string.h>

#include "store/accounts/accounts.h"
#include "store/people/people_internal.h"

int people_invitation_create(Db *pDb, int64_t iMember, int64_t iBy,
                             char zToken[44]) {
  char zHash[65];
  accounts_random_token(zToken);
  accounts_token_hash(zToken, zHash);
  int64_t iNow = db_now();
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  /* Only the newest link works: an older one may have gone astray. */
  DbStmt *pOld = db_prepare(pDb,
                            "UPDATE member_invitations SET used_at = ? "
                            "WHERE member_id = ? AND used_at IS NULL");
  if (!pOld) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  db_bind_int64(pOld, 1, iNow);
  db_bind_int64(pOld, 2, iMember);
  int rc = db_step(pOld);
  db_done(pOld);
  DbStmt *pStmt =
      db_prepare(pDb,
                 "INSERT INTO member_invitations(member_id, token_hash, "
                 "created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)");
  if (rc != DB_DONE || !pStmt) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  db_bind_int64(pStmt, 1, iMember);
  db_bind_text(pStmt, 2, zHash);
  if (iBy) {
    db_bind_int64(pStmt, 3, iBy);
  } else {
    db_bind_null(pStmt, 3);
  }
  db_bind_int64(pStmt, 4, iNow);
  db_bind_int64(pStmt, 5, iNow + PEOPLE_INVITATION_DAYS * 24 * 3600);
  rc = db_step(pStmt);
  db_done(pStmt);
  if (rc != DB_DONE) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  return db_commit(pDb);
}

/* The invitation id and member for a live token; 0 when none. */
static int64_t invitation_lookup(Db *pDb, const char *zToken,
                                 int64_t *piMember) {
  *piMember = 0;
  if (!zToken || strlen(zToken) != ACCOUNTS_TOKEN_CHARS) return 0;
  char zHash[65];
  accounts_token_hash(zToken, zHash);
  DbStmt *pStmt =
      db_prepare(pDb,
                 "SELECT id, member_id FROM member_invitations WHERE "
                 "token_hash = ? AND used_at IS NULL AND expires_at > ?");
  if (!pStmt) return 0;
  db_bind_text(pStmt, 1, zHash);
  db_bind_int64(pStmt, 2, db_now());
  int64_t iId = 0;
  if (db_step(pStmt) == DB_ROW) {
    iId = db_column_int64(pStmt, 0);
    *piMember = db_column_int64(pStmt, 1);
  }
  db_done(pStmt);
  return iId;
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
  if (!iInvitation || people_member_get(pDb, pArena, council_default_id(pDb),
                                        iMember, &m) != DB_OK) {
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
  DbStmt *pLink =
      db_prepare(pDb, "UPDATE members SET user_id = ? WHERE id = ?");
  DbStmt *pUse = db_prepare(pDb,
                            "UPDATE member_invitations SET used_at = ? "
                            "WHERE id = ? AND used_at IS NULL");
  int rc = DB_ERROR;
  if (pLink && pUse) {
    db_bind_int64(pLink, 1, iUser);
    db_bind_int64(pLink, 2, iMember);
    db_bind_int64(pUse, 1, db_now());
    db_bind_int64(pUse, 2, iInvitation);
    if (db_step(pLink) == DB_DONE && db_step(pUse) == DB_DONE) rc = DB_OK;
  }
  db_done(pLink);
  db_done(pUse);
  if (rc != DB_OK || db_commit(pDb) != DB_OK) {
    if (rc != DB_OK) db_rollback(pDb);
    *pzErr = "No se pudo crear la cuenta; intente de nuevo.";
    return DB_ERROR;
  }
  *piUser = iUser;
  return DB_OK;
}
