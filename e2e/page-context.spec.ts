import { mkdirSync } from 'node:fs';
import { expect, test } from './support/extension';

test('a Zillow listing shows its listing card, and the panel follows in-app navigation', async ({ openTab, panel }) => {
  const { page, tabId } = await openTab('http://www.zillow.com/homedetails/1200-Barton-Hills-Dr-Austin-TX-78704/29384756_zpid/');
  const side = await panel(tabId);
  const card = side.getByTestId('listing-card');
  await expect(card.getByTestId('listing-address')).toHaveText('1200 Barton Hills Dr, Austin, TX 78704');
  await expect(card.getByTestId('listing-price')).toHaveText('$489,000');
  await expect(card).toContainText('3 bd · 2 ba · 1,850 sqft');
  await expect(card.getByTestId('listing-mls')).toHaveText('5512345');
  await expect(card.getByTestId('listing-agent')).toHaveText('Maria Alvarez, Hill Country Realty');
  await expect(side.getByTestId('worker-status')).toHaveAttribute('data-state', 'connected');
  // The README's picture, retaken on request (SCREENSHOT=1) so a test run leaves the tree clean.
  if (process.env.SCREENSHOT) {
    mkdirSync('docs', { recursive: true });
    await side.screenshot({ path: 'docs/sidepanel.png' });
  }

  // A single-page-app navigation to another home: the content script reads again.
  await page.evaluate(() => {
    const next = document.querySelector('#__NEXT_DATA__');
    next?.remove();
    document.body.innerHTML = `<div data-testid="gallery-status-pill">Pending</div><span data-testid="price">$1,100,000</span>
      <h1>9 Lake Austin Blvd, Austin, TX 78703</h1>
      <div data-testid="bed-bath-sqft-fact-container">4 beds</div><div data-testid="bed-bath-sqft-fact-container">3 baths</div>`;
    history.pushState({}, '', '/homedetails/9-Lake-Austin-Blvd-Austin-TX-78703/5_zpid/');
  });
  await expect(card.getByTestId('listing-address')).toHaveText('9 Lake Austin Blvd, Austin, TX 78703', { timeout: 10_000 });
  await expect(card.getByTestId('listing-price')).toHaveText('$1,100,000');
});

test('a Trulia listing shows its card', async ({ openTab, panel }) => {
  const { tabId } = await openTab('http://www.trulia.com/home/4512-avenue-f-austin-tx-78751-29145812/');
  const card = (await panel(tabId)).getByTestId('listing-card');
  await expect(card.getByTestId('listing-address')).toHaveText('4512 Avenue F, Austin, TX 78751');
  await expect(card).toContainText('3 bd · 2.5 ba · 1,920 sqft');
});

test('a Redfin listing shows its card', async ({ openTab, panel }) => {
  const { tabId } = await openTab('http://www.redfin.com/TX/Austin/901-W-9th-St-78703/unit-304/home/48120021');
  const card = (await panel(tabId)).getByTestId('listing-card');
  await expect(card.getByTestId('listing-address')).toHaveText('901 W 9th St #304, Austin, TX 78703');
  await expect(card.getByTestId('listing-price')).toHaveText('$545,000');
  await expect(card.getByTestId('listing-mls')).toHaveText('4418820');
});

test('a page with only schema.org JSON-LD shows its card', async ({ openTab, panel }) => {
  const { tabId } = await openTab('http://www.flexmls.com/share/7Bq2x/');
  const card = (await panel(tabId)).getByTestId('listing-card');
  await expect(card.getByTestId('listing-address')).toHaveText('2207 Lakeview Ct, Round Rock, TX 78681');
  await expect(card.getByTestId('listing-price')).toHaveText('$412,500');
});

test('a Wise Agent contact shows the contact card', async ({ openTab, panel }) => {
  const { tabId } = await openTab('http://thewiseagent.com/secure/client/SUMMARY.asp?ClientID=48213');
  const card = (await panel(tabId)).getByTestId('contact-card');
  await expect(card.getByTestId('contact-name')).toHaveText('Dana Whitfield');
  await expect(card.getByTestId('contact-email')).toHaveText('dana.whitfield@example.com');
  await expect(card.getByTestId('contact-phone')).toHaveText('+15125550177');
  await expect(card.getByTestId('contact-id')).toHaveText('48213');
});

test('a news article shows no card, only the offer to read the page', async ({ openTab, panel }) => {
  const { tabId } = await openTab('http://news.dailyledger.test/2026/11/20/mortgage-rates.html');
  const side = await panel(tabId);
  await expect(side.getByTestId('empty-page')).toBeVisible();
  await expect(side.getByRole('button', { name: 'Read this page' })).toBeVisible();
  await expect(side.getByTestId('listing-card')).toHaveCount(0);
  await expect(side.getByTestId('contact-card')).toHaveCount(0);
});

test('page text is shown as text, never run as HTML', async ({ openTab, panel, context }) => {
  const { page, tabId } = await openTab(
    'http://www.zillow.com/homedetails/77-Rainey-St-APT-1402-Austin-TX-78701/2089564411_zpid/',
  );
  await page.evaluate(() => {
    const agent = document.querySelector('[data-testid="attribution-LISTING_AGENT"] span');
    if (agent) agent.textContent = '<img src=x onerror="document.title=\'pwned\'">';
  });
  const side = await panel(tabId);
  const card = side.getByTestId('listing-card');
  await expect(card.getByTestId('listing-agent')).toContainText('<img src=x onerror=', { timeout: 10_000 });
  expect(await side.title()).not.toBe('pwned');
  expect(context.pages().length).toBeGreaterThan(1);
});
