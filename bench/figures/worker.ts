import { FUB_KEY, startFakeFollowUpBoss } from '../../e2e/fakes/followupboss';
import { REALESTATE_KEY, startFakeRealEstateApi } from '../../e2e/fakes/realestateapi';
import { startWorker } from '../../e2e/support/worker';
import { SessionTokens } from '../../shared/contracts';
import { type Figure, quantile, round, time } from './stats';

/** A fast API's answer time, the same for both fakes. */
export const UPSTREAM_DELAY_MS = 100;

const json = async (res: Response) => {
  if (!res.ok) throw new Error(`${res.url} answered ${res.status}`);
  return res.json();
};

/**
 * The worker's cost over the upstream APIs themselves: a CRM read (contacts by name, Follow Up
 * Boss's GET /v1/people) and a property search (RealEstateAPI's PropertySearch), each through the
 * worker and straight to the fake, interleaved; every round asks something new, so the worker's
 * cache never answers.
 */
export async function benchWorkerOverhead(): Promise<Record<string, Figure>> {
  const reapi = await startFakeRealEstateApi({ delayMs: UPSTREAM_DELAY_MS });
  const fub = await startFakeFollowUpBoss({ delayMs: UPSTREAM_DELAY_MS });
  const worker = await startWorker({
    REALESTATE_API_KEY: REALESTATE_KEY,
    REALESTATE_API_URL: reapi.url,
    FUB_API_KEY: FUB_KEY,
    FUB_API_URL: fub.url,
  });
  try {
    const { accessToken } = SessionTokens.parse(await json(await fetch(`${worker.url}/v1/auth/local`, { method: 'POST' })));
    const viaWorker = { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' };
    const fubAuth = { Authorization: `Basic ${Buffer.from(`${FUB_KEY}:`).toString('base64')}`, 'X-System': 'Estait' };
    const ROUNDS = 30;
    const ratios: number[] = [];
    const extra: number[] = [];
    for (let i = -3; i < ROUNDS; i++) {
      const priceMax = 400_000 + (i + 10) * 1000;
      const name = `agent${i + 10}`;
      const pairs: [() => Promise<unknown>, () => Promise<unknown>][] = [
        [
          async () =>
            json(
              await fetch(`${reapi.url}/v2/PropertySearch`, {
                method: 'POST',
                headers: { 'x-api-key': REALESTATE_KEY, 'Content-Type': 'application/json' },
                body: JSON.stringify({
                  size: 25,
                  resultIndex: 0,
                  mls_active: true,
                  city: 'Austin',
                  beds_min: 2,
                  mls_listing_price_max: priceMax,
                }),
              }),
            ),
          async () =>
            json(
              await fetch(`${worker.url}/v1/properties/search`, {
                method: 'POST',
                headers: viaWorker,
                body: JSON.stringify({ criteria: { location: 'Austin', bedsMin: 2, priceMax } }),
              }),
            ),
        ],
        [
          async () =>
            json(await fetch(`${fub.url}/v1/people?${new URLSearchParams({ limit: '25', name })}`, { headers: fubAuth })),
          async () =>
            json(await fetch(`${worker.url}/v1/contacts?${new URLSearchParams({ query: name })}`, { headers: viaWorker })),
        ],
      ];
      for (const [direct, through] of pairs) {
        const [d] = await time(direct);
        const [w] = await time(through);
        if (i >= 0) {
          ratios.push(w / d);
          extra.push(w - d);
        }
      }
    }
    const note = `a CRM read (Follow Up Boss fake) and a property search (RealEstateAPI fake), each through the worker (wrangler dev on workerd, loopback) ÷ straight to the fake answering after ${UPSTREAM_DELAY_MS} ms; interleaved, after 3 warm-up rounds`;
    return {
      worker_overhead_ratio_p50: { value: round(quantile(ratios, 0.5)), samples: ratios.length, note },
      worker_overhead_ratio_p99: { value: round(quantile(ratios, 0.99)), samples: ratios.length, note },
      worker_overhead_ms_p50: {
        value: round(quantile(extra, 0.5), 1),
        samples: extra.length,
        unit: 'ms',
        note: 'the same pairs, as milliseconds added by the worker (incl. wrangler dev’s local proxy hop)',
      },
    };
  } finally {
    await worker.stop();
    await Promise.all([reapi.close(), fub.close()]);
  }
}
