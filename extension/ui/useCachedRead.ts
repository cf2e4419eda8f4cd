import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { MlsListing } from '../../shared/contracts';
import { explain } from '../api/explain';
import { type Cached, swr } from '../cache/mls-cache';
import { useConnectionState } from './useConnection';

export type CachedRead<T> = {
  data?: Cached<T>;
  error?: string;
  loading: boolean;
  /** Estait's server cannot be reached: what shows is what was saved before. */
  offline?: boolean;
};

/** An MLS read through the IndexedDB cache: cached at once, fresh when it arrives, stale if offline. */
export function useCachedRead<T extends z.ZodType>(
  key: string | undefined,
  schema: T,
  maxAge: number,
  fetcher: () => Promise<z.infer<T>>,
  listingsOf: (value: z.infer<T>) => MlsListing[],
): CachedRead<z.infer<T>> {
  const [state, setState] = useState<CachedRead<z.infer<T>> & { key?: string }>({ loading: true });
  const offline = useConnectionState()?.online === false;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key names the request; fetcher and schema follow it.
  useEffect(() => {
    if (!key) return;
    let live = true;
    setState({ key, loading: true });
    swr(key, schema, maxAge, fetcher, listingsOf, (data) => live && setState({ key, data, loading: false })).catch(
      (err: unknown) => live && setState({ key, loading: false, error: explain(err).text }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return state.key === key ? { ...state, offline } : { loading: true };
}
