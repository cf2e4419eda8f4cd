import { Hono } from 'hono';
import { RefreshRequest } from '../../shared/contracts';
import { authenticate, endSession, rotate, startSession } from '../auth/session';
import { connectedAccount, revokeTokens } from '../auth/wiseagent';
import { type AppEnv, providers } from '../env';
import { ApiError } from '../errors';
import { validate } from '../validate';

/** The one user of a local install: everything they do stays in this worker's own database. */
export const LOCAL_USER = 'local';

export const auth = new Hono<AppEnv>()
  .post('/local', async (c) => {
    if (c.env.LOCAL_MODE !== 'true') {
      throw new ApiError(403, 'local_mode_off', 'Local sign-in is off on this worker; connect your CRM instead.');
    }
    return c.json(await startSession(c.env, LOCAL_USER), 201);
  })
  .post('/refresh', validate('json', RefreshRequest), async (c) => c.json(await rotate(c.env, c.req.valid('json').refreshToken)))
  .get('/me', async (c) => {
    const session = await authenticate(c.env, c.req.header('Authorization'));
    const crm = providers(c.env).crm;
    if (crm !== 'wiseagent') return c.json({ crm, connected: true });
    const account = await connectedAccount(c.env, session.userId);
    return c.json({ crm, connected: account !== undefined, ...(account && { account }) });
  })
  /** Ends the session and, for a CRM signed in with OAuth, revokes and forgets its tokens. */
  .post('/signout', async (c) => {
    const session = await authenticate(c.env, c.req.header('Authorization'));
    await revokeTokens(c.env, session.userId);
    await endSession(c.env, session.sessionId);
    return c.json({ ok: true });
  });
