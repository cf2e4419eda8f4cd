import { browser } from 'wxt/browser';
import { z } from 'zod';
import { db } from './db';
import { localCacheUsable } from './keeper';

/**
 * How long a brief or a day counts as fresh. Shown at once from here either way; older than this it
 * is read again behind it, and a write through Estait makes it old at once.
 */
export const DAY_MAX_AGE = 60_000;

/** Whose brief a kept row is: all a write needs to know of it. */
const BriefOf = z.object({ contact: z.object({ id: z.string() }) });

/** What a brief is asked for by: a CRM contact's id, or a contact page's id and what the page showed. */
export type BriefRef = { id: string; page?: { site: string; email?: string; phone?: string; name?: string } };

export const briefKey = ({ id, page }: BriefRef) => (page ? `brief:page:${page.site}:${id}` : `brief:crm:${id}`);
export const agendaKey = (date: string) => `agenda:${date}`;
/** The agent's open tasks, due or not. */
export const OPEN_TASKS_KEY = 'agenda:open-tasks';

/**
 * A write landed: every day it could change, and the brief of the contact it was for (whichever
 * page or result it was read from), become old, so what shows them reads them again.
 */
export async function dayChanged(contactId: string | undefined): Promise<void> {
  if (!localCacheUsable()) return;
  await db.transaction('rw', db.responses, async () => {
    await db.responses.where('key').startsWith('agenda:').modify({ fetchedAt: 0 });
    await db.responses
      .where('key')
      .startsWith('brief:')
      .filter((row) => !contactId || BriefOf.safeParse(row.value).data?.contact.id === contactId)
      .modify({ fetchedAt: 0 });
  });
  // The palette's frame cannot watch the database: it watches this stamp (extension pages only).
  await browser.storage.session.set({ [CHANGED]: Date.now() });
}

const CHANGED = 'dayChangedAt';

/** Calls `listener` after a write landed anywhere (the panel, the palette, the background's retry). */
export function watchDayChanges(listener: () => void): () => void {
  const onChanged = (changes: Record<string, unknown>) => {
    if (CHANGED in changes) listener();
  };
  browser.storage.session.onChanged.addListener(onChanged);
  return () => browser.storage.session.onChanged.removeListener(onChanged);
}

/** Another sign-in (another CRM or account): what was kept of the last one's contacts and days goes. */
export async function forgetDays(): Promise<void> {
  if (!localCacheUsable()) return;
  await db.responses.where('key').startsWith('brief:').or('key').startsWith('agenda:').delete();
}
