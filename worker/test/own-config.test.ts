import { env } from 'cloudflare:test';
import { expect, it } from 'vitest';

// The developer's .dev.vars holds their real provider keys; worker/vitest.config.ts keeps them out.
it('runs on wrangler.toml and the test configuration alone, never the developer’s .dev.vars', () => {
  const variables = Object.keys(env).filter(
    (name) => typeof env[name as keyof typeof env] === 'string' && !name.startsWith('TEST_'),
  );
  expect(variables.sort()).toEqual(['ALLOWED_ORIGINS', 'LOCAL_MODE', 'SESSION_SECRET']);
});
