-- Accounts people manage themselves: invitation and reset links, the second factor, the
-- sessions a person can see and end.
--
-- A link's token is never stored: only its SHA-256, like session tokens. A token is single
-- use (used_at) and expires; a newer link of the same purpose revokes the older ones.
CREATE TABLE account_tokens (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  purpose TEXT NOT NULL CHECK (purpose IN ('invitation', 'password_reset')),
  created_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);
CREATE INDEX account_tokens_by_user ON account_tokens(user_id, purpose);

-- An invited account has no password yet (password_hash is empty) and cannot log in.
-- Demo accounts may skip the second factor; nothing else sets this.
ALTER TABLE users ADD COLUMN second_factor_exempt INTEGER NOT NULL DEFAULT 0;

-- TOTP (RFC 6238). confirmed_at is null while enrolment waits for the first code; last_step
-- is the time step of the last code accepted, so a code works once.
CREATE TABLE two_factor_secrets (
  user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  secret TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  confirmed_at BIGINT,
  last_step BIGINT NOT NULL DEFAULT 0
);

-- Ten single-use codes for a lost phone, stored as hashes.
CREATE TABLE recovery_codes (
  id {{ID}},
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  code_hash TEXT NOT NULL,
  used_at BIGINT
);
CREATE INDEX recovery_codes_by_user ON recovery_codes(user_id);

-- Between the right password and the second factor: a short-lived challenge, never a session.
CREATE TABLE login_challenges (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  client_address TEXT NOT NULL DEFAULT '',
  user_agent TEXT NOT NULL DEFAULT '',
  failures INTEGER NOT NULL DEFAULT 0,
  expires_at BIGINT NOT NULL
);

-- What a person sees of each signed-in session: an id that is not the token, the device and
-- the address it came from.
ALTER TABLE auth_sessions ADD COLUMN public_id TEXT;
ALTER TABLE auth_sessions ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
ALTER TABLE auth_sessions ADD COLUMN client_address TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX auth_sessions_by_public_id ON auth_sessions(public_id);

-- Mails that carry a link which is itself a credential (invitation, reset): the outbox page
-- shows neither their body nor their link, and the link is blanked once sent.
ALTER TABLE outbox ADD COLUMN confidential INTEGER NOT NULL DEFAULT 0;
