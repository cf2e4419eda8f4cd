import { MLS_FRESH_MS } from '../../shared/cache-policy';
import { CompsResponse, DetailsResponse, type MlsSource } from '../../shared/contracts';
import { formatFacts, formatPrice } from '../../shared/format';
import { comparables, propertyDetails } from '../api/calls';
import { timeAgo } from './describe';
import { type CachedRead, useCachedRead } from './useCachedRead';

/** Where an answer came from: sample data, and an answer saved before (the server or the MLS could not be asked). */
export function SourceNote<T>({ read, source }: { read: CachedRead<T>; source?: MlsSource }) {
  const saved = read.data && (read.offline || read.data.stale);
  if (!source?.sample && !saved) return null;
  return (
    <p className="text-xs text-slate-600 dark:text-slate-400">
      {source?.sample && <span data-testid="sample-note">{source.note ?? 'Sample data'}</span>}
      {saved && read.data && (
        <span data-testid="stale-note" data-offline={read.offline} className="ml-1 text-amber-700 dark:text-amber-300">
          {read.offline
            ? `Saved ${timeAgo(read.data.fetchedAt)} — offline.`
            : `Saved ${timeAgo(read.data.fetchedAt)}; the MLS could not be reached just now.`}
        </span>
      )}
    </p>
  );
}

/** Price history and comparable sales for a property, from the MLS (cached). */
export function PropertyInsights({ address, withHistory = true }: { address: string; withHistory?: boolean }) {
  const details = useCachedRead(
    withHistory ? `details:${address}` : undefined,
    DetailsResponse,
    MLS_FRESH_MS.details,
    () => propertyDetails(address),
    (d) => [d.listing],
  );
  const comps = useCachedRead(
    `comps:${address}`,
    CompsResponse,
    MLS_FRESH_MS.comps,
    () => comparables(address),
    (c) => c.comps,
  );
  const history = details.data?.value.history;
  return (
    <section data-testid="property-insights" className="flex flex-col gap-2 text-sm">
      {history && history.length > 0 && (
        <div data-testid="price-history">
          <h3 className="text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">Price history</h3>
          <ul>
            {history.map((h) => (
              <li key={`${h.date}-${h.event}`} className="flex justify-between text-xs">
                <span>
                  {h.date} · {h.event}
                </span>
                <span>{formatPrice(h.price)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div data-testid="comps">
        <h3 className="text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">Comparable sales</h3>
        {comps.loading && <p className="text-xs text-slate-600 dark:text-slate-400">Looking for recent sales…</p>}
        {comps.error && <p className="text-xs text-red-700 dark:text-red-400">{comps.error}</p>}
        {comps.data && comps.data.value.comps.length === 0 && (
          <p className="text-xs text-slate-600 dark:text-slate-400">No recent sales nearby.</p>
        )}
        <ul className="divide-y divide-slate-100 dark:divide-slate-900">
          {comps.data?.value.comps.map((c) => (
            <li key={c.id} data-testid="comp" className="py-1">
              <p className="text-xs font-medium">{c.address}</p>
              <p className="text-xs text-slate-600 dark:text-slate-400">
                Sold {formatPrice(c.closePrice)} {c.closedAt && `on ${c.closedAt}`} · {formatFacts(c)}
              </p>
            </li>
          ))}
        </ul>
        <SourceNote read={comps} source={comps.data?.value.source} />
      </div>
    </section>
  );
}
