-- What cosoc records is proof, and when it happened (issue 19).
--
-- activity_notices: every notice cosoc sent about an activity (the citation
-- and its updates), one row per recipient, written in the same transaction
-- that queues the mail. It is the line's Citación/Convocatoria/Invitación
-- with its recipients and date as the record: kept apart from the outbox,
-- whose rows are the delivery (its state, attempts) and may be pruned.
-- outbox_id names the queued mail while it exists (no foreign key, so that
-- pruning the outbox leaves the record).
CREATE TABLE activity_notices (
  id @PK@,
  activity_id BIGINT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('citacion', 'actualizacion')),
  sequence INTEGER NOT NULL,          -- the activity's iCalendar SEQUENCE
  sent_at BIGINT NOT NULL,            -- when cosoc queued it (UTC seconds)
  sent_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
  recipient TEXT NOT NULL,            -- lower-case e-mail
  recipient_name TEXT NOT NULL DEFAULT '',
  outbox_id BIGINT                    -- mail_outbox.id of that mail
);
CREATE INDEX activity_notices_activity ON activity_notices(activity_id, sent_at);

-- When an activity's attendance was first recorded: the attendance rows
-- are replaced whole on every save, so their own times say only when the
-- last one was. «As of» views count the generated attendance sheet from
-- this day on. Existing rows take the earliest time their rows carry.
ALTER TABLE activities ADD COLUMN attendance_taken_at BIGINT;
UPDATE activities SET attendance_taken_at = (SELECT min(t.updated_at) FROM
  attendance t WHERE t.activity_id = activities.id) WHERE EXISTS (SELECT 1
  FROM attendance t WHERE t.activity_id = activities.id);

-- @sqlite
CREATE TRIGGER data_version_activity_notices_i AFTER INSERT ON activity_notices BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_activity_notices_u AFTER UPDATE ON activity_notices BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_activity_notices_d AFTER DELETE ON activity_notices BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
-- @end
-- @postgresql
CREATE CONSTRAINT TRIGGER data_version_activity_notices AFTER INSERT OR UPDATE OR DELETE ON activity_notices DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_activity_notices_truncate AFTER TRUNCATE ON activity_notices FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
-- @end
