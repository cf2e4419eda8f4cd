import { z } from 'zod';
import { Channel, DraftCommand, ParsedCommand } from './command';
import { CrmContact } from './crm';
import { Listing, PageContext } from './page';
import { Now, TimeZone } from './time';

/**
 * The panel's short memory of the conversation: the contact and the listing the agent last referred
 * to, opened or wrote. "him", "her", "this place" resolve against the page first, then this.
 */
export const Recent = z.strictObject({
  contact: z
    .strictObject({
      id: z.string().min(1).max(64).optional(),
      name: z.string().trim().min(1).max(120),
      /** When and how it entered the memory, to say why a pronoun meant them ("added 2 min ago"). */
      at: z.number().int().nonnegative().optional(),
      via: z.enum(['added', 'opened', 'named', 'wrote']).optional(),
    })
    .optional(),
  listing: Listing.optional(),
});
export type Recent = z.infer<typeof Recent>;

export const PlanRequest = z.strictObject({
  text: z.string().trim().min(1).max(1000),
  now: Now,
  tz: TimeZone,
  page: PageContext.optional(),
  recent: Recent.optional(),
  /** The agent's area code, for seven-digit phones typed without one. */
  areaCode: z
    .string()
    .regex(/^[2-9]\d{2}$/, 'three digits, like 512')
    .optional(),
});
export type PlanRequest = z.infer<typeof PlanRequest>;

/** A word that pointed at something ("him", "this place") and what it was taken to mean. */
export const Reference = z.object({
  said: z.string(),
  to: z.string(),
  from: z.enum(['page', 'recent']),
});
export type Reference = z.infer<typeof Reference>;

/**
 * Who a write is for, looked up in the CRM before the card is shown: one match, several to pick
 * from, none (offer to add them first), or not checked (no name to look up, or the CRM unreachable).
 */
export const Target = z.object({
  query: z.string(),
  status: z.enum(['one', 'many', 'none', 'unchecked']),
  contacts: z.array(CrmContact),
  message: z.string().optional(),
});
export type Target = z.infer<typeof Target>;

export const PlanResponse = z.object({
  command: ParsedCommand,
  via: z.enum(['local', 'llm']),
  /** Writes always wait for the agent's confirmation. */
  needsConfirmation: z.boolean(),
  /** Said to the agent when the plan is a decline or a best effort. */
  message: z.string().optional(),
  references: z.array(Reference).optional(),
  target: Target.optional(),
  /** On a decline: what was understood, and the nearest commands to offer instead. */
  understood: z.array(z.string()).optional(),
  suggestions: z.array(z.string()).optional(),
});
export type PlanResponse = z.infer<typeof PlanResponse>;

export const LintFinding = z.object({
  phrase: z.string(),
  category: z.enum(['race', 'color', 'religion', 'sex', 'handicap', 'familial_status', 'national_origin']),
  index: z.number().int().nonnegative(),
  advice: z.string(),
});
export type LintFinding = z.infer<typeof LintFinding>;

export const Draft = z.object({
  channel: Channel,
  subject: z.string().optional(),
  body: z.string(),
});
export type Draft = z.infer<typeof Draft>;

export const DraftRequest = z.strictObject({
  command: DraftCommand,
  page: PageContext.optional(),
});

/** Something the agent should know before sending, e.g. that a text needs recorded consent (TCPA). */
export const DraftNotice = z.object({ code: z.enum(['tcpa_consent']), message: z.string() });
export type DraftNotice = z.infer<typeof DraftNotice>;

export const DraftResponse = z.object({
  draft: Draft,
  lint: z.array(LintFinding),
  via: z.enum(['template', 'llm']),
  notices: z.array(DraftNotice).optional(),
});
export type DraftResponse = z.infer<typeof DraftResponse>;
