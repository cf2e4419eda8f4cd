import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { accessToken } from './session';

beforeEach(() => fakeBrowser.reset());

describe('the pages ask the background for the session', () => {
  const background = (reply: unknown) => fakeBrowser.runtime.onMessage.addListener(async () => reply);

  it('get a token by message', async () => {
    background({ ok: true, token: 'access-1' });
    expect(await accessToken()).toBe('access-1');
  });

  it('get a refusal back as a WorkerError with its fields', async () => {
    background({ ok: false, status: 429, code: 'rate_limited', message: 'Slow down.', retryAfter: 9 });
    await expect(accessToken()).rejects.toMatchObject({ status: 429, code: 'rate_limited', retryAfter: 9 });
  });

  it('take an answer of the wrong shape as no answer', async () => {
    background({ token: 'access-1' });
    await expect(accessToken()).rejects.toMatchObject({ status: 0, code: 'no_background' });
  });
});
