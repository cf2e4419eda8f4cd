import type { Frame, Page, Worker } from '@playwright/test';
import { expect, test } from './support/extension';
import { localCrm } from './support/local-crm';

const HOSTILE = 'http://www.realtor.com/news/trends/open-houses-this-weekend/';
const LISTING = 'http://www.zillow.com/homedetails/1200-Barton-Hills-Dr-Austin-TX-78704/29384756_zpid/';

type Chrome = {
  chrome: {
    tabs: { get(id: number): Promise<object> };
    commands: { onCommand: { dispatch(command: string, tab: object): void } };
  };
};

/** Presses the palette shortcut: the browser's own command event, dispatched in the service worker to its real listener. */
async function pressShortcut(sw: Worker, tabId: number): Promise<void> {
  await sw.evaluate(async (id) => {
    const { chrome } = globalThis as unknown as Chrome;
    chrome.commands.onCommand.dispatch('open-palette', await chrome.tabs.get(id));
  }, tabId);
}

async function paletteFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().includes('/palette.html'))).toBe(true);
  const frame = page.frames().find((f) => f.url().includes('/palette.html'));
  if (!frame) throw new Error('no palette frame');
  await expect(frame.getByTestId('palette-input')).toBeFocused();
  return frame;
}

const serviceWorker = (page: Page, extensionId: string) => {
  const sw = page
    .context()
    .serviceWorkers()
    .find((w) => w.url().includes(extensionId));
  if (!sw) throw new Error('no service worker');
  return sw;
};

test('the shortcut puts the palette over a hostile page, answers a search, lands a write, and Esc leaves the page as it was', async ({
  openTab,
  extensionId,
  worker,
}) => {
  const { page, tabId } = await openTab(HOSTILE);
  const sw = serviceWorker(page, extensionId);
  await page.evaluate(() => document.getElementById('question')?.focus());
  const before = await page.evaluate(() => document.documentElement.outerHTML);

  await pressShortcut(sw, tabId);
  const frame = await paletteFrame(page);
  // Nothing of the page's styles reaches the palette: its box and type keep their own sizes.
  const box = await frame.getByTestId('palette').boundingBox();
  expect(box?.width).toBeGreaterThan(300);
  expect(box?.width).toBeLessThanOrEqual(640);
  expect(await frame.getByTestId('palette-input').evaluate((el) => getComputedStyle(el).fontSize)).toBe('16px');
  // `caret: 'initial'`: the default hides the page's caret by styling its text box, which would change the page.
  await page.screenshot({ path: test.info().outputPath('palette-hostile.png'), caret: 'initial' });

  // A read answers inline.
  const input = frame.getByTestId('palette-input');
  await input.fill('3 bed homes in Austin under 900k');
  await expect(frame.getByRole('option').first()).toContainText('Search listings');
  await input.press('Enter');
  await expect(frame.getByTestId('search-results')).toBeVisible();

  // A write shows the confirm card here and, confirmed, lands once in the CRM.
  await input.fill('add lead Ngozi Adeyemi 512-555-0942 ngozi@adeyemi.example');
  await input.press('Enter');
  const card = frame.getByTestId('confirm-card');
  await expect(card.getByLabel('First name')).toHaveValue('Ngozi');
  await card.getByRole('button', { name: /Confirm/ }).click();
  await expect(frame.getByTestId('outbox-entry').first()).toHaveAttribute('data-state', 'done');
  expect(await localCrm(worker.url).contacts('Ngozi Adeyemi')).toEqual([expect.objectContaining({ phone: '+15125550942' })]);
  // The contact just written is found by the next keystrokes.
  await input.fill('adeyem');
  await expect(frame.locator('[role=option][data-kind=contact]').first()).toContainText('Ngozi Adeyemi');

  // Esc closes it: the page's DOM and focus are as before.
  await frame.getByTestId('palette-input').press('Escape');
  await expect(page.locator('estait-palette')).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('question');
});

