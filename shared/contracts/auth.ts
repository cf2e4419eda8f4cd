import { z } from 'zod';
import { Crm } from './api';

export const SessionTokens = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  /** When the access token stops working (ISO 8601); refresh a little before. */
  expiresAt: z.iso.datetime(),
});
export type SessionTokens = z.infer<typeof SessionTokens>;

export const RefreshRequest = z.strictObject({ refreshToken: z.string().min(32).max(128) });

/** A PKCE-style proof (RFC 7636): the extension keeps the verifier, the worker sees its SHA-256 first. */
const Base64Url43 = z.string().regex(/^[\w-]{43,128}$/, '43–128 URL-safe characters');

/** Starts a Wise Agent sign-in; `redirect_uri` is the extension's https://<id>.chromiumapp.org/… address. */
export const WiseAgentStart = z.strictObject({ redirect_uri: z.url(), challenge: Base64Url43 });
/** Wise Agent's redirect back: not strict, as a provider may add parameters of its own. */
export const WiseAgentCallback = z.object({
  state: z.string().min(1).max(128),
  code: z.string().min(1).max(2048).optional(),
  error: z.string().max(200).optional(),
});
/** Trades the one-time code the sign-in ended with, and the verifier, for a session. */
export const WiseAgentSessionRequest = z.strictObject({ code: Base64Url43, verifier: Base64Url43 });

/** An agent's own Follow Up Boss API key, pasted on the options page; it goes to the worker once and stays there, sealed. */
export const FollowUpBossSignIn = z.strictObject({
  apiKey: z
    .string()
    .trim()
    .regex(/^[\x21-\x7e]{8,200}$/, 'the API key from Follow Up Boss, Admin → API'),
});

/** Who the session is and whether its CRM is signed in (Wise Agent needs a sign-in; the others do not). */
export const AccountResponse = z.object({
  crm: Crm,
  connected: z.boolean(),
  account: z.string().optional(),
});
export type AccountResponse = z.infer<typeof AccountResponse>;
