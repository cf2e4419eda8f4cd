import type { FakeServer } from './fakes/http';
import { startFakeWiseAgent, WISEAGENT_CLIENT, WISEAGENT_USER } from './fakes/wiseagent';
import { arizona } from './fakes/wiseagent-day';
import { expect, withCrm } from './support/extension';
import { localDay } from './support/local-crm';
import { confirmAndLand } from './support/panel';

/** This file's worker is configured for Wise Agent (its fake), with local sign-in off, as deployed. */
const test = withCrm(startFakeWiseAgent, (crm) => ({
  WISEAGENT_CLIENT_ID: WISEAGENT_CLIENT.id,
  WISEAGENT_CLIENT_SECRET: WISEAGENT_CLIENT.secret,
  WISEAGENT_URL: crm.url,
  LOCAL_MODE: 'false',
}));

type Held = {
  contacts: { ClientID: number; CFirst: string; CLast: string; MobilePhone: string }[];
  notes: { ClientID: number; Subject: string; Note: string }[];
  events: { Subject: string; StartDate: string }[];
  liveAccessTokens: number;
};
const held = async (crm: FakeServer) => (await (await fetch(`${crm.url}/__fake/state`)).json()) as Held;

test('the agent connects Wise Agent from the panel, adds the listing agent there, and signs out', async ({
  context,
  crm,
  extensionId,
  openTab,
  panel,
}) => {
  const { tabId } = await openTab('http://www.zillow.com/homedetails/1200-Barton-Hills-Dr-Austin-TX-78704/29384756_zpid/');
  const side = await panel(tabId);
  await expect(side.getByTestId('crm-account')).toHaveAttribute('data-state', 'signed-out');

  // chrome.identity runs the OAuth round trip: worker → Wise Agent's consent → worker → chromiumapp.org.
  await side.getByTestId('connect-wiseagent').click();
  await expect(side.getByTestId('crm-account')).toHaveCount(0);

  await side.getByTestId('command-input').fill('add the listing agent as a lead');
  await side.getByTestId('command-input').press('Enter');
  await side
    .getByTestId('confirm-card')
    .getByRole('button', { name: /Confirm/ })
    .click();
  await expect(side.getByTestId('outbox-entry').first()).toHaveAttribute('data-state', 'done');
  expect((await held(crm)).contacts).toEqual([
    expect.objectContaining({ CFirst: 'Maria', CLast: 'Alvarez', MobilePhone: '+15125550110' }),
  ]);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const account = options.getByTestId('crm-account');
  await expect(account).toContainText(`Signed in to Wise Agent as ${WISEAGENT_USER.Email}`);
  await account.getByRole('button', { name: 'Sign out' }).click();
  await expect(account).toHaveAttribute('data-state', 'signed-out');
  const revoked = (await (await fetch(`${crm.url}/__fake/requests`)).json()) as { path: string }[];
  expect(revoked.filter((r) => r.path === '/WiseAuth/revoke')).toHaveLength(2);
});

test('on a listing, "a showing with her tomorrow at 3:30" after adding the agent lands in Wise Agent at 3:30 PM for her, and so does a call log', async ({
  crm,
  openTab,
  panel,
}) => {
  await fetch(`${crm.url}/__fake/reset`, { method: 'POST' });
  const { tabId } = await openTab('http://www.zillow.com/homedetails/1200-Barton-Hills-Dr-Austin-TX-78704/29384756_zpid/');
  const side = await panel(tabId);
  await side.getByTestId('connect-wiseagent').click();
  await expect(side.getByTestId('crm-account')).toHaveCount(0);
  const box = side.getByTestId('command-input');
  const card = side.getByTestId('confirm-card');

  await box.fill('add the listing agent as a lead');
  await box.press('Enter');
  await confirmAndLand(side, card);
  const [maria] = (await held(crm)).contacts;

  await box.fill('schedule a showing with her tomorrow at 3:30');
  await box.press('Enter');
  await expect(card.getByTestId('contact-match')).toHaveAttribute('data-contact-id', String(maria?.ClientID));
  await expect(card.getByTestId('when-text')).toContainText('3:30 PM');
  await confirmAndLand(side, card);

  await box.fill('log call with her - no answer');
  await box.press('Enter');
  await expect(card.getByLabel('Outcome')).toHaveValue('no_answer');
  await confirmAndLand(side, card);

  // Wise Agent's calendar keeps Arizona time: 3:30 PM where the browser is, written as Arizona's clock reads it then.
  const [y = 0, m = 1, d = 1] = localDay(1).split('-').map(Number);
  const { events, notes } = await held(crm);
  expect(events).toEqual([
    expect.objectContaining({
      Subject: 'Showing: 1200 Barton Hills Dr, Austin, TX 78704 with Maria Alvarez',
      StartDate: arizona(new Date(y, m - 1, d, 15, 30)),
    }),
  ]);
  expect(notes.filter((n) => n.Subject.startsWith('Call'))).toEqual([
    expect.objectContaining({ ClientID: maria?.ClientID, Subject: expect.stringMatching(/^Call via Estait \(.+\): No answer$/) }),
  ]);
});
