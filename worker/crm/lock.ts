import type { D1Database } from '@cloudflare/workers-types';
import { ApiError } from '../errors';

/** How long a caller waits for a lock before it is told to come back (the outbox retries). */
const MAX_WAIT_MS = 20_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `fn` while holding a named lease in D1, so look-then-create on a CRM that has no unique
 * constraint of its own happens one at a time. A holder that dies leaves a lease that lapses.
 */
export async function withLock<T>(db: D1Database, name: string, leaseMs: number, fn: () => Promise<T>): Promise<T> {
  const holder = crypto.randomUUID();
  const started = Date.now();
  for (let wait = 15; ; wait = Math.min(wait * 1.5, 250)) {
    const now = Date.now();
    const taken = await db
      .prepare(
        `INSERT INTO locks (name, holder, until) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until WHERE locks.until < ?`,
      )
      .bind(name, holder, now + leaseMs, now)
      .run();
    if (taken.meta.changes === 1) break;
    if (now - started > Math.min(MAX_WAIT_MS, leaseMs))
      throw new ApiError(409, 'in_progress', 'Another save for this agent is still running; try again in a moment.');
    await sleep(wait * (0.5 + Math.random()));
  }
  try {
    return await fn();
  } finally {
    await db.prepare('DELETE FROM locks WHERE name = ? AND holder = ?').bind(name, holder).run();
  }
}
