import { z } from 'zod';

/** The CRMs a worker can serve. */
export const Crm = z.enum(['wiseagent', 'followupboss', 'local']);
export type Crm = z.infer<typeof Crm>;

/** The MLS data sources a worker can serve; `sample` is the built-in one. */
export const Mls = z.enum(['realestateapi', 'reso', 'sample']);
export type Mls = z.infer<typeof Mls>;

/** Every code the worker answers an error with, whatever the route. */
export const ErrorCode = z.enum([
  // Any route: the request itself.
  'bad_request',
  'invalid_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal',
  'error',
  'not_loopback',
  // Sessions and sign-ins.
  'session_ended',
  'invalid_refresh_token',
  'local_mode_off',
  'provider_not_available',
  'not_configured',
  'invalid_redirect',
  'invalid_state',
  'invalid_code',
  'crm_key_refused',
  'crm_not_connected',
  'crm_unavailable',
  // Writes: who or what they are for, and their idempotency key.
  'in_progress',
  'key_reused',
  'contact_required',
  'contact_not_found',
  'ambiguous_contact',
  'last_name_required',
  'address_required',
  'start_required',
  'task_required',
  'task_not_found',
  'task_not_theirs',
  'lead_flow_archived',
  // Reads.
  'property_not_found',
  // The CRM or the MLS behind the worker.
  'upstream_auth',
  'upstream_error',
  'upstream_rate_limited',
  'upstream_rejected',
  'upstream_timeout',
  'upstream_unreachable',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/**
 * What the extension says of a call the worker did not answer with an error body: nothing answered,
 * nothing in time, no session to send it with, or an answer it could not read.
 */
export const CallErrorCode = z.enum(['offline', 'timeout', 'signed_out', 'bad_response']);
export type CallErrorCode = z.infer<typeof CallErrorCode>;

/** Every error the worker returns, whatever the route. */
export const ApiErrorBody = z.object({
  error: z.object({
    // A newer worker may answer a code this extension does not know yet: its message still shows.
    code: ErrorCode.catch('error'),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

export const Providers = z.object({ llm: z.enum(['openai', 'none']), crm: Crm, mls: Mls });
export type Providers = z.infer<typeof Providers>;

export const Health = z.object({ ok: z.boolean(), version: z.string(), providers: Providers });
export type Health = z.infer<typeof Health>;

/** An answer that only says it was done (sign-out). */
export const OkResponse = z.object({ ok: z.literal(true) });
export type OkResponse = z.infer<typeof OkResponse>;
