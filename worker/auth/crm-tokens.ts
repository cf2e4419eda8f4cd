import type { Crm } from '../../shared/contracts';
import type { Env } from '../env';
import { seal, unseal } from './seal';

/** The CRMs whose sign-in each agent keeps in `crm_tokens`, sealed: one row per agent and CRM. */
type SignedInCrm = Exclude<Crm, 'local'>;

/** An OAuth sign-in's tokens, as the agent's calls use them. */
export type Tokens = { access: string; refresh: string; expiresAt: number };
/** The stored tokens; `sealed` (the access token as stored) tells whether another request has replaced them since. */
export type StoredTokens = Tokens & { sealed: string };

type Row = { access_token: string; refresh_token: string; expires_at: number };

/**
 * One agent's OAuth tokens for one CRM: loaded, saved and replaced sealed (the agent and the CRM
 * bound in, so a row copied onto another agent does not open).
 */
export function tokenStore(env: Env, userId: string, crm: SignedInCrm) {
  const context = `${userId}/${crm}`;
  return {
    async load(): Promise<StoredTokens | undefined> {
      const row = await env.DB.prepare(
        'SELECT access_token, refresh_token, expires_at FROM crm_tokens WHERE user_id = ? AND provider = ?',
      )
        .bind(userId, crm)
        .first<Row>();
      if (!row) return undefined;
      return {
        access: await unseal(env, row.access_token, context),
        refresh: await unseal(env, row.refresh_token, context),
        expiresAt: row.expires_at,
        sealed: row.access_token,
      };
    },
    /** A new sign-in, over any earlier one. */
    async save(tokens: Tokens, account: string): Promise<void> {
      await env.DB.prepare(
        `INSERT INTO crm_tokens (user_id, provider, access_token, refresh_token, expires_at, account, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (user_id, provider) DO UPDATE SET access_token = excluded.access_token,
           refresh_token = excluded.refresh_token, expires_at = excluded.expires_at, account = excluded.account,
           updated_at = excluded.updated_at`,
      )
        .bind(
          userId,
          crm,
          await seal(env, tokens.access, context),
          await seal(env, tokens.refresh, context),
          tokens.expiresAt,
          account,
          Date.now(),
        )
        .run();
    },
    /** Renewed tokens in place of `stale`; false when another request replaced them first. */
    async replace(stale: StoredTokens, next: Tokens): Promise<boolean> {
      const saved = await env.DB.prepare(
        `UPDATE crm_tokens SET access_token = ?, refresh_token = ?, expires_at = ?, updated_at = ?
         WHERE user_id = ? AND provider = ? AND access_token = ?`,
      )
        .bind(
          await seal(env, next.access, context),
          await seal(env, next.refresh, context),
          next.expiresAt,
          Date.now(),
          userId,
          crm,
          stale.sealed,
        )
        .run();
      return saved.meta.changes === 1;
    },
    /** An API key the agent pasted (Follow Up Boss): kept like an access token, with nothing to renew. */
    async saveKey(apiKey: string, account: string): Promise<void> {
      await env.DB.prepare(
        `INSERT INTO crm_tokens (user_id, provider, access_token, refresh_token, expires_at, account, updated_at)
         VALUES (?, ?, ?, '', 0, ?, ?)
         ON CONFLICT (user_id, provider) DO UPDATE SET access_token = excluded.access_token, account = excluded.account,
           updated_at = excluded.updated_at`,
      )
        .bind(userId, crm, await seal(env, apiKey, context), account, Date.now())
        .run();
    },
    async loadKey(): Promise<string | undefined> {
      const row = await env.DB.prepare('SELECT access_token FROM crm_tokens WHERE user_id = ? AND provider = ?')
        .bind(userId, crm)
        .first<{ access_token: string }>();
      return row ? unseal(env, row.access_token, context) : undefined;
    },
    /** The account (its email) the agent signed in with, or undefined when they are not signed in. */
    async account(): Promise<string | undefined> {
      const row = await env.DB.prepare('SELECT account FROM crm_tokens WHERE user_id = ? AND provider = ?')
        .bind(userId, crm)
        .first<{ account: string | null }>();
      return row ? (row.account ?? '') : undefined;
    },
    async forget(): Promise<void> {
      await env.DB.prepare('DELETE FROM crm_tokens WHERE user_id = ? AND provider = ?').bind(userId, crm).run();
    },
  };
}
