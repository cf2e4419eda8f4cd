import { z } from 'zod';
import { ParsedCommand } from './command';
import { PageContext } from './page';

/** An IANA zone the runtime knows, e.g. "America/Chicago". */
export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'an IANA time zone, e.g. America/Chicago' },
  );

/** The agent's "now": local wall time (YYYY-MM-DDTHH:mm) or an ISO instant. */
export const Now = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/), z.iso.datetime({ offset: true })]);

export const PlanRequest = z.strictObject({
  text: z.string().trim().min(1).max(1000),
  now: Now,
  tz: TimeZone,
  page: PageContext.optional(),
});
export type PlanRequest = z.infer<typeof PlanRequest>;

export const PlanResponse = z.object({
  command: ParsedCommand,
  via: z.enum(['local', 'llm']),
  /** Writes always wait for the agent's confirmation. */
  needsConfirmation: z.boolean(),
  /** Said to the agent when the plan is a decline or a best effort. */
  message: z.string().optional(),
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
  channel: z.enum(['email', 'sms']),
  subject: z.string().optional(),
  body: z.string(),
});
export type Draft = z.infer<typeof Draft>;

export const DraftRequest = z.strictObject({
  command: ParsedCommand.refine((c) => c.intent === 'draft_message', { message: 'a draft_message command' }),
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
