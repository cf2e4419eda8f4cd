import { Hono } from 'hono';
import { dateIn } from '../../shared/agenda';
import { toE164 } from '../../shared/commands/text';
import { BriefQuery, type ContactBrief, ContactIdParam, ContactsQuery, type ContactsResponse } from '../../shared/contracts';
import { crmFor } from '../crm';
import { readPageBrief } from '../day/brief';
import type { AppEnv } from '../env';
import { validate } from '../validate';

export const contacts = new Hono<AppEnv>()
  .get('/', validate('query', ContactsQuery), async (c) => {
    const crm = crmFor(c.env, c.get('session').userId);
    const { query } = c.req.valid('query');
    const email = /@/.test(query) ? query : undefined;
    const phone = email ? undefined : toE164(query);
    return c.json({
      contacts: await crm.searchContacts({ text: email || phone ? undefined : query, email, phone }),
      provider: crm.name,
    } satisfies ContactsResponse);
  })
  /** The contact's brief, read fresh from the CRM; the extension keeps it for the next look. */
  .get('/:id/brief', validate('param', ContactIdParam), validate('query', BriefQuery), async (c) => {
    const { tz = 'UTC', ...details } = c.req.valid('query');
    const crm = crmFor(c.env, c.get('session').userId, tz);
    return c.json((await readPageBrief(crm, c.req.valid('param').id, details, dateIn(tz))) satisfies ContactBrief);
  });
