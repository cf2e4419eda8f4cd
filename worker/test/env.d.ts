import type { D1Migration } from '@cloudflare/vitest-pool-workers';
import type { Env as Bindings } from '../env';

declare global {
  namespace Cloudflare {
    interface Env extends Bindings {
      TEST_MIGRATIONS: D1Migration[];
      TEST_OPENAI_URL: string;
      TEST_OPENAI_KEY: string;
      TEST_REAPI_URL: string;
      TEST_RESO_URL: string;
      TEST_FUB_URL: string;
      TEST_WISEAGENT_URL: string;
      /** Five a minute: for the rate limits' own tests. */
      TIGHT_LIMIT: RateLimit;
    }
  }
}
