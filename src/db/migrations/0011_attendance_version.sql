-- The attendance of an activity is edited as one list (the officer's phone
-- form replaces it whole), so the list has one version, kept on its
-- activity next to who saved it last and when: a form drawn from an older
-- list is refused with both versions (issue 3) instead of losing an edit.
-- Kept apart from activities.version, which is the activity form's own:
-- recording attendance must not make an open activity form stale. Every
-- save bumps it, the API's included. NULL by/at: not saved since this
-- migration (or by the command line, the demo, an import).
ALTER TABLE activities ADD COLUMN attendance_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE activities ADD COLUMN attendance_updated_at BIGINT;
ALTER TABLE activities ADD COLUMN attendance_updated_by BIGINT REFERENCES users(id) ON DELETE SET NULL;

-- Settings edited through a form (the activity reminder hours) get a
-- version too, with who saved them and when; a form drawn from an older
-- value gets both values instead of overwriting. Settings written by other
-- code keep their version until that code bumps it.
ALTER TABLE settings ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE settings ADD COLUMN updated_at BIGINT;
ALTER TABLE settings ADD COLUMN updated_by BIGINT REFERENCES users(id) ON DELETE SET NULL;
