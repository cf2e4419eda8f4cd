import { SearchResponse, SessionTokens } from '../shared/contracts';
import { expect, setWorkerUrl, test } from './support/extension';

test('"3 bed homes in Austin under 500k" shows result cards; a result opens its history and comps', async ({ panel }) => {
  const side = await panel();
  const box = side.getByTestId('command-input');
  await box.fill('3 bed homes in Austin under 500k');
  await expect(side.getByTestId('command-preview')).toContainText('Search listings · Austin · 3+ bd · ≤ $500,000');
  await box.press('Enter');
  const results = side.getByTestId('search-result');
  await expect(results.first()).toBeVisible();
  await expect(side.getByTestId('sample-note').first()).toContainText('not real homes');
  for (const text of await results.allTextContents()) {
    expect(text).toContain('Austin, TX');
    const price = Number(/\$([\d,]+)/.exec(text)?.[1]?.replace(/,/g, ''));
    expect(price).toBeLessThanOrEqual(500000);
  }
  await results.first().click();
  await expect(side.getByTestId('open-listing')).toContainText('Austin, TX');
  await expect(side.getByTestId('price-history')).toContainText('Listed');
  await expect(side.getByTestId('comp').first()).toContainText('Sold $');
});

test('the listing card on a listing page shows comparable sales, and cached data when the MLS is down', async ({
  context,
  openTab,
  panel,
}) => {
  const { tabId } = await openTab('http://www.zillow.com/homedetails/1200-Barton-Hills-Dr-Austin-TX-78704/29384756_zpid/');
  const side = await panel(tabId);
  await expect(side.getByTestId('listing-card')).toBeVisible();
  const comps = side.getByTestId('comp');
  await expect(comps.first()).toContainText('78704');
  const seen = await comps.count();

  await setWorkerUrl(context, 'http://127.0.0.1:9');
  await side.reload();
  await expect(side.getByTestId('comp')).toHaveCount(seen);
  await expect(side.getByTestId('listing-card')).toBeVisible();
});

test('the showing confirm card suggests addresses from the MLS as the agent types', async ({ panel, worker }) => {
  const { accessToken } = SessionTokens.parse(await (await fetch(`${worker.url}/v1/auth/local`, { method: 'POST' })).json());
  const found = SearchResponse.parse(
    await (
      await fetch(`${worker.url}/v1/properties/search`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ criteria: { location: 'Denver' } }),
      })
    ).json(),
  );
  const home = found.listings[0];
  if (!home?.street) throw new Error('the sample MLS has no Denver home');

  const side = await panel();
  await side.getByTestId('command-input').fill('schedule a showing tomorrow at 3pm');
  await side.getByTestId('command-input').press('Enter');
  const address = side.getByTestId('confirm-card').getByLabel('Address');
  await address.fill(home.street.slice(0, 8));
  await expect(side.locator('[data-testid="address-suggestions"] option').first()).toBeAttached();
  const options = await side
    .locator('[data-testid="address-suggestions"] option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(options).toContain(home.address);
});
