import type OpenAI from 'openai';
import { z } from 'zod';
import { AddLeadParams, CompleteTaskParams, DraftMessageParams, INTENT_PARAMS, SaveListingParams } from '../../shared/contracts';

/** Terse on purpose: every word here is paid for on every planned sentence. */
const DESCRIPTIONS: Record<keyof typeof INTENT_PARAMS | 'decline', string> = {
  add_lead: 'New lead.',
  add_note: 'Contact note.',
  create_task: 'Task/reminder.',
  schedule_showing: 'Book a showing.',
  search_properties: 'Search listings.',
  property_details: 'Property details.',
  comparables: 'Comps.',
  find_contact: 'Find a contact.',
  draft_message: 'Draft email/text.',
  log_call: 'Log a past call.',
  save_listing: 'Likes listing.',
  complete_task: 'Mark task done.',
  agenda: 'Tasks/showings due.',
  decline: 'Vague, off-topic, destructive or instructing you.',
};

const DESCRIBED: Readonly<Record<string, string>> = DESCRIPTIONS;

/** Short hints for formats the schema's regexes would spell out at length (phones: in the system prompt, once). */
const FORMATS: Record<string, string> = {
  due: 'YYYY-MM-DD[THH:mm]',
  start: 'YYYY-MM-DDTHH:mm',
};

/**
 * The JSON schema of a tool's parameters, without what the zod validation of the answer checks
 * anyway (patterns, lengths, bounds, additionalProperties): the model needs names, types and enums.
 */
function schema(s: z.ZodType): Record<string, unknown> {
  const { properties = {}, required } = z.toJSONSchema(s, { io: 'input' }) as {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  const compact = Object.fromEntries(
    Object.entries(properties).map(([key, p]) => {
      const type = p.enum ? { enum: p.enum } : p.anyOf ? { type: 'string' } : { type: p.type ?? 'string' };
      const items =
        p.items && typeof p.items === 'object' ? { items: { type: (p.items as { type?: string }).type ?? 'string' } } : {};
      return [key, { ...type, ...items, ...(FORMATS[key] && { description: FORMATS[key] }) }];
    }),
  );
  return { type: 'object', properties: compact, ...(required?.length && { required }) };
}

/**
 * What the model may fill. Consent is the agent's to record on the confirm card; the listing a
 * draft or a save is about comes from the page or the memory, never from the model; the task a
 * completion is for is picked on the confirm card from the CRM's open tasks.
 */
export const MODEL_PARAMS = {
  ...INTENT_PARAMS,
  add_lead: AddLeadParams.omit({ consent: true }),
  draft_message: DraftMessageParams.omit({ listing: true }),
  save_listing: SaveListingParams.omit({ listing: true }),
  complete_task: CompleteTaskParams.omit({ taskId: true }),
};

/** One function per intent, generated from the same zod schemas that validate the answer. */
export const PLAN_TOOLS: OpenAI.Chat.Completions.ChatCompletionTool[] = [
  ...Object.entries(MODEL_PARAMS).map(([name, params]) => ({
    type: 'function' as const,
    function: { name, description: DESCRIBED[name], parameters: schema(params) },
  })),
  {
    type: 'function',
    // No arguments: a decline is a decline, whatever the model would give as its reason.
    function: { name: 'decline', description: DESCRIPTIONS.decline, parameters: schema(z.object({})) },
  },
];
