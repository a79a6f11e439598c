-- Activities and convening: the council's calendar (sessions, meetings,
-- training, ministry events), the plan lines each activity serves, its
-- history of status changes and reschedules, its agenda (tabla), the
-- people invited with their replies and transport requests, and the
-- vehicles that carry them.
-- Instants are BIGINT epoch seconds (UTC); booleans INTEGER 0/1.

-- The kinds catalogue. Slugs are the CONTRACT's; the officer may add rows.
CREATE TABLE activity_kinds (
  slug TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  sort_order INTEGER NOT NULL
);
INSERT INTO activity_kinds(slug, label, sort_order) VALUES
  ('sesion_ordinaria', 'Sesión ordinaria', 1),
  ('sesion_extraordinaria', 'Sesión extraordinaria', 2),
  ('reunion_autoridades', 'Reunión con autoridades', 3),
  ('capacitacion', 'Jornada de capacitación', 4),
  ('charla', 'Charla', 5),
  ('mesa_trabajo', 'Mesa de trabajo / diálogo participativo', 6),
  ('modulo_escuela', 'Módulo de escuela de dirigentes', 7),
  ('entrega_viviendas', 'Entrega de viviendas o subsidios', 8),
  ('inauguracion', 'Inauguración de espacio público', 9),
  ('inicio_programa', 'Inicio de programa en barrio', 10),
  ('plan_piloto', 'Plan piloto', 11),
  ('visita_terreno', 'Visita a terreno', 12),
  ('otra', 'Otra', 13)
ON CONFLICT (slug) DO NOTHING;

CREATE TABLE activities (
  id @PK@,
  council_id BIGINT NOT NULL REFERENCES councils(id),
  kind TEXT NOT NULL REFERENCES activity_kinds(slug),
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  starts_at BIGINT NOT NULL,          -- UTC seconds
  ends_at BIGINT NOT NULL,            -- UTC seconds, after starts_at
  modality TEXT NOT NULL CHECK (modality IN ('presencial', 'virtual', 'mixta')),
  link TEXT NOT NULL DEFAULT '',      -- videoconference URL (virtual, mixta)
  commune_code TEXT REFERENCES territory_communes(code), -- NULL: none (virtual)
  address TEXT NOT NULL DEFAULT '',
  organizer TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'programada' CHECK (status IN ('programada',
    'convocada', 'realizada', 'suspendida', 'reprogramada')),
  is_public INTEGER NOT NULL DEFAULT 1,
  ical_uid TEXT NOT NULL UNIQUE,      -- stable forever
  ical_sequence INTEGER NOT NULL DEFAULT 0, -- bumped on changes sent out
  created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1  -- optimistic concurrency
);
CREATE INDEX activities_start ON activities(council_id, starts_at);

-- The plan lines an activity serves, by line number (lines keep their
-- number across plan versions).
CREATE TABLE activity_plan_lines (
  activity_id BIGINT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  line_number INTEGER NOT NULL,
  PRIMARY KEY (activity_id, line_number)
);

-- Every status change and reschedule, oldest first.
CREATE TABLE activity_history (
  id @PK@,
  activity_id BIGINT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  at BIGINT NOT NULL,
  user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
  old_status TEXT NOT NULL,
  new_status TEXT NOT NULL,
  old_starts_at BIGINT NOT NULL,
  old_ends_at BIGINT NOT NULL,
  new_starts_at BIGINT NOT NULL,
  new_ends_at BIGINT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX activity_history_activity ON activity_history(activity_id, at);

-- The agenda (tabla), in order.
CREATE TABLE activity_agenda (
  id @PK@,
  activity_id BIGINT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX activity_agenda_activity ON activity_agenda(activity_id, position);

-- One person invited to one activity, with their reply.
CREATE TABLE activity_invitations (
  id @PK@,
  activity_id BIGINT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  member_id BIGINT REFERENCES members(id) ON DELETE SET NULL,
  directory_id BIGINT REFERENCES directory_entries(id) ON DELETE SET NULL,
  email TEXT NOT NULL,                -- lower-case
  name TEXT NOT NULL DEFAULT '',
  token_hash TEXT NOT NULL UNIQUE,    -- SHA-256 of the reply link's token
  reply TEXT CHECK (reply IN ('confirma', 'declina', 'quizas')), -- NULL: none yet
  replied_at BIGINT,
  transport INTEGER NOT NULL DEFAULT 0, -- asks for a seat
  pickup_commune TEXT REFERENCES territory_communes(code),
  sent_sequence INTEGER NOT NULL DEFAULT 0, -- last SEQUENCE mailed to them
  created_at BIGINT NOT NULL,
  UNIQUE (activity_id, email)
);

CREATE TABLE activity_vehicles (
  id @PK@,
  activity_id BIGINT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  label TEXT NOT NULL,                -- "Van SERVIU patente AB-CD-12"
  driver TEXT NOT NULL DEFAULT '',
  capacity INTEGER NOT NULL CHECK (capacity >= 1)
);

CREATE TABLE activity_seats (
  invitation_id BIGINT NOT NULL PRIMARY KEY
    REFERENCES activity_invitations(id) ON DELETE CASCADE,
  vehicle_id BIGINT NOT NULL REFERENCES activity_vehicles(id) ON DELETE CASCADE
);

-- A secret per user for their private calendar feed.
CREATE TABLE calendar_feed_tokens (
  user_id BIGINT NOT NULL PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL
);

-- Setting 'activity_reminder_hours' (table settings): hours before an
-- activity its reminder goes out; absent means 48.
