import type { Page, TestInfo, Worker } from '@playwright/test';
import { expect, test } from './support/extension';
import { localCrm } from './support/local-crm';
import { confirmAndLand } from './support/panel';

/** An email from a lead in the agent's CRM inbox: Estait's own page, on a host the extension may read. */
const MESSAGE = 'http://thewiseagent.com/secure/email/message.html';
const LISTING = 'http://www.zillow.com/homedetails/1200-Barton-Hills-Dr-Austin-TX-78704/29384756_zpid/';

type OnClickData = { menuItemId: string; selectionText?: string; pageUrl: string; frameId: number; editable: boolean };
type Chrome = {
  chrome: {
    tabs: { get(id: number): Promise<object> };
    contextMenus: { onClicked: { dispatch(info: OnClickData, tab: object): void } };
  };
};

/** Selects an element's text in the page, as the agent would with the mouse. */
async function select(page: Page, selector: string): Promise<string> {
  return page.locator(selector).evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return selection?.toString() ?? '';
  });
}

/**
 * Clicks a menu entry: Playwright cannot open Chrome's context menu, so the service worker fires
 * its own `contextMenus.onClicked` event with what Chrome would pass — the listener the background
 * registered runs as on a real click. The selection Chrome passes has its lines run together.
 */
async function rightClick(sw: Worker, tabId: number, menuItemId: string, pageUrl: string, selected?: string) {
  const selectionText = selected?.replace(/\s+/g, ' ').trim();
  await sw.evaluate(
    async ({ tabId, info }) => {
      const { chrome } = globalThis as unknown as Chrome;
      chrome.contextMenus.onClicked.dispatch(info, await chrome.tabs.get(tabId));
    },
    { tabId, info: { menuItemId, pageUrl, frameId: 0, editable: false, ...(selectionText && { selectionText }) } },
  );
}

const shot = (side: Page, info: TestInfo, name: string) =>
  side.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true });

test('a selection opens the panel on its card: a signature is a lead, an email or phone a lookup, an address its details', async ({
  context,
  extensionId,
  openTab,
  panel,
  worker,
}, info) => {
  const sw = context.serviceWorkers().find((w) => w.url().includes(extensionId)) ?? (await context.waitForEvent('serviceworker'));
  const { page, tabId } = await openTab(MESSAGE);
  const crm = localCrm(worker.url);

  // A signature, right-clicked before the panel is open: the panel opens on the lead's card.
  await rightClick(sw, tabId, 'estait-selection', MESSAGE, await select(page, '#signature'));
  const side = await panel(tabId);
  const card = side.getByTestId('confirm-card');
  await expect(card.getByLabel('First name')).toHaveValue('Jane');
  await expect(card.getByLabel('Last name')).toHaveValue('Roe');
  await expect(card.getByLabel('Phone')).toHaveValue('(512) 555-0199');
  await expect(card.getByLabel('Email')).toHaveValue('jane.roe@kw.example');
  await expect(card.getByLabel('Notes')).toHaveValue('Broker Associate, Keller Williams Realty');
  // The card is what the agent sees: no banner repeating the selection beside it.
  await expect(side.getByTestId('handoff')).toHaveCount(0);
  await shot(side, info, 'lead-card');
  await confirmAndLand(side, card);
  expect(await crm.contacts('jane.roe@kw.example')).toEqual([
    expect.objectContaining({ firstName: 'Jane', lastName: 'Roe', phone: '+15125550199' }),
  ]);

  // "Call … at …" in a sentence, with the panel open: the lead is the person, not the verb.
  await rightClick(sw, tabId, 'estait-selection', MESSAGE, await select(page, '#sentence'));
  await expect(card.getByLabel('First name')).toHaveValue('Marcus');
  await expect(card.getByLabel('Last name')).toHaveValue('Bell');
  await expect(card.getByLabel('Phone')).toHaveValue('(737) 555-0142');
  await expect(card.getByLabel('Notes')).toHaveValue('');
  await card.getByRole('button', { name: /Cancel/ }).click();

  // A bare email of someone in the CRM: the contact, with what to do next.
  await rightClick(sw, tabId, 'estait-selection', MESSAGE, await select(page, '#email'));
  const found = side.getByTestId('contact-results');
  await expect(found).toContainText('Jane Roe');
  await expect(found.getByRole('button', { name: 'Add note' })).toBeVisible();
  await shot(side, info, 'lookup-found');
  await found.getByRole('button', { name: 'Add note' }).click();
  await expect(side.getByTestId('command-input')).toHaveValue('add a note to Jane Roe: ');

  // A phone no contact has: the lead to add, with the phone filled in.
  await rightClick(sw, tabId, 'estait-selection', MESSAGE, await select(page, '#phone'));
  const none = side.getByTestId('contact-none');
  await expect(none).toContainText('No contact matches “(512) 555-0177”');
  await shot(side, info, 'lookup-none');
  await none.getByRole('button', { name: 'Add as lead' }).click();
  await expect(card.getByLabel('Phone')).toHaveValue('(512) 555-0177');
  await expect(side.getByTestId('confirm-why')).toHaveText('No contact has (512) 555-0177: add them as a new lead.');
  await shot(side, info, 'lookup-add-lead');
  // A lead needs a name: the card says so rather than sending one without.
  await card.getByRole('button', { name: /Confirm/ }).click();
  await expect(side.getByTestId('confirm-problem')).toHaveText('The new lead needs a first name.');
  await card.getByRole('button', { name: /Cancel/ }).click();

  // An address over two lines: the property's details, the lines kept apart.
  await rightClick(sw, tabId, 'estait-selection', MESSAGE, await select(page, '#address'));
  await expect(side.getByTestId('read-card').locator('h2')).toHaveText('Property details: 3341 P St NW, Washington, DC 20007');
  await shot(side, info, 'address');

  // Text that is none of these: in the command box with a hint, never declined in silence.
  await rightClick(sw, tabId, 'estait-selection', MESSAGE, await select(page, '#remarks'));
  await expect(side.getByTestId('command-input')).toHaveValue('Offers due Monday; the sellers prefer a quick close.');
  await expect(side.getByTestId('command-hint')).toContainText('Say what to do with it');
  await expect(side.getByTestId('read-card')).toHaveCount(0);
  await shot(side, info, 'text-hint');
  // Anything the agent does next ends it.
  await side.getByTestId('command-input').fill('who is Jane Roe');
  await expect(side.getByTestId('command-hint')).toHaveCount(0);

  // The lead landed once, for all the cards shown since.
  expect(await crm.contacts('Roe')).toHaveLength(1);
  expect(await crm.contacts('Bell')).toHaveLength(0);
});

test('"Add this listing’s agent to CRM" opens the panel on the listing agent’s lead card', async ({
  context,
  extensionId,
  openTab,
  panel,
}, info) => {
  const sw = context.serviceWorkers().find((w) => w.url().includes(extensionId)) ?? (await context.waitForEvent('serviceworker'));
  const { tabId } = await openTab(LISTING);
  const side = await panel(tabId);
  await expect(side.getByTestId('listing-card')).toBeVisible();
  await rightClick(sw, tabId, 'estait-add-listing-agent', LISTING);
  const card = side.getByTestId('confirm-card');
  await expect(card.getByLabel('First name')).toHaveValue('Maria');
  await expect(card.getByLabel('Last name')).toHaveValue('Alvarez');
  await expect(card.getByLabel('Phone')).toHaveValue('(512) 555-0110');
  await shot(side, info, 'listing-agent');
});
