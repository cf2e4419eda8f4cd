import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { authenticate } from './session';

/** Guards every route but health and auth: the caller's session is then in c.var.session. */
export const requireSession = createMiddleware<AppEnv>(async (c, next) => {
  c.set('session', await authenticate(c.env, c.req.header('Authorization')));
  await next();
});
