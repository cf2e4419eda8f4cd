import { browser } from 'wxt/browser';
import { z } from 'zod';

/**
 * Whether the worker answers, as the last call found it. Every call reports here (a call nothing
 * answered flips it offline, any answer flips it back), in storage.session — the extension's own
 * pages and background only — so a send that failed in the background and a search that failed in
 * the panel tell the same story, and it outlives the service worker's idle stops.
 */
export const Connection = z.object({
  online: z.boolean(),
  /** When it last flipped. */
  since: z.number(),
  /** Why it is offline, in technical words, for whoever asks. */
  detail: z.string().optional(),
  /** The worker asked for no calls before this time (a 429's Retry-After). */
  heldUntil: z.number().optional(),
});
export type Connection = z.infer<typeof Connection>;

const KEY = 'connection';
/** Until a call says otherwise, the worker is taken to answer. */
const ASSUMED: Connection = { online: true, since: 0 };

export async function connection(): Promise<Connection> {
  const parsed = Connection.safeParse((await browser.storage.session.get(KEY))[KEY]);
  return parsed.success ? parsed.data : ASSUMED;
}

/** Stores a change, and only a change: most calls find things as they were. */
async function update(change: (current: Connection) => Connection | undefined): Promise<void> {
  const next = change(await connection());
  if (next) await browser.storage.session.set({ [KEY]: next });
}

/** The worker answered (whatever it said). */
export const reportAnswered = (now = Date.now()) =>
  update((c) =>
    c.online ? undefined : { online: true, since: now, ...(c.heldUntil && c.heldUntil > now && { heldUntil: c.heldUntil }) },
  );

/** Nothing answered, or nothing in time. */
export const reportUnreachable = (detail: string, now = Date.now()) =>
  update((c) => (!c.online && c.detail === detail ? undefined : { online: false, since: c.online ? now : c.since, detail }));

/** The worker asked to be left alone for `seconds`. */
export const reportHeld = (seconds: number, now = Date.now()) =>
  update((c) => ({ ...c, online: true, since: c.online ? c.since : now, heldUntil: now + seconds * 1000 }));

/** Seconds left before the worker wants calls again, if it asked for a pause. */
export const heldFor = (c: Connection, now = Date.now()) =>
  c.heldUntil && c.heldUntil > now ? Math.ceil((c.heldUntil - now) / 1000) : undefined;

/** Calls `listener` with every change, from any of the extension's pages or its background. */
export function watchConnection(listener: (c: Connection) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>) => {
    if (!(KEY in changes)) return;
    const parsed = Connection.safeParse(changes[KEY]?.newValue);
    listener(parsed.success ? parsed.data : ASSUMED);
  };
  browser.storage.session.onChanged.addListener(onChanged);
  return () => browser.storage.session.onChanged.removeListener(onChanged);
}

/** While offline, the worker is asked again after 2 s, 4 s, 8 s, 16 s, then every 30 s. */
export const recheckDelay = (attempt: number) => Math.min(30_000, 2_000 * 2 ** Math.max(0, attempt));
