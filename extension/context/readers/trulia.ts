import { $, isObject, meta, objectAfter, parseJson } from '../dom';
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

export const trulia: Reader = {
  site: 'trulia',
  hosts: /(^|\.)trulia\.com$/,
  read(doc, url) {
    const seo = parseJson($(doc, '[data-testid="hdp-seo-residence-schema"]'));
    const draft = draftFromPropertyData(doc) ?? (isObject(seo) ? draftFromThing(seo) : undefined) ?? jsonLdDrafts(doc).at(0);
    if (draft) {
      const found = listingPage(url, this.site, finishListing(draft, url));
      if (found) return found;
    }
    return /\/for_(sale|rent)\/|\/sold\//.test(url.pathname) ? searchPage(url, this.site, jsonLdDrafts(doc)) : undefined;
  },
};
