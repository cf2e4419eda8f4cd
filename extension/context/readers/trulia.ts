import { hostsOf } from '../../sites';
import { $, asArray, get, isObject, meta, objectAfter, objectOf, parseJson } from '../dom';
import { finishListing, type ListingDraft, listingPage, searchPage } from '../listing';
import type { Reader } from '../reader';
import { draftFromThing, jsonLdDrafts } from '../schema-org';

/** 2017-era pages: `trulia.propertyData.set({...})`. Its numBathrooms counts full baths only. */
function draftFromPropertyData(doc: Document): ListingDraft | undefined {
  const p = objectAfter(doc, 'propertyData.set(');
  if (!isObject(p)) return undefined;
  const full = Number(p.numFullBathrooms);
  const partial = Number(p.numPartialBathrooms);
  const street = [p.streetNumber, p.street].filter(Boolean).join(' ');
  return {
    street: p.apartmentNumber ? `${street} #${p.apartmentNumber}` : street || undefined,
    address: p.addressForDisplay,
    city: p.city,
    state: p.stateCode,
    zip: p.zipCode,
    price: p.price,
    beds: p.numBedrooms || p.numBeds,
    baths: Number.isFinite(full) && full > 0 ? full + (Number.isFinite(partial) ? partial * 0.5 : 0) : p.numBathrooms,
    sqft: p.sqft,
    mlsId: p.mlsID,
    status: p.status,
    propertyType: p.typeDisplay ?? p.type,
    lat: p.latitude,
    lng: p.longitude,
    agentName: p.agentName,
    photos: [meta(doc, 'og:image')],
  };
}

type Json = Record<string, unknown>;

/** A fact of a search-result home: a number, or `{value}` / `{formattedValue}` / `{formattedDimension}`. */
const fact = (v: unknown) => (isObject(v) ? (v.value ?? v.formattedValue ?? v.formattedDimension) : v);

function resultStatus(h: Json): string | undefined {
  const status = objectOf(h.currentStatus);
  if (status.isRecentlySold) return 'Sold';
  if (status.isOffMarket) return 'Off market';
  if (status.isActiveForRent) return 'For rent';
  if (status.isActiveForSale) return 'For sale';
  return undefined;
}

/** Today's results pages: `__NEXT_DATA__` → props.searchData.homes, every home of the page. */
function searchDrafts(doc: Document): ListingDraft[] {
  const homes = asArray(get(parseJson($(doc, 'script#__NEXT_DATA__')), 'props', 'searchData', 'homes'));
  return homes.filter(isObject).map((h) => {
    const location = objectOf(h.location);
    const hero = get(h, 'media', 'heroImage', 'url');
    return {
      street: location.streetAddress,
      city: location.city,
      state: location.stateCode,
      zip: location.zipCode,
      address: location.fullLocation,
      price: get(h, 'price', 'price') ?? get(h, 'price', 'formattedPrice'),
      beds: fact(h.bedrooms),
      baths: fact(h.bathrooms),
      sqft: fact(h.floorSpace),
      propertyType: get(h, 'propertyType', 'value'),
      status: resultStatus(h),
      lat: get(location, 'coordinates', 'latitude'),
      lng: get(location, 'coordinates', 'longitude'),
      photos: [get(hero, 'medium') ?? get(hero, 'small')],
    };
  });
}

export const trulia: Reader = {
  site: 'trulia',
  hosts: hostsOf('trulia'),
  read(doc, url) {
    const seo = parseJson($(doc, '[data-testid="hdp-seo-residence-schema"]'));
    const draft = draftFromPropertyData(doc) ?? (isObject(seo) ? draftFromThing(seo) : undefined) ?? jsonLdDrafts(doc).at(0);
    if (draft) {
      const found = listingPage(url, this.site, finishListing(draft, url));
      if (found) return found;
    }
    const results = searchDrafts(doc);
    if (results.length) return searchPage(url, this.site, results);
    return /\/for_(sale|rent)\/|\/sold\//.test(url.pathname) ? searchPage(url, this.site, jsonLdDrafts(doc)) : undefined;
  },
};
