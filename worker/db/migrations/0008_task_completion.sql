-- A task marked done in the local CRM: when, and by which write, so a retry of that write is told
-- apart from a task done before it (worker/crm/local.ts completeTask).
ALTER TABLE tasks ADD COLUMN completed_at INTEGER;
ALTER TABLE tasks ADD COLUMN completed_key TEXT;
-- The day's reads: open tasks by contact and by due day, showings by contact and start.
CREATE INDEX tasks_open ON tasks(user_id, completed_at, due);
CREATE INDEX tasks_contact ON tasks(user_id, contact_id);
CREATE INDEX showings_contact ON showings(user_id, contact_id);
CREATE INDEX showings_start ON showings(user_id, start);
CREATE INDEX notes_contact ON notes(user_id, contact_id);
CREATE INDEX calls_contact ON calls(user_id, contact_id);
CREATE INDEX contacts_created ON contacts(user_id, created_at);
