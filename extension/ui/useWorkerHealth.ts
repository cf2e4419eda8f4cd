import { useCallback, useEffect, useRef, useState } from 'react';
import { checkHealth, type HealthResult } from '../api/client';
import { getWorkerUrl, SETTINGS_KEYS, settings } from '../settings';

export type WorkerState = { url: string | undefined; checking: boolean; result: HealthResult | undefined };

/** The worker's address from settings and whether it answers; re-checks when the address changes. */
export function useWorkerHealth(): WorkerState & { recheck: () => void } {
  const [url, setUrl] = useState<string>();
  const [result, setResult] = useState<HealthResult>();
  const [checking, setChecking] = useState(true);
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

  const recheck = useCallback(() => {
    if (url) check(url);
  }, [url, check]);

  return { url, checking, result, recheck };
}
