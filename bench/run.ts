// `npm run bench`: Estait's speed and size figures, measured the same way every run. Prints a table
// and writes bench/results.local.json; `npm run bench -- --publish` also replaces the committed
// bench/results.json and the README's table (bench/results.ts). Ratios compare two things measured
// interleaved in this run, so a noisy machine moves both sides.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
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
import {
  type BenchResults,
  describeMachine,
  LOCAL_RESULTS,
  PUBLISHED_RESULTS,
  readmeWithResults,
  showFigure,
  tableRows,
  unpublishable,
} from './results';

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

const results: BenchResults = {
  measuredAt: new Date().toISOString(),
  machine: describeMachine(),
  node: process.version,
  seconds: round((performance.now() - started) / 1000, 1),
  figures,
};
writeFileSync(join(ROOT, LOCAL_RESULTS), `${JSON.stringify(results, null, 2)}\n`);

console.log(`Estait bench, ${results.measuredAt} on a ${results.machine} (${results.seconds} s)\n`);
for (const [name, f] of tableRows(results))
  console.log(`${name.padEnd(28)} ${showFigure(f)}${f.samples ? `  [n=${f.samples}]` : ''}`);
console.log(`\nWritten to ${LOCAL_RESULTS}.`);

// The committed figures (bench/results.json, the README's table) change only on request.
if (process.argv.includes('--publish')) {
  const reasons = unpublishable(results, [`${resolve(ROOT, '..')}/`, `${homedir()}/`]);
  if (reasons.length) {
    console.error(`Not published: ${reasons.join('; ')}.`);
    process.exit(1);
  }
  writeFileSync(join(ROOT, PUBLISHED_RESULTS), `${JSON.stringify(results, null, 2)}\n`);
  const readme = join(ROOT, 'README.md');
  writeFileSync(readme, readmeWithResults(readFileSync(readme, 'utf8'), results));
  console.log(`Published to ${PUBLISHED_RESULTS} and the README's table.`);
}
