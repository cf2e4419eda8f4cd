import { z } from 'zod';
import { MLS_FRESH_MS } from '../../shared/cache-policy';
import type { HistoryEvent, MlsListing, MlsSource, SearchCriteria } from '../../shared/contracts';
import { clean, joinAddress, splitAddress } from '../../shared/normalize';
import { ApiError } from '../errors';
import { cached, upstream } from '../upstream';
import { parsePlace } from './location';
import { Addresses, FoundListings, ListingDetails, Listings, type MlsProvider, PAGE_SIZE } from './provider';

/**
 * Any RESO Web API server (the MLS standard, OData 4): the Property resource with $filter, $select,
 * $top, $orderby, $expand=Media and pages by $top and $skip (which Web API Core servers must support); a bearer token, or OAuth2 client
 * credentials exchanged for one. Field names are the RESO Data Dictionary's (case-sensitive).
 */
const SELECT = [
  'ListingKey',
  'ListingId',
  'StandardStatus',
  'PropertyType',
  'PropertySubType',
  'ListPrice',
  'ClosePrice',
  'CloseDate',
  'ListingContractDate',
  'BedroomsTotal',
  'BathroomsTotalInteger',
  'LivingArea',
  'LotSizeArea',
  'YearBuilt',
  'UnparsedAddress',
  'City',
  'StateOrProvince',
  'PostalCode',
  'Latitude',
  'Longitude',
  'ListAgentFullName',
  'ListOfficeName',
].join(',');

/** Estait's property types as RESO PropertyType / PropertySubType filters. */
const TYPES: Record<NonNullable<SearchCriteria['propertyType']>, string> = {
  single_family: "PropertyType eq 'Residential' and PropertySubType eq 'Single Family Residence'",
  condo: "PropertyType eq 'Residential' and PropertySubType eq 'Condominium'",
  townhouse: "PropertyType eq 'Residential' and PropertySubType eq 'Townhouse'",
  multi_family: "PropertyType eq 'Residential Income'",
  land: "PropertyType eq 'Land'",
  manufactured: "PropertySubType eq 'Manufactured Home'",
};
const BACK: Record<string, string> = {
  'Single Family Residence': 'single_family',
  Condominium: 'condo',
  Townhouse: 'townhouse',
  'Manufactured Home': 'manufactured',
  'Residential Income': 'multi_family',
  Land: 'land',
};

/** A string literal in an OData filter. */
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** A field a server may leave out, send as null or in another type: read when it is the expected one. */
const num = z.number().optional().catch(undefined);
const text = z.union([z.string(), z.number()]).optional().catch(undefined);

/** A Property record as the RESO Data Dictionary names its fields (those in SELECT, and Media). */
const Property = z.object({
  ListingKey: text,
  ListingId: text,
  StandardStatus: text,
  PropertyType: text,
  PropertySubType: text,
  ListPrice: num,
  ClosePrice: num,
  CloseDate: text,
  ListingContractDate: text,
  BedroomsTotal: num,
  BathroomsTotalInteger: num,
  LivingArea: num,
  LotSizeArea: num,
  YearBuilt: num,
  UnparsedAddress: text,
  City: text,
  StateOrProvince: text,
  PostalCode: text,
  Latitude: num,
  Longitude: num,
  ListAgentFullName: text,
  ListOfficeName: text,
  Media: z
    .array(z.object({ MediaURL: text, Order: num }))
    .optional()
    .catch(undefined),
});
type Property = z.infer<typeof Property>;

/** An OData collection: its records (each read on its own: one Estait cannot read is left out) and, when asked, the count. */
const Collection = z.object({ value: z.array(z.unknown()).nullish(), '@odata.count': num });
/** The token server's answer (RFC 6749 §4.4.3). */
const TokenAnswer = z.object({ access_token: z.string().min(1), expires_in: num });

