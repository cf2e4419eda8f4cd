import { pageContactId, pageListing } from '../context';
import { takeDate } from '../dates';
import type { Rule } from '../rule';
import { findName, LISTING_REFERENCE, MENTIONS_CONTACT, squeeze, takeAddress } from '../text';

const SHOWING = /\b(?:showings?|tour|walk-?through|viewing|private show)\b/i;
const VERB =
  /^(?:please\s+)?(?:schedule|book|set up|setup|arrange|plan|add|create|make|request|line up|need|new|showing|tour)\b/i;
const SHOW_THIS = /^(?:please\s+)?show\s+(?:the|this|that)\s+(?:house|home|listing|property|place|condo|unit)\b/i;

export const scheduleShowing: Rule = (s) => {
  if (!((VERB.test(s.text) && SHOWING.test(s.text)) || SHOW_THIS.test(s.text))) return undefined;
  let rest = s.text;
  let address: string | undefined;
  const typed = takeAddress(rest);
  if (typed) {
    address = typed.value;
    rest = typed.rest;
  } else if (LISTING_REFERENCE.test(rest)) {
    address = pageListing(s)?.address;
    rest = squeeze(rest.replace(LISTING_REFERENCE, ' '));
  }
  const when = takeDate(rest, s.now);
  if (when) rest = when.rest;
  const name = findName(rest, /^(?:for|with|to)$/i);
  const onPage = pageContactId(s);
  const contact = name ? { contact: name } : onPage && MENTIONS_CONTACT.test(rest) ? { contactId: onPage } : {};
  const start = when?.dateTime;
  const known = [address, start, name ?? ('contactId' in contact || undefined)].filter(Boolean).length;
  return {
    intent: 'schedule_showing',
    confidence: known >= 2 ? 0.9 : known === 1 ? 0.7 : 0.55,
    params: { ...contact, ...(address && { address }), ...(start && { start }) },
  };
};
