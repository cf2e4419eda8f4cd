import { REALESTATE_KEY, startFakeRealEstateApi } from '../../e2e/fakes/realestateapi';
import { startWorker } from '../../e2e/support/worker';
import { SessionTokens } from '../../shared/contracts';
import { type Figure, pending, quantile, round, time } from './stats';

/** A fast property API's answer time. */
export const UPSTREAM_DELAY_MS = 100;

/**
 * The worker's cost over the upstream API itself: a property search through the worker (which maps
 * it to RealEstateAPI's PropertySearch) against the same PropertySearch sent straight to the fake,
 * interleaved, each round a new query so the worker's cache never answers.
 */
export async function benchWorkerOverhead(): Promise<Record<string, Figure>> {
  const fake = await startFakeRealEstateApi({ delayMs: UPSTREAM_DELAY_MS });
  const worker = await startWorker({ REALESTATE_API_KEY: REALESTATE_KEY, REALESTATE_API_URL: fake.url });
  try {
    const { accessToken } = SessionTokens.parse(await (await fetch(`${worker.url}/v1/auth/local`, { method: 'POST' })).json());
    const ROUNDS = 40;
    const ratios: number[] = [];
    const extra: number[] = [];
    for (let i = -3; i < ROUNDS; i++) {
      const priceMax = 400_000 + (i + 10) * 1000;
      const [direct] = await time(async () => {
        const res = await fetch(`${fake.url}/v2/PropertySearch`, {
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
        });
        return res.json();
      });
      const [through] = await time(async () => {
        const res = await fetch(`${worker.url}/v1/properties/search`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ criteria: { location: 'Austin', bedsMin: 2, priceMax } }),
        });
        if (!res.ok) throw new Error(`the worker answered ${res.status}`);
        return res.json();
      });
      if (i >= 0) {
        ratios.push(through / direct);
        extra.push(through - direct);
      }
    }
    const note = `property search through the worker (wrangler dev on workerd, loopback) ÷ the same PropertySearch straight to the RealEstateAPI fake answering after ${UPSTREAM_DELAY_MS} ms; interleaved, after 3 warm-up rounds`;
    return {
      worker_overhead_ratio_p50: { value: round(quantile(ratios, 0.5)), samples: ROUNDS, note },
      worker_overhead_ratio_p99: { value: round(quantile(ratios, 0.99)), samples: ROUNDS, note },
      worker_overhead_ms_p50: {
        value: round(quantile(extra, 0.5), 1),
        samples: ROUNDS,
        unit: 'ms',
        note: 'the same pairs, as milliseconds added by the worker (incl. wrangler dev’s local proxy hop)',
      },
      worker_overhead_crm_read: pending(
        'the CRM read needs a remote CRM fake (Wise Agent / Follow Up Boss), issue 5; the local CRM has no upstream to compare with',
      ),
    };
  } finally {
    await worker.stop();
    await fake.close();
  }
}
