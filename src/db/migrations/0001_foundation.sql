-- Foundation: settings, councils, accounts, sessions, API tokens and the
-- record of sign-in attempts used for throttling. Everything that several
-- app servers must share lives here, never in one process's memory.
-- Times are seconds since the epoch (BIGINT); booleans are INTEGER 0/1.

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE councils (
  id @PK@,
  name TEXT NOT NULL,            -- "Consejo de la Sociedad Civil MINVU–SERVIU Región de Coquimbo"
  short_name TEXT NOT NULL,      -- "COSOC Minvu Serviu Coquimbo"
  institution TEXT NOT NULL DEFAULT '',
  region_code TEXT,              -- CUT region code, "04"
  created_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE users (
  id @PK@,
  email TEXT NOT NULL UNIQUE,    -- stored lower-case
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'consejero', 'autoridad')),
  password_hash TEXT NOT NULL,   -- libsodium crypto_pwhash_str (argon2id)
  active INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE sessions (
  id @PK@,
  token_hash TEXT NOT NULL UNIQUE, -- SHA-256 of the cookie value, hex
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
  id @PK@,
  token_hash TEXT NOT NULL UNIQUE, -- SHA-256 of the token, hex
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  label TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  last_used_at BIGINT,
  revoked_at BIGINT
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE login_attempts (
  id @PK@,
  email TEXT NOT NULL,
  address TEXT NOT NULL,
  at BIGINT NOT NULL,
  success INTEGER NOT NULL
);
CREATE INDEX login_attempts_email ON login_attempts(email, at);
CREATE INDEX login_attempts_address ON login_attempts(address, at);
