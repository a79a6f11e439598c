/*
** Invitations, replies and transport, stored (see activity_store.h).
** Reply links are kept only as the SHA-256 of their token.
*/
#include <string.h>

#include "store/activities/activity_store.h"

static const char *col_dup(Arena *pArena, DbStmt *p, int i) {
  return arena_strdup(pArena, db_column_text(p, i));
}

static int exec_done(DbStmt *p) {
  if (!p) return DB_ERROR;
  int rc = db_step(p);
  db_done(p);
  return rc == DB_DONE ? DB_OK : DB_ERROR;
}

#define INVITATION_COLUMNS                                                   \
  "i.id, i.activity_id, COALESCE(i.member_id, 0), "                          \
  "COALESCE(i.directory_id, 0), i.email, i.name, COALESCE(i.reply, ''), "    \
  "COALESCE(i.replied_at, 0), i.transport, COALESCE(i.pickup_commune, ''), " \
  "COALESCE(c.name, ''), i.sent_sequence, COALESCE(s.vehicle_id, 0) "        \
  "FROM activity_invitations i "                                             \
  "LEFT JOIN territory_communes c ON c.code = i.pickup_commune "             \
  "LEFT JOIN activity_seats s ON s.invitation_id = i.id "

static void read_invitation(Arena *pArena, DbStmt *p, ActivityInvitation *v) {
  v->id = db_column_int64(p, 0);
  v->iActivity = db_column_int64(p, 1);
  v->iMember = db_column_int64(p, 2);
  v->iDirectory = db_column_int64(p, 3);
  v->zEmail = col_dup(pArena, p, 4);
  v->zName = col_dup(pArena, p, 5);
  v->zReply = col_dup(pArena, p, 6);
  v->iReplied = db_column_int64(p, 7);
  v->bTransport = db_column_int64(p, 8) != 0;
  v->zPickup = col_dup(pArena, p, 9);
  v->zPickupName = col_dup(pArena, p, 10);
  v->iSentSequence = (int)db_column_int64(p, 11);
  v->iVehicle = db_column_int64(p, 12);
}

int activity_invitations_list(Db *pDb, Arena *pArena, int64_t iAct,
                              ActivityInvitation **paInv, int *pnInv) {
  DbStmt *p = db_prepare(pDb, "SELECT " INVITATION_COLUMNS
                              "WHERE i.activity_id = ? ORDER BY i.name, "
                              "i.email");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iAct);
  int nAlloc = 16, n = 0, rc;
  ActivityInvitation *a = arena_alloc(pArena, sizeof(*a) * (size_t)nAlloc);
  while ((rc = db_step(p)) == DB_ROW) {
    if (n == nAlloc) {
      ActivityInvitation *aNew =
          arena_alloc(pArena, sizeof(*a) * (size_t)nAlloc * 2);
      memcpy(aNew, a, sizeof(*a) * (size_t)n);
      a = aNew;
      nAlloc *= 2;
    }
    read_invitation(pArena, p, &a[n++]);
  }
  db_done(p);
  *paInv = a;
  *pnInv = n;
  return rc == DB_DONE ? DB_OK : DB_ERROR;
}

static void bind_id_or_null(DbStmt *p, int i, int64_t id) {
  if (id) {
    db_bind_int64(p, i, id);
  } else {
    db_bind_null(p, i);
  }
}

int activity_invitation_upsert(Db *pDb, int64_t iAct, int64_t iMember,
                               int64_t iDirectory, const char *zEmail,
                               const char *zName, const char *zTokenHash,
                               int iSequence, int64_t *piId) {
  DbStmt *p = db_prepare(
      pDb,
      "INSERT INTO activity_invitations(activity_id, member_id, "
      "directory_id, email, name, token_hash, sent_sequence, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (activity_id, email) DO "
      "UPDATE SET token_hash = excluded.token_hash, sent_sequence = "
      "excluded.sent_sequence RETURNING id");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iAct);
  bind_id_or_null(p, 2, iMember);
  bind_id_or_null(p, 3, iDirectory);
  db_bind_text(p, 4, zEmail);
  db_bind_text(p, 5, zName ? zName : "");
  db_bind_text(p, 6, zTokenHash);
  db_bind_int64(p, 7, iSequence);
  db_bind_int64(p, 8, db_now());
  int rc = db_step(p);
  if (rc == DB_ROW && piId) *piId = db_column_int64(p, 0);
  db_done(p);
  return rc == DB_ROW ? DB_OK : DB_ERROR;
}

int activity_invitation_by_token(Db *pDb, Arena *pArena, const char *zHash,
                                 ActivityInvitation *pInv) {
  DbStmt *p =
      db_prepare(pDb, "SELECT " INVITATION_COLUMNS "WHERE i.token_hash = ?");
  if (!p) return DB_ERROR;
  db_bind_text(p, 1, zHash);
  int rc = db_step(p);
  if (rc == DB_ROW) read_invitation(pArena, p, pInv);
  db_done(p);
  return rc == DB_ROW ? DB_OK : rc == DB_DONE ? DB_DONE : DB_ERROR;
}

