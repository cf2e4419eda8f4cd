/**
 * An open panel through an outage of its worker: the status follows what the calls find, a write
 * typed while the worker is down is read locally, confirmed and queued, and once the worker is back
 * the panel says so on its own and the write lands exactly once.
 */
import type { Page } from '@playwright/test';
import { test as base, expect, localWorker } from './support/extension';
import { localCrm } from './support/local-crm';

/** A worker of this file's own: it is stopped and started again under the panel. */
const test = base.extend({ worker: localWorker });

async function type(side: Page, sentence: string) {
  const box = side.getByTestId('command-input');
  await box.fill(sentence);
  await box.press('Enter');
  return side.getByTestId('confirm-card');
}

test('the worker stops under an open panel: the write waits, the status follows, and both recover on their own', async ({
  panel,
  worker,
}, info) => {
  test.setTimeout(120_000);
  const crm = localCrm(worker.url);
  await crm.execute({
    intent: 'add_lead',
    confidence: 1,
    params: { firstName: 'Dana', lastName: 'Whitlock', email: 'dana.whitlock@example.com' },
  });
  const [dana] = await crm.contacts('Dana Whitlock');
  expect(dana?.id).toBeTruthy();

  const side = await panel();
  const status = side.getByTestId('worker-status');
  await expect(status).toHaveAttribute('data-state', 'connected');
  await expect(status).toContainText('Connected');
  await expect(status).toContainText('Local CRM');
  // A search the agent ran earlier: its answer is kept in the browser.
  const SEARCH = '3 bed homes in Austin under 500k';
  await type(side, SEARCH);
  await expect(side.getByTestId('search-result').first()).toBeVisible();
  const homes = await side.getByTestId('search-result').count();

  await worker.halt();
  // Nothing has asked the worker yet: the status still says what the last call found.
  await expect(status).toHaveAttribute('data-state', 'connected');

  const card = await type(side, 'note for Dana Whitlock: pre-approved for 450k');
  // The plan found nobody there: the status flips, and the sentence is read here instead.
  await expect(status).toHaveAttribute('data-state', 'offline');
  await expect(status).toContainText('Offline');
  await expect(status).toContainText('Estait can’t reach its server right now.');
  await expect(status).toContainText('Reconnecting on its own.');
  await expect(status.getByTestId('worker-status-detail')).toHaveText(`No worker answers at ${worker.url}.`);
  await expect(side.getByTestId('offline-note')).toContainText('this was read here');
  await expect(card.getByLabel('Note')).toHaveValue('pre-approved for 450k');
  await expect(card.getByTestId('contact-field')).toContainText('Estait can’t check “Dana Whitlock” in your CRM right now');
  await expect(card.getByRole('button', { name: /Confirm/ })).toBeEnabled();
  await side.screenshot({ path: info.outputPath('offline-card.png'), fullPage: true });
  await card.getByRole('button', { name: /Confirm/ }).click();

  const row = side.getByTestId('outbox-entry').first();
  await expect(row).toHaveAttribute('data-state', 'retrying');
  await expect(row.getByTestId('outbox-state')).toHaveText('Queued');
  await expect(row).toContainText('It will be sent when Estait’s server is back.');
  await expect(status).toHaveAttribute('data-state', 'offline');
  await expect(side.getByText('No worker answers at')).toBeHidden();
  await side.screenshot({ path: info.outputPath('offline.png'), fullPage: true });

  // A read answers from what was saved, and says so.
  await type(side, SEARCH);
  await expect(side.getByTestId('search-result')).toHaveCount(homes);
  await expect(side.getByTestId('stale-note')).toHaveText(/^Saved (just now|1 min ago) — offline\.$/);
  await expect(status).toHaveAttribute('data-state', 'offline');
  await side.screenshot({ path: info.outputPath('offline-search.png'), fullPage: true });

  await worker.resume();
  // Nobody clicks anything: the panel's quiet re-check finds the worker and sends the queue.
  await expect(status).toHaveAttribute('data-state', 'connected', { timeout: 45_000 });
  await expect(status).toContainText('Connected');
  await expect(row).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
  await expect(row.getByTestId('outbox-state')).toHaveText('Saved');
  await side.screenshot({ path: info.outputPath('recovered.png'), fullPage: true });

  const notes = (await crm.activity()).filter((e) => e.intent === 'add_note');
  expect(notes).toHaveLength(1);
  expect(notes[0]).toMatchObject({ contactId: dana?.id, record: { text: 'pre-approved for 450k' } });
});
