import { allowedTypos, distance } from './fuzzy';

/**
 * Typos in command words, corrected before any rule reads the sentence ("remnd me", "ad new leed",
 * "shedule a showng tomorow"). A closed lexicon, placed by where each word can stand, so a name is
 * never "corrected" into a command word: short words only where a verb or its object stands, and
 * only long, distinctive words anywhere. Capitalised words (names) are left alone.
 */

/** Words that start a command. */
const VERBS = [
  'add',
  'create',
  'save',
  'schedule',
  'book',
  'remind',
  'find',
  'search',
  'show',
  'draft',
  'email',
  'text',
  'call',
  'log',
  'logged',
  'note',
  'task',
  'send',
  'new',
  'follow',
  'pull',
  'list',
  'look',
  'tell',
  'write',
  'record',
  'called',
  'spoke',
  'left',
];
/** Words that follow a command verb (after a/an/the/new). */
const OBJECTS = [
  'lead',
  'leads',
  'note',
  'task',
  'reminder',
  'showing',
  'contact',
  'client',
  'appointment',
  'call',
  'buyer',
  'seller',
  'listing',
  'homes',
  'houses',
  'condos',
  'comps',
  'message',
];
/** Long words nothing else is spelt like, corrected wherever they stand. */
const ANYWHERE = [
  'tomorrow',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'morning',
  'afternoon',
  'evening',
  'tonight',
  'voicemail',
  'appointment',
  'showing',
  'bedroom',
  'bedrooms',
  'bathroom',
  'bathrooms',
  'townhouse',
  'townhouses',
  'townhome',
  'townhomes',
  'condominium',
];

/** Shorthand agents type, in the words the date reader and the rules know. */
const SHORTHAND: Record<string, string> = {
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  tmw: 'tomorrow',
  tmrow: 'tomorrow',
  '2morrow': 'tomorrow',
  '2moro': 'tomorrow',
  tues: 'tuesday',
  tue: 'tuesday',
  weds: 'wednesday',
  thur: 'thursday',
  thurs: 'thursday',
  thu: 'thursday',
  nxt: 'next',
  lvm: 'left voicemail',
  fu: 'follow up',
  '@': 'at',
};
/** Slips too short for edit distance that only ever mean one thing where a verb stands. */
const SHORT_VERBS: Record<string, string> = { ad: 'add', txt: 'text', shcedule: 'schedule', sched: 'schedule' };

/** Ordinary words one letter away from a command word, which must stay as typed. */
const KEEP = new Set(
  (
    'all tall hall fall wall mall ball cell sell bell well tell fill bill kill will till ' +
    'read head dead bead lean leaf load lend land leas lad sad bad dad had mad pad ' +
    'none nose vote tote node nope note notes mote dote rote ' +
    'fine find kind mind wind bind line nine mine wine dine ' +
    'shoe shows show snow slow shot shop ' +
    'best text next test vest rest nest west jest ' +
    'sent send sand seed need feed reed weed deed ' +
    'list lost last lust mist fist gist ' +
    'look book cook hook nook took rook ' +
    'task mask bask cask tusk desk ' +
    'call calls called caller calling ' +
    'homes home hose hole holes houses house horses ' +
    'mornings evenings afternoons showings mondays tuesdays wednesdays thursdays fridays saturdays sundays ' +
    'reminder reminders remind reminded leads lead leader client clients contact contacts ' +
    'condo condos comp comps listing listings listen listens listened message messages ' +
    'create created save saved saves schedule scheduled schedules search searched searching ' +
    'follow followed new news newer few dew left lift loft log logs lot lots dog fog'
  ).split(' '),
);

const ARTICLES = new Set(['a', 'an', 'the', 'new', 'quick', 'my', 'this']);
const PREPOSITIONS = new Set(['for', 'to', 'with', 'on', 'at', 'about', 'in', 'from']);
const OPENERS = new Set(['please', 'pls', 'plz', 'hey', 'ok', 'okay', 'can', 'could', 'u', 'you']);

/** The lexicon word `word` is a slip of, or undefined. Same first letter: first letters are rarely wrong. */
function nearest(word: string, lexicon: readonly string[]): string | undefined {
  const max = allowedTypos(word);
  if (max === 0) return undefined;
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const candidate of lexicon) {
    if (candidate[0] !== word[0]) continue;
    const d = distance(word, candidate, max);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** "9a", "3p", "1:15p": the am/pm agents shorten to a letter — an hour of the clock, 1 to 12. */
const SHORT_MERIDIEM = /^((?:1[0-2]|0?[1-9])(?::[0-5]\d)?)([ap])(\.?)$/i;
/** Words a unit's letter follows ("Unit 4A", "Apt 4a", "#4a"): there it is part of the address, never a time. */
const UNIT_WORDS = /^(?:unit|apt|apartment|suite|ste|building|bldg|lot|space|room|no|number|#)\.?$/i;

/** The sentence with command-word typos and shorthand replaced; everything else as typed. */
export function correctTypos(text: string): string {
  const tokens = text
    .split(' ')
    .map((t, i, all) =>
      UNIT_WORDS.test(all[i - 1] ?? '')
        ? t
        : t.replace(SHORT_MERIDIEM, (_, time: string, ap: string, dot: string) => `${time}${ap}m${dot}`),
    );
  let verbAt = -2;
  for (let i = 0; i < tokens.length; i++) {
    const raw = tokens[i] ?? '';
    const m = /^([A-Za-z@2]+)([^A-Za-z]*)$/.exec(raw);
    if (!m) continue;
    const [, core = '', tail = ''] = m;
    const lower = core.toLowerCase();
    const startSlot = i === 0 || (i <= 2 && tokens.slice(0, i).every((t) => OPENERS.has(t.toLowerCase())));
    const between = verbAt >= 0 ? tokens.slice(verbAt + 1, i) : undefined;
    // Right after the verb a lowercase word may be a name ("add leah smith"): only a word followed by
    // a label colon, a capital, a number or a preposition is taken for the verb's object.
    const objectSlot =
      !!between?.every((t) => ARTICLES.has(t.toLowerCase())) &&
      (between.length > 0 || tail.includes(':') || !/^[a-z]/.test(tokens[i + 1] ?? '') || PREPOSITIONS.has(tokens[i + 1] ?? ''));
    // A capital inside the sentence is a name; at its start, only when the next word is lowercase.
    const capital = core !== lower;
    const nextLower = /^[a-z]/.test(tokens[i + 1] ?? 'a');
    const mayFix = !capital || (startSlot && nextLower && core.slice(1) === lower.slice(1));

    let fixed: string | undefined = SHORTHAND[lower];
    if (!fixed && mayFix && !KEEP.has(lower)) {
      if (startSlot) fixed = SHORT_VERBS[lower] ?? (VERBS.includes(lower) ? undefined : nearest(lower, VERBS));
      if (!fixed && objectSlot && !OBJECTS.includes(lower)) fixed = nearest(lower, OBJECTS);
      if (!fixed && lower.length >= 5 && !ANYWHERE.includes(lower)) fixed = nearest(lower, ANYWHERE);
    }
    if (fixed) tokens[i] = `${fixed}${tail}`;
    if (startSlot && VERBS.includes((fixed ?? lower).toLowerCase())) verbAt = i;
  }
  return tokens.join(' ');
}
