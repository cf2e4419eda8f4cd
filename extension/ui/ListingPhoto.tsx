import { useState } from 'react';

/**
 * A photo of a home from a listing site or the MLS. Sites move and expire their photos, so one
 * that fails to load takes no room rather than showing a broken box.
 */
export function ListingPhoto({ src, address, className }: { src: string | undefined; address: string; className: string }) {
  const [failed, setFailed] = useState<string>();
  if (!src || failed === src) return null;
  return (
    <img
      src={src}
      alt={`The home at ${address}`}
      referrerPolicy="no-referrer"
      loading="lazy"
      decoding="async"
      onError={() => setFailed(src)}
      data-testid="listing-photo"
      className={className}
    />
  );
}
