import type { z } from 'zod';
import type { MlsListing, SearchCriteria } from '../../shared/contracts';
import { db } from './db';
import { cacheElsewhere, localCacheUsable } from './keeper';

export const LISTING_CAP = 50_000;
const RESPONSE_CAP = 2_000;

/**
 * A search's cache key, one per page of results: the same criteria, whichever order their fields
 * came in (the worker's plan and the panel's own reading list them differently), are the same search.
 */
export const searchKey = (criteria: SearchCriteria, page = 0) =>
  `search:${JSON.stringify(Object.fromEntries(Object.entries(criteria).sort(([a], [b]) => a.localeCompare(b))))}${page > 0 ? `#${page}` : ''}`;

export type Cached<T> = { value: T; fetchedAt: number; stale: boolean };

/** The cached answer for `key` if its shape is still right (the same schema the worker's answer passed). */
export async function read<T extends z.ZodType>(
  key: string,
  schema: T,
  maxAge: number,
  now = Date.now(),
): Promise<Cached<z.infer<T>> | undefined> {
  if (!localCacheUsable()) return undefined;
  const row = await db.responses.get(key);
  const parsed = row && schema.safeParse(row.value);
  return parsed?.success && row
    ? { value: parsed.data, fetchedAt: row.fetchedAt, stale: now - row.fetchedAt > maxAge }
    : undefined;
}

/** Keeps an answer and the listings in it; the oldest are evicted past the caps. */
export async function write(key: string, value: unknown, listings: MlsListing[], now = Date.now()): Promise<void> {
  const elsewhere = cacheElsewhere();
  if (elsewhere) return elsewhere.answer(key, value, listings);
  await db.transaction('rw', db.responses, db.listings, async () => {
    await db.responses.put({ key, value, fetchedAt: now });
    if (listings.length) await db.listings.bulkPut(listings.map((listing) => ({ id: listing.id, listing, fetchedAt: now })));
  });
  await evictListings();
  await evict(db.responses, RESPONSE_CAP);
}

/** Past the cap, the listings seen longest ago go first. */
export const evictListings = () => evict(db.listings, LISTING_CAP);

async function evict(table: typeof db.listings | typeof db.responses, cap: number): Promise<void> {
  const count = await table.count();
  if (count > cap)
    await table
      .orderBy('fetchedAt')
      .limit(count - cap)
      .delete();
}

/**
 * Stale-while-revalidate: `onValue` gets the cached answer at once (marked stale when old), then
 * the fresh one. When the MLS cannot be reached, the cached answer stays, marked stale.
 */
export async function swr<T extends z.ZodType>(
  key: string,
  schema: T,
  maxAge: number,
  fetcher: () => Promise<z.infer<T>>,
  listingsOf: (value: z.infer<T>) => MlsListing[],
  onValue: (value: Cached<z.infer<T>>) => void,
): Promise<void> {
  const cached = await read(key, schema, maxAge);
  if (cached) onValue(cached);
  if (cached && !cached.stale) return;
  try {
    const value = await fetcher();
    const now = Date.now();
    await write(key, value, listingsOf(value), now);
    onValue({ value, fetchedAt: now, stale: false });
  } catch (err) {
    if (!cached) throw err;
  }
}
