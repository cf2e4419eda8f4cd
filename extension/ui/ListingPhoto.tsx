import { useState } from 'react';
import type { Listing } from '../../shared/contracts';

/**
 * A photo of a home from a listing site or the MLS. Sites move and expire their photos, so one
 * that fails to load takes no room rather than showing a broken box.
 */
export function ListingPhoto({ listing, className }: { listing: Pick<Listing, 'photos' | 'address'>; className: string }) {
  const src = listing.photos?.[0];
  const [failed, setFailed] = useState<string>();
  if (!src || failed === src) return null;
  return (
    <img
      src={src}
      alt={`The home at ${listing.address}`}
      referrerPolicy="no-referrer"
      loading="lazy"
      decoding="async"
      onError={() => setFailed(src)}
      data-testid="listing-photo"
      className={className}
    />
  );
}
