import { Hono } from 'hono';
import { RefreshRequest } from '../../shared/contracts';
import { rotate, startSession } from '../auth/session';
import type { AppEnv } from '../env';
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
  .post('/refresh', validate('json', RefreshRequest), async (c) => c.json(await rotate(c.env, c.req.valid('json').refreshToken)));
