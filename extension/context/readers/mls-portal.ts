import { clean } from '../../../shared/normalize';
import { hostsOf } from '../../sites';
import { $$, text } from '../dom';
import { finishListing, type ListingDraft, listingPage } from '../listing';
import type { Reader } from '../reader';

/** Labels MLS reports use (Flexmls, Matrix, Paragon), mapped to listing fields. */
const LABELS: [RegExp, Exclude<keyof ListingDraft, 'photos'>][] = [
  [/^(?:list(?:ing)?\s*price|price|current\s*price|lp)$/i, 'price'],
  [/^(?:address|property\s*address|street\s*address|location)$/i, 'address'],
  [/^city$/i, 'city'],
  [/^(?:state|st)$/i, 'state'],
  [/^(?:zip|zip\s*code|postal\s*code)$/i, 'zip'],
  [/^(?:beds?|bedrooms|total\s*bedrooms|br|# beds)$/i, 'beds'],
  [/^(?:baths?|bathrooms|total\s*baths|ttl\s*baths|ba|# baths)$/i, 'baths'],
  [/^(?:sq\.?\s*ft\.?|sqft|approx\.?\s*sq\.?\s*ft\.?|living\s*area|finished\s*sq\s*ft|total\s*sqft|apx\s*sqft)$/i, 'sqft'],
  [/^(?:year\s*built|yr\s*built)$/i, 'yearBuilt'],
  [/^(?:mls\s*#|mls\s*number|ml\s*#|listing\s*(?:id|#|number)|mls\s*id)$/i, 'mlsId'],
  [/^(?:status|listing\s*status)$/i, 'status'],
  [/^(?:property\s*type|prop\s*type|type)$/i, 'propertyType'],
  [/^(?:list(?:ing)?\s*agent|agent|la\s*name)$/i, 'agentName'],
  [/^(?:list(?:ing)?\s*office|office|lo\s*name)$/i, 'agentOffice'],
];

const CANDIDATES = 'td, th, dt, label, span, b, strong, div';
const MAX_LABELS = 4000;

/** Label → value pairs: "Label: value" in one element, or a label followed by its value element. */
function labelled(doc: Document): ListingDraft {
  const draft: ListingDraft = {};
  let seen = 0;
  for (const el of $$(doc, CANDIDATES)) {
    if (++seen > MAX_LABELS) break;
    if (el.children.length > 2) continue;
    const own = text(el);
    if (!own || own.length > 80) continue;
    const [, label = own, inline] = own.match(/^([^:]{2,30}):\s*(.*)$/) ?? [];
    const field = LABELS.find(([re]) => re.test(label.trim()))?.[1];
    if (!field || draft[field] !== undefined) continue;
    const value = clean(inline) ?? text(el.nextElementSibling);
    if (value && value.length < 160) draft[field] = value;
  }
  return draft;
}

export const mlsPortal: Reader = {
  site: 'mls-portal',
  hosts: hostsOf('mls-portal'),
  read(doc, url) {
    return listingPage(url, this.site, finishListing(labelled(doc), url));
  },
};
