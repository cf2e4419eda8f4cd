import type { D1Database } from '@cloudflare/workers-types';
import type { HistoryEvent, MlsListing, MlsSource, SearchCriteria } from '../../shared/contracts';
import { splitAddress } from '../../shared/normalize';
import { LAST_SAMPLE_ID, type SampleRow, sampleListings } from '../../shared/sample-listings';
import { parsePlace } from './location';
import { type MlsProvider, PAGE_SIZE } from './provider';

const SOURCE: MlsSource = { provider: 'sample', sample: true, note: 'Sample listings for trying Estait — not real homes.' };

function toListing(r: SampleRow): MlsListing {
  return {
    id: r.id,
    address: `${r.street}, ${r.city}, ${r.state} ${r.zip}`,
    street: r.street,
    city: r.city,
    state: r.state,
    zip: r.zip,
    price: r.price,
    ...(r.property_type !== 'land' && { beds: r.beds, baths: r.baths, sqft: r.sqft }),
    ...(r.lot_sqft !== null && { lotSqft: r.lot_sqft }),
    yearBuilt: r.year_built,
    mlsId: r.id,
    status: r.status,
    propertyType: r.property_type,
    lat: r.lat,
    lng: r.lng,
    listingAgent: { name: r.agent_name, phone: r.agent_phone, office: r.office },
    listedAt: r.listed_at,
    ...(r.close_price !== null && { closePrice: r.close_price }),
    ...(r.closed_at !== null && { closedAt: r.closed_at }),
  };
}

const COLUMNS = Object.keys(sampleListings()[0] ?? {});

/** Fills the sample table the first time it is used (idempotent: fixed ids, INSERT OR IGNORE). */
async function ensureSeeded(db: D1Database): Promise<void> {
  // The last row is written last: finding it by its key is one index probe, not a count of the table.
  if (await db.prepare('SELECT 1 AS found FROM sample_listings WHERE id = ?').bind(LAST_SAMPLE_ID).first()) return;
  const insert = db.prepare(
    `INSERT OR IGNORE INTO sample_listings (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`,
  );
  const rows = sampleListings();
  for (let i = 0; i < rows.length; i += 90) {
    await db.batch(rows.slice(i, i + 90).map((r) => insert.bind(...COLUMNS.map((c) => r[c as keyof SampleRow]))));
  }
}

/** The street of an address, lower-cased with its spaces collapsed, for lookups. */
const streetKey = (address: string) => (splitAddress(address).street ?? address).toLowerCase().replace(/\s+/g, ' ').trim();

export function sampleMls(db: D1Database): MlsProvider {
  const find = async (address: string) => {
    await ensureSeeded(db);
    return db.prepare('SELECT * FROM sample_listings WHERE lower(street) = ?').bind(streetKey(address)).first<SampleRow>();
  };
  return {
    source: SOURCE,
    async search(criteria: SearchCriteria, page: number) {
      await ensureSeeded(db);
      const where = ["status IN ('Active', 'Pending')"];
      const values: unknown[] = [];
      const place = parsePlace(criteria.location);
      const add = (clause: string, value: unknown) => {
        where.push(clause);
        values.push(value);
      };
      if (place.zip) add('zip = ?', place.zip);
      // lower(column) as indexed (migration 0006), so a place is an index lookup, not a scan.
      if (place.county) add('lower(county) = ?', place.county.toLowerCase());
      if (place.city) add('lower(city) = ?', place.city.toLowerCase());
      if (place.state) add('state = ?', place.state);
      if (criteria.priceMin !== undefined) add('price >= ?', criteria.priceMin);
      if (criteria.priceMax !== undefined) add('price <= ?', criteria.priceMax);
      if (criteria.bedsMin !== undefined) add('beds >= ?', criteria.bedsMin);
      if (criteria.bathsMin !== undefined) add('baths >= ?', criteria.bathsMin);
      if (criteria.propertyType) add('property_type = ?', criteria.propertyType);
      for (const feature of criteria.features ?? []) add('features LIKE ?', `%${feature.replace(/[%_]/g, '')}%`);
      const filter = where.join(' AND ');
      // The page and the count in one pass over the matches.
      const { results } = await db
        .prepare(
          `SELECT *, COUNT(*) OVER () AS total FROM sample_listings WHERE ${filter} ORDER BY listed_at DESC, id LIMIT ? OFFSET ?`,
        )
        .bind(...values, PAGE_SIZE, page * PAGE_SIZE)
        .all<SampleRow & { total: number }>();
      const total =
        results[0]?.total ??
        (page > 0
          ? ((
              await db
                .prepare(`SELECT COUNT(*) AS n FROM sample_listings WHERE ${filter}`)
                .bind(...values)
                .first<{ n: number }>()
            )?.n ?? 0)
          : 0);
      return { listings: results.map(toListing), total };
    },
    async details(address) {
      const row = await find(address);
      if (!row) return undefined;
      const history: HistoryEvent[] = [{ date: row.listed_at, event: 'Listed', price: row.price }];
      if (row.status === 'Pending') history.push({ date: row.listed_at, event: 'Pending' });
      if (row.closed_at && row.close_price !== null) history.push({ date: row.closed_at, event: 'Sold', price: row.close_price });
      return { listing: toListing(row), history };
    },
    async autocomplete(text) {
      await ensureSeeded(db);
      const prefix = `${text.toLowerCase().replace(/[%_]/g, '')}%`;
      const { results } = await db
        .prepare(
          "SELECT street, city, state, zip FROM sample_listings WHERE lower(street || ', ' || city || ', ' || state || ' ' || zip) LIKE ? ORDER BY street LIMIT 8",
        )
        .bind(prefix)
        .all<Pick<SampleRow, 'street' | 'city' | 'state' | 'zip'>>();
      return results.map((r) => `${r.street}, ${r.city}, ${r.state} ${r.zip}`);
    },
    async comps(address) {
      const subject = await find(address);
      const parts = splitAddress(address);
      const zip = subject?.zip ?? parts.zip;
      const city = subject?.city ?? parts.city;
      if (!zip && !city) return [];
      const where = ["status = 'Closed'", '(zip = ? OR lower(city) = ?)'];
      const values: unknown[] = [zip ?? '', city?.toLowerCase() ?? ''];
      if (subject) {
        where.push('property_type = ?', 'beds BETWEEN ? AND ?', 'id != ?');
        values.push(subject.property_type, subject.beds - 1, subject.beds + 1, subject.id);
      }
      const { results } = await db
        .prepare(`SELECT * FROM sample_listings WHERE ${where.join(' AND ')} ORDER BY (zip = ?) DESC, abs(sqft - ?) LIMIT 6`)
        .bind(...values, zip ?? '', subject?.sqft ?? 1800)
        .all<SampleRow>();
      return results.map(toListing);
    },
  };
}
