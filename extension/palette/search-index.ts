import { z } from 'zod';

/**
 * The palette's index over cached contacts and listings: every word of an entry, sorted, with the
 * entries that hold it laid out behind it. A typed prefix is then one contiguous slice of words
 * and one contiguous slice of entries, so a keystroke costs a scan of integers, not a scoring of
 * every match (a general full-text engine took 50–150 ms on a one-letter prefix over 100,000
 * entries). The whole index is plain arrays: IndexedDB keeps it as it is, with no JSON step.
 */

/** What the palette shows for a cached contact or listing (or an action, a recent command), and the words it is found by. */
export const Entry = z.object({
  /** The cache row's id, unique within its kind. */
  id: z.string(),
  kind: z.enum(['contact', 'listing', 'action', 'recent']),
  label: z.string(),
  detail: z.string(),
  /** Words found beside the label: email, phone, city, zip, MLS #. */
  words: z.string(),
  /** When the row was cached: a newer one ranks first among equals. */
  at: z.number(),
});
export type Entry = z.infer<typeof Entry>;

export type SearchIndex = {
  entries: Entry[];
  /** Every distinct word, sorted. */
  terms: string[];
  /** Entries holding terms[t] are postings[postStart[t] .. postStart[t + 1]). */
  postStart: Int32Array;
  postings: Int32Array;
  /** Entry e's words are docTerms[docStart[e] .. docStart[e + 1]), as term * 2 + 1 in its label, term * 2 elsewhere. */
  docStart: Int32Array;
  docTerms: Int32Array;
};

export type Hit = { entry: Entry; score: number };

/** Lower case, accents off, so "José" is found by "jose". */
export const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

const PHONE = /\+?[\d().\-\s]{7,}\d/g;

/** A phone is one word of its digits ("512555" finds +1 512-555-0199), also without the country code and as the local number. */
function phoneWords(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(PHONE)) {
    const digits = m[0].replace(/\D/g, '');
    out.push(digits);
    if (digits.length === 11 && digits.startsWith('1')) out.push(digits.slice(1));
    if (digits.length > 7) out.push(digits.slice(-7));
  }
  return out;
}

export function tokenize(s: string): string[] {
  const folded = fold(s);
  return [
    ...folded
      .replace(PHONE, ' ')
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
    ...phoneWords(folded),
  ];
}

export function buildIndex(entries: Entry[]): SearchIndex {
  const perDoc = entries.map((e) => {
    const label = new Set(tokenize(e.label));
    const rest = new Set(tokenize(`${e.detail} ${e.words}`).filter((w) => !label.has(w)));
    return { label, rest };
  });
  const termSet = new Set<string>();
  for (const { label, rest } of perDoc) for (const w of [...label, ...rest]) termSet.add(w);
  const terms = [...termSet].sort();
  const termId = new Map(terms.map((t, i) => [t, i]));

  const docStart = new Int32Array(entries.length + 1);
  const docTermsList: number[] = [];
  const counts = new Int32Array(terms.length + 1);
  perDoc.forEach(({ label, rest }, e) => {
    docStart[e] = docTermsList.length;
    for (const w of label) docTermsList.push((termId.get(w) ?? 0) * 2 + 1);
    for (const w of rest) docTermsList.push((termId.get(w) ?? 0) * 2);
  });
  docStart[entries.length] = docTermsList.length;
  const docTerms = Int32Array.from(docTermsList);
  for (const code of docTerms) counts[(code >> 1) + 1] = (counts[(code >> 1) + 1] ?? 0) + 1;
  const postStart = new Int32Array(terms.length + 1);
  for (let t = 0; t < terms.length; t++) postStart[t + 1] = (postStart[t] ?? 0) + (counts[t + 1] ?? 0);
  const fill = postStart.slice(0, terms.length);
  const postings = new Int32Array(docTerms.length);
  // Entries are laid out newest first, so the first matches of a long slice are the freshest.
  const order = entries.map((_, i) => i).sort((a, b) => (entries[b]?.at ?? 0) - (entries[a]?.at ?? 0));
  for (const e of order)
    for (let k = docStart[e] ?? 0; k < (docStart[e + 1] ?? 0); k++) {
      const t = (docTerms[k] ?? 0) >> 1;
      const at = fill[t] ?? 0;
      postings[at] = e;
      fill[t] = at + 1;
    }
  return { entries, terms, postStart, postings, docStart, docTerms };
}

