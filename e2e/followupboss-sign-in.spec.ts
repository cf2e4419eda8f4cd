import { randomBytes } from 'node:crypto';
import { FUB_USERS, startFakeFollowUpBoss } from './fakes/followupboss';
import { expect, withCrm } from './support/extension';
import { confirmAndLand } from './support/panel';

/** A brokerage's deployment on Follow Up Boss: no local sign-in, no worker-wide key; each agent brings their own. */
const test = withCrm(startFakeFollowUpBoss, (fub) => ({
  LOCAL_MODE: 'false',
  FUB_SYSTEM: 'Estait',
  FUB_SYSTEM_KEY: 'brokerage-system-key',
  FUB_API_URL: fub.url,
  TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('base64url'),
}));

test('an agent connects Follow Up Boss with their own API key, and their leads go in with that key alone', async ({
  context,
  extensionId,
  crm: fub,
  panel,
}) => {
  const [, agent] = FUB_USERS;
  if (!agent) throw new Error('the fake has a second agent');

  // Not signed in: the panel says what to do.
  const side = await panel();
  await expect(side.getByTestId('crm-account')).toHaveAttribute('data-state', 'signed-out');
  await expect(side.getByTestId('crm-account')).toContainText('Connect Follow Up Boss');

  // A lead typed before signing in still gets its card, which says why it was read here, and waits.
  const box = side.getByTestId('command-input');
  await box.fill('add Sam Poe sam.poe@example.com as a lead');
  await box.press('Enter');
  await expect(side.getByTestId('read-here-note')).toHaveAttribute('data-cause', 'signed_out');
  await expect(side.getByTestId('read-here-note')).toContainText('Connect it on Estait’s options page');
  await side
    .getByTestId('confirm-card')
    .getByRole('button', { name: /Confirm/ })
    .click();
  const waiting = side.getByTestId('outbox-entry').first();
  await expect(waiting.getByTestId('outbox-state')).toHaveText('Queued');
  await expect(waiting).toContainText('It will be sent once you connect your CRM');
  await expect(side.getByText('not signed in to its worker')).toHaveCount(0);
  // A lookup needs the CRM: the panel says to connect it, in the agent's words.
  await box.fill('who is Sam Poe');
  await box.press('Enter');
  const message = side.getByTestId('command-message');
  await expect(message).toContainText('Connect your CRM first: open Estait’s options page and sign in.');

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const account = options.getByTestId('crm-account');
  const key = options.getByTestId('fub-api-key');
  await key.fill('not-the-right-key-0000');
  await options.getByTestId('connect-followupboss').click();
  await expect(account.getByRole('alert')).toContainText('did not accept this API key');
  // A refused key stays in the field, to be corrected.
  await expect(key).toHaveValue('not-the-right-key-0000');

  await key.fill(agent.key);
  await options.getByTestId('connect-followupboss').click();
  await expect(account).toContainText(`Signed in to Follow Up Boss as ${agent.email}`);
  await expect(account).toHaveAttribute('data-state', 'connected');

  // The open panel follows without a reload, and the write that waited has gone with the agent's key.
  await expect(side.getByTestId('crm-account')).toHaveCount(0);
  await expect(message).toBeHidden();
  await expect(waiting.getByTestId('outbox-state')).toHaveText('Saved');
  await box.fill('add Jane Roe jane.roe@example.com 512-555-0199 as a lead');
  await box.press('Enter');
  await expect(side.getByTestId('read-here-note')).toHaveCount(0);
  await confirmAndLand(side, side.getByTestId('confirm-card'));
  expect(fub.people).toEqual([
    expect.objectContaining({ firstName: 'Sam', lastName: 'Poe' }),
    expect.objectContaining({ firstName: 'Jane', lastName: 'Roe' }),
  ]);
  const events = fub.requests.filter((r) => r.path === '/v1/events');
  expect(events).toHaveLength(2);
  for (const event of events)
    expect(event.headers.authorization).toBe(`Basic ${Buffer.from(`${agent.key}:`).toString('base64')}`);

  // Signing out on the options page shows in the panel too.
  await account.getByRole('button', { name: 'Sign out' }).click();
  await expect(account).toHaveAttribute('data-state', 'signed-out');
  await expect(side.getByTestId('crm-account')).toHaveAttribute('data-state', 'signed-out');
  await expect(side.getByTestId('crm-account')).toContainText('Connect Follow Up Boss');

  // The key went to the worker and nowhere else in this browser.
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  type Chrome = { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } };
  const local = await sw.evaluate(() => (globalThis as unknown as Chrome).chrome.storage.local.get(null));
  expect(JSON.stringify(local)).not.toContain(agent.key);
});
