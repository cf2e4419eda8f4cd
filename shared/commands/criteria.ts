import type { SearchCriteria } from '../contracts';
import { toMoney } from '../normalize';
import { squeeze, WORD_NUMBERS } from './text';

/** Property types and the words agents use for them. "homes" alone says nothing about the type. */
const TYPES: [RegExp, NonNullable<SearchCriteria['propertyType']>][] = [
  [
    /\b(?:multi[\s-]?family|multifamily|duplex(?:es)?|triplex(?:es)?|fourplex(?:es)?|quadplex(?:es)?|plexes|income propert(?:y|ies)|apartment buildings?|multi[\s-]?units?)\b/i,
    'multi_family',
  ],
  [/\b(?:condos?|condominiums?|co-?ops?|apartments?|flats?|lofts?)\b/i, 'condo'],
  [/\b(?:town\s?houses?|town\s?homes?|row\s?houses?|rowhomes?)\b/i, 'townhouse'],
  [/\b(?:mobile homes?|manufactured(?: homes?)?|trailers?|modular homes?)\b/i, 'manufactured'],
  [/\b(?:land|lots?|acreage|vacant|parcels?|ranch land)\b/i, 'land'],
  [/\b(?:houses?|single[\s-]?family(?: homes?)?|sfh|sfr|bungalows?|ranch(?:es)?|cottages?|detached)\b/i, 'single_family'],
];

/** Features a search can ask for, as the canonical name and the ways it is written. */
const FEATURES: [string, RegExp][] = [
  ['pool', /\b(?:pool|swimming pool)\b/i],
  ['garage', /\b(?:garage|\d[\s-]?car garage)\b/i],
  ['waterfront', /\b(?:waterfront|on the water|lakefront|beachfront|oceanfront)\b/i],
  ['view', /\b(?:views?|city view|water view|mountain view)\b/i],
  ['basement', /\bbasement\b/i],
  ['fireplace', /\bfireplace\b/i],
  ['yard', /\b(?:big |large |fenced |back)?yard\b/i],
  ['single story', /\b(?:single[\s-]?story|one[\s-]?story|single[\s-]?level)\b/i],
  ['new construction', /\bnew(?:ly)?[\s-]?(?:construction|built|build)\b/i],
  ['fixer upper', /\bfixer[\s-]?upper\b/i],
  ['acreage', /\bacreage\b/i],
  ['hoa free', /\bno hoa\b|\bhoa[\s-]?free\b/i],
  ['guest house', /\b(?:guest house|casita|adu|in-?law suite)\b/i],
  ['home office', /\bhome office\b/i],
  ['elevator', /\belevator\b/i],
  ['doorman', /\bdoorman\b/i],
  ['parking', /\bparking\b/i],
];

const NUM = `(\\d+(?:\\.\\d+)?|${Object.keys(WORD_NUMBERS).join('|')})`;
const count = (raw: string | undefined) => (raw === undefined ? undefined : (WORD_NUMBERS[raw.toLowerCase()] ?? Number(raw)));
const BEDS = new RegExp(
  `\\b(?:at least\\s+|min(?:imum)?\\s+)?${NUM}\\s*\\+?\\s*(?:-\\s*)?(?:bed(?:room)?s?|br|bd|bdrms?)\\b\\+?(?:\\s+or\\s+more\\b|\\s+plus\\b)?`,
  'i',
);
const BATHS = new RegExp(
  `\\b(?:at least\\s+|min(?:imum)?\\s+)?${NUM}\\s*\\+?\\s*(?:-\\s*)?(?:bath(?:room)?s?|ba|bth)\\b\\+?(?:\\s+or\\s+more\\b|\\s+plus\\b)?`,
  'i',
);

/** A money amount: "$750,000", "500k", "$1.2M", "1.5 million" (plain numbers only from 10,000). */
const MONEY = String.raw`\$?\s?(?:\d[\d,]*(?:\.\d+)?|\.\d+)\s?(?:k|m|mm|million|thousand)?\b`;
/** Money that says so ("$600k", "2.5m", "$450,000"), so "4+" beds is never a price. */
const MARKED_MONEY = String.raw`\$\s?\d[\d,]*(?:\.\d+)?\s?(?:k|m|mm|million|thousand)?|\d[\d,]*(?:\.\d+)?\s?(?:k|m|mm|million|thousand)\b`;
const money = (raw: string | undefined): number | undefined => {
  if (!raw) return undefined;
  const value = toMoney(raw);
  const marked = /\$|k\b|m\b|mm\b|million|thousand/i.test(raw);
  return value !== undefined && (marked || value >= 10_000) ? value : undefined;
};
/** "between 700 and 900k": a bare low end takes the high end's unit. */
function range(lowRaw: string | undefined, highRaw: string | undefined): [number, number] | undefined {
  const high = money(highRaw);
  if (!lowRaw || high === undefined) return undefined;
  const unit = highRaw?.match(/(k|m|mm|million|thousand)\b/i)?.[1];
  const low = money(lowRaw) ?? (unit && /^\$?\s?[\d.,]+$/.test(lowRaw.trim()) ? money(`${lowRaw}${unit}`) : undefined);
  return low === undefined ? undefined : [Math.min(low, high), Math.max(low, high)];
}
const RANGE = new RegExp(
  `\\b(?:between|from)\\s+(${MONEY})\\s+(?:and|to|-)\\s+(${MONEY})|(${MONEY})\\s*(?:-|–|to)\\s*(${MONEY})`,
  'i',
);
const MAX = new RegExp(
  `\\b(?:under|below|less than|max(?:imum)?|up to|no more than|at most|cheaper than|within|<)\\s*(${MONEY})`,
  'i',
);
const MIN = new RegExp(
  `\\b(?:over|above|more than|at least|min(?:imum)?|starting at|from|>)\\s*(${MONEY})|(${MARKED_MONEY})\\s*(?:\\+|and up\\b|or more\\b|plus\\b)`,
  'i',
);
/** "3/2": beds over baths, the way listings are written; never a date ("6/15"). */
const BEDS_BATHS = /(?<![\d/])([1-9])\s*\/\s*([1-9](?:\.5)?)(?![\d/])/;

