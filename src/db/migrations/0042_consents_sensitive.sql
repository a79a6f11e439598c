-- Consents and sensitive data (issue 21, items 1-2, Ley 21.719).

-- A consent a person gave (or refused) for one purpose, how, and its
-- withdrawal. A person is any person record: a councillor (member), a
-- participant or guest (participant), a directory contact (contact), an
-- account (user).
CREATE TABLE consents (
  id @PK@,
  council_id BIGINT NOT NULL REFERENCES councils(id),
  person_kind TEXT NOT NULL CHECK (person_kind IN ('member', 'participant',
    'contact', 'user')),
  person_id BIGINT NOT NULL,
  purpose TEXT NOT NULL CHECK (purpose IN ('participacion', 'fotografias',
    'datos_sensibles')),
  given INTEGER NOT NULL,          -- 1 given, 0 refused
  given_on TEXT NOT NULL,          -- 'YYYY-MM-DD'
  method TEXT NOT NULL CHECK (method IN ('formulario', 'hoja_firmada',
    'correo')),
  evidence_id BIGINT REFERENCES evidence_items(id), -- the signed sheet
  notes TEXT NOT NULL DEFAULT '',
  withdrawn_on TEXT,               -- 'YYYY-MM-DD'; NULL: in force
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX consents_person ON consents(person_kind, person_id, purpose);

-- Who appears in an evidence item (a photo): its public copies are
-- withheld while any of them refused or withdrew consent to photographs.
CREATE TABLE evidence_people (
  evidence_id BIGINT NOT NULL REFERENCES evidence_items(id) ON DELETE CASCADE,
  person_kind TEXT NOT NULL CHECK (person_kind IN ('member', 'participant',
    'contact', 'user')),
  person_id BIGINT NOT NULL,
  PRIMARY KEY (evidence_id, person_kind, person_id)
);
CREATE INDEX evidence_people_person ON evidence_people(person_kind, person_id);

-- The special-protection groups a mesa de trabajo may work with: data,
-- not code. council_id NULL: offered to every council.
CREATE TABLE protection_groups (
  id @PK@,
  council_id BIGINT REFERENCES councils(id),
  label TEXT NOT NULL
);
INSERT INTO protection_groups (council_id, label) VALUES
  (NULL, 'Personas mayores'),
  (NULL, 'Personas en situación de discapacidad'),
  (NULL, 'Pueblos originarios'),
  (NULL, 'Diversidades sexo-genéricas'),
  (NULL, 'Personas migrantes');

-- The groups taking part in an activity (a mesa): about the activity, not
-- about any person.
CREATE TABLE activity_protection_groups (
  activity_id BIGINT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  group_id BIGINT NOT NULL REFERENCES protection_groups(id),
  PRIMARY KEY (activity_id, group_id)
);

-- A person's own sensitive category: kept apart from every other table,
-- only with an explicit consent for sensitive data in force, read only by
-- the officer's pages and reported elsewhere only as aggregates.
CREATE TABLE sensitive_data (
  id @PK@,
  council_id BIGINT NOT NULL REFERENCES councils(id),
  person_kind TEXT NOT NULL CHECK (person_kind IN ('member', 'participant',
    'contact', 'user')),
  person_id BIGINT NOT NULL,
  group_id BIGINT NOT NULL REFERENCES protection_groups(id),
  consent_id BIGINT NOT NULL REFERENCES consents(id),
  recorded_at BIGINT NOT NULL,
  UNIQUE (person_kind, person_id, group_id)
);
