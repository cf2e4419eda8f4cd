import { z } from 'zod';
import type { CrmContact } from '../../shared/contracts';
import { fullName } from '../../shared/format';
import { ApiError } from '../errors';
import {
  type CrmProvider,
  callNote,
  type LeadInput,
  listingNote,
  noteSubject,
  SAVED_LISTING,
  sameListing,
  type WriteAttempt,
  writeMark,
} from './provider';
import {
  ContactAdded,
  Contacts,
  Events,
  NoteAdded,
  Notes,
  TaskAdded,
  Tasks,
  type WiseAgentAccess,
  wiseAgentCall,
} from './wiseagent-api';
import { wiseAgentDay } from './wiseagent-day';
import { ARIZONA, addedAt, CONSENT_KEY, calendarParam, rezone, taskDue, toContact } from './wiseagent-rows';
import { leadSearch, madeSince, writeOnce } from './write-once';

/**
 * Wise Agent (wiseagent.com/docs/api.asp): one endpoint, /http/webconnect.asp, the call chosen by
 * requestType; Bearer token; reads are GETs with query parameters, writes are form-encoded POSTs.
 * Contacts: getContacts (email, phone digits or nameQuery — only the first applies),
 * getSingleContact, webcontact (CFirst, CLast and Source required; an existing contact comes back
 * with NewContact:false), addClientCustom for consent. Notes (and calls, kept as notes):
 * addContactNote / getContactNotes. Tasks: tasks POST / GET / PUT (TaskID, Completed=yes marks one
 * done). Showings: addPlannerEvent / getCalendar, both in Arizona time ("24 hour AZ timezone").
 * The reads for the brief and the day are in wiseagent-day.ts. A listing saved to a contact is a note with its address, price, MLS # and link: the property calls
 * (addProperty, addPropertyConnection) are not confirmed for third-party apps, and a note is what
 * every Wise Agent account can read on the contact.
 */
/** `tz`: the agent's zone, which calendar times are turned into and out of (UTC when not given). */
export type WiseAgentConfig = { base: string; access: WiseAgentAccess; tz?: string; timeoutMs: number };

const SOURCE = 'Estait';

/** "14:30" → ["02:30", "PM"], addPlannerEvent's 12-hour clock. */
function twelveHour(time: string): [string, 'AM' | 'PM'] {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return [`${String(h % 12 || 12).padStart(2, '0')}:${String(m).padStart(2, '0')}`, h < 12 ? 'AM' : 'PM'];
}

/** A showing lasts half an hour unless the agent moves it in the calendar. */
const SHOWING_MINUTES = 30;

function addMinutes(local: string, minutes: number): string {
  const t = new Date(`${local}:00Z`);
  t.setUTCMinutes(t.getUTCMinutes() + minutes);
  return t.toISOString().slice(0, 16);
}

