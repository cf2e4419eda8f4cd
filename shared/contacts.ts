import type { CrmContact } from './contracts';
import { fullName } from './format';
import { fold } from './normalize';

/** How many contacts a lookup offers to pick from. */
export const MAX_CANDIDATES = 10;

/**
 * A name's words, folded, both split at its punctuation and joined across it, so "kevin obrien"
 * is O'Brien and "sarah jane" is Sarah-Jane: "Mary-Jane O'Brien" → mary, jane, o, brien, maryjane, obrien.
 */
const words = (name: string) => {
  const folded = fold(name);
  const split = folded.split(/[^\p{L}\p{N}]+/u);
  const joined = folded.replace(/[^\p{L}\p{N}\s]+/gu, '').split(/\s+/);
  return [...new Set([...split, ...joined])].filter(Boolean);
};
/** What is typed, as words: punctuation inside a word is dropped ("O'Brien" → obrien). */
const typedWords = (typed: string) =>
  fold(typed)
    .replace(/[^\p{L}\p{N}\s]+/gu, '')
    .split(/\s+/)
    .filter(Boolean);
const sameName = (a: string, b: string) => typedWords(a).join(' ') === typedWords(b).join(' ');

/**
 * Who a typed name means among a CRM's matches: the one whose whole name it is, else those whose
 * name has every typed word as a word or a word's start ("Tom" → Tom Nguyen and Tomas Reyes), best
 * first: more whole words, then the first name itself. Accents and case never matter ("jose" is
 * José). The worker uses it before the card; the card again when the agent edits the name.
 */
export function matchByName(typed: string, matches: CrmContact[]): CrmContact[] {
  const exact = matches.filter((c) => sameName(fullName(c), typed));
  if (exact.length === 1) return exact;
  const want = typedWords(typed);
  return matches
    .map((contact) => {
      const have = words(fullName(contact));
      const fits = want.every((w) => have.some((h) => h.startsWith(w)));
      return { contact, fits, whole: want.filter((w) => have.includes(w)).length, first: have[0] === want[0] };
    })
    .filter((m) => m.fits)
    .sort((a, b) => b.whole - a.whole || Number(b.first) - Number(a.first))
    .slice(0, MAX_CANDIDATES)
    .map((m) => m.contact);
}
