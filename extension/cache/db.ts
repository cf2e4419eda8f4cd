import Dexie, { type EntityTable } from 'dexie';
import type { CachedContact, CachedListing, CachedResponse, HistoryEntry, OutboxEntry } from './rows';

export * from './rows';

/** Estait's IndexedDB: command history, the outbox, and the MLS and contact caches. */
export class EstaitDb extends Dexie {
  history!: EntityTable<HistoryEntry, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'key'>;
  responses!: EntityTable<CachedResponse, 'key'>;
  listings!: EntityTable<CachedListing, 'id'>;
  contacts!: EntityTable<CachedContact, 'id'>;

  constructor(name = 'estait') {
    super(name);
    this.version(1).stores({ history: '++id, at', outbox: 'key, state, nextAt, createdAt' });
    this.version(2).stores({ responses: 'key, fetchedAt', listings: 'id, fetchedAt' });
    this.version(3).stores({ contacts: 'id, fetchedAt' });
  }
}

export const db = new EstaitDb();
