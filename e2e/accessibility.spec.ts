import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import type { Frame, Page, Worker } from '@playwright/test';
import type { AxeResults, Result } from 'axe-core';
import { expect, test } from './support/extension';
import { localCrm } from './support/local-crm';

const LISTING = 'http://www.zillow.com/homedetails/1200-Barton-Hills-Dr-Austin-TX-78704/29384756_zpid/';
const SEARCH_PAGE = 'http://www.zillow.com/austin-tx/';
/** Chrome's side panel is narrow: the panel is checked at its width, where its rows wrap. */
const SIDE_PANEL = { width: 400, height: 800 };
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Only what blocks or badly hinders an agent on a screen reader or with low vision fails the check. */
function expectNoSeriousViolations(where: string, results: AxeResults): void {
  // What axe found at each step, kept with the test's results (the JSON and HTML reports show it).
  test.info().annotations.push({
    type: 'axe',
    description: `${where}: ${results.passes.length} rules pass, ${results.violations.length} fail (${results.violations.map((v) => `${v.id} ${v.impact}`).join(', ') || 'none'}), ${results.incomplete.length} need review`,
  });
  const serious = results.violations.filter((v: Result) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.any[0]?.message ?? n.failureSummary}`).join('\n')}`,
  );
  expect.soft(report, `${where}:\n${report.join('\n')}`).toEqual([]);
}

/** Both colour schemes: the panel follows the system's, and dark has its own contrast to keep. */
async function scan(where: string, page: Page): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expectNoSeriousViolations(`${where} (${colorScheme})`, await new AxeBuilder({ page }).withTags(TAGS).analyze());
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/**
 * The palette's frame sits in a closed shadow root, where axe's frame walk from the page cannot
 * reach: axe runs inside the frame itself (evaluated over the debugger protocol, so the extension
 * page's script policy does not stand in the way).
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
async function scanFrame(where: string, page: Page, frame: Frame): Promise<void> {
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(AXE_SOURCE);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await frame.evaluate(
      (tags) =>
        (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResults> } }).axe.run(document, {
          runOnly: { type: 'tag', values: tags },
        }),
      TAGS,
    );
    expectNoSeriousViolations(`${where} (${colorScheme})`, results);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

type Stop = { name: string; marked: boolean };

/**
 * Walks the page by Tab, from wherever focus is, until it comes round again: each control reached, named as
 * a screen reader would roughly name it, and whether it shows where focus is: an outline, or a ring (a shadow
 * with a spread, which a plain drop shadow lacks).
 */
async function tabWalk(page: Page, frame: Frame | Page = page): Promise<Stop[]> {
  const stops: Stop[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const stop = await frame.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return { key: 'outside', name: 'outside', marked: true };
      const style = getComputedStyle(el);
      const outlined = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
      const label = (el as HTMLInputElement).labels?.[0]?.textContent?.trim();
      const name = el.getAttribute('aria-label') ?? (label || el.textContent?.trim() || '');
      return {
        key: `${el.tagName}#${Array.from(document.querySelectorAll('*')).indexOf(el)}`,
        name: `${el.tagName.toLowerCase()} ${name.slice(0, 40)}`,
        marked: outlined || /0px 0px 0px [1-9]/.test(style.boxShadow),
      };
    });
    if (stop.key === 'outside') {
      stops.push({ name: 'outside', marked: true });
      continue;
    }
    if (seen.has(stop.key)) break;
    seen.add(stop.key);
    stops.push({ name: stop.name, marked: stop.marked });
  }
  return stops;
}

function expectAllMarked(where: string, stops: Stop[]): void {
  expect(stops.length, `${where}: nothing reached by Tab`).toBeGreaterThan(0);
  const unmarked = stops.filter((s) => !s.marked).map((s) => s.name);
  expect.soft(unmarked, `${where}: focus not visible on\n${unmarked.join('\n')}`).toEqual([]);
}

/** A confirm card is read top to bottom: its fields, then Confirm, then Cancel. */
function expectCardOrder(stops: Stop[]): void {
  const at = (name: string) => stops.findIndex((s) => s.name.startsWith(name));
  expect(at('input Last name')).toBeGreaterThanOrEqual(0);
  expect(at('input Last name')).toBeLessThan(at('input Phone'));
  expect(at('input Phone')).toBeLessThan(at('button Confirm'));
  expect(at('button Confirm')).toBe(at('button Cancel') - 1);
}

test('the side panel on a listing, with a confirm card and with a contact found, has no serious violation', async ({
  openTab,
  panel,
  worker,
}) => {
  await localCrm(worker.url).execute({
    intent: 'add_lead',
    confidence: 1,
    params: { firstName: 'Oluwaseun', lastName: 'Bakare', phone: '+15125550923', email: 'seun@bakare.example' },
  });
  const { tabId } = await openTab(LISTING);
  const side = await panel(tabId);
  await side.setViewportSize(SIDE_PANEL);
  await expect(side.getByTestId('property-insights')).toBeVisible();
  await expect(side.getByTestId('worker-status')).toHaveAttribute('data-state', 'connected');
  await scan('side panel on a listing', side);
  const listingStops = await tabWalk(side);
  expectAllMarked('side panel on a listing', listingStops);

  const box = side.getByTestId('command-input');
  await box.fill('add lead Jane Roe 512-555-0199');
  await box.press('Enter');
  await expect(side.getByTestId('confirm-card').getByLabel('First name')).toHaveValue('Jane');
  await scan('side panel with a confirm card', side);
  const cardStops = await tabWalk(side);
  expectAllMarked('side panel with a confirm card', cardStops);
  expectCardOrder(cardStops);

  await box.fill('find contact Oluwaseun Bakare');
  await box.press('Enter');
  await expect(side.getByTestId('contact-results')).toContainText('Oluwaseun Bakare');
  await scan('side panel with a contact found', side);
  const contactStops = await tabWalk(side);
  expectAllMarked('side panel with a contact found', contactStops);
});

