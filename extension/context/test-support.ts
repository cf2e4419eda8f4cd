import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { PageContext } from '../../shared/contracts';
import { readPage } from '.';

export const PAGES = join(import.meta.dirname, '../../e2e/pages');

/** Reads HTML the way the content script does, on a DOM built in Node. */
export function read(html: string, url: string): PageContext {
  const { document } = parseHTML(html);
  return readPage(document as unknown as Document, new URL(url));
}

/** Reads one of the repository's own test pages, served at `url` (e2e/pages/<host><path>). */
export function readOwnPage(url: string): PageContext {
  const { hostname, pathname } = new URL(url);
  const file = join(PAGES, hostname, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
  return read(readFileSync(file, 'utf8'), url);
}
