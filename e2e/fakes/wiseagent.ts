/**
 * A local stand-in for Wise Agent, after its API page (wiseagent.com/docs/api.asp, as summarised in
 * the team's API-NOTES.md): its sign-in (wiseagent-oauth.ts), its API (wiseagent-api.ts, with the
 * rows and times in wiseagent-day.ts) and the tests' controls (wiseagent-controls.ts) on one server.
 */
import { fakeServer, sendJson } from './http';
import { wiseAgentApi } from './wiseagent-api';
import { wiseAgentControls } from './wiseagent-controls';
import type { Held } from './wiseagent-day';
import { wiseAgentOAuth } from './wiseagent-oauth';

export { WISEAGENT_USER } from './wiseagent-api';
export { WISEAGENT_CLIENT } from './wiseagent-oauth';

export async function startFakeWiseAgent(options: { delayMs?: number } = {}) {
  const held: Held = { contacts: [], notes: [], tasks: [], events: [] };
  let id = 1000;
  const nextId = () => id++;
  const oauth = wiseAgentOAuth();
  const api = wiseAgentApi(held, oauth, nextId);
  const control = wiseAgentControls(held, oauth, nextId);

  return fakeServer(
    (req, res) => {
      if (control(req, res)) return;
      if (req.path.startsWith('/WiseAuth/')) return oauth.handle(req, res);
      if (req.path === '/http/webconnect.asp') return api(req, res);
      sendJson(res, 404, { error: 'not_found' });
    },
    (res, status, retryAfter) =>
      sendJson(
        res,
        status,
        { error: status === 429 ? 'Too Many Requests' : 'Internal Server Error' },
        retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {},
      ),
    {
      ...options,
      state: () => ({ ...held, liveAccessTokens: oauth.liveAccessTokens() }),
      reset: () => {
        for (const rows of Object.values(held)) rows.length = 0;
        oauth.reset();
      },
      chaosOn: (req) => req.path === '/http/webconnect.asp',
    },
  );
}
