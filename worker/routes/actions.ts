import { Hono } from 'hono';
import { ExecuteRequest, type ExecuteResponse } from '../../shared/contracts';
import { execute } from '../actions/execute';
import type { AppEnv } from '../env';
import { validate } from '../validate';

export const actions = new Hono<AppEnv>().post('/execute', validate('json', ExecuteRequest), async (c) =>
  c.json((await execute(c.env, c.get('session'), c.req.valid('json'))) satisfies ExecuteResponse),
);
