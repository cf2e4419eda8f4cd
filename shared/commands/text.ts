import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { isCommonWord, leadingPlace } from './places';

/** Pieces of a typed sentence that every intent uses: contact details, names, addresses. */

const EMAIL = /[\w.+'-]+@[\w-]+(?:\.[\w-]+)+/g;
const PHONE = /(?:\+?1[\s./-]?)?(?:\(\d{3}\)|\d{3})[\s./-]?\d{3}[\s./-]?\d{4}\b|\+\d[\d\s().-]{7,}\d/g;
/** A local number without its area code: "555-0144", "555 0123", "5550144". */
const LOCAL_PHONE = /(?<![\d$.,/-])\d{3}[\s.-]?\d{4}\b(?![.,]\d|\s*(?:k|sq|sqft|square|dollars|\$))/g;

/** What a `take…` reader found in a sentence, and the sentence without it. */
export type Taken = { value: string; rest: string };

/** Removes the first match of `re` from `text`, returning what it found and what is left. */
export function take(
  text: string,
  re: RegExp,
  pick: (m: RegExpExecArray) => string | undefined = (m) => m[0],
): Taken | undefined {
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

export function takeEmail(text: string): Taken | undefined {
  return take(text, EMAIL, (m) => m[0].replace(/[.']+$/, '').toLowerCase());
}

/**
 * A US (or +country) phone number in E.164, or undefined when it is not a possible number. A local
 * seven-digit number takes `areaCode` (the agent's default, from the options) when one is given.
 */
export function toE164(raw: string, areaCode?: string): string | undefined {
  const digits = raw.replace(/\D/g, '');
  const local = !raw.trim().startsWith('+') && digits.length === 7 && areaCode && /^\d{3}$/.test(areaCode);
  const parsed = parsePhoneNumberFromString(local ? `${areaCode}${digits}` : raw, 'US');
  return parsed?.isPossible() ? parsed.number : undefined;
}

/** The first phone in `text`; a local seven-digit one only when the agent's area code is known. */
export function takePhone(text: string, areaCode?: string): Taken | undefined {
  return (
    take(text, PHONE, (m) => toE164(m[0])) ?? (areaCode ? take(text, LOCAL_PHONE, (m) => toE164(m[0], areaCode)) : undefined)
  );
}

/** A local seven-digit number, which says "a phone" even without an area code to complete it. */
export const hasLocalPhone = (text: string) => new RegExp(LOCAL_PHONE.source).test(text);

/**
 * "the Lees", "the nguyens", "the Joneses": a household by its surname, which is how the CRM has
 * them. Undefined for "the buyers", "the lender" and other roles.
 */
export function household(text: string): Taken | undefined {
  const couple = /^mr\.?\s*(?:and|&)\s*mrs\.?\s+(\p{L}[\p{L}'’-]+)\b\s*/iu.exec(text);
  if (couple?.[1]) return { value: nameCase(couple[1]), rest: text.slice(couple[0].length) };
  const m = /^the\s+(\p{L}[\p{L}'’-]+?)(e?s)\b\s*/iu.exec(text);
  if (!m?.[1]) return undefined;
  const plural = `${m[1]}${m[2]}`.toLowerCase();
  const single = /(?:s|x|z|ch|sh)es$/.test(plural) ? plural.slice(0, -2) : plural.slice(0, -1);
  if (NOT_A_PERSON.has(plural) || NOT_A_PERSON.has(single) || NOT_NAMES.has(single)) return undefined;
  return { value: nameCase(single), rest: text.slice(m[0].length) };
}

/** Words that are capitalised at the start of a sentence or for emphasis but are not names. */
const NOT_NAMES = new Set(
  (
    'a an the i me my we our you your he she her him his they them their it this that these those ' +
    'add new lead contact client buyer seller call email text note task remind schedule book set show find search look send ' +
    'follow meet ping message write draft tell pull get list create save log please and or with for to from at on in of by ' +
    'called spoke talked texted emailed met left reached tried phoned ' +
    'monday tuesday wednesday thursday friday saturday sunday today tomorrow tonight next last this ' +
    'january february march april may june july august september october november december ' +
    'mr mrs ms dr st ave rd dr ln blvd ct way mls cma hoa'
  ).split(' '),
);

/** A name's word: "Tom", "O'Brien", "Mary-Kate", "DeShawn", "McKay", "al-Masri", "d'Angelo". */
const NAME_WORD =
  /^(?:\p{Lu}\p{Ll}*(?:\p{Lu}\p{Ll}+)?(?:['’-]\p{L}\p{Ll}*)*|\p{Lu}['’]\p{Lu}\p{Ll}+|Ma?c\p{Lu}\p{Ll}+|(?:al|el|ul|bin|ibn|abu|de|di|da|du|van|von|le|la|d)['’-]\p{Lu}\p{Ll}+)$/u;
const LOWER_NAME_WORD = /^\p{Ll}+(?:['’-]\p{Ll}+)*$/u;
const HONORIFIC = /^(?:dr|mr|mrs|ms|miss|mx|prof|rev)\.?\s+/i;
/** Lowercase particles inside surnames: "Maria de la Cruz", "Pieter van der Berg". */
const PARTICLES = new Set('de la del della van von der den da das dos du di le bin al'.split(' '));
/** Job-title words that follow a name in a signature ("Greta Lindqvist-Haas Senior Relocation …"). */
const TITLES = new Set(
  'senior director manager agent broker realtor associate coordinator specialist officer consultant advisor adviser president vp owner partner principal team loan mortgage sales marketing executive assistant analyst engineer attorney esq cfp ceo cfo coo founder'.split(
    ' ',
  ),
);
/** Generational suffixes that belong to the surname. */
const SUFFIXES = /^(?:jr|sr|ii|iii|iv)\.?$/i;
/** A middle initial: "John Q. Public". */
const INITIAL = /^\p{Lu}\.$/u;
/** Two people, one household: "Jake & Emily Turner", "Jake and Emily Turner". */
const COUPLE = /^(?:&|and|\+)$/i;

export type NameOptions = { allowLowercase?: boolean; max?: number };

/**
 * A person's name at the start of `text`: up to `max` name-like words ("Tom O'Brien", "Mary-Kate
 * Olsen", "José Ñúñez"), with a middle initial, surname particles, a Jr./III, or a couple sharing
 * one surname. Lowercase words count only when asked (the agent typed "add john smith …").
 */
export function leadingName(text: string, { allowLowercase = false, max: most = 3 }: NameOptions = {}): Taken | undefined {
  const words = text.replace(HONORIFIC, '').split(/\s+/);
  const taken: string[] = [];
  let names = 0;
  let max = most;
  const isName = (word: string) =>
    (NAME_WORD.test(word) || (allowLowercase && LOWER_NAME_WORD.test(word) && !NOT_A_PERSON.has(word))) &&
    !NOT_NAMES.has(word.toLowerCase());
  for (let i = 0; i < words.length; i++) {
    const raw = words[i] ?? '';
    const word = raw.replace(/[,:;.!?]+$/, '');
    const next = (words[i + 1] ?? '').replace(/[,:;.!?]+$/, '');
    if (taken.length && INITIAL.test(raw) && isName(next)) {
      taken.push(raw);
      continue;
    }
    if (taken.length && raw === word && PARTICLES.has(word) && (NAME_WORD.test(next) || PARTICLES.has(next))) {
      taken.push(word);
      continue;
    }
    if (names === 1 && taken.length === 1 && raw === word && COUPLE.test(word) && isName(next)) {
      // The second first name does not count against the name's length.
      taken.push('&');
      max++;
      continue;
    }
    if (names > 1 && SUFFIXES.test(raw.replace(/,$/, ''))) {
      taken.push(word.replace(/\.?$/, '.').replace(/^(i+|iv)\.$/i, (m) => m.slice(0, -1).toUpperCase()));
      break;
    }
    if (!isName(word) || names === max || (names >= 2 && TITLES.has(word.toLowerCase()))) break;
    taken.push(word);
    names++;
    if (word !== raw) break;
  }
  while (taken.length && (PARTICLES.has(taken.at(-1) ?? '') || taken.at(-1) === '&')) taken.pop();
  if (!names) return undefined;
  const rest = words.slice(taken.length + words.slice(0, taken.length).filter((w) => w === '').length).join(' ');
  return { value: taken.join(' '), rest: rest.replace(/^[,:;.]\s*/, '') };
}

/**
 * Lowercase words that follow "call", "with", "for"… without being anyone's name: the people and
 * things an agent deals with. A lowercase word outside this list after such a word is taken as a name.
 */
const NOT_A_PERSON = new Set(
  (
    'back about again everyone anyone someone somebody all both lender lenders loan mortgage inspector inspection appraiser ' +
    'appraisal attorney lawyer title escrow office bank broker team agent agents buyer buyers seller sellers client clients ' +
    'lead leads contact contacts tenant tenants landlord owner owners builder contractor plumber electrician roofer ' +
    'photographer stager cleaner hoa city county insurance insurer underwriter processor closer notary mom dad wife husband ' +
    'family friend friends neighbor neighbors listing showing open house home the a an my your our their his her ' +
    'him them me us it this that these those up in out on off over re regarding today tomorrow tonight morning afternoon ' +
    'evening noon week next monday tuesday wednesday thursday friday saturday sunday at by before after to for and or ' +
    'then later soon asap now back-up voicemail vm no yes ok sure maybe please thanks an offer offers docs documents ' +
    'paperwork contract contracts keys key lockbox sign signs utilities water gas power internet cable movers ' +
    'comps cma packet disclosures disclosure form forms report reports update info details numbers pics photos video ' +
    'link address schedule price counter agents buyers sellers owners renters tenants kids neighbours sellers'
  ).split(' '),
);

/**
 * The first name after a word in `after` (or, without it, the first run of two or more capitalised
 * words). Lowercase names count after such a word when they are not words for a role or a thing.
 */
export function findName(text: string, after?: RegExp): string | undefined {
  const words = text.split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    if (after && !(i > 0 && after.test(words[i - 1] ?? ''))) continue;
    const tail = words.slice(i).join(' ');
    const family = after ? household(tail) : undefined;
    if (family) return family.value;
    const first = (words[i] ?? '').replace(/[,:;.!?]+$/, '');
    const lowercase = !!after && /^\p{Ll}/u.test(first) && !NOT_A_PERSON.has(first) && !NOT_NAMES.has(first);
    const found = leadingName(tail, { allowLowercase: lowercase, max: lowercase ? 2 : 3 });
    if (found && (after || found.value.includes(' '))) return nameCase(found.value);
  }
  return undefined;
}

/** "john smith" → "John Smith"; names typed with their own capitals stay as typed. */
export const nameCase = (name: string) =>
  name === name.toLowerCase()
    ? name.replace(/(^|[\s'’-])([a-z])/g, (_, sep: string, ch: string) => sep + ch.toUpperCase())
    : name;

/**
 * First and last name as CRMs keep them: the first word is the first name and the rest the last
 * name, so compound surnames stay whole ("Ana" "María López", "Ada" "van der Berg", "Ken"
 * "Alvarez Jr."). A couple keeps both first names ("Jake & Emily" "Turner"); a middle initial goes
 * with the first name ("John Q." "Public").
 */
export function splitName(name: string): { firstName: string; lastName?: string } {
  const words = nameCase(name).split(' ');
  let first = words[1] === '&' ? 3 : 1;
  while (first < words.length - 1 && INITIAL.test(words[first] ?? '')) first++;
  const lastName = words.slice(first).join(' ');
  return lastName ? { firstName: words.slice(0, first).join(' '), lastName } : { firstName: words.join(' ') };
}

const SUFFIX =
  'St|Street|Ave|Avenue|Rd|Road|Dr|Drive|Ln|Lane|Blvd|Boulevard|Ct|Court|Way|Pl|Place|Ter|Terrace|Cir|Circle|Pkwy|Parkway|Hwy|Highway|Trl|Trail|Loop|Pass|Run|Sq|Square|Cv|Cove|Xing|Crossing|Pt|Point|Row|Path|Pike|Plz|Plaza|Aly|Alley|Bnd|Bend|Holw|Hollow|Ridge|Hill|Hills|Park';
/** Words between a house number and its suffix, never a connector ("123 Main St at 3pm"). */
const STREET_WORD = "(?!(?:at|for|on|in|with|by|and|to|from|near|tomorrow|today)\\b)[A-Za-z0-9'.-]+\\s+";
/** A street without a suffix word: "Broadway", "Route 66", "FM 1826". */
const NAMED_ROAD = String.raw`Broadway|(?:Route|Rte|Highway|Hwy|Interstate|FM|RR|County Road|CR|State Road|SR|US)\s+\d+[A-Za-z]?|(?:Ave|Avenue)\s+[A-Z]\b`;
const STREET = new RegExp(
  `\\b\\d{1,6}[A-Za-z]?(?:-\\d+)?\\s+(?:[NSEW]\\.?\\s+|North\\s+|South\\s+|East\\s+|West\\s+)?(?:${NAMED_ROAD}\\b|(?:${STREET_WORD}){0,4}(?:${SUFFIX})\\b\\.?)`,
  'i',
);
/** DC, Seattle and other cities write the quadrant after the street: "3341 P St NW" (capitals only: "w" is "with"). */
const QUADRANT = /^\s+(?:NW|NE|SW|SE|N|S|E|W)\b\.?/;
/** "#304", "Apt 4B", ", Unit 12", "Suite 200", "Ste. 5", "Fl 3", "PH2", "Apt B". */
const UNIT =
  /^,?\s*(?:#\s*|(?:Apt|Apartment|Unit|Suite|Ste|Fl|Floor|Bldg|Building|Rm|Room|Lot|Spc|Space|PH)\.?\s*#?\s*)(?:[A-Za-z0-9-]*\d[A-Za-z0-9-]*|[A-Z]\b)/i;
const CITY_TAIL = /^,\s*((?:[A-Z][A-Za-z.'-]*\s?){1,3}?)(?:,?\s+([A-Z]{2}))?(?:\s+(\d{5}))?(?=$|[\s,.;!?])/;

/**
 * "… Apt 7B Brooklyn", "2630 Magnolia Ct Sacramento", "2207 lakeview ct, round rock tx": a city the
 * gazetteer knows, however it is cased and with or without its comma, then its state and zip.
 */
function knownCity(after: string): [string] | undefined {
  const lead = /^,?\s+/.exec(after)?.[0];
  if (!lead) return undefined;
  const words = after.slice(lead.length).split(/\s+/).slice(0, 6);
  const found = leadingPlace(
    words.map((w) => w.replace(/[,.;!?]+$/, '')),
    { fuzzy: false },
  );
  if (!found || isCommonWord(found.place)) return undefined;
  let taken = words
    .slice(0, found.length)
    .join(' ')
    .replace(/[,;!?]+$/, '');
  const zip = /^,?\s+\d{5}\b/.exec(after.slice(lead.length + taken.length));
  if (zip) taken += zip[0];
  return [after.slice(0, lead.length + taken.length)];
}

/** A street address with its city, state and zip when they follow: "4512 Oak Ridge Dr, Austin TX". */
export function takeAddress(text: string): Taken | undefined {
  const m = STREET.exec(text);
  if (!m) return undefined;
  let end = m.index + m[0].length;
  for (const piece of [QUADRANT, UNIT]) {
    const found = piece.exec(text.slice(end));
    if (found) end += found[0].length;
  }
  const tail = CITY_TAIL.exec(text.slice(end)) ?? knownCity(text.slice(end));
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
