import { ApiErrorBody } from '../../shared/contracts';
import { retryAfterSeconds } from '../../shared/retry-after';

/**
 * A refusal or failure from the worker: its HTTP status (0 when it could not be reached), code and
 * message, and on a 429 how many seconds the worker asked to be left alone.
 */
export class WorkerError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

/** The codes of a call the worker could not be asked: nothing answered, or nothing answered in time. */
export const isUnreachableCode = (code: string | undefined) => code === 'offline' || code === 'timeout';

/** The worker could not be asked at all. */
export const isUnreachable = (err: unknown): err is WorkerError => err instanceof WorkerError && isUnreachableCode(err.code);

/** `Retry-After` in whole seconds, at least one; undefined when absent or unreadable. */
export function retryAfterOf(res: Response, now = Date.now()): number | undefined {
  const seconds = retryAfterSeconds(res.headers.get('Retry-After'), now);
  return seconds === undefined ? undefined : Math.max(1, Math.ceil(seconds));
}

/** The worker's refusal as a WorkerError: its `{ error }` body when it sent one, and its Retry-After. */
export async function errorFrom(res: Response): Promise<WorkerError> {
  const body = ApiErrorBody.safeParse(await res.json().catch(() => undefined));
  const retryAfter = retryAfterOf(res);
  return body.success
    ? new WorkerError(res.status, body.data.error.code, body.data.error.message, body.data.error.details, retryAfter)
    : new WorkerError(
        res.status,
        res.status === 429 ? 'rate_limited' : 'bad_response',
        `The worker answered ${res.status}.`,
        undefined,
        retryAfter,
      );
}

/** A call the worker never answered: nothing in time, or nobody at that address. */
export const unanswered = (base: string, timedOut: boolean) =>
  timedOut
    ? new WorkerError(0, 'timeout', `The worker at ${base} did not answer in time.`)
    : new WorkerError(0, 'offline', `No worker answers at ${base}.`);

export const isTimeout = (err: unknown) => err instanceof DOMException && err.name === 'TimeoutError';
