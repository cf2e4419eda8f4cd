import { hc } from 'hono/client';
import type { z } from 'zod';
import {
  AccountResponse,
  Agenda,
  AutocompleteResponse,
  CompsResponse,
  ContactBrief,
  ContactsResponse,
  DetailsResponse,
  type DraftCommand,
  DraftResponse,
  ExecuteResponse,
  OpenTasksResponse,
  type PageContext,
  PlanResponse,
  type Recent,
  type SearchCriteria,
  SearchResponse,
  type WriteCommand,
} from '../../shared/contracts';
import type { AppType } from '../../worker';
import { agentNow } from '../clock';
import { errorFrom, unanswered, WorkerError } from './errors';

/** The worker's routes, typed from its own app: every call to the worker goes through one of these. */
export const workerClient = (baseUrl: string, options?: Parameters<typeof hc>[1]) => hc<AppType>(baseUrl, options);

type Client = ReturnType<typeof workerClient>;

/** How long any one call may take before the agent is told, unless the caller says otherwise. */
const CALL_TIMEOUT_MS = 15_000;

/** The caller's signal (the agent moved on) joined with a deadline (the worker hangs). */
const deadline = (signal?: AbortSignal, ms = CALL_TIMEOUT_MS) =>
  signal ? AbortSignal.any([signal, AbortSignal.timeout(ms)]) : AbortSignal.timeout(ms);

/**
 * Where the calls go and as whom: the extension gives its settings, its session and its shared
 * connection state; a test outside the browser gives its own worker and session.
 */
export type Caller = {
  /** The worker's address. */
  base: () => Promise<string>;
  /** A valid access token for `base`; `stale` is one the worker just refused. */
  token: (stale: string | undefined, base: string) => Promise<string>;
  /** Told before each call (seconds the worker asked to be left alone) and after it (what it found). */
  connection?: {
    heldFor: () => Promise<number | undefined>;
    answered: () => Promise<void>;
    failed: (err: unknown) => Promise<void>;
  };
};

/** The worker asked for a pause: the call is not made, and the agent is told how long. */
const held = (seconds: number) =>
  new WorkerError(429, 'rate_limited', `Too many requests; try again in ${seconds} s.`, undefined, seconds);

/** What goes with a sentence besides its words: the tab's page, the conversation memory, the agent's area code. */
export type PlanContext = { page?: PageContext; recent?: Recent; areaCode?: string };

/** The worker's calls for `caller`, each with its answer validated. */
export function workerCalls({ base: baseOf, token: tokenFor, connection }: Caller) {
  /**
   * Sends a request signed in, retrying once with a fresh session on 401; a non-2xx answer throws.
   * Every call ends: by its answer, by `signal`, or after CALL_TIMEOUT_MS. Each one tells the
   * connection state what it found, and none is made while the worker has asked for a pause.
   */
  async function send(request: (client: Client) => Promise<Response>, signal?: AbortSignal, ms?: number): Promise<Response> {
    const pause = await connection?.heldFor();
    if (pause) throw held(pause);
    const base = await baseOf();
    const limit = deadline(signal, ms);
    let stale: string | undefined;
    for (;;) {
      let res: Response;
      try {
        const token = await tokenFor(stale, base);
        const client = workerClient(base, { headers: { Authorization: `Bearer ${token}` }, init: { signal: limit } });
        try {
          res = await request(client);
        } catch (err) {
          if (signal?.aborted) throw err;
          throw unanswered(base, limit.aborted);
        }
        if (res.status === 401 && !stale) {
          stale = token;
          continue;
        }
      } catch (err) {
        await connection?.failed(err);
        throw err;
      }
      await connection?.answered();
      if (res.ok) return res;
      const err = await errorFrom(res);
      await connection?.failed(err);
      throw err;
    }
  }

  const call = async <T extends z.ZodType>(
    schema: T,
    request: (client: Client) => Promise<Response>,
    signal?: AbortSignal,
  ): Promise<z.infer<T>> => schema.parse(await (await send(request, signal)).json());

  return {
    plan: (text: string, { page, recent, areaCode }: PlanContext, signal?: AbortSignal) =>
      call(
        PlanResponse,
        (c) =>
          c.v1.commands.plan.$post({
            json: { text, ...agentNow(), ...(page && { page }), ...(recent && { recent }), ...(areaCode && { areaCode }) },
          }),
        signal,
      ),

    execute: (command: WriteCommand, idempotencyKey: string, signal?: AbortSignal) =>
      call(ExecuteResponse, (c) => c.v1.actions.execute.$post({ json: { command, idempotencyKey, tz: agentNow().tz } }), signal),

    /**
     * A draft, streamed as the model writes it (`onText` gets the text so far); without an LLM the
     * worker answers at once with a template.
     */
    async draft(
      command: DraftCommand,
      page: PageContext | undefined,
      onText: (text: string) => void,
      signal?: AbortSignal,
    ): Promise<DraftResponse> {
      const res = await send(
        (c) => c.v1.drafts.$post({ json: { command, ...(page && { page }) } }, { headers: { Accept: 'text/event-stream' } }),
        signal,
        // A streamed draft is written as the agent watches; it gets the time a model needs.
        60_000,
      );
      if (!res.headers.get('content-type')?.includes('text/event-stream') || !res.body)
        return DraftResponse.parse(await res.json());
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      let text = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) throw new WorkerError(502, 'stream_ended', 'The draft stream ended early.');
        buffer += value;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null');
          if (event === 'delta') {
            text += String(data?.text ?? '');
            onText(text);
          }
          if (event === 'draft') return DraftResponse.parse(data);
        }
      }
    },

    findContacts: (query: string, signal?: AbortSignal) =>
      call(ContactsResponse, (c) => c.v1.contacts.$get({ query: { query } }), signal),

    /**
     * A contact's brief. `page`: what a contact page showed besides its id (which may be another
     * CRM's), so the worker finds the same person by it.
     */
    contactBrief: (id: string, page: { email?: string; phone?: string; name?: string } = {}, signal?: AbortSignal) =>
      call(
        ContactBrief,
        (c) =>
          c.v1.contacts[':id'].brief.$get({
            param: { id },
            query: {
              tz: agentNow().tz,
              ...(page.email && { email: page.email }),
              ...(page.phone && { phone: page.phone }),
              ...(page.name && { name: page.name }),
            },
          }),
        signal,
      ),

    /** The agent's day: tasks due and overdue, showings, new leads (`date` YYYY-MM-DD, today by default). */
    agenda: (date?: string, signal?: AbortSignal) =>
      call(Agenda, (c) => c.v1.agenda.$get({ query: { tz: agentNow().tz, ...(date && { date }) } }), signal),

    /** The agent's open tasks, due or not. */
    openTasks: (signal?: AbortSignal) =>
      call(OpenTasksResponse, (c) => c.v1.tasks.$get({ query: { tz: agentNow().tz } }), signal),

    searchProperties: (criteria: SearchCriteria, page = 0) =>
      call(SearchResponse, (c) => c.v1.properties.search.$post({ json: { criteria, ...(page > 0 && { page }) } })),

    propertyDetails: (address: string) => call(DetailsResponse, (c) => c.v1.properties.details.$get({ query: { address } })),

    comparables: (address: string) => call(CompsResponse, (c) => c.v1.properties.comps.$get({ query: { address } })),

    autocompleteAddress: (q: string) => call(AutocompleteResponse, (c) => c.v1.properties.autocomplete.$get({ query: { q } })),

    /** Which CRM the worker writes to and whether this agent is signed in to it. */
    account: () => call(AccountResponse, (c) => c.v1.auth.me.$get()),
  };
}
