import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** How prices and counts read to an agent, in the panel and in drafts alike. */
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export const formatPrice = (value: number | undefined) => (value === undefined ? undefined : money.format(value));
export const formatCount = (value: number | undefined) => (value === undefined ? undefined : count.format(value));

/** "3 bd · 2.5 ba · 1,850 sqft", leaving out what is unknown. */
export function formatFacts(l: { beds?: number; baths?: number; sqft?: number }): string {
  return [
    l.beds !== undefined && `${formatCount(l.beds)} bd`,
    l.baths !== undefined && `${formatCount(l.baths)} ba`,
    l.sqft !== undefined && `${formatCount(l.sqft)} sqft`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** A person as the panel, the CRMs and the drafts name them: "Jake & Emily Turner". */
export const fullName = (p: { firstName?: string | null; lastName?: string | null }) =>
  [p.firstName, p.lastName].filter(Boolean).join(' ');

const DAY = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });
const CLOCK = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });

/**
 * A local date or date-time as people read it: "Fri, Mar 13" or "Fri, Mar 13, 10:00 AM". The value
 * is wall-clock time already, so it is formatted as if it were UTC.
 */
export function formatWhen(local: string | undefined): string | undefined {
  const m = local && /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(local);
  if (!m) return local;
  const [y, mo, d, h = 0, mi = 0] = m.slice(1).map((part) => (part === undefined ? undefined : Number(part)));
  const at = new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi));
  // Date.UTC rolls "2026-13-45" over into another day: only a real calendar date reads as one.
  if (at.getUTCMonth() + 1 !== mo || at.getUTCDate() !== d || h > 23 || mi > 59) return local;
  return m[4] === undefined ? DAY.format(at) : `${DAY.format(at)}, ${CLOCK.format(at)}`;
}

/** The time of a local date-time as people read it ("2026-03-13T15:30" → "3:30 PM"); undefined for a date alone. */
export function formatClock(local: string | undefined): string | undefined {
  const m = local && /T(\d{2}):(\d{2})$/.exec(local);
  return m ? CLOCK.format(new Date(Date.UTC(2000, 0, 1, Number(m[1]), Number(m[2])))) : undefined;
}

/** A phone as people read it: "+15125550110" → "(512) 555-0110"; anything else as it was. */
export function formatPhone(phone: string | undefined): string | undefined {
  if (!phone) return phone;
  const parsed = parsePhoneNumberFromString(phone, 'US');
  if (!parsed?.isValid()) return phone;
  return parsed.country === 'US' ? parsed.formatNational() : parsed.formatInternational();
}
