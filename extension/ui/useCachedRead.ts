import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { MlsListing } from '../../shared/contracts';
import { type Cached, swr } from '../cache/mls-cache';

export type CachedRead<T> = { data?: Cached<T>; error?: string; loading: boolean };

/** An MLS read through the IndexedDB cache: cached at once, fresh when it arrives, stale if offline. */
export function useCachedRead<T extends z.ZodType>(
  key: string | undefined,
  schema: T,
  maxAge: number,
  fetcher: () => Promise<z.infer<T>>,
  listingsOf: (value: z.infer<T>) => MlsListing[],
): CachedRead<z.infer<T>> {
  const [state, setState] = useState<CachedRead<z.infer<T>> & { key?: string }>({ loading: true });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key names the request; fetcher and schema follow it.
  useEffect(() => {
    if (!key) return;
    let live = true;
    setState({ key, loading: true });
    swr(key, schema, maxAge, fetcher, listingsOf, (data) => live && setState({ key, data, loading: false })).catch(
      (err: unknown) => live && setState({ key, loading: false, error: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return state.key === key ? state : { loading: true };
}
