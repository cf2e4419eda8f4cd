import type { Listing } from '../../contracts';
import {
  CONTACT_WORDS,
  type ContactTarget,
  contactInView,
  LISTING_WORDS,
  listingInView,
  pageListing,
  type Sentence,
} from '../context';
import { decline, type Rule } from '../rule';
import { household, leadingName, nameCase, trimText } from '../text';
import { brief } from './draft_message';

const LISTING = `(?:${LISTING_WORDS.source}|it\\b)`;
/** Where a CRM keeps the homes a contact likes, said after their name: "Dana's favorites". */
const COLLECTION =
  /^(?:['’]s|s['’])?\s*(?:saved\s+(?:homes|listings|properties|houses)|favou?rites?|faves|wish\s?list|(?:home\s+)?list|file|profile|record)\b/i;
/** "save this listing to John Smith", "add this home to Dana's favorites", "save this one for her". */
const LISTING_FIRST = new RegExp(
  `^(save|add|put|pin|bookmark|favou?rite|star|send)\\s+(${LISTING})(?:\\s+(?:to|for|in|into|on|under)\\s+(.+))?$`,
  'i',
);
/** "Maria is interested in this house", "she loves this one", "the Lees really like this place". */
const PERSON_FIRST = new RegExp(
  `^(.{2,40}?)\\s+(?:(?:is|are|was|were|seems?|seemed)\\s+|['’](?:s|re)\\s+)?(?:(?:really|very|super|so|quite|definitely|also|totally)\\s+)?(?:interested in|into|in love with|keen on|loves?|loved|likes?|liked|adores?|adored|fell in love with|wants?)\\s+(${LISTING})\\s*(?:[:\\-–—,.!;]+\\s*(.*))?$`,
  'i',
);
const SEPARATOR = /^\s*(?:[:\-–—,;.]+|\s(?:because|since|as|note:?)\s)\s*/i;
/** Words after "to" that name no contact: the agent's own list, or the CRM itself. */
const NO_ONE = /^(?:my|mine|me|the\s+crm|crm|a\s+contact|a\s+client|contacts?|the\s+list)\b/i;

/** What a saved listing keeps: what a message would say of it, where it is, and the page it came from. */
export function savedListing(listing: Listing, pageUrl?: string): Listing {
  const { street, city, state, zip } = listing;
  const url = listing.url ?? (pageUrl && /^https?:/i.test(pageUrl) ? pageUrl : undefined);
  return {
    ...brief(listing),
    ...(street && { street }),
    ...(city && { city }),
    ...(state && { state }),
    ...(zip && { zip }),
    ...(url && { url }),
  };
}

type Who = { target?: ContactTarget; said?: string; rest: string };

/** The person at the start of `text`: a household, a pronoun, or a name; undefined when it is none of them. */
function who(s: Sentence, text: string): Who | undefined {
  const family = household(text);
  if (family) return { target: { contact: family.value }, rest: family.rest };
  const pronoun = new RegExp(`^(?:${CONTACT_WORDS.source}|she\\b|he\\b)`, 'i').exec(text)?.[0];
  if (pronoun) return { target: contactInView(s, pronoun), said: pronoun, rest: text.slice(pronoun.length) };
  if (NO_ONE.test(text)) return undefined;
  const lowercase = /^\p{Ll}/u.test(text);
  const name = leadingName(text, { allowLowercase: lowercase, max: lowercase ? 2 : 3 });
  if (!name) return undefined;
  // The name reader drops the comma after a name; it is kept here, where it starts the note.
  const punct = /([,:;.!?])\s*$/.exec(text.slice(0, text.length - name.rest.length))?.[1];
  return { target: { contact: nameCase(name.value.replace(/['’]s$/, '')) }, rest: `${punct ?? ''} ${name.rest}` };
}

export const saveListing: Rule = (s) => {
  const first = LISTING_FIRST.exec(s.text);
  const second = first ? undefined : PERSON_FIRST.exec(s.text);
  if (!first && !second) return undefined;
  let person: Who | undefined;
  let note = '';
  if (first) {
    const [, verb = '', , tail] = first;
    if (tail) {
      person = who(s, tail);
      if (!person) return undefined;
      const collection = COLLECTION.exec(person.rest.trimStart());
      const after = collection ? person.rest.trimStart().slice(collection[0].length) : person.rest;
      // "send this listing to Maria" shares it (a draft); only "to Maria's saved homes" saves it.
      if (/^send$/i.test(verb) && !collection) return undefined;
      const sep = SEPARATOR.exec(after);
      if (after.trim() && !sep) return undefined;
      note = sep ? after.slice(sep[0].length) : '';
    } else if (/^send$/i.test(verb) || !/^(?:save|bookmark|favou?rite|star|pin)$/i.test(verb)) return undefined;
  } else if (second) {
    const typed = second[1] ?? '';
    person = who(s, typed);
    if (!person || trimText(person.rest)) return undefined;
    note = second[3] ?? '';
  }
  const said = (first?.[2] ?? second?.[2] ?? 'this listing').trim();
  const listing = listingInView(s, said);
  // A save with nothing in view to save is declined here, not guessed at nor read as a search for "this house".
  if (!listing) return decline(0.5);
  const target = person?.target;
  const known = !!target && ('contactId' in target || 'contact' in target);
  const text = trimText(note);
  return {
    intent: 'save_listing',
    // Who it is for is resolved on the card when no one was named; a pronoun with no one in view is not guessed.
    confidence: known ? 0.92 : person?.said ? 0.3 : 0.6,
    params: {
      ...target,
      listing: savedListing(listing, pageListing(s) === listing ? s.page?.url : undefined),
      ...(text && { note: text }),
    },
  };
};
