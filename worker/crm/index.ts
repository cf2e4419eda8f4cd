import { type Env, providers } from '../env';
import { ApiError } from '../errors';
import { followUpBoss } from './followupboss';
import { localCrm } from './local';
import type { CrmProvider } from './provider';

/** The CRM this worker is configured for, acting for one user (`tz`: the agent's zone, for due times). */
export function crmFor(env: Env, userId: string, tz?: string): CrmProvider {
  const kind = providers(env).crm;
  if (kind === 'followupboss' && env.FUB_API_KEY) {
    return followUpBoss({
      apiKey: env.FUB_API_KEY,
      system: env.FUB_SYSTEM,
      systemKey: env.FUB_SYSTEM_KEY,
      base: env.FUB_API_URL || undefined,
      tz,
    });
  }
  if (kind === 'local') return localCrm(env.DB, userId);
  throw new ApiError(
    501,
    'provider_not_available',
    `This worker is configured for ${kind}, which this version of Estait cannot write to yet.`,
  );
}
