import { type Browser, browser } from 'wxt/browser';
import { execute } from '../api/calls';
import { flush, sendQueuedNow } from '../cache/outbox';

export const OUTBOX_ALARM = 'estait-outbox';

/** Retries confirmed writes every minute, even with the panel closed and after a browser restart. */
export async function ensureOutboxAlarm(): Promise<void> {
  if (!(await browser.alarms.get(OUTBOX_ALARM))) await browser.alarms.create(OUTBOX_ALARM, { periodInMinutes: 1 });
}

/**
 * With the panel closed, this minute is the only look at whether the worker is back: writes that
 * waited out an outage go now rather than after their back-off (a round stops at the first that
 * nothing answers, so an outage costs one request a minute).
 */
export function onAlarm(alarm: Browser.alarms.Alarm): void {
  if (alarm.name === OUTBOX_ALARM) void sendQueuedNow().then(() => flush(execute));
}
