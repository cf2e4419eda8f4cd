import type { ParsedCommand } from '../contracts';
import { parse } from '.';
import { CONFIDENCE } from './confidence';
import { joinLines, type ParseOptions } from './context';
import { takeAddress, takeEmail, takePhone, trimText } from './text';

/**
 * What text the agent selected on a page is, and the sentence that does it: the panel runs that
 * sentence through the command box like a typed one, so the card is the one typing it would give.
 */
export type SelectionReading =
  /** A person with a phone or an email: a signature, "Call Jane Roe at 512.555.0199". */
  | { kind: 'lead'; sentence: string; command: Extract<ParsedCommand, { intent: 'add_lead' }> }
  /** A bare email or phone: who it is in the CRM. */
  | { kind: 'lookup'; sentence: string; query: string }
  /** A street address, on one line or several. */
  | { kind: 'address'; sentence: string; address: string }
  /** A sentence Estait reads as a command by itself ("remind me to call Jane Friday"). */
  | { kind: 'command'; sentence: string; command: ParsedCommand }
  /** Anything else: the text, for the agent to say what to do with it. */
  | { kind: 'text'; text: string; hint: string };

/** A letter's closing above a signature: "Best,", "Thanks!", "--". */
const SIGN_OFF =
  /^(?:--+|[–—]+|(?:(?:best|kind|warm|warmest)(?:\s+regards|\s+wishes)?|regards|thanks|thank you|many thanks|cheers|sincerely|yours(?:\s+truly)?|talk soon|all the best)[,.!]?)\s*[\r\n]+/i;
/** Words asking the reader to get in touch, which are not part of the name: "Call Jane Roe at …". */
const REACH =
  /^(?:please\s+)?(?:call|text|e-?mail|contact|reach(?:\s+out\s+to)?|ping|phone|ring|message|write\s+to|get\s+in\s+touch\s+with|ask\s+for)\s+/i;
/** "at" / "on" / "via" between a name and its number or address: a separator, not a note. */
const BEFORE_DETAILS = /\s+(?:at|on|via|by)\s*:?\s+(?=[+(]?\d|[\w.+'-]+@)/gi;
/** "Jane Roe <jane@x.com>", "Jane Roe (jane@x.com)": the brackets around an email say nothing. */
const BRACKETED = /\s*[<([]\s*([\w.+'-]+@[\w-]+(?:\.[\w-]+)+)\s*[>)\]]/g;
/** A label before a lone email or phone: "Email:", "Cell:", "mailto:", "T." */
const LABEL = /^(?:(?:e-?mail|mailto|phone|tel|cell|mobile|office|direct|fax|[cmotp])\s*[:.]?\s*)/i;
/** What may be left of an address once it is taken: the country. */
const COUNTRY = /^(?:usa?|united states(?: of america)?)$/i;

export const SELECTION_HINT =
  'Estait could not tell what this is. Say what to do with it, e.g. “add a note to Jane Roe: …” or “remind me to call about …”.';

/**
 * Reads a selection, its line breaks kept (a signature's lines are its fields). The pieces are the
 * parser's own (name, email, phone, address); what is added here is only which of them the
 * selection is, and the tidying a page's text needs before it reads as a sentence.
 */
export function readSelection(selected: string, options: ParseOptions): SelectionReading {
  const lines = selected
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .trim()
    .replace(SIGN_OFF, '');
  const text = joinLines(lines);
  if (!text) return { kind: 'text', text, hint: SELECTION_HINT };

  const bare = text.replace(REACH, '').replace(LABEL, '').trim();
  const email = takeEmail(bare);
  if (email && !trimText(email.rest.replace(/^[<(]|[>)]$/g, '')))
    return { kind: 'lookup', sentence: `look up ${email.value}`, query: email.value };
  const phone = takePhone(bare, options.areaCode);
  if (phone && !trimText(phone.rest)) return { kind: 'lookup', sentence: `look up ${phone.value}`, query: phone.value };

  const address = takeAddress(text);
  if (address && !email && !phone && (!trimText(address.rest) || COUNTRY.test(trimText(address.rest)))) {
    const sentence = `details for ${address.value}`;
    const read = parse(sentence, options).command;
    if (read.intent === 'property_details' && read.params.address)
      return { kind: 'address', sentence, address: read.params.address };
  }

  const person = text.replace(REACH, '').replace(BRACKETED, ', $1').replace(BEFORE_DETAILS, ', ');
  const leadSentence = `add lead ${person}`;
  const lead = parse(leadSentence, options).command;
  if (lead.intent === 'add_lead' && (lead.params.email || lead.params.phone))
    return { kind: 'lead', sentence: leadSentence, command: lead };

  const command = parse(text, options).command;
  if (command.intent !== 'unknown' && command.confidence >= CONFIDENCE.local) return { kind: 'command', sentence: text, command };
  return { kind: 'text', text, hint: SELECTION_HINT };
}
