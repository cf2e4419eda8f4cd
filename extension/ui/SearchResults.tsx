import { useState } from 'react';
import { MLS_FRESH_MS } from '../../shared/cache-policy';
import { type MlsListing, SEARCH_LAST_PAGE, SEARCH_PAGE_SIZE, type SearchCriteria, SearchResponse } from '../../shared/contracts';
import { formatFacts, formatPrice } from '../../shared/format';
import { searchProperties } from '../api/calls';
import { SEARCH_NOT_SAVED } from '../api/explain';
import { searchKey } from '../cache/mls-cache';
import { OFFSCREEN_SKIPPED, ROW } from './offscreen-rows';
import { PropertyInsights, SourceNote } from './PropertyInsights';
import { useCachedRead } from './useCachedRead';

const VIEWPORT = 448;

function Row({ listing, onOpen }: { listing: MlsListing; onOpen: () => void }) {
  return (
    <button
      type="button"
      data-testid="search-result"
      onClick={onOpen}
      style={{ ...OFFSCREEN_SKIPPED, height: ROW }}
      className="flex w-full flex-col justify-center px-3 text-left hover:bg-slate-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-600 dark:hover:bg-slate-900"
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

const useSearchPage = (criteria: SearchCriteria, page: number) =>
  useCachedRead(
    searchKey(criteria, page),
    SearchResponse,
    MLS_FRESH_MS.search,
    () => searchProperties(criteria, page),
    (r) => r.listings,
    SEARCH_NOT_SAVED,
  );

/** A later page of results, asked for when the agent wants more. */
function MoreResults({ criteria, page, onOpen }: { criteria: SearchCriteria; page: number; onOpen: (l: MlsListing) => void }) {
  const { data, error, loading } = useSearchPage(criteria, page);
  if (loading) return <p className="px-3 py-2 text-sm text-slate-600 dark:text-slate-400">Loading more…</p>;
  if (error || !data)
    return (
      <p role="status" className="px-3 py-2 text-sm text-red-700 dark:text-red-400">
        {error}
      </p>
    );
  return data.value.listings.map((l) => <Row key={l.id} listing={l} onOpen={() => onOpen(l)} />);
}

/** MLS search results as cards, a page at a time; a result opens its details and comps. */
export function SearchResults({ criteria }: { criteria: SearchCriteria }) {
  const read = useSearchPage(criteria, 0);
  const { data, error, loading } = read;
  const [open, setOpen] = useState<MlsListing>();
  const [pages, setPages] = useState(1);
  if (loading) return <p className="text-sm text-slate-600 dark:text-slate-400">Searching…</p>;
  if (error || !data)
    return (
      <p role="status" data-testid="search-error" className="text-sm text-red-700 dark:text-red-400">
        {error}
      </p>
    );
  const { listings, total, source } = data.value;
  const asked = Math.min(total, pages * SEARCH_PAGE_SIZE);
  const later = Array.from({ length: pages - 1 }, (_, i) => i + 1);
  return (
    <>
      {open && (
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
      )}
      {/* Hidden, not unmounted, while a result is open: the pages read stay, scrolled where they were. */}
      <section data-testid="search-results" hidden={!!open} className="rounded-xl border border-slate-200 dark:border-slate-800">
        <h2 className="border-b border-slate-200 px-3 py-2 text-sm font-medium dark:border-slate-800">
          {total} {total === 1 ? 'home' : 'homes'}
          {asked < total ? ` (first ${asked})` : ''}
        </h2>
        {listings.length === 0 && (
          <p className="px-3 py-2 text-sm text-slate-600 dark:text-slate-400">
            Nothing matches; try a wider price range or area.
          </p>
        )}
        <div style={{ maxHeight: VIEWPORT }} className="divide-y divide-slate-100 overflow-y-auto dark:divide-slate-900">
          {listings.map((l) => (
            <Row key={l.id} listing={l} onOpen={() => setOpen(l)} />
          ))}
          {later.map((page) => (
            <MoreResults key={page} criteria={criteria} page={page} onOpen={setOpen} />
          ))}
        </div>
        <div className="flex items-center justify-between gap-2 px-3 py-1">
          <SourceNote read={read} source={source} />
          {asked < total && pages <= SEARCH_LAST_PAGE && (
            <button
              type="button"
              data-testid="more-results"
              onClick={() => setPages((n) => n + 1)}
              className="ml-auto shrink-0 whitespace-nowrap rounded-md px-2 py-1 text-xs font-medium text-brand-700 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-600 dark:text-brand-100 dark:hover:bg-slate-800"
            >
              Show {Math.min(SEARCH_PAGE_SIZE, total - asked)} more
            </button>
          )}
        </div>
      </section>
    </>
  );
}
