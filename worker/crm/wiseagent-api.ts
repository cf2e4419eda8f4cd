import { z } from 'zod';
import type { Env } from '../env';
import { ApiError } from '../errors';
import { upstream } from '../upstream';

/**
 * Wise Agent's API (wiseagent.com/docs/api.asp), for the sign-in and the CRM alike: one endpoint,
 * /http/webconnect.asp, the call chosen by requestType; Bearer token; reads are GETs with query
 * parameters, writes are form-encoded POSTs; every answer checked against the rows the docs show.
 */
export const wiseAgentBase = (env: Env) => (env.WISEAGENT_URL || 'https://sync.thewiseagent.com').replace(/\/$/, '');

/** The agent's access token; `renew` gives a fresh one when Wise Agent refused `stale`. */
export type WiseAgentAccess = { token(): Promise<string>; renew?(stale: string): Promise<string> };

/** Wise Agent answers JSON, sometimes JSON inside a string (as its docs show): both read the same. */
function parseWiseAgent(text: string): unknown {
  let value: unknown = text ? JSON.parse(text) : undefined;
  if (typeof value === 'string' && /^\s*[[{]/.test(value)) value = JSON.parse(value);
  return value;
}

/** One Wise Agent call: its answer checked against `schema`. */
export type Call = <T extends z.ZodType>(
  schema: T,
  method: 'GET' | 'POST' | 'PUT',
  requestType: string,
  params: Record<string, string | undefined>,
) => Promise<z.infer<T>>;

/** Wise Agent's answer to an expired token. */
const RefusedToken = z.object({ error: z.literal('invalid_grant') });

export function wiseAgentCall({ base, access, timeoutMs }: { base: string; access: WiseAgentAccess; timeoutMs: number }): Call {
  return async (schema, method, requestType, params) => {
    const fields = Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined));
    const query = new URLSearchParams({ requestType, ...(method === 'GET' ? fields : {}) });
    const headers = (token: string) => ({
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
      'Content-Type': 'application/x-www-form-urlencoded',
    });
    const token = await access.token();
    const renew = access.renew;
    const res = await upstream(
      'Wise Agent',
      `${base}/http/webconnect.asp?${query}`,
      { method, headers: headers(token), ...(method !== 'GET' && { body: new URLSearchParams(fields).toString() }) },
      {
        write: method !== 'GET',
        timeoutMs,
        // An expired token: 401 {"error":"invalid_grant"} — refresh once and send again.
        ...(renew && {
          reauth: async (r: Response) => {
            const refused = RefusedToken.safeParse(await r.json().catch(() => undefined));
            return refused.success ? headers(await renew(token)) : undefined;
          },
        }),
      },
    );
    let body: unknown;
    try {
      body = parseWiseAgent(await res.text());
    } catch {
      body = undefined;
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      throw new ApiError(502, 'upstream_error', `Wise Agent answered ${requestType} in an unexpected shape.`, {
        issues: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`),
      });
    return parsed.data;
  };
}

// The answers, as the API page shows them.

/** getUser: the agent who signed in. */
export const Users = z.array(z.object({ First: z.string().optional(), Last: z.string().optional(), Email: z.string() }));

export const Contact = z.object({
  ClientID: z.coerce.number(),
  CFirst: z.string().nullish(),
  CLast: z.string().nullish(),
  CEmail: z.string().nullish(),
  MobilePhone: z.string().nullish(),
  HomePhone: z.string().nullish(),
  WorkPhone: z.string().nullish(),
  Source: z.string().nullish(),
  DateAddedUTC: z.string().nullish(),
  CustomData: z.string().nullish(),
  ContactUrl: z.string().nullish(),
});
export type Contact = z.infer<typeof Contact>;
export const Contacts = z.array(Contact);

export const Notes = z.array(
  z.object({
    NoteID: z.coerce.number(),
    Subject: z.string().nullish(),
    Note: z.string().nullish(),
    NoteDate: z.string().nullish(),
  }),
);
export type Note = z.infer<typeof Notes>[number];

/** "true" / "false" in the docs' examples; a boolean is taken too. */
const flag = z.union([z.boolean(), z.string(), z.number()]).nullish();
export const isTrue = (value: z.infer<typeof flag>) => ['true', 'yes', '1'].includes(String(value ?? '').toLowerCase());

export const TaskRow = z.object({
  TaskID: z.coerce.string(),
  Description: z.string().nullish(),
  ContactID: z.coerce.string().nullish(),
  TaskDue: z.string().nullish(),
  Completed: flag,
  CompletedDate: z.string().nullish(),
  Priority: z.coerce.string().nullish(),
  EstimatedTime: z.coerce.string().nullish(),
  InsideTeamId: z.coerce.string().nullish(),
});
export type TaskRow = z.infer<typeof TaskRow>;
export const Tasks = z.object({ TotalCount: z.coerce.number().optional(), Data: z.array(TaskRow) });

export const Events = z.array(
  z.object({
    PlannerID: z.coerce.number(),
    Subject: z.string().nullish(),
    StartDate: z.string().nullish(),
    EndDate: z.string().nullish(),
    location: z.string().nullish(),
    Attendees: z.string().nullish(),
  }),
);

/** webcontact: the contact's id; an existing contact comes back with NewContact:false. */
export const ContactAdded = z.object({ data: z.object({ ClientID: z.coerce.number(), NewContact: z.boolean().optional() }) });
/** addContactNote. */
export const NoteAdded = z.array(z.object({ data: z.array(z.object({ NoteID: z.coerce.number() })) }));
/** tasks POST. */
export const TaskAdded = z.object({ TaskID: z.coerce.string() });
/** tasks PUT (Completed=yes). */
export const TaskUpdated = z.object({ success: z.union([z.boolean(), z.string()]), TaskID: z.coerce.string().optional() });
