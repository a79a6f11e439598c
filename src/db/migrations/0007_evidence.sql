-- Evidence (verificadores): the files that prove an activity was held.
-- Files are stored in the database so that app servers stay stateless,
-- content-addressed by SHA-256: the same bytes uploaded twice are one row.
-- Evidence items point at a file and are deleted softly (deleted_at set),
-- never removed, so the record of what was shown stays.
-- Instants are BIGINT epoch seconds (UTC); booleans INTEGER 0/1.

CREATE TABLE evidence_files (
  sha256 TEXT PRIMARY KEY,           -- lower-case hex of the bytes
  bytes @BLOB@ NOT NULL,
  size BIGINT NOT NULL,              -- bytes in the file
  mime_type TEXT NOT NULL,           -- as libmagic found it, not as sent
  created_at BIGINT NOT NULL
);

CREATE TABLE evidence_items (
  id @PK@,
  activity_id BIGINT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('invitacion', 'convocatoria',
    'citacion', 'asistencia', 'fotografias', 'acta', 'informe',
    'programa_formacion')),
  file_sha256 TEXT NOT NULL REFERENCES evidence_files(sha256),
  filename TEXT NOT NULL,            -- the name the uploader's device gave
  caption TEXT NOT NULL DEFAULT '',
  is_public INTEGER NOT NULL DEFAULT 0,
  uploaded_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
  uploaded_at BIGINT NOT NULL,
  deleted_at BIGINT,                 -- NULL: in force
  deleted_by BIGINT REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX evidence_items_activity ON evidence_items(activity_id, id);
