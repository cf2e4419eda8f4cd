import { Storage } from '@plasmohq/storage';
import { z } from 'zod';

/** This computer's worker, unless the build names another (`npm run package -- --worker https://…` sets WXT_WORKER_URL). */
export const DEFAULT_WORKER_URL: string = import.meta.env.WXT_WORKER_URL || 'http://127.0.0.1:8787';

/** Hosts that never leave this computer, the only ones a session may travel to over plain http. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Where the worker lives: https, or http on this computer only (the session's tokens travel with
 * every call, so they must not cross a network in the clear); no path, query or credentials.
 */
export const WorkerUrl = z
  .url({ protocol: /^https?$/, error: 'Enter an https:// address.' })
  .transform((u) => new URL(u))
  .refine((u) => u.protocol === 'https:' || LOOPBACK.has(u.hostname), {
    message: 'Enter an https:// address; http:// is only for a worker on this computer (127.0.0.1 or localhost).',
  })
  .refine((u) => !u.username && !u.password && !u.search && !u.hash && (u.pathname === '/' || u.pathname === ''), {
    message: 'Enter the worker’s base address only, without a path, query or credentials.',
  })
  .transform((u) => u.origin);

export const SETTINGS_KEYS = { workerUrl: 'workerUrl', areaCode: 'areaCode' } as const;

/** The area code a seven-digit phone typed on a card belongs to: three digits, not starting with 0 or 1. */
export const AreaCode = z
  .string()
  .trim()
  .regex(/^[2-9]\d{2}$/, 'Three digits, like 512.');

export const settings = new Storage({ area: 'local' });

export async function getWorkerUrl(): Promise<string> {
  const parsed = WorkerUrl.safeParse(await settings.get(SETTINGS_KEYS.workerUrl));
  return parsed.success ? parsed.data : DEFAULT_WORKER_URL;
}

/** Saves a worker address after validating it; returns the normalised origin. */
export async function setWorkerUrl(input: string): Promise<string> {
  const url = WorkerUrl.parse(input.trim());
  await settings.set(SETTINGS_KEYS.workerUrl, url);
  return url;
}

/** The agent's own area code, for local numbers typed without one; none until they set it. */
export async function getAreaCode(): Promise<string | undefined> {
  const parsed = AreaCode.safeParse(await settings.get(SETTINGS_KEYS.areaCode));
  return parsed.success ? parsed.data : undefined;
}

/** Saves the area code after validating it; an empty value clears it. */
export async function setAreaCode(input: string): Promise<string | undefined> {
  if (!input.trim()) {
    await settings.remove(SETTINGS_KEYS.areaCode);
    return undefined;
  }
  const code = AreaCode.parse(input);
  await settings.set(SETTINGS_KEYS.areaCode, code);
  return code;
}
