import { paletteEntries } from './bridge';
import { buildIndex, type Hit, type SearchIndex, search } from './search-index';

/**
 * The palette's index over what the background has cached, built when the palette opens. Rows
 * cached since (a read the agent just ran here, a contact the CRM just answered) are fetched on
 * `refresh` into a small second index that is searched with it, so the large one is never rebuilt
 * while the palette is open.
 */
export class PaletteIndex {
  private main: SearchIndex = buildIndex([]);
  private fresh: SearchIndex = buildIndex([]);
  private builtAt = 0;
  recent: string[] = [];

  async open(): Promise<void> {
    const { entries, recent, at } = await paletteEntries(0);
    this.main = buildIndex(entries);
    this.recent = recent;
    this.builtAt = at;
  }

  async refresh(): Promise<void> {
    const { entries, recent } = await paletteEntries(this.builtAt);
    this.fresh = buildIndex(entries);
    this.recent = recent;
  }

  get size(): number {
    return this.main.entries.length + this.fresh.entries.length;
  }

  search(query: string, limit: number): Hit[] {
    const fresh = search(this.fresh, query, limit);
    const shadowed = new Set(fresh.map((h) => `${h.entry.kind}:${h.entry.id}`));
    const older = search(this.main, query, limit + fresh.length).filter((h) => !shadowed.has(`${h.entry.kind}:${h.entry.id}`));
    // A home seen on a portal's page and in an MLS answer is cached twice: it is listed once.
    const homes = new Set<string>();
    return [...fresh, ...older]
      .sort((a, b) => b.score - a.score)
      .filter(({ entry }) => {
        if (entry.kind !== 'listing') return true;
        const home = `${entry.label}|${entry.detail.split(' · ')[0]}`.toLowerCase();
        if (homes.has(home)) return false;
        homes.add(home);
        return true;
      })
      .slice(0, limit);
  }
}
