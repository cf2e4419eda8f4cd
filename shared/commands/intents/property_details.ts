import { propertyInView } from '../context';
import type { Rule } from '../rule';
import { trimText } from '../text';

const DETAILS =
  /^(?:please\s+)?(?:(?:what(?:'s| is| are| was)?|show(?: me)?|get(?: me)?|pull(?: up)?|give me|tell me|i need)\s+)?(?:the\s+)?(?:(?:full\s+)?(?:price|sale|sales|tax|listing|property)\s+(?:history|details|info(?:rmation)?|records?)|details|info(?:rmation)?|facts|history|about)\b\s*(?:for|on|of|about|at)?\s*|^(?:please\s+)?(?:tell me about|look up (?:the )?(?:property|house|home|listing)(?: at)?|what do you know about)\s+/i;

export const propertyDetails: Rule = (s) => {
  const m = DETAILS.exec(s.text);
  if (!m) return undefined;
  const rest = s.text.slice(m[0].length);
  const { address, confidence, pointed } = propertyInView(s, rest);
  if (!address && !pointed && trimText(rest)) return undefined;
  return { intent: 'property_details', confidence, params: address ? { address } : {} };
};
