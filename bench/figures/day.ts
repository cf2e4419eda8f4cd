import { FUB_KEY, startFakeFollowUpBoss } from '../../e2e/fakes/followupboss';
import { seedAgentDay } from '../../e2e/fakes/followupboss-seed';
import type { Recorded } from '../../e2e/fakes/http';
import type { RunningWorker } from '../../e2e/support/worker';
import { startWorker } from '../../e2e/support/worker';
import { type ParsedCommand, SessionTokens } from '../../shared/contracts';
import { withExtension } from './browser';
import { type Figure, quantile, round, time } from './stats';
import { UPSTREAM_DELAY_MS } from './worker';

type Tabs = {
  chrome: { tabs: { create: (o: object) => Promise<{ id: number }>; update: (id: number, o: object) => Promise<unknown> } };
};

const TZ = 'America/Chicago';
const json = async (res: Response) => {
  if (!res.ok) throw new Error(`${res.url} answered ${res.status}`);
  return res.json();
};
const signIn = async (url: string) => {
  const { accessToken } = SessionTokens.parse(await json(await fetch(`${url}/v1/auth/local`, { method: 'POST' })));
  return { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' };
};

/**
 * The brief route against the Follow Up Boss calls it makes: GET /v1/contacts/:id/brief through the
 * worker ÷ the same upstream requests (recorded from the route's own call) made straight to the fake,
 * all at once — the slowest of them. Interleaved, every fake call answering after UPSTREAM_DELAY_MS.
 */
export async function benchBriefRoute(): Promise<Record<string, Figure>> {
  const fub = await startFakeFollowUpBoss({ delayMs: UPSTREAM_DELAY_MS });
  const worker = await startWorker({ FUB_API_KEY: FUB_KEY, FUB_API_URL: fub.url });
  try {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(new Date());
    const { personId } = await seedAgentDay(fub.url, { today, offset: '-06:00', email: 'maria.bench@example.com' });
    const headers = await signIn(worker.url);
    const brief = async () => json(await fetch(`${worker.url}/v1/contacts/${personId}/brief?tz=${TZ}`, { headers }));
    const before = ((await json(await fetch(`${fub.url}/__fake/requests`))) as Recorded[]).length;
    await brief();
    const made = ((await json(await fetch(`${fub.url}/__fake/requests`))) as Recorded[]).slice(before);
    const fubAuth = { Authorization: `Basic ${Buffer.from(`${FUB_KEY}:`).toString('base64')}`, 'X-System': 'Estait' };
    const direct = () =>
      Promise.all(
        made.map(async (r) =>
          json(await fetch(`${fub.url}${r.path}?${new URLSearchParams(r.query)}`, { method: r.method, headers: fubAuth })),
        ),
      );
    // One upstream call through the same worker: what any route costs over its call (session, limit, loopback hop).
    const oneCall = async (i: number) =>
      json(await fetch(`${worker.url}/v1/contacts?${new URLSearchParams({ query: `maria${i}` })}`, { headers }));
    const ROUNDS = 30;
    const ratios: number[] = [];
    const overOne: number[] = [];
    for (let i = -3; i < ROUNDS; i++) {
      const [d] = await time(direct);
      const [w] = await time(brief);
      const [o] = await time(() => oneCall(i));
      if (i >= 0) {
        ratios.push(w / d);
        overOne.push(w / o);
      }
    }
    const note = `GET /v1/contacts/:id/brief through the worker (wrangler dev on workerd, loopback, Follow Up Boss fake answering after ${UPSTREAM_DELAY_MS} ms) ÷ the ${made.length} upstream requests it made, sent straight to the fake at once; interleaved, after 3 warm-up rounds`;
    return {
      brief_route_ratio_p50: { value: round(quantile(ratios, 0.5)), samples: ratios.length, note },
      brief_route_ratio_p99: { value: round(quantile(ratios, 0.99)), samples: ratios.length, note },
      brief_route_vs_one_call_p50: {
        value: round(quantile(overOne, 0.5)),
        samples: overOne.length,
        note: `the same brief route ÷ a route that makes one Follow Up Boss call (GET /v1/contacts → /v1/people), both through the worker, interleaved: what the brief's ${made.length} calls cost over one`,
      },
    };
  } finally {
    await worker.stop();
    await fub.close();
  }
}

/**
 * A contact's brief shown from the cache after a tab switch: chrome.tabs.update(active) between a
 * Wise Agent contact page and a Zillow listing → the panel shows that contact's brief (its tasks and
 * notes) again. The brief was read once before; after that every switch is answered from IndexedDB.
 */
export async function benchBriefFromCache(worker: RunningWorker): Promise<Record<string, Figure>> {
  const headers = await signIn(worker.url);
  const execute = async (command: ParsedCommand) =>
    json(
      await fetch(`${worker.url}/v1/actions/execute`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ command, idempotencyKey: crypto.randomUUID() }),
      }),
    ) as Promise<{ result: { crmId: string } }>;
  const { result } = await execute({
    intent: 'add_lead',
    confidence: 1,
    params: { firstName: 'Dana', lastName: 'Whitfield', email: 'dana.whitfield@example.com' },
  });
  const contactId = result.crmId;
  for (const text of ['Pre-approved up to $520k', 'Wants a yard', 'Asked about schools'])
    await execute({ intent: 'add_note', confidence: 1, params: { contactId, text } });
  await execute({ intent: 'create_task', confidence: 1, params: { contactId, title: 'Send the seller disclosure' } });

  return withExtension(worker, async ({ sw, panel }) => {
    const urls = [
      'http://thewiseagent.com/secure/client/SUMMARY.asp?ClientID=48213',
      'http://www.zillow.com/homedetails/1200-Barton-Hills-Dr-Austin-TX-78704/29384756_zpid/',
    ];
    const ids: number[] = [];
    for (const url of urls)
      ids.push(await sw.evaluate(async (u) => (await (globalThis as unknown as Tabs).chrome.tabs.create({ url: u })).id, url));
    // No named inner functions in the page: the runner's keep-names helper does not exist there.
    const show = (k: number) =>
      panel.evaluate(
        ([shown, gone]) =>
          new Promise<number>((resolve) => {
            if (document.querySelector(shown) && !(gone && document.querySelector(gone))) return resolve(Date.now());
            const observer = new MutationObserver(() => {
              if (!document.querySelector(shown) || (gone && document.querySelector(gone))) return;
              observer.disconnect();
              resolve(Date.now());
            });
            observer.observe(document.body, { childList: true, subtree: true, attributes: true });
          }),
        k === 0
          ? ([`[data-testid="contact-brief"][data-contact-id="${contactId}"] [data-testid="brief-task"]`, ''] as const)
          : (['[data-testid="listing-card"]', '[data-testid="contact-brief"]'] as const),
      );
    const activate = (k: number) =>
      sw.evaluate(async (id) => {
        const t = Date.now();
        await (globalThis as unknown as Tabs).chrome.tabs.update(id, { active: true });
        return t;
      }, ids[k] ?? 0);
    const SWITCHES = 40;
    const times: number[] = [];
    for (let i = -4; i < SWITCHES * 2; i++) {
      const k = (i + 4) % 2;
      const shown = show(k);
      const started = await activate(k);
      const ms = (await shown) - started;
      if (i >= 0 && k === 0) times.push(ms);
    }
    return {
      brief_from_cache_ms: {
        value: { p50: quantile(times, 0.5), p99: quantile(times, 0.99) },
        samples: times.length,
        unit: 'ms',
        note: 'chrome.tabs.update(active) to a Wise Agent contact page → the panel shows that contact’s brief (from IndexedDB) again, switching with a Zillow listing, in Chromium, after 2 warm-up rounds; the panel page is a background tab here; 1 ms clock',
      },
    };
  });
}
