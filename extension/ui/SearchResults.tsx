import { useState } from 'react';
import { type MlsListing, type SearchCriteria, SearchResponse } from '../../shared/contracts';
import { formatFacts, formatPrice } from '../../shared/format';
import { SEARCH_NOT_SAVED } from '../api/explain';
import { searchProperties } from '../api/worker';
import { MAX_AGE, searchKey } from '../cache/mls-cache';
import { PropertyInsights, SourceNote } from './PropertyInsights';
import { useCachedRead } from './useCachedRead';

const ROW = 64;
const VIEWPORT = 448;
/** Past this many results only the rows in view are rendered. */
const WINDOWED = 30;

function Row({ listing, onOpen }: { listing: MlsListing; onOpen: () => void }) {
  return (
    <button
      type="button"
      data-testid="search-result"
      onClick={onOpen}
      style={{ height: ROW }}
      className="flex w-full flex-col justify-center px-3 text-left hover:bg-slate-50 dark:hover:bg-slate-900"
    >
      <span className="text-sm font-medium">
        {formatPrice(listing.price)} · {formatFacts(listing)}
      </span>
      <span className="truncate text-xs text-slate-600 dark:text-slate-400">
        {listing.address}
        {listing.status && listing.status !== 'Active' ? ` · ${listing.status}` : ''}
      </span>
    </button>
  );
}

/** MLS search results as cards; a result opens its details and comps. */
export function SearchResults({ criteria }: { criteria: SearchCriteria }) {
  const read = useCachedRead(
    searchKey(criteria),
    SearchResponse,
    MAX_AGE.search,
    () => searchProperties(criteria),
    (r) => r.listings,
    SEARCH_NOT_SAVED,
  );
  const { data, error, loading } = read;
  const [open, setOpen] = useState<MlsListing>();
  const [top, setTop] = useState(0);
  if (loading) return <p className="text-sm text-slate-500">Searching…</p>;
  if (error || !data)
    return (
      <p role="status" data-testid="search-error" className="text-sm text-red-700 dark:text-red-400">
        {error}
      </p>
    );
  const { listings, total, source } = data.value;
  if (open) {
    return (
      <section className="flex flex-col gap-2 rounded-xl border border-slate-200 p-3 dark:border-slate-800">
        <button type="button" className="self-start text-xs underline" onClick={() => setOpen(undefined)}>
          ← {total} results
        </button>
        <p data-testid="open-listing" className="text-sm font-semibold">
          {formatPrice(open.price)} · {open.address}
        </p>
        <p className="text-xs text-slate-600">
          {[formatFacts(open), open.mlsId && `MLS # ${open.mlsId}`, open.listingAgent?.name].filter(Boolean).join(' · ')}
        </p>
        <PropertyInsights address={open.address} />
      </section>
    );
  }
  const windowed = listings.length > WINDOWED;
  const first = windowed ? Math.max(0, Math.floor(top / ROW) - 4) : 0;
  const shown = windowed ? listings.slice(first, first + Math.ceil(VIEWPORT / ROW) + 8) : listings;
  return (
    <section data-testid="search-results" className="rounded-xl border border-slate-200 dark:border-slate-800">
      <h2 className="border-b border-slate-200 px-3 py-2 text-sm font-medium dark:border-slate-800">
        {total} {total === 1 ? 'home' : 'homes'}
        {total > listings.length ? ` (first ${listings.length})` : ''}
      </h2>
      {listings.length === 0 && (
        <p className="px-3 py-2 text-sm text-slate-500">Nothing matches; try a wider price range or area.</p>
      )}
      <div onScroll={(e) => setTop(e.currentTarget.scrollTop)} style={{ maxHeight: VIEWPORT }} className="overflow-y-auto">
        <div style={windowed ? { height: listings.length * ROW, position: 'relative' } : undefined}>
          <div
            style={windowed ? { transform: `translateY(${first * ROW}px)` } : undefined}
            className="divide-y divide-slate-100 dark:divide-slate-900"
          >
            {shown.map((l) => (
              <Row key={l.id} listing={l} onOpen={() => setOpen(l)} />
            ))}
          </div>
        </div>
      </div>
      <div className="px-3 py-1">
        <SourceNote read={read} source={source} />
      </div>
    </section>
  );
}
