import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { accessToken, forgetToken, HOLD_MS } from './session';
import { announceSessionChange } from './session-changes';

beforeEach(() => {
  fakeBrowser.reset();
  forgetToken();
});

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

describe('a page reuses the token it was given, briefly', () => {
  const BASE = 'http://127.0.0.1:8787';
  let asked: unknown[];
  beforeEach(() => {
    asked = [];
    fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => {
      asked.push(message);
      return { ok: true, token: `access-${asked.length}` };
    });
  });

  it('asks once for calls to the same worker, even at the same moment', async () => {
    expect(await Promise.all([accessToken(undefined, BASE), accessToken(undefined, BASE)])).toEqual(['access-1', 'access-1']);
    expect(await accessToken(undefined, BASE)).toBe('access-1');
    expect(asked).toHaveLength(1);
  });

  it('asks again for a token the worker refused, for another address, and once the hold is over', async () => {
    expect(await accessToken(undefined, BASE)).toBe('access-1');
    expect(await accessToken('access-1', BASE)).toBe('access-2');
    expect(asked[1]).toEqual({ type: 'session-token', stale: 'access-1' });
    expect(await accessToken(undefined, 'https://estait.example')).toBe('access-3');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + HOLD_MS + 1);
      expect(await accessToken(undefined, 'https://estait.example')).toBe('access-4');
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks again after a sign-in or sign-out anywhere', async () => {
    expect(await accessToken(undefined, BASE)).toBe('access-1');
    await announceSessionChange();
    expect(await accessToken(undefined, BASE)).toBe('access-2');
  });

  it('keeps nothing without the address the call goes to', async () => {
    await accessToken();
    await accessToken();
    expect(asked).toHaveLength(2);
  });
});
