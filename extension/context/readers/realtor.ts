import { hostsOf } from '../../sites';
import { $, asArray, get, isObject, objectOf, parseJson } from '../dom';
import { finishListing, type ListingDraft, listingPage, searchPage } from '../listing';
import type { Reader } from '../reader';

type Json = Record<string, unknown>;

/** Realtor.com's "home" shape, the same on detail pages and in search results. */
function draftFromHome(home: Json): ListingDraft {
  const d = objectOf(home.description);
  const a = objectOf(get(home, 'location', 'address'));
  const full = Number(d.baths_full);
  const agents = asArray(get(home, 'source', 'agents'));
  const seller = asArray(home.advertisers).find((x) => get(x, 'type') === 'seller');
  return {
    street: a.line,
    city: a.city,
    state: a.state_code ?? a.state,
    zip: a.postal_code,
    price: home.list_price ?? home.price,
    beds: d.beds,
    baths:
      d.baths_consolidated ?? (Number.isFinite(full) && d.baths_full !== null ? full + 0.5 * Number(d.baths_half ?? 0) : d.baths),
    sqft: d.sqft,
    lotSqft: d.lot_sqft,
    yearBuilt: d.year_built,
    mlsId: get(home, 'source', 'listing_id') ?? get(home, 'mls', 'id'),
    status: home.status,
    propertyType: d.type,
    lat: get(a, 'coordinate', 'lat'),
    lng: get(a, 'coordinate', 'lon'),
    photos: [get(home, 'primary_photo', 'href'), ...asArray(home.photos).map((p) => get(p, 'href'))],
    description: d.text,
    agentName: get(seller, 'name') ?? get(agents[0], 'agent_name'),
    agentEmail: get(seller, 'email'),
    agentOffice: get(seller, 'office', 'name') ?? get(agents[0], 'office_name'),
  };
}

const first = (...candidates: unknown[]) => candidates.find(isObject);
const firstList = (...candidates: unknown[]) => candidates.find((c): c is unknown[] => Array.isArray(c) && c.length > 0);

export const realtor: Reader = {
  site: 'realtor',
  hosts: hostsOf('realtor'),
  read(doc, url) {
    const next = parseJson($(doc, 'script#__NEXT_DATA__'));
    const props = get(next, 'props');
    const home = first(
      get(props, 'pageProps', 'initialReduxState', 'propertyDetails'),
      get(props, 'pageProps', 'property'),
      get(props, 'pageProps', 'initialProps', 'property'),
    );
    if (home && /\/realestateandhomes-detail\//.test(url.pathname)) {
      const found = listingPage(url, this.site, finishListing(draftFromHome(home), url));
      if (found) return found;
    }
    const results = firstList(
      get(props, 'pageProps', 'properties'),
      get(props, 'pageProps', 'searchResults', 'home_search', 'results'),
      get(props, 'criteriaData', 'SrpShell', 'loadedData', 'searchResults', 'home_search', 'results'),
    );
    return results ? searchPage(url, this.site, results.filter(isObject).map(draftFromHome)) : undefined;
  },
};
