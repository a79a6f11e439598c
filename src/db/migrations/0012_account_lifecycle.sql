-- Account lifecycle (issue 15): API tokens show who they are without
-- showing the secret, password resets by an e-mailed single-use link, and
-- the link from an account to the member record that says whether its
-- councillor is still in office is looked up on every sign-in and request.

-- The first characters of a token as it was handed out, kept so the token
-- can be named in lists and revoked by prefix (`cosoc token revoke --token`).
-- Eight base64url characters are 48 of the token's 256 bits: naming it does
-- not help anyone guess the rest. '' for tokens made before this.
ALTER TABLE api_tokens ADD COLUMN token_prefix TEXT NOT NULL DEFAULT '';

-- A password reset link: stored only as the SHA-256 of its token, usable
-- once (used_at), until expires_at; only the newest one of a user works.
CREATE TABLE password_resets (
  id @PK@,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);
CREATE INDEX password_resets_user ON password_resets(user_id);

-- Whether an account's councillor is in office is asked on every request.
CREATE INDEX members_user ON members(user_id);

-- Sign-in throttling counts failures of one account from one address.
CREATE INDEX login_attempts_email_address ON login_attempts(email, address, at);
