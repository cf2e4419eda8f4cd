import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');
const SHARED = join(ROOT, '../shared/fixtures/listings');
const OWN = join(ROOT, 'e2e/pages');

export type BenchPage = { id: string; url: string; html: string };

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));

/** The team's saved real pages where present, and the repository's own test pages. */
export function benchPages(): BenchPage[] {
  const pages: BenchPage[] = [];
  const manifest = join(SHARED, 'MANIFEST.jsonl');
  if (existsSync(manifest)) {
    for (const line of readFileSync(manifest, 'utf8').split('\n').filter(Boolean)) {
      const row = JSON.parse(line) as { id: string; file: string; url: string };
      pages.push({ id: row.id, url: row.url, html: readFileSync(join(SHARED, row.file), 'utf8') });
    }
  }
  for (const file of walk(OWN)) {
    const path = relative(OWN, file).replace(/index\.html$/, '');
    pages.push({ id: `own:${path}`, url: `https://${path}`, html: readFileSync(file, 'utf8') });
  }
  return pages;
}
