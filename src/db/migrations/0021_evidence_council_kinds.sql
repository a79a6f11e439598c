-- Evidence of a council's own kinds (issue 17): a plan line may require a
-- kind that is none of the eight standard ones («Registro audiovisual»),
-- so evidence of that kind must be storable, or the line could never be
-- verified. The CHECK that listed the eight kinds goes; which kinds a
-- council may upload is the application's question (the standard ones and
-- its own catalogue, council_evidence_kinds).
--
-- SQLite cannot drop a CHECK: the table is rebuilt with the same columns,
-- rows, indexes and triggers. PostgreSQL drops the constraint.

-- @sqlite
CREATE TABLE evidence_items_rebuilt (
  id INTEGER PRIMARY KEY,
  activity_id BIGINT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  file_sha256 TEXT NOT NULL REFERENCES evidence_files(sha256),
  filename TEXT NOT NULL,            -- the name the uploader's device gave
  caption TEXT NOT NULL DEFAULT '',
  is_public INTEGER NOT NULL DEFAULT 0,
  uploaded_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
  uploaded_at BIGINT NOT NULL,
  deleted_at BIGINT,                 -- NULL: in force
  deleted_by BIGINT REFERENCES users(id) ON DELETE SET NULL
);
INSERT INTO evidence_items_rebuilt (id, activity_id, kind, file_sha256,
  filename, caption, is_public, uploaded_by, uploaded_at, deleted_at,
  deleted_by)
SELECT id, activity_id, kind, file_sha256, filename, caption, is_public,
  uploaded_by, uploaded_at, deleted_at, deleted_by FROM evidence_items;
DROP TABLE evidence_items;
ALTER TABLE evidence_items_rebuilt RENAME TO evidence_items;
CREATE INDEX evidence_items_activity ON evidence_items(activity_id, id);
CREATE INDEX evidence_items_file ON evidence_items(file_sha256);
CREATE TRIGGER data_version_evidence_items_i AFTER INSERT ON evidence_items BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_evidence_items_u AFTER UPDATE ON evidence_items BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_evidence_items_d AFTER DELETE ON evidence_items BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
-- @end
-- @postgresql
ALTER TABLE evidence_items DROP CONSTRAINT IF EXISTS evidence_items_kind_check;
-- @end
