import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { reportAnswered, reportHeld, reportUnreachable, watchPassing } from './connection';

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => vi.useRealTimers());

/** Lets storage events and the first read of the state arrive. */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('when the worker can be called again', () => {
  it('says so once when it answers after an outage, not on every answer', async () => {
    const passed = vi.fn();
    const stop = watchPassing(passed);
    await settle();
    await reportAnswered();
    await settle();
    expect(passed).not.toHaveBeenCalled();
    await reportUnreachable('No worker answers.');
    await reportAnswered();
    await reportAnswered();
    await settle();
    expect(passed.mock.calls).toEqual([['offline']]);
    stop();
  });

  it('says so when a pause the worker asked for ends, which nothing else announces', async () => {
    const passed = vi.fn();
    const stop = watchPassing(passed);
    await settle();
    await reportHeld(55);
    await settle();
    await vi.advanceTimersByTimeAsync(54_000);
    expect(passed).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_500);
    expect(passed.mock.calls).toEqual([['paused']]);
    stop();
  });

  it('follows a pause that began before the panel opened, and stops when the panel goes', async () => {
    await reportHeld(10);
    const passed = vi.fn();
    const stop = watchPassing(passed);
    await settle();
    await vi.advanceTimersByTimeAsync(11_000);
    expect(passed.mock.calls).toEqual([['paused']]);
    stop();

    await reportHeld(5);
    await vi.advanceTimersByTimeAsync(6_000);
    expect(passed).toHaveBeenCalledTimes(1);
  });
});
