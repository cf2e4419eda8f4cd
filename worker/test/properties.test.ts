import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { ApiErrorBody, AutocompleteResponse, CompsResponse, DetailsResponse, SearchResponse } from '../../shared/contracts';
import { startSession } from '../auth/session';
import app from '../index';
import { client } from './helpers';

async function api() {
  const { accessToken } = await startSession(env, 'local');
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` };
  return {
    properties: client(env, accessToken).v1.properties,
    /** Raw requests, for what the typed client would not send: bodies and queries the worker must refuse. */
    search: (body: unknown) => app.request('/v1/properties/search', { method: 'POST', headers, body: JSON.stringify(body) }, env),
    get: (path: string) => app.request(path, { headers }, env),
  };
}

describe('the sample MLS (local default)', () => {
  it('finds Austin homes with 3+ beds under 500k that all meet the criteria, marked as sample data', async () => {
    const { properties } = await api();
    const res = SearchResponse.parse(
      await (await properties.search.$post({ json: { criteria: { location: 'Austin', bedsMin: 3, priceMax: 500000 } } })).json(),
    );
    expect(res.source).toMatchObject({ provider: 'sample', sample: true });
    expect(res.listings.length).toBeGreaterThan(0);
    expect(res.total).toBeGreaterThanOrEqual(res.listings.length);
    for (const l of res.listings) {
      expect(l.city).toBe('Austin');
      expect(l.beds).toBeGreaterThanOrEqual(3);
      expect(l.price).toBeLessThanOrEqual(500000);
      expect(l.status).not.toBe('Closed');
    }
  });

  it.each([
    [
      { location: 'Denver, CO', propertyType: 'condo' },
      (l: { city?: string; propertyType?: string }) => l.city === 'Denver' && l.propertyType === 'condo',
    ],
    [{ location: 'Round Rock TX' }, (l: { city?: string }) => l.city === 'Round Rock'],
    [{ location: '78704' }, (l: { zip?: string }) => l.zip === '78704'],
    [
      { location: 'Maricopa county', priceMin: 400000 },
      (l: { state?: string; price?: number }) => l.state === 'AZ' && (l.price ?? 0) >= 400000,
    ],
    [{ location: 'Seattle', features: ['garage'] }, (l: { city?: string }) => l.city === 'Seattle'],
  ])('matches %j', async (criteria, check) => {
    const { search } = await api();
    const res = SearchResponse.parse(await (await search({ criteria })).json());
    expect(res.listings.length).toBeGreaterThan(0);
    expect(res.listings.every(check)).toBe(true);
  });

  it('pages past the first 25: the next page holds the rest, none twice, with the same total', async () => {
    const { properties } = await api();
    const criteria = { location: 'Austin', bedsMin: 3 };
    const page1 = SearchResponse.parse(await (await properties.search.$post({ json: { criteria } })).json());
    const page2 = SearchResponse.parse(await (await properties.search.$post({ json: { criteria, page: 1 } })).json());
    expect(page1.total).toBeGreaterThan(25);
    expect(page1.listings).toHaveLength(25);
    expect(page2.total).toBe(page1.total);
    expect(page2.listings).toHaveLength(Math.min(25, page1.total - 25));
    const ids = new Set(page1.listings.map((l) => l.id));
    expect(page2.listings.some((l) => ids.has(l.id))).toBe(false);
    const past = SearchResponse.parse(await (await properties.search.$post({ json: { criteria, page: 40 } })).json());
    expect(past).toMatchObject({ listings: [], total: page1.total });
    expect((await properties.search.$post({ json: { criteria, page: 41 } })).status).toBe(400);
  });

  it('answers details with price history, and comps of recent sales nearby', async () => {
    const { properties } = await api();
    const [home] = SearchResponse.parse(
      await (await properties.search.$post({ json: { criteria: { location: 'Austin', bedsMin: 3 } } })).json(),
    ).listings;
    expect(home).toBeDefined();
    const details = DetailsResponse.parse(
      await (await properties.details.$get({ query: { address: home?.address ?? '' } })).json(),
    );
    expect(details.listing.id).toBe(home?.id);
    expect(details.history?.[0]).toMatchObject({ event: 'Listed', price: home?.price });
    const comps = CompsResponse.parse(await (await properties.comps.$get({ query: { address: home?.address ?? '' } })).json());
    expect(comps.comps.length).toBeGreaterThan(0);
    for (const c of comps.comps) {
      expect(c).toMatchObject({ status: 'Closed', city: 'Austin', propertyType: home?.propertyType });
      expect(c.closePrice).toBeGreaterThan(0);
    }
  });

  it('completes addresses from what the agent typed', async () => {
    const { properties } = await api();
    const [home] = SearchResponse.parse(
      await (await properties.search.$post({ json: { criteria: { location: 'Miami' } } })).json(),
    ).listings;
    const typed = (home?.street ?? '').slice(0, 6);
    const res = AutocompleteResponse.parse(await (await properties.autocomplete.$get({ query: { q: typed } })).json());
    expect(res.addresses).toContain(home?.address);
    expect(res.addresses.every((a) => a.toLowerCase().startsWith(typed.toLowerCase()))).toBe(true);
    expect((await properties.autocomplete.$get({ query: { q: 'ab' } })).status).toBe(400);
  });

  it('finds comps for a home that is not in the MLS by its zip', async () => {
    const { properties } = await api();
    const comps = CompsResponse.parse(
      await (await properties.comps.$get({ query: { address: '1200 Barton Hills Dr, Austin, TX 78704' } })).json(),
    );
    expect(comps.comps.length).toBeGreaterThan(0);
    expect(comps.comps[0]?.zip).toBe('78704');
  });

  it('answers an unknown address with 404 JSON and bad input with 400 JSON', async () => {
    const { properties, search, get } = await api();
    const missing = await properties.details.$get({ query: { address: '1 Nowhere Ln, Austin, TX' } });
    expect(missing.status).toBe(404);
    expect(ApiErrorBody.parse(await missing.json()).error.code).toBe('property_not_found');
    for (const res of [
      await search({ criteria: { bedsMin: -1 } }),
      await search({ criteria: { propertyType: 'castle' } }),
      await search({}),
      await get('/v1/properties/comps'),
    ]) {
      expect(res.status).toBe(400);
    }
  });
});

describe('the sample MLS queries', () => {
  it.each([
    ['a city', "SELECT * FROM sample_listings WHERE status IN ('Active', 'Pending') AND lower(city) = 'austin'"],
    ['a county', "SELECT * FROM sample_listings WHERE status IN ('Active', 'Pending') AND lower(county) = 'travis'"],
    ['a street', "SELECT * FROM sample_listings WHERE lower(street) = '100 main st'"],
    ['comps', "SELECT * FROM sample_listings WHERE status = 'Closed' AND (zip = '78704' OR lower(city) = 'austin')"],
  ])('look %s up by an index, not a scan of the table', async (_label, sql) => {
    const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).all<{ detail: string }>();
    const plan = results.map((r) => r.detail).join(' | ');
    expect(plan).toMatch(/USING (COVERING )?INDEX/);
    expect(plan).not.toMatch(/^SCAN sample_listings$|\| SCAN sample_listings$/);
  });
});
