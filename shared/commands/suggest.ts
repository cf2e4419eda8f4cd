import type { Intent } from '../contracts';
import { formatPrice, formatWhen } from '../format';
import { type ParseOptions, pageListing, sentence } from './context';
import { readCriteria } from './criteria';
import { takeDate } from './dates';
import { allowedTypos, distance } from './fuzzy';
import { refused } from './intents/guard';
import { findName, leadingName, takeAddress, takeEmail, takePhone } from './text';

/**
 * What to say when a sentence is declined: the pieces Estait did understand, and the two or three
 * nearest commands built from them, for the agent to pick and edit instead of starting over.
 */
export type Suggestion = { understood: string[]; suggestions: string[] };

/** The words that make each intent likely, as agents type them. */
const CUES: Partial<Record<Intent, string[]>> = {
  add_lead: ['add', 'new', 'lead', 'contact', 'client', 'buyer', 'seller', 'save', 'prospect'],
  add_note: ['note', 'notes', 'jot', 'wrote', 'mention', 'mentioned', 'prefers', 'wants', 'likes'],
  create_task: ['remind', 'reminder', 'task', 'todo', 'follow', 'call', 'check', 'tomorrow', 'later', 'need'],
  schedule_showing: ['showing', 'show', 'tour', 'see', 'visit', 'viewing', 'walkthrough', 'book'],
  log_call: ['called', 'spoke', 'talked', 'voicemail', 'vm', 'answer', 'reached', 'log'],
  save_listing: ['interested', 'loves', 'likes', 'favorite', 'favorites', 'saved', 'save'],
  draft_message: ['email', 'text', 'message', 'write', 'draft', 'tell', 'send', 'reply', 'sms'],
  search_properties: ['homes', 'houses', 'condos', 'beds', 'bed', 'baths', 'under', 'search', 'find', 'sale', 'listings'],
  comparables: ['comps', 'sold', 'worth', 'value', 'cma', 'comparable', 'price'],
  property_details: ['details', 'history', 'info', 'about', 'facts', 'tax'],
  find_contact: ['who', 'find', 'lookup', 'look', 'contact', 'number', 'phone'],
};

const cueScore = (words: string[], cues: string[]) =>
  words.filter((w) => cues.some((c) => w === c || (c[0] === w[0] && distance(w, c, allowedTypos(w)) <= allowedTypos(w)))).length;

export function suggest(text: string, options: ParseOptions): Suggestion {
  const s = sentence(text, options);
  // What Estait will not do is not offered in other words.
  if (refused(s)) return { understood: [], suggestions: [] };
  const words = s.lower.split(/[^\p{L}\d']+/u).filter(Boolean);
  const email = takeEmail(s.text);
  const phone = takePhone(email?.rest ?? s.text);
  const address = takeAddress(s.text);
  const when = takeDate(address?.rest ?? s.text, s.now);
  const name =
    findName(when?.rest ?? s.text, /^(?:call|with|for|to|text|email|tell|see|show|add|remind|about)$/i) ??
    findName(when?.rest ?? s.text) ??
    leadingName(s.text)?.value;
  const { criteria } = readCriteria(s.text);
  const listing = pageListing(s);

  const understood = [
    name && `a name: ${name}`,
    phone && `a phone: ${phone.value}`,
    email && `an email: ${email.value}`,
    address && `an address: ${address.value}`,
    when && `a time: ${formatWhen(when.dateTime ?? when.date)}`,
    criteria.location && `a place: ${criteria.location}`,
    criteria.priceMax !== undefined && `a price: up to ${formatPrice(criteria.priceMax)}`,
  ].filter((x): x is string => !!x);

  const day = when ? ` ${when.text}` : '';
  const place = address?.value ?? (listing ? 'this listing' : undefined);
  const templates: Partial<Record<Intent, string | undefined>> = {
    add_lead: name && `add ${name}${phone ? ` ${phone.value}` : ''}${email ? ` ${email.value}` : ''} as a lead`,
    create_task: `remind me to ${name ? `call ${name}` : 'follow up'}${day || ' tomorrow at 10'}`,
    log_call: name && `log call with ${name} – left voicemail`,
    save_listing: listing && name && `save this listing to ${name}`,
    add_note: name && `note for ${name}: `,
    schedule_showing: place && `schedule a showing at ${place}${name ? ` for ${name}` : ''}${day || ' tomorrow at 4'}`,
    draft_message: name && `email ${name} about `,
    search_properties: `${criteria.bedsMin ? `${criteria.bedsMin} bed ` : ''}homes in ${criteria.location ?? 'Austin'}${
      criteria.priceMax !== undefined ? ` under ${formatPrice(criteria.priceMax)}` : ''
    }`,
    comparables: place && `comps for ${place}`,
    property_details: place && `details for ${place}`,
    find_contact: name && `find contact ${name}`,
  };
  const affinity: Partial<Record<Intent, number>> = {
    add_lead: phone || email ? 2 : 0,
    schedule_showing: (address || listing ? 1 : 0) + (when?.dateTime ? 1 : 0),
    create_task: when ? 1 : 0,
    search_properties: criteria.location || criteria.priceMax !== undefined || criteria.bedsMin ? 2 : 0,
    comparables: address || listing ? 0.5 : 0,
    find_contact: name && !when ? 0.5 : 0,
  };
  const ranked = (Object.keys(templates) as Intent[])
    .map((intent) => ({
      intent,
      text: templates[intent],
      score: cueScore(words, CUES[intent] ?? []) * 2 + (affinity[intent] ?? 0),
    }))
    .filter((r): r is { intent: Intent; text: string; score: number } => !!r.text && r.score > 0)
    .sort((a, b) => b.score - a.score);
  const suggestions = ranked.slice(0, 3).map((r) => r.text);
  // Nothing to build on: what can be done with the page in front of the agent.
  if (!suggestions.length && listing)
    suggestions.push('comps for this listing', 'add the listing agent as a lead', 'schedule a showing here tomorrow at 4');
  return { understood, suggestions };
}
