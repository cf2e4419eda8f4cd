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

/** A moment past a pause's end, so the first call made then is not itself still held. */
const PAUSE_MARGIN_MS = 250;

/**
 * Calls `listener` each time the worker can be called again after it could not: 'offline' when it
 * answers after an outage, 'paused' when a pause it asked for ends (nothing announces that end, so
 * a timer waits for it).
 */
export function watchPassing(listener: (cause: 'offline' | 'paused') => void): () => void {
  let offline = false;
  let heldUntil: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let changed = false;
  const follow = (c: Connection) => {
    if (!c.online) offline = true;
    else if (offline) {
      offline = false;
      listener('offline');
    }
    if (c.heldUntil === heldUntil) return;
    heldUntil = c.heldUntil;
    clearTimeout(timer);
    const left = (heldUntil ?? 0) - Date.now();
    if (left > 0) timer = setTimeout(() => listener('paused'), left + PAUSE_MARGIN_MS);
  };
  const unwatch = watchConnection((c) => {
    changed = true;
    follow(c);
  });
  // Where things stand now, unless a change already said otherwise.
  void connection().then((c) => changed || follow(c));
  return () => {
    unwatch();
    clearTimeout(timer);
  };
}

/** While offline, the worker is asked again after 2 s, 4 s, 8 s, 16 s, then every 30 s. */
export const recheckDelay = (attempt: number) => Math.min(30_000, 2_000 * 2 ** Math.max(0, attempt));
