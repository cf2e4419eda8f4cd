import { pageListing } from '../context';
import type { Rule } from '../rule';
import { leadingName, splitName, squeeze, takeEmail, takePhone, toE164, trimText } from '../text';

const KINDS = 'lead|contact|client|buyer|seller|prospect|customer';
const VERB = /^(?:please\s+)?(?:add|create|new|save|enter|make|put(?:\s+in)?)\b/i;
const OTHER_OBJECT =
  /^(?:please\s+)?(?:add|create|make|put|save|enter|new)\s+(?:a\s+|an\s+|the\s+)?(?:new\s+|quick\s+)?(?:note|task|reminder|to-?do|showing|appointment|event|tour|search)\b/i;
const PREFIX = new RegExp(
  `^(?:please\\s+)?(?:(?:add|create|save|enter|make|put(?:\\s+in)?)\\s+(?:(?:a|an)\\s+)?(?:new\\s+)?(?:(?:${KINDS})s?\\b\\s*(?:for\\s+|named\\s+|called\\s+)?)?|new\\s+(?:${KINDS})\\b)\\s*[:\\-–—]?\\s*`,
  'i',
);
const AS_KIND = new RegExp(`\\bas\\s+(?:a|an|my)\\s+(?:new\\s+)?(?:${KINDS})\\b`, 'i');
const LABELS = /\b(?:phone|cell|mobile|tel|number|email|e-mail)(?:\s*(?:number|#|is|:))?\s*(?=[,;.]|$)/gi;
const SOURCES =
  'open house|zillow|realtor\\.com|realtor|redfin|trulia|homes\\.com|referral|website|web site|facebook|instagram|google|sign call|yard sign|past client|sphere|walk-?in|cold call|door knocking|expired listing|fsbo|craigslist|networking event|seminar';
const SOURCE = new RegExp(`\\b(?:from|via|through|source:?)\\s+(?:an?\\s+|the\\s+|my\\s+|our\\s+)?(${SOURCES})\\b`, 'i');

/** "add the listing agent as a lead": the agent of the listing in the tab. */
const LISTING_AGENT = /\b(?:the\s+)?(?:listing|list|seller'?s?|selling)\s+agent\b/i;

export const addLead: Rule = (s) => {
  if (!VERB.test(s.text) || OTHER_OBJECT.test(s.text)) return undefined;

  if (LISTING_AGENT.test(s.text)) {
    const agent = pageListing(s)?.listingAgent;
    if (!agent?.name) return { intent: 'unknown', confidence: 0.3, params: {} };
    const phone = agent.phone ? toE164(agent.phone) : undefined;
    return {
      intent: 'add_lead',
      confidence: 0.9,
      params: {
        ...splitName(agent.name),
        ...(agent.email && { email: agent.email }),
        ...(phone && { phone }),
        notes: `Listing agent for ${pageListing(s)?.address}`,
      },
    };
  }

  let rest = s.text;
  const email = takeEmail(rest);
  if (email) rest = email.rest;
  const phone = takePhone(rest);
  if (phone) rest = phone.rest;
  const saysLead = new RegExp(`\\b(?:${KINDS})\\b`, 'i').test(rest);
  rest = rest.replace(PREFIX, '');
  const lowercase = /^[a-z]/.test(rest);
  const name = leadingName(rest, { allowLowercase: lowercase, max: lowercase ? 2 : 3 });
  if (!name) return undefined;
  rest = name.rest.replace(AS_KIND, ' ').replace(LABELS, ' ');
  const source = SOURCE.exec(rest);
  if (source) rest = rest.replace(source[0], ' ');
  const referral = !source && /\breferred by\b|\breferral\b/i.test(rest);
  const notes = trimText(squeeze(rest));

  return {
    intent: 'add_lead',
    confidence: email || phone ? 0.95 : saysLead ? 0.85 : 0.45,
    params: {
      ...splitName(name.value),
      ...(email && { email: email.value }),
      ...(phone && { phone: phone.value }),
      ...(notes && { notes }),
      ...(source?.[1] ? { source: source[1].toLowerCase() } : referral && { source: 'referral' }),
    },
  };
};
