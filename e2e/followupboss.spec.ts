import { FUB_KEY, startFakeFollowUpBoss } from './fakes/followupboss';
import { expect, withCrm } from './support/extension';
import { localDay } from './support/local-crm';
import { confirmAndLand } from './support/panel';

/** This file's worker writes to Follow Up Boss (its fake), as a team on Follow Up Boss would run it. */
const test = withCrm(startFakeFollowUpBoss, (fub) => ({ FUB_API_KEY: FUB_KEY, FUB_API_URL: fub.url }));

test('a call with someone new adds them first, then the call, a task for "him" and a showing, each with the right person and time', async ({
  crm: fub,
  panel,
}) => {
  const side = await panel();
  const box = side.getByTestId('command-input');
  const card = side.getByTestId('confirm-card');

  await box.fill('log call with Zed Quill – left voicemail');
  await box.press('Enter');
  await expect(card.getByTestId('contact-none')).toBeVisible();
  await card.getByLabel('Add them as a new lead first').check();
  await card.getByLabel('New lead’s phone').fill('512 555 0177');
  await confirmAndLand(side, card, 2);
  expect(fub.people).toEqual([expect.objectContaining({ firstName: 'Zed', lastName: 'Quill' })]);
  const zed = fub.people[0]?.id;
  expect(fub.calls).toEqual([
    expect.objectContaining({ personId: zed, outcome: 'Left Message', isIncoming: false, phone: '+15125550177' }),
  ]);

  await box.fill('remind me to call him tomorrow at 3:30');
  await box.press('Enter');
  await expect(card.getByTestId('contact-reference')).toContainText('“him” → Zed Quill');
  await confirmAndLand(side, card);

  await box.fill('book a showing at 55 Water St, Brooklyn NY for zed quill tomorrow at 11');
  await box.press('Enter');
  await expect(card.getByTestId('contact-match')).toContainText('Zed Quill');
  await confirmAndLand(side, card);

  const tomorrow = localDay(1);
  expect(fub.tasks).toEqual([
    expect.objectContaining({
      personId: zed,
      name: 'call him',
      type: 'Follow Up',
      dueDateTime: expect.stringMatching(`^${tomorrow}T15:30:00`),
    }),
    expect.objectContaining({
      personId: zed,
      name: 'Showing at 55 Water St, Brooklyn NY',
      type: 'Showing',
      dueDateTime: expect.stringMatching(`^${tomorrow}T11:00:00`),
    }),
  ]);
});
