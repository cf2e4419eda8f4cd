import type { CallOutcome } from '../../shared/contracts';
import { ApiError } from '../errors';
import { upstream } from '../upstream';
import { fubDay } from './followupboss-day';
import { type Person, toContact } from './followupboss-read';
import {
  addressParts,
  type CrmProvider,
  callNote,
  type LeadInput,
  listingMark,
  noteSubject,
  SKEW_MS,
  sameListing,
  writeRef,
} from './provider';
import { zonedIso } from './zoned';

/**
 * Follow Up Boss (docs.followupboss.com): https://api.followupboss.com/v1, Basic auth with the API
 * key as user name and an empty password, X-System / X-System-Key on every call. New leads go
 * through POST /v1/events (FUB matches an existing person by email or phone); people are searched
 * with GET /v1/people; notes, tasks (a showing is a task of type "Showing") and calls have their own
 * endpoints. A listing a person is interested in is a "Property Inquiry" event on that person
 * (POST /v1/events with person.id and a property), listed again with GET /v1/events?personId&type.
 * 429 carries Retry-After (handled by `upstream`).
 */
export type FubConfig = {
  /** The agent's own key (sealed per user), or the worker's in local mode: loaded when a call needs it. */
  apiKey: () => Promise<string>;
  system?: string;
  systemKey?: string;
  base?: string;
  tz?: string;
  timeoutMs?: number;
};

/** Follow Up Boss's headers for a key: Basic auth with the key and an empty password, and the system's name and key. */
export const fubHeaders = (apiKey: string, system?: string, systemKey?: string) => ({
  Authorization: `Basic ${btoa(`${apiKey}:`)}`,
  'X-System': system ?? 'Estait',
  'X-System-Key': systemKey ?? '',
  Accept: 'application/json',
  'Content-Type': 'application/json',
});

/** POST /v1/calls takes one of Interested, Not Interested, Left Message, No Answer, Busy, Bad Number; "connected" has none. */
const FUB_OUTCOME: Partial<Record<CallOutcome, string>> = {
  left_voicemail: 'Left Message',
  no_answer: 'No Answer',
};

type FubEvent = {
  id: number;
  message?: string;
  property?: { street?: string; city?: string; state?: string; code?: string; mlsNumber?: string };
};
const INQUIRY = 'Property Inquiry';

