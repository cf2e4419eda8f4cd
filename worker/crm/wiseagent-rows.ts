import { z } from 'zod';
import { wallTimeIn } from '../../shared/agenda';
import { Consent, type CrmContact } from '../../shared/contracts';
import type { Contact } from './wiseagent-api';
import { zonedIso } from './zoned';

/** Wise Agent's rows as Estait reads them (the rows' schemas are in wiseagent-api.ts), and the clock they are written in. */

/** CustomData is JSON inside a string: [{Key, Value}]. */
export function customValue(custom: string | null | undefined, key: string): string | undefined {
  try {
    const rows = z.array(z.object({ Key: z.string(), Value: z.string() })).parse(JSON.parse(custom ?? '[]'));
    return rows.find((r) => r.Key === key)?.Value;
  } catch {
    return undefined;
  }
}

/** The custom field (addClientCustom) that keeps a lead's consent record, as JSON. */
export const CONSENT_KEY = 'EstaitConsent';

function consentOf(custom: string | null | undefined): Consent | undefined {
  try {
    const value = customValue(custom, CONSENT_KEY);
    const parsed = value ? Consent.safeParse(JSON.parse(value)) : undefined;
    return parsed?.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export const toContact = (c: Contact): CrmContact => {
  const phone = c.MobilePhone || c.HomePhone || c.WorkPhone;
  const consent = consentOf(c.CustomData);
  const url = z.url().safeParse(c.ContactUrl);
  return {
    id: String(c.ClientID),
    firstName: c.CFirst ?? '',
    ...(c.CLast && { lastName: c.CLast }),
    ...(c.CEmail && { email: c.CEmail }),
    ...(phone && { phone }),
    ...(c.Source && { source: c.Source }),
    ...(consent && { consent }),
    ...(url.success && { url: url.data }),
  };
};

/** "DateAddedUTC" as an instant; Wise Agent writes it without a zone. */
export const addedAt = (c: Contact) =>
  c.DateAddedUTC ? Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(c.DateAddedUTC) ? c.DateAddedUTC : `${c.DateAddedUTC}Z`) : Number.NaN;

/** The calendar's clock: getCalendar's dates are "24 hour AZ timezone" (Arizona keeps no daylight time). */
export const ARIZONA = 'America/Phoenix';

const pad = (n: number) => String(n).padStart(2, '0');

/** Wall time in one zone as wall time in another. */
export const rezone = (local: string, from: string, to: string) =>
  from === to ? local : wallTimeIn(to, new Date(zonedIso(local, from)));

/**
 * Wise Agent's ways of writing a time — "5/14/2024 10:00:00 AM", "2024-05-14 10:00", "2024-05-14" —
 * as wall time (YYYY-MM-DDTHH:mm, or YYYY-MM-DD when it has no time), and whether it named UTC.
 */
export function readWall(text: string | null | undefined): { wall: string; utc: boolean } | undefined {
  const value = (text ?? '').trim();
  const utc = /(?:UTC|Z)$/i.test(value);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::\d{2})?\s*(AM|PM)?)?/i.exec(value);
  if (us) {
    const [, m, d, y, h, mi, ampm] = us;
    const date = `${y}-${pad(Number(m))}-${pad(Number(d))}`;
    if (h === undefined) return { wall: date, utc };
    const hour = ampm ? (Number(h) % 12) + (ampm.toUpperCase() === 'PM' ? 12 : 0) : Number(h);
    return { wall: `${date}T${pad(hour)}:${mi}`, utc };
  }
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(value);
  if (iso) return { wall: iso[2] ? `${iso[1]}T${iso[2]}` : `${iso[1]}`, utc: utc || /[+-]00:?00$/.test(value) };
  return undefined;
}

/** A Wise Agent time as an instant, read in `tz` unless it says UTC. */
export function instantOf(text: string | null | undefined, tz: string): Date | undefined {
  const read = readWall(text);
  if (!read) return undefined;
  const wall = read.wall.includes('T') ? read.wall : `${read.wall}T00:00`;
  const at = new Date(read.utc ? `${wall}:00Z` : zonedIso(wall, tz));
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/** "2026-03-11T15:00" → "03/11/2026 15:00", the calendar's request format. */
export const calendarParam = (local: string) => {
  const [date = '', time = '00:00'] = local.split('T');
  const [y, m, d] = date.split('-');
  return `${m}/${d}/${y} ${time}`;
};

/** "2026-03-11" → "03/11/2026", the TaskDue format. */
export const taskDue = (date: string) => {
  const [y, m, d] = date.split('-');
  return `${m}/${d}/${y}`;
};
