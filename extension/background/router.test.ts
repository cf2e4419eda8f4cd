import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageContext } from '../../shared/contracts';
import { WorkerError } from '../api/errors';
import { pageKey } from '../page-store';
import { pinnedTabId } from '../ui/useTargetTab';
import { onContentMessage, onPageMessage, onTabRemoved, onTabUpdated } from './router';
import { sessionToken, signOut } from './session';

vi.mock('./session', () => ({ sessionToken: vi.fn(), exchangeCode: vi.fn(), signInWithKey: vi.fn(), signOut: vi.fn() }));

const URL_ = 'https://www.zillow.com/homedetails/x/1_zpid/';
const context: PageContext = {
  kind: 'listing',
  url: URL_,
  site: 'zillow',
  listing: { address: '1 A St, Austin, TX 78701', street: '1 A St', price: 1 },
};
const sender = (over: object = {}) => ({ id: browser.runtime.id, tab: { id: 3 } as never, frameId: 0, url: URL_, ...over });
const settle = () => new Promise((r) => setTimeout(r, 0));
const loadPageContext = async (tabId: number) => (await browser.storage.session.get(pageKey(tabId)))[pageKey(tabId)];

beforeEach(() => fakeBrowser.reset());

describe('messages from content scripts', () => {
  it('keeps a valid page context for the sending tab', async () => {
    await onContentMessage({ type: 'page-context', context }, sender());
    expect(await loadPageContext(3)).toEqual(context);
  });

  it.each([
    ['an unknown message type', { type: 'export-contacts' }, sender()],
    ['a malformed context', { type: 'page-context', context: { ...context, kind: 'admin' } }, sender()],
    ['another extension', { type: 'page-context', context }, sender({ id: 'someone-else' })],
    ['a frame inside the page', { type: 'page-context', context }, sender({ frameId: 2 })],
    ['a page speaking for another site', { type: 'page-context', context }, sender({ url: 'https://evil.example/' })],
    ['a sender without a tab', { type: 'page-context', context }, sender({ tab: undefined })],
  ])('drops %s', async (_label, message, from) => {
    expect(onContentMessage(message, from)).toBeUndefined();
    await settle();
    expect(await loadPageContext(3)).toBeUndefined();
  });

  it('forgets a tab when it loads a new page or closes', async () => {
    await onContentMessage({ type: 'page-context', context }, sender());
    onTabUpdated(3, { status: 'loading', url: 'https://www.zillow.com/' });
    await settle();
    expect(await loadPageContext(3)).toBeUndefined();
    await onContentMessage({ type: 'page-context', context }, sender());
    onTabUpdated(3, { title: 'x' });
    onTabRemoved(4);
    await settle();
    expect(await loadPageContext(3)).toEqual(context);
    onTabRemoved(3);
    await settle();
    expect(await loadPageContext(3)).toBeUndefined();
  });
});

describe('the panel pinned to a tab', () => {
  it.each([
    ['?tabId=12', 12],
    ['?tabId=0', undefined],
    ['?tabId=abc', undefined],
    ['', undefined],
  ])('%s → %s', (search, id) => expect(pinnedTabId(search)).toBe(id));
});

describe('messages from the extension’s own pages', () => {
  const panel = (over: object = {}) => ({ id: browser.runtime.id, url: browser.runtime.getURL('/sidepanel.html'), ...over });
  beforeEach(() => vi.clearAllMocks());

  it('hands the panel a token from the session the background owns, passing on the token the worker refused', async () => {
    vi.mocked(sessionToken).mockResolvedValue('access-2');
    expect(await onPageMessage({ type: 'session-token', stale: 'access-1' }, panel())).toEqual({ ok: true, token: 'access-2' });
    expect(sessionToken).toHaveBeenCalledWith('access-1');
  });

  it('carries a refusal across as its fields, Retry-After included', async () => {
    vi.mocked(sessionToken).mockRejectedValue(new WorkerError(429, 'rate_limited', 'Slow down.', undefined, 20));
    expect(await onPageMessage({ type: 'session-token' }, panel({ tab: { id: 4 } }))).toEqual({
      ok: false,
      status: 429,
      code: 'rate_limited',
      message: 'Slow down.',
      retryAfter: 20,
    });
  });

  it.each([
    [
      'a content script (its sender is the host page)',
      { type: 'session-token' },
      panel({ url: URL_, tab: { id: 3 }, frameId: 0 }),
    ],
    ['another extension', { type: 'session-token' }, panel({ id: 'someone-else' })],
    ['a sender without an address', { type: 'sign-out' }, panel({ url: undefined })],
    ['an unknown message type', { type: 'export-session' }, panel()],
    ['a malformed sign-in', { type: 'session-exchange', code: 'short', verifier: 'short' }, panel()],
  ])('drops %s', (_label, message, from) => {
    expect(onPageMessage(message, from)).toBeUndefined();
    expect(sessionToken).not.toHaveBeenCalled();
    expect(signOut).not.toHaveBeenCalled();
  });
});
