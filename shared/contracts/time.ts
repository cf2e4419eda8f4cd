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

/** The agent's "now": local wall time (YYYY-MM-DDTHH:mm) or an ISO instant. */
export const Now = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/), z.iso.datetime({ offset: true })]);
