import type { ParsedCommand } from '../shared/contracts';
import { test as base, expect } from './support/extension';
import { localCrm, localDay } from './support/local-crm';
import { confirmAndLand } from './support/panel';
import { startWorker } from './support/worker';

/**
 * This file's own worker, registered here (Playwright shares a worker fixture registered in one
 * place between the files that use it): the local CRM holds only what these tests put there, and
 * the day they list is theirs alone.
 */
const test = base.extend({
  worker: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
    async ({}, use) => {
      const worker = await startWorker();
      await use(worker);
      await worker.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
});

const DANA_PAGE = 'http://thewiseagent.com/secure/client/SUMMARY.asp?ClientID=48213';
const write = (intent: string, params: Record<string, unknown>) => ({ intent, confidence: 1, params }) as ParsedCommand;

test('a contact page of another CRM shows the brief of the same person here; Done on a task completes it once and the day lists it no more', async ({
  openTab,
  panel,
  worker,
}) => {
  const crm = localCrm(worker.url);
  const added = await crm.execute(
    write('add_lead', { firstName: 'Dana', lastName: 'Whitfield', email: 'dana.whitfield@example.com' }),
  );
  const contactId = added.status === 'done' ? added.crmId : '';
  await crm.execute(write('add_note', { contactId, text: 'Pre-approved with Hill Country Lending up to $520k' }));
  await crm.execute(write('log_call', { contactId, outcome: 'connected', notes: 'Wants to see Travis Heights this weekend' }));
  await crm.execute(write('create_task', { contactId, title: 'Send the seller disclosure', due: localDay(-2) }));
  await crm.execute(write('create_task', { contactId, title: 'Book the inspection', due: `${localDay(3)}T10:00` }));
  await crm.execute(
    write('schedule_showing', { contactId, address: '1402 Travis Heights Blvd, Austin, TX', start: `${localDay(1)}T15:30` }),
  );

  const { tabId } = await openTab(DANA_PAGE);
  const side = await panel(tabId);
  const brief = side.getByTestId('contact-brief');
  await expect(brief).toHaveAttribute('data-contact-id', contactId);
  await expect(brief.getByTestId('brief-name')).toHaveText('Dana Whitfield');
  await expect(brief.getByTestId('brief-entry')).toHaveText([
    /Call · connected.*Wants to see Travis Heights this weekend/,
    /Note.*Pre-approved with Hill Country Lending/,
  ]);
  await expect(brief.getByTestId('brief-task')).toHaveText([/Send the seller disclosure.*Overdue/, /Book the inspection.*Due/]);
  await expect(brief.getByTestId('brief-showing')).toContainText('3:30 PM');
  await expect(brief.getByTestId('brief-showing')).toContainText('1402 Travis Heights Blvd');

  await side.getByTestId('view-today').click();
  const day = side.getByTestId('agenda');
  await expect(day.getByTestId('agenda-item')).toHaveText([/Send the seller disclosure.*Overdue.*Dana Whitfield/]);
  await side.getByTestId('view-page').click();

  await brief.getByRole('button', { name: 'Done: Send the seller disclosure' }).click();
  const card = side.getByTestId('confirm-card');
  await expect(card.getByRole('radio', { name: /Send the seller disclosure/ })).toBeChecked();
  await confirmAndLand(side, card);
  await expect(brief.getByTestId('brief-task')).toHaveText([/Book the inspection/]);
  const done = (await crm.activity()).filter((e) => e.intent === 'complete_task');
  expect(done).toHaveLength(1);
  expect(done[0]).toMatchObject({ contactId, summary: 'Done: “Send the seller disclosure”' });

  await side.getByTestId('view-today').click();
  await expect(day.getByTestId('agenda-item')).toHaveCount(0);
  await expect(day).toContainText('Nothing due');
});

test('a task said done with nobody named is found among all open tasks; Done in a found contact’s brief comes back to it; a time passed is late', async ({
  panel,
  worker,
}) => {
  const crm = localCrm(worker.url);
  const added = await crm.execute(write('add_lead', { firstName: 'Priyanka', lastName: 'Raman', phone: '+15125550871' }));
  const contactId = added.status === 'done' ? added.crmId : '';
  await crm.execute(write('create_task', { contactId, title: 'Think about a closing gift' }));
  await crm.execute(write('create_task', { contactId, title: 'Pick up the disclosure packet', due: localDay(5) }));
  await crm.execute(write('create_task', { contactId, title: 'Text the lender first thing', due: `${localDay(0)}T00:01` }));

  const side = await panel();
  const box = side.getByTestId('command-input');
  await box.fill('mark the closing gift task done');
  await box.press('Enter');
  const card = side.getByTestId('confirm-card');
  await expect(card.getByRole('radio', { name: /Think about a closing gift/ })).toBeChecked();
  await expect(card.getByRole('radio')).toHaveCount(1);
  await confirmAndLand(side, card);

  // A name no one has: no lead to add for a task, and every open task offered to pick from.
  await box.fill('done with the Quimby call');
  await box.press('Enter');
  await expect(card.getByTestId('contact-none')).toContainText('No “Quimby” in your CRM.');
  await expect(card.getByLabel('Add them as a new lead first')).toHaveCount(0);
  await expect(card.getByTestId('task-pick')).toContainText('No open task matches “call”: pick one');
  await expect(card.getByRole('radio', { name: /Pick up the disclosure packet/ })).toBeVisible();
  await card.getByRole('button', { name: /Cancel/ }).click();

  await box.fill('who is Priyanka Raman');
  await box.press('Enter');
  const brief = side.getByTestId('contact-brief');
  await expect(brief.getByTestId('brief-task')).toHaveText([
    /Text the lender first thing.*Overdue · Today, 12:01 AM/,
    /Pick up the disclosure packet/,
  ]);
  await brief.getByRole('button', { name: 'Done: Pick up the disclosure packet' }).click();
  await confirmAndLand(side, card);
  // Back on her brief, read again once the write landed.
  await expect(brief.getByTestId('brief-task')).toHaveText([/Text the lender first thing/]);
  const done = (await crm.activity()).filter((e) => e.intent === 'complete_task' && e.contactId === contactId);
  expect(done.map((e) => e.summary).sort()).toEqual([
    'Done: “Pick up the disclosure packet”',
    'Done: “Think about a closing gift”',
  ]);
});
