import { env } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Recorded } from '../../e2e/fakes/http';
import { REALESTATE_KEY } from '../../e2e/fakes/realestateapi';
import { RESO_CLIENT, RESO_TOKEN } from '../../e2e/fakes/reso';
import { AutocompleteResponse, CompsResponse, DetailsResponse, SearchResponse } from '../../shared/contracts';
import { startSession } from '../auth/session';
import type { Env } from '../env';
import app from '../index';
import { client } from './helpers';

const control = (base: string) => ({
  requests: async () => (await (await fetch(`${base}/__fake/requests`)).json()) as Recorded[],
  reset: () => fetch(`${base}/__fake/reset`, { method: 'POST' }),
  fail: (status: number, retryAfter?: number) =>
    fetch(`${base}/__fake/fail`, { method: 'POST', body: JSON.stringify({ status, retryAfter }) }),
});
const reapi = control(env.TEST_REAPI_URL);
const resoFake = control(env.TEST_RESO_URL);

async function api(bindings: Env) {
  const { accessToken } = await startSession(bindings, 'local');
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` };
  return {
    search: async (criteria: unknown, page?: number) => {
      const res = await app.request(
        '/v1/properties/search',
        { method: 'POST', headers, body: JSON.stringify({ criteria, page }) },
        bindings,
      );
      return { status: res.status, body: await res.json() };
    },
    properties: client(bindings, accessToken).v1.properties,
  };
}

const withReapi: Env = { ...env, REALESTATE_API_KEY: REALESTATE_KEY, REALESTATE_API_URL: env.TEST_REAPI_URL };
const withReso: Env = { ...env, RESO_BASE_URL: `${env.TEST_RESO_URL}/odata`, RESO_TOKEN };

// The worker's upstream cache lives for the whole file, so each test asks for something different.
beforeEach(async () => {
  await Promise.all([reapi.reset(), resoFake.reset()]);
});

describe('RealEstateAPI', () => {
  it('maps a search to PropertySearch and the rows to listings', async () => {
    const { search } = await api(withReapi);
    const res = SearchResponse.parse(
      (await search({ location: 'Austin TX', bedsMin: 3, priceMax: 500000, propertyType: 'single_family' })).body,
    );
    const [sent] = await reapi.requests();
    expect(sent).toMatchObject({ method: 'POST', path: '/v2/PropertySearch', headers: { 'x-api-key': REALESTATE_KEY } });
    expect(sent?.body).toEqual({
      size: 25,
      resultIndex: 0,
      mls_active: true,
      city: 'Austin',
      state: 'TX',
      beds_min: 3,
      property_type: 'SFR',
      mls_listing_price_max: 500000,
    });
    expect(res.source).toMatchObject({ provider: 'realestateapi', sample: false, cached: false });
    expect(res.listings.length).toBeGreaterThan(0);
    for (const l of res.listings) expect(l).toMatchObject({ city: 'Austin', state: 'TX', propertyType: 'single_family' });
    expect(res.listings.every((l) => (l.beds ?? 0) >= 3 && (l.price ?? 0) <= 500000)).toBe(true);
  });

  it('asks for a later page with size and resultIndex', async () => {
    const { search } = await api(withReapi);
    const page1 = SearchResponse.parse((await search({ location: 'Phoenix AZ' })).body);
    const page2 = SearchResponse.parse((await search({ location: 'Phoenix AZ' }, 1)).body);
    const sent = await reapi.requests();
    expect(sent.map((r) => r.body)).toMatchObject([
      { size: 25, resultIndex: 0 },
      { size: 25, resultIndex: 25 },
    ]);
    expect(page1.listings).toHaveLength(25);
    expect(page2.total).toBe(page1.total);
    expect(page2.listings).toHaveLength(Math.min(25, page1.total - 25));
    const ids = new Set(page1.listings.map((l) => l.id));
    expect(page2.listings.some((l) => ids.has(l.id))).toBe(false);
  });

  it('serves the second identical search from the cache', async () => {
    const { search } = await api(withReapi);
    await search({ location: 'Denver', bedsMin: 2 });
    const second = SearchResponse.parse((await search({ location: 'Denver', bedsMin: 2 })).body);
    expect(second.source.cached).toBe(true);
    expect(await reapi.requests()).toHaveLength(1);
  });

  it('backs off on 429 with Retry-After and then answers', async () => {
    await reapi.fail(429, 0);
    const { search } = await api(withReapi);
    const res = await search({ location: 'Miami' });
    expect(res.status).toBe(200);
    expect(await reapi.requests()).toHaveLength(2);
  });

  it('answers details with history and comps, and says clearly when the key is refused', async () => {
    const { search, properties } = await api(withReapi);
    const [home] = SearchResponse.parse((await search({ location: 'Phoenix' })).body).listings;
    const details = DetailsResponse.parse(
      await (await properties.details.$get({ query: { address: home?.address ?? '' } })).json(),
    );
    expect(details.listing.street).toBe(home?.street);
    expect(details.history?.[0]).toMatchObject({ event: 'Active' });
    const comps = CompsResponse.parse(await (await properties.comps.$get({ query: { address: home?.address ?? '' } })).json());
    expect(comps.comps.every((c) => c.zip === home?.zip && (c.closePrice ?? 0) > 0)).toBe(true);
    const refused = await (await api({ ...withReapi, REALESTATE_API_KEY: 'wrong' })).search({ location: 'Seattle' });
    expect(refused).toMatchObject({ status: 502, body: { error: { code: 'upstream_auth' } } });
  });
});

describe('address autocomplete', () => {
  it('asks RealEstateAPI AutoComplete and a RESO server for addresses starting like the text', async () => {
    for (const [bindings, fake] of [
      [withReapi, reapi],
      [withReso, resoFake],
    ] as const) {
      const { search, properties } = await api(bindings);
      const [home] = SearchResponse.parse((await search({ location: 'Seattle', bedsMin: 1 })).body).listings;
      const typed = (home?.street ?? '').slice(0, 7);
      await fake.reset();
      const res = AutocompleteResponse.parse(await (await properties.autocomplete.$get({ query: { q: typed } })).json());
      expect(res.addresses.length).toBeGreaterThan(0);
      expect(res.addresses.every((a) => a.startsWith(typed))).toBe(true);
      const [sent] = await fake.requests();
      if (bindings === withReapi)
        expect(sent).toMatchObject({ method: 'POST', path: '/v2/AutoComplete', body: { search: typed } });
      else expect(sent?.query.$filter).toBe(`startswith(UnparsedAddress, '${typed}')`);
    }
  });
});

describe('RESO Web API', () => {
  it('maps a search to an OData $filter on the Property resource, with Media expanded', async () => {
    const { search } = await api(withReso);
    const res = SearchResponse.parse((await search({ location: 'Austin', bedsMin: 3, priceMax: 500000 })).body);
    const [sent] = await resoFake.requests();
    expect(sent).toMatchObject({ method: 'GET', path: '/odata/Property', headers: { authorization: `Bearer ${RESO_TOKEN}` } });
    expect(sent?.query.$filter).toBe(
      "(StandardStatus eq 'Active' or StandardStatus eq 'ActiveUnderContract' or StandardStatus eq 'ComingSoon') and City eq 'Austin' and ListPrice le 500000 and BedroomsTotal ge 3",
    );
    expect(sent?.query).toMatchObject({ $top: '25', $orderby: 'ModificationTimestamp desc', $count: 'true' });
    expect(sent?.query.$expand).toMatch(/^Media/);
    expect(res.source.provider).toBe('reso');
    expect(res.listings.length).toBeGreaterThan(0);
    for (const l of res.listings) expect(l.city === 'Austin' && (l.beds ?? 0) >= 3 && (l.price ?? 0) <= 500000).toBe(true);
    expect(res.listings[0]?.photos?.[0]).toMatch(/^https:\/\/media\.example-mls\.com\//);
  });

  it('asks for a later page with $top and $skip, in one request', async () => {
    const { search } = await api(withReso);
    const page1 = SearchResponse.parse((await search({ location: 'Seattle' })).body);
    const page2 = SearchResponse.parse((await search({ location: 'Seattle' }, 1)).body);
    const requests = await resoFake.requests();
    expect(requests).toHaveLength(2);
    expect(requests[0]?.query.$skip).toBeUndefined();
    expect(requests[1]?.query).toMatchObject({ $top: '25', $skip: '25' });
    expect(page1.listings).toHaveLength(25);
    expect(page2.total).toBe(page1.total);
    expect(page2.listings).toHaveLength(Math.min(25, page1.total - 25));
    const ids = new Set(page1.listings.map((l) => l.id));
    expect(page2.listings.some((l) => ids.has(l.id))).toBe(false);
  });

  it('gets a token by client credentials, backs off on 429, and caches the second search', async () => {
    const creds: Env = {
      ...env,
      RESO_BASE_URL: `${env.TEST_RESO_URL}/odata`,
      RESO_CLIENT_ID: RESO_CLIENT.id,
      RESO_CLIENT_SECRET: RESO_CLIENT.secret,
      RESO_TOKEN_URL: `${env.TEST_RESO_URL}/token`,
    };
    const { search } = await api(creds);
    expect((await search({ location: '78704' })).status).toBe(200);
    const [token, property] = await resoFake.requests();
    expect(token).toMatchObject({ method: 'POST', path: '/token' });
    expect(property?.query.$filter).toContain("PostalCode eq '78704'");
    await resoFake.reset();
    await resoFake.fail(429, 0);
    expect((await search({ location: 'Phoenix' })).status).toBe(200);
    const again = SearchResponse.parse((await search({ location: 'Phoenix' })).body);
    expect(again.source.cached).toBe(true);
    expect((await resoFake.requests()).filter((r) => r.path === '/odata/Property')).toHaveLength(2);
  });

  it('answers comps from closed sales in the same zip', async () => {
    const { search, properties } = await api(withReso);
    const [home] = SearchResponse.parse((await search({ location: 'Denver' })).body).listings;
    const comps = CompsResponse.parse(await (await properties.comps.$get({ query: { address: home?.address ?? '' } })).json());
    expect(comps.comps.every((c) => c.status === 'Closed' && c.zip === home?.zip)).toBe(true);
  });
});
