import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { enforceSessionLimit } from '../limits';
import { assertStanding, verifyAccessToken } from './session';

/**
 * Guards every route but health and auth: the token must verify, its session still stand and its
 * rate limit allow the call; the caller's session is then in c.var.session. The session's row and
 * its limit are asked at once, so the two round trips cost one wait; a session that has ended is
 * told so before being told to slow down.
 */
export const requireSession = createMiddleware<AppEnv>(async (c, next) => {
  const session = await verifyAccessToken(c.env, c.req.header('Authorization'));
  const [standing, limit] = await Promise.allSettled([assertStanding(c.env, session), enforceSessionLimit(c.env, session)]);
  if (standing.status === 'rejected') throw standing.reason;
  if (limit.status === 'rejected') throw limit.reason;
  c.set('session', session);
  await next();
});
