import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, test as base, chromium, type Page } from '@playwright/test';
import { SITES } from '../../extension/sites';
import { startFixtureServer } from './fixture-server';
import { type RunningWorker, startWorker } from './worker';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const EXTENSION_ID = 'ibfdcdcgalmnedalgokgpbjbpiighioa';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Sites outside the manifest that tests still browse, to check Estait leaves them alone. */
const OTHER_HOSTS = ['dailyledger.test'];

/** Every listing and CRM host the manifest matches, pointed at the local fixture server. */
function hostRules(port: number): string {
  const hosts = [
    ...SITES.flatMap((s) => s.matches.map((m) => m.replace(/^\*:\/\/\*\./, '').replace(/\/\*$/, ''))),
    ...OTHER_HOSTS,
  ];
  return hosts.flatMap((h) => [`MAP ${h} 127.0.0.1:${port}`, `MAP *.${h} 127.0.0.1:${port}`]).join(', ');
}

type WorkerFixtures = { worker: RunningWorker; fixturePort: number };
type OpenTab = { page: Page; tabId: number };
type TestFixtures = {
  context: BrowserContext;
  extensionId: string;
  panel: (tabId?: number) => Promise<Page>;
  openTab: (url: string) => Promise<OpenTab>;
};

export const test = base.extend<TestFixtures, WorkerFixtures>({
  worker: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
    async ({}, use) => {
      const worker = await startWorker();
      await use(worker);
      await worker.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
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
    const profile = mkdtempSync(join(tmpdir(), 'estait-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 400, height: 720 },
      args: [
        `--disable-extensions-except=${EXTENSION_DIR}`,
        `--load-extension=${EXTENSION_DIR}`,
        `--host-resolver-rules=${hostRules(fixturePort)}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
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

type ChromeTabs = { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> } } };
type ChromeStorage = { chrome: { storage: { local: { set(items: object): Promise<void> } } } };

/** Sets the worker address in the extension's settings, from its service worker. */
export async function setWorkerUrl(context: BrowserContext, url: string): Promise<void> {
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // @plasmohq/storage keeps each value JSON-encoded.
  await sw.evaluate(
    (value) => (globalThis as unknown as ChromeStorage).chrome.storage.local.set({ workerUrl: value }),
    JSON.stringify(url),
  );
}
