import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiErrorBody } from '../shared/contracts';

/** An error meant for the caller: its status, a stable code and a readable message. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

const CODES: Partial<Record<number, string>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

export const codeFor = (status: number): string => CODES[status] ?? (status >= 500 ? 'internal' : 'error');

export function errorResponse(c: Context, err: ApiError) {
  const retryAfterS = (err.details as { retryAfterS?: unknown } | undefined)?.retryAfterS;
  if (err.status === 429 && typeof retryAfterS === 'number') c.header('Retry-After', String(retryAfterS));
  const body: ApiErrorBody = {
    error: { code: err.code, message: err.message, details: err.details, requestId: c.get('requestId') ?? '' },
  };
  return c.json(body, err.status);
}
