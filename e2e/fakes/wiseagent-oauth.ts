/**
 * The Wise Agent fake's sign-in, after its API page (wiseagent.com/docs/api.asp): OAuth 2.0
 * authorization code. GET /WiseAuth/auth?client_id&redirect_uri&response_type=code&scope (space
 * separated: profile, team, marketing, contacts, properties, calendar) → redirect_uri?code&expires_at&
 * scope (plus state, and PKCE S256 when a code_challenge was sent). POST /WiseAuth/token, JSON or form,
 * client id/secret in the body or as Basic auth: {grant_type: authorization_code, code} or
 * {grant_type: refresh_token, refresh_token} → {access_token, expires_at, refresh_token}.
 * POST /WiseAuth/revoke (form: token, token_type_hint). An expired token → 401
 * {"error":"invalid_grant","error_description":"The token has expired"}.
 * The consent screen is approved at once (the agent clicking Allow), unless the test said otherwise.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { type Recorded, sendJson } from './http';

export const WISEAGENT_CLIENT = { id: 'wa-test-client', secret: 'wa-test-secret' };

type Grant = { scope: string[]; challenge?: string; redirect: string; expires: number };
type Token = { scope: string[]; expires: number; revoked?: boolean };

const secret = () => randomBytes(24).toString('base64url');

/** A request's form fields: a form-encoded body, or a JSON one. */
export const form = (req: Recorded): Record<string, string> => {
  if (typeof req.body === 'string') return Object.fromEntries(new URLSearchParams(req.body));
  return (req.body ?? {}) as Record<string, string>;
};

export function wiseAgentOAuth() {
  const grants = new Map<string, Grant>();
  const access = new Map<string, Token>();
  const refresh = new Map<string, Token>();
  let denyNext = false;
  let withheld: string[] = [];

  const issue = (scope: string[]) => {
    const pair = { access_token: secret(), refresh_token: secret(), expires_at: new Date(Date.now() + 3600_000).toISOString() };
    access.set(pair.access_token, { scope, expires: Date.now() + 3600_000 });
    refresh.set(pair.refresh_token, { scope, expires: Date.now() + 30 * 86400_000 });
    return pair;
  };

  /** OAuth's client authentication: id and secret in the body, or as Basic auth. */
  const clientOk = (req: Recorded, body: Record<string, string>) => {
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const [id, pass] = basic ? Buffer.from(basic, 'base64').toString().split(':') : [body.client_id, body.client_secret];
    return id === WISEAGENT_CLIENT.id && pass === WISEAGENT_CLIENT.secret;
  };

  const handle = (req: Recorded, res: ServerResponse) => {
    if (req.path === '/WiseAuth/auth') {
      const q = req.query;
      if (q.client_id !== WISEAGENT_CLIENT.id || q.response_type !== 'code' || !q.redirect_uri)
        return sendJson(res, 400, { error: 'invalid_request', error_description: 'Unknown client or bad request.' });
      if (denyNext) {
        denyNext = false;
        const denied = new URL(q.redirect_uri);
        denied.searchParams.set('error', 'access_denied');
        if (q.state) denied.searchParams.set('state', q.state);
        return res.writeHead(302, { location: denied.toString() }).end();
      }
      const code = secret();
      const scope = (q.scope ?? '').split(' ').filter((s) => s && !withheld.includes(s));
      withheld = [];
      grants.set(code, {
        scope,
        challenge: q.code_challenge,
        redirect: q.redirect_uri,
        expires: Date.now() + 600_000,
      });
      const back = new URL(q.redirect_uri);
      back.searchParams.set('code', code);
      back.searchParams.set('expires_at', new Date(Date.now() + 600_000).toISOString());
      back.searchParams.set('scope', scope.join(' '));
      if (q.state) back.searchParams.set('state', q.state);
      return res.writeHead(302, { location: back.toString() }).end();
    }
    const body = form(req);
    if (req.path === '/WiseAuth/token' && req.method === 'POST') {
      if (!clientOk(req, body))
        return sendJson(res, 401, { error: 'invalid_client', error_description: 'Bad client credentials.' });
      if (body.grant_type === 'authorization_code') {
        const grant = grants.get(body.code ?? '');
        grants.delete(body.code ?? '');
        const verifierOk =
          !grant?.challenge ||
          createHash('sha256')
            .update(body.code_verifier ?? '')
            .digest('base64url') === grant.challenge;
        if (!grant || grant.expires < Date.now() || !verifierOk)
          return sendJson(res, 400, { error: 'invalid_grant', error_description: 'The authorization code is invalid.' });
        return sendJson(res, 200, issue(grant.scope));
      }
      if (body.grant_type === 'refresh_token') {
        const token = refresh.get(body.refresh_token ?? '');
        if (!token || token.revoked || token.expires < Date.now())
          return sendJson(res, 400, { error: 'invalid_grant', error_description: 'The refresh token is invalid.' });
        token.revoked = true;
        return sendJson(res, 200, issue(token.scope));
      }
      return sendJson(res, 400, { error: 'unsupported_grant_type' });
    }
    if (req.path === '/WiseAuth/revoke' && req.method === 'POST') {
      const token = access.get(body.token ?? '') ?? refresh.get(body.token ?? '');
      if (token) token.revoked = true;
      return sendJson(res, 200, {});
    }
    return sendJson(res, 404, { error: 'not_found' });
  };

  return {
    handle,
    /** The access token a call is made with, if it was ever issued. */
    bearer: (req: Recorded) => access.get(/^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? ''),
    /** The next consent is denied (redirect_uri?error=access_denied). */
    deny: () => {
      denyNext = true;
    },
    /** The next consent grants all but these scopes (the agent unticked them, as the consent screen allows). */
    withhold: (scopes: string[]) => {
      withheld = scopes;
    },
    /** Every access token ends now, to test the refresh. */
    expireAll: () => {
      for (const token of access.values()) token.expires = 0;
    },
    liveAccessTokens: () => [...access.values()].filter((t) => !t.revoked).length,
    reset: () => {
      withheld = [];
    },
  };
}
export type WiseAgentOAuth = ReturnType<typeof wiseAgentOAuth>;
