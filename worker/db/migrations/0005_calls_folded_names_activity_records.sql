-- Calls logged in the local CRM, kept once per write like notes and tasks.
CREATE TABLE calls (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id TEXT NOT NULL,
  contact_id INTEGER NOT NULL REFERENCES contacts(id),
  outcome TEXT,
  notes TEXT,
  idempotency_key TEXT,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX calls_key ON calls(user_id, idempotency_key);

-- Name and email folded (no accents, lower case: shared/normalize.ts fold), so "jose" finds "José".
-- SQLite's lower() knows only ASCII, so the worker writes it; rows from before are filled on search.
ALTER TABLE contacts ADD COLUMN search_text TEXT;
CREATE INDEX contacts_unfolded ON contacts(user_id) WHERE search_text IS NULL;

-- What each write was for and what it wrote, so the log can be read back (GET /v1/activity).
ALTER TABLE activity ADD COLUMN contact_id TEXT;
ALTER TABLE activity ADD COLUMN record TEXT;
