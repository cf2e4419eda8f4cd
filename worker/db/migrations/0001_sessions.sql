-- A session is one sign-in: the family of refresh tokens that rotate from it.
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);

-- Refresh tokens are stored as SHA-256 hashes; each may be used once.
CREATE TABLE refresh_tokens (
  token_hash TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id),
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);

CREATE INDEX refresh_tokens_session ON refresh_tokens(session_id);
