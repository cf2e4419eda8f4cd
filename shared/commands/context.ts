import type { Listing, PageContext, Recent, Reference } from '../contracts';
import { fold } from '../normalize';
import { type LocalNow, parseLocalNow, takeDate, type When } from './dates';
import { correctTypos } from './lexicon';
import { takeAddress, trimText } from './text';

export type ParseOptions = { now: string; tz: string; page?: PageContext; recent?: Recent; areaCode?: string };

/** One sentence being parsed, with what every intent reads from it. */
export type Sentence = {
  /** As typed, spaces collapsed, line breaks as commas, typos in command words corrected. */
  text: string;
  lower: string;
  now: LocalNow;
  page?: PageContext;
  recent?: Recent;
  /** The agent's area code, for seven-digit phones. */
  areaCode?: string;
  /** What "him", "this place"… were taken to mean, filled in as rules resolve them. */
  references: Reference[];
};

/** A pasted signature or a multi-line address on one line: each line is its own piece, comma-separated. */
export const joinLines = (text: string) =>
  text
    .trim()
    .replace(/\s*[\r\n]+\s*/g, (_, offset: number, all: string) => (/[,;:.!?]$/.test(all.slice(0, offset)) ? ' ' : ', '));

/** Courtesy around a command, which says nothing about it: "can you …", "pls …", "… thanks!". */
const OPENER =
  /^(?:(?:hey|hi|ok|okay|yo|so)[,!.]?\s+)?(?:(?:can|could|would|will) you\s+(?:please\s+|pls\s+)?|pls\s+|plz\s+|please\s+|kindly\s+)/i;
const CLOSER = /[\s,]+(?:please|pls|plz|thanks|thank you|thx|ty)[.!]*$/i;

export function sentence(text: string, options: ParseOptions): Sentence {
  const clean = correctTypos(
    joinLines(text)
      .replace(OPENER, '')
      .replace(CLOSER, '')
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/[\u201c\u201d]/g, '"')
      .replace(/\bw\/\s?/gi, 'with ')
      // "call w Jenna": a bare w is "with" after a word for talking; elsewhere it is a quadrant ("W 5th St").
      .replace(/\b(call|called|calls|spoke|speak|talked|talk|met|meet|meeting|chat|chatted)\s+w\s+(?=\p{L})/giu, '$1 with ')
      // "Selam Worku,left a vm": a comma typed without its space still ends the name.
      .replace(/,(?=\p{L})/gu, ', ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  return {
    text: clean,
    lower: clean.toLowerCase(),
    now: parseLocalNow(options.now, options.tz),
    page: options.page,
    recent: options.recent,
    areaCode: options.areaCode,
    references: [],
  };
}

/** The contact open in the tab, when there is one with an id, as a write's target. */
export function pageContact(s: Sentence): ContactTarget | undefined {
  const onPage = s.page?.kind === 'contact' ? s.page.contact : undefined;
  return onPage?.id ? { contactId: onPage.id, ...(onPage.name && { contact: onPage.name }) } : undefined;
}

/** The listing open in the tab, when there is one. */
export const pageListing = (s: Sentence) => (s.page?.kind === 'listing' ? s.page.listing : undefined);

/** Words that point at a person already in view: the page's contact, else the one last referred to. */
export const CONTACT_WORDS =
  /\b(?:him|her|them|they|this (?:contact|client|lead|person|buyer|seller|guy|lady|couple)|th(?:e|at) (?:lead|contact|client|buyer|seller|person) i just (?:added|saved|created|made)|the (?:new )?(?:lead|contact|client))\b/i;
const ONLY_CONTACT_WORDS = new RegExp(`^${CONTACT_WORDS.source}$`, 'i');
export const isContactWord = (text: string) => ONLY_CONTACT_WORDS.test(text.trim());

export type ContactTarget = { contactId?: string; contact?: string };

/**
 * The contact a pronoun points at: the contact page in the tab first, then the conversation memory.
 * Undefined when nothing is in view — the caller must not write to "her" without knowing who she is.
 */
export function contactInView(s: Sentence, said: string): ContactTarget | undefined {
  const onPage = pageContact(s);
  if (onPage) {
    s.references.push({ said, to: onPage.contact ?? `contact #${onPage.contactId}`, from: 'page' });
    return onPage;
  }
  const remembered = s.recent?.contact;
  if (!remembered) return undefined;
  s.references.push({ said, to: remembered.name, from: 'recent' });
  return { ...(remembered.id && { contactId: remembered.id }), contact: remembered.name };
}

/** Words that point at a property already in view. */
export const LISTING_WORDS =
  /\b(?:(?:this|that|the) (?:listing|house|home|property|place|condo|townhouse|townhome|unit|apartment|one|lot|building)|here)\b/i;

/** The listing "this place" / "here" points at: the tab's listing first, then the conversation memory. */
export function listingInView(s: Sentence, said: string): Listing | undefined {
  const onPage = pageListing(s);
  const listing = onPage ?? s.recent?.listing;
  if (listing) s.references.push({ said, to: listing.address, from: onPage ? 'page' : 'recent' });
  return listing;
}

/**
 * The property a question is about: a typed address, or the listing in view when the agent points
 * at it ("this one") or names nothing. `pointed` says the words pointed at a listing.
 */
export function propertyInView(s: Sentence, rest: string): { address?: string; confidence: number; pointed: boolean } {
  const typed = takeAddress(rest);
  if (typed) return { address: completeAddress(s, typed.value), confidence: 0.92, pointed: false };
  const said = LISTING_WORDS.exec(rest)?.[0] ?? (/^\s*it\b/i.test(rest) ? 'it' : undefined);
  if (said || !trimText(rest.replace(/\?+$/, ''))) {
    const listing = listingInView(s, said ?? 'this listing');
    return listing ? { address: listing.address, confidence: 0.9, pointed: true } : { confidence: 0.4, pointed: !!said };
  }
  const raw = trimText(rest.replace(/^(?:of|for|on|about|at|near)\s+/i, '').replace(/\?+$/, ''));
  return /^\d+\s+\S+/.test(raw) ? { address: raw, confidence: 0.75, pointed: false } : { confidence: 0.3, pointed: false };
}

/** Stands in for an address while the date is read, so "901 W 9th St" is never the 9th. */
const ADDRESS_MARK = '§address§';

/**
 * The date in `text`, read with any street address set aside ("meet Zoë at 12 Oak St saturday
 * 10am" is Saturday at 10, not noon); the address is back in place in `rest`.
 */
export function dateAround(s: Sentence, text: string): When | undefined {
  const address = takeAddress(text);
  const masked = address ? text.replace(address.value, ADDRESS_MARK) : text;
  const when = takeDate(masked, s.now);
  return when && address ? { ...when, rest: when.rest.replace(ADDRESS_MARK, address.value) } : when;
}

/**
 * A typed street that is the listing in view ("1200 barton hills dr" on that listing's page) is
 * that listing's whole address, as the MLS and the CRM know it.
 */
export function completeAddress(s: Sentence, typed: string): string {
  const listing = pageListing(s) ?? s.recent?.listing;
  const simple = (a: string) =>
    fold(a)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const whole = listing && simple(listing.address);
  return whole && `${whole} `.startsWith(`${simple(typed)} `) ? (listing?.address ?? typed) : typed;
}
