import { z } from 'zod';
import { Listing } from './page';
import { isRealDate, YEARS } from './time';

/** E.164: a plus, a country code and up to 15 digits in all. */
export const E164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'a phone number in E.164 form, e.g. +15125550142');

// The pattern states the shape (and is what the LLM's tool schema shows); the check, the value.
export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a local date YYYY-MM-DD')
  .refine(isRealDate, `a real date from ${YEARS.min} to ${YEARS.max}`);
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'a local date and time YYYY-MM-DDTHH:mm')
  .refine(isRealDate, `a real date and time from ${YEARS.min} to ${YEARS.max}`);

/** Control characters (line breaks aside) and bidi overrides: never part of what an agent typed. */
const LINE_BREAK = /[\r\n\t]/;
const CONTROL = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;
const hasControl = (s: string) => CONTROL.test(s.replace(/[\r\n\t]/g, ''));

const text = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .refine((s) => !hasControl(s), 'text without control characters');
const name = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .refine((s) => !hasControl(s) && !LINE_BREAK.test(s), 'one line without control characters');
/** A task's title: one line, as CRMs show it in lists. */
const title = text.refine((s) => !LINE_BREAK.test(s), 'one line without control characters').check(z.maxLength(500));
const contactRef = { contact: name.optional(), contactId: z.string().min(1).max(64).optional() };
const confidence = z.number().min(0).max(1);

export const PropertyType = z.enum(['single_family', 'condo', 'townhouse', 'multi_family', 'land', 'manufactured']);
export const Channel = z.enum(['email', 'sms']);

/**
 * What a lead agreed to be contacted by, in whose words, when and where — the record that makes
 * texting them lawful (TCPA). Only the agent sets it, on the confirm card; never the page or the LLM.
 */
export const Consent = z.object({
  channels: z.array(z.enum(['sms', 'call', 'email'])).min(1),
  text: text,
  at: z.iso.datetime({ offset: true }),
  source: name,
});
export type Consent = z.infer<typeof Consent>;

export const AddLeadParams = z.object({
  firstName: name,
  lastName: name.optional(),
  email: z.email().optional(),
  phone: E164.optional(),
  notes: text.optional(),
  source: name.optional(),
  consent: Consent.optional(),
});
export const AddNoteParams = z.object({ ...contactRef, text });
export const CreateTaskParams = z.object({ ...contactRef, title, due: z.union([LocalDate, LocalDateTime]).optional() });
export const ScheduleShowingParams = z.object({ ...contactRef, address: text.optional(), start: LocalDateTime.optional() });
export const SearchCriteria = z.object({
  location: name.optional(),
  priceMin: z.number().nonnegative().optional(),
  priceMax: z.number().nonnegative().optional(),
  bedsMin: z.number().nonnegative().max(50).optional(),
  bathsMin: z.number().nonnegative().max(50).optional(),
  propertyType: PropertyType.optional(),
  features: z.array(name).max(20).optional(),
});
export const AddressParams = z.object({ address: text.optional() });
export const FindContactParams = z.object({ query: name });
/** A draft goes to a contact, or straight to a typed number or address; it may carry the listing it is about. */
export const DraftMessageParams = z.object({
  ...contactRef,
  phone: E164.optional(),
  email: z.email().optional(),
  channel: Channel,
  purpose: text,
  listing: Listing.optional(),
});
export const CallOutcome = z.enum(['connected', 'left_voicemail', 'no_answer']);
export type CallOutcome = z.infer<typeof CallOutcome>;
/** A call with a contact, or with whoever in the CRM has the number called ("called 512-555-0139, no answer"). */
export const LogCallParams = z.object({
  ...contactRef,
  phone: E164.optional(),
  outcome: CallOutcome.optional(),
  notes: text.optional(),
});
/** A listing address an agent can find again: one line with a word or number in it, not just punctuation. */
const listingAddress = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .refine((s) => !hasControl(s) && !LINE_BREAK.test(s) && /[\p{L}\p{N}]{2,}/u.test(s), 'a street address on one line');
/** A contact's interest in a listing ("Maria is interested in this house"): the listing as the page or the memory had it. */
export const SaveListingParams = z.object({
  ...contactRef,
  listing: Listing.extend({ address: listingAddress }),
  note: text.optional(),
});

/**
 * A task marked done ("done with the Smith call", "mark the disclosure task done"): `task` is the
 * words naming it, `taskId` the one open task they were resolved to on the confirm card.
 */
export const CompleteTaskParams = z.object({
  ...contactRef,
  task: title.check(z.maxLength(200)).optional(),
  taskId: z.string().min(1).max(64).optional(),
});
/** The agent's day ("what's on today", "my day", "what's on tomorrow"): the day it is for. */
export const AgendaParams = z.object({ date: LocalDate.optional() });

/** Each intent's params: what the LLM's tools are generated from, and what validates its answers. */
export const INTENT_PARAMS = {
  add_lead: AddLeadParams,
  add_note: AddNoteParams,
  create_task: CreateTaskParams,
  schedule_showing: ScheduleShowingParams,
  search_properties: SearchCriteria,
  property_details: AddressParams,
  comparables: AddressParams,
  find_contact: FindContactParams,
  draft_message: DraftMessageParams,
  log_call: LogCallParams,
  save_listing: SaveListingParams,
  complete_task: CompleteTaskParams,
  agenda: AgendaParams,
} as const;

/** The closed set of things a sentence can become. There is deliberately no delete intent. */
export const ParsedCommand = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('add_lead'), confidence, params: AddLeadParams }),
  z.object({ intent: z.literal('add_note'), confidence, params: AddNoteParams }),
  z.object({ intent: z.literal('create_task'), confidence, params: CreateTaskParams }),
  z.object({ intent: z.literal('schedule_showing'), confidence, params: ScheduleShowingParams }),
  z.object({ intent: z.literal('search_properties'), confidence, params: SearchCriteria }),
  z.object({ intent: z.literal('property_details'), confidence, params: AddressParams }),
  z.object({ intent: z.literal('comparables'), confidence, params: AddressParams }),
  z.object({ intent: z.literal('find_contact'), confidence, params: FindContactParams }),
  z.object({ intent: z.literal('draft_message'), confidence, params: DraftMessageParams }),
  z.object({ intent: z.literal('log_call'), confidence, params: LogCallParams }),
  z.object({ intent: z.literal('save_listing'), confidence, params: SaveListingParams }),
  z.object({ intent: z.literal('complete_task'), confidence, params: CompleteTaskParams }),
  z.object({ intent: z.literal('agenda'), confidence, params: AgendaParams }),
  z.object({ intent: z.literal('unknown'), confidence, params: z.object({}) }),
]);
export type ParsedCommand = z.infer<typeof ParsedCommand>;
export type Intent = ParsedCommand['intent'];
export type SearchCriteria = z.infer<typeof SearchCriteria>;

/** Intents that change the agent's CRM: these always wait for a confirmation. */
export const WRITE_INTENTS = [
  'add_lead',
  'add_note',
  'create_task',
  'schedule_showing',
  'log_call',
  'save_listing',
  'complete_task',
] as const satisfies Intent[];
export const isWrite = (intent: Intent): boolean => (WRITE_INTENTS as readonly Intent[]).includes(intent);
export type WriteCommand = Extract<ParsedCommand, { intent: (typeof WRITE_INTENTS)[number] }>;
export type DraftCommand = Extract<ParsedCommand, { intent: 'draft_message' }>;
