import { z } from 'zod';
import { MLS_FRESH_MS } from '../../shared/cache-policy';
import type { HistoryEvent, MlsListing, MlsSource, SearchCriteria } from '../../shared/contracts';
import { clean, joinAddress, toStateCode } from '../../shared/normalize';
import { ApiError } from '../errors';
import { cached, upstream } from '../upstream';
import { parsePlace } from './location';
import { Addresses, FoundListings, ListingDetails, Listings, type MlsProvider, PAGE_SIZE } from './provider';

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

/** A field the API may leave out, send as null or in another type: read when it is the expected one. */
const num = z.number().optional().catch(undefined);
const text = z.union([z.string(), z.number()]).optional().catch(undefined);

/** A property as PropertySearch, PropertyDetail's propertyInfo and PropertyComps answer it. */
const Row = z.object({
  id: text,
  address: z.object({ address: text, street: text, city: text, state: text, zip: text }).optional().catch(undefined),
  mlsListingPrice: num,
  mlsListingAmount: num,
  bedrooms: num,
  bathrooms: num,
  squareFeet: num,
  livingSquareFeet: num,
  lotSquareFeet: num,
  yearBuilt: num,
  latitude: num,
  longitude: num,
  lastSaleAmount: num,
  mlsStatus: text,
  mlsActive: z.boolean().optional().catch(undefined),
  propertyType: z.string().optional().catch(undefined),
  lastSaleDate: text,
});
type Row = z.infer<typeof Row>;
/** Rows of a list, each read on its own: one Estait cannot read is left out. */
const Rows = z
  .array(z.unknown())
  .catch([])
  .transform((rows) =>
    rows.flatMap((r) => {
      const row = Row.safeParse(r);
      return row.success ? [row.data] : [];
    }),
  );

const History = z
  .array(z.object({ statusDate: text, status: text, saleDate: text, saleAmount: num, price: num }).catch({}))
  .optional()
  .catch(undefined);
/** PropertyDetail's data: the property's own fields, its propertyInfo, and its sale and MLS history. */
const Detail = Row.extend({
  propertyInfo: Row.optional().catch(undefined),
  saleHistory: History,
  mlsHistory: History,
  error: z.unknown().optional(),
});
/** AutoComplete's data: addresses as a title, or as an address line. */
const Suggestions = z.array(z.object({ title: text, address: text }).catch({})).catch([]);
/** PropertyComps' data. */
const Comps = z.object({ comps: Rows }).catch({ comps: [] });
/** The envelope every endpoint answers in; `data` is read by the endpoint that knows its shape. */
const Envelope = z.object({ resultCount: num, data: z.unknown().optional() });

function toListing(r: Row): MlsListing | undefined {
  const a = r.address ?? {};
  const street = clean(a.street ?? a.address);
  const city = clean(a.city);
  const state = toStateCode(a.state);
  const zip = clean(a.zip);
  const address = joinAddress({ street, city, state, zip });
  if (!address || r.id === undefined) return undefined;
  const price = r.mlsListingPrice ?? r.mlsListingAmount;
  const sqft = r.squareFeet ?? r.livingSquareFeet;
  const status = clean(r.mlsStatus) ?? (r.mlsActive === true ? 'Active' : undefined);
  const propertyType = r.propertyType === undefined ? undefined : BACK[r.propertyType];
  const closedAt = clean(r.lastSaleDate)?.slice(0, 10);
  return {
    id: String(r.id),
    address,
    ...(street && { street }),
    ...(city && { city }),
    ...(state && { state }),
    ...(zip && { zip }),
    ...(price !== undefined && { price }),
    ...(r.bedrooms !== undefined && { beds: r.bedrooms }),
    ...(r.bathrooms !== undefined && { baths: r.bathrooms }),
    ...(sqft !== undefined && { sqft }),
    ...(r.lotSquareFeet !== undefined && { lotSqft: r.lotSquareFeet }),
    ...(r.yearBuilt !== undefined && { yearBuilt: r.yearBuilt }),
    ...(r.latitude !== undefined && { lat: r.latitude }),
    ...(r.longitude !== undefined && { lng: r.longitude }),
    ...(r.lastSaleAmount !== undefined && { closePrice: r.lastSaleAmount }),
    ...(status && { status }),
    ...(propertyType && { propertyType }),
    ...(closedAt && { closedAt }),
  };
}

export function realEstateApi(apiKey: string, base = 'https://api.realestateapi.com'): MlsProvider {
  const source: MlsSource = { provider: 'realestateapi', sample: false };
  const post = async (path: string, body: Record<string, unknown>) => {
    const res = await upstream('RealEstateAPI', `${base}${path}`, {
      method: 'POST',
      headers: { 'x-api-key': apiKey, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status === 404) return undefined;
    const answer = Envelope.safeParse(await res.json().catch(() => undefined));
    if (!answer.success) throw new ApiError(502, 'upstream_error', 'RealEstateAPI answered in a form Estait cannot read.');
    return answer.data;
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
      const { value, cached: hit } = await cached(
        FoundListings,
        'realestateapi:search',
        JSON.stringify(body),
        MLS_FRESH_MS.search,
        async () => {
          const res = await post('/v2/PropertySearch', body);
          const rows = Rows.parse(res?.data);
          return { listings: rows.map(toListing).filter((l): l is MlsListing => !!l), total: res?.resultCount ?? rows.length };
        },
      );
      return { ...value, cached: hit };
    },
    async details(address) {
      const { value } = await cached(
        ListingDetails.nullable(),
        'realestateapi:details',
        address.toLowerCase(),
        MLS_FRESH_MS.details,
        async () => {
          const res = await post('/v2/PropertyDetail', { address });
          const detail = Detail.safeParse(res?.data ?? {});
          if (!res || !detail.success) return null;
          const { propertyInfo: info, saleHistory: sales = [], mlsHistory: mls = [], ...d } = detail.data;
          if (d.error || !info?.address) return null;
          const listing = toListing({ ...d, ...info, id: d.id });
          if (!listing) return null;
          const history: HistoryEvent[] = [
            ...mls.map((m) => ({
              date: String(m.statusDate ?? '').slice(0, 10),
              event: String(m.status ?? 'MLS'),
              ...(m.price !== undefined && { price: m.price }),
            })),
            ...sales.map((s) => ({
              date: String(s.saleDate ?? '').slice(0, 10),
              event: 'Sold',
              ...(s.saleAmount !== undefined && { price: s.saleAmount }),
            })),
          ]
            .filter((h) => h.date)
            .sort((x, y) => x.date.localeCompare(y.date));
          return { listing, history };
        },
      );
      return value ?? undefined;
    },
    async autocomplete(text) {
      const { value } = await cached(
        Addresses,
        'realestateapi:autocomplete',
        text.toLowerCase(),
        MLS_FRESH_MS.search,
        async () => {
          const res = await post('/v2/AutoComplete', { search: text });
          return Suggestions.parse(res?.data)
            .map((r) => clean(r.title) ?? clean(r.address))
            .filter((a): a is string => !!a)
            .slice(0, 8);
        },
      );
      return value;
    },
    async comps(address) {
      const { value } = await cached(Listings, 'realestateapi:comps', address.toLowerCase(), MLS_FRESH_MS.comps, async () => {
        const res = await post('/v3/PropertyComps', { address, max_results: 6 });
        return Comps.parse(res?.data)
          .comps.map(toListing)
          .filter((l): l is MlsListing => !!l);
      });
      return value;
    },
  };
}
