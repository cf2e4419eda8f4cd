import type { Page } from '@playwright/test';
import { expect, test } from './support/extension';

const SEARCH_PAGE = 'http://www.zillow.com/austin-tx/';
/** The smallest PNG: a photo that loads. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** The listings the extension keeps in its IndexedDB (Dexie's `estait` database), read from one of its pages. */
const cachedIds = (side: Page) =>
  side.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('estait');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('listings').objectStore('listings').getAllKeys();
          all.onsuccess = () => resolve(all.result.map(String));
          all.onerror = () => reject(all.error);
        };
      }),
  );

test('a results page lists every home; one opens with history and comps; the homes are cached for later', async ({
  context,
  openTab,
  panel,
}) => {
  // Half the photos load, half are gone from the site: those take no room.
  await context.route('https://photos.zillowstatic.com/**', (route) => {
    const n = Number(/austin-(\d+)/.exec(route.request().url())?.[1]);
    return n % 2 ? route.fulfill({ status: 404 }) : route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL });
  });
  const { tabId } = await openTab(SEARCH_PAGE);
  const side = await panel(tabId);
  const card = side.getByTestId('search-card');
  await expect(card.getByRole('heading')).toHaveText('42 homes on this page');
  const rows = card.getByTestId('page-home');
  await expect(rows).toHaveCount(42);
  // A home only in the map's data, past the 20 cards of the list.
  const last = rows.filter({ hasText: '5957 W 6th St Unit 22A' });
  await expect(last).toContainText('$389,000 · 2 bd · 1.5 ba · 1,750 sqft');
  await expect(last).toContainText('5957 W 6th St Unit 22A, Austin, TX 78704');

  await expect(rows.nth(0).getByRole('img')).toHaveAttribute('alt', /^The home at \d+ /);
  await expect(rows.nth(1).getByRole('img')).toHaveCount(0);
  await expect
    .poll(() =>
      rows
        .nth(0)
        .getByRole('img')
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    )
    .toBe(1);
  if (process.env.SCREENSHOT) await side.screenshot({ path: 'test-results/search-page-list.png' });

  // By keyboard: a row is a button; Enter opens its card, and "back" returns focus to the row.
  const row = rows.nth(30);
  const address = (await row.getAttribute('data-address')) ?? '';
  await row.focus();
  await side.keyboard.press('Enter');
  const open = side.getByTestId('page-home-open');
  await expect(open.getByTestId('listing-address')).toHaveText(address);
  await expect(open.getByTestId('price-history')).toContainText('Listed');
  await expect(open.getByTestId('comp').first()).toContainText('Sold $');
  await expect(card).toBeHidden();
  const back = open.getByRole('button', { name: '← 42 homes on this page' });
  await expect(back).toBeFocused();
  if (process.env.SCREENSHOT) await side.screenshot({ path: 'test-results/search-page-open.png', fullPage: true });
  await side.keyboard.press('Enter');
  await expect(card).toBeVisible();
  await expect(row).toBeFocused();

  // The page's homes are in the listings cache, by site and address, for the palette to find.
  await expect.poll(async () => (await cachedIds(side)).filter((id) => id.startsWith('zillow:')).length).toBe(42);
  expect(await cachedIds(side)).toContain('zillow:5957 w 6th st unit 22a austin tx 78704');
});

test('a results page of 500 homes lists them all and stays quick', async ({ context, openTab, panel }) => {
  const homes = Array.from({ length: 500 }, (_, i) => ({
    zpid: String(1000 + i),
    addressStreet: `${100 + i} Congress Ave`,
    addressCity: 'Austin',
    addressState: 'TX',
    addressZipcode: '78701',
    unformattedPrice: 300000 + i * 1000,
    beds: 1 + (i % 5),
    baths: 1 + (i % 3),
    area: 900 + i,
  }));
  const next = { props: { pageProps: { searchPageState: { cat1: { searchResults: { mapResults: homes } } } } } };
  await context.route('http://www.zillow.com/austin-tx/500/', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html><body><h1>Austin homes</h1><script id="__NEXT_DATA__" type="application/json">${JSON.stringify(next)}</script></body></html>`,
    }),
  );
  const { tabId } = await openTab('http://www.zillow.com/austin-tx/500/');
  const side = await panel(tabId);
  const rows = side.getByTestId('page-home');
  await expect(rows).toHaveCount(500);
  const shownAt = await side.evaluate(() => Math.round(performance.now()));

  // Opening a home and coming back, five times, each timed to the next painted frame.
  const timings = await side.evaluate(async () => {
    const painted = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const rounds: { open: number; back: number }[] = [];
    for (let k = 0; k < 5; k++) {
      let t = performance.now();
      document.querySelectorAll<HTMLButtonElement>('[data-testid="page-home"]')[450 + k]?.click();
      await painted();
      const open = performance.now() - t;
      t = performance.now();
      document.querySelector<HTMLButtonElement>('[data-testid="page-home-open"] button')?.click();
      await painted();
      rounds.push({ open, back: performance.now() - t });
    }
    return rounds;
  });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const open = median(timings.map((t) => t.open));
  const back = median(timings.map((t) => t.back));
  console.log(
    `500 homes: listed ${shownAt} ms after the panel opened; open ${Math.round(open)} ms, back ${Math.round(back)} ms (median of 5)`,
  );
  // About 30 ms each here; the bound leaves room for a machine busy with other work.
  expect(open).toBeLessThan(150);
  expect(back).toBeLessThan(150);

  // The last home is reached by scrolling and opens like the first.
  await rows.nth(499).click();
  await expect(side.getByTestId('listing-address')).toHaveText('599 Congress Ave, Austin, TX 78701');
  await side.getByRole('button', { name: '← 500 homes on this page' }).click();
  await expect(rows.nth(499)).toBeFocused();
});

test('an MLS search pages past the first 25, with the total', async ({ panel }) => {
  const side = await panel();
  await side.getByTestId('command-input').fill('3 bed homes in Austin');
  await side.getByTestId('command-input').press('Enter');
  const results = side.getByTestId('search-results');
  await expect(results.getByRole('heading')).toHaveText(/^(\d+) homes \(first 25\)$/);
  const total = Number(/^(\d+)/.exec((await results.getByRole('heading').textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThan(25);
  await expect(results.getByTestId('search-result')).toHaveCount(25);

  if (process.env.SCREENSHOT) await side.screenshot({ path: 'test-results/search-mls-first-page.png', fullPage: true });
  await results.getByTestId('more-results').click();
  await expect(results.getByTestId('search-result')).toHaveCount(Math.min(total, 50));
  await expect(results.getByRole('heading')).toHaveText(total > 50 ? `${total} homes (first 50)` : `${total} homes`);
  const addresses = await results.getByTestId('search-result').allTextContents();
  expect(new Set(addresses).size).toBe(addresses.length);
  for (const text of addresses) expect(text).toContain('Austin, TX');
  if (process.env.SCREENSHOT) await side.screenshot({ path: 'test-results/search-mls-pages.png', fullPage: true });
});
