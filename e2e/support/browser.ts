import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Sites outside the manifest that tests still browse, to check Estait leaves them alone. */
const OTHER_HOSTS = ['dailyledger.test'];

/**
 * Every listing and CRM host the built manifest asks permission for, pointed at the local fixture
 * server: the tests see the sites the shipped extension sees.
 */
function hostRules(port: number): string {
  const manifest: { host_permissions: string[] } = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const hosts = [...manifest.host_permissions.map((m) => m.replace(/^\*:\/\/\*\./, '').replace(/\/\*$/, '')), ...OTHER_HOSTS];
  return hosts.flatMap((h) => [`MAP ${h} 127.0.0.1:${port}`, `MAP *.${h} 127.0.0.1:${port}`]).join(', ');
}

/** Debian's Chromium with the production build loaded and the listing sites mapped to the fixture server. */
export async function launchExtension(fixturePort: number): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'estait-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 400, height: 720 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      `--host-resolver-rules=${hostRules(fixturePort)}`,
      ...CHROMIUM_FLAGS,
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Flags for headless Chromium in a container without network: no sandbox, GPU or QUIC, no calls home to Google. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

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
