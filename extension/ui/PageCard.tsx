import { useState } from 'react';
import { readTab } from '../read-tab';
import { ContactBrief } from './ContactBrief';
import { ContactCard } from './ContactCard';
import { ListingCard } from './ListingCard';
import type { ContactActions } from './next-steps';
import { PropertyInsights } from './PropertyInsights';
import { SearchCard } from './SearchCard';
import type { usePageContext } from './usePageContext';

/** What the agent is looking at in the tab: a listing, a contact, a results page, or an offer to read it. */
export function PageCard({
  tabId,
  context,
  loading,
  actions,
}: { tabId: number | undefined; actions: ContactActions } & ReturnType<typeof usePageContext>) {
  const [refused, setRefused] = useState<number>();

  if (loading) return null;
  if (context?.kind === 'listing' && context.listing) {
    return (
      <div className="flex flex-col gap-3">
        <ListingCard listing={context.listing} site={context.site} />
        <PropertyInsights address={context.listing.address} />
      </div>
    );
  }
  if (context?.kind === 'contact' && context.contact) {
    const { id, email, phone, name } = context.contact;
    return (
      <div className="flex flex-col gap-3">
        <ContactCard contact={context.contact} site={context.site} />
        {(id || email || phone) && (
          <ContactBrief
            key={`${context.site}:${id ?? email ?? phone}`}
            // The page's id may be another CRM's: what the page shows finds the same person.
            briefRef={{ id: id ?? '-', page: { site: context.site, email, phone, name } }}
            actions={actions}
          />
        )}
      </div>
    );
  }
  if (context?.kind === 'search' && context.listings)
    return <SearchCard key={context.url} listings={context.listings} site={context.site} />;

  const read = async () => {
    if (tabId !== undefined && !(await readTab(tabId))) setRefused(tabId);
  };
  return (
    <section
      data-testid="empty-page"
      className="rounded-xl border border-dashed border-slate-300 p-3 text-sm dark:border-slate-700"
    >
      <p className="text-slate-600 dark:text-slate-400">
        {context
          ? 'No listing or contact on this page.'
          : 'Estait reads Zillow, Realtor.com, Redfin, Homes.com, Trulia, MLS portals and Wise Agent by itself.'}
      </p>
      {!context && (
        <button
          type="button"
          onClick={() => void read()}
          className="mt-2 rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
        >
          Read this page
        </button>
      )}
      {refused === tabId && (
        <p role="alert" className="mt-2 text-amber-800 dark:text-amber-300">
          Chrome needs your go-ahead for this site: right-click the page and choose “Read this page with Estait”, or press
          Ctrl+Shift+K there.
        </p>
      )}
    </section>
  );
}
