-- The mail outbox: every message cosoc sends is first a row here, written
-- in the same transaction as the change that caused it (a citation, a
-- reminder), so that a crash can neither lose it nor invent it. Senders
-- (a thread of `cosoc serve`, or `cosoc mail send-pending`) claim due rows
-- with a lease, send them over SMTP and record the outcome.
-- Times are seconds since the epoch (BIGINT).

CREATE TABLE mail_outbox (
  id @PK@,
  idempotency_key TEXT NOT NULL UNIQUE, -- "citacion:12:3:maria@example.cl": queued once
  message_token TEXT NOT NULL,   -- Random; the stable Message-ID is <token@from-domain>
  recipient TEXT NOT NULL,       -- One address per row
  recipient_name TEXT NOT NULL DEFAULT '',
  subject TEXT NOT NULL,         -- UTF-8, encoded at send time
  body_text TEXT NOT NULL,
  body_html TEXT,                -- NULL: text only
  related_kind TEXT,             -- What caused it: 'actividad', 'prueba'...
  related_id BIGINT,
  state TEXT NOT NULL DEFAULT 'pendiente'
    CHECK (state IN ('pendiente', 'enviado', 'fallido')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,               -- Spanish sentence for the officer
  next_attempt_at BIGINT NOT NULL, -- Not before then (backoff)
  claimed_by TEXT,               -- Claim token of the sender holding it
  claimed_until BIGINT,          -- The lease: after it another sender may take it
  created_at BIGINT NOT NULL,
  sent_at BIGINT,                -- When the SMTP server accepted it
  updated_at BIGINT NOT NULL
);
CREATE INDEX mail_outbox_due ON mail_outbox(state, next_attempt_at);
CREATE INDEX mail_outbox_claim ON mail_outbox(claimed_by);
CREATE INDEX mail_outbox_related ON mail_outbox(related_kind, related_id);

CREATE TABLE mail_attachments (
  id @PK@,
  mail_id BIGINT NOT NULL REFERENCES mail_outbox(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,     -- Order in the message
  filename TEXT NOT NULL,        -- "invitacion.ics"
  content_type TEXT NOT NULL,    -- "text/calendar; method=REQUEST; charset=UTF-8"
  is_calendar INTEGER NOT NULL DEFAULT 0, -- 1: also an inline text/calendar part
  content @BLOB@ NOT NULL
);
CREATE INDEX mail_attachments_mail ON mail_attachments(mail_id, position);
