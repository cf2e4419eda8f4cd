import { chromium, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../e2e/support/browser';
import type { RunningWorker } from '../../e2e/support/worker';
import { ENTRIES_PAGE } from '../../extension/palette/messages';
import { withExtension } from './browser';
import { ROOT } from './pages';
import { type Figure, quantile, round } from './stats';

const CONTACTS = 50_000;
const LISTINGS = 50_000;

/** What agents type into the palette, one keystroke at a time: names, streets, phones, slips. */
const TYPED = [
  'maria garcia',
  'dana whitfield',
  '1200 barton hills',
  'rainey st',
  'austin',
  '512555',
  'jhon smtih',
  'round rock 78664',
  'condo',
  'lopez',
];

const FIRST = [
  'Maria',
  'John',
  'Dana',
  'Jane',
  'Robert',
  'Linda',
  'Carlos',
  'Wei',
  'Aisha',
  'Olga',
  'Pedro',
  'Sam',
  'Kim',
  'Lee',
];
const LAST = ['Garcia', 'Smith', 'Roe', 'Nguyen', 'Patel', 'Johnson', 'Brown', 'Lopez', 'Khan', 'Ivanova', 'Walker', 'Whitfield'];
const STREETS = ['Oak St', 'Barton Hills Dr', 'Rainey St', 'Congress Ave', 'Lamar Blvd', 'Avenue F', 'W 9th St', 'Elm Dr'];
const CITIES = ['Austin', 'Round Rock', 'Pflugerville', 'Cedar Park', 'Georgetown', 'Kyle'];

/** Cache rows shaped as the extension keeps them: CRM contacts and MLS listings. */
function cacheRows(): { contacts: object[]; listings: object[] } {
  const at = Date.now();
  const contacts = Array.from({ length: CONTACTS }, (_, i) => ({
    id: `c${i}`,
    fetchedAt: at - i,
    contact: {
      id: `c${i}`,
      firstName: FIRST[i % FIRST.length],
      lastName: `${LAST[(i * 7) % LAST.length]}${i % 97 ? '' : ' Jr'}`,
      email: `client${i}@mail.example`,
      phone: `+1512${String(5550000 + (i % 10_000)).padStart(7, '0')}`,
    },
  }));
  const listings = Array.from({ length: LISTINGS }, (_, i) => {
    const street = `${100 + (i % 9000)} ${STREETS[i % STREETS.length]}`;
    const city = CITIES[i % CITIES.length] ?? 'Austin';
    return {
      id: `l${i}`,
      fetchedAt: at - i,
      listing: {
        id: `l${i}`,
        address: `${street}, ${city}, TX 786${String(i % 100).padStart(2, '0')}`,
        street,
        city,
        state: 'TX',
        zip: `786${String(i % 100).padStart(2, '0')}`,
        price: 250_000 + (i % 80) * 10_000,
        beds: 1 + (i % 5),
        baths: 1 + (i % 3),
        mlsId: `ACT${1_000_000 + i}`,
      },
    };
  });
  return { contacts, listings };
}

/** The palette's index code, bundled for a plain page. */
async function indexBundle(): Promise<string> {
  const out = await build({
    stdin: {
      contents: `export { buildIndex, search } from './extension/palette/search-index';
        export { contactEntry, listingEntry } from './extension/palette/entries';`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'EstaitPalette',
    write: false,
    minify: true,
  });
  return out.outputFiles[0]?.text ?? '';
}

/**
 * The palette's work per keystroke in Chromium: the index over 50,000 contacts and 50,000 listings
 * answering each prefix of what agents type (the eight rows' render aside), and the build at open.
 */
async function benchKeystrokes(): Promise<Record<string, Figure>> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: await indexBundle() });
    const { contacts, listings } = cacheRows();
    const {
      build: buildMs,
      times,
      segments,
    } = await page.evaluate(
      ({ contacts, listings, typed, page }) => {
        type Api = {
          buildIndex(entries: unknown[]): unknown;
          search(index: unknown, query: string, limit: number): unknown[];
          contactEntry(row: unknown): unknown;
          listingEntry(row: unknown): unknown;
        };
        const api = (globalThis as unknown as { EstaitPalette: Api }).EstaitPalette;
        // As the palette holds it: segments of a page each (4,000 contacts and 4,000 listings), newest first.
        const start = performance.now();
        const segments: unknown[] = [];
        for (let from = 0; from < Math.max(contacts.length, listings.length); from += page)
          segments.push(
            api.buildIndex([
              ...contacts.slice(from, from + page).map(api.contactEntry),
              ...listings.slice(from, from + page).map(api.listingEntry),
            ]),
          );
        const build = performance.now() - start;
        const times: number[] = [];
        for (let round = 0; round < 5; round++)
          for (const text of typed)
            for (let n = 1; n <= text.length; n++) {
              const t = performance.now();
              const hits = segments.flatMap((s) => api.search(s, text.slice(0, n), 8) as { score: number }[]);
              hits.sort((a, b) => b.score - a.score).slice(0, 8);
              if (round > 0) times.push(performance.now() - t);
            }
        return { build, times, segments: segments.length };
      },
      { contacts, listings, typed: TYPED, page: ENTRIES_PAGE },
    );
    return {
      palette_keystroke_p99_ms: {
        value: round(quantile(times, 0.99), 2),
        samples: times.length,
        unit: 'ms',
        note: `the palette index answering each keystroke of ${TYPED.length} typed queries over ${CONTACTS.toLocaleString('en-US')} contacts and ${LISTINGS.toLocaleString('en-US')} listings (${segments} segments, as the palette holds them), in Chromium (p50 ${round(quantile(times, 0.5), 2)} ms); budget 16 ms`,
      },
      palette_index_build_ms: {
        value: round(buildMs, 0),
        samples: 1,
        unit: 'ms',
        note: 'building all those segments, which the palette does one between keystrokes after it opens',
      },
    };
  } finally {
    await browser.close();
  }
}

