import { pageListing, type Sentence } from '../context';
import type { Rule } from '../rule';
import { LISTING_REFERENCE, takeAddress, trimText } from '../text';

/** The property a question is about: a typed address, or the listing open in the tab. */
function subject(s: Sentence, rest: string): { address?: string; confidence: number } {
  const typed = takeAddress(rest);
  if (typed) return { address: typed.value, confidence: 0.92 };
  if (LISTING_REFERENCE.test(rest) || !trimText(rest)) {
    const onPage = pageListing(s)?.address;
    return onPage ? { address: onPage, confidence: 0.9 } : { confidence: 0.4 };
  }
  const raw = trimText(rest.replace(/^(?:of|for|on|about|at|near)\s+/i, '').replace(/\?+$/, ''));
  return /^\d+\s+\S+/.test(raw) ? { address: raw, confidence: 0.75 } : { confidence: 0.3 };
}

const COMPS =
  /^(?:please\s+)?(?:(?:pull|run|get|find|show(?: me)?|give me|what are(?: the)?|need|do|prepare)\s+)?(?:a\s+|the\s+|some\s+)?(?:comps|comparables?|comparable (?:sales|homes|properties|listings)|cma|recent sales)\b\s*(?:for|on|of|near|around|at)?\s*/i;

export const comparables: Rule = (s) => {
  const m = COMPS.exec(s.text);
  if (!m) return undefined;
  const { address, confidence } = subject(s, s.text.slice(m[0].length));
  return { intent: 'comparables', confidence, params: address ? { address } : {} };
};

const DETAILS =
  /^(?:please\s+)?(?:(?:what(?:'s| is| are| was)?|show(?: me)?|get(?: me)?|pull(?: up)?|give me|tell me|i need)\s+)?(?:the\s+)?(?:(?:full\s+)?(?:price|sale|sales|tax|listing|property)\s+(?:history|details|info(?:rmation)?|records?)|details|info(?:rmation)?|facts|history|about)\b\s*(?:for|on|of|about|at)?\s*|^(?:please\s+)?(?:tell me about|look up (?:the )?(?:property|house|home|listing)(?: at)?|what do you know about)\s+/i;

export const propertyDetails: Rule = (s) => {
  const m = DETAILS.exec(s.text);
  if (!m) return undefined;
  const rest = s.text.slice(m[0].length);
  const { address, confidence } = subject(s, rest);
  if (!address && !LISTING_REFERENCE.test(rest) && trimText(rest)) return undefined;
  return { intent: 'property_details', confidence, params: address ? { address } : {} };
};
