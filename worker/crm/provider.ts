import type { z } from 'zod';
import type {
  AddLeadParams,
  BriefEntry,
  CallOutcome,
  Crm,
  CrmContact,
  CrmEvent,
  CrmTask,
  DayPart,
  Listing,
  SavedListing,
} from '../../shared/contracts';
import { formatFacts, formatPrice } from '../../shared/format';
import { fold } from '../../shared/normalize';

export type LeadInput = z.infer<typeof AddLeadParams>;
export type CallInput = { contact: CrmContact; outcome?: CallOutcome; notes?: string };
export type SaveInput = { contact: CrmContact; listing: Listing; note?: string };
/** A listing saved to a contact; `duplicate` when an earlier save (another write) already had it there. */
export type Saved = { id: string; duplicate?: boolean };

/**
 * One confirmed write. `since` (the first attempt's time) is set when an earlier attempt may have
 * landed — it timed out, or the worker stopped mid-way — so the provider looks before it writes.
 */
export type WriteAttempt = { key: string; since?: number };

/** A short, stable mark of the write, for CRMs that keep it where it can be found again. */
export const writeRef = (key: string) => key.replace(/[^a-zA-Z0-9]/g, '').slice(0, 10);

/** How a call went, in words for the CRM and the agent. */
export const OUTCOME_WORDS: Record<CallOutcome, string> = {
  connected: 'Connected',
  left_voicemail: 'Left voicemail',
  no_answer: 'No answer',
};

/** How the subject of a note Estait writes starts, before the write's reference. */
export const noteSubjectStart = (kind: 'Note' | 'Call') => `${kind} via Estait`;

/** The subject of a note Estait writes: it carries the write's reference, so a retry finds the note by it. */
export const noteSubject = (key: string, kind: 'Note' | 'Call' = 'Note') => `${noteSubjectStart(kind)} (${writeRef(key)})`;

/** A call kept as a note, for CRMs with no call records (or none for this contact): subject and body. */
export function callNote(key: string, { outcome, notes }: Omit<CallInput, 'contact'>) {
  const words = outcome && OUTCOME_WORDS[outcome];
  return {
    subject: words ? `${noteSubject(key, 'Call')}: ${words}` : noteSubject(key, 'Call'),
    body: notes ?? words ?? 'Call logged',
  };
}

/** An address as letters and digits only, so "1 Elm St." and "1 elm st" are one home. */
export const addressKey = (address: string) =>
  fold(address)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** One home however it was written down: its MLS number, else its folded address. */
export const listingKey = (l: Pick<Listing, 'address' | 'mlsId'>) =>
  l.mlsId ? `mls:${fold(l.mlsId).replace(/[^\p{L}\p{N}]+/gu, '')}` : `address:${addressKey(l.address)}`;

/** Whether two records are of the same home: the same MLS number, or the same address. */
export const sameListing = (a: Pick<Listing, 'address' | 'mlsId'>, b: { address?: string; mlsId?: string }) =>
  (!!a.mlsId && !!b.mlsId && listingKey(a) === listingKey({ address: '', mlsId: b.mlsId })) ||
  (!!b.address && addressKey(a.address) === addressKey(b.address));

/** A listing's street, city, state and zip: its own fields, else read from its one-line address. */
export function addressParts(l: Listing): { street: string; city?: string; state?: string; zip?: string } {
  const [first = l.address, second, third] = l.address.split(',').map((p) => p.trim());
  const region = /^([A-Z]{2})(?:\s+(\d{5}))?/.exec(third ?? '');
  const city = l.city ?? (third !== undefined ? second : undefined);
  const state = l.state ?? region?.[1];
  const zip = l.zip ?? region?.[2];
  return { street: l.street ?? first, ...(city && { city }), ...(state && { state }), ...(zip && { zip }) };
}

/** The mark a write (a saved listing, a call) carries in CRMs that keep it as text, found again on a retry. */
export const writeMark = (key: string) => `(via Estait ${writeRef(key)})`;

/** How a saved listing's note subject starts; its address follows. */
export const SAVED_LISTING = 'Saved listing: ';

