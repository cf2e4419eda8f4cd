import type { PageContext } from '../contracts';
import { type LocalNow, localNow } from './dates';

export type ParseOptions = { now: string; tz: string; page?: PageContext };

/** One sentence being parsed, with what every intent reads from it. */
export type Sentence = {
  /** As typed, spaces collapsed. */
  text: string;
  lower: string;
  now: LocalNow;
  page?: PageContext;
};

export function sentence(text: string, options: ParseOptions): Sentence {
  const clean = text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
  return { text: clean, lower: clean.toLowerCase(), now: localNow(options.now, options.tz), page: options.page };
}

/** The contact open in the tab, when there is one with an id. */
export const pageContactId = (s: Sentence) => (s.page?.kind === 'contact' ? s.page.contact?.id : undefined);

/** The listing open in the tab, when there is one. */
export const pageListing = (s: Sentence) => (s.page?.kind === 'listing' ? s.page.listing : undefined);
