import { Hono } from 'hono';
import { ContactsQuery } from '../../shared/contracts';
import { crmFor } from '../crm';
import type { AppEnv } from '../env';
import { validate } from '../validate';

export const contacts = new Hono<AppEnv>().get('/', validate('query', ContactsQuery), async (c) => {
  const crm = crmFor(c.env, c.get('session').userId);
  const { query } = c.req.valid('query');
  const email = /@/.test(query) ? query : undefined;
  const digits = query.replace(/\D/g, '');
  const phone = digits.length >= 10 ? `+${digits.length === 10 ? `1${digits}` : digits}` : undefined;
  return c.json({
    contacts: await crm.searchContacts({ text: email || phone ? undefined : query, email, phone }),
    provider: crm.name,
  });
});
