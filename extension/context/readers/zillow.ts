import { clean, splitAddress } from '../../../shared/normalize';
import { hostsOf } from '../../sites';
import { $, $$, asArray, attr, get, imageSources, isObject, meta, objectOf, parseJson, text, textOf } from '../dom';
import { finishListing, type ListingDraft, listingPage, searchPage } from '../listing';
import type { Reader } from '../reader';

type Json = Record<string, unknown>;

/** The home in Zillow's GraphQL caches: a JSON string whose values hold `.property`. */
function propertyFromCache(cache: unknown): Json | undefined {
  const parsed = typeof cache === 'string' ? parseJson(cache) : cache;
  if (!isObject(parsed)) return undefined;
  for (const entry of Object.values(parsed)) {
    const property = get(entry, 'property');
    if (isObject(property) && isObject(property.address)) return property;
  }
  return undefined;
}

function largestPhoto(photo: unknown): unknown {
  const jpegs = asArray(get(photo, 'mixedSources', 'jpeg'));
  return get(jpegs[jpegs.length - 1], 'url') ?? get(photo, 'url');
}

function draftFromProperty(p: Json): ListingDraft {
  const a = objectOf(p.address);
  const info = objectOf(p.attributionInfo);
  const acres = typeof p.lotAreaUnits === 'string' && /acre/i.test(p.lotAreaUnits);
  const photos = asArray(p.originalPhotos ?? p.responsivePhotos).map(largestPhoto);
  return {
    street: a.streetAddress,
    city: a.city,
    state: a.state,
    zip: a.zipcode,
    price: p.price,
    beds: p.bedrooms,
    baths: p.bathrooms,
    sqft: p.livingArea ?? p.livingAreaValue,
    lotSqft: typeof p.lotAreaValue === 'number' ? (acres ? p.lotAreaValue * 43560 : p.lotAreaValue) : p.lotSize,
    yearBuilt: p.yearBuilt,
    mlsId: p.mlsid ?? info.mlsId,
    status: p.homeStatus,
    propertyType: p.homeType,
    lat: p.latitude,
    lng: p.longitude,
    photos: photos.length ? photos : [p.hiResImageLink, p.desktopWebHdpImageLink],
    description: p.description,
    agentName: info.agentName,
    agentPhone: info.agentPhoneNumber,
    agentEmail: info.agentEmail,
    agentOffice: info.brokerName,
  };
}

