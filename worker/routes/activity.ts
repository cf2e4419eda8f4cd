import { Hono } from 'hono';
import { ActivityEntry, type ActivityResponse } from '../../shared/contracts';
import type { AppEnv } from '../env';

type Row = {
  id: number;
  intent: string;
  summary: string;
  crm_id: string;
  provider: string;
  created_at: number;
  contact_id: string | null;
  record: string | null;
};

/** The audit log: the latest writes made through Estait for this user, with whom each was for and what it wrote. */
export const activity = new Hono<AppEnv>().get('/', async (c) => {
  const { results } = await c.env.DB.prepare(
    `SELECT id, intent, summary, crm_id, provider, created_at, contact_id, record
     FROM activity WHERE user_id = ? ORDER BY id DESC LIMIT 50`,
  )
    .bind(c.get('session').userId)
    .all<Row>();
  return c.json({
    entries: results.map((r) => ({
      id: r.id,
      intent: r.intent,
      summary: r.summary,
      crmId: r.crm_id,
      provider: r.provider,
      at: new Date(r.created_at).toISOString(),
      ...(r.contact_id && { contactId: r.contact_id }),
      // Written by execute() from a validated command: an object of params.
      ...(r.record && { record: ActivityEntry.shape.record.parse(JSON.parse(r.record)) }),
    })),
  } satisfies ActivityResponse);
});
