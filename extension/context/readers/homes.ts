import { splitAddress } from '../../../shared/normalize';
import { hostsOf } from '../../sites';
import { meta, textOf } from '../dom';
import { finishListing, listingPage } from '../listing';
import type { Reader } from '../reader';

/**
 * Homes.com: Open Graph carries the address and "Listed for sale at $…", "MLS# …"; the DOM has the
 * price and the bed/bath/sqft details.
 */
export const homes: Reader = {
  site: 'homes',
  hosts: hostsOf('homes'),
  read(doc, url) {
    const title = meta(doc, 'og:title') ?? doc.title;
    const description = meta(doc, 'og:description') ?? meta(doc, 'description') ?? '';
    const line = textOf(doc, '.property-info-address, h1') ?? title;
    if (!line || !splitAddress(line.split('|')[0]).state) return undefined;
    const facts = textOf(doc, '.property-info-features, .beds-baths-sqft, .property-info') ?? description;
    return listingPage(
      url,
      this.site,
      finishListing(
        {
          address: line.split('|')[0],
          price:
            textOf(doc, '.property-info-price, [data-testid="price"]') ??
            description.match(/listed for (?:sale|rent) at (\$[\d,.]+[KM]?)/i)?.[1],
          beds: facts.match(/([\d.]+)\s*(?:beds?|bd)\b/i)?.[1],
          baths: facts.match(/([\d.]+)\s*(?:baths?|ba)\b/i)?.[1],
          sqft: facts.match(/([\d,]+)\s*(?:sq\.?\s*ft|sqft)/i)?.[1],
          mlsId: description.match(/MLS\s*#\s*:?\s*([\w-]+)/i)?.[1] ?? textOf(doc, '.mls-number'),
          status: textOf(doc, '.property-info-status, .listing-status'),
          agentName: textOf(doc, '.agent-name, .agent-information-fullname'),
          agentOffice: textOf(doc, '.agent-information-agency-name, .agent-office'),
          photos: [meta(doc, 'og:image')],
          description,
        },
        url,
      ),
    );
  },
};
