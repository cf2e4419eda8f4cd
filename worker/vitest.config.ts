import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { experimental_readRawConfig } from 'wrangler';
import { startFakeFollowUpBoss } from '../e2e/fakes/followupboss';
import { startFakeOpenAI } from '../e2e/fakes/openai';
import { startFakeRealEstateApi } from '../e2e/fakes/realestateapi';
import { startFakeReso } from '../e2e/fakes/reso';
import { startFakeWiseAgent } from '../e2e/fakes/wiseagent';

const root = path.join(import.meta.dirname, '..');

/**
 * wrangler.toml, copied into a folder of the tests' own. Wrangler loads `.dev.vars` (or `.env`) from
 * the folder of the config it is given, and the developer's `.dev.vars` holds their real provider
 * keys: the tests must never see those, nor reach the providers they point at.
 */
function testWranglerConfig(): string {
  const { rawConfig } = experimental_readRawConfig({ config: path.join(root, 'wrangler.toml') });
  const dir = path.join(root, '.wrangler/test-config');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'wrangler.json');
  const config = {
    ...rawConfig,
    main: path.join(root, rawConfig.main ?? 'worker/index.ts'),
    d1_databases: rawConfig.d1_databases?.map((db: { migrations_dir?: string }) => ({
      ...db,
      migrations_dir: db.migrations_dir && path.join(root, db.migrations_dir),
    })),
  };
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  return file;
}
// Only the files above, never the shell's environment, become bindings.
process.env.CLOUDFLARE_INCLUDE_PROCESS_ENV = 'false';

export default defineConfig({
  plugins: [
    cloudflareTest(async () => {
      // The fake upstream runs in Node beside the pool; the worker reaches it over loopback.
      const openai = await startFakeOpenAI();
      const realEstateApi = await startFakeRealEstateApi();
      const resoServer = await startFakeReso();
      const fub = await startFakeFollowUpBoss();
      const wiseAgent = await startFakeWiseAgent();
      return {
        wrangler: { configPath: testWranglerConfig() },
        miniflare: {
          // Hundreds of sign-ins from one test run: roomy limits, and a tight one for the limits' own tests.
          ratelimits: {
            API_LIMIT: { simple: { limit: 1_000_000, period: 60 } },
            SIGN_IN_LIMIT: { simple: { limit: 1_000_000, period: 60 } },
            TIGHT_LIMIT: { simple: { limit: 5, period: 60 } },
          },
          bindings: {
            LOCAL_MODE: 'true',

            SESSION_SECRET: 'test-secret-that-is-at-least-32-characters',
            TEST_MIGRATIONS: await readD1Migrations(path.join(import.meta.dirname, 'db/migrations')),
            TEST_OPENAI_URL: openai.url,
            TEST_OPENAI_KEY: openai.key,
            TEST_REAPI_URL: realEstateApi.url,
            TEST_RESO_URL: resoServer.url,
            TEST_FUB_URL: fub.url,
            TEST_WISEAGENT_URL: wiseAgent.url,
          },
        },
      };
    }),
  ],
  test: { include: ['worker/test/**/*.test.ts'], setupFiles: ['worker/test/apply-migrations.ts'] },
});
