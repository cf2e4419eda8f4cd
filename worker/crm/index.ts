import { type Env, providers } from '../env';
import { ApiError } from '../errors';
import { localCrm } from './local';
import type { CrmProvider } from './provider';

/** The CRM this worker is configured for, acting for one user. */
export function crmFor(env: Env, userId: string): CrmProvider {
  const kind = providers(env).crm;
  if (kind === 'local') return localCrm(env.DB, userId);
  throw new ApiError(
    501,
    'provider_not_available',
    `This worker is configured for ${kind}, which this version of Estait cannot write to yet.`,
  );
}
