import { readCriteria } from '../criteria';
import type { Rule } from '../rule';

const VERB =
  /^(?:please\s+)?(?:find|search|show(?: me)?|list|look(?:ing)? for|get(?: me)?|pull(?: up)?|browse|any|are there|i need|i want|need|want|looking for|what(?:'s| is| are)? (?:available|for sale|on the market))\b/i;
const HOMES =
  /\b(?:homes?|houses?|condos?|condominiums?|town\s?(?:houses?|homes?)|propert(?:y|ies)|listings?|land|lots?|acreage|multi[\s-]?family|duplex(?:es)?|apartments?|places|units|real estate|ranch(?:es)?|single[\s-]?family|mobile homes?|manufactured|for sale|for rent|rentals?)\b/i;
const HEDGE = /\b(?:maybe|something|stuff|whatever|idk|dunno|kinda|sort of|some)\b/i;
const CRITERION_FIRST = /^(?:\d|\$|one|two|three|four|five|cheap|luxury|new|big|small)/i;

export const searchProperties: Rule = (s) => {
  const verb = VERB.test(s.text);
  const homes = HOMES.test(s.text);
  const criterionFirst = CRITERION_FIRST.test(s.text);
  if (!verb && !homes && !criterionFirst) return undefined;
  const { criteria, signals } = readCriteria(s.text);
  if (!homes && !criteria.propertyType && signals < 2) return undefined;
  const startsLikeSearch = verb || criterionFirst || HOMES.exec(s.text)?.index === 0;
  let confidence = signals >= 2 ? 0.95 : signals === 1 ? 0.9 : 0.4;
  if (!startsLikeSearch) confidence = Math.min(confidence, 0.6);
  if (HEDGE.test(s.text)) confidence = Math.min(confidence, 0.35);
  return { intent: 'search_properties', confidence, params: criteria };
};
