import type { Listing } from '../../shared/contracts';
import { formatFacts, formatPrice } from '../../shared/format';
import { siteName } from '../sites';
import { ListingPhoto } from './ListingPhoto';

/** The listing in front of the agent. Every value is page text, rendered as text. */
export function ListingCard({ listing, site }: { listing: Listing; site: string }) {
  const facts = formatFacts(listing);
  const agent = listing.listingAgent;
  return (
    <article data-testid="listing-card" className="overflow-hidden rounded-xl border border-slate-200 dark:border-slate-800">
      <ListingPhoto listing={listing} className="aspect-[16/9] w-full bg-slate-100 object-cover" />
      <div className="flex flex-col gap-1 p-3">
        <div className="flex items-baseline justify-between gap-2">
          <p data-testid="listing-price" className="text-xl font-semibold">
            {formatPrice(listing.price) ?? 'No list price'}
          </p>
          {listing.status && (
            <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
              {listing.status}
            </span>
          )}
        </div>
        {facts && <p className="text-sm text-slate-700 dark:text-slate-300">{facts}</p>}
        <p data-testid="listing-address" className="text-sm font-medium">
          {listing.address}
        </p>
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs text-slate-600 dark:text-slate-400">
          {listing.mlsId && (
            <>
              <dt>MLS #</dt>
              <dd data-testid="listing-mls">{listing.mlsId}</dd>
            </>
          )}
          {agent?.name && (
            <>
              <dt>Listing agent</dt>
              <dd data-testid="listing-agent">{[agent.name, agent.office].filter(Boolean).join(', ')}</dd>
            </>
          )}
          {agent?.phone && (
            <>
              <dt>Agent phone</dt>
              <dd>{agent.phone}</dd>
            </>
          )}
          <dt>Read from</dt>
          <dd className="capitalize">{siteName(site)}</dd>
        </dl>
      </div>
    </article>
  );
}
