import { propertyInView } from '../context';
import type { Rule } from '../rule';

const COMPS =
  /^(?:please\s+)?(?:(?:pull|run|get|find|show(?: me)?|give me|what are(?: the)?|need|do|prepare)\s+)?(?:a\s+|the\s+|some\s+)?(?:comps|comparables?|comparable (?:sales|homes|properties|listings)|cma|recent sales|sold comps)\b\s*(?:for|on|of|near|around|at)?\s*/i;
/** The question comps answer, asked in words: "what did similar homes sell for near …", "what's this worth". */
const WORTH =
  /^(?:please\s+)?(?:what|how much)\s+(?:did|do|have|are|were|would|will|could|is|'s)?\s*(?:similar|comparable|nearby|neighbou?ring|other|the neighbou?rs'?|homes like this|houses like this|places like this|the)?\s*(?:homes?|houses?|condos?|townhomes?|places?|ones?|properties|units|neighbou?rs|this(?: (?:one|house|home|place|listing|property))?|it)?\s*(?:like (?:this|it)\s*)?(?:sold|sell(?:ing)?|go(?:ing)? for|went for|gone for|worth|be worth|list(?:ed)? for|fetch(?:ed)?)\b(?:\s+for)?\s*(?:near|around|by|close to|on|at|in)?\s*/i;

/** "what did homes near 2910 N Paulina St sell for": the place between the homes and their price. */
const SOLD_NEAR =
  /^(?:please\s+)?what (?:did|do|have|are|were) (?:the\s+)?(?:similar |comparable |other |nearby )?(?:homes|houses|condos|places|properties|units|townhomes)\b(.+?)\b(?:sell|sold|go|gone|going|selling|went)\b/i;
/** "is this place overpriced? pull comps": asking for comps after saying why. */
const COMPS_LATER =
  /\b(?:pull|run|get|need|want|show me)\s+(?:the\s+|some\s+)?(?:comps|cma|comparables)\b|\b(?:over|under)priced\b/i;

export const comparables: Rule = (s) => {
  const near = SOLD_NEAR.exec(s.text);
  const m = COMPS.exec(s.text) ?? WORTH.exec(s.text);
  const later = !m && !near ? COMPS_LATER.exec(s.text) : null;
  if (!m && !near && !later) return undefined;
  const about = m ? s.text.slice(m[0].length) : near ? (near[1] ?? '') : s.text.replace(later?.[0] ?? '', ' ');
  const { address, confidence } = propertyInView(s, about);
  return { intent: 'comparables', confidence, params: address ? { address } : {} };
};
