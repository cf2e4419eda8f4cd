import { Hono } from 'hono';
import { wallTimeIn } from '../../shared/agenda';
import { type Agenda, AgendaQuery } from '../../shared/contracts';
import { crmFor } from '../crm';
import { readAgenda } from '../day/agenda';
import type { AppEnv } from '../env';
import { validate } from '../validate';

/** The agent's day from the CRM: GET /v1/agenda?date=YYYY-MM-DD&tz=… (today in `tz` when no date). */
export const agenda = new Hono<AppEnv>().get('/', validate('query', AgendaQuery), async (c) => {
  const { tz = 'UTC', date } = c.req.valid('query');
  const now = wallTimeIn(tz);
  const crm = crmFor(c.env, c.get('session').userId, tz);
  return c.json((await readAgenda(crm, date ?? now.slice(0, 10), now, tz)) satisfies Agenda);
});
