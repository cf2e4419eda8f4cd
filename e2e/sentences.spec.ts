/**
 * One sentence, the right write, on the worker's own CRM: each family of sentences typed into the
 * real panel, the card checked, the write confirmed, and what landed read back from the CRM.
 */
import type { Page } from '@playwright/test';
import { test as base, expect, localWorker } from './support/extension';
import { localCrm, localDay } from './support/local-crm';
import { confirmAndLand } from './support/panel';

/**
 * A worker apart from the one most files share (outage.spec.ts may share this one): each test reads
 * back from the CRM by the names it wrote, so another file's writes do not count.
 */
const test = base.extend({ worker: localWorker });

const LISTING = 'http://www.zillow.com/homedetails/1200-Barton-Hills-Dr-Austin-TX-78704/29384756_zpid/';

async function type(side: Page, sentence: string) {
  const box = side.getByTestId('command-input');
  await box.fill(sentence);
  await box.press('Enter');
  return side.getByTestId('confirm-card');
}

test('"him" after adding the listing agent is that agent; hours mean the working day; a showing here is this listing', async ({
  openTab,
  panel,
  worker,
}) => {
  const crm = localCrm(worker.url);
  const { tabId } = await openTab(LISTING);
  const side = await panel(tabId);
  await expect(side.getByTestId('listing-card')).toBeVisible();

  await confirmAndLand(side, await type(side, 'add the listing agent as a lead'));
  const [agent] = await crm.contacts('Alvarez');
  expect(agent).toMatchObject({ firstName: 'Maria', lastName: 'Alvarez' });

  const task = await type(side, 'remind me to call him tomorrow at 10');
  await expect(task.getByTestId('contact-reference')).toContainText('“him” → Maria Alvarez, added just now');
  await expect(task.getByTestId('contact-match')).toHaveAttribute('data-contact-id', agent?.id ?? '');
  await expect(task.getByTestId('when-text')).toContainText('10:00 AM');
  await confirmAndLand(side, task);

  const showing = await type(side, 'set up a showing here with her tomorrow at 3:30');
  await expect(showing.getByLabel('Address')).toHaveValue('1200 Barton Hills Dr, Austin, TX 78704');
  await expect(showing.getByTestId('when-text')).toContainText('3:30 PM');
  await expect(showing.getByTestId('contact-match')).toContainText('Maria Alvarez');
  await confirmAndLand(side, showing);

  const [showingRow, taskRow] = await crm.activity();
  expect(taskRow).toMatchObject({
    intent: 'create_task',
    contactId: agent?.id,
    record: { title: 'call him', due: `${localDay(1)}T10:00` },
  });
  expect(showingRow).toMatchObject({
    intent: 'schedule_showing',
    contactId: agent?.id,
    record: { address: '1200 Barton Hills Dr, Austin, TX 78704', start: `${localDay(1)}T15:30` },
  });
});

