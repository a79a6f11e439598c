-- Escuela de Dirigentes (issue 20): people beyond the council, courses
-- with their modules, enrolment, and certificates anyone can verify.
-- SQL that SQLite and PostgreSQL both accept; times are BIGINT seconds,
-- dates 'YYYY-MM-DD' TEXT, booleans INTEGER 0/1.

-- A person who is not a councillor: a leader enrolled in a course, a guest
-- at a mesa or a talk. One row per person and council, so the same leader
-- is one person across activities (matched by RUN, then e-mail, then name
-- and organization). Every personal field of a participant is a column of
-- this table and of no other: what a data-subject request reads, corrects
-- or erases is here.
CREATE TABLE participants (
  id @PK@,
  council_id BIGINT NOT NULL REFERENCES councils(id),
  name TEXT NOT NULL,                 -- full name, one line, as written
  run TEXT,                           -- normalized RUN ("12345678-5"), NULL: not given
  email TEXT NOT NULL DEFAULT '',     -- lower-case, '' when not given
  phone TEXT NOT NULL DEFAULT '',
  organization_id BIGINT REFERENCES organizations(id) ON DELETE SET NULL,
  organization_name TEXT NOT NULL DEFAULT '', -- as written when it is in no registry entry
  commune_code TEXT REFERENCES territory_communes(code), -- NULL: not known
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  updated_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
  UNIQUE (council_id, run)
);
CREATE INDEX participants_email ON participants(council_id, email);
CREATE INDEX participants_organization ON participants(organization_id);

-- An activity's guest is a participant now. participant_id replaces the
-- guest_* columns, which stay only for rows written before this migration
-- that name no one (an empty name). minutes: time connected to an online
-- module, from the videoconference's report (NULL: not measured).
ALTER TABLE attendance ADD COLUMN participant_id BIGINT REFERENCES participants(id);
ALTER TABLE attendance ADD COLUMN minutes INTEGER;
CREATE UNIQUE INDEX attendance_participant ON attendance(activity_id, participant_id);

-- The guests recorded so far become participants: one per council, name
-- and organization (trimmed, any case), with the commune when the text
-- written names one; their rows then point at them.
INSERT INTO participants (council_id, name, organization_name, commune_code,
  created_at, updated_at)
SELECT a.council_id, trim(min(t.guest_name)), trim(min(t.guest_organization)),
  min(c.code), min(t.updated_at), max(t.updated_at)
FROM attendance t
JOIN activities a ON a.id = t.activity_id
LEFT JOIN territory_communes c ON lower(c.name) = lower(trim(t.guest_commune))
WHERE t.member_id IS NULL AND trim(t.guest_name) <> ''
GROUP BY a.council_id, lower(trim(t.guest_name)), lower(trim(t.guest_organization));

UPDATE attendance SET participant_id = (
  SELECT min(p.id) FROM participants p JOIN activities a
    ON a.council_id = p.council_id
  WHERE a.id = attendance.activity_id
    AND lower(p.name) = lower(trim(attendance.guest_name))
    AND lower(p.organization_name) = lower(trim(attendance.guest_organization)))
WHERE member_id IS NULL AND trim(guest_name) <> '';

-- A participant's organization named as one of the registry's is that one.
UPDATE participants SET organization_id = (
  SELECT min(o.id) FROM organizations o
  WHERE o.council_id = participants.council_id
    AND lower(o.name) = lower(participants.organization_name))
WHERE organization_name <> '';
UPDATE participants SET organization_name = ''
WHERE organization_id IS NOT NULL;

-- What the guest rows held now lives in participants.
UPDATE attendance SET guest_name = '', guest_organization = '',
  guest_commune = ''
WHERE participant_id IS NOT NULL;