int activity_invitation_reply(Db *pDb, int64_t iInv, const char *zReply,
                              int bTransport, const char *zPickup) {
  DbStmt *p = db_prepare(pDb,
                         "UPDATE activity_invitations SET reply = ?, "
                         "replied_at = ?, transport = ?, pickup_commune = ? "
                         "WHERE id = ?");
  if (!p) return DB_ERROR;
  int bSeat = bTransport && zPickup && *zPickup;
  db_bind_text(p, 1, zReply);
  db_bind_int64(p, 2, db_now());
  db_bind_int64(p, 3, bSeat);
  if (bSeat) {
    db_bind_text(p, 4, zPickup);
  } else {
    db_bind_null(p, 4);
  }
  db_bind_int64(p, 5, iInv);
  if (db_begin(pDb) != DB_OK) {
    db_done(p);
    return DB_ERROR;
  }
  int rc = exec_done(p);
  if (rc == DB_OK && !bSeat) {
    /* No seat asked for any more: free the one assigned. */
    DbStmt *pSeat =
        db_prepare(pDb, "DELETE FROM activity_seats WHERE invitation_id = ?");
    if (pSeat) db_bind_int64(pSeat, 1, iInv);
    rc = exec_done(pSeat);
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    return DB_ERROR;
  }
  return db_commit(pDb);
}

/* ---- Vehicles ---- */

int activity_vehicles_list(Db *pDb, Arena *pArena, int64_t iAct,
                           ActivityVehicle **paVeh, int *pnVeh) {
  DbStmt *p = db_prepare(
      pDb,
      "SELECT v.id, v.label, v.driver, v.capacity, (SELECT COUNT(*) FROM "
      "activity_seats s WHERE s.vehicle_id = v.id) FROM activity_vehicles v "
      "WHERE v.activity_id = ? ORDER BY v.id");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iAct);
  ActivityVehicle *a = arena_alloc(pArena, sizeof(*a) * 64);
  int n = 0, rc;
  while ((rc = db_step(p)) == DB_ROW) {
    if (n >= 64) continue;
    a[n].id = db_column_int64(p, 0);
    a[n].zLabel = col_dup(pArena, p, 1);
    a[n].zDriver = col_dup(pArena, p, 2);
    a[n].nCapacity = (int)db_column_int64(p, 3);
    a[n].nAssigned = (int)db_column_int64(p, 4);
    n++;
  }
  db_done(p);
  *paVeh = a;
  *pnVeh = n;
  return rc == DB_DONE ? DB_OK : DB_ERROR;
}

int activity_vehicle_add(Db *pDb, int64_t iAct, const char *zLabel,
                         const char *zDriver, int nCapacity) {
  DbStmt *p = db_prepare(pDb,
                         "INSERT INTO activity_vehicles(activity_id, "
                         "label, driver, capacity) VALUES (?, ?, ?, ?)");
  if (!p) return DB_ERROR;
  db_bind_int64(p, 1, iAct);
  db_bind_text(p, 2, zLabel);
  db_bind_text(p, 3, zDriver ? zDriver : "");
  db_bind_int64(p, 4, nCapacity);
  return exec_done(p);
}

int activity_seat_assign(Db *pDb, int64_t iInv, int64_t iVehicle) {
  if (db_begin(pDb) != DB_OK) return DB_ERROR;
  DbStmt *p =
      db_prepare(pDb, "DELETE FROM activity_seats WHERE invitation_id = ?");
  if (p) db_bind_int64(p, 1, iInv);
  int rc = exec_done(p);
  if (rc == DB_OK && iVehicle) {
    /* Inside the write transaction: the count cannot change under us. */
    p = db_prepare(
        pDb,
        "INSERT INTO activity_seats(invitation_id, vehicle_id) SELECT i.id, "
        "v.id FROM activity_invitations i JOIN activity_vehicles v ON "
        "v.activity_id = i.activity_id WHERE i.id = ? AND v.id = ? AND "
        "(SELECT COUNT(*) FROM activity_seats s WHERE s.vehicle_id = v.id) < "
        "v.capacity RETURNING vehicle_id");
    if (!p) {
      rc = DB_ERROR;
    } else {
      db_bind_int64(p, 1, iInv);
      db_bind_int64(p, 2, iVehicle);
      int rcStep = db_step(p);
      db_done(p);
      rc = rcStep == DB_ROW ? DB_OK : rcStep == DB_DONE ? DB_DONE : DB_ERROR;
    }
  }
  if (rc != DB_OK) {
    db_rollback(pDb);
    return rc;
  }
  return db_commit(pDb);
}
