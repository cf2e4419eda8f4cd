import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Extension and shared logic, in Node with WXT's in-memory fake browser, and the bench's writer and
// the configuration's checks (bench/, scripts/). The worker's tests run inside workerd
// (worker/vitest.config.ts); the real browser is driven by Playwright (e2e/).
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['extension/**/*.test.ts', 'shared/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    restoreMocks: true,
  },
});
