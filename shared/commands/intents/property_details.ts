import { propertyInView } from '../context';
import type { Rule } from '../rule';
import { trimText } from '../text';

const DETAILS =
  /^(?:please\s+)?(?:(?:what(?:'s| is| are| was)?|show(?: me)?|get(?: me)?|pull(?: up)?|give me|tell me|i need)\s+)?(?:the\s+)?(?:(?:full\s+)?(?:price|sale|sales|tax|listing|property)\s+(?:history|details|info(?:rmation)?|records?)|details|info(?:rmation)?|facts|history|about)\b\s*(?:for|on|of|about|at)?\s*|^(?:please\s+)?(?:tell me (?:more )?about|look up (?:the )?(?:property|house|home|listing)(?: at)?|what do you know about)\s+/i;

/**
 * A question about one fact of a property: "how many sqft is this place", "whats the hoa on it",
 * "when was 12 Oak St built". The property is a typed address or the listing in view.
 */
const FACT =
  /^(?:please\s+)?(?:how (?:many|much|big|old|large|long)\b|when was\b|(?:what(?:'s|s| is| are| was)?\s+)?(?:the\s+)?(?:hoa|hoa fees?|tax(?:es)?|property tax(?:es)?|tax history|list price|asking price|price|lot size|lot|square footage|sq ?ft|sqft|year built|zoning|school district|schools|days on market|dom|mls ?#?|mls number|status)\b)/i;
export const propertyDetails: Rule = (s) => {
  const fact = FACT.exec(s.text);
  if (fact) {
    const rest = s.text.slice(fact[0].length);
    // In a question about one fact, "it" can only be the listing in view.
    const pointed = propertyInView(s, rest.replace(/\bit\b/i, 'this listing'));
    if (pointed.address)
      return { intent: 'property_details', confidence: pointed.confidence, params: { address: pointed.address } };
  }
  const m = DETAILS.exec(s.text);
  if (!m) return undefined;
  const rest = s.text.slice(m[0].length);
  const { address, confidence, pointed } = propertyInView(s, rest);
  if (!address && !pointed && trimText(rest)) return undefined;
  return { intent: 'property_details', confidence, params: address ? { address } : {} };
};
