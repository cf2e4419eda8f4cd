import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Listing, PageContext } from '../../shared/contracts';
import { db } from './db';
import { pageListingId, rememberPageListings } from './page-listings';

const home = (street: string, over: Partial<Listing> = {}): Listing => ({
  address: `${street}, Austin, TX 78704`,
  street,
  price: 500000,
  ...over,
});
const search = (listings: Listing[]): PageContext => ({
  kind: 'search',
  url: 'https://www.zillow.com/austin-tx/',
  site: 'zillow',
  listings,
});

describe('homes read from pages, in the listings cache', () => {
  it('are keyed by MLS number when the page shows one, else by site and folded address', () => {
    expect(pageListingId(home('1 Oak St', { mlsId: 'abc123' }), 'zillow')).toBe('mls:ABC123');
    expect(pageListingId(home('1 Oak St', { mlsId: 'abc123' }), 'redfin')).toBe('mls:ABC123');
    expect(pageListingId(home('12 Peña St.  # 4'), 'zillow')).toBe('zillow:12 pena st #4 austin tx 78704');
    expect(pageListingId({ address: '12 PEÑA ST #4, AUSTIN, TX 78704' }, 'zillow')).toBe('zillow:12 pena st #4 austin tx 78704');
  });

  it('are written in one go, as MLS listings with their id, and not again when unchanged', async () => {
    const homes = Array.from({ length: 42 }, (_, i) => home(`${i + 100} Elm St`));
    expect(await rememberPageListings(search(homes))).toBe(42);
    const row = await db.listings.get('zillow:100 elm st austin tx 78704');
    expect(row?.listing).toMatchObject({
      id: 'zillow:100 elm st austin tx 78704',
      address: '100 Elm St, Austin, TX 78704',
      price: 500000,
    });

    expect(await rememberPageListings(search(homes))).toBe(0);
    const cheaper = homes.map((h, i) => (i === 3 ? { ...h, price: 450000 } : h));
    expect(await rememberPageListings(search(cheaper))).toBe(1);
    expect((await db.listings.get('zillow:103 elm st austin tx 78704'))?.listing.price).toBe(450000);
  });

  it('a listing page gives its one home; other pages none', async () => {
    const listing = home('9 Lake Dr', { mlsId: 'A9' });
    expect(await rememberPageListings({ kind: 'listing', url: 'https://www.redfin.com/x', site: 'redfin', listing })).toBe(1);
    expect(await db.listings.get('mls:A9')).toBeDefined();
    expect(await rememberPageListings({ kind: 'none', url: 'https://news.example/', site: 'generic' })).toBe(0);
  });
});
