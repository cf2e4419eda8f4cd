import { formatFacts, formatPhone, formatPrice, fullName } from '../../shared/format';
import type { CachedContact, CachedListing } from '../cache/db';
import type { Entry } from './search-index';

/** A cached contact as the palette lists it: the name, then how to reach them. */
export const contactEntry = ({ id, contact, fetchedAt }: CachedContact): Entry => ({
  id,
  kind: 'contact',
  label: fullName(contact) || contact.email || contact.phone || 'Unnamed contact',
  detail: [formatPhone(contact.phone), contact.email].filter(Boolean).join(' · '),
  words: [contact.phone, contact.source].filter(Boolean).join(' '),
  at: fetchedAt,
});

/** A cached listing as the palette lists it: the street address, then the price and the facts. */
export const listingEntry = ({ id, listing, fetchedAt }: CachedListing): Entry => ({
  id,
  kind: 'listing',
  label: listing.street ?? listing.address,
  detail: [
    listing.street ? listing.address.replace(`${listing.street}, `, '') : undefined,
    formatPrice(listing.price),
    formatFacts(listing),
  ]
    .filter(Boolean)
    .join(' · '),
  words: [listing.address, listing.zip, listing.mlsId].filter(Boolean).join(' '),
  at: fetchedAt,
});
