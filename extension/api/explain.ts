import { isUnreachable, WorkerError } from './errors';

/** A failure in the agent's words, with the technical detail kept for whoever asks. */
export type Said = { text: string; detail?: string };

export const OFFLINE =
  'Estait can’t reach its server right now. Saved searches still answer, and a write you confirm waits here until it’s back.';

export const tooManyRequests = (seconds?: number) =>
  seconds ? `Too many requests — try again in ${seconds} s.` : 'Too many requests — try again in a moment.';

/** What a name on a card means when the CRM cannot be asked about it. */
export const uncheckedName = (name: string) =>
  `Estait can’t check “${name}” in your CRM right now; the write goes to the contact of that name once the server is back.`;

export function explain(err: unknown): Said {
  if (isUnreachable(err))
    return err.code === 'timeout'
      ? { text: 'Estait’s server is taking too long to answer. Try again in a moment.', detail: err.message }
      : { text: OFFLINE, detail: err.message };
  if (err instanceof WorkerError && err.status === 429) return { text: tooManyRequests(err.retryAfter), detail: err.message };
  if (err instanceof WorkerError) return { text: err.message, detail: `${err.code}${err.status ? ` (${err.status})` : ''}` };
  return { text: 'Something went wrong in Estait. Try again.', detail: err instanceof Error ? err.message : String(err) };
}
