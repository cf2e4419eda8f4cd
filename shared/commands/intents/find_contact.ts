import { CONTACT_WORDS, contactInView } from '../context';
import { placeNamed } from '../places';
import type { Rule } from '../rule';
import { household, leadingName, trimText } from '../text';

const FIND =
  /^(?:please\s+)?(?:find|search(?: for)?|look ?up|pull up|bring up|open|show(?: me)?|tell me (?:more )?about|who is|who's|get|do (?:i|we) have (?:a |an |any )?(?=contact|client|lead|buyer|seller|someone|anyone)|where(?:'s|s| is) (?:the\s+)?(?:contact\s+)?(?:info|information|number|phone|email|details)\s+(?:for|of))\s*(?:the\s+|my\s+)?(?:(?:contact|client|lead|person|profile|buyer|seller|someone|anyone)s?\s+)?(?:(?:for|named|called|with|by)\s+)?(?:(?:the\s+)?(?:e-?mail|phone|number|cell)\s+)?(?:contact\s+)?/i;
/**
 * Verbs said of anything ("open house", "pull up the listing", "tell me about Austin"): after
 * them only a person's name, an email or a phone is a contact.
 */
const ANY_OBJECT = /^(?:please\s+)?(?:open|pull up|bring up|show(?: me)?|get|tell me (?:more )?about)\b/i;
/** "… in my crm", "the nakamura file", "Ty's record": words about where, not whom. */
const WHERE =
  /\s+(?:in|from|on)\s+(?:(?:my|the|our)\s+)?(?:crm|contacts|database|phone|list)$|(?:'s|’s)?\s+(?:file|record|profile|info|details|contact)$/i;
const SAYS_CONTACT = /\b(?:contact|client|lead|person|profile|who is|who's)\b/i;
const PERSONISH = /^[\p{L}'’.-]+(?:\s+[\p{L}'’.-]+){0,4}$|^[\w.+'-]+@[\w-]+(?:\.[\w-]+)+$|^\+?[\d\s().-]{7,}$/u;
const EMAIL_OR_PHONE = /^[\w.+'-]+@[\w-]+(?:\.[\w-]+)+$|^\+?[\d\s().-]{7,}$/;
/** "who is she", "tell me about him": the person in view. */
const POINTING = new RegExp(`^(?:she|he|${CONTACT_WORDS.source})$`, 'i');
/** Apps and sites an agent opens, capitalised like names. */
const APPS = /\b(?:crm|mls|zillow|redfin|realtor(?:\.com)?|trulia|homes\.com|gmail|outlook|google|calendar|settings|estait)\b/i;

/** How sure a query after "open", "pull up" or "tell me about" is a person; 0 when it is not one. */
function personAfterAnyVerb(query: string, about: boolean): number {
  if (EMAIL_OR_PHONE.test(query)) return 0.75;
  if (APPS.test(query) || (about && placeNamed(query))) return 0;
  const lowercase = query === query.toLowerCase();
  const name = leadingName(query, { allowLowercase: lowercase, max: 5 });
  if (!name || name.rest) return 0;
  // "open maria garcia" is a name; "open settings" a word like any other.
  if (lowercase) return name.value.includes(' ') ? 0.6 : 0;
  return 0.85;
}

export const findContact: Rule = (s) => {
  const m = FIND.exec(s.text);
  if (!m) return undefined;
  let query = trimText(
    s.text
      .slice(m[0].length)
      .replace(/\?+$/, '')
      .replace(/'s (?:contact|info|details|number|email)$/i, '')
      .replace(WHERE, '')
      .replace(/\s+(?:again|real quick|quickly|please)$/i, '')
      .replace(/^the\s+/i, ''),
  );
  if (!query || !PERSONISH.test(query)) return undefined;
  // "tell me about the Smiths": the household, by the surname the CRM has.
  const family = /\bthe\s+$/i.test(m[0]) && /^\p{Lu}/u.test(query) ? household(`the ${query}`) : undefined;
  if (family && !family.rest) query = family.value;
  if (POINTING.test(query)) {
    const inView = contactInView(s, query);
    if (!inView?.contact) return undefined;
    query = inView.contact;
  } else if (ANY_OBJECT.test(s.text)) {
    const confidence = personAfterAnyVerb(query, /^(?:please\s+)?tell me/i.test(s.text));
    return confidence ? { intent: 'find_contact', confidence, params: { query } } : undefined;
  }
  return {
    intent: 'find_contact',
    confidence: SAYS_CONTACT.test(s.text) || /^look ?up/i.test(s.text) ? 0.9 : 0.75,
    params: { query },
  };
};
