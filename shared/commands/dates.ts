import * as chrono from 'chrono-node';
import { squeeze } from './text';

/**
 * The agent's local wall-clock time. Dates are resolved in wall-clock terms ("Friday at 4:30pm" is
 * 16:30 where the agent is), so the computation runs on a UTC Date that holds local time.
 */
export type LocalNow = { date: Date };

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** `now` as sent: local "YYYY-MM-DDTHH:mm" in `tz`, or an ISO instant, converted to `tz`. */
export function localNow(now: string, tz: string): LocalNow {
  const local = LOCAL.exec(now);
  if (local) {
    const [, y, mo, d, h, mi] = local.map(Number) as number[];
    return { date: new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi)) };
  }
  const instant = new Date(now);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`now is not a date: ${now}`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(instant)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  return { date: new Date(Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day, parts.hour, parts.minute)) };
}

const pad = (n: number) => String(n).padStart(2, '0');
const day = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const dayTime = (d: Date) => `${day(d)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;

export type When = { date: string; dateTime?: string; text: string; rest: string };

/** "on the 25th": the next 25th, which chrono leaves alone. */
function dayOfMonth(text: string, now: LocalNow): When | undefined {
  const m = /\b(?:on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)\b/i.exec(text);
  const n = Number(m?.[1]);
  if (!m || n < 1 || n > 31) return undefined;
  const d = new Date(now.date);
  if (d.getUTCDate() > n) d.setUTCMonth(d.getUTCMonth() + 1, 1);
  d.setUTCDate(n);
  return { date: day(d), text: m[0], rest: squeeze(text.replace(m[0], ' ')) };
}

const LEAD_IN = /\s*\b(?:by|before|due|on|for|at|this|until|no later than)\s*$/i;

/**
 * The first date in `text`, relative to `now` and forward-looking ("Friday" is the coming one),
 * with the words that said it removed from `rest`. A time is kept only when the agent gave one.
 */
export function takeDate(text: string, now: LocalNow): When | undefined {
  const [result] = chrono.parse(text, { instant: now.date, timezone: 0 }, { forwardDate: true });
  if (!result) return dayOfMonth(text, now);
  const date = result.start.date();
  const before = text.slice(0, result.index).replace(LEAD_IN, '');
  const rest = squeeze(`${before} ${text.slice(result.index + result.text.length)}`);
  return {
    date: day(date),
    dateTime: result.start.isCertain('hour') ? dayTime(date) : undefined,
    text: result.text,
    rest,
  };
}
