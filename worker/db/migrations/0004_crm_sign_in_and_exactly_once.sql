-- Wise Agent sign-in: one row per started OAuth round trip (single use, minutes long), the one-time
-- code that hands the finished sign-in to the extension, and the agents' CRM tokens, sealed with
-- AES-256-GCM (worker/auth/seal.ts) — never stored in the clear.
CREATE TABLE oauth_states (
  state TEXT PRIMARY KEY,
  verifier TEXT NOT NULL,
  redirect TEXT NOT NULL,
  challenge TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE oauth_handoffs (
  code_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  challenge TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);

CREATE TABLE crm_tokens (
  user_id TEXT NOT NULL,
  provider TEXT NOT NULL,
  access_token TEXT NOT NULL,
  refresh_token TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  account TEXT,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, provider)
);

-- Exactly once across timeouts and restarts: a claim is a lease, a failed attempt is remembered, so
-- the next one looks in the CRM before it writes.
ALTER TABLE idempotency_keys ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE idempotency_keys ADD COLUMN lease_until INTEGER NOT NULL DEFAULT 0;

-- The local CRM keeps each write's key, so a repeated write finds the first.
ALTER TABLE contacts ADD COLUMN idempotency_key TEXT;
ALTER TABLE contacts ADD COLUMN consent TEXT;
ALTER TABLE notes ADD COLUMN idempotency_key TEXT;
ALTER TABLE tasks ADD COLUMN idempotency_key TEXT;
ALTER TABLE showings ADD COLUMN idempotency_key TEXT;
CREATE UNIQUE INDEX contacts_key ON contacts(user_id, idempotency_key);
CREATE UNIQUE INDEX notes_key ON notes(user_id, idempotency_key);
CREATE UNIQUE INDEX tasks_key ON tasks(user_id, idempotency_key);
CREATE UNIQUE INDEX showings_key ON showings(user_id, idempotency_key);
