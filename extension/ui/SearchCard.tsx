import type { Listing } from '../../shared/contracts';
import { formatFacts, formatPrice } from '../../shared/format';

const SHOWN = 20;

/** A results page the agent is browsing: its homes, briefly. */
export function SearchCard({ listings }: { listings: Listing[] }) {
  return (
    <section data-testid="search-card" className="rounded-xl border border-slate-200 dark:border-slate-800">
      <h2 className="border-b border-slate-200 px-3 py-2 text-sm font-medium dark:border-slate-800">
        {listings.length} {listings.length === 1 ? 'home' : 'homes'} on this page
      </h2>
      <ul className="divide-y divide-slate-100 dark:divide-slate-900">
        {listings.slice(0, SHOWN).map((l) => (
          <li key={l.address} className="px-3 py-2 text-sm">
            <p className="font-medium">{l.address}</p>
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {[formatPrice(l.price), formatFacts(l)].filter(Boolean).join(' · ')}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
