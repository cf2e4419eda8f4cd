import { type Env, providers } from '../env';
import { ApiError } from '../errors';
import type { MlsProvider } from './provider';
import { realEstateApi } from './realestateapi';
import { reso } from './reso';
import { sampleMls } from './sample';

/** The MLS or property-data API this worker is configured for: RealEstateAPI, a RESO server, or the sample MLS. */
export function mlsFor(env: Env): MlsProvider {
  const kind = providers(env).mls;
  if (kind === 'realestateapi' && env.REALESTATE_API_KEY)
    return realEstateApi(env.REALESTATE_API_KEY, env.REALESTATE_API_URL || undefined);
  if (kind === 'reso' && env.RESO_BASE_URL) {
    return reso({
      base: env.RESO_BASE_URL,
      token: env.RESO_TOKEN,
      clientId: env.RESO_CLIENT_ID,
      clientSecret: env.RESO_CLIENT_SECRET,
      tokenUrl: env.RESO_TOKEN_URL,
    });
  }
  if (kind === 'sample') return sampleMls(env.DB);
  throw new ApiError(503, 'not_configured', 'No MLS provider is configured.');
}
