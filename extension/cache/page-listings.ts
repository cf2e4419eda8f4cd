import type { Listing, MlsListing, PageContext } from '../../shared/contracts';
import { fold } from '../../shared/normalize';
import { type CachedListing, db } from './db';
import { evictListings, LISTING_CAP } from './mls-cache';

/**
 * A home read from a page, as the cache keeps it: by its MLS number when the page shows one (the
 * same home on two sites is one entry), else by the site and its address, folded so that case,
 * accents and punctuation do not make two entries of one home.
 */
export function pageListingId(listing: Listing, site: string): string {
  if (listing.mlsId) return `mls:${listing.mlsId.toUpperCase()}`;
  const address = fold(listing.address.replace(/[.,]/g, ' ')).replace(/#\s+/g, '#');
  return `${site}:${address}`;
}

const asMlsListing = (listing: Listing, site: string): MlsListing => ({ ...listing, id: pageListingId(listing, site) });

/** What was last written for each id: a page read again unchanged writes nothing. */
const written = new Map<string, string>();

/**
 * Keeps the homes of a results page (or the one of a listing page) in the listings table, so the
 * palette finds them later. One bulk write of the homes that are new or changed since last time.
 */
export async function rememberPageListings(context: PageContext, now = Date.now()): Promise<number> {
  const homes =
    context.kind === 'search' ? (context.listings ?? []) : context.kind === 'listing' && context.listing ? [context.listing] : [];
  const changed: { row: CachedListing; text: string }[] = [];
  for (const home of homes) {
    const listing = asMlsListing(home, context.site);
    const text = JSON.stringify(listing);
    if (written.get(listing.id) !== text) changed.push({ row: { id: listing.id, listing, fetchedAt: now }, text });
  }
  if (!changed.length) return 0;
  await db.listings.bulkPut(changed.map((c) => c.row));
  if (written.size > LISTING_CAP) written.clear();
  for (const { row, text } of changed) written.set(row.id, text);
  await evictListings();
  return changed.length;
}
