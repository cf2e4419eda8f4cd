import * as chrono from 'chrono-node';
import { wallTimeIn } from '../agenda';
import { squeeze } from './text';

/**
 * The agent's local wall-clock time. Dates are resolved in wall-clock terms ("Friday at 4:30pm" is
 * 16:30 where the agent is), so the computation runs on a UTC Date that holds local time.
 */
export type LocalNow = { date: Date };

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** `now` as sent: local "YYYY-MM-DDTHH:mm" in `tz`, or an ISO instant, converted to `tz`. */
export function parseLocalNow(now: string, tz: string): LocalNow {
  const local = LOCAL.exec(now);
  if (local) {
    const [, y, mo, d, h, mi] = local.map(Number) as number[];
    return { date: new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi)) };
  }
  const instant = new Date(now);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`now is not a date: ${now}`);
  return parseLocalNow(wallTimeIn(tz, instant), tz);
}

const pad = (n: number) => String(n).padStart(2, '0');
const day = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const dayTime = (d: Date) => `${day(d)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;

export type When = {
  date: string;
  dateTime?: string;
  text: string;
  rest: string;
};

/** "on the 25th": the next 25th, which chrono leaves alone. */
function dayOfMonth(text: string, now: LocalNow): { date: Date; text: string } | undefined {
  const m = /\b(?:on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)\b/i.exec(text);
  const n = Number(m?.[1]);
  if (!m || n < 1 || n > 31) return undefined;
  const d = new Date(now.date);
  if (d.getUTCDate() > n) d.setUTCMonth(d.getUTCMonth() + 1, 1);
  d.setUTCDate(n);
  return { date: d, text: m[0] };
}

/**
 * Parts of the day at the hours agents mean by them. "tonight" and "this morning" also say the day
 * (today); the others leave the day to the rest of the sentence.
 */
const PARTS_OF_DAY: { re: RegExp; hour: number; today?: boolean }[] = [
  { re: /\b(?:first thing(?: in the morning)?|early morning)\b/i, hour: 8 },
  { re: /\bthis morning\b/i, hour: 9, today: true },
  { re: /\b(?:in the )?morning\b/i, hour: 9 },
  { re: /\b(?:at |around |by )?(?:noon|lunch ?time|lunch|midday)\b/i, hour: 12 },
  { re: /\bthis afternoon\b/i, hour: 14, today: true },
  { re: /\b(?:in the )?afternoon\b/i, hour: 14 },
  { re: /\b(?:by |at )?(?:eod|e\.o\.d\.?|end of (?:the )?(?:business )?day|close of business|cob)\b/i, hour: 17 },
  { re: /\bthis evening\b/i, hour: 18, today: true },
  { re: /\b(?:in the )?evening\b/i, hour: 18 },
  { re: /\btonight\b/i, hour: 19, today: true },
  { re: /\b(?:at |in the |late )?night\b/i, hour: 20 },
];

/**
 * An hour said without am/pm is the working-day hour: 1–7 are afternoon, 8–11 morning, 12 noon.
 * A 24-hour time ("15:30") or an explicit am/pm is kept.
 */
export const workingHour = (hour: number) => (hour >= 1 && hour <= 7 ? hour + 12 : hour);

const MAX_AHEAD_MS = 2 * 366 * 24 * 3600_000;
const BARE_HOUR =
  /^\s+(1[0-2]|[1-9])(?::([0-5]\d))?(?![\d:/.%+]|\s*(?:bed|bd|br|bath|ba|car|k\b|st\b|nd\b|rd\b|th\b|people|homes|houses|days|weeks|min|hour))\b/i;
const LEAD_IN = /\s*\b(?:by|before|due|on|for|at|this|until|no later than)\s*$/i;
const DAY_UNITS = ['day', 'weekday', 'month', 'year'] as const;

/**
 * The first date in `text`, relative to `now` and forward-looking ("Friday" is the coming one),
 * with the words that said it removed from `rest`. A time is kept only when the agent gave one; a
 * time already past today moves to tomorrow only when no day was said.
 */
/** "quarter past 3", "half past ten", "quarter to 4": clock words as the digits chrono reads. */
const HOURS = ['twelve', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const CLOCK_WORDS =
  /\b(quarter|half)\s+(past|after|to|til|till)\s+(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/i;
function clockWords(text: string): string {
  return text.replace(CLOCK_WORDS, (_, part: string, way: string, hourWord: string) => {
    const hour = /^\d+$/.test(hourWord) ? Number(hourWord) : HOURS.indexOf(hourWord.toLowerCase());
    if (/^(?:to|til|till)$/i.test(way)) return `${((hour + 10) % 12) + 1}:45`;
    return `${hour}:${part.toLowerCase() === 'half' ? '30' : '15'}`;
  });
}

export function takeDate(typed: string, now: LocalNow): When | undefined {
  const text = clockWords(typed);
  const part = PARTS_OF_DAY.map((p) => ({ ...p, m: p.re.exec(text) })).find((p) => p.m);
  const withoutPart = part?.m ? squeeze(text.replace(part.m[0], ' ')) : text;
  const reference = { instant: now.date, timezone: 0 };
  const [first, ...later] = chrono.parse(withoutPart, reference, { forwardDate: true });
  const saysDay = (r: chrono.ParsedResult) => DAY_UNITS.some((u) => r.start.isCertain(u));
  // "the 5pm open house on Thursday": an hour and, later, its day come as two readings; together they are one time.
  const dayLater =
    first?.start.isCertain('hour') && !saysDay(first) ? later.find((r) => saysDay(r) && !r.start.isCertain('hour')) : undefined;
  const result = dayLater
    ? (chrono.parse(`${dayLater.text} ${first?.text}`, reference, { forwardDate: true })[0] ?? first)
    : first;
  const fallback = result ? undefined : dayOfMonth(withoutPart, now);
  if (!result && !fallback && !part) return undefined;

  const start = result?.start;
  const daySaid = !!fallback || !!part?.today || DAY_UNITS.some((u) => start?.isCertain(u));
  // Relative phrases ("next week", "in 3 days") fix the day without a certain unit.
  const relative = !!start && !start.isCertain('hour') && !daySaid;
  const chronoDay = !!start && (relative || DAY_UNITS.some((u) => start.isCertain(u)));
  const when = new Date(fallback?.date ?? (chronoDay ? start.date() : now.date));
  // "Friday" said on a Friday is next week's: today would have been "today".
  if (
    start?.isCertain('weekday') &&
    !start.isCertain('day') &&
    !/\b(?:this|today)\b/i.test(result?.text ?? '') &&
    day(when) === day(now.date)
  )
    when.setUTCDate(when.getUTCDate() + 7);
  let timed = false;
  // "wed 4", "tomorrow 8": a bare hour right after the day, which chrono leaves out.
  const bare = result && !start?.isCertain('hour') ? BARE_HOUR.exec(withoutPart.slice(result.index + result.text.length)) : null;
  if (bare) {
    when.setUTCHours(
      part ? Number(bare[1]) + (part.hour >= 12 && Number(bare[1]) < 12 ? 12 : 0) : workingHour(Number(bare[1])),
      Number(bare[2] ?? 0),
      0,
      0,
    );
    timed = true;
  } else if (start?.isCertain('hour')) {
    const hour = start.get('hour') ?? 0;
    const spelledOut = start.isCertain('meridiem') || /\b(?:[01]\d|2[0-3]):[0-5]\d\b/.test(result?.text ?? '') || hour >= 13;
    // "tonight at 8" is 20:00, "in the morning at 7" 07:00: the part of the day says am or pm.
    const inferred = part ? (part.hour >= 12 && hour < 12 ? hour + 12 : hour) : workingHour(hour);
    when.setUTCHours(spelledOut ? hour : inferred, start.get('minute') ?? 0, 0, 0);
    timed = true;
  } else if (part) {
    when.setUTCHours(part.hour, 0, 0, 0);
    timed = true;
  }
  if (timed && !daySaid && when.getTime() <= now.date.getTime()) when.setUTCDate(when.getUTCDate() + 1);
  // Numbers read as a far-off date ("#304", "1402") are not a day an agent is planning for.
  if (when.getTime() - now.date.getTime() > MAX_AHEAD_MS) return undefined;

  const piece = dayLater ? first?.text : result ? result.text + (bare?.[0] ?? '') : fallback?.text;
  const rest = [piece, dayLater?.text].reduce<string>((left, taken) => {
    const at = taken ? left.indexOf(taken) : -1;
    return taken && at >= 0 ? `${left.slice(0, at).replace(LEAD_IN, '')} ${left.slice(at + taken.length)}` : left;
  }, withoutPart);
  const said = [dayLater ? result?.text : piece, part?.m?.[0]].filter(Boolean).join(' ');
  return { date: day(when), dateTime: timed ? dayTime(when) : undefined, text: said, rest: squeeze(rest) };
}
