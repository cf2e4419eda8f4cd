import { fubBase, fubKey } from '../auth/followupboss';
import { wiseAgentAccess } from '../auth/wiseagent';
import { crmTimeoutMs, type Env, providers } from '../env';
import { followUpBoss } from './followupboss';
import { localCrm } from './local';
import type { CrmProvider } from './provider';
import { wiseAgent } from './wiseagent';
import { wiseAgentBase } from './wiseagent-api';

/** The CRM this worker is configured for, acting for one user (`tz`: the agent's zone, for due and start times). */
export function crmFor(env: Env, userId: string, tz?: string): CrmProvider {
  const kind = providers(env).crm;
  const timeoutMs = crmTimeoutMs(env);
  if (kind === 'wiseagent') return wiseAgent({ base: wiseAgentBase(env), access: wiseAgentAccess(env, userId), tz, timeoutMs });
  if (kind === 'followupboss') {
    return followUpBoss({
      apiKey: () => fubKey(env, userId),
      system: env.FUB_SYSTEM,
      systemKey: env.FUB_SYSTEM_KEY,
      base: fubBase(env),
      tz,
      timeoutMs,
    });
  }
  return localCrm(env.DB, userId);
}
