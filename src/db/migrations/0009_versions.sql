-- Who saved each editable record last, so that the conflict page can say
-- "la versión guardada por … el …" next to what the user typed. Version
-- numbers already exist on the tables edited through a form (activities,
-- actas, agreements, organizations, members, directory entries); the
-- council's quorum settings get theirs here. Authority requests and their
-- answers are only ever added, never edited, so they need none. NULL:
-- saved by the command line, the demo or an import, or by a user since
-- removed.
ALTER TABLE activities ADD COLUMN updated_by BIGINT REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE actas ADD COLUMN updated_by BIGINT REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE agreements ADD COLUMN updated_by BIGINT REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE organizations ADD COLUMN updated_by BIGINT REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE members ADD COLUMN updated_by BIGINT REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE directory_entries ADD COLUMN updated_by BIGINT REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE quorum_settings ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE quorum_settings ADD COLUMN updated_by BIGINT REFERENCES users(id) ON DELETE SET NULL;
