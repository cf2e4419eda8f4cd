import { fullName } from '../../shared/format';
import { SKEW_MS } from './provider';

/**
 * A confirmed write lands once in CRMs that keep no idempotency key: when an earlier attempt may
 * have landed (`since`, its first attempt's time), what it created is looked for before writing.
 */
export async function writeOnce<T>(
  since: number | undefined,
  earlier: () => Promise<T | undefined>,
  write: () => Promise<T>,
): Promise<T> {
  if (since) {
    const found = await earlier();
    if (found) return found;
  }
  return write();
}

/** Whether a record made at `at` may be the write's whose first attempt was at `since` (clocks a little apart). */
export const madeSince = (at: number, since: number) => at >= since - SKEW_MS;

/** The contact search that finds a new lead an earlier attempt may have added: by email, else phone, else name. */
export const leadSearch = (lead: {
  firstName: string;
  lastName?: string;
  email?: string;
  phone?: string;
}): { text?: string; email?: string; phone?: string } =>
  lead.email ? { email: lead.email } : lead.phone ? { phone: lead.phone } : { text: fullName(lead) };
