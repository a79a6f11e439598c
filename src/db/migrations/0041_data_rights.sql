-- The rights of the people cosoc holds data about (issue 21, Ley 21.719):
-- erasure, objection/blocking, and the requests that ask for them.

-- Erased: the personal data of the record is gone (name «Persona
-- eliminada», no RUN, e-mail or phone); the row stays so that attendance
-- counts and quorum history do not change. Blocked (objection): kept, but
-- left out of mail and public pages.
ALTER TABLE members ADD COLUMN erased_at BIGINT;
ALTER TABLE members ADD COLUMN blocked_at BIGINT;
ALTER TABLE members ADD COLUMN erased_reason TEXT NOT NULL DEFAULT ''; -- the officer's, never personal data

-- Addresses that must receive no mail (a blocked or erased person). Only a
-- SHA-256 of the lower-case address is kept: the outbox can recognize it
-- without the list being a list of addresses (an erased person's address
-- must appear nowhere).
CREATE TABLE mail_suppressions (
  id @PK@,
  email_sha256 TEXT NOT NULL UNIQUE,
  council_id BIGINT REFERENCES councils(id),
  reason TEXT NOT NULL,            -- 'bloqueo' or 'supresion'
  created_at BIGINT NOT NULL
);

-- A request to exercise a right (access, rectification, erasure,
-- objection, portability, blocking), from the public form or entered by
-- the officer. Due 30 calendar days after it was received.
CREATE TABLE privacy_requests (
  id @PK@,
  council_id BIGINT NOT NULL REFERENCES councils(id),
  kind TEXT NOT NULL CHECK (kind IN ('acceso', 'rectificacion', 'supresion',
    'oposicion', 'portabilidad', 'bloqueo')),
  name TEXT NOT NULL,              -- who asks
  email TEXT NOT NULL DEFAULT '',  -- where to answer
  phone TEXT NOT NULL DEFAULT '',
  run TEXT NOT NULL DEFAULT '',
  details TEXT NOT NULL DEFAULT '',
  channel TEXT NOT NULL CHECK (channel IN ('formulario', 'encargado')),
  member_id BIGINT REFERENCES members(id), -- the record it concerns, once known
  received_on TEXT NOT NULL,       -- 'YYYY-MM-DD', Santiago
  due_on TEXT NOT NULL,            -- received_on + 30 calendar days
  state TEXT NOT NULL DEFAULT 'recibida' CHECK (state IN ('recibida',
    'respondida')),
  answer TEXT NOT NULL DEFAULT '',
  answered_at BIGINT,
  answered_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
  mail_id BIGINT,                  -- the answer letter in the outbox
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX privacy_requests_council ON privacy_requests(council_id, state, due_on);
