-- A reused idempotency key must carry the same write: the key remembers a hash of what it was for.
ALTER TABLE idempotency_keys ADD COLUMN request_hash TEXT;
CREATE INDEX idempotency_keys_age ON idempotency_keys(created_at);

-- One contact per email and per phone in each agent's book, enforced by the database, so two
-- concurrent adds of one person cannot both create. Older duplicates keep no key (the first keeps it).
ALTER TABLE contacts ADD COLUMN email_key TEXT;
ALTER TABLE contacts ADD COLUMN phone_key TEXT;
UPDATE contacts SET email_key = lower(trim(email))
  WHERE email IS NOT NULL AND trim(email) != '' AND id = (
    SELECT min(c.id) FROM contacts c WHERE c.user_id = contacts.user_id AND lower(trim(c.email)) = lower(trim(contacts.email)));
UPDATE contacts SET phone_key = phone
  WHERE phone IS NOT NULL AND phone != '' AND id = (
    SELECT min(c.id) FROM contacts c WHERE c.user_id = contacts.user_id AND c.phone = contacts.phone);
CREATE UNIQUE INDEX contacts_email_key ON contacts(user_id, email_key) WHERE email_key IS NOT NULL;
CREATE UNIQUE INDEX contacts_phone_key ON contacts(user_id, phone_key) WHERE phone_key IS NOT NULL;

-- Short leases around look-then-create on remote CRMs (worker/crm/lock.ts): one holder per name.
CREATE TABLE locks (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  until INTEGER NOT NULL
);

-- What the hourly clean-up (worker/housekeeping.ts) looks rows up by.
CREATE INDEX sessions_revoked ON sessions(revoked_at) WHERE revoked_at IS NOT NULL;
CREATE INDEX sessions_created ON sessions(created_at);
CREATE INDEX refresh_tokens_expiry ON refresh_tokens(expires_at);
CREATE INDEX oauth_handoffs_expiry ON oauth_handoffs(expires_at);
CREATE INDEX oauth_states_age ON oauth_states(created_at);

-- The sample MLS matches places case-insensitively: index the expressions its queries use.
DROP INDEX sample_city;
CREATE INDEX sample_city ON sample_listings(lower(city), status);
CREATE INDEX sample_county ON sample_listings(lower(county), status);
CREATE INDEX sample_street ON sample_listings(lower(street));
CREATE INDEX sample_listed ON sample_listings(status, listed_at);
