import type { PageContext } from '../../shared/contracts';

/**
 * What the palette offers before any contact or listing: an action either starts the sentence for
 * the agent to finish (`fill`) or runs one that is already whole for this page (`run`).
 */
export type PaletteAction = {
  id: string;
  label: string;
  /** Other words it is found by. */
  words: string;
  fill?: string | ((page: PageContext | undefined) => string);
  run?: string;
  /** Shown only on pages where it means something. */
  when?: (page: PageContext | undefined) => boolean;
};

const onListing = (page: PageContext | undefined) => page?.kind === 'listing' && !!page.listing;
const onContact = (page: PageContext | undefined) => page?.kind === 'contact' && !!page.contact;

export const ACTIONS: PaletteAction[] = [
  {
    id: 'listing-agent',
    label: 'Add the listing agent as a lead',
    words: 'realtor broker crm',
    run: 'add the listing agent as a lead',
    when: (p) => onListing(p) && !!p?.listing?.listingAgent,
  },
  {
    id: 'listing-details',
    label: 'Price history of this listing',
    words: 'details sold tax',
    run: 'details for this listing',
    when: onListing,
  },
  {
    id: 'listing-save',
    label: 'Save this listing to a contact',
    words: 'interested favorite likes buyer',
    fill: 'save this listing to ',
    when: onListing,
  },
  {
    id: 'listing-comps',
    label: 'Comparables for this listing',
    words: 'comps sold nearby value',
    run: 'comps for this listing',
    when: onListing,
  },
  { id: 'contact-note', label: 'Add a note to this contact', words: 'note', fill: 'note: ', when: onContact },
  { id: 'contact-call', label: 'Log a call with this contact', words: 'called phone', fill: 'called them, ', when: onContact },
  {
    id: 'contact-task',
    label: 'Remind me about this contact',
    words: 'task todo follow up',
    // The name, not "them": the task's title is read in CRM lists away from this page.
    fill: (page) => `remind me to call ${page?.contact?.name ?? 'them'} `,
    when: onContact,
  },
  {
    id: 'today',
    label: 'My day: tasks due, showings, new leads',
    words: 'today agenda due overdue schedule',
    run: 'what’s on today',
  },
  { id: 'add-lead', label: 'Add a lead', words: 'new contact person buyer seller', fill: 'add lead ' },
  { id: 'add-note', label: 'Add a note', words: 'note', fill: 'note for ' },
  { id: 'log-call', label: 'Log a call', words: 'called phone', fill: 'called ' },
  { id: 'create-task', label: 'Create a task', words: 'remind reminder todo follow up', fill: 'remind me to ' },
  { id: 'showing', label: 'Schedule a showing', words: 'tour appointment visit', fill: 'schedule a showing ' },
  { id: 'search', label: 'Search the MLS', words: 'homes houses condos listings find', fill: 'homes in ' },
  { id: 'find-contact', label: 'Find a contact', words: 'lookup who person', fill: 'find ' },
  { id: 'email', label: 'Draft an email', words: 'write message mail', fill: 'email ' },
  { id: 'text', label: 'Draft a text', words: 'sms message write', fill: 'text ' },
];

export const actionsFor = (page: PageContext | undefined) => ACTIONS.filter((a) => !a.when || a.when(page));
