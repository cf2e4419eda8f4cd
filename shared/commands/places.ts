import { allowedTypos, distance } from './fuzzy';
import { PLACES_DATA } from './places.data';

/**
 * US places by name, for the place in a typed search ("homes in denvr", "3 bed in san antono tx",
 * "condos in St. Pete"). Runs in the side panel and the worker, never in content scripts (the data is
 * ~70 KB). The index is built on first use, so importing this module costs nothing.
 *
 * A state is a Place too, with population 0 (every town in the data has thousands): see `isState`.
 * Town populations are rounded to the thousand; they only rank places that share a name.
 */
export type Place = { name: string; state: string; population: number };

/** Names longer than this are not looked for at the start of a sentence (few places have more). */
const MAX_WORDS = 4;
/** Typos allowed across a whole place name. */
const MAX_TYPOS = 2;

/** Abbreviations that name the same thing, folded to one spelling: "St. Pete", "Saint Pete". */
const SAME_WORD: Record<string, string> = { saint: 'st', fort: 'ft', mount: 'mt' };

/** Names people use that are not the place's name. */
const ALIASES: Record<string, readonly [name: string, state: string]> = {
  nyc: ['New York City', 'NY'],
  bronx: ['The Bronx', 'NY'],
  la: ['Los Angeles', 'CA'],
  'l a': ['Los Angeles', 'CA'],
  sf: ['San Francisco', 'CA'],
  'san fran': ['San Francisco', 'CA'],
  dc: ['Washington', 'DC'],
  'd c': ['Washington', 'DC'],
  philly: ['Philadelphia', 'PA'],
  vegas: ['Las Vegas', 'NV'],
  'st pete': ['St. Petersburg', 'FL'],
  okc: ['Oklahoma City', 'OK'],
  kc: ['Kansas City', 'MO'],
  nola: ['New Orleans', 'LA'],
  slc: ['Salt Lake City', 'UT'],
  indy: ['Indianapolis', 'IN'],
  jax: ['Jacksonville', 'FL'],
  atl: ['Atlanta', 'GA'],
  pdx: ['Portland', 'OR'],
};

/** State codes that are words after a place ("Austin or Dallas", "Miami in June"): only as capitals or after a comma. */
const WORD_CODES = new Set(['IN', 'OR']);

/**
 * Towns named like ordinary words ("Mission", "Price", "Bath", "Surprise", "Country Club"): a bare
 * mention may not mean the town, so `isCommonWord` says so and a typo never lands on one.
 */
const COMMON_PLACE_NAMES = new Set([
  ...(
    'alpine apex bath bear bend beacon bountiful canyon central college commerce cottonwood crystal cypress defiance ' +
    'economy enterprise evergreen fate forest fountain friendly gateway golden goodyear green halfway highland ' +
    'hillside holiday homestead hope humble hurricane independence justice keystone lakes laurel liberty magnolia ' +
    'marina mentor midway mission mobile normal opportunity orchards paradise parkway pearl plantation price progress ' +
    'prospect prosper reading republic reserve ridge riverside rodeo savage seaside shoreline speedway spring summit ' +
    'sunrise sunset superior surprise temple triangle union university uptown valley villas vista walnut weston ' +
    'woodland worth'
  ).split(' '),
  ...(
    'country club,four corners,five corners,seven corners,home gardens,garden acres,center city,central city,' +
    'new city,lake park,beach park,village park,west park,sweet home,white house'
  ).split(','),
]);

/** Words of a search: what is searched for, what it has, where it is. */
const SEARCH_WORDS =
  'home homes house houses condo condos condominium condominiums townhome townhomes townhouse townhouses apartment ' +
  'apartments duplex triplex fourplex unit units loft lofts studio studios land lots acre acres acreage farm farms ' +
  'ranch ranches cabin cabins cottage cottages mansion estate estates villa property properties listing listings ' +
  'manufactured modular commercial residential rental rentals rent lease sale sales sold pending active ' +
  'construction foreclosure foreclosures auction building buildings beds bedroom bedrooms bath baths bathroom ' +
  'bathrooms sqft square feet foot garage garages carport pool pools basement attic yard yards fence fenced patio ' +
  'deck porch balcony view views waterfront lakefront oceanfront beachfront riverfront golf gated fireplace kitchen ' +
  'office story stories level levels floor floors corner updated renovated remodeled modern luxury cheap affordable ' +
  'large small huge tiny single double family multi open colonial victorian craftsman cozy dryer park parks beach ' +
  'beaches lake river rivers ocean creek hill hills heights mountain mountains woods grove island islands harbor ' +
  'harbour shore shores coast bayou bluff bluffs glen hollow oaks pines palms springs falls garden gardens landing ' +
  'crossing crossings manor terrace commons meadow meadows pointe place plaza station square court trail trails ' +
  'city town towns village county district area areas neighborhood neighborhoods downtown midtown suburb suburbs ' +
  'school schools north south east west northern southern eastern western near nearby close around within';

