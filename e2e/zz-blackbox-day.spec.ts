import { appendFileSync } from 'node:fs';
import type { Frame, Page } from '@playwright/test';
import type { ParsedCommand } from '../shared/contracts';
import { startFakeWiseAgent, WISEAGENT_CLIENT } from './fakes/wiseagent';
import { test as base, expect, withCrm } from './support/extension';
import { localCrm, localDay } from './support/local-crm';
import { startWorker } from './support/worker';

const test = base.extend({
  worker: [
    // biome-ignore lint/correctness/noEmptyPattern: fixtures
    async ({}, use) => {
      const worker = await startWorker();
      await use(worker);
      await worker.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
});

const LOG = '/tmp/bb-log.txt';
const log = (...a: unknown[]) => appendFileSync(LOG, `${a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' ')}\n`);
const write = (intent: string, params: Record<string, unknown>) => ({ intent, confidence: 1, params }) as ParsedCommand;
const LISTING = 'http://www.zillow.com/homedetails/1200-Barton-Hills-Dr-Austin-TX-78704/29384756_zpid/';
const TZ = 'UTC';

async function authed(url: string) {
  const { accessToken } = (await (await fetch(`${url}/v1/auth/local`, { method: 'POST' })).json()) as { accessToken: string };
  return (path: string) => fetch(`${url}${path}`, { headers: { Authorization: `Bearer ${accessToken}` } }).then((r) => r.json());
}

async function snapshot(root: Page | Frame, label: string) {
  const get = async (id: string) => {
    const l = root.getByTestId(id);
    return (await l.count()) ? (await l.allInnerTexts()).join(' || ').replace(/\s+/g, ' ').slice(0, 700) : null;
  };
  const intent = (await root.getByTestId('command-preview').count())
    ? await root.getByTestId('command-preview').first().getAttribute('data-intent')
    : null;
  const card = root.getByTestId('confirm-card');
  let radios: string[] = [];
  if (await card.count()) {
    const r = card.getByRole('radio');
    for (let i = 0; i < (await r.count()); i++) {
      const el = r.nth(i);
      radios.push(`${(await el.isChecked()) ? '[x]' : '[ ]'} ${(await el.evaluate((e) => e.closest('label')?.textContent ?? '')).replace(/\s+/g, ' ')}`);
    }
  }
  log(`--- ${label}`, { intent, radios, card: await get('confirm-card'), agenda: await get('agenda'), results: await get('contact-results'), brief: await get('contact-brief'), problem: await get('command-problem') });
}

async function say(side: Page, sentence: string, wait = 2000) {
  const box = side.getByTestId('command-input');
  await box.fill(sentence);
  await box.press('Enter');
  await side.waitForTimeout(wait);
  await snapshot(side, `SAY "${sentence}"`);
}

async function cancel(root: Page | Frame) {
  const c = root.getByTestId('confirm-card').getByRole('button', { name: /Cancel/ });
  if (await c.count()) await c.first().click();
}

async function confirm(side: Page) {
  const rows = side.getByTestId('outbox-entry');
  const before = (await rows.count()) ? await rows.first().getAttribute('data-key') : null;
  await side.getByTestId('confirm-card').getByRole('button', { name: /Confirm/ }).click();
  if (before) await expect(rows.first()).not.toHaveAttribute('data-key', before);
  await expect(rows.first()).toHaveAttribute('data-state', /done|failed|error/, { timeout: 15_000 });
  log('outbox first:', await rows.first().getAttribute('data-state'), (await rows.first().innerText()).replace(/\s+/g, ' '));
}

test('blackbox local day', async ({ openTab, panel, worker, extensionId }) => {
  test.setTimeout(420_000);
  appendFileSync(LOG, `\n===== RUN ${new Date().toISOString()}\n`);
  const crm = localCrm(worker.url);
  const get = await authed(worker.url);
  const id = (r: Awaited<ReturnType<typeof crm.execute>>) => (r.status === 'done' ? r.crmId : '');
  const priya = id(
    await crm.execute(
      write('add_lead', {
        firstName: 'Priya',
        lastName: 'Ramaswamy',
        email: 'priya.r@example.com',
        phone: '+15125550123',
        source: 'Open house',
        consent: { channels: ['sms', 'call'], text: 'OK to text me', at: new Date().toISOString(), source: 'open house sign-in' },
      }),
    ),
  );
  const jorge = id(await crm.execute(write('add_lead', { firstName: 'Jorge', lastName: 'Smith', phone: '+15125550456' })));
  const ellen = id(await crm.execute(write('add_lead', { firstName: 'Ellen', lastName: 'Smith', email: 'ellen.smith@example.com' })));
  const newbie = id(await crm.execute(write('add_lead', { firstName: 'Tobias', lastName: 'Kettering', email: 'tk@example.com' })));
  log('ids', { priya, jorge, ellen, newbie });

  await crm.execute(write('add_note', { contactId: priya, text: 'First note: wants a 3-bed in Zilker, budget 650k' }));
  await crm.execute(write('log_call', { contactId: priya, outcome: 'left_voicemail', notes: 'Second: voicemail about Saturday' }));
  await crm.execute(write('add_note', { contactId: priya, text: 'Third (newest): husband needs a home office' }));
  await crm.execute(write('create_task', { contactId: priya, title: 'Send Priya the HOA documents', due: localDay(-3) }));
  await crm.execute(write('create_task', { contactId: priya, title: 'Call Priya about the counteroffer', due: `${localDay(0)}T23:45` }));
  await crm.execute(write('create_task', { contactId: priya, title: 'Order the pest inspection', due: `${localDay(0)}T08:15` }));
  await crm.execute(write('create_task', { contactId: priya, title: 'Pick up the disclosure packet', due: localDay(5) }));
  await crm.execute(write('create_task', { contactId: priya, title: 'Think about a closing gift' }));
  await crm.execute(write('schedule_showing', { contactId: priya, address: '2207 Bluebonnet Ln, Austin, TX 78704', start: `${localDay(0)}T23:30` }));
  await crm.execute(write('schedule_showing', { contactId: priya, address: '99 Later St, Austin, TX', start: `${localDay(2)}T09:00` }));
  await crm.execute(write('save_listing', { contactId: priya, listing: { address: '1508 Kinney Ave, Austin, TX 78704', price: 615000, beds: 3 } }));
  await crm.execute(write('create_task', { contactId: jorge, title: 'Follow-up call with Smith re: appraisal', due: localDay(-1) }));
  await crm.execute(write('create_task', { contactId: jorge, title: 'Smith call about the inspection', due: `${localDay(0)}T14:00` }));
  await crm.execute(write('create_task', { contactId: ellen, title: 'Call Ellen back about staging', due: localDay(0) }));

  log('brief priya API', await get(`/v1/contacts/${priya}/brief?tz=${TZ}`));
  log('agenda API', await get(`/v1/agenda?tz=${TZ}`));

  const { page, tabId } = await openTab(LISTING);
  const side = await panel(tabId);
  await side.waitForTimeout(1500);

  // Today view
  await side.getByTestId('view-today').click();
  await side.waitForTimeout(2000);
  await snapshot(side, 'TODAY TAB');
  await side.screenshot({ path: '/tmp/bb-today.png', fullPage: true });
  await side.getByTestId('view-page').click();

  for (const s of ['what’s on today', 'my day', 'what’s on tomorrow', 'what do I have today?', 'anything due today', 'what’s on Monday', 'show my agenda for tomorrow']) {
    await say(side, s);
    await cancel(side);
  }
  await side.screenshot({ path: '/tmp/bb-tomorrow.png', fullPage: true });

  await say(side, 'who is Priya', 2500);
  await side.screenshot({ path: '/tmp/bb-brief.png', fullPage: true });
  await say(side, 'open Priya Ramaswamy', 2500);

  // Near-misses: none may end as complete_task
  for (const s of [
    'remind me to call Smith',
    'called Smith, done deal',
    'is the disclosure task done?',
    'Priya is done looking in Zilker',
    'done',
    'add a note to Priya: the HOA task is done on their side',
    'don’t mark the appraisal task done yet',
    'remind me to mark the disclosure task done tomorrow',
  ]) {
    await say(side, s);
    await cancel(side);
  }

  // complete_task sentences (probe, cancel)
  for (const s of [
    'done with the Smith call',
    'check off calling Ellen back',
    'mark the pest inspection done',
    'finished the HOA documents for Priya',
    'completed the counteroffer call',
    'mark the closing gift task complete',
    'tick off the disclosure packet',
    'done with the staging call',
    'mark Jorge’s appraisal follow-up done',
    'mark the roof task done',
  ]) {
    await say(side, s);
    await side.screenshot({ path: `/tmp/bb-ct-${s.replace(/\W+/g, '_').slice(0, 30)}.png`, fullPage: true });
    await cancel(side);
  }

  // Write 1: pick-list on "done with the Smith call"; pick the inspection one explicitly
  await say(side, 'done with the Smith call');
  await side.screenshot({ path: '/tmp/bb-pick.png', fullPage: true });
  const card = side.getByTestId('confirm-card');
  if (await card.count()) {
    const r = card.getByRole('radio', { name: /inspection/ });
    if (await r.count()) await r.first().check();
    await snapshot(side, 'after picking inspection');
    await confirm(side);
    await side.waitForTimeout(1500);
    await snapshot(side, 'after confirm Smith');
  }

  // Write 2: in context of Priya's brief, "mark the HOA task done"
  await say(side, 'who is Priya', 2500);
  await say(side, 'mark the HOA task done');
  if (await side.getByTestId('confirm-card').count()) {
    await confirm(side);
    await side.waitForTimeout(2500);
    await snapshot(side, 'after confirm HOA (brief refreshed?)');
  }
  // Done button on the brief
  const doneBtn = side.getByRole('button', { name: 'Done: Order the pest inspection' });
  if (await doneBtn.count()) {
    await doneBtn.first().click();
    await side.waitForTimeout(800);
    await snapshot(side, 'Done button pest card');
    await confirm(side);
    await side.waitForTimeout(2500);
    await snapshot(side, 'after Done pest');
  }
  await side.screenshot({ path: '/tmp/bb-brief-after.png', fullPage: true });
  // quick actions
  for (const label of ['Add note', 'Log call', 'Remind me', 'Showing', 'Draft']) {
    const b = side.getByTestId('contact-brief').getByRole('button', { name: new RegExp(`^${label}`) });
    if (await b.count()) {
      await b.first().click();
      await side.waitForTimeout(300);
      log(`quick ${label} → box:`, await side.getByTestId('command-input').inputValue());
    } else log(`quick ${label}: NO BUTTON`);
  }
  await side.getByTestId('command-input').fill('');

  // Today tab after writes; Done from Today
  await side.getByTestId('view-today').click();
  await side.waitForTimeout(2500);
  await snapshot(side, 'TODAY after writes');
  await side.screenshot({ path: '/tmp/bb-today-after.png', fullPage: true });
  const todayDone = side.getByTestId('agenda').getByRole('button', { name: /Done: Call Ellen back/ });
  if (await todayDone.count()) {
    await todayDone.first().click();
    await side.waitForTimeout(800);
    await snapshot(side, 'Done from Today');
    if (await side.getByTestId('confirm-card').count()) {
      await confirm(side);
      await side.waitForTimeout(2500);
      await snapshot(side, 'after Done from Today');
    }
  }
  // Double press: write again the same sentence after done
  await side.getByTestId('view-page').click();
  await say(side, 'mark the HOA task done');
  await cancel(side);

  const acts = (await crm.activity()).filter((e) => e.intent === 'complete_task');
  log('ACTIVITY complete_task', acts);
  log('brief priya API after', await get(`/v1/contacts/${priya}/brief?tz=${TZ}`));
  log('brief jorge API after', await get(`/v1/contacts/${jorge}/brief?tz=${TZ}`));
  log('agenda API after', await get(`/v1/agenda?tz=${TZ}`));

  // palette contact view
  await side.close();
  await page.bringToFront();
  const sw = page.context().serviceWorkers().find((w) => w.url().includes(extensionId));
  await sw?.evaluate(async (id) => {
    const { chrome } = globalThis as unknown as { chrome: { tabs: { get(i: number): Promise<object> }; commands: { onCommand: { dispatch(c: string, t: object): void } } } };
    chrome.commands.onCommand.dispatch('open-palette', await chrome.tabs.get(id));
  }, tabId);
  await expect.poll(() => page.frames().some((f) => f.url().includes('/palette.html'))).toBe(true);
  const frame = page.frames().find((f) => f.url().includes('/palette.html')) as Frame;
  const input = frame.getByTestId('palette-input');
  await input.fill('priya ram');
  await page.waitForTimeout(1200);
  await input.press('Enter');
  await page.waitForTimeout(2000);
  await snapshot(frame, 'PALETTE contact');
  await page.screenshot({ path: '/tmp/bb-palette.png', fullPage: true });
  await input.fill('done with the counteroffer call');
  await input.press('Enter');
  await page.waitForTimeout(2000);
  await snapshot(frame, 'PALETTE complete_task');
  await page.screenshot({ path: '/tmp/bb-palette-ct.png', fullPage: true });
});

const wa = withCrm(startFakeWiseAgent, (crm) => ({
  WISEAGENT_CLIENT_ID: WISEAGENT_CLIENT.id,
  WISEAGENT_CLIENT_SECRET: WISEAGENT_CLIENT.secret,
  WISEAGENT_URL: crm.url,
  LOCAL_MODE: 'false',
}));

wa('blackbox wise agent', async ({ crm, openTab, panel }) => {
  wa.setTimeout(240_000);
  const ago = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
  await fetch(`${crm.url}/__fake/reset`, { method: 'POST' });
  const seeded = await (
    await fetch(`${crm.url}/__fake/seed`, {
      method: 'POST',
      body: JSON.stringify({
        contacts: [
          { ClientID: 48213, CFirst: 'Marguerite', CLast: 'Oyelaran', CEmail: 'mo@example.com', MobilePhone: '5125550991', Source: 'Realtor.com', addedAt: ago(24 * 10) },
          { ClientID: 50001, CFirst: 'Bo', CLast: 'Linden', CEmail: 'bo@example.com', addedAt: ago(5) },
        ],
        notes: [
          { ClientID: 48213, Subject: 'Older', Note: 'Older note: wants a pool', at: ago(72) },
          { ClientID: 48213, Subject: 'Newer', Note: 'Newer note: pool is optional now', at: ago(2) },
        ],
        tasks: [
          { Description: 'Email Marguerite the survey', ContactID: 48213, due: localDay(-2) },
          { Description: 'Call Marguerite re: survey questions', ContactID: 48213, due: localDay(0) },
          { Description: 'Walk-through prep', ContactID: 48213, due: localDay(3) },
        ],
        events: [{ Subject: 'Showing 77 Pecan St', start: `${localDay(0)}T22:30`, Attendees: 'C48213', location: '77 Pecan St, Austin TX' }],
      }),
    })
  ).json();
  log('\n== WA seeded', seeded);
  const { tabId } = await openTab('http://thewiseagent.com/secure/client/SUMMARY.asp?ClientID=48213');
  const side = await panel(tabId);
  await side.getByTestId('connect-wiseagent').click();
  await side.waitForTimeout(3000);
  await snapshot(side, 'WA brief');
  await side.screenshot({ path: '/tmp/bb-wa-brief.png', fullPage: true });
  await say(side, 'done with the survey', 2500);
  await side.screenshot({ path: '/tmp/bb-wa-pick.png', fullPage: true });
  const card = side.getByTestId('confirm-card');
  if (await card.count()) {
    const r = card.getByRole('radio', { name: /Email Marguerite/ });
    if (await r.count()) await r.first().check();
    await confirm(side);
    await side.waitForTimeout(2500);
    await snapshot(side, 'WA after confirm');
  }
  await say(side, 'my day', 2500);
  await side.screenshot({ path: '/tmp/bb-wa-today.png', fullPage: true });
  const state = (await (await fetch(`${crm.url}/__fake/state`)).json()) as { tasks: unknown[]; events: unknown[] };
  log('WA state tasks', state.tasks);
  const reqs = (await (await fetch(`${crm.url}/__fake/requests`)).json()) as { method: string; path?: string; query: unknown; body: unknown }[];
  log('WA PUTs', reqs.filter((r) => r.method === 'PUT'));
});
