import { isUnreachable, WorkerError } from './errors';

/**
 * What kept the worker from answering, when it is something that passes on its own or once the
 * agent signs in: an outage, a pause the worker asked for, no CRM sign-in.
 */
export type Cause = 'offline' | 'paused' | 'signed_out';

export function causeOf(err: unknown): Cause | undefined {
  if (isUnreachable(err)) return 'offline';
  if (err instanceof WorkerError && err.code === 'rate_limited') return 'paused';
  if (err instanceof WorkerError && err.code === 'signed_out') return 'signed_out';
  return undefined;
}

/** A failure in the agent's words, with the technical detail kept for whoever asks, and its cause when it passes. */
export type Said = { text: string; detail?: string; cause?: Cause };

export const OFFLINE =
  'Estait can’t reach its server right now. Saved searches still answer, and a write you confirm waits here until it’s back.';

export const tooManyRequests = (seconds?: number) =>
  seconds ? `Too many requests — try again in ${seconds} s.` : 'Too many requests — try again in a moment.';

/** What a name on a card means when the CRM cannot be asked about it. */
export const uncheckedName = (name: string) =>
  `Estait can’t check “${name}” in your CRM right now; the write goes to the contact of that name when it is sent.`;

/** A search asked for while the server is away, with no answer saved from before. */
export const SEARCH_NOT_SAVED = 'This search isn’t saved on this computer. It will work when Estait’s server is back.';

export function explain(err: unknown): Said {
  const cause = causeOf(err);
  if (isUnreachable(err))
    return err.code === 'timeout'
      ? { text: 'Estait’s server is taking too long to answer. Try again in a moment.', detail: err.message, cause }
      : { text: OFFLINE, detail: err.message, cause };
  if (err instanceof WorkerError && err.status === 429)
    return { text: tooManyRequests(err.retryAfter), detail: err.message, ...(cause && { cause }) };
  if (err instanceof WorkerError)
    return { text: err.message, detail: `${err.code}${err.status ? ` (${err.status})` : ''}`, ...(cause && { cause }) };
  return { text: 'Something went wrong in Estait. Try again.', detail: err instanceof Error ? err.message : String(err) };
}
