import type { Listing, PageContext } from '../../shared/contracts';
import { clean, isEmail, joinAddress, splitAddress, toMoney, toNumber, toStateCode, toZip } from '../../shared/normalize';
import { absoluteUrl } from './dom';

/** What a reader found, before normalisation: any field may be text as the page shows it. */
export type ListingDraft = {
  address?: unknown;
  street?: unknown;
  city?: unknown;
  state?: unknown;
  zip?: unknown;
  price?: unknown;
  beds?: unknown;
  baths?: unknown;
  sqft?: unknown;
  lotSqft?: unknown;
  yearBuilt?: unknown;
  mlsId?: unknown;
  status?: unknown;
  propertyType?: unknown;
  lat?: unknown;
  lng?: unknown;
  photos?: unknown[];
  description?: unknown;
  agentName?: unknown;
  agentPhone?: unknown;
  agentEmail?: unknown;
  agentOffice?: unknown;
};

/**
 * A price on an off-market, sold or public-record page is an estimate or an old sale, not what the
 * home is listed for, so it is not shown as one.
 */
const NOT_LISTED = /off[\s_-]?market|sold|assessor|public record|closed|expired|withdrawn|cancel|not for sale|estimate/i;

const PROPERTY_TYPES: [RegExp, string][] = [
  [/condo|co-?op|apartment|apt/i, 'condo'],
  [/town\s*-?(house|home)|row\s*house/i, 'townhouse'],
  [/multi|duplex|triplex|fourplex|quadplex|mfr/i, 'multi_family'],
  [/mobile|manufactured/i, 'manufactured'],
  [/^lots?$|land|^lot\b|vacant/i, 'land'],
  [/single|house|sfr|residential|detached/i, 'single_family'],
];

export const propertyType = (value: unknown): string | undefined => {
  const text = clean(value);
  return text && PROPERTY_TYPES.find(([re]) => re.test(text))?.[1];
};

/** "FOR_SALE" → "For sale". */
const statusText = (value: unknown): string | undefined => {
  const text = clean(typeof value === 'string' ? value.replace(/_/g, ' ') : value);
  return text && text.length <= 40 ? text.charAt(0).toUpperCase() + text.slice(1).toLowerCase() : undefined;
};

const within = (value: number | undefined, min: number, max: number) =>
  value !== undefined && value >= min && value <= max ? value : undefined;

/** Site logos and "no photo" placeholders are not photos of the home. */
const PLACEHOLDER = /logo|no[-_]?photo|placeholder|spacer|blank\.(?:gif|png)/i;

/** "(undisclosed Address)": a home whose street the page withholds cannot be told from its neighbours. */
const WITHHELD = /undisclosed|not disclosed|address not (?:available|provided)/i;

/** Normalises a draft into a Listing; undefined when there is no address to anchor it. */
export function finishListing(draft: ListingDraft, base: URL): Listing | undefined {
  const fromLine = splitAddress(draft.address);
  const streetLine = splitAddress(draft.street);
  const street = clean(streetLine.street ?? fromLine.street)?.replace(/,$/, '');
  const city = clean(draft.city) ?? streetLine.city ?? fromLine.city;
  const state = toStateCode(draft.state) ?? streetLine.state ?? fromLine.state;
  const zip =
    toZip(draft.zip) ??
    toZip(typeof draft.zip === 'string' ? draft.zip.slice(0, 5) : undefined) ??
    streetLine.zip ??
    fromLine.zip;
  const address = joinAddress({ street, city, state, zip });
  if (!street || !address || WITHHELD.test(street)) return undefined;

  const status = statusText(draft.status);
  const listing: Listing = { address, street };
  if (city) listing.city = city;
  if (state) listing.state = state;
  if (zip) listing.zip = zip;

  const price = within(toMoney(draft.price), 1, 1e10);
  if (price !== undefined && !(status && NOT_LISTED.test(status))) listing.price = price;
  const beds = within(toNumber(draft.beds), 0, 100);
  if (beds !== undefined) listing.beds = beds;
  const baths = within(toNumber(draft.baths), 0, 100);
  if (baths !== undefined) listing.baths = baths;
  const sqft = within(toNumber(draft.sqft), 1, 1e6);
  if (sqft !== undefined) listing.sqft = Math.round(sqft);
  const lot = within(toNumber(draft.lotSqft), 1, 1e9);
  if (lot !== undefined) listing.lotSqft = Math.round(lot);
  const year = within(toNumber(draft.yearBuilt), 1600, 2200);
  if (year !== undefined && Number.isInteger(year)) listing.yearBuilt = year;
  const mlsId = clean(draft.mlsId)?.replace(/^#\s*/, '');
  if (mlsId && /^[\w-]{2,40}$/.test(mlsId)) listing.mlsId = mlsId;
  if (status) listing.status = status;
  const type = propertyType(draft.propertyType);
  if (type) listing.propertyType = type;
  const lat = within(toNumber(draft.lat), -90, 90);
  const lng = within(toNumber(draft.lng), -180, 180);
  if (lat !== undefined && lng !== undefined && (lat !== 0 || lng !== 0)) Object.assign(listing, { lat, lng });
  const photos = [...new Set((draft.photos ?? []).map((p) => absoluteUrl(p, base)))]
    .filter((p): p is string => !!p && !PLACEHOLDER.test(p))
    .slice(0, 12);
  if (photos.length) listing.photos = photos;
  const description = clean(draft.description);
  if (description) listing.description = description.slice(0, 4000);

  const name = clean(draft.agentName);
  const phone = clean(draft.agentPhone);
  const email = clean(draft.agentEmail);
  const office = clean(draft.agentOffice);
  if (name) {
    listing.listingAgent = { name };
    if (phone && /\d{3}.*\d{4}/.test(phone)) listing.listingAgent.phone = phone;
    if (email && isEmail(email)) listing.listingAgent.email = email;
    if (office) listing.listingAgent.office = office;
  }
  return listing;
}

const detailFields = (l: Listing) => [l.price, l.beds, l.baths, l.sqft, l.mlsId, l.lat].filter((v) => v !== undefined).length;

/**
 * A listing page needs a street address and at least two facts about the home; anything less is
 * not claimed, because a false listing is worse than a missing one.
 */
export const isListing = (l: Listing | undefined): l is Listing => !!l && detailFields(l) >= 2;

export const none = (url: URL, site: string): PageContext => ({ kind: 'none', url: url.href, site });

export function listingPage(url: URL, site: string, listing: Listing | undefined): PageContext | undefined {
  return isListing(listing) ? { kind: 'listing', url: url.href, site, listing } : undefined;
}

/** The most homes one results page is read for: more than any site puts on a page or its map. */
const MAX_SEARCH_LISTINGS = 1000;

/** A results page: all its homes, each once (cards are often repeated for layout, and in the map's data). */
export function searchPage(url: URL, site: string, drafts: ListingDraft[]): PageContext | undefined {
  const byAddress = new Map<string, Listing>();
  for (const draft of drafts) {
    const listing = finishListing(draft, url);
    if (listing && !byAddress.has(listing.address.toLowerCase())) byAddress.set(listing.address.toLowerCase(), listing);
  }
  const listings = [...byAddress.values()].slice(0, MAX_SEARCH_LISTINGS);
  return listings.length ? { kind: 'search', url: url.href, site, listings } : undefined;
}
