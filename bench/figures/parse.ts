import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommand } from '../../shared/commands';
import type { PageContext } from '../../shared/contracts';
import { ROOT } from './pages';
import { type Figure, pending, quantile, round } from './stats';

const SET = join(ROOT, '../shared/eval/commands.dev.jsonl');

type Case = { text: string; now: string; tz: string; page?: PageContext };

export function readCases(): Case[] | undefined {
  try {
    return readFileSync(SET, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Case);
  } catch {
    return undefined;
  }
}

/** The local parser over the evaluation sentences: warm, many rounds. */
export function benchParse(): Record<string, Figure> {
  const cases = readCases();
  if (!cases)
    return Object.fromEntries(['parse_p50_ms', 'parse_p99_ms', 'local_share'].map((k) => [k, pending(`${SET} is not here`)]));
  for (const c of cases) parseCommand(c.text, c);
  const ROUNDS = 300;
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const c of cases) {
      const start = performance.now();
      parseCommand(c.text, c);
      times.push(performance.now() - start);
    }
  }
  const answered = cases.filter((c) => {
    const command = parseCommand(c.text, c);
    return command.intent !== 'unknown' && command.confidence >= 0.5;
  }).length;
  const note = `${cases.length} sentences × ${ROUNDS} rounds, after one warm-up round`;
  return {
    parse_p50_ms: { value: round(quantile(times, 0.5), 4), samples: times.length, unit: 'ms', note },
    parse_p99_ms: { value: round(quantile(times, 0.99), 4), samples: times.length, unit: 'ms', note },
    local_share: {
      value: round(answered / cases.length),
      samples: cases.length,
      note: 'share answered with confidence ≥ 0.5 (no LLM call needed)',
    },
  };
}
