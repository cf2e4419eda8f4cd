import path from 'node:path';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    cloudflareTest(async () => ({
      wrangler: { configPath: path.join(import.meta.dirname, '../wrangler.toml') },
      miniflare: {
        bindings: {
          LOCAL_MODE: 'true',
          SESSION_SECRET: 'test-secret-that-is-at-least-32-characters',
          TEST_MIGRATIONS: await readD1Migrations(path.join(import.meta.dirname, 'db/migrations')),
        },
      },
    })),
  ],
  test: { include: ['worker/test/**/*.test.ts'], setupFiles: ['worker/test/apply-migrations.ts'] },
});
