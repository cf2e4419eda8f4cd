import type { DayPart, Unavailable } from '../../shared/contracts';
import { PartUnavailable } from '../crm/provider';
import { ApiError } from '../errors';

type Reads = Record<string, { part: DayPart; read: Promise<unknown>; empty: unknown }>;
type Values<R extends Reads> = { [K in keyof R]: Awaited<R[K]['read']> };

/**
 * Reads the parts of a brief or a day at once (the route costs its slowest CRM call, not their sum).
 * A part the CRM will not give, or that failed while others came, is listed as unavailable with the
 * reason; when every part failed for the same outage, that failure is the answer.
 */
export async function readParts<R extends Reads>(reads: R): Promise<{ values: Values<R>; unavailable: Unavailable[] }> {
  const entries = Object.entries(reads);
  const settled = await Promise.allSettled(entries.map(([, r]) => r.read));
  const failures: unknown[] = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason] : []));
  const hard = failures.filter((f) => !(f instanceof PartUnavailable));
  if (hard.length && hard.length === entries.length) throw hard[0];
  const unavailable: Unavailable[] = [];
  const values = Object.fromEntries(
    entries.map(([name, { part, empty }], i) => {
      const s = settled[i];
      if (s?.status === 'fulfilled') return [name, s.value];
      const reason = s?.reason;
      if (!(reason instanceof PartUnavailable || reason instanceof ApiError))
        console.warn(JSON.stringify({ part, error: String(reason) }));
      const said =
        reason instanceof PartUnavailable || reason instanceof ApiError
          ? reason.message
          : 'Your CRM could not be read right now.';
      if (!unavailable.some((u) => u.part === part)) unavailable.push({ part, reason: said });
      return [name, empty];
    }),
  ) as Values<R>;
  return { values, unavailable };
}