test('a contact’s brief, the day and a task’s card have no serious violation', async ({ openTab, panel, worker }) => {
  const crm = localCrm(worker.url);
  const added = await crm.execute({
    intent: 'add_lead',
    confidence: 1,
    params: { firstName: 'Yetunde', lastName: 'Farrow', phone: '+15125550929', email: 'yetunde@farrow.example' },
  });
  const contactId = added.status === 'done' ? added.crmId : '';
  await crm.execute({ intent: 'add_note', confidence: 1, params: { contactId, text: 'Wants a garage and a short commute' } });
  await crm.execute({ intent: 'log_call', confidence: 1, params: { contactId, outcome: 'left_voicemail' } });
  for (const [title, due] of [
    ['Send Yetunde the disclosure', '2020-01-02'],
    ['Call Yetunde about the offer', undefined],
  ] as const)
    await crm.execute({ intent: 'create_task', confidence: 1, params: { contactId, title, ...(due && { due }) } });
  const { tabId } = await openTab(LISTING);
  const side = await panel(tabId);
  await side.setViewportSize(SIDE_PANEL);
  const box = side.getByTestId('command-input');
  await box.fill('who is Yetunde Farrow');
  await box.press('Enter');
  const brief = side.getByTestId('contact-brief');
  await expect(brief.getByTestId('brief-task')).toHaveCount(2);
  await scan('side panel with a contact’s brief', side);
  expectAllMarked('side panel with a contact’s brief', await tabWalk(side));

  await brief.getByRole('button', { name: 'Done: Send Yetunde the disclosure' }).click();
  await expect(side.getByTestId('confirm-card').getByRole('radio', { name: /Send Yetunde the disclosure/ })).toBeChecked();
  await scan('side panel with a task’s card', side);
  await side
    .getByTestId('confirm-card')
    .getByRole('button', { name: /Cancel/ })
    .click();

  await side.getByTestId('view-today').click();
  await expect(side.getByTestId('agenda').getByTestId('agenda-item').first()).toBeVisible();
  await scan('side panel on the Today view', side);
  expectAllMarked('side panel on the Today view', await tabWalk(side));
});

test('the side panel on a results page has no serious violation', async ({ openTab, panel }) => {
  const { tabId } = await openTab(SEARCH_PAGE);
  const side = await panel(tabId);
  await side.setViewportSize(SIDE_PANEL);
  await expect(side.getByTestId('page-home')).toHaveCount(42);
  await scan('side panel on a results page', side);
  const stops = await tabWalk(side);
  expectAllMarked('side panel on a results page', stops);
});

test('the options page has no serious violation', async ({ context, extensionId, worker }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByLabel('Worker address')).toHaveValue(worker.url);
  await scan('options page', page);
  const stops = await tabWalk(page);
  expectAllMarked('options page', stops);
});

type Chrome = {
  chrome: {
    tabs: { get(id: number): Promise<object> };
    commands: { onCommand: { dispatch(command: string, tab: object): void } };
  };
};

test('the palette, with its results and with a confirm card, has no serious violation', async ({ openTab, extensionId }) => {
  const { page, tabId } = await openTab(LISTING);
  const sw = page
    .context()
    .serviceWorkers()
    .find((w: Worker) => w.url().includes(extensionId));
  if (!sw) throw new Error('no service worker');
  await sw.evaluate(async (id) => {
    const { chrome } = globalThis as unknown as Chrome;
    chrome.commands.onCommand.dispatch('open-palette', await chrome.tabs.get(id));
  }, tabId);
  await expect.poll(() => page.frames().some((f) => f.url().includes('/palette.html'))).toBe(true);
  const frame = page.frames().find((f) => f.url().includes('/palette.html'));
  if (!frame) throw new Error('no palette frame');
  const input = frame.getByTestId('palette-input');
  await expect(input).toBeFocused();
  await expect(frame.getByRole('option').first()).toContainText('Add the listing agent as a lead');
  await scanFrame('palette with its results', page, frame);

  await input.fill('add lead Jane Roe 512-555-0199');
  await input.press('Enter');
  await expect(frame.getByTestId('confirm-card').getByLabel('First name')).toHaveValue('Jane');
  await scanFrame('palette with a confirm card', page, frame);
  const stops = await tabWalk(page, frame);
  expectAllMarked('palette with a confirm card', stops);
  expectCardOrder(stops);
  // The palette is modal: Tab goes round its own controls, never to the page behind it.
  expect(stops.map((s) => s.name)).not.toContain('outside');
});
