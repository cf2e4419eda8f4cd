-- The CRM kept in the worker's own database: the default, so Estait works with no account.
CREATE TABLE contacts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id TEXT NOT NULL,
  first_name TEXT NOT NULL,
  last_name TEXT,
  email TEXT,
  phone TEXT,
  source TEXT,
  notes TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX contacts_email ON contacts(user_id, email);
CREATE INDEX contacts_phone ON contacts(user_id, phone);

CREATE TABLE notes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id TEXT NOT NULL,
  contact_id INTEGER NOT NULL REFERENCES contacts(id),
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE tasks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id TEXT NOT NULL,
  contact_id INTEGER REFERENCES contacts(id),
  title TEXT NOT NULL,
  due TEXT,
  created_at INTEGER NOT NULL
);

CREATE TABLE showings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id TEXT NOT NULL,
  contact_id INTEGER REFERENCES contacts(id),
  address TEXT,
  start TEXT,
  created_at INTEGER NOT NULL
);

-- One row per confirmed write: a retried key returns the stored answer and writes nothing.
CREATE TABLE idempotency_keys (
  user_id TEXT NOT NULL,
  key TEXT NOT NULL,
  response TEXT,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, key)
);

-- Who wrote what, when, and the CRM's id for it.
CREATE TABLE activity (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id TEXT NOT NULL,
  intent TEXT NOT NULL,
  summary TEXT NOT NULL,
  crm_id TEXT NOT NULL,
  provider TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX activity_user ON activity(user_id, created_at);