export function followUpBoss(config: FubConfig): CrmProvider {
  const base = (config.base ?? 'https://api.followupboss.com').replace(/\/$/, '');
  const call = async (method: string, path: string, body?: unknown) =>
    upstream(
      'Follow Up Boss',
      `${base}/v1${path}`,
      {
        method,
        headers: fubHeaders(await config.apiKey(), config.system, config.systemKey),
        body: body === undefined ? undefined : JSON.stringify(body),
      },
      { write: method !== 'GET', timeoutMs: config.timeoutMs },
    );
  const list = async <T>(path: string, field: string): Promise<T[]> =>
    ((await (await call('GET', path)).json()) as Record<string, T[] | undefined>)[field] ?? [];
  type Task = { id: number; name?: string; dueDate?: string; dueDateTime?: string };
  const sameTask = (t: Task, name: string, when: string | undefined) =>
    t.name === name && (t.dueDate ?? t.dueDateTime ?? undefined) === (when ? Object.values(due(when))[0] : undefined);
  const task = async (
    fields: { personId?: number; name: string; type: string; when?: string },
    since: number | undefined,
  ): Promise<{ id: string }> => {
    if (since && fields.personId !== undefined) {
      const found = (await list<Task>(`/tasks?personId=${fields.personId}&limit=100`, 'tasks')).find((t) =>
        sameTask(t, fields.name, fields.when),
      );
      if (found) return { id: String(found.id) };
    }
    const res = await call('POST', '/tasks', {
      ...(fields.personId !== undefined && { personId: fields.personId }),
      name: fields.name,
      type: fields.type,
      ...due(fields.when),
    });
    return { id: String(((await res.json()) as { id: number }).id) };
  };
  const due = (value: string | undefined) =>
    !value ? {} : value.includes('T') ? { dueDateTime: zonedIso(value, config.tz ?? 'UTC') } : { dueDate: value };
  /** A note once per write: its subject carries the write's reference, looked for on a retry. */
  const note = async (personId: number, subject: string, body: string, since: number | undefined) => {
    if (since) {
      const found = (await list<{ id: number; subject?: string }>(`/notes?personId=${personId}&limit=100`, 'notes')).find(
        (n) => n.subject === subject,
      );
      if (found) return { id: String(found.id) };
    }
    const res = await call('POST', '/notes', { personId, subject, body, isHtml: false });
    return { id: String(((await res.json()) as { id: number }).id) };
  };
  const person = async (id: string) => {
    const res = await call('GET', `/people/${encodeURIComponent(id)}`);
    return res.status === 404 ? undefined : toContact((await res.json()) as Person);
  };

  return {
    name: 'followupboss',
    ...fubDay(call, config.tz ?? 'UTC'),
    async searchContacts({ text, email, phone }) {
      const query = new URLSearchParams({ limit: '25', ...(email ? { email } : phone ? { phone } : { name: text ?? '' }) });
      const res = await call('GET', `/people?${query}`);
      const { people = [] } = (await res.json()) as { people?: Person[] };
      return people.map(toContact);
    },
    getContact: person,
    async findCreated(lead, { since }) {
      const query = new URLSearchParams({
        limit: '25',
        ...(lead.email
          ? { email: lead.email }
          : lead.phone
            ? { phone: lead.phone }
            : { name: `${lead.firstName} ${lead.lastName ?? ''}`.trim() }),
      });
      const mine = (await list<Person>(`/people?${query}`, 'people')).find(
        (p) => p.created !== undefined && Date.parse(p.created) >= since - SKEW_MS,
      );
      return mine && toContact(mine);
    },
    async createContact(lead: LeadInput) {
      const res = await call('POST', '/events', {
        source: lead.source ?? 'Estait',
        system: config.system ?? 'Estait',
        type: 'Registration',
        ...((lead.notes || lead.consent) && {
          message: [
            lead.notes,
            lead.consent &&
              `Consent (${lead.consent.channels.join(', ')}), ${lead.consent.source}, ${lead.consent.at}: ${lead.consent.text}`,
          ]
            .filter(Boolean)
            .join('\n'),
        }),
        person: {
          firstName: lead.firstName,
          ...(lead.lastName && { lastName: lead.lastName }),
          ...(lead.email && { emails: [{ value: lead.email }] }),
          ...(lead.phone && { phones: [{ value: lead.phone }] }),
        },
      });
      if (res.status === 204)
        throw new ApiError(
          422,
          'lead_flow_archived',
          'Follow Up Boss ignored the lead: the lead flow for its source is archived.',
        );
      const { personId } = (await res.json()) as { personId?: number };
      const created = personId !== undefined ? await person(String(personId)) : undefined;
      if (!created)
        throw new ApiError(502, 'upstream_error', 'Follow Up Boss accepted the lead but did not say which person it is.');
      return created;
    },
    addNote: (contactId, text, { key, since }) => note(Number(contactId), noteSubject(key), text, since),
    createTask: ({ contactId, title, due: when }, { since }) =>
      task({ ...(contactId && { personId: Number(contactId) }), name: title, type: 'Follow Up', when }, since),
    scheduleShowing: ({ contact, address, start }, { since }) =>
      task(
        {
          ...(contact && { personId: Number(contact.id) }),
          name: address ? `Showing at ${address}` : 'Showing',
          type: 'Showing',
          when: start,
        },
        since,
      ),
    async logCall({ contact, outcome, notes }, { key, since }) {
      const personId = Number(contact.id);
      // A call record needs the number called; without one the call is kept as a note.
      if (!contact.phone) {
        const { subject, body } = callNote(key, { outcome, notes });
        return note(personId, subject, body, since);
      }
      const mark = `(via Estait ${writeRef(key)})`;
      if (since) {
        const found = (await list<{ id: number; note?: string }>(`/calls?personId=${personId}&limit=100`, 'calls')).find((c) =>
          c.note?.includes(mark),
        );
        if (found) return { id: String(found.id) };
      }
      const fubOutcome = outcome && FUB_OUTCOME[outcome];
      const res = await call('POST', '/calls', {
        personId,
        phone: contact.phone,
        isIncoming: false,
        ...(fubOutcome && { outcome: fubOutcome }),
        note: [outcome === 'connected' && 'Connected.', notes, mark].filter(Boolean).join(' '),
      });
      return { id: String(((await res.json()) as { id: number }).id) };
    },
    async saveListing({ contact, listing, note: text }, { key }) {
      const personId = Number(contact.id);
      const mark = listingMark(key);
      // Looked for every time: a retry finds its own event, and a second save of the home the first one.
      const inquiries = await list<FubEvent>(
        `/events?${new URLSearchParams({ personId: String(personId), type: INQUIRY, limit: '100' })}`,
        'events',
      );
      const mine = inquiries.find((e) => e.message?.includes(mark));
      if (mine) return { id: String(mine.id) };
      const earlier = inquiries.find((e) => {
        const p = e.property;
        const address = p && [p.street, p.city, [p.state, p.code].filter(Boolean).join(' ')].filter(Boolean).join(', ');
        return p && sameListing(listing, { address, mlsId: p.mlsNumber });
      });
      if (earlier) return { id: String(earlier.id), duplicate: true };
      const { street, city, state, zip } = addressParts(listing);
      const res = await call('POST', '/events', {
        source: 'Estait',
        system: config.system ?? 'Estait',
        type: INQUIRY,
        message: [text, mark].filter(Boolean).join(' '),
        person: { id: personId },
        property: {
          street,
          ...(city && { city }),
          ...(state && { state }),
          ...(zip && { code: zip }),
          ...(listing.mlsId && { mlsNumber: listing.mlsId }),
          ...(listing.price !== undefined && { price: listing.price }),
          ...(listing.beds !== undefined && { bedrooms: listing.beds }),
          ...(listing.baths !== undefined && { bathrooms: listing.baths }),
          ...(listing.sqft !== undefined && { area: listing.sqft }),
          ...(listing.url && { url: listing.url }),
        },
      });
      if (res.status === 204)
        throw new ApiError(
          422,
          'lead_flow_archived',
          'Follow Up Boss ignored the listing: the lead flow for Estait is archived.',
        );
      return { id: String(((await res.json()) as { id: number }).id) };
    },
  };
}
