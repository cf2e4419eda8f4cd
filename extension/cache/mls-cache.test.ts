import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type MlsListing, SearchResponse } from '../../shared/contracts';
import { db } from './db';
import { LISTING_CAP, read, searchKey, swr, write } from './mls-cache';

const listing = (n: number): MlsListing => ({ id: `L${n}`, address: `${n} Oak St, Austin, TX 78701`, price: 1000 + n });
const answer = { listings: [listing(1)], total: 1, source: { provider: 'sample' as const, sample: true } };

beforeEach(async () => {
  await db.responses.clear();
  await db.listings.clear();
});

describe('the MLS cache', () => {
  it('keys a search by its criteria, not by the order they were listed in', () => {
    expect(searchKey({ priceMax: 500000, bedsMin: 3, location: 'Austin' })).toBe(
      searchKey({ location: 'Austin', priceMax: 500000, bedsMin: 3 }),
    );
    expect(searchKey({ location: 'Austin' })).not.toBe(searchKey({ location: 'Dallas' }));
  });

  it('shows the cached answer at once, marks it stale when old, and refreshes it', async () => {
    await write('search:a', answer, answer.listings, Date.now() - 10 * 60_000);
    const fresh = { ...answer, total: 2 };
    const seen: { total: number; stale: boolean }[] = [];
    await swr(
      'search:a',
      SearchResponse,
      5 * 60_000,
      async () => fresh,
      (v) => v.listings,
      (v) => seen.push({ total: v.value.total, stale: v.stale }),
    );
    expect(seen).toEqual([
      { total: 1, stale: true },
      { total: 2, stale: false },
    ]);
    expect((await read('search:a', SearchResponse, 5 * 60_000))?.value.total).toBe(2);
  });

  it('keeps showing the cached answer, marked stale, when the MLS cannot be reached', async () => {
    await write('search:b', answer, answer.listings, Date.now() - 10 * 60_000);
    const seen = vi.fn();
    await swr(
      'search:b',
      SearchResponse,
      5 * 60_000,
      () => Promise.reject(new Error('offline')),
      (v) => v.listings,
      seen,
    );
    expect(seen).toHaveBeenCalledTimes(1);
    expect(seen.mock.calls[0]?.[0]).toMatchObject({ stale: true });
    await expect(
      swr(
        'search:none',
        SearchResponse,
        1,
        () => Promise.reject(new Error('offline')),
        (v) => v.listings,
        seen,
      ),
    ).rejects.toThrow('offline');
  });

  it('does not ask again while the answer is fresh', async () => {
    const fetcher = vi.fn(async () => answer);
    const search = () =>
      swr(
        'search:c',
        SearchResponse,
        60_000,
        fetcher,
        (v) => v.listings,
        () => {},
      );
    await search();
    await search();
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  it(`evicts the oldest listings past ${LISTING_CAP}`, async () => {
    await db.listings.bulkPut(
      Array.from({ length: LISTING_CAP }, (_, i) => ({ id: `old${i}`, listing: listing(i), fetchedAt: i })),
    );
    await write('search:d', answer, [listing(1), listing(2)]);
    expect(await db.listings.count()).toBe(LISTING_CAP);
    expect(await db.listings.get('old0')).toBeUndefined();
    expect(await db.listings.get('L2')).toBeDefined();
  }, 30_000);
});
