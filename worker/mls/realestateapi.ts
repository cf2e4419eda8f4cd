import { MLS_FRESH_MS } from '../../shared/cache-policy';
import type { HistoryEvent, MlsListing, MlsSource, SearchCriteria } from '../../shared/contracts';
import { clean, joinAddress, toStateCode } from '../../shared/normalize';
import { cached, upstream } from '../upstream';
import { parsePlace } from './location';
import { type MlsProvider, PAGE_SIZE } from './provider';

/**
 * RealEstateAPI (RealEstateApi/docs): JSON POST endpoints with an `x-api-key` header, answers in the
 * {statusCode, statusMessage, resultCount, resultIndex, data} envelope.
 */
const TYPES: Partial<Record<NonNullable<SearchCriteria['propertyType']>, string>> = {
  single_family: 'SFR',
  condo: 'CONDO',
  townhouse: 'CONDO',
  multi_family: 'MFR',
  land: 'LAND',
  manufactured: 'MOBILE',
};
const BACK: Record<string, string> = {
  SFR: 'single_family',
  CONDO: 'condo',
  MFR: 'multi_family',
  LAND: 'land',
  MOBILE: 'manufactured',
};

type Row = Record<string, unknown> & { address?: Record<string, unknown> };

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function toListing(r: Row): MlsListing | undefined {
  const a = r.address ?? {};
  const street = clean(a.street ?? a.address);
  const city = clean(a.city);
  const state = toStateCode(a.state);
  const zip = clean(a.zip);
  const address = joinAddress({ street, city, state, zip });
  if (!address || r.id === undefined) return undefined;
  const listing: MlsListing = { id: String(r.id), address };
  Object.assign(listing, {
    ...(street && { street }),
    ...(city && { city }),
    ...(state && { state }),
    ...(zip && { zip }),
  });
  const price = num(r.mlsListingPrice) ?? num(r.mlsListingAmount);
  if (price !== undefined) listing.price = price;
  for (const [key, value] of [
    ['beds', num(r.bedrooms)],
    ['baths', num(r.bathrooms)],
    ['sqft', num(r.squareFeet) ?? num(r.livingSquareFeet)],
    ['lotSqft', num(r.lotSquareFeet)],
    ['yearBuilt', num(r.yearBuilt)],
    ['lat', num(r.latitude)],
    ['lng', num(r.longitude)],
    ['closePrice', num(r.lastSaleAmount)],
  ] as const) {
    if (value !== undefined) (listing as Record<string, unknown>)[key] = value;
  }
  const status = clean(r.mlsStatus) ?? (r.mlsActive === true ? 'Active' : undefined);
  if (status) listing.status = status;
  const type = typeof r.propertyType === 'string' ? BACK[r.propertyType] : undefined;
  if (type) listing.propertyType = type;
  const closedAt = clean(r.lastSaleDate);
  if (closedAt) listing.closedAt = closedAt.slice(0, 10);
  return listing;
}

export function realEstateApi(apiKey: string, base = 'https://api.realestateapi.com'): MlsProvider {
  const source: MlsSource = { provider: 'realestateapi', sample: false };
  const post = async (path: string, body: Record<string, unknown>) => {
    const res = await upstream('RealEstateAPI', `${base}${path}`, {
      method: 'POST',
      headers: { 'x-api-key': apiKey, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
    return res.status === 404 ? undefined : ((await res.json()) as { resultCount?: number; data?: unknown });
  };
  return {
    source,
    async search(criteria, page) {
      const place = parsePlace(criteria.location);
      const body = {
        size: PAGE_SIZE,
        resultIndex: page * PAGE_SIZE,
        mls_active: true,
        ...(place.city && { city: place.city }),
        ...(place.state && { state: place.state }),
        ...(place.zip && { zip: place.zip }),
        ...(place.county && { county: place.county }),
        ...(criteria.bedsMin !== undefined && { beds_min: criteria.bedsMin }),
        ...(criteria.bathsMin !== undefined && { baths_min: criteria.bathsMin }),
        ...(criteria.propertyType && TYPES[criteria.propertyType] && { property_type: TYPES[criteria.propertyType] }),
        ...(criteria.priceMin !== undefined && { mls_listing_price_min: criteria.priceMin }),
        ...(criteria.priceMax !== undefined && { mls_listing_price_max: criteria.priceMax }),
      };
      const { value, cached: hit } = await cached('realestateapi:search', JSON.stringify(body), MLS_FRESH_MS.search, async () => {
        const res = await post('/v2/PropertySearch', body);
        const rows = Array.isArray(res?.data) ? (res.data as Row[]) : [];
        return { listings: rows.map(toListing).filter((l): l is MlsListing => !!l), total: res?.resultCount ?? rows.length };
      });
      return { ...value, cached: hit };
    },
    async details(address) {
      const { value } = await cached('realestateapi:details', address.toLowerCase(), MLS_FRESH_MS.details, async () => {
        const res = await post('/v2/PropertyDetail', { address });
        const d = (res?.data ?? {}) as Record<string, unknown>;
        const info = (d.propertyInfo ?? {}) as Row;
        if (!res || d.error || !info.address) return null;
        const listing = toListing({ ...d, ...info, id: d.id });
        if (!listing) return null;
        const sales = Array.isArray(d.saleHistory) ? (d.saleHistory as Row[]) : [];
        const mls = Array.isArray(d.mlsHistory) ? (d.mlsHistory as Row[]) : [];
        const history: HistoryEvent[] = [
          ...mls.map((m) => ({
            date: String(m.statusDate ?? '').slice(0, 10),
            event: String(m.status ?? 'MLS'),
            ...(num(m.price) !== undefined && { price: num(m.price) }),
          })),
          ...sales.map((s) => ({
            date: String(s.saleDate ?? '').slice(0, 10),
            event: 'Sold',
            ...(num(s.saleAmount) !== undefined && { price: num(s.saleAmount) }),
          })),
        ]
          .filter((h) => h.date)
          .sort((x, y) => x.date.localeCompare(y.date));
        return { listing, history };
      });
      return value ?? undefined;
    },
    async autocomplete(text) {
      const { value } = await cached('realestateapi:autocomplete', text.toLowerCase(), MLS_FRESH_MS.search, async () => {
        const res = await post('/v2/AutoComplete', { search: text });
        const rows = Array.isArray(res?.data) ? (res.data as Row[]) : [];
        return rows
          .map((r) => clean(r.title) ?? clean(r.address))
          .filter((a): a is string => !!a)
          .slice(0, 8);
      });
      return value;
    },
    async comps(address) {
      const { value } = await cached('realestateapi:comps', address.toLowerCase(), MLS_FRESH_MS.comps, async () => {
        const res = await post('/v3/PropertyComps', { address, max_results: 6 });
        const data = (res?.data ?? {}) as { comps?: Row[] };
        return (data.comps ?? []).map(toListing).filter((l): l is MlsListing => !!l);
      });
      return value;
    },
  };
}
