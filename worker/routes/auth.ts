import { Hono } from 'hono';
import {
  type AccountResponse,
  FollowUpBossSignIn,
  type OkResponse,
  RefreshRequest,
  type SessionTokens,
} from '../../shared/contracts';
import { forgetKey, fubAccount, fubUserId, saveKey, whoseKey } from '../auth/followupboss';
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
    return c.json((await startSession(c.env, LOCAL_USER)) satisfies SessionTokens, 201);
  })
  /** An agent of a Follow Up Boss deployment signs in with their own key: checked with Follow Up Boss, sealed, theirs alone. */
  .post('/followupboss', validate('json', FollowUpBossSignIn), async (c) => {
    if (providers(c.env).crm !== 'followupboss')
      throw new ApiError(501, 'provider_not_available', 'This worker is not configured for Follow Up Boss.');
    const { apiKey } = c.req.valid('json');
    const me = await whoseKey(c.env, apiKey);
    const userId = fubUserId(me);
    await saveKey(c.env, userId, apiKey, me.email ?? me.name ?? '');
    return c.json((await startSession(c.env, userId)) satisfies SessionTokens, 201);
  })
  .post('/refresh', validate('json', RefreshRequest), async (c) =>
    c.json((await rotate(c.env, c.req.valid('json').refreshToken)) satisfies SessionTokens),
  )
  .get('/me', async (c) => {
    const session = await authenticate(c.env, c.req.header('Authorization'));
    const crm = providers(c.env).crm;
    if (crm === 'local') return c.json({ crm, connected: true } satisfies AccountResponse);
    const account = crm === 'wiseagent' ? await connectedAccount(c.env, session.userId) : await fubAccount(c.env, session.userId);
    return c.json({ crm, connected: account !== undefined, ...(account && { account }) } satisfies AccountResponse);
  })
  /** Ends the session and, for a CRM signed in with OAuth, revokes and forgets its tokens. */
  .post('/signout', async (c) => {
    const session = await authenticate(c.env, c.req.header('Authorization'));
    await Promise.all([revokeTokens(c.env, session.userId), forgetKey(c.env, session.userId)]);
    await endSession(c.env, session.sessionId);
    return c.json({ ok: true } satisfies OkResponse);
  });
