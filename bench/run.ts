// `npm run bench`: Estait's speed and size figures, measured the same way every run. Writes
// bench/results.json, prints a table and refreshes the README's table. Ratios compare two things
// measured interleaved in this run, so a noisy machine moves both sides.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR } from '../e2e/support/browser';
import { startWorker } from '../e2e/support/worker';
import { benchExtraction, benchSidePanel } from './figures/browser';
import { benchBriefFromCache, benchBriefRoute } from './figures/day';
import { benchLlm } from './figures/llm';
import { ROOT } from './figures/pages';
import { benchPalette } from './figures/palette';
import { benchParse } from './figures/parse';
import { benchSizes } from './figures/sizes';
import { type Figure, round } from './figures/stats';
import { benchWorkerOverhead } from './figures/worker';

const started = performance.now();
execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build'], { cwd: ROOT, stdio: 'ignore' });
if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error('the production build failed');

const figures: Record<string, Figure> = {};
Object.assign(figures, benchParse());
Object.assign(figures, await benchExtraction());
Object.assign(figures, benchSizes());
const worker = await startWorker();
try {
  Object.assign(figures, await benchPalette(worker));
  Object.assign(figures, await benchSidePanel(worker));
  Object.assign(figures, await benchBriefFromCache(worker));
} finally {
  await worker.stop();
}
Object.assign(figures, await benchWorkerOverhead());
Object.assign(figures, await benchBriefRoute());
Object.assign(figures, await benchLlm());

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
      ? `${f.value.toLocaleString('en-US')}${f.unit ? ` ${f.unit}` : ''}`
      : Object.entries(f.value)
          .map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`)
          .join(', ') + (f.unit ? ` ${f.unit}` : '');

const rows = Object.entries(figures).filter(([name]) => name !== 'extract_ms_per_page');
console.log(`Estait bench, ${results.measuredAt} (${results.seconds} s)\n`);
for (const [name, f] of rows) console.log(`${name.padEnd(28)} ${show(f)}${f.samples ? `  [n=${f.samples}]` : ''}`);

// The README shows the latest run: its table is rewritten between the bench markers.
const readme = join(ROOT, 'README.md');
const table = [
  '| figure | value | samples | how |',
  '|---|---|---|---|',
  ...rows.map(([name, f]) => `| \`${name}\` | ${f.value === null ? '—' : show(f)} | ${f.samples ?? ''} | ${f.note ?? ''} |`),
].join('\n');
const text = readFileSync(readme, 'utf8');
const marked = /<!-- bench:start -->[\s\S]*<!-- bench:end -->/;
if (marked.test(text)) {
  writeFileSync(
    readme,
    text.replace(
      marked,
      `<!-- bench:start -->\n_Measured ${results.measuredAt.slice(0, 10)} on the 2-core development machine (${results.seconds} s)._\n\n${table}\n<!-- bench:end -->`,
    ),
  );
}
