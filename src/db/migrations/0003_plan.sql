-- The annual plan, versioned. A plan belongs to a council; its content lives
-- in versions: every import or edit writes a whole new version (author, time,
-- reason), so any two can be compared and none is ever changed afterwards,
-- except for being marked approved.
-- Dates are 'YYYY-MM-DD' text; times are seconds since the epoch (BIGINT);
-- booleans are INTEGER 0/1. SQL that SQLite and PostgreSQL both accept.

-- The evidence catalogue (verificadores). Slugs are the CONTRACT's; the
-- catalogue can grow with new rows.
CREATE TABLE evidence_kinds (
  slug TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  sort_order INTEGER NOT NULL
);
INSERT INTO evidence_kinds(slug, label, sort_order) VALUES
  ('invitacion', 'Invitación', 1),
  ('convocatoria', 'Convocatoria', 2),
  ('citacion', 'Citación', 3),
  ('asistencia', 'Asistencia', 4),
  ('fotografias', 'Fotografías', 5),
  ('acta', 'Acta', 6),
  ('informe', 'Informe / Plan de trabajo', 7),
  ('programa_formacion', 'Programa de formación', 8)
ON CONFLICT (slug) DO NOTHING;

CREATE TABLE plans (
  id @PK@,
  council_id BIGINT NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL
);
CREATE INDEX plans_council ON plans(council_id);

CREATE TABLE plan_versions (
  id @PK@,
  plan_id BIGINT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,            -- 1, 2, … within the plan
  title TEXT NOT NULL,
  intro TEXT NOT NULL DEFAULT '',     -- paragraphs separated by a blank line
  period_start TEXT NOT NULL,         -- 'YYYY-MM-DD'
  period_end TEXT NOT NULL,
  content_hash TEXT NOT NULL,         -- SHA-256 of the canonical content
  source TEXT NOT NULL CHECK (source IN ('importacion', 'edicion')),
  reason TEXT NOT NULL,               -- why this version exists
  author_id BIGINT REFERENCES users(id) ON DELETE SET NULL, -- NULL: command line
  author_name TEXT NOT NULL,          -- kept even if the user goes away
  created_at BIGINT NOT NULL,
  approved INTEGER NOT NULL DEFAULT 0,
  approved_at BIGINT,
  approved_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
  approved_session_id BIGINT,         -- the council session that approved it (later)
  UNIQUE (plan_id, number)
);

CREATE TABLE plan_objectives (
  version_id BIGINT NOT NULL REFERENCES plan_versions(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (version_id, number)
);

CREATE TABLE plan_lines (
  id @PK@,
  version_id BIGINT NOT NULL REFERENCES plan_versions(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,            -- the N° column
  objective TEXT NOT NULL,
  actions TEXT NOT NULL,
  responsible TEXT NOT NULL,
  window_phrase TEXT NOT NULL,        -- FECHAS as written
  window_start TEXT NOT NULL,         -- 'YYYY-MM-DD'
  window_end TEXT NOT NULL,
  window_flagged INTEGER NOT NULL DEFAULT 0, -- phrase not understood
  window_as_needed INTEGER NOT NULL DEFAULT 0,
  target_count INTEGER NOT NULL CHECK (target_count >= 1),
  target_kinds TEXT NOT NULL DEFAULT '',     -- activity slugs, space-separated; '' any
  target_exclude TEXT NOT NULL DEFAULT '',   -- CUT codes, space-separated
  UNIQUE (version_id, number)
);

CREATE TABLE plan_line_evidence (
  line_id BIGINT NOT NULL REFERENCES plan_lines(id) ON DELETE CASCADE,
  sort_order INTEGER NOT NULL,
  kind TEXT NOT NULL REFERENCES evidence_kinds(slug),
  label TEXT NOT NULL,                -- the document's wording ("Actas")
  PRIMARY KEY (line_id, sort_order)
);
