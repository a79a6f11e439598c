-- Retention and the breach register (issue 21, items 5 and 7).

-- Jobs that one server of several sharing the database runs once a day
-- (the retention job): who holds the lease, until when, and the last run.
CREATE TABLE job_leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL DEFAULT '',
  lease_until BIGINT NOT NULL DEFAULT 0,
  last_run BIGINT NOT NULL DEFAULT 0
);
INSERT INTO job_leases (name) VALUES ('retencion');

-- Security incidents affecting personal data (Ley 21.719): what happened,
-- when, whose data, the measures taken, and when the Agencia and the
-- people affected were told.
CREATE TABLE breaches (
  id @PK@,
  council_id BIGINT NOT NULL REFERENCES councils(id),
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  occurred_on TEXT NOT NULL,         -- 'YYYY-MM-DD'
  detected_on TEXT NOT NULL,
  data_affected TEXT NOT NULL DEFAULT '',
  measures TEXT NOT NULL DEFAULT '',
  agency_notified_on TEXT,           -- NULL: not yet
  people_notified_on TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);

-- The records it affected, found from the audit log (KIND:ID).
CREATE TABLE breach_objects (
  breach_id BIGINT NOT NULL REFERENCES breaches(id) ON DELETE CASCADE,
  object_kind TEXT NOT NULL,
  object_id TEXT NOT NULL,
  PRIMARY KEY (breach_id, object_kind, object_id)
);