/** Today's pages, client-rendered, where the scripts were stripped: the DOM's data-testid hooks. */
function draftFromTestIds(doc: Document): ListingDraft | undefined {
  const heading = textOf(doc, 'h1');
  const price = textOf(doc, '[data-testid="price"]');
  if (!heading || !price) return undefined;
  const draft: ListingDraft = { address: heading, price, status: textOf(doc, '[data-testid="gallery-status-pill"]') };
  for (const fact of $$(doc, '[data-testid="bed-bath-sqft-fact-container"]')) {
    const value = text(fact) ?? '';
    if (/beds?\b|\d\s*bds?\b/i.test(value)) draft.beds = value;
    else if (/baths?\b|\d\s*ba\b/i.test(value)) draft.baths = value;
    else if (/sq\s*ft|sqft/i.test(value)) draft.sqft = value;
  }
  const attribution = $(doc, '[data-testid="seller-attribution"]');
  draft.agentName = textOf(doc, '[data-testid="attribution-LISTING_AGENT"]')?.replace(
    /,?\s*\(?\d{3}\)?[\s.-]*\d{3}[\s.-]*\d{4}.*$/,
    '',
  );
  draft.agentOffice = text($(doc, '[data-testid="attribution-BROKER"] strong'))?.replace(/,$/, '');
  for (let el = attribution?.parentElement, i = 0; el && i < 3; el = el.parentElement, i++) {
    const mls = el.textContent?.match(/MLS\s*#\s*:?\s*([\w-]+)/i)?.[1];
    if (mls) {
      draft.mlsId = mls;
      break;
    }
  }
  draft.photos = [meta(doc, 'og:image'), ...imageSources(doc, 'img[src*="zillowstatic.com/fp/"]')];
  return draft;
}

/** 2017–2019 server-rendered pages (zsg-* classes). Nearby homes' microdata is ignored. */
function draftFromLegacy(doc: Document): ListingDraft | undefined {
  const h1 = $(doc, '.zsg-content-header.addr h1, header.addr h1');
  if (!h1) return undefined;
  const cityLine = textOf(h1, '.addr_city');
  const street = text(h1)
    ?.replace(cityLine ?? '\u0000', '')
    .replace(/,\s*$/, '');
  const draft: ListingDraft = { ...splitAddress(cityLine), street, photos: [meta(doc, 'og:image')] };
  for (const fact of $$(doc, '.addr_bbs')) {
    const value = text(fact) ?? '';
    if (/bed/i.test(value)) draft.beds = value;
    else if (/bath/i.test(value)) draft.baths = value;
    else if (/sq/i.test(value)) draft.sqft = value;
  }
  const statusRow = textOf(doc, '.status-icon-row');
  draft.status = statusRow?.split('$')[0]?.trim();
  draft.price =
    attr($(doc, '[itemtype$="schema.org/Offer"] [itemprop="price"]'), 'content') ?? statusRow?.match(/\$[\d,.]+[KM]?/)?.[0];
  draft.mlsId = attr($(doc, 'input[name="mlsCode"]'), 'value') ?? doc.title.match(/MLS\s*#\s*([\w-]+)/)?.[1];
  for (const script of $$(doc, 'script:not([src])')) {
    const m = script.textContent?.match(/latLong:\s*\{\s*latitude:\s*(-?[\d.]+),\s*longitude:\s*(-?[\d.]+)/);
    if (m) {
      Object.assign(draft, { lat: m[1], lng: m[2] });
      break;
    }
  }
  const badge = $$(doc, '.contact-badge').find((b) => /listing agent/i.test(b.textContent ?? ''));
  for (let el = badge?.parentElement, i = 0; el && i < 3; el = el.parentElement, i++) {
    const name = textOf(el, '.profile-name-link');
    if (name) {
      draft.agentName = name;
      draft.agentPhone = textOf(el, '.phone');
      break;
    }
  }
  return draft;
}

/**
 * A results page's homes: the list's cards and the map's pins (the map holds every home of the
 * search, the list only the first page of it), in both of Zillow's result categories. A map pin
 * carries its address only in `hdpData.homeInfo`.
 */
function searchDrafts(next: unknown): ListingDraft[] {
  const state = get(next, 'props', 'pageProps', 'searchPageState');
  const results = ['cat1', 'cat2'].flatMap((cat) =>
    ['listResults', 'mapResults'].flatMap((list) => asArray(get(state, cat, 'searchResults', list))),
  );
  return results.filter(isObject).map((r) => {
    const home = objectOf(get(r, 'hdpData', 'homeInfo'));
    return {
      street: clean(r.addressStreet ?? home.streetAddress)?.replace(/\s*#\s*$/, ''),
      city: r.addressCity ?? home.city,
      state: r.addressState ?? home.state,
      zip: r.addressZipcode ?? home.zipcode,
      address: r.address,
      price: r.unformattedPrice ?? home.price ?? r.price,
      beds: r.beds ?? home.bedrooms,
      baths: r.baths ?? home.bathrooms,
      sqft: r.area ?? home.livingArea,
      status: r.statusType ?? home.homeStatus,
      propertyType: home.homeType,
      lat: get(r, 'latLong', 'latitude') ?? home.latitude,
      lng: get(r, 'latLong', 'longitude') ?? home.longitude,
      photos: [r.imgSrc],
    };
  });
}

export const zillow: Reader = {
  site: 'zillow',
  hosts: hostsOf('zillow'),
  read(doc, url) {
    const next = parseJson($(doc, 'script#__NEXT_DATA__'));
    const property =
      propertyFromCache(get(next, 'props', 'pageProps', 'componentProps', 'gdpClientCache')) ??
      propertyFromCache(get(next, 'props', 'pageProps', 'gdpClientCache')) ??
      propertyFromCache(get(parseJson($(doc, 'script#hdpApolloPreloadedData')), 'apiCache'));
    if (property) {
      const found = listingPage(url, this.site, finishListing(draftFromProperty(property), url));
      if (found) return found;
    }
    const draft = draftFromLegacy(doc) ?? (/\/homedetails\//.test(url.pathname) ? draftFromTestIds(doc) : undefined);
    const listing = draft && listingPage(url, this.site, finishListing(draft, url));
    return listing ?? searchPage(url, this.site, searchDrafts(next));
  },
};
