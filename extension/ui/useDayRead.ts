import { liveQuery } from 'dexie';
import { useEffect } from 'react';
import type { z } from 'zod';
import { explain } from '../api/explain';
import { watchSessionChanges } from '../api/session-changes';
import { DAY_MAX_AGE, forgetDays, watchDayChanges } from '../cache/day-cache';
import { localCacheUsable } from '../cache/keeper';
import { read, swr, write } from '../cache/mls-cache';
import { type CachedRead, useReadRounds } from './useCachedRead';

const none = () => [];

/**
 * A brief or a day from the CRM: what was kept is shown at once, and read again behind it when old.
 * Where Estait's database is open (the panel) the kept row is watched, so a write that lands anywhere
 * (the panel, the palette, the background's retry) makes it old and it is read again by itself.
 * The palette's frame, which may not open the database, reads through the background instead.
 */
export function useDayRead<T extends z.ZodType>(
  key: string | undefined,
  schema: T,
  fetcher: () => Promise<z.infer<T>>,
): CachedRead<z.infer<T>> {
  const { setState, round, again, shown } = useReadRounds<z.infer<T>>();
  // A sign-in or sign-out changes whose CRM this is: nothing kept from before is shown, and it is read again.
  useEffect(() => watchSessionChanges(() => void forgetDays().finally(again)), [again]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key names the read; the fetcher and schema follow it, and a new round reads again.
  useEffect(() => {
    if (!key) return;
    let live = true;
    const failed = (err: unknown) => {
      if (!live) return;
      const { text, cause } = explain(err);
      setState((s) => ({ ...s, key, loading: false, error: text, cause }));
    };
    setState({ key, loading: true });
    if (!localCacheUsable()) {
      swr(key, schema, DAY_MAX_AGE, fetcher, none, (data) => live && setState({ key, data, loading: false })).catch(failed);
      // A write that landed made the kept brief old (in the background's database): read it again.
      const unwatch = watchDayChanges(again);
      return () => {
        live = false;
        unwatch();
      };
    }
    let reading = false;
    const refresh = () => {
      if (reading) return;
      reading = true;
      fetcher()
        .then((value) => write(key, value, []))
        .catch(failed)
        .finally(() => {
          reading = false;
        });
    };
    const watch = liveQuery(() => read(key, schema, DAY_MAX_AGE)).subscribe({
      next: (cached) => {
        if (!live) return;
        if (cached)
          setState((s) => ({
            key,
            data: cached,
            loading: false,
            ...(s.key === key && cached.stale && { error: s.error, cause: s.cause }),
          }));
        if (!cached || cached.stale) refresh();
      },
      error: failed,
    });
    return () => {
      live = false;
      watch.unsubscribe();
    };
  }, [key, round]);
  return shown(key);
}
