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
  { id: 'flexmls', name: 'Flexmls', matches: ['*://*.flexmls.com/*'] },
  { id: 'matrix', name: 'Matrix', matches: ['*://*.mlsmatrix.com/*'] },
  { id: 'paragon', name: 'Paragon', matches: ['*://*.paragonrels.com/*'] },
] as const;

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
      const domain = m.replace(/^\*:\/\/\*\./, '').replace(/\/\*$/, '');
      return hostname === domain || hostname.endsWith(`.${domain}`);
    });
  } catch {
    return false;
  }
}
