import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

/**
 * Runs one of the team's scorers (../shared/tools) with its pass thresholds. The handbook sits
 * beside the repository; where it is absent (a user's clone) the suite is skipped with a message.
 */
export function teamScorer(title: string, tool: string, thresholds: string[], bar: string): void {
  const script = join(ROOT, '../shared/tools', tool);
  const present = existsSync(script);
  if (!present) console.warn(`Skipping ${title}: ${script} is not here (the team handbook sits beside the repository).`);
  describe.skipIf(!present)(title, () => {
    it(`meets the bar: ${bar}`, () => {
      const run = spawnSync(process.execPath, [script, ...thresholds], { cwd: ROOT, encoding: 'utf8' });
      console.log(run.stdout.trim());
      expect(run.status, run.stdout + run.stderr).toBe(0);
    }, 60_000);
  });
}
