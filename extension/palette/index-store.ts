import { paletteEntries } from './bridge';
import { buildIndex, type Hit, type SearchIndex, search } from './search-index';

/**
 * The palette's index over what the background has cached. It comes in pages, newest first, each
 * built into a segment of its own between keystrokes: the newest contacts and listings are found
 * at once and a long-kept cache never holds the keyboard up. Rows cached while the palette is open
 * (a read the agent just ran, a contact the CRM just answered) are fetched on `refresh` into one
 * more segment, searched before the others.
 */
export class PaletteIndex {
  private segments: SearchIndex[] = [];
  /** Every entry in the segments, so one cached again since is counted once. */
  private ids = new Set<string>();
  private fresh: SearchIndex = buildIndex([]);
  private builtAt = 0;
  private closed = false;
  recent: string[] = [];

  /** Loads page after page; `onChange` after each, so results fill in as they come. */
  async open(onChange: () => void): Promise<void> {
    for (let page = 0; !this.closed; page++) {
      const { entries, recent, at, more } = await paletteEntries(0, page);
      if (page === 0) {
        this.recent = recent;
        this.builtAt = at;
      }
      this.segments.push(buildIndex(entries));
      for (const e of entries) this.ids.add(`${e.kind}:${e.id}`);
      onChange();
      if (!more) return;
      // Let a keystroke that came meanwhile through before the next segment is built.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  close(): void {
    this.closed = true;
  }

  async refresh(): Promise<void> {
    // Before the first page has come there is nothing newer than it to fetch.
    if (!this.builtAt) return;
    const { entries, recent } = await paletteEntries(this.builtAt);
    this.fresh = buildIndex(entries);
    this.recent = recent;
  }

  /** How many contacts and listings can be found. */
  get size(): number {
    return this.ids.size + this.fresh.entries.filter((e) => !this.ids.has(`${e.kind}:${e.id}`)).length;
  }

  search(query: string, limit: number): Hit[] {
    const seen = new Set<string>();
    // A home seen on a portal's page and in an MLS answer is cached twice: it is listed once.
    const homes = new Set<string>();
    return [this.fresh, ...this.segments]
      .flatMap((segment) => search(segment, query, limit))
      .sort((a, b) => b.score - a.score)
      .filter(({ entry }) => {
        const id = `${entry.kind}:${entry.id}`;
        if (seen.has(id)) return false;
        seen.add(id);
        if (entry.kind !== 'listing') return true;
        const home = `${entry.label}|${entry.detail.split(' · ')[0]}`.toLowerCase();
        if (homes.has(home)) return false;
        homes.add(home);
        return true;
      })
      .slice(0, limit);
  }
}
