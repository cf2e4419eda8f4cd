import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiErrorBody, ErrorCode } from '../shared/contracts';

/** An error meant for the caller: its status, a stable code and a readable message. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

const CODES: Partial<Record<number, ErrorCode>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

export const codeFor = (status: number): ErrorCode => CODES[status] ?? (status >= 500 ? 'internal' : 'error');

/** The seconds a 429's details ask the caller to wait, when they say. */
const retryAfterOf = (details: unknown) =>
  typeof details === 'object' && details !== null && 'retryAfterS' in details && typeof details.retryAfterS === 'number'
    ? details.retryAfterS
    : undefined;

export function errorResponse(c: Context, err: ApiError) {
  const retryAfterS = retryAfterOf(err.details);
  if (err.status === 429 && retryAfterS !== undefined) c.header('Retry-After', String(retryAfterS));
  const body: ApiErrorBody = {
    error: { code: err.code, message: err.message, details: err.details, requestId: c.get('requestId') ?? '' },
  };
  return c.json(body, err.status);
}
