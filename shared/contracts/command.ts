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
export type Channel = z.infer<typeof Channel>;

/**
 * What a lead agreed to be contacted by, in whose words, when and where — the record that makes
 * texting them lawful (TCPA). Only the agent sets it, on the confirm card; never the page or the LLM.
 */
export const Consent = z.strictObject({
  channels: z.array(z.enum(['sms', 'call', 'email'])).min(1),
  text: text,
  at: z.iso.datetime({ offset: true }),
  source: name,
});
export type Consent = z.infer<typeof Consent>;

export const AddLeadParams = z.strictObject({
  firstName: name,
  lastName: name.optional(),
  email: z.email().optional(),
  phone: E164.optional(),
  notes: text.optional(),
  source: name.optional(),
  consent: Consent.optional(),
});
export const AddNoteParams = z.strictObject({ ...contactRef, text });
export const CreateTaskParams = z.strictObject({ ...contactRef, title, due: z.union([LocalDate, LocalDateTime]).optional() });
export const ScheduleShowingParams = z.strictObject({ ...contactRef, address: text.optional(), start: LocalDateTime.optional() });
export const SearchCriteria = z.strictObject({
  location: name.optional(),
  priceMin: z.number().nonnegative().optional(),
  priceMax: z.number().nonnegative().optional(),
  bedsMin: z.number().nonnegative().max(50).optional(),
  bathsMin: z.number().nonnegative().max(50).optional(),
  propertyType: PropertyType.optional(),
  features: z.array(name).max(20).optional(),
});
export const AddressParams = z.strictObject({ address: text.optional() });
export const FindContactParams = z.strictObject({ query: name });
/** A draft goes to a contact, or straight to a typed number or address; it may carry the listing it is about. */
export const DraftMessageParams = z.strictObject({
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
export const LogCallParams = z.strictObject({
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
export const SaveListingParams = z.strictObject({
  ...contactRef,
  listing: Listing.extend({ address: listingAddress }),
  note: text.optional(),
});

/**
 * A task marked done ("done with the Smith call", "mark the disclosure task done"): `task` is the
 * words naming it, `taskId` the one open task they were resolved to on the confirm card.
 */
export const CompleteTaskParams = z.strictObject({
  ...contactRef,
  task: title.check(z.maxLength(200)).optional(),
  taskId: z.string().min(1).max(64).optional(),
});
/** The agent's day ("what's on today", "my day", "what's on tomorrow"): the day it is for. */
export const AgendaParams = z.strictObject({ date: LocalDate.optional() });

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

const command = <I extends string, P extends z.ZodType>(intent: I, params: P) =>
  z.strictObject({ intent: z.literal(intent), confidence, params });

/** Intents that change the agent's CRM: these always wait for a confirmation. */
export const WriteCommand = z.discriminatedUnion('intent', [
  command('add_lead', AddLeadParams),
  command('add_note', AddNoteParams),
  command('create_task', CreateTaskParams),
  command('schedule_showing', ScheduleShowingParams),
  command('log_call', LogCallParams),
  command('save_listing', SaveListingParams),
  command('complete_task', CompleteTaskParams),
]);
export type WriteCommand = z.infer<typeof WriteCommand>;
export const DraftCommand = command('draft_message', DraftMessageParams);
export type DraftCommand = z.infer<typeof DraftCommand>;

/** The closed set of things a sentence can become. There is deliberately no delete intent. */
export const ParsedCommand = z.discriminatedUnion('intent', [
  ...WriteCommand.options,
  DraftCommand,
  command('search_properties', SearchCriteria),
  command('property_details', AddressParams),
  command('comparables', AddressParams),
  command('find_contact', FindContactParams),
  command('agenda', AgendaParams),
  command('unknown', z.strictObject({})),
]);
export type ParsedCommand = z.infer<typeof ParsedCommand>;
export type Intent = ParsedCommand['intent'];
export type SearchCriteria = z.infer<typeof SearchCriteria>;

export const WRITE_INTENTS = WriteCommand.options.map((c) => c.shape.intent.value);
export type WriteIntent = WriteCommand['intent'];
const WRITES: ReadonlySet<Intent> = new Set(WRITE_INTENTS);
export const isWrite = (intent: Intent): intent is WriteIntent => WRITES.has(intent);
export const isWriteCommand = (command: ParsedCommand): command is WriteCommand => isWrite(command.intent);
export const isDraftCommand = (command: ParsedCommand): command is DraftCommand =>
  command.intent === DraftCommand.shape.intent.value;
