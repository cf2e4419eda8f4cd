import { ContactsResponse, SessionTokens } from '../shared/contracts';
import { expect, test } from './support/extension';

/** The local CRM as the worker sees it, asked directly. */
async function contacts(workerUrl: string, query: string) {
  const { accessToken } = SessionTokens.parse(await (await fetch(`${workerUrl}/v1/auth/local`, { method: 'POST' })).json());
  const res = await fetch(`${workerUrl}/v1/contacts?query=${encodeURIComponent(query)}`, {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  return ContactsResponse.parse(await res.json()).contacts;
}

test('typing shows the preview; a write waits on the confirm card; confirming saves it in the CRM', async ({ panel, worker }) => {
  const side = await panel();
  const box = side.getByTestId('command-input');
  await box.fill('add Nadia Petrova 512-555-0188 wants a condo downtown');
  await expect(side.getByTestId('command-preview')).toHaveAttribute('data-intent', 'add_lead');
  await expect(side.getByTestId('command-preview')).toContainText('Add lead · Nadia Petrova · +15125550188');

  await box.press('Enter');
  const card = side.getByTestId('confirm-card');
  await expect(card.getByLabel('First name')).toHaveValue('Nadia');
  await expect(card.getByLabel('Phone', { exact: true })).toHaveValue('(512) 555-0188');
  expect(await contacts(worker.url, 'Nadia')).toEqual([]);

  await card.getByLabel('Notes').fill('wants a condo downtown, pre-approved');
  await card.getByLabel('Notes').press('Enter');
  await expect(card).toHaveCount(0);
  const saved = side.getByTestId('outbox-entry').first();
  await expect(saved).toHaveAttribute('data-state', 'done');
  await expect(saved).toContainText('Added lead Nadia Petrova');
  expect(await contacts(worker.url, 'Nadia')).toEqual([
    expect.objectContaining({ firstName: 'Nadia', lastName: 'Petrova', phone: '+15125550188' }),
  ]);

  // ↑ recalls the command; Esc cancels a confirm card without writing.
  await box.press('ArrowUp');
  await expect(box).toHaveValue('add Nadia Petrova 512-555-0188 wants a condo downtown');
  await box.press('Enter');
  await expect(card).toBeVisible();
  await card.getByLabel('First name').press('Escape');
  await expect(card).toHaveCount(0);
  expect(await contacts(worker.url, 'Nadia')).toHaveLength(1);
});

test('"add the listing agent as a lead" on a listing page adds the agent to the CRM', async ({ openTab, panel, worker }) => {
  const { tabId } = await openTab('http://www.zillow.com/homedetails/1200-Barton-Hills-Dr-Austin-TX-78704/29384756_zpid/');
  const side = await panel(tabId);
  await expect(side.getByTestId('listing-card')).toBeVisible();
  await side.getByTestId('command-input').fill('add the listing agent as a lead');
  await side.getByTestId('command-input').press('Enter');
  const card = side.getByTestId('confirm-card');
  await expect(card.getByLabel('First name')).toHaveValue('Maria');
  await expect(card.getByLabel('Last name')).toHaveValue('Alvarez');
  await card.getByRole('button', { name: /Confirm/ }).click();
  await expect(side.getByTestId('outbox-entry').first()).toContainText('Added lead Maria Alvarez');
  expect(await contacts(worker.url, 'Alvarez')).toEqual([expect.objectContaining({ phone: '+15125550110' })]);
});

test('reads run at once: contacts are found, drafts are written, unsafe requests are declined', async ({ panel, worker }) => {
  const side = await panel();
  const box = side.getByTestId('command-input');
  await box.fill('new lead Omar Haddad omar@haddad.example');
  await box.press('Enter');
  await side.getByTestId('confirm-card').getByLabel('First name').press('Enter');
  await expect(side.getByTestId('outbox-entry').first()).toHaveAttribute('data-state', 'done');

  await box.fill('find contact Omar');
  await box.press('Enter');
  await expect(side.getByTestId('contact-results')).toContainText('Omar Haddad');

  await box.fill('text Omar Haddad that the showing is confirmed');
  await box.press('Enter');
  await expect(side.getByTestId('draft-text')).toHaveText('Hi Omar, I wanted to let you know that the showing is confirmed.');
  await expect(side.getByTestId('draft-notice')).toContainText('No consent to texts is recorded for Omar Haddad');

  await box.fill('delete all my contacts');
  await box.press('Enter');
  await expect(side.getByTestId('command-message')).toContainText('could not tell');
  expect(await contacts(worker.url, 'Omar')).toHaveLength(1);
});

test('a lead already in the CRM is offered as a note on that contact instead', async ({ panel, worker }) => {
  const side = await panel();
  const box = side.getByTestId('command-input');
  await box.fill('add Lena Ortiz lena@ortiz.example');
  await box.press('Enter');
  await side.getByTestId('confirm-card').getByLabel('First name').press('Enter');
  await expect(side.getByTestId('outbox-entry').first()).toHaveAttribute('data-state', 'done');

  await box.fill('add Lena Ortiz lena@ortiz.example wants a bigger yard now');
  await box.press('Enter');
  await side.getByTestId('confirm-card').getByLabel('First name').press('Enter');
  await expect(side.getByTestId('confirm-why')).toContainText('Lena Ortiz is already in your CRM');
  const note = side.getByTestId('confirm-card').getByLabel('Note');
  await expect(note).toHaveValue('wants a bigger yard now');
  await note.press('Enter');
  await expect(side.getByTestId('outbox-entry').first()).toContainText('Note for Lena Ortiz');
  expect(await contacts(worker.url, 'Lena')).toHaveLength(1);
});

test('consent to texts is recorded from the confirm card, and a text to that lead needs no reminder', async ({
  panel,
  worker,
}) => {
  const side = await panel();
  const box = side.getByTestId('command-input');
  await box.fill('add lead Priya Raman 512-555-0142');
  await box.press('Enter');
  const card = side.getByTestId('confirm-card');
  await card.getByLabel('They agreed to calls and texts').check();
  await card.getByLabel('How (e.g. open-house sign-in sheet)').fill('Open-house sign-in sheet');
  await card.getByRole('button', { name: /Confirm/ }).click();
  await expect(side.getByTestId('outbox-entry').first()).toHaveAttribute('data-state', 'done');
  const [priya] = await contacts(worker.url, 'Priya');
  expect(priya?.consent).toMatchObject({ channels: ['sms', 'call'], source: 'Open-house sign-in sheet' });

  await box.fill('text Priya Raman that the open house starts at 1');
  await box.press('Enter');
  await expect(side.getByTestId('draft-text')).toContainText('Hi Priya');
  await expect(side.getByTestId('draft-notice')).toHaveCount(0);
});
