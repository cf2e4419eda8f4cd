import { z } from 'zod';

/** An IANA zone the runtime knows, e.g. "America/Chicago". */
export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'an IANA time zone, e.g. America/Chicago' },
  );

/** Years a CRM date may fall in: a typo or a model's guess outside them is refused, not written. */
export const YEARS = { min: 2000, max: 2099 } as const;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** True when `2026-02-30`-like text names a real day (and `T25:99`-like text a real time) in YEARS. */
export function isRealDate(value: string): boolean {
  const [y, mo, d, h = 0, mi = 0] = (value.match(/\d+/g) ?? []).map(Number);
  if (y === undefined || mo === undefined || d === undefined) return false;
  return y >= YEARS.min && y <= YEARS.max && mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo) && h <= 23 && mi <= 59;
}

/** The agent's "now": local wall time (YYYY-MM-DDTHH:mm), a real one, or an ISO instant. */
export const Now = z.union([
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/)
    .refine(isRealDate, `a real date and time from ${YEARS.min} to ${YEARS.max}`),
  z.iso.datetime({ offset: true }),
]);
