import type { Env } from '../env';

/** The CRMs whose sign-in each agent keeps in `crm_tokens`, sealed: one row per agent and CRM. */
export type SignedInCrm = 'wiseagent' | 'followupboss';

/** The account (its email) an agent signed in to a CRM with, or undefined when they are not signed in. */
export async function signedInAccount(env: Env, userId: string, crm: SignedInCrm): Promise<string | undefined> {
  const row = await env.DB.prepare('SELECT account FROM crm_tokens WHERE user_id = ? AND provider = ?')
    .bind(userId, crm)
    .first<{ account: string | null }>();
  return row ? (row.account ?? '') : undefined;
}

/** Forgets an agent's sign-in to a CRM. */
export async function forgetSignIn(env: Env, userId: string, crm: SignedInCrm): Promise<void> {
  await env.DB.prepare('DELETE FROM crm_tokens WHERE user_id = ? AND provider = ?').bind(userId, crm).run();
}
