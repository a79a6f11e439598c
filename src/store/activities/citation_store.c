/*
** Invitations, replies and transport, stored (see activity_store.h).
** Reply links are kept only as the SHA-256 of their token.
*/
#include <string.h>

#include "store/activities/activity_store.h"

#define col_dup(pArena, p, i) db_column_dup(p, pArena, i)

#define INVITATION_COLUMNS                                                   \
  "i.id, i.activity_id, COALESCE(i.member_id, 0), "                          \
  "COALESCE(i.directory_id, 0), i.email, i.name, COALESCE(i.reply, ''), "    \
  "COALESCE(i.replied_at, 0), i.transport, COALESCE(i.pickup_commune, ''), " \
  "COALESCE(c.name, ''), i.sent_sequence, COALESCE(s.vehicle_id, 0) "        \
  "FROM activity_invitations i "                                             \
  "LEFT JOIN territory_communes c ON c.code = i.pickup_commune "             \
  "LEFT JOIN activity_seats s ON s.invitation_id = i.id "

static const DbMap read_invitation_map =
    DB_MAP(ActivityInvitation, "iiiitttibttni", id, iActivity, iMember,
           iDirectory, zEmail, zName, zReply, iReplied, bTransport, zPickup,
           zPickupName, iSentSequence, iVehicle);

int activity_invitations_list(Db *pDb, Arena *pArena, int64_t iAct,
                              ActivityInvitation **paInv, int *pnInv) {
  return db_list(pDb, pArena, &read_invitation_map, paInv, pnInv,
                 "SELECT " INVITATION_COLUMNS
                 "WHERE i.activity_id = ? ORDER BY i.name, i.email",
                 DB_I(iAct));
}

int activity_invitation_upsert(Db *pDb, int64_t iAct, int64_t iMember,
                               int64_t iDirectory, const char *zEmail,
                               const char *zName, const char *zTokenHash,
                               int iSequence, int64_t *piId) {
  return db_exec_id(pDb,
                    "INSERT INTO activity_invitations(activity_id, member_id, "
                    "directory_id, email, name, token_hash, sent_sequence, "
                    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT "
                    "(activity_id, email) DO UPDATE SET token_hash = "
                    "excluded.token_hash, sent_sequence = "
                    "excluded.sent_sequence RETURNING id",
                    piId, DB_I(iAct), DB_IN(iMember), DB_IN(iDirectory),
                    DB_T(zEmail), DB_TE(zName), DB_T(zTokenHash),
                    DB_I(iSequence), DB_I(db_now())) == DB_OK
             ? DB_OK
             : DB_ERROR;
}

int activity_invitation_by_token(Db *pDb, Arena *pArena, const char *zHash,
                                 ActivityInvitation *pInv) {
  return db_get(pDb, pArena, &read_invitation_map, pInv,
                "SELECT " INVITATION_COLUMNS "WHERE i.token_hash = ?",
                DB_T(zHash));
}

int activity_invitation_reply(Db *pDb, int64_t iInv, const char *zReply,
                              int bTransport, const char *zPickup) {
  int bSeat = bTransport && zPickup && *zPickup;
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  int rc = db_exec(pDb,
                   "UPDATE activity_invitations SET reply = ?, replied_at = "
                   "?, transport = ?, pickup_commune = ? WHERE id = ?",
                   DB_T(zReply), DB_I(db_now()), DB_I(bSeat),
                   bSeat ? DB_T(zPickup) : DB_NULL, DB_I(iInv));
  if (rc == DB_OK && !bSeat) {
    /* No seat asked for any more: free the one assigned. */
    rc = db_exec(pDb, "DELETE FROM activity_seats WHERE invitation_id = ?",
                 DB_I(iInv));
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  return db_commit(pDb);
}

/* ---- Vehicles ---- */

static const DbMap vehicle_from_row_map =
    DB_MAP(ActivityVehicle, "ittnn", id, zLabel, zDriver, nCapacity, nAssigned);

int activity_vehicles_list(Db *pDb, Arena *pArena, int64_t iAct,
                           ActivityVehicle **paVeh, int *pnVeh) {
  int rc =
      db_list(pDb, pArena, &vehicle_from_row_map, paVeh, pnVeh,
              "SELECT v.id, v.label, v.driver, v.capacity, (SELECT COUNT(*) "
              "FROM activity_seats s WHERE s.vehicle_id = v.id) FROM "
              "activity_vehicles v WHERE v.activity_id = ? ORDER BY v.id",
              DB_I(iAct));
  if (!*paVeh) *paVeh = arena_alloc(pArena, sizeof(ActivityVehicle));
  return rc;
}

int activity_vehicle_add(Db *pDb, int64_t iAct, const char *zLabel,
                         const char *zDriver, int nCapacity) {
  return db_exec(pDb,
                 "INSERT INTO activity_vehicles(activity_id, label, driver, "
                 "capacity) VALUES (?, ?, ?, ?)",
                 DB_I(iAct), DB_T(zLabel), DB_TE(zDriver),
                 DB_I(nCapacity)) == DB_OK
             ? DB_OK
             : DB_ERROR;
}

int activity_seat_assign(Db *pDb, int64_t iInv, int64_t iVehicle) {
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  int rc = db_exec(pDb, "DELETE FROM activity_seats WHERE invitation_id = ?",
                   DB_I(iInv));
  if (rc == DB_OK && iVehicle) {
    /* Inside the write transaction: the count cannot change under us.
    ** DB_DONE: the van is full. */
    rc = db_exec_id(pDb,
                    "INSERT INTO activity_seats(invitation_id, vehicle_id) "
                    "SELECT i.id, v.id FROM activity_invitations i JOIN "
                    "activity_vehicles v ON v.activity_id = i.activity_id "
                    "WHERE i.id = ? AND v.id = ? AND (SELECT COUNT(*) FROM "
                    "activity_seats s WHERE s.vehicle_id = v.id) < v.capacity "
                    "RETURNING vehicle_id",
                    NULL, DB_I(iInv), DB_I(iVehicle));
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    return rc == DB_DONE ? DB_DONE : DB_ERROR;
  }
  return db_commit(pDb);
}