/** The rest of a command, and ordinary words that are a typo away from a town ("winter" / Winder). */
const COMMAND_WORDS =
  'price prices priced under over below above between budget less more than least most about only down payment with ' +
  'without from into onto that this these those there their them they then what when where which while will would ' +
  'should could have been were also just like some many much each every other another such very still even plus ' +
  'please thanks start starting leader capital winter marine break call calls email emails text texts note notes ' +
  'task tasks remind reminder reminders schedule showing showings appointment appointments meeting meetings lead ' +
  'leads client clients buyer buyers seller sellers contact contacts agent agents broker lender follow message ' +
  'messages draft send write find search show list look save create book today tomorrow tonight morning afternoon ' +
  'evening week weeks month months year years weekend monday tuesday wednesday thursday friday saturday sunday ' +
  'january february march april june july august september october november december next last noon three four five ' +
  'seven eight nine hundred thousand million half money loan loans closer closing stager staging';

/** First names, which commands are full of ("email Maria", "call Lisa"). */
const FIRST_NAMES =
  'james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark ' +
  'donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary ' +
  'nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick ' +
  'raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy ' +
  'christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan billy bruce ' +
  'gabriel logan albert willie alan juan wayne elijah randy vincent ralph eugene russell bobby mason philip louis ' +
  'harry liam lucas oliver owen luke caleb isaac hunter connor evan cole jake jaden chase blake tony mike matt ' +
  'chris dave nick alex steve jimmy bill will troy grant dean glenn wade lance brett clay drew mary patricia ' +
  'jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ashley kimberly ' +
  'emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen angela ' +
  'shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn janet catherine ' +
  'maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith megan ' +
  'andrea cheryl hannah jacqueline martha gloria teresa sara madison frances kathryn janice jean abigail alice judy ' +
  'sophia grace denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte marie ' +
  'kayla alexis lori chloe ella nora hazel ruby jenny kate katie beth tina gina lucy rose claire paige brooke ' +
  'sierra savannah autumn summer dawn faith mercy elena carmen rosa sofia lucia isabel camila valeria luis carlos ' +
  'jorge miguel pedro diego javier manuel ricardo fernando alejandro raul marco mario rafael sergio andre omar ' +
  'ahmed mohammed priya';

/**
 * Words never taken for typos of a place ("homes" is not Holmes, "Maria" is not Marina, "william" is
 * not Willmar): such a word in a place name must be typed exactly.
 */
const NOT_TYPOS = new Set([...COMMON_PLACE_NAMES, ...`${SEARCH_WORDS} ${COMMAND_WORDS} ${FIRST_NAMES}`.split(' ')]);

type Entry = { words: readonly string[]; length: number; mask: number; places: readonly Place[] };
type Index = {
  /** Folded name → the places so named, largest first. */
  byName: Map<string, Place[]>;
  aliases: Map<string, Place>;
  /** Code → the state as a Place. */
  states: Map<string, Place>;
  /** Folded state name → code. */
  stateCodes: Map<string, string>;
  /** The first word of each state's name: most words start none. */
  stateStarts: Set<string>;
  /** `${word count}${first letter}` → the names a typo may land on. */
  fuzzy: Map<string, Entry[]>;
};

let index: Index | undefined;

