-- Listings saved to a contact in the local CRM ("Maria is interested in this house"): one row per
-- contact and listing — by its MLS number, else its folded address, and by the folded address too,
-- so a second save finds the first however the home was written down.
CREATE TABLE saved_listings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id TEXT NOT NULL,
  contact_id INTEGER NOT NULL REFERENCES contacts(id),
  listing_key TEXT NOT NULL,
  address_key TEXT NOT NULL,
  address TEXT NOT NULL,
  -- The listing as saved (address, price, beds, baths, MLS #, link), as JSON.
  listing TEXT NOT NULL,
  note TEXT,
  idempotency_key TEXT,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX saved_listings_listing ON saved_listings(user_id, contact_id, listing_key);
CREATE UNIQUE INDEX saved_listings_address ON saved_listings(user_id, contact_id, address_key);
CREATE UNIQUE INDEX saved_listings_key ON saved_listings(user_id, idempotency_key);
