/*
** The notices cosoc sent about an activity (see activity_store.h): one row
** per recipient and notice, written beside the mail it queued. The mail is
** the delivery; this row is the record that the notice was given (who,
** when, to whom), so it outlives the outbox.
*/
#include "store/activities/activity_store.h"

int activity_notice_add(Db *pDb, int64_t iActivity, const char *zKind,
                        int iSequence, int64_t iUser, const char *zEmail,
                        const char *zName, int64_t iOutbox) {
  return db_exec(pDb,
                 "INSERT INTO activity_notices(activity_id, kind, sequence, "
                 "sent_at, sent_by, recipient, recipient_name, outbox_id) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                 DB_I(iActivity), DB_T(zKind), DB_I(iSequence), DB_I(db_now()),
                 DB_IN(iUser), DB_T(zEmail), DB_TE(zName), DB_IN(iOutbox));
}

static const DbMap notice_map =
    DB_MAP(ActivityNotice, "itniTttt", id, zKind, iSequence, tSent, zSentBy,
           zEmail, zName, zDelivery);

int activity_notice_list(Db *pDb, Arena *pArena, int64_t iActivity,
                         ActivityNotice **paNotice, int *pnNotice) {
  return db_list(pDb, pArena, &notice_map, paNotice, pnNotice,
                 "SELECT n.id, n.kind, n.sequence, n.sent_at, u.name, "
                 "n.recipient, n.recipient_name, COALESCE(o.state, '') FROM "
                 "activity_notices n LEFT JOIN users u ON u.id = n.sent_by "
                 "LEFT JOIN mail_outbox o ON o.id = n.outbox_id WHERE "
                 "n.activity_id = ? ORDER BY n.sent_at, n.recipient_name, "
                 "n.recipient, n.id",
                 DB_I(iActivity));
}

int activity_notice_backdate(Db *pDb, int64_t iActivity, int64_t tSent) {
  return db_exec(
      pDb, "UPDATE activity_notices SET sent_at = ? WHERE activity_id = ?",
      DB_I(tSent), DB_I(iActivity));
}