export function wiseAgent({ base, access, tz = 'UTC', timeoutMs }: WiseAgentConfig): CrmProvider {
  const call = wiseAgentCall({ base, access, timeoutMs });

  /** getContacts applies only one of its filters: email, else phone (its digits), else the name. */
  const contactRows = ({ text, email, phone }: { text?: string; email?: string; phone?: string }) =>
    call(Contacts, 'GET', 'getContacts', {
      ...(email ? { email } : phone ? { phone: phone.replace(/\D/g, '').slice(-10) } : { nameQuery: text ?? '' }),
      page: '1',
      page_size: '25',
    });
  const single = async (id: string) => {
    const [row] = await call(Contacts, 'GET', 'getSingleContact', { clientID: id });
    return row;
  };

  const showingName = (s: { contact?: CrmContact; address?: string }) =>
    [`Showing${s.address ? `: ${s.address}` : ''}`, s.contact && `with ${fullName(s.contact)}`].filter(Boolean).join(' ');
  /** The calendar's events on an Arizona day. */
  const calendarOn = (date: string) =>
    call(Events, 'GET', 'getCalendar', {
      startDate: calendarParam(`${date}T00:00`),
      endDate: calendarParam(`${date}T23:59`),
    });
  const taskKey = (t: { ContactID?: string | null; Description?: string | null; TaskDue?: string | null }) =>
    `${t.ContactID || '0'}|${t.Description ?? ''}|${t.TaskDue ?? ''}`;

  /** A note once per write: its subject carries the write's reference, looked for on a retry. */
  const note = (contactId: string, subject: string, text: string, since: number | undefined) =>
    writeOnce(
      since,
      async () => {
        const [found] = await call(Notes, 'GET', 'getContactNotes', { ClientID: contactId, subject });
        return found && { id: String(found.NoteID) };
      },
      async () => {
        const [answer] = await call(NoteAdded, 'POST', 'addContactNote', { note: text, subject, clientids: contactId });
        return { id: String(answer?.data[0]?.NoteID ?? '') };
      },
    );
  const addNote = (contactId: string, text: string, { key, since }: WriteAttempt) =>
    note(contactId, noteSubject(key), text, since);
  /**
   * A new lead's consent record and notes, each added once: the consent key is unique per contact
   * (a repeat is refused, never doubled) and the note carries the write's reference.
   */
  const completeLead = async (contact: CrmContact, lead: LeadInput, write: WriteAttempt): Promise<CrmContact> => {
    if (lead.consent && !contact.consent)
      await call(z.unknown(), 'POST', 'addClientCustom', {
        ClientID: contact.id,
        Key: CONSENT_KEY,
        Value: JSON.stringify(lead.consent),
      });
    if (lead.notes) await addNote(contact.id, lead.notes, write);
    const row = await single(contact.id).catch(() => undefined);
    return row ? toContact(row) : contact;
  };

  return {
    name: 'wiseagent',
    ...wiseAgentDay(call, tz),
    async searchContacts(query) {
      return (await contactRows(query)).map(toContact);
    },
    async getContact(id) {
      const row = await single(id);
      return row && toContact(row);
    },
    async findCreated(lead, write) {
      const mine = (await contactRows(leadSearch(lead))).find(
        (c) =>
          madeSince(addedAt(c), write.since) &&
          (c.CFirst ?? '').toLowerCase() === lead.firstName.toLowerCase() &&
          (c.CLast ?? '').toLowerCase() === (lead.lastName ?? '').toLowerCase(),
      );
      return mine && completeLead(toContact(mine), lead, write);
    },
    async createContact(lead: LeadInput, write) {
      if (!lead.lastName)
        throw new ApiError(422, 'last_name_required', 'Wise Agent needs a last name for a new contact; add it on the card.');
      const { data } = await call(ContactAdded, 'POST', 'webcontact', {
        CFirst: lead.firstName,
        CLast: lead.lastName,
        CEmail: lead.email,
        MobilePhone: lead.phone,
        Source: lead.source ?? SOURCE,
        calltype: lead.phone ? '1' : '2',
      });
      const contact: CrmContact = {
        id: String(data.ClientID),
        firstName: lead.firstName,
        lastName: lead.lastName,
        ...(lead.email && { email: lead.email }),
        ...(lead.phone && { phone: lead.phone }),
      };
      return completeLead(contact, lead, write);
    },
    addNote,
    async createTask({ contactId, title, due }, { since }) {
      const [date, time] = due?.split('T') ?? [];
      const fields = {
        Description: title,
        TaskDue: date && taskDue(date),
        ContactID: contactId,
        ...(time && { TaskNote: `Due at ${twelveHour(time).join(' ')}` }),
      };
      return writeOnce(
        since,
        async () => {
          const wanted = taskKey(fields);
          for (let page = 1; page <= 5; page++) {
            const { Data } = await call(Tasks, 'GET', 'tasks', { page: String(page), page_size: '100' });
            const found = Data.find((t) => taskKey(t) === wanted);
            if (found) return { id: found.TaskID };
            if (Data.length < 100) break;
          }
          return undefined;
        },
        async () => {
          const { TaskID } = await call(TaskAdded, 'POST', 'tasks', fields);
          return { id: TaskID };
        },
      );
    },
    async scheduleShowing(showing, { since }) {
      if (!showing.start)
        throw new ApiError(
          422,
          'start_required',
          'Wise Agent’s calendar needs a day and time for the showing; add them on the card.',
        );
      // The agent's time, written in the calendar's (Arizona) clock.
      const start = rezone(showing.start.includes('T') ? showing.start : `${showing.start}T09:00`, tz, ARIZONA);
      const [date = '', time = '09:00'] = start.split('T');
      const eventName = showingName(showing);
      const find = async () => (await calendarOn(date)).find((e) => e.Subject === eventName);
      if (since) {
        const found = await find();
        if (found) return { id: String(found.PlannerID) };
      }
      const [startTime, startAmPm] = twelveHour(time);
      const end = addMinutes(start, SHOWING_MINUTES);
      const [endTime, endAmPm] = twelveHour(end.split('T')[1] ?? time);
      await call(z.unknown(), 'POST', 'addPlannerEvent', {
        eventName,
        eventStartDate: date,
        eventStartTime: startTime,
        eventAMPM: startAmPm,
        eventEndDate: end.split('T')[0],
        eventEndTime: endTime,
        eventEndAMPM: endAmPm,
      });
      // addPlannerEvent answers only {success}; the calendar says which event it is.
      const created = await find().catch(() => undefined);
      return { id: created ? String(created.PlannerID) : '' };
    },
    logCall({ contact, outcome, notes }, { key, since }) {
      const { subject, body } = callNote(key, { outcome, notes });
      return note(contact.id, subject, body, since);
    },
    async saveListing({ contact, listing, note: text }, { key }) {
      // Looked for every time: a retry finds its own note, and a second save of the home the first one.
      const notes = await call(Notes, 'GET', 'getContactNotes', { ClientID: contact.id, page: '1', page_size: '100' });
      const mine = notes.find((n) => n.Note?.includes(writeMark(key)));
      if (mine) return { id: String(mine.NoteID) };
      const earlier = notes.find(
        (n) =>
          n.Subject?.startsWith(SAVED_LISTING) &&
          (sameListing(listing, { address: n.Subject.slice(SAVED_LISTING.length) }) ||
            (!!listing.mlsId && !!n.Note?.split('\n').includes(`MLS # ${listing.mlsId}`))),
      );
      if (earlier) return { id: String(earlier.NoteID), duplicate: true };
      const { subject, body } = listingNote(key, { listing, note: text });
      return note(contact.id, subject, body, undefined);
    },
  };
}
