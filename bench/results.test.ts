import { describe, expect, it } from 'vitest';
import { type BenchResults, readmeWithResults, unpublishable } from './results';

const results = (figures: BenchResults['figures']): BenchResults => ({
  measuredAt: '2026-12-04T21:59:53.597Z',
  machine: '2-core Example CPU',
  node: 'v20.20.2',
  seconds: 175.2,
  figures,
});

const measured = results({
  parse_p50_ms: { value: 0.0543, samples: 12600, unit: 'ms', note: '42 sentences × 300 rounds' },
  extract_ms: { value: { p50: 0.4, max: 2.4 }, samples: 375, unit: 'ms', note: 'median of 15 reads' },
  extract_ms_per_page: { value: { 'own:zillow': 0.1 } },
});

describe('the README bench table', () => {
  const readme = '# Estait\n\nbefore\n<!-- bench:start -->\nold table\n<!-- bench:end -->\nafter\n';

  it('is replaced between its markers, with the machine the run was measured on', () => {
    expect(readmeWithResults(readme, measured)).toBe(
      [
        '# Estait',
        '',
        'before',
        '<!-- bench:start -->',
        '_Measured 2026-12-04 on a 2-core Example CPU, Node v20.20.2 (175.2 s)._',
        '',
        '| figure | value | samples | how |',
        '|---|---|---|---|',
        '| `parse_p50_ms` | 0.054 ms | 12600 | 42 sentences × 300 rounds |',
        '| `extract_ms` | p50 0.4, max 2.4 ms | 375 | median of 15 reads |',
        '<!-- bench:end -->',
        'after',
        '',
      ].join('\n'),
    );
  });

  it('leaves a README without markers as it is', () => {
    expect(readmeWithResults('# Estait\n', measured)).toBe('# Estait\n');
  });
});

describe('publishing a run', () => {
  it('is allowed for a run that measured every figure', () => {
    expect(unpublishable(measured, ['/home/agent/'])).toEqual([]);
  });

  it('is refused when a figure was not measured, or names a path of this machine', () => {
    const partial = results({
      parse_p50_ms: { value: null, note: '/home/agent/shared/eval/commands.dev.jsonl is not here' },
      local_share: { value: 0.857, samples: 42 },
    });
    expect(unpublishable(partial, ['/home/agent/'])).toEqual([
      'parse_p50_ms was not measured (/home/agent/shared/eval/commands.dev.jsonl is not here)',
      'parse_p50_ms names a path of this machine',
    ]);
  });
});
