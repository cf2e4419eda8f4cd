import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../shared/encoding';
import { endSession, REFRESH_TTL_S, rotate, startSession } from '../auth/session';
import { housekeeping } from '../housekeeping';
import worker from '../index';

const DAY = 24 * 3600 * 1000;
const count = async (sql: string, ...values: unknown[]) =>
  (
    await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${sql}`)
      .bind(...values)
      .first<{ n: number }>()
  )?.n ?? 0;

describe('the hourly clean-up', () => {
  it('deletes what has no use left and keeps what still works', async () => {
    const now = Date.now();
    const live = await startSession(env, 'keep-me');
    const rotated = await rotate(env, live.refreshToken);
    await startSession(env, 'signed-out', now - 2 * DAY);
    await endSession(
      env,
      (await env.DB.prepare("SELECT id FROM sessions WHERE user_id = 'signed-out'").first<{ id: string }>())?.id ?? '',
      now - DAY,
    );
    await startSession(env, 'long-gone', now - REFRESH_TTL_S * 1000 - 2 * DAY);
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO oauth_states (state, verifier, redirect, challenge, created_at) VALUES ('old', 'v', 'r', 'c', ?)",
      ).bind(now - DAY),
      env.DB.prepare(
        "INSERT INTO oauth_states (state, verifier, redirect, challenge, created_at) VALUES ('new', 'v', 'r', 'c', ?)",
      ).bind(now),
      env.DB.prepare("INSERT INTO oauth_handoffs (code_hash, user_id, challenge, expires_at) VALUES ('old', 'u', 'c', ?)").bind(
        now - 1000,
      ),
      env.DB.prepare(
        "INSERT INTO idempotency_keys (user_id, key, response, created_at) VALUES ('u', 'answered-old', '{}', ?)",
      ).bind(now - 2 * DAY),
      env.DB.prepare(
        "INSERT INTO idempotency_keys (user_id, key, response, created_at) VALUES ('u', 'unanswered', NULL, ?)",
      ).bind(now - 2 * DAY),
      env.DB.prepare(
        "INSERT INTO idempotency_keys (user_id, key, response, created_at) VALUES ('u', 'answered-new', '{}', ?)",
      ).bind(now),
      env.DB.prepare("INSERT INTO locks (name, holder, until) VALUES ('lapsed', 'h', ?)").bind(now - 1000),
    ]);

    const deleted = await housekeeping(env, now);
    expect(deleted.oauth_states).toBeGreaterThanOrEqual(1);
    expect(await count("oauth_states WHERE state = 'new'")).toBe(1);
    expect(await count("oauth_handoffs WHERE code_hash = 'old'")).toBe(0);
    expect(await count("idempotency_keys WHERE user_id = 'u'")).toBe(2);
    expect(await count("idempotency_keys WHERE key = 'answered-old'")).toBe(0);
    expect(await count("locks WHERE name = 'lapsed'")).toBe(0);
    expect(await count("sessions WHERE user_id IN ('signed-out', 'long-gone')")).toBe(0);
    // The live session keeps its spent token (how a replay is caught) and its current one.
    expect(await count('sessions WHERE user_id = ?', 'keep-me')).toBe(1);
    expect(await count('refresh_tokens WHERE token_hash = ?', await sha256(live.refreshToken))).toBe(1);
    await expect(rotate(env, rotated.refreshToken)).resolves.toBeTruthy();
  });

  it('runs from the cron trigger', async () => {
    await env.DB.prepare("INSERT INTO locks (name, holder, until) VALUES ('cron', 'h', 0)").run();
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '17 * * * *' }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(await count("locks WHERE name = 'cron'")).toBe(0);
  });
});
