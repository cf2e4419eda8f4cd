import type { CrmContact } from '../../shared/contracts';
import { ApiError } from '../errors';
import { upstream } from '../upstream';
import type { CrmProvider, LeadInput } from './provider';
import { zonedIso } from './zoned';

/**
 * Follow Up Boss (docs.followupboss.com): https://api.followupboss.com/v1, Basic auth with the API
 * key as user name and an empty password, X-System / X-System-Key on every call. New leads go
 * through POST /v1/events (FUB matches an existing person by email or phone); people are searched
 * with GET /v1/people; notes and tasks (a showing is a task of type "Showing") have their own
 * endpoints. 429 carries Retry-After (handled by `upstream`).
 */
export type FubConfig = { apiKey: string; system?: string; systemKey?: string; base?: string; tz?: string };

type Person = {
  id: number;
  firstName?: string;
  lastName?: string;
  emails?: { value?: string }[];
  phones?: { value?: string }[];
  source?: string;
};

const toContact = (p: Person): CrmContact => ({
  id: String(p.id),
  firstName: p.firstName ?? '',
  ...(p.lastName && { lastName: p.lastName }),
  ...(p.emails?.[0]?.value && { email: p.emails[0].value }),
  ...(p.phones?.[0]?.value && { phone: p.phones[0].value }),
  ...(p.source && { source: p.source }),
});

export function followUpBoss(config: FubConfig): CrmProvider {
  const base = (config.base ?? 'https://api.followupboss.com').replace(/\/$/, '');
  const headers = {
    Authorization: `Basic ${btoa(`${config.apiKey}:`)}`,
    'X-System': config.system ?? 'Estait',
    'X-System-Key': config.systemKey ?? '',
    Accept: 'application/json',
    'Content-Type': 'application/json',
  };
  const call = (method: string, path: string, body?: unknown) =>
    upstream('Follow Up Boss', `${base}/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const due = (value: string | undefined) =>
    !value ? {} : value.includes('T') ? { dueDateTime: zonedIso(value, config.tz ?? 'UTC') } : { dueDate: value };
  const person = async (id: string) => {
    const res = await call('GET', `/people/${encodeURIComponent(id)}`);
    return res.status === 404 ? undefined : toContact((await res.json()) as Person);
  };

  return {
    name: 'followupboss',
    async searchContacts({ text, email, phone }) {
      const query = new URLSearchParams({ limit: '25', ...(email ? { email } : phone ? { phone } : { name: text ?? '' }) });
      const res = await call('GET', `/people?${query}`);
      const { people = [] } = (await res.json()) as { people?: Person[] };
      return people.map(toContact);
    },
    getContact: person,
    async createContact(lead: LeadInput) {
      const res = await call('POST', '/events', {
        source: lead.source ?? 'Estait',
        system: config.system ?? 'Estait',
        type: 'Registration',
        ...(lead.notes && { message: lead.notes }),
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
    async addNote(contactId, text) {
      const res = await call('POST', '/notes', {
        personId: Number(contactId),
        subject: 'Note from Estait',
        body: text,
        isHtml: false,
      });
      return { id: String(((await res.json()) as { id: number }).id) };
    },
    async createTask({ contactId, title, due: when }) {
      const res = await call('POST', '/tasks', {
        ...(contactId && { personId: Number(contactId) }),
        name: title,
        type: 'Follow Up',
        ...due(when),
      });
      return { id: String(((await res.json()) as { id: number }).id) };
    },
    async scheduleShowing({ contactId, address, start }) {
      const res = await call('POST', '/tasks', {
        ...(contactId && { personId: Number(contactId) }),
        name: address ? `Showing at ${address}` : 'Showing',
        type: 'Showing',
        ...due(start),
      });
      return { id: String(((await res.json()) as { id: number }).id) };
    },
  };
}
