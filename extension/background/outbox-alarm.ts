import { type Browser, browser } from 'wxt/browser';
import { execute } from '../api/worker';
import { flush } from '../cache/outbox';

export const OUTBOX_ALARM = 'estait-outbox';

/** Retries confirmed writes every minute, even with the panel closed and after a browser restart. */
export async function ensureOutboxAlarm(): Promise<void> {
  if (!(await browser.alarms.get(OUTBOX_ALARM))) await browser.alarms.create(OUTBOX_ALARM, { periodInMinutes: 1 });
}

export function onAlarm(alarm: Browser.alarms.Alarm): void {
  if (alarm.name === OUTBOX_ALARM) void flush(execute);
}
