import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXTENSION_ID, EXTENSION_KEY } from './extension-id';

describe('the extension id', () => {
  it('is the one Chrome derives from the manifest key: its SHA-256, first 32 hex digits written a–p', () => {
    const hex = createHash('sha256').update(Buffer.from(EXTENSION_KEY, 'base64')).digest('hex').slice(0, 32);
    expect([...hex].map((d) => String.fromCharCode(97 + Number.parseInt(d, 16))).join('')).toBe(EXTENSION_ID);
  });

  it('is the origin the worker allows by default', () => {
    const toml = readFileSync(new URL('../wrangler.toml', import.meta.url), 'utf8');
    expect(toml).toContain(`ALLOWED_ORIGINS = "chrome-extension://${EXTENSION_ID}"`);
  });
});
