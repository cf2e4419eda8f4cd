import { ApiErrorBody } from '../../shared/contracts';

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

/** The worker could not be asked at all: nothing answered, or nothing answered in time. */
export const isUnreachable = (err: unknown): err is WorkerError =>
  err instanceof WorkerError && (err.code === 'offline' || err.code === 'timeout');

/** `Retry-After` in whole seconds (it may be seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterOf(res: Response, now = Date.now()): number | undefined {
  const value = res.headers.get('Retry-After')?.trim();
  if (!value) return undefined;
  const seconds = /^\d+$/.test(value) ? Number(value) : (Date.parse(value) - now) / 1000;
  return Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds)) : undefined;
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
