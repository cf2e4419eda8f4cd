import { db } from './db';

const KEEP = 200;

/** Remembers a command the agent sent (the latest copy of a repeat wins). */
export async function remember(text: string, at = Date.now()): Promise<void> {
  await db.transaction('rw', db.history, async () => {
    await db.history
      .where('at')
      .above(0)
      .filter((h) => h.text === text)
      .delete();
    await db.history.add({ text, at });
    const count = await db.history.count();
    if (count > KEEP)
      await db.history
        .orderBy('at')
        .limit(count - KEEP)
        .delete();
  });
}

/** The commands sent, newest first, for ↑/↓ recall. */
export async function recent(limit = 50): Promise<string[]> {
  return (await db.history.orderBy('at').reverse().limit(limit).toArray()).map((h) => h.text);
}
