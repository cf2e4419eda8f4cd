// Where a bench run's figures go. Every run writes bench/results.local.json (not committed); the
// committed bench/results.json and the README's table change only with `--publish`, and only for a
// run that measured every figure and names no path of this machine.
import { cpus } from 'node:os';
import type { Figure } from './figures/stats';

export type BenchResults = {
  measuredAt: string;
  machine: string;
  node: string;
  seconds: number;
  figures: Record<string, Figure>;
};

export const LOCAL_RESULTS = 'bench/results.local.json';
export const PUBLISHED_RESULTS = 'bench/results.json';

/** What the run was measured on, in the caption: cores and CPU model, as this machine reports them. */
export function describeMachine(): string {
  const cores = cpus();
  const model = cores[0]?.model.replace(/\s+/g, ' ').trim();
  return `${cores.length}-core ${model || 'unknown CPU'}`;
}

export const showFigure = (f: Figure) =>
  f.value === null
    ? `— (${f.note})`
    : typeof f.value === 'number'
      ? `${f.value.toLocaleString('en-US')}${f.unit ? ` ${f.unit}` : ''}`
      : Object.entries(f.value)
          .map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`)
          .join(', ') + (f.unit ? ` ${f.unit}` : '');

/** The figures a table shows: the per-page detail stays in the JSON. */
export const tableRows = (results: BenchResults) =>
  Object.entries(results.figures).filter(([name]) => name !== 'extract_ms_per_page');

/** Why these results may not replace the published ones, if they may not. */
export function unpublishable(results: BenchResults, localPaths: string[]): string[] {
  const reasons: string[] = [];
  for (const [name, f] of Object.entries(results.figures)) {
    if (f.value === null) reasons.push(`${name} was not measured (${f.note ?? 'no reason given'})`);
    const text = JSON.stringify(f);
    if (localPaths.some((p) => p !== '' && text.includes(p))) reasons.push(`${name} names a path of this machine`);
  }
  return reasons;
}

const MARKED = /<!-- bench:start -->[\s\S]*<!-- bench:end -->/;

/** The README with its bench table replaced by these results' (unchanged when it has no markers). */
export function readmeWithResults(readme: string, results: BenchResults): string {
  const table = [
    '| figure | value | samples | how |',
    '|---|---|---|---|',
    ...tableRows(results).map(
      ([name, f]) => `| \`${name}\` | ${f.value === null ? '—' : showFigure(f)} | ${f.samples ?? ''} | ${f.note ?? ''} |`,
    ),
  ].join('\n');
  const caption = `_Measured ${results.measuredAt.slice(0, 10)} on a ${results.machine}, Node ${results.node} (${results.seconds} s)._`;
  return readme.replace(MARKED, () => `<!-- bench:start -->\n${caption}\n\n${table}\n<!-- bench:end -->`);
}
