import { z } from 'zod';
import type { CallOutcome } from '../../shared/contracts';
import { ApiError } from '../errors';
import { upstream } from '../upstream';
import { fubDay } from './followupboss-day';
import { Call, Inquiry, Note, one, Person, rows, Task, toContact } from './followupboss-read';
import { addressParts, type CrmProvider, callNote, type LeadInput, noteSubject, sameListing, writeMark } from './provider';
import { leadSearch, madeSince, writeOnce } from './write-once';
import { zonedIso } from './zoned';

/**
 * Follow Up Boss (docs.followupboss.com): https://api.followupboss.com/v1, Basic auth with the API
 * key as user name and an empty password, X-System / X-System-Key on every call. New leads go
 * through POST /v1/events (FUB matches an existing person by email or phone); people are searched
 * with GET /v1/people; notes, tasks (a showing is a task of type "Showing") and calls have their own
 * endpoints. A listing a person is interested in is a "Property Inquiry" event on that person
 * (POST /v1/events with person.id and a property), listed again with GET /v1/events?personId&type.
 * 429 carries Retry-After (handled by `upstream`). The reads for the brief and the day, and task
 * completion: followupboss-day.ts; every answer is read through followupboss-read.ts's schemas.
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

/** What FUB answers a POST with: the new record, its id first. */
const Created = z.object({ id: z.number() });
const INQUIRY = 'Property Inquiry';

export function followUpBoss(config: FubConfig): CrmProvider {
  const base = (config.base ?? 'https://api.followupboss.com').replace(/\/$/, '');
  // Read once per request: a brief's calls go out together, not each after its own key lookup.
  let key: Promise<string> | undefined;
  const apiKey = () => {
    key ??= config.apiKey().catch((err: unknown) => {
      key = undefined;
      throw err;
    });
    return key;
  };
  const call = async (method: string, path: string, body?: unknown) =>
    upstream(
      'Follow Up Boss',
      `${base}/v1${path}`,
      {
        method,
        headers: fubHeaders(await apiKey(), config.system, config.systemKey),
        body: body === undefined ? undefined : JSON.stringify(body),
      },
      { write: method !== 'GET', timeoutMs: config.timeoutMs },
    );
  const list = async <S extends z.ZodType>(path: string, field: string, schema: S) =>
    rows(await call('GET', path), field, schema);
  const created = async (res: Response) => ({ id: String((await one(res, Created)).id) });
  /** The task an earlier attempt wrote: the same name and due day (or instant), or neither due. */
  const sameTask = (t: Task, name: string, when: string | undefined) => {
    const wanted = due(when);
    if (t.name !== name) return false;
    if (wanted.dueDateTime) return !!t.dueDateTime && Date.parse(t.dueDateTime) === Date.parse(wanted.dueDateTime);
    if (wanted.dueDate) return t.dueDate?.slice(0, 10) === wanted.dueDate;
    return !t.dueDate && !t.dueDateTime;
  };
  const task = async (
    fields: { personId?: number; name: string; type: string; when?: string },
    since: number | undefined,
  ): Promise<{ id: string }> => {
    if (since && fields.personId !== undefined) {
      const found = (await list(`/tasks?personId=${fields.personId}&limit=100`, 'tasks', Task)).find((t) =>
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
    return created(res);
  };
  const due = (value: string | undefined) =>
    !value ? {} : value.includes('T') ? { dueDateTime: zonedIso(value, config.tz ?? 'UTC') } : { dueDate: value };
  /** A note once per write: its subject carries the write's reference, looked for on a retry. */
  const note = (personId: number, subject: string, body: string, since: number | undefined) =>
    writeOnce(
      since,
      async () => {
        const found = (await list(`/notes?personId=${personId}&limit=100`, 'notes', Note)).find((n) => n.subject === subject);
        return found && { id: String(found.id) };
      },
      async () => created(await call('POST', '/notes', { personId, subject, body, isHtml: false })),
    );
  /** GET /people applies one filter: email, else phone, else the name. */
  const people = ({ text, email, phone }: { text?: string; email?: string; phone?: string }) =>
    `/people?${new URLSearchParams({ limit: '25', ...(email ? { email } : phone ? { phone } : { name: text ?? '' }) })}`;
  const person = async (id: string) => {
    const res = await call('GET', `/people/${encodeURIComponent(id)}`);
    return res.status === 404 ? undefined : toContact(await one(res, Person));
  };

  return {
    name: 'followupboss',
    ...fubDay(call, config.tz ?? 'UTC'),
    async searchContacts(query) {
      const res = await call('GET', people(query));
      return (await rows(res, 'people', Person)).map(toContact);
    },
    getContact: person,
    async findCreated(lead, { since }) {
      const mine = (await list(people(leadSearch(lead)), 'people', Person)).find(
        (p) => p.created !== undefined && madeSince(Date.parse(p.created), since),
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
      const { personId } = await one(res, z.object({ personId: z.number().nullish() }));
      const added = typeof personId === 'number' ? await person(String(personId)) : undefined;
      if (!added)
        throw new ApiError(502, 'upstream_error', 'Follow Up Boss accepted the lead but did not say which person it is.');
      return added;
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
      const mark = writeMark(key);
      if (since) {
        const found = (await list(`/calls?personId=${personId}&limit=100`, 'calls', Call)).find((c) => c.note?.includes(mark));
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
      return created(res);
    },
    async saveListing({ contact, listing, note: text }, { key }) {
      const personId = Number(contact.id);
      const mark = writeMark(key);
      // Looked for every time: a retry finds its own event, and a second save of the home the first one.
      const inquiries = await list(
        `/events?${new URLSearchParams({ personId: String(personId), type: INQUIRY, limit: '100' })}`,
        'events',
        Inquiry,
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
      return created(res);
    },
  };
}
