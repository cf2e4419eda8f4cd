import { KEY_TTL_MS } from './actions/execute';
import { REFRESH_GRACE_MS } from './auth/session';
import type { Env } from './env';
import { STATE_TTL_MS } from './routes/wiseagent';

const DAY_MS = 24 * 3600 * 1000;
/** A claimed write that never got an answer is kept longer: the outbox may still be retrying it. */
const UNANSWERED_KEY_TTL_MS = 7 * DAY_MS;

/**
 * Deletes what has no use left: expired or revoked sessions and their refresh tokens, sign-in
 * round trips and handoff codes past their minutes, idempotency keys past their window, lapsed
 * locks. Run hourly by the cron trigger; returns the rows deleted per table.
 */
export async function housekeeping(env: Env, now = Date.now()): Promise<Record<string, number>> {
  const db = env.DB;
  const steps = {
    // A used token is kept while its family lives: its reuse is how theft is noticed.
    refresh_tokens: db
      .prepare(
        `DELETE FROM refresh_tokens WHERE expires_at < ?
           OR session_id IN (SELECT id FROM sessions WHERE revoked_at IS NOT NULL AND revoked_at < ?)`,
      )
      .bind(now, now - REFRESH_GRACE_MS),
    sessions: db
      .prepare(
        `DELETE FROM sessions WHERE (revoked_at IS NOT NULL AND revoked_at < ?)
           OR (created_at < ? AND NOT EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.session_id = sessions.id))`,
      )
      .bind(now - REFRESH_GRACE_MS, now - DAY_MS),
    oauth_states: db.prepare('DELETE FROM oauth_states WHERE created_at < ?').bind(now - STATE_TTL_MS),
    oauth_handoffs: db.prepare('DELETE FROM oauth_handoffs WHERE expires_at < ?').bind(now),
    idempotency_keys: db
      .prepare(`DELETE FROM idempotency_keys WHERE (response IS NOT NULL AND created_at < ?) OR created_at < ?`)
      .bind(now - KEY_TTL_MS, now - UNANSWERED_KEY_TTL_MS),
    locks: db.prepare('DELETE FROM locks WHERE until < ?').bind(now),
  };
  const results = await db.batch(Object.values(steps));
  return Object.fromEntries(Object.keys(steps).map((table, i) => [table, results[i]?.meta.changes ?? 0]));
}