const STOP = String.raw`(?=\s+(?:under|below|over|above|between|from|with|for|to|that|which|priced|less|more|at|max|min|up to|no more|cheaper|within|and\s+\d|or|\d|around|near|please)\b|\s*[.;!?]|\s*$)`;
/** A place after "in", "near"…: words joined by single spaces, as few as reach a stop word. */
const PLACE_WORD = String.raw`[\p{L}\d.'-]+,?`;
const LOCATION = new RegExp(
  `\\b(?:in|near|around|within|of)\\s+(?:the\\s+)?(${PLACE_WORD}(?:\\s${PLACE_WORD}){0,4}?)${STOP}`,
  'iu',
);
const ZIP = /\b\d{5}\b/;

/** The search_properties params in a sentence, and how many concrete criteria were found. */
export type CriteriaRead = { criteria: SearchCriteria; signals: number };

/** "under a million", "half a mil": amounts in words, as the money reader takes them. */
const MONEY_WORDS: [RegExp, string][] = [
  [/\bhalf (?:a )?mil(?:lion)?\b/i, '500k'],
  [/\b(?:a|one) mil(?:lion)?\b/i, '1m'],
  [/\b(?:two|2) mil(?:lion)?\b/i, '2m'],
  [/\bthe (\d)00s\b/i, '$1' + '00k'],
];

export function readCriteria(text: string): CriteriaRead {
  const criteria: SearchCriteria = {};
  let rest = MONEY_WORDS.reduce((t, [re, to]) => t.replace(re, to), text);
  const between = RANGE.exec(rest);
  const bounds = between && range(between[1] ?? between[3], between[2] ?? between[4]);
  if (between && bounds) {
    [criteria.priceMin, criteria.priceMax] = bounds;
    rest = squeeze(rest.replace(between[0], ' '));
  } else {
    const max = MAX.exec(rest);
    const maxValue = money(max?.[1]);
    if (max && maxValue !== undefined) {
      criteria.priceMax = maxValue;
      rest = squeeze(rest.replace(max[0], ' '));
    }
    const min = MIN.exec(rest);
    const minValue = money(min?.[1] ?? min?.[2]);
    if (min && minValue !== undefined) {
      criteria.priceMin = minValue;
      rest = squeeze(rest.replace(min[0], ' '));
    }
  }
  const pair = BEDS_BATHS.exec(rest);
  if (pair) {
    criteria.bedsMin = Number(pair[1]);
    criteria.bathsMin = Number(pair[2]);
    rest = squeeze(rest.replace(pair[0], ' '));
  }
  const beds = pair ? null : BEDS.exec(rest);
  if (beds) {
    criteria.bedsMin = count(beds[1]);
    rest = squeeze(rest.replace(beds[0], ' '));
  }
  const baths = pair ? null : BATHS.exec(rest);
  if (baths) {
    criteria.bathsMin = count(baths[1]);
    rest = squeeze(rest.replace(baths[0], ' '));
  }
  const type = TYPES.find(([re]) => re.test(rest));
  if (type) criteria.propertyType = type[1];
  const features = FEATURES.filter(([, re]) => re.test(rest)).map(([name]) => name);
  if (features.length) criteria.features = features;

  const location = LOCATION.exec(rest);
  const place = location?.[1]?.replace(/[,\s]+$/, '');
  if (place && !/^(?:a|an|the|my|your|this|that|it|them|stock|mind|person)$/i.test(place)) criteria.location = place;
  else {
    const zip = ZIP.exec(rest);
    if (zip) criteria.location = zip[0];
  }
  const signals = [criteria.location, criteria.priceMin ?? criteria.priceMax, criteria.bedsMin, criteria.bathsMin].filter(
    (v) => v !== undefined,
  ).length;
  return { criteria, signals };
}
