import type { Listing, ParsedCommand } from '../../contracts';
import { CONFIDENCE } from '../confidence';
import { listingInView, type Sentence } from '../context';
import { decline, type Rule } from '../rule';
import { hasLocalPhone, leadingName, splitName, squeeze, takeEmail, takePhone, toE164, trimText } from '../text';

const KINDS = 'lead|contact|client|buyer|seller|prospect|customer';
const VERB = /^(?:please\s+)?(?:add|create|new|save|enter|make|put(?:\s+in)?)\b/i;
const OTHER_OBJECT =
  /^(?:please\s+)?(?:add|create|make|put|save|enter|new)\s+(?:a\s+|an\s+|the\s+)?(?:new\s+|quick\s+)?(?:note|task|reminder|to-?do|showing|appointment|event|tour|search|call)\b/i;
const PREFIX = new RegExp(
  `^(?:please\\s+)?(?:(?:add|create|save|enter|make|put(?:\\s+in)?)\\s+(?:(?:a|an)\\s+)?(?:new\\s+)?(?:(?:hot|warm|buyer|seller|rental)\\s+)?(?:(?:${KINDS})s?\\b\\s*(?:for\\s+|named\\s+|called\\s+)?)?|new\\s+(?:${KINDS})\\b)\\s*[:\\-–—]?\\s*`,
  'i',
);
/** "buyer lead: Olivia Park …", "hot lead - …", "new lead from zillow: …": a label, then the person. */
const LABELLED = new RegExp(
  `^(?:(?:new|hot|warm|buyer|seller|rental|internet|web|referral)\\s+)?(?:${KINDS})(?:\\s+(?:from|via)\\s+[\\w.' -]{2,30}?)?\\s*[:\\-–—]\\s*`,
  'i',
);
/** "add as lead: Min-seo Choi", "…, add as lead: Min-seo Choi": the person follows, what came before is about them. */
const ADD_AS = new RegExp(
  `(?:^|[,;.]\\s*)(?:add|save|put)\\s+(?:as|to)\\s+(?:a\\s+|an\\s+|my\\s+)?(?:new\\s+)?(?:${KINDS})s?\\s*[:\\-–—]\\s*`,
  'i',
);
const AS_KIND = new RegExp(`\\bas\\s+(?:a|an|my)\\s+(?:new\\s+)?(?:${KINDS})\\b`, 'i');
const LABELS =
  /\b(?:phone|cell|mobile|tel|number|direct|office|email|e-mail)(?:\s*(?:number|#|is|:))?\s*(?=[,;.|]|$)|(?:^|[\s,|])(?:[cmotpe]|ph|cell|mobile|office|direct|email|e-mail)\s*[:.]\s*(?=[,|]|$)/gi;
const MOBILE = /\b(?:cell|mobile|mob|[cm])\s*[:.]?\s*(?=[+(]?\d{3})/i;
const SOURCES =
  'open house|zillow|realtor\\.com|realtor|redfin|trulia|homes\\.com|referral|website|web site|facebook|instagram|google|sign call|yard sign|past client|sphere|walk-?in|cold call|door knocking|expired listing|fsbo|craigslist|networking event|seminar';
const SOURCE = new RegExp(`\\b(?:from|via|through|source:?)\\s+(?:an?\\s+|the\\s+|my\\s+|our\\s+)?(${SOURCES})\\b`, 'i');

/** "add the listing agent as a lead": the agent of the listing in the tab (or the one last looked at). */
const LISTING_AGENT =
  /\b(?:the\s+)?(?:listing|list|seller'?s?|selling)\s+agent\b|\bthe\s+agent\s+(?:on|of|for)\s+(?:this|the|that)\s+(?:listing|house|home|property|place|one)\b/i;

/** The agent of the listing in view, when it names one. */
export function listingAgent(
  s: Sentence,
  said: string,
): { agent: NonNullable<Listing['listingAgent']> & { name: string }; address: string } | undefined {
  const listing = listingInView(s, said);
  const agent = listing?.listingAgent;
  return agent?.name && listing ? { agent: { ...agent, name: agent.name }, address: listing.address } : undefined;
}

/** The lead in `rest` once the verb is gone: a name, then what else the agent wrote about them. */
function lead(rest: string, areaCode: string | undefined, confidence: (found: { email: boolean; phone: boolean }) => number) {
  const email = takeEmail(rest);
  if (email) rest = email.rest;
  // A signature with office and cell numbers: the cell is the one to keep on the lead.
  const mobile = MOBILE.exec(rest);
  const afterLabel = mobile ? takePhone(rest.slice(mobile.index), areaCode) : undefined;
  const phone = afterLabel
    ? { value: afterLabel.value, rest: squeeze(`${rest.slice(0, mobile?.index)} ${afterLabel.rest}`) }
    : takePhone(rest, areaCode);
  if (phone) rest = phone.rest;
  // A seven-digit number with no area code to complete it still says "a person's phone"; it stays in the notes.
  const localPhone = !phone && hasLocalPhone(rest);
  const lowercase = /^[a-z]/.test(rest);
  // A lowercase name set off by a comma may have three words ("nguyen van hai, 832-…").
  const max = lowercase ? (/^\S+\s+\S+\s+[^\s,]+,/.test(rest) ? 3 : 2) : 3;
  const name = leadingName(rest, { allowLowercase: lowercase, max });
  if (!name) return undefined;
  rest = name.rest.replace(AS_KIND, ' ').replace(LABELS, ' ');
  const source = SOURCE.exec(rest);
  if (source) rest = rest.replace(source[0], ' ');
  const referral = !source && /\breferred by\b|\breferral\b/i.test(rest);
  const notes = trimText(squeeze(rest.replace(/(?:\s*[|•·]\s*)+/g, ', ')).replace(/^(?:,\s*)+|(?:,\s*)+$/g, ''));
  return {
    intent: 'add_lead' as const,
    confidence: confidence({ email: !!email, phone: !!phone || localPhone }),
    params: {
      ...splitName(name.value),
      ...(email && { email: email.value }),
      ...(phone && { phone: phone.value }),
      ...(notes && { notes }),
      ...(source?.[1] ? { source: source[1].toLowerCase() } : referral && { source: 'referral' }),
    },
  };
}

/**
 * A lead asked for in passing: "…put in a new lead for Vasyl Hnatiuk …", "…I met at the open house,
 * his name is Dawit Tesfaye, …". The person follows the words that introduce them.
 */
const INTRODUCED = new RegExp(
  `(?:(?:add|put in|create|enter|save|make)\\s+(?:(?:a|an)\\s+)?(?:new\\s+)?(?:${KINDS})s?\\s+(?:for|named|called)\\s+|\\b(?:his|her|their|the)\\s+names?\\s+(?:is|are)\\s+|\\bname'?s\\s+)`,
  'i',
);
/** "add this guy …: …", "new lead from an email thread, …": the lead's details come after the colon or the line. */
const ASKS_FOR_LEAD = new RegExp(
  `^(?:(?:add|put in|create|save)\\s+(?:this|that|the|a|an)\\s+(?:new\\s+)?(?:guy|person|lady|woman|man|couple|buyer|seller|${KINDS})\\b|new\\s+(?:${KINDS})\\b)`,
  'i',
);
const DETAILS_START = /:\s*|,\s+(?=\p{Lu}\p{Ll}+(?:\s+\p{Lu}|,))/u;

export const addLead: Rule = (s) => {
  const introduced = INTRODUCED.exec(s.text);
  if (introduced) {
    const after = s.text.slice(introduced.index + introduced[0].length);
    const found = lead(`${after}, ${s.text.slice(0, introduced.index)}`, s.areaCode, () => 0.9);
    if (found) return found;
  }
  const addAs = ADD_AS.exec(s.text);
  if (addAs) {
    const before = s.text.slice(0, addAs.index);
    const found = lead(`${s.text.slice(addAs.index + addAs[0].length)} ${before}`, s.areaCode, () => 0.9);
    if (found) return found;
  }
  const labelled = LABELLED.exec(s.text);
  if (!labelled && (!VERB.test(s.text) || OTHER_OBJECT.test(s.text))) return afterDetails(s);

  if (LISTING_AGENT.test(s.text)) {
    const found = listingAgent(s, 'the listing agent');
    if (!found) return decline(0.3);
    const phone = found.agent.phone ? toE164(found.agent.phone) : undefined;
    return {
      intent: 'add_lead',
      confidence: 0.9,
      params: {
        ...splitName(found.agent.name),
        ...(found.agent.email && { email: found.agent.email }),
        ...(phone && { phone }),
        notes: `Listing agent for ${found.address}`,
      },
    };
  }

  const saysLead = !!labelled || new RegExp(`\\b(?:${KINDS})\\b`, 'i').test(s.text);
  // Where the lead came from may stand in the label: "new lead from zillow: …".
  const labelSource = labelled && SOURCE.exec(labelled[0]);
  const body = labelled ? s.text.slice(labelled[0].length) : s.text.replace(PREFIX, '');
  const rest = labelSource ? `${body} ${labelSource[0]}` : body;
  const found = lead(rest, s.areaCode, ({ email, phone }) => (email || phone ? 0.95 : saysLead ? 0.85 : 0.45));
  return found && found.confidence >= CONFIDENCE.act ? found : (afterDetails(s) ?? found);
};

/** "add this person as a lead, pasting her signature: …": the lead's details after the colon or the line. */
function afterDetails(s: Sentence): ParsedCommand | undefined {
  const details = ASKS_FOR_LEAD.test(s.text) ? DETAILS_START.exec(s.text) : null;
  if (!details) return undefined;
  return lead(s.text.slice(details.index + details[0].length), s.areaCode, ({ email, phone }) => (email || phone ? 0.9 : 0.6));
}

/**
 * A person's details with no verb — a pasted email signature, "Olivia Park 512-555-0123" — is a
 * lead to add: a name first, then a phone or an email.
 */
export const bareContact: Rule = (s) => {
  if (!/^\p{L}/u.test(s.text)) return undefined;
  const found = lead(s.text, s.areaCode, ({ email, phone }) => (email || phone ? 0.8 : 0));
  return found && found.confidence > 0 ? found : undefined;
};
