import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** Pieces of a typed sentence that every intent uses: contact details, names, addresses. */

const EMAIL = /[\w.+'-]+@[\w-]+(?:\.[\w-]+)+/g;
const PHONE = /(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}\b|\+\d[\d\s().-]{7,}\d/g;

export type Found = { value: string; rest: string };

/** Removes the first match of `re` from `text`, returning what it found and what is left. */
export function take(
  text: string,
  re: RegExp,
  pick: (m: RegExpExecArray) => string | undefined = (m) => m[0],
): Found | undefined {
  const flags = re.flags.replace('g', '');
  const m = new RegExp(re.source, flags).exec(text);
  if (!m) return undefined;
  const value = pick(m);
  if (value === undefined) return undefined;
  return { value, rest: squeeze(`${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`) };
}

/** Collapses spaces and the punctuation left behind when a piece is cut out. */
export const squeeze = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/([,;:])(?:\s*[,;:])+/g, '$1')
    .trim();

/** Strips connectors and punctuation from both ends: ", wants a 3 bed." → "wants a 3 bed". */
export const trimText = (text: string) =>
  text
    .replace(/^[\s,;:.\-–—]+|[\s,;:\-–—]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();

export function takeEmail(text: string): Found | undefined {
  return take(text, EMAIL, (m) => m[0].replace(/[.']+$/, '').toLowerCase());
}

/** A US (or +country) phone number in E.164, or undefined when it is not a possible number. */
export function toE164(raw: string): string | undefined {
  const parsed = parsePhoneNumberFromString(raw, 'US');
  return parsed?.isPossible() ? parsed.number : undefined;
}

export function takePhone(text: string): Found | undefined {
  return take(text, PHONE, (m) => toE164(m[0]));
}

/** Words that are capitalised at the start of a sentence or for emphasis but are not names. */
const NOT_NAMES = new Set(
  (
    'a an the i me my we our you your he she her him his they them their it this that these those ' +
    'add new lead contact client buyer seller call email text note task remind schedule book set show find search look send ' +
    'follow meet ping message write draft tell pull get list create save log please and or with for to from at on in of by ' +
    'monday tuesday wednesday thursday friday saturday sunday today tomorrow tonight next last this ' +
    'january february march april may june july august september october november december ' +
    'mr mrs ms dr st ave rd dr ln blvd ct way mls cma hoa'
  ).split(' '),
);

const NAME_WORD = /^(?:\p{Lu}\p{Ll}*(?:['’-]\p{L}\p{Ll}*)*|\p{Lu}['’]\p{Lu}\p{Ll}+|Ma?c\p{Lu}\p{Ll}+)$/u;
const LOWER_NAME_WORD = /^\p{Ll}+(?:['’-]\p{Ll}+)*$/u;
const HONORIFIC = /^(?:dr|mr|mrs|ms|miss|mx|prof)\.?\s+/i;

export type NameOptions = { allowLowercase?: boolean; max?: number };

/**
 * A person's name at the start of `text`: up to three name-like words ("Tom O'Brien", "Mary-Kate
 * Olsen"). Lowercase words count only when asked (the agent typed "add john smith …").
 */
export function leadingName(text: string, { allowLowercase = false, max = 3 }: NameOptions = {}): Found | undefined {
  const words = text.replace(HONORIFIC, '').split(/\s+/);
  const taken: string[] = [];
  for (const raw of words) {
    const word = raw.replace(/[,:;.!?]+$/, '');
    const ok = NAME_WORD.test(word) || (allowLowercase && LOWER_NAME_WORD.test(word));
    if (!ok || NOT_NAMES.has(word.toLowerCase()) || taken.length === max) break;
    taken.push(word);
    if (word !== raw) break;
  }
  if (!taken.length) return undefined;
  const rest = words.slice(taken.length).join(' ');
  return { value: taken.join(' '), rest: rest.replace(/^[,:;.]\s*/, '') };
}

/** The first name-like run of capitalised words anywhere after a word in `after` (or anywhere). */
export function findName(text: string, after?: RegExp): string | undefined {
  const words = text.split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    if (after && !(i > 0 && after.test(words[i - 1] ?? ''))) continue;
    const found = leadingName(words.slice(i).join(' '));
    if (found && (after || found.value.includes(' '))) return found.value;
  }
  return undefined;
}

/** "john smith" → "John Smith"; names typed with their own capitals stay as typed. */
export const nameCase = (name: string) =>
  name === name.toLowerCase()
    ? name.replace(/(^|[\s'’-])([a-z])/g, (_, sep: string, ch: string) => sep + ch.toUpperCase())
    : name;

export function splitName(name: string): { firstName: string; lastName?: string } {
  const [firstName = name, ...rest] = nameCase(name).split(' ');
  return rest.length ? { firstName, lastName: rest.join(' ') } : { firstName };
}

/** A pronoun or "this contact" that points at the contact open in the tab. */
export const CONTACT_REFERENCE =
  /^(?:her|him|them|this (?:contact|client|lead|person|buyer|seller)|the (?:contact|client|lead))$/i;
export const MENTIONS_CONTACT = /\b(?:her|him|them|this (?:contact|client|lead|person|buyer|seller))\b/i;

/** "this listing", "this house", "this one": the listing open in the tab. */
export const LISTING_REFERENCE =
  /\b(?:this|that|the) (?:listing|house|home|property|place|condo|townhouse|townhome|unit|apartment|one|lot|building)\b/i;

const SUFFIX =
  'St|Street|Ave|Avenue|Rd|Road|Dr|Drive|Ln|Lane|Blvd|Boulevard|Ct|Court|Way|Pl|Place|Ter|Terrace|Cir|Circle|Pkwy|Parkway|Hwy|Highway|Trl|Trail|Loop|Pass|Run|Sq|Square|Cv|Cove|Xing|Crossing|Pt|Point|Row|Path|Pike|Plz|Plaza|Aly|Alley|Bnd|Bend|Holw|Hollow|Ridge|Hill|Hills|Park';
/** Words between a house number and its suffix, never a connector ("123 Main St at 3pm"). */
const STREET_WORD = "(?!(?:at|for|on|in|with|by|and|to|from|near|tomorrow|today)\\b)[A-Za-z0-9'.-]+\\s+";
const STREET = new RegExp(
  `\\b\\d{1,6}[A-Za-z]?\\s+(?:[NSEW]\\.?\\s+|North\\s+|South\\s+|East\\s+|West\\s+)?(?:${STREET_WORD}){0,4}(?:${SUFFIX})\\b\\.?(?:\\s*(?:#|Apt\\.?|Unit|Suite|Ste\\.?)\\s*[\\w-]+)?`,
  'i',
);
const CITY_TAIL = /^,\s*((?:[A-Z][A-Za-z.'-]*\s?){1,3}?)(?:,?\s+([A-Z]{2}))?(?:\s+(\d{5}))?(?=$|[\s,.;!?])/;

/** A street address with its city, state and zip when they follow: "4512 Oak Ridge Dr, Austin TX". */
export function takeAddress(text: string): Found | undefined {
  const m = STREET.exec(text);
  if (!m) return undefined;
  let end = m.index + m[0].length;
  const tail = CITY_TAIL.exec(text.slice(end));
  if (tail) end += tail[0].length;
  const value = text.slice(m.index, end).trim().replace(/[,.]$/, '');
  return { value, rest: squeeze(`${text.slice(0, m.index)} ${text.slice(end)}`) };
}

/** The small numbers agents spell out ("three bedroom"). */
export const WORD_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};
