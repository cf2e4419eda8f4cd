// `npm run bench`: Estait's speed and size figures, measured the same way every run.
// Writes bench/results.json and prints a table. Ratios compare two things measured interleaved in
// this run, so a noisy machine moves both sides.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { readPage } from '../extension/context';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, '.output/chrome-mv3');
const SHARED = join(ROOT, '../shared/fixtures/listings');
const OWN = join(ROOT, 'e2e/pages');

type Figure = { value: number | Record<string, number> | null; samples?: number; unit?: string; note?: string };
const figures: Record<string, Figure> = {};
const pending = (reason: string): Figure => ({ value: null, note: reason });

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};
const round = (x: number, digits = 3) => Number(x.toFixed(digits));

// Pages: the team's saved real pages where present, and the repository's own.
function pages(): { id: string; file: string; url: string }[] {
  const list: { id: string; file: string; url: string }[] = [];
  const manifest = join(SHARED, 'MANIFEST.jsonl');
  if (existsSync(manifest)) {
    for (const line of readFileSync(manifest, 'utf8').split('\n').filter(Boolean)) {
      const row = JSON.parse(line) as { id: string; file: string; url: string };
      list.push({ id: row.id, file: join(SHARED, row.file), url: row.url });
    }
  }
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
  for (const file of walk(OWN)) {
    const path = relative(OWN, file).replace(/index\.html$/, '');
    list.push({ id: `own:${path}`, file, url: `https://${path}` });
  }
  return list;
}

function benchExtraction(): void {
  const ROUNDS = 15;
  const perPage: Record<string, number> = {};
  const ratios: number[] = [];
  let samples = 0;
  let largest = { id: '', bytes: 0, ms: 0 };
  for (const page of pages()) {
    const html = readFileSync(page.file, 'utf8');
    const url = new URL(page.url);
    const parseTimes: number[] = [];
    const readTimes: number[] = [];
    readPage(parseHTML(html).document as unknown as Document, url); // warm-up
    for (let i = 0; i < ROUNDS; i++) {
      const t0 = performance.now();
      const { document } = parseHTML(html);
      const t1 = performance.now();
      readPage(document as unknown as Document, url);
      const t2 = performance.now();
      parseTimes.push(t1 - t0);
      readTimes.push(t2 - t1);
    }
    const read = quantile(readTimes, 0.5);
    perPage[page.id] = round(read);
    ratios.push(read / quantile(parseTimes, 0.5));
    samples += ROUNDS;
    if (html.length > largest.bytes) largest = { id: page.id, bytes: html.length, ms: read };
  }
  const times = Object.values(perPage);
  figures.extract_ms = {
    value: { p50: round(quantile(times, 0.5)), max: round(Math.max(...times)) },
    samples,
    unit: 'ms',
    note: `median of ${ROUNDS} reads per page over ${times.length} pages, Node DOM (linkedom); largest page ${largest.id} (${(largest.bytes / 1e6).toFixed(2)} MB): ${round(largest.ms)} ms`,
  };
  figures.extract_ms_per_page = { value: perPage, unit: 'ms' };
  figures.extract_vs_parse = {
    value: round(quantile(ratios, 0.5)),
    samples,
    note: 'reader time / time to parse the same HTML into a DOM, median over pages; reference: the Node DOM (linkedom), interleaved',
  };
}

function gz(file: string) {
  return gzipSync(readFileSync(file)).length;
}

function benchSizes(): void {
  if (!existsSync(join(OUT, 'manifest.json')))
    execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build'], { cwd: ROOT, stdio: 'ignore' });
  const scripts = join(OUT, 'content-scripts');
  figures.content_script_gz_bytes = {
    value: Object.fromEntries(
      readdirSync(scripts)
        .filter((f) => f.endsWith('.js'))
        .map((f) => [f, gz(join(scripts, f))]),
    ),
    unit: 'bytes',
    note: 'production build, gzip level 6; budget ≤ 15 KB each',
  };
  // The side panel's own page and everything it loads (scripts, styles, preloaded chunks).
  const html = readFileSync(join(OUT, 'sidepanel.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1] as string);
  figures.sidepanel_gz_bytes = {
    value: gz(join(OUT, 'sidepanel.html')) + assets.reduce((sum, a) => sum + gz(join(OUT, a)), 0),
    unit: 'bytes',
    note: `sidepanel.html + ${assets.length} assets it loads`,
  };
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
  const files = walk(OUT);
  figures.extension_bytes = {
    value: files.reduce((sum, f) => sum + statSync(f).size, 0),
    unit: 'bytes',
    note: `${files.length} files, uncompressed`,
  };
}

const started = performance.now();
benchExtraction();
benchSizes();
Object.assign(figures, {
  parse_p50_ms: pending('the local command parser lands with issue 4'),
  parse_p99_ms: pending('the local command parser lands with issue 4'),
  local_share: pending('the local command parser lands with issue 4'),
  palette_keystroke_p99_ms: pending('the command palette has not landed yet'),
  palette_open_ms: pending('the command palette has not landed yet'),
  sidepanel_context_ms: pending('measured in Chromium with the bench issue (7)'),
  worker_overhead_ratio_p50: pending('CRM and property routes land with issues 5 and 6'),
  worker_overhead_ratio_p99: pending('CRM and property routes land with issues 5 and 6'),
  llm_prompt_tokens_p50: pending('the LLM planner lands with issue 4'),
  llm_prompt_tokens_max: pending('the LLM planner lands with issue 4'),
});

const results = {
  measuredAt: new Date().toISOString(),
  node: process.version,
  seconds: round((performance.now() - started) / 1000, 1),
  figures,
};
writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);

const show = (f: Figure) =>
  f.value === null
    ? `— (${f.note})`
    : typeof f.value === 'number'
      ? `${f.value}${f.unit ? ` ${f.unit}` : ''}`
      : JSON.stringify(f.value);
console.log(`Estait bench, ${results.measuredAt} (${results.seconds} s)\n`);
for (const [name, figure] of Object.entries(figures)) {
  if (name === 'extract_ms_per_page') continue;
  console.log(`${name.padEnd(28)} ${show(figure)}${figure.samples ? `  [n=${figure.samples}]` : ''}`);
}
