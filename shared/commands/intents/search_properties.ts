import { readCriteria } from '../criteria';
import { isCommonWord, isState, leadingPlace, nearestPlace, placeNamed } from '../places';
import type { Rule } from '../rule';

const VERB =
  /^(?:please\s+)?(?:(?:my|our|the|these|a)\s+(?:buyers?|clients?|couple|family|investors?)\s+(?:wants?|needs?|(?:is|are)\s+looking\s+for)|(?:they|she|he)\s+(?:wants?|needs?)|find|search|show(?: me)?|list|look(?:ing)? for|get(?: me)?|pull(?: up)?|browse|anything|any|are there|i need|i want|need|want|looking for|what(?:'s| is| are)? (?:available|for sale|on the market))\b/i;
const HOMES =
  /\b(?:homes?|houses?|condos?|condominiums?|town\s?(?:houses?|homes?)|propert(?:y|ies)|listings?|land|lots?|acreage|multi[\s-]?family|duplex(?:es)?|triplex(?:es)?|fourplex(?:es)?|quadplex(?:es)?|apartments?|places|units|real estate|ranch(?:es)?|single[\s-]?family|mobile homes?|manufactured|for sale|for rent|rentals?)\b/i;
const HEDGE = /\b(?:maybe|something|stuff|whatever|idk|dunno|kinda|sort of|some)\b/i;
const CRITERION_FIRST = /^(?:\d|\$|one|two|three|four|five|cheap|luxury|new|big|small)/i;

/**
 * A place as the agent meant it: as typed when it is a real place (or not a city at all, like
 * "Capitol Hill"), with its capitals when typed in lowercase, and its proper spelling when it is a
 * slip of one ("denvr" → "Denver").
 */
function placeAsMeant(typed: string): string {
  const exact = placeNamed(typed);
  const place = exact ?? nearestPlace(typed);
  if (!place || (exact && typed !== typed.toLowerCase())) return typed;
  // The state, when the agent typed one, stays: "san antono tx" → "San Antonio TX".
  const state = typed.split(/[\s,]+/).length > 1 && placeNamed(`${place.name} ${typed.split(/[\s,]+/).at(-1)}`);
  return state ? `${place.name} ${place.state}` : place.name;
}

/** The first real place among the words, not right after a number (a street) and not a common word. */
function placeAnywhere(words: string[]): { length: number; at: number } | undefined {
  for (let at = 1; at < words.length; at++) {
    if (/^\d/.test(words[at - 1] ?? '') || !/^\p{L}/u.test(words[at] ?? '')) continue;
    const found = leadingPlace(words.slice(at), { fuzzy: (words[at] ?? '').length >= 5 });
    if (found && !isCommonWord(found.place) && !isState(found.place)) return { length: found.length, at };
  }
  return undefined;
}

export const searchProperties: Rule = (s) => {
  const verb = VERB.test(s.text);
  const homes = HOMES.test(s.text);
  const criterionFirst = CRITERION_FIRST.test(s.text);
  // "miami condos 2+ beds under 1.2m": the city first, then what is wanted there.
  const words = s.text.split(/\s+/);
  const leading = verb || criterionFirst ? undefined : leadingPlace(words, { fuzzy: true });
  // "Mission", "Price", "Surprise" lead sentences as words far more often than as towns.
  const cityFirst = leading && !isCommonWord(leading.place) ? leading : undefined;
  if (!verb && !homes && !criterionFirst && !cityFirst) return undefined;
  const rest = cityFirst ? words.slice(cityFirst.length).join(' ') : s.text;
  const { criteria, signals: found } = readCriteria(rest);
  let signals = found;
  // "condos nashvile tn 1 bed+", "townhouses Charlotte NC 3+ bd": a place named without "in".
  const bare = cityFirst ? { at: 0, length: cityFirst.length } : criteria.location ? undefined : placeAnywhere(words);
  if (bare && !criteria.location) {
    criteria.location = placeAsMeant(
      words
        .slice(bare.at, bare.at + bare.length)
        .join(' ')
        .replace(/,$/, ''),
    );
    signals++;
  } else if (criteria.location) criteria.location = placeAsMeant(criteria.location);
  if (!homes && !criteria.propertyType && signals < 2) return undefined;
  const startsLikeSearch = verb || criterionFirst || !!cityFirst || HOMES.exec(s.text)?.index === 0;
  let confidence = signals >= 2 ? 0.95 : signals === 1 ? 0.9 : 0.4;
  if (!startsLikeSearch) confidence = Math.min(confidence, 0.6);
  if (HEDGE.test(s.text)) confidence = Math.min(confidence, 0.35);
  return { intent: 'search_properties', confidence, params: criteria };
};
