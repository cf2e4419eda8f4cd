import { clean } from '../../shared/normalize';
import { $$, asArray, attr, get, isObject, parseJson, text } from './dom';
import type { ListingDraft } from './listing';

/** schema.org types that describe a home or a listing of one. */
const HOME_TYPES =
  /^(?:RealEstateListing|SingleFamilyResidence|Residence|House|Apartment|ApartmentComplex|Accommodation|Condominium|Townhouse|MobileHome|Suite|Room|Product)$/;

type Thing = Record<string, unknown>;

const types = (thing: Thing): string[] =>
  asArray(thing['@type'] ?? thing.type).map((t) => String(t).replace(/^https?:\/\/schema\.org\//, ''));

/** Every object in the page's JSON-LD, with @graph and arrays flattened. */
export function jsonLdThings(doc: Document): Thing[] {
  const out: Thing[] = [];
  const visit = (value: unknown) => {
    for (const item of asArray(value)) {
      if (!isObject(item)) continue;
      out.push(item);
      if (item['@graph']) visit(item['@graph']);
    }
  };
  for (const script of $$(doc, 'script[type="application/ld+json"]')) visit(parseJson(script));
  return out;
}

const first = (value: unknown): unknown => asArray(value)[0];
const quantity = (value: unknown): unknown => (isObject(value) ? (value.value ?? value['@value'] ?? value.name) : value);

/** A draft from one schema.org thing (a residence, a listing or a product with an address). */
export function draftFromThing(thing: Thing): ListingDraft | undefined {
  const subject = [thing.about, thing.mainEntity, thing.itemOffered, get(thing, 'offers', 'itemOffered')].find(isObject) ?? thing;
  const address = first(subject.address ?? thing.address);
  if (!address) return undefined;
  const offer = first(thing.offers ?? subject.offers);
  const geo = first(subject.geo ?? thing.geo);
  const fullBaths = quantity(subject.numberOfFullBathrooms);
  const partialBaths = quantity(subject.numberOfPartialBathrooms);
  const draft: ListingDraft = {
    price: isObject(offer) ? (offer.price ?? get(offer, 'priceSpecification', 'price')) : undefined,
    beds: quantity(subject.numberOfBedrooms ?? subject.numberOfRooms),
    baths:
      quantity(subject.numberOfBathroomsTotal) ??
      (fullBaths !== undefined ? Number(fullBaths) + 0.5 * Number(partialBaths ?? 0) : undefined),
    sqft: quantity(subject.floorSize),
    yearBuilt: subject.yearBuilt,
    lat: isObject(geo) ? geo.latitude : undefined,
    lng: isObject(geo) ? geo.longitude : undefined,
    photos: asArray(subject.image ?? thing.image).map((i) => (isObject(i) ? (i.url ?? i.contentUrl) : i)),
    description: thing.description ?? subject.description,
    propertyType: types(subject).find((t) => t !== 'Product' && t !== 'RealEstateListing'),
  };
  if (isObject(address)) {
    Object.assign(draft, {
      street: address.streetAddress,
      city: address.addressLocality,
      state: address.addressRegion,
      zip: address.postalCode,
    });
  } else draft.address = address;
  const agent = first(thing.broker ?? thing.agent ?? thing.seller ?? get(offer, 'seller') ?? get(offer, 'offeredBy'));
  if (isObject(agent) && types(agent).some((t) => /Person|RealEstateAgent/.test(t))) {
    Object.assign(draft, { agentName: agent.name, agentPhone: agent.telephone, agentEmail: agent.email });
  }
  return draft;
}

export const isHomeThing = (thing: Thing) => types(thing).some((t) => HOME_TYPES.test(t));

/** Drafts from JSON-LD homes and listings. */
export function jsonLdDrafts(doc: Document): ListingDraft[] {
  return jsonLdThings(doc)
    .filter(isHomeThing)
    .map(draftFromThing)
    .filter((d): d is ListingDraft => !!d);
}

/** The value of one microdata property, as the spec reads it from the element. */
function propValue(el: Element): string | undefined {
  if (el.hasAttribute('content')) return attr(el, 'content');
  const tag = el.tagName.toLowerCase();
  if (tag === 'a' || tag === 'link') return attr(el, 'href');
  if (tag === 'img') return attr(el, 'src');
  if (tag === 'time') return attr(el, 'datetime') ?? text(el);
  if (tag === 'data' || tag === 'meter') return attr(el, 'value');
  return text(el);
}

/** A microdata item as a plain object: nested items become nested objects. */
export function microdataItem(scope: Element, depth = 0): Thing {
  const item: Thing = { '@type': clean(scope.getAttribute('itemtype'))?.split(/\s+/) ?? [] };
  for (const el of $$(scope, '[itemprop]')) {
    if (el.parentElement?.closest('[itemscope]') !== scope) continue;
    const value = el.hasAttribute('itemscope') && depth < 4 ? microdataItem(el, depth + 1) : propValue(el);
    for (const name of (el.getAttribute('itemprop') ?? '').split(/\s+/).filter(Boolean)) item[name] ??= value;
  }
  return item;
}

/** Top-level microdata homes: items of a home type that are not inside another item. */
export function microdataDrafts(doc: Document): ListingDraft[] {
  return $$(doc, '[itemscope][itemtype]')
    .filter((el) => !el.parentElement?.closest('[itemscope]'))
    .map((el) => microdataItem(el))
    .filter(isHomeThing)
    .map(draftFromThing)
    .filter((d): d is ListingDraft => !!d);
}
