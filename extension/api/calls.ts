import { ApiErrorBody, Health } from '../../shared/contracts';
import { getWorkerUrl } from '../settings';
import { workerCalls, workerClient } from './client';
import { connection, heldFor, reportAnswered, reportHeld, reportUnreachable } from './connection';
import { isTimeout, isUnreachable, unanswered, WorkerError } from './errors';
import { accessToken } from './session';

/** What a failed call tells the shared connection state: the worker is gone, or wants a pause. */
async function noteFailure(err: unknown): Promise<void> {
  if (isUnreachable(err)) await reportUnreachable(err.message);
  else if (err instanceof WorkerError && err.code === 'rate_limited' && err.retryAfter) await reportHeld(err.retryAfter);
}

/**
 * The extension's calls to the worker: to the address in its settings, signed in with the session
 * the background keeps, each one telling the shared connection state what it found.
 */
export const {
  plan,
  execute,
  draft,
  findContacts,
  contactBrief,
  agenda,
  openTasks,
  searchProperties,
  propertyDetails,
  comparables,
  autocompleteAddress,
  account,
} = workerCalls({
  base: getWorkerUrl,
  token: accessToken,
  connection: {
    heldFor: async () => heldFor(await connection()),
    answered: () => reportAnswered(),
    failed: noteFailure,
  },
});

export type HealthResult = { reachable: true; health: Health } | { reachable: false; reason: string };

/** Asks the worker whether it is up and which providers it has, and tells the shared connection state; never throws. */
export async function checkHealth(baseUrl: string, timeoutMs = 5000): Promise<HealthResult> {
  let res: Response;
  try {
    res = await workerClient(baseUrl).v1.health.$get(undefined, { init: { signal: AbortSignal.timeout(timeoutMs) } });
  } catch (err) {
    const reason = unanswered(baseUrl, isTimeout(err)).message;
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