test('a write cannot be confirmed without its target: none offers a new lead first, several a pick, and editing the name re-resolves', async ({
  openTab,
  panel,
  worker,
}) => {
  const crm = localCrm(worker.url);
  const side = await panel();

  // Someone not in the CRM: the card says so and offers to add them; both writes land, in order.
  const task = await type(side, 'remind me to call Zed Quill tomorrow at 9');
  await expect(task.getByTestId('contact-none')).toContainText('No “Zed Quill” in your CRM.');
  await expect(task).toHaveAttribute('data-blocked', 'true');
  await expect(task.getByRole('button', { name: /Confirm/ })).toBeDisabled();
  await task.getByLabel('Add them as a new lead first').check();
  await expect(task.getByLabel('New lead’s last name')).toHaveValue('Quill');
  await task.getByLabel('New lead’s phone').fill('(512) 555-0100');
  await confirmAndLand(side, task, 2);
  const [zed] = await crm.contacts('Zed Quill');
  expect(zed).toMatchObject({ firstName: 'Zed', lastName: 'Quill', phone: '+15125550100' });
  const [taskRow, leadRow] = await crm.activity();
  expect(leadRow).toMatchObject({ intent: 'add_lead', contactId: zed?.id });
  expect(taskRow).toMatchObject({ intent: 'create_task', contactId: zed?.id, record: { due: `${localDay(1)}T09:00` } });

  // Two contacts answer to the name: a pick is required; typing the whole name settles it.
  const soto = await crm.execute({ intent: 'add_lead', confidence: 1, params: { firstName: 'Ana', lastName: 'Soto' } });
  await crm.execute({ intent: 'add_lead', confidence: 1, params: { firstName: 'Ana', lastName: 'Silva' } });
  const note = await type(side, 'note for Ana: wants a cul-de-sac');
  await expect(note.getByTestId('contact-choices').getByRole('radio')).toHaveCount(2);
  await expect(note.getByRole('button', { name: /Confirm/ })).toBeDisabled();
  await note.getByLabel('Contact', { exact: true }).fill('ana soto');
  await expect(note.getByTestId('contact-match')).toHaveAttribute('data-contact-id', soto.contact?.id ?? '');
  await confirmAndLand(side, note);
  expect((await crm.activity())[0]).toMatchObject({
    intent: 'add_note',
    contactId: soto.contact?.id,
    record: { text: 'wants a cul-de-sac' },
  });

  // A note about the listing names no one: it waits for a contact.
  const { tabId } = await openTab(LISTING);
  const listingSide = await panel(tabId);
  const aboutListing = await type(listingSide, 'note on this listing: seller is motivated');
  await expect(aboutListing.getByTestId('confirm-problem')).toHaveText('Say who this is for.');
  await aboutListing.getByLabel('Note').press('Enter');
  await aboutListing.getByLabel('Contact', { exact: true }).fill('Zed Quill');
  await expect(aboutListing.getByTestId('contact-match')).toHaveAttribute('data-contact-id', zed?.id ?? '');
  await confirmAndLand(listingSide, aboutListing);
  expect((await crm.activity())[0]).toMatchObject({
    intent: 'add_note',
    contactId: zed?.id,
    record: { text: 'About 1200 Barton Hills Dr, Austin, TX 78704: seller is motivated' },
  });
});

test('fields take what people type: any phone format, a local number with the saved area code, dates in words', async ({
  context,
  extensionId,
  panel,
  worker,
}) => {
  const crm = localCrm(worker.url);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Your area code').fill('737');
  await options.getByLabel('Your area code').press('Enter');
  await expect(options.getByRole('status').last()).toContainText('Saved');

  const side = await panel();
  const lead = await type(side, 'new lead Olu Ade');
  await lead.getByLabel('Last name').fill('Adeyemi');
  await lead.getByLabel('Phone', { exact: true }).fill('555.0142');
  await confirmAndLand(side, lead);
  expect(await crm.contacts('Olu')).toEqual([expect.objectContaining({ lastName: 'Adeyemi', phone: '+17375550142' })]);

  const dayOnly = await type(side, 'remind me to renew my license tomorrow');
  await expect(dayOnly.getByTestId('when-text')).toHaveText(/^\w{3}, \w{3} \d{1,2}$/);
  await expect(dayOnly.getByLabel('Due time')).toHaveValue('');
  await dayOnly.getByRole('button', { name: /Cancel/ }).click();

  const task = await type(side, 'remind me to send Olu Adeyemi the disclosures');
  await expect(task.getByTestId('when-text')).toHaveText('No due date');
  await task.getByPlaceholder('or type it: next friday 10am').fill('tomorrow 4:15pm');
  await task.getByPlaceholder('or type it: next friday 10am').press('Enter');
  await expect(task.getByTestId('when-text')).toContainText('4:15 PM');
  await expect(task.getByLabel('Due time')).toHaveValue('16:15');
  await task.getByLabel('Due time').fill('02:00');
  await expect(task.getByTestId('when-warning')).toContainText('at night');
  await task.getByLabel('Due time').fill('16:15');
  await confirmAndLand(side, task);
  expect((await crm.activity())[0]).toMatchObject({
    intent: 'create_task',
    record: { title: 'send Olu Adeyemi the disclosures', due: `${localDay(1)}T16:15` },
  });
});

