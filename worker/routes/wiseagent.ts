import { Hono } from 'hono';
import { type SessionTokens, WiseAgentCallback, WiseAgentSessionRequest, WiseAgentStart } from '../../shared/contracts';
import { sha256 } from '../../shared/encoding';
import { randomToken, startSession } from '../auth/session';
import { authorizeUrl, exchangeCode, saveTokens, WISEAGENT, wiseAgentUser } from '../auth/wiseagent';
import { type AppEnv, allowedOrigins, type Env, providers } from '../env';
import { ApiError } from '../errors';
import { validate } from '../validate';

/** A started sign-in must come back within this; the code it ends with is good for less. */
export const STATE_TTL_MS = 10 * 60_000;
const HANDOFF_TTL_MS = 2 * 60_000;

/** Only the extension's own chromiumapp.org address, where chrome.identity catches the redirect. */
function extensionRedirect(env: Env, uri: string): string {
  const url = new URL(uri);
  const ids = allowedOrigins(env).flatMap((o) => /^chrome-extension:\/\/([a-p]{32})$/.exec(o)?.[1] ?? []);
  if (url.protocol !== 'https:' || !ids.some((id) => url.hostname === `${id}.chromiumapp.org`) || url.search || url.hash)
    throw new ApiError(400, 'invalid_redirect', 'The redirect must be the extension’s own chromiumapp.org address.');
  return url.toString();
}

const back = (redirect: string, params: Record<string, string>) => `${redirect}?${new URLSearchParams(params)}`;

/**
 * Wise Agent sign-in through chrome.identity.launchWebAuthFlow:
 * start (302 to Wise Agent's consent screen) → callback (the worker exchanges the code with its
 * client secret, seals the tokens, 302 to the extension with a one-time code) → session (that
 * code and the extension's verifier for Estait's own session). Wise Agent's tokens never leave the worker.
 */
export const wiseAgentAuth = new Hono<AppEnv>()
  .get('/start', validate('query', WiseAgentStart), async (c) => {
    if (providers(c.env).crm !== WISEAGENT)
      throw new ApiError(501, 'provider_not_available', 'This worker is not configured for Wise Agent.');
    const { redirect_uri, challenge } = c.req.valid('query');
    const redirect = extensionRedirect(c.env, redirect_uri);
    const state = randomToken();
    const verifier = randomToken();
    const now = Date.now();
    await c.env.DB.batch([
      c.env.DB.prepare('DELETE FROM oauth_states WHERE created_at < ?').bind(now - STATE_TTL_MS),
      c.env.DB.prepare('INSERT INTO oauth_states (state, verifier, redirect, challenge, created_at) VALUES (?, ?, ?, ?, ?)').bind(
        state,
        verifier,
        redirect,
        challenge,
        now,
      ),
    ]);
    const callback = new URL('/v1/auth/wiseagent/callback', c.req.url).toString();
    return c.redirect(authorizeUrl(c.env, { redirectUri: callback, state, challenge: await sha256(verifier) }), 302);
  })
  .get('/callback', validate('query', WiseAgentCallback), async (c) => {
    const { state, code, error } = c.req.valid('query');
    const row = await c.env.DB.prepare(
      'DELETE FROM oauth_states WHERE state = ? RETURNING verifier, redirect, challenge, created_at',
    )
      .bind(state)
      .first<{ verifier: string; redirect: string; challenge: string; created_at: number }>();
    if (!row || row.created_at < Date.now() - STATE_TTL_MS)
      throw new ApiError(400, 'invalid_state', 'This sign-in expired or was already used; start it again from Estait.');
    if (error || !code) return c.redirect(back(row.redirect, { error: error ?? 'access_denied' }), 302);
    let userId: string;
    try {
      const callback = new URL('/v1/auth/wiseagent/callback', c.req.url).toString();
      const tokens = await exchangeCode(c.env, code, row.verifier, callback);
      const user = await wiseAgentUser(c.env, tokens.access);
      userId = `${WISEAGENT}:${user.email}`;
      await saveTokens(c.env, userId, tokens, user.email);
    } catch (err) {
      const reason = err instanceof ApiError ? err.code : 'internal';
      return c.redirect(back(row.redirect, { error: reason }), 302);
    }
    const handoff = randomToken();
    await c.env.DB.prepare('INSERT INTO oauth_handoffs (code_hash, user_id, challenge, expires_at) VALUES (?, ?, ?, ?)')
      .bind(await sha256(handoff), userId, row.challenge, Date.now() + HANDOFF_TTL_MS)
      .run();
    return c.redirect(back(row.redirect, { code: handoff }), 302);
  })
  .post('/session', validate('json', WiseAgentSessionRequest), async (c) => {
    const { code, verifier } = c.req.valid('json');
    const row = await c.env.DB.prepare('DELETE FROM oauth_handoffs WHERE code_hash = ? RETURNING user_id, challenge, expires_at')
      .bind(await sha256(code))
      .first<{ user_id: string; challenge: string; expires_at: number }>();
    if (!row || row.expires_at < Date.now() || row.challenge !== (await sha256(verifier)))
      throw new ApiError(401, 'invalid_code', 'This sign-in code is not valid any more; connect Wise Agent again.');
    return c.json((await startSession(c.env, row.user_id)) satisfies SessionTokens, 201);
  });
