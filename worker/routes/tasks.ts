import { Hono } from 'hono';
import { DayQuery, type OpenTasksResponse } from '../../shared/contracts';
import { crmFor } from '../crm';
import type { AppEnv } from '../env';
import { validate } from '../validate';

/** The agent's open tasks, due or not: "mark the closing gift task done" with nobody named is looked for here. */
export const tasks = new Hono<AppEnv>().get('/', validate('query', DayQuery), async (c) => {
  const { tz = 'UTC' } = c.req.valid('query');
  const crm = crmFor(c.env, c.get('session').userId, tz);
  return c.json({ tasks: await crm.openTasks({}), provider: crm.name } satisfies OpenTasksResponse);
});
