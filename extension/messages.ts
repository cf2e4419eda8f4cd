import { z } from 'zod';
import { FollowUpBossSignIn, PageContext } from '../shared/contracts';

/** Every message a content script may send. Anything else is dropped unread. */
export const ContentMessage = z.discriminatedUnion('type', [z.object({ type: z.literal('page-context'), context: PageContext })]);
export type ContentMessage = z.infer<typeof ContentMessage>;

const Token = z.string().min(1).max(512);
/** A one-time code or a PKCE verifier: 43–128 URL-safe characters. */
const Proof = z.string().regex(/^[\w-]{43,128}$/);

/**
 * Every message the extension's own pages (the panel, the options) may send the background, which
 * owns the session: a token (replacing `stale`, one the worker just refused), a Wise Agent sign-in
 * to complete, a Follow Up Boss sign-in with the agent's own key (passed on, never kept), a sign-out,
 * the palette frame's proof that the shortcut opened it. Content scripts may send none of them.
 */
export const PageMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('session-token'), stale: Token.optional() }),
  z.object({ type: z.literal('session-exchange'), code: Proof, verifier: Proof }),
  z.object({ type: z.literal('fub-sign-in'), apiKey: FollowUpBossSignIn.shape.apiKey }),
  z.object({ type: z.literal('sign-out') }),
  z.object({ type: z.literal('palette-claim'), nonce: Proof }),
]);
export type PageMessage = z.infer<typeof PageMessage>;

/** The background's answer to a PageMessage: a WorkerError does not survive messaging, so its fields travel. */
export const PageReply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), token: Token.optional() }),
  z.object({
    ok: z.literal(false),
    status: z.number().int(),
    code: z.string(),
    message: z.string(),
    retryAfter: z.number().optional(),
  }),
]);
export type PageReply = z.infer<typeof PageReply>;
