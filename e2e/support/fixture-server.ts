import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** The repository's own pages, shaped like the real sites: e2e/pages/<host>/<path>. */
const OWN_PAGES = resolve(here, '../pages');
/** The team's saved real pages, read in place (never copied into the repository). */
export const SHARED_LISTINGS = resolve(here, '../../../shared/fixtures/listings');

type ManifestRow = { url: string; file: string };

function sharedRoutes(): Map<string, string> {
  const manifest = join(SHARED_LISTINGS, 'MANIFEST.jsonl');
  if (!existsSync(manifest)) return new Map();
  const rows = readFileSync(manifest, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ManifestRow);
  return new Map(rows.map((r) => [key(new URL(r.url)), join(SHARED_LISTINGS, r.file)]));
}

const key = (url: URL) => `${url.host}${url.pathname}`;

/**
 * Serves listing pages at their real addresses: Chromium maps the sites' hostnames here with
 * --host-resolver-rules, so the production manifest's content scripts run as on the real site.
 */
export async function startFixtureServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const shared = sharedRoutes();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const own = normalize(join(OWN_PAGES, url.hostname, url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname));
    const file = own.startsWith(OWN_PAGES) && existsSync(own) && !own.endsWith('/') ? own : shared.get(key(url));
    if (!file || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('the fixture server has no port');
  return { port: address.port, close: () => new Promise((r) => server.close(() => r())) };
}