function toListing(r: Property): MlsListing | undefined {
  const street = clean(r.UnparsedAddress)?.split(',')[0];
  const city = clean(r.City);
  const state = clean(r.StateOrProvince);
  const zip = clean(r.PostalCode)?.slice(0, 5);
  const address = joinAddress({ street, city, state, zip });
  const id = clean(r.ListingKey) ?? clean(r.ListingId);
  if (!address || !id) return undefined;
  const photos = [...(r.Media ?? [])]
    .sort((a, b) => (a.Order ?? 0) - (b.Order ?? 0))
    .map((m) => clean(m.MediaURL))
    .filter((u): u is string => !!u && /^https?:\/\//.test(u));
  const mlsId = clean(r.ListingId);
  const status = clean(r.StandardStatus);
  const propertyType = BACK[String(r.PropertySubType)] ?? BACK[String(r.PropertyType)];
  const closedAt = clean(r.CloseDate)?.slice(0, 10);
  const listedAt = clean(r.ListingContractDate)?.slice(0, 10);
  const agent = clean(r.ListAgentFullName);
  const office = clean(r.ListOfficeName);
  return {
    id,
    address,
    ...(street && { street }),
    ...(city && { city }),
    ...(state && { state }),
    ...(zip && { zip }),
    ...(r.ListPrice !== undefined && { price: r.ListPrice }),
    ...(r.BedroomsTotal !== undefined && { beds: r.BedroomsTotal }),
    ...(r.BathroomsTotalInteger !== undefined && { baths: r.BathroomsTotalInteger }),
    ...(r.LivingArea !== undefined && { sqft: r.LivingArea }),
    ...(r.LotSizeArea !== undefined && { lotSqft: r.LotSizeArea }),
    ...(r.YearBuilt !== undefined && { yearBuilt: r.YearBuilt }),
    ...(r.Latitude !== undefined && { lat: r.Latitude }),
    ...(r.Longitude !== undefined && { lng: r.Longitude }),
    ...(r.ClosePrice !== undefined && { closePrice: r.ClosePrice }),
    ...(mlsId && { mlsId }),
    ...(status && { status }),
    ...(propertyType && { propertyType }),
    ...(closedAt && { closedAt }),
    ...(listedAt && { listedAt }),
    ...(photos.length && { photos: photos.slice(0, 12) }),
    ...(agent && { listingAgent: { name: agent, ...(office && { office }) } }),
  };
}

/** Client-credentials tokens, kept by this isolate until a minute before they expire. */
const TOKENS = new Map<string, { token: string; until: number }>();

export type ResoConfig = { base: string; token?: string; clientId?: string; clientSecret?: string; tokenUrl?: string };

export function reso(config: ResoConfig): MlsProvider {
  const source: MlsSource = { provider: 'reso', sample: false };
  const base = config.base.replace(/\/$/, '');

  async function token(): Promise<string> {
    if (config.token) return config.token;
    if (!config.clientId || !config.clientSecret || !config.tokenUrl) {
      throw new ApiError(
        503,
        'not_configured',
        'The RESO server needs RESO_TOKEN, or RESO_CLIENT_ID, RESO_CLIENT_SECRET and RESO_TOKEN_URL.',
      );
    }
    const key = `${config.tokenUrl} ${config.clientId}`;
    const held = TOKENS.get(key);
    if (held && held.until > Date.now()) return held.token;
    const res = await upstream('The RESO token server', config.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: config.clientId,
        client_secret: config.clientSecret,
      }),
    });
    const answer = TokenAnswer.safeParse(await res.json().catch(() => undefined));
    if (!answer.success) throw new ApiError(502, 'upstream_auth', 'The RESO token server gave no access token.');
    const { access_token, expires_in } = answer.data;
    TOKENS.set(key, { token: access_token, until: Date.now() + Math.max(0, (expires_in ?? 300) - 60) * 1000 });
    return access_token;
  }

  async function query(params: Record<string, string>): Promise<{ value: Property[]; count?: number }> {
    const bearer = await token();
    const res = await upstream('The RESO server', `${base}/Property?${new URLSearchParams(params).toString()}`, {
      headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' },
    });
    const body = Collection.safeParse(await res.json().catch(() => undefined));
    if (!body.success) throw new ApiError(502, 'upstream_error', 'The RESO server answered in a form Estait cannot read.');
    const value = (body.data.value ?? []).flatMap((r) => {
      const row = Property.safeParse(r);
      return row.success ? [row.data] : [];
    });
    return { value, count: body.data['@odata.count'] };
  }

  const listings = (rows: Property[]) => rows.map(toListing).filter((l): l is MlsListing => !!l);

  return {
    source,
    async search(criteria, page) {
      const place = parsePlace(criteria.location);
      const filter = [
        "(StandardStatus eq 'Active' or StandardStatus eq 'ActiveUnderContract' or StandardStatus eq 'ComingSoon')",
        place.zip && `PostalCode eq ${literal(place.zip)}`,
        place.city && `City eq ${literal(place.city.replace(/\b\w/g, (c) => c.toUpperCase()))}`,
        place.state && `StateOrProvince eq ${literal(place.state)}`,
        place.county && `CountyOrParish eq ${literal(place.county)}`,
        criteria.priceMin !== undefined && `ListPrice ge ${criteria.priceMin}`,
        criteria.priceMax !== undefined && `ListPrice le ${criteria.priceMax}`,
        criteria.bedsMin !== undefined && `BedroomsTotal ge ${criteria.bedsMin}`,
        criteria.bathsMin !== undefined && `BathroomsTotalInteger ge ${Math.floor(criteria.bathsMin)}`,
        criteria.propertyType && TYPES[criteria.propertyType],
      ]
        .filter(Boolean)
        .join(' and ');
      const params = {
        $filter: filter,
        $select: SELECT,
        $top: String(PAGE_SIZE),
        $orderby: 'ModificationTimestamp desc',
        $expand: 'Media($select=MediaURL,Order)',
        $count: 'true',
        ...(page > 0 && { $skip: String(page * PAGE_SIZE) }),
      };
      const { value, cached: hit } = await cached(
        FoundListings,
        'reso:search',
        `${base} ${JSON.stringify(params)}`,
        MLS_FRESH_MS.search,
        async () => {
          const res = await query(params);
          const found = listings(res.value);
          return { listings: found, total: res.count ?? found.length };
        },
      );
      return { ...value, cached: hit };
    },
    async details(address) {
      const { street, city } = splitAddress(address);
      if (!street) return undefined;
      const filter = [`startswith(UnparsedAddress, ${literal(street)})`, city && `City eq ${literal(city)}`]
        .filter(Boolean)
        .join(' and ');
      const { value } = await cached(
        ListingDetails.nullable(),
        'reso:details',
        `${base} ${filter}`,
        MLS_FRESH_MS.details,
        async () => {
          const res = await query({
            $filter: filter,
            $select: SELECT,
            $top: '1',
            $orderby: 'ModificationTimestamp desc',
            $expand: 'Media($select=MediaURL,Order)',
          });
          const listing = listings(res.value)[0];
          if (!listing) return null;
          const history: HistoryEvent[] = [
            ...(listing.listedAt
              ? [{ date: listing.listedAt, event: 'Listed', ...(listing.price !== undefined && { price: listing.price }) }]
              : []),
            ...(listing.closedAt
              ? [
                  {
                    date: listing.closedAt,
                    event: 'Sold',
                    ...(listing.closePrice !== undefined && { price: listing.closePrice }),
                  },
                ]
              : []),
          ];
          return { listing, history };
        },
      );
      return value ?? undefined;
    },
    async autocomplete(text) {
      const street = text.split(',')[0]?.trim() ?? text;
      const filter = `startswith(UnparsedAddress, ${literal(street)})`;
      const { value } = await cached(Addresses, 'reso:autocomplete', `${base} ${filter}`, MLS_FRESH_MS.search, async () =>
        listings((await query({ $filter: filter, $select: SELECT, $top: '8', $orderby: 'UnparsedAddress' })).value).map(
          (l) => l.address,
        ),
      );
      return value;
    },
    async comps(address) {
      const subject = await this.details(address);
      const zip = subject?.listing.zip ?? splitAddress(address).zip;
      if (!zip) return [];
      const beds = subject?.listing.beds;
      const filter = [
        "StandardStatus eq 'Closed'",
        `PostalCode eq ${literal(zip)}`,
        beds !== undefined && `BedroomsTotal ge ${Math.max(0, beds - 1)} and BedroomsTotal le ${beds + 1}`,
        subject?.listing.id && `ListingKey ne ${literal(subject.listing.id)}`,
      ]
        .filter(Boolean)
        .join(' and ');
      const { value } = await cached(Listings, 'reso:comps', `${base} ${filter}`, MLS_FRESH_MS.comps, async () =>
        listings((await query({ $filter: filter, $select: SELECT, $top: '6', $orderby: 'CloseDate desc' })).value),
      );
      return value;
    },
  };
}
