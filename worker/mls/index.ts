import { type Env, providers } from '../env';
import { ApiError } from '../errors';
import type { MlsProvider } from './provider';
import { sampleMls } from './sample';

/** The MLS or property-data API this worker is configured for. */
export function mlsFor(env: Env): MlsProvider {
  const kind = providers(env).mls;
  if (kind === 'sample') return sampleMls(env.DB);
  throw new ApiError(
    501,
    'provider_not_available',
    `This worker is configured for ${kind}, which this version of Estait cannot read yet.`,
  );
}