/** The first index i with terms[i] >= key. */
function lowerBound(terms: string[], key: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((terms[mid] ?? '') < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The terms a query word matches: a range of words it begins, and, for a slip of the keys, close words. */
type Match = { from: number; to: number; exact: number; near: Set<number> };

function isNear(a: string, b: string): boolean {
  // One edit: a letter changed, added, dropped or two swapped.
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length)
    return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Words of the same first letter one slip from `word` (or whose start is): only tried when nothing begins with it. */
function nearTerms(terms: string[], word: string): Set<number> {
  const near = new Set<number>();
  if (word.length < 4) return near;
  const from = lowerBound(terms, word[0] ?? '');
  const to = lowerBound(terms, `${word[0]}\uffff`);
  for (let t = from; t < to; t++) {
    const term = terms[t] ?? '';
    if (term.length + 1 < word.length) continue;
    if (isNear(term.slice(0, word.length), word) || isNear(term, word)) near.add(t);
  }
  return near;
}

function matchOf(index: SearchIndex, word: string): Match {
  const from = lowerBound(index.terms, word);
  const to = lowerBound(index.terms, `${word}\uffff`);
  const exact = index.terms[from] === word ? from : -1;
  return { from, to, exact, near: from === to ? nearTerms(index.terms, word) : new Set() };
}

const matches = (m: Match, t: number) => (t >= m.from && t < m.to) || m.near.has(t);

/** A query counter per entry, so an entry met twice in one scan is scored once, without a Set. */
let seen = new Int32Array(0);
let stamp = 0;

/**
 * The best `limit` entries holding every word of the query (the last word may be a start of one),
 * ranked by where the words are (the label's first word, the label, elsewhere), whole or begun,
 * then by recency.
 */
export function search(index: SearchIndex, query: string, limit = 8): Hit[] {
  const words = [...new Set(tokenize(query))];
  if (!words.length || !index.entries.length) return [];
  const ms = words.map((w) => matchOf(index, w));
  // Entries come from the word with the fewest, and are checked against the others.
  const size = (m: Match) =>
    m.near.size
      ? [...m.near].reduce((n, t) => n + (index.postStart[t + 1] ?? 0) - (index.postStart[t] ?? 0), 0)
      : (index.postStart[m.to] ?? 0) - (index.postStart[m.from] ?? 0);
  const lead = ms.reduce((a, b) => (size(b) < size(a) ? b : a));
  if (seen.length < index.entries.length) seen = new Int32Array(index.entries.length);
  stamp++;
  const hits: Hit[] = [];
  const consider = (e: number) => {
    if (seen[e] === stamp) return;
    seen[e] = stamp;
    const score = scoreEntry(index, e, ms);
    if (score < 0) return;
    if (hits.length === limit && score <= (hits[limit - 1]?.score ?? 0)) return;
    const entry = index.entries[e];
    if (!entry) return;
    let i = Math.min(hits.length, limit - 1);
    hits[i] = { entry, score };
    while (i > 0 && (hits[i - 1]?.score ?? 0) < score) {
      [hits[i - 1], hits[i]] = [hits[i] as Hit, hits[i - 1] as Hit];
      i--;
    }
  };
  const slices: [number, number][] = lead.near.size
    ? [...lead.near].map((t) => [index.postStart[t] ?? 0, index.postStart[t + 1] ?? 0])
    : [[index.postStart[lead.from] ?? 0, index.postStart[lead.to] ?? 0]];
  for (const [a, b] of slices) for (let k = a; k < b; k++) consider(index.postings[k] ?? 0);
  return hits;
}

/** -1 when a word is missing; otherwise higher for label, first-word and whole-word matches, a little for recency. */
function scoreEntry(index: SearchIndex, e: number, ms: Match[]): number {
  const start = index.docStart[e] ?? 0;
  const end = index.docStart[e + 1] ?? 0;
  let score = 0;
  for (const m of ms) {
    let best = -1;
    for (let k = start; k < end; k++) {
      const code = index.docTerms[k] ?? 0;
      const t = code >> 1;
      if (!matches(m, t)) continue;
      const inLabel = code & 1;
      const first = inLabel && k === start;
      const s = 1 + inLabel * 2 + (first ? 2 : 0) + (t === m.exact ? 1 : 0) - (m.near.has(t) ? 1 : 0);
      if (s > best) best = s;
    }
    if (best < 0) return -1;
    score += best;
  }
  const at = index.entries[e]?.at ?? 0;
  // Recency breaks ties only: it adds less than one point over any span of dates.
  return score + Math.min(0.99, Math.max(0, at / 1e13));
}
