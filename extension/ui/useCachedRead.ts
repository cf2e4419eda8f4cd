import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { MlsListing } from '../../shared/contracts';
import { type Cause, explain } from '../api/explain';
import { type Cached, swr } from '../cache/mls-cache';
import { useConnectionState, usePassing } from './useConnection';

export type CachedRead<T> = {
  data?: Cached<T>;
  error?: string;
  loading: boolean;
  /** Estait's server cannot be reached: what shows is what was saved before. */
  offline?: boolean;
};

type ReadState<V> = CachedRead<V> & { key?: string; cause?: Cause };

/**
 * What a cached read keeps between renders: its state, and its round — a read that failed for an
 * outage or a pause is made again (a new round) once that has passed. `shown(key)` is what the
 * component sees: this key's state, offline when the server cannot be reached.
 */
export function useReadRounds<V>() {
  const [state, setState] = useState<ReadState<V>>({ loading: true });
  const [round, setRound] = useState(0);
  const connected = useConnectionState();
  usePassing((cause) => {
    if (state.error && state.cause === cause) setRound((r) => r + 1);
  });
  const again = useCallback(() => setRound((r) => r + 1), []);
  const shown = (key: string | undefined): CachedRead<V> => {
    const offline = connected?.online === false;
    return state.key === key ? { data: state.data, error: state.error, loading: state.loading, offline } : { loading: true };
  };
  return { setState, round, again, shown };
}

/**
 * An MLS read through the IndexedDB cache: cached at once, fresh when it arrives, stale if offline.
 * A read that failed for an outage or a pause is made again once it has passed. `unsaved` is what
 * to say when the server cannot be reached and nothing was saved before.
 */
export function useCachedRead<T extends z.ZodType>(
  key: string | undefined,
  schema: T,
  maxAge: number,
  fetcher: () => Promise<z.infer<T>>,
  listingsOf: (value: z.infer<T>) => MlsListing[],
  unsaved?: string,
): CachedRead<z.infer<T>> {
  const { setState, round, shown } = useReadRounds<z.infer<T>>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key names the request; fetcher and schema follow it, and a new round asks again.
  useEffect(() => {
    if (!key) return;
    let live = true;
    setState({ key, loading: true });
    swr(key, schema, maxAge, fetcher, listingsOf, (data) => live && setState({ key, data, loading: false })).catch(
      (err: unknown) => {
        if (!live) return;
        const { text, cause } = explain(err);
        setState({ key, loading: false, error: cause === 'offline' && unsaved ? unsaved : text, cause });
      },
    );
    return () => {
      live = false;
    };
  }, [key, round]);
  return shown(key);
}
