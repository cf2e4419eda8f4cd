import { useCallback, useEffect, useRef, useState } from 'react';
import { checkHealth, type HealthResult } from '../api/calls';
import { type Connection, connection, recheckDelay, watchConnection, watchPassing } from '../api/connection';
import type { Cause } from '../api/explain';
import { getWorkerUrl, SETTINGS_KEYS, settings } from '../settings';

export type WorkerState = {
  url: string | undefined;
  checking: boolean;
  /** The last health check: the providers, or why the address is not an Estait worker. */
  result: HealthResult | undefined;
  /** What every call found, shared with the extension's other pages and its background. */
  connection: Connection | undefined;
  recheck: () => void;
};

/** The shared connection state, as it changes. */
export function useConnectionState(): Connection | undefined {
  const [state, setState] = useState<Connection>();
  useEffect(() => {
    void connection().then(setState);
    return watchConnection(setState);
  }, []);
  return state;
}

/**
 * Calls `onPassed` each time the worker can be called again after it could not: 'offline' when it
 * answers after an outage, 'paused' when the pause it asked for ends.
 */
export function usePassing(onPassed: (cause: Extract<Cause, 'offline' | 'paused'>) => void): void {
  const latest = useRef(onPassed);
  latest.current = onPassed;
  useEffect(() => watchPassing((cause) => latest.current(cause)), []);
}

/**
 * The worker's address, its providers and whether it answers. A failed call anywhere flips it
 * offline; while offline it is asked again quietly, 2 s then longer up to every 30 s (and at once
 * when the browser's network returns); when anything finds it back, or a pause it asked for ends,
 * `onBack` runs once.
 */
export function useConnection(onBack: () => void): WorkerState {
  const [url, setUrl] = useState<string>();
  const [result, setResult] = useState<HealthResult>();
  const [checking, setChecking] = useState(true);
  const state = useConnectionState();
  const latest = useRef(0);

  useEffect(() => {
    void getWorkerUrl().then(setUrl);
    const watch = { [SETTINGS_KEYS.workerUrl]: () => void getWorkerUrl().then(setUrl) };
    settings.watch(watch);
    return () => void settings.unwatch(watch);
  }, []);

  const check = useCallback((target: string) => {
    // Only the newest check may update the state: an older, slower answer is dropped.
    const id = ++latest.current;
    setChecking(true);
    void checkHealth(target).then((r) => {
      if (id !== latest.current) return;
      setResult(r);
      setChecking(false);
    });
  }, []);

  useEffect(() => {
    if (url) check(url);
  }, [url, check]);

  const offline = state?.online === false;
  useEffect(() => {
    if (!offline || !url) return;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout>;
    const again = () => {
      timer = setTimeout(() => {
        check(url);
        attempt++;
        again();
      }, recheckDelay(attempt));
    };
    again();
    const now = () => check(url);
    addEventListener('online', now);
    return () => {
      clearTimeout(timer);
      removeEventListener('online', now);
    };
  }, [offline, url, check]);

  // Back: the providers are read again if the last check missed them, and the queue goes now.
  usePassing((cause) => {
    if (cause === 'offline' && url && !result?.reachable) check(url);
    onBack();
  });

  const recheck = useCallback(() => {
    if (url) check(url);
  }, [url, check]);

  return { url, checking, result, connection: state, recheck };
}
