import type { PageContext } from '../../../shared/contracts';
import { meta } from '../dom';
import { finishListing, type ListingDraft, listingPage, searchPage } from '../listing';
import { jsonLdDrafts, microdataDrafts } from '../schema-org';

/** Listing Open Graph tags: og:street-address & co., product prices and real-estate og:types. */
function openGraphDraft(doc: Document): ListingDraft | undefined {
  const type = meta(doc, 'og:type') ?? '';
  const street = meta(doc, 'og:street-address') ?? meta(doc, 'place:street_address');
  if (!street && !/real[\s_-]?estate|listing|home|property/i.test(type)) return undefined;
  return {
    street: street ?? meta(doc, 'og:title')?.split('|')[0],
    city: meta(doc, 'og:locality'),
    state: meta(doc, 'og:region'),
    zip: meta(doc, 'og:postal-code'),
    price: meta(doc, 'product:price:amount') ?? meta(doc, 'og:price:amount'),
    lat: meta(doc, 'place:location:latitude') ?? meta(doc, 'og:latitude'),
    lng: meta(doc, 'place:location:longitude') ?? meta(doc, 'og:longitude'),
    photos: [meta(doc, 'og:image')],
    description: meta(doc, 'og:description'),
  };
}

const key = (d: ListingDraft) => String(d.street ?? d.address ?? '').toLowerCase();

/**
 * Any page with schema.org homes (JSON-LD or microdata) or listing Open Graph tags. One home is a
 * listing page; several different homes are a search page.
 */
export function readGeneric(doc: Document, url: URL): PageContext | undefined {
  const drafts = [...jsonLdDrafts(doc), ...microdataDrafts(doc)];
  const distinct = [...new Map(drafts.map((d) => [key(d), d])).values()];
  if (distinct.length === 1 && distinct[0]) {
    const found = listingPage(url, 'generic', finishListing(distinct[0], url));
    if (found) return found;
  }
  if (distinct.length > 1) return searchPage(url, 'generic', distinct);
  const og = openGraphDraft(doc);
  return og && listingPage(url, 'generic', finishListing(og, url));
}