/** Lowercase words without accents or punctuation, abbreviations spelt one way: "St. Pete's" → st petes. */
function foldWords(text: string): string[] {
  let lower = text.toLowerCase();
  // Most words are plain letters: skip the costlier steps (this runs per word on every keystroke).
  if (/^[a-z]+$/.test(lower)) return [SAME_WORD[lower] ?? lower];
  if (/[^ -~]/.test(lower)) lower = lower.normalize('NFD').replace(/\p{M}/gu, '');
  return lower
    .replace(/['’‘ʻ`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((word) => SAME_WORD[word] ?? word);
}

const foldName = (name: string) => foldWords(name).join(' ');

/** The letters a–z that occur in the words, as bits: a cheap test before the edit distance. */
function letterMask(words: readonly string[]): number {
  let mask = 0;
  for (const word of words) {
    for (let i = 0; i < word.length; i++) {
      const letter = word.charCodeAt(i) - 97;
      if (letter >= 0 && letter < 26) mask |= 1 << letter;
    }
  }
  return mask;
}

/** How many bits are set (a popcount). */
function bitCount(n: number): number {
  let v = n - ((n >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0xf0f0f0f) * 0x1010101) >>> 24;
}

function load(): Index {
  if (index) return index;
  const byName = new Map<string, Place[]>();
  const states = new Map<string, Place>();
  const stateCodes = new Map<string, string>();
  for (const group of PLACES_DATA.split(';')) {
    const [head = '', records = ''] = group.split(':');
    const [state = '', stateName = ''] = head.split('=');
    states.set(state, { name: stateName, state, population: 0 });
    stateCodes.set(foldName(stateName), state);
    for (const record of records ? records.split('|') : []) {
      const [name = '', thousands = '0'] = record.split(',');
      const key = foldName(name);
      const place = { name, state, population: Number(thousands) * 1000 };
      const same = byName.get(key);
      if (same) same.push(place);
      else byName.set(key, [place]);
    }
  }
  for (const places of byName.values()) if (places.length > 1) places.sort((a, b) => b.population - a.population);

  const aliases = new Map<string, Place>();
  for (const [alias, [name, state]] of Object.entries(ALIASES)) {
    const place = byName.get(foldName(name))?.find((p) => p.state === state);
    if (place) aliases.set(alias, place);
  }

  const fuzzy = new Map<string, Entry[]>();
  const add = (key: string, places: readonly Place[]) => {
    if (COMMON_PLACE_NAMES.has(key)) return;
    const words = key.split(' ');
    const bucket = `${words.length}${key[0]}`;
    const entry = { words, length: key.length, mask: letterMask(words), places };
    const entries = fuzzy.get(bucket);
    if (entries) entries.push(entry);
    else fuzzy.set(bucket, [entry]);
  };
  for (const [key, places] of byName) add(key, places);
  for (const place of states.values()) add(foldName(place.name), [place]);

  const stateStarts = new Set([...stateCodes.keys()].map((key) => key.split(' ')[0] ?? ''));
  index = { byName, aliases, states, stateCodes, stateStarts, fuzzy };
  return index;
}

/** Whether the place is a whole state (population 0) rather than a town. */
export const isState = (place: Place): boolean => place.population === 0;

/** Whether the place's name is also an ordinary word ("Mission", "Price"), so a bare mention may not mean it. */
export const isCommonWord = (place: Place): boolean => COMMON_PLACE_NAMES.has(foldName(place.name));

/** Ranks places that are equally close: a state, then the larger town. */
const weight = (place: Place) => place.population || Number.POSITIVE_INFINITY;

/** The place named exactly by folded `key`, in `state` when given. A lone capitalised code is the state. */
function exact(key: string, raw: readonly string[], state?: string): Place | undefined {
  const { aliases, byName, states, stateCodes } = load();
  const alias = aliases.get(key);
  if (state) {
    if (alias?.state === state) return alias;
    return byName.get(key)?.find((p) => p.state === state) ?? (stateCodes.get(key) === state ? states.get(state) : undefined);
  }
  if (alias) return alias;
  const lone = raw.length === 1 ? (raw[0] ?? '').replace(/[.,]/g, '') : '';
  if (/^[A-Z]{2}$/.test(lone) && states.has(lone)) return states.get(lone);
  const code = stateCodes.get(key);
  return code ? states.get(code) : byName.get(key)?.[0];
}

/** The place within MAX_TYPOS typos of `words` (each word within its own allowance), in `state` when given. */
function nearest(words: readonly string[], state?: string): Place | undefined {
  const first = words[0]?.[0];
  if (!first) return undefined;
  // A lone word is held one letter stricter (its first letter must match anyway, below): that keeps
  // four-letter words ("mine", "snow") off towns, and two typos for long words ("charter" is not
  // Chester). In a longer name the other words vouch for it ("miami bech").
  const allowed = words.map((word) => (NOT_TYPOS.has(word) ? 0 : allowedTypos(words.length === 1 ? word.slice(1) : word)));
  const budget = Math.min(
    MAX_TYPOS,
    allowed.reduce((sum, n) => sum + n, 0),
  );
  if (budget === 0) return undefined;
  const length = words.join(' ').length;
  const mask = letterMask(words);
  let best: Place | undefined;
  let bestCost = budget + 1;
  for (const entry of load().fuzzy.get(`${words.length}${first}`) ?? []) {
    // Each letter the one has and the other lacks takes at least one edit.
    if (
      Math.abs(entry.length - length) > budget ||
      bitCount(mask & ~entry.mask) > budget ||
      bitCount(entry.mask & ~mask) > budget
    ) {
      continue;
    }
    const place = state ? entry.places.find((p) => p.state === state) : entry.places[0];
    if (!place) continue;
    let cost = 0;
    for (let i = 0; i < words.length && cost <= budget; i++) {
      const word = words[i] ?? '';
      const target = entry.words[i] ?? '';
      // First letters are rarely mistyped, and requiring them halves the ordinary words that reach a town.
      const max = Math.min(allowed[i] ?? 0, budget - cost);
      const d = word[0] === target[0] ? distance(word, target, max) : max + 1;
      cost = d > max ? budget + 1 : cost + d;
    }
    if (cost < bestCost || (cost === bestCost && best && weight(place) > weight(best))) {
      best = place;
      bestCost = cost;
    }
  }
  return best;
}

/** A state named at `raw[at]`: a code ("TX", "tx", "or" only as "OR" or after a comma) or a name. */
function stateAt(raw: readonly string[], folded: readonly string[][], at: number): { code: string; length: number } | undefined {
  const { states, stateCodes, stateStarts } = load();
  const word = raw[at] ?? '';
  const letters = word.replace(/[.,]/g, '');
  if (/^[A-Za-z]{2}$/.test(letters)) {
    const code = letters.toUpperCase();
    const afterComma = /,$/.test(raw[at - 1] ?? '') || word.startsWith(',');
    if (states.has(code) && (letters === code || afterComma || !WORD_CODES.has(code))) return { code, length: 1 };
  }
  if (!stateStarts.has(folded[at]?.[0] ?? '')) return undefined;
  for (let length = 1; length <= 3 && at + length <= raw.length; length++) {
    const code = stateCodes.get(
      folded
        .slice(at, at + length)
        .flat()
        .join(' '),
    );
    if (code) return { code, length };
  }
  return undefined;
}

/** Whether the first `n` words end with a state ("baton rouge LA"): those are not read as a typo'd name. */
function endsWithState(raw: readonly string[], folded: readonly string[][], n: number): boolean {
  for (let at = Math.max(0, n - 3); at < n; at++) if (stateAt(raw, folded, at)?.length === n - at) return true;
  return false;
}

/** The place named by the first `n` words, and a state after them when there is one. */
function placeAt(
  raw: readonly string[],
  folded: readonly string[][],
  n: number,
  fuzzy: boolean,
  whole: boolean,
): { place: Place; length: number } | undefined {
  const words = folded.slice(0, n).flat();
  const key = words.join(' ');
  if (!/^[a-z][a-z ]*$/.test(key)) return undefined;
  const state = stateAt(raw, folded, n);
  if (state && (!whole || n + state.length === raw.length)) {
    const place = exact(key, raw.slice(0, n), state.code) ?? (fuzzy ? nearest(words, state.code) : undefined);
    if (place) return { place, length: n + state.length };
  }
  if (whole && n !== raw.length) return undefined;
  const place = exact(key, raw.slice(0, n)) ?? (fuzzy && !endsWithState(raw, folded, n) ? nearest(words) : undefined);
  return place && { place, length: n };
}

function wholePhrase(phrase: string, fuzzy: boolean): Place | undefined {
  const raw = phrase
    .replace(/,(?=\S)/g, ', ')
    .trim()
    .split(/\s+/);
  const folded = raw.map(foldWords);
  for (let n = raw.length; n >= 1; n--) {
    const found = placeAt(raw, folded, n, fuzzy, true);
    if (found) return found.place;
  }
  return undefined;
}

/**
 * The place the phrase names, ignoring case, accents and punctuation ("st. petersburg", "Cañon
 * City"), with an optional state after it ("Austin TX", "Austin, Texas", "portland, me"). A name
 * several states share is the largest unless a state is given. A state alone ("Texas", "TX" in
 * capitals) is the state; a few nicknames are known ("NYC", "LA", "St. Pete", "Philly").
 */
export function placeNamed(phrase: string): Place | undefined {
  return wholePhrase(phrase, false);
}

/**
 * Like placeNamed, but tolerating typos after each word's first letter, as `allowedTypos` allows and
 * two in all ("denvr", "pheonix", "san antono", "miami bech"; one letter stricter for a lone word).
 * The closest name wins, then a state, then the larger town. Words of a search, ordinary words and first names are never taken for
 * typos ("homes", "Maria"), and a typo never lands on a town named like an ordinary word ("misson").
 * An exact name still counts: check `isCommonWord` before taking "Mission" or "Price" for a place.
 */
export function nearestPlace(phrase: string): Place | undefined {
  return wholePhrase(phrase, false) ?? wholePhrase(phrase, true);
}

/**
 * The longest place name (up to four words, and a state after it) at the start of `words`, with how
 * many words it takes: ['miami', 'condos'] → Miami FL, 1; ['san', 'antono', 'tx', '3'] → San Antonio
 * TX, 3 when `fuzzy`.
 */
export function leadingPlace(
  words: readonly string[],
  { fuzzy }: { fuzzy: boolean },
): { place: Place; length: number } | undefined {
  const folded = words.slice(0, MAX_WORDS + 3).map(foldWords);
  for (let n = Math.min(MAX_WORDS, words.length); n >= 1; n--) {
    const found = placeAt(words, folded, n, fuzzy, false);
    if (found) return found;
  }
  return undefined;
}
