/**
 * The sites Estait reads without being asked. Each is a host permission; every other page is read
 * only when the agent asks (activeTab + scripting).
 */
export const SITES = [
  { id: 'wiseagent', name: 'Wise Agent', matches: ['*://*.thewiseagent.com/*', '*://*.wiseagent.com/*'] },
  { id: 'zillow', name: 'Zillow', matches: ['*://*.zillow.com/*'] },
  { id: 'realtor', name: 'Realtor.com', matches: ['*://*.realtor.com/*'] },
  { id: 'redfin', name: 'Redfin', matches: ['*://*.redfin.com/*'] },
  { id: 'homes', name: 'Homes.com', matches: ['*://*.homes.com/*'] },
  { id: 'trulia', name: 'Trulia', matches: ['*://*.trulia.com/*'] },
  // The MLS systems' own portals (Flexmls, Matrix, Paragon) show a listing the same way: one reader.
  { id: 'mls-portal', name: 'MLS portal', matches: ['*://*.flexmls.com/*', '*://*.mlsmatrix.com/*', '*://*.paragonrels.com/*'] },
] as const;

export type SiteId = (typeof SITES)[number]['id'];

/** A page's site as the agent reads it: its name in the table, else the reader's own word ("generic", "crm"). */
export const siteName = (id: string): string => SITES.find((s) => s.id === id)?.name ?? id;

/** The domain a match pattern covers, with its subdomains: `*://*.zillow.com/*` → zillow.com. */
export const domainOf = (match: string) => match.replace(/^\*:\/\/\*\./, '').replace(/\/\*$/, '');

/** The hostnames a site's reader owns: its domains and their subdomains, from the table above. */
export function hostsOf(id: SiteId): RegExp {
  const matches: readonly string[] = SITES.find((s) => s.id === id)?.matches ?? [];
  return new RegExp(`(^|\\.)(${matches.map((m) => domainOf(m).replaceAll('.', '\\.')).join('|')})$`);
}

export const HOST_MATCHES: string[] = SITES.flatMap((s) => s.matches);

/** Listing sites only: where "Add this listing to CRM" makes sense. */
export const LISTING_MATCHES: string[] = SITES.filter((s) => s.id !== 'wiseagent').flatMap((s) => s.matches);

/** Whether Estait reads this address by itself (its content script runs there). */
export function isKnownSite(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const { hostname, protocol } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return false;
    return HOST_MATCHES.some((m) => {
      const domain = domainOf(m);
      return hostname === domain || hostname.endsWith(`.${domain}`);
    });
  } catch {
    return false;
  }
}
