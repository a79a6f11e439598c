-- Many councils on one installation (issue 18): councils get what pages,
-- links and the national view need; accounts belong to councils with a
-- role in each; settings and mail belong to a council.
-- SQL that SQLite and PostgreSQL both accept.

-- The name in the council's URLs (/c/SLUG/): ASCII, lower-case, unique.
-- Councils made from now on derive it from their short name (the council
-- module); those already here get "consejo-ID", which the officer may
-- change on the councils page.
ALTER TABLE councils ADD COLUMN slug TEXT;
UPDATE councils SET slug = 'consejo-' || id WHERE slug IS NULL;
CREATE UNIQUE INDEX councils_slug ON councils(slug);
ALTER TABLE councils ADD COLUMN logo_url TEXT NOT NULL DEFAULT '';   -- an image's address, '' none
ALTER TABLE councils ADD COLUMN term_start TEXT NOT NULL DEFAULT ''; -- the council's term of office, YYYY-MM-DD
ALTER TABLE councils ADD COLUMN term_end TEXT NOT NULL DEFAULT '';
ALTER TABLE councils ADD COLUMN updated_at BIGINT;
ALTER TABLE councils ADD COLUMN updated_by BIGINT REFERENCES users(id) ON DELETE SET NULL;

-- Who belongs to which council, with which role there. users.role stays:
-- it is the role of an account tied to no council (on an installation
-- with several councils, an admin with no row here is the national team).
CREATE TABLE council_members (
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  council_id BIGINT NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'consejero', 'autoridad')),
  created_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, council_id)
);
CREATE INDEX council_members_council ON council_members(council_id);
-- Every account there is becomes a member of the council served until now
-- (the lowest-numbered), with its role.
INSERT INTO council_members(user_id, council_id, role, created_at)
  SELECT u.id, c.id, u.role, u.created_at FROM users u, councils c
  WHERE c.id = (SELECT min(id) FROM councils);

-- The council a signed-in person chose (someone in several councils picks
-- one after signing in, and may switch); NULL: not chosen.
ALTER TABLE sessions ADD COLUMN council_id BIGINT REFERENCES councils(id) ON DELETE SET NULL;

-- A council's settings (read and written by the council module only):
-- one row per council and key. A key a council has not set reads from
-- `settings`, which keeps the installation's own (the CSRF key) and the
-- installation-wide defaults, then from the built-in default.
CREATE TABLE council_settings (
  council_id BIGINT NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at BIGINT,
  updated_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
  PRIMARY KEY (council_id, key)
);
INSERT INTO council_settings(council_id, key, value, version, updated_at, updated_by)
  SELECT c.id, s.key, s.value, s.version, s.updated_at, s.updated_by
  FROM settings s, councils c WHERE s.key <> 'csrf_key';

-- Mail belongs to the council whose business it is (NULL: the
-- installation's own, a password reset).
ALTER TABLE mail_outbox ADD COLUMN council_id BIGINT REFERENCES councils(id) ON DELETE SET NULL;
UPDATE mail_outbox SET council_id = (SELECT min(id) FROM councils);
CREATE INDEX mail_outbox_council ON mail_outbox(council_id, id);
