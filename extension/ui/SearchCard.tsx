import { memo, useEffect, useRef, useState } from 'react';
import type { Listing } from '../../shared/contracts';
import { formatFacts, formatPrice } from '../../shared/format';
import { ListingCard } from './ListingCard';
import { ListingPhoto } from './ListingPhoto';
import { OFFSCREEN_SKIPPED, ROW } from './offscreen-rows';
import { PropertyInsights } from './PropertyInsights';

/** Memoised with a stable `onOpen`: opening a home and coming back re-renders no row. */
const Row = memo(function Row({ listing, onOpen }: { listing: Listing; onOpen: (address: string) => void }) {
  return (
    <li style={OFFSCREEN_SKIPPED}>
      <button
        type="button"
        data-testid="page-home"
        data-address={listing.address}
        onClick={() => onOpen(listing.address)}
        style={{ minHeight: ROW }}
        className="flex w-full items-center gap-3 px-3 py-2 text-left hover:bg-slate-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-600 dark:hover:bg-slate-900"
      >
        <ListingPhoto listing={listing} className="size-12 shrink-0 rounded-md bg-slate-100 object-cover dark:bg-slate-800" />
        <span className="flex min-w-0 flex-col">
          <span className="text-sm font-medium">
            {[formatPrice(listing.price) ?? 'No list price', formatFacts(listing)].filter(Boolean).join(' · ')}
          </span>
          <span className="truncate text-xs text-slate-600 dark:text-slate-400">{listing.address}</span>
        </span>
      </button>
    </li>
  );
});

/** A results page the agent is browsing: every home on it; one opens as its card, with price history and comps. */
export function SearchCard({ listings, site }: { listings: Listing[]; site: string }) {
  const [openAddress, setOpenAddress] = useState<string>();
  const opened = openAddress === undefined ? undefined : listings.find((l) => l.address === openAddress);
  const list = useRef<HTMLUListElement>(null);
  const backButton = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<string>(undefined);

  // Keyboard focus follows the agent: into the card on open, back to the same row on return.
  useEffect(() => {
    if (opened) backButton.current?.focus();
    else if (returnTo.current !== undefined) {
      const address = returnTo.current;
      returnTo.current = undefined;
      [...(list.current?.querySelectorAll<HTMLButtonElement>('[data-testid="page-home"]') ?? [])]
        .find((b) => b.dataset.address === address)
        ?.focus();
    }
  }, [opened]);

  const count = `${listings.length} ${listings.length === 1 ? 'home' : 'homes'} on this page`;
  return (
    <>
      {opened && (
        <section data-testid="page-home-open" className="flex flex-col gap-3">
          <button
            ref={backButton}
            type="button"
            onClick={() => {
              returnTo.current = opened.address;
              setOpenAddress(undefined);
            }}
            className="self-start rounded text-xs underline focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            ← {count}
          </button>
          <ListingCard listing={opened} site={site} />
          <PropertyInsights address={opened.address} />
        </section>
      )}
      {/*
       * Skipped, not unmounted, while a home is open: the browser keeps the list's layout, so it comes
       * back at once, where the agent left it.
       */}
      <div style={opened ? { contentVisibility: 'hidden' } : undefined}>
        <section data-testid="search-card" className="rounded-xl border border-slate-200 dark:border-slate-800">
          <h2 className="border-b border-slate-200 px-3 py-2 text-sm font-medium dark:border-slate-800">{count}</h2>
          <ul ref={list} className="divide-y divide-slate-100 dark:divide-slate-900">
            {listings.map((l) => (
              <Row key={l.address} listing={l} onOpen={setOpenAddress} />
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
