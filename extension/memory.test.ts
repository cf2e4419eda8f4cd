import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MEMORY_TTL_MS, mentionOf, recall, remember, whyRemembered } from './memory';

beforeEach(() => fakeBrowser.reset());

describe('the conversation memory', () => {
  it('keeps the last contact and listing per window, and forgets them after an hour', async () => {
    await remember(1, { contact: { id: '7', name: 'Tom Nguyen', via: 'added' } }, 1000);
    await remember(1, { listing: { address: '9 Finch Ct, Round Rock, TX 78664' } }, 2000);
    await remember(2, { contact: { name: 'Ana Soto', via: 'named' } }, 2000);
    expect(await recall(1, 3000)).toEqual({
      contact: { id: '7', name: 'Tom Nguyen', via: 'added', at: 1000 },
      listing: { address: '9 Finch Ct, Round Rock, TX 78664' },
    });
    expect((await recall(2, 3000)).contact?.name).toBe('Ana Soto');
    expect(await recall(1, 1000 + MEMORY_TTL_MS + 1)).toEqual({ listing: { address: '9 Finch Ct, Round Rock, TX 78664' } });
  });

  it('keeps an MLS listing as the listing a page would give, and the contact beside it', async () => {
    await remember(1, { contact: { id: '7', name: 'Tom Nguyen', via: 'added' } }, 1000);
    const fromMls = { id: 'ATX-5512', address: '1200 Barton Hills Dr, Austin, TX 78704', price: 725000, listedAt: '2026-05-01' };
    await remember(1, { listing: fromMls }, 2000);
    expect(await recall(1, 3000)).toEqual({
      contact: { id: '7', name: 'Tom Nguyen', via: 'added', at: 1000 },
      listing: { address: '1200 Barton Hills Dr, Austin, TX 78704', price: 725000 },
    });
  });

  it('says why a pronoun meant who it did', () => {
    expect(whyRemembered({ name: 'Tom', via: 'added', at: 0 }, 20_000)).toBe('added just now');
    expect(whyRemembered({ name: 'Tom', via: 'named', at: 0 }, 120_000)).toBe('mentioned 2 min ago');
    expect(whyRemembered({ name: 'Tom' })).toBeUndefined();
  });

  it('takes in the contact or listing a page shows', () => {
    const url = 'https://thewiseagent.com/secure/client/SUMMARY.asp?ClientID=77';
    expect(mentionOf({ kind: 'contact', url, site: 'wiseagent', contact: { id: '77', name: 'Dana W' } })).toEqual({
      contact: { id: '77', name: 'Dana W', via: 'opened' },
    });
    expect(mentionOf({ kind: 'none', url, site: 'generic' })).toBeUndefined();
  });
});