type Chrome = {
  chrome: {
    tabs: { create(p: object): Promise<{ id: number }>; get(id: number): Promise<object> };
    commands: { onCommand: { dispatch(command: string, tab: object): void } };
  };
};

/** From the shortcut to the palette painted over a listing page, the extension's cache holding 100,000 rows. */
async function benchOpen(worker: RunningWorker): Promise<Record<string, Figure>> {
  return withExtension(worker, async ({ context, sw, panel }) => {
    // The cache as an agent's would be after months of use, written the way Dexie keeps it.
    const { contacts, listings } = cacheRows();
    await panel.evaluate(
      async ({ contacts, listings }) => {
        const open = indexedDB.open('estait');
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const tx = db.transaction(['contacts', 'listings'], 'readwrite');
        for (const c of contacts) tx.objectStore('contacts').put(c);
        for (const l of listings) tx.objectStore('listings').put(l);
        await new Promise((resolve) => {
          tx.oncomplete = resolve;
        });
        db.close();
      },
      { contacts, listings },
    );
    await panel.close();
    const page: Page = await context.newPage();
    await page.goto('http://www.zillow.com/homedetails/1200-Barton-Hills-Dr-Austin-TX-78704/29384756_zpid/');
    const tabId = await sw.evaluate(
      async () =>
        (
          await (
            globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> } } }
          ).chrome.tabs.query({ url: '*://www.zillow.com/*' })
        )[0]?.id,
    );
    const opens: number[] = [];
    const ready: number[] = [];
    const firstReady: number[] = [];
    const ROUNDS = 12;
    for (let i = 0; i < ROUNDS; i++) {
      const pressed = await sw.evaluate(async (id) => {
        const { chrome } = globalThis as unknown as Chrome;
        const tab = await chrome.tabs.get(id as number);
        const at = performance.timeOrigin + performance.now();
        chrome.commands.onCommand.dispatch('open-palette', tab);
        return at;
      }, tabId);
      await page.waitForFunction(() => document.querySelector('estait-palette'));
      let frame = page.frames().find((f) => f.url().includes('/palette.html') && !f.isDetached());
      for (let k = 0; !frame && k < 100; k++) {
        await page.waitForTimeout(10);
        frame = page.frames().find((f) => f.url().includes('/palette.html') && !f.isDetached());
      }
      if (!frame) throw new Error('the palette did not open');
      await frame.getByTestId('palette-input').waitFor();
      // The frame's first paint is the palette itself: nothing is drawn before it has proven its opening.
      const painted = await frame.evaluate(() => {
        const paint = performance.getEntriesByName('first-contentful-paint')[0] ?? performance.getEntriesByName('first-paint')[0];
        return paint ? performance.timeOrigin + paint.startTime : Number.NaN;
      });
      await frame.getByText(/contacts and listings saved here/).waitFor({ timeout: 30_000 });
      const first = await frame.evaluate(() => performance.timeOrigin + performance.now());
      await frame.getByText(/100,000 contacts and listings saved here/).waitFor({ timeout: 60_000 });
      const indexed = await frame.evaluate(() => performance.timeOrigin + performance.now());
      if (i > 0) {
        if (Number.isFinite(painted)) opens.push(painted - pressed);
        firstReady.push(first - pressed);
        ready.push(indexed - pressed);
      }
      await frame.getByTestId('palette-input').press('Escape');
      await page.waitForFunction(() => !document.querySelector('estait-palette'));
    }
    return {
      palette_open_ms: {
        value: { p50: round(quantile(opens, 0.5), 1), p95: round(quantile(opens, 0.95), 1) },
        samples: opens.length,
        unit: 'ms',
        note: 'the shortcut to the palette painted over a listing page (first contentful paint of its frame); budget 100 ms',
      },
      palette_first_results_ms: {
        value: { p50: round(quantile(firstReady, 0.5), 0), p95: round(quantile(firstReady, 0.95), 0) },
        samples: firstReady.length,
        unit: 'ms',
        note: 'the shortcut to the newest 8,000 cached contacts and listings searchable in the palette',
      },
      palette_cache_ready_ms: {
        value: { p50: round(quantile(ready, 0.5), 0), p95: round(quantile(ready, 0.95), 0) },
        samples: ready.length,
        unit: 'ms',
        note: 'the shortcut to the 100,000 cached contacts and listings searchable in the palette (read by the background, sent over, indexed)',
      },
    };
  });
}

export async function benchPalette(worker: RunningWorker): Promise<Record<string, Figure>> {
  return { ...(await benchKeystrokes()), ...(await benchOpen(worker)) };
}
