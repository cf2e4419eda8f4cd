import type { PageContext } from '../contracts';

/** The parser tests' clock: a Monday afternoon in Austin's zone. */
export const at = { now: '2026-06-01T14:00', tz: 'America/Chicago' };

export const contactPage: PageContext = {
  kind: 'contact',
  url: 'https://thewiseagent.com/secure/client/SUMMARY.asp?ClientID=77',
  site: 'wiseagent',
  contact: { id: '77', name: 'Dana Whitfield' },
};

export const listingPage: PageContext = {
  kind: 'listing',
  url: 'https://www.zillow.com/homedetails/x/1_zpid/',
  site: 'zillow',
  listing: {
    address: '1 Elm St, Austin, TX 78701',
    street: '1 Elm St',
    listingAgent: { name: 'Eric Brown', phone: '(917) 555-0101' },
  },
};