/** A saved listing as a note, for CRMs with no place for a contact's homes: address, price, facts, MLS #, link. */
export function listingNote(key: string, { listing, note }: Omit<SaveInput, 'contact'>) {
  const facts = formatFacts(listing);
  return {
    subject: `${SAVED_LISTING}${listing.address}`,
    body: [
      `Interested in ${listing.address}`,
      [formatPrice(listing.price), facts].filter(Boolean).join(' · '),
      listing.mlsId && `MLS # ${listing.mlsId}`,
      listing.url,
      note,
      writeMark(key),
    ]
      .filter(Boolean)
      .join('\n'),
  };
}

/** The person is already in the CRM (found by the CRM's own uniqueness, not by a search): nothing was written. */
export class AlreadyInCrm extends Error {
  constructor(readonly contact: CrmContact) {
    super('already in the CRM');
  }
}

/**
 * A part of a brief or a day the CRM does not keep, or would not give this agent (a scope not
 * granted): the reader says so instead of showing it as empty. Other failures are thrown as usual.
 */
export class PartUnavailable extends Error {
  constructor(
    readonly part: DayPart,
    reason: string,
  ) {
    super(reason);
  }
}

/** A task marked done; `alreadyDone` when it was done before this write (by the agent in the CRM, or another write). */
export type Completed = { id: string; alreadyDone?: boolean };

/** Contacts created within this margin before the first attempt count as that attempt's (clock skew). */
export const SKEW_MS = 2 * 60_000;

/** What Estait needs from a CRM. */
export interface CrmProvider {
  readonly name: Crm;
  /** Its name search already ignores accents and case, so searching the folded spelling too finds nothing new. */
  readonly foldsNames?: boolean;
  /**
   * It refuses a second contact with the same email or phone (AlreadyInCrm), and a second save of a
   * listing to a contact, itself: no lock is needed around an add or a save.
   */
  readonly refusesDuplicates?: boolean;
  searchContacts(query: { text?: string; email?: string; phone?: string }): Promise<CrmContact[]>;
  getContact(id: string): Promise<CrmContact | undefined>;
  /** The contact an earlier attempt of this write created, if it did. */
  findCreated(lead: LeadInput, write: Required<WriteAttempt>): Promise<CrmContact | undefined>;
  createContact(lead: LeadInput, write: WriteAttempt): Promise<CrmContact>;
  addNote(contactId: string, text: string, write: WriteAttempt): Promise<{ id: string }>;
  createTask(task: { contactId?: string; title: string; due?: string }, write: WriteAttempt): Promise<{ id: string }>;
  scheduleShowing(
    showing: { contact?: CrmContact; address?: string; start?: string },
    write: WriteAttempt,
  ): Promise<{ id: string }>;
  logCall(call: CallInput, write: WriteAttempt): Promise<{ id: string }>;
  /** Records the contact's interest in a listing where the CRM keeps it, once per contact and listing. */
  saveListing(save: SaveInput, write: WriteAttempt): Promise<Saved>;

  // Reads for the brief and the day. Each is one part, read in parallel with the others; dates and
  // times come and go in the agent's zone (the provider's `tz`).
  /** A contact's notes and calls, newest first, at most `limit`, each text cut to ENTRY_TEXT_MAX. */
  activity(contactId: string, limit: number): Promise<BriefEntry[]>;
  /** Open tasks: one contact's; or the agent's due on or before `dueBy`; or (neither) all the agent's, undated too. */
  openTasks(filter: { contactId: string } | { dueBy?: string }): Promise<CrmTask[]>;
  /** One task, open or done; undefined when the CRM has no such task. */
  getTask(taskId: string): Promise<CrmTask | undefined>;
  /** Showings and appointments starting on the days `from`..`to` (inclusive), of one contact when given. */
  events(range: { from: string; to: string; contactId?: string }): Promise<CrmEvent[]>;
  /** The listings saved to a contact, newest first. */
  savedListings(contactId: string): Promise<SavedListing[]>;
  /** Contacts added at or after `since` (an instant) that have no note or call yet, newest first. */
  newLeads(since: string): Promise<{ contact: CrmContact; addedAt: string }[]>;
  /** Marks a task done, once: a task already done is left as it is and reported `alreadyDone`. */
  completeTask(taskId: string, write: WriteAttempt): Promise<Completed>;
}