test('contacts and listings seen before are found as they are typed, with their quick actions', async ({
  openTab,
  panel,
  extensionId,
  worker,
}) => {
  // A contact, a note, a search and a save, each read back: longer than one step.
  test.setTimeout(60_000);
  const added = await localCrm(worker.url).execute({
    intent: 'add_lead',
    confidence: 1,
    params: { firstName: 'Thandiwe', lastName: 'Okonkwo', phone: '+15125550931' },
  });
  expect(added.status).toBe('done');
  // The panel's contact search keeps what the CRM answered; the listing page's details are cached too.
  const { page, tabId } = await openTab(LISTING);
  const side = await panel(tabId);
  await side.getByTestId('command-input').fill('find contact Thandiwe Okonkwo');
  await side.getByTestId('command-input').press('Enter');
  await expect(side.getByTestId('contact-results')).toContainText('Thandiwe Okonkwo');
  await expect(side.getByTestId('property-insights')).toBeVisible();
  await side.close();

  await page.bringToFront();
  await pressShortcut(serviceWorker(page, extensionId), tabId);
  const frame = await paletteFrame(page);
  const input = frame.getByTestId('palette-input');
  // Shown before a word is typed: this page's own actions.
  await expect(frame.getByRole('option').first()).toContainText('Add the listing agent as a lead');

  await input.fill('okonk');
  const contact = frame.locator('[role=option][data-kind=contact]').first();
  await expect(contact).toContainText('Thandiwe Okonkwo');
  // A slip of the keys still finds her.
  await input.fill('thandiwe okonwko');
  await expect(contact).toContainText('Thandiwe Okonkwo');
  await input.press('ArrowDown');
  await expect(frame.getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true');
  await input.press('Enter');
  await expect(frame.getByTestId('palette-contact')).toContainText('Thandiwe Okonkwo');
  await frame.getByRole('button', { name: 'Add a note' }).press('Enter');
  await expect(input).toHaveValue('note for Thandiwe Okonkwo: ');
  await input.pressSequentially('prefers morning showings');
  await input.press('Enter');
  const card = frame.getByTestId('confirm-card');
  await expect(card).toBeVisible();
  await expect(card).toContainText('Thandiwe Okonkwo');
  await card.getByRole('button', { name: /Confirm/ }).click();
  await expect(frame.getByTestId('outbox-entry').first()).toHaveAttribute('data-state', 'done');
  const [thandiwe] = await localCrm(worker.url).contacts('Thandiwe Okonkwo');
  const notes = (await localCrm(worker.url).activity()).filter((a) => a.intent === 'add_note' && a.contactId === thandiwe?.id);
  expect(notes).toEqual([expect.objectContaining({ record: expect.objectContaining({ text: 'prefers morning showings' }) })]);

  // A search run here keeps its homes: the next keystrokes find them.
  await input.fill('condos in Austin');
  await input.press('Enter');
  const home = frame.getByTestId('search-result').first();
  await expect(home).toBeVisible();
  const street = ((await home.locator('span').nth(1).textContent()) ?? '').split(',')[0]?.trim() ?? '';
  await input.fill(street.toLowerCase());
  const found = frame.locator('[role=option][data-kind=listing]').first();
  await expect(found).toContainText(street);

  // Saved to a contact from there, the card is for the home picked, not the listing the tab shows.
  await found.click();
  const picked = frame.getByTestId('palette-listing');
  const address = (await picked.getByRole('heading').textContent()) ?? '';
  expect(address).toContain(street);
  await picked.getByRole('button', { name: 'Save to a contact' }).click();
  await expect(card.getByTestId('confirm-why')).toHaveText('Who is interested in this listing?');
  await expect(card.getByTestId('saved-listing')).toContainText(street);
  await expect(card.getByLabel('Contact', { exact: true })).toBeFocused();
  await page.keyboard.type('Thandiwe Okonkwo');
  await expect(card.getByTestId('contact-match')).toContainText('Thandiwe Okonkwo');
  await card.getByRole('button', { name: /Confirm/ }).click();
  // Confirmed, the palette is back on the home; the save lands once, for her.
  await expect(picked).toBeVisible();
  const saves = async () =>
    (await localCrm(worker.url).activity()).filter((a) => a.intent === 'save_listing' && a.contactId === thandiwe?.id);
  await expect
    .poll(saves)
    .toEqual([expect.objectContaining({ record: expect.objectContaining({ listing: expect.objectContaining({ address }) }) })]);
});

test('where no script may run, the shortcut opens the side panel instead', async ({ context, extensionId }) => {
  const sw = context.serviceWorkers().find((w) => w.url().includes(extensionId));
  if (!sw) throw new Error('no service worker');
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const handoff = await sw.evaluate(async () => {
    const { chrome } = globalThis as unknown as Chrome & {
      chrome: {
        tabs: { query(q: object): Promise<{ id: number }[]> };
        storage: { session: { get(k: string): Promise<Record<string, unknown>> } };
      };
    };
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    chrome.commands.onCommand.dispatch('open-palette', { ...tab, url: 'chrome://settings/' });
    await new Promise((r) => setTimeout(r, 300));
    return (await chrome.storage.session.get('handoff')).handoff;
  });
  expect(handoff).toEqual(expect.objectContaining({ action: 'open_palette' }));
});

test('a palette page a site frames itself stays blank and gets nothing from the background', async ({ openTab, extensionId }) => {
  const { page } = await openTab(LISTING);
  await page.evaluate((id) => {
    const frame = document.createElement('iframe');
    frame.src = `chrome-extension://${id}/palette.html`;
    frame.addEventListener('load', () => {
      const channel = new MessageChannel();
      frame.contentWindow?.postMessage({ estaitPalette: 'x'.repeat(43) }, '*', [channel.port2]);
    });
    document.body.append(frame);
  }, extensionId);
  await expect.poll(() => page.frames().some((f) => f.url().includes('/palette.html'))).toBe(true);
  const framed = page.frames().find((f) => f.url().includes('/palette.html'));
  if (!framed) throw new Error('no frame');
  await page.waitForTimeout(1000);
  await expect(framed.getByTestId('palette')).toHaveCount(0);
  const answer = await framed.evaluate(() =>
    (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage({
      type: 'palette-entries',
      since: 0,
    }),
  );
  // No handler answers it: the message port closes with nothing.
  expect(answer ?? undefined).toBeUndefined();
});

test('a contact in the palette shows their brief; Done on a task there lands once and the brief drops it', async ({
  openTab,
  panel,
  extensionId,
  worker,
}) => {
  const crm = localCrm(worker.url);
  const added = await crm.execute({
    intent: 'add_lead',
    confidence: 1,
    params: { firstName: 'Ngozi', lastName: 'Abernathy', phone: '+15125550944' },
  });
  const contactId = added.status === 'done' ? added.crmId : '';
  for (const title of ['Send Ngozi the HOA bylaws', 'Confirm the walkthrough time'])
    await crm.execute({ intent: 'create_task', confidence: 1, params: { contactId, title } });
  const { page, tabId } = await openTab(LISTING);
  const side = await panel(tabId);
  await side.getByTestId('command-input').fill('find contact Ngozi Abernathy');
  await side.getByTestId('command-input').press('Enter');
  await expect(side.getByTestId('contact-results').getByTestId('brief-task')).toHaveCount(2);
  await side.close();

  await page.bringToFront();
  await pressShortcut(serviceWorker(page, extensionId), tabId);
  const frame = await paletteFrame(page);
  const input = frame.getByTestId('palette-input');
  await input.fill('ngozi aber');
  const found = frame.locator('[role=option][data-kind=contact]').first();
  await expect(found).toContainText('Ngozi Abernathy');
  await found.click();
  const brief = frame.getByTestId('palette-contact').getByTestId('contact-brief');
  await expect(brief.getByTestId('brief-task')).toHaveText([/Confirm the walkthrough time/, /Send Ngozi the HOA bylaws/]);
  await brief.getByRole('button', { name: 'Done: Send Ngozi the HOA bylaws' }).click();
  const card = frame.getByTestId('confirm-card');
  await expect(card.getByRole('radio', { name: /Send Ngozi the HOA bylaws/ })).toBeChecked();
  await card.getByRole('button', { name: /Confirm/ }).click();
  // Back on the contact, the brief is read again once the write has landed.
  await expect(brief.getByTestId('brief-task')).toHaveText([/Confirm the walkthrough time/]);
  const done = (await crm.activity()).filter((a) => a.intent === 'complete_task' && a.contactId === contactId);
  expect(done).toHaveLength(1);
});
