import type { FakeServer } from './fakes/http';
import { startFakeWiseAgent, WISEAGENT_CLIENT } from './fakes/wiseagent';
import type { Held, Seed } from './fakes/wiseagent-day';
import { expect, withCrm } from './support/extension';
import { localDay } from './support/local-crm';
import { confirmAndLand } from './support/panel';

/** This file's worker writes to Wise Agent (its fake), with local sign-in off, as deployed. */
const test = withCrm(startFakeWiseAgent, (crm) => ({
  WISEAGENT_CLIENT_ID: WISEAGENT_CLIENT.id,
  WISEAGENT_CLIENT_SECRET: WISEAGENT_CLIENT.secret,
  WISEAGENT_URL: crm.url,
  LOCAL_MODE: 'false',
}));

const DANA = 48213;
const DANA_PAGE = `http://thewiseagent.com/secure/client/SUMMARY.asp?ClientID=${DANA}`;
const held = async (crm: FakeServer) => (await (await fetch(`${crm.url}/__fake/state`)).json()) as Held;
const seed = async (crm: FakeServer, body: Seed) =>
  (await (await fetch(`${crm.url}/__fake/seed`, { method: 'POST', body: JSON.stringify(body) })).json()) as {
    tasks: string[];
  };
const ago = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();

test('on a Wise Agent contact page the brief shows the CRM’s notes and tasks; "mark the disclosure task done" completes it once, and the day lists it no more', async ({
  crm,
  openTab,
  panel,
}) => {
  await fetch(`${crm.url}/__fake/reset`, { method: 'POST' });
  const {
    tasks: [disclosure],
  } = await seed(crm, {
    contacts: [
      {
        ClientID: DANA,
        CFirst: 'Dana',
        CLast: 'Whitfield',
        CEmail: 'dana.whitfield@example.com',
        MobilePhone: '5125550177',
        Source: 'Zillow',
        addedAt: ago(24 * 30),
      },
    ],
    notes: [
      { ClientID: DANA, Subject: 'Lender', Note: 'Pre-approved with Hill Country Lending up to $520k', at: ago(50) },
      { ClientID: DANA, Subject: 'Showing feedback', Note: 'Loved the yard on Alameda Dr, worried about the roof', at: ago(3) },
    ],
    tasks: [
      { Description: 'Send the seller disclosure', ContactID: DANA, due: localDay(-1) },
      { Description: 'Call Dana about the inspection', ContactID: DANA, due: localDay(0) },
      { Description: 'Book the appraisal', ContactID: DANA, due: localDay(4) },
    ],
  });

  const { tabId } = await openTab(DANA_PAGE);
  const side = await panel(tabId);
  await side.getByTestId('connect-wiseagent').click();
  await expect(side.getByTestId('crm-account')).toHaveCount(0);

  const brief = side.getByTestId('contact-brief');
  await expect(brief).toHaveAttribute('data-contact-id', String(DANA));
  await expect(brief.getByTestId('brief-entry')).toHaveText([/Loved the yard on Alameda Dr/, /Pre-approved with Hill Country/]);
  await expect(brief.getByTestId('brief-task')).toHaveText([
    /Send the seller disclosure.*Overdue/,
    /Call Dana about the inspection.*Today/,
    /Book the appraisal/,
  ]);

  const box = side.getByTestId('command-input');
  await box.fill('mark the disclosure task done');
  await box.press('Enter');
  const card = side.getByTestId('confirm-card');
  await expect(card.getByTestId('contact-match')).toHaveAttribute('data-contact-id', String(DANA));
  await expect(card.getByRole('radio', { name: /Send the seller disclosure/ })).toBeChecked();
  await confirmAndLand(side, card);

  const puts = async () =>
    (
      (await (await fetch(`${crm.url}/__fake/requests`)).json()) as {
        method: string;
        query: Record<string, string>;
        body: unknown;
      }[]
    ).filter((r) => r.method === 'PUT' && (r.query.TaskID === disclosure || `${r.body ?? ''}`.includes(`TaskID=${disclosure}`)))
      .length;
  expect((await held(crm)).tasks.find((t) => t.TaskID === disclosure)).toMatchObject({ Completed: 'true' });
  expect(await puts()).toBe(1);
  await expect(brief.getByTestId('brief-task')).toHaveText([/Call Dana about the inspection/, /Book the appraisal/]);

  await box.fill('what’s on today');
  await box.press('Enter');
  const day = side.getByTestId('agenda');
  await expect(day.getByTestId('agenda-item').first()).toBeVisible();
  await expect(day.getByTestId('agenda-item')).toHaveText([/Call Dana about the inspection.*Dana Whitfield/]);
  await expect(day).not.toContainText('disclosure');
  expect(await puts()).toBe(1);
});
