import { hc } from 'hono/client';
import { ApiErrorBody, Health } from '../../shared/contracts';
import type { AppType } from '../../worker';
import { reportAnswered, reportUnreachable } from './connection';

export const workerClient = (baseUrl: string, options?: Parameters<typeof hc>[1]) => hc<AppType>(baseUrl, options);

export type HealthResult = { reachable: true; health: Health } | { reachable: false; reason: string };

/** Asks the worker whether it is up and which providers it has, and tells the shared connection state; never throws. */
export async function checkHealth(baseUrl: string, timeoutMs = 5000): Promise<HealthResult> {
  let res: Response;
  try {
    res = await workerClient(baseUrl).v1.health.$get(undefined, { init: { signal: AbortSignal.timeout(timeoutMs) } });
  } catch (err) {
    const timedOut = err instanceof DOMException && err.name === 'TimeoutError';
    const reason = timedOut ? `The worker at ${baseUrl} did not answer in time.` : `No worker answers at ${baseUrl}.`;
    await reportUnreachable(reason);
    return { reachable: false, reason };
  }
  await reportAnswered();
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = ApiErrorBody.safeParse(body);
    return { reachable: false, reason: err.success ? err.data.error.message : `The worker answered ${res.status}.` };
  }
  const health = Health.safeParse(body);
  return health.success
    ? { reachable: true, health: health.data }
    : { reachable: false, reason: 'The address answered, but not like an Estait worker.' };
}
