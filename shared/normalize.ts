/**
 * Normalisation of the values listing pages and agents write in many ways: money, counts, US
 * states, zips and one-line addresses. Pure and dependency-free: it runs in content scripts.
 */

const UNKNOWN = /^(?:[-–—]+|n\/?a|none|null|undefined|unknown|tbd|call)$/i;

/** A plain number from "1,850", "1,000 sqft", "2.5 ba", 4; undefined for "—", "--", "n/a" and garbage. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!text || UNKNOWN.test(text)) return undefined;
  const match = text.replace(/(\d),(?=\d{3}(?!\d))/g, '$1').match(/-?\d+(?:\.\d+)?/);
  return match ? Number(match[0]) : undefined;
}

/** Money with its multipliers: "$1.2M", "450k", "$2,225+", "USD 379000". */
export function toMoney(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = value.replace(/(\d),(?=\d{3}(?!\d))/g, '$1').match(/(\d+(?:\.\d+)?)\s*(k|m|mm|million|thousand|b)?\b/i);
  if (!match?.[1]) return undefined;
  const unit = match[2]?.toLowerCase();
  const scale =
    unit === 'k' || unit === 'thousand'
      ? 1e3
      : unit === 'm' || unit === 'mm' || unit === 'million'
        ? 1e6
        : unit === 'b'
          ? 1e9
          : 1;
  return Math.round(Number(match[1]) * scale);
}

const STATES: Record<string, string> = {
  alabama: 'AL',
  alaska: 'AK',
  arizona: 'AZ',
  arkansas: 'AR',
  california: 'CA',
  colorado: 'CO',
  connecticut: 'CT',
  delaware: 'DE',
  'district of columbia': 'DC',
  florida: 'FL',
  georgia: 'GA',
  hawaii: 'HI',
  idaho: 'ID',
  illinois: 'IL',
  indiana: 'IN',
  iowa: 'IA',
  kansas: 'KS',
  kentucky: 'KY',
  louisiana: 'LA',
  maine: 'ME',
  maryland: 'MD',
  massachusetts: 'MA',
  michigan: 'MI',
  minnesota: 'MN',
  mississippi: 'MS',
  missouri: 'MO',
  montana: 'MT',
  nebraska: 'NE',
  nevada: 'NV',
  'new hampshire': 'NH',
  'new jersey': 'NJ',
  'new mexico': 'NM',
  'new york': 'NY',
  'north carolina': 'NC',
  'north dakota': 'ND',
  ohio: 'OH',
  oklahoma: 'OK',
  oregon: 'OR',
  pennsylvania: 'PA',
  'rhode island': 'RI',
  'south carolina': 'SC',
  'south dakota': 'SD',
  tennessee: 'TN',
  texas: 'TX',
  utah: 'UT',
  vermont: 'VT',
  virginia: 'VA',
  washington: 'WA',
  'west virginia': 'WV',
  wisconsin: 'WI',
  wyoming: 'WY',
  'puerto rico': 'PR',
  guam: 'GU',
  'virgin islands': 'VI',
};
const CODES = new Set(Object.values(STATES));

/** Two-letter state from "NJ", "nj", "New Jersey"; undefined when it is not a US state. */
export function toStateCode(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim().replace(/\.$/, '');
  const upper = text.toUpperCase();
  if (CODES.has(upper)) return upper;
  return STATES[text.toLowerCase().replace(/\s+/g, ' ')];
}

export const STATE_NAMES: readonly string[] = Object.keys(STATES);

/** Five-digit zip from "07030", "07030-1234", 7030 (a number that lost its leading zero). */
export function toZip(value: unknown): string | undefined {
  if (typeof value === 'number')
    return Number.isInteger(value) && value > 0 && value < 1e5 ? String(value).padStart(5, '0') : undefined;
  if (typeof value !== 'string') return undefined;
  return value.trim().match(/^(\d{5})(?:-\d{4})?$/)?.[1];
}

/** Collapses whitespace (including no-break spaces) and trims; undefined when nothing is left. */
export function clean(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value)
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .trim();
  return text && !UNKNOWN.test(text) ? text : undefined;
}

export type AddressParts = { street?: string; city?: string; state?: string; zip?: string };

/**
 * Splits a one-line US address: "450 7th St APT 1N, Hoboken, NJ 07030", "Hoboken, NJ 07030",
 * "7436 Arrowood Road, Bethesda, MD". Unknown shapes give only what is certain.
 */
export function splitAddress(line: unknown): AddressParts {
  const text = clean(line)?.replace(/,?\s*(?:USA|United States)$/i, '');
  if (!text) return {};
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const out: AddressParts = {};
  const last = parts[parts.length - 1] ?? '';
  const stateZip = last.match(/^([A-Za-z][A-Za-z .]*?)\.?\s+(\d{5})(?:-\d{4})?$/) ?? last.match(/^([A-Za-z][A-Za-z .]*?)$/);
  const state = stateZip ? toStateCode(stateZip[1]) : undefined;
  if (state && parts.length >= 2) {
    out.state = state;
    if (stateZip?.[2]) out.zip = stateZip[2];
    parts.pop();
    const city = parts.pop();
    if (city) out.city = city;
  } else {
    const zipOnly = last.match(/^(\d{5})(?:-\d{4})?$/);
    if (zipOnly?.[1] && parts.length >= 2) {
      out.zip = zipOnly[1];
      parts.pop();
    }
  }
  if (parts.length) out.street = parts.join(', ');
  return out;
}

/** "450 7th St APT 1N, Hoboken, NJ 07030" from its parts. */
export function joinAddress({ street, city, state, zip }: AddressParts): string | undefined {
  const tail = [state, zip].filter(Boolean).join(' ');
  return clean([street, city, tail].filter(Boolean).join(', '));
}

/** The shape of an email address (one @, a dot in the domain, no spaces). */
export const isEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

/** Letters NFD does not take apart: a name typed without them must still match. */
const LETTERS: Record<string, string> = { ß: 'ss', ø: 'o', ł: 'l', æ: 'ae', œ: 'oe', đ: 'd' };

/**
 * A name or word as people type it when they skip accents and capitals: "José  Ñúñez" → "jose nunez",
 * "Straße" → "strasse". For comparing and searching, never for display.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßøłæœđ]/g, (c) => LETTERS[c] ?? c)
    .replace(/\s+/g, ' ')
    .trim();
}