-- A course of the council: its modules are activities of kind
-- modulo_escuela (course_modules), its programme is the lines' «Programa
-- de formación». Completion: at least completion_value modules
-- ('modulos') or that share of them ('porcentaje').
CREATE TABLE courses (
  id @PK@,
  council_id BIGINT NOT NULL REFERENCES councils(id),
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  programme TEXT NOT NULL DEFAULT '',  -- Markdown
  completion_kind TEXT NOT NULL DEFAULT 'modulos'
    CHECK (completion_kind IN ('modulos', 'porcentaje')),
  completion_value INTEGER NOT NULL DEFAULT 1,
  enrol_opens TEXT,                    -- 'YYYY-MM-DD'; NULL: open from now
  enrol_closes TEXT,                   -- 'YYYY-MM-DD'; NULL: until the last module
  capacity INTEGER NOT NULL DEFAULT 0, -- places; 0: no limit
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  updated_by BIGINT REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX courses_council ON courses(council_id, id);

-- The plan lines a course serves, by number (as activity_plan_lines).
CREATE TABLE course_plan_lines (
  course_id BIGINT NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  line_number INTEGER NOT NULL,
  PRIMARY KEY (course_id, line_number)
);

-- A module: one activity of the course, in order, with its speaker. Its
-- materials are the activity's evidence of kind 'material'.
CREATE TABLE course_modules (
  id @PK@,
  course_id BIGINT NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  activity_id BIGINT NOT NULL UNIQUE REFERENCES activities(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  speaker TEXT NOT NULL DEFAULT ''
);
CREATE INDEX course_modules_course ON course_modules(course_id, position);

-- A participant enrolled in a course, with the consents given: the data
-- for the course (required: no row without it) and, apart, photographs.
CREATE TABLE enrolments (
  id @PK@,
  course_id BIGINT NOT NULL REFERENCES courses(id) ON DELETE CASCADE,
  participant_id BIGINT NOT NULL REFERENCES participants(id),
  consent_data INTEGER NOT NULL CHECK (consent_data = 1),
  consent_photos INTEGER NOT NULL DEFAULT 0,
  consent_at BIGINT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('formulario', 'encargado', 'api',
    'carga')),
  created_at BIGINT NOT NULL,
  created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
  UNIQUE (course_id, participant_id)
);
CREATE INDEX enrolments_participant ON enrolments(participant_id);

-- A certificate: what it certified is kept as issued (a document does not
-- change when a name is corrected later). The public page finds it by
-- code_hash, the SHA-256 of the code's canonical form, never by the code.
CREATE TABLE certificates (
  id @PK@,
  council_id BIGINT NOT NULL REFERENCES councils(id),
  course_id BIGINT NOT NULL REFERENCES courses(id),
  enrolment_id BIGINT NOT NULL UNIQUE REFERENCES enrolments(id),
  code TEXT NOT NULL UNIQUE,         -- "7K2M9-QXD4R-…", printed on it
  code_hash TEXT NOT NULL UNIQUE,    -- hex SHA-256 of the code without hyphens
  participant_name TEXT NOT NULL,
  course_title TEXT NOT NULL,
  modules_attended INTEGER NOT NULL,
  modules_total INTEGER NOT NULL,
  minutes INTEGER NOT NULL,          -- scheduled time of the modules attended
  issued_on TEXT NOT NULL,           -- 'YYYY-MM-DD', Santiago
  issued_at BIGINT NOT NULL,
  issued_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
  revoked_at BIGINT,                 -- NULL: valid
  revoked_on TEXT,
  revoke_reason TEXT NOT NULL DEFAULT '',
  revoked_by BIGINT REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX certificates_course ON certificates(course_id);

-- Two evidence kinds: the certificates a course issued (the system makes
-- them) and a module's materials (uploaded like any evidence).
INSERT INTO evidence_kinds(slug, label, sort_order) VALUES
  ('certificados', 'Certificados', 9),
  ('material', 'Material del módulo', 10)
ON CONFLICT (slug) DO NOTHING;

-- @sqlite
CREATE TRIGGER data_version_participants_i AFTER INSERT ON participants BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_participants_u AFTER UPDATE ON participants BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_participants_d AFTER DELETE ON participants BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_courses_i AFTER INSERT ON courses BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_courses_u AFTER UPDATE ON courses BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_courses_d AFTER DELETE ON courses BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_course_plan_lines_i AFTER INSERT ON course_plan_lines BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_course_plan_lines_u AFTER UPDATE ON course_plan_lines BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_course_plan_lines_d AFTER DELETE ON course_plan_lines BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_course_modules_i AFTER INSERT ON course_modules BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_course_modules_u AFTER UPDATE ON course_modules BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_course_modules_d AFTER DELETE ON course_modules BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_enrolments_i AFTER INSERT ON enrolments BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_enrolments_u AFTER UPDATE ON enrolments BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_enrolments_d AFTER DELETE ON enrolments BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_certificates_i AFTER INSERT ON certificates BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_certificates_u AFTER UPDATE ON certificates BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER data_version_certificates_d AFTER DELETE ON certificates BEGIN UPDATE data_version SET n = n + 1 WHERE id = 1; END;
-- @end
-- @postgresql
CREATE CONSTRAINT TRIGGER data_version_participants AFTER INSERT OR UPDATE OR DELETE ON participants DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_participants_truncate AFTER TRUNCATE ON participants FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE CONSTRAINT TRIGGER data_version_courses AFTER INSERT OR UPDATE OR DELETE ON courses DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_courses_truncate AFTER TRUNCATE ON courses FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE CONSTRAINT TRIGGER data_version_course_plan_lines AFTER INSERT OR UPDATE OR DELETE ON course_plan_lines DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_course_plan_lines_truncate AFTER TRUNCATE ON course_plan_lines FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE CONSTRAINT TRIGGER data_version_course_modules AFTER INSERT OR UPDATE OR DELETE ON course_modules DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_course_modules_truncate AFTER TRUNCATE ON course_modules FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE CONSTRAINT TRIGGER data_version_enrolments AFTER INSERT OR UPDATE OR DELETE ON enrolments DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_enrolments_truncate AFTER TRUNCATE ON enrolments FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
CREATE CONSTRAINT TRIGGER data_version_certificates AFTER INSERT OR UPDATE OR DELETE ON certificates DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cosoc_data_version_bump();
CREATE TRIGGER data_version_certificates_truncate AFTER TRUNCATE ON certificates FOR EACH STATEMENT EXECUTE FUNCTION cosoc_data_version_bump();
-- @end
