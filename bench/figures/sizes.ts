import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../../e2e/support/browser';
import type { Figure } from './stats';

const gz = (file: string) => gzipSync(readFileSync(file)).length;
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));

/** Sizes of the production build (gzip level 6). */
export function benchSizes(): Record<string, Figure> {
  const scripts = join(EXTENSION_DIR, 'content-scripts');
  const html = readFileSync(join(EXTENSION_DIR, 'sidepanel.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1] as string);
  const files = walk(EXTENSION_DIR);
  return {
    content_script_gz_bytes: {
      value: Object.fromEntries(
        readdirSync(scripts)
          .filter((f) => f.endsWith('.js'))
          .map((f) => [f, gz(join(scripts, f))]),
      ),
      unit: 'bytes',
      note: 'each content script, gzipped; budget 15 KB each',
    },
    sidepanel_gz_bytes: {
      value: gz(join(EXTENSION_DIR, 'sidepanel.html')) + assets.reduce((sum, a) => sum + gz(join(EXTENSION_DIR, a)), 0),
      unit: 'bytes',
      note: `sidepanel.html and the ${assets.length} scripts and styles it loads, gzipped`,
    },
    extension_bytes: {
      value: files.reduce((sum, f) => sum + statSync(f).size, 0),
      unit: 'bytes',
      note: `${files.length} files, uncompressed`,
    },
  };
}
