import { clean, splitAddress } from '../../../shared/normalize';
import { hostsOf } from '../../sites';
import { $, $$, attr, imageSources, meta, text, textOf } from '../dom';
import { finishListing, type ListingDraft, listingPage, searchPage } from '../listing';
import type { Reader } from '../reader';

const stat = (doc: Document, id: string) => {
  const el = $(doc, `[data-rf-test-id="${id}"]`);
  return textOf(el ?? doc, '.statsValue') ?? text(el);
};

/** The subject's one-line address: header hooks first, then Open Graph, then the photo alt text. */
function address(doc: Document): string | undefined {
  const street = textOf(doc, '.street-address, [data-rf-test-id="abp-streetLine"]');
  const cityLine = textOf(doc, '.bp-cityStateZip, .citystatezip, [data-rf-test-id="abp-cityStateZip"]');
  if (street && cityLine) return `${street.replace(/,$/, '')}, ${cityLine}`;
  const full = textOf(doc, 'h1.full-address, h1[class*="address"]') ?? meta(doc, 'og:title')?.split('|')[0];
  if (full && splitAddress(full).state) return full;
  // Without a header, the gallery's photos are captioned with the address, many times over.
  const counts = new Map<string, number>();
  for (const img of $$(doc, 'img[alt]')) {
    const alt = attr(img, 'alt');
    if (alt && /^\d+\s+\S.*,\s*[^,]+,\s*[A-Z]{2}\s+\d{5}$/.test(alt)) counts.set(alt, (counts.get(alt) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function coordinates(doc: Document): Pick<ListingDraft, 'lat' | 'lng'> {
  const lat = meta(doc, 'place:location:latitude') ?? meta(doc, 'og:latitude');
  const lng = meta(doc, 'place:location:longitude') ?? meta(doc, 'og:longitude');
  if (lat && lng) return { lat, lng };
  const map = $$(doc, 'img[src*="center="]').find((img) => /staticmap/.test(img.getAttribute('src') ?? ''));
  const center = map?.getAttribute('src')?.match(/center=(-?[\d.]+)(?:%2C|,)(-?[\d.]+)/i);
  return center ? { lat: center[1], lng: center[2] } : {};
}

function agent(doc: Document): Pick<ListingDraft, 'agentName' | 'agentOffice'> {
  const heading = $(doc, '.agent-basic-details--heading');
  const name = textOf(heading ?? doc, 'span') ?? text(heading)?.replace(/^listing (by|agent):?\s*/i, '');
  const office = textOf(heading?.parentElement ?? doc, '.agent-basic-details--broker')?.replace(/^[•·\s]+/, '');
  return { agentName: name, agentOffice: office };
}

function detail(doc: Document): ListingDraft | undefined {
  const price = stat(doc, 'abp-price');
  const line = address(doc);
  if (!line || !price) return undefined;
  return {
    address: line,
    price,
    beds: stat(doc, 'abp-beds'),
    baths: stat(doc, 'abp-baths'),
    sqft: stat(doc, 'abp-sqFt'),
    status: textOf(doc, '.ListingStatusBannerSection, [data-rf-test-id="abp-status"]'),
    mlsId: textOf(doc, '.ListingSource--mlsId'),
    photos: [meta(doc, 'og:image'), ...imageSources(doc, 'img[src*="cdn-redfin.com/photo/"]')],
    description: meta(doc, 'description'),
    ...coordinates(doc),
    ...agent(doc),
  };
}

function cards(doc: Document): ListingDraft[] {
  return $$(doc, '.bp-Homecard, .HomeCardContainer').flatMap((card) => {
    const line = textOf(card, '.bp-Homecard__Address, .homeAddressV2, .link-and-anchor');
    if (!line) return [];
    const stats = $$(card, '.bp-Homecard__Stats--beds, .bp-Homecard__Stats--baths, .bp-Homecard__LockedStat--value, .stats')
      .map((s) => text(s) ?? '')
      .join(' | ');
    const all = clean(card.querySelector('.bp-Homecard__Stats')?.textContent) ?? stats;
    return [
      {
        address: line,
        price: textOf(card, '.bp-Homecard__Price--value, .homecardV2Price'),
        beds: all.match(/([\d.]+)\s*beds?/i)?.[1],
        baths: all.match(/([\d.]+)\s*baths?/i)?.[1],
        sqft: all.match(/([\d,]+)\s*sq\s*ft/i)?.[1],
        photos: [attr(card.querySelector('img'), 'src')],
      },
    ];
  });
}

export const redfin: Reader = {
  site: 'redfin',
  hosts: hostsOf('redfin'),
  read(doc, url) {
    const draft = detail(doc);
    const found = draft && listingPage(url, this.site, finishListing(draft, url));
    return found ?? searchPage(url, this.site, cards(doc));
  },
};