test('slips, couples and accents are read as meant; a decline offers the nearest commands', async ({ panel, worker }) => {
  const crm = localCrm(worker.url);
  const side = await panel();

  const lead = await type(side, 'ad new leed José Ñúñez jose@nunez.example');
  await expect(lead.getByLabel('First name')).toHaveValue('José');
  await expect(lead.getByLabel('Last name')).toHaveValue('Ñúñez');
  await confirmAndLand(side, lead);

  for (const query of ['jose', 'NUNEZ', 'Ñúñez']) {
    await side.getByTestId('command-input').fill(`find contact ${query}`);
    await side.getByTestId('command-input').press('Enter');
    await expect(side.getByTestId('contact-results')).toContainText('José Ñúñez');
  }

  const couple = await type(side, 'add Jake & Emily Turner 512-555-0144 relocating from Denver');
  await expect(couple.getByLabel('First name')).toHaveValue('Jake & Emily');
  await confirmAndLand(side, couple);
  expect(await crm.contacts('Turner')).toEqual([expect.objectContaining({ firstName: 'Jake & Emily', lastName: 'Turner' })]);

  const call = await type(side, 'spoke w/ jose nunez, wants to see condos');
  await expect(call.getByTestId('contact-match')).toContainText('José Ñúñez');
  await expect(call.getByLabel('Outcome')).toHaveValue('connected');
  await confirmAndLand(side, call);
  expect((await crm.activity())[0]).toMatchObject({ intent: 'log_call', record: { outcome: 'connected' } });

  await side.getByTestId('command-input').fill("text 512-555-0199 that I'm running 10 min late");
  await side.getByTestId('command-input').press('Enter');
  await expect(side.getByTestId('draft-to')).toHaveText('To (512) 555-0199');
  await expect(side.getByTestId('draft-text')).toContainText('running 10 min late');
  await expect(side.getByTestId('draft-text')).not.toContainText('The home is');

  await side.getByTestId('command-input').fill('Olu tmrw 10 voicemail??');
  await side.getByTestId('command-input').press('Enter');
  await expect(side.getByTestId('command-message')).toContainText('could not tell');
  const suggestion = side.getByTestId('command-suggestions').getByRole('button').first();
  const offered = await suggestion.textContent();
  await suggestion.click();
  await expect(side.getByTestId('command-input')).toHaveValue(offered ?? '');
  await expect(side.getByTestId('command-preview')).not.toHaveAttribute('data-intent', 'unknown');
});

test('on another CRM\'s contact page, "her" is that person: added first with the page\'s details, then found by them', async ({
  openTab,
  panel,
  worker,
}) => {
  const crm = localCrm(worker.url);
  const { tabId } = await openTab('http://thewiseagent.com/secure/client/SUMMARY.asp?ClientID=48213');
  const side = await panel(tabId);
  await expect(side.getByTestId('contact-card')).toBeVisible();

  const first = await type(side, 'note: wants to be near good schools');
  await expect(first.getByTestId('contact-none')).toContainText('No “Dana Whitfield” in your CRM.');
  await first.getByLabel('Add them as a new lead first').check();
  await expect(first.getByLabel('New lead’s phone')).toHaveValue('(512) 555-0177');
  await expect(first.getByLabel('New lead’s email')).toHaveValue('dana.whitfield@example.com');
  await confirmAndLand(side, first, 2);
  const [dana] = await crm.contacts('Whitfield');
  expect(dana).toMatchObject({ phone: '+15125550177', email: 'dana.whitfield@example.com' });

  const again = await type(side, 'left her a voicemail about the school district');
  await expect(again.getByTestId('contact-match')).toHaveAttribute('data-contact-id', dana?.id ?? '');
  await confirmAndLand(side, again);
  expect(await crm.contacts('Whitfield')).toHaveLength(1);
  expect((await crm.activity())[0]).toMatchObject({
    intent: 'log_call',
    contactId: dana?.id,
    record: { outcome: 'left_voicemail' },
  });
});

test('a showing with no property yet says why it cannot be confirmed, also for a new lead', async ({ panel }) => {
  const side = await panel();
  const card = await type(side, 'showing with Zoltan Imre friday 10');
  await card.getByLabel('Add them as a new lead first').check();
  await expect(card.getByTestId('confirm-problem')).toHaveText('Say which property the showing is for.');
  await expect(card.getByRole('button', { name: /Confirm/ })).toBeDisabled();
});
