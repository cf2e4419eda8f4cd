-- The sample MLS (made-up listings, marked as sample data in every answer), filled on first use.
CREATE TABLE sample_listings (
  id TEXT PRIMARY KEY,
  street TEXT NOT NULL,
  city TEXT NOT NULL,
  state TEXT NOT NULL,
  zip TEXT NOT NULL,
  county TEXT NOT NULL,
  price INTEGER NOT NULL,
  beds INTEGER NOT NULL,
  baths REAL NOT NULL,
  sqft INTEGER NOT NULL,
  lot_sqft INTEGER,
  year_built INTEGER NOT NULL,
  property_type TEXT NOT NULL,
  status TEXT NOT NULL,
  lat REAL NOT NULL,
  lng REAL NOT NULL,
  features TEXT NOT NULL,
  agent_name TEXT NOT NULL,
  agent_phone TEXT NOT NULL,
  office TEXT NOT NULL,
  listed_at TEXT NOT NULL,
  close_price INTEGER,
  closed_at TEXT
);
CREATE INDEX sample_city ON sample_listings(city, status);
CREATE INDEX sample_zip ON sample_listings(zip, status);
