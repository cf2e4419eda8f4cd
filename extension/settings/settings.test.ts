import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_WORKER_URL, getAreaCode, getWorkerUrl, setAreaCode, setWorkerUrl, WorkerUrl } from '.';

describe('WorkerUrl', () => {
  it.each([
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787'],
    ['https://estait.example.workers.dev', 'https://estait.example.workers.dev'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://[::1]:8787/', 'http://[::1]:8787'],
  ])('accepts %s as %s', (input, origin) => {
    expect(WorkerUrl.parse(input)).toBe(origin);
  });

  it.each([
    'ftp://example.com',
    'javascript:alert(1)',
    'not a url',
    'https://a.dev/v1',
    'https://u:p@a.dev',
    'https://a.dev/?x=1',
    'http://estait.example.workers.dev',
    'http://10.0.0.2:8787',
    'http://127.0.0.1.evil.example',
    '',
  ])('refuses %s', (input) => {
    expect(WorkerUrl.safeParse(input).success).toBe(false);
  });
});

describe('the worker address setting', () => {
  beforeEach(() => fakeBrowser.reset());

  it('defaults to the local worker', async () => {
    expect(await getWorkerUrl()).toBe(DEFAULT_WORKER_URL);
  });

  it('saves a normalised address and reads it back', async () => {
    expect(await setWorkerUrl('  https://estait.example.workers.dev/ ')).toBe('https://estait.example.workers.dev');
    expect(await getWorkerUrl()).toBe('https://estait.example.workers.dev');
  });

  it('falls back to the default when the stored value is not a valid address', async () => {
    await fakeBrowser.storage.local.set({ workerUrl: JSON.stringify('file:///etc/passwd') });
    expect(await getWorkerUrl()).toBe(DEFAULT_WORKER_URL);
  });

  it('refuses to save an invalid address and keeps the old one', async () => {
    await setWorkerUrl('https://10.0.0.2:8787');
    await expect(setWorkerUrl('ftp://x')).rejects.toThrow();
    await expect(setWorkerUrl('http://10.0.0.2:8787')).rejects.toThrow('only for a worker on this computer');
    expect(await getWorkerUrl()).toBe('https://10.0.0.2:8787');
  });
});

describe('the area code setting', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is unset until the agent saves one, takes three digits, and clears when emptied', async () => {
    expect(await getAreaCode()).toBeUndefined();
    expect(await setAreaCode(' 512 ')).toBe('512');
    expect(await getAreaCode()).toBe('512');
    await expect(setAreaCode('12')).rejects.toThrow();
    await expect(setAreaCode('112')).rejects.toThrow();
    expect(await setAreaCode('')).toBeUndefined();
    expect(await getAreaCode()).toBeUndefined();
  });
});
