import Dexie, { type EntityTable } from 'dexie';
import { z } from 'zod';
import { SessionTokens } from '../../shared/contracts';

/** The session and the worker address it was issued by: a session is only ever sent back there. */
export const StoredSession = SessionTokens.extend({ base: z.string() });
export type StoredSession = z.infer<typeof StoredSession>;

type Row = StoredSession & { id: 'current' };

/**
 * Where Estait's session lives, and why here. storage.local survives a restart, but every content
 * script can read it (Chrome restricts only storage.session to the extension's own pages), so a
 * compromised listing page could take a 30-day refresh token. storage.session is out of their reach
 * but is forgotten at every browser restart. The extension origin's IndexedDB is both: kept across
 * restarts, and closed to content scripts, which run in the page's origin and see the page's
 * databases. Only the background opens it. Both tokens are one row, so a rotation replaces them together.
 */
class SessionDb extends Dexie {
  sessions!: EntityTable<Row, 'id'>;

  constructor() {
    super('estait-session');
    this.version(1).stores({ sessions: 'id' });
  }
}

const db = new SessionDb();

export async function loadSession(): Promise<StoredSession | undefined> {
  const parsed = StoredSession.safeParse(await db.sessions.get('current'));
  return parsed.success ? parsed.data : undefined;
}

export const storeSession = async (session: StoredSession): Promise<void> => {
  await db.sessions.put({ ...session, id: 'current' });
};

export const clearSession = async (): Promise<void> => {
  await db.sessions.delete('current');
};
