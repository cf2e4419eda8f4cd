import {
  CONTACT_WORDS,
  completeAddress,
  contactInView,
  isContactWord,
  LISTING_WORDS,
  listingInView,
  pageContact,
  pageListing,
} from '../context';
import { takeDate } from '../dates';
import type { Rule } from '../rule';
import { findName, leadingName, nameCase, squeeze, takeAddress } from '../text';

const SHOWING = /\b(?:showings?|tour|walk-?through|viewing|private show|to see|to view)\b/i;
const VERB =
  /^(?:please\s+)?(?:schedule|book|set up|setup|set|arrange|plan|add|create|make|request|line up|need|new|showing|tour|meet)\b/i;
/** "can we see this house w/ Brody monday at 5:30", "let's tour 12 Oak St": seeing a place is a showing. */
const SEE =
  /^(?:please\s+)?(?:(?:can|could) (?:we|i)\s+|let'?s\s+|i (?:want|need) to\s+|want to\s+|need to\s+)?(?:see|view|visit|tour|walk through|preview)\s+(?=(?:this|that|the)\s+(?:listing|house|home|property|place|condo|townhouse|townhome|unit|apartment|one|lot|building)\b|\d|it\b)/i;
/** "put Anna Tikhonova down for a showing", "book Tsion Alemayehu for a tour": the person before "for". */
const PERSON_FOR =
  /^(?:please\s+)?(?:put|pencil|book|schedule|get|sign up|set up)\s+(.{2,40}?)\s+(?:down\s+|in\s+)?(?:for\s+)?(?:a\s+|the\s+)(?:showing|tour|viewing|walk-?through)\b/i;
/** "a showing of it", "see it": "it" is the listing in view. */
const IT = /\b(?:of|see|show|tour|view|visit)\s+(it)\b/i;
/** "show the house to Tom", "show Maria this place", "show Tom 12 Oak St", "take the Lees to see it". */
const SHOW = /^(?:please\s+)?(?:show|take)\s+/i;
const SHOWN = new RegExp(`^(?:${LISTING_WORDS.source}|it\\b|\\d)`, 'i');

export const scheduleShowing: Rule = (s) => {
  let rest = s.text;
  const show = SHOW.exec(rest);
  const personFor = PERSON_FOR.exec(rest);
  const forName = personFor?.[1] && leadingName(personFor[1], { allowLowercase: true, max: 4 });
  let person: string | undefined = forName && !forName.rest.trim() ? nameCase(forName.value) : undefined;
  if (person && personFor) rest = rest.slice(personFor[0].length);
  if (!person && !(VERB.test(rest) && SHOWING.test(rest)) && !SEE.test(rest)) {
    if (!show) return undefined;
    const after = rest.slice(show[0].length);
    if (!SHOWN.test(after)) {
      // "show Maria this place": a person, then what is shown.
      const name = leadingName(after, { allowLowercase: /^[a-z]/.test(after), max: 2 });
      const pronoun = /^(?:him|her|them)\b/i.exec(after)?.[0];
      const shown = (name?.rest ?? after.slice(pronoun?.length ?? 0)).trim().replace(/^to see\s+/i, '');
      if ((!name && !pronoun) || !SHOWN.test(shown)) return undefined;
      person = name?.value ?? pronoun;
      rest = shown;
    }
  }
  let address: string | undefined;
  const typed = takeAddress(rest);
  if (typed) {
    address = completeAddress(s, typed.value);
    rest = typed.rest;
  } else {
    const said = LISTING_WORDS.exec(rest)?.[0] ?? /^it\b/i.exec(rest)?.[0] ?? IT.exec(rest)?.[1];
    // A showing typed on a listing's page is for that listing, whether or not the agent said "this".
    const listing = said ? listingInView(s, said) : pageListing(s);
    // "this place" with no listing in view: a showing of nothing would be a wrong write.
    if (said && !listing) return { intent: 'schedule_showing', confidence: 0.3, params: {} };
    if (listing && !said) s.references.push({ said: 'the showing', to: listing.address, from: 'page' });
    address = listing?.address;
    if (said) rest = squeeze(rest.replace(new RegExp(`\\b${said}\\b`), ' '));
  }
  const when = takeDate(rest, s.now);
  if (when) rest = when.rest;
  const name = person ?? findName(rest, /^(?:for|with|to)$/i);
  const pronoun = name && isContactWord(name) ? name : !name ? CONTACT_WORDS.exec(rest)?.[0] : undefined;
  // Nobody named, on a contact's page: the showing is for them.
  const contact = pronoun ? (contactInView(s, pronoun) ?? {}) : name ? { contact: name } : (pageContact(s) ?? {});
  const start = when?.dateTime;
  const who = 'contact' in contact || 'contactId' in contact;
  const known = [address, start, who].filter(Boolean).length;
  return {
    intent: 'schedule_showing',
    // A pronoun no one in view answers to is a guess: decline rather than book for nobody.
    confidence: pronoun && !who ? 0.3 : known >= 2 ? 0.9 : known === 1 ? 0.7 : 0.55,
    params: { ...contact, ...(address && { address }), ...(start && { start }) },
  };
};
