import { type BrowserContext, test as base, type Page, type WorkerFixture } from '@playwright/test';
import { launchExtension, setWorkerUrl } from './browser';
import { startFixtureServer } from './fixture-server';
import { type RunningWorker, startWorker } from './worker';

export { EXTENSION_DIR, setWorkerUrl } from './browser';

type WorkerFixtures = { worker: RunningWorker; fixturePort: number };
type OpenTab = { page: Page; tabId: number };
type TestFixtures = {
  context: BrowserContext;
  extensionId: string;
  panel: (tabId?: number) => Promise<Page>;
  openTab: (url: string) => Promise<OpenTab>;
};

/**
 * The worker on its built-in defaults, one per Playwright worker. A spec file that names it again
 * (`base.extend({ worker: localWorker })`) gets a worker apart from the files that use `test` as it
 * is, but not one of its own: Playwright keys a fixture by its function and the one it overrides, so
 * every file that names it again shares that second worker when they run in one Playwright worker.
 */
export const localWorker: [WorkerFixture<RunningWorker, object>, { scope: 'worker'; timeout: number }] = [
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
  async ({}, use) => {
    const worker = await startWorker();
    await use(worker);
    await worker.stop();
  },
  { scope: 'worker', timeout: 60_000 },
];

export const test = base.extend<TestFixtures, WorkerFixtures>({
  worker: localWorker,
  fixturePort: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
    async ({}, use) => {
      const server = await startFixtureServer();
      await use(server.port);
      await server.close();
    },
    { scope: 'worker' },
  ],
  context: async ({ fixturePort }, use) => {
    const { context, close } = await launchExtension(fixturePort);
    await use(context);
    await close();
  },
  extensionId: async ({ context, worker }, use) => {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    // Point the extension at this run's worker, as the options page would.
    await setWorkerUrl(context, worker.url);
    await use(new URL(sw.url()).host);
  },
  openTab: async ({ context, extensionId }, use) => {
    const sw =
      context.serviceWorkers().find((w) => w.url().includes(extensionId)) ?? (await context.waitForEvent('serviceworker'));
    const tabIds = () =>
      sw.evaluate(async () => (await (globalThis as unknown as ChromeTabs).chrome.tabs.query({})).map((t) => t.id));
    await use(async (url) => {
      // Chrome hides other sites' addresses from the extension, so the new tab is found by its id.
      const before = new Set(await tabIds());
      const page = await context.newPage();
      await page.goto(url);
      const tabId = (await tabIds()).find((id) => !before.has(id));
      if (tabId === undefined) throw new Error(`no tab id for ${url}`);
      return { page, tabId };
    });
  },
  panel: async ({ context, extensionId }, use) => {
    await use(async (tabId) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/sidepanel.html${tabId === undefined ? '' : `?tabId=${tabId}`}`);
      return page;
    });
  },
});

export const expect = test.expect;

/**
 * A spec file whose worker writes to a CRM's fake: the fake and a worker configured for it (from
 * `vars`), one each per Playwright worker.
 */
export function withCrm<Crm extends { url: string; close: () => Promise<void> }>(
  start: () => Promise<Crm>,
  vars: (crm: Crm) => Record<string, string>,
) {
  return test.extend<object, { crm: Crm }>({
    crm: [
      // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
      async ({}, use) => {
        const server = await start();
        await use(server);
        await server.close();
      },
      { scope: 'worker' },
    ],
    worker: [
      async ({ crm }, use) => {
        const worker = await startWorker(vars(crm));
        await use(worker);
        await worker.stop();
      },
      { scope: 'worker', timeout: 60_000 },
    ],
  });
}

type ChromeTabs = { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> } } };
