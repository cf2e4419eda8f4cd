import {
  CONTACT_WORDS,
  contactInView,
  isContactWord,
  LISTING_WORDS,
  listingInView,
  pageContact,
  pageListing,
  type Sentence,
} from '../context';
import type { Rule } from '../rule';
import { leadingName, nameCase, trimText } from '../text';

const NOTE =
  /^(?:please\s+)?(?:(?:(?:add|make|log|write|leave|put|create|save|jot(?:\s+down)?)\s+(?:a\s+|an\s+|this\s+)?(?:quick\s+)?)?note\b|jot(?:\s+down)?(?=\s+(?:for|on|about)\b)|write down(?=\s+(?:for|on|about)\b))\s*/i;
const TARGET = /^(?:for|to|on|about|re:?|regarding|under|in)\s+/i;
/** "add to Ty Brennan's notes: …", "put this in her file: …": the person whose record it goes on. */
const ON_RECORD =
  /^(?:please\s+)?(?:add|put|save|log|write|jot)\s+(?:this\s+|that\s+)?(?:to|in|on|into)\s+(.{2,40}?)(?:'s|’s|s'|)\s+(?:notes?|file|record|profile|account)\s*[:\-–—,]?\s*/i;
/** "her file", "Ty's notes": a record word after the person. */
const RECORD = /(?:'s|’s|s')?\s+(?:notes?|file|record|profile|account)$/i;
/** "note - Victor Huang: …": the person, then a colon. */
const NAME_COLON = /^[-–—]?\s*([^:]{2,40}?):\s*/;
const POSSESSIVE: Record<string, string> = { his: 'him', their: 'them' };
/** "this listing", "it", "this place for Rohan": the listing in view, and who the note is for. */
const ON_LISTING = new RegExp(`^(${LISTING_WORDS.source}|it)(?:\\s+for\\s+(.{2,40}))?$`, 'i');
const SEPARATOR = /\s*(?::|\s[-–—]+\s|[–—]|,)\s*/;
/** A pronoun inside the note itself ("note: she wants to close before August"). */
const PRONOUN = /\b(?:she|he|they|her|him|them|his|their)\b/i;

/** Who a note is for: a name typed after "for/on/to", a pronoun, or the contact in view. */
function target(s: Sentence, typed: string | undefined, text: string): { contactId?: string; contact?: string } | undefined {
  if (typed) typed = POSSESSIVE[typed.toLowerCase()] ?? typed;
  if (typed && !isContactWord(typed)) return { contact: nameCase(trimText(typed)) };
  const said = typed ?? CONTACT_WORDS.exec(text)?.[0] ?? PRONOUN.exec(text)?.[0];
  if (said) return contactInView(s, said);
  // No one named: only the contact open in the tab is meant, never one from memory.
  return pageContact(s);
}

/** "Agnieszka Wróbel note - offer accepted": the person first, then the note. */
function nameFirst(text: string): { name: string; length: number } | undefined {
  const name = leadingName(text, { max: 3 });
  const note = name && /^note\b\s*[:\-–—,]?\s*/i.exec(name.rest);
  return name && note ? { name: name.value, length: text.length - name.rest.length + note[0].length } : undefined;
}

export const addNote: Rule = (s) => {
  const onRecord = ON_RECORD.exec(s.text);
  const first = onRecord ? undefined : nameFirst(s.text);
  const m = onRecord ?? (first ? [s.text.slice(0, first.length)] : NOTE.exec(s.text));
  if (!m) return undefined;
  let rest = s.text.slice(m[0].length);
  let typed: string | undefined = onRecord?.[1] ?? first?.name;
  let about: string | undefined;
  const t = onRecord || first ? undefined : TARGET.exec(rest);
  const named = !t && !onRecord && !first ? NAME_COLON.exec(rest) : undefined;
  const colonName = named?.[1] && leadingName(named[1], { allowLowercase: true, max: 3 });
  if (named && colonName && !colonName.rest.trim()) {
    typed = colonName.value;
    rest = rest.slice(named[0].length);
  } else if (t) {
    rest = rest.slice(t[0].length);
    const sep = SEPARATOR.exec(rest);
    const head = sep && sep.index > 0 && sep.index <= 60 ? rest.slice(0, sep.index) : undefined;
    const onListing = head && ON_LISTING.exec(head);
    if (onListing) {
      // "note on this listing (for Rohan): …" is about a property: say which in the note, and for whom.
      about = listingInView(s, onListing[1] ?? head)?.address;
      typed = onListing[2];
      rest = rest.slice((sep?.index ?? 0) + (sep?.[0].length ?? 0));
    } else if (head && sep) {
      typed = head.replace(RECORD, '').replace(/\s+(?:re|regarding|about)$/i, '');
      rest = rest.slice(sep.index + sep[0].length);
    } else {
      const name = leadingName(rest, { allowLowercase: /^[a-z]/.test(rest), max: /^[a-z]/.test(rest) ? 2 : 4 });
      if (name) {
        // "on Ramón de la Cruz's file that he …": the person, then what goes on their record.
        typed = name.value.replace(/['’]s$/, '');
        rest = name.rest.replace(/^(?:(?:['’]s\s+)?(?:file|record|notes?|profile)\s+)?(?:that\s+)?/i, '');
      }
    }
  }
  const body = trimText(rest.replace(/^[:\-–—,]\s*/, ''));
  if (!body) return undefined;
  // A note for no one in particular, typed on a listing's page, is about that listing.
  if (!typed && !about && !pageContact(s) && !CONTACT_WORDS.test(body) && !PRONOUN.test(body)) about = pageListing(s)?.address;
  const text = about ? `About ${about}: ${body}` : body;
  const contact = target(s, typed, body) ?? {};
  const known = 'contactId' in contact || 'contact' in contact;
  // A note about the listing in view is clear about what; the card asks who it goes on.
  return { intent: 'add_note', confidence: known ? 0.92 : about ? 0.6 : 0.45, params: { ...contact, text } };
};
