import { EXTENSION_ID } from '../shared/extension-id';
import { expect, setWorkerUrl, test } from './support/extension';

test('the side panel reaches the worker and shows its providers', async ({ panel }) => {
  const page = await panel();
  const status = page.getByTestId('worker-status');
  await expect(status).toHaveAttribute('data-state', 'connected');
  await expect(status).toContainText('Connected');
  for (const label of ['Local CRM', 'Sample MLS', 'Local parser']) await expect(status).toContainText(label);
});

test('the side panel says so when the worker is down, and recovers', async ({ context, panel, worker }) => {
  await setWorkerUrl(context, 'http://127.0.0.1:9');
  const page = await panel();
  const status = page.getByTestId('worker-status');
  await expect(status).toHaveAttribute('data-state', 'offline');
  await expect(status).toContainText('Estait can’t reach its server right now.');
  await expect(status.getByTestId('worker-status-detail')).toHaveText('No worker answers at http://127.0.0.1:9.');

  // Fixing the address in settings reconnects the open panel without a reload.
  await setWorkerUrl(context, worker.url);
  await expect(status).toHaveAttribute('data-state', 'connected');
});

test('a listing site is served at its real address to the loaded extension', async ({ context, extensionId }) => {
  expect(extensionId).toBe(EXTENSION_ID);
  const page = await context.newPage();
  const res = await page.goto('http://www.zillow.com/homedetails/1200-Barton-Hills-Dr-Austin-TX-78704/29384756_zpid/');
  expect(res?.status()).toBe(200);
  await expect(page.locator('h1')).toHaveText('1200 Barton Hills Dr, Austin, TX 78704');
});

test('the session stays where content scripts cannot read it: not in storage.local', async ({ context, panel, worker }) => {
  const page = await panel();
  await page.getByTestId('command-input').fill('who is Dana');
  await page.getByTestId('command-input').press('Enter');
  await expect(page.getByTestId('contact-none')).toContainText('No contact matches “Dana”.');
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  type Chrome = { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } };
  const local = await sw.evaluate(() => (globalThis as unknown as Chrome).chrome.storage.local.get(null));
  expect(Object.keys(local).sort()).toEqual(['workerUrl']);
  // The background's own store has it, issued by this run's worker.
  const stored = await sw.evaluate(
    () =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('estait-session');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('sessions').objectStore('sessions').get('current');
          read.onsuccess = () => resolve(read.result);
        };
      }),
  );
  expect(stored).toMatchObject({ base: worker.url, accessToken: expect.any(String), refreshToken: expect.any(String) });
});
