import type { Rule } from '../rule';
import { trimText } from '../text';

const FIND =
  /^(?:please\s+)?(?:find|search(?: for)?|look ?up|pull up|open|show(?: me)?|who is|who's|get|do (?:i|we) have (?:a |an |any )?(?=contact|client|lead|buyer|seller|someone|anyone)|where(?:'s|s| is) (?:the\s+)?(?:contact\s+)?(?:info|information|number|phone|email|details)\s+(?:for|of))\s*(?:the\s+|my\s+)?(?:(?:contact|client|lead|person|profile|buyer|seller|someone|anyone)s?\s+)?(?:(?:for|named|called|with|by)\s+)?(?:(?:the\s+)?(?:e-?mail|phone|number|cell)\s+)?(?:contact\s+)?/i;
/** "… in my crm", "the nakamura file", "Ty's record": words about where, not whom. */
const WHERE =
  /\s+(?:in|from|on)\s+(?:my|the|our)\s+(?:crm|contacts|database|phone|list)$|(?:'s|’s)?\s+(?:file|record|profile|info|details|contact)$/i;
const SAYS_CONTACT = /\b(?:contact|client|lead|person|profile|who is|who's)\b/i;
const PERSONISH = /^[\p{L}'’.-]+(?:\s+[\p{L}'’.-]+){0,4}$|^[\w.+'-]+@[\w-]+(?:\.[\w-]+)+$|^\+?[\d\s().-]{7,}$/u;

export const findContact: Rule = (s) => {
  const m = FIND.exec(s.text);
  if (!m) return undefined;
  const query = trimText(
    s.text
      .slice(m[0].length)
      .replace(/\?+$/, '')
      .replace(/'s (?:contact|info|details|number|email)$/i, '')
      .replace(WHERE, '')
      .replace(/\s+(?:again|real quick|quickly|please)$/i, '')
      .replace(/^the\s+/i, ''),
  );
  if (!query || !PERSONISH.test(query)) return undefined;
  return {
    intent: 'find_contact',
    confidence: SAYS_CONTACT.test(s.text) || /^look ?up/i.test(s.text) ? 0.9 : 0.75,
    params: { query },
  };
};
