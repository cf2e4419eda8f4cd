/**
 * An open panel through an outage of its worker: the status follows what the calls find, a write
 * typed while the worker is down is read locally, confirmed and queued, and once the worker is back
 * the panel says so on its own and the write lands exactly once.
 */
import type { Page } from '@playwright/test';
import { test as base, expect, localWorker } from './support/extension';
import { localCrm } from './support/local-crm';

/**
 * A worker apart from the one most files share, since this file stops and starts it under the panel
 * (sentences.spec.ts names the same fixture, so the two may share it; neither needs it empty).
 */
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
  await expect(side.getByTestId('read-here-note')).toHaveAttribute('data-cause', 'offline');
  await expect(side.getByTestId('read-here-note')).toContainText('this was read here');
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

  // More writes through the outage than Recent keeps of those that landed: every one stays in view,
  // and none says it is being sent while it waits (a round stops at the first that nothing answers).
  const rows = side.getByTestId('outbox-entry');
  for (let i = 2; i <= 7; i++) {
    await (await type(side, `note for Dana Whitlock: follow-up ${i}`)).getByRole('button', { name: /Confirm/ }).click();
    await expect(rows).toHaveCount(i);
    await expect(rows.first().getByTestId('outbox-state')).toHaveText('Queued');
  }
  await expect(rows.getByTestId('outbox-state')).toHaveText(Array(7).fill('Queued'));
  await expect(side.getByText('Saving…')).toHaveCount(0);
  await side.screenshot({ path: info.outputPath('offline.png'), fullPage: true });

  // A read answers from what was saved, and says so.
  await type(side, SEARCH);
  await expect(side.getByTestId('search-result')).toHaveCount(homes);
  await expect(side.getByTestId('stale-note')).toHaveText(/^Saved (just now|1 min ago) — offline\.$/);
  await expect(status).toHaveAttribute('data-state', 'offline');
  await side.screenshot({ path: info.outputPath('offline-search.png'), fullPage: true });

  // A search never run before has nothing saved: it says so, and the sentence stays to run again.
  const NEW_SEARCH = '2 bed condos in Denver under 300k';
  await type(side, NEW_SEARCH);
  await expect(side.getByTestId('search-error')).toHaveText(
    'This search isn’t saved on this computer. It will work when Estait’s server is back.',
  );
  await expect(side.getByTestId('command-input')).toHaveValue(NEW_SEARCH);

  // A draft needs the server: the message says why, and goes once the server is back.
  await type(side, 'text Dana Whitlock that the inspection is booked');
  const message = side.getByTestId('command-message');
  await expect(message).toContainText('Estait can’t reach its server right now.');

  await worker.resume();
  // Nobody clicks anything: the panel's quiet re-check finds the worker and sends the queue.
  await expect(status).toHaveAttribute('data-state', 'connected', { timeout: 45_000 });
  await expect(status).toContainText('Connected');
  await expect(message).toBeHidden();
  // All seven land; once landed, Recent keeps the newest six in view.
  await expect(rows.getByTestId('outbox-state')).toHaveText(Array(6).fill('Saved'), { timeout: 15_000 });
  await side.screenshot({ path: info.outputPath('recovered.png'), fullPage: true });

  const notes = (await crm.activity()).filter((e) => e.intent === 'add_note');
  expect(notes.map((n) => n.record?.text).sort()).toEqual(
    ['pre-approved for 450k', ...[2, 3, 4, 5, 6, 7].map((i) => `follow-up ${i}`)].sort(),
  );
  for (const note of notes) expect(note.contactId).toBe(dana?.id);
});
