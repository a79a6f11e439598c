-- Sessions: attendance and quorum, minutes (actas) with their review
-- comments and corrections, agreements (acuerdos) with their follow-up
-- log, and requests to authorities with their answers (plan line 5).
-- Instants are BIGINT epoch seconds (UTC); dates 'YYYY-MM-DD' TEXT;
-- booleans INTEGER 0/1.

-- One row per person listed for an activity: a member (member_id) or a
-- guest (name, organization, commune; guests are not accounts).
CREATE TABLE attendance (
  id @PK@,
  activity_id BIGINT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  member_id BIGINT REFERENCES members(id),  -- NULL for a guest
  guest_name TEXT NOT NULL DEFAULT '',
  guest_organization TEXT NOT NULL DEFAULT '',
  guest_commune TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('presente', 'ausente', 'justificado')),
  reason TEXT NOT NULL DEFAULT '',          -- the excuse when justificado
  substitute_for BIGINT REFERENCES members(id), -- a suplente attending for
                                            -- this titular
  sort_order INTEGER NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL,
  updated_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
  UNIQUE (activity_id, member_id)
);
CREATE INDEX attendance_activity ON attendance(activity_id, sort_order);

-- The council's quorum rules (one row per council; defaults in code when
-- absent: titulares, mayoría absoluta, vacancies reduce the base).
CREATE TABLE quorum_settings (
  council_id BIGINT PRIMARY KEY REFERENCES councils(id),
  counts TEXT NOT NULL DEFAULT 'titulares' CHECK (counts IN ('titulares',
    'suplentes')),
  session_kind TEXT NOT NULL DEFAULT 'mas_de' CHECK (session_kind IN
    ('mas_de', 'al_menos', 'numero')),
  session_num INTEGER NOT NULL DEFAULT 1,
  session_den INTEGER NOT NULL DEFAULT 2,
  session_fixed INTEGER NOT NULL DEFAULT 1,
  agreement_kind TEXT NOT NULL DEFAULT 'mas_de' CHECK (agreement_kind IN
    ('mas_de', 'al_menos', 'numero')),
  agreement_num INTEGER NOT NULL DEFAULT 1,
  agreement_den INTEGER NOT NULL DEFAULT 2,
  agreement_fixed INTEGER NOT NULL DEFAULT 1,
  agreement_base TEXT NOT NULL DEFAULT 'miembros' CHECK (agreement_base IN
    ('miembros', 'presentes')),
  seats INTEGER NOT NULL DEFAULT 0,          -- 0: the titulares listed
  vacancies_reduce_base INTEGER NOT NULL DEFAULT 1,
  updated_at BIGINT NOT NULL
);

-- The minutes of a session (one per activity).
CREATE TABLE actas (
  id @PK@,
  activity_id BIGINT NOT NULL UNIQUE REFERENCES activities(id),
  state TEXT NOT NULL DEFAULT 'borrador' CHECK (state IN ('borrador',
    'enviada', 'aprobada', 'publicada')),
  approved_in BIGINT REFERENCES activities(id), -- the later session
  approved_at BIGINT,
  published_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1         -- optimistic concurrency
);

-- Discussion summary (Markdown) of an agenda item, in the acta.
CREATE TABLE acta_items (
  id @PK@,
  acta_id BIGINT NOT NULL REFERENCES actas(id) ON DELETE CASCADE,
  agenda_id BIGINT REFERENCES activity_agenda(id) ON DELETE SET NULL,
  title TEXT NOT NULL,
  summary_md TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX acta_items_acta ON acta_items(acta_id, sort_order);

-- Councillors' comments on an item while the acta is under review.
CREATE TABLE acta_comments (
  id @PK@,
  acta_item_id BIGINT NOT NULL REFERENCES acta_items(id) ON DELETE CASCADE,
  user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX acta_comments_item ON acta_comments(acta_item_id, created_at);

-- Corrections to an approved acta: new, linked notes (never edits).
CREATE TABLE acta_corrections (
  id @PK@,
  acta_id BIGINT NOT NULL REFERENCES actas(id) ON DELETE CASCADE,
  body_md TEXT NOT NULL,
  approved_in BIGINT REFERENCES activities(id), -- session that approved it
  created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL
);

-- Agreements adopted in sessions.
CREATE TABLE agreements (
  id @PK@,
  council_id BIGINT NOT NULL REFERENCES councils(id),
  activity_id BIGINT NOT NULL REFERENCES activities(id), -- adopting session
  acta_item_id BIGINT REFERENCES acta_items(id) ON DELETE SET NULL,
  body TEXT NOT NULL,
  votes_for INTEGER,                     -- NULL when not voted
  votes_against INTEGER,
  votes_abstain INTEGER,
  responsible_kind TEXT NOT NULL DEFAULT 'ninguno' CHECK (responsible_kind
    IN ('ninguno', 'consejero', 'autoridad', 'encargado')),
  responsible_member BIGINT REFERENCES members(id),
  responsible_directory BIGINT REFERENCES directory_entries(id),
  responsible_name TEXT NOT NULL DEFAULT '', -- as shown (kept if the
                                             -- person leaves)
  due_date TEXT,                         -- 'YYYY-MM-DD' or NULL
  state TEXT NOT NULL DEFAULT 'pendiente' CHECK (state IN ('pendiente',
    'en_curso', 'cumplido', 'descartado')),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX agreements_council ON agreements(council_id, state, due_date);
CREATE INDEX agreements_activity ON agreements(activity_id);

-- Dated follow-up notes and state changes of an agreement, oldest first.
CREATE TABLE agreement_log (
  id @PK@,
  agreement_id BIGINT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
  at BIGINT NOT NULL,
  note_date TEXT NOT NULL,               -- 'YYYY-MM-DD' the note speaks of
  user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
  old_state TEXT NOT NULL,
  new_state TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX agreement_log_agreement ON agreement_log(agreement_id, at);

-- Requests to authorities (plan line 5) and their answers.
CREATE TABLE authority_requests (
  id @PK@,
  council_id BIGINT NOT NULL REFERENCES councils(id),
  directory_id BIGINT REFERENCES directory_entries(id),
  authority_name TEXT NOT NULL,          -- as shown
  agreement_id BIGINT REFERENCES agreements(id) ON DELETE SET NULL,
  asked_on TEXT NOT NULL,                -- 'YYYY-MM-DD'
  question TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE authority_answers (
  id @PK@,
  request_id BIGINT NOT NULL REFERENCES authority_requests(id)
    ON DELETE CASCADE,
  answered_on TEXT NOT NULL,             -- 'YYYY-MM-DD'
  body TEXT NOT NULL,
  document_id BIGINT,                    -- attached file, once evidence lands
  created_at BIGINT NOT NULL
);
